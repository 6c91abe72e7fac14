/* soundness_gen.h — random terms whose verdicts and limits are known
 * independently of infcert (tests/test_soundness.c).
 *
 * Every case is generated from its own 64-bit seed (splitmix64), so a case
 * replays alone: SOUNDNESS_SEED=S SOUNDNESS_FIRST=I SOUNDNESS_CASES=1.
 *
 * References (REF_PREC bits, |true - ref| <= tol):
 *   - partial fractions  c/((n+a)(n+b)), a != b integers:
 *       sum_{n>=N} = c/(b-a) * sum_{k=N+a}^{N+b-1} 1/k           (GMP, exact)
 *   - double pole        c/(n+a)^2 = c (zeta(2) - sum_{k<N+a} 1/k^2)   (mpfr_zeta)
 *   - p-series           c n^-p, p = k/2 > 1: c (zeta(p) - sum_{k<N} k^-p)
 *   - geometric          c r^n, r = p/q, |r| < 1: c r^N / (1 - r)    (GMP, exact)
 *   - alternating        (-1)^n c/(n+a): c (-1)^N (psi((z+1)/2) - psi(z/2))/2,
 *                        z = N + a (mpfr_digamma);
 *                        (-1)^n n^-p: -(1 - 2^(1-p)) zeta(p) - sum_{k<N} (-1)^k k^-p
 *   - telescoping products prod (n+a)(n+b)/((n+c)(n+d)), a+b = c+d:
 *       Gamma(N+c)Gamma(N+d)/(Gamma(N+a)Gamma(N+b)), all factorials (GMP, exact);
 *       written also as 1 + K/((n+c)(n+d)), K = ab - cd, and 1 - t^2/n^2
 *   - alternating telescoping prod (1 + (-1)^n/(n+c)): 1 if N is even,
 *       (N+c-1)/(N+c) if N is odd (pairs of factors multiply to 1)
 *   - exponential products prod exp(c n^-p) = exp(c (zeta(p) - partial))
 *   - mixtures: sums of two convergent cases (references add)
 * Divergent families (the verdict must never be "converges"): c/(n+a),
 * n^-p with p <= 1, geometric with |r| >= 1, rational functions of degree
 * 0, those plus a convergent part; products prod (1 + c/(n+a)) (to
 * infinity), prod (1 - c/(n+a)) with positive factors (to zero), constant
 * factors |r| != 1; zero factors (1 - t^2/n^2 from n <= t).
 */
#ifndef SOUNDNESS_GEN_H
#define SOUNDNESS_GEN_H
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <gmp.h>
#include <mpfr.h>
#include "infcert.h"
#include "checked.h"

#define REF_PREC 320
#define REF_TOL_EXP (-240)     /* tol = 2^-240 (1 + mag) */

/* acceptable verdicts (besides unknown) */
#define ACC(v) (1u << (v))

typedef struct {
  char term[600];
  char family[40];
  char refhow[200];
  ic_kind kind;
  unsigned long from;
  long digits;
  unsigned accept;        /* ACC(IC_CONVERGES) | ...                        */
  int has_ref;            /* the limit is known: ref +- tol                */
  mpfr_t ref, tol, mag;   /* mag: sum of |parts|, for the tolerance          */
} scase;

typedef struct { uint64_t s; } srng;

/* splitmix64: wraps modulo 2^64 by design (the cases of a seed must not
 * change, so no rewrite) */
IC_WRAPS_MOD_2_64 static uint64_t srng_next (srng *r)
{
  uint64_t z = (r->s += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}
/* uniform integer in [lo, hi] */
static long srng_int (srng *r, long lo, long hi)
{
  return lo + (long) (srng_next (r) % (uint64_t) (hi - lo + 1));
}

static void scase_init (scase *c)
{
  memset (c, 0, sizeof *c);
  mpfr_inits2 (REF_PREC, c->ref, c->tol, c->mag, (mpfr_ptr) 0);
  mpfr_set_zero (c->ref, 1);
  mpfr_set_zero (c->mag, 1);
}
static void scase_clear (scase *c) { mpfr_clears (c->ref, c->tol, c->mag, (mpfr_ptr) 0); }

/* ---- text helpers ---------------------------------------------------------- */

/* "n+3", "n-2", "n" */
static void lin (char *b, size_t n, long a)
{
  if (a > 0) snprintf (b, n, "n+%ld", a);
  else if (a < 0) snprintf (b, n, "n-%ld", -a);
  else snprintf (b, n, "n");
}

/* a rational coefficient as a parenthesised literal: "3", "(-3/4)" */
static void qtext (char *b, size_t n, const mpq_t q)
{
  char *s = mpq_get_str (NULL, 10, q);
  if (mpq_sgn (q) < 0 || mpz_cmp_ui (mpq_denref (q), 1)) snprintf (b, n, "(%s)", s);
  else snprintf (b, n, "%s", s);
  free (s);
}

static void rand_q (srng *r, mpq_t q, long maxnum, long maxden, int allow_neg)
{
  long p = srng_int (r, 1, maxnum), d = srng_int (r, 1, maxden);
  if (allow_neg && (srng_next (r) & 1)) p = -p;
  mpq_set_si (q, p, (unsigned long) d);
  mpq_canonicalize (q);
}

/* ref += x (exact rational), mag += |x| */
static void add_q (scase *c, const mpq_t x)
{
  mpfr_t t;
  mpfr_init2 (t, REF_PREC);
  mpfr_set_q (t, x, MPFR_RNDN);
  mpfr_add (c->ref, c->ref, t, MPFR_RNDN);
  mpfr_abs (t, t, MPFR_RNDN);
  mpfr_add (c->mag, c->mag, t, MPFR_RNDN);
  mpfr_clear (t);
}
static void add_fr (scase *c, mpfr_srcptr x)
{
  mpfr_t t;
  mpfr_init2 (t, REF_PREC);
  mpfr_add (c->ref, c->ref, x, MPFR_RNDN);
  mpfr_abs (t, x, MPFR_RNDN);
  mpfr_add (c->mag, c->mag, t, MPFR_RNDN);
  mpfr_clear (t);
}

/* sum_{k=1}^{m} k^-p (p = pk/2), in out */
static void partial_pow (mpfr_t out, long m, long pk, int alternating)
{
  mpfr_t t, p;
  mpfr_inits2 (REF_PREC, t, p, (mpfr_ptr) 0);
  mpfr_set_si (p, -pk, MPFR_RNDN);
  mpfr_div_2ui (p, p, 1, MPFR_RNDN);          /* exact: -pk/2 */
  mpfr_set_zero (out, 1);
  for (long k = 1; k <= m; k++)
    {
      mpfr_set_si (t, k, MPFR_RNDN);
      mpfr_pow (t, t, p, MPFR_RNDN);
      if (alternating && (k & 1)) mpfr_sub (out, out, t, MPFR_RNDN);
      else mpfr_add (out, out, t, MPFR_RNDN);
    }
  mpfr_clears (t, p, (mpfr_ptr) 0);
}

/* zeta(pk/2) */
static void zeta_half (mpfr_t out, long pk)
{
  mpfr_t p;
  mpfr_init2 (p, REF_PREC);
  mpfr_set_si (p, pk, MPFR_RNDN);
  mpfr_div_2ui (p, p, 1, MPFR_RNDN);
  mpfr_zeta (out, p, MPFR_RNDN);
  mpfr_clear (p);
}

static const char *pow_text (long pk)   /* p = pk/2 as a literal */
{
  static const char *const t[] = { "0", "0.5", "1", "1.5", "2", "2.5", "3", "3.5", "4", "4.5", "5" };
  return t[pk];
}

/* ---- convergent sum parts: append text to buf, add reference ----------- */

/* c/((n+a)(n+b)) in one of several spellings */
static void part_pfrac (srng *r, scase *c, char *buf, size_t bl, unsigned long N)
{
  long a = srng_int (r, -(long) N + 1, 6), b;
  do b = srng_int (r, -(long) N + 1, 7); while (b == a);
  mpq_t q, h, t;
  mpq_inits (q, h, t, NULL);
  rand_q (r, q, 9, 5, 1);
  char cq[64], la[32], lb[32];
  qtext (cq, sizeof cq, q);
  lin (la, sizeof la, a); lin (lb, sizeof lb, b);
  switch (srng_int (r, 0, 3))
    {
    case 0: snprintf (buf, bl, "%s/((%s)*(%s))", cq, la, lb); break;
    case 1: snprintf (buf, bl, "%s/(n^2+%ld*n+%ld)", cq, a + b, a * b); break;   /* may print +-3: parse */
    case 2: snprintf (buf, bl, "%s/(%s)/(%s)", cq, la, lb); break;
    default: snprintf (buf, bl, "%s*(%s)^-1*(%s)^-1", cq, la, lb); break;
    }
  /* c/(b-a) * sum_{k=N+a}^{N+b-1} 1/k  (for a > b the same formula holds) */
  long lo = (long) N + (a < b ? a : b), hi = (long) N + (a < b ? b : a) - 1;
  mpq_set_ui (h, 0, 1);
  for (long k = lo; k <= hi; k++) { mpq_set_si (t, 1, (unsigned long) k); mpq_add (h, h, t); }
  mpq_set_si (t, 1, (unsigned long) (a < b ? b - a : a - b));
  mpq_mul (h, h, t);
  mpq_mul (h, h, q);
  add_q (c, h);
  mpq_clears (q, h, t, NULL);
}

/* c/(n+a)^2 */
static void part_dpole (srng *r, scase *c, char *buf, size_t bl, unsigned long N)
{
  long a = srng_int (r, -(long) N + 1, 5);
  mpq_t q; mpq_init (q);
  rand_q (r, q, 9, 5, 1);
  char cq[64], la[32];
  qtext (cq, sizeof cq, q); lin (la, sizeof la, a);
  snprintf (buf, bl, (srng_next (r) & 1) ? "%s/(%s)^2" : "%s/((%s)*(%s))", cq, la, la);
  mpfr_t z, s;
  mpfr_inits2 (REF_PREC, z, s, (mpfr_ptr) 0);
  zeta_half (z, 4);
  partial_pow (s, (long) N + a - 1, 4, 0);
  mpfr_sub (z, z, s, MPFR_RNDN);
  mpfr_mul_q (z, z, q, MPFR_RNDN);
  add_fr (c, z);
  mpfr_clears (z, s, (mpfr_ptr) 0);
  mpq_clear (q);
}

/* c n^-p, p in {1.5, 2, ..., 4} */
static void part_pseries (srng *r, scase *c, char *buf, size_t bl, unsigned long N)
{
  long pk = srng_int (r, 3, 8);
  mpq_t q; mpq_init (q);
  rand_q (r, q, 9, 5, 1);
  char cq[64];
  qtext (cq, sizeof cq, q);
  switch (srng_int (r, 0, 2))
    {
    case 0: snprintf (buf, bl, "%s/n^%s", cq, pow_text (pk)); break;
    case 1: snprintf (buf, bl, "%s*n^-%s", cq, pow_text (pk)); break;
    default:
      if (pk % 2 == 0 && pk <= 6) snprintf (buf, bl, pk == 4 ? "%s/(n*n)" : pk == 6 ? "%s/(n*n*n)" : "%s/n", cq);
      else snprintf (buf, bl, "%s/(n^%s)", cq, pow_text (pk));
    }
  mpfr_t z, s;
  mpfr_inits2 (REF_PREC, z, s, (mpfr_ptr) 0);
  zeta_half (z, pk);
  partial_pow (s, (long) N - 1, pk, 0);
  mpfr_sub (z, z, s, MPFR_RNDN);
  mpfr_mul_q (z, z, q, MPFR_RNDN);
  add_fr (c, z);
  mpfr_clears (z, s, (mpfr_ptr) 0);
  mpq_clear (q);
}

/* c r^n, |r| < 1 */
static void part_geom (srng *r, scase *c, char *buf, size_t bl, unsigned long N)
{
  long d = srng_int (r, 2, 9), p = srng_int (r, 1, d - 1);
  int neg = srng_next (r) & 1;
  mpq_t q, rr, t;
  mpq_inits (q, rr, t, NULL);
  rand_q (r, q, 9, 5, 1);
  mpq_set_si (rr, neg ? -p : p, (unsigned long) d);
  mpq_canonicalize (rr);
  p = mpz_get_si (mpq_numref (rr)); p = p < 0 ? -p : p;
  d = mpz_get_si (mpq_denref (rr));
  char cq[64];
  qtext (cq, sizeof cq, q);
  switch (srng_int (r, 0, 2))
    {
    case 0: snprintf (buf, bl, "%s*(%s%ld/%ld)^n", cq, neg ? "-" : "", p, d); break;
    case 1: snprintf (buf, bl, neg ? "%s*(-1)^n*%ld^n/%ld^n" : "%s*%ld^n/%ld^n", cq, p, d); break;
    default: snprintf (buf, bl, neg ? "(-1)^n*%s/(%ld/%ld)^n" : "%s/(%ld/%ld)^n", cq, d, p); break;
    }
  /* c r^N / (1 - r) */
  mpz_t num, den;
  mpz_inits (num, den, NULL);
  mpz_pow_ui (num, mpq_numref (rr), N);
  mpz_pow_ui (den, mpq_denref (rr), N);
  mpq_set_num (t, num); mpq_set_den (t, den); mpq_canonicalize (t);
  mpq_mul (t, t, q);
  mpq_t one; mpq_init (one); mpq_set_ui (one, 1, 1);
  mpq_sub (one, one, rr);
  mpq_div (t, t, one);
  add_q (c, t);
  mpq_clears (q, rr, t, one, NULL);
  mpz_clears (num, den, NULL);
}

/* (-1)^n c/(n+a)  or  (-1)^n c n^-p, p in {0.5, 1, ..., 3} */
static void part_alt (srng *r, scase *c, char *buf, size_t bl, unsigned long N)
{
  mpq_t q; mpq_init (q);
  rand_q (r, q, 9, 5, 1);
  char cq[64];
  qtext (cq, sizeof cq, q);
  int shift = srng_next (r) & 1;            /* (-1)^(n+1) */
  mpfr_t z, s, x;
  mpfr_inits2 (REF_PREC, z, s, x, (mpfr_ptr) 0);
  if (srng_next (r) & 1)
    {
      long a = srng_int (r, -(long) N + 1, 6);
      char la[32];
      lin (la, sizeof la, a);
      snprintf (buf, bl, "(-1)^(n%s)*%s/(%s)", shift ? "+1" : "", cq, la);
      /* sum_{k>=0} (-1)^k/(k+z) = (psi((z+1)/2) - psi(z/2))/2, z = N + a */
      long zz = (long) N + a;
      mpfr_set_si (x, zz + 1, MPFR_RNDN); mpfr_div_2ui (x, x, 1, MPFR_RNDN);
      mpfr_digamma (z, x, MPFR_RNDN);
      mpfr_set_si (x, zz, MPFR_RNDN); mpfr_div_2ui (x, x, 1, MPFR_RNDN);
      mpfr_digamma (s, x, MPFR_RNDN);
      mpfr_sub (z, z, s, MPFR_RNDN);
      mpfr_div_2ui (z, z, 1, MPFR_RNDN);
      if ((N + (unsigned long) shift) & 1) mpfr_neg (z, z, MPFR_RNDN);
    }
  else
    {
      long pk = srng_int (r, 1, 6);
      snprintf (buf, bl, "(-1)^(n%s)*%s/n^%s", shift ? "+1" : "", cq, pow_text (pk));
      /* sum_{n>=1} (-1)^n n^-p = -eta(p), eta(1) = log 2,
       * eta(p) = (1 - 2^(1-p)) zeta(p) otherwise */
      if (pk == 2) mpfr_const_log2 (z, MPFR_RNDN);
      else
        {
          zeta_half (z, pk);
          mpfr_set_si (x, 2 - pk, MPFR_RNDN); mpfr_div_2ui (x, x, 1, MPFR_RNDN);  /* 1 - p */
          mpfr_ui_pow (x, 2, x, MPFR_RNDN);
          mpfr_ui_sub (x, 1, x, MPFR_RNDN);
          mpfr_mul (z, z, x, MPFR_RNDN);
        }
      mpfr_neg (z, z, MPFR_RNDN);
      partial_pow (s, (long) N - 1, pk, 1);
      mpfr_sub (z, z, s, MPFR_RNDN);
      if (shift) mpfr_neg (z, z, MPFR_RNDN);
    }
  mpfr_mul_q (z, z, q, MPFR_RNDN);
  add_fr (c, z);
  mpfr_clears (z, s, x, (mpfr_ptr) 0);
  mpq_clear (q);
}

/* cancellation (issue 11): differences of equal growth with closed sums
 *   c (1/sqrt(m) - 1/sqrt(m+1)), m = n + a:   c / sqrt(N + a)      (telescoping)
 *   c (log(m+1) - log(m) - 1/m):              c (H_{M-1} - log M - gamma), M = N + a
 *     (sum_{m>=1} (log(m+1) - log m - 1/m) = -gamma) */
static void part_cancel (srng *r, scase *c, char *buf, size_t bl, unsigned long N)
{
  mpq_t q; mpq_init (q);
  rand_q (r, q, 9, 5, 1);
  char cq[64], la[32], lb[32];
  qtext (cq, sizeof cq, q);
  long a = srng_int (r, 0, 5), M = (long) N + a;
  lin (la, sizeof la, a); lin (lb, sizeof lb, a + 1);
  mpfr_t z, t;
  mpfr_inits2 (REF_PREC, z, t, (mpfr_ptr) 0);
  if (srng_next (r) & 1)
    {
      snprintf (buf, bl, "%s*(1/sqrt(%s) - 1/sqrt(%s))", cq, la, lb);
      mpfr_set_si (z, M, MPFR_RNDN);
      mpfr_rec_sqrt (z, z, MPFR_RNDN);
    }
  else
    {
      snprintf (buf, bl, "%s*(log(%s) - log(%s) - 1/(%s))", cq, lb, la, la);
      mpfr_const_euler (z, MPFR_RNDN);
      mpfr_neg (z, z, MPFR_RNDN);
      mpfr_set_si (t, M, MPFR_RNDN);
      mpfr_log (t, t, MPFR_RNDN);
      mpfr_sub (z, z, t, MPFR_RNDN);
      for (long m = 1; m < M; m++)
        {
          mpfr_set_si (t, m, MPFR_RNDN);
          mpfr_ui_div (t, 1, t, MPFR_RNDN);
          mpfr_add (z, z, t, MPFR_RNDN);
        }
    }
  mpfr_mul_q (z, z, q, MPFR_RNDN);
  add_fr (c, z);
  mpfr_clears (z, t, (mpfr_ptr) 0);
  mpq_clear (q);
}

/* factorial ratios: n!/(n+k)! = (n!/(n+k-1)! - (n+1)!/(n+k)!)/(k-1), so
 *   sum_{n>=N} c n!/(n+k)! = c N! / ((k-1) (N+k-1)!)   (exact) */
static void part_factratio (srng *r, scase *c, char *buf, size_t bl, unsigned long N)
{
  mpq_t q, x; mpq_inits (q, x, NULL);
  rand_q (r, q, 9, 5, 1);
  char cq[64];
  qtext (cq, sizeof cq, q);
  long k = srng_int (r, 2, 4);
  snprintf (buf, bl, "%s*factorial(n)/factorial(n+%ld)", cq, k);
  mpz_t d;
  mpz_init_set_ui (d, (unsigned long) (k - 1));
  for (long j = 1; j <= k - 1; j++) mpz_mul_ui (d, d, N + (unsigned long) j);   /* (k-1) (N+k-1)!/N! */
  mpq_set_z (x, d);
  mpq_inv (x, x);
  mpq_mul (x, x, q);
  add_q (c, x);
  mpz_clear (d);
  mpq_clears (q, x, NULL);
}

/* Dirichlet (issue 11): for 0 < k < 2 pi,
 *   sum_{n>=1} sin(k n)/n = (pi - k)/2,  sum_{n>=1} cos(k n)/n = -log(2 sin(k/2))
 * (Fourier series), minus the terms n < N. */
static void part_dirichlet (srng *r, scase *c, char *buf, size_t bl, unsigned long N)
{
  static const long kn[] = { 1, 2, 1, 3, 3, 5 }, kd[] = { 1, 1, 2, 2, 1, 4 };
  mpq_t q, k; mpq_inits (q, k, NULL);
  rand_q (r, q, 9, 5, 1);
  char cq[64], ck[64];
  qtext (cq, sizeof cq, q);
  int i = (int) srng_int (r, 0, 5);
  mpq_set_si (k, kn[i], (unsigned long) kd[i]);
  qtext (ck, sizeof ck, k);
  int use_sin = srng_next (r) & 1;
  snprintf (buf, bl, "%s*%s(%s*n)/n", cq, use_sin ? "sin" : "cos", ck);
  mpfr_t z, t, kk;
  mpfr_inits2 (REF_PREC, z, t, kk, (mpfr_ptr) 0);
  mpfr_set_q (kk, k, MPFR_RNDN);
  if (use_sin)
    {
      mpfr_const_pi (z, MPFR_RNDN);
      mpfr_sub (z, z, kk, MPFR_RNDN);
      mpfr_div_2ui (z, z, 1, MPFR_RNDN);
    }
  else
    {
      mpfr_div_2ui (t, kk, 1, MPFR_RNDN);
      mpfr_sin (t, t, MPFR_RNDN);
      mpfr_mul_2ui (t, t, 1, MPFR_RNDN);
      mpfr_log (z, t, MPFR_RNDN);
      mpfr_neg (z, z, MPFR_RNDN);
    }
  for (unsigned long n = 1; n < N; n++)
    {
      mpfr_mul_ui (t, kk, n, MPFR_RNDN);
      if (use_sin) mpfr_sin (t, t, MPFR_RNDN); else mpfr_cos (t, t, MPFR_RNDN);
      mpfr_div_ui (t, t, n, MPFR_RNDN);
      mpfr_sub (z, z, t, MPFR_RNDN);
    }
  mpfr_mul_q (z, z, q, MPFR_RNDN);
  add_fr (c, z);
  mpfr_clears (z, t, kk, (mpfr_ptr) 0);
  mpq_clears (q, k, NULL);
}

/* non-monotone alternating (issue 11): f(m) = (-1)^m/(m + (-1)^m), m >= 2,
 * pairs to sum_{j>=1} (1/(2j+1) - 1/(2j)) = log 2 - 1; the term is f(n+K)
 * with K = 1 when N = 1 (f(1) is undefined), and the sum from N is
 * log 2 - 1 - sum_{m=2}^{N+K-1} f(m). */
static void part_nmalt (srng *r, scase *c, char *buf, size_t bl, unsigned long N)
{
  mpq_t q, x, s; mpq_inits (q, x, s, NULL);
  rand_q (r, q, 9, 5, 1);
  char cq[64];
  qtext (cq, sizeof cq, q);
  long K = N == 1 ? 1 : 0;
  if (K) snprintf (buf, bl, "%s*(-1)^(n+1)/(n+1+(-1)^(n+1))", cq);
  else snprintf (buf, bl, "%s*(-1)^n/(n+(-1)^n)", cq);
  for (long m = 2; m < (long) N + K; m++)
    {
      mpq_set_si (x, (m & 1) ? -1 : 1, (unsigned long) ((m & 1) ? m - 1 : m + 1));
      mpq_add (s, s, x);
    }
  mpfr_t z, t;
  mpfr_inits2 (REF_PREC, z, t, (mpfr_ptr) 0);
  mpfr_const_log2 (z, MPFR_RNDN);
  mpfr_sub_ui (z, z, 1, MPFR_RNDN);
  mpfr_set_q (t, s, MPFR_RNDN);
  mpfr_sub (z, z, t, MPFR_RNDN);
  mpfr_mul_q (z, z, q, MPFR_RNDN);
  add_fr (c, z);
  mpfr_clears (z, t, (mpfr_ptr) 0);
  mpq_clears (q, x, s, NULL);
}

/* zeta(s, M) = zeta(s) - sum_{m<M} m^-s for an integer s >= 2 */
static void hurwitz_int (mpfr_t out, long s, long M)
{
  mpfr_t t;
  mpfr_init2 (t, REF_PREC);
  mpfr_zeta_ui (out, (unsigned long) s, MPFR_RNDN);
  for (long m = 1; m < M; m++)
    {
      mpfr_set_si (t, m, MPFR_RNDN);
      mpfr_pow_si (t, t, -s, MPFR_RNDN);
      mpfr_sub (out, out, t, MPFR_RNDN);
    }
  mpfr_clear (t);
}

/* Terms with a Taylor model at infinity (the "taylor-expansion" tails):
 *   exp(k/(n+a))/(n+a)^s = sum_j k^j/j! (n+a)^-(s+j),
 *   log(1 + 1/(n+a))/(n+a)^s = sum_{j>=1} (-1)^(j+1)/j (n+a)^-(s+j),
 * summed over n >= N: series of Hurwitz zeta values at M = N + a
 * (absolutely convergent: |k|^j/j!, and 1/(n+a) <= 1/2 for the log). */
static void part_taylor (srng *r, scase *c, char *buf, size_t bl, unsigned long N)
{
  mpq_t q; mpq_init (q);
  rand_q (r, q, 9, 5, 1);
  char cq[64], la[32];
  qtext (cq, sizeof cq, q);
  int lg = srng_next (r) & 1;
  long a = srng_int (r, 0, 3), M = (long) N + a;
  if (lg && M < 2) { a++; M++; }
  lin (la, sizeof la, a);
  long sp = srng_int (r, lg ? 1 : 2, 3), k = srng_int (r, 1, 2) * (srng_next (r) & 1 ? -1 : 1);
  if (lg) snprintf (buf, bl, "%s*log(1+1/(%s))/(%s)^%ld", cq, la, la, sp);
  else snprintf (buf, bl, "%s*exp(%ld/(%s))/(%s)^%ld", cq, k, la, la, sp);
  mpfr_t z, t, w;
  mpfr_inits2 (REF_PREC, z, t, w, (mpfr_ptr) 0);
  mpfr_set_zero (z, 1);
  mpfr_set_ui (w, 1, MPFR_RNDN);                       /* k^j / j! (exp) */
  for (long j = lg ? 1 : 0; j < 600; j++)
    {
      if (!lg && j > 0) { mpfr_mul_si (w, w, k, MPFR_RNDN); mpfr_div_ui (w, w, (unsigned long) j, MPFR_RNDN); }
      if (lg) { mpfr_set_si (w, (j & 1) ? 1 : -1, MPFR_RNDN); mpfr_div_ui (w, w, (unsigned long) j, MPFR_RNDN); }
      hurwitz_int (t, sp + j, M);
      mpfr_mul (t, t, w, MPFR_RNDN);
      mpfr_add (z, z, t, MPFR_RNDN);
      if (!mpfr_zero_p (t) && mpfr_get_exp (t) < -(REF_PREC + 20)) break;
    }
  mpfr_mul_q (z, z, q, MPFR_RNDN);
  add_fr (c, z);
  mpfr_clears (z, t, w, (mpfr_ptr) 0);
  mpq_clear (q);
}

typedef void (*part_fn) (srng *, scase *, char *, size_t, unsigned long);
static const part_fn conv_parts[] = { part_pfrac, part_dpole, part_pseries, part_geom, part_alt,
                                      part_cancel, part_factratio, part_dirichlet, part_nmalt, part_taylor };
static const char *const conv_names[] = { "partial-fractions", "double-pole", "p-series", "geometric", "alternating",
                                          "cancellation", "factorial-ratio", "dirichlet", "nonmonotone-alternating",
                                          "taylor-model" };
#define NCONV 10

/* divergent sum parts (no reference) */
static void part_div (srng *r, char *buf, size_t bl, unsigned long N, const char **name)
{
  mpq_t q; mpq_init (q);
  rand_q (r, q, 9, 5, 1);
  char cq[64], la[32], lb[32];
  qtext (cq, sizeof cq, q);
  long a = srng_int (r, -(long) N + 1, 6), b = srng_int (r, -(long) N + 1, 6);
  lin (la, sizeof la, a); lin (lb, sizeof lb, b);
  long k2 = srng_int (r, 2, 5);     /* log(n + k2) > 1 for n >= 1 */
  switch (srng_int (r, 0, 8))
    {
    case 6: snprintf (buf, bl, "%s/(n*log(n+%ld)*log(log(n+%ld))%s)", cq, k2, k2, srng_next (r) & 1 ? "" : "^(1/2)");
      *name = "div-bertrand3"; break;
    case 7: snprintf (buf, bl, "%s*log(log(n+%ld))/(n+%ld)", cq, k2, k2); *name = "div-loglog"; break;
    case 8: snprintf (buf, bl, "%s*n^(-1-1/%s)", cq, srng_next (r) & 1 ? "sqrt(n)" : "n"); *name = "div-variable-exponent"; break;
    case 0: snprintf (buf, bl, "%s/(%s)", cq, la); *name = "div-harmonic"; break;
    case 1: snprintf (buf, bl, "%s/n^%s", cq, srng_next (r) & 1 ? "0.5" : "1"); *name = "div-p<=1"; break;
    case 2: snprintf (buf, bl, "%s*(%ld/%ld)^n", cq, srng_int (r, 5, 9), srng_int (r, 1, 5)); *name = "div-geometric"; break;
    case 3: snprintf (buf, bl, "%s*(-1)^n", cq); *name = "div-oscillating"; break;
    case 4: snprintf (buf, bl, "(%s)/(%s)*%s", la, lb, cq); *name = "div-degree0"; break;
    default: snprintf (buf, bl, "%s*log(%s)/(%s)", cq, la, la); *name = "div-log"; if (a + (long) N < 2) snprintf (buf, bl, "%s/sqrt(%s)", cq, la); break;
    }
  mpq_clear (q);
}

/* ---- products ---------------------------------------------------------------- */

static void fact_q (mpq_t out, long m)     /* out = (m)!  (m >= 0) */
{
  mpz_t f; mpz_init (f);
  mpz_fac_ui (f, (unsigned long) m);
  mpq_set_z (out, f);
  mpz_clear (f);
}

/* prod_{n>=N} (n+a)(n+b)/((n+c)(n+d)), a + b = c + d, every factor positive */
static void prod_tele (srng *r, scase *c, unsigned long N)
{
  long lo = -(long) N + 1, cc, dd, t, a, b;
  for (;;)
    {
      cc = srng_int (r, lo, 5); dd = srng_int (r, lo, 6);
      t = srng_int (r, -4, 4);
      a = cc - t; b = dd + t;
      if (t != 0 && a >= lo && b >= lo && a * b != cc * dd) break;
    }
  long K = a * b - cc * dd;
  char la[32], lb[32], lc[32], ld[32];
  lin (la, sizeof la, a); lin (lb, sizeof lb, b); lin (lc, sizeof lc, cc); lin (ld, sizeof ld, dd);
  int form = srng_int (r, 0, 2);
  if (cc == 0 && dd == 0 && a == -b) form = 3;
  switch (form)
    {
    case 0: snprintf (c->term, sizeof c->term, "(%s)*(%s)/((%s)*(%s))", la, lb, lc, ld); break;
    case 1: snprintf (c->term, sizeof c->term, "1 %s %ld/((%s)*(%s))", K < 0 ? "-" : "+", K < 0 ? -K : K, lc, ld); break;
    case 2: snprintf (c->term, sizeof c->term, "1 %s %ld/(n^2 + %ld*n + %ld)", K < 0 ? "-" : "+", K < 0 ? -K : K, cc + dd, cc * dd); break;
    default: snprintf (c->term, sizeof c->term, "1 - %ld/n^2", a * a); break;
    }
  /* Gamma(N+c) Gamma(N+d) / (Gamma(N+a) Gamma(N+b)) */
  mpq_t x, y;
  mpq_inits (x, y, NULL);
  fact_q (x, (long) N + cc - 1); fact_q (y, (long) N + dd - 1); mpq_mul (x, x, y);
  fact_q (y, (long) N + a - 1); mpq_div (x, x, y);
  fact_q (y, (long) N + b - 1); mpq_div (x, x, y);
  add_q (c, x);
  mpq_clears (x, y, NULL);
  snprintf (c->family, sizeof c->family, "prod-telescoping");
  snprintf (c->refhow, sizeof c->refhow, "Gamma(N+%ld)Gamma(N+%ld)/(Gamma(N+%ld)Gamma(N+%ld)), exact", cc, dd, a, b);
  c->accept = ACC (IC_CONVERGES);
  c->has_ref = 1;
}

/* prod (1 + (-1)^n/(n+c)), N + c >= 2 */
static void prod_alt_tele (srng *r, scase *c, unsigned long N)
{
  long cc = srng_int (r, -(long) N + 2, 6);
  char lc[32];
  lin (lc, sizeof lc, cc);
  snprintf (c->term, sizeof c->term, (srng_next (r) & 1) ? "1 + (-1)^n/(%s)" : "((%s) + (-1)^n)/(%s)", lc, lc);
  if (strstr (c->term, "((")) snprintf (c->term, sizeof c->term, "((%s) + (-1)^n)/(%s)", lc, lc);
  mpq_t x; mpq_init (x);
  if (N % 2 == 0) mpq_set_ui (x, 1, 1);
  else { mpq_set_si (x, (long) N + cc - 1, (unsigned long) ((long) N + cc)); mpq_canonicalize (x); }
  add_q (c, x);
  mpq_clear (x);
  snprintf (c->family, sizeof c->family, "prod-alt-telescoping");
  snprintf (c->refhow, sizeof c->refhow, "pairs of factors multiply to 1, exact");
  c->accept = ACC (IC_CONVERGES);
  c->has_ref = 1;
}

/* prod exp(c n^-p) */
static void prod_exp (srng *r, scase *c, unsigned long N)
{
  long pk = srng_int (r, 3, 6);
  mpq_t q; mpq_init (q);
  rand_q (r, q, 3, 4, 1);
  char cq[64];
  qtext (cq, sizeof cq, q);
  snprintf (c->term, sizeof c->term, "exp(%s/n^%s)", cq, pow_text (pk));
  mpfr_t z, s;
  mpfr_inits2 (REF_PREC, z, s, (mpfr_ptr) 0);
  zeta_half (z, pk);
  partial_pow (s, (long) N - 1, pk, 0);
  mpfr_sub (z, z, s, MPFR_RNDN);
  mpfr_mul_q (z, z, q, MPFR_RNDN);
  mpfr_exp (z, z, MPFR_RNDN);
  add_fr (c, z);
  mpfr_clears (z, s, (mpfr_ptr) 0);
  mpq_clear (q);
  snprintf (c->family, sizeof c->family, "prod-exp");
  snprintf (c->refhow, sizeof c->refhow, "exp(c (zeta(%s) - partial)), mpfr_zeta", pow_text (pk));
  c->accept = ACC (IC_CONVERGES);
  c->has_ref = 1;
}

static void prod_div (srng *r, scase *c, unsigned long N)
{
  long a = srng_int (r, -(long) N + 1, 6), k = srng_int (r, 1, 4);
  char la[32];
  lin (la, sizeof la, a);
  switch (srng_int (r, 0, 3))
    {
    case 0:   /* 1 + k/(n+a) -> infinity */
      snprintf (c->term, sizeof c->term, "1 + %ld/(%s)", k, la);
      snprintf (c->family, sizeof c->family, "prod-div-infinity");
      c->accept = ACC (IC_DIVERGES);
      break;
    case 1:   /* 1 - k/(n+a+k+1/2): positive factors, partial products -> 0 */
      lin (la, sizeof la, a + k);
      snprintf (c->term, sizeof c->term, "1 - %ld/(%s + 1/2)", k, la);
      snprintf (c->family, sizeof c->family, "prod-div-zero");
      c->accept = ACC (IC_DIVERGES_TO_ZERO);
      break;
    case 2:   /* constant factor */
      {
        long p = srng_int (r, 1, 9), q = srng_int (r, 1, 9);
        if (p == q) p++;
        snprintf (c->term, sizeof c->term, "%ld/%ld + 1/n^2", p, q);
        snprintf (c->family, sizeof c->family, "prod-div-constant");
        c->accept = p < q ? ACC (IC_DIVERGES_TO_ZERO) | ACC (IC_DIVERGES) : ACC (IC_DIVERGES);
        /* p/q + 1/n^2 < 1 eventually when p < q: to zero; DIVERGES ("no
         * finite limit") is wrong there, so accept only the precise one */
        if (p < q) c->accept = ACC (IC_DIVERGES_TO_ZERO);
      }
      break;
    default:  /* zero factor: (n - t)(n + t)/n^2 with t >= N */
      {
        long t = (long) N + srng_int (r, 0, 3);
        snprintf (c->term, sizeof c->term, "1 - %ld/n^2", t * t);
        snprintf (c->family, sizeof c->family, "prod-zero-factor");
        c->accept = ACC (IC_ZERO_FACTOR);
        c->has_ref = 1;          /* limit 0 */
        snprintf (c->refhow, sizeof c->refhow, "factor at n = %ld is 0", t);
      }
    }
}

/* ---- the generator ------------------------------------------------------------ */

static void scase_gen (scase *c, uint64_t seed)
{
  srng r = { seed };
  unsigned long N = (unsigned long) srng_int (&r, 1, 6);
  c->from = N;
  c->digits = srng_int (&r, 8, 20);
  c->kind = IC_KIND_SUM;
  long fam = srng_int (&r, 0, 99);
  char p1[280], p2[280];
  if (fam < 45)             /* one convergent part */
    {
      int k = (int) srng_int (&r, 0, NCONV - 1);
      conv_parts[k] (&r, c, c->term, sizeof c->term, N);
      snprintf (c->family, sizeof c->family, "%s", conv_names[k]);
      c->accept = ACC (IC_CONVERGES); c->has_ref = 1;
    }
  else if (fam < 60)        /* mixture of two */
    {
      int k1 = (int) srng_int (&r, 0, NCONV - 1), k2 = (int) srng_int (&r, 0, NCONV - 1);
      conv_parts[k1] (&r, c, p1, sizeof p1, N);
      conv_parts[k2] (&r, c, p2, sizeof p2, N);
      snprintf (c->term, sizeof c->term, "%s + %s", p1, p2);
      snprintf (c->family, sizeof c->family, "mix:%s+%s", conv_names[k1], conv_names[k2]);
      c->accept = ACC (IC_CONVERGES); c->has_ref = 1;
    }
  else if (fam < 64)        /* convergent on the log scale, no closed form: the verdict only */
    {
      mpq_t q; mpq_init (q);
      rand_q (&r, q, 9, 5, 1);
      char cq[64];
      qtext (cq, sizeof cq, q);
      long k2 = srng_int (&r, 2, 5);
      const char *name;
      switch (srng_int (&r, 0, 4))
        {
        case 0: snprintf (c->term, sizeof c->term, "%s/(n*log(n+%ld)*log(log(n+%ld))^%s)", cq, k2, k2, srng_next (&r) & 1 ? "2" : "(3/2)");
          name = "conv-bertrand3"; break;
        case 1: snprintf (c->term, sizeof c->term, "%s*n^(-log(log(n+%ld)))", cq, k2); name = "conv-loglog-power"; break;
        case 2: snprintf (c->term, sizeof c->term, "%s/log(n+%ld)^n", cq, k2); name = "conv-log-base"; break;
        case 3: snprintf (c->term, sizeof c->term, "%s*n^%ld/exp(sqrt(n))", cq, srng_int (&r, 0, 3)); name = "conv-stretched"; break;
        default: snprintf (c->term, sizeof c->term, "%s/n^(1+1/log(n+%ld)^(1/2))", cq, k2 + 14); name = "conv-variable-exponent"; break;
        }
      snprintf (c->family, sizeof c->family, "%s", name);
      mpq_clear (q);
      mpfr_set_zero (c->ref, 1);
      c->accept = ACC (IC_CONVERGES); c->has_ref = 0;
    }
  else if (fam < 70)        /* divergent, maybe plus a convergent part */
    {
      const char *name;
      part_div (&r, p1, sizeof p1, N, &name);
      if (srng_next (&r) & 1)
        {
          int k = (int) srng_int (&r, 0, NCONV - 1);
          conv_parts[k] (&r, c, p2, sizeof p2, N);
          snprintf (c->term, sizeof c->term, "%s + %s", p2, p1);
        }
      else snprintf (c->term, sizeof c->term, "%s", p1);
      snprintf (c->family, sizeof c->family, "%s", name);
      mpfr_set_zero (c->ref, 1);
      c->accept = ACC (IC_DIVERGES); c->has_ref = 0;
    }
  else                      /* products */
    {
      c->kind = IC_KIND_PROD;
      long pf = srng_int (&r, 0, 9);
      if (pf < 4) prod_tele (&r, c, N);
      else if (pf < 6) prod_alt_tele (&r, c, N);
      else if (pf < 8) prod_exp (&r, c, N);
      else prod_div (&r, c, N);
    }
  if (!c->refhow[0] && c->has_ref)
    snprintf (c->refhow, sizeof c->refhow, "closed form (soundness_gen.h, family %s)", c->family);
  /* tol = 2^REF_TOL_EXP (1 + mag) */
  mpfr_add_ui (c->tol, c->mag, 1, MPFR_RNDU);
  mpfr_mul_2si (c->tol, c->tol, REF_TOL_EXP, MPFR_RNDU);
}

#endif
