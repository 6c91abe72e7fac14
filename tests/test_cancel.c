/* test_cancel.c — the --timeout deadline (src/cancel.h) is polled inside
 * the long tail computations; cancelling a method at any point must never
 * yield an interval.  Each case is certified under a range of short
 * deadlines, so the runs are cut at different points of the Bernoulli
 * tables, sieved sums, zeta terms and partial sums; whatever comes back
 * with a limit must contain an independent reference value (MPFR constants
 * and functions at a higher precision), and every cut run must say
 * IC_ETIMEOUT or report fewer digits than asked.  Also: the deadline is the
 * calling thread's only while ic_certify runs. */
#include <stdio.h>
#include <string.h>
#include <mpfr.h>
#include "infcert.h"
#include "cancel.h"

static int nfail, npass;
static void check (int c, const char *name)
{
  if (c) { npass++; printf ("ok %s\n", name); }
  else { printf ("FAIL %s\n", name); nfail++; }
}

#define RP 24000   /* bits of the references (> 6000 digits) */

static void ref_zeta2 (mpfr_t r) { mpfr_const_pi (r, MPFR_RNDN); mpfr_sqr (r, r, MPFR_RNDN); mpfr_div_ui (r, r, 6, MPFR_RNDN); }
static void ref_zeta4 (mpfr_t r) { mpfr_const_pi (r, MPFR_RNDN); mpfr_pow_ui (r, r, 4, MPFR_RNDN); mpfr_div_ui (r, r, 90, MPFR_RNDN); }
static void ref_sinhpi (mpfr_t r)  /* prod (1 + 1/n^2) = sinh(pi)/pi */
{
  mpfr_t p;
  mpfr_init2 (p, RP);
  mpfr_const_pi (p, MPFR_RNDN);
  mpfr_sinh (r, p, MPFR_RNDN);
  mpfr_div (r, r, p, MPFR_RNDN);
  mpfr_clear (p);
}
static void ref_mlog2 (mpfr_t r) { mpfr_const_log2 (r, MPFR_RNDN); mpfr_neg (r, r, MPFR_RNDN); }
static void ref_half (mpfr_t r) { mpfr_set_d (r, 0.5, MPFR_RNDN); }

static void ref_e (mpfr_t r) { mpfr_set_ui (r, 1, MPFR_RNDN); mpfr_exp (r, r, MPFR_RNDN); }
static void ref_expn (mpfr_t r)   /* sum exp(-n)/n = -log(1 - 1/e) */
{
  mpfr_set_si (r, -1, MPFR_RNDN);
  mpfr_exp (r, r, MPFR_RNDN);
  mpfr_ui_sub (r, 1, r, MPFR_RNDN);
  mpfr_log (r, r, MPFR_RNDN);
  mpfr_neg (r, r, MPFR_RNDN);
}

static const struct {
  ic_kind kind; const char *term; unsigned long from; long digits; void (*ref) (mpfr_t);
} cases[] = {
  { IC_KIND_SUM,  "1/n^2",          1, 3000, ref_zeta2 },
  { IC_KIND_SUM,  "n^-4",           1, 2000, ref_zeta4 },
  { IC_KIND_PROD, "1 + 1/n^2",      1, 2000, ref_sinhpi },
  { IC_KIND_SUM,  "(-1)^n/n",       1, 2000, ref_mlog2 },
  { IC_KIND_PROD, "1 - 1/n^2",      2, 1000, ref_half },
  { IC_KIND_SUM,  "exp(-n)/n",      1, 2000, ref_expn },    /* several rounds */
  { IC_KIND_SUM,  "1/factorial(n)", 0, 3000, ref_e },
};

int main (void)
{
  char name[200];
  int cut = 0, enclosed = 0;
  mpfr_t ref;
  mpfr_init2 (ref, RP);

  check (ic_deadline_current () == NULL && !ic_cancelled (), "no deadline outside a run");
  {
    /* a deadline already passed is sticky */
    struct timespec t0;
    ic_deadline d;
    clock_gettime (CLOCK_MONOTONIC, &t0);
    t0.tv_sec -= 10;
    ic_deadline_init (&d, &t0, 1.0);
    ic_deadline *old = ic_deadline_enter (&d);
    check (ic_cancelled () && ic_cancelled (), "past deadline: cancelled, and stays so");
    ic_deadline_enter (old);
    check (!ic_cancelled (), "restored: no deadline");
    ic_deadline_init (&d, &t0, 0);
    old = ic_deadline_enter (&d);
    check (!ic_cancelled (), "timeout 0: never cancelled");
    ic_deadline_enter (old);
  }

  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    {
      ic_error err;
      ic_node *e = ic_term_parse (cases[i].term, &err);
      check (e != NULL, cases[i].term);
      if (!e) continue;
      cases[i].ref (ref);
      for (double t = 0.004; t < 1.2; t *= 1.8)
        {
          ic_options opt;
          ic_result r;
          ic_options_default (&opt);
          opt.from = cases[i].from;
          opt.digits = cases[i].digits;
          opt.timeout = t;
          ic_result_init (&r);
          ic_status st = ic_certify (&r, cases[i].kind, e, &opt, &err);
          snprintf (name, sizeof name, "%s, timeout %.3f s: status %d, digits %ld",
                    cases[i].term, t, (int) st, r.digits);
          check (st == IC_OK || st == IC_ETIMEOUT, name);
          if (st == IC_ETIMEOUT) check (!r.has_limit, name);
          if (st == IC_ETIMEOUT || (st == IC_OK && r.digits < cases[i].digits)) cut++;
          if (st == IC_OK && r.has_limit)
            {
              enclosed++;
              snprintf (name, sizeof name, "%s, timeout %.3f s: [lo, hi] (%ld digits) contains the reference",
                        cases[i].term, t, r.digits);
              check (mpfr_cmp (r.lo, ref) <= 0 && mpfr_cmp (r.hi, ref) >= 0, name);
            }
          check (ic_deadline_current () == NULL, "deadline released after the run");
          ic_result_clear (&r);
        }
      /* without a deadline the same case still reaches its digits */
      {
        ic_options opt;
        ic_result r;
        ic_options_default (&opt);
        opt.from = cases[i].from;
        opt.digits = 50;
        ic_result_init (&r);
        ic_status st = ic_certify (&r, cases[i].kind, e, &opt, &err);
        snprintf (name, sizeof name, "%s after cut runs: 50 digits, contains the reference", cases[i].term);
        check (st == IC_OK && r.digits >= 50 && mpfr_cmp (r.lo, ref) <= 0 && mpfr_cmp (r.hi, ref) >= 0, name);
        ic_result_clear (&r);
      }
      ic_node_free (e);
    }
  /* the deadlines above are short enough to cut most of these runs */
  snprintf (name, sizeof name, "runs cut by the deadline: %d", cut);
  check (cut >= 10, name);
  printf ("runs cut by the deadline: %d, of which with an enclosure: %d\n", cut, enclosed);
  /* and several of them are cut after a first enclosure, which must hold */
  snprintf (name, sizeof name, "cut runs that still report an enclosure: %d", enclosed);
  check (enclosed >= 5, name);
  mpfr_clear (ref);
  mpfr_free_cache ();
  printf ("test_cancel: %d passed, %d failed\n", npass, nfail);
  return nfail != 0;
}
