/* claims.h — claim files: parsing, and checking every claim with a
 * three-valued status (proved / refuted / undecided).
 *
 * The format is described in docs/claims.md.  In short: blocks that start
 * at column 1 with "model NAME" or "claim ID", followed by indented
 * "key: value" lines; a claim has one or more "check:" lines, and holds
 * when every check holds (a refuted check refutes the claim).
 *
 * The implementation is the folder src/claims/: parse.c (the parser),
 * check.c (these entry points), model.c, and one file per claim kind, each
 * opening with what it decides and from which argument (claims_int.h).
 *
 * Soundness rule: a check is "proved" or "refuted" only from exact GMP
 * arithmetic, outward-rounded MPFR intervals, exact emulation of a
 * floating-point format, or a verdict of ic_certify; heuristics only choose
 * candidates (counterexample witnesses, search brackets).
 */
#ifndef IC_CLAIMS_H
#define IC_CLAIMS_H
#include <gmp.h>
#include <stddef.h>
#include "svg.h"

typedef enum { IC_ST_UNDECIDED = 0, IC_ST_PROVED = 1, IC_ST_REFUTED = 2 } ic_claim_status;
const char *ic_claim_status_name (ic_claim_status s);

/* ---- what a check found ---------------------------------------------- */
typedef struct { char *key, *val; } ic_kv;

typedef struct {
  ic_claim_status status;
  char *how;                 /* the certificate in words                  */
  int nkv; ic_kv *kv;        /* the numbers (intervals are [lo, hi])      */
  char *witness;             /* a counterexample, or NULL                 */
  char *witness_how;         /* the witness's own certificate             */
  int nwkv; ic_kv *wkv;      /* its numbers                               */
  int nplot; ic_plot *plot;  /* certified data to draw                    */
} ic_check_result;

/* ---- parsed claim files ---------------------------------------------- */
typedef struct ic_check ic_check;     /* parsed check (src/claims/)       */
typedef struct ic_model_def ic_model_def;

typedef struct {
  char *text;                /* the check as written                      */
  int line;
  ic_check *c;
  ic_check_result r;
} ic_check_entry;

typedef struct {
  char *id;
  int line;
  int item;                  /* numbered item in the essay's list, or 0   */
  char *statement;           /* what the claim says, in words             */
  char *expect;              /* "proved"/"refuted"/"undecided" or NULL     */
  char *note;                /* free text for the report, or NULL          */
  int ncheck;
  ic_check_entry *check;
  ic_claim_status status;
  double seconds;            /* time taken (not in reports: determinism)   */
} ic_claim;

typedef struct {
  char *path;                /* the name used in messages                  */
  char *dir;                 /* base for relative model paths              */
  char *text;                /* the file's text                            */
  long digits;               /* file default from a header "digits:" line,
                                0: IC_CLAIMS_DEFAULT_DIGITS               */
  int nclaim; ic_claim *claim;
  int nmodel; ic_model_def **model;
} ic_claimfile;

/* Limits that keep hostile claim files bounded: checking costs about a
 * millisecond per claim, and duplicate ids are found by a linear scan. */
#define IC_CLAIMS_MAX_CLAIMS 10000
#define IC_CLAIMS_MAX_BYTES  (16 * 1024 * 1024)

/* Digits asked of ic_certify's enclosure by a sum/prod/trajectory check
 * when the file gives no "digits:" (a file-level default, or a line in a
 * claim that sets the checks after it), and the largest value accepted.
 * An interval check whose enclosure straddles an end of the interval is
 * retried with 2 and 4 times the digits (heuristic: it only chooses the
 * digits asked; the status still comes from the enclosure), within one
 * time budget per check instance of IC_CLAIMS_SERIES_SECONDS. */
#define IC_CLAIMS_DEFAULT_DIGITS 12
#define IC_CLAIMS_MAX_DIGITS     100000
#define IC_CLAIMS_RETRIES        2
#define IC_CLAIMS_SERIES_SECONDS 20.0

/* Parses a claim file from text.  Returns 0, or -1 with a message
 * "NAME:LINE:COL: ..." in err (-2: a limit above was reached; -3: out of
 * memory).  ic_claims_read also returns -1 for a file it cannot read (or a
 * folder), with "PATH: REASON". */
int ic_claims_parse (ic_claimfile *cf, const char *text, const char *name,
                     const char *dir, char *err, size_t errlen);
int ic_claims_read (ic_claimfile *cf, const char *path, char *err, size_t errlen);
void ic_claims_clear (ic_claimfile *cf);

/* The built-in claim file (data/essay.claims, embedded at build time). */
extern const char ic_essay_claims[];

typedef struct {
  /* called after each claim is checked (progress), or NULL; the library
   * itself never prints */
  void (*on_claim) (const ic_claim *c, void *arg);
  void *arg;
  const char *only;          /* check only this claim id (NULL: all)        */
} ic_claims_options;

/* Checks every claim (fills r and status).  Returns the number of claims
 * left undecided; -1 with a message in err when a model is malformed
 * ("FILE:LINE:COL: ..." of the ARPA file); -2 when a model file cannot be
 * read (missing, no permission: "CLAIMFILE:LINE:COL: model "M": cannot
 * read PATH: REASON"); -3 out of memory (what the call allocated is
 * leaked).  A relative model path is relative to cf->dir. */
int ic_claims_check (ic_claimfile *cf, const ic_claims_options *opt,
                     char *err, size_t errlen);

/* Out of memory while checking claims (src/claims/, lm.c): returns to the
 * entry point (ic_claims_parse or ic_claims_check), which reports it. */
_Noreturn void ic_claims_out_of_memory (void);

/* Helpers shared with the report writer. */
void ic_check_result_clear (ic_check_result *r);
/* 1 when the claim has an "expect:" line and its status differs. */
int ic_claim_mismatch (const ic_claim *c);

/* The CLI subcommands (src/claims_cli.c); argv[0] is the subcommand name.
 * Exit status (one table for both): 0 every claim checked was decided and
 * matches its "expect:" line (if any); 2 bad input or usage (bad claim
 * file or model file, a model file that cannot be read, unknown option,
 * unusable --out folder; message on stderr, file:line:col for claim and
 * ARPA files); 3 some claim
 * undecided; 7 some claim's status differs from its "expect:" line (7
 * wins over 3); 4 a size limit of claim files was reached; 1 internal
 * error (or a write that failed after the folder was checked). */
int ic_cli_claims (int argc, char **argv);
int ic_cli_report (int argc, char **argv);

#endif
