/* test_axioms.c — the trusted base is tested as well as trusted.
 * 1. Including specs/mpfr_model.h makes gcc check every re-declared MPFR
 *    prototype against <mpfr.h>.
 * 2. Each MPFR contract used by the proofs (Rounded: RNDD gives a lower
 *    bound, RNDU an upper bound, sign preserved) is checked on random
 *    operands against a computation at 4x the precision (seed printed).
 * 3. Each analysis axiom (specs/analysis.acsl, specs/series.acsl,
 *    specs/elementary.acsl, specs/powtrig.acsl) is checked on sample
 *    points. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "axioms_harness.h"


typedef int (*op2_t) (mpfr_ptr, mpfr_srcptr, mpfr_srcptr, mpfr_rnd_t);
typedef int (*op1_t) (mpfr_ptr, mpfr_srcptr, mpfr_rnd_t);


static void test_op2 (const char *name, op2_t f, gmp_randstate_t st, int posy)
{
  mpfr_t x, y, r, e;
  int ok = 1; long n = 2000;
  mpfr_inits2 (53, x, y, r, (mpfr_ptr) 0);
  mpfr_init2 (e, 4 * 53 + 64);
  for (long i = 0; i < n && ok; i++)
    {
      random_fr (x, st, 40); random_fr (y, st, 40);
      if (posy && mpfr_sgn (y) <= 0) mpfr_set_ui (y, 3, MPFR_RNDN);
      f (e, x, y, MPFR_RNDN);
      for (int d = 0; d < 2; d++)
        {
          mpfr_rnd_t rnd = d ? MPFR_RNDU : MPFR_RNDD;
          f (r, x, y, rnd);
          if (!rounded_ok (r, e, rnd))
            { ok = 0; mpfr_printf ("  %s(%Ra, %Ra) rnd %d gave %Ra\n", name, x, y, rnd, r); }
        }
    }
  report (ok, name, n);
  mpfr_clears (x, y, r, e, (mpfr_ptr) 0);
}

static void test_op1 (const char *name, op1_t f, gmp_randstate_t st, int domain)
{
  mpfr_t x, r, e;
  int ok = 1; long n = 1000;
  mpfr_inits2 (53, x, r, (mpfr_ptr) 0);
  mpfr_init2 (e, 4 * 53 + 64);
  for (long i = 0; i < n && ok; i++)
    {
      random_fr (x, st, 6);
      if (domain == 1 || domain == 3) mpfr_abs (x, x, MPFR_RNDN);  /* log: x > 0, sqrt: x >= 0 */
      if (domain == 2 && mpfr_cmp_si (x, -1) <= 0) mpfr_set_si (x, 0, MPFR_RNDN);
      if (domain == 1 && mpfr_zero_p (x)) mpfr_set_ui (x, 2, MPFR_RNDN);
      f (e, x, MPFR_RNDN);
      for (int d = 0; d < 2; d++)
        {
          mpfr_rnd_t rnd = d ? MPFR_RNDU : MPFR_RNDD;
          f (r, x, rnd);
          if (!rounded_ok (r, e, rnd))
            { ok = 0; mpfr_printf ("  %s(%Ra) rnd %d gave %Ra\n", name, x, rnd, r); }
        }
    }
  report (ok, name, n);
  mpfr_clears (x, r, e, (mpfr_ptr) 0);
}

static int abs_wrap (mpfr_ptr r, mpfr_srcptr x, mpfr_rnd_t rnd) { return mpfr_abs (r, x, rnd); }
static int neg_wrap (mpfr_ptr r, mpfr_srcptr x, mpfr_rnd_t rnd) { return mpfr_neg (r, x, rnd); }
static int set_wrap (mpfr_ptr r, mpfr_srcptr x, mpfr_rnd_t rnd) { return mpfr_set (r, x, rnd); }

/* Special values of the model (MPFR manual 4.3). */
static void test_specials (void)
{
  mpfr_t a, b, r;
  int ok = 1;
  mpfr_inits2 (53, a, b, r, (mpfr_ptr) 0);
  mpfr_set_inf (a, 1); mpfr_set_inf (b, -1);
  mpfr_add (r, a, b, MPFR_RNDD); ok &= mpfr_nan_p (r) != 0;          /* kind_add */
  mpfr_set_ui (b, 1, MPFR_RNDN);
  mpfr_add (r, a, b, MPFR_RNDD); ok &= mpfr_inf_p (r) && mpfr_sgn (r) > 0;
  mpfr_sub (r, b, a, MPFR_RNDU); ok &= mpfr_inf_p (r) && mpfr_sgn (r) < 0;
  mpfr_set_inf (a, -1);
  mpfr_exp (r, a, MPFR_RNDD); ok &= mpfr_zero_p (r) != 0;            /* exp(-Inf) = 0 */
  mpfr_set_inf (a, 1);
  mpfr_log (r, a, MPFR_RNDD); ok &= mpfr_inf_p (r) && mpfr_sgn (r) > 0;
  mpfr_log1p (r, a, MPFR_RNDD); ok &= mpfr_inf_p (r) && mpfr_sgn (r) > 0;
  mpfr_set_nan (a);
  ok &= mpfr_sgn (a) == 0 && mpfr_cmp_si (a, -1) == 0;               /* NaN -> 0 */
  mpfr_clear_flags ();
  mpfr_set_str (a, "1e-1000000000", 10, MPFR_RNDN);                   /* underflow */
  mpfr_set_ui (r, 1, MPFR_RNDN);
  mpfr_set_emin (-1000); mpfr_set_emax (1000);
  mpfr_set_ui_2exp (a, 1, -900, MPFR_RNDN);
  mpfr_sqr (r, a, MPFR_RNDD); ok &= mpfr_zero_p (r) && mpfr_sgn (r) == 0;    /* RNDD tiny >= 0 */
  mpfr_set_ui_2exp (a, 1, 900, MPFR_RNDN);
  mpfr_sqr (r, a, MPFR_RNDD); ok &= mpfr_number_p (r) != 0;                   /* overflow RNDD: finite */
  mpfr_sqr (r, a, MPFR_RNDU); ok &= mpfr_inf_p (r) != 0;                      /* overflow RNDU: +Inf */
  mpfr_set_emin (mpfr_get_emin_min ()); mpfr_set_emax (mpfr_get_emax_max ());
  report (ok, "mpfr_special_values", 1);
  mpfr_clears (a, b, r, (mpfr_ptr) 0);
}

/* Analysis axioms on sample points, at 256 bits with directed rounding so
 * that a true inequality cannot fail by rounding. */
static void test_analysis (gmp_randstate_t st)
{
  mpfr_t x, y, ex, ey, t, u, v;
  int ok_em = 1, ok_ep = 1, ok_lm = 1, ok_l1 = 1, ok_geo = 1, ok_lb = 1;
  long n = 2000;
  mpfr_inits2 (256, x, y, ex, ey, t, u, v, (mpfr_ptr) 0);
  for (long i = 0; i < n; i++)
    {
      random_fr (x, st, 5); random_fr (y, st, 5);
      if (mpfr_greater_p (x, y)) mpfr_swap (x, y);                 /* x <= y */
      mpfr_exp (ex, x, MPFR_RNDD); mpfr_exp (ey, y, MPFR_RNDU);
      /* Exp_Monotone: exp x <= exp y (RNDD vs RNDU cannot hide a violation
       * larger than 2 ulps; strictness is what we test) */
      mpfr_exp (t, x, MPFR_RNDU); mpfr_exp (u, y, MPFR_RNDD);
      if (mpfr_less_p (x, y) && !mpfr_lessequal_p (t, ey)) ok_em = 0;
      if (!(mpfr_sgn (ex) > 0)) ok_ep = 0;                       /* Exp_Pos */
      /* Log_Monotone on 0 < |x| <= |y| */
      mpfr_abs (t, x, MPFR_RNDN); mpfr_abs (u, y, MPFR_RNDN);
      if (mpfr_sgn (t) > 0 && mpfr_sgn (u) > 0)
        {
          if (mpfr_greater_p (t, u)) mpfr_swap (t, u);
          mpfr_log (ex, t, MPFR_RNDD); mpfr_log (ey, u, MPFR_RNDU);
          if (!mpfr_lessequal_p (ex, ey)) ok_lm = 0;
        }
      /* Log1p_Tail pointwise: u - u^2/(2(1+m)) <= log(1+u) <= u, m = min(u,0),
       * u in (-1, 8) */
      mpfr_urandomb (t, st); mpfr_mul_ui (t, t, 9, MPFR_RNDN); mpfr_sub_ui (t, t, 1, MPFR_RNDN);
      if (mpfr_cmp_si (t, -1) > 0)
        {
          mpfr_log1p (ex, t, MPFR_RNDU);                       /* upper of log(1+u) */
          if (mpfr_greater_p (ex, t) && !mpfr_zero_p (t)) ok_l1 = 0;
          mpfr_log1p (ex, t, MPFR_RNDD);                       /* lower of log(1+u) */
          mpfr_set (u, t, MPFR_RNDN);
          if (mpfr_sgn (u) > 0) mpfr_set_zero (u, 1);           /* m = min(u, 0) */
          mpfr_add_ui (u, u, 1, MPFR_RNDD); mpfr_mul_2ui (u, u, 1, MPFR_RNDD);
          mpfr_sqr (v, t, MPFR_RNDU); mpfr_div (v, v, u, MPFR_RNDU);
          mpfr_sub (v, t, v, MPFR_RNDD);                       /* v <= u - u^2/(2(1+m)) */
          if (mpfr_greater_p (v, ex)) { mpfr_sub (v, v, ex, MPFR_RNDN);
            if (mpfr_cmp_d (v, 1e-60) > 0) ok_l1 = 0; }
        }
    }
  report (ok_em, "axiom_Exp_Monotone", n);
  report (ok_ep, "axiom_Exp_Pos", n);
  report (ok_lm, "axiom_Log_Monotone", n);
  report (ok_l1, "axiom_Log1p_Tail_pointwise", n);

  /* Geometric_Tail: a(n) = f rho^(n-N-1) (the extremal case) and a(n) =
   * f (rho/2)^(n-N-1): partial sums of 2000 terms stay <= f/(1-rho). */
  for (int k = 1; k < 10; k++)
    {
      double rho = k / 10.0, f = 1.0 / k;
      mpfr_set_d (t, 0, MPFR_RNDN); mpfr_set_d (u, f, MPFR_RNDN);
      for (int j = 0; j < 2000; j++)
        { mpfr_add (t, t, u, MPFR_RNDU); mpfr_mul_d (u, u, rho, MPFR_RNDU); }
      mpfr_set_d (v, f, MPFR_RNDN); mpfr_div_d (v, v, 1 - rho, MPFR_RNDU);
      mpfr_mul_d (v, v, 1 + 1e-12, MPFR_RNDU);
      if (mpfr_greater_p (t, v) || mpfr_sgn (t) < 0) ok_geo = 0;
    }
  report (ok_geo, "axiom_Geometric_Tail_samples", 9);

  /* Leibniz_Tail: a(n) = (-1)^(n+1)/n, tails from N = 1..50 computed to
   * 10^5 terms (remainder below 10^-5) lie between 0 and a(N+1), up to the
   * truncation remainder. */
  for (int N = 1; N <= 50 && ok_lb; N++)
    {
      mpfr_set_zero (t, 1);
      for (long m = N + 1; m <= 100000 + N; m++)
        {
          mpfr_set_si (u, (m % 2) ? 1 : -1, MPFR_RNDN);
          mpfr_div_si (u, u, m, MPFR_RNDN);
          mpfr_add (t, t, u, MPFR_RNDN);
        }
      mpfr_set_si (u, ((N + 1) % 2) ? 1 : -1, MPFR_RNDN);
      mpfr_div_si (u, u, N + 1, MPFR_RNDN);                       /* a(N+1) */
      /* tail and a(N+1) same sign, |tail| <= |a(N+1)| (slack 2e-5) */
      if (mpfr_sgn (t) * mpfr_sgn (u) < 0) ok_lb = 0;
      mpfr_abs (v, t, MPFR_RNDN); mpfr_abs (ex, u, MPFR_RNDN);
      mpfr_add_d (ex, ex, 2e-5, MPFR_RNDN);
      if (mpfr_greater_p (v, ex)) ok_lb = 0;
    }
  report (ok_lb, "axiom_Leibniz_Tail_samples", 50);

  /* EM_Remainder on f(x) = 1/x^2 (completely monotone): sum_{n>=N} n^-2 =
   * zeta(2) - sum_{n<N} n^-2 = 1/N + 1/(2N^2) + sum_{j=1}^m B_2j N^-(2j+1) + R
   * (B_2j/(2j)! f^(2j-1)(N) = -B_2j N^-(2j+1)); the first omitted term is
   * t = B_(2m+2) N^-(2m+3), and R must lie between 0 and 2t. */
  {
    static const long bn[] = { 1, -1, 1, -1, 5 }, bd[] = { 6, 30, 42, 30, 66 };
    int ok_emr = 1, cases = 0;
    mpfr_t S, R, w;
    mpfr_inits2 (256, S, R, w, (mpfr_ptr) 0);
    for (long N = 2; N <= 30; N++)
      for (int m = 0; m <= 3; m++)
        {
          mpfr_zeta_ui (S, 2, MPFR_RNDN);
          for (long k = 1; k < N; k++)
            { mpfr_set_ui (w, 1, MPFR_RNDN); mpfr_div_ui (w, w, k * k, MPFR_RNDN);
              mpfr_sub (S, S, w, MPFR_RNDN); }
          mpfr_set_ui (w, N, MPFR_RNDN); mpfr_ui_div (R, 1, w, MPFR_RNDN);   /* 1/N */
          mpfr_sub (R, S, R, MPFR_RNDN);
          mpfr_set_ui (w, 1, MPFR_RNDN); mpfr_div_ui (w, w, 2 * N * N, MPFR_RNDN);
          mpfr_sub (R, R, w, MPFR_RNDN);
          for (int j = 1; j <= m + 1; j++)
            {
              /* w = B_2j N^-(2j+1) */
              mpfr_set_si (w, bn[j - 1], MPFR_RNDN); mpfr_div_si (w, w, bd[j - 1], MPFR_RNDN);
              for (int e = 0; e < 2 * j + 1; e++) mpfr_div_ui (w, w, N, MPFR_RNDN);
              if (j <= m) mpfr_sub (R, R, w, MPFR_RNDN);
            }
          /* now w = t, R = remainder; check R in hull(0, 2t), slack 1e-60 */
          mpfr_mul_2ui (w, w, 1, MPFR_RNDN);
          if (mpfr_sgn (w) >= 0)
            { if (mpfr_cmp_d (R, -1e-60) < 0) ok_emr = 0;
              mpfr_sub (t, R, w, MPFR_RNDN); if (mpfr_cmp_d (t, 1e-60) > 0) ok_emr = 0; }
          else
            { if (mpfr_cmp_d (R, 1e-60) > 0) ok_emr = 0;
              mpfr_sub (t, w, R, MPFR_RNDN); if (mpfr_cmp_d (t, 1e-60) > 0) ok_emr = 0; }
          cases++;
        }
    report (ok_emr, "axiom_EM_Remainder_samples", cases);
    mpfr_clears (S, R, w, (mpfr_ptr) 0);
  }
  mpfr_clears (x, y, ex, ey, t, u, v, (mpfr_ptr) 0);
}

/* The contracts added for the remaining interval operations: set_ui/z/q
 * correctly rounded (any precision), const_pi, min with RNDU and max with
 * RNDD (bounds of every r both operands bound), the comparisons. */
static void test_more_contracts (gmp_randstate_t st)
{
  mpfr_t r, e, x, y;
  mpz_t z; mpq_t q;
  int ok_ui = 1, ok_z = 1, ok_q = 1, ok_pi = 1, ok_mm = 1, ok_cmp = 1;
  long n = 1000;
  mpfr_inits2 (20, r, x, y, (mpfr_ptr) 0);
  mpfr_init2 (e, 400);
  mpz_init (z); mpq_init (q);
  for (long i = 0; i < n; i++)
    {
      unsigned long u = gmp_urandomb_ui (st, 64) ^ (gmp_urandomb_ui (st, 32) << 32);
      mpfr_set_ui (e, u, MPFR_RNDN);                           /* exact at 400 bits */
      for (int d = 0; d < 2; d++)
        {
          mpfr_rnd_t rnd = d ? MPFR_RNDU : MPFR_RNDD;
          mpfr_set_ui (r, u, rnd);
          if (!rounded_ok (r, e, rnd) || !mpfr_number_p (r)) ok_ui = 0;
        }
      mpz_urandomb (z, st, 300);
      if (i % 2) mpz_neg (z, z);
      mpfr_set_z (e, z, MPFR_RNDN);                            /* exact: 300 < 400 bits */
      for (int d = 0; d < 2; d++)
        {
          mpfr_rnd_t rnd = d ? MPFR_RNDU : MPFR_RNDD;
          mpfr_set_z (r, z, rnd);
          if (!rounded_ok (r, e, rnd)) ok_z = 0;
        }
      mpz_urandomb (mpq_numref (q), st, 100);
      mpz_urandomb (mpq_denref (q), st, 100);
      mpz_add_ui (mpq_denref (q), mpq_denref (q), 1);
      mpq_canonicalize (q);
      if (i % 3 == 0) mpq_neg (q, q);
      /* the exact quotient lies between the two 400-bit roundings */
      for (int d = 0; d < 2; d++)
        {
          mpfr_rnd_t rnd = d ? MPFR_RNDU : MPFR_RNDD;
          mpfr_set_q (r, q, rnd);
          mpfr_set_q (e, q, d ? MPFR_RNDD : MPFR_RNDU);        /* the other side of q */
          if (d ? mpfr_less_p (r, e) : mpfr_greater_p (r, e)) ok_q = 0;
        }
      /* min RNDU >= min, max RNDD <= max, at 20 bits of 53-bit operands */
      mpfr_t a, b;
      mpfr_inits2 (53, a, b, (mpfr_ptr) 0);
      random_fr (a, st, 6); random_fr (b, st, 6);
      mpfr_min (r, a, b, MPFR_RNDU);
      if (mpfr_less_p (r, a) && mpfr_less_p (r, b)) ok_mm = 0;
      mpfr_max (r, a, b, MPFR_RNDD);
      if (mpfr_greater_p (r, a) && mpfr_greater_p (r, b)) ok_mm = 0;
      /* lessequal_p / less_p against the sign of the exact difference */
      mpfr_sub (e, a, b, MPFR_RNDN);                           /* exact at 400 bits */
      if ((mpfr_lessequal_p (a, b) != 0) != (mpfr_sgn (e) <= 0)) ok_cmp = 0;
      if ((mpfr_less_p (a, b) != 0) != (mpfr_sgn (e) < 0)) ok_cmp = 0;
      mpfr_clears (a, b, (mpfr_ptr) 0);
    }
  /* pi: the two 20-bit roundings bracket a 400-bit one */
  mpfr_const_pi (e, MPFR_RNDN);
  mpfr_const_pi (r, MPFR_RNDD); if (!rounded_ok (r, e, MPFR_RNDD)) ok_pi = 0;
  mpfr_const_pi (r, MPFR_RNDU); if (!rounded_ok (r, e, MPFR_RNDU)) ok_pi = 0;
  /* infinite ends: comparisons and the special values of sqrt / abs */
  mpfr_set_inf (x, 1); mpfr_set_inf (y, -1);
  if (!mpfr_lessequal_p (y, x) || !mpfr_less_p (y, x) || mpfr_less_p (x, x)) ok_cmp = 0;
  mpfr_set_nan (y);
  if (mpfr_lessequal_p (y, x) || mpfr_less_p (x, y)) ok_cmp = 0;
  mpfr_sqrt (r, x, MPFR_RNDD); if (!mpfr_inf_p (r) || mpfr_sgn (r) < 0) ok_cmp = 0;
  mpfr_set_inf (y, -1);
  mpfr_abs (r, y, MPFR_RNDD); if (!mpfr_inf_p (r) || mpfr_sgn (r) < 0) ok_cmp = 0;
  report (ok_ui, "mpfr_set_ui_rounded", n);
  report (ok_z, "mpfr_set_z_rounded", n);
  report (ok_q, "mpfr_set_q_rounded", n);
  report (ok_pi, "mpfr_const_pi_rounded", 2);
  report (ok_mm, "mpfr_min_max_other_direction", n);
  report (ok_cmp, "mpfr_lessequal_less_p", n);
  mpz_clear (z); mpq_clear (q);
  mpfr_clears (r, e, x, y, (mpfr_ptr) 0);
}

/* specs/elementary.acsl on sample points (256 bits, directed rounding). */
static void test_elementary (gmp_randstate_t st)
{
  mpfr_t x, y, a, b;
  int ok_sm = 1, ok_sn = 1, ok_am = 1, ok_ab = 1;
  long n = 2000;
  mpfr_inits2 (256, x, y, a, b, (mpfr_ptr) 0);
  for (long i = 0; i < n; i++)
    {
      random_fr (x, st, 8); random_fr (y, st, 8);
      if (mpfr_greater_p (x, y)) mpfr_swap (x, y);                 /* x <= y */
      /* Atan_Monotone, Atan_Bounded */
      mpfr_atan (a, x, MPFR_RNDD); mpfr_atan (b, y, MPFR_RNDU);
      if (!mpfr_lessequal_p (a, b)) ok_am = 0;
      mpfr_atan (a, x, MPFR_RNDU); mpfr_atan (b, y, MPFR_RNDD);
      if (mpfr_less_p (x, y) && !mpfr_less_p (a, b) && !mpfr_equal_p (a, b)) ok_am = 0;
      if (mpfr_cmp_si (a, 2) > 0 || mpfr_cmp_si (b, -2) < 0) ok_ab = 0;
      /* Sqrt_Monotone, Sqrt_Nonneg on 0 <= |x| <= |y| */
      mpfr_abs (x, x, MPFR_RNDN); mpfr_abs (y, y, MPFR_RNDN);
      if (mpfr_greater_p (x, y)) mpfr_swap (x, y);
      mpfr_sqrt (a, x, MPFR_RNDU); mpfr_sqrt (b, y, MPFR_RNDD);
      if (mpfr_less_p (x, y) && mpfr_greater_p (a, b)) ok_sm = 0;
      mpfr_sqrt (a, x, MPFR_RNDD);
      if (mpfr_sgn (a) < 0) ok_sn = 0;
      /* squares back: a^2 <= x <= (a + ulp)^2 pins the root */
      mpfr_sqr (b, a, MPFR_RNDU);
      if (mpfr_greater_p (b, x)) ok_sn = 0;
    }
  /* the infinite ends: atan(+-Inf) = +-pi/2 lies within [-2, 2] */
  mpfr_set_inf (x, 1); mpfr_atan (a, x, MPFR_RNDU); if (mpfr_cmp_si (a, 2) > 0) ok_ab = 0;
  mpfr_set_inf (x, -1); mpfr_atan (a, x, MPFR_RNDD); if (mpfr_cmp_si (a, -2) < 0) ok_ab = 0;
  report (ok_sm, "axiom_Sqrt_Monotone", n);
  report (ok_sn, "axiom_Sqrt_Nonneg", n);
  report (ok_am, "axiom_Atan_Monotone", n);
  report (ok_ab, "axiom_Atan_Bounded", n);
  mpfr_clears (x, y, a, b, (mpfr_ptr) 0);
}

/* specs/powtrig.acsl and the MPFR contracts it feeds (mpfr_pow_si, mpfr_sin,
 * mpfr_cos, mpfr_div_2ui), at 256 bits with directed rounding so that a
 * true inequality cannot fail by rounding; a 4x-precision reference for
 * the contracts. */
static int half_wrap (mpfr_ptr r, mpfr_srcptr x, mpfr_rnd_t rnd) { return mpfr_div_2ui (r, x, 1, rnd); }
static void test_powtrig (gmp_randstate_t st)
{
  mpfr_t x, y, a, b, c, e, r;
  int ok_z = 1, ok_rc = 1, ok_m = 1, ok_ev = 1, ok_od = 1, ok_sb = 1, ok_sl = 1, ok_cb = 1,
      ok_cl = 1, ok_pw = 1;
  long n = 2000;
  mpfr_inits2 (256, x, y, a, b, c, (mpfr_ptr) 0);
  mpfr_init2 (r, 53);
  mpfr_init2 (e, 4 * 53 + 64);
  for (long i = 0; i < n; i++)
    {
      long k = (long) gmp_urandomm_ui (st, 41);                     /* 0 <= k <= 40 */
      random_fr (x, st, 6); random_fr (y, st, 6);
      /* PowSi_Zero */
      mpfr_pow_si (a, x, 0, MPFR_RNDN);
      if (mpfr_cmp_ui (a, 1) != 0) ok_z = 0;
      /* PowSi_Even / PowSi_Odd: (-x)^k = +-x^k (exact symmetry of MPFR's
       * correctly rounded RNDN results) */
      mpfr_neg (c, x, MPFR_RNDN);
      mpfr_pow_si (a, c, k, MPFR_RNDN); mpfr_pow_si (b, x, k, MPFR_RNDN);
      if (k % 2 == 1) mpfr_neg (b, b, MPFR_RNDN);
      if (!mpfr_equal_p (a, b)) { if (k % 2) ok_od = 0; else ok_ev = 0; }
      /* PowSi_Recip, k > 0, x != 0: RNDD(x^-k) <= 1 / x^k <= RNDU(x^-k) */
      if (k > 0 && !mpfr_zero_p (x))
        {
          mpfr_pow_si (c, x, k, MPFR_RNDN);
          mpfr_pow_si (a, x, -k, MPFR_RNDD); mpfr_pow_si (b, x, -k, MPFR_RNDU);
          /* 1 / x^k within [a, b] up to the error of c (1/2 ulp at 256 bits) */
          mpfr_ui_div (c, 1, c, MPFR_RNDN);
          mpfr_sub (a, a, c, MPFR_RNDN); mpfr_sub (b, b, c, MPFR_RNDN);
          mpfr_abs (c, c, MPFR_RNDN); mpfr_mul_2si (c, c, -250, MPFR_RNDN);
          if (mpfr_cmp (a, c) > 0) ok_rc = 0;
          mpfr_neg (c, c, MPFR_RNDN);
          if (mpfr_cmp (b, c) < 0) ok_rc = 0;
        }
      /* PowSi_Mono: 0 <= |x| <= |y| ==> 0 <= |x|^k <= |y|^k */
      mpfr_abs (a, x, MPFR_RNDN); mpfr_abs (b, y, MPFR_RNDN);
      if (mpfr_greater_p (a, b)) mpfr_swap (a, b);
      mpfr_pow_si (a, a, k, MPFR_RNDD); mpfr_pow_si (b, b, k, MPFR_RNDU);
      if (mpfr_sgn (a) < 0 || mpfr_greater_p (a, b)) ok_m = 0;
      /* Sin/Cos_Bounded, Sin/Cos_Lipschitz: f(x) - f(y) <= |x - y| */
      mpfr_sub (c, x, y, MPFR_RNDU); mpfr_abs (c, c, MPFR_RNDU);
      mpfr_sub (e, x, y, MPFR_RNDD); mpfr_abs (e, e, MPFR_RNDU);
      if (mpfr_less_p (c, e)) mpfr_set (c, e, MPFR_RNDU);          /* c >= |x - y| */
      mpfr_sin (a, x, MPFR_RNDD); mpfr_sin (b, y, MPFR_RNDU);
      if (mpfr_cmp_si (b, 1) > 0 || mpfr_cmp_si (a, -1) < 0) ok_sb = 0;
      mpfr_sub (a, a, b, MPFR_RNDD);
      if (mpfr_greater_p (a, c)) ok_sl = 0;
      mpfr_cos (a, x, MPFR_RNDD); mpfr_cos (b, y, MPFR_RNDU);
      if (mpfr_cmp_si (b, 1) > 0 || mpfr_cmp_si (a, -1) < 0) ok_cb = 0;
      mpfr_sub (a, a, b, MPFR_RNDD);
      if (mpfr_greater_p (a, c)) ok_cl = 0;
      /* mpfr_pow_si's contract (Rounded, 53 bits, 4x reference) */
      mpfr_set_prec (e, 4 * 53 + 64);
      mpfr_prec_round (x, 53, MPFR_RNDN);
      mpfr_pow_si (e, x, k, MPFR_RNDN);
      for (int d = 0; d < 2; d++)
        {
          mpfr_rnd_t rnd = d ? MPFR_RNDU : MPFR_RNDD;
          mpfr_pow_si (r, x, k, rnd);
          if (!rounded_ok (r, e, rnd)) ok_pw = 0;
        }
      mpfr_set_prec (x, 256);
    }
  report (ok_z, "axiom_PowSi_Zero", n);
  report (ok_rc, "axiom_PowSi_Recip", n);
  report (ok_m, "axiom_PowSi_Mono", n);
  report (ok_ev, "axiom_PowSi_Even", n);
  report (ok_od, "axiom_PowSi_Odd", n);
  report (ok_sb, "axiom_Sin_Bounded", n);
  report (ok_sl, "axiom_Sin_Lipschitz", n);
  report (ok_cb, "axiom_Cos_Bounded", n);
  report (ok_cl, "axiom_Cos_Lipschitz", n);
  report (ok_pw, "mpfr_pow_si_rounded", n);
  mpfr_clears (x, y, a, b, c, e, r, (mpfr_ptr) 0);
  test_op1 ("mpfr_sin_rounded", mpfr_sin, st, 0);
  test_op1 ("mpfr_cos_rounded", mpfr_cos, st, 0);
  test_op1 ("mpfr_div_2ui_rounded", half_wrap, st, 0);
}

/* mpfr_mul_z / mpfr_div_z (ic_ival_mul_z / div_z): correctly rounded
 * against the exact product (53-bit x times a 200-bit integer is exact at
 * 300 bits) and against the other-direction rounding of the quotient at
 * 400 bits; infinities kept.  mpfr_prec_round: rounding a 300-bit x to 20
 * bits is Rounded against x itself; to 400 bits it keeps x; infinities
 * keep their sign. */
static void test_bigint_contracts (gmp_randstate_t st)
{
  mpfr_t x, r, e, e2;
  mpz_t z;
  int ok_mz = 1, ok_dz = 1, ok_pr = 1;
  long n = 1000;
  mpfr_init2 (x, 53); mpfr_init2 (r, 20); mpfr_init2 (e, 400); mpfr_init2 (e2, 400);
  mpz_init (z);
  for (long i = 0; i < n; i++)
    {
      random_fr (x, st, 40);
      mpz_urandomb (z, st, 200);
      if (i % 3 == 0) mpz_neg (z, z);
      mpfr_mul_z (e, x, z, MPFR_RNDN);                          /* exact: 253 < 400 bits */
      for (int d = 0; d < 2; d++)
        {
          mpfr_rnd_t rnd = d ? MPFR_RNDU : MPFR_RNDD;
          mpfr_mul_z (r, x, z, rnd);
          if (!rounded_ok (r, e, rnd)) ok_mz = 0;
          if (mpz_sgn (z) != 0)
            {
              mpfr_div_z (r, x, z, rnd);
              mpfr_div_z (e2, x, z, d ? MPFR_RNDD : MPFR_RNDU);  /* the other side of x / z */
              if (d ? mpfr_less_p (r, e2) : mpfr_greater_p (r, e2)) ok_dz = 0;
              if (mpfr_nan_p (r)) ok_dz = 0;
            }
        }
      /* prec_round: x with 300 bits, rounded to 20 and raised to 400 */
      mpfr_set_prec (e2, 300);
      random_fr (e2, st, 40);
      if (mpfr_regular_p (e2))                                  /* low bits set */
        {
          mpfr_urandomb (e, st);
          mpfr_mul_2si (e, e, mpfr_get_exp (e2) - 200, MPFR_RNDN);
          mpfr_add (e2, e2, e, MPFR_RNDN);
        }
      mpfr_set (e, e2, MPFR_RNDN);                              /* exact copy at 400 bits */
      for (int d = 0; d < 2; d++)
        {
          mpfr_rnd_t rnd = d ? MPFR_RNDU : MPFR_RNDD;
          mpfr_set_prec (r, 300);
          mpfr_set (r, e2, MPFR_RNDN);
          mpfr_prec_round (r, 20, rnd);
          if (!rounded_ok (r, e, rnd) || mpfr_get_prec (r) != 20) ok_pr = 0;
          mpfr_set_prec (r, 300);
          mpfr_set (r, e2, MPFR_RNDN);
          mpfr_prec_round (r, 400, rnd);
          if (!mpfr_equal_p (r, e) || mpfr_get_prec (r) != 400) ok_pr = 0;
        }
      mpfr_set_prec (e2, 400);
      mpfr_set_prec (r, 20);
    }
  for (int sg = -1; sg <= 1; sg += 2)
    {
      mpfr_set_inf (x, sg);
      mpz_set_ui (z, 7);
      mpfr_mul_z (r, x, z, MPFR_RNDD);
      if (!mpfr_inf_p (r) || mpfr_sgn (r) != sg) ok_mz = 0;
      mpfr_div_z (r, x, z, MPFR_RNDU);
      if (!mpfr_inf_p (r) || mpfr_sgn (r) != sg) ok_dz = 0;
      mpfr_set_prec (r, 300);
      mpfr_set_inf (r, sg);
      mpfr_prec_round (r, 20, MPFR_RNDD);
      if (!mpfr_inf_p (r) || mpfr_sgn (r) != sg) ok_pr = 0;
    }
  /* mpfr_mul_2si: exact within the range (compared at 400 bits), rounded
   * in the direction asked beyond it, infinities kept; Pow2_Pos: 2^e > 0,
   * here as MPFR's 2^e (mpfr_set_ui_2exp) for |e| <= 10^6 */
  int ok_m2 = 1, ok_p2 = 1;
  for (long i = 0; i < n; i++)
    {
      long ee = (long) gmp_urandomm_ui (st, 2000001) - 1000000;
      mpfr_set_ui_2exp (e, 1, ee, MPFR_RNDN);
      if (mpfr_sgn (e) <= 0) ok_p2 = 0;
      random_fr (x, st, 40);
      long sh = (long) gmp_urandomm_ui (st, 401) - 200;
      if (i % 20 == 0) sh = (i % 40) ? LONG_MAX / 2 : -(LONG_MAX / 2);
      mpfr_mul_2si (e, x, sh < -300 || sh > 300 ? 0 : sh, MPFR_RNDN);    /* exact at 400 bits */
      for (int d = 0; d < 2; d++)
        {
          mpfr_rnd_t rnd = d ? MPFR_RNDU : MPFR_RNDD;
          mpfr_mul_2si (r, x, sh, rnd);
          if (sh >= -300 && sh <= 300) { if (!rounded_ok (r, e, rnd)) ok_m2 = 0; }
          else if (mpfr_sgn (x) != 0)
            {
              /* beyond the range: RNDD below x 2^sh, RNDU above it */
              int s = mpfr_sgn (x);
              if (sh > 0 && (d ? s > 0 && !mpfr_inf_p (r) : s < 0 && !mpfr_inf_p (r))) ok_m2 = 0;
              if (sh < 0 && (d ? mpfr_sgn (r) < 0 || (s > 0 && mpfr_sgn (r) == 0)
                               : mpfr_sgn (r) > 0 || (s < 0 && mpfr_sgn (r) == 0))) ok_m2 = 0;
            }
        }
    }
  for (int sg = -1; sg <= 1; sg += 2)
    {
      mpfr_set_inf (x, sg);
      mpfr_mul_2si (r, x, -5, MPFR_RNDD);
      if (!mpfr_inf_p (r) || mpfr_sgn (r) != sg) ok_m2 = 0;
    }
  report (ok_m2, "mpfr_mul_2si_rounded", n);
  report (ok_p2, "axiom_Pow2_Pos", n);
  report (ok_mz, "mpfr_mul_z_rounded", n);
  report (ok_dz, "mpfr_div_z_rounded", n);
  report (ok_pr, "mpfr_prec_round_rounded", n);
  mpz_clear (z);
  mpfr_clears (x, r, e, e2, (mpfr_ptr) 0);
}

/* specs/gamma.acsl: Gamma, the factorial, and three facts about powers;
 * the contracts of mpfr_gamma, mpfr_regular_p (specs/mpfr_model.h). */
static void test_gamma (gmp_randstate_t st)
{
  mpfr_t x, y, a, b, e, r;
  mpz_t f;
  int ok_gf = 1, ok_gm = 1, ok_fs = 1, ok_f0 = 1, ok_pi = 1, ok_zb = 1, ok_m1 = 1, ok_g = 1,
      ok_ginf = 1, ok_reg = 1;
  long n = 1000;
  mpfr_inits2 (256, x, y, a, b, (mpfr_ptr) 0);
  mpfr_init2 (e, 4 * 53 + 64);
  mpfr_init2 (r, 53);
  mpz_init (f);
  /* Fact_Zero: 0! = 1 (GMP's factorial) */
  mpz_fac_ui (f, 0);
  if (mpz_cmp_ui (f, 1) != 0) ok_f0 = 0;
  for (long i = 0; i < n; i++)
    {
      unsigned long m = gmp_urandomm_ui (st, 300);
      /* Gamma_Fact: Gamma(m + 1) = m!, mpfr_gamma bracketing the exact m! */
      mpz_fac_ui (f, m);
      mpfr_set_ui (x, m + 1, MPFR_RNDN);
      mpfr_gamma (a, x, MPFR_RNDD); mpfr_gamma (b, x, MPFR_RNDU);
      if (mpfr_cmp_z (a, f) > 0 || mpfr_cmp_z (b, f) < 0) ok_gf = 0;
      /* Fact_Step: m! = (m-1)! m, m >= 1 */
      if (m >= 1)
        {
          mpz_t g;
          mpz_init (g);
          mpz_fac_ui (g, m - 1);
          mpz_mul_ui (g, g, m);
          if (mpz_cmp (g, f) != 0) ok_fs = 0;
          mpz_clear (g);
        }
      /* Gamma_Mono: 2 <= x <= y ==> Gamma(x) <= Gamma(y) */
      mpfr_urandomb (x, st); mpfr_mul_ui (x, x, 1 + gmp_urandomm_ui (st, 200), MPFR_RNDN);
      mpfr_add_ui (x, x, 2, MPFR_RNDN);
      mpfr_urandomb (y, st); mpfr_mul_2si (y, y, -(long) gmp_urandomm_ui (st, 30), MPFR_RNDN);
      mpfr_add (y, y, x, MPFR_RNDN);
      mpfr_gamma (a, x, MPFR_RNDD); mpfr_gamma (b, y, MPFR_RNDU);
      if (mpfr_greater_p (a, b)) ok_gm = 0;
      /* mpfr_gamma's contract on x >= 2 (Rounded, 53 bits, 4x reference) */
      mpfr_prec_round (x, 53, MPFR_RNDN);
      mpfr_gamma (e, x, MPFR_RNDN);
      for (int d = 0; d < 2; d++)
        {
          mpfr_rnd_t rnd = d ? MPFR_RNDU : MPFR_RNDD;
          mpfr_gamma (r, x, rnd);
          if (!rounded_ok (r, e, rnd)) ok_g = 0;
        }
      mpfr_set_prec (x, 256);
      /* Pow_Int: x > 0, k integer: x^k (real power) = x^k (integer power) */
      long k = (long) gmp_urandomm_ui (st, 41) - 20;
      random_fr (x, st, 6);
      mpfr_abs (x, x, MPFR_RNDN);
      if (mpfr_zero_p (x)) mpfr_set_ui (x, 3, MPFR_RNDN);
      mpfr_set_si (y, k, MPFR_RNDN);
      mpfr_pow (a, x, y, MPFR_RNDN); mpfr_pow_si (b, x, k, MPFR_RNDN);
      if (!mpfr_equal_p (a, b)) ok_pi = 0;
      /* PowSi_Zero_Base: 0^k = 0 for k > 0; PowSi_Minus_One: (-1)^k = +-1 */
      mpfr_set_zero (x, 1);
      if (k > 0) { mpfr_pow_si (a, x, k, MPFR_RNDN); if (!mpfr_zero_p (a)) ok_zb = 0; }
      mpfr_set_si (x, -1, MPFR_RNDN);
      mpfr_pow_si (a, x, k, MPFR_RNDN);
      if (mpfr_cmp_si (a, -1) < 0 || mpfr_cmp_si (a, 1) > 0) ok_m1 = 0;
      /* mpfr_regular_p: nonzero and finite */
      random_fr (x, st, 6);
      if ((mpfr_regular_p (x) != 0) != (mpfr_number_p (x) && !mpfr_zero_p (x))) ok_reg = 0;
    }
  /* Gamma(+Inf) = +Inf; mpfr_regular_p of the specials */
  mpfr_set_inf (x, 1);
  mpfr_gamma (a, x, MPFR_RNDD);
  if (!mpfr_inf_p (a) || mpfr_sgn (a) < 0) ok_ginf = 0;
  mpfr_set_nan (x);
  if (mpfr_regular_p (x)) ok_reg = 0;
  mpfr_set_inf (x, -1);
  if (mpfr_regular_p (x)) ok_reg = 0;
  report (ok_f0, "axiom_Fact_Zero", 1);
  report (ok_fs, "axiom_Fact_Step", n);
  report (ok_gf, "axiom_Gamma_Fact", n);
  report (ok_gm, "axiom_Gamma_Mono", n);
  report (ok_pi, "axiom_Pow_Int", n);
  report (ok_zb, "axiom_PowSi_Zero_Base", n);
  report (ok_m1, "axiom_PowSi_Minus_One", n);
  report (ok_g, "mpfr_gamma_rounded", n);
  report (ok_ginf, "mpfr_gamma_inf", 1);
  report (ok_reg, "mpfr_regular_p", n);
  mpz_clear (f);
  mpfr_clears (x, y, a, b, e, r, (mpfr_ptr) 0);
}

/* RootInv_Bracket ([ROOT], specs/powtrig.acsl): for y > 0 with
 * e = n y^q - 1 in [-1/4, 1/4], 1 - e/q <= n^(-1/q)/y <= 1 - e/q + 3 e^2.
 * Sampled at 2048 bits with y = n^(-1/q) (1 + d), |d| from 2^-20 to 1/4q
 * (both signs) and at the edges |e| = 1/4 (y solved for e = +-1/4); the
 * gaps checked are at least about e^2/q^2 > 2^-80, far above the 2^-2000
 * error of the 2048-bit computation (a slack of 2^-1900 is allowed). */
static void test_rootinv (gmp_randstate_t st)
{
  mpfr_t r, y, e, lo, hi, v, t, slack;
  mpfr_inits2 (2048, r, y, e, lo, hi, v, t, slack, (mpfr_ptr) 0);
  mpfr_set_ui_2exp (slack, 1, -1900, MPFR_RNDN);
  int ok = 1;
  long n = 3000, tested = 0;
  for (long i = 0; i < n; i++)
    {
      unsigned long nn = 1 + gmp_urandomm_ui (st, 1000000), q = 1 + gmp_urandomm_ui (st, 2000);
      mpfr_set_ui (r, nn, MPFR_RNDN);
      mpfr_rootn_ui (r, r, q, MPFR_RNDN);
      mpfr_ui_div (r, 1, r, MPFR_RNDN);                    /* n^(-1/q) */
      int kind = (int) gmp_urandomm_ui (st, 4);
      if (kind < 2)
        {
          /* y = r (1 + d), d = +-2^-k u */
          mpfr_urandomb (t, st);
          mpfr_mul_2si (t, t, -(long) gmp_urandomm_ui (st, 20), MPFR_RNDN);
          mpfr_div_ui (t, t, 4 * q, MPFR_RNDN);
          if (kind) mpfr_neg (t, t, MPFR_RNDN);
          mpfr_add_ui (t, t, 1, MPFR_RNDN);
          mpfr_mul (y, r, t, MPFR_RNDN);
        }
      else
        {
          /* y^q = (1 + e)/n with e = +-1/4 (then y is rounded: e moves by 2^-2000) */
          mpfr_set_d (t, kind == 2 ? 1.25 : 0.75, MPFR_RNDN);
          mpfr_div_ui (t, t, nn, MPFR_RNDN);
          mpfr_rootn_ui (y, t, q, MPFR_RNDN);
        }
      mpfr_pow_ui (e, y, q, MPFR_RNDN);
      mpfr_mul_ui (e, e, nn, MPFR_RNDN);
      mpfr_sub_ui (e, e, 1, MPFR_RNDN);                    /* e = n y^q - 1 */
      mpfr_mul_2ui (t, e, 2, MPFR_RNDN);
      if (mpfr_cmp_si (t, -1) < 0 || mpfr_cmp_si (t, 1) > 0) continue;   /* outside the hypothesis */
      tested++;
      mpfr_div (v, r, y, MPFR_RNDN);                       /* n^(-1/q) / y */
      mpfr_div_ui (lo, e, q, MPFR_RNDN);
      mpfr_ui_sub (lo, 1, lo, MPFR_RNDN);                  /* 1 - e/q */
      mpfr_sqr (hi, e, MPFR_RNDN);
      mpfr_mul_ui (hi, hi, 3, MPFR_RNDN);
      mpfr_add (hi, hi, lo, MPFR_RNDN);                    /* 1 - e/q + 3 e^2 */
      mpfr_sub (t, lo, v, MPFR_RNDN);
      if (mpfr_cmp (t, slack) > 0) ok = 0;
      mpfr_sub (t, v, hi, MPFR_RNDN);
      if (mpfr_cmp (t, slack) > 0) ok = 0;
    }
  if (tested < n / 2) ok = 0;
  report (ok, "axiom_RootInv_Bracket", tested);
  mpfr_clears (r, y, e, lo, hi, v, t, slack, (mpfr_ptr) 0);
}

int main (int argc, char **argv)
{
  gmp_randstate_t st;
  harness_init (st, argc, argv);
  test_op2 ("mpfr_add_rounded", mpfr_add, st, 0);
  test_op2 ("mpfr_sub_rounded", mpfr_sub, st, 0);
  test_op2 ("mpfr_div_rounded", mpfr_div, st, 1);
  test_op1 ("mpfr_neg_rounded", neg_wrap, st, 0);
  test_op1 ("mpfr_set_rounded", set_wrap, st, 0);
  test_op1 ("mpfr_exp_rounded", mpfr_exp, st, 0);
  test_op1 ("mpfr_log_rounded", mpfr_log, st, 1);
  test_op1 ("mpfr_log1p_rounded", mpfr_log1p, st, 2);
  test_op1 ("mpfr_sqrt_rounded", mpfr_sqrt, st, 3);
  test_op1 ("mpfr_atan_rounded", mpfr_atan, st, 0);
  test_op1 ("mpfr_abs_rounded", abs_wrap, st, 0);
  test_more_contracts (st);
  test_elementary (st);
  test_powtrig (st);
  test_rootinv (st);
  test_gamma (st);
  test_bigint_contracts (st);
  test_specials ();
  test_analysis (st);
  gmp_randclear (st);
  mpfr_free_cache ();
  return nfail != 0;
}
