/* infcert.h — the public interface of libinfcert.
 *
 * infcert certifies convergence/divergence of infinite sums and products
 * whose terms are given as expressions in n, and encloses their limits in
 * rigorous intervals (GMP + MPFR, outward rounding, verified kernels).
 *
 * This header is the whole public API (libinfcert.a, libinfcert.so.0;
 * `pkg-config --cflags --libs infcert`).  Its types include GMP's and
 * MPFR's headers: link with -lmpfr -lgmp (pkg-config adds them).
 *
 * Ownership.  Every char * a function returns is malloc'd and belongs to
 * the caller: free it with free() or ic_free() (the latter for callers
 * that do not share this library's C runtime, such as FFI bindings).
 * Trees from ic_term_parse are freed with ic_node_free; an ic_result is
 * set up with ic_result_init and released with ic_result_clear (its
 * mpfr_t endpoints live until then).  Input strings are only read.
 *
 * Thread safety.  The library is reentrant: no mutable global state (the
 * per-run deadline, memory budget and out-of-memory flag are thread-local);
 * calls on different objects may run in parallel threads.  One object
 * (tree, result) must not be used by two threads at once unless both only
 * read it.  ic_certify may start one helper thread for progress lines
 * when opt->progress is set, and joins it before returning.
 *
 * Errors.  The library never prints, never calls exit(), and never reads
 * or changes global process state (signals, locale, GMP memory functions).
 * Errors come back as an ic_status with an ic_error message (bad input,
 * limits, internal errors).  A failed allocation of the library's own
 * buffers comes back as IC_EINTERNAL "out of memory"; an allocation that
 * fails inside GMP or MPFR aborts the process (their documented default,
 * which a host may change with mp_set_memory_functions), and so do the
 * library's small bookkeeping allocations that sit beside GMP numbers
 * (expression and evaluator nodes, coefficient tables).  The big working
 * tables are charged to opt->max_memory before they are allocated.  The
 * one output the library writes on its own is opt-in: with opt->progress
 * set, ic_certify prints a progress line on stderr every 2 s.
 */
#ifndef INFCERT_H
#define INFCERT_H

#ifndef MPFR_USE_NO_MACRO
#define MPFR_USE_NO_MACRO 1
#endif
#include <stddef.h>
#include <gmp.h>
#include <mpfr.h>

#ifdef __cplusplus
extern "C" {
#endif

#define INFCERT_VERSION "0.1.0"

/* ---- errors ---------------------------------------------------------- */
typedef enum {
  IC_OK = 0,
  IC_EPARSE,      /* syntax error in a term (column set)                 */
  IC_EDOMAIN,     /* term undefined at some n (n set): pole, log(<=0)...  */
  IC_EUSAGE,      /* bad option value                                     */
  IC_ELIMIT,      /* a resource limit was reached (message names it)      */
  IC_ETIMEOUT,    /* --timeout reached                                    */
  IC_EINTERNAL
} ic_status;

typedef struct {
  ic_status code;
  int column;          /* 1-based column in the term, 0 if none           */
  char n[48];          /* decimal n at which the term is undefined, or "" */
  char msg[256];
} ic_error;

/* ---- terms ----------------------------------------------------------- */
typedef struct ic_node ic_node;          /* expression tree (src/term.h) */

/* Parses TERM (see README "Term syntax").  Returns NULL and fills err on
 * error.  The tree is freed with ic_node_free. */
ic_node *ic_term_parse (const char *src, ic_error *err);
void ic_node_free (ic_node *e);
/* Canonical text of a term (malloc'd). */
char *ic_term_to_string (const ic_node *e);

/* ---- certification --------------------------------------------------- */
typedef enum { IC_KIND_SUM = 0, IC_KIND_PROD = 1 } ic_kind;

typedef enum {
  IC_UNKNOWN = 0,
  IC_CONVERGES,          /* sum: finite limit; prod: finite nonzero limit */
  IC_DIVERGES,           /* sum: no finite limit; prod: no finite limit   */
  IC_DIVERGES_TO_ZERO,   /* prod: partial products -> 0, no zero factor   */
  IC_ZERO_FACTOR         /* prod: some factor is exactly 0 (limit 0)      */
} ic_verdict;

typedef struct {
  long digits;           /* correct significant digits wanted (default 15) */
  unsigned long from;    /* N0 (default 1)                                 */
  mpfr_prec_t max_prec;  /* working precision cap in bits                  */
  double timeout;        /* seconds of wall time, 0 = none                 */
  unsigned long max_terms; /* cap on terms evaluated directly              */
  int progress;          /* 1: progress lines on stderr                    */
  size_t max_memory;     /* bytes the big working arrays may take (0 = the
                            default IC_DEFAULT_MAX_MEMORY); a round whose
                            estimate exceeds it is not started           */
} ic_options;

#define IC_DEFAULT_MAX_MEMORY ((size_t) 1 << 30)    /* 1 GiB */

void ic_options_default (ic_options *opt);

#define IC_CERT_ITEMS 24
typedef struct {
  char test[48];         /* e.g. "p-series comparison", "Leibniz"          */
  char summary[640];     /* one or two sentences for people                */
  int nitems;
  struct { char key[32]; char val[400]; } item[IC_CERT_ITEMS];
} ic_cert;

typedef struct {
  ic_kind kind;
  ic_verdict verdict;
  int has_limit;         /* limit enclosed in [lo, hi]                    */
  mpfr_t lo, hi;
  long digits;           /* certified correct significant digits (>= 0)   */
  long digits_wanted;
  mpfr_prec_t prec;      /* working precision of the enclosure            */
  char method[48];       /* how the limit was enclosed                    */
  unsigned long from;
  ic_cert cert;
  /* A convergent sum or product whose limit has no certified digit (no
   * enclosure, or one too wide for a single digit): why.  0 otherwise. */
  int limit_missing;     /* IC_LIMIT_NO_METHOD or IC_LIMIT_EFFORT, or 0   */
  char limit_note[200];  /* the reason in words ("" when limit_missing = 0) */
  /* Why the result is less than what was asked (no verdict, or a
   * convergent limit with fewer than digits_wanted certified digits):
   * one of IC_STOP_*, 0 when everything asked was delivered.  A verdict
   * certified before a limit stopped the run is kept. */
  int stopped;
  char stop_note[200];   /* the reason in words ("" when stopped = 0)     */
} ic_result;

enum {
  IC_STOP_NONE = 0,
  IC_STOP_NO_METHOD = 1,   /* no method certifies more (not a resource limit) */
  IC_STOP_EFFORT = 2,      /* the effort limit (about 10 s without --timeout) */
  IC_STOP_TIMEOUT = 3,     /* --timeout                                     */
  IC_STOP_MEMORY = 4,      /* --max-memory                                  */
  IC_STOP_PREC = 5,        /* --max-prec                                    */
  IC_STOP_TERMS = 6        /* --max-terms                                   */
};

enum {
  IC_LIMIT_NO_METHOD = 1,  /* no tail method certifies a bound for this term */
  IC_LIMIT_EFFORT = 2      /* the effort limit (10 s rule, --max-terms) came first */
};

void ic_result_init (ic_result *r);
void ic_result_clear (ic_result *r);

/* Certifies sum_{n>=from} e(n) (kind SUM) or prod_{n>=from} e(n) (PROD).
 * Returns IC_OK with r filled (verdict possibly IC_UNKNOWN; r->stopped
 * says why less than asked was delivered: a time, memory, precision or
 * term limit, the effort limit, or no method), or an error for bad input
 * (IC_EPARSE, IC_EDOMAIN, IC_EUSAGE) or IC_EINTERNAL.  A verdict
 * certified before a limit stopped the run is kept in r. */
ic_status ic_certify (ic_result *r, ic_kind kind, const ic_node *e,
                      const ic_options *opt, ic_error *err);

const char *ic_verdict_name (ic_kind kind, ic_verdict v);
/* "none", "no-method", "effort", "timeout", "memory", "precision", "terms". */
const char *ic_stop_name (int stopped);

/* Decimal string of x rounded in direction rnd with `digits` significant
 * digits (malloc'd); used for outward-rounded printing. */
char *ic_fr_to_decimal (mpfr_srcptr x, long digits, mpfr_rnd_t rnd);

/* JSON object for a result (malloc'd), as documented in the README
 * (docs/schema/result.schema.json); NULL when out of memory. */
char *ic_result_to_json (const ic_result *r, const char *term);
/* Text for people (malloc'd). */
char *ic_result_to_text (const ic_result *r, const char *term);

/* "ok", "parse", "domain", "usage", "limit", "timeout", "internal". */
const char *ic_status_name (ic_status st);
/* {"error": {"kind", "message", "hint"?, "column"?, "n"?}} for err
 * (malloc'd): the error object of the CLI's --json without its
 * exit_status. */
char *ic_error_to_json (const ic_error *err);

/* ---- one-call interface (FFI bindings: Python's ctypes, others) ------- */
/* The version string, INFCERT_VERSION of the built library. */
const char *ic_version (void);
/* Frees what this library returned (free() of the library's C runtime). */
void ic_free (void *p);
/* Parses TERM and certifies sum (kind "sum") or prod ("prod") from n =
 * FROM with DIGITS digits wanted (0: the default 15), TIMEOUT seconds (0:
 * none, the effort limit applies) and MAX_MEMORY bytes (0: the default).
 * *json receives the document `infcert sum|prod --json` prints: the
 * result object on IC_OK, an error object ic_error_to_json otherwise
 * (malloc'd; NULL only when even that could not be allocated).  Returns
 * the status. */
ic_status ic_certify_json (const char *kind, const char *term, unsigned long from, long digits,
                           double timeout, size_t max_memory, char **json);
/* Reads and checks the claim file PATH (docs/claims.md); ONLY: one claim
 * id, or NULL for all.  *json receives the document of `infcert claims
 * --json` (the format of report.json) on IC_OK, an error object otherwise:
 * IC_EUSAGE for a file that cannot be read or parsed (a folder, a
 * malformed model file, an unknown id), IC_ELIMIT for a size limit,
 * IC_EINTERNAL for out of memory. */
ic_status ic_claims_json (const char *path, const char *only, char **json);

#ifdef __cplusplus
}
#endif

#endif
