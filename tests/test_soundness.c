/* test_soundness.c — soundness at scale: random terms with independently
 * known verdicts and limits (tests/soundness_gen.h), certified through
 * the library, asserting
 *   - no wrong verdict (a verdict outside the accepted set; unknown is
 *     always allowed and counted),
 *   - no enclosure that misses the reference (ref +- tol),
 *   - no claimed digit count the interval does not support,
 *   - no spurious error (domain error on a term defined everywhere).
 * Environment: SOUNDNESS_CASES (default 500), SOUNDNESS_SEED (default
 * 20240601), SOUNDNESS_FIRST (first case index, default 0),
 * SOUNDNESS_JOBS (threads, default 2), SOUNDNESS_TIMEOUT (seconds per
 * case, default 0.5), SOUNDNESS_VERBOSE=1 (one line per case).
 * Replay case I of seed S alone:
 *   SOUNDNESS_SEED=S SOUNDNESS_FIRST=I SOUNDNESS_CASES=1 build/tests/test_soundness */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "infcert.h"
#include "soundness_gen.h"

typedef struct {
  int done;
  ic_status st;
  ic_verdict verdict;
  int has_limit;
  long digits;
  int wrong;              /* 0 ok, else a failure kind */
  char why[1400];
  double seconds;
} outcome;

enum { W_OK = 0, W_VERDICT, W_MISS, W_DIGITS, W_ERROR, W_PARSE };

static unsigned long ncases, first;
static uint64_t base_seed;
static double case_timeout;
static int verbose;
static outcome *out;
static unsigned long next_case;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

/* wraps modulo 2^64 by design (printed seeds must replay the same cases) */
IC_WRAPS_MOD_2_64 static uint64_t case_seed (unsigned long i) { return base_seed * 0x100000001B3ULL + i; }

static void describe (char *b, size_t n, const scase *c, unsigned long i, const char *what, const ic_result *r, ic_status st, const ic_error *err)
{
  char *lo = r->has_limit ? ic_fr_to_decimal (r->lo, 25, MPFR_RNDD) : NULL;
  char *hi = r->has_limit ? ic_fr_to_decimal (r->hi, 25, MPFR_RNDU) : NULL;
  char ref[80] = "none";
  if (c->has_ref) mpfr_snprintf (ref, sizeof ref, "%.30Rg", c->ref);
  snprintf (b, n, "%s: case %lu (SOUNDNESS_SEED=%llu SOUNDNESS_FIRST=%lu SOUNDNESS_CASES=1) family %s: "
            "infcert %s '%s' --from %lu --digits %ld; expected %s%s (ref %s, %s); got status %d (%s) verdict %s, limit [%s, %s], %ld digits",
            what, i, (unsigned long long) base_seed, i, c->family, c->kind == IC_KIND_SUM ? "sum" : "prod", c->term,
            c->from, c->digits,
            c->accept & ACC (IC_CONVERGES) ? "converges " : "", c->accept & ~ACC (IC_CONVERGES) ?
              (c->accept & ACC (IC_ZERO_FACTOR) ? "zero_factor" : c->accept & ACC (IC_DIVERGES_TO_ZERO) ? "diverges_to_zero" : "diverges") : "",
            ref, c->refhow, (int) st, err->msg, ic_verdict_name (c->kind, r->verdict), lo ? lo : "-", hi ? hi : "-", r->digits);
  free (lo); free (hi);
}

static void run_case (unsigned long i, outcome *o)
{
  scase c;
  scase_init (&c);
  scase_gen (&c, case_seed (i));
  ic_error err;
  memset (&err, 0, sizeof err);
  ic_result r;
  ic_result_init (&r);
  ic_node *e = ic_term_parse (c.term, &err);
  struct timespec t0, t1;
  clock_gettime (CLOCK_MONOTONIC, &t0);
  if (!e)
    {
      o->wrong = W_PARSE;
      describe (o->why, sizeof o->why, &c, i, "generated term does not parse", &r, err.code, &err);
      goto done;
    }
  ic_options opt;
  ic_options_default (&opt);
  opt.from = c.from;
  opt.digits = c.digits;
  opt.timeout = case_timeout;
  ic_status st = ic_certify (&r, c.kind, e, &opt, &err);
  o->st = st; o->verdict = r.verdict; o->has_limit = r.has_limit; o->digits = r.digits;
  if (st != IC_OK)
    {
      /* resource limits and timeouts are honest unknowns; anything else
       * (a domain error on a term defined for every n >= from) is wrong */
      if (st != IC_ELIMIT && st != IC_ETIMEOUT)
        { o->wrong = W_ERROR; describe (o->why, sizeof o->why, &c, i, "spurious error", &r, st, &err); }
      else if (verbose) describe (o->why, sizeof o->why, &c, i, "case (limit)", &r, st, &err);
      goto done;
    }
  if (r.verdict != IC_UNKNOWN && !(c.accept & ACC (r.verdict)))
    { o->wrong = W_VERDICT; describe (o->why, sizeof o->why, &c, i, "WRONG VERDICT", &r, st, &err); goto done; }
  if (r.has_limit && c.has_ref)
    {
      mpfr_t a, b;
      mpfr_inits2 (REF_PREC, a, b, (mpfr_ptr) 0);
      mpfr_add (a, c.ref, c.tol, MPFR_RNDU);      /* a >= ref + tol */
      mpfr_sub (b, c.ref, c.tol, MPFR_RNDD);      /* b <= ref - tol */
      if (!(mpfr_lessequal_p (r.lo, a) && mpfr_greaterequal_p (r.hi, b)))
        { o->wrong = W_MISS; describe (o->why, sizeof o->why, &c, i, "ENCLOSURE MISSES THE REFERENCE", &r, st, &err); }
      /* digits d claimed: hi - lo <= 10^(1-d) min(|lo|, |hi|) (enclose.h) */
      else if (r.digits > 0 && mpfr_sgn (r.lo) * mpfr_sgn (r.hi) > 0)
        {
          mpfr_sub (a, r.hi, r.lo, MPFR_RNDU);
          if (mpfr_cmpabs (r.lo, r.hi) < 0) mpfr_abs (b, r.lo, MPFR_RNDD); else mpfr_abs (b, r.hi, MPFR_RNDD);
          mpfr_t p;
          mpfr_init2 (p, REF_PREC);
          mpfr_set_si (p, 1 - r.digits, MPFR_RNDN);
          mpfr_exp10 (p, p, MPFR_RNDU);
          mpfr_mul (b, b, p, MPFR_RNDU);
          mpfr_mul_d (b, b, 1.000001, MPFR_RNDU);   /* slack for this check's own rounding */
          if (mpfr_greater_p (a, b))
            { o->wrong = W_DIGITS; describe (o->why, sizeof o->why, &c, i, "DIGIT CLAIM NOT SUPPORTED BY THE WIDTH", &r, st, &err); }
          mpfr_clear (p);
        }
      mpfr_clears (a, b, (mpfr_ptr) 0);
    }
  if (verbose)
    describe (o->why, sizeof o->why, &c, i, "case", &r, st, &err);
done:
  clock_gettime (CLOCK_MONOTONIC, &t1);
  o->seconds = (double) (t1.tv_sec - t0.tv_sec) + 1e-9 * (double) (t1.tv_nsec - t0.tv_nsec);
  o->done = 1;
  ic_result_clear (&r);
  ic_node_free (e);
  scase_clear (&c);
}

static void *worker (void *arg)
{
  (void) arg;
  for (;;)
    {
      pthread_mutex_lock (&lock);
      unsigned long k = next_case++;
      pthread_mutex_unlock (&lock);
      if (k >= ncases) { mpfr_free_cache (); return NULL; }   /* per-thread caches */
      run_case (first + k, &out[k]);
    }
}

static double env_d (const char *name, double def)
{
  const char *s = getenv (name);
  return s && *s ? strtod (s, NULL) : def;
}

int main (void)
{
  ncases = (unsigned long) env_d ("SOUNDNESS_CASES", 500);
  first = (unsigned long) env_d ("SOUNDNESS_FIRST", 0);
  const char *ss = getenv ("SOUNDNESS_SEED");
  base_seed = ss && *ss ? strtoull (ss, NULL, 10) : 20240601ULL;
  case_timeout = env_d ("SOUNDNESS_TIMEOUT", 0.5);
  verbose = (int) env_d ("SOUNDNESS_VERBOSE", 0);
  int jobs = (int) env_d ("SOUNDNESS_JOBS", 2);
  if (jobs < 1) jobs = 1;
  if (jobs > 64) jobs = 64;
  printf ("# soundness: seed %llu, cases %lu..%lu, %d threads, %.2f s per case\n",
          (unsigned long long) base_seed, first, first + ncases - 1, jobs, case_timeout);
  fflush (stdout);
  out = calloc (ncases ? ncases : 1, sizeof *out);
  pthread_t th[64];
  for (int j = 0; j < jobs; j++) pthread_create (&th[j], NULL, worker, NULL);
  for (int j = 0; j < jobs; j++) pthread_join (th[j], NULL);

  /* per family: cases, verdicts certified, limits enclosed, unknowns */
  struct { char name[40]; long n, cert, lim, unk, lims; } fam[64];
  int nfam = 0;
  long wrong[6] = { 0 }, unknown = 0, limits = 0, enclosed = 0;
  double secs = 0, maxs = 0;
  for (unsigned long k = 0; k < ncases; k++)
    {
      outcome *o = &out[k];
      scase c;
      scase_init (&c);
      scase_gen (&c, case_seed (first + k));
      const char *fname = strncmp (c.family, "mix:", 4) ? c.family : "mixture";
      int f;
      for (f = 0; f < nfam && strcmp (fam[f].name, fname); f++) ;
      if (f == nfam && nfam < 64) { memset (&fam[f], 0, sizeof fam[f]); snprintf (fam[f].name, sizeof fam[f].name, "%s", fname); nfam++; }
      fam[f].n++;
      if (o->wrong) { wrong[o->wrong]++; printf ("FAIL soundness %s\n", o->why); }
      else if (verbose) printf ("# %s (%.2fs)\n", o->why, o->seconds);
      int unk = o->st != IC_OK || o->verdict == IC_UNKNOWN;
      if (unk) { unknown++; fam[f].unk++; } else fam[f].cert++;
      if (o->st == IC_ELIMIT || o->st == IC_ETIMEOUT) { limits++; fam[f].lims++; }
      if (o->has_limit && c.has_ref) { enclosed++; fam[f].lim++; }
      secs += o->seconds;
      if (o->seconds > maxs) maxs = o->seconds;
      scase_clear (&c);
    }
  long nwrong = wrong[W_VERDICT] + wrong[W_MISS] + wrong[W_DIGITS] + wrong[W_ERROR] + wrong[W_PARSE];
  printf ("# family                     cases  certified  limits-checked  unknown (of which limit/timeout)\n");
  for (int f = 0; f < nfam; f++)
    printf ("#   %-24s %6ld %10ld %15ld %8ld (%ld)\n", fam[f].name, fam[f].n, fam[f].cert, fam[f].lim, fam[f].unk, fam[f].lims);
  printf ("# soundness summary: %lu cases, %ld wrong verdicts, %ld enclosures missing the reference, %ld unsupported digit claims, "
          "%ld spurious errors, %ld generator errors; %ld limits checked; unknown %ld (%.1f%%; %ld by limit/timeout); "
          "%.1f s CPU in cases, slowest %.2f s\n",
          ncases, wrong[W_VERDICT], wrong[W_MISS], wrong[W_DIGITS], wrong[W_ERROR], wrong[W_PARSE], enclosed,
          unknown, ncases ? 100.0 * (double) unknown / (double) ncases : 0.0, limits, secs, maxs);
  if (nwrong == 0) printf ("ok soundness_no_wrong_answers (%lu cases, seed %llu)\n", ncases, (unsigned long long) base_seed);
  if (wrong[W_VERDICT] == 0) printf ("ok soundness_no_wrong_verdict\n");
  if (wrong[W_MISS] == 0) printf ("ok soundness_every_enclosure_contains_reference (%ld checked)\n", enclosed);
  free (out);
  mpfr_free_cache ();
  return nwrong != 0;
}
