/* test_kern_basic.c — runtime checks of the verified kernels (verdict, tail,
 * enclose).  Containment is always checked against an independent
 * reference: a closed form, exact rationals (GMP) or a higher-precision
 * computation — never the function under test. */
#include <stdio.h>
#include <string.h>
#include <limits.h>
#include "ival.h"
#include "tail.h"
#include "enclose.h"
#include "verdict.h"

static int nfail;

static void check (int cond, const char *name, const char *detail)
{
  if (cond) printf ("ok %s\n", name);
  else { printf ("FAIL %s %s\n", name, detail ? detail : ""); nfail++; }
}

/* lo <= ref <= hi, with a printout on failure. */
static void check_contains (ic_ival_srcptr x, mpfr_srcptr ref, const char *name)
{
  char buf[512];
  int ok = mpfr_lessequal_p (x->lo, ref) && mpfr_lessequal_p (ref, x->hi);
  mpfr_snprintf (buf, sizeof buf, "[%.20Rg, %.20Rg] does not contain %.25Rg",
                 x->lo, x->hi, ref);
  check (ok, name, buf);
}

static void ival_set_d2 (ic_ival_ptr x, double lo, double hi)
{
  mpfr_set_d (x->lo, lo, MPFR_RNDD);
  mpfr_set_d (x->hi, hi, MPFR_RNDU);
}

/* ref = sum_{n=a}^{b} n^alpha (log n)^beta at precision of ref (RNDN; used
 * with a precision far above the bound widths). */
static void partial_powerlog (mpfr_ptr ref, long alpha, long beta,
                              unsigned long a, unsigned long b)
{
  mpfr_t t, l;
  mpfr_init2 (t, mpfr_get_prec (ref));
  mpfr_init2 (l, mpfr_get_prec (ref));
  mpfr_set_zero (ref, 1);
  for (unsigned long n = a; n <= b; n++)
    {
      mpfr_set_ui (t, n, MPFR_RNDN);
      mpfr_log (l, t, MPFR_RNDN);
      mpfr_pow_si (t, t, alpha, MPFR_RNDN);
      mpfr_pow_si (l, l, beta, MPFR_RNDN);
      mpfr_mul (t, t, l, MPFR_RNDN);
      mpfr_add (ref, ref, t, MPFR_RNDN);
    }
  mpfr_clear (t); mpfr_clear (l);
}

static void test_powerlog (void)
{
  ic_ival_t out, a, b, out2;
  mpfr_t ref, t;
  ic_ival_init2 (out, 128); ic_ival_init2 (a, 128); ic_ival_init2 (b, 128);
  ic_ival_init2 (out2, 128);
  mpfr_init2 (ref, 400); mpfr_init2 (t, 400);

  /* alpha = -2, beta = 0, N = 10: tail = pi^2/6 - sum_{n<=10} 1/n^2. */
  ic_ival_set_si (a, -2); ic_ival_set_si (b, 0);
  check (ic_tail_powerlog (out, a, b, 10) == IC_IVAL_OK, "powerlog_p2_status", 0);
  mpfr_const_pi (ref, MPFR_RNDN);
  mpfr_sqr (ref, ref, MPFR_RNDN);
  mpfr_div_ui (ref, ref, 6, MPFR_RNDN);
  partial_powerlog (t, -2, 0, 1, 10);
  mpfr_sub (ref, ref, t, MPFR_RNDN);
  check_contains (out, ref, "powerlog_p2_N10_contains_zeta2_tail");
  /* the integral bracketing is tight to O(N^-2): width <= 1/10 - 1/11 */
  mpfr_sub (t, out->hi, out->lo, MPFR_RNDU);
  check (mpfr_cmp_d (t, 1.0 / 10 - 1.0 / 11 + 1e-12) <= 0, "powerlog_p2_width", 0);

  /* alpha = -4, N = 3: tail = pi^4/90 - 1 - 1/16 - 1/81. */
  ic_ival_set_si (a, -4);
  check (ic_tail_powerlog (out, a, b, 3) == IC_IVAL_OK, "powerlog_p4_status", 0);
  mpfr_const_pi (ref, MPFR_RNDN);
  mpfr_pow_ui (ref, ref, 4, MPFR_RNDN);
  mpfr_div_ui (ref, ref, 90, MPFR_RNDN);
  partial_powerlog (t, -4, 0, 1, 3);
  mpfr_sub (ref, ref, t, MPFR_RNDN);
  check_contains (out, ref, "powerlog_p4_N3_contains_zeta4_tail");

  /* alpha = -2, beta = 1, N = 10: -zeta'(2) = 0.93754825431584375370257409... */
  ic_ival_set_si (a, -2); ic_ival_set_si (b, 1);
  check (ic_tail_powerlog (out, a, b, 10) == IC_IVAL_OK, "powerlog_p2_log1_status", 0);
  mpfr_set_str (ref, "0.937548254315843753702574094567864977897860", 10, MPFR_RNDN);
  partial_powerlog (t, -2, 1, 2, 10);
  mpfr_sub (ref, ref, t, MPFR_RNDN);
  check_contains (out, ref, "powerlog_p2_log1_N10_contains_zeta_prime_tail");

  /* alpha = -2, beta = -1: consistency of two splits, N = 10 and N = 1000:
   * tail(10) must meet partial(11..1000) + tail(1000). */
  ic_ival_set_si (b, -1);
  check (ic_tail_powerlog (out, a, b, 10) == IC_IVAL_OK
         && ic_tail_powerlog (out2, a, b, 1000) == IC_IVAL_OK,
         "powerlog_p2_logm1_status", 0);
  partial_powerlog (t, -2, -1, 11, 1000);
  mpfr_add (out2->lo, out2->lo, t, MPFR_RNDD);
  mpfr_add (out2->hi, out2->hi, t, MPFR_RNDU);
  check (mpfr_lessequal_p (out->lo, out2->hi) && mpfr_lessequal_p (out2->lo, out->hi),
         "powerlog_p2_logm1_split_consistent", 0);
  check (mpfr_lessequal_p (out->lo, out2->lo) && mpfr_lessequal_p (out2->hi, out->hi),
         "powerlog_p2_logm1_split_nested", 0);

  /* Bertrand: alpha = -1, beta = -2, splits N = 10 and N = 2000. */
  ic_ival_set_si (a, -1); ic_ival_set_si (b, -2);
  check (ic_tail_powerlog (out, a, b, 10) == IC_IVAL_OK
         && ic_tail_powerlog (out2, a, b, 2000) == IC_IVAL_OK,
         "powerlog_bertrand_status", 0);
  partial_powerlog (t, -1, -2, 11, 2000);
  mpfr_add (out2->lo, out2->lo, t, MPFR_RNDD);
  mpfr_add (out2->hi, out2->hi, t, MPFR_RNDU);
  check (mpfr_lessequal_p (out->lo, out2->hi) && mpfr_lessequal_p (out2->lo, out->hi),
         "powerlog_bertrand_split_consistent", 0);
  /* closed-form bracket: [1/log 11, 1/log 10] */
  mpfr_set_ui (t, 10, MPFR_RNDN); mpfr_log (t, t, MPFR_RNDN); mpfr_ui_div (t, 1, t, MPFR_RNDN);
  mpfr_sub (t, out->hi, t, MPFR_RNDN);
  check (mpfr_sgn (t) >= 0 && mpfr_cmp_d (t, 1e-30) < 0, "powerlog_bertrand_hi_is_1_over_log10", 0);
  mpfr_set_ui (t, 11, MPFR_RNDN); mpfr_log (t, t, MPFR_RNDN); mpfr_ui_div (t, 1, t, MPFR_RNDN);
  mpfr_sub (t, t, out->lo, MPFR_RNDN);
  check (mpfr_sgn (t) >= 0 && mpfr_cmp_d (t, 1e-30) < 0, "powerlog_bertrand_lo_is_1_over_log11", 0);
  check (mpfr_sgn (out->lo) > 0 && mpfr_less_p (out->lo, out->hi), "powerlog_bertrand_lo_pos", 0);
  /* Bertrand with N = 2 (log 2 < 1: the other rounding branch) */
  check (ic_tail_powerlog (out, a, b, 2) == IC_IVAL_OK, "powerlog_bertrand_N2_status", 0);
  partial_powerlog (t, -1, -2, 3, 2000);
  check (mpfr_less_p (t, out->hi), "powerlog_bertrand_N2_above_partial", 0);

  /* alpha an interval [-2.01, -1.99] encloses the point values -2 +- 0.01 */
  ival_set_d2 (a, -2.01, -1.99); ic_ival_set_si (b, 0);
  check (ic_tail_powerlog (out, a, b, 10) == IC_IVAL_OK, "powerlog_interval_status", 0);
  ic_ival_set_si (a, -2);
  ic_tail_powerlog (out2, a, b, 10);
  check (mpfr_lessequal_p (out->lo, out2->lo) && mpfr_lessequal_p (out2->hi, out->hi),
         "powerlog_interval_contains_point", 0);

  /* Hypotheses that fail: EDOM and the whole line. */
  ic_ival_set_si (a, -1); ic_ival_set_si (b, -1);
  check (ic_tail_powerlog (out, a, b, 10) == IC_IVAL_EDOM && mpfr_inf_p (out->lo)
         && mpfr_inf_p (out->hi), "powerlog_harmonic_log_edom", 0);
  ic_ival_set_si (b, 0);
  check (ic_tail_powerlog (out, a, b, 10) == IC_IVAL_EDOM, "powerlog_harmonic_edom", 0);
  ival_set_d2 (a, -0.5, -0.5);
  check (ic_tail_powerlog (out, a, b, 10) == IC_IVAL_EDOM, "powerlog_divergent_edom", 0);
  ic_ival_set_si (a, -2);
  check (ic_tail_powerlog (out, a, b, 1) == IC_IVAL_EDOM, "powerlog_N1_edom", 0);
  check (ic_tail_powerlog (out, a, b, ULONG_MAX) == IC_IVAL_EDOM, "powerlog_Nmax_edom", 0);
  ival_set_d2 (a, -1.1, -1.1); ic_ival_set_si (b, 5);
  check (ic_tail_powerlog (out, a, b, 2) == IC_IVAL_EDOM, "powerlog_large_beta_small_N_edom", 0);
  ival_set_d2 (a, -2.5, -0.5); ic_ival_set_si (b, 0);
  check (ic_tail_powerlog (out, a, b, 10) == IC_IVAL_EDOM, "powerlog_straddle_edom", 0);
  ic_ival_set_full (a);
  check (ic_tail_powerlog (out, a, b, 10) == IC_IVAL_EDOM, "powerlog_infinite_alpha_edom", 0);

  ic_ival_clear (out); ic_ival_clear (a); ic_ival_clear (b); ic_ival_clear (out2);
  mpfr_clear (ref); mpfr_clear (t);
}

static void test_geometric_leibniz_scale (void)
{
  ic_ival_t out, f, r, g, t;
  mpfr_t ref;
  ic_ival_init2 (out, 64); ic_ival_init2 (f, 64); ic_ival_init2 (r, 64);
  ic_ival_init2 (g, 64); ic_ival_init2 (t, 64);
  mpfr_init2 (ref, 200);

  /* sum_{n>5} 3^-n = 3^-6 / (1 - 1/3) = 1 / (2 * 3^5); first = 3^-6 (rounded),
   * rho = 1/3 (rounded outward). */
  mpfr_set_ui (f->lo, 729, MPFR_RNDN); mpfr_ui_div (f->lo, 1, f->lo, MPFR_RNDD);
  mpfr_set_ui (f->hi, 729, MPFR_RNDN); mpfr_ui_div (f->hi, 1, f->hi, MPFR_RNDU);
  mpfr_set_ui (r->lo, 1, MPFR_RNDN); mpfr_div_ui (r->lo, r->lo, 3, MPFR_RNDD);
  mpfr_set_ui (r->hi, 1, MPFR_RNDN); mpfr_div_ui (r->hi, r->hi, 3, MPFR_RNDU);
  check (ic_tail_geometric (out, f, r) == IC_IVAL_OK, "geometric_status", 0);
  mpfr_set_ui (ref, 486, MPFR_RNDN); mpfr_ui_div (ref, 1, ref, MPFR_RNDN);
  check_contains (out, ref, "geometric_third_contains");
  ic_ival_set_si (r, 1);
  check (ic_tail_geometric (out, f, r) == IC_IVAL_EDOM, "geometric_rho1_edom", 0);
  ival_set_d2 (r, -0.1, 0.5);
  check (ic_tail_geometric (out, f, r) == IC_IVAL_EDOM, "geometric_rho_neg_edom", 0);
  ival_set_d2 (r, 0.5, 0.5); ival_set_d2 (f, -2, -1);
  check (ic_tail_geometric (out, f, r) == IC_IVAL_EDOM, "geometric_first_neg_edom", 0);

  /* Leibniz: sum_{n>N} (-1)^(n+1)/n for N = 4: = log 2 - (1 - 1/2 + 1/3 - 1/4),
   * a(5) = 1/5 > 0. */
  ival_set_d2 (f, 0.2, 0.2); mpfr_nextabove (f->hi); mpfr_nextbelow (f->lo);
  ic_tail_leibniz (out, f);
  mpfr_const_log2 (ref, MPFR_RNDN);
  mpfr_sub_d (ref, ref, 1.0 - 0.5 + 1.0 / 3 - 0.25, MPFR_RNDN);
  check_contains (out, ref, "leibniz_log2_tail_contains");
  check (mpfr_zero_p (out->lo), "leibniz_lo_zero", 0);
  ival_set_d2 (f, -0.3, -0.2);
  ic_tail_leibniz (out, f);
  check (mpfr_cmp_d (out->lo, -0.3) == 0 && mpfr_zero_p (out->hi), "leibniz_negative_hull", 0);

  /* Scale: g = [1, 2], t = [3, 4] -> [3, 8]; g = [-1, 2] -> [-4, 8] */
  ival_set_d2 (g, 1, 2); ival_set_d2 (t, 3, 4);
  ic_tail_scale (out, g, t);
  check (mpfr_cmp_d (out->lo, 3) <= 0 && mpfr_cmp_d (out->hi, 8) >= 0, "scale_pos", 0);
  ival_set_d2 (g, -1, 2);
  ic_tail_scale (out, g, t);
  check (mpfr_cmp_d (out->lo, -4) <= 0 && mpfr_cmp_d (out->hi, 8) >= 0, "scale_mixed", 0);

  ic_ival_clear (out); ic_ival_clear (f); ic_ival_clear (r);
  ic_ival_clear (g); ic_ival_clear (t); mpfr_clear (ref);
}

/* sum_{n>=2} log(1 + 1/n^2) = log(sinh(pi) / (2 pi)); with S1 = zeta(2) - 1,
 * S2 = zeta(4) - 1, m = 0. */
static void test_log1p (void)
{
  ic_ival_t out, s1, s2;
  mpfr_t ref, pi, m;
  ic_ival_init2 (out, 128); ic_ival_init2 (s1, 128); ic_ival_init2 (s2, 128);
  mpfr_init2 (ref, 300); mpfr_init2 (pi, 300); mpfr_init2 (m, 64);
  mpfr_const_pi (pi, MPFR_RNDN);
  mpfr_sqr (ref, pi, MPFR_RNDN); mpfr_div_ui (ref, ref, 6, MPFR_RNDN);
  mpfr_sub_ui (ref, ref, 1, MPFR_RNDN);
  mpfr_set (s1->lo, ref, MPFR_RNDD); mpfr_set (s1->hi, ref, MPFR_RNDU);
  mpfr_nextbelow (s1->lo); mpfr_nextabove (s1->hi);
  mpfr_pow_ui (ref, pi, 4, MPFR_RNDN); mpfr_div_ui (ref, ref, 90, MPFR_RNDN);
  mpfr_sub_ui (ref, ref, 1, MPFR_RNDN);
  mpfr_set (s2->lo, ref, MPFR_RNDD); mpfr_set (s2->hi, ref, MPFR_RNDU);
  mpfr_nextbelow (s2->lo); mpfr_nextabove (s2->hi);
  mpfr_set_zero (m, 1);
  check (ic_tail_log1p (out, s1, s2, m) == IC_IVAL_OK, "log1p_status", 0);
  mpfr_sinh (ref, pi, MPFR_RNDN);
  mpfr_div (ref, ref, pi, MPFR_RNDN);
  mpfr_div_ui (ref, ref, 2, MPFR_RNDN);
  mpfr_log (ref, ref, MPFR_RNDN);
  check_contains (out, ref, "log1p_sinh_pi_contains");
  mpfr_set_si (m, -1, MPFR_RNDN);
  check (ic_tail_log1p (out, s1, s2, m) == IC_IVAL_EDOM, "log1p_m_minus1_edom", 0);
  mpfr_set_d (m, 0.5, MPFR_RNDN);
  check (ic_tail_log1p (out, s1, s2, m) == IC_IVAL_EDOM, "log1p_m_positive_edom", 0);
  /* aliasing: out = s1 */
  mpfr_set_d (m, -0.5, MPFR_RNDN);
  ival_set_d2 (s1, 1, 2); ival_set_d2 (s2, 0, 0.5);
  ic_tail_log1p (s1, s1, s2, m);
  check (mpfr_cmp_d (s1->lo, 0.5) <= 0 && mpfr_cmp_d (s1->hi, 2) == 0, "log1p_alias", 0);
  ic_ival_clear (out); ic_ival_clear (s1); ic_ival_clear (s2);
  mpfr_clear (ref); mpfr_clear (pi); mpfr_clear (m);
}

static void test_accum_enclose (void)
{
  enum { K = 100 };
  ic_ival_struct t[K];
  ic_ival_t s, out, lt;
  mpq_t q, h;
  mpfr_t ref;
  mpq_init (q); mpq_init (h); mpfr_init2 (ref, 300);
  ic_ival_init2 (s, 64); ic_ival_init2 (out, 64); ic_ival_init2 (lt, 64);

  /* H_100 = sum 1/n, exact rational reference */
  for (int i = 0; i < K; i++)
    {
      ic_ival_init2 (&t[i], 64);
      mpq_set_ui (q, 1, (unsigned long) i + 1);
      ic_ival_set_q (&t[i], q);
      mpq_add (h, h, q);
    }
  ic_ival_set_si (s, 0);
  ic_accum_sum (s, t, K);
  mpfr_set_q (ref, h, MPFR_RNDN);
  check_contains (s, ref, "accum_sum_harmonic100_contains");
  ic_accum_sum (s, t, 0);
  check_contains (s, ref, "accum_sum_empty_unchanged");

  /* prod_{n=2}^{101} (1 - 1/n^2) = 102 / 202 = 51/101 */
  for (int i = 0; i < K; i++)
    {
      unsigned long n = (unsigned long) i + 2;
      mpq_set_ui (q, n * n - 1, n * n);
      mpq_canonicalize (q);
      ic_ival_set_q (&t[i], q);
    }
  ic_ival_set_si (s, 1);
  ic_accum_prod (s, t, K);
  mpfr_set_ui (ref, 51, MPFR_RNDN); mpfr_div_ui (ref, ref, 101, MPFR_RNDN);
  check_contains (s, ref, "accum_prod_telescoping_contains");

  /* enclose_prod: partial = [2, 3], logtail = [0, log 2] -> contains 2 * sqrt 2 */
  ival_set_d2 (s, 2, 3);
  mpfr_set_zero (lt->lo, 1);
  mpfr_const_log2 (lt->hi, MPFR_RNDU);
  ic_enclose_prod (out, s, lt);
  mpfr_sqrt_ui (ref, 2, MPFR_RNDN); mpfr_mul_ui (ref, ref, 2, MPFR_RNDN);
  check_contains (out, ref, "enclose_prod_contains");
  mpfr_set_ui (ref, 6, MPFR_RNDN);
  check_contains (out, ref, "enclose_prod_contains_max");
  ival_set_d2 (lt, 0.25, 0.5);
  ic_enclose_sum (out, s, lt);
  check (mpfr_cmp_d (out->lo, 2.25) <= 0 && mpfr_cmp_d (out->hi, 3.5) >= 0, "enclose_sum", 0);

  for (int i = 0; i < K; i++) ic_ival_clear (&t[i]);
  ic_ival_clear (s); ic_ival_clear (out); ic_ival_clear (lt);
  mpq_clear (q); mpq_clear (h); mpfr_clear (ref);
}

/* Independent check of a digit count: with e = floor(log10 min|x|) (at
 * high precision), hi - lo <= 10^(e - d + 1) must hold, and the count must
 * be within one of the largest such d (rounding may lose one digit). */
static void check_digits (double lo, double hi, long cap, long expect_min,
                          long expect_max, const char *name)
{
  ic_ival_t x;
  mpfr_t m, w, p;
  long d, e;
  char buf[200];
  ic_ival_init2 (x, 53);
  ival_set_d2 (x, lo, hi);
  d = ic_enclose_digits (x, cap);
  mpfr_init2 (m, 300); mpfr_init2 (w, 300); mpfr_init2 (p, 300);
  snprintf (buf, sizeof buf, "lo=%.17g hi=%.17g cap=%ld d=%ld expected [%ld,%ld]",
            lo, hi, cap, d, expect_min, expect_max);
  int ok = d >= expect_min && d <= expect_max && d >= 0 && d <= (cap < 0 ? 0 : cap);
  if (ok && d > 0 && !mpfr_equal_p (x->lo, x->hi))
    {
      mpfr_abs (m, x->lo, MPFR_RNDN); mpfr_abs (w, x->hi, MPFR_RNDN);
      mpfr_min (m, m, w, MPFR_RNDN);
      mpfr_log10 (m, m, MPFR_RNDN);
      e = mpfr_get_si (m, MPFR_RNDD);
      mpfr_sub (w, x->hi, x->lo, MPFR_RNDN);           /* exact at 300 bits */
      mpfr_set_ui (p, 10, MPFR_RNDN);
      mpfr_pow_si (p, p, e - d + 1, MPFR_RNDN);
      ok = mpfr_lessequal_p (w, p);
    }
  check (ok, name, buf);
  ic_ival_clear (x); mpfr_clear (m); mpfr_clear (w); mpfr_clear (p);
}

static void test_digits (void)
{
  check_digits (1.2345, 1.2346, 100, 4, 5, "digits_1e-4");
  check_digits (-1.2346, -1.2345, 100, 4, 5, "digits_negative");
  check_digits (123456.0, 123457.0, 100, 6, 6, "digits_large");
  check_digits (1.0, 1.0 + 0x1p-52, 100, 15, 16, "digits_ulp");
  check_digits (1.0, 1.0, 15, 15, 15, "digits_exact_capped");
  check_digits (1.0, 1.0 + 0x1p-52, 10, 10, 10, "digits_capped");
  check_digits (-1.0, 1.0, 100, 0, 0, "digits_contains_zero");
  check_digits (0.0, 1.0, 100, 0, 0, "digits_zero_endpoint");
  check_digits (1.0, 1000.0, 100, 0, 0, "digits_wide");
  check_digits (1.0, 1.5, 0, 0, 0, "digits_cap0");
  check_digits (1.0, 1.5, -3, 0, 0, "digits_cap_negative");
  check_digits (1e-300, 1.0000001e-300, 100, 7, 8, "digits_tiny");
  ic_ival_t x;
  ic_ival_init2 (x, 53);
  ic_ival_set_full (x);
  check (ic_enclose_digits (x, 15) == 0, "digits_infinite", 0);
  mpfr_set_ui (x->lo, 1, MPFR_RNDN);
  check (ic_enclose_digits (x, 15) == 0, "digits_half_infinite", 0);
  ic_ival_clear (x);
}

static void test_prec (void)
{
  long p = ic_prec_for_digits (15, 10, 100000);
  check (p == 60, "prec_15_digits", 0);            /* ceil(15*3.3222)=50, +10 */
  /* bits >= digits log2 10 for many digits (checked in double + margin) */
  int ok = 1;
  for (long d = 0; d < 100000; d += 7)
    {
      long b = ic_prec_for_digits (d, 0, LONG_MAX);
      if (b < 2 || (double) b < d * 3.321928094887362 || b > d * 3.3223 + 2) ok = 0;
    }
  check (ok, "prec_covers_log2_10", 0);
  check (ic_prec_for_digits (LONG_MAX, 10, 5000) == 5000, "prec_digits_max_capped", 0);
  check (ic_prec_for_digits (100, LONG_MAX, 5000) == 5000, "prec_extra_max_capped", 0);
  check (ic_prec_for_digits (LONG_MAX, LONG_MAX, LONG_MAX) == LONG_MAX, "prec_no_overflow", 0);
  check (ic_prec_for_digits (-5, 3, 5000) == 3, "prec_negative_digits", 0);
  check (ic_prec_for_digits (0, 0, 5000) == 2, "prec_min_2", 0);
  check (ic_prec_for_digits (10, 10, 1) == 2, "prec_bad_cap", 0);
  check (ic_prec_for_digits (1000, 0, 64) == 64, "prec_capped", 0);
}

static void test_verdict_sum (void)
{
  static const struct { int env, sign, alt, dec, v, rule; const char *name; } T[] = {
    { IC_ENV_SUMMABLE, 0, 0, 0, IC_V_CONVERGES, IC_RULE_COMPARISON, "sum_summable" },
    { IC_ENV_SUMMABLE, 1, 1, 0, IC_V_CONVERGES, IC_RULE_COMPARISON, "sum_summable_alt" },
    { IC_ENV_NOT_DECAYING, 1, 0, 0, IC_V_DIVERGES, IC_RULE_TERM_TEST, "sum_term_test" },
    { IC_ENV_NOT_DECAYING, -1, 1, 1, IC_V_DIVERGES, IC_RULE_TERM_TEST, "sum_term_test_alt" },
    { IC_ENV_NOT_DECAYING, 0, 0, 0, IC_V_UNKNOWN, IC_RULE_NONE, "sum_not_decaying_no_sign_unknown" },
    { IC_ENV_DECAYS, 1, 0, 0, IC_V_DIVERGES, IC_RULE_LOWER_COMPARISON, "sum_harmonic_diverges" },
    { IC_ENV_DECAYS, -1, 0, 1, IC_V_DIVERGES, IC_RULE_LOWER_COMPARISON, "sum_neg_harmonic_diverges" },
    { IC_ENV_DECAYS, 0, 0, 1, IC_V_UNKNOWN, IC_RULE_NONE, "sum_decays_no_sign_unknown" },
    { IC_ENV_DECAYS, 1, 1, 1, IC_V_CONVERGES, IC_RULE_LEIBNIZ, "sum_leibniz" },
    { IC_ENV_DECAYS, 1, 1, 0, IC_V_UNKNOWN, IC_RULE_NONE, "sum_alt_non_monotone_unknown" },
    { IC_ENV_DECAYS, 0, 1, 1, IC_V_UNKNOWN, IC_RULE_NONE, "sum_alt_no_sign_unknown" },
    { IC_ENV_NONE, 1, 0, 1, IC_V_UNKNOWN, IC_RULE_NONE, "sum_none_unknown" },
    { IC_ENV_NONE, 1, 1, 1, IC_V_UNKNOWN, IC_RULE_NONE, "sum_none_alt_unknown" },
    { 17, 1, 0, 0, IC_V_UNKNOWN, IC_RULE_NONE, "sum_bad_env_unknown" },
  };
  for (size_t i = 0; i < sizeof T / sizeof T[0]; i++)
    {
      ic_seq_facts f = { T[i].env, T[i].sign, T[i].alt, T[i].dec };
      int rule = -1, v = ic_verdict_sum (&f, &rule);
      char buf[100];
      snprintf (buf, sizeof buf, "verdict %d rule %d, expected %d %d", v, rule, T[i].v, T[i].rule);
      check (v == T[i].v && rule == T[i].rule, T[i].name, buf);
    }
}

static void test_verdict_prod (void)
{
  static const struct { int zf, env, sign, alt, dec, u2, small, large, nz, v, rule;
                        const char *name; } T[] = {
    { 1, IC_ENV_SUMMABLE, 1, 0, 0, 0, 0, 0, 0, IC_V_ZERO_FACTOR, IC_RULE_ZERO_FACTOR, "prod_zero_factor" },
    { 1, IC_ENV_SUMMABLE, 1, 0, 0, 0, 0, 0, 1, IC_V_ZERO_FACTOR, IC_RULE_ZERO_FACTOR, "prod_zero_factor_first" },
    { 0, IC_ENV_SUMMABLE, 1, 0, 0, 0, 0, 0, 1, IC_V_CONVERGES, IC_RULE_PROD_ABS, "prod_abs" },
    { 0, IC_ENV_SUMMABLE, 1, 0, 0, 0, 0, 0, 0, IC_V_UNKNOWN, IC_RULE_NONE, "prod_abs_maybe_zero_unknown" },
    { 0, IC_ENV_DECAYS, 1, 1, 1, 1, 0, 0, 1, IC_V_CONVERGES, IC_RULE_PROD_SQUARES, "prod_squares" },
    { 0, IC_ENV_DECAYS, 1, 1, 1, 0, 0, 0, 1, IC_V_UNKNOWN, IC_RULE_NONE, "prod_alt_no_squares_unknown" },
    { 0, IC_ENV_DECAYS, 1, 1, 0, 1, 0, 0, 1, IC_V_UNKNOWN, IC_RULE_NONE, "prod_alt_non_monotone_unknown" },
    { 0, IC_ENV_DECAYS, -1, 0, 0, 0, 0, 0, 1, IC_V_DIVERGES_TO_ZERO, IC_RULE_PROD_TO_ZERO, "prod_to_zero" },
    { 0, IC_ENV_DECAYS, 1, 0, 0, 0, 0, 0, 1, IC_V_DIVERGES, IC_RULE_PROD_TO_INF, "prod_to_inf" },
    { 0, IC_ENV_DECAYS, 0, 0, 0, 0, 0, 0, 1, IC_V_UNKNOWN, IC_RULE_NONE, "prod_decays_no_sign_unknown" },
    { 0, IC_ENV_DECAYS, -1, 0, 0, 0, 0, 0, 0, IC_V_UNKNOWN, IC_RULE_NONE, "prod_to_zero_maybe_zero_unknown" },
    { 0, IC_ENV_NONE, 0, 0, 0, 0, 1, 0, 1, IC_V_DIVERGES_TO_ZERO, IC_RULE_PROD_FACTOR_SMALL, "prod_factor_small" },
    { 0, IC_ENV_NONE, 0, 0, 0, 0, 0, 1, 1, IC_V_DIVERGES, IC_RULE_PROD_FACTOR_LARGE, "prod_factor_large" },
    { 0, IC_ENV_NOT_DECAYING, 1, 0, 0, 0, 0, 1, 1, IC_V_DIVERGES, IC_RULE_PROD_FACTOR_LARGE, "prod_not_decaying_large" },
    { 0, IC_ENV_NONE, 0, 0, 0, 0, 0, 1, 0, IC_V_UNKNOWN, IC_RULE_NONE, "prod_large_maybe_zero_unknown" },
    { 0, IC_ENV_NOT_DECAYING, 1, 0, 0, 0, 0, 0, 1, IC_V_UNKNOWN, IC_RULE_NONE, "prod_not_decaying_unknown" },
    { 0, IC_ENV_NONE, 0, 0, 0, 0, 0, 0, 1, IC_V_UNKNOWN, IC_RULE_NONE, "prod_none_unknown" },
  };
  for (size_t i = 0; i < sizeof T / sizeof T[0]; i++)
    {
      ic_prod_facts f;
      memset (&f, 0, sizeof f);
      f.zero_factor = T[i].zf; f.u.env = T[i].env; f.u.sign = T[i].sign;
      f.u.alt = T[i].alt; f.u.decreasing = T[i].dec; f.u2_summable = T[i].u2;
      f.p_small = T[i].small; f.p_large = T[i].large; f.nonzero = T[i].nz;
      int rule = -1, v = ic_verdict_prod (&f, &rule);
      char buf[100];
      snprintf (buf, sizeof buf, "verdict %d rule %d, expected %d %d", v, rule, T[i].v, T[i].rule);
      check (v == T[i].v && rule == T[i].rule, T[i].name, buf);
    }
}

int main (void)
{
  test_powerlog ();
  test_geometric_leibniz_scale ();
  test_log1p ();
  test_accum_enclose ();
  test_digits ();
  test_prec ();
  test_verdict_sum ();
  test_verdict_prod ();
  mpfr_free_cache ();
  return nfail != 0;
}
