/* test_threads.c — the library is reentrant (infcert.h): several threads
 * parsing and certifying different terms at once produce exactly the
 * serial results (the JSON of each result, byte for byte: verdict,
 * enclosure endpoints, digits, method, certificate).
 * Run under ThreadSanitizer by `make check-tsan` (mk/robust.mk).
 * The terms reach their digits well inside the effort limit, so the
 * results do not depend on timing. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "infcert.h"

static const struct { ic_kind kind; const char *term; unsigned long from; long digits; } cases[] = {
  { IC_KIND_SUM,  "1/n^2", 1, 20 },
  { IC_KIND_SUM,  "(-1)^n/n", 1, 15 },
  { IC_KIND_SUM,  "(-1)^(n+1)/sqrt(n)", 1, 12 },
  { IC_KIND_SUM,  "2/n^3 - 1/n^2.5", 2, 15 },
  { IC_KIND_SUM,  "3/7*(2/3)^n", 1, 25 },
  { IC_KIND_SUM,  "1/factorial(n)", 0, 30 },
  { IC_KIND_SUM,  "1/n", 1, 15 },
  { IC_KIND_SUM,  "n/(n+1)", 1, 15 },
  { IC_KIND_SUM,  "1/(n-3)", 1, 15 },                /* domain error */
  { IC_KIND_SUM,  "n^1e100", 1, 15 },                /* precision limit */
  { IC_KIND_PROD, "1 - 1/n^2", 2, 15 },
  { IC_KIND_PROD, "1 + 1/n^2", 1, 12 },
  { IC_KIND_PROD, "1 + 1/n", 1, 15 },
  { IC_KIND_PROD, "1 - 1/n^2", 1, 15 },              /* zero factor */
  { IC_KIND_SUM,  "1/n^2 +", 1, 15 },                /* parse error */
};
#define NC (sizeof cases / sizeof cases[0])
#define NTHREADS 6
#define ROUNDS 2

/* Everything a user sees of one run: status, error, JSON. */
static char *run_one (size_t i)
{
  char head[400];
  ic_error err;
  ic_node *e = ic_term_parse (cases[i].term, &err);
  if (!e)
    {
      snprintf (head, sizeof head, "parse %d col %d: %s", (int) err.code, err.column, err.msg);
      return strdup (head);
    }
  ic_options opt;
  ic_options_default (&opt);
  opt.from = cases[i].from;
  opt.digits = cases[i].digits;
  ic_result r;
  ic_result_init (&r);
  ic_status st = ic_certify (&r, cases[i].kind, e, &opt, &err);
  char *js = st == IC_OK ? ic_result_to_json (&r, cases[i].term) : NULL;
  snprintf (head, sizeof head, "status %d n=%s %s\n", (int) st, err.n, st == IC_OK ? "" : err.msg);
  size_t len = strlen (head) + (js ? strlen (js) : 0) + 1;
  char *out = malloc (len);
  snprintf (out, len, "%s%s", head, js ? js : "");
  free (js);
  ic_result_clear (&r);
  ic_node_free (e);
  return out;
}

static char *serial[NC];
static char *par[NTHREADS][NC];

static void *worker (void *arg)
{
  size_t t = (size_t) arg;
  /* each thread walks the cases in its own order */
  for (int round = 0; round < ROUNDS; round++)
    for (size_t k = 0; k < NC; k++)
      {
        size_t i = (k + t * 5 + (size_t) round * 3) % NC;
        char *s = run_one (i);
        if (round == ROUNDS - 1) { free (par[t][i]); par[t][i] = s; }
        else if (!par[t][i]) par[t][i] = s;
        else free (s);
      }
  mpfr_free_cache ();   /* MPFR's per-thread constant caches (pi, log 2) */
  return NULL;
}

int main (void)
{
  int fails = 0;
  for (size_t i = 0; i < NC; i++) serial[i] = run_one (i);
  pthread_t th[NTHREADS];
  for (size_t t = 0; t < NTHREADS; t++)
    if (pthread_create (&th[t], NULL, worker, (void *) t) != 0) { printf ("FAIL threads_create\n"); return 1; }
  for (size_t t = 0; t < NTHREADS; t++) pthread_join (th[t], NULL);
  for (size_t i = 0; i < NC; i++)
    {
      int same = 1;
      for (size_t t = 0; t < NTHREADS; t++)
        if (!par[t][i] || strcmp (par[t][i], serial[i]))
          {
            same = 0;
            printf ("FAIL threads_same_as_serial %s '%s' (thread %zu):\n  serial:   %s\n  parallel: %s\n",
                    cases[i].kind == IC_KIND_SUM ? "sum" : "prod", cases[i].term, t, serial[i], par[t][i] ? par[t][i] : "(none)");
            fails++;
            break;
          }
      if (same) printf ("ok threads_same_as_serial %s '%s' (%d threads x %d rounds)\n",
                        cases[i].kind == IC_KIND_SUM ? "sum" : "prod", cases[i].term, NTHREADS, ROUNDS);
    }
  for (size_t i = 0; i < NC; i++)
    {
      free (serial[i]);
      for (size_t t = 0; t < NTHREADS; t++) free (par[t][i]);
    }
  mpfr_free_cache ();
  return fails != 0;
}
