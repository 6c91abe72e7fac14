/* claims/claims_int.h — what the files of src/claims/ share; not installed,
 * not part of the library's interface (that is src/claims.h).
 *
 * The folder decides claim files (docs/claims.md): parse.c reads them,
 * check.c runs every check and combines a claim's checks, one file per
 * claim kind decides a check, and model.c loads the models they read
 * (through the readers src/arpa.c and src/lm.c).  Every status is set by
 * one of:
 *   - an exact GMP comparison,
 *   - a comparison of outward-rounded MPFR enclosures (ival.h),
 *   - an exact emulation of an IEEE format (src/softmax.c),
 *   - a verdict of ic_certify (the core engine),
 *   - a named classical lemma whose hypotheses were certified by the above
 *     (the lemma is stated in the certificate text and at the top of the
 *     checker's file).
 * Choices of candidates (witnesses, plot points, search brackets) are
 * heuristics and are labelled so; they never set a status.
 *
 * Names shared between the files carry the prefix icc_ (infcert claims);
 * the shared library does not export them (src/libinfcert.map). */

#ifndef IC_CLAIMS_INT_H
#define IC_CLAIMS_INT_H

#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <ctype.h>
#include <limits.h>
#include <errno.h>
#include <math.h>
#include <time.h>
#include <sys/stat.h>
#include "infcert.h"
#include "term.h"
#include "ival.h"
#include "buf.h"
#include "claims.h"
#include "arpa.h"
#include "lmbin.h"
#include "lm.h"
#include "softmax.h"

#define PREC 128                 /* working precision of enclosures (bits) */

/* ---- parsed data (parse.c builds it, the checkers read it) ------------- */

enum { CK_SERIES, CK_DECAY, CK_SOFTMAX, CK_FPSOFTMAX, CK_NONDEG, CK_SMBOUND,
       CK_MARG_GE, CK_MARG_RATIO, CK_PATH_DECAY, CK_MARKOV, CK_GROWTH };
enum { SER_SUM, SER_PROD, SER_TRAJ };
enum { VB_CONV, VB_DIV, VB_ZERO, VB_POS, VB_IN };
enum { MD_TABLE, MD_ARPA, MD_COUNTER };
/* fpsoftmax forms: "< 1" (or "threshold = G"), "> 0" (the other tokens'
 * probability), "if < 1 then <= 1 - E" (the thread's condition) */
enum { FP_LT1, FP_GT0, FP_COND };

struct ic_check {
  int kind;
  /* series */
  int ser, verb, forall, nsub;
  char *term;                 /* as written                            */
  char *term_sent;            /* with p replaced by the sentinel        */
  int term_col;
  unsigned long from;
  mpq_t a, b, pa, pb;
  char *a_text, *b_text;      /* the interval's ends as written         */
  long digits;                /* digits asked of enclosures (0: default) */
  /* models */
  char *mname; int mcol; int model;   /* model index (-1: none) */
  /* decay */
  mpq_t eps, delta; long steps; int formula;
  /* softmax */
  unsigned long V; mpq_t D, X;
  /* fp softmax */
  const ic_fp_format *fmt; int nV; unsigned long *Vs; int has_gap; mpq_t gap;
  ic_sm_order order; int thr_claim; mpq_t thr;
  int fp_form;                /* FP_LT1, FP_GT0 or FP_COND (X holds E)  */
  /* paths */
  int nmax; mpq_t C;
};

struct ic_model_def {
  char *name; int line; int kind;
  ic_lm_table t; int *ctxline;
  char *path; int path_line, path_col;
  char *term; ic_node *node; unsigned long from;
  int loaded; int load_rc; char *load_err; ic_lm lm;
  ic_arpa arpa; int has_arpa;         /* the reader's model, while loading */
  int a_order, a_nword, a_bin; long a_ngram;   /* its facts, kept */
  int normalise; int norm_line;       /* "normalise: rows" */
  char *raw_sums;                     /* raw row sums, before normalising */
};


/* ---- util.c: allocation (out of memory returns to the entry point),
 * results, printing of enclosures and rationals ------------------------- */

void *icc_xmalloc (size_t n);
void *icc_xrealloc (void *p, size_t n);
void *icc_xcalloc (size_t n, size_t size);
char *icc_xstrdup (const char *s);
char *icc_xstrndup (const char *s, size_t n);
ic_plot *icc_add_plot (ic_check_result *r);
char *icc_ival_str (ic_ival_srcptr x, int digits);
char *icc_q_str (const mpq_t q);
char *icc_q_short (const mpq_t q);
double icc_fr_d (mpfr_srcptr x, mpfr_rnd_t r);
void icc_log10_ends (double *lo, double *hi, ic_ival_srcptr x);
size_t icc_scan_q (mpq_t q, const char *s);
char *icc_fmt (const char *f, ...) __attribute__ ((format (printf, 1, 2)));
void icc_kv_add (int *n, ic_kv **kv, const char *key, const char *f, ...) __attribute__ ((format (printf, 4, 5)));
void icc_set_how (ic_check_result *r, const char *f, ...) __attribute__ ((format (printf, 2, 3)));
/* a fact "key: value" of a result (KV), or of its warnings (WKV) */
#define KV(r, k, ...) icc_kv_add (&(r)->nkv, &(r)->kv, k, __VA_ARGS__)
#define WKV(r, k, ...) icc_kv_add (&(r)->nwkv, &(r)->wkv, k, __VA_ARGS__)

/* ---- eval.c: a term over ranges of n and p ------------------------------
 * A parameter p is written into the term text as a sentinel literal (the
 * term parser knows only n); nodes equal to the sentinel stand for p. */

#define SENTINEL_TEXT "0.918273645546372819"

typedef struct {
  ic_ival_srcptr n;       /* value (or range) of n                */
  ic_ival_srcptr p;       /* value (or range) of p, or NULL        */
  mpq_t sent;             /* the sentinel's value                  */
} tenv;

int icc_tev (ic_ival_ptr out, const ic_node *e, const tenv *env);
double icc_dev (const ic_node *e, double n);
int icc_mono (ic_ival_ptr range, const ic_node *e, const tenv *env);
int icc_is_neg_sent (const mpq_t q, const mpq_t sent);

/* ---- parse.c ------------------------------------------------------------ */

int icc_parse (ic_claimfile *cf, const char *text, const char *name, const char *dir, char *err, size_t errlen);
char *icc_subst_p (const char *t, const char *by, int *count);

/* ---- model.c: loading, facts, the distribution gate --------------------- */

int icc_load_model (ic_claimfile *cf, ic_model_def *m, char *err, size_t errlen);
void icc_model_facts (ic_check_result *r, const ic_model_def *d);
void icc_defect_facts (ic_check_result *r, const ic_lm *m);
char *icc_prob_str (const ic_lm *m, int s, int x);
void icc_eps_of (ic_ival_ptr eps, mpq_t qe, int *st, int *tok, const ic_lm *m);
int icc_distribution_gate (ic_check_entry *ce, ic_model_def *d);

/* ---- the checkers, one file per claim kind ------------------------------ */

/* resource limit on the (N+1) T cells of the path recursions (paths.c,
 * growth.c); it also keeps every int index n * T + x below INT_MAX */
#define PATH_MAX_CELLS ((size_t) 50000000)

char *icc_q_paren (const mpq_t q);
void icc_check_series (ic_check_entry *ce);
void icc_check_decay (ic_check_entry *ce, ic_claimfile *cf);
void icc_check_softmax (ic_check_entry *ce);
void icc_check_fpsoftmax (ic_check_entry *ce);
void icc_check_nondeg (ic_check_entry *ce, ic_model_def *d);
void icc_check_smbound (ic_check_entry *ce, ic_model_def *d);
void icc_check_paths (ic_check_entry *ce, ic_model_def *d);
void icc_check_markov (ic_check_entry *ce, ic_model_def *d);
void icc_check_growth (ic_check_entry *ce, ic_model_def *d);

#endif
