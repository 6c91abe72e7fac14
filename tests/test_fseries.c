/* test_fseries.c — the fast series algorithms of taylor_fast.c (Kronecker
 * product, Newton inverse, log, exp, power) against the O(len^2)
 * recurrences of taylor.c and against exact rational references:
 *   - containment: for point inputs with exact dyadic coefficients the
 *     exact product (GMP mpq) must lie in the fast result; the series of
 *     1/(M+t), 1/(M+t)^2, log(M+t) have exact rational coefficients for
 *     k >= 1 and must be contained;
 *   - consistency: every fast coefficient overlaps the recurrence's;
 *   - tightness: the fast width is at most 2^WIDTH_BITS times the
 *     recurrence's width plus 2^-(prec-WIDTH_BITS) of the coefficient's
 *     size (the scaled form keeps absolute precision per power of t).
 * Random inputs: lengths 1..300, precisions 64..2000 bits, magnitudes
 * decaying like M^-k (M up to 2^20) or not at all, random signs, exact
 * zeros, and wide intervals.  The seed is printed (IC_SEED replays). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "infcert.h"
#include "taylor.h"
#include "checked.h"

#define WIDTH_BITS 12

static int nfail, npass;
static unsigned long seed;

IC_WRAPS_MOD_2_64 static unsigned long rnd (void)
{
  seed = seed * 6364136223846793005UL + 1442695040888963407UL;
  return seed >> 17;
}

static void fail (const char *what, const char *ctx, long k)
{
  nfail++;
  if (nfail < 30) printf ("FAIL %s (%s) k=%ld seed=%s\n", what, ctx, k, getenv ("IC_SEED") ? getenv ("IC_SEED") : "default");
}

static int contains_q (ic_ival_srcptr x, const mpq_t q)
{
  mpq_t a;
  mpq_init (a);
  int ok = mpfr_number_p (x->lo) && mpfr_number_p (x->hi);
  if (ok) { mpfr_get_q (a, x->lo); ok = mpq_cmp (a, q) <= 0; }
  if (ok) { mpfr_get_q (a, x->hi); ok = mpq_cmp (a, q) >= 0; }
  mpq_clear (a);
  return ok;
}

static int overlap (ic_ival_srcptr x, ic_ival_srcptr y)
{
  return mpfr_lessequal_p (x->lo, y->hi) && mpfr_lessequal_p (y->lo, x->hi);
}

/* width(f) <= 2^WIDTH_BITS width(c) + 2^-(prec - WIDTH_BITS) |c| */
static int width_ok (ic_ival_srcptr f, ic_ival_srcptr c, mpfr_prec_t prec)
{
  mpfr_t wf, wc, m;
  mpfr_inits2 (64, wf, wc, m, (mpfr_ptr) 0);
  ic_ival_width_upper (wf, f);
  ic_ival_width_upper (wc, c);
  ic_ival_mag_upper (m, c);
  mpfr_mul_2si (wc, wc, WIDTH_BITS, MPFR_RNDU);
  mpfr_mul_2si (m, m, -(long) prec + WIDTH_BITS, MPFR_RNDU);
  mpfr_add (wc, wc, m, MPFR_RNDU);
  int ok = mpfr_lessequal_p (wf, wc) || mpfr_inf_p (wc);
  mpfr_clears (wf, wc, m, (mpfr_ptr) 0);
  return ok;
}

/* Random series: shape 0 decaying ~ 2^(-dec k), random sign and
 * mantissa; some exact zeros; wide: intervals of relative width 2^-w. */
static void rand_series (ic_ival_struct *x, long n, mpfr_prec_t prec, long dec, int zeros, int wide,
                         int pos0)
{
  mpfr_t m, r;
  mpfr_inits2 (prec, m, r, (mpfr_ptr) 0);
  for (long k = 0; k < n; k++)
    {
      if (zeros && k > 0 && rnd () % 4 == 0) { ic_ival_set_si (&x[k], 0); continue; }
      mpfr_set_ui (m, rnd () % 1000000 + 1, MPFR_RNDN);
      for (int i = 0; i < 3; i++)
        {
          mpfr_set_ui (r, rnd () % (1UL << 30), MPFR_RNDN);
          mpfr_mul_2si (m, m, 30, MPFR_RNDN);
          mpfr_add (m, m, r, MPFR_RNDN);
        }
      mpfr_mul_2si (m, m, -110 - dec * k + (long) (rnd () % 9) - 4, MPFR_RNDN);
      if ((k > 0 || !pos0) && rnd () % 2) mpfr_neg (m, m, MPFR_RNDN);
      ic_ival_set_fr (&x[k], m);
      if (wide)
        {
          mpfr_abs (r, m, MPFR_RNDN);
          mpfr_mul_2si (r, r, -(long) (rnd () % 60) - 4, MPFR_RNDU);
          mpfr_sub (x[k].lo, x[k].lo, r, MPFR_RNDD);
          mpfr_add (x[k].hi, x[k].hi, r, MPFR_RNDU);
        }
    }
  mpfr_clears (m, r, (mpfr_ptr) 0);
}

/* Compares fast and classical results coefficientwise. */
static void compare_w (const ic_ival_struct *f, const ic_ival_struct *c, long n, mpfr_prec_t prec,
                       const char *ctx, int check_width)
{
  int ok = 1;
  for (long k = 0; k < n && ok; k++)
    {
      if (!overlap (&f[k], &c[k])) { fail ("fast and recurrence disjoint", ctx, k); ok = 0; }
      else if (check_width && !width_ok (&f[k], &c[k], prec))
        {
          fail ("fast width too large", ctx, k);
          if (nfail < 30)
            mpfr_printf ("  fast [%.6Rg, %.6Rg]\n  rec  [%.6Rg, %.6Rg]\n", f[k].lo, f[k].hi, c[k].lo, c[k].hi);
          ok = 0;
        }
    }
  if (ok) npass++;
}

static void compare (const ic_ival_struct *f, const ic_ival_struct *c, long n, mpfr_prec_t prec,
                     const char *ctx)
{
  compare_w (f, c, n, prec, ctx, 1);
}

/* Product: point inputs (exact mpq reference) and wide inputs (overlap). */
static void test_mul (long n, mpfr_prec_t prec, long dec, int zeros, int wide, int square)
{
  char ctx[160];
  snprintf (ctx, sizeof ctx, "mul n=%ld prec=%ld dec=%ld zeros=%d wide=%d square=%d", n, (long) prec, dec, zeros, wide, square);
  ic_ival_struct *x = ic_taylor_alloc (n, prec), *y = square ? x : ic_taylor_alloc (n, prec);
  ic_ival_struct *zf = ic_taylor_alloc (n, prec), *zc = ic_taylor_alloc (n, prec);
  rand_series (x, n, prec, dec, zeros, wide, 0);
  if (!square) rand_series (y, n, prec, dec + (long) (rnd () % 3) - 1, zeros, wide, 0);
  if (!ic_taylor_mullow_ks (zf, x, n, y, n, n)) { fail ("ks declined finite input", ctx, 0); goto out; }
  ic_taylor_mullow_classical (zc, x, n, y, n, n);
  /* the Kronecker product: always an enclosure; as tight as the bound
   * when it suits the series (ic_taylor_ks_suits), and the dispatcher's
   * product (what the engine uses) always as tight */
  compare_w (zf, zc, n, prec, ctx, ic_taylor_ks_suits (x, n, y, n, prec));
  {
    ic_ival_struct *zd = ic_taylor_alloc (n, prec);
    char ctx2[200];
    snprintf (ctx2, sizeof ctx2, "%s, ic_taylor_mullow", ctx);
    ic_taylor_mullow (zd, x, n, y, n, n);
    compare (zd, zc, n, prec, ctx2);
    ic_taylor_free (zd, n);
  }
  if (!wide)
    {
      /* exact reference: every input is a point */
      mpq_t s, a, b;
      mpq_inits (s, a, b, (mpq_ptr) 0);
      for (long k = 0; k < n; k++)
        {
          mpq_set_ui (s, 0, 1);
          for (long i = 0; i <= k; i++)
            {
              mpfr_get_q (a, x[i].lo);
              mpfr_get_q (b, y[k - i].lo);
              mpq_mul (a, a, b);
              mpq_add (s, s, a);
            }
          if (!contains_q (&zf[k], s)) { fail ("exact product not contained", ctx, k); break; }
        }
      mpq_clears (s, a, b, (mpq_ptr) 0);
    }
 out:
  ic_taylor_free (x, n);
  if (!square) ic_taylor_free (y, n);
  ic_taylor_free (zf, n); ic_taylor_free (zc, n);
}

/* Newton inverse, log, exp, power against the recurrences on random
 * dense series with h_0 > 0. */
static void test_newton_random (long n, mpfr_prec_t prec, long dec, int wide)
{
  char ctx[160];
  ic_ival_struct *h = ic_taylor_alloc (n, prec), *f = ic_taylor_alloc (n, prec), *c = ic_taylor_alloc (n, prec);
  rand_series (h, n, prec, dec, 0, wide, 1);
  /* h_0 dominant: make it 2^4 larger than the rest's scale */
  mpfr_mul_2si (h[0].lo, h[0].lo, 4, MPFR_RNDD);
  mpfr_mul_2si (h[0].hi, h[0].hi, 4, MPFR_RNDU);

  snprintf (ctx, sizeof ctx, "inv n=%ld prec=%ld dec=%ld wide=%d", n, (long) prec, dec, wide);
  ic_ival_struct *one = ic_taylor_alloc (n, prec);
  ic_ival_set_si (&one[0], 1);
  if (ic_taylor_inv_newton (f, h, n, n) != IC_IVAL_OK) fail ("inv status", ctx, 0);
  else if (ic_taylor_div_classical (c, one, h, n, n) != IC_IVAL_OK) fail ("div status", ctx, 0);
  else compare (f, c, n, prec, ctx);
  ic_taylor_free (one, n);

  snprintf (ctx, sizeof ctx, "log n=%ld prec=%ld dec=%ld wide=%d", n, (long) prec, dec, wide);
  if (ic_taylor_log_newton (f, h, n) != IC_IVAL_OK || ic_taylor_log_classical (c, h, n) != IC_IVAL_OK)
    fail ("log status", ctx, 0);
  else compare (f, c, n, prec, ctx);

  /* exp of a series with a moderate constant term */
  snprintf (ctx, sizeof ctx, "exp n=%ld prec=%ld dec=%ld wide=%d", n, (long) prec, dec, wide);
  ic_taylor_log_classical (c, h, n);
  for (long k = 0; k < n; k++) ic_ival_set (&h[k], &c[k]);
  /* exp_newton and pow_const_newton for exponents other than positive
   * integers are not used by the dispatchers: on such random series their
   * widths grew past 2^32 times the recurrences' (containment and overlap
   * are still checked) */
  if (ic_taylor_exp_newton (f, h, n) != IC_IVAL_OK) fail ("exp status", ctx, 0);
  else { ic_taylor_exp_classical (c, h, n); compare_w (f, c, n, prec, ctx, 0); }

  /* power: exp(h) > 0 as base, exponents 2, -3, 7/3 */
  ic_ival_struct *b = ic_taylor_alloc (n, prec);
  for (long k = 0; k < n; k++) ic_ival_set (&b[k], &c[k]);
  const long pn[3] = { 2, -3, 7 }, pd[3] = { 1, 1, 3 };
  for (int i = 0; i < 3; i++)
    {
      ic_ival_t e;
      mpq_t q;
      ic_ival_init2 (e, prec);
      mpq_init (q);
      mpq_set_si (q, pn[i], (unsigned long) pd[i]);
      ic_ival_set_q (e, q);
      snprintf (ctx, sizeof ctx, "pow %ld/%ld n=%ld prec=%ld dec=%ld wide=%d", pn[i], pd[i], n, (long) prec, dec, wide);
      if (ic_taylor_pow_const_newton (f, b, e, n) != IC_IVAL_OK
          || ic_taylor_pow_const_classical (c, b, e, n) != IC_IVAL_OK)
        fail ("pow status", ctx, 0);
      else compare_w (f, c, n, prec, ctx, pn[i] > 0 && pd[i] == 1);
      ic_ival_clear (e);
      mpq_clear (q);
    }
  ic_taylor_free (b, n);
  ic_taylor_free (h, n); ic_taylor_free (f, n); ic_taylor_free (c, n);
}

/* q = (-1)^k (k+1) / M^(k+2): the coefficients of 1/(M+t)^2 */
static void coef_inv2 (mpq_t q, long M, long k)
{
  mpz_set_ui (mpq_numref (q), (unsigned long) k + 1);
  mpz_ui_pow_ui (mpq_denref (q), (unsigned long) M, (unsigned long) k + 2);
  if (k % 2) mpq_neg (q, q);
  mpq_canonicalize (q);
}

/* Exact references: h = 1/(M+t)^2 (enclosures of exact rationals).
 *   inverse: (M+t)^2 = M^2 + 2M t + t^2;  h^(1/2) = 1/(M+t) = (-1)^k/M^(k+1);
 *   log h = -2 log(M+t): coefficient k >= 1 is 2 (-1)^k / (k M^k);
 *   exp(log h) = h;  h^-1 by the power = (M+t)^2. */
static void test_exact (long n, mpfr_prec_t prec, long M)
{
  char ctx[160];
  ic_ival_struct *h = ic_taylor_alloc (n, prec), *f = ic_taylor_alloc (n, prec), *g = ic_taylor_alloc (n, prec);
  mpq_t q;
  mpq_init (q);
  for (long k = 0; k < n; k++) { coef_inv2 (q, M, k); ic_ival_set_q (&h[k], q); }
  int ok = 1;

  snprintf (ctx, sizeof ctx, "exact inverse of 1/(M+t)^2 n=%ld prec=%ld M=%ld", n, (long) prec, M);
  if (ic_taylor_inv_newton (f, h, n, n) != IC_IVAL_OK) { fail ("status", ctx, 0); ok = 0; }
  for (long k = 0; ok && k < n; k++)
    {
      mpq_set_ui (q, k == 0 ? (unsigned long) (M * M) : k == 1 ? (unsigned long) (2 * M) : k == 2, 1);
      if (!contains_q (&f[k], q)) { fail ("not contained", ctx, k); ok = 0; }
    }
  if (ok) npass++;

  ok = 1;
  snprintf (ctx, sizeof ctx, "exact log of 1/(M+t)^2 n=%ld prec=%ld M=%ld", n, (long) prec, M);
  if (ic_taylor_log_newton (f, h, n) != IC_IVAL_OK) { fail ("status", ctx, 0); ok = 0; }
  for (long k = 1; ok && k < n; k++)
    {
      mpz_set_ui (mpq_numref (q), 2);
      mpz_ui_pow_ui (mpq_denref (q), (unsigned long) M, (unsigned long) k);
      mpz_mul_ui (mpq_denref (q), mpq_denref (q), (unsigned long) k);
      mpq_canonicalize (q);
      if (k % 2) mpq_neg (q, q);
      if (!contains_q (&f[k], q)) { fail ("not contained", ctx, k); ok = 0; }
    }
  if (ok) npass++;

  ok = 1;
  snprintf (ctx, sizeof ctx, "exact exp(log h) = h n=%ld prec=%ld M=%ld", n, (long) prec, M);
  if (ic_taylor_exp_newton (g, f, n) != IC_IVAL_OK) { fail ("status", ctx, 0); ok = 0; }
  for (long k = 0; ok && k < n; k++)
    {
      coef_inv2 (q, M, k);
      if (!contains_q (&g[k], q)) { fail ("not contained", ctx, k); ok = 0; }
    }
  if (ok) npass++;

  ic_ival_t e;
  ic_ival_init2 (e, prec);
  const long ex[2][2] = { { 1, 2 }, { -1, 1 } };
  for (int i = 0; i < 2; i++)
    {
      ok = 1;
      mpq_set_si (q, ex[i][0], (unsigned long) ex[i][1]);
      ic_ival_set_q (e, q);
      snprintf (ctx, sizeof ctx, "exact h^(%ld/%ld) n=%ld prec=%ld M=%ld", ex[i][0], ex[i][1], n, (long) prec, M);
      if (ic_taylor_pow_const_newton (f, h, e, n) != IC_IVAL_OK) { fail ("status", ctx, 0); ok = 0; }
      for (long k = 0; ok && k < n; k++)
        {
          if (i == 0)
            {
              mpz_set_ui (mpq_numref (q), 1);
              mpz_ui_pow_ui (mpq_denref (q), (unsigned long) M, (unsigned long) k + 1);
              if (k % 2) mpq_neg (q, q);
            }
          else mpq_set_ui (q, k == 0 ? (unsigned long) (M * M) : k == 1 ? (unsigned long) (2 * M) : k == 2, 1);
          if (!contains_q (&f[k], q)) { fail ("not contained", ctx, k); ok = 0; }
        }
      if (ok) npass++;
    }
  ic_ival_clear (e);
  mpq_clear (q);
  ic_taylor_free (h, n); ic_taylor_free (f, n); ic_taylor_free (g, n);
}

/* The dispatchers on a whole term: 1/(n log(n)^2) at M (long series take
 * the fast paths) against the recurrences at a shorter length (they take
 * the classical paths there, below the thresholds, except the product)
 * and against the exact values of log(M + t). */
static void test_eval (void)
{
  const long M = 1851, n = 200;
  mpfr_prec_t prec = 800;
  ic_error err;
  ic_node *e = ic_term_parse ("log(n)", &err);
  ic_ival_struct *c = ic_taylor_alloc (n, prec);
  ic_ival_t x;
  ic_ival_init2 (x, prec);
  ic_ival_set_ui (x, M);
  int ok = e && ic_taylor_eval (c, e, x, n, prec) == IC_IVAL_OK;
  mpq_t q;
  mpq_init (q);
  for (long k = 1; ok && k < n; k++)
    {
      mpz_set_ui (mpq_numref (q), 1);
      mpz_ui_pow_ui (mpq_denref (q), (unsigned long) M, (unsigned long) k);
      mpz_mul_ui (mpq_denref (q), mpq_denref (q), (unsigned long) k);
      if (k % 2 == 0) mpq_neg (q, q);
      if (!contains_q (&c[k], q)) { fail ("log(M+t) coefficient not contained", "eval", k); ok = 0; }
    }
  if (ok) npass++;
  mpq_clear (q);
  ic_node_free (e);
  ic_taylor_free (c, n);
  ic_ival_clear (x);
}

/* The precision profile (ic_taylor_eval_prec, the EM path's heuristic
 * shape: full precision at k = 0 falling to 128 bits): every coefficient
 * must overlap the uniform-precision result, contain the exact
 * coefficients of log(M + t), and keep about its profile's precision
 * (the radius bounds lose at most 64 bits: tilted bands or envelope;
 * at the 128-bit floor at least 8 bits remain). */
static void test_eval_profile (void)
{
  const long M = 1851, n = 300;
  mpfr_prec_t wp = 1800;
  const char *terms[] = { "log(n)", "1/(n*log(n)^2)", "log(n)^3/n^2" };
  mpfr_prec_t *pk = malloc (n * sizeof *pk);
  double l2 = log2 (2 * 3.141592653589793 * (M - 1)), lf = 0;
  for (long k = 0; k < n; k++)
    {
      if (k > 1) lf += log2 ((double) k);
      double drop = k * l2 - lf - 2 * log2 (k + 1.0) - 16, p = wp - (drop > 0 ? drop : 0);
      pk[k] = p < 128 ? 128 : p > wp ? wp : (mpfr_prec_t) p;
      if (k > 0 && pk[k] > pk[k - 1]) pk[k] = pk[k - 1];
    }
  for (int t = 0; t < 3; t++)
    {
      char ctx[96];
      snprintf (ctx, sizeof ctx, "profile %s", terms[t]);
      ic_error err;
      ic_node *e = ic_term_parse (terms[t], &err);
      ic_ival_struct *a = ic_taylor_alloc (n, wp), *b = ic_taylor_alloc (n, wp);
      ic_ival_t x;
      ic_ival_init2 (x, wp);
      ic_ival_set_ui (x, M);
      int ok = e && ic_taylor_eval (a, e, x, n, wp) == IC_IVAL_OK
        && ic_taylor_eval_prec (b, e, x, n, pk) == IC_IVAL_OK;
      if (!ok) fail ("evaluation failed", ctx, 0);
      mpq_t q;
      mpq_init (q);
      mpfr_t w, m;
      mpfr_inits2 (64, w, m, (mpfr_ptr) 0);
      for (long k = 0; ok && k < n; k++)
        {
          if (!overlap (&a[k], &b[k])) { fail ("profile and uniform disjoint", ctx, k); ok = 0; break; }
          if (t == 0 && k > 0)
            {
              mpz_set_ui (mpq_numref (q), 1);
              mpz_ui_pow_ui (mpq_denref (q), (unsigned long) M, (unsigned long) k);
              mpz_mul_ui (mpq_denref (q), mpq_denref (q), (unsigned long) k);
              if (k % 2 == 0) mpq_neg (q, q);
              if (!contains_q (&b[k], q)) { fail ("log(M+t) coefficient not contained", ctx, k); ok = 0; break; }
            }
          /* width <= 2^(64 - pk) |coefficient| (2^-8 at the 128-bit floor, where the EM sum no longer looks) */
          ic_ival_width_upper (w, &b[k]);
          ic_ival_mag_upper (m, &b[k]);
          mpfr_mul_2si (m, m, pk[k] <= 128 ? -8 : 64 - (long) pk[k], MPFR_RNDU);
          if (mpfr_greater_p (w, m))
            {
              fail ("profile width beyond 64 bits of its precision", ctx, k);
              mpfr_printf ("  width %.3Rg mag*2^(64-%ld) %.3Rg\n", w, (long) pk[k], m);
              ok = 0;
            }
        }
      if (ok) npass++;
      mpfr_clears (w, m, (mpfr_ptr) 0);
      mpq_clear (q);
      ic_node_free (e);
      ic_taylor_free (a, n); ic_taylor_free (b, n);
      ic_ival_clear (x);
    }
  free (pk);
}

int main (void)
{
  seed = getenv ("IC_SEED") ? strtoul (getenv ("IC_SEED"), NULL, 10) : 20261206UL;
  printf ("# seed %lu (IC_SEED=%lu replays)\n", seed, seed);
  const long lens[] = { 1, 2, 3, 7, 16, 17, 31, 64, 100, 257 };
  const mpfr_prec_t precs[] = { 64, 200, 1000 };
  for (unsigned i = 0; i < sizeof lens / sizeof *lens; i++)
    for (unsigned j = 0; j < sizeof precs / sizeof *precs; j++)
      {
        long n = lens[i];
        mpfr_prec_t p = precs[j];
        long dec = (long) (rnd () % 21);
        test_mul (n, p, dec, (int) (rnd () % 2), 0, 0);
        test_mul (n, p, dec, 0, 1, 0);
        test_mul (n, p, 0, 1, 0, 1);
        test_mul (n, p, dec, 0, 1, 1);
        if (n >= 2 && n <= 100)
          {
            test_newton_random (n, p, dec, 0);
            test_newton_random (n, p, dec, 1);
          }
      }
  test_mul (300, 2000, 11, 0, 0, 0);
  test_newton_random (120, 2000, 11, 0);
  test_exact (50, 200, 7);
  test_exact (150, 1000, 1851);
  test_exact (300, 3400, 1851);
  test_eval ();
  test_eval_profile ();
  printf ("%s fseries: %d groups passed, %d failed\n", nfail ? "FAIL" : "ok", npass, nfail);
  return nfail != 0;
}
