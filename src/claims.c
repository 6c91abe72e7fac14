/* claims.c — claim files: the parser (with line:column errors) and the
 * checkers, one per claim kind.  See claims.h and docs/claims.md.
 *
 * Every status below is set by one of:
 *   - an exact GMP comparison,
 *   - a comparison of outward-rounded MPFR enclosures (ival.h),
 *   - an exact emulation of an IEEE format (softmax.c),
 *   - a verdict of ic_certify (the core engine),
 *   - a named classical lemma whose hypotheses were certified by the above
 *     (the lemma is stated in the certificate text).
 * Choices of candidates (witnesses, plot points, search brackets) are
 * heuristics and are labelled so; they never set a status. */
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
#include "lm.h"
#include "softmax.h"

#define PREC 128                 /* working precision of enclosures (bits) */

/* ---- small utilities ------------------------------------------------ */

/* Out of memory while parsing or checking claims: the entry point
 * (ic_claims_parse, ic_claims_check) that armed oom_jmp returns an error
 * "out of memory"; what the call had allocated so far is leaked (never
 * used).  The library never exits on its own. */
static _Thread_local jmp_buf *oom_jmp;

_Noreturn void ic_claims_out_of_memory (void)
{
  ic_oom_note ();
  if (oom_jmp) longjmp (*oom_jmp, 1);
  abort ();           /* unreachable: every caller runs under an entry point */
}

static void *xmalloc (size_t n)
{
  void *p = malloc (n ? n : 1);
  if (!p) ic_claims_out_of_memory ();
  return p;
}
static void *xrealloc (void *p, size_t n)
{
  p = realloc (p, n ? n : 1);
  if (!p) ic_claims_out_of_memory ();
  return p;
}
static void *xcalloc (size_t n, size_t size)
{
  void *p = calloc (n ? n : 1, size);
  if (!p) ic_claims_out_of_memory ();
  return p;
}
static char *xstrdup (const char *s) { char *d = xmalloc (strlen (s) + 1); strcpy (d, s); return d; }
static char *xstrndup (const char *s, size_t n) { char *d = xmalloc (n + 1); memcpy (d, s, n); d[n] = 0; return d; }

static char *vfmt (const char *fmt, va_list ap)
{
  va_list aq;
  va_copy (aq, ap);
  int n = vsnprintf (NULL, 0, fmt, aq);
  va_end (aq);
  char *s = xmalloc ((size_t) n + 1);
  vsnprintf (s, (size_t) n + 1, fmt, ap);
  return s;
}
static char *fmt (const char *f, ...) __attribute__ ((format (printf, 1, 2)));
static char *fmt (const char *f, ...)
{
  va_list ap; va_start (ap, f);
  char *s = vfmt (f, ap);
  va_end (ap);
  return s;
}

const char *ic_claim_status_name (ic_claim_status s)
{
  return s == IC_ST_PROVED ? "proved" : s == IC_ST_REFUTED ? "refuted" : "undecided";
}

int ic_claim_mismatch (const ic_claim *c)
{
  return c->expect && strcmp (c->expect, ic_claim_status_name (c->status)) != 0;
}

static void kv_add (int *n, ic_kv **kv, const char *key, const char *f, ...) __attribute__ ((format (printf, 4, 5)));
static void kv_add (int *n, ic_kv **kv, const char *key, const char *f, ...)
{
  va_list ap; va_start (ap, f);
  char *v = vfmt (f, ap);
  va_end (ap);
  *kv = xrealloc (*kv, sizeof **kv * (size_t) (*n + 1));
  (*kv)[*n].key = xstrdup (key);
  (*kv)[*n].val = v;
  (*n)++;
}
#define KV(r, k, ...) kv_add (&(r)->nkv, &(r)->kv, k, __VA_ARGS__)
#define WKV(r, k, ...) kv_add (&(r)->nwkv, &(r)->wkv, k, __VA_ARGS__)

static void set_how (ic_check_result *r, const char *f, ...) __attribute__ ((format (printf, 2, 3)));
static void set_how (ic_check_result *r, const char *f, ...)
{
  va_list ap; va_start (ap, f);
  char *s = vfmt (f, ap);
  va_end (ap);
  if (r->how)
    {
      char *t = fmt ("%s %s", r->how, s);
      free (r->how); free (s); s = t;
    }
  r->how = s;
}

void ic_check_result_clear (ic_check_result *r)
{
  for (int i = 0; i < r->nkv; i++) { free (r->kv[i].key); free (r->kv[i].val); }
  for (int i = 0; i < r->nwkv; i++) { free (r->wkv[i].key); free (r->wkv[i].val); }
  for (int i = 0; i < r->nplot; i++) ic_plot_clear (&r->plot[i]);
  free (r->kv); free (r->wkv); free (r->plot);
  free (r->how); free (r->witness); free (r->witness_how);
  memset (r, 0, sizeof *r);
}

static ic_plot *add_plot (ic_check_result *r)
{
  r->plot = xrealloc (r->plot, sizeof *r->plot * (size_t) (r->nplot + 1));
  return &r->plot[r->nplot++];
}

/* "[lo, hi]" with lo rounded down and hi rounded up (digits significant). */
static char *ival_str (ic_ival_srcptr x, int digits)
{
  char *a = NULL, *b = NULL;
  if (mpfr_equal_p (x->lo, x->hi) && mpfr_number_p (x->lo) && mpfr_integer_p (x->lo)
      && mpfr_cmpabs_ui (x->lo, 1000000000UL) < 0)
    return fmt ("%ld", mpfr_get_si (x->lo, MPFR_RNDN));
  mpfr_asprintf (&a, "%.*RDg", digits, x->lo);
  mpfr_asprintf (&b, "%.*RUg", digits, x->hi);
  char *s = fmt ("[%s, %s]", a, b);
  mpfr_free_str (a); mpfr_free_str (b);
  return s;
}

static char *q_str (const mpq_t q)
{
  char *s = mpq_get_str (NULL, 10, q);
  char *d = xstrdup (s);
  void (*freefunc) (void *, size_t);
  mp_get_memory_functions (NULL, NULL, &freefunc);
  freefunc (s, strlen (s) + 1);
  return d;
}

/* Short form of an exact rational: "p/q" when short, else a decimal
 * enclosure "[lo, hi]" and the digit counts. */
static char *q_short (const mpq_t q)
{
  if (mpz_sizeinbase (mpq_numref (q), 10) + mpz_sizeinbase (mpq_denref (q), 10) < 40)
    return q_str (q);
  ic_ival_t t; ic_ival_init2 (t, PREC);
  ic_ival_set_q (t, q);
  char *a = ival_str (t, 12);
  char *s = fmt ("%s (exact rational with %zu/%zu digits)", a,
                 mpz_sizeinbase (mpq_numref (q), 10), mpz_sizeinbase (mpq_denref (q), 10));
  free (a); ic_ival_clear (t);
  return s;
}

static double fr_d (mpfr_srcptr x, mpfr_rnd_t r) { return mpfr_get_d (x, r); }

/* log10 enclosure endpoints of a positive enclosure, as doubles, outward
 * (for drawing).  Non-positive lower ends give -Inf. */
static void log10_ends (double *lo, double *hi, ic_ival_srcptr x)
{
  mpfr_t t; mpfr_init2 (t, 64);
  if (mpfr_sgn (x->lo) > 0) { mpfr_log10 (t, x->lo, MPFR_RNDD); *lo = fr_d (t, MPFR_RNDD); }
  else *lo = -INFINITY;
  if (mpfr_sgn (x->hi) > 0) { mpfr_log10 (t, x->hi, MPFR_RNDU); *hi = fr_d (t, MPFR_RNDU); }
  else *hi = -INFINITY;
  mpfr_clear (t);
}

/* Exact rational literal: [sign] digits [. digits] [e [sign] digits] or
 * a/b with such parts.  Returns characters consumed (0 if none). */
static size_t scan_dec (mpq_t q, const char *s)
{
  const char *p = s;
  int neg = 0;
  if (*p == '+' || *p == '-') neg = (*p++ == '-');
  mpz_t num, den; mpz_inits (num, den, NULL); mpz_set_ui (den, 1);
  int digits = 0;
  for (; isdigit ((unsigned char) *p); p++, digits++)
    { mpz_mul_ui (num, num, 10); mpz_add_ui (num, num, (unsigned) (*p - '0')); }
  if (*p == '.' && isdigit ((unsigned char) p[1]))
    for (p++; isdigit ((unsigned char) *p); p++, digits++)
      { mpz_mul_ui (num, num, 10); mpz_add_ui (num, num, (unsigned) (*p - '0')); mpz_mul_ui (den, den, 10); }
  if (!digits) { mpz_clears (num, den, NULL); return 0; }
  if ((*p == 'e' || *p == 'E') && (isdigit ((unsigned char) p[1]) || ((p[1] == '-' || p[1] == '+') && isdigit ((unsigned char) p[2]))))
    {
      p++;
      int en = 0; long ex = 0;
      if (*p == '+' || *p == '-') en = (*p++ == '-');
      for (; isdigit ((unsigned char) *p); p++) if (ex < 100000) ex = ex * 10 + (*p - '0');
      if (ex > 10000) ex = 10000;
      mpz_t t; mpz_init (t); mpz_ui_pow_ui (t, 10, (unsigned long) ex);
      if (en) mpz_mul (den, den, t); else mpz_mul (num, num, t);
      mpz_clear (t);
    }
  if (neg) mpz_neg (num, num);
  mpq_set_num (q, num); mpq_set_den (q, den); mpq_canonicalize (q);
  mpz_clears (num, den, NULL);
  return (size_t) (p - s);
}

static size_t scan_q (mpq_t q, const char *s)
{
  size_t n = scan_dec (q, s);
  if (!n) return 0;
  if (s[n] == '/' )
    {
      mpq_t d; mpq_init (d);
      size_t m = scan_dec (d, s + n + 1);
      if (m && mpq_sgn (d) != 0) { mpq_div (q, q, d); n += 1 + m; }
      mpq_clear (d);
    }
  return n;
}

/* ---- interval evaluation of a term, with an optional parameter ---------
 * A parameter p is written into the term text as a sentinel literal (the
 * term parser knows only n); nodes equal to the sentinel stand for p. */

#define SENTINEL_TEXT "0.918273645546372819"

/* The term parser folds a minus sign into a literal, so -p appears as the
 * negated sentinel. */
static int is_neg_sent (const mpq_t q, const mpq_t sent)
{
  mpq_t t; mpq_init (t);
  mpq_neg (t, sent);
  int r = mpq_equal (q, t);
  mpq_clear (t);
  return r;
}

typedef struct {
  ic_ival_srcptr n;       /* value (or range) of n                */
  ic_ival_srcptr p;       /* value (or range) of p, or NULL        */
  mpq_t sent;             /* the sentinel's value                  */
} tenv;

/* out encloses e over the given ranges; returns 0, or -1 if the operand
 * ranges are not certainly inside an operation's domain (no enclosure). */
static int tev (ic_ival_ptr out, const ic_node *e, const tenv *env)
{
  mpfr_prec_t pr = ic_ival_get_prec (out);
  ic_ival_t a, b;
  int rc = 0;
  switch (e->op)
    {
    case IC_NUM:
      if (env->p && mpq_equal (e->q, env->sent)) ic_ival_set (out, env->p);
      else if (env->p && is_neg_sent (e->q, env->sent)) ic_ival_neg (out, env->p);
      else ic_ival_set_q (out, e->q);
      return 0;
    case IC_VAR: ic_ival_set (out, env->n); return 0;
    case IC_PI: ic_ival_const_pi (out); return 0;
    case IC_E: ic_ival_const_e (out); return 0;
    default: break;
    }
  ic_ival_init2 (a, pr); ic_ival_init2 (b, pr);
  if (tev (a, e->a, env) != 0) { rc = -1; goto out; }
  if (e->b && e->op != IC_POW && tev (b, e->b, env) != 0) { rc = -1; goto out; }
  switch (e->op)
    {
    case IC_ADD: ic_ival_add (out, a, b); break;
    case IC_SUB: ic_ival_sub (out, a, b); break;
    case IC_MUL: ic_ival_mul (out, a, b); break;
    case IC_DIV: rc = ic_ival_div (out, a, b) == IC_IVAL_OK ? 0 : -1; break;
    case IC_NEG: ic_ival_neg (out, a); break;
    case IC_POW:
      if (tev (b, e->b, env) != 0) { rc = -1; break; }
      if (ic_ival_is_exact (b) && mpfr_integer_p (b->lo) && mpfr_fits_slong_p (b->lo, MPFR_RNDN))
        {
          long k = mpfr_get_si (b->lo, MPFR_RNDN);
          if (k < 0 && !(ic_ival_is_pos (a) || ic_ival_is_neg (a))) rc = -1;
          else ic_ival_pow_si (out, a, k);
        }
      else rc = ic_ival_pow (out, a, b) == IC_IVAL_OK ? 0 : -1;
      break;
    case IC_LOG: rc = ic_ival_log (out, a) == IC_IVAL_OK ? 0 : -1; break;
    case IC_EXP: ic_ival_exp (out, a); break;
    case IC_SQRT: rc = ic_ival_sqrt (out, a) == IC_IVAL_OK ? 0 : -1; break;
    case IC_SIN: ic_ival_sin (out, a); break;
    case IC_COS: ic_ival_cos (out, a); break;
    case IC_ATAN: ic_ival_atan (out, a); break;
    case IC_ABS: ic_ival_abs (out, a); break;
    case IC_FACT:
      if (ic_ival_is_exact (a) && mpfr_integer_p (a->lo) && mpfr_sgn (a->lo) >= 0
          && mpfr_cmp_ui (a->lo, 100000) <= 0)
        {
          mpz_t f; mpz_init (f);
          mpz_fac_ui (f, mpfr_get_ui (a->lo, MPFR_RNDN));
          ic_ival_set_z (out, f);
          mpz_clear (f);
        }
      else rc = -1;
      break;
    default: rc = -1;
    }
out:
  if (rc != 0) ic_ival_set_full (out);
  ic_ival_clear (a); ic_ival_clear (b);
  return rc;
}

/* Double-precision evaluation (the "naive loop" shown next to certified
 * data in plots; never used for a status). */
static double dev (const ic_node *e, double n)
{
  switch (e->op)
    {
    case IC_NUM: return mpq_get_d (e->q);
    case IC_VAR: return n;
    case IC_PI: return 3.14159265358979323846;
    case IC_E: return 2.71828182845904523536;
    case IC_ADD: return dev (e->a, n) + dev (e->b, n);
    case IC_SUB: return dev (e->a, n) - dev (e->b, n);
    case IC_MUL: return dev (e->a, n) * dev (e->b, n);
    case IC_DIV: return dev (e->a, n) / dev (e->b, n);
    case IC_NEG: return -dev (e->a, n);
    case IC_POW: return pow (dev (e->a, n), dev (e->b, n));
    case IC_LOG: return log (dev (e->a, n));
    case IC_EXP: return exp (dev (e->a, n));
    case IC_SQRT: return sqrt (dev (e->a, n));
    case IC_SIN: return sin (dev (e->a, n));
    case IC_COS: return cos (dev (e->a, n));
    case IC_ATAN: return atan (dev (e->a, n));
    case IC_ABS: return fabs (dev (e->a, n));
    case IC_FACT: return tgamma (dev (e->a, n) + 1);
    default: return NAN;
    }
}

/* Monotonicity in p of e, for every fixed n in the range of env->n and p
 * in env->p: +1 non-decreasing, -1 non-increasing, 0 independent of p,
 * 2 not known.  range receives an enclosure of e over the ranges.  Each
 * rule is elementary (sums of functions with the same monotonicity, product
 * of non-negative monotone functions, composition with monotone functions);
 * when a rule's sign hypothesis is not certified the answer is 2. */
static int mono (ic_ival_ptr range, const ic_node *e, const tenv *env)
{
  mpfr_prec_t pr = ic_ival_get_prec (range);
  if (tev (range, e, env) != 0) return 2;
  switch (e->op)
    {
    case IC_NUM: return !env->p ? 0 : mpq_equal (e->q, env->sent) ? 1 : is_neg_sent (e->q, env->sent) ? -1 : 0;
    case IC_VAR: case IC_PI: case IC_E: return 0;
    default: break;
    }
  ic_ival_t ra, rb; ic_ival_init2 (ra, pr); ic_ival_init2 (rb, pr);
  int ma = mono (ra, e->a, env), mb = e->b ? mono (rb, e->b, env) : 0, m = 2;
#define COMB(x, y) ((x) == 2 || (y) == 2 ? 2 : (x) == 0 ? (y) : (y) == 0 ? (x) : (x) == (y) ? (x) : 2)
#define NEGM(x) ((x) == 2 ? 2 : -(x))
  switch (e->op)
    {
    case IC_ADD: m = COMB (ma, mb); break;
    case IC_SUB: m = COMB (ma, NEGM (mb)); break;
    case IC_NEG: m = NEGM (ma); break;
    case IC_MUL: case IC_DIV:
      {
        int mbb = mb;
        if (e->op == IC_DIV)
          mbb = (ic_ival_is_pos (rb) || ic_ival_is_neg (rb)) ? NEGM (mb) : 2;
        /* sign of the factors over the ranges */
        int sa = ic_ival_is_nonneg (ra) ? 1 : ic_ival_is_nonpos (ra) ? -1 : 0;
        int sb = ic_ival_is_nonneg (rb) ? 1 : ic_ival_is_nonpos (rb) ? -1 : 0;
        if (e->op == IC_DIV) sb = ic_ival_is_pos (rb) ? 1 : ic_ival_is_neg (rb) ? -1 : 0;
        if (ma == 0 && mbb == 0) m = 0;
        else if (ma == 0) m = sa == 0 || mbb == 2 ? 2 : sa * mbb;
        else if (mbb == 0) m = sb == 0 || ma == 2 ? 2 : sb * ma;
        else if (sa == 1 && sb == 1 && ma == mbb) m = ma;
        else m = 2;
        break;
      }
    case IC_POW:
      if (ma == 0 && mb == 0) m = 0;
      else if (ic_ival_is_pos (ra))
        {
          /* x^y = exp(y log x): monotone like y * log x */
          ic_ival_t lx; ic_ival_init2 (lx, pr);
          ic_ival_log (lx, ra);
          int sl = ic_ival_is_nonneg (lx) ? 1 : ic_ival_is_nonpos (lx) ? -1 : 0;
          int sy = ic_ival_is_nonneg (rb) ? 1 : ic_ival_is_nonpos (rb) ? -1 : 0;
          if (ma == 0) m = sl == 0 || mb == 2 ? 2 : sl * mb;
          else if (mb == 0) m = sy == 0 || ma == 2 ? 2 : sy * ma;
          else if (sl == 1 && sy == 1 && ma == mb) m = ma;
          else m = 2;
          ic_ival_clear (lx);
        }
      else m = 2;
      break;
    case IC_LOG: case IC_EXP: case IC_SQRT: case IC_ATAN: m = ma; break;
    case IC_ABS: m = ma == 0 ? 0 : ic_ival_is_nonneg (ra) ? ma : ic_ival_is_nonpos (ra) ? NEGM (ma) : 2; break;
    default: m = ma == 0 && mb == 0 ? 0 : 2;
    }
  ic_ival_clear (ra); ic_ival_clear (rb);
  return m;
}

/* ---- parsed data ------------------------------------------------------ */

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
  ic_arpa arpa; int has_arpa;
  int normalise; int norm_line;       /* "normalise: rows" */
  char *raw_sums;                     /* raw row sums, before normalising */
};

static ic_check *check_new (void)
{
  ic_check *c = xcalloc (1, sizeof *c);
  mpq_inits (c->a, c->b, c->pa, c->pb, c->eps, c->delta, c->D, c->X, c->gap, c->thr, c->C, NULL);
  c->model = -1;
  return c;
}

static void check_free (ic_check *c)
{
  if (!c) return;
  mpq_clears (c->a, c->b, c->pa, c->pb, c->eps, c->delta, c->D, c->X, c->gap, c->thr, c->C, NULL);
  free (c->term); free (c->term_sent); free (c->mname); free (c->Vs);
  free (c->a_text); free (c->b_text);
  free (c);
}

static void model_free (ic_model_def *m)
{
  if (!m) return;
  for (int i = 0; i < m->t.ntok; i++) free (m->t.tok[i]);
  for (int c = 0; c < m->t.nctx; c++)
    {
      for (int w = 0; w < m->t.ntok; w++) mpq_clear (m->t.dist[c][w]);
      free (m->t.dist[c]); free (m->t.ctx[c]);
    }
  free (m->t.tok); free (m->t.dist); free (m->t.ctx); free (m->t.ctxlen); free (m->ctxline);
  free (m->name); free (m->path); free (m->term); free (m->load_err); free (m->raw_sums);
  if (m->node) ic_node_free (m->node);
  if (m->loaded == 1 && m->kind != MD_COUNTER) ic_lm_clear (&m->lm);
  if (m->has_arpa) ic_arpa_clear (&m->arpa);
  free (m);
}

void ic_claims_clear (ic_claimfile *cf)
{
  for (int i = 0; i < cf->nclaim; i++)
    {
      ic_claim *c = &cf->claim[i];
      for (int j = 0; j < c->ncheck; j++)
        {
          free (c->check[j].text);
          check_free (c->check[j].c);
          ic_check_result_clear (&c->check[j].r);
        }
      free (c->check); free (c->id); free (c->statement); free (c->expect); free (c->note);
    }
  for (int i = 0; i < cf->nmodel; i++) model_free (cf->model[i]);
  free (cf->claim); free (cf->model); free (cf->path); free (cf->dir); free (cf->text);
  memset (cf, 0, sizeof *cf);
}

/* ---- the parser ---------------------------------------------------------- */

typedef struct {
  const char *name;
  char *err; size_t errlen;
  int line;
  const char *s;       /* the value being parsed                          */
  int col0;            /* file column of s[0]                              */
  size_t pos;
} ps;

static int perr (ps *P, size_t pos, const char *f, ...) __attribute__ ((format (printf, 3, 4)));
static int perr (ps *P, size_t pos, const char *f, ...)
{
  char msg[300];
  va_list ap; va_start (ap, f);
  vsnprintf (msg, sizeof msg, f, ap);
  va_end (ap);
  snprintf (P->err, P->errlen, "%s:%d:%d: %s", P->name, P->line, P->col0 + (int) pos, msg);
  return -1;
}

static void ws (ps *P) { while (P->s[P->pos] == ' ' || P->s[P->pos] == '\t') P->pos++; }

static int is_idch (char c) { return isalnum ((unsigned char) c) || c == '_' || c == '-'; }

/* Accepts a literal: words must end at a word boundary. */
static int acc (ps *P, const char *lit)
{
  ws (P);
  size_t n = strlen (lit);
  if (strncmp (P->s + P->pos, lit, n) != 0) return 0;
  if (isalpha ((unsigned char) lit[n - 1]) && is_idch (P->s[P->pos + n])) return 0;
  P->pos += n;
  return 1;
}

static int expect (ps *P, const char *lit)
{
  if (acc (P, lit)) return 0;
  ws (P);
  if (!P->s[P->pos]) return perr (P, P->pos, "expected \"%s\" before the end of the line", lit);
  return perr (P, P->pos, "expected \"%s\"", lit);
}

static int num (ps *P, mpq_t q)
{
  ws (P);
  size_t n = scan_q (q, P->s + P->pos);
  if (!n) return perr (P, P->pos, "expected a number (like 3, 0.25, 1e-9 or 1/3)");
  P->pos += n;
  return 0;
}

/* num, keeping the number's text as written in *text. */
static int num_text (ps *P, mpq_t q, char **text)
{
  ws (P);
  size_t b = P->pos;
  if (num (P, q)) return -1;
  free (*text);
  *text = xstrndup (P->s + b, P->pos - b);
  return 0;
}

static int uint_ (ps *P, unsigned long *v, unsigned long maxv)
{
  ws (P);
  const char *s = P->s + P->pos;
  if (!isdigit ((unsigned char) *s)) return perr (P, P->pos, "expected a whole number");
  errno = 0;
  char *end;
  unsigned long x = strtoul (s, &end, 10);
  if (errno || x > maxv) return perr (P, P->pos, "number too large (at most %lu)", maxv);
  P->pos += (size_t) (end - s);
  *v = x;
  return 0;
}

static char *ident (ps *P, size_t *at)
{
  ws (P);
  size_t b = P->pos;
  if (at) *at = b;
  while (is_idch (P->s[P->pos]) || P->s[P->pos] == '.') P->pos++;
  if (P->pos == b) return NULL;
  return xstrndup (P->s + b, P->pos - b);
}

static int at_end (ps *P)
{
  ws (P);
  if (P->s[P->pos]) return perr (P, P->pos, "unexpected text \"%.20s\"", P->s + P->pos);
  return 0;
}

/* The rest of the value with blanks removed equals the formula text f. */
static int rest_is (ps *P, const char *f)
{
  ws (P);
  const char *s = P->s + P->pos;
  size_t i = 0;
  for (; *s; s++)
    {
      if (*s == ' ' || *s == '\t') continue;
      if (f[i] != *s) return 0;
      i++;
    }
  if (f[i]) return 0;
  P->pos += strlen (P->s + P->pos);
  return 1;
}

/* Replaces the identifier p in a term by the sentinel literal; counts it. */
static char *subst_p (const char *t, const char *by, int *count)
{
  ic_buf b; ic_buf_init (&b);
  *count = 0;
  for (size_t i = 0; t[i]; i++)
    {
      if (t[i] == 'p' && (i == 0 || !(isalnum ((unsigned char) t[i - 1]) || t[i - 1] == '_'))
          && !(isalnum ((unsigned char) t[i + 1]) || t[i + 1] == '_'))
        { ic_buf_printf (&b, "(%s)", by); (*count)++; }
      else ic_buf_putn (&b, t + i, 1);
    }
  return ic_buf_take (&b);
}

static int count_sentinel (const ic_node *e, const mpq_t s)
{
  if (!e) return 0;
  return (e->op == IC_NUM && (mpq_equal (e->q, s) || is_neg_sent (e->q, s))) + count_sentinel (e->a, s) + count_sentinel (e->b, s);
}

/* Parses a term at P->pos up to the top-level comma before "n >= N)". */
static int term_arg (ps *P, ic_check *c, int allow_p, int closing)
{
  ws (P);
  size_t b = P->pos, i = b, comma = 0;
  int depth = 0;
  for (; P->s[i]; i++)
    {
      if (P->s[i] == '(') depth++;
      else if (P->s[i] == ')') { if (depth == 0) break; depth--; }
      else if (P->s[i] == ',' && depth == 0) comma = i;
    }
  if (!comma) return perr (P, b, "expected \"TERM, n >= N\" inside the parentheses");
  c->term = xstrndup (P->s + b, comma - b);
  while (strlen (c->term) && (c->term[strlen (c->term) - 1] == ' ')) c->term[strlen (c->term) - 1] = 0;
  c->term_col = P->col0 + (int) b;
  if (strstr (c->term, "918273645546372819"))
    return perr (P, b, "this term contains a number reserved by infcert");
  int cnt;
  c->term_sent = subst_p (c->term, SENTINEL_TEXT, &cnt);
  if (cnt && !allow_p)
    return perr (P, b, "the term uses the parameter p but the check has no \"for all p in [a, b]:\"");
  c->nsub = cnt;
  ic_error e; memset (&e, 0, sizeof e);
  ic_node *nd = ic_term_parse (c->term_sent, &e);
  if (!nd)
    {
      /* map the column in the substituted text back to the written term */
      int col = e.column > 0 ? e.column : 1, orig = col;
      int extra = (int) strlen (SENTINEL_TEXT) + 1;   /* "(S)" replaces "p" */
      int seen = 0;
      for (size_t k = 0; c->term[k] && (int) (k + 1 + seen * extra) < col; k++)
        if (c->term[k] == 'p' && (k == 0 || !(isalnum ((unsigned char) c->term[k - 1]) || c->term[k - 1] == '_'))
            && !(isalnum ((unsigned char) c->term[k + 1]) || c->term[k + 1] == '_'))
          seen++;
      orig = col - seen * extra;
      if (orig < 1) orig = 1;
      return perr (P, b + (size_t) orig - 1, "in the term: %s", e.msg[0] ? e.msg : "syntax error");
    }
  mpq_t s; mpq_init (s); scan_q (s, SENTINEL_TEXT);
  int ns = count_sentinel (nd, s);
  mpq_clear (s);
  ic_node_free (nd);
  if (ns != cnt)
    return perr (P, b, "could not track the parameter p through the term");
  P->pos = comma + 1;
  if (expect (P, "n") || expect (P, ">=")) return -1;
  if (uint_ (P, &c->from, 1000000000UL)) return -1;
  return closing ? expect (P, ")") : 0;
}

static int model_ref (ps *P, ic_check *c)
{
  size_t at;
  c->mname = ident (P, &at);
  if (!c->mname) return perr (P, P->pos, "expected a model name");
  c->mcol = P->col0 + (int) at;
  return 0;
}

static int parse_check (ps *P, ic_check *c)
{
  size_t at;
  ws (P); at = P->pos;
  if (acc (P, "for"))
    {
      if (expect (P, "all") || expect (P, "p") || expect (P, "in") || expect (P, "[")
          || num (P, c->pa) || expect (P, ",") || num (P, c->pb) || expect (P, "]") || expect (P, ":"))
        return -1;
      if (mpq_cmp (c->pa, c->pb) > 0) return perr (P, at, "empty parameter range");
      c->forall = 1;
      ws (P); at = P->pos;
    }
  if (acc (P, "sum") || acc (P, "prod") || acc (P, "trajectory"))
    {
      c->kind = CK_SERIES;
      c->ser = P->s[at] == 's' ? SER_SUM : P->s[at] == 'p' ? SER_PROD : SER_TRAJ;
      if (expect (P, "(") || term_arg (P, c, c->forall, 1)) return -1;
      ws (P); size_t vb = P->pos;
      if (acc (P, "converges")) c->verb = VB_CONV;
      else if (acc (P, "diverges")) c->verb = VB_DIV;
      else if (acc (P, "->")) { c->verb = VB_ZERO; if (expect (P, "0")) return -1; }
      else if (acc (P, ">")) { c->verb = VB_POS; if (expect (P, "0")) return -1; }
      else if (acc (P, "in"))
        {
          c->verb = VB_IN;
          if (expect (P, "[") || num_text (P, c->a, &c->a_text) || expect (P, ",")
              || num_text (P, c->b, &c->b_text) || expect (P, "]")) return -1;
          if (mpq_cmp (c->a, c->b) > 0) return perr (P, vb, "empty interval");
        }
      else return perr (P, vb, "expected converges, diverges, \"-> 0\", \"> 0\" or \"in [a, b]\"");
      if (c->ser == SER_SUM && (c->verb == VB_ZERO || c->verb == VB_POS))
        return perr (P, vb, "\"-> 0\" and \"> 0\" are for products and trajectories");
      return at_end (P);
    }
  if (c->forall) return perr (P, at, "\"for all p\" applies to sum, prod and trajectory checks");
  if (acc (P, "decay"))
    {
      c->kind = CK_DECAY;
      if (expect (P, "(") || expect (P, "eps") || expect (P, "=")) return -1;
      ws (P);
      if (isalpha ((unsigned char) P->s[P->pos])) { if (model_ref (P, c)) return -1; }
      else if (num (P, c->eps)) return -1;
      if (expect (P, ",") || expect (P, "delta") || expect (P, "=") || num (P, c->delta) || expect (P, ")") || expect (P, "="))
        return -1;
      if (!c->mname && (mpq_sgn (c->eps) <= 0 || mpq_cmp_ui (c->eps, 1, 1) >= 0))
        return perr (P, at, "eps must lie in (0, 1)");
      if (mpq_sgn (c->delta) <= 0 || mpq_cmp_ui (c->delta, 1, 1) >= 0)
        return perr (P, at, "delta must lie in (0, 1)");
      ws (P);
      if (isdigit ((unsigned char) P->s[P->pos]))
        { unsigned long v; if (uint_ (P, &v, 4000000000UL)) return -1; c->steps = (long) v; }
      else if (rest_is (P, "ceil(log(delta)/log(1-eps))")) c->formula = 1;
      else return perr (P, P->pos, "expected a whole number or ceil(log(delta) / log(1 - eps))");
      return at_end (P);
    }
  if (acc (P, "softmax-bound"))
    {
      c->kind = CK_SMBOUND;
      if (expect (P, "(") || model_ref (P, c) || expect (P, ")")) return -1;
      return at_end (P);
    }
  if (acc (P, "softmax"))
    {
      c->kind = CK_SOFTMAX;
      if (expect (P, "(") || expect (P, "V") || expect (P, "=") || uint_ (P, &c->V, 1000000000UL)
          || expect (P, ",") || expect (P, "D") || expect (P, "=") || num (P, c->D) || expect (P, ")")
          || expect (P, "max") || expect (P, "<="))
        return -1;
      if (c->V < 1) return perr (P, at, "V must be at least 1");
      if (mpq_sgn (c->D) < 0) return perr (P, at, "D must be >= 0");
      ws (P);
      if (rest_is (P, "1/(1+(V-1)exp(-D))")) c->formula = 1;
      else if (num (P, c->X)) return -1;
      return at_end (P);
    }
  if (acc (P, "fpsoftmax"))
    {
      c->kind = CK_FPSOFTMAX;
      if (expect (P, "(")) return -1;
      size_t fa; char *fname = ident (P, &fa);
      if (!fname) return perr (P, P->pos, "expected a format: binary16, bfloat16, binary32 or binary64");
      c->fmt = ic_fp_format_by_name (fname);
      free (fname);
      if (!c->fmt) return perr (P, fa, "unknown format (binary16, bfloat16, binary32, binary64)");
      if (expect (P, ",") || expect (P, "V")) return -1;
      if (acc (P, "in"))
        {
          if (expect (P, "{")) return -1;
          do {
            unsigned long v;
            if (uint_ (P, &v, 100000000UL)) return -1;
            if (v < 2) return perr (P, P->pos - 1, "V must be at least 2");
            c->Vs = xrealloc (c->Vs, sizeof (unsigned long) * (size_t) (c->nV + 1));
            c->Vs[c->nV++] = v;
          } while (acc (P, ","));
          if (expect (P, "}")) return -1;
        }
      else
        {
          unsigned long v;
          if (expect (P, "=") || uint_ (P, &v, 100000000UL)) return -1;
          if (v < 2) return perr (P, P->pos - 1, "V must be at least 2");
          c->Vs = xmalloc (sizeof (unsigned long)); c->Vs[0] = v; c->nV = 1;
        }
      while (acc (P, ","))
        {
          if (acc (P, "gap")) { if (expect (P, "=") || num (P, c->gap)) return -1; c->has_gap = 1;
                                if (mpq_sgn (c->gap) <= 0) return perr (P, P->pos - 1, "the gap must be > 0"); }
          else if (acc (P, "order"))
            {
              if (expect (P, "=")) return -1;
              if (acc (P, "top-last")) c->order = IC_SM_TOP_LAST;
              else if (acc (P, "top-first")) c->order = IC_SM_TOP_FIRST;
              else return perr (P, P->pos, "order is top-last or top-first");
            }
          else return perr (P, P->pos, "expected gap = G or order = top-last|top-first");
        }
      if (expect (P, ")")) return -1;
      if (acc (P, "<")) { if (expect (P, "1")) return -1; }
      else if (acc (P, ">")) { if (expect (P, "0")) return -1; c->fp_form = FP_GT0; }
      else if (acc (P, "if"))
        {
          size_t ea;
          if (expect (P, "<") || expect (P, "1") || expect (P, "then") || expect (P, "<=") || expect (P, "1")
              || expect (P, "-")) return -1;
          ws (P); ea = P->pos;
          if (num (P, c->X)) return -1;
          if (mpq_sgn (c->X) <= 0 || mpq_cmp_ui (c->X, 1, 1) >= 0) return perr (P, ea, "E must lie in (0, 1)");
          c->fp_form = FP_COND;
        }
      else if (acc (P, "threshold"))
        {
          if (c->has_gap) return perr (P, P->pos, "a threshold claim takes no gap");
          if (expect (P, "=") || num (P, c->thr)) return -1;
          c->thr_claim = 1;
        }
      else return perr (P, P->pos, "expected \"< 1\", \"> 0\", \"if < 1 then <= 1 - E\" or \"threshold = G\"");
      return at_end (P);
    }
  if (acc (P, "nondegenerate"))
    {
      c->kind = CK_NONDEG;
      if (expect (P, "(") || model_ref (P, c) || expect (P, ")")) return -1;
      return at_end (P);
    }
  if (acc (P, "markov"))
    {
      c->kind = CK_MARKOV;
      if (expect (P, "(") || model_ref (P, c)) return -1;
      if (acc (P, ","))
        {
          /* "order = k": the state is the last k tokens */
          unsigned long k;
          if (expect (P, "order") || expect (P, "=") || uint_ (P, &k, 16)) return -1;
          if (k < 1) return perr (P, P->pos - 1, "the order must be at least 1");
          c->nmax = (int) k;
        }
      if (expect (P, ")")) return -1;
      return at_end (P);
    }
  if (acc (P, "marginal") || acc (P, "maxpath"))
    {
      int is_marg = P->s[at] == 'm' && P->s[at + 1] == 'a' && P->s[at + 2] == 'r';
      unsigned long nm;
      if (is_marg)
        {
          /* "marginal(M) / maxpath grows >= R" and "... -> inf" */
          size_t save = P->pos;
          if (acc (P, "(") && model_ref (P, c) == 0 && acc (P, ")"))
            {
              c->kind = CK_GROWTH;
              if (expect (P, "/") || expect (P, "maxpath")) return -1;
              if (acc (P, "grows"))
                {
                  size_t ra;
                  if (expect (P, ">=")) return -1;
                  ws (P); ra = P->pos;
                  if (num (P, c->C)) return -1;
                  if (mpq_sgn (c->C) <= 0) return perr (P, ra, "the rate must be > 0");
                }
              else if (acc (P, "->")) { if (expect (P, "inf")) return -1; c->verb = 1; }
              else if (acc (P, "bounded")) c->verb = 2;
              else return perr (P, P->pos, "expected \"grows >= R\", \"-> inf\" or \"bounded\"");
              return at_end (P);
            }
          free (c->mname); c->mname = NULL;
          P->pos = save;
        }
      if (expect (P, "(") || model_ref (P, c) || expect (P, ",") || expect (P, "n") || expect (P, "<=")
          || uint_ (P, &nm, 1000) || expect (P, ")"))
        return -1;
      if (nm < 1) return perr (P, P->pos - 1, "n must be at least 1");
      c->nmax = (int) nm;
      if (is_marg)
        {
          if (acc (P, ">="))
            { c->kind = CK_MARG_GE; if (expect (P, "maxpath")) return -1; }
          else if (acc (P, "<="))
            {
              c->kind = CK_MARG_RATIO;
              if (num (P, c->C) || expect (P, "*") || expect (P, "maxpath")) return -1;
            }
          else return perr (P, P->pos, "expected \">= maxpath\" or \"<= C * maxpath\"");
        }
      else
        {
          c->kind = CK_PATH_DECAY;
          if (expect (P, "<=")) return -1;
          ws (P);
          if (!rest_is (P, "(1-eps)^n")) return perr (P, P->pos, "expected (1 - eps)^n");
        }
      return at_end (P);
    }
  return perr (P, at, "unknown check (sum, prod, trajectory, decay, softmax, fpsoftmax, "
               "nondegenerate, softmax-bound, marginal, maxpath, markov)");
}

static int tok_index (const ic_model_def *m, const char *w)
{
  for (int i = 0; i < m->t.ntok; i++) if (!strcmp (m->t.tok[i], w)) return i;
  return -1;
}

/* "w=q w=q ..." into dist (missing tokens 0); must sum to exactly 1. */
static int parse_dist (ps *P, ic_model_def *m, mpq_t *dist)
{
  mpq_t sum; mpq_init (sum);
  int rc = -1;
  for (int w = 0; w < m->t.ntok; w++) mpq_set_ui (dist[w], 0, 1);
  ws (P);
  size_t start = P->pos;
  while (P->s[P->pos])
    {
      size_t at = P->pos;
      size_t e = at;
      while (P->s[e] && P->s[e] != '=' && P->s[e] != ' ' && P->s[e] != '\t' && P->s[e] != ',') e++;
      char *w = xstrndup (P->s + at, e - at);
      int i = tok_index (m, w);
      free (w);
      if (i < 0) { perr (P, at, "not a token of this model (declare it in \"tokens:\")"); goto out; }
      P->pos = e;
      if (expect (P, "=")) goto out;
      size_t qa = P->pos;
      if (num (P, dist[i])) goto out;
      if (mpq_sgn (dist[i]) < 0 || mpq_cmp_ui (dist[i], 1, 1) > 0) { perr (P, qa + 1, "a probability must lie in [0, 1]"); goto out; }
      mpq_add (sum, sum, dist[i]);
      acc (P, ",");
      ws (P);
    }
  if (mpq_cmp_ui (sum, 1, 1) != 0)
    {
      char *s = q_str (sum);
      perr (P, start, "the probabilities sum to %s, not exactly 1", s);
      free (s);
      goto out;
    }
  rc = 0;
out:
  mpq_clear (sum);
  return rc;
}

static int parse_model_line (ps *P, ic_model_def *m, const char *key, size_t keyat)
{
  if (!strcmp (key, "tokens"))
    {
      if (m->kind != MD_TABLE || m->t.ntok) return perr (P, keyat, "\"tokens:\" given twice or in a non-table model");
      char *w; size_t at;
      while ((ws (P), P->s[P->pos]))
        {
          at = P->pos;
          size_t e = at;
          while (P->s[e] && P->s[e] != ' ' && P->s[e] != '\t') e++;
          w = xstrndup (P->s + at, e - at);
          P->pos = e;
          if (strchr (w, '=') || strchr (w, ':')) { free (w); return perr (P, at, "a token cannot contain '=' or ':'"); }
          if (tok_index (m, w) >= 0) { free (w); return perr (P, at, "duplicate token"); }
          m->t.tok = xrealloc (m->t.tok, sizeof (char *) * (size_t) (m->t.ntok + 1));
          m->t.tok[m->t.ntok++] = w;
        }
      if (!m->t.ntok) return perr (P, P->pos, "expected at least one token");
      return 0;
    }
  if (!strcmp (key, "start") || !strncmp (key, "after ", 6))
    {
      if (!m->t.ntok) return perr (P, keyat, "\"tokens:\" must come first");
      int c = m->t.nctx;
      m->t.ctx = xrealloc (m->t.ctx, sizeof (int *) * (size_t) (c + 1));
      m->t.ctxlen = xrealloc (m->t.ctxlen, sizeof (int) * (size_t) (c + 1));
      m->t.dist = xrealloc (m->t.dist, sizeof (mpq_t *) * (size_t) (c + 1));
      m->ctxline = xrealloc (m->ctxline, sizeof (int) * (size_t) (c + 1));
      m->t.ctx[c] = xmalloc (sizeof (int) * 32); m->t.ctxlen[c] = 0;
      m->t.dist[c] = xmalloc (sizeof (mpq_t) * (size_t) m->t.ntok);
      for (int w = 0; w < m->t.ntok; w++) mpq_init (m->t.dist[c][w]);
      m->ctxline[c] = P->line;
      m->t.nctx++;
      if (key[0] == 'a')
        {
          const char *s = key + 6;
          size_t off = 6;
          while (*s)
            {
              while (*s == ' ') { s++; off++; }
              if (!*s) break;
              size_t e = 0;
              while (s[e] && s[e] != ' ') e++;
              char *w = xstrndup (s, e);
              int i = tok_index (m, w);
              free (w);
              if (i < 0) return perr (P, keyat + off, "not a token of this model");
              if (m->t.ctxlen[c] == 32) return perr (P, keyat + off, "context longer than 32 tokens");
              m->t.ctx[c][m->t.ctxlen[c]++] = i;
              s += e; off += e;
            }
          if (!m->t.ctxlen[c]) return perr (P, keyat, "\"after\" needs at least one token");
        }
      for (int d = 0; d < c; d++)
        if (m->t.ctxlen[d] == m->t.ctxlen[c] && (m->t.ctxlen[c] == 0 || !memcmp (m->t.ctx[d], m->t.ctx[c], sizeof (int) * (size_t) m->t.ctxlen[c])))
          return perr (P, keyat, "this context already has a distribution (line %d)", m->ctxline[d]);
      return parse_dist (P, m, m->t.dist[c]);
    }
  if (!strcmp (key, "arpa"))
    {
      if (m->t.ntok || m->path || m->term) return perr (P, keyat, "a model is either a table, an ARPA file or a counter");
      m->kind = MD_ARPA;
      ws (P);
      m->path_line = P->line; m->path_col = P->col0 + (int) P->pos;
      m->path = xstrdup (P->s + P->pos);
      if (!*m->path) return perr (P, P->pos, "expected a file name");
      return 0;
    }
  if (!strcmp (key, "normalise") || !strcmp (key, "normalize"))
    {
      if (m->normalise) return perr (P, keyat, "\"normalise:\" given twice");
      ws (P);
      if (!acc (P, "rows")) return perr (P, P->pos, "expected \"rows\" (each row divided by its sum)");
      m->normalise = 1; m->norm_line = P->line;
      return at_end (P);
    }
  if (!strcmp (key, "counter"))
    {
      if (m->t.ntok || m->path || m->term) return perr (P, keyat, "a model is either a table, an ARPA file or a counter");
      m->kind = MD_COUNTER;
      ic_check *c = check_new ();
      if (term_arg (P, c, 0, 0)) { check_free (c); return -1; }
      m->term = c->term; c->term = NULL; m->from = c->from;
      ic_error e; memset (&e, 0, sizeof e);
      m->node = ic_term_parse (m->term, &e);
      check_free (c);
      if (!m->node) return perr (P, 0, "in the term: %s", e.msg);
      return at_end (P);
    }
  return perr (P, keyat, "unknown key \"%s\" in a model (tokens, start, after ..., arpa, counter, normalise)", key);
}

/* The value of a "digits:" line: a whole number in 1..IC_CLAIMS_MAX_DIGITS. */
static int digits_value (ps *P, long *d)
{
  unsigned long v;
  if (uint_ (P, &v, IC_CLAIMS_MAX_DIGITS)) return -1;
  if (v < 1) return perr (P, P->pos - 1, "digits must be at least 1");
  if (at_end (P)) return -1;
  *d = (long) v;
  return 0;
}

static int valid_id (const char *s)
{
  if (!*s || !isalnum ((unsigned char) *s)) return 0;
  for (; *s; s++) if (!(isalnum ((unsigned char) *s) || *s == '-' || *s == '_' || *s == '.')) return 0;
  return 1;
}

static int claims_parse (ic_claimfile *cf, const char *text, const char *name,
                     const char *dir, char *err, size_t errlen)
{
  memset (cf, 0, sizeof *cf);
  cf->path = xstrdup (name);
  cf->dir = xstrdup (dir ? dir : ".");
  cf->text = xstrdup (text);
  ps P = { name, err, errlen, 0, NULL, 1, 0 };
  ic_claim *cl = NULL;
  ic_model_def *md = NULL;
  const char *p = text;
  int rc = -1;
  /* "digits:" in a claim sets the digits of the check: lines after it;
   * dg_line:dg_col is a digits: line no check has used yet */
  long claim_digits = 0;
  int dg_line = 0, dg_col = 0, file_dg_line = 0;
#define DIGITS_UNUSED() \
  (snprintf (err, errlen, "%s:%d:%d: \"digits:\" sets the digits of the check: lines after it in its claim, and none follows", \
             name, dg_line, dg_col))
  while (*p)
    {
      const char *e = strchr (p, '\n');
      size_t len = e ? (size_t) (e - p) : strlen (p);
      char *line = xstrndup (p, len);
      p += len + (e ? 1 : 0);
      P.line++;
      if (len && line[len - 1] == '\r') line[--len] = 0;
      P.s = line; P.col0 = 1; P.pos = 0;
      for (size_t i = 0; i < len; i++)
        if ((unsigned char) line[i] < 0x20 && line[i] != '\t')
          { perr (&P, i, "control character in the file"); free (line); goto out; }
      ws (&P);
      if (!line[P.pos] || line[P.pos] == '#') { free (line); continue; }
      if (P.pos == 0)
        {
          size_t k = 0;
          while (is_idch (line[k])) k++;
          size_t k2 = k;
          while (line[k2] == ' ' || line[k2] == '\t') k2++;
          if (k == 6 && !strncmp (line, "digits", 6) && line[k2] == ':')
            {
              /* the file-level default of the digits asked */
              if (cf->nclaim || cf->nmodel)
                { perr (&P, 0, "a file-level \"digits:\" must come before the first block (indent it to set the digits of a claim's checks)"); free (line); goto out; }
              if (file_dg_line)
                { perr (&P, 0, "\"digits:\" given twice at file level (first at line %d)", file_dg_line); free (line); goto out; }
              P.pos = k2 + 1;
              if (digits_value (&P, &cf->digits)) { free (line); goto out; }
              file_dg_line = P.line;
              free (line);
              continue;
            }
          if (dg_line) { DIGITS_UNUSED (); free (line); goto out; }
          claim_digits = 0;
          /* a block header */
          size_t at;
          char *kw = ident (&P, &at);
          int is_claim = kw && !strcmp (kw, "claim"), is_model = kw && !strcmp (kw, "model");
          free (kw);
          if (!is_claim && !is_model)
            { perr (&P, 0, "expected \"claim ID\" or \"model NAME\" at the start of a block (indent the lines of a block)"); free (line); goto out; }
          char *id = ident (&P, &at);
          if (!id || !valid_id (id))
            { perr (&P, at, "expected an identifier (letters, digits, '-', '_', '.')"); free (id); free (line); goto out; }
          if (at_end (&P)) { free (id); free (line); goto out; }
          if (is_claim && cf->nclaim >= IC_CLAIMS_MAX_CLAIMS)
            {
              perr (&P, 0, "too many claims in one file (limit %d claims)", IC_CLAIMS_MAX_CLAIMS);
              free (id); free (line); rc = -2; goto out;
            }
          if (is_claim)
            {
              for (int i = 0; i < cf->nclaim; i++)
                if (!strcmp (cf->claim[i].id, id))
                  { perr (&P, at, "duplicate claim id \"%s\" (first at line %d)", id, cf->claim[i].line); free (id); free (line); goto out; }
              cf->claim = xrealloc (cf->claim, sizeof *cf->claim * (size_t) (cf->nclaim + 1));
              cl = &cf->claim[cf->nclaim++];
              memset (cl, 0, sizeof *cl);
              cl->id = id; cl->line = P.line;
              md = NULL;
            }
          else
            {
              for (int i = 0; i < cf->nmodel; i++)
                if (!strcmp (cf->model[i]->name, id))
                  { perr (&P, at, "duplicate model \"%s\" (first at line %d)", id, cf->model[i]->line); free (id); free (line); goto out; }
              cf->model = xrealloc (cf->model, sizeof *cf->model * (size_t) (cf->nmodel + 1));
              md = xcalloc (1, sizeof *md);
              cf->model[cf->nmodel++] = md;
              md->name = id; md->line = P.line; md->kind = MD_TABLE;
              cl = NULL;
            }
          free (line);
          continue;
        }
      /* "key: value" inside a block */
      size_t keyat = P.pos;
      char *colon = strchr (line + P.pos, ':');
      if (!colon) { perr (&P, keyat, "expected \"key: value\""); free (line); goto out; }
      char *key = xstrndup (line + keyat, (size_t) (colon - line) - keyat);
      while (strlen (key) && (key[strlen (key) - 1] == ' ' || key[strlen (key) - 1] == '\t')) key[strlen (key) - 1] = 0;
      P.pos = (size_t) (colon - line) + 1;
      ws (&P);
      const char *val = line + P.pos;
      int bad = 0;
      if (!cl && !md) { perr (&P, keyat, "a \"key: value\" line outside a block"); bad = 1; }
      else if (md) bad = parse_model_line (&P, md, key, keyat) != 0;
      else if (!strcmp (key, "check"))
        {
          ic_check *c = check_new ();
          if (parse_check (&P, c)) { check_free (c); bad = 1; }
          else
            {
              c->digits = claim_digits ? claim_digits : cf->digits;
              dg_line = 0;
              cl->check = xrealloc (cl->check, sizeof *cl->check * (size_t) (cl->ncheck + 1));
              ic_check_entry *ce = &cl->check[cl->ncheck++];
              memset (ce, 0, sizeof *ce);
              ce->text = xstrdup (val); ce->line = P.line; ce->c = c;
            }
        }
      else if (!strcmp (key, "statement") || !strcmp (key, "note"))
        {
          char **dst = key[0] == 's' ? &cl->statement : &cl->note;
          if (*dst) { char *t = fmt ("%s %s", *dst, val); free (*dst); *dst = t; }
          else *dst = xstrdup (val);
        }
      else if (!strcmp (key, "expect"))
        {
          if (strcmp (val, "proved") && strcmp (val, "refuted") && strcmp (val, "undecided"))
            { perr (&P, P.pos, "expect is proved, refuted or undecided"); bad = 1; }
          else { free (cl->expect); cl->expect = xstrdup (val); }
        }
      else if (!strcmp (key, "digits"))
        {
          if (dg_line)
            { perr (&P, keyat, "\"digits:\" given again before a check: line (first at line %d)", dg_line); bad = 1; }
          else if (digits_value (&P, &claim_digits)) bad = 1;
          else { dg_line = P.line; dg_col = (int) keyat + 1; }
        }
      else if (!strcmp (key, "item"))
        {
          unsigned long v;
          if (uint_ (&P, &v, 1000) || at_end (&P)) bad = 1; else cl->item = (int) v;
        }
      else { perr (&P, keyat, "unknown key \"%s\" in a claim (statement, item, expect, note, digits, check)", key); bad = 1; }
      free (key);
      free (line);
      if (bad) goto out;
    }
  if (dg_line) { DIGITS_UNUSED (); goto out; }
#undef DIGITS_UNUSED
  /* resolve model references; every claim needs a check */
  for (int i = 0; i < cf->nclaim; i++)
    {
      ic_claim *c = &cf->claim[i];
      if (!c->ncheck)
        { snprintf (err, errlen, "%s:%d:1: claim \"%s\" has no check: line", name, c->line, c->id); goto out; }
      if (!c->statement) c->statement = xstrdup ("");
      for (int j = 0; j < c->ncheck; j++)
        {
          ic_check *k = c->check[j].c;
          if (!k->mname) continue;
          for (int m = 0; m < cf->nmodel; m++) if (!strcmp (cf->model[m]->name, k->mname)) k->model = m;
          if (k->model < 0)
            { snprintf (err, errlen, "%s:%d:%d: no model named \"%s\" in this file", name, c->check[j].line, k->mcol, k->mname); goto out; }
          int mk = cf->model[k->model]->kind;
          if (mk == MD_COUNTER && k->kind != CK_MARKOV)
            { snprintf (err, errlen, "%s:%d:%d: a counter model supports only markov(...) checks", name, c->check[j].line, k->mcol); goto out; }
        }
    }
  for (int m = 0; m < cf->nmodel; m++)
    {
      ic_model_def *d = cf->model[m];
      if (d->kind == MD_TABLE && (!d->t.ntok || !d->t.nctx))
        { snprintf (err, errlen, "%s:%d:1: model \"%s\" needs tokens: and a start: distribution (or arpa:, or counter:)", name, d->line, d->name); goto out; }
      if (d->kind == MD_TABLE)
        {
          int has_start = 0;
          for (int c = 0; c < d->t.nctx; c++) if (!d->t.ctxlen[c]) has_start = 1;
          if (!has_start)
            { snprintf (err, errlen, "%s:%d:1: model \"%s\" has no start: distribution", name, d->line, d->name); goto out; }
        }
    }
  rc = 0;
out:
  if (rc) ic_claims_clear (cf);
  return rc;
}

int ic_claims_read (ic_claimfile *cf, const char *path, char *err, size_t errlen)
{
  memset (cf, 0, sizeof *cf);
  FILE *fp = fopen (path, "rb");
  if (!fp) { snprintf (err, errlen, "%s: %s", path, strerror (errno)); return -1; }
  /* a folder opens for reading on Linux and reads as nothing: refuse it
   * by name (not "no claims") */
  struct stat st;
  memset (&st, 0, sizeof st);
  if (fstat (fileno (fp), &st) == 0 && S_ISDIR (st.st_mode))
    { snprintf (err, errlen, "%s: is a directory, not a claim file", path); fclose (fp); return -1; }
  ic_buf b; ic_buf_init (&b);
  char chunk[8192]; size_t n;
  /* stop reading past the size limit (an endless device, a huge file) */
  while (b.len <= IC_CLAIMS_MAX_BYTES && (n = fread (chunk, 1, sizeof chunk, fp)) > 0) ic_buf_putn (&b, chunk, n);
  int rerr = ferror (fp) ? errno : 0;
  fclose (fp);
  if (rerr) { snprintf (err, errlen, "%s: %s", path, strerror (rerr)); ic_buf_free (&b); return -1; }
  if (b.len > IC_CLAIMS_MAX_BYTES)
    {
      if (S_ISREG (st.st_mode) && (size_t) st.st_size > b.len) b.len = (size_t) st.st_size;
      snprintf (err, errlen, "%s: file too large: %zu bytes (limit %d bytes)", path, b.len, IC_CLAIMS_MAX_BYTES);
      ic_buf_free (&b); memset (cf, 0, sizeof *cf); return -2;
    }
  if (b.failed) { snprintf (err, errlen, "%s: out of memory", path); ic_buf_free (&b); return -3; }
  if (strlen (b.s) != b.len)
    { snprintf (err, errlen, "%s:1:1: NUL byte in the file", path); ic_buf_free (&b); memset (cf, 0, sizeof *cf); return -1; }
  char *dir = strdup (path);
  if (!dir) { snprintf (err, errlen, "%s: out of memory", path); ic_buf_free (&b); return -3; }
  char *slash = strrchr (dir, '/');
  if (slash == dir) dir[1] = 0;              /* "/x.claims": the root folder */
  else if (slash) *slash = 0;
  else strcpy (dir, ".");
  int rc = ic_claims_parse (cf, b.s, path, dir, err, errlen);
  free (dir);
  ic_buf_free (&b);
  return rc;
}

/* ---- series, products, trajectories ------------------------------------ */

static const char *verb_text (int v)
{
  switch (v)
    {
    case VB_CONV: return "converges"; case VB_DIV: return "diverges";
    case VB_ZERO: return "has limit 0"; case VB_POS: return "has a positive limit";
    default: return "has its limit in the interval";
    }
}

typedef struct {
  ic_claim_status st;
  int verdict, has_limit;
  ic_ival_t lim;
} inst_t;

/* Certified range of e over n in [from, +Inf) (and p in P if non-NULL). */
static int term_range (ic_ival_ptr out, const ic_node *e, unsigned long from, ic_ival_srcptr p)
{
  tenv env;
  ic_ival_t n; ic_ival_init2 (n, PREC);
  mpfr_set_ui (n->lo, from, MPFR_RNDD); mpfr_set_inf (n->hi, 1);
  env.n = n; env.p = p; mpq_init (env.sent); scan_q (env.sent, SENTINEL_TEXT);
  int rc = tev (out, e, &env);
  mpq_clear (env.sent); ic_ival_clear (n);
  return rc;
}

/* Partial products (or sums) plot: certified bands at sample points, the
 * double-precision loop, and the certified limit. */
static void series_plot (ic_check_result *r, const ic_node *e, int ser, unsigned long from,
                         const inst_t *in, const char *label)
{
  /* up to n = 20000, or 20000 terms past a larger start (from <= 10^9 in
   * claim files; without the second case a start beyond 20000 left no
   * sample point and pts[npts - 1] read pts[-1]) */
  const unsigned long NMAX = from < 10000 ? 20000 : from + 20000;
  int npts = 0; unsigned long pts[80];
  /* sample points: heuristic log spacing (presentation only); x <= NMAX
   * <= 10^9 + 20000, so the conversion is exact */
  for (double x = (double) from; x <= (double) NMAX && npts < 79; x *= 1.2)
    {
      unsigned long v = (unsigned long) x;
      if (!npts || v > pts[npts - 1]) pts[npts++] = v;
      if (x < (double) from + 1) x = (double) from + 1;
    }
  if (npts == 0 || pts[npts - 1] != NMAX) pts[npts++] = NMAX;
  ic_plot *pl = add_plot (r);
  int prod = ser != SER_SUM;
  char *title = prod ? fmt ("Partial products of %s", label) : fmt ("Partial sums of %s", label);
  ic_plot_init (pl, title, "N (terms multiplied, log scale)", prod ? "log10 of the partial product" : "partial sum", 1);
  free (title);                                     /* ic_plot_init copies it */
  if (!prod) { free (pl->xlabel); pl->xlabel = xstrdup ("N (terms added, log scale)"); }
  /* the title strings above were built with fmt: replace the copies */
  ic_plot_series *cb = ic_plot_add (pl, "certified partial value (band)", IC_PLOT_BAND, npts);
  cb->certified = 1;               /* exact N; log10_ends / fr_d round outward */
  ic_plot_series *dl = ic_plot_add (pl, "double-precision loop", IC_PLOT_LINE, npts);
  ic_plot_series_approx (dl, "approximate, for plotting: what a loop in IEEE binary64 arithmetic (round to nearest) computes, to compare with the certified band; not an enclosure");
  tenv env; ic_ival_t n, t, acc;
  ic_ival_init2 (n, PREC); ic_ival_init2 (t, PREC); ic_ival_init2 (acc, PREC);
  env.n = n; env.p = NULL; mpq_init (env.sent); scan_q (env.sent, SENTINEL_TEXT);
  ic_ival_set_ui (acc, prod ? 1 : 0);
  double dacc = prod ? 1 : 0;
  int k = 0, ok = 1;
  for (unsigned long N = from; N <= NMAX && k < npts; N++)
    {
      ic_ival_set_ui (n, N);
      if (ok && tev (t, e, &env) != 0) ok = 0;
      if (ok) { if (prod) ic_ival_mul (acc, acc, t); else ic_ival_add (acc, acc, t); }
      double dv = dev (e, (double) N);
      if (prod) dacc *= dv; else dacc += dv;
      if (N == pts[k])
        {
          cb->x[k] = dl->x[k] = (double) N;
          if (!ok) { cb->ylo[k] = -INFINITY; cb->yhi[k] = INFINITY; }
          else if (prod) log10_ends (&cb->ylo[k], &cb->yhi[k], acc);
          else { cb->ylo[k] = fr_d (acc->lo, MPFR_RNDD); cb->yhi[k] = fr_d (acc->hi, MPFR_RNDU); }
          dl->ylo[k] = dl->yhi[k] = prod ? (dacc > 0 ? log10 (dacc) : -INFINITY) : dacc;
          k++;
        }
    }
  cb->n = dl->n = k;
  if (in && in->has_limit)
    {
      ic_plot_series *lb = ic_plot_add (pl, "certified limit", IC_PLOT_HBAND, 1);
      lb->certified = 1;               /* outward, like the band */
      if (prod) log10_ends (&lb->ylo[0], &lb->yhi[0], in->lim);
      else { lb->ylo[0] = fr_d (in->lim->lo, MPFR_RNDD); lb->yhi[0] = fr_d (in->lim->hi, MPFR_RNDU); }
      if (!isfinite (lb->ylo[0])) lb->n = 0;
      if (prod && isfinite (lb->ylo[0]) && lb->ylo[0] < -300)
        {
          ic_plot_series *m = ic_plot_add (pl, "smallest positive double (2^-1074)", IC_PLOT_HBAND, 1);
          ic_ival_t tiny; ic_ival_init2 (tiny, PREC);
          ic_ival_set_ui (tiny, 1);
          mpfr_div_2ui (tiny->lo, tiny->lo, 1074, MPFR_RNDD);   /* exact: 2^-1074 */
          mpfr_div_2ui (tiny->hi, tiny->hi, 1074, MPFR_RNDU);
          log10_ends (&m->ylo[0], &m->yhi[0], tiny);            /* encloses -1074 log10 2 */
          m->certified = 1;
          ic_ival_clear (tiny);
        }
    }
  mpq_clear (env.sent);
  ic_ival_clear (n); ic_ival_clear (t); ic_ival_clear (acc);
}

/* x printed outward as "[lo, hi]" (lo rounded down, hi up, by
 * ic_fr_to_decimal) with the fewest significant digits d >= d0 such that
 * the printed ends keep the given separations: lo' >= lb (lo' > lb when
 * lb_strict) if lb is non-NULL, and hi' <= ub (hi' < ub) if ub is non-NULL.
 * Printing rounds outward, so lo' <= lo and hi' >= hi; the separations
 * hold for x itself when they hold for the printed ends, and a proved
 * [a, b] claim is thus shown by an enclosure that visibly lies in [a, b].
 * The condition is monotone in d (the d-digit decimals are among the
 * (d+1)-digit ones, so lo' only grows and hi' only shrinks), which allows
 * a bisection.  *ok is 1 when some d <= dmax works; otherwise the string
 * has d0 digits (still an outward enclosure).  *dused is the d printed. */
static int ends_ok (ic_ival_srcptr x, long d, mpq_srcptr lb, int lb_strict,
                    mpq_srcptr ub, int ub_strict, char **slo, char **shi)
{
  *slo = ic_fr_to_decimal (x->lo, d, MPFR_RNDD);
  *shi = ic_fr_to_decimal (x->hi, d, MPFR_RNDU);
  int ok = 1;
  mpq_t q; mpq_init (q);
  if (lb)
    {
      /* an infinite or NaN end does not parse as a whole: no separation */
      size_t n = scan_q (q, *slo);
      int c = mpq_cmp (q, lb);
      ok = n && n == strlen (*slo) && (lb_strict ? c > 0 : c >= 0);
    }
  if (ok && ub)
    {
      size_t n = scan_q (q, *shi);
      int c = mpq_cmp (q, ub);
      ok = n && n == strlen (*shi) && (ub_strict ? c < 0 : c <= 0);
    }
  mpq_clear (q);
  return ok;
}

static char *ival_str_within (ic_ival_srcptr x, long d0, mpq_srcptr lb, int lb_strict,
                              mpq_srcptr ub, int ub_strict, long *dused, int *ok)
{
  char *lo, *hi;
  /* an exact decimal of a p-bit number with exponent e has at most about
   * p + |e| significant digits, so dmax digits print both ends exactly */
  long dmax = (long) mpfr_get_prec (x->lo) + 64;
  if (mpfr_regular_p (x->lo)) dmax += labs ((long) mpfr_get_exp (x->lo));
  if (mpfr_regular_p (x->hi)) dmax += labs ((long) mpfr_get_exp (x->hi));
  if (dmax > 200000) dmax = 200000;
  if (dmax < d0) dmax = d0;
  *ok = ends_ok (x, d0, lb, lb_strict, ub, ub_strict, &lo, &hi);
  long d = d0;
  if (!*ok)
    {
      free (lo); free (hi);
      if (ends_ok (x, dmax, lb, lb_strict, ub, ub_strict, &lo, &hi))
        {
          /* bisection: ends_ok fails at dl and holds at dh */
          long dl = d0, dh = dmax;
          free (lo); free (hi);
          while (dh - dl > 1)
            {
              long m = dl + (dh - dl) / 2;
              int g = ends_ok (x, m, lb, lb_strict, ub, ub_strict, &lo, &hi);
              free (lo); free (hi);
              if (g) dh = m; else dl = m;
            }
          *ok = ends_ok (x, dh, lb, lb_strict, ub, ub_strict, &lo, &hi);
          d = dh;
        }
      else
        {
          free (lo); free (hi);
          ends_ok (x, d0, NULL, 0, NULL, 0, &lo, &hi);
        }
    }
  char *s = fmt ("[%s, %s]", lo, hi);
  free (lo); free (hi);
  if (dused) *dused = d;
  return s;
}

/* How one result of ic_certify decides a check (the verdict mapping).
 * For an interval check with a finite enclosure [lo, hi] of the limit,
 * *str_a / *str_b say that the enclosure straddles the end a / b: it
 * contains that end and numbers outside [a, b] on that side. */
static ic_claim_status map_result (const ic_check *c, const ic_result *res,
                                   int *str_a, int *str_b)
{
  *str_a = *str_b = 0;
  int v = res->verdict;
  int lim = res->has_limit && !mpfr_nan_p (res->lo) && !mpfr_nan_p (res->hi);
  switch (c->verb)
    {
    case VB_CONV:
      return v == IC_CONVERGES ? IC_ST_PROVED : v == IC_UNKNOWN ? IC_ST_UNDECIDED : IC_ST_REFUTED;
    case VB_DIV:
      if (c->ser == SER_SUM) return v == IC_DIVERGES ? IC_ST_PROVED : v == IC_CONVERGES ? IC_ST_REFUTED : IC_ST_UNDECIDED;
      return (v == IC_DIVERGES || v == IC_DIVERGES_TO_ZERO) ? IC_ST_PROVED
        : (v == IC_CONVERGES || v == IC_ZERO_FACTOR) ? IC_ST_REFUTED : IC_ST_UNDECIDED;
    case VB_ZERO:
      return (v == IC_DIVERGES_TO_ZERO || v == IC_ZERO_FACTOR) ? IC_ST_PROVED
        : (v == IC_CONVERGES || v == IC_DIVERGES) ? IC_ST_REFUTED : IC_ST_UNDECIDED;
    case VB_POS:
      if (v == IC_CONVERGES && lim && mpfr_sgn (res->lo) > 0) return IC_ST_PROVED;
      if (v == IC_CONVERGES && lim && mpfr_sgn (res->hi) <= 0) return IC_ST_REFUTED;
      if (v == IC_DIVERGES_TO_ZERO || v == IC_ZERO_FACTOR || v == IC_DIVERGES) return IC_ST_REFUTED;
      return IC_ST_UNDECIDED;
    default:   /* VB_IN */
      if (v == IC_DIVERGES_TO_ZERO || v == IC_ZERO_FACTOR)      /* the limit is 0 */
        return (mpq_sgn (c->a) <= 0 && mpq_sgn (c->b) >= 0) ? IC_ST_PROVED : IC_ST_REFUTED;
      if (v == IC_DIVERGES) return IC_ST_REFUTED;
      if (v != IC_CONVERGES || !lim) return IC_ST_UNDECIDED;
      /* exact comparisons of the binary ends with the rational ends */
      if (mpfr_cmp_q (res->hi, c->a) < 0 || mpfr_cmp_q (res->lo, c->b) > 0)
        return IC_ST_REFUTED;                    /* limit <= hi < a, or > b */
      if (mpfr_cmp_q (res->lo, c->a) >= 0 && mpfr_cmp_q (res->hi, c->b) <= 0)
        return IC_ST_PROVED;                     /* a <= lo <= limit <= hi <= b */
      *str_a = mpfr_cmp_q (res->lo, c->a) < 0;   /* lo < a <= hi */
      *str_b = mpfr_cmp_q (res->hi, c->b) > 0;   /* lo <= b < hi */
      return IC_ST_UNDECIDED;
    }
}

static double now_s (void)
{
  struct timespec t;
  clock_gettime (CLOCK_MONOTONIC, &t);
  return (double) t.tv_sec + 1e-9 * (double) t.tv_nsec;
}

/* One instance (no parameter) of a series check: ic_certify and the
 * verdict mapping.  text is the term (c->term, or with p replaced). */
static void series_instance (inst_t *in, ic_check_result *r, const ic_check *c,
                             const char *text, int plot)
{
  in->st = IC_ST_UNDECIDED; in->has_limit = 0; in->verdict = IC_UNKNOWN;
  ic_error err; memset (&err, 0, sizeof err);
  ic_node *e = ic_term_parse (text, &err);
  int ser = c->ser, verb = c->verb;
  unsigned long from = c->from;
  const char *what = ser == SER_SUM ? "sum" : ser == SER_PROD ? "product" : "trajectory probability (product)";
  if (!e) { set_how (r, "The term %s does not parse: %s.", text, err.msg); return; }
  char *hyp = NULL;            /* the certified hypothesis of a trajectory */
  if (ser == SER_TRAJ)
    {
      ic_ival_t R; ic_ival_init2 (R, PREC);
      int ok = term_range (R, e, from, NULL) == 0 && ic_ival_is_nonneg (R) && mpfr_cmp_ui (R->hi, 1) <= 0;
      char *rs = ival_str (R, 8);
      KV (r, "range of p(n) over n >= N", "%s", rs);
      free (rs);
      ic_ival_clear (R);
      if (!ok)
        {
          set_how (r, "Could not certify 0 <= p(%s) <= 1 for every n >= %lu, so it is not known to be a transition rule.", "n", from);
          ic_node_free (e);
          return;
        }
      hyp = fmt ("Interval evaluation over n in [%lu, +Inf) shows 0 <= p(n) <= 1, so p is a continuation probability and the partial products are non-increasing.", from);
    }
  /* Digits asked: the file's, then (interval checks whose enclosure
   * straddles an end, with every asked digit delivered) 2 and 4 times as
   * many.  Heuristic: it only chooses what to ask; each result is mapped
   * on its own, and the last one that has a verdict is used. */
  long d = c->digits > 0 ? c->digits : IC_CLAIMS_DEFAULT_DIGITS;
  long asked[1 + IC_CLAIMS_RETRIES]; int nasked = 0;
  double t0 = now_s ();
  ic_result res; ic_result_init (&res);
  int have = 0, str_a = 0, str_b = 0;
  ic_claim_status s = IC_ST_UNDECIDED;
  for (int attempt = 0; attempt <= IC_CLAIMS_RETRIES; attempt++)
    {
      double left = IC_CLAIMS_SERIES_SECONDS - (now_s () - t0);
      if (attempt > 0 && left < 1.0) break;
      ic_options opt; ic_options_default (&opt);
      opt.digits = d; opt.from = from; opt.timeout = left;
      ic_result cur; ic_result_init (&cur);
      ic_error cerr; memset (&cerr, 0, sizeof cerr);
      ic_status st = ic_certify (&cur, ser == SER_SUM ? IC_KIND_SUM : IC_KIND_PROD, e, &opt, &cerr);
      if (st != IC_OK)
        {
          ic_result_clear (&cur);
          if (!have) err = cerr;
          break;
        }
      int sa, sb;
      ic_claim_status cs = map_result (c, &cur, &sa, &sb);
      if (have && cs == IC_ST_UNDECIDED && !(sa || sb))
        {
          /* the retry lost what the first run had (a time limit): keep it */
          ic_result_clear (&cur);
          break;
        }
      ic_result_clear (&res);
      res = cur;
      have = 1; s = cs; str_a = sa; str_b = sb;
      asked[nasked++] = d;
      if (s != IC_ST_UNDECIDED || !(sa || sb) || res.stopped || d > IC_CLAIMS_MAX_DIGITS / 2)
        break;
      d *= 2;
    }
  if (!have)
    {
      set_how (r, "The engine stopped without a verdict: %s.", err.msg[0] ? err.msg : "error");
      ic_result_clear (&res);
      free (hyp); ic_node_free (e);
      return;
    }
  in->verdict = res.verdict;
  const char *vn = ic_verdict_name (res.kind, res.verdict);
  KV (r, "engine verdict", "%s", vn ? vn : "?");
  if (res.cert.test[0]) KV (r, "test", "%s", res.cert.test);
  for (int i = 0; i < res.cert.nitems; i++) KV (r, res.cert.item[i].key, "%s", res.cert.item[i].val);
  ic_buf da; ic_buf_init (&da);
  for (int i = 0; i < nasked; i++) ic_buf_printf (&da, "%s%ld", i ? ", " : "", asked[i]);
  if (verb == VB_IN || c->digits > 0)
    KV (r, "digits asked", "%s%s", da.s, nasked > 1 ? " (retried: the enclosure straddled an end)" : "");
  char *encl = NULL;           /* the enclosure as shown in the reason */
  if (res.has_limit)
    {
      in->has_limit = 1;
      ic_ival_init2 (in->lim, mpfr_get_prec (res.lo) > PREC ? mpfr_get_prec (res.lo) : PREC);
      ic_ival_set_fr2 (in->lim, res.lo, res.hi);
      char *ls;
      long dp = 15;
      int fits;
      if (verb == VB_IN && in->verdict == IC_CONVERGES && s == IC_ST_PROVED)
        ls = ival_str_within (in->lim, dp, c->a, 0, c->b, 0, NULL, &fits);      /* a <= lo', hi' <= b */
      else if (verb == VB_IN && in->verdict == IC_CONVERGES && s == IC_ST_REFUTED)
        {
          if (mpfr_cmp_q (in->lim->hi, c->a) < 0)
            ls = ival_str_within (in->lim, dp, NULL, 0, c->a, 1, NULL, &fits); /* hi' < a */
          else
            ls = ival_str_within (in->lim, dp, c->b, 1, NULL, 0, NULL, &fits); /* lo' > b */
        }
      else if (str_a || str_b)
        {
          /* undecided: enough digits to show how close the end is */
          dp = res.digits + 3 > 15 ? res.digits + 3 : 15;
          ls = ival_str_within (in->lim, dp, NULL, 0, NULL, 0, NULL, &fits);
        }
      else ls = ival_str (in->lim, 15);
      KV (r, "limit", "%s", ls);
      KV (r, "certified digits", "%ld", res.digits);
      encl = ls;
    }
  if (verb == VB_IN)
    KV (r, "claimed interval", "[%s, %s]", c->a_text ? c->a_text : "?", c->b_text ? c->b_text : "?");
  if (s != IC_ST_UNDECIDED)
    {
      if (hyp) set_how (r, "%s", hyp);
      set_how (r, "ic_certify on the %s from n = %lu: %s%s%s", what, from,
               res.cert.summary[0] ? res.cert.summary : "verdict ", res.cert.summary[0] ? "" : (vn ? vn : "?"),
               res.cert.summary[0] && res.cert.summary[strlen (res.cert.summary) - 1] == '.' ? "" : ".");
    }
  else
    {
      /* the reason names what failed; the convergence certificate stays
       * among the numbers */
      const char *kind = ser == SER_SUM ? "sum" : "product";
      const char *why = res.stop_note[0] ? res.stop_note : res.limit_note[0] ? res.limit_note : res.cert.summary;
      if (res.cert.summary[0] && res.verdict != IC_UNKNOWN) KV (r, "convergence certificate", "%s", res.cert.summary);
      if (str_a && str_b)
        set_how (r, "The enclosure %s straddles both ends a = %s and b = %s of the claimed interval (digits asked: %s).",
                 encl, c->a_text, c->b_text, da.s);
      else if (str_a)
        set_how (r, "The enclosure %s straddles the lower end a = %s of the claimed interval [%s, %s] (digits asked: %s).",
                 encl, c->a_text, c->a_text, c->b_text, da.s);
      else if (str_b)
        set_how (r, "The enclosure %s straddles the upper end b = %s of the claimed interval [%s, %s] (digits asked: %s).",
                 encl, c->b_text, c->a_text, c->b_text, da.s);
      else if (res.verdict == IC_UNKNOWN)
        set_how (r, "The verdict of the %s is unknown: %s%s", kind, why[0] ? why : "no test decided it",
                 why[0] && why[strlen (why) - 1] == '.' ? "" : ".");
      else if (res.verdict == IC_CONVERGES && !res.has_limit)
        set_how (r, "The %s converges, but its limit is not enclosed: %s%s", kind,
                 res.limit_note[0] ? res.limit_note : "no enclosure was certified",
                 res.limit_note[0] && res.limit_note[strlen (res.limit_note) - 1] == '.' ? "" : ".");
      else if (verb == VB_POS && res.verdict == IC_CONVERGES)
        set_how (r, "The product converges, but the enclosure %s of its limit contains 0 or is not finite.", encl);
      else
        set_how (r, "The verdict \"%s\" does not decide the check.", vn ? vn : "?");
    }
  ic_buf_free (&da);
  free (encl);
  in->st = s;
  if (plot) series_plot (r, e, ser, from, in, text);
  free (hyp);
  ic_result_clear (&res);
  ic_node_free (e);
}

static void inst_clear (inst_t *in) { if (in->has_limit) ic_ival_clear (in->lim); in->has_limit = 0; }

/* A term literal for q: an exact decimal when the denominator is 2^a 5^b
 * (the term syntax reads decimals exactly), else "(a/b)". */
static char *q_paren (const mpq_t q)
{
  mpz_t d; mpz_init_set (d, mpq_denref (q));
  unsigned long k = 0;
  while (mpz_divisible_ui_p (d, 2)) { mpz_divexact_ui (d, d, 2); }
  while (mpz_divisible_ui_p (d, 5)) { mpz_divexact_ui (d, d, 5); }
  int dec = mpz_cmp_ui (d, 1) == 0;
  mpz_clear (d);
  if (dec)
    {
      /* smallest k with 10^k q an integer */
      mpq_t t; mpq_init (t); mpq_set (t, q);
      while (mpz_cmp_ui (mpq_denref (t), 1) != 0) { mpq_set_ui (t, 10, 1); mpq_mul (t, t, q); k++;
        mpz_t p; mpz_init (p); mpz_ui_pow_ui (p, 10, k); mpq_set (t, q); mpz_mul (mpq_numref (t), mpq_numref (t), p); mpq_canonicalize (t); mpz_clear (p); }
      char *digits = mpz_get_str (NULL, 10, mpq_numref (t));
      int neg = digits[0] == '-';
      char *ds = digits + neg;
      size_t n = strlen (ds);
      ic_buf b; ic_buf_init (&b);
      if (neg) ic_buf_puts (&b, "(-");
      if (k == 0) ic_buf_puts (&b, ds);
      else if (n > k) { ic_buf_putn (&b, ds, n - k); ic_buf_puts (&b, "."); ic_buf_puts (&b, ds + n - k); }
      else { ic_buf_puts (&b, "0."); for (size_t i = n; i < k; i++) ic_buf_puts (&b, "0"); ic_buf_puts (&b, ds); }
      if (neg) ic_buf_puts (&b, ")");
      void (*freefunc) (void *, size_t);
      mp_get_memory_functions (NULL, NULL, &freefunc);
      freefunc (digits, strlen (digits) + 1);
      mpq_clear (t);
      return ic_buf_take (&b);
    }
  char *s = q_str (q);
  char *t = fmt ("(%s)", s);
  free (s);
  return t;
}

static void check_series (ic_check_entry *ce)
{
  ic_check *c = ce->c;
  ic_check_result *r = &ce->r;
  const char *sername = c->ser == SER_SUM ? "sum" : c->ser == SER_PROD ? "prod" : "trajectory";
  if (!c->forall)
    {
      inst_t in;
      series_instance (&in, r, c, c->term, 1);
      r->status = in.st;
      inst_clear (&in);
      return;
    }
  /* for all p in [pa, pb] */
  mpq_t cand[5]; int nc = 0;
  for (int i = 0; i < 5; i++) mpq_init (cand[i]);
  mpq_set (cand[nc++], c->pa);
  if (!mpq_equal (c->pa, c->pb)) mpq_set (cand[nc++], c->pb);
  if (nc == 2)
    {
      /* heuristic extra candidates: midpoint and quarter points */
      mpq_add (cand[2], c->pa, c->pb); mpq_div_2exp (cand[2], cand[2], 1);
      mpq_add (cand[3], c->pa, cand[2]); mpq_div_2exp (cand[3], cand[3], 1);
      mpq_add (cand[4], cand[2], c->pb); mpq_div_2exp (cand[4], cand[4], 1);
      nc = 5;
    }
  inst_t ends[2]; memset (ends, 0, sizeof ends);
  ic_check_result er[2]; memset (er, 0, sizeof er);
  int refuted_at = -1;
  ic_check_result wr; memset (&wr, 0, sizeof wr);
  for (int i = 0; i < nc && refuted_at < 0; i++)
    {
      if (i == 2)
        {
          /* try the proof before spending time on more candidates */
          break;
        }
      char *pv = q_paren (cand[i]);
      int cnt;
      char *t = subst_p (c->term, pv, &cnt);
      series_instance (&ends[i], &er[i], c, t, 0);
      if (ends[i].st == IC_ST_REFUTED) refuted_at = i;
      free (t); free (pv);
    }
  char *pa = q_str (c->pa), *pb = q_str (c->pb);
  KV (r, "parameter range", "p in [%s, %s]", pa, pb);
  if (refuted_at < 0)
    {
      /* Proof by monotonicity in p and comparison (see docs/claims.md). */
      ic_error err; memset (&err, 0, sizeof err);
      ic_node *e = ic_term_parse (c->term_sent, &err);
      ic_ival_t R, P, n; ic_ival_init2 (R, PREC); ic_ival_init2 (P, PREC); ic_ival_init2 (n, PREC);
      ic_ival_t qa, qb; ic_ival_init2 (qa, PREC); ic_ival_init2 (qb, PREC);
      ic_ival_set_q (qa, c->pa); ic_ival_set_q (qb, c->pb);
      ic_ival_hull (P, qa, qb);
      mpfr_set_ui (n->lo, c->from, MPFR_RNDD); mpfr_set_inf (n->hi, 1);
      tenv env; env.n = n; env.p = P; mpq_init (env.sent); scan_q (env.sent, SENTINEL_TEXT);
      int m = e ? mono (R, e, &env) : 2;
      char *rs = ival_str (R, 8);
      KV (r, "range of the term over n >= N and p in the range", "%s", rs);
      KV (r, "monotonicity in p (for each n)", "%s", m == 1 ? "non-decreasing" : m == -1 ? "non-increasing" : m == 0 ? "independent of p" : "not certified");
      free (rs);
      int nonneg = ic_ival_is_nonneg (R), unit = nonneg && mpfr_cmp_ui (R->hi, 1) <= 0;
      int proved = 0;
      const char *why = NULL;
      int lo_end = 0, hi_end = 0;
      if (m != 2)
        {
          lo_end = m == 1 ? 0 : 1;         /* endpoint where the term is smallest */
          if (m == 0) lo_end = 0;
          hi_end = 1 - lo_end;
          if (m == 0) hi_end = 0;
          if (c->ser == SER_SUM && nonneg)
            {
              if (c->verb == VB_CONV && ends[hi_end].st == IC_ST_PROVED)
                { proved = 1; why = "each term is at most the term at the endpoint where the sum converges (comparison test)"; }
              if (c->verb == VB_DIV && ends[lo_end].st == IC_ST_PROVED)
                { proved = 1; why = "each term is at least the term at the endpoint where the sum diverges (comparison test)"; }
              if (c->verb == VB_IN && ends[0].has_limit && ends[1].has_limit && ends[lo_end].verdict == IC_CONVERGES && ends[hi_end].verdict == IC_CONVERGES)
                {
                  mpfr_t x; mpfr_init2 (x, PREC);
                  mpfr_set_q (x, c->a, MPFR_RNDU);
                  int okA = mpfr_greaterequal_p (ends[lo_end].lim->lo, x);
                  mpfr_set_q (x, c->b, MPFR_RNDD);
                  int okB = mpfr_lessequal_p (ends[hi_end].lim->hi, x);
                  mpfr_clear (x);
                  if (okA && okB) { proved = 1; why = "the sum lies between its values at the two endpoints (termwise comparison), and both enclosures lie in the interval"; }
                }
            }
          if (c->ser != SER_SUM && unit)
            {
              if ((c->verb == VB_POS || c->verb == VB_CONV) && ends[lo_end].st == IC_ST_PROVED && ends[lo_end].has_limit && ic_ival_is_pos (ends[lo_end].lim))
                { proved = 1; why = "factors lie in [0, 1] and are at least the factors at the endpoint whose product has a certified positive limit, so every product is at least that limit"; }
              if (c->verb == VB_ZERO && ends[hi_end].st == IC_ST_PROVED)
                { proved = 1; why = "factors lie in [0, 1] and are at most the factors at the endpoint whose product tends to 0"; }
              if (c->verb == VB_DIV && ic_ival_is_pos (R) && ends[hi_end].verdict == IC_DIVERGES_TO_ZERO)
                { proved = 1; why = "factors lie in (0, 1] and are at most the factors at the endpoint whose product diverges to 0"; }
              if (c->verb == VB_IN && ends[0].has_limit && ends[1].has_limit)
                {
                  mpfr_t x; mpfr_init2 (x, PREC);
                  mpfr_set_q (x, c->a, MPFR_RNDU);
                  int okA = mpfr_greaterequal_p (ends[lo_end].lim->lo, x);
                  mpfr_set_q (x, c->b, MPFR_RNDD);
                  int okB = mpfr_lessequal_p (ends[hi_end].lim->hi, x);
                  mpfr_clear (x);
                  if (okA && okB) { proved = 1; why = "factors lie in [0, 1], so the product lies between its values at the two endpoints, and both enclosures lie in the interval"; }
                }
            }
        }
      if (c->ser == SER_TRAJ && !unit) why = NULL, proved = 0;
      if (proved)
        {
          r->status = IC_ST_PROVED;
          set_how (r, "For every p in [%s, %s]: interval evaluation over n >= %lu certifies the term's range and its monotonicity in p; %s.", pa, pb, c->from, why);
          for (int i = 0; i < 2; i++)
            {
              char *pq = q_str (cand[i]);
              char *key = fmt ("at p = %s", pq);
              KV (r, key, "%s", er[i].how ? er[i].how : "");
              free (key); free (pq);
            }
          if (c->verb == VB_IN)
            {
              /* the two enclosures the proof used, each printed so that
               * its end that bounds the family lies in [a, b] */
              for (int i = 0; i < 2; i++)
                {
                  int k = i ? hi_end : lo_end;
                  if (!ends[k].has_limit || (i && hi_end == lo_end)) continue;
                  int both = hi_end == lo_end, fits;
                  char *ls = ival_str_within (ends[k].lim, 15, i == 0 ? c->a : NULL, 0,
                                              i == 1 || both ? c->b : NULL, 0, NULL, &fits);
                  char *pq = q_str (cand[k]);
                  char *key = fmt ("%s: limit at p = %s", both ? "every p" : i ? "largest value" : "smallest value", pq);
                  KV (r, key, "%s", ls);
                  free (key); free (pq); free (ls);
                }
              KV (r, "claimed interval", "[%s, %s]", c->a_text, c->b_text);
            }
        }
      ic_node_free (e);
      mpq_clear (env.sent);
      ic_ival_clear (R); ic_ival_clear (P); ic_ival_clear (n); ic_ival_clear (qa); ic_ival_clear (qb);
      /* no proof: search more candidates for a counterexample */
      for (int i = 2; !proved && i < nc && refuted_at < 0; i++)
        {
          char *pv = q_paren (cand[i]);
          int cnt;
          char *t = subst_p (c->term, pv, &cnt);
          inst_t in; ic_check_result tr; memset (&tr, 0, sizeof tr);
          series_instance (&in, &tr, c, t, 0);
          if (in.st == IC_ST_REFUTED) { refuted_at = i; wr = tr; } else ic_check_result_clear (&tr);
          inst_clear (&in);
          free (t); free (pv);
        }
      if (!proved && refuted_at < 0)
        {
          set_how (r, "No counterexample among the tried values of p, and no proof for the whole range (monotonicity or sign not certified, or an endpoint undecided).");
          for (int i = 0; i < 2 && i < nc; i++)
            {
              char *pq = q_str (cand[i]);
              char *key = fmt ("at p = %s (%s)", pq, ic_claim_status_name (ends[i].st));
              KV (r, key, "%s", er[i].how ? er[i].how : "");
              free (key); free (pq);
            }
        }
    }
  if (refuted_at >= 0)
    {
      ic_check_result *src = refuted_at < 2 ? &er[refuted_at] : &wr;
      char *pv = q_str (cand[refuted_at]), *pp = q_paren (cand[refuted_at]);
      int cnt;
      char *t = subst_p (c->term, pp, &cnt);
      r->status = IC_ST_REFUTED;
      r->witness = fmt ("p = %s: %s(%s, n >= %lu) does not satisfy \"%s\"", pv, sername, t, c->from, verb_text (c->verb));
      set_how (r, "Counterexample p = %s, certified on its own (below).", pv);
      r->witness_how = src->how; src->how = NULL;
      for (int i = 0; i < src->nkv; i++) WKV (r, src->kv[i].key, "%s", src->kv[i].val);
      /* the witness's plot */
      inst_t in; ic_check_result tmp; memset (&tmp, 0, sizeof tmp);
      series_instance (&in, &tmp, c, t, 1);
      for (int i = 0; i < tmp.nplot; i++) *add_plot (r) = tmp.plot[i];
      free (tmp.plot); tmp.plot = NULL; tmp.nplot = 0;
      ic_check_result_clear (&tmp);
      inst_clear (&in);
      free (t); free (pv); free (pp);
    }
  ic_check_result_clear (&wr);
  for (int i = 0; i < 2; i++) { inst_clear (&ends[i]); ic_check_result_clear (&er[i]); }
  for (int i = 0; i < 5; i++) mpq_clear (cand[i]);
  free (pa); free (pb);
}

/* ---- models ------------------------------------------------------------ */

/* Loads a model once.  Returns 0; -1 for a malformed model (message
 * "FILE:LINE:COL: ..." of the ARPA file, or of the claim file for a table);
 * -2 for a model file that cannot be read (message at the claim file's
 * "arpa:" line, naming the file as written and as opened).  A relative
 * path is relative to the claim file's folder (cf->dir), so that the
 * result does not depend on the current folder. */
static int load_model (ic_claimfile *cf, ic_model_def *m, char *err, size_t errlen)
{
  if (m->loaded) { if (m->loaded < 0) snprintf (err, errlen, "%s", m->load_err); return m->loaded == 1 ? 0 : m->load_rc; }
  if (m->kind == MD_COUNTER) { m->loaded = 1; return 0; }
  int rc = 0;
  if (m->kind == MD_TABLE)
    {
      char terr[600];
      if (ic_lm_from_table (&m->lm, &m->t, terr, sizeof terr) != 0)
        {
          /* a table model's error is about its block in the claim file */
          snprintf (err, errlen, "%s:%d:1: model \"%s\": %s", cf->path, m->line, m->name, terr);
          rc = -1;
        }
    }
  else
    {
      char *path = m->path[0] == '/' ? xstrdup (m->path)
                 : !strcmp (cf->dir, "/") ? fmt ("/%s", m->path) : fmt ("%s/%s", cf->dir, m->path);
      char aerr[1000];
      int arc = ic_arpa_read (&m->arpa, path, aerr, sizeof aerr);
      if (arc == -2)
        {
          /* aerr is "PATH: REASON" */
          size_t pl = strlen (path);
          const char *reason = strncmp (aerr, path, pl) || strncmp (aerr + pl, ": ", 2) ? aerr : aerr + pl + 2;
          if (strcmp (m->path, path))
            snprintf (err, errlen, "%s:%d:%d: model \"%s\": cannot read %s: %s (written \"%s\": relative to the claim file's folder)",
                      cf->path, m->path_line, m->path_col, m->name, path, reason, m->path);
          else
            snprintf (err, errlen, "%s:%d:%d: model \"%s\": cannot read %s: %s", cf->path, m->path_line, m->path_col,
                      m->name, path, reason);
          rc = -2;
        }
      else if (arc != 0) { snprintf (err, errlen, "%s", aerr); rc = -1; }
      else
        {
          m->has_arpa = 1;
          if (ic_lm_from_arpa (&m->lm, &m->arpa, PREC, err, errlen) != 0) rc = -1;
        }
      free (path);
    }
  if (rc == 0 && m->normalise)
    {
      ic_ival_t mn, mx; ic_ival_init2 (mn, PREC); ic_ival_init2 (mx, PREC);
      int st = -1;
      if (ic_lm_normalise_rows (&m->lm, mn, mx, &st) != 0)
        {
          snprintf (err, errlen, "%s:%d:1: model \"%s\": cannot normalise the rows: the sum of the row at state \"%s\" is not certified > 0",
                    cf->path, m->norm_line, m->name, m->lm.hist[st]);
          ic_lm_clear (&m->lm);
          rc = -1;
        }
      else
        {
          char *a = ival_str (mn, 8), *b = ival_str (mx, 8);
          m->raw_sums = fmt ("between %s and %s", a, b);
          free (a); free (b);
        }
      ic_ival_clear (mn); ic_ival_clear (mx);
    }
  if (rc) { m->loaded = -1; m->load_rc = rc; m->load_err = xstrdup (err); return rc; }
  m->loaded = 1;
  return 0;
}

static void model_facts (ic_check_result *r, const ic_model_def *d)
{
  const ic_lm *m = &d->lm;
  if (d->kind == MD_ARPA)
    {
      KV (r, "model", "%s (ARPA %d-gram, %d words, %ld n-grams)", d->path, d->arpa.order, d->arpa.nword, d->arpa.ngram);
    }
  else KV (r, "model", "%s (table, exact rationals)", d->name);
  if (d->normalise)
    KV (r, "reading", "rows normalised: P(w|s) / S_s, S_s = sum of the stored row (stored row sums %s), so each row sums to exactly 1", d->raw_sums);
  else if (d->kind == MD_ARPA)
    KV (r, "reading", "rows as stored (no normalisation)");
  KV (r, "emitted tokens V", "%d", m->ntok);
  KV (r, "reachable context states", "%d (%s)", m->nstate, m->desc);
}

static void defect_facts (ic_check_result *r, const ic_lm *m)
{
  ic_ival_t d, mn, mx; ic_ival_init2 (d, PREC); ic_ival_init2 (mn, PREC); ic_ival_init2 (mx, PREC);
  ic_lm_defect (d, mn, mx, m);
  char *a = ival_str (mn, 8), *b = ival_str (mx, 8), *c = ival_str (d, 6);
  KV (r, "smallest row sum (sum_w P(w|state))", "%s", a);
  KV (r, "largest row sum", "%s", b);
  KV (r, "normalisation defect max|sum - 1|", "%s", c);
  free (a); free (b); free (c);
  ic_ival_clear (d); ic_ival_clear (mn); ic_ival_clear (mx);
}

static void eps_of (ic_ival_ptr eps, mpq_t qe, int *st, int *tok, const ic_lm *m)
{
  ic_lm_eps (eps, qe, st, tok, m);
}

static void check_nondeg (ic_check_entry *ce, ic_model_def *d)
{
  ic_check_result *r = &ce->r;
  ic_lm *m = &d->lm;
  model_facts (r, d);
  ic_ival_t eps; ic_ival_init2 (eps, PREC);
  mpq_t qe; mpq_init (qe);
  int st, tok;
  eps_of (eps, qe, &st, &tok, m);
  char *es = m->exact ? q_short (qe) : ival_str (eps, 10);
  KV (r, "eps = 1 - max P(w|state)", "%s", es);
  KV (r, "largest probability at", "state \"%s\", token \"%s\"", m->hist[st], m->tok[tok]);
  if (!m->exact) defect_facts (r, m);
  if (ic_ival_is_pos (eps))
    {
      r->status = IC_ST_PROVED;
      set_how (r, "Every next-token probability of every reachable state is at most 1 - eps with eps %s > 0 (%s over all %d states and %d tokens).",
               es, m->exact ? "exact maximum" : "enclosure of the maximum", m->nstate, m->ntok);
    }
  else if (ic_ival_is_nonpos (eps))
    {
      /* the value as it is (exact, or its enclosure): a defect above 1
       * never reaches here (distribution_gate), and nothing is clamped */
      size_t i = (size_t) st * (size_t) m->ntok + (size_t) tok;
      char *ps = m->exact ? q_str (m->q[i]) : ival_str (&m->p[i], 10);
      r->status = IC_ST_REFUTED;
      r->witness = fmt ("state \"%s\" gives token \"%s\" probability %s", m->hist[st], m->tok[tok], ps);
      set_how (r, "Some reachable state gives a token probability %s, so eps = 1 - max <= 0.", ps);
      free (ps);
    }
  else set_how (r, "The enclosure of eps contains 0.");
  free (es);
  mpq_clear (qe);
  ic_ival_clear (eps);
}

/* Claim 3 on a model ("softmax-bound"): does the model satisfy item 3's
 * hypothesis, and what does the bound then give?  A row that sums to 1 is
 * the softmax of the logits z_w = log P(w|s) exactly when every P(w|s) is
 * > 0 (a probability 0 has no finite logit); its logits then lie in an
 * interval of width D_s = log(max/min).  That part can fail on a model:
 * refuted by a reachable state giving a token probability exactly 0,
 * undecided when the rows are not distributions (read the model with
 * "normalise: rows").  The bound itself, max <= 1 / (1 + (V-1) e^-D_s),
 * is then a lemma for any positive row summing to 1 (it says max + (V-1)
 * min <= 1), so it is not checked again: what the check adds is pmin > 0
 * and the eps the bound guarantees with D = max_s D_s,
 * eps_D = 1 - 1/(1 + (V-1) e^-D), beside the lower-bound form
 * eps >= (V-1) pmin and the model's actual eps. */
static void check_smbound (ic_check_entry *ce, ic_model_def *d)
{
  ic_check_result *r = &ce->r;
  ic_lm *m = &d->lm;
  model_facts (r, d);
  int V = m->ntok;
  /* rows must be distributions: exact tables (sum 1, parser), or rows
   * normalised by construction */
  if (!m->exact && !m->normalised)
    {
      defect_facts (r, m);
      set_how (r, "Not decided: the rows are read as stored and do not sum to 1, so they are not the output of a softmax (which sums to 1); item 3 is about a softmax, so read the model with \"normalise: rows\".");
      return;
    }
  ic_ival_t mx, mn, D, B, t, pmin, epsD, epsL, eps, one;
  ic_ival_init2 (mx, PREC); ic_ival_init2 (mn, PREC); ic_ival_init2 (D, PREC); ic_ival_init2 (B, PREC);
  ic_ival_init2 (t, PREC); ic_ival_init2 (pmin, PREC); ic_ival_init2 (epsD, PREC); ic_ival_init2 (epsL, PREC);
  ic_ival_init2 (eps, PREC); ic_ival_init2 (one, PREC);
  ic_ival_set_ui (one, 1);
  mpq_t qmin, qe; mpq_inits (qmin, qe, NULL);
  int ms, mw, es_, ew;
  ic_lm_minprob (pmin, qmin, &ms, &mw, m);
  ic_lm_eps (eps, qe, &es_, &ew, m);
  char *ps = m->exact ? q_short (qmin) : ival_str (pmin, 10);
  KV (r, "smallest next-token probability pmin", "%s (state \"%s\", token \"%s\")", ps, m->hist[ms], m->tok[mw]);
  if (m->exact ? mpq_sgn (qmin) == 0 : 0)
    {
      r->status = IC_ST_REFUTED;
      r->witness = fmt ("state \"%s\" gives token \"%s\" probability 0, which no softmax of finite logits gives", m->hist[ms], m->tok[mw]);
      r->witness_how = xstrdup ("Exact rational 0 in the model's row.");
      set_how (r, "Some reachable row has a probability 0, so it is not a softmax of finite logits and item 3's bound does not apply to it.");
      goto out;
    }
  if (!ic_ival_is_pos (pmin))
    {
      set_how (r, "The smallest probability %s is not certified > 0.", ps);
      goto out;
    }
  /* D = max_s log(max_s / min_s): endpoint-wise maximum of enclosures */
  mpfr_t Dlo, Dhi; mpfr_inits2 (PREC, Dlo, Dhi, (mpfr_ptr) 0);
  mpfr_set_zero (Dlo, 1); mpfr_set_zero (Dhi, 1);
  for (int s = 0; s < m->nstate; s++)
    {
      const ic_ival_struct *row = &m->p[(size_t) s * (size_t) V];
      ic_ival_set (mx, &row[0]); ic_ival_set (mn, &row[0]);
      for (int w = 1; w < V; w++)
        {
          /* endpoint-wise max/min enclose the max/min of the row */
          mpfr_max (mx->lo, mx->lo, row[w].lo, MPFR_RNDD); mpfr_max (mx->hi, mx->hi, row[w].hi, MPFR_RNDU);
          mpfr_min (mn->lo, mn->lo, row[w].lo, MPFR_RNDD); mpfr_min (mn->hi, mn->hi, row[w].hi, MPFR_RNDU);
        }
      ic_ival_div (t, mx, mn);                  /* mn.lo >= pmin.lo > 0 */
      ic_ival_log (D, t);                       /* D encloses D_s = log(max/min) */
      mpfr_max (Dlo, Dlo, D->lo, MPFR_RNDD);
      mpfr_max (Dhi, Dhi, D->hi, MPFR_RNDU);
    }
  ic_ival_set_fr2 (D, Dlo, Dhi);                /* D encloses max_s D_s */
  mpfr_clears (Dlo, Dhi, (mpfr_ptr) 0);
  ic_softmax_max_bound (B, (unsigned long) V, D);
  ic_ival_sub (epsD, one, B);                   /* encloses 1 - 1/(1 + (V-1) e^-D) */
  ic_ival_set_ui (t, (unsigned long) V - 1);
  ic_ival_mul (epsL, t, pmin);                  /* encloses (V-1) pmin */
  char *Ds = ival_str (D, 8), *eD = ival_str (epsD, 8), *eL = ival_str (epsL, 8);
  char *es = m->exact ? q_short (qe) : ival_str (eps, 10);
  KV (r, "largest logit width D = max over states of log(max/min) of the row", "%s", Ds);
  KV (r, "eps guaranteed by item 3's bound at width D: 1 - 1/(1 + (V-1) e^-D)", "%s", eD);
  KV (r, "eps guaranteed by the smallest probability: (V-1) pmin", "%s", eL);
  KV (r, "the model's eps = 1 - max P(w|state)", "%s", es);
  /* consistency only: both guarantees are lemmas, eps >= each */
  int consistent = !mpfr_greater_p (epsD->lo, eps->hi) && !mpfr_greater_p (epsL->lo, eps->hi);
  if (consistent)
    {
      r->status = IC_ST_PROVED;
      set_how (r, "Every probability of the %d reachable states is certified > 0 (pmin %s) and each row sums to 1, so each row is the softmax of the logits log P(w|s), which lie in an interval of width at most D = %s: item 3's hypothesis holds, and its bound gives eps >= %s > 0. The bound itself holds for any positive row summing to 1 (it says max + (V-1) min <= 1), so what this check shows about the model is pmin > 0; the lower-bound form, max <= 1 - (V-1) pmin, gives eps >= %s. The model's actual eps is %s.",
               m->nstate, ps, Ds, eD, eL, es);
    }
  else set_how (r, "The enclosures contradict a lemma (eps below a guaranteed bound), which signals a bug.");
  free (Ds); free (eD); free (eL); free (es);
out:
  free (ps);
  mpq_clears (qmin, qe, NULL);
  ic_ival_clear (mx); ic_ival_clear (mn); ic_ival_clear (D); ic_ival_clear (B); ic_ival_clear (t);
  ic_ival_clear (pmin); ic_ival_clear (epsD); ic_ival_clear (epsL); ic_ival_clear (eps); ic_ival_clear (one);
}

#define PATH_MAX_CELLS ((size_t) 50000000)

/* Paths: Viterbi vs forward.  Fills the plot for a token (heuristic choice:
 * the token with the largest ratio at the last step). */
static void check_paths (ic_check_entry *ce, ic_model_def *d)
{
  ic_check *c = ce->c;
  ic_check_result *r = &ce->r;
  ic_lm *m = &d->lm;
  int N = c->nmax, T = m->ntok;
  model_facts (r, d);
  /* Resource limit on the (N+1) T cells of the recursions; it also keeps
   * every int index n * T + x below (N+1) T <= PATH_MAX_CELLS < INT_MAX. */
  if (T < 1 || (size_t) T > PATH_MAX_CELLS / (size_t) (N + 1))
    {
      set_how (r, "Not checked: %d steps over %d tokens exceed the limit of %d cells of the path recursions.",
               N, T, (int) PATH_MAX_CELLS);
      return;
    }
  size_t cells = (size_t) (N + 1) * (size_t) T;
  ic_ival_struct *V = xmalloc (sizeof *V * cells), *M = xmalloc (sizeof *M * cells);
  mpq_t *qV = NULL, *qM = NULL;
  for (size_t i = 0; i < cells; i++) { ic_ival_init2 (&V[i], PREC); ic_ival_init2 (&M[i], PREC); }
  if (m->exact)
    {
      qV = xmalloc (sizeof *qV * cells); qM = xmalloc (sizeof *qM * cells);
      for (size_t i = 0; i < cells; i++) { mpq_init (qV[i]); mpq_init (qM[i]); }
      ic_lm_paths_q (qV, qM, m, N);
      for (size_t i = (size_t) T; i < cells; i++) { ic_ival_set_q (&V[i], qV[i]); ic_ival_set_q (&M[i], qM[i]); }
    }
  else ic_lm_paths (V, M, m, N);
  /* nonnegativity of every probability (hypothesis of the lemmas) */
  int nonneg = 1;
  for (size_t i = 0; i < (size_t) m->nstate * (size_t) T; i++) if (!ic_ival_is_nonneg (&m->p[i])) nonneg = 0;
  ic_ival_t ratio, t, eps, pw, one;
  ic_ival_init2 (ratio, PREC); ic_ival_init2 (t, PREC); ic_ival_init2 (eps, PREC); ic_ival_init2 (pw, PREC); ic_ival_init2 (one, PREC);
  /* heuristic: token with the largest ratio at step N (midpoints) */
  int best = 0; double bestr = -1;
  for (int x = 0; x < T; x++)
    {
      if (mpfr_sgn (V[N * T + x].lo) <= 0) continue;
      ic_ival_div (ratio, &M[N * T + x], &V[N * T + x]);
      double rv = fr_d (ratio->lo, MPFR_RNDD);
      if (rv > bestr) { bestr = rv; best = x; }
    }
  if (c->kind == CK_MARG_GE || c->kind == CK_MARG_RATIO)
    {
      ic_plot *pl = add_plot (r);
      ic_plot_init (pl, "Most likely path vs token marginal", "step n", "log10 probability", 0);
      free (pl->title);
      pl->title = fmt ("Token \"%s\": most likely path vs marginal (%s)", m->tok[best], d->name);
      ic_plot_series *sv = ic_plot_add (pl, "max path probability (Viterbi)", IC_PLOT_BAND, N);
      ic_plot_series *sm = ic_plot_add (pl, "marginal P(s_n = x) (forward)", IC_PLOT_BAND, N);
      sv->certified = sm->certified = 1;   /* exact n; log10_ends rounds outward */
      for (int n = 1; n <= N; n++)
        {
          sv->x[n - 1] = sm->x[n - 1] = n;
          log10_ends (&sv->ylo[n - 1], &sv->yhi[n - 1], &V[n * T + best]);
          log10_ends (&sm->ylo[n - 1], &sm->yhi[n - 1], &M[n * T + best]);
        }
      for (int n = 1; n <= N; n++)
        {
          char *key = fmt ("n = %d, token \"%s\": maxpath / marginal / ratio", n, m->tok[best]);
          char *a, *b, *rr;
          if (m->exact)
            {
              a = q_short (qV[n * T + best]); b = q_short (qM[n * T + best]);
              if (mpq_sgn (qV[n * T + best]) > 0)
                { mpq_t q; mpq_init (q); mpq_div (q, qM[n * T + best], qV[n * T + best]); rr = q_short (q); mpq_clear (q); }
              else rr = xstrdup ("-");
            }
          else
            {
              a = ival_str (&V[n * T + best], 8); b = ival_str (&M[n * T + best], 8);
              if (mpfr_sgn (V[n * T + best].lo) > 0) { ic_ival_div (ratio, &M[n * T + best], &V[n * T + best]); rr = ival_str (ratio, 8); }
              else rr = xstrdup ("-");
            }
          if (n <= 5 || n == N || n % 5 == 0) KV (r, key, "%s / %s / %s", a, b, rr);
          free (key); free (a); free (b); free (rr);
        }
    }
  if (c->kind == CK_MARG_GE)
    {
      if (m->exact)
        {
          int ok = 1;
          for (size_t i = (size_t) T; i < cells && ok; i++) if (mpq_cmp (qM[i], qV[i]) < 0) ok = 0;
          r->status = ok ? IC_ST_PROVED : IC_ST_REFUTED;
          set_how (r, "Exact rational Viterbi and forward recursions for n = 1..%d and all %d tokens: every marginal is >= the most likely path probability (exact comparison of %d pairs).", N, T, N * T);
        }
      else if (nonneg)
        {
          int consistent = 1;
          for (size_t i = (size_t) T; i < cells; i++) if (mpfr_less_p (M[i].hi, V[i].lo)) consistent = 0;
          r->status = consistent ? IC_ST_PROVED : IC_ST_UNDECIDED;
          set_how (r, "All transition probabilities are certified >= 0, so the forward sum for (n, x) is a sum of non-negative path probabilities that contains the most likely path's probability as one term (lemma: a sum of non-negative terms is at least each term). The enclosures for n = 1..%d and all %d tokens agree with it%s.",
                   N, T, consistent ? "" : " -- NOT: an enclosure contradicts the lemma, which signals a bug");
        }
      else set_how (r, "Some probability is not certified non-negative.");
    }
  else if (c->kind == CK_MARG_RATIO)
    {
      /* refute: some (n, x) with marginal > C * maxpath, certified */
      int wn = -1, wx = -1, all = 1;
      ic_ival_t C; ic_ival_init2 (C, PREC); ic_ival_set_q (C, c->C);
      for (int n = 1; n <= N && wn < 0; n++)
        for (int x = 0; x < T && wn < 0; x++)
          {
            if (m->exact)
              {
                mpq_t q; mpq_init (q);
                mpq_mul (q, c->C, qV[n * T + x]);
                if (mpq_cmp (qM[n * T + x], q) > 0) { wn = n; wx = x; }
                mpq_clear (q);
              }
            else
              {
                ic_ival_mul (t, C, &V[n * T + x]);
                if (ic_ival_lt (t, &M[n * T + x])) { wn = n; wx = x; }
                else if (!mpfr_lessequal_p (M[n * T + x].hi, t->lo)) all = 0;
              }
          }
      char *cs = q_str (c->C);
      if (wn > 0)
        {
          r->status = IC_ST_REFUTED;
          char *a, *b;
          if (m->exact) { a = q_short (qV[wn * T + wx]); b = q_short (qM[wn * T + wx]); }
          else { a = ival_str (&V[wn * T + wx], 10); b = ival_str (&M[wn * T + wx], 10); }
          r->witness = fmt ("step n = %d, token \"%s\": marginal %s > %s * max path %s", wn, m->tok[wx], b, cs, a);
          free (a); free (b);
          set_how (r, "The first (n, x) in order where the marginal exceeds %s times the most likely path probability, by %s.", cs,
                   m->exact ? "exact rational comparison" : "comparison of enclosures");
          r->witness_how = fmt ("%s recursions over the %d context states up to step %d.", m->exact ? "Exact rational Viterbi and forward" : "Enclosed (outward-rounded) Viterbi and forward", m->nstate, wn);
        }
      else if (m->exact || all)
        {
          r->status = IC_ST_PROVED;
          set_how (r, "For n = 1..%d and every token, marginal <= %s * max path (%s).", N, cs, m->exact ? "exact" : "enclosures");
        }
      else set_how (r, "Some enclosures overlap the bound.");
      free (cs);
      ic_ival_clear (C);
    }
  else /* CK_PATH_DECAY */
    {
      mpq_t qe; mpq_init (qe);
      int st, tok;
      ic_lm_eps (eps, qe, &st, &tok, m);
      ic_ival_set_ui (one, 1);
      ic_ival_sub (t, one, eps);                  /* t encloses 1 - eps */
      ic_plot *pl = add_plot (r);
      ic_plot_init (pl, "Largest path probability vs (1 - eps)^n", "step n", "log10 probability", 0);
      free (pl->title);
      pl->title = fmt ("Largest path probability vs (1 - eps)^n (%s)", d->name);
      ic_plot_series *sv = ic_plot_add (pl, "max over tokens of max path probability", IC_PLOT_BAND, N);
      ic_plot_series *sb = ic_plot_add (pl, "(1 - eps)^n", IC_PLOT_BAND, N);
      sv->certified = sb->certified = 1;   /* exact n; log10_ends rounds outward */
      int consistent = 1, exact_ok = 1;
      ic_ival_t mxv; ic_ival_init2 (mxv, PREC);
      for (int n = 1; n <= N; n++)
        {
          ic_ival_pow_si (pw, t, n);
          ic_ival_set (mxv, &V[n * T]);
          for (int x = 1; x < T; x++)
            { mpfr_max (mxv->lo, mxv->lo, V[n * T + x].lo, MPFR_RNDD); mpfr_max (mxv->hi, mxv->hi, V[n * T + x].hi, MPFR_RNDU); }
          if (mpfr_greater_p (mxv->lo, pw->hi)) consistent = 0;
          if (m->exact)
            {
              mpq_t b, o; mpq_inits (b, o, NULL);
              mpq_set_ui (o, 1, 1); mpq_sub (o, o, qe);
              mpz_pow_ui (mpq_numref (b), mpq_numref (o), (unsigned long) n);
              mpz_pow_ui (mpq_denref (b), mpq_denref (o), (unsigned long) n);
              for (int x = 0; x < T; x++) if (mpq_cmp (qV[n * T + x], b) > 0) exact_ok = 0;
              mpq_clears (b, o, NULL);
            }
          sv->x[n - 1] = sb->x[n - 1] = n;
          log10_ends (&sv->ylo[n - 1], &sv->yhi[n - 1], mxv);
          log10_ends (&sb->ylo[n - 1], &sb->yhi[n - 1], pw);
          if (n <= 3 || n == N || n % 5 == 0)
            {
              char *key = fmt ("n = %d: max path / (1-eps)^n", n);
              char *a = ival_str (mxv, 8), *b = ival_str (pw, 8);
              KV (r, key, "%s / %s", a, b);
              free (key); free (a); free (b);
            }
        }
      char *es = m->exact ? q_short (qe) : ival_str (eps, 10);
      KV (r, "eps", "%s", es);
      free (es);
      if (m->exact)
        {
          r->status = exact_ok ? IC_ST_PROVED : IC_ST_REFUTED;
          set_how (r, "Exact rational Viterbi for n = 1..%d compared with (1 - eps)^n exactly, eps the exact non-degeneracy constant.", N);
        }
      else if (nonneg && consistent)
        {
          r->status = IC_ST_PROVED;
          set_how (r, "Each factor of a path probability is a next-token probability, each at most 1 - eps by the definition of eps (maximum over all reachable states), so every length-n path has probability <= (1 - eps)^n (product of n factors in [0, 1 - eps]); the enclosures for n = 1..%d agree.", N);
        }
      else set_how (r, "An enclosure contradicts the bound (signals a bug) or a probability is not certified >= 0.");
      ic_ival_clear (mxv);
      mpq_clear (qe);
    }
  for (size_t i = 0; i < cells; i++) { ic_ival_clear (&V[i]); ic_ival_clear (&M[i]); }
  if (qV) for (size_t i = 0; i < cells; i++) { mpq_clear (qV[i]); mpq_clear (qM[i]); }
  free (V); free (M); free (qV); free (qM);
  ic_ival_clear (ratio); ic_ival_clear (t); ic_ival_clear (eps); ic_ival_clear (pw); ic_ival_clear (one);
}

/* "markov(MODEL, order = k)": do the last k tokens determine the next-token
 * distribution (a Markov chain of order k over tokens)?  Counter rules
 * count every 0 of the history, so no k works: the histories of k and of
 * k + 1 zeros end in the same k tokens and get p(k + from), p(k + 1 + from).
 * Other models: the reachable (state, last k tokens) pairs (lm.c). */
static void check_markov_order (ic_check_entry *ce, ic_model_def *d, int k)
{
  ic_check_result *r = &ce->r;
  KV (r, "order k (the state is the last k tokens)", "%d", k);
  if (d->kind == MD_COUNTER)
    {
      tenv env; ic_ival_t n, a, b;
      ic_ival_init2 (n, PREC); ic_ival_init2 (a, PREC); ic_ival_init2 (b, PREC);
      env.n = n; env.p = NULL; mpq_init (env.sent); scan_q (env.sent, SENTINEL_TEXT);
      ic_ival_set_ui (n, d->from + (unsigned long) k); int ra = tev (a, d->node, &env);
      ic_ival_set_ui (n, d->from + (unsigned long) k + 1); int rb = tev (b, d->node, &env);
      KV (r, "model", "counter rule over tokens {0, 1}: P(0 | history) = p(z + %lu), z = number of 0s so far, p(n) = %s", d->from, d->term);
      char *as = ival_str (a, 12), *bs = ival_str (b, 12);
      if (ra == 0 && rb == 0 && (ic_ival_lt (a, b) || ic_ival_lt (b, a)))
        {
          r->status = IC_ST_REFUTED;
          r->witness = fmt ("the histories of %d and of %d zeros end in the same %d tokens, yet P(0 | first) = p(%lu) and P(0 | second) = p(%lu) differ",
                            k, k + 1, k, d->from + (unsigned long) k, d->from + (unsigned long) k + 1);
          r->witness_how = fmt ("Enclosures p(%lu) in %s and p(%lu) in %s are disjoint.", d->from + (unsigned long) k, as, d->from + (unsigned long) k + 1, bs);
          set_how (r, "The last %d tokens do not determine the next-token distribution: the rule counts every 0 of the history.", k);
        }
      else set_how (r, "The enclosures of p(%lu) = %s and p(%lu) = %s are not disjoint.", d->from + (unsigned long) k, as, d->from + (unsigned long) k + 1, bs);
      free (as); free (bs);
      mpq_clear (env.sent); ic_ival_clear (n); ic_ival_clear (a); ic_ival_clear (b);
      return;
    }
  ic_lm *m = &d->lm;
  model_facts (r, d);
  int s1, s2, w; char *h1 = NULL, *h2 = NULL; long np = 0;
  int rc = ic_lm_markov_order (k, &s1, &s2, &w, &h1, &h2, &np, m);
  KV (r, "reachable (state, last k tokens) pairs", "%ld", np);
  if (rc == 1)
    {
      size_t i1 = (size_t) s1 * (size_t) m->ntok + (size_t) w, i2 = (size_t) s2 * (size_t) m->ntok + (size_t) w;
      char *a = m->exact ? q_str (m->q[i1]) : ival_str (&m->p[i1], 10);
      char *b = m->exact ? q_str (m->q[i2]) : ival_str (&m->p[i2], 10);
      r->status = IC_ST_REFUTED;
      r->witness = fmt ("histories \"%s\" and \"%s\" end in the same %d token(s), but P(\"%s\" | first) = %s and P(\"%s\" | second) = %s",
                        h1, h2, k, m->tok[w], a, m->tok[w], b);
      r->witness_how = xstrdup (m->exact ? "Exact rationals, different." : "Disjoint outward-rounded enclosures.");
      set_how (r, "The last %d tokens do not determine the next-token distribution (two reachable histories with the same last %d tokens differ).", k, k);
      free (a); free (b);
    }
  else if (rc == 2)
    {
      r->status = IC_ST_PROVED;
      set_how (r, "All %ld reachable pairs (model state, last %d tokens) were enumerated from the start: histories with the same last %d tokens %s, so the last %d tokens are a sufficient state (a Markov chain of order %d).",
               np, k, k, m->exact ? "lead to states with exactly equal distributions" : "always lead to the same model state", k, k);
    }
  else if (rc == -1) set_how (r, "Not decided: more than %ld (state, last %d tokens) pairs (a resource limit).", np, k);
  else set_how (r, "Some histories with the same last %d tokens lead to different states whose enclosures neither differ certainly nor can show equality.", k);
  free (h1); free (h2);
}

static void check_markov (ic_check_entry *ce, ic_model_def *d)
{
  ic_check_result *r = &ce->r;
  if (ce->c->nmax > 0) { check_markov_order (ce, d, ce->c->nmax); return; }
  if (d->kind == MD_COUNTER)
    {
      /* histories over {0, 1}: P(0 | h) = p(zeros(h) + from).  Two histories
       * ending in the same token with different zero counts. */
      const char *h1 = "0", *h2 = "0 0";
      tenv env; ic_ival_t n, a, b;
      ic_ival_init2 (n, PREC); ic_ival_init2 (a, PREC); ic_ival_init2 (b, PREC);
      env.n = n; env.p = NULL; mpq_init (env.sent); scan_q (env.sent, SENTINEL_TEXT);
      ic_ival_set_ui (n, d->from + 1); int ra = tev (a, d->node, &env);
      ic_ival_set_ui (n, d->from + 2); int rb = tev (b, d->node, &env);
      KV (r, "model", "counter rule over tokens {0, 1}: P(0 | history) = p(z + %lu), z = number of 0s so far, p(n) = %s", d->from, d->term);
      char *as = ival_str (a, 12), *bs = ival_str (b, 12);
      if (ra == 0 && rb == 0 && (ic_ival_lt (a, b) || ic_ival_lt (b, a)))
        {
          r->status = IC_ST_REFUTED;
          r->witness = fmt ("histories \"%s\" and \"%s\" both end in token 0, yet P(0 | \"%s\") = p(%lu) and P(0 | \"%s\") = p(%lu) differ", h1, h2, h1, d->from + 1, h2, d->from + 2);
          r->witness_how = fmt ("Enclosures p(%lu) in %s and p(%lu) in %s are disjoint.", d->from + 1, as, d->from + 2, bs);
          set_how (r, "The last token does not determine the next-token distribution: two histories with the same last token get different distributions.");
        }
      else set_how (r, "The enclosures of p(%lu) = %s and p(%lu) = %s are not disjoint.", d->from + 1, as, d->from + 2, bs);
      free (as); free (bs);
      mpq_clear (env.sent); ic_ival_clear (n); ic_ival_clear (a); ic_ival_clear (b);
      return;
    }
  ic_lm *m = &d->lm;
  model_facts (r, d);
  int s1, s2, w;
  if (ic_lm_markov_witness (&s1, &s2, &w, m))
    {
      size_t i1 = (size_t) s1 * (size_t) m->ntok + (size_t) w, i2 = (size_t) s2 * (size_t) m->ntok + (size_t) w;
      char *a = m->exact ? q_str (m->q[i1]) : ival_str (&m->p[i1], 10);
      char *b = m->exact ? q_str (m->q[i2]) : ival_str (&m->p[i2], 10);
      r->status = IC_ST_REFUTED;
      r->witness = fmt ("histories \"%s\" and \"%s\" both end in \"%s\", but P(\"%s\" | first) = %s and P(\"%s\" | second) = %s",
                        m->hist[s1], m->hist[s2], m->tok[m->last[s1]], m->tok[w], a, m->tok[w], b);
      r->witness_how = xstrdup (m->exact ? "Exact rationals, different." : "Disjoint outward-rounded enclosures.");
      set_how (r, "The last token does not determine the next-token distribution (two reachable histories with the same last token differ).");
      free (a); free (b);
    }
  else if (m->exact)
    {
      r->status = IC_ST_PROVED;
      set_how (r, "All reachable states with the same last token have exactly equal distributions, so the last token is a sufficient state.");
    }
  else if (ic_lm_last_token_determines_state (m))
    {
      r->status = IC_ST_PROVED;
      set_how (r, "Every transition that emits a token x leads to the same state, whatever state it starts from (checked for %d tokens and %d reachable states), so the last token determines the state and with it the next-token distribution.",
               m->ntok, m->nstate);
    }
  else set_how (r, "No pair of states with the same last token was certified to differ.");
}

/* Item 6 at full strength: the ratio R_n(x) = marginal / most likely path
 * grows without bound, at a certified exponential rate.  Lemma (for any
 * finite-state model whose rows sum to at most 1, eps = 1 - max P(w|s),
 * S_min the smallest row sum, m_x and M_x the smallest and largest P(x|s)
 * over states, pmin the smallest probability):
 *   max path:  V_n(x) <= (1 - eps)^(n-1) M_x     (n-1 factors <= 1 - eps,
 *                                                  the last one <= M_x)
 *   marginal:  M_n(x) >= S_min^(n-1) m_x         (the mass left after n-1
 *                                                  steps, times P(x|s) >= m_x)
 * so R_n(x) >= (m_x / M_x) r^(n-1) with r = S_min / (1 - eps), for every
 * n >= 1; and R_n(x) <= pmin^-n (every path of length n has probability
 * >= pmin^n, and M_n(x) <= 1).  The growth rate limsup R_n^(1/n) thus lies
 * in [r, 1/pmin]: "grows >= R" is proved when r >= R (some x with m_x > 0)
 * and refuted when 1/pmin < R; "-> inf" is proved when r > 1, and
 * "bounded" (some C with marginal <= C max path for all n and x) is then
 * refuted. */
static void check_growth (ic_check_entry *ce, ic_model_def *d)
{
  ic_check *c = ce->c;
  ic_check_result *r = &ce->r;
  ic_lm *m = &d->lm;
  int T = m->ntok;
  model_facts (r, d);
  ic_ival_t eps, one, S, Smax, dfc, rate, up, pmin, cx, t, mx, Mx;
  ic_ival_init2 (eps, PREC); ic_ival_init2 (one, PREC); ic_ival_init2 (S, PREC); ic_ival_init2 (Smax, PREC);
  ic_ival_init2 (dfc, PREC); ic_ival_init2 (rate, PREC); ic_ival_init2 (up, PREC); ic_ival_init2 (pmin, PREC);
  ic_ival_init2 (cx, PREC); ic_ival_init2 (t, PREC); ic_ival_init2 (mx, PREC); ic_ival_init2 (Mx, PREC);
  mpq_t qe, qmin, qr, qc, qt; mpq_inits (qe, qmin, qr, qc, qt, NULL);
  int st, tok;
  ic_ival_set_ui (one, 1);
  ic_lm_eps (eps, qe, &st, &tok, m);
  ic_lm_minprob (pmin, qmin, &st, &tok, m);
  if (m->exact || m->normalised) ic_ival_set_ui (S, 1);      /* rows sum to exactly 1 */
  else ic_lm_defect (dfc, S, Smax, m);                       /* S encloses S_min */
  ic_ival_sub (t, one, eps);
  ic_ival_div (rate, S, t);                                  /* encloses r = S_min / (1 - eps) */
  if (m->exact) { mpq_set_ui (qr, 1, 1); mpq_sub (qr, qr, qe); mpq_inv (qr, qr); ic_ival_set_q (rate, qr); }
  /* the token: largest m_x / M_x by lower ends (a heuristic choice; any x
   * with m_x > 0 gives the lemma) */
  int bx = -1; mpfr_t best; mpfr_init2 (best, PREC); mpfr_set_si (best, -1, MPFR_RNDN);
  for (int x = 0; x < T; x++)
    {
      ic_ival_set (mx, &m->p[x]); ic_ival_set (Mx, &m->p[x]);
      for (int s = 1; s < m->nstate; s++)
        {
          const ic_ival_struct *q = &m->p[(size_t) s * (size_t) T + (size_t) x];
          mpfr_min (mx->lo, mx->lo, q->lo, MPFR_RNDD); mpfr_min (mx->hi, mx->hi, q->hi, MPFR_RNDU);
          mpfr_max (Mx->lo, Mx->lo, q->lo, MPFR_RNDD); mpfr_max (Mx->hi, Mx->hi, q->hi, MPFR_RNDU);
        }
      if (!ic_ival_is_pos (mx)) continue;
      ic_ival_div (t, mx, Mx);
      if (mpfr_greater_p (t->lo, best)) { mpfr_set (best, t->lo, MPFR_RNDD); bx = x; ic_ival_set (cx, t); }
    }
  mpfr_clear (best);
  if (bx >= 0 && m->exact)
    {
      /* exact c = m_x / M_x */
      mpq_t lo, hi; mpq_inits (lo, hi, NULL);
      mpq_set (lo, m->q[bx]); mpq_set (hi, m->q[bx]);
      for (int s = 1; s < m->nstate; s++)
        {
          mpq_srcptr q = m->q[(size_t) s * (size_t) T + (size_t) bx];
          if (mpq_cmp (q, lo) < 0) mpq_set (lo, q);
          if (mpq_cmp (q, hi) > 0) mpq_set (hi, q);
        }
      mpq_div (qc, lo, hi);
      mpq_clears (lo, hi, NULL);
    }
  int up_ok = ic_ival_is_pos (pmin);
  if (up_ok) ic_ival_div (up, one, pmin);                    /* encloses 1 / pmin */
  if (up_ok && m->exact) { mpq_inv (qt, qmin); ic_ival_set_q (up, qt); }
  char *rs = m->exact ? q_short (qr) : ival_str (rate, 10);
  char *us = !up_ok ? xstrdup ("none (some probability is not certified > 0)") : m->exact ? q_short (qt) : ival_str (up, 10);
  KV (r, "rate lower bound r = S_min / (1 - eps)", "%s", rs);
  KV (r, "rate upper bound 1 / pmin", "%s", us);
  if (bx >= 0)
    {
      char *cs = m->exact ? q_short (qc) : ival_str (cx, 10);
      KV (r, "token x and c = min_s P(x|s) / max_s P(x|s)", "\"%s\", %s", m->tok[bx], cs);
      KV (r, "certified for every n >= 1", "marginal / max path for \"%s\" >= c r^(n-1)", m->tok[bx]);
      free (cs);
    }
  else KV (r, "token x", "none with min_s P(x|s) certified > 0");
  /* decisions: exact comparisons for exact models, enclosure ends otherwise */
  int lo_ge, up_lt, lo_gt1;
  if (m->exact)
    {
      lo_ge = mpq_cmp (qr, c->C) >= 0;
      up_lt = up_ok && mpq_cmp (qt, c->C) < 0;
      lo_gt1 = mpq_cmp_ui (qr, 1, 1) > 0;
    }
  else
    {
      mpfr_t R; mpfr_init2 (R, PREC);
      mpfr_set_q (R, c->C, MPFR_RNDU);                       /* R' >= R */
      lo_ge = mpfr_greaterequal_p (rate->lo, R);
      mpfr_set_q (R, c->C, MPFR_RNDD);                       /* R' <= R */
      up_lt = up_ok && mpfr_less_p (up->hi, R);
      lo_gt1 = mpfr_cmp_ui (rate->lo, 1) > 0;
      mpfr_clear (R);
    }
  const char *lemma = "Lemma: the most likely length-n path to x has n-1 factors <= 1 - eps and a last factor <= max_s P(x|s); the marginal of x at step n is at least the mass left after n-1 steps (>= S_min^(n-1)) times min_s P(x|s). So marginal / max path >= c r^(n-1) for every n >= 1, and <= pmin^-n.";
  char *Rs = q_paren (c->C);
  if (c->verb == 2)
    {
      if (bx >= 0 && lo_gt1)
        {
          r->status = IC_ST_REFUTED;
          char *cs = m->exact ? q_short (qc) : ival_str (cx, 10);
          r->witness = fmt ("token \"%s\": marginal / max path >= c r^(n-1) with c = %s > 0 and r = %s > 1, which exceeds every constant C for n large enough",
                            m->tok[bx], cs, rs);
          free (cs);
          r->witness_how = xstrdup (lemma);
          set_how (r, "The ratio grows without bound (lemma below, with r > 1), so no constant C bounds it.");
        }
      else set_how (r, "%s The lower bound does not show growth: %s.", lemma, bx < 0 ? "no token has min_s P(x|s) certified > 0" : "r is not certified > 1");
    }
  else if (c->verb == 1)
    {
      if (bx >= 0 && lo_gt1)
        {
          r->status = IC_ST_PROVED;
          set_how (r, "%s Here r = %s > 1 and c > 0 for token \"%s\": the ratio grows without bound, at least geometrically.", lemma, rs, m->tok[bx]);
        }
      else set_how (r, "%s The lower bound does not show growth: %s.", lemma, bx < 0 ? "no token has min_s P(x|s) certified > 0" : "r is not certified > 1");
    }
  else if (bx >= 0 && lo_ge)
    {
      r->status = IC_ST_PROVED;
      set_how (r, "%s Here r = %s >= %s, so the ratio for token \"%s\" grows at least like c %s^(n-1).", lemma, rs, Rs, m->tok[bx], Rs);
    }
  else if (up_lt)
    {
      r->status = IC_ST_REFUTED;
      r->witness = fmt ("1 / pmin = %s < %s: for every token x, marginal / max path <= pmin^-n, so no c > 0 gives c %s^n for all n", us, Rs, Rs);
      r->witness_how = xstrdup (m->exact ? "Exact rational pmin." : "Outward-rounded enclosure of pmin.");
      set_how (r, "%s", lemma);
    }
  else set_how (r, "%s The certified rate interval [r, 1/pmin] contains %s.", lemma, Rs);
  /* plot: the ratio for x (enclosures from the path recursions) against
   * the certified lower bound c r^(n-1), n = 1..20 */
  if (bx >= 0)
    {
      int N = 20;
      size_t cells = (size_t) (N + 1) * (size_t) T;
      if ((size_t) T <= PATH_MAX_CELLS / (size_t) (N + 1))
        {
          ic_ival_struct *Vv = xmalloc (sizeof *Vv * cells), *Mm = xmalloc (sizeof *Mm * cells);
          for (size_t i = 0; i < cells; i++) { ic_ival_init2 (&Vv[i], PREC); ic_ival_init2 (&Mm[i], PREC); }
          ic_lm_paths (Vv, Mm, m, N);
          ic_plot *pl = add_plot (r);
          ic_plot_init (pl, "", "step n", "log10 of marginal / max path", 0);
          free (pl->title);
          pl->title = fmt ("Token \"%s\": marginal / most likely path and its certified growth (%s)", m->tok[bx], d->name);
          ic_plot_series *sr = ic_plot_add (pl, "marginal / max path (enclosure)", IC_PLOT_BAND, N);
          ic_plot_series *sb = ic_plot_add (pl, "certified lower bound c r^(n-1)", IC_PLOT_BAND, N);
          sr->certified = sb->certified = 1;       /* exact n; log10_ends outward */
          ic_ival_t b; ic_ival_init2 (b, PREC);
          if (m->exact) ic_ival_set_q (cx, qc);
          int k = 0;
          for (int n = 1; n <= N; n++)
            {
              if (!ic_ival_is_pos (&Vv[n * T + bx])) continue;
              ic_ival_div (t, &Mm[n * T + bx], &Vv[n * T + bx]);
              ic_ival_pow_si (b, rate, n - 1);
              ic_ival_mul (b, b, cx);
              sr->x[k] = sb->x[k] = n;
              log10_ends (&sr->ylo[k], &sr->yhi[k], t);
              log10_ends (&sb->ylo[k], &sb->yhi[k], b);
              k++;
            }
          sr->n = sb->n = k;
          ic_ival_clear (b);
          for (size_t i = 0; i < cells; i++) { ic_ival_clear (&Vv[i]); ic_ival_clear (&Mm[i]); }
          free (Vv); free (Mm);
        }
    }
  free (rs); free (us); free (Rs);
  mpq_clears (qe, qmin, qr, qc, qt, NULL);
  ic_ival_clear (eps); ic_ival_clear (one); ic_ival_clear (S); ic_ival_clear (Smax); ic_ival_clear (dfc);
  ic_ival_clear (rate); ic_ival_clear (up); ic_ival_clear (pmin); ic_ival_clear (cx); ic_ival_clear (t);
  ic_ival_clear (mx); ic_ival_clear (Mx);
}

/* ---- decay, softmax, fp softmax -------------------------------------------- */

/* Exact minimal n >= 0 with (1-eps)^n <= delta for rational eps in (0,1)
 * and delta in (0,1), or -1 if beyond the exact range (n > maxn). */
static long decay_exact (const mpq_t eps, const mpq_t delta, long guess, long maxn)
{
  if (guess < 1) guess = 1;
  if (guess > maxn) return -1;
  mpq_t o, pw; mpq_inits (o, pw, NULL);
  mpq_set_ui (o, 1, 1); mpq_sub (o, o, eps);
  long n = guess;
  /* move n so that (1-eps)^n <= delta < (1-eps)^(n-1), exact powers */
  for (int iter = 0; iter < 64; iter++)
    {
      mpz_pow_ui (mpq_numref (pw), mpq_numref (o), (unsigned long) n);
      mpz_pow_ui (mpq_denref (pw), mpq_denref (o), (unsigned long) n);
      int le = mpq_cmp (pw, delta) <= 0;
      if (!le) { n++; if (n > maxn) { n = -1; break; } continue; }
      mpz_pow_ui (mpq_numref (pw), mpq_numref (o), (unsigned long) (n - 1));
      mpz_pow_ui (mpq_denref (pw), mpq_denref (o), (unsigned long) (n - 1));
      if (mpq_cmp (pw, delta) > 0) break;
      n--;
      if (n == 0) break;
    }
  mpq_clears (o, pw, NULL);
  return n;
}

static void check_decay (ic_check_entry *ce, ic_claimfile *cf)
{
  ic_check *c = ce->c;
  ic_check_result *r = &ce->r;
  ic_ival_t eps, one, l1, ld, q;
  ic_ival_init2 (eps, PREC); ic_ival_init2 (one, PREC); ic_ival_init2 (l1, PREC);
  ic_ival_init2 (ld, PREC); ic_ival_init2 (q, PREC);
  int exact = 1;
  if (c->model >= 0)
    {
      ic_model_def *d = cf->model[c->model];
      mpq_t qe; mpq_init (qe);
      int st, tok;
      ic_lm_eps (eps, qe, &st, &tok, &d->lm);
      exact = d->lm.exact;
      if (exact) mpq_set (c->eps, qe);
      mpq_clear (qe);
      KV (r, "eps source", "model %s (eps = 1 - largest next-token probability)", d->name);
    }
  else ic_ival_set_q (eps, c->eps);
  char *es = exact ? q_short (c->eps) : ival_str (eps, 12);
  char *ds = q_str (c->delta);
  KV (r, "eps", "%s", es);
  KV (r, "delta", "%s", ds);
  if (!ic_ival_is_pos (eps) || mpfr_cmp_ui (eps->hi, 1) >= 0)
    {
      set_how (r, "eps is not certified to lie in (0, 1).");
      goto out;
    }
  ic_ival_set_ui (one, 1);
  ic_ival_neg (l1, eps);
  ic_ival_log1p (l1, l1);                     /* l1 encloses log(1 - eps) < 0 */
  ic_ival_set_q (ld, c->delta);
  ic_ival_log (ld, ld);                       /* ld encloses log(delta) < 0 */
  ic_ival_div (q, ld, l1);                    /* q encloses log(delta)/log(1-eps) */
  char *qs = ival_str (q, 15);
  KV (r, "log(delta) / log(1 - eps)", "%s", qs);
  free (qs);
  /* ceil of q when certain: no integer in (q.lo, q.hi) except possibly q.hi */
  mpfr_t cl, ch; mpfr_inits2 (PREC, cl, ch, (mpfr_ptr) 0);
  mpfr_ceil (cl, q->lo); mpfr_ceil (ch, q->hi);
  long formula = mpfr_equal_p (cl, ch) && mpfr_fits_slong_p (ch, MPFR_RNDN) ? mpfr_get_si (ch, MPFR_RNDN) : -1;
  if (formula < 0 && exact && mpfr_fits_slong_p (ch, MPFR_RNDN))
    {
      /* The enclosure contains an integer k = ceil(q.lo).  For rational eps
       * and delta, log(delta)/log(1-eps) = k exactly iff (1-eps)^k = delta
       * (exact rational power); then the ceiling is k. */
      long k = mpfr_get_si (cl, MPFR_RNDN);
      if (k >= 1 && k <= 2000000 && mpfr_cmp_si (ch, k + 1) <= 0)
        {
          mpq_t o, pw; mpq_inits (o, pw, NULL);
          mpq_set_ui (o, 1, 1); mpq_sub (o, o, c->eps);
          mpz_pow_ui (mpq_numref (pw), mpq_numref (o), (unsigned long) k);
          mpz_pow_ui (mpq_denref (pw), mpq_denref (o), (unsigned long) k);
          if (mpq_equal (pw, c->delta)) { formula = k; KV (r, "exact case", "(1 - eps)^%ld = delta exactly", k); }
          mpq_clears (o, pw, NULL);
        }
    }
  long guess = mpfr_fits_slong_p (ch, MPFR_RNDN) ? mpfr_get_si (ch, MPFR_RNDN) : -1;
  long nmin = -1;
  const char *how_n;
  if (exact)
    {
      nmin = decay_exact (c->eps, c->delta, guess, 2000000);
      how_n = "exact rational powers (1-eps)^n and (1-eps)^(n-1) compared with delta";
    }
  else
    {
      nmin = formula;   /* for irrational eps, n_min = ceil(log delta / log(1-eps)) by monotonicity of log */
      how_n = "the enclosure of log(delta)/log(1 - eps), whose ceiling is certain (log is increasing, so (1-eps)^n <= delta iff n >= log(delta)/log(1-eps))";
    }
  if (nmin >= 0) KV (r, "minimal n with (1-eps)^n <= delta", "%ld", nmin);
  if (formula >= 0) KV (r, "ceil(log(delta) / log(1 - eps))", "%ld", formula);
  if (nmin < 0) { set_how (r, "The minimal n could not be certified (enclosure straddles an integer, or n too large)."); }
  else if (c->formula)
    {
      if (formula < 0) set_how (r, "The formula's ceiling is not certain at this precision.");
      else
        {
          r->status = formula == nmin ? IC_ST_PROVED : IC_ST_REFUTED;
          set_how (r, "The minimal n was found by %s; the formula's value comes from an interval enclosure; they %s.", how_n, formula == nmin ? "agree" : "differ");
        }
    }
  else
    {
      r->status = nmin == c->steps ? IC_ST_PROVED : IC_ST_REFUTED;
      set_how (r, "The minimal n was found by %s.", how_n);
      if (nmin != c->steps) r->witness = fmt ("the minimal n is %ld, not %ld", nmin, c->steps);
    }
  if (nmin > 0)
    {
      ic_plot *pl = add_plot (r);
      ic_plot_init (pl, "Decay bound (1 - eps)^n", "n", "log10 of (1 - eps)^n", 0);
      int npts = 60;
      /* plot range [0, 1.2 nmin] (heuristic), computed without overflow:
       * nmin from the formula may be near LONG_MAX */
      long span = nmin <= (LONG_MAX - 64) / 6 * 5 ? nmin + nmin / 5 + 1 : LONG_MAX - 64;
      ic_plot_series *b = ic_plot_add (pl, "(1 - eps)^n (enclosure)", IC_PLOT_BAND, npts + 1);
      ic_plot_series *h = ic_plot_add (pl, "delta", IC_PLOT_HBAND, 1);
      ic_plot_series *v = ic_plot_add (pl, "minimal n", IC_PLOT_VLINE, 1);
      b->certified = h->certified = 1;
      ic_ival_t pw, nn; ic_ival_init2 (pw, PREC); ic_ival_init2 (nn, PREC);
      for (int i = 0; i <= npts; i++)
        {
          long n = span / npts * i + span % npts * i / npts;   /* span i / npts, no overflow */
          /* the enclosure is computed at the double x itself (n rounded
           * to a double when n > 2^53), so that x is exact for it */
          b->x[i] = (double) n;
          mpfr_set_d (nn->lo, b->x[i], MPFR_RNDD);             /* exact: PREC >= 53 */
          mpfr_set_d (nn->hi, b->x[i], MPFR_RNDU);
          ic_ival_mul (pw, nn, l1);
          ic_ival_exp (pw, pw);                  /* encloses (1-eps)^x */
          log10_ends (&b->ylo[i], &b->yhi[i], pw);
        }
      ic_ival_set_q (pw, c->delta);
      log10_ends (&h->ylo[0], &h->yhi[0], pw);
      v->x[0] = (double) nmin;
      if ((long) v->x[0] == nmin && v->x[0] < 9007199254740992.0) v->certified = 1;   /* exact below 2^53 */
      else ic_plot_series_approx (v, "approximate, for plotting: the minimal n rounded to a double (its exact value is in the numbers)");
      ic_ival_clear (pw); ic_ival_clear (nn);
    }
  mpfr_clears (cl, ch, (mpfr_ptr) 0);
out:
  free (es); free (ds);
  ic_ival_clear (eps); ic_ival_clear (one); ic_ival_clear (l1); ic_ival_clear (ld); ic_ival_clear (q);
}

static void check_softmax (ic_check_entry *ce)
{
  ic_check *c = ce->c;
  ic_check_result *r = &ce->r;
  ic_ival_t D, B, e;
  ic_ival_init2 (D, PREC); ic_ival_init2 (B, PREC); ic_ival_init2 (e, PREC);
  ic_ival_set_q (D, c->D);
  ic_softmax_max_bound (B, c->V, D);
  ic_ival_t one; ic_ival_init2 (one, PREC); ic_ival_set_ui (one, 1);
  ic_ival_sub (e, one, B);
  char *bs = ival_str (B, 15), *es = ival_str (e, 10), *Ds = q_str (c->D);
  KV (r, "V", "%lu", c->V);
  KV (r, "D", "%s", Ds);
  KV (r, "max probability 1/(1 + (V-1) e^-D)", "%s", bs);
  KV (r, "eps = 1 - max", "%s", es);
  const char *arg = "For logits z with max - min <= D, p_i = 1 / (1 + sum_{j != i} e^(z_j - z_i)) and each z_j - z_i >= -D, so p_i <= 1 / (1 + (V-1) e^-D); equality holds for one logit at the top and V-1 at the bottom, so this is the maximum.";
  if (c->formula)
    {
      r->status = IC_ST_PROVED;
      set_how (r, "%s The value is enclosed with outward rounding.", arg);
    }
  else
    {
      mpfr_t x; mpfr_init2 (x, PREC);
      char *xs = q_str (c->X);
      mpfr_set_q (x, c->X, MPFR_RNDD);          /* x <= X */
      if (mpfr_lessequal_p (B->hi, x))
        { r->status = IC_ST_PROVED; set_how (r, "%s Its enclosure lies below %s.", arg, xs); }
      else
        {
          mpfr_set_q (x, c->X, MPFR_RNDU);      /* x >= X */
          if (mpfr_greater_p (B->lo, x))
            {
              r->status = IC_ST_REFUTED;
              r->witness = fmt ("logits (%s, 0, ..., 0) (one at D, %lu at 0): the top probability is %s > %s", Ds, c->V - 1, bs, xs);
              r->witness_how = fmt ("The top probability of this vector is exactly 1/(1 + (V-1) e^-D), enclosed in %s.", bs);
              set_how (r, "%s", arg);
            }
          else set_how (r, "The enclosure of the maximum contains %s.", xs);
        }
      free (xs);
      mpfr_clear (x);
    }
  /* plot: eps versus D */
  ic_plot *pl = add_plot (r);
  ic_plot_init (pl, "Softmax: smallest possible 1 - max probability", "logit width D", "log10 eps", 0);
  char *sname = fmt ("V = %lu", c->V);
  ic_plot_series *s = ic_plot_add (pl, sname, IC_PLOT_BAND, 41);      /* copies the name */
  s->certified = 1;                         /* exact D (below); log10_ends outward */
  free (sname);
  /* D from 0 to Dmax = 2 D + 1 in exact rationals (mpq_set_d of an
   * infinite double, D = 1e400, raised SIGFPE in GMP); Dmax is capped at
   * 2^1000 so that the plot's doubles stay finite (presentation only) */
  mpq_t Dmax; mpq_init (Dmax);
  mpq_set_ui (Dmax, 1, 1);
  mpq_mul_2exp (Dmax, Dmax, 1000);
  if (mpq_cmp_ui (c->D, 1, 1) < 0 || mpz_sizeinbase (mpq_numref (c->D), 2) < 990 + mpz_sizeinbase (mpq_denref (c->D), 2))
    {
      mpq_mul_2exp (Dmax, c->D, 1);
      mpq_t one_q; mpq_init (one_q); mpq_set_ui (one_q, 1, 1);
      mpq_add (Dmax, Dmax, one_q);
      mpq_clear (one_q);
    }
  for (int i = 0; i <= 40; i++)
    {
      mpq_t dq; mpq_init (dq);
      mpq_set_ui (dq, (unsigned long) i, 40);
      mpq_mul (dq, dq, Dmax);                   /* Dmax i / 40 (heuristic spacing) */
      s->x[i] = mpq_get_d (dq);
      mpq_set_d (dq, s->x[i]);                  /* dq = x exactly: the enclosure is at x */
      ic_ival_set_q (D, dq);
      ic_softmax_max_bound (B, c->V, D);
      ic_ival_sub (e, one, B);
      log10_ends (&s->ylo[i], &s->yhi[i], e);
      mpq_clear (dq);
    }
  mpq_clear (Dmax);
  free (bs); free (es); free (Ds);
  ic_ival_clear (D); ic_ival_clear (B); ic_ival_clear (e); ic_ival_clear (one);
}

/* The format's facts shared by the fpsoftmax checks. */
static void fp_facts (ic_check_result *r, const ic_check *c)
{
  const ic_fp_format *f = c->fmt;
  KV (r, "format", "%s (precision %ld bits, exponents %ld..%ld in MPFR convention, subnormals)", f->name, (long) f->prec, (long) f->emin, (long) f->emax);
  KV (r, "evaluation order", "max-subtracted; exp; sequential sum %s; division", c->order == IC_SM_TOP_LAST ? "of the V-1 small terms, then the top term" : "starting from the top term");
}

/* The gap of a "gap = G" check as a number of the format (g has the
 * format's precision); 0 when G is not one. */
static int fp_gap (mpfr_ptr g, const ic_check *c)
{
  mpfr_t gq; mpfr_init2 (gq, 256);
  mpfr_set_q (gq, c->gap, MPFR_RNDN);
  ic_fp_round (g, gq, c->fmt);
  mpq_t back; mpq_init (back); mpfr_get_q (back, g);
  int exact_gap = mpq_equal (back, c->gap);
  mpq_clear (back); mpfr_clear (gq);
  return exact_gap;
}

/* Texts of a threshold g*, of the largest computed top probability pb
 * below 1, and of its eps 1 - pb (to free with mpfr_free_str). */
static void fp_threshold_texts (char **gs, char **ps, char **es, mpfr_srcptr g, mpfr_srcptr pb, const ic_fp_format *f)
{
  mpfr_asprintf (gs, "%.17Rg", g);
  mpfr_asprintf (ps, "%.17Rg", pb);
  mpfr_t e; mpfr_init2 (e, f->prec + 64);
  mpfr_ui_sub (e, 1, pb, MPFR_RNDN);         /* exact: 1 - pb needs few bits */
  mpfr_asprintf (es, "%.6Rg", e);
  mpfr_clear (e);
}

/* The computed top probability pt at the check's gap G for V tokens, put
 * in the numbers (with note after it when it is exactly 1); returns its
 * text (to free with mpfr_free_str), or NULL when G is not a number of
 * the format (the check is then undecided, with that reason). */
static char *fp_top_at_gap (ic_check_result *r, mpfr_ptr pt, const ic_check *c, unsigned long V, const char *note)
{
  const ic_fp_format *f = c->fmt;
  mpfr_t g, s; mpfr_inits2 (f->prec, g, s, (mpfr_ptr) 0);
  char *ps = NULL;
  if (!fp_gap (g, c)) set_how (r, "The gap is not a number of the format.");
  else
    {
      ic_fpsoftmax_top (pt, s, f, V, g, c->order);
      mpfr_asprintf (&ps, "%.20Rg", pt);
      char *key = fmt ("V = %lu: computed top probability at the gap", V);
      KV (r, key, "%s%s", ps, mpfr_cmp_ui (pt, 1) == 0 ? note : "");
      free (key);
    }
  mpfr_clears (g, s, (mpfr_ptr) 0);
  return ps;
}

/* "fpsoftmax(F, V ...) if < 1 then <= 1 - E": the thread's condition.  Over
 * all gaps of the configuration the computed top probability is
 * non-decreasing (monotone correctly rounded operations), so the largest
 * value below 1 is the one at the format number just below the threshold
 * g*; it is compared exactly with 1 - E.  With "gap = G" only that gap. */
static void check_fpsoftmax_cond (ic_check_entry *ce)
{
  ic_check *c = ce->c;
  ic_check_result *r = &ce->r;
  const ic_fp_format *f = c->fmt;
  fp_facts (r, c);
  mpq_t b; mpq_init (b);
  mpq_set_ui (b, 1, 1); mpq_sub (b, b, c->X);             /* b = 1 - E exactly */
  char *Es = q_str (c->X);
  KV (r, "claimed eps E", "%s", Es);
  KV (r, "any computed probability below 1", "is a number of the format, so at most 1 - 2^-%ld (eps >= 2^-%ld for every logit vector)", (long) f->prec, (long) f->prec);
  mpfr_t g, pb, s; mpfr_inits2 (f->prec, g, pb, s, (mpfr_ptr) 0);
  int undecided = 0, wV = -1;
  char *wit = NULL;
  for (int i = 0; i < c->nV && wV < 0; i++)
    {
      unsigned long V = c->Vs[i];
      char *key;
      if (c->has_gap)
        {
          char *ps = fp_top_at_gap (r, pb, c, V, " (exactly 1: the condition does not hold, nothing to check)");
          if (!ps) { undecided = 1; break; }
          if (mpfr_cmp_ui (pb, 1) < 0 && mpfr_cmp_q (pb, b) > 0)
            { wV = (int) V; wit = fmt ("V = %lu, gap %s: the computed top probability %s is below 1 but above 1 - E", V, ps, ps); }
          mpfr_free_str (ps);
          continue;
        }
      if (ic_fpsoftmax_threshold (g, pb, f, V, c->order) != 0) { undecided = 1; continue; }
      char *gs, *ps, *es;
      fp_threshold_texts (&gs, &ps, &es, g, pb, f);
      key = fmt ("V = %lu: largest computed top probability < 1 (at the gap just below g* = %s) / its eps", V, gs);
      KV (r, key, "%s / %s", ps, es);
      free (key);
      if (mpfr_cmp_q (pb, b) > 0)
        {
          wV = (int) V;
          mpfr_t gb; mpfr_init2 (gb, f->prec); mpfr_set (gb, g, MPFR_RNDN); mpfr_nextbelow (gb);
          char *gbs = NULL; mpfr_asprintf (&gbs, "%.17Rg", gb);
          wit = fmt ("V = %lu, gap %s (the format number below g* = %s): the computed top probability %s is below 1 but above 1 - E", V, gbs, gs, ps);
          mpfr_free_str (gbs); mpfr_clear (gb);
        }
      mpfr_free_str (gs); mpfr_free_str (ps); mpfr_free_str (es);
    }
  if (wV >= 0)
    {
      r->status = IC_ST_REFUTED;
      r->witness = wit; wit = NULL;
      r->witness_how = xstrdup ("Exact emulation with MPFR (precision, exponent range, subnormals, round to nearest even after every operation), compared exactly with 1 - E.");
      set_how (r, "Some computed top probability is below 1 and above 1 - E = 1 - %s.", Es);
    }
  else if (undecided) { if (!r->how) set_how (r, "No threshold was found for some V, so the largest computed value below 1 is not known."); }
  else
    {
      r->status = IC_ST_PROVED;
      if (c->has_gap)
        set_how (r, "Exact emulation of the format at the given gap: where the computed top probability is below 1 it is at most 1 - E.");
      else
        set_how (r, "Correctly rounded exp, addition and division are monotone, so the computed top probability is non-decreasing in the gap: below the threshold g* (where it becomes exactly 1) its largest value is the one at the format number just below g*, which is at most 1 - E = 1 - %s (exact comparison) for every V. So, when the computed probability is below 1, it is at most 1 - E.", Es);
    }
  free (wit); free (Es);
  mpq_clear (b);
  mpfr_clears (g, pb, s, (mpfr_ptr) 0);
}

/* "fpsoftmax(F, V ...) > 0": the V-1 other tokens' computed probability is
 * never 0.  Refuted by the gap g0 from which fl(exp(-g)) underflows to 0
 * (then each of them is fl(0 / s) = 0, at g0 and every larger gap). */
static void check_fpsoftmax_zero (ic_check_entry *ce)
{
  ic_check *c = ce->c;
  ic_check_result *r = &ce->r;
  const ic_fp_format *f = c->fmt;
  fp_facts (r, c);
  mpfr_t g, pb; mpfr_inits2 (f->prec, g, pb, (mpfr_ptr) 0);
  int undecided = 0, any0 = 0;
  char *wit = NULL;
  for (int i = 0; i < c->nV; i++)
    {
      unsigned long V = c->Vs[i];
      char *key;
      if (c->has_gap)
        {
          if (!fp_gap (g, c)) { undecided = 1; set_how (r, "The gap is not a number of the format."); break; }
          ic_fpsoftmax_small (pb, f, V, g, c->order);
          char *ps = NULL; mpfr_asprintf (&ps, "%.17Rg", pb);
          key = fmt ("V = %lu: computed probability of each other token at the gap", V);
          KV (r, key, "%s%s", ps, mpfr_zero_p (pb) ? " (exactly 0)" : "");
          free (key);
          if (mpfr_zero_p (pb) && !any0)
            { any0 = 1; char *gs = q_str (c->gap); wit = fmt ("V = %lu, gap %s: the computed probability of the other token(s) (%lu of them) is exactly 0", V, gs, V - 1); free (gs); }
          mpfr_free_str (ps);
          continue;
        }
      if (ic_fpsoftmax_zero_threshold (g, pb, f, V, c->order) != 0) { undecided = 1; continue; }
      char *gs = NULL, *ps = NULL;
      mpfr_asprintf (&gs, "%.17Rg", g);
      mpfr_asprintf (&ps, "%.6Rg", pb);
      key = fmt ("V = %lu: gap g0 from which the other tokens get exactly 0 / their probability just below g0", V);
      KV (r, key, "%s / %s", gs, ps);
      free (key);
      if (!any0)
        {
          any0 = 1;
          wit = fmt ("V = %lu: logits (0, -g, ..., -g) with g = %s: fl(exp(-g)) = 0, so the other token(s) (%lu of them) get computed probability exactly 0", V, gs, V - 1);
        }
      mpfr_free_str (gs); mpfr_free_str (ps);
    }
  if (any0)
    {
      r->status = IC_ST_REFUTED;
      r->witness = wit; wit = NULL;
      r->witness_how = xstrdup ("Exact emulation with MPFR: precision, exponent range and subnormals of the format, round to nearest even after every operation.");
      set_how (r, "%s", c->has_gap ? "Exact emulation of the format at the given gap."
               : "g0 is the smallest format number at which the correctly rounded exp(-g) underflows to 0 (bisection over format numbers, checked at g0 and at its predecessor); exp is monotone, so it stays 0 for every larger gap, and 0 / s = 0 (the emulation gives exactly 0 at g0). Smaller gaps are not claimed to give a non-zero probability.");
    }
  else if (undecided) { if (!r->how) set_how (r, "No gap giving 0 was found for some V."); }
  else
    {
      r->status = IC_ST_PROVED;
      set_how (r, "Exact emulation of the format at the given gap: every computed probability is > 0.");
    }
  free (wit);
  mpfr_clears (g, pb, (mpfr_ptr) 0);
}

static void check_fpsoftmax (ic_check_entry *ce)
{
  ic_check *c = ce->c;
  ic_check_result *r = &ce->r;
  const ic_fp_format *f = c->fmt;
  if (c->fp_form == FP_COND) { check_fpsoftmax_cond (ce); return; }
  if (c->fp_form == FP_GT0) { check_fpsoftmax_zero (ce); return; }
  fp_facts (r, c);
  mpfr_t g, pb, pt, s; mpfr_inits2 (f->prec, g, pb, pt, s, (mpfr_ptr) 0);
  int all_lt1 = 1, any_one = 0, undecided = 0, thr_ok = 1;
  ic_buf wit; ic_buf_init (&wit);
  ic_plot *pl = NULL; ic_plot_series *ps_ = NULL;
  if (!c->has_gap && c->nV > 1)
    {
      pl = add_plot (r);
      ic_plot_init (pl, "", "V (log scale)", "threshold logit gap g*", 1);
      free (pl->title); pl->title = fmt ("%s softmax: gap at which the computed top probability is exactly 1", f->name);
      ps_ = ic_plot_add (pl, "g* (exact format number)", IC_PLOT_POINTS, c->nV);
      ps_->certified = 1;                    /* x = V and y = g* exactly */
      ps_->n = 0;                            /* points are added as thresholds are found */
    }
  for (int i = 0; i < c->nV; i++)
    {
      unsigned long V = c->Vs[i];
      char *key;
      if (c->has_gap)
        {
          char *ps = fp_top_at_gap (r, pt, c, V, " (exactly 1)");
          if (!ps) { undecided = 1; break; }
          if (mpfr_cmp_ui (pt, 1) == 0)
            {
              all_lt1 = 0; any_one = 1;
              if (!wit.len)
                {
                  char *gs = q_str (c->gap);
                  ic_buf_printf (&wit, "V = %lu, gap %s: the computed probability is exactly 1.0", V, gs);
                  free (gs);
                }
            }
          mpfr_free_str (ps);
          continue;
        }
      if (ic_fpsoftmax_threshold (g, pb, f, V, c->order) != 0) { undecided = 1; continue; }
      char *gs, *pbs, *eps;
      fp_threshold_texts (&gs, &pbs, &eps, g, pb, f);
      key = fmt ("V = %lu: threshold gap g* / largest computed p < 1 / eps", V);
      KV (r, key, "%s / %s / %s", gs, pbs, eps);
      free (key);
      if (ps_)
        {
          /* g* has at most 53 bits and V <= 10^9: both exact as doubles */
          int k = ps_->n++;
          ps_->x[k] = (double) V;
          ps_->ylo[k] = mpfr_get_d (g, MPFR_RNDD);
          ps_->yhi[k] = mpfr_get_d (g, MPFR_RNDU);
        }
      any_one = 1; all_lt1 = 0;
      if (!wit.len)
        {
          mpfr_t gm; mpfr_init2 (gm, f->prec); mpfr_set (gm, g, MPFR_RNDN);
          ic_buf_printf (&wit, "V = %lu: logits (0, -g, ..., -g) with g = %s: the computed top probability is exactly 1.0", V, gs);
          mpfr_clear (gm);
        }
      if (c->thr_claim)
        {
          mpq_t gq; mpq_init (gq); mpfr_get_q (gq, g);
          if (!mpq_equal (gq, c->thr)) { thr_ok = 0; }
          mpq_clear (gq);
        }
      mpfr_free_str (gs); mpfr_free_str (pbs); mpfr_free_str (eps);
    }
  const char *mono = "Correctly rounded exp, addition and division are monotone, so the computed sum is non-increasing and the computed top probability non-decreasing in the gap; the threshold g* is the smallest format number with result exactly 1 (bisection over format numbers, then checked at g* and at its predecessor).";
  if (undecided && !(any_one && !c->thr_claim && !c->has_gap)) { r->status = IC_ST_UNDECIDED; if (!r->how) set_how (r, "No threshold was found for some V."); }
  else if (c->thr_claim)
    {
      r->status = thr_ok ? IC_ST_PROVED : IC_ST_REFUTED;
      set_how (r, "%s", mono);
      if (!thr_ok) r->witness = xstrdup ("the certified threshold differs from the claimed one (see the numbers)");
    }
  else if (all_lt1)
    {
      r->status = IC_ST_PROVED;
      set_how (r, "Exact emulation of the format: the computed top probability is below 1 at the given gap.");
    }
  else
    {
      r->status = IC_ST_REFUTED;
      r->witness = ic_buf_take (&wit);
      r->witness_how = xstrdup ("Exact emulation with MPFR: precision, exponent range and subnormals of the format, round to nearest even after every operation.");
      set_how (r, "%s", c->has_gap ? "Exact emulation of the format at the given gap." : mono);
    }
  ic_buf_free (&wit);
  mpfr_clears (g, pb, pt, s, (mpfr_ptr) 0);
}

/* ---- driver ---------------------------------------------------------------- */

/* Every check on a model reads it as a transition rule, which needs each
 * state's row to be a (sub-)probability distribution: sum_w P(w|s) <= 1
 * (rows below 1 are allowed: ARPA files store rounded numbers, and turtle's
 * rows sum to 0.62-0.83).  A row sum above 1 is a defect of the stored
 * numbers (Sphinx's phone model has a row of 94): it is reported with its
 * enclosure, never clamped, and the check is left undecided, as it is when
 * the enclosure of a row sum contains 1.  Returns 1 when the check stops
 * here. */
static int distribution_gate (ic_check_entry *ce, ic_model_def *d)
{
  if (d->kind == MD_COUNTER) return 0;
  if (d->lm.normalised) return 0;     /* rows sum to exactly 1 by construction */
  ic_lm *m = &d->lm;
  ic_ival_t sum; ic_ival_init2 (sum, PREC);
  int st = -1;
  int ex = ic_lm_row_excess (&st, sum, m);
  if (ex != 0)
    {
      ic_check_result *r = &ce->r;
      model_facts (r, d);
      defect_facts (r, m);
      char *ss = ival_str (sum, 8);
      if (ex > 0)
        {
          KV (r, "defect", "row sum %s > 1 at state \"%s\": not a probability distribution", ss, m->hist[st]);
          set_how (r, "Not decided: row sum %s > 1 at state \"%s\" (outward-rounded enclosure of the sum of its stored probabilities): not a probability distribution. The check reads the model as a transition rule, which needs every row to sum to at most 1; the defect is reported as it is, never clamped.",
                   ss, m->hist[st]);
        }
      else
        {
          KV (r, "defect", "row sum %s at state \"%s\" is not certified <= 1", ss, m->hist[st]);
          set_how (r, "Not decided: the enclosure %s of the row sum at state \"%s\" contains 1, so the row is not certified to be a probability distribution (sum <= 1), which the check needs.",
                   ss, m->hist[st]);
        }
      r->status = IC_ST_UNDECIDED;
      free (ss);
    }
  ic_ival_clear (sum);
  return ex != 0;
}

/* Returns 0, or the error of load_model (-1 malformed model, -2 a model
 * file that cannot be read: both bad input, message in err). */
static int run_check (ic_claimfile *cf, ic_check_entry *ce, char *err, size_t errlen)
{
  ic_check *c = ce->c;
  if (c->model >= 0)
    {
      ic_model_def *d = cf->model[c->model];
      int rc = load_model (cf, d, err, errlen);
      if (rc != 0) return rc;
      if (distribution_gate (ce, d)) return 0;
    }
  switch (c->kind)
    {
    case CK_SERIES: check_series (ce); break;
    case CK_DECAY: check_decay (ce, cf); break;
    case CK_SOFTMAX: check_softmax (ce); break;
    case CK_FPSOFTMAX: check_fpsoftmax (ce); break;
    case CK_NONDEG: check_nondeg (ce, cf->model[c->model]); break;
    case CK_SMBOUND: check_smbound (ce, cf->model[c->model]); break;
    case CK_MARG_GE: case CK_MARG_RATIO: case CK_PATH_DECAY: check_paths (ce, cf->model[c->model]); break;
    case CK_MARKOV: check_markov (ce, cf->model[c->model]); break;
    case CK_GROWTH: check_growth (ce, cf->model[c->model]); break;
    }
  return 0;
}

static int claims_check (ic_claimfile *cf, const ic_claims_options *opt,
                     char *err, size_t errlen)
{
  int undecided = 0;
  for (int i = 0; i < cf->nclaim; i++)
    {
      ic_claim *cl = &cf->claim[i];
      if (opt && opt->only && strcmp (opt->only, cl->id)) { cl->status = IC_ST_UNDECIDED; continue; }
      struct timespec t0, t1;
      clock_gettime (CLOCK_MONOTONIC, &t0);
      int all_proved = 1, any_ref = 0;
      for (int j = 0; j < cl->ncheck; j++)
        {
          ic_check_entry *ce = &cl->check[j];
          ic_check_result_clear (&ce->r);
          int rc = run_check (cf, ce, err, errlen);
          if (rc != 0) return rc;
          if (!ce->r.how) ce->r.how = xstrdup ("");
          if (ce->r.status != IC_ST_PROVED) all_proved = 0;
          if (ce->r.status == IC_ST_REFUTED) any_ref = 1;
        }
      /* a claim is the conjunction of its checks */
      cl->status = any_ref ? IC_ST_REFUTED : all_proved ? IC_ST_PROVED : IC_ST_UNDECIDED;
      clock_gettime (CLOCK_MONOTONIC, &t1);
      cl->seconds = (double) (t1.tv_sec - t0.tv_sec) + 1e-9 * (double) (t1.tv_nsec - t0.tv_nsec);
      if (cl->status == IC_ST_UNDECIDED) undecided++;
      if (opt && opt->on_claim) opt->on_claim (cl, opt->arg);
    }
  return undecided;
}

/* ---- entry points: out of memory comes back as an error ---------------- */

int ic_claims_parse (ic_claimfile *cf, const char *text, const char *name,
                     const char *dir, char *err, size_t errlen)
{
  jmp_buf here, *outer = oom_jmp;
  if (setjmp (here))
    {
      oom_jmp = outer;
      memset (cf, 0, sizeof *cf);          /* what was parsed is leaked */
      snprintf (err, errlen, "%s: out of memory", name);
      return -3;
    }
  oom_jmp = &here;
  int rc = claims_parse (cf, text, name, dir, err, errlen);
  oom_jmp = outer;
  return rc;
}

int ic_claims_check (ic_claimfile *cf, const ic_claims_options *opt,
                     char *err, size_t errlen)
{
  jmp_buf here, *outer = oom_jmp;
  ic_oom_take ();
  if (setjmp (here))
    {
      oom_jmp = outer;
      snprintf (err, errlen, "out of memory");
      return -3;
    }
  oom_jmp = &here;
  int rc = claims_check (cf, opt, err, errlen);
  oom_jmp = outer;
  if (rc >= 0 && ic_oom_take ())
    {
      snprintf (err, errlen, "out of memory");
      return -3;
    }
  return rc;
}
