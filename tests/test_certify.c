/* test_certify.c — the public cases of infcert's core (sum/prod verdicts
 * and enclosures) through the library API, against INDEPENDENT references:
 *   zeta(1.001) and zeta(k s) by MPFR's mpfr_zeta (a different algorithm),
 *   log 2, pi^2/6, e, 1/2 (telescoping), sinh(pi)/pi (Euler's sine product),
 *   log prod_{n>=2}(1 - n^-s) = -sum_k (zeta(k s) - 1)/k (with mpfr_zeta),
 *   2.1097428012368919744 (published value of sum 1/(n log^2 n), quoted in
 *   the issue), 2^-n and 1/n! closed forms;
 * plus requested width, agreement across digits, and verdicts that must be
 * "unknown" rather than wrong.  Nothing is taken from infcert itself. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "infcert.h"

static int nfail;
/* set by make check-sanitize: see check_case */
static int sanitized;

#define OK(name, cond, ...) do { if (cond) printf ("ok %s\n", name); \
  else { nfail++; printf ("FAIL %s: ", name); printf (__VA_ARGS__); printf ("\n"); } } while (0)

#define RP 4096   /* reference precision (bits) */

typedef void (*ref_fn) (mpfr_ptr);

static void ref_zeta1001 (mpfr_ptr r)
{
  mpfr_t s;
  mpfr_init2 (s, RP);
  mpfr_set_ui (s, 1001, MPFR_RNDN);
  mpfr_div_ui (s, s, 1000, MPFR_RNDN);
  mpfr_zeta (r, s, MPFR_RNDN);
  mpfr_clear (s);
}

/* prod_{n>=2} (1 - n^-s) = exp(-sum_{k>=1} (zeta(ks) - 1)/k), s = num/den;
 * zeta(ks) - 1 < 2^(1-ks) so K terms leave < 2^(2-Ks) relative. */
static void ref_prod_zeta (mpfr_ptr r, long num, long den, int K)
{
  mpfr_prec_t p = 512;
  mpfr_t s, z, acc;
  mpfr_inits2 (p, s, z, acc, (mpfr_ptr) 0);
  mpfr_set_zero (acc, 1);
  for (int k = 1; k <= K; k++)
    {
      mpfr_set_si (s, num * k, MPFR_RNDN);
      mpfr_div_si (s, s, den, MPFR_RNDN);
      mpfr_zeta (z, s, MPFR_RNDN);
      mpfr_sub_ui (z, z, 1, MPFR_RNDN);
      mpfr_div_ui (z, z, (unsigned long) k, MPFR_RNDN);
      mpfr_sub (acc, acc, z, MPFR_RNDN);
    }
  mpfr_exp (r, acc, MPFR_RNDN);
  mpfr_clears (s, z, acc, (mpfr_ptr) 0);
}
static void ref_prod1001 (mpfr_ptr r) { ref_prod_zeta (r, 1001, 1000, 200); }
static void ref_log2 (mpfr_ptr r) { mpfr_const_log2 (r, MPFR_RNDN); }
static void ref_zeta2 (mpfr_ptr r) { mpfr_const_pi (r, MPFR_RNDN); mpfr_sqr (r, r, MPFR_RNDN); mpfr_div_ui (r, r, 6, MPFR_RNDN); }
static void ref_half (mpfr_ptr r) { mpfr_set_d (r, 0.5, MPFR_RNDN); }
static void ref_one (mpfr_ptr r) { mpfr_set_ui (r, 1, MPFR_RNDN); }
static void ref_e (mpfr_ptr r) { mpfr_set_ui (r, 1, MPFR_RNDN); mpfr_exp (r, r, MPFR_RNDN); }
static void ref_bertrand (mpfr_ptr r) { mpfr_set_str (r, "2.1097428012368919744", 10, MPFR_RNDN); }
static void ref_sinhpi (mpfr_ptr r)
{
  mpfr_t pi;
  mpfr_init2 (pi, mpfr_get_prec (r));
  mpfr_const_pi (pi, MPFR_RNDN);
  mpfr_sinh (r, pi, MPFR_RNDN);
  mpfr_div (r, r, pi, MPFR_RNDN);
  mpfr_clear (pi);
}
static void ref_zeta2_plus_log2 (mpfr_ptr r)
{
  mpfr_t l;
  mpfr_init2 (l, mpfr_get_prec (r));
  ref_zeta2 (r);
  mpfr_const_log2 (l, MPFR_RNDN);
  mpfr_add (r, r, l, MPFR_RNDN);
  mpfr_clear (l);
}
/* 11/4 zeta(3) = 7/5 zeta(3) + 9/5 eta(3), eta(3) = 3/4 zeta(3) */
static void ref_zeta3_mix (mpfr_ptr r)
{
  mpfr_zeta_ui (r, 3, MPFR_RNDN);
  mpfr_mul_ui (r, r, 11, MPFR_RNDN);
  mpfr_div_ui (r, r, 4, MPFR_RNDN);
}
/* prod_{n>=1} (1 - x^2/n^2) = sin(pi x)/(pi x) with x^2 = 3/2 (Euler's
 * product): one negative factor (n = 1), a negative limit */
static void ref_sinc (mpfr_ptr r)
{
  mpfr_t x;
  mpfr_init2 (x, mpfr_get_prec (r));
  mpfr_set_d (x, 1.5, MPFR_RNDN);
  mpfr_sqrt (x, x, MPFR_RNDN);
  mpfr_const_pi (r, MPFR_RNDN);
  mpfr_mul (x, x, r, MPFR_RNDN);
  mpfr_sin (r, x, MPFR_RNDN);
  mpfr_div (r, r, x, MPFR_RNDN);
  mpfr_clear (x);
}
/* prod_{n>=2} (1 + 1/n^2) = sinh(pi)/(2 pi); prod_{n>=2} (1 + (-1)^n/n) = 1 */
static void ref_sinhpi_half (mpfr_ptr r) { ref_sinhpi (r); mpfr_div_2ui (r, r, 1, MPFR_RNDN); }
/* exp(zeta(2) - 1) / 2 = prod_{n>=2} exp(1/n^2) (1 - 1/n^2) */
static void ref_exp_prod (mpfr_ptr r)
{
  ref_zeta2 (r);
  mpfr_sub_ui (r, r, 1, MPFR_RNDN);
  mpfr_exp (r, r, MPFR_RNDN);
  mpfr_div_2ui (r, r, 1, MPFR_RNDN);
}
/* sum_{n>=1} 1/(n(n+1)) = 1 (telescoping) */
/* sum_{n>=0} (-1/3)^n = 3/4 */
static void ref_3q (mpfr_ptr r) { mpfr_set_d (r, 0.75, MPFR_RNDN); }
/* sum_{n>=1} (-1)^(n+1)/n^2 = pi^2/12 */
static void ref_eta2 (mpfr_ptr r) { ref_zeta2 (r); mpfr_div_2ui (r, r, 1, MPFR_RNDN); }

/* Direct summation references for fast-decaying terms (an independent
 * algorithm: plain MPFR loops, truncation error far below the tolerance). */
static void ref_fact_over_pow (mpfr_ptr r)
{
  /* sum_{n=1}^{400} n!/n^n; the rest is below 400!/400^400 * 2 < 1e-170 */
  mpfr_t t, u;
  mpfr_inits2 (mpfr_get_prec (r), t, u, (mpfr_ptr) 0);
  mpfr_set_zero (r, 1);
  for (unsigned long n = 1; n <= 400; n++)
    {
      mpfr_fac_ui (t, n, MPFR_RNDN);
      mpfr_ui_pow_ui (u, n, n, MPFR_RNDN);
      mpfr_div (t, t, u, MPFR_RNDN);
      mpfr_add (r, r, t, MPFR_RNDN);
    }
  mpfr_clears (t, u, (mpfr_ptr) 0);
}
static void ref_gauss (mpfr_ptr r)
{
  /* sum_{n=1}^{40} exp(-n^2); the rest is below exp(-1681) */
  mpfr_t t;
  mpfr_init2 (t, mpfr_get_prec (r));
  mpfr_set_zero (r, 1);
  for (long n = 1; n <= 40; n++)
    {
      mpfr_set_si (t, -n * n, MPFR_RNDN);
      mpfr_exp (t, t, MPFR_RNDN);
      mpfr_add (r, r, t, MPFR_RNDN);
    }
  mpfr_clear (t);
}

/* Certifies and checks verdict, containment of ref (known to rel_err),
 * digits >= min_digits, and width consistent with the digits claimed. */
static void check_case (const char *name, ic_kind kind, const char *term, unsigned long from, long digits,
                        ic_verdict want, ref_fn ref, double ref_rel_err, long min_digits, double max_seconds)
{
  ic_error err;
  ic_node *e = ic_term_parse (term, &err);
  if (!e) { nfail++; printf ("FAIL %s: parse: %s\n", name, err.msg); return; }
  ic_options opt;
  ic_options_default (&opt);
  opt.from = from;
  opt.digits = digits;
  /* the sanitized build runs about 10 times slower: the 10 s effort limit
   * would measure the build, not the engine (verdicts and containment are
   * still checked; the digits and time checks are skipped there).  A case
   * without a reference checks the verdict only, which every case here
   * reaches within about 2 s in the plain build (measured on a loaded
   * machine): 60 s there, so that an enclosure that cannot reach the
   * digits (1/(n log n (log log n)^(1 + 10^-6))) does not run for 150 s */
  if (sanitized) opt.timeout = ref ? 150 : 60;
  ic_result r;
  ic_result_init (&r);
  struct timespec t0, t1;
  clock_gettime (CLOCK_MONOTONIC, &t0);
  ic_status st = ic_certify (&r, kind, e, &opt, &err);
  clock_gettime (CLOCK_MONOTONIC, &t1);
  double secs = (double) (t1.tv_sec - t0.tv_sec) + 1e-9 * (double) (t1.tv_nsec - t0.tv_nsec);
  char n2[160];
  snprintf (n2, sizeof n2, "%s/status", name);
  OK (n2, st == IC_OK, "status %d: %s", st, err.msg);
  snprintf (n2, sizeof n2, "%s/verdict", name);
  OK (n2, r.verdict == want, "verdict %s, want %s", ic_verdict_name (kind, r.verdict), ic_verdict_name (kind, want));
  if (ref)
    {
      mpfr_t x, tol;
      mpfr_inits2 (RP, x, tol, (mpfr_ptr) 0);
      ref (x);
      mpfr_abs (tol, x, MPFR_RNDU);
      mpfr_mul_d (tol, tol, ref_rel_err, MPFR_RNDU);
      snprintf (n2, sizeof n2, "%s/contains-reference", name);
      int has = r.has_limit;
      mpfr_t a, b;
      mpfr_inits2 (RP, a, b, (mpfr_ptr) 0);
      mpfr_add (a, x, tol, MPFR_RNDU);
      mpfr_sub (b, x, tol, MPFR_RNDD);
      if (!(has && mpfr_lessequal_p (r.lo, a) && mpfr_greaterequal_p (r.hi, b)))
        {
          nfail++;
          mpfr_printf ("FAIL %s: reference %.25Rg not in [%.25Rg, %.25Rg] (has_limit %d)\n", n2, x, r.lo, r.hi, has);
        }
      else printf ("ok %s\n", n2);
      /* digits reached within the effort limit, and the time, depend on
       * the speed of the build: a sanitized build (5-20x slower) checks
       * containment and honesty only */
      snprintf (n2, sizeof n2, "%s/digits>=%ld", name, min_digits);
      OK (n2, sanitized || r.digits >= min_digits, "digits %ld", r.digits);
      /* the claimed digits are honest: width <= 10^(e - d + 1) with 10^e <= |x| */
      if (has && r.digits > 0)
        {
          mpfr_sub (a, r.hi, r.lo, MPFR_RNDU);
          mpfr_abs (b, x, MPFR_RNDD);
          mpfr_log10 (b, b, MPFR_RNDD);
          mpfr_floor (b, b);
          mpfr_sub_si (b, b, r.digits - 1, MPFR_RNDN);
          mpfr_exp10 (b, b, MPFR_RNDU);
          snprintf (n2, sizeof n2, "%s/width-matches-digits", name);
          OK (n2, mpfr_lessequal_p (a, b), "width too large for %ld digits", r.digits);
        }
      mpfr_clears (x, tol, a, b, (mpfr_ptr) 0);
    }
  snprintf (n2, sizeof n2, "%s/time<%gs", name, max_seconds);
  OK (n2, sanitized || secs < max_seconds, "took %.2f s", secs);
  ic_result_clear (&r);
  ic_node_free (e);
}

/* Two runs at different digits must overlap. */
static void check_overlap (const char *name, ic_kind kind, const char *term, unsigned long from, long d1, long d2)
{
  ic_error err;
  ic_node *e = ic_term_parse (term, &err);
  ic_options o1, o2;
  ic_options_default (&o1); ic_options_default (&o2);
  o1.from = o2.from = from; o1.digits = d1; o2.digits = d2;
  ic_result r1, r2;
  ic_result_init (&r1); ic_result_init (&r2);
  ic_certify (&r1, kind, e, &o1, &err);
  ic_certify (&r2, kind, e, &o2, &err);
  OK (name, r1.has_limit && r2.has_limit && mpfr_lessequal_p (r1.lo, r2.hi) && mpfr_lessequal_p (r2.lo, r1.hi)
      && r2.digits >= r1.digits, "enclosures at %ld and %ld digits do not overlap", d1, d2);
  ic_result_clear (&r1); ic_result_clear (&r2);
  ic_node_free (e);
}

/* Verdict only (no reference value needed). */
static void check_verdict (ic_kind kind, const char *term, unsigned long from, ic_verdict want)
{
  char name[200];
  snprintf (name, sizeof name, "verdict %s %s from %lu", kind == IC_KIND_SUM ? "sum" : "prod", term, from);
  check_case (name, kind, term, from, 10, want, NULL, 0, 0, 20.0);
}

int main (void)
{
  sanitized = getenv ("IC_TEST_SANITIZED") != NULL;
  setvbuf (stdout, NULL, _IOLBF, 0);
  /* the public table of the issue (10 s each) */
  check_case ("prod 1-n^-1.001", IC_KIND_PROD, "1 - n^-1.001", 2, 15, IC_CONVERGES, ref_prod1001, 1e-40, 6, 10);
  check_case ("prod 1-1/n", IC_KIND_PROD, "1 - 1/n", 2, 15, IC_DIVERGES_TO_ZERO, NULL, 0, 0, 10);
  check_case ("prod 1-1/n^2", IC_KIND_PROD, "1 - 1/n^2", 2, 15, IC_CONVERGES, ref_half, 0, 15, 10);
  check_case ("sum n^-1.001", IC_KIND_SUM, "n^-1.001", 1, 15, IC_CONVERGES, ref_zeta1001, 1e-60, 6, 10);
  check_case ("sum (-1)^(n+1)/n", IC_KIND_SUM, "(-1)^(n+1)/n", 1, 15, IC_CONVERGES, ref_log2, 0, 15, 10);
  check_case ("sum 1/n^2", IC_KIND_SUM, "1/n^2", 1, 15, IC_CONVERGES, ref_zeta2, 0, 15, 10);
  check_case ("sum 1/n", IC_KIND_SUM, "1/n", 1, 15, IC_DIVERGES, NULL, 0, 0, 10);
  check_case ("sum 1/(n log^2 n)", IC_KIND_SUM, "1/(n*log(n)^2)", 2, 15, IC_CONVERGES, ref_bertrand, 1e-19, 8, 10);
  /* more closed forms */
  check_case ("prod 1+1/n^2", IC_KIND_PROD, "1 + 1/n^2", 1, 20, IC_CONVERGES, ref_sinhpi, 0, 20, 10);
  check_case ("prod (n^2-1)/n^2", IC_KIND_PROD, "(n^2-1)/n^2", 2, 12, IC_CONVERGES, ref_half, 0, 10, 10);
  check_case ("sum 1/factorial(n)", IC_KIND_SUM, "1/factorial(n)", 0, 30, IC_CONVERGES, ref_e, 0, 30, 10);
  check_case ("sum (-1/3)^n", IC_KIND_SUM, "(-1/3)^n", 0, 30, IC_CONVERGES, ref_3q, 0, 30, 10);
  check_case ("sum 1/(n(n+1))", IC_KIND_SUM, "1/(n*(n+1))", 1, 12, IC_CONVERGES, ref_one, 0, 8, 10);
  check_case ("sum (-1)^(n+1)/n^2", IC_KIND_SUM, "(-1)^(n+1)/n^2", 1, 25, IC_CONVERGES, ref_eta2, 0, 25, 10);
  check_case ("prod 1+(-1)^n/n", IC_KIND_PROD, "1 + (-1)^n/n", 2, 4, IC_CONVERGES, ref_one, 0, 4, 10);
  check_case ("sum n!/n^n", IC_KIND_SUM, "factorial(n)/n^n", 1, 30, IC_CONVERGES, ref_fact_over_pow, 1e-150, 30, 10);
  check_case ("sum exp(-n^2)", IC_KIND_SUM, "exp(-n^2)", 1, 30, IC_CONVERGES, ref_gauss, 1e-150, 30, 10);
  check_case ("prod 1-3/(2n^2) (negative factor)", IC_KIND_PROD, "1 - 3/(2*n^2)", 1, 25, IC_CONVERGES, ref_sinc, 0, 25, 10);
  /* sums of series decided separately, tails split by summand / factor */
  check_case ("sum 1/n^2 - (-1)^n/n", IC_KIND_SUM, "1/n^2 - (-1)^n/n", 1, 30, IC_CONVERGES, ref_zeta2_plus_log2, 0, 30, 10);
  check_case ("prod exp(1/n^2)(1-1/n^2)", IC_KIND_PROD, "exp(1/n^2)*(1 - 1/n^2)", 2, 30, IC_CONVERGES, ref_exp_prod, 0, 30, 10);
  /* regression: an alternating summand with a negative h in a split tail
   * (its sign was flipped twice; found by the soundness generator) */
  check_case ("sum 7/5 n^-3 - 9/5 (-1)^n/n^3", IC_KIND_SUM, "(7/5)*n^-3 + (-1)^(n)*(-9/5)/n^3", 1, 20, IC_CONVERGES, ref_zeta3_mix, 0, 20, 10);
  check_case ("prod (1+1/n^2)(1+(-1)^n/n)", IC_KIND_PROD, "(1 + 1/n^2)*(1 + (-1)^n/n)", 2, 4, IC_CONVERGES, ref_sinhpi_half, 0, 4, 10);
  check_verdict (IC_KIND_PROD, "(1 + 1/n^2)/(1 + (-1)^n/n)", 2, IC_CONVERGES);
  check_verdict (IC_KIND_PROD, "(1 + (-1)^n/n)*(1 - 1/n)", 2, IC_DIVERGES_TO_ZERO);
  check_verdict (IC_KIND_PROD, "(1 + (-1)^n/n)*(1 + 1/n)", 2, IC_DIVERGES);
  check_verdict (IC_KIND_PROD, "(1 + (-1)^n/n)/(1 - 1/n)", 2, IC_DIVERGES);
  check_verdict (IC_KIND_SUM, "1/n + (-1)^n/n", 1, IC_DIVERGES);
  check_verdict (IC_KIND_SUM, "1/n - 1/n", 1, IC_CONVERGES);      /* exactly 0 */
  check_verdict (IC_KIND_SUM, "1/n^2 + sin(n)/n", 1, IC_CONVERGES); /* comparison + Dirichlet */
  /* high precision */
  /* the zeta reference is good to about 1e-60 (200 terms) */
  check_case ("prod 1-n^-1.001 @1000", IC_KIND_PROD, "1 - n^-1.001", 2, 1000, IC_CONVERGES, ref_prod1001, 1e-55, 1000, 10);
  /* consistency */
  check_overlap ("overlap sum 1/n^2 15/60", IC_KIND_SUM, "1/n^2", 1, 15, 60);
  check_overlap ("overlap prod 1-n^-1.001 10/50", IC_KIND_PROD, "1 - n^-1.001", 2, 10, 50);
  check_overlap ("overlap sum 1/(n log^2 n) 8/30", IC_KIND_SUM, "1/(n*log(n)^2)", 2, 8, 30);
  /* verdict table: decided cases */
  check_verdict (IC_KIND_SUM, "1/(n*log(n))", 2, IC_DIVERGES);
  check_verdict (IC_KIND_SUM, "1/(n*log(n)^1.01)", 2, IC_CONVERGES);
  check_verdict (IC_KIND_SUM, "n^-0.999", 1, IC_DIVERGES);
  check_verdict (IC_KIND_SUM, "(-1)^n/sqrt(n)", 1, IC_CONVERGES);
  check_verdict (IC_KIND_SUM, "(-1)^n", 1, IC_DIVERGES);
  check_verdict (IC_KIND_SUM, "cos(n)/n^2", 1, IC_CONVERGES);
  check_verdict (IC_KIND_SUM, "2^n/factorial(n)", 0, IC_CONVERGES);
  check_verdict (IC_KIND_SUM, "n^10*0.99^n", 1, IC_CONVERGES);
  check_verdict (IC_KIND_SUM, "1.01^n/n^100", 1, IC_DIVERGES);
  check_verdict (IC_KIND_SUM, "1 - cos(1/n)", 1, IC_CONVERGES);
  check_verdict (IC_KIND_SUM, "sin(1/n)", 1, IC_DIVERGES);
  check_verdict (IC_KIND_SUM, "log(1 + 1/n)", 1, IC_DIVERGES);
  check_verdict (IC_KIND_SUM, "exp(-n)", 0, IC_CONVERGES);
  check_verdict (IC_KIND_PROD, "1 + 1/n", 1, IC_DIVERGES);
  check_verdict (IC_KIND_PROD, "1/2", 1, IC_DIVERGES_TO_ZERO);
  check_verdict (IC_KIND_PROD, "1 - 1/n", 1, IC_ZERO_FACTOR);
  check_verdict (IC_KIND_PROD, "(n-3)/n", 1, IC_ZERO_FACTOR);
  check_verdict (IC_KIND_PROD, "exp(1/n^2)", 1, IC_CONVERGES);
  check_verdict (IC_KIND_PROD, "-1", 1, IC_DIVERGES);  /* partial products -1, 1, -1, ...: no limit */
  /* boundary cases that must come back unknown, never wrong */
  check_verdict (IC_KIND_SUM, "sin(n)/n", 1, IC_CONVERGES);        /* Dirichlet (src/dirichlet.c) */
  check_verdict (IC_KIND_SUM, "(-1)^n*(1 + (-1)^n)/n", 1, IC_DIVERGES); /* alpha + (-1)^n beta: alpha = 1/n */
  check_verdict (IC_KIND_SUM, "n^n/factorial(n)", 1, IC_DIVERGES);
  check_verdict (IC_KIND_SUM, "exp(-sqrt(n))", 1, IC_CONVERGES);
  check_verdict (IC_KIND_SUM, "n^100*exp(-n^0.1)", 1, IC_UNKNOWN);  /* converges; needs n > 10^30 */
  check_verdict (IC_KIND_SUM, "(-1)^n*(2 + (-1)^n)/n", 1, IC_DIVERGES); /* alpha = 1/n diverges */
  check_verdict (IC_KIND_SUM, "1/(n*log(n)*log(log(n)))", 16, IC_DIVERGES); /* Bertrand, level 3 (lscale.c) */
  check_verdict (IC_KIND_SUM, "1/(n*log(n)*log(log(n))^(1+1/10^6))", 16, IC_CONVERGES);
  printf ("%d failed\n", nfail);
  return nfail ? 1 : 0;
}
