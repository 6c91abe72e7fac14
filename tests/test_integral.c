/* test_integral.c — the power-log integral and the unimodal integral test
 * (src/integral.c) against independent references, all from mpmath 1.3.0
 * at 50 digits (script below; the integrals agree between mpmath's
 * gammainc and its numerical quadrature to 1e-52):
 *
 *   from mpmath import mp, mpf, quad, log, inf, zeta, fsum, nsum, gammainc
 *   mp.dps = 50
 *   I(a,b,M) = gammainc(b+1, s log M) / s^(b+1), s = -1-a
 *              (and quad of e^(-s u) u^b over [log M, inf))
 *   S(a,b,N) = (-1)^b zeta(-a, 1, b) - fsum(n^a log(n)^b, n = 2..N)
 *              (integer b: the b-th derivative of zeta)
 *   non-integer b: nsum(n^a log(n)^b, [N+1, inf], 'euler-maclaurin'),
 *              equal to a direct sum to 20000 (30000) plus nsum beyond.
 *
 * Checks: containment; the integral's width (tight, 2^-90 relative); the
 * sum's width where the bounds make it small (huge sums near a = -1; the
 * trapezoidal rule once the terms are convex). */
#include <stdio.h>
#include <stdlib.h>
#include "infcert.h"
#include "integral.h"

static int nfail, npass;

/* q = the decimal s ("-1.01") exactly. */
static void set_q (mpq_t q, const char *s)
{
  char buf[128];
  size_t k = 0, frac = 0;
  int seen_dot = 0;
  for (const char *p = s; *p && k < sizeof buf - 1; p++)
    {
      if (*p == '.') { seen_dot = 1; continue; }
      buf[k++] = *p;
      if (seen_dot) frac++;
    }
  buf[k] = 0;
  mpz_t den;
  mpz_init (den);
  mpz_ui_pow_ui (den, 10, frac);
  mpz_set_str (mpq_numref (q), buf, 10);
  mpz_set (mpq_denref (q), den);
  mpq_canonicalize (q);
  mpz_clear (den);
}

static void report (const char *what, const char *a, const char *b, unsigned long N, int ok,
                    ic_ival_srcptr x, const char *ref, double relw)
{
  mpfr_t r, w;
  mpfr_inits2 (200, r, w, (mpfr_ptr) 0);
  mpfr_set_str (r, ref, 10, MPFR_RNDN);
  int in = ok && mpfr_lessequal_p (x->lo, r) && mpfr_lessequal_p (r, x->hi);
  int tight = 1;
  if (in && relw > 0)
    {
      mpfr_sub (w, x->hi, x->lo, MPFR_RNDU);
      mpfr_div (w, w, r, MPFR_RNDU);
      tight = mpfr_cmp_d (w, relw) <= 0;
    }
  if (in && tight) { printf ("ok %s a=%s b=%s N=%lu\n", what, a, b, N); npass++; }
  else
    {
      mpfr_printf ("FAIL %s a=%s b=%s N=%lu: ok %d, [%.30Re, %.30Re] vs %s (width limit %g)\n",
                   what, a, b, N, ok, x->lo, x->hi, ref, relw);
      nfail++;
    }
  mpfr_clears (r, w, (mpfr_ptr) 0);
}

static void integral (const char *as, const char *bs, unsigned long M, const char *ref)
{
  mpq_t a, b;
  mpq_inits (a, b, (mpq_ptr) 0);
  set_q (a, as); set_q (b, bs);
  ic_ival_t x;
  ic_ival_init2 (x, 128);
  int ok = ic_integral_powerlog (x, a, b, M, 128);
  report ("integral", as, bs, M, ok, x, ref, 0x1p-90);
  ic_ival_clear (x);
  mpq_clears (a, b, (mpq_ptr) 0);
}

static void sum (const char *as, const char *bs, unsigned long N, const char *ref, double relw)
{
  mpq_t a, b;
  mpq_inits (a, b, (mpq_ptr) 0);
  set_q (a, as); set_q (b, bs);
  ic_ival_t x;
  ic_ival_init2 (x, 128);
  int ok = ic_integral_test_powerlog (x, a, b, N, 128);
  report ("unimodal integral test", as, bs, N, ok, x, ref, relw);
  ic_ival_clear (x);
  mpq_clears (a, b, (mpq_ptr) 0);
}

int main (void)
{
  /* int_M^inf x^a (log x)^b dx */
  integral ("-1.01", "10", 100, "36287999999999999999998278213.80858544751");
  integral ("-2", "1", 2, "0.8465735902799726547086160607290882840378");
  integral ("-1.5", "2.5", 10, "35.38915052267242617047396771639733165232");
  integral ("-1.001", "0.5", 1000, "28012.90253495976776104108549084589654281");
  integral ("-3", "0.25", 5, "0.02399650440084915757388887854848717708985");   /* Gamma(c), c < 1.46 */
  integral ("-1.2", "7", 3, "1968749999.781752790766237633805277225192");
  /* sum_{n>N} n^a (log n)^b: the terms still rise at N (x* = e^990 for
   * the first), or fall (second, third) */
  sum ("-1.01", "10", 256, "36287999999999999999986778578.47488446601", 1e-21);
  sum ("-2", "1", 2, "0.764261459175857426348266064203320835879", 0);
  sum ("-1.5", "3", 20, "89.57434098592819993206276928711824781487", 0);
  sum ("-1.05", "1", 1000, "380.9821935507012312069422839541194872523", 0);
  sum ("-3", "0.5", 10, "0.007617540331314825747025624667317445516221", 0);
  sum ("-1.5", "2.5", 50, "29.65533719005677890836177274602278331914", 0);
  /* convex from N + 1 on: the trapezoidal rule with the Euler-Maclaurin
   * remainder is intersected in; width about |f'(N+1)|/6 */
  sum ("-2", "1", 1000, "0.00790430246930166499994921414034142149304598058", 1e-6);
  sum ("-1.5", "2", 5000, "3.24159599932642381165772924147818301868799899", 1e-8);
  sum ("-2", "0.5", 200, "0.0124843492882103015790360083036836218072593864", 2e-5);
  /* refused: a >= -1, b <= 0 (the kernel's cases), N < 2 */
  {
    mpq_t a, b;
    ic_ival_t x;
    mpq_inits (a, b, (mpq_ptr) 0);
    ic_ival_init2 (x, 64);
    mpq_set_si (a, -1, 1); mpq_set_si (b, 2, 1);
    int r1 = ic_integral_test_powerlog (x, a, b, 10, 64);
    mpq_set_si (a, -2, 1); mpq_set_si (b, 0, 1);
    int r2 = ic_integral_test_powerlog (x, a, b, 10, 64);
    mpq_set_si (b, 1, 1);
    int r3 = ic_integral_test_powerlog (x, a, b, 1, 64);
    if (!r1 && !r2 && !r3) { printf ("ok refuses a = -1, b = 0, N = 1\n"); npass++; }
    else { printf ("FAIL refusals: %d %d %d\n", r1, r2, r3); nfail++; }
    ic_ival_clear (x);
    mpq_clears (a, b, (mpq_ptr) 0);
  }
  printf ("test_integral: %d passed, %d failed\n", npass, nfail);
  return nfail != 0;
}
