/* test_ratexp.c — "rational-expansion" tails (ratexp.h) against INDEPENDENT
 * references (closed forms evaluated with MPFR, never infcert itself):
 *   - sum_{n>=1} 1/(n^2+1) = (pi coth pi - 1)/2   (Mittag-Leffler expansion
 *     of coth); from N = 10 the reference subtracts sum_{n<10} in MPFR;
 *   - sum_{n>=1} 1/(n(n+1)) = 1                   (telescoping);
 *   - sum_{n>=1} 1/(n^2 (n+1)) = pi^2/6 - 1       (partial fractions);
 *   - sum_{n>=1} 1/((n+1)(n+2)(n+3)) = 1/12       (telescoping);
 *   - prod_{n>=N} (1 - 1/n^2) = (N-1)/N           (telescoping), N = 2, 7;
 *   - prod_{n>=1} (n+1)^2/(n(n+2)) = 2            (telescoping);
 *   - prod_{n>=1} (1 + 1/n^2) = sinh(pi)/pi       (Euler's sine product);
 *   - prod_{n>=1} (n^2+1)/(n^2+2)
 *       = [sinh(pi)/pi] / [sinh(pi sqrt 2)/(pi sqrt 2)]  (same product);
 * each at 30 and 300 digits: containment, width <= 10^-digits, time.
 * Consistency: sum (n+1)/(n^3+2) from N = 1 and from N = 6 plus the exact
 * partial sum n = 1..5 (GMP rationals) overlap.
 * Not applicable (must return 0, never a wrong interval): sum 1/n,
 * prod (1 + 1/n), prod (2 + 1/n^2), sum 1/(n^2 - 25) from 1 (pole at 5),
 * prod (1 - 4/n^2) from 1 (factor <= 0), sum log(n)/n^2.
 * Random families (seed printed): partial fractions vs MPFR digamma and
 * Gamma quotients vs MPFR lngamma (see random_families). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "infcert.h"
#include "term.h"
#include "ratexp.h"

static int nfail;

static double now (void)
{
  struct timespec ts;
  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static ic_node *parse (const char *s)
{
  ic_error err;
  ic_node *e = ic_term_parse (s, &err);
  if (!e) { printf ("FAIL parse %s: %s\n", s, err.msg); exit (1); }
  return e;
}

/* Runs ic_ratexp_tail; checks containment of ref (if non-NULL), width and
 * time.  keep (if non-NULL) receives the enclosure. */
static void check (const char *src, int prod, unsigned long N, long digits,
                   mpfr_srcptr ref, const char *refname, ic_ival_ptr keep)
{
  ic_node *e = parse (src);
  ic_ival_t out;
  char method[48] = "", detail[512] = "", name[256];
  mpfr_prec_t prec = (mpfr_prec_t) (digits * 3.33) + 80;
  ic_ival_init2 (out, prec);
  snprintf (name, sizeof name, "ratexp %s %s from %lu, %ld digits", prod ? "prod" : "sum", src, N, digits);
  double t0 = now ();
  int ok = ic_ratexp_tail (out, e, prod, N, digits, prec, method, sizeof method, detail, sizeof detail);
  double dt = now () - t0;
  if (!ok) { printf ("FAIL %s: not certified (%s)\n", name, detail); nfail++; goto done; }
  if (strcmp (method, "rational-expansion") != 0)
    { printf ("FAIL %s: method '%s'\n", name, method); nfail++; }
  if (ref && !(mpfr_lessequal_p (out->lo, ref) && mpfr_lessequal_p (ref, out->hi)))
    {
      mpfr_printf ("FAIL %s: [%.50Rg, %.50Rg] does not contain %s = %.55Rg (%s)\n",
                   name, out->lo, out->hi, refname, ref, detail);
      nfail++;
      goto done;
    }
  {
    mpfr_t w, lim;
    mpfr_inits2 (64, w, lim, (mpfr_ptr) 0);
    ic_ival_width_upper (w, out);
    mpfr_set_ui (lim, 10, MPFR_RNDN);
    mpfr_pow_si (lim, lim, -digits, MPFR_RNDN);
    if (mpfr_greater_p (w, lim))
      { mpfr_printf ("FAIL %s: width %.3Rg > 1e-%ld (%s)\n", name, w, digits, detail); nfail++; }
    else      /* time is reported, not asserted: speed is `make bench`'s job */
      mpfr_printf ("ok %s%s%s (width %.2Rg, %.4f s)\n", name, ref ? " contains " : "", ref ? refname : "", w, dt);
    mpfr_clears (w, lim, (mpfr_ptr) 0);
  }
  if (keep) { ic_ival_set_prec (keep, prec); ic_ival_set (keep, out); }
done:
  ic_ival_clear (out);
  ic_node_free (e);
}

static void check_refuses (const char *src, int prod, unsigned long N)
{
  ic_node *e = parse (src);
  ic_ival_t out;
  char method[48] = "", detail[512] = "";
  ic_ival_init2 (out, 128);
  int ok = ic_ratexp_tail (out, e, prod, N, 30, 128, method, sizeof method, detail, sizeof detail);
  if (ok) { printf ("FAIL refuse %s %s from %lu: returned an enclosure\n", prod ? "prod" : "sum", src, N); nfail++; }
  else printf ("ok refuse %s %s from %lu (%s)\n", prod ? "prod" : "sum", src, N, detail);
  ic_ival_clear (out);
  ic_node_free (e);
}

/* Random partial-fraction / Gamma-quotient families (seed printed; set
 * RATEXP_SEED to replay).  References by MPFR's digamma and lngamma:
 *   sum_{n>=1} 1/((n+a)(n+b)) = (psi(1+b) - psi(1+a))/(b-a),  a != b;
 *   sum_{n>=1} log[(n+a)(n+b)/((n+c)(n+d))], a+b = c+d,
 *     = lngamma(1+c) + lngamma(1+d) - lngamma(1+a) - lngamma(1+b);
 * a, b, c, d quarters in (-1, 4], so every factor is positive. */
static void random_families (void)
{
  unsigned long seed = getenv ("RATEXP_SEED") ? strtoul (getenv ("RATEXP_SEED"), NULL, 10) : 20240611UL;
  printf ("# random families: RATEXP_SEED=%lu\n", seed);
  srand ((unsigned) seed);
  static const long DIG[3] = { 20, 60, 150 };
  for (int it = 0; it < 24; it++)
    {
      int prod = it & 1;
      long D = DIG[rand () % 3];
      long A = rand () % 20 - 3, B, C, Dd;                   /* quarters: a = A/4 */
      do B = rand () % 20 - 3; while (B == A);
      C = rand () % 20 - 3;
      Dd = A + B - C;
      if (prod && (Dd <= -4 || Dd == A || Dd == B)) { it--; continue; }
      char src[200];
      mpfr_t ref, x, y;
      mpfr_inits2 ((mpfr_prec_t) (D * 3.33) + 200, ref, x, y, (mpfr_ptr) 0);
      if (!prod)
        {
          snprintf (src, sizeof src, "1/((n+(%ld/4))*(n+(%ld/4)))", A, B);
          mpfr_set_si (x, 4 + B, MPFR_RNDN); mpfr_div_ui (x, x, 4, MPFR_RNDN);
          mpfr_digamma (ref, x, MPFR_RNDN);
          mpfr_set_si (x, 4 + A, MPFR_RNDN); mpfr_div_ui (x, x, 4, MPFR_RNDN);
          mpfr_digamma (y, x, MPFR_RNDN);
          mpfr_sub (ref, ref, y, MPFR_RNDN);
          mpfr_mul_ui (ref, ref, 4, MPFR_RNDN);
          mpfr_div_si (ref, ref, B - A, MPFR_RNDN);
        }
      else
        {
          snprintf (src, sizeof src, "(n+(%ld/4))*(n+(%ld/4))/((n+(%ld/4))*(n+(%ld/4)))", A, B, C, Dd);
          long v[4] = { C, Dd, A, B };
          mpfr_set_ui (ref, 0, MPFR_RNDN);
          for (int i = 0; i < 4; i++)
            {
              int sg;
              mpfr_set_si (x, 4 + v[i], MPFR_RNDN); mpfr_div_ui (x, x, 4, MPFR_RNDN);
              mpfr_lgamma (y, &sg, x, MPFR_RNDN);
              if (i < 2) mpfr_add (ref, ref, y, MPFR_RNDN); else mpfr_sub (ref, ref, y, MPFR_RNDN);
            }
        }
      char rn[64];
      snprintf (rn, sizeof rn, "MPFR %s reference", prod ? "lngamma" : "digamma");
      check (src, prod, 1, D, ref, rn, NULL);
      mpfr_clears (ref, x, y, (mpfr_ptr) 0);
    }
}

/* Issue 16: cut-offs beyond 2^53.  (double) N rounded below N = 2^53 + 1,
 * the cut-off M fell below N and the tail from M added the term at N - 1
 * (wrong from the 16th digit).  Consistency split at two indices:
 * sum_{n>=N} f - sum_{n>=N+1} f = f(N) = 1/(N^2 + 1), against MPFR. */
static void huge_N (void)
{
  const unsigned long Ns[] = { (1UL << 53) + 1, 1UL << 62, 18446744073709551613UL };
  for (int i = 0; i < 3; i++)
    {
      unsigned long N = Ns[i];
      ic_node *e = parse ("1/(n^2+1)");
      ic_ival_t a, b;
      ic_ival_init2 (a, 300); ic_ival_init2 (b, 300);
      char method[48], detail[512], name[160];
      snprintf (name, sizeof name, "ratexp sum 1/(n^2+1) from %lu minus from %lu = 1/(N^2+1)", N, N + 1);
      int ok = ic_ratexp_tail (a, e, 0, N, 60, 300, method, sizeof method, detail, sizeof detail)
            && ic_ratexp_tail (b, e, 0, N + 1, 60, 300, method, sizeof method, detail, sizeof detail);
      if (!ok) { printf ("FAIL %s: not certified (%s)\n", name, detail); nfail++; }
      else
        {
          mpfr_t x;
          mpfr_init2 (x, 400);
          mpfr_set_ui (x, N, MPFR_RNDN);
          mpfr_sqr (x, x, MPFR_RNDN);                  /* exact: 128 bits <= 400 */
          mpfr_add_ui (x, x, 1, MPFR_RNDN);            /* exact */
          mpfr_ui_div (x, 1, x, MPFR_RNDN);            /* 1/(N^2+1), relative 2^-400 */
          ic_ival_sub (a, a, b);
          if (mpfr_lessequal_p (a->lo, x) && mpfr_lessequal_p (x, a->hi)) printf ("ok %s\n", name);
          else
            {
              mpfr_printf ("FAIL %s: difference [%.30Re, %.30Re] does not contain %.35Re\n", name, a->lo, a->hi, x);
              nfail++;
            }
          mpfr_clear (x);
        }
      ic_ival_clear (a); ic_ival_clear (b);
      ic_node_free (e);
    }
}

int main (void)
{
  huge_N ();
  static const long DIG[2] = { 30, 300 };
  for (int di = 0; di < 2; di++)
    {
      long D = DIG[di];
      mpfr_prec_t rp = (mpfr_prec_t) (D * 3.33) + 200;       /* reference precision */
      mpfr_t ref, pi, t, u;
      mpfr_inits2 (rp, ref, pi, t, u, (mpfr_ptr) 0);
      mpfr_const_pi (pi, MPFR_RNDN);

      /* (pi coth pi - 1)/2 */
      mpfr_coth (t, pi, MPFR_RNDN);
      mpfr_mul (t, t, pi, MPFR_RNDN);
      mpfr_sub_ui (t, t, 1, MPFR_RNDN);
      mpfr_div_2ui (ref, t, 1, MPFR_RNDN);
      check ("1/(n^2+1)", 0, 1, D, ref, "(pi coth pi - 1)/2", NULL);
      for (unsigned long n = 1; n < 10; n++)
        {
          mpfr_set_ui (u, n * n + 1, MPFR_RNDN);
          mpfr_ui_div (u, 1, u, MPFR_RNDN);
          mpfr_sub (ref, ref, u, MPFR_RNDN);
        }
      check ("1/(n^2+1)", 0, 10, D, ref, "(pi coth pi - 1)/2 - sum_{n<10}", NULL);

      mpfr_set_ui (ref, 1, MPFR_RNDN);
      check ("1/(n*(n+1))", 0, 1, D, ref, "1", NULL);

      mpfr_sqr (ref, pi, MPFR_RNDN);
      mpfr_div_ui (ref, ref, 6, MPFR_RNDN);
      mpfr_sub_ui (ref, ref, 1, MPFR_RNDN);
      check ("1/(n^2*(n+1))", 0, 1, D, ref, "pi^2/6 - 1", NULL);

      mpfr_set_ui (ref, 1, MPFR_RNDN);
      mpfr_div_ui (ref, ref, 12, MPFR_RNDN);
      check ("1/((n+1)*(n+2)*(n+3))", 0, 1, D, ref, "1/12", NULL);

      mpfr_set_d (ref, 0.5, MPFR_RNDN);
      mpfr_log (ref, ref, MPFR_RNDN);
      check ("1 - 1/n^2", 1, 2, D, ref, "log(1/2)", NULL);
      mpfr_set_ui (ref, 6, MPFR_RNDN);
      mpfr_div_ui (ref, ref, 7, MPFR_RNDN);
      mpfr_log (ref, ref, MPFR_RNDN);
      check ("1 - 1/n^2", 1, 7, D, ref, "log(6/7)", NULL);

      mpfr_set_ui (ref, 2, MPFR_RNDN);
      mpfr_log (ref, ref, MPFR_RNDN);
      check ("(n+1)^2/(n*(n+2))", 1, 1, D, ref, "log 2", NULL);

      /* log(sinh(pi)/pi) */
      mpfr_sinh (t, pi, MPFR_RNDN);
      mpfr_div (t, t, pi, MPFR_RNDN);
      mpfr_log (ref, t, MPFR_RNDN);
      check ("1 + 1/n^2", 1, 1, D, ref, "log(sinh(pi)/pi)", NULL);

      /* log([sinh(pi)/pi] / [sinh(pi sqrt2)/(pi sqrt2)]) */
      mpfr_sqrt_ui (u, 2, MPFR_RNDN);
      mpfr_mul (u, u, pi, MPFR_RNDN);
      mpfr_sinh (ref, u, MPFR_RNDN);
      mpfr_div (u, ref, u, MPFR_RNDN);
      mpfr_div (t, t, u, MPFR_RNDN);
      mpfr_log (ref, t, MPFR_RNDN);
      check ("(n^2+1)/(n^2+2)", 1, 1, D, ref, "log(sinh(pi)/pi / (sinh(pi sqrt2)/(pi sqrt2)))", NULL);

      /* Consistency: sum (n+1)/(n^3+2) from 1 vs from 6 + exact partial sum. */
      {
        ic_ival_t a, b;
        ic_ival_init2 (a, 64); ic_ival_init2 (b, 64);
        check ("(n+1)/(n^3+2)", 0, 1, D, NULL, "", a);
        check ("(n+1)/(n^3+2)", 0, 6, D, NULL, "", b);
        mpq_t s, x;
        mpq_inits (s, x, (mpq_ptr) 0);
        for (unsigned long n = 1; n <= 5; n++)
          {
            mpq_set_ui (x, n + 1, n * n * n + 2);
            mpq_canonicalize (x);
            mpq_add (s, s, x);
          }
        ic_ival_t ps;
        ic_ival_init2 (ps, ic_ival_get_prec (b));
        ic_ival_set_q (ps, s);
        ic_ival_add (b, b, ps);
        ic_ival_t c;
        ic_ival_init2 (c, ic_ival_get_prec (b));
        if (ic_ival_intersect (c, a, b)) printf ("ok consistency sum (n+1)/(n^3+2): N=1 and N=6 + partial sum overlap (%ld digits)\n", D);
        else { mpfr_printf ("FAIL consistency sum (n+1)/(n^3+2) %ld digits: [%.40Rg,%.40Rg] vs [%.40Rg,%.40Rg]\n", D, a->lo, a->hi, b->lo, b->hi); nfail++; }
        mpq_clears (s, x, (mpq_ptr) 0);
        ic_ival_clear (a); ic_ival_clear (b); ic_ival_clear (ps); ic_ival_clear (c);
      }
      mpfr_clears (ref, pi, t, u, (mpfr_ptr) 0);
    }

  random_families ();
  check_refuses ("1/n", 0, 1);
  check_refuses ("1 + 1/n", 1, 1);
  check_refuses ("2 + 1/n^2", 1, 1);
  check_refuses ("1/(n^2 - 25)", 0, 1);
  check_refuses ("1 - 4/n^2", 1, 1);
  check_refuses ("log(n)/n^2", 0, 1);

  printf ("%s: %d failed\n", __FILE__, nfail);
  return nfail ? 1 : 0;
}
