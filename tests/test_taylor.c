/* test_taylor.c — interval Taylor coefficients against independent
 * references: closed-form derivatives (binomial series, partial fractions)
 * computed directly in MPFR at a higher precision, and identities between
 * different expression trees. */
#include <stdio.h>
#include <stdlib.h>
#include "infcert.h"
#include "term.h"
#include "taylor.h"

static int nfail;

static void check_contains (ic_ival_srcptr x, mpfr_srcptr ref, const char *name, long k)
{
  int ok = mpfr_lessequal_p (x->lo, ref) && mpfr_lessequal_p (ref, x->hi);
  if (ok) return;
  mpfr_printf ("FAIL %s k=%ld: [%.30Rg, %.30Rg] does not contain %.35Rg\n", name, k, x->lo, x->hi, ref);
  nfail++;
}

static void check_narrow (ic_ival_srcptr x, mpfr_srcptr ref, long bits, const char *name, long k)
{
  mpfr_t w, r;
  mpfr_inits2 (64, w, r, (mpfr_ptr) 0);
  ic_ival_width_upper (w, x);
  mpfr_abs (r, ref, MPFR_RNDN);
  mpfr_mul_2si (r, r, -bits, MPFR_RNDN);
  if (mpfr_greater_p (w, r) && !mpfr_zero_p (ref))
    { mpfr_printf ("FAIL %s k=%ld: width %.3Rg > 2^-%ld |ref|\n", name, k, w, bits); nfail++; }
  mpfr_clears (w, r, (mpfr_ptr) 0);
}

static ic_node *parse (const char *s)
{
  ic_error err;
  ic_node *e = ic_term_parse (s, &err);
  if (!e) { printf ("FAIL parse %s: %s\n", s, err.msg); exit (1); }
  return e;
}

/* n^-s at x0 = N: c_k = binom(-s, k) N^(-s-k). */
static void test_power (void)
{
  const long len = 40, N = 7;
  mpfr_prec_t prec = 200;
  ic_node *e = parse ("n^-1.001");
  ic_ival_struct *c = ic_taylor_alloc (len, prec);
  ic_ival_t x0;
  ic_ival_init2 (x0, prec);
  ic_ival_set_ui (x0, N);
  int st = ic_taylor_eval (c, e, x0, len, prec);
  if (st) { printf ("FAIL taylor power status\n"); nfail++; }
  mpfr_t s, ref, t;
  mpfr_inits2 (400, s, ref, t, (mpfr_ptr) 0);
  mpfr_set_ui (s, 1001, MPFR_RNDN);
  mpfr_div_ui (s, s, 1000, MPFR_RNDN);
  for (long k = 0; k < len; k++)
    {
      /* ref = prod_{i<k} (-s - i)/(i+1) * N^(-s-k) */
      mpfr_set_ui (ref, 1, MPFR_RNDN);
      for (long i = 0; i < k; i++)
        {
          mpfr_add_si (t, s, i, MPFR_RNDN);
          mpfr_neg (t, t, MPFR_RNDN);
          mpfr_mul (ref, ref, t, MPFR_RNDN);
          mpfr_div_ui (ref, ref, i + 1, MPFR_RNDN);
        }
      mpfr_add_si (t, s, k, MPFR_RNDN);
      mpfr_neg (t, t, MPFR_RNDN);
      mpfr_set_ui (s, N, MPFR_RNDN);
      mpfr_pow (t, s, t, MPFR_RNDN);
      mpfr_mul (ref, ref, t, MPFR_RNDN);
      mpfr_set_ui (s, 1001, MPFR_RNDN);
      mpfr_div_ui (s, s, 1000, MPFR_RNDN);
      check_contains (&c[k], ref, "taylor n^-1.001", k);
      check_narrow (&c[k], ref, 150, "taylor n^-1.001", k);
    }
  printf ("ok taylor n^-1.001 at 7, %ld coefficients\n", len);
  mpfr_clears (s, ref, t, (mpfr_ptr) 0);
  ic_taylor_free (c, len);
  ic_ival_clear (x0);
  ic_node_free (e);
}

/* log(1 - 1/n^2) = log(n-1) + log(n+1) - 2 log n:
 * c_k = (-1)^(k+1)/k ((N-1)^-k + (N+1)^-k - 2 N^-k), k >= 1. */
static void test_log (const char *src)
{
  const long len = 60, N = 5;
  mpfr_prec_t prec = 256;
  ic_node *e = parse (src);
  ic_ival_struct *c = ic_taylor_alloc (len, prec);
  ic_ival_t x0;
  ic_ival_init2 (x0, prec);
  ic_ival_set_ui (x0, N);
  if (ic_taylor_eval (c, e, x0, len, prec)) { printf ("FAIL taylor %s status\n", src); nfail++; }
  mpfr_t ref, t;
  mpfr_inits2 (500, ref, t, (mpfr_ptr) 0);
  mpfr_set_ui (ref, 24, MPFR_RNDN);
  mpfr_div_ui (ref, ref, 25, MPFR_RNDN);
  mpfr_log (ref, ref, MPFR_RNDN);
  check_contains (&c[0], ref, src, 0);
  for (long k = 1; k < len; k++)
    {
      mpfr_set_ui (ref, N - 1, MPFR_RNDN); mpfr_pow_si (ref, ref, -k, MPFR_RNDN);
      mpfr_set_ui (t, N + 1, MPFR_RNDN); mpfr_pow_si (t, t, -k, MPFR_RNDN);
      mpfr_add (ref, ref, t, MPFR_RNDN);
      mpfr_set_ui (t, N, MPFR_RNDN); mpfr_pow_si (t, t, -k, MPFR_RNDN);
      mpfr_mul_2ui (t, t, 1, MPFR_RNDN);
      mpfr_sub (ref, ref, t, MPFR_RNDN);
      mpfr_div_si (ref, ref, (k % 2) ? k : -k, MPFR_RNDN);
      check_contains (&c[k], ref, src, k);
      check_narrow (&c[k], ref, 180, src, k);
    }
  printf ("ok taylor %s at 5, %ld coefficients\n", src, len);
  mpfr_clears (ref, t, (mpfr_ptr) 0);
  ic_taylor_free (c, len);
  ic_ival_clear (x0);
  ic_node_free (e);
}

/* Identities: sin^2 + cos^2 = 1, exp(log x) = x, atan(x) derivative,
 * sqrt(x)^2 = x; the difference series must contain 0 coefficientwise. */
static void test_identity (const char *lhs, const char *rhs, double x0d)
{
  const long len = 25;
  mpfr_prec_t prec = 200;
  ic_node *a = parse (lhs), *b = parse (rhs);
  ic_ival_struct *ca = ic_taylor_alloc (len, prec), *cb = ic_taylor_alloc (len, prec);
  ic_ival_t x0, d;
  ic_ival_init2 (x0, prec);
  ic_ival_init2 (d, prec);
  mpfr_set_d (x0->lo, x0d, MPFR_RNDN);
  mpfr_set (x0->hi, x0->lo, MPFR_RNDN);
  int st = ic_taylor_eval (ca, a, x0, len, prec) | ic_taylor_eval (cb, b, x0, len, prec);
  int bad = st != 0;
  mpfr_t z;
  mpfr_init2 (z, 64);
  mpfr_set_zero (z, 1);
  for (long k = 0; k < len && !bad; k++)
    {
      ic_ival_sub (d, &ca[k], &cb[k]);
      if (!ic_ival_contains_fr (d, z)) bad = 1;
      mpfr_t w; mpfr_init2 (w, 64); ic_ival_width_upper (w, d);
      if (mpfr_cmp_d (w, 1e-40) > 0) bad = 2;
      mpfr_clear (w);
    }
  if (bad) { printf ("FAIL taylor identity %s == %s (%d)\n", lhs, rhs, bad); nfail++; }
  else printf ("ok taylor identity %s == %s at %g\n", lhs, rhs, x0d);
  mpfr_clear (z);
  ic_taylor_free (ca, len); ic_taylor_free (cb, len);
  ic_ival_clear (x0); ic_ival_clear (d);
  ic_node_free (a); ic_node_free (b);
}

static void test_domain (const char *src, double x0d)
{
  ic_node *e = parse (src);
  ic_ival_struct *c = ic_taylor_alloc (5, 64);
  ic_ival_t x0;
  ic_ival_init2 (x0, 64);
  mpfr_set_d (x0->lo, x0d, MPFR_RNDN);
  mpfr_set (x0->hi, x0->lo, MPFR_RNDN);
  int st = ic_taylor_eval (c, e, x0, 5, 64);
  if (st == IC_IVAL_EDOM) printf ("ok taylor domain error %s at %g\n", src, x0d);
  else { printf ("FAIL taylor %s at %g should be a domain error\n", src, x0d); nfail++; }
  ic_taylor_free (c, 5);
  ic_ival_clear (x0);
  ic_node_free (e);
}

int main (void)
{
  test_power ();
  test_log ("log(1 - 1/n^2)");
  test_log ("log(1 - n^-2)");
  test_log ("log((n-1)*(n+1)/n^2)");
  test_identity ("sin(n)^2 + cos(n)^2", "1", 0.7);
  test_identity ("exp(log(n))", "n", 3.5);
  test_identity ("sqrt(n)*sqrt(n)", "n", 2.25);
  test_identity ("2^n", "exp(n*log(2))", 1.5);
  test_identity ("atan(n) + atan(1/n)", "pi/2", 1.3);
  test_identity ("1/(n*log(n)^2)", "(1/log(n))^2/n", 2.0);
  test_identity ("n^3", "n*n*n", -1.5);
  test_identity ("abs(n - 3)", "3 - n", 1.0);
  test_domain ("log(n - 2)", 1.0);
  test_domain ("1/(n - 2)", 2.0);
  test_domain ("n^0.5", 0.0);
  test_domain ("factorial(n)", 3.0);
  printf ("%s\n", nfail ? "FAIL test_taylor" : "ok test_taylor done");
  return nfail != 0;
}
