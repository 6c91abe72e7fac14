/* test_axioms_pow.c — the trusted base of ic_tail_powerlog, tested.
 * 1. The MPFR contracts of the "powers" block of specs/mpfr_model.h
 *    (mpfr_set_ui exact at >= 64 bits; si_sub, add_si, ui_pow, pow, mul
 *    correctly rounded in the directions RNDD / RNDU) on random operands,
 *    against a computation at 4x the precision (seed printed).
 * 2. The axioms of specs/powerlog.acsl on sample points: Log_One,
 *    Log_Two_Three, Pow_Def, PowX_Def (specs/powexp.acsl), and the tail
 *    axioms PowLog_* against
 *    T = sum_{n>N} n^a (log n)^b enclosed as [S_K, S_K + R_K]: S_K the
 *    partial sum up to K (directed rounding), R_K an elementary bound of the
 *    rest by Cauchy condensation (blocks [2^j K, 2^(j+1) K), each at most
 *    2^j K times the largest term in it), independent of the axioms. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "axioms_harness.h"


/* The predicate Rounded of specs/mpfr_model.h: not NaN; RNDD r <= exact
 * and (exact >= 0 => r finite >= 0); RNDU symmetric.  exact is a
 * 4x-precision RNDN value: its error is far below one ulp of r. */
static int rounded_fin (mpfr_srcptr r, mpfr_srcptr exact, mpfr_rnd_t rnd)
{
  if (mpfr_nan_p (r)) return 0;
  if (rnd == MPFR_RNDD)
    return mpfr_lessequal_p (r, exact)
           && (mpfr_sgn (exact) < 0 || (mpfr_number_p (r) && mpfr_sgn (r) >= 0));
  return mpfr_greaterequal_p (r, exact)
         && (mpfr_sgn (exact) > 0 || (mpfr_number_p (r) && mpfr_sgn (r) <= 0));
}


static unsigned long random_ul (gmp_randstate_t st)
{
  unsigned long hi = gmp_urandomb_ui (st, 32), lo = gmp_urandomb_ui (st, 32);
  unsigned long v = (hi << 32) | lo;
  return v >> gmp_urandomm_ui (st, 64);          /* all magnitudes */
}

static long random_l (gmp_randstate_t st)
{
  long v = (long) (random_ul (st) >> 1);
  return gmp_urandomm_ui (st, 2) ? -v : v;
}

/* ---- 1. contracts ---- */

static void test_set_ui (gmp_randstate_t st)
{
  mpfr_t r;
  mpz_t z;
  int ok = 1; long n = 2000;
  static const mpfr_rnd_t rnds[] = { MPFR_RNDN, MPFR_RNDD, MPFR_RNDU, MPFR_RNDZ, MPFR_RNDA };
  mpz_init (z);
  for (long i = 0; i < n && ok; i++)
    {
      unsigned long v = i == 0 ? ~0UL : random_ul (st);
      mpfr_init2 (r, 64 + (mpfr_prec_t) gmp_urandomm_ui (st, 3) * 37);
      mpfr_set_ui (r, v, rnds[i % 5]);
      mpfr_get_z (z, r, MPFR_RNDN);
      if (!mpfr_number_p (r) || mpz_cmp_ui (z, v) != 0 || !mpfr_integer_p (r))
        { ok = 0; printf ("  mpfr_set_ui(%lu) inexact\n", v); }
      mpfr_clear (r);
    }
  report (ok, "mpfr_set_ui_exact_prec64", n);
  mpz_clear (z);
}

enum { SI_SUB, ADD_SI, UI_POW, POW, MUL };

static void test_op (const char *name, int op, gmp_randstate_t st)
{
  mpfr_t x, y, r, e;
  int ok = 1; long n = 3000;
  mpfr_inits2 (53, x, y, r, (mpfr_ptr) 0);
  mpfr_init2 (e, 4 * 53 + 64);
  for (long i = 0; i < n && ok; i++)
    {
      long l = random_l (st);
      unsigned long u = random_ul (st);
      random_fr (x, st, 40); random_fr (y, st, 40);
      if (op == UI_POW)
        {
          if (u == 0) u = 1 + gmp_urandomm_ui (st, 1000);       /* op1 > 0 */
          random_fr (y, st, 6);
        }
      if (op == POW)
        {
          mpfr_abs (x, x, MPFR_RNDN);                           /* op1 > 0 */
          if (mpfr_zero_p (x)) mpfr_set_ui (x, 3, MPFR_RNDN);
          random_fr (y, st, 6);
        }
      for (int d = -1; d < 2; d++)
        {
          mpfr_ptr res = d < 0 ? e : r;                         /* d < 0: reference */
          mpfr_rnd_t rnd = d < 0 ? MPFR_RNDN : (d ? MPFR_RNDU : MPFR_RNDD);
          switch (op)
            {
            case SI_SUB: mpfr_si_sub (res, l, y, rnd); break;
            case ADD_SI: mpfr_add_si (res, x, l, rnd); break;
            case UI_POW: mpfr_ui_pow (res, u, y, rnd); break;
            case POW:    mpfr_pow (res, x, y, rnd); break;
            default:     mpfr_mul (res, x, y, rnd); break;
            }
          if (d >= 0 && !rounded_fin (r, e, rnd))
            {
              ok = 0;
              mpfr_printf ("  %s(x=%Ra, y=%Ra, l=%ld, u=%lu) rnd %d gave %Ra, exact %Ra\n",
                           name, x, y, l, u, (int) rnd, r, e);
            }
        }
    }
  report (ok, name, n);
  mpfr_clears (x, y, r, e, (mpfr_ptr) 0);
}

/* mpfr_mul with an infinite operand and a non-zero one: the infinity of
 * the product's sign (the non-finite clauses of its contract). */
static void test_mul_inf (void)
{
  mpfr_t a, b, r;
  int ok = 1, cases = 0;
  static const double v[] = { -2.5, -1e-300, 1e-300, 3.0 };
  mpfr_inits2 (53, a, b, r, (mpfr_ptr) 0);
  for (int s = -1; s <= 1; s += 2)
    for (int k = 0; k < 5; k++)
      for (int d = 0; d < 2; d++)
        {
          mpfr_rnd_t rnd = d ? MPFR_RNDU : MPFR_RNDD;
          mpfr_set_inf (a, s);
          if (k < 4) mpfr_set_d (b, v[k], MPFR_RNDN); else mpfr_set_inf (b, -s);
          int sg = s * mpfr_sgn (b);
          mpfr_mul (r, a, b, rnd);
          ok &= mpfr_inf_p (r) && mpfr_sgn (r) == sg;
          mpfr_mul (r, b, a, rnd);
          ok &= mpfr_inf_p (r) && mpfr_sgn (r) == sg;
          cases += 2;
        }
  report (ok, "mpfr_mul_inf", cases);
  mpfr_clears (a, b, r, (mpfr_ptr) 0);
}

/* ---- 2. axioms ---- */

#define PREC 256

static void test_log_pow (gmp_randstate_t st)
{
  mpfr_t x, y, t, u, w;
  int ok_one, ok_23, ok_def = 1;
  long n = 2000;
  mpfr_inits2 (PREC, x, y, t, u, w, (mpfr_ptr) 0);
  mpfr_set_ui (x, 1, MPFR_RNDN);
  mpfr_log (t, x, MPFR_RNDN);
  ok_one = mpfr_zero_p (t) != 0;                                 /* Log_One */
  report (ok_one, "axiom_Log_One", 1);
  mpfr_set_ui (x, 2, MPFR_RNDN); mpfr_log (t, x, MPFR_RNDU);
  mpfr_set_ui (x, 3, MPFR_RNDN); mpfr_log (u, x, MPFR_RNDD);
  ok_23 = mpfr_cmp_ui (t, 1) <= 0 && mpfr_cmp_ui (u, 1) >= 0;    /* Log_Two_Three */
  report (ok_23, "axiom_Log_Two_Three", 1);
  /* Pow_Def: x^y = exp(y log x) for x > 0, relative agreement 2^-200 */
  for (long i = 0; i < n; i++)
    {
      random_fr (x, st, 20); random_fr (y, st, 4);
      mpfr_abs (x, x, MPFR_RNDN);
      if (mpfr_zero_p (x)) continue;
      mpfr_pow (t, x, y, MPFR_RNDN);
      mpfr_log (u, x, MPFR_RNDN); mpfr_mul (u, u, y, MPFR_RNDN); mpfr_exp (u, u, MPFR_RNDN);
      mpfr_sub (w, t, u, MPFR_RNDN); mpfr_abs (w, w, MPFR_RNDN);
      mpfr_mul_2si (u, t, -200, MPFR_RNDN);
      if (mpfr_greater_p (w, u)) ok_def = 0;
    }
  report (ok_def, "axiom_Pow_Def", n);
  mpfr_clears (x, y, t, u, w, (mpfr_ptr) 0);
}

/* PowX_Def (specs/powexp.acsl): a^b = exp(log(a) b) for a > 0.  An
 * enclosure [eD, eU] of exp(log(a) b) by directed rounding (log a in
 * [lD, lU], the product's endpoints by the sign of b, exp increasing) must
 * meet [RNDD(a^b), RNDU(a^b)] from mpfr_pow: pD <= eU and eD <= pU.
 * Random a in 2^[-40, 40], b in +-2^[-12, 5], and exact cases
 * (integer powers, a = 1, b = 0), at PREC bits. */
static void test_powx_def (gmp_randstate_t st)
{
  mpfr_t a, b, lD, lU, eD, eU, pD, pU;
  int ok = 1;
  long n = 3000;
  mpfr_inits2 (PREC, a, b, lD, lU, eD, eU, pD, pU, (mpfr_ptr) 0);
  for (long i = 0; i < n; i++)
    {
      random_fr (a, st, 40);
      mpfr_abs (a, a, MPFR_RNDN);
      if (mpfr_zero_p (a) || i % 50 == 0) mpfr_set_ui (a, 1 + i % 7, MPFR_RNDN);
      mpfr_urandomb (b, st);
      mpfr_mul_2si (b, b, (long) gmp_urandomm_ui (st, 18) - 12, MPFR_RNDN);
      if (gmp_urandomm_ui (st, 2)) mpfr_neg (b, b, MPFR_RNDN);
      if (i % 50 == 1) mpfr_set_si (b, (long) (i % 13) - 6, MPFR_RNDN);
      if (i % 50 == 2) mpfr_set_zero (b, 1);
      mpfr_log (lD, a, MPFR_RNDD);
      mpfr_log (lU, a, MPFR_RNDU);
      if (mpfr_sgn (b) >= 0)
        { mpfr_mul (eD, lD, b, MPFR_RNDD); mpfr_mul (eU, lU, b, MPFR_RNDU); }
      else
        { mpfr_mul (eD, lU, b, MPFR_RNDD); mpfr_mul (eU, lD, b, MPFR_RNDU); }
      mpfr_exp (eD, eD, MPFR_RNDD);
      mpfr_exp (eU, eU, MPFR_RNDU);
      mpfr_pow (pD, a, b, MPFR_RNDD);
      mpfr_pow (pU, a, b, MPFR_RNDU);
      if (!(mpfr_lessequal_p (pD, eU) && mpfr_lessequal_p (eD, pU)))
        {
          ok = 0;
          mpfr_printf ("  a=%Ra b=%Ra: exp(b log a) in [%Ra, %Ra], a^b in [%Ra, %Ra]\n",
                       a, b, eD, eU, pD, pU);
        }
    }
  report (ok, "axiom_PowX_Def", n);
  mpfr_clears (a, b, lD, lU, eD, eU, pD, pU, (mpfr_ptr) 0);
}

/* term n^a (log n)^b, rounded in direction rnd (n >= 2) */
static void term (mpfr_ptr r, double a, double b, mpfr_srcptr n, mpfr_rnd_t rnd)
{
  mpfr_t l, p;
  mpfr_rnd_t inv = rnd == MPFR_RNDU ? MPFR_RNDD : MPFR_RNDU;
  mpfr_inits2 (mpfr_get_prec (r), l, p, (mpfr_ptr) 0);
  /* n^a: a < 0 so a monotone in n; n exact here */
  mpfr_set_d (p, a, MPFR_RNDN);
  mpfr_pow (p, n, p, rnd);
  mpfr_log (l, n, b >= 0 ? rnd : inv);                 /* (log n)^b monotone in log n */
  mpfr_set_d (r, b, MPFR_RNDN);
  mpfr_pow (l, l, r, rnd);
  mpfr_mul (r, p, l, rnd);
  mpfr_clears (l, p, (mpfr_ptr) 0);
}

/* [*lo, *hi] encloses T(a, b, N) = sum_{n>N} n^a (log n)^b (a <= -1, and
 * b < -1 if a = -1): S_K = sum_{N < n <= K} plus the condensation bound of
 * sum_{n > K}. */
static void tail_enclosure (mpfr_ptr lo, mpfr_ptr hi, double a, double b, unsigned long N,
                            unsigned long K)
{
  mpfr_t n, t, x, y, rest;
  mpfr_inits2 (PREC, n, t, x, y, rest, (mpfr_ptr) 0);
  mpfr_set_zero (lo, 1); mpfr_set_zero (hi, 1);
  for (unsigned long m = N + 1; m <= K; m++)
    {
      mpfr_set_ui (n, m, MPFR_RNDN);
      term (t, a, b, n, MPFR_RNDD); mpfr_add (lo, lo, t, MPFR_RNDD);
      term (t, a, b, n, MPFR_RNDU); mpfr_add (hi, hi, t, MPFR_RNDU);
    }
  /* rest: block j covers n in [2^j (K+1), 2^(j+1) (K+1)), 2^j (K+1) terms,
   * each <= x^a (log y)^b with x = 2^j (K+1) and y = the end of the block
   * that maximises (log)^b; the condensed terms c_j decay (a < -1:
   * geometrically; a = -1, b < -1: like j^b), and after J blocks the rest
   * is bounded by the next term times ratio/(1 - ratio) (a < -1) or an
   * integral of (log x0 + s log 2)^b ds (a = -1). */
  mpfr_set_zero (rest, 1);
  long J = a < -1 ? 600 : 2000;
  double prev = 0, c = 0;
  for (long j = 0; j <= J; j++)
    {
      mpfr_set_ui (x, K + 1, MPFR_RNDN); mpfr_mul_2si (x, x, j, MPFR_RNDN);
      mpfr_mul_2ui (y, x, 1, MPFR_RNDN);
      mpfr_set_d (t, a, MPFR_RNDN); mpfr_pow (t, x, t, MPFR_RNDU);
      mpfr_mul (t, t, x, MPFR_RNDU);                            /* block size x */
      mpfr_log (y, b >= 0 ? y : x, MPFR_RNDU);
      if (b < 0) mpfr_log (y, x, MPFR_RNDD);
      mpfr_set_d (n, b, MPFR_RNDN); mpfr_pow (y, y, n, MPFR_RNDU);
      mpfr_mul (t, t, y, MPFR_RNDU);
      mpfr_add (rest, rest, t, MPFR_RNDU);
      prev = c; c = mpfr_get_d (t, MPFR_RNDU);
    }
  if (a < -1)
    {
      double ratio = c / prev;                                   /* decreasing ratios */
      if (!(ratio < 1)) { mpfr_set_inf (rest, 1); }
      else
        {
          mpfr_set_d (t, c * ratio / (1 - ratio) * 1.0001, MPFR_RNDU);
          mpfr_add (rest, rest, t, MPFR_RNDU);
        }
    }
  else
    {
      /* sum_{j > J} (log x_j)^b <= int_J^inf (log (K+1) + s log 2)^b ds
       *   = (log (K+1) + J log 2)^(b+1) / ((-1-b) log 2) */
      mpfr_set_ui (x, K + 1, MPFR_RNDN); mpfr_log (x, x, MPFR_RNDD);
      mpfr_const_log2 (y, MPFR_RNDD); mpfr_mul_si (t, y, J, MPFR_RNDD);
      mpfr_add (x, x, t, MPFR_RNDD);
      mpfr_set_d (t, b + 1, MPFR_RNDN); mpfr_pow (x, x, t, MPFR_RNDU);
      mpfr_mul_d (y, y, -1 - b, MPFR_RNDD);
      mpfr_div (x, x, y, MPFR_RNDU);
      mpfr_add (rest, rest, x, MPFR_RNDU);
    }
  mpfr_add (hi, hi, rest, MPFR_RNDU);
  mpfr_clears (n, t, x, y, rest, (mpfr_ptr) 0);
}

/* r = M^(a+1) (log M)^b / den, rounded in direction rnd (den > 0 exact
 * enough: computed in the same direction's opposite) */
static void bound (mpfr_ptr r, double a1, double b, unsigned long M, double den, mpfr_rnd_t rnd)
{
  mpfr_t m, l, t;
  mpfr_inits2 (PREC, m, l, t, (mpfr_ptr) 0);
  mpfr_set_ui (m, M, MPFR_RNDN);
  mpfr_set_d (t, a1, MPFR_RNDN); mpfr_pow (r, m, t, rnd);
  mpfr_rnd_t inv = rnd == MPFR_RNDU ? MPFR_RNDD : MPFR_RNDU;
  mpfr_log (l, m, b >= 0 ? rnd : inv);
  mpfr_set_d (t, b, MPFR_RNDN); mpfr_pow (l, l, t, rnd);
  mpfr_mul (r, r, l, rnd);
  mpfr_div_d (r, r, den, rnd);
  mpfr_clears (m, l, t, (mpfr_ptr) 0);
}

static double log_d (unsigned long M, mpfr_rnd_t rnd)
{
  mpfr_t t;
  mpfr_init2 (t, 64); mpfr_set_ui (t, M, MPFR_RNDN); mpfr_log (t, t, rnd);
  double v = mpfr_get_d (t, rnd);
  mpfr_clear (t);
  return v;
}

static void test_tails (void)
{
  static const double as[] = { -1.25, -1.5, -2, -3, -4.5 };
  static const double bs[] = { -3, -1, -0.5, 0, 0.5, 1, 2, 3 };
  static const unsigned long Ns[] = { 2, 3, 5, 10, 50 };
  static const double bb[] = { -1.5, -2, -3, -5 };
  int ok_up = 1, ok_lo = 1, ok_bu = 1, ok_bl = 1, ok_mono = 1, ok_nn = 1;
  int n_up = 0, n_lo = 0, n_b = 0, n_mono = 0;
  mpfr_t lo, hi, r, lo2, hi2;
  mpfr_inits2 (PREC, lo, hi, r, lo2, hi2, (mpfr_ptr) 0);
  for (int ia = 0; ia < 5; ia++)
    for (int ib = 0; ib < 8; ib++)
      for (int in = 0; in < 5; in++)
        {
          double a = as[ia], b = bs[ib];
          unsigned long N = Ns[in], K = N + 200;
          tail_enclosure (lo, hi, a, b, N, K);
          if (mpfr_sgn (lo) < 0) ok_nn = 0;                      /* PowLog_Nonneg */
          /* PowLog_Upper_Alt: d = delta = max(0, b / log N), and d + 0.1 */
          for (int k = 0; k < 2; k++)
            {
              double d = (b > 0 ? b / log_d (N, MPFR_RNDD) : 0) + 0.1 * k;
              if (!(d < -1 - a - 1e-9)) continue;
              bound (r, a + 1, b, N, -1 - a - d, MPFR_RNDU);
              if (mpfr_less_p (r, lo))
                { ok_up = 0; printf ("  Upper_Alt a=%g b=%g N=%lu d=%g\n", a, b, N, d); }
              n_up++;
            }
          /* PowLog_Lower_Alt: d = max(0, -b / log (N+1)), and d + 0.1 */
          for (int k = 0; k < 2; k++)
            {
              double d = (b < 0 ? -b / log_d (N + 1, MPFR_RNDD) : 0) + 0.1 * k;
              bound (r, a + 1, b, N + 1, -1 - a + d, MPFR_RNDD);
              if (mpfr_greater_p (r, hi))
                { ok_lo = 0; printf ("  Lower_Alt a=%g b=%g N=%lu d=%g\n", a, b, N, d); }
              n_lo++;
            }
          /* PowLog_Mono: a step down in a and in b gives a smaller tail */
          tail_enclosure (lo2, hi2, a - 0.25, b - 0.5, N, K);
          if (mpfr_greater_p (lo2, hi)) ok_mono = 0;
          n_mono++;
        }
  for (int ib = 0; ib < 4; ib++)
    for (int in = 0; in < 4; in++)
      {
        double b = bb[ib];
        unsigned long N = Ns[in], K = N + 200;
        tail_enclosure (lo, hi, -1, b, N, K);
        if (mpfr_sgn (lo) < 0) ok_nn = 0;
        /* Bertrand: (log (N+1))^(b+1)/(-1-b) <= T(-1, b, N) <= (log N)^(b+1)/(-1-b) */
        bound (r, 0, b + 1, N, -1 - b, MPFR_RNDU);
        if (mpfr_less_p (r, lo)) { ok_bu = 0; printf ("  Bertrand_Upper b=%g N=%lu\n", b, N); }
        bound (r, 0, b + 1, N + 1, -1 - b, MPFR_RNDD);
        if (mpfr_greater_p (r, hi)) { ok_bl = 0; printf ("  Bertrand_Lower b=%g N=%lu\n", b, N); }
        /* Mono in b and from a = -1 down to a = -1.25 */
        tail_enclosure (lo2, hi2, -1.25, b - 0.5, N, K);
        if (mpfr_greater_p (lo2, hi)) ok_mono = 0;
        n_b++; n_mono++;
      }
  report (ok_up, "axiom_PowLog_Upper_Alt_samples", n_up);
  report (ok_lo, "axiom_PowLog_Lower_Alt_samples", n_lo);
  report (ok_bu, "axiom_PowLog_Bertrand_Upper_samples", n_b);
  report (ok_bl, "axiom_PowLog_Bertrand_Lower_samples", n_b);
  report (ok_mono, "axiom_PowLog_Mono_samples", n_mono);
  report (ok_nn, "axiom_PowLog_Nonneg_samples", n_up);
  mpfr_clears (lo, hi, r, lo2, hi2, (mpfr_ptr) 0);
}

/* PowLog_Mono termwise: n^a1 (log n)^b1 <= n^a2 (log n)^b2 for n >= 3,
 * a1 <= a2, b1 <= b2 (the justification of the axiom). */
static void test_mono_termwise (gmp_randstate_t st)
{
  mpfr_t n, t1, t2;
  int ok = 1; long cnt = 0;
  mpfr_inits2 (PREC, n, t1, t2, (mpfr_ptr) 0);
  for (long i = 0; i < 2000; i++)
    {
      double a1 = -1 - 4.0 * (double) gmp_urandomm_ui (st, 1000) / 1000;
      double a2 = a1 + 2.0 * (double) gmp_urandomm_ui (st, 1000) / 1000;
      double b1 = -4 + 8.0 * (double) gmp_urandomm_ui (st, 1000) / 1000;
      double b2 = b1 + 2.0 * (double) gmp_urandomm_ui (st, 1000) / 1000;
      unsigned long m = 3 + gmp_urandomm_ui (st, 1000000);
      mpfr_set_ui (n, m, MPFR_RNDN);
      term (t1, a1, b1, n, MPFR_RNDD); term (t2, a2, b2, n, MPFR_RNDU);
      if (mpfr_greater_p (t1, t2) || mpfr_sgn (t1) < 0) ok = 0;
      cnt++;
    }
  report (ok, "axiom_PowLog_Mono_termwise", cnt);
  mpfr_clears (n, t1, t2, (mpfr_ptr) 0);
}

int main (int argc, char **argv)
{
  gmp_randstate_t st;
  harness_init (st, argc, argv);
  test_set_ui (st);
  test_op ("mpfr_si_sub_rounded", SI_SUB, st);
  test_op ("mpfr_add_si_rounded", ADD_SI, st);
  test_op ("mpfr_ui_pow_rounded", UI_POW, st);
  test_op ("mpfr_pow_rounded", POW, st);
  test_op ("mpfr_mul_rounded", MUL, st);
  test_mul_inf ();
  test_log_pow (st);
  test_powx_def (st);
  test_mono_termwise (st);
  test_tails ();
  gmp_randclear (st);
  mpfr_free_cache ();
  return nfail != 0;
}
