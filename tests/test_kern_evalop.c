/* test_kern_evalop.c — runtime tests of the proved evaluation step
 * ic_evop / ic_evop_fact (src/kern/evalop.c; contract proved by WP, the
 * meaning of each operation in specs/term.acsl).
 *
 *  - Containment: for random operand intervals x, y (points, thin and
 *    wide, both signs) and every operation, an OK result z at 53 bits
 *    contains op(u, w) at sample points u in x, w in y where op is defined
 *    (endpoints, midpoint, random interior points): z.lo <= RNDD(op(u, w))
 *    and RNDU(op(u, w)) <= z.hi, the reference computed by MPFR at 1024
 *    bits, independently of the interval layer.
 *  - The statuses: UNDEF only where op is defined at no sample point
 *    (log of [-2, -1], sqrt of [-3, -2], 0^[-2, -1], (-2)^(1/2)); OK at a
 *    point (not range) only where op is defined at every sample point;
 *    the expected status on boundary cases (log of [-1, 2] and 1/[-1, 1]
 *    are INEXACT, not UNDEF).
 *  - Powers with the exact layer's hypotheses: an integer exponent k (also
 *    over x containing 0), the base 0, (-1)^(n + k) over a range of n.
 *  - Factorials: m! for m = 1 .. 3000 in a row (the cache of interval
 *    products, reseeded by Gamma every 1024 steps), jumps, m = 30000, a
 *    range [3, 9.5] (every k! for k = 3 .. 9), against exact mpz_fac_ui.
 * Random tests print their seed (argv[1] replays a run). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "evalop.h"

#define P 53
#define PREF 1024

static int nfail;
static unsigned long seed;

static void check (int c, const char *name, long cases)
{
  if (c) printf ("ok %s (%ld cases, seed %lu)\n", name, cases, seed);
  else { printf ("FAIL %s (seed %lu)\n", name, seed); nfail++; }
}

/* a random value in [-8, 8] (sometimes an integer, sometimes 0) */
static void random_val (mpfr_ptr r, gmp_randstate_t st)
{
  unsigned long k = gmp_urandomm_ui (st, 10);
  if (k == 0) { mpfr_set_si (r, (long) gmp_urandomm_ui (st, 9) - 4, MPFR_RNDN); return; }
  mpfr_urandomb (r, st);
  mpfr_mul_ui (r, r, 16, MPFR_RNDN);
  mpfr_sub_ui (r, r, 8, MPFR_RNDN);
}

/* kind 0 point, 1 thin, 2 wide */
static void random_ival (ic_ival_ptr x, gmp_randstate_t st, int kind)
{
  random_val (x->lo, st);
  if (kind == 0) { mpfr_set (x->hi, x->lo, MPFR_RNDN); return; }
  if (kind == 1)
    {
      mpfr_set (x->hi, x->lo, MPFR_RNDN);
      for (int k = (int) gmp_urandomm_ui (st, 8); k >= 0; k--) mpfr_nextabove (x->hi);
      return;
    }
  random_val (x->hi, st);
  if (mpfr_less_p (x->hi, x->lo)) mpfr_swap (x->lo, x->hi);
}

/* sample points of x: the ends, the midpoint, two random interior points */
static int samples (mpfr_t *s, ic_ival_srcptr x, gmp_randstate_t st)
{
  mpfr_set (s[0], x->lo, MPFR_RNDN);
  mpfr_set (s[1], x->hi, MPFR_RNDN);
  mpfr_add (s[2], x->lo, x->hi, MPFR_RNDN);
  mpfr_div_2ui (s[2], s[2], 1, MPFR_RNDN);
  for (int i = 3; i < 5; i++)
    {
      mpfr_urandomb (s[i], st);
      mpfr_t d;
      mpfr_init2 (d, PREF);
      mpfr_sub (d, x->hi, x->lo, MPFR_RNDN);
      mpfr_mul (s[i], s[i], d, MPFR_RNDN);
      mpfr_add (s[i], s[i], x->lo, MPFR_RNDN);
      mpfr_clear (d);
      if (mpfr_less_p (s[i], x->lo)) mpfr_set (s[i], x->lo, MPFR_RNDN);
      if (mpfr_greater_p (s[i], x->hi)) mpfr_set (s[i], x->hi, MPFR_RNDN);
    }
  return 5;
}

static int is_int (mpfr_srcptr w) { return mpfr_integer_p (w); }

/* OpDef of specs/term.acsl */
static int op_def (ic_op op, mpfr_srcptr u, mpfr_srcptr w)
{
  switch (op)
    {
    case IC_DIV: return !mpfr_zero_p (w);
    case IC_POW: return mpfr_sgn (u) > 0 || (mpfr_zero_p (u) && mpfr_sgn (w) > 0)
                   || (is_int (w) && (!mpfr_zero_p (u) || mpfr_sgn (w) >= 0));
    case IC_LOG: return mpfr_sgn (u) > 0;
    case IC_SQRT: return mpfr_sgn (u) >= 0;
    default: return 1;
    }
}

/* OpVal of specs/term.acsl, rounded in direction rnd at PREF bits */
static void op_val (mpfr_ptr r, ic_op op, mpfr_srcptr u, mpfr_srcptr w, mpfr_rnd_t rnd)
{
  switch (op)
    {
    case IC_ADD: mpfr_add (r, u, w, rnd); break;
    case IC_SUB: mpfr_sub (r, u, w, rnd); break;
    case IC_MUL: mpfr_mul (r, u, w, rnd); break;
    case IC_DIV: mpfr_div (r, u, w, rnd); break;
    case IC_POW:
      if (mpfr_zero_p (u) && mpfr_sgn (w) > 0) mpfr_set_ui (r, 0, rnd);
      else if (is_int (w)) mpfr_pow_si (r, u, mpfr_get_si (w, MPFR_RNDN), rnd);
      else mpfr_pow (r, u, w, rnd);
      break;
    case IC_NEG: mpfr_neg (r, u, rnd); break;
    case IC_LOG: mpfr_log (r, u, rnd); break;
    case IC_EXP: mpfr_exp (r, u, rnd); break;
    case IC_SQRT: mpfr_sqrt (r, u, rnd); break;
    case IC_SIN: mpfr_sin (r, u, rnd); break;
    case IC_COS: mpfr_cos (r, u, rnd); break;
    case IC_ATAN: mpfr_atan (r, u, rnd); break;
    case IC_ABS: mpfr_abs (r, u, rnd); break;
    default: mpfr_set_nan (r); break;
    }
}

/* z encloses op(u, w) at every defined sample pair; *defined_all: op is
 * defined at every pair, *defined_none: at none */
static int encloses_samples (ic_ival_srcptr z, ic_op op, ic_ival_srcptr x, ic_ival_srcptr y,
                             const ic_evop_hyp *h, gmp_randstate_t st, int check_z,
                             int *defined_all, int *defined_none)
{
  mpfr_t su[5], sw[5], r;
  for (int i = 0; i < 5; i++) { mpfr_init2 (su[i], PREF); mpfr_init2 (sw[i], PREF); }
  mpfr_init2 (r, PREF);
  int nu = samples (su, x, st), nw = samples (sw, y, st), ok = 1;
  *defined_all = 1; *defined_none = 1;
  for (int i = 0; i < nu; i++)
    for (int j = 0; j < nw; j++)
      {
        /* the hypotheses restrict the pairs (u, w) */
        if (h->b_int && mpfr_cmp_si (sw[j], h->k) != 0) continue;
        if (h->b_nonint && is_int (sw[j])) continue;
        if (h->a_zero && !mpfr_zero_p (su[i])) continue;
        if (h->a_m1 && mpfr_cmp_si (su[i], -1) != 0) continue;
        if (!op_def (op, su[i], sw[j])) { *defined_all = 0; continue; }
        *defined_none = 0;
        if (!check_z) continue;
        op_val (r, op, su[i], sw[j], MPFR_RNDD);
        if (mpfr_nan_p (z->lo) || mpfr_greater_p (z->lo, r)) ok = 0;
        op_val (r, op, su[i], sw[j], MPFR_RNDU);
        if (mpfr_nan_p (z->hi) || mpfr_less_p (z->hi, r)) ok = 0;
      }
  for (int i = 0; i < 5; i++) { mpfr_clear (su[i]); mpfr_clear (sw[i]); }
  mpfr_clear (r);
  return ok;
}

/* one step: contained where defined, statuses truthful */
static int step_ok (ic_op op, ic_ival_srcptr x, ic_ival_srcptr y, ic_evop_hyp h, gmp_randstate_t st,
                    int *status)
{
  ic_ival_t z;
  ic_ival_init2 (z, P);
  int s = ic_evop (z, op, x, y, h);
  *status = s;
  int all, none;
  int ok = encloses_samples (z, op, x, y, &h, st, s == IC_EVOP_OK, &all, &none);
  if (s == IC_EVOP_OK && !h.range && !all) ok = 0;     /* OK at a point: defined */
  if (s == IC_EVOP_UNDEF && !none) ok = 0;             /* UNDEF: defined nowhere */
  ic_ival_clear (z);
  return ok;
}

static void random_ops (gmp_randstate_t st)
{
  static const ic_op ops[] = { IC_ADD, IC_SUB, IC_MUL, IC_DIV, IC_POW, IC_NEG, IC_LOG, IC_EXP,
                               IC_SQRT, IC_SIN, IC_COS, IC_ATAN, IC_ABS };
  static const char *names[] = { "add", "sub", "mul", "div", "pow", "neg", "log", "exp",
                                 "sqrt", "sin", "cos", "atan", "abs" };
  ic_ival_t x, y;
  ic_ival_init2 (x, P); ic_ival_init2 (y, P);
  for (size_t o = 0; o < sizeof ops / sizeof ops[0]; o++)
    {
      long n = 0, bad = 0, seen_ok = 0;
      for (int t = 0; t < 600; t++)
        {
          random_ival (x, st, t % 3);
          random_ival (y, st, (t / 3) % 3);
          ic_evop_hyp h = { 0 };
          h.range = t % 5 == 0;
          int s;
          if (!step_ok (ops[o], x, y, h, st, &s)) bad++;
          seen_ok += s == IC_EVOP_OK;
          n++;
        }
      char name[80];
      snprintf (name, sizeof name, "%s: contained where defined, statuses truthful", names[o]);
      check (bad == 0 && seen_ok > 0, name, n);
    }
  /* integer exponents k (the exact layer's b_int), bases of both signs */
  long n = 0, bad = 0;
  for (int t = 0; t < 2000; t++)
    {
      random_ival (x, st, t % 3);
      ic_evop_hyp h = { 0 };
      h.b_int = 1;
      h.k = (long) gmp_urandomm_ui (st, 13) - 6;
      mpfr_set_si (y->lo, h.k, MPFR_RNDN);
      mpfr_set_si (y->hi, h.k, MPFR_RNDN);
      int s;
      if (!step_ok (IC_POW, x, y, h, st, &s)) bad++;
      n++;
    }
  check (bad == 0, "x^k, k integer in [-6, 6]: contained, statuses truthful", n);
  ic_ival_clear (x); ic_ival_clear (y);
}

static void set2 (ic_ival_ptr x, double lo, double hi)
{
  mpfr_set_d (x->lo, lo, MPFR_RNDD);
  mpfr_set_d (x->hi, hi, MPFR_RNDU);
}

static int status_of (ic_op op, double xl, double xh, double yl, double yh, ic_evop_hyp h)
{
  ic_ival_t x, y, z;
  ic_ival_init2 (x, P); ic_ival_init2 (y, P); ic_ival_init2 (z, P);
  set2 (x, xl, xh); set2 (y, yl, yh);
  int s = ic_evop (z, op, x, y, h);
  ic_ival_clear (x); ic_ival_clear (y); ic_ival_clear (z);
  return s;
}

static void statuses (void)
{
  ic_evop_hyp h0 = { 0 };
  check (status_of (IC_LOG, -2, -1, 0, 0, h0) == IC_EVOP_UNDEF, "log [-2, -1] undefined", 1);
  check (status_of (IC_LOG, -1, 2, 0, 0, h0) == IC_EVOP_INEXACT, "log [-1, 2] inexact", 1);
  check (status_of (IC_SQRT, -3, -2, 0, 0, h0) == IC_EVOP_UNDEF, "sqrt [-3, -2] undefined", 1);
  check (status_of (IC_SQRT, -1, 4, 0, 0, h0) == IC_EVOP_INEXACT, "sqrt [-1, 4] inexact", 1);
  check (status_of (IC_DIV, 1, 2, -1, 1, h0) == IC_EVOP_INEXACT, "1 / [-1, 1] inexact", 1);
  ic_evop_hyp hz = { 0 };
  hz.a_zero = 1;
  check (status_of (IC_POW, 0, 0, -2, -1, hz) == IC_EVOP_UNDEF, "0^[-2, -1] undefined", 1);
  check (status_of (IC_POW, 0, 0, 1, 2, hz) == IC_EVOP_OK, "0^[1, 2] = 0", 1);
  check (status_of (IC_POW, 0, 0, -1, 1, hz) == IC_EVOP_INEXACT, "0^[-1, 1] inexact", 1);
  ic_evop_hyp hn = { 0 };
  hn.b_nonint = 1;
  check (status_of (IC_POW, -2, -2, 0.5, 0.5, hn) == IC_EVOP_UNDEF, "(-2)^(1/2) undefined", 1);
  /* (-2)^w with w not known to be a non-integer: not claimed undefined
   * (it may be an integer such as log(exp(n))) */
  check (status_of (IC_POW, -2, -2, 2.9, 3.1, h0) == IC_EVOP_INEXACT, "(-2)^[2.9, 3.1] inexact", 1);
  ic_evop_hyp hk = { 0 };
  hk.b_int = 1; hk.k = -1;
  check (status_of (IC_POW, -1, 1, -1, -1, hk) == IC_EVOP_INEXACT, "[-1, 1]^-1 inexact", 1);
  hk.k = 3;
  check (status_of (IC_POW, -1, 1, 3, 3, hk) == IC_EVOP_OK, "[-1, 1]^3 defined", 1);
  /* (-1)^(n + k) over a range of n: [-1, 1] */
  ic_evop_hyp hm = { 0 };
  hm.range = 1; hm.a_m1 = 1; hm.b_var = 1;
  ic_ival_t x, y, z;
  ic_ival_init2 (x, P); ic_ival_init2 (y, P); ic_ival_init2 (z, P);
  set2 (x, -1, -1); set2 (y, 10, 1e6);
  int s = ic_evop (z, IC_POW, x, y, hm);
  check (s == IC_EVOP_OK && mpfr_cmp_si (z->lo, -1) <= 0 && mpfr_cmp_si (z->hi, 1) >= 0,
         "(-1)^[10, 1e6] over a range encloses +-1", 1);
  /* sin of a wide or huge interval: [-1, 1] without argument reduction */
  set2 (x, 0, 100);
  s = ic_evop (z, IC_SIN, x, x, h0);
  check (s == IC_EVOP_OK && mpfr_cmp_si (z->lo, -1) == 0 && mpfr_cmp_si (z->hi, 1) == 0, "sin [0, 100] = [-1, 1]", 1);
  mpfr_set_ui_2exp (x->lo, 1, 1000000, MPFR_RNDD);
  mpfr_set (x->hi, x->lo, MPFR_RNDU);
  s = ic_evop (z, IC_COS, x, x, h0);
  check (s == IC_EVOP_OK && mpfr_cmp_si (z->lo, -1) <= 0 && mpfr_cmp_si (z->hi, 1) >= 0, "cos 2^1000000 encloses [-1, 1]", 1);
  ic_ival_clear (x); ic_ival_clear (y); ic_ival_clear (z);
}

/* z contains the integer f exactly */
static int contains_z (ic_ival_srcptr z, const mpz_t f)
{
  return !mpfr_nan_p (z->lo) && !mpfr_nan_p (z->hi) && mpfr_cmp_z (z->lo, f) <= 0 && mpfr_cmp_z (z->hi, f) >= 0;
}

static void factorials (void)
{
  ic_ival_t x, z, iv;
  ic_ival_init2 (x, P); ic_ival_init2 (z, P); ic_ival_init2 (iv, P);
  unsigned long im = 0, isteps = 0;
  mpz_t f;
  mpz_init (f);
  long bad = 0, n = 0;
  /* m = 1 .. 3000 in a row, then jumps */
  unsigned long ms[3100];
  size_t nm = 0;
  for (unsigned long m = 1; m <= 3000; m++) ms[nm++] = m;
  unsigned long jumps[] = { 3100, 3101, 5000, 4999, 30000, 30001, 17, 18 };
  for (size_t i = 0; i < sizeof jumps / sizeof jumps[0]; i++) ms[nm++] = jumps[i];
  for (size_t i = 0; i < nm; i++)
    {
      unsigned long m = ms[i];
      ic_ival_set_ui (x, m);
      int s = ic_evop_fact (z, x, 0, 1, 1, m, iv, &im, &isteps);
      mpz_fac_ui (f, m);
      if (s != IC_EVOP_OK || !contains_z (z, f)) bad++;
      n++;
    }
  check (bad == 0, "m! for m = 1 .. 3000 in a row, and jumps", n);
  /* a range: k! for every integer k in [3, 9.5] */
  set2 (x, 3, 9.5);
  int s = ic_evop_fact (z, x, 1, 0, 0, 0, iv, &im, &isteps);
  bad = s != IC_EVOP_OK;
  for (unsigned long k = 3; k <= 9; k++)
    {
      mpz_fac_ui (f, k);
      if (!contains_z (z, f)) bad++;
    }
  check (bad == 0, "factorial over [3, 9.5] encloses 3! .. 9!", 7);
  /* not an integer at a point; below 1 */
  set2 (x, 3, 4);
  check (ic_evop_fact (z, x, 0, 0, 0, 0, iv, &im, &isteps) == IC_EVOP_INEXACT,
         "factorial of a non-exact argument at a point: inexact", 1);
  set2 (x, 0.5, 4);
  check (ic_evop_fact (z, x, 1, 0, 0, 0, iv, &im, &isteps) == IC_EVOP_INEXACT,
         "factorial over [0.5, 4]: inexact", 1);
  mpz_clear (f);
  ic_ival_clear (x); ic_ival_clear (z); ic_ival_clear (iv);
}

int main (int argc, char **argv)
{
  seed = argc > 1 ? strtoul (argv[1], NULL, 10) : (unsigned long) time (NULL);
  gmp_randstate_t st;
  gmp_randinit_default (st);
  gmp_randseed_ui (st, seed);
  random_ops (st);
  statuses ();
  factorials ();
  gmp_randclear (st);
  mpfr_free_cache ();
  return nfail != 0;
}
