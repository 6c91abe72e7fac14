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

/* Body of ic_fpsoftmax_top with the format's range already in force;
 * p_small (if not NULL) gets the computed probability of each of the V-1
 * other tokens, fl(e / s). */
static void top_in_range (mpfr_ptr p_top, mpfr_ptr p_small, mpfr_ptr s, const ic_fp_format *f,
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
  if (p_small) fin (p_small, mpfr_div (p_small, e, acc, MPFR_RNDN));
  mpfr_clears (d, e, one, acc, nxt, (mpfr_ptr) 0);
}

/* Both computed probabilities (top and each other token) at gap g. */
static int probs_at (mpfr_ptr p_top, mpfr_ptr p_small, mpfr_ptr s, const ic_fp_format *f,
                     unsigned long V, mpfr_srcptr g, ic_sm_order order)
{
  if (!is_format_number (g, f) || mpfr_sgn (g) <= 0 || V < 1) return -1;
  if (V == 1)
    {
      mpfr_set_ui (p_top, 1, MPFR_RNDN);
      if (p_small) mpfr_set_zero (p_small, 1);   /* no other token */
      mpfr_set_ui (s, 1, MPFR_RNDN);
      return 0;
    }
  mpfr_t pt, ps, sv;
  mpfr_inits2 (f->prec, pt, ps, sv, (mpfr_ptr) 0);
  range_save r = enter (f);
  top_in_range (pt, ps, sv, f, V, g, order);
  leave (r);
  mpfr_set (p_top, pt, MPFR_RNDN);
  if (p_small) mpfr_set (p_small, ps, MPFR_RNDN);
  mpfr_set (s, sv, MPFR_RNDN);
  mpfr_clears (pt, ps, sv, (mpfr_ptr) 0);
  return 0;
}

int ic_fpsoftmax_top (mpfr_ptr p_top, mpfr_ptr s, const ic_fp_format *f,
                      unsigned long V, mpfr_srcptr g, ic_sm_order order)
{
  return probs_at (p_top, NULL, s, f, V, g, order);
}

int ic_fpsoftmax_small (mpfr_ptr p_small, const ic_fp_format *f,
                        unsigned long V, mpfr_srcptr g, ic_sm_order order)
{
  mpfr_t pt, s;
  mpfr_inits2 (f->prec, pt, s, (mpfr_ptr) 0);
  int rc = probs_at (pt, p_small, s, f, V, g, order);
  mpfr_clears (pt, s, (mpfr_ptr) 0);
  return rc;
}

/* A property of the gap g that is false for small gaps and true from some
 * format number on (monotone); ctx carries its parameters. */
typedef int (*gap_pred) (const ic_fp_format *f, mpfr_srcptr g, const void *ctx);

/* The smallest positive format number g with P(g), for a monotone P.
 * The search (doubling up, halving down, bisection over format numbers)
 * is a heuristic; the answer is checked: P(g) holds, and P fails at the
 * format number just below g (or g is the smallest positive number).
 * Returns 0, or -1 when no finite number of the format satisfies P or the
 * check fails. */
static int first_gap (mpfr_ptr g, const ic_fp_format *f, gap_pred P, const void *ctx)
{
  mpfr_t lo, hi, mid, mx;
  mpfr_inits2 (f->prec, lo, hi, mid, mx, (mpfr_ptr) 0);
  int rc = -1;
  /* mx = largest finite number of the format */
  mpfr_set_ui_2exp (mx, 1, (mpfr_exp_t) f->emax, MPFR_RNDN);
  mpfr_nextbelow (mx);
  mpfr_set_ui (hi, 1, MPFR_RNDN);
  while (!P (f, hi, ctx))
    {
      if (mpfr_greaterequal_p (hi, mx)) goto out;
      mpfr_mul_2ui (hi, hi, 1, MPFR_RNDN);
      if (mpfr_greater_p (hi, mx)) mpfr_set (hi, mx, MPFR_RNDN);
    }
  /* lo: a format number below hi where P fails (halving down) */
  mpfr_set (lo, hi, MPFR_RNDN);
  for (;;)
    {
      mpfr_div_2ui (lo, lo, 1, MPFR_RNDN);
      ic_fp_round (lo, lo, f);
      if (mpfr_zero_p (lo)) break;             /* every positive gap satisfies P */
      if (!P (f, lo, ctx)) break;
      mpfr_set (hi, lo, MPFR_RNDN);
    }
  if (mpfr_zero_p (lo))
    {
      mpfr_set (g, hi, MPFR_RNDN);             /* the smallest positive number */
      rc = 0;
      goto out;
    }
  /* Bisection over format numbers: invariant !P(lo), P(hi). */
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
      if (P (f, mid, ctx)) mpfr_set (hi, mid, MPFR_RNDN);
      else mpfr_set (lo, mid, MPFR_RNDN);
    }
  /* Check (not heuristic): P(hi) and !P(lo) with lo, hi adjacent. */
  if (!P (f, hi, ctx) || P (f, lo, ctx)) goto out;
  mpfr_set (g, hi, MPFR_RNDN);
  rc = 0;
out:
  mpfr_clears (lo, hi, mid, mx, (mpfr_ptr) 0);
  return rc;
}

typedef struct { unsigned long V; ic_sm_order order; } sm_ctx;

static int top_is_one (const ic_fp_format *f, mpfr_srcptr g, const void *ctx)
{
  const sm_ctx *c = ctx;
  mpfr_t pt, s; mpfr_inits2 (f->prec, pt, s, (mpfr_ptr) 0);
  ic_fpsoftmax_top (pt, s, f, c->V, g, c->order);
  int one = mpfr_cmp_ui (pt, 1) == 0;
  mpfr_clears (pt, s, (mpfr_ptr) 0);
  return one;
}

/* fl(exp(-g)) = 0: monotone because correctly rounded exp is. */
static int exp_underflows (const ic_fp_format *f, mpfr_srcptr g, const void *ctx)
{
  (void) ctx;
  mpfr_t e; mpfr_init2 (e, f->prec);
  range_save r = enter (f);
  fin (e, mpfr_neg (e, g, MPFR_RNDN));
  fin (e, mpfr_exp (e, e, MPFR_RNDN));
  leave (r);
  int z = mpfr_zero_p (e);
  mpfr_clear (e);
  return z;
}

/* The format number just below g (g > 0 a number of the format), or 0. */
static void pred_of (mpfr_ptr b, mpfr_srcptr g, const ic_fp_format *f)
{
  mpfr_set (b, g, MPFR_RNDN);
  mpfr_nextbelow (b);
  ic_fp_round (b, b, f);
  if (mpfr_greaterequal_p (b, g)) mpfr_set_zero (b, 1);
  /* rounding to the format can only move b to the adjacent format number
   * below g: the values strictly between are not format numbers */
  if (mpfr_greaterequal_p (b, g)) mpfr_set_zero (b, 1);
}

int ic_fpsoftmax_threshold (mpfr_ptr gstar, mpfr_ptr p_below,
                            const ic_fp_format *f, unsigned long V,
                            ic_sm_order order)
{
  sm_ctx c = { V, order };
  if (first_gap (gstar, f, top_is_one, &c) != 0) return -1;
  mpfr_t b, s; mpfr_inits2 (f->prec, b, s, (mpfr_ptr) 0);
  pred_of (b, gstar, f);
  if (mpfr_zero_p (b)) mpfr_set_zero (p_below, 1);   /* no smaller positive gap */
  else ic_fpsoftmax_top (p_below, s, f, V, b, order);
  mpfr_clears (b, s, (mpfr_ptr) 0);
  return 0;
}

int ic_fpsoftmax_zero_threshold (mpfr_ptr g0, mpfr_ptr p_below,
                                 const ic_fp_format *f, unsigned long V,
                                 ic_sm_order order)
{
  if (V < 2 || first_gap (g0, f, exp_underflows, NULL) != 0) return -1;
  mpfr_t b, z; mpfr_inits2 (f->prec, b, z, (mpfr_ptr) 0);
  int rc = -1;
  pred_of (b, g0, f);
  /* at g0 itself the emulation must give exactly 0 (0 / s = 0) */
  if (!mpfr_zero_p (b) && ic_fpsoftmax_small (z, f, V, g0, order) == 0 && mpfr_zero_p (z))
    {
      ic_fpsoftmax_small (p_below, f, V, b, order);
      rc = 0;
    }
  mpfr_clears (b, z, (mpfr_ptr) 0);
  return rc;
}
