/* softmax.c — exact softmax bound and exact emulation of softmax in IEEE
 * binary16/binary32/binary64 and bfloat16 (see softmax.h for the order). */
#include <string.h>
#include "softmax.h"

/* MPFR exponent conventions: x = m 2^e with 1/2 <= m < 1.
 *   binary16: max (1-2^-11) 2^16, min normal 2^-14, min subnormal 2^-24
 *   bfloat16: max (1-2^-8) 2^128, min normal 2^-126, min subnormal 2^-133
 *   binary32: max (1-2^-24) 2^128, min subnormal 2^-149
 *   binary64: max (1-2^-53) 2^1024, min subnormal 2^-1074
 * emin = (exponent of the min subnormal) + 1, as in MPFR's documentation
 * of mpfr_subnormalize. */
static const ic_fp_format formats[] = {
  { "binary16", 11, -23, 16 },
  { "bfloat16", 8, -132, 128 },
  { "binary32", 24, -148, 128 },
  { "binary64", 53, -1073, 1024 },
};

const ic_fp_format *ic_fp_format_get (ic_fp_id id) { return &formats[id]; }

const ic_fp_format *ic_fp_format_by_name (const char *name)
{
  if (!strcmp (name, "half")) name = "binary16";
  if (!strcmp (name, "float")) name = "binary32";
  if (!strcmp (name, "double")) name = "binary64";
  for (unsigned i = 0; i < sizeof formats / sizeof formats[0]; i++)
    if (!strcmp (formats[i].name, name)) return &formats[i];
  return NULL;
}

const char *ic_sm_order_name (ic_sm_order o)
{
  return o == IC_SM_TOP_FIRST ? "top-first" : "top-last";
}

void ic_softmax_max_bound (ic_ival_ptr out, unsigned long V, ic_ival_srcptr d)
{
  mpfr_prec_t p = ic_ival_get_prec (out) + 16;
  ic_ival_t t, one;
  ic_ival_init2 (t, p); ic_ival_init2 (one, p);
  ic_ival_neg (t, d);
  ic_ival_exp (t, t);                       /* t encloses e^-D        */
  ic_ival_t v; ic_ival_init2 (v, p);
  ic_ival_set_ui (v, V > 0 ? V - 1 : 0);    /* V = 0 (no token): no wrap */
  ic_ival_mul (t, t, v);                    /* (V-1) e^-D             */
  ic_ival_set_ui (one, 1);
  ic_ival_add (t, t, one);                  /* 1 + (V-1) e^-D >= 1    */
  ic_ival_div (out, one, t);                /* encloses the bound     */
  ic_ival_clear (t); ic_ival_clear (one); ic_ival_clear (v);
}

/* ---- the format's arithmetic --------------------------------------------
 * Each operation runs with the format's exponent range in force, rounds to
 * nearest in the target precision (the target variables have precision
 * f->prec), and is then subnormalized with the ternary value, which gives
 * the correctly rounded IEEE result (MPFR manual, mpfr_subnormalize). */

typedef struct { mpfr_exp_t emin, emax; } range_save;

static range_save enter (const ic_fp_format *f)
{
  range_save r = { mpfr_get_emin (), mpfr_get_emax () };
  mpfr_set_emin (f->emin);
  mpfr_set_emax (f->emax);
  return r;
}

static void leave (range_save r)
{
  mpfr_set_emin (r.emin);
  mpfr_set_emax (r.emax);
}

static void fin (mpfr_ptr r, int t)
{
  t = mpfr_check_range (r, t, MPFR_RNDN);
  mpfr_subnormalize (r, t, MPFR_RNDN);
}

void ic_fp_round (mpfr_ptr r, mpfr_srcptr x, const ic_fp_format *f)
{
  /* x may be outside the format's range: round at the target precision
   * first, then check the range (as MPFR documents for this case). */
  mpfr_t t; mpfr_init2 (t, f->prec);
  int tern = mpfr_set (t, x, MPFR_RNDN);
  range_save s = enter (f);
  fin (t, tern);
  leave (s);
  mpfr_set (r, t, MPFR_RNDN);
  mpfr_clear (t);
}

static int is_format_number (mpfr_srcptr g, const ic_fp_format *f)
{
  mpfr_t t; mpfr_init2 (t, f->prec);
  ic_fp_round (t, g, f);
  int ok = mpfr_equal_p (t, g);
  mpfr_clear (t);
  return ok;
}

/* Body of ic_fpsoftmax_top with the format's range already in force. */
static void top_in_range (mpfr_ptr p_top, mpfr_ptr s, const ic_fp_format *f,
                          unsigned long V, mpfr_srcptr g, ic_sm_order order)
{
  mpfr_t d, e, one, acc, nxt;
  mpfr_inits2 (f->prec, d, e, one, acc, nxt, (mpfr_ptr) 0);
  fin (d, mpfr_neg (d, g, MPFR_RNDN));       /* d = fl(-g - 0) = -g     */
  fin (e, mpfr_exp (e, d, MPFR_RNDN));       /* e = fl(exp(-g))         */
  mpfr_set_ui (one, 1, MPFR_RNDN);           /* fl(exp(0)) = 1 exactly  */
  unsigned long k;
  if (order == IC_SM_TOP_FIRST) { mpfr_set (acc, one, MPFR_RNDN); k = 0; }
  else { mpfr_set (acc, e, MPFR_RNDN); k = 1; }   /* V >= 2 here */
  /* acc holds the sum of the first terms; add the remaining small terms */
  for (; k < V - 1; k++)
    {
      fin (nxt, mpfr_add (nxt, acc, e, MPFR_RNDN));
      /* The same operation on the same operands gives the same result:
       * once acc + e rounds to acc, every later addition of e does too. */
      if (mpfr_equal_p (nxt, acc)) break;
      mpfr_swap (nxt, acc);
    }
  if (order == IC_SM_TOP_LAST) fin (acc, mpfr_add (acc, acc, one, MPFR_RNDN));
  mpfr_set (s, acc, MPFR_RNDN);
  fin (p_top, mpfr_div (p_top, one, acc, MPFR_RNDN));
  mpfr_clears (d, e, one, acc, nxt, (mpfr_ptr) 0);
}

int ic_fpsoftmax_top (mpfr_ptr p_top, mpfr_ptr s, const ic_fp_format *f,
                      unsigned long V, mpfr_srcptr g, ic_sm_order order)
{
  if (!is_format_number (g, f) || mpfr_sgn (g) <= 0 || V < 1) return -1;
  if (V == 1)
    {
      mpfr_set_ui (p_top, 1, MPFR_RNDN);
      mpfr_set_ui (s, 1, MPFR_RNDN);
      return 0;
    }
  mpfr_t pt, sv;
  mpfr_inits2 (f->prec, pt, sv, (mpfr_ptr) 0);
  range_save r = enter (f);
  top_in_range (pt, sv, f, V, g, order);
  leave (r);
  mpfr_set (p_top, pt, MPFR_RNDN);
  mpfr_set (s, sv, MPFR_RNDN);
  mpfr_clears (pt, sv, (mpfr_ptr) 0);
  return 0;
}

static int is_one_at (const ic_fp_format *f, unsigned long V, mpfr_srcptr g,
                      ic_sm_order order, mpfr_ptr pt)
{
  mpfr_t s; mpfr_init2 (s, f->prec);
  ic_fpsoftmax_top (pt, s, f, V, g, order);
  mpfr_clear (s);
  return mpfr_cmp_ui (pt, 1) == 0;
}

int ic_fpsoftmax_threshold (mpfr_ptr gstar, mpfr_ptr p_below,
                            const ic_fp_format *f, unsigned long V,
                            ic_sm_order order)
{
  mpfr_t lo, hi, mid, pt, mx;
  mpfr_inits2 (f->prec, lo, hi, mid, pt, mx, (mpfr_ptr) 0);
  int rc = -1;
  /* mx = largest finite number of the format */
  mpfr_set_ui_2exp (mx, 1, (mpfr_exp_t) f->emax, MPFR_RNDN);
  mpfr_nextbelow (mx);
  /* Heuristic bracketing (the answer is checked below, not trusted):
   * hi = 1, 2, 4, ... until p_top = 1. */
  mpfr_set_ui (hi, 1, MPFR_RNDN);
  while (!is_one_at (f, V, hi, order, pt))
    {
      if (mpfr_greaterequal_p (hi, mx)) goto out;
      mpfr_mul_2ui (hi, hi, 1, MPFR_RNDN);
      if (mpfr_greater_p (hi, mx)) mpfr_set (hi, mx, MPFR_RNDN);
    }
  /* lo: a format number below hi where p_top < 1 (halving down) */
  mpfr_set (lo, hi, MPFR_RNDN);
  for (;;)
    {
      mpfr_div_2ui (lo, lo, 1, MPFR_RNDN);
      ic_fp_round (lo, lo, f);
      if (mpfr_zero_p (lo)) break;             /* every positive gap gives 1 */
      if (!is_one_at (f, V, lo, order, pt)) break;
      mpfr_set (hi, lo, MPFR_RNDN);
    }
  if (mpfr_zero_p (lo))
    {
      /* hi is the smallest positive number of the format here */
      mpfr_set (gstar, hi, MPFR_RNDN);
      mpfr_set_zero (p_below, 1);              /* no smaller positive gap */
      rc = 0;
      goto out;
    }
  /* Bisection over format numbers: invariant p(lo) < 1, p(hi) = 1. */
  for (;;)
    {
      mpfr_set (mid, lo, MPFR_RNDN);
      mpfr_nextabove (mid);
      ic_fp_round (mid, mid, f);
      if (mpfr_greaterequal_p (mid, hi)) break;  /* lo, hi adjacent */
      mpfr_add (mid, lo, hi, MPFR_RNDN);
      mpfr_div_2ui (mid, mid, 1, MPFR_RNDN);
      ic_fp_round (mid, mid, f);
      if (mpfr_lessequal_p (mid, lo) || mpfr_greaterequal_p (mid, hi))
        { mpfr_set (mid, lo, MPFR_RNDN); mpfr_nextabove (mid); ic_fp_round (mid, mid, f); }
      if (is_one_at (f, V, mid, order, pt)) mpfr_set (hi, mid, MPFR_RNDN);
      else mpfr_set (lo, mid, MPFR_RNDN);
    }
  /* Check (not heuristic): p(hi) == 1 and p(lo) < 1 with lo, hi adjacent. */
  if (!is_one_at (f, V, hi, order, pt)) goto out;
  if (is_one_at (f, V, lo, order, pt)) goto out;
  mpfr_set (gstar, hi, MPFR_RNDN);
  mpfr_set (p_below, pt, MPFR_RNDN);
  rc = 0;
out:
  mpfr_clears (lo, hi, mid, pt, mx, (mpfr_ptr) 0);
  return rc;
}
