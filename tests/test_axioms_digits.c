/* test_axioms_digits.c — the trusted base added for ic_enclose_digits and
 * ic_em_logseries_tail is tested as well as trusted (same harness as
 * test_axioms.c):
 * 1. Including specs/mpfr_model.h makes gcc check the re-declared
 *    prototypes (mpfr_get_si, mpfr_log10, mpfr_mul_ui, mpfr_sub_ui,
 *    mpfr_ui_div, mpfr_div_ui, mpfr_pow_ui, mpfr_mul) against <mpfr.h>.
 * 2. Each of their contracts is checked on random operands against a
 *    computation at 4x the precision (seed printed), special values apart.
 * 3. The axioms Pow10_Below / Pow10_Above (specs/digits.acsl) are checked
 *    exactly (rationals) on sample points, LogZeta_Tail
 *    (specs/logseries.acsl) against a direct high-precision sum of the
 *    series with mpfr_zeta. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "axioms_harness.h"


static unsigned long random_ui (gmp_randstate_t st)
{
  switch (gmp_urandomm_ui (st, 4))
    {
    case 0: return gmp_urandomm_ui (st, 4);
    case 1: return gmp_urandomm_ui (st, 1000);
    case 2: return ULONG_MAX - gmp_urandomm_ui (st, 3);
    default: return gmp_urandomb_ui (st, 64);
    }
}

/* mpfr_get_si: RNDD gives <= op or LONG_MIN, RNDU >= op or LONG_MAX;
 * -Inf / +Inf / NaN give LONG_MIN / LONG_MAX / 0 (MPFR manual 5.4). */
static void test_get_si (gmp_randstate_t st)
{
  mpfr_t x;
  int ok = 1; long n = 4000;
  mpfr_init2 (x, 53);
  for (long i = 0; i < n; i++)
    {
      random_fr (x, st, 70);                    /* also beyond the range of long */
      long d = mpfr_get_si (x, MPFR_RNDD), u = mpfr_get_si (x, MPFR_RNDU);
      if (!(mpfr_cmp_si (x, d) >= 0 || d == LONG_MIN)) ok = 0;
      if (!(mpfr_cmp_si (x, u) <= 0 || u == LONG_MAX)) ok = 0;
      if (!ok) { mpfr_printf ("  get_si(%Ra) gave %ld, %ld\n", x, d, u); break; }
    }
  mpfr_set_inf (x, -1);
  ok &= mpfr_get_si (x, MPFR_RNDD) == LONG_MIN && mpfr_get_si (x, MPFR_RNDU) == LONG_MIN;
  mpfr_set_inf (x, 1);
  ok &= mpfr_get_si (x, MPFR_RNDD) == LONG_MAX && mpfr_get_si (x, MPFR_RNDU) == LONG_MAX;
  mpfr_set_nan (x);
  ok &= mpfr_get_si (x, MPFR_RNDD) == 0 && mpfr_get_si (x, MPFR_RNDU) == 0;
  mpfr_clear_flags ();
  report (ok, "mpfr_get_si_directed", n);
  mpfr_clear (x);
}

/* mpfr_log10: Rounded against log10 for op > 0; log10(+-0) = -Inf,
 * log10(+Inf) = +Inf (MPFR manual 5.7). */
static void test_log10 (gmp_randstate_t st)
{
  mpfr_t x, r, e;
  int ok = 1; long n = 2000;
  mpfr_inits2 (53, x, r, (mpfr_ptr) 0);
  mpfr_init2 (e, 4 * 53 + 64);
  for (long i = 0; i < n && ok; i++)
    {
      random_fr (x, st, 300);
      mpfr_abs (x, x, MPFR_RNDN);
      if (mpfr_zero_p (x)) mpfr_set_ui (x, 10, MPFR_RNDN);   /* exact case log10 10 = 1 */
      mpfr_log10 (e, x, MPFR_RNDN);
      for (int d = 0; d < 2; d++)
        {
          mpfr_rnd_t rnd = d ? MPFR_RNDU : MPFR_RNDD;
          mpfr_log10 (r, x, rnd);
          if (!rounded_ok (r, e, rnd))
            { ok = 0; mpfr_printf ("  log10(%Ra) rnd %d gave %Ra\n", x, rnd, r); }
        }
    }
  mpfr_set_zero (x, 1);  mpfr_log10 (r, x, MPFR_RNDU); ok &= mpfr_inf_p (r) && mpfr_sgn (r) < 0;
  mpfr_set_zero (x, -1); mpfr_log10 (r, x, MPFR_RNDD); ok &= mpfr_inf_p (r) && mpfr_sgn (r) < 0;
  mpfr_set_inf (x, 1);   mpfr_log10 (r, x, MPFR_RNDD); ok &= mpfr_inf_p (r) && mpfr_sgn (r) > 0;
  report (ok, "mpfr_log10_rounded", n);
  mpfr_clears (x, r, e, (mpfr_ptr) 0);
}

/* Operations with an unsigned long operand, and mpfr_mul, against the same
 * operation at 4x the precision. */
static void test_ui_ops (gmp_randstate_t st)
{
  mpfr_t x, y, r, e;
  int ok_mul_ui = 1, ok_sub_ui = 1, ok_ui_div = 1, ok_div_ui = 1, ok_mul = 1, ok_pow = 1;
  long n = 2000;
  mpfr_inits2 (53, x, y, r, (mpfr_ptr) 0);
  mpfr_init2 (e, 4 * 53 + 64);
  for (long i = 0; i < n; i++)
    {
      random_fr (x, st, 40); random_fr (y, st, 40);
      unsigned long k = random_ui (st);
      for (int d = 0; d < 2; d++)
        {
          mpfr_rnd_t rnd = d ? MPFR_RNDU : MPFR_RNDD;
          mpfr_mul_ui (e, x, k, MPFR_RNDN); mpfr_mul_ui (r, x, k, rnd);
          if (!rounded_ok (r, e, rnd)) ok_mul_ui = 0;
          mpfr_sub_ui (e, x, k, MPFR_RNDN); mpfr_sub_ui (r, x, k, rnd);
          if (!rounded_ok (r, e, rnd)) ok_sub_ui = 0;
          if (!mpfr_zero_p (x))
            {
              mpfr_ui_div (e, k, x, MPFR_RNDN); mpfr_ui_div (r, k, x, rnd);
              if (!rounded_ok (r, e, rnd)) ok_ui_div = 0;
            }
          if (k != 0)
            {
              mpfr_div_ui (e, x, k, MPFR_RNDN); mpfr_div_ui (r, x, k, rnd);
              if (!rounded_ok (r, e, rnd)) ok_div_ui = 0;
            }
          mpfr_mul (e, x, y, MPFR_RNDN); mpfr_mul (r, x, y, rnd);
          if (!rounded_ok (r, e, rnd)) ok_mul = 0;
          /* pow_ui on x >= 0 (exponents up to 1000: overflow / underflow
           * are reached for large |log2 x|): rounded, and +Inf or >= 0 */
          mpfr_abs (y, x, MPFR_RNDN);
          unsigned long m = k % 1001;
          mpfr_pow_ui (e, y, m, MPFR_RNDN); mpfr_pow_ui (r, y, m, rnd);
          if (!mpfr_inf_p (e) && !rounded_ok (r, e, rnd)) ok_pow = 0;
          if (mpfr_inf_p (e) && !(mpfr_inf_p (r) || rnd == MPFR_RNDD)) ok_pow = 0;
          if (!((mpfr_inf_p (r) && mpfr_sgn (r) > 0) || (mpfr_number_p (r) && mpfr_sgn (r) >= 0)))
            ok_pow = 0;
          if (m == 0 && mpfr_cmp_ui (r, 1) != 0) ok_pow = 0;     /* x^0 = 1 (powi) */
        }
    }
  /* special values used by the model */
  mpfr_set_inf (x, 1);
  mpfr_sub_ui (r, x, 1, MPFR_RNDD); ok_sub_ui &= mpfr_inf_p (r) && mpfr_sgn (r) > 0;
  mpfr_div_ui (r, x, 3, MPFR_RNDU); ok_div_ui &= mpfr_inf_p (r) && mpfr_sgn (r) > 0;
  mpfr_set_inf (x, -1);
  mpfr_sub_ui (r, x, 1, MPFR_RNDD); ok_sub_ui &= mpfr_inf_p (r) && mpfr_sgn (r) < 0;
  mpfr_set_nan (x);
  mpfr_sub_ui (r, x, 1, MPFR_RNDD); ok_sub_ui &= mpfr_nan_p (r) != 0;
  mpfr_set_inf (x, 1); mpfr_set_ui (y, 2, MPFR_RNDN);
  mpfr_mul (r, x, y, MPFR_RNDD); ok_mul &= mpfr_inf_p (r) && mpfr_sgn (r) > 0;
  mpfr_neg (y, y, MPFR_RNDN);
  mpfr_mul (r, x, y, MPFR_RNDU); ok_mul &= mpfr_inf_p (r) && mpfr_sgn (r) < 0;
  mpfr_set_zero (y, 1);
  mpfr_pow_ui (r, y, 0, MPFR_RNDD); ok_pow &= mpfr_cmp_ui (r, 1) == 0;
  mpfr_pow_ui (r, y, 5, MPFR_RNDU); ok_pow &= mpfr_zero_p (r) != 0;
  mpfr_clear_flags ();
  report (ok_mul_ui, "mpfr_mul_ui_rounded", n);
  report (ok_sub_ui, "mpfr_sub_ui_rounded", n);
  report (ok_ui_div, "mpfr_ui_div_rounded", n);
  report (ok_div_ui, "mpfr_div_ui_rounded", n);
  report (ok_mul, "mpfr_mul_rounded", n);
  report (ok_pow, "mpfr_pow_ui_rounded_nonneg", n);
  mpfr_clears (x, y, r, e, (mpfr_ptr) 0);
}

/* Pow10_Below / Pow10_Above, exactly: y > 0 a random 53-bit number,
 * k ranging around log10 y; "k <= log10 y" is decided by an RNDD value of
 * log10 y at 256 bits (so only certain cases are taken), "10^k <= y" with
 * rationals. */
static void test_pow10 (gmp_randstate_t st)
{
  mpfr_t y, l;
  mpq_t qy, qp;
  mpz_t z;
  int ok = 1; long n = 2000, cases = 0;
  mpfr_init2 (y, 53); mpfr_init2 (l, 256);
  mpq_init (qy); mpq_init (qp); mpz_init (z);
  for (long i = 0; i < n; i++)
    {
      random_fr (y, st, 900);
      mpfr_abs (y, y, MPFR_RNDN);
      if (mpfr_zero_p (y)) continue;
      if (i % 50 == 0)                           /* exact powers of ten */
        mpfr_set_ui_2exp (y, 0, 0, MPFR_RNDN), mpfr_set_str (y, i % 100 ? "1e-20" : "1000", 10, MPFR_RNDN);
      mpfr_get_q (qy, y);
      mpfr_log10 (l, y, MPFR_RNDD);
      long k0 = mpfr_get_si (l, MPFR_RNDD);
      for (long k = k0 - 2; k <= k0 + 3; k++)
        {
          /* qp = 10^k exactly */
          mpz_ui_pow_ui (z, 10, (unsigned long) (k < 0 ? -k : k));
          mpq_set_z (qp, z);
          if (k < 0) mpq_inv (qp, qp);
          mpfr_t lo, hi;
          mpfr_inits2 (256, lo, hi, (mpfr_ptr) 0);
          mpfr_log10 (lo, y, MPFR_RNDD); mpfr_log10 (hi, y, MPFR_RNDU);
          if (mpfr_cmp_si (lo, k) >= 0)          /* k <= log10 y certainly */
            { cases++; if (mpq_cmp (qp, qy) > 0) ok = 0; }
          if (mpfr_cmp_si (hi, k) <= 0)          /* log10 y <= k certainly */
            { cases++; if (mpq_cmp (qy, qp) > 0) ok = 0; }
          mpfr_clears (lo, hi, (mpfr_ptr) 0);
        }
      if (!ok) { mpfr_printf ("  pow10 axioms fail at y = %Ra\n", y); break; }
    }
  report (ok, "axiom_Pow10_Below_Above_samples", cases);
  mpq_clear (qy); mpq_clear (qp); mpz_clear (z);
  mpfr_clears (y, l, (mpfr_ptr) 0);
}

/* Hurwitz zeta(sigma, M) = sum_{n>=0} (n + M)^-sigma to a relative error
 * far below 2^-50, at 256 bits:
 *  - sigma < 16: zeta(sigma) - sum_{n<M} n^-sigma (mpfr_zeta); the
 *    subtraction cancels at most sigma log2(M) < 40 bits (M <= 5);
 *  - sigma >= 16: the sum itself, until (n + M)^-sigma < 2^-70 M^-sigma;
 *    the rest is below 2^-70 (n + M)/(sigma - 1) M^-sigma < 2^-64 M^-sigma. */
static void hurwitz (mpfr_ptr z, mpfr_srcptr sigma, unsigned long M)
{
  mpfr_t w, ms, first;
  mpfr_inits2 (mpfr_get_prec (z), w, ms, first, (mpfr_ptr) 0);
  mpfr_neg (ms, sigma, MPFR_RNDN);
  if (mpfr_cmp_ui (sigma, 16) < 0)
    {
      mpfr_zeta (z, sigma, MPFR_RNDN);
      for (unsigned long n = 1; n < M; n++)
        {
          mpfr_ui_pow (w, n, ms, MPFR_RNDN);              /* n^-sigma */
          mpfr_sub (z, z, w, MPFR_RNDN);
        }
    }
  else
    {
      mpfr_ui_pow (first, M, ms, MPFR_RNDN);
      mpfr_set (z, first, MPFR_RNDN);
      mpfr_mul_2si (first, first, -70, MPFR_RNDN);
      for (unsigned long n = M + 1;; n++)
        {
          mpfr_ui_pow (w, n, ms, MPFR_RNDN);
          mpfr_add (z, z, w, MPFR_RNDN);
          if (mpfr_less_p (w, first)) break;
        }
    }
  mpfr_clears (w, ms, first, (mpfr_ptr) 0);
}

/* LogZeta_Tail: |sum_{k>K} (-1)^(k+1) c^k/k zeta(s k, M)| <=
 * (1 + M/(P(K+1) - 1))/(K+1) Q^(K+1)/(1 - Q) for P = s and for a P below s,
 * Q = |c| M^-s and a Q above it; and [Z] itself, zeta(sigma, M) <=
 * M^-sigma (1 + M/(sigma - 1)).  Cases with u = |c| M^-s <= 1/2; the
 * series is summed until a term is below 2^-64 times the sum of the
 * moduli so far (the rest is then below 2^-62 of it); the comparison
 * allows a relative slack of 2^-40. */
static void test_logzeta (void)
{
  static const double cs[] = { 0.5, -0.5, 1.0, -2.0, 3.0, 0.1 };
  static const double ss[] = { 1.5, 2.0, 3.0, 0.75, 1.1 };
  static const unsigned long Ms[] = { 1, 2, 3, 5 };
  static const unsigned long Ks[] = { 0, 1, 3, 10 };
  mpfr_t sigma, z, u, tail, term, ck, B, w, P, Q, abssum;
  int ok = 1, okz = 1; long cases = 0, zcases = 0;
  mpfr_inits2 (256, sigma, z, u, tail, term, ck, B, w, P, Q, abssum, (mpfr_ptr) 0);
  for (size_t ic = 0; ic < sizeof cs / sizeof *cs; ic++)
    for (size_t is = 0; is < sizeof ss / sizeof *ss; is++)
      for (size_t im = 0; im < sizeof Ms / sizeof *Ms; im++)
        for (size_t ik = 0; ik < sizeof Ks / sizeof *Ks; ik++)
          {
            double c = cs[ic], s = ss[is];
            unsigned long M = Ms[im], K = Ks[ik];
            if (s * (K + 1) <= 1) continue;
            /* u = |c| M^-s */
            mpfr_set_d (u, s, MPFR_RNDN); mpfr_neg (u, u, MPFR_RNDN);
            mpfr_ui_pow (u, M, u, MPFR_RNDN);
            mpfr_mul_d (u, u, c < 0 ? -c : c, MPFR_RNDN);
            if (mpfr_cmp_d (u, 0.5) > 0) continue;
            /* the tail, summed directly */
            mpfr_set_zero (tail, 1);
            mpfr_set_zero (abssum, 1);
            mpfr_set_d (ck, c, MPFR_RNDN);
            mpfr_pow_ui (ck, ck, K + 1, MPFR_RNDN);              /* c^(K+1) */
            for (unsigned long k = K + 1; k < K + 400; k++)
              {
                mpfr_set_d (sigma, s, MPFR_RNDN); mpfr_mul_ui (sigma, sigma, k, MPFR_RNDN);
                hurwitz (z, sigma, M);
                /* [Z]: z <= M^-sigma (1 + M/(sigma - 1)) */
                mpfr_sub_ui (w, sigma, 1, MPFR_RNDN); mpfr_ui_div (w, M, w, MPFR_RNDN);
                mpfr_add_ui (w, w, 1, MPFR_RNDN);
                mpfr_neg (term, sigma, MPFR_RNDN); mpfr_ui_pow (term, M, term, MPFR_RNDN);
                mpfr_mul (w, w, term, MPFR_RNDN);
                zcases++;
                if (mpfr_greater_p (z, w)) { okz = 0; mpfr_printf ("  [Z] fails: sigma %Rg M %lu\n", sigma, M); }
                mpfr_mul (term, ck, z, MPFR_RNDN);
                mpfr_div_ui (term, term, k, MPFR_RNDN);
                if (k % 2 == 0) mpfr_neg (term, term, MPFR_RNDN);   /* (-1)^(k+1) */
                mpfr_add (tail, tail, term, MPFR_RNDN);
                mpfr_abs (w, term, MPFR_RNDN);
                mpfr_add (abssum, abssum, w, MPFR_RNDN);
                mpfr_mul_2si (w, w, 64, MPFR_RNDN);
                if (mpfr_less_p (w, abssum)) break;
                mpfr_mul_d (ck, ck, c, MPFR_RNDN);
              }
            mpfr_abs (tail, tail, MPFR_RNDN);
            for (int v = 0; v < 2; v++)
              {
                /* v = 0: P = s, Q = u; v = 1: P = s - (s - 1/(K+1))/4, Q = u + (1 - u)/4 */
                mpfr_set_d (P, s, MPFR_RNDN); mpfr_set (Q, u, MPFR_RNDN);
                if (v)
                  {
                    mpfr_set_ui (w, 1, MPFR_RNDN); mpfr_div_ui (w, w, K + 1, MPFR_RNDN);
                    mpfr_sub (w, P, w, MPFR_RNDN); mpfr_div_ui (w, w, 4, MPFR_RNDN);
                    mpfr_sub (P, P, w, MPFR_RNDN);
                    mpfr_ui_sub (w, 1, Q, MPFR_RNDN); mpfr_div_ui (w, w, 4, MPFR_RNDN);
                    mpfr_add (Q, Q, w, MPFR_RNDN);
                  }
                /* B = (1 + M/(P(K+1) - 1))/(K+1) Q^(K+1)/(1 - Q) */
                mpfr_mul_ui (B, P, K + 1, MPFR_RNDN); mpfr_sub_ui (B, B, 1, MPFR_RNDN);
                mpfr_ui_div (B, M, B, MPFR_RNDN); mpfr_add_ui (B, B, 1, MPFR_RNDN);
                mpfr_div_ui (B, B, K + 1, MPFR_RNDN);
                mpfr_pow_ui (w, Q, K + 1, MPFR_RNDN); mpfr_mul (B, B, w, MPFR_RNDN);
                mpfr_ui_sub (w, 1, Q, MPFR_RNDN); mpfr_div (B, B, w, MPFR_RNDN);
                /* relative slack 2^-40 for the truncation and the roundings */
                mpfr_mul_2si (w, B, -40, MPFR_RNDN); mpfr_add (B, B, w, MPFR_RNDN);
                cases++;
                if (mpfr_greater_p (tail, B))
                  {
                    ok = 0;
                    mpfr_printf ("  LogZeta_Tail fails: c %g s %g M %lu K %lu v %d: |tail| %Rg > %Rg\n",
                                 c, s, M, K, v, tail, B);
                  }
              }
          }
  report (okz, "fact_Z_hurwitz_samples", zcases);
  report (ok, "axiom_LogZeta_Tail_samples", cases);
  mpfr_clears (sigma, z, u, tail, term, ck, B, w, P, Q, abssum, (mpfr_ptr) 0);
}

int main (int argc, char **argv)
{
  gmp_randstate_t st;
  harness_init (st, argc, argv);
  test_get_si (st);
  test_log10 (st);
  test_ui_ops (st);
  test_pow10 (st);
  test_logzeta ();
  gmp_randclear (st);
  mpfr_free_cache ();
  return nfail != 0;
}
