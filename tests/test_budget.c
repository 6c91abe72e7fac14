/* test_budget.c — the time and memory budgets of ic_certify (issue 18).
 *
 * For requests far beyond what the budgets allow (thousands of digits
 * under a small --max-memory, a short --timeout, or the 10 s effort limit),
 * every run must
 *   - end within about a second of its time limit,
 *   - keep the verdict it certified and at least the digits the default
 *     request (15) certifies, inside an independent reference (MPFR
 *     constants and functions at a higher precision),
 *   - say which limit stopped it (r.stopped), and
 *   - stay within its memory budget (peak resident size, getrusage).
 * The time checks are skipped in the sanitized build (IC_TEST_SANITIZED),
 * which runs several times slower; containment is checked everywhere. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/resource.h>
#include <mpfr.h>
#include "infcert.h"

static int nfail, npass;
static void check (int c, const char *name)
{
  if (c) { npass++; printf ("ok %s\n", name); }
  else { printf ("FAIL %s\n", name); nfail++; }
}

/* bits of the references; an enclosure narrower than their rounding error
 * is compared with a relative slack of 2^-(RP-64) (a 3840-digit enclosure
 * is checked to the reference's 2400 digits) */
#define RP 8000

static void ref_zeta2 (mpfr_t r) { mpfr_const_pi (r, MPFR_RNDN); mpfr_sqr (r, r, MPFR_RNDN); mpfr_div_ui (r, r, 6, MPFR_RNDN); }
static void ref_sinhpi (mpfr_t r)  /* prod (1 + 1/n^2) = sinh(pi)/pi */
{
  mpfr_t p;
  mpfr_init2 (p, RP);
  mpfr_const_pi (p, MPFR_RNDN);
  mpfr_sinh (r, p, MPFR_RNDN);
  mpfr_div (r, r, p, MPFR_RNDN);
  mpfr_clear (p);
}
static void ref_zeta1001 (mpfr_t r)   /* zeta(1.001) */
{
  mpfr_t s;
  mpfr_init2 (s, RP);
  mpfr_set_ui (s, 1001, MPFR_RNDN);
  mpfr_div_ui (s, s, 1000, MPFR_RNDN);
  mpfr_zeta (r, s, MPFR_RNDN);
  mpfr_clear (s);
}

static double now (void)
{
  struct timespec t;
  clock_gettime (CLOCK_MONOTONIC, &t);
  return (double) t.tv_sec + 1e-9 * (double) t.tv_nsec;
}

static long peak_kb (void)
{
  struct rusage u;
  getrusage (RUSAGE_SELF, &u);
  return u.ru_maxrss;
}

static const struct {
  ic_kind kind; const char *term; unsigned long from; long digits;
  double timeout; size_t mem; void (*ref) (mpfr_t); int stop;
} cases[] = {
  /* the memory budget stops the full request: 16 MiB */
  { IC_KIND_PROD, "1 - n^-1.001", 2, 20000, 0, (size_t) 16 << 20, NULL, IC_STOP_MEMORY },
  { IC_KIND_SUM,  "n^-1.001",     1, 20000, 0, (size_t) 16 << 20, ref_zeta1001, IC_STOP_MEMORY },
  /* the time limit */
  { IC_KIND_PROD, "1 - n^-1.001", 2, 20000, 2, 0, NULL, IC_STOP_TIMEOUT },
  { IC_KIND_PROD, "1 + 1/n^2",    1, 50000, 2, 0, ref_sinhpi, IC_STOP_TIMEOUT },
  { IC_KIND_SUM,  "1/n^2",        1, 100000, 2, 0, ref_zeta2, IC_STOP_TIMEOUT },
};

int main (void)
{
  int sanitized = getenv ("IC_TEST_SANITIZED") != NULL;
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    {
      char name[200];
      ic_error err;
      ic_node *e = ic_term_parse (cases[i].term, &err);
      if (!e) { check (0, "parse"); continue; }
      ic_options opt;
      ic_options_default (&opt);
      opt.from = cases[i].from;
      opt.digits = cases[i].digits;
      opt.timeout = cases[i].timeout;
      if (cases[i].mem) opt.max_memory = cases[i].mem;
      ic_result r;
      ic_result_init (&r);
      long rss0 = peak_kb ();
      double t0 = now ();
      ic_status st = ic_certify (&r, cases[i].kind, e, &opt, &err);
      double dt = now () - t0;
      long rss1 = peak_kb ();
      snprintf (name, sizeof name, "budget %s %s --digits %ld --timeout %g --max-memory %zu",
                cases[i].kind == IC_KIND_SUM ? "sum" : "prod", cases[i].term, cases[i].digits,
                cases[i].timeout, cases[i].mem);
      char nm[600];
      snprintf (nm, sizeof nm, "%s: status ok and verdict kept", name);
      check (st == IC_OK && r.verdict == IC_CONVERGES, nm);
      snprintf (nm, sizeof nm, "%s: at least the default 15 digits", name);
      check (r.has_limit && r.digits >= 15, nm);
      snprintf (nm, sizeof nm, "%s: stopped says %s (got %s, %s)", name, ic_stop_name (cases[i].stop),
                ic_stop_name (r.stopped), r.stop_note);
      check (r.digits >= cases[i].digits || r.stopped == cases[i].stop
             || (cases[i].stop == IC_STOP_TIMEOUT && r.stopped == IC_STOP_MEMORY), nm);
      if (cases[i].ref && r.has_limit)
        {
          mpfr_t x;
          mpfr_init2 (x, RP);
          cases[i].ref (x);
          snprintf (nm, sizeof nm, "%s: encloses the reference", name);
          mpfr_t xl, xh;
          mpfr_inits2 (RP, xl, xh, (mpfr_ptr) 0);
          /* the references are positive and good to far better than
           * 2^-(RP-64) relative (zeta(1.001) with 1.001 rounded to RP bits
           * moves by about 2^-RP * |zeta'/zeta| ~ 2^-(RP-10)) */
          mpfr_mul_2si (xl, x, -(RP - 64), MPFR_RNDU);
          mpfr_add (xh, x, xl, MPFR_RNDU);          /* ref <= xh */
          mpfr_sub (xl, x, xl, MPFR_RNDD);          /* xl <= ref */
          check (mpfr_cmp (r.lo, xh) <= 0 && mpfr_cmp (xl, r.hi) <= 0, nm);
          mpfr_clears (xl, xh, (mpfr_ptr) 0);
          mpfr_clear (x);
        }
      if (!sanitized)
        {
          double lim = cases[i].timeout > 0 ? cases[i].timeout + 1.0 : 11.5;
          snprintf (nm, sizeof nm, "%s: ends within %.1f s (took %.2f s)", name, lim, dt);
          check (dt <= lim, nm);
          if (cases[i].mem)
            {
              /* the peak grows by at most the budget plus the tables that
               * are not charged (evaluators, single intervals): 64 MiB */
              long grow = rss1 - rss0;
              snprintf (nm, sizeof nm, "%s: peak memory grew by %ld KiB (budget %zu KiB + 64 MiB)",
                        name, grow, cases[i].mem >> 10);
              check (grow <= (long) (cases[i].mem >> 10) + 65536, nm);
            }
        }
      ic_result_clear (&r);
      ic_node_free (e);
    }
  printf ("test_budget: %d passed, %d failed\n", npass, nfail);
  return nfail != 0;
}
