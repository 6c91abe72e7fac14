/* certify.c — the driver: from a term to a verdict and an enclosure.
 *
 * Every verdict comes from the verdict kernels (src/kern/verdict.c) applied
 * to facts proved by the asymptotic analysis (src/asym.c); every enclosure
 * is assembled by the kernels in src/kern/ (partial sums/products, tails,
 * final assembly, digits).  The heuristics here only choose N, the
 * precision and the method. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <time.h>
#include <unistd.h>
#include <pthread.h>
#include "infcert.h"
#include "term.h"
#include "eval.h"
#include "cancel.h"
#include "asym.h"
#include "lscale.h"
#include "poles.h"
#include "symb.h"
#include "dirichlet.h"
#include "periodic.h"
#include "verdict.h"
#include "tail.h"
#include "cvz.h"
#include "enclose.h"
#include "split.h"
#include "em.h"
#include "ratexp.h"
#include "tmexp.h"
#include "buf.h"
#include "checked.h"

#define MAX_DIGITS 100000

void ic_options_default (ic_options *opt)
{
  opt->digits = 15;
  opt->from = 1;
  opt->max_prec = 1L << 20;
  opt->timeout = 0;
  opt->max_terms = 20000000UL;
  opt->progress = 0;
  opt->max_memory = IC_DEFAULT_MAX_MEMORY;
}

void ic_result_init (ic_result *r)
{
  memset (r, 0, sizeof *r);
  mpfr_init2 (r->lo, 64);
  mpfr_init2 (r->hi, 64);
}

void ic_result_clear (ic_result *r)
{
  mpfr_clear (r->lo);
  mpfr_clear (r->hi);
}

const char *ic_verdict_name (ic_kind kind, ic_verdict v)
{
  (void) kind;                  /* the names are the same for both kinds */
  switch (v)
    {
    case IC_CONVERGES: return "converges";
    case IC_DIVERGES: return "diverges";
    case IC_DIVERGES_TO_ZERO: return "diverges_to_zero";
    case IC_ZERO_FACTOR: return "zero_factor";
    default: return "unknown";
    }
}

/* ---- certificate helpers --------------------------------------------- */

static void cert_item (ic_cert *c, const char *key, const char *fmt, ...) __attribute__ ((format (printf, 3, 4)));
static void cert_item (ic_cert *c, const char *key, const char *fmt, ...)
{
  if (c->nitems >= IC_CERT_ITEMS) return;
  snprintf (c->item[c->nitems].key, sizeof c->item[0].key, "%s", key);
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (c->item[c->nitems].val, sizeof c->item[0].val, fmt, ap);
  va_end (ap);
  c->nitems++;
}

static void cert_ival (ic_cert *c, const char *key, ic_ival_srcptr x)
{
  char *lo = ic_fr_to_decimal (x->lo, 12, MPFR_RNDD);
  char *hi = ic_fr_to_decimal (x->hi, 12, MPFR_RNDU);
  cert_item (c, key, "[%s, %s]", lo, hi);
  free (lo); free (hi);
}

/* ---- run state --------------------------------------------------------- */

typedef struct {
  const ic_options *opt;
  ic_error *err;
  struct timespec t0;
  ic_deadline dl;           /* --timeout, polled inside the tail methods */
  ic_membudget mem;         /* --max-memory, charged by the big tables */
  unsigned long evals;
  /* progress reporting (a watcher thread prints every 2 s) */
  pthread_mutex_t mu;
  pthread_cond_t cv;
  int done;
  char stage[96];
  long digits_so_far;
  /* the effort limit without --timeout: refinement rounds after the first
   * run under a deadline EFFORT_SECONDS after the start (polled like
   * --timeout); effort_hit records that it cut a round short */
  int effort_armed, effort_hit;
  /* no --timeout: the whole run (verdict search, domain check, every
   * round) ends at EFFORT_SECONDS after the start, through R.dl; a run cut
   * there stops with IC_STOP_EFFORT, not IC_STOP_TIMEOUT */
  int effort_global;
} run;

#define EFFORT_SECONDS 10.0

static double elapsed (run *R)
{
  struct timespec t;
  clock_gettime (CLOCK_MONOTONIC, &t);
  return (double) (t.tv_sec - R->t0.tv_sec) + 1e-9 * (double) (t.tv_nsec - R->t0.tv_nsec);
}

static const char effort_text[] =
  "the effort limit was reached first (without --timeout a run ends after about 10 s; see --timeout)";
static const char mem_text[] = "the memory budget was reached first (see --max-memory)";
static const char time_text[] = "the time limit was reached first (--timeout)";

/* 1 when the run's deadline has passed: --timeout (R->err: IC_ETIMEOUT)
 * or, without it, the effort limit of the whole run (R->err: IC_ELIMIT,
 * effort_hit set). */
static int timed_out (run *R)
{
  if (R->opt->timeout > 0 && (ic_cancelled () || elapsed (R) > R->opt->timeout))
    {
      R->err->code = IC_ETIMEOUT;
      snprintf (R->err->msg, sizeof R->err->msg, "time limit reached (--timeout %g s)", R->opt->timeout);
      return 1;
    }
  if (R->effort_global && !ic_mem_hit () && (ic_cancelled () || elapsed (R) > EFFORT_SECONDS))
    {
      R->effort_hit = 1;
      R->err->code = IC_ELIMIT;
      snprintf (R->err->msg, sizeof R->err->msg, "%s", effort_text);
      return 1;
    }
  return 0;
}

/* 1 once the effort deadline of a refinement round has passed (it is the
 * thread's deadline then, so the tail methods see it through
 * ic_cancelled() and fail: a cut round never yields a bound). */
static int effort_cut (run *R)
{
  if (!R->effort_armed || !ic_cancelled ()) return 0;
  R->effort_hit = 1;
  return 1;
}

/* Records the current stage and the digits certified so far; the watcher
 * thread started by ic_certify prints them (stderr) while a run lasts. */
static void progress (run *R, const char *stage, long digits)
{
  if (!R->opt->progress) return;
  pthread_mutex_lock (&R->mu);
  snprintf (R->stage, sizeof R->stage, "%s", stage);
  if (digits > R->digits_so_far) R->digits_so_far = digits;
  pthread_mutex_unlock (&R->mu);
}

static void *progress_watch (void *arg)
{
  run *R = arg;
  pthread_mutex_lock (&R->mu);
  for (;;)
    {
      struct timespec until;
      clock_gettime (CLOCK_REALTIME, &until);
      until.tv_sec += 2;
      while (!R->done && pthread_cond_timedwait (&R->cv, &R->mu, &until) == 0)
        ;
      if (R->done) break;
      fprintf (stderr, "infcert: %.0f s: %s, %ld digits certified so far\n", elapsed (R), R->stage, R->digits_so_far);
    }
  pthread_mutex_unlock (&R->mu);
  return NULL;
}

/* The term is certainly undefined at n (the evaluator proved it): bad
 * input, whichever method noticed it. */
static ic_status undefined_at (run *R, unsigned long n, const char *why)
{
  R->err->code = IC_EDOMAIN;
  snprintf (R->err->n, sizeof R->err->n, "%lu", n);
  snprintf (R->err->msg, sizeof R->err->msg, "term undefined at n = %lu: %s", n, why ? why : "domain error");
  return IC_EDOMAIN;
}

/* Evaluates e(n) into out, raising the precision when the interval
 * evaluation cannot decide a domain question.  Returns IC_OK, or
 * IC_EDOMAIN (undefined at n) / IC_ELIMIT with err filled. */
static ic_status eval_checked (run *R, ic_evaluator *ev, ic_ival_ptr out, unsigned long n, mpfr_prec_t prec)
{
  const char *why = NULL;
  mpfr_prec_t p = prec;
  for (;;)
    {
      ic_eval_set_prec (ev, p);
      int r = ic_eval_at_ui (ev, out, n, &why);
      R->evals++;
      if (r == IC_EV_OK && ic_ival_is_finite (out)) { ic_eval_set_prec (ev, prec); return IC_OK; }
      if (r == IC_EV_UNDEFINED)
        {
          ic_eval_set_prec (ev, prec);
          return undefined_at (R, n, why);
        }
      if (p >= R->opt->max_prec || p > 4 * prec + 4096)
        {
          R->err->code = IC_ELIMIT;
          snprintf (R->err->msg, sizeof R->err->msg,
                    "cannot evaluate the term at n = %lu within the precision limit (%ld bits; see --max-prec)",
                    n, (long) R->opt->max_prec);
          ic_eval_set_prec (ev, prec);
          return IC_ELIMIT;
        }
      p = 2 * p;
      if (p > R->opt->max_prec) p = R->opt->max_prec;
    }
}

/* ---- the analysis: forms and facts ------------------------------------- */

static const unsigned long X_CANDIDATES[] = { 16, 64, 256, 1024, 16384, 262144, 1048576 };
#define NX (sizeof X_CANDIDATES / sizeof X_CANDIDATES[0])

/* Where next_form is in X_CANDIDATES, and whether a form was found yet. */
typedef struct { size_t i; int found; } form_iter;
#define FORM_ITER_INIT { 0, 0 }

/* Next candidate X >= from (after it->i) at which e (or e - 1 when
 * minus_one) has a form; 0 when the candidates are exhausted.  Larger X
 * give tighter envelopes, so a verdict not reached at one X may be reached
 * at the next.  The last candidate (2^20) is tried only when no earlier one
 * had a form: it is there for terms with a sign change or a pole beyond
 * 2^18 (sqrt(n) - 1000), and the factors evaluated before it cost seconds
 * where a form without a verdict would gain nothing but a tighter range. */
static unsigned long next_form (ic_form *f, const ic_node *e, int minus_one, unsigned long from,
                                form_iter *it, mpfr_prec_t prec, char *why, size_t whylen)
{
  while (it->i < NX)
    {
      size_t i = it->i++;
      if (i > 0 && X_CANDIDATES[i - 1] < from) return 0;   /* X = from already tried */
      if (i == NX - 1 && it->found) return 0;
      unsigned long X = X_CANDIDATES[i] < from ? from : X_CANDIDATES[i];
      ic_asym_ctx ctx = { .X = X, .prec = prec };
      int ok = minus_one ? ic_form_minus_one (f, e, &ctx) : ic_form_of (f, e, &ctx);
      if (ok) { it->found = 1; return X; }
      snprintf (why, whylen, "%s", ctx.why);
    }
  return 0;
}

/* ---- sums -------------------------------------------------------------- */

#define BATCH 256

typedef struct {
  ic_evaluator *ev;
  ic_ival_struct buf[BATCH];
  mpfr_prec_t prec;
  unsigned long next;       /* next n to add */
  ic_ival_t acc;            /* running sum or product */
  int prod;
  unsigned long zero_at;    /* prod: exact zero factor at this n (0 none) */
  int has_zero;
  int maybe_zero;           /* prod: a factor's interval contains 0 */
  const ic_node *e;
} partial;

/* ---- exact zeros of factors ---------------------------------------------
 * A factor whose enclosure contains 0 may be exactly 0: cos(pi/n) at n = 2.
 * exact_value evaluates e(n) exactly when every subterm is a rational q or
 * a rational multiple q pi of pi (kind 1), with cos and sin of q pi exact
 * at the multiples of 1/2 of pi; anything else fails (returns 0). */
static int exact_value (mpq_t q, int *kind, const ic_node *e, unsigned long n, int depth)
{
  if (depth > 200) return 0;
  mpq_t a, b;
  int ka, kb, ok = 0;
  switch (e->op)
    {
    case IC_NUM: mpq_set (q, e->q); *kind = 0; return 1;
    case IC_VAR: mpq_set_ui (q, n, 1); *kind = 0; return 1;
    case IC_PI: mpq_set_ui (q, 1, 1); *kind = 1; return 1;
    default: break;
    }
  mpq_inits (a, b, NULL);
  switch (e->op)
    {
    case IC_NEG:
      if ((ok = exact_value (a, &ka, e->a, n, depth + 1))) { mpq_neg (q, a); *kind = ka; }
      break;
    case IC_ADD: case IC_SUB:
      if (exact_value (a, &ka, e->a, n, depth + 1) && exact_value (b, &kb, e->b, n, depth + 1)
          && (ka == kb || mpq_sgn (a) == 0 || mpq_sgn (b) == 0))
        {
          if (e->op == IC_ADD) mpq_add (q, a, b); else mpq_sub (q, a, b);
          *kind = mpq_sgn (a) == 0 ? kb : ka;
          ok = 1;
        }
      break;
    case IC_MUL:
      /* (q1 pi)(q2 pi) only when one of them is 0 */
      if (exact_value (a, &ka, e->a, n, depth + 1) && exact_value (b, &kb, e->b, n, depth + 1)
          && (ka + kb <= 1 || mpq_sgn (a) == 0 || mpq_sgn (b) == 0))
        {
          mpq_mul (q, a, b);
          *kind = mpq_sgn (q) == 0 ? 0 : ka + kb;
          ok = 1;
        }
      break;
    case IC_DIV:
      /* q / (q2 pi) only for q = 0 (q2 != 0) */
      if (exact_value (a, &ka, e->a, n, depth + 1) && exact_value (b, &kb, e->b, n, depth + 1)
          && mpq_sgn (b) != 0 && (kb == 0 || mpq_sgn (a) == 0))
        {
          mpq_div (q, a, b);
          *kind = mpq_sgn (q) == 0 ? 0 : ka;
          ok = 1;
        }
      break;
    case IC_COS: case IC_SIN:
      if (exact_value (a, &ka, e->a, n, depth + 1) && (ka == 1 || mpq_sgn (a) == 0))
        {
          /* the argument is r pi: exact when 2 r is an integer */
          mpq_mul_2exp (b, a, 1);
          if (mpz_cmp_ui (mpq_denref (b), 1) == 0)
            {
              /* 2r mod 4 = m: cos r pi = 1, 0, -1, 0; sin r pi = 0, 1, 0, -1 */
              unsigned long m = mpz_fdiv_ui (mpq_numref (b), 4);
              static const int COS4[4] = { 1, 0, -1, 0 }, SIN4[4] = { 0, 1, 0, -1 };
              mpq_set_si (q, e->op == IC_COS ? COS4[m] : SIN4[m], 1);
              *kind = 0;
              ok = 1;
            }
        }
      break;
    default:
      break;
    }
  mpq_clears (a, b, NULL);
  return ok;
}

/* 1 if e(n) = 0 exactly (exact_value). */
static int exact_zero_at (const ic_node *e, unsigned long n)
{
  mpq_t q;
  int kind = 0;
  mpq_init (q);
  int z = exact_value (q, &kind, e, n, 0) && mpq_sgn (q) == 0;
  mpq_clear (q);
  return z;
}

static void partial_init (partial *P, const ic_node *e, mpfr_prec_t prec, unsigned long from, int prod)
{
  P->ev = ic_eval_new (e, prec);
  P->prec = prec;
  for (int i = 0; i < BATCH; i++) ic_ival_init2 (&P->buf[i], prec);
  P->next = from;
  ic_ival_init2 (P->acc, prec);
  ic_ival_set_si (P->acc, prod ? 1 : 0);
  P->prod = prod;
  P->has_zero = 0;
  P->maybe_zero = 0;
  P->zero_at = 0;
  P->e = e;
}

static void partial_clear (partial *P)
{
  ic_eval_free (P->ev);
  for (int i = 0; i < BATCH; i++) ic_ival_clear (&P->buf[i]);
  ic_ival_clear (P->acc);
}

/* Adds terms n = next .. last into the accumulator (verified loops). */
static ic_status partial_extend (run *R, partial *P, unsigned long last)
{
  while (P->next <= last)
    {
      if (R->evals > R->opt->max_terms)
        {
          R->err->code = IC_ELIMIT;
          snprintf (R->err->msg, sizeof R->err->msg, "term evaluation cap reached (%lu terms; see --max-terms)", R->opt->max_terms);
          return IC_ELIMIT;
        }
      if (timed_out (R)) return R->err->code;
      /* n = next + k for k <= room stays <= last (no wrap, even for
       * last = ULONG_MAX) */
      unsigned long k = 0, room = last - P->next;
      while (k < BATCH && k <= room)
        {
          if (timed_out (R)) return R->err->code;  /* one term can take ms */
          if (effort_cut (R)) return IC_ELIMIT;    /* R->err untouched */
          ic_status s = eval_checked (R, P->ev, &P->buf[k], P->next + k, P->prec);
          if (s != IC_OK) return s;
          if (P->prod && !P->has_zero && mpfr_zero_p (P->buf[k].lo) && mpfr_zero_p (P->buf[k].hi))
            { P->has_zero = 1; P->zero_at = P->next + k; }
          else if (P->prod && !ic_ival_is_pos (&P->buf[k]) && !ic_ival_is_neg (&P->buf[k]))
            {
              if (exact_zero_at (P->e, P->next + k))
                {
                  /* exactly 0 (cos(pi/2)): the factor is the exact 0 */
                  ic_ival_set_si (&P->buf[k], 0);
                  if (!P->has_zero) { P->has_zero = 1; P->zero_at = P->next + k; }
                }
              else P->maybe_zero = 1;
            }
          k++;
        }
      if (P->prod) ic_accum_prod (P->acc, P->buf, k);
      else ic_accum_sum (P->acc, P->buf, k);
      if (k > room)                 /* n = last was added */
        {
          if (last == ULONG_MAX)
            {
              R->err->code = IC_ELIMIT;
              snprintf (R->err->msg, sizeof R->err->msg, "index n beyond 2^64 - 1");
              return IC_ELIMIT;
            }
          P->next = last + 1;
        }
      else P->next += k;
    }
  return IC_OK;
}

static mpfr_prec_t prec_for (long digits, unsigned long N, const ic_options *opt)
{
  long lg = 0;
  while ((N >> lg) > 1 && lg < 64) lg++;
  return (mpfr_prec_t) ic_prec_for_digits (digits, 2 * lg + 40, opt->max_prec);
}

/* Cohen-Villegas-Zagier acceleration (Algorithm 1 of "Convergence
 * acceleration of alternating series", Experiment. Math. 9 (2000)): for
 * a_k = h(N + k) with h (or -h) completely monotone on [N, inf) and
 * a_k -> 0, +-a_k is a Hausdorff moment sequence and (Proposition 1)
 * |S - S_m| <= |S| / d_m <= 2 |a_0| / d_m, where S = sum_k (-1)^k a_k,
 * S_m = s / d the accelerated value, d_m = ((3+sqrt 8)^m + (3+sqrt 8)^-m)/2.
 * Encloses sum_{k>=0} (-1)^k h(N+k); the final step is the verified kernel
 * ic_tail_cvz (theorem: axiom Cvz_Error, specs/cvz.acsl). */
static int cvz_tail (run *R, ic_ival_ptr out, ic_evaluator *hev, unsigned long N, long digits, mpfr_prec_t prec, long *m_used)
{
  /* m with 5.828^m >= 10^(digits + 2) * 2 */
  long m = (long) ((digits + 3) * 1.3063) + 2;
  unsigned long Nlast;                      /* terms h(N + k), k < m */
  if (!ic_ck_add_ul (&Nlast, N, (unsigned long) m)) return 0;
  *m_used = m;
  ic_ival_t d, b, c, s, a, t, one;
  ic_ival_init2 (d, prec); ic_ival_init2 (b, prec); ic_ival_init2 (c, prec);
  ic_ival_init2 (s, prec); ic_ival_init2 (a, prec); ic_ival_init2 (t, prec); ic_ival_init2 (one, prec);
  int ok = 1;
  /* d = (3 + sqrt 8)^m; d = (d + 1/d)/2 */
  ic_ival_set_si (t, 8);
  ic_ival_sqrt (t, t);
  ic_ival_set_si (one, 3);
  ic_ival_add (t, t, one);
  ic_ival_pow_si (d, t, m);
  ic_ival_set_si (one, 1);
  ic_ival_div (t, one, d);
  ic_ival_add (d, d, t);
  ic_ival_div_ui (d, d, 2);
  ic_ival_set_si (b, -1);
  ic_ival_neg (c, d);
  ic_ival_set_si (s, 0);
  ic_ival_t a0;
  ic_ival_init2 (a0, prec);
  for (long k = 0; k < m; k++)
    {
      if (ic_cancelled ()) { ok = 0; break; }
      if (eval_checked (R, hev, a, N + (unsigned long) k, prec) != IC_OK) { ok = 0; break; }
      if (k == 0) ic_ival_set (a0, a);
      ic_ival_sub (c, b, c);                 /* c = b - c */
      ic_ival_mul (t, c, a);
      ic_ival_add (s, s, t);                 /* s += c a_k */
      /* b = (k + m)(k - m) b / ((k + 1/2)(k + 1)) = 2 (k+m)(k-m) b / ((2k+1)(k+1)) */
      ic_ival_mul_si (b, b, 2 * (k + m));
      ic_ival_mul_si (b, b, k - m);
      ic_ival_set_si (t, (2 * k + 1) * (k + 1));
      ic_ival_div (b, b, t);
    }
  /* S_m = s / d; |S - S_m| <= 2 |a_0| / d (Proposition 1 of the paper, with
   * margin: specs/cvz.acsl).  The composition out = s/d + [-e, e],
   * e >= 2 |a0| / d.lo, is the verified kernel ic_tail_cvz; it refuses
   * (whole line) a non-finite s, d, a0 or d not > 0, and the method then
   * fails rather than return that line. */
  if (ok && ic_tail_cvz (out, s, d, a0) != IC_IVAL_OK)
    ok = 0;
  ic_ival_clear (a0);
  ic_ival_clear (d); ic_ival_clear (b); ic_ival_clear (c);
  ic_ival_clear (s); ic_ival_clear (a); ic_ival_clear (t); ic_ival_clear (one);
  return ok;
}


/* The result's limit interval [r->lo, r->hi] = x, by the proved
 * ic_ival_get_fr2 (every value x encloses lies in it). */
static void set_limit (ic_result *r, ic_ival_srcptr x)
{
  ic_ival_get_fr2 (r->lo, r->hi, x);
  r->has_limit = 1;
}

static const char *rule_name (int rule)
{
  switch (rule)
    {
    case IC_RULE_COMPARISON: return "comparison";
    case IC_RULE_LOWER_COMPARISON: return "lower comparison";
    case IC_RULE_TERM_TEST: return "term test";
    case IC_RULE_LEIBNIZ: return "Leibniz";
    case IC_RULE_PROD_ABS: return "product: sum |u(n)| < inf";
    case IC_RULE_PROD_SQUARES: return "product: sum u(n) and sum u(n)^2 converge";
    case IC_RULE_PROD_TO_ZERO: return "product: u(n) <= 0, sum u(n) = -inf";
    case IC_RULE_PROD_TO_INF: return "product: u(n) >= 0, sum u(n) = +inf";
    case IC_RULE_PROD_FACTOR_SMALL: return "product: |p(n)| <= c < 1";
    case IC_RULE_PROD_FACTOR_LARGE: return "product: |p(n)| >= c > 1";
    case IC_RULE_ZERO_FACTOR: return "zero factor";
    default: return "none";
    }
}

static const char *env_name (int env)
{
  switch (env)
    {
    case IC_ENV_SUMMABLE: return "summable envelope";
    case IC_ENV_DECAYS: return "envelope -> 0, not summable";
    case IC_ENV_NOT_DECAYING: return "envelope does not tend to 0";
    default: return "no envelope";
    }
}

/* The "; "-separated list `how` cut to whole entries so that it fits in
 * `room` characters (a cut entry could state a wrong start: "n >= 1" for
 * "n >= 16"); "; and further parts" marks the cut.  Returns dst. */
static const char *fit_list (char *dst, size_t room, const char *how)
{
  if (strlen (how) < room) { snprintf (dst, room, "%s", how); return dst; }
  size_t keep = 0;
  for (const char *p = strstr (how, "; "); p; p = strstr (p + 2, "; "))
    if ((size_t) (p - how) + 20 < room) keep = (size_t) (p - how);
  if (keep) snprintf (dst, room, "%.*s; and further parts", (int) keep, how);
  else snprintf (dst, room, "parts too long to list");
  return dst;
}

/* ic_form_F_symbols callback: the enclosure of a symbol as an item. */
typedef struct { ic_cert *c; const char *prefix; ic_buf *names, *keys; } sym_arg;

static void put_symbol (void *arg, const char *name, ic_ival_srcptr x)
{
  sym_arg *A = arg;
  char key[32];
  snprintf (key, sizeof key, "%s%s", A->prefix, name);
  if (A->c) cert_ival (A->c, key, x);
  if (A->names) ic_buf_printf (A->names, "%s%s", A->names->len ? ", " : "", name);
  if (A->keys) ic_buf_printf (A->keys, "%s%s", A->keys->len ? ", " : "", key);
}

/* The envelope items of a form f of v(n) on [X, inf) (v = a for a sum's
 * terms, u = p - 1 for a product's factors): "envelope" = s(n) F(n) in
 * the term syntax, "ratio" = G with v(n) / envelope(n) in G, "from_n" = X,
 * and for each symbol the envelope uses for a part too long to print (r,
 * alpha, beta, phi: ic_form_F_string) an enclosure of its exact value. */
static void describe_form (ic_cert *c, const char *prefix, const ic_form *f, unsigned long X)
{
  char key[32];
  char *s = ic_form_envelope_string (f);
  snprintf (key, sizeof key, "%senvelope", prefix);
  cert_item (c, key, "%s%s", f->alt && !f->zero ? "(-1)^n*" : "", s);
  free (s);
  sym_arg A = { c, prefix, NULL, NULL };
  ic_form_F_symbols (f, put_symbol, &A);
  snprintf (key, sizeof key, "%sratio", prefix);
  cert_ival (c, key, f->g);
  snprintf (key, sizeof key, "%sfrom_n", prefix);
  cert_item (c, key, "%lu", X);
}

/* The inequalities a form f of v(n) on [X, inf) proves, in the checkable
 * shape of the README ("certificate"): v(n) = s(n) F(n) g(n), g(n) in G,
 * F > 0, s(n) = (-1)^n or 1, so
 *   |v(n)| <= C F(n)                 with C >= max |G|          ("bound")
 *   s(n) v(n) >= c F(n)  (G > 0)     with 0 < c <= min |G|      ("lower_bound")
 *   s(n) v(n) <= -c F(n) (G < 0)
 * The items write F exactly when its text is short; otherwise "F" is an
 * upper bound of it (exponents rounded up) and "F_lower", used by the
 * lower bound, a lower bound.  The summary writes F exactly, with symbols
 * for the long parts (Fs, note). */
typedef struct {
  char C[64], c[64];      /* C rounded up, c rounded down              */
  char *F, *Flo;          /* the item texts of F and F_lower (malloc'd) */
  char *Fs;               /* F for the summary, exact (malloc'd)       */
  char *note;             /* "" or " (r, alpha: ...)" after Fs          */
} cert_env;

static void cert_env_make (cert_env *B, ic_cert *c, const char *prefix, const char *v, const ic_form *f,
                           unsigned long X)
{
  mpfr_t m;
  mpfr_init2 (m, ic_ival_get_prec (f->g));
  char *t;
  ic_ival_mag_upper (m, f->g);
  t = ic_fr_to_decimal (m, 6, MPFR_RNDU);
  snprintf (B->C, sizeof B->C, "%s", t);
  free (t);
  ic_ival_mag_lower (m, f->g);
  t = ic_fr_to_decimal (m, 6, MPFR_RNDD);
  snprintf (B->c, sizeof B->c, "%s", t);
  free (t);
  mpfr_clear (m);
  int exact = ic_form_F_exact (f);
  B->F = ic_form_F_string (f, +1);
  B->Flo = ic_form_F_string (f, -1);
  B->Fs = ic_form_F_string (f, 0);
  ic_buf names, keys, d;
  ic_buf_init (&names); ic_buf_init (&keys); ic_buf_init (&d);
  sym_arg A = { NULL, prefix, &names, &keys };
  ic_form_F_symbols (f, put_symbol, &A);
  if (names.len)
    ic_buf_printf (&d, " (%s exact, enclosed in item%s %s)", names.s, strchr (keys.s, ',') ? "s" : "", keys.s);
  B->note = ic_buf_take (&d);
  ic_buf_free (&names); ic_buf_free (&keys);
  int sg = f->zero ? 0 : ic_ival_is_pos (f->g) ? 1 : ic_ival_is_neg (f->g) ? -1 : 0;
  cert_item (c, "for_n_from", "%lu", X);
  if (f->zero)
    {
      cert_item (c, "bound", "%s(n) = 0", v);
      return;
    }
  cert_item (c, "F", "%s", B->F);
  cert_item (c, "bound", "|%s(n)| <= C * F(n)", v);
  cert_item (c, "C", "%s", B->C);
  if (sg)
    {
      if (!exact) cert_item (c, "F_lower", "%s", B->Flo);
      cert_item (c, "lower_bound", "%s%s(n) %s %sc * %s", f->alt ? "(-1)^n " : "", v,
                 sg > 0 ? ">=" : "<=", sg > 0 ? "" : "-", exact ? "F(n)" : "F_lower(n)");
      cert_item (c, "c", "%s", B->c);
    }
}

static void cert_env_clear (cert_env *B)
{
  free (B->F);
  free (B->Flo);
  free (B->Fs);
  free (B->note);
}

/* Verifies the term is defined at every n in [from, X) (and at X itself),
 * by evaluation; the form covers [X, inf). */
static ic_status check_defined (run *R, const ic_node *e, unsigned long from, unsigned long X, int prod,
                                unsigned long *zero_at, int *maybe_zero)
{
  partial P;
  partial_init (&P, e, 64, from, prod);
  ic_status s = partial_extend (R, &P, X);
  if (prod && P.has_zero && zero_at) *zero_at = P.zero_at;
  if (maybe_zero) *maybe_zero = P.maybe_zero;
  partial_clear (&P);
  return s;
}

/* Encloses sum_{n >= from} a(n) for a convergent sum.  Sets r->limit,
 * digits, method.  Returns IC_OK or an error (timeout, limits). */
/* ---- the enclosure loop ------------------------------------------------ */

/* A tail method: encloses sum_{n >= *cut} a(n) (sums) or
 * sum_{n >= *cut} log p(n) (products) in `tail`, choosing *cut (>= lo_cut).
 * Returns 1 on success.  `round` grows as more effort is wanted. */
typedef struct {
  const ic_node *e;
  int prod;
  const ic_seq_facts *sf;
  unsigned long h_cm;       /* h completely monotone on [h_cm, inf); 0: not known */
  const ic_node *h;
  int parity;
  unsigned long X;          /* envelope domain start */
  int zero;                 /* the terms (sums) or u = p - 1 (products) are
                               exactly 0 for all n >= X */
  const ic_dirichlet *dir;  /* sums trig(s n + t) h(n) with h CM, or NULL */
  const ic_node *pe;        /* the term of the partial sums when e is a
                               rewriting of it that may be undefined at
                               small n (NULL: e) */
  const ic_lscale_result *ls; /* a convergent log-scale comparison (or NULL):
                               |a(x)| <= e^logc B_k(x) for real x >= ls->N */
} tail_args;

/* Terms exactly 0 (factors exactly 1) from X on: the tail is exactly 0. */
static int tail_zero (const tail_args *A, ic_ival_ptr tail, unsigned long *cut, char *how, size_t howlen,
                      char *method)
{
  if (!A->zero) return 0;
  ic_ival_set_si (tail, 0);
  *cut = A->X;
  snprintf (method, 48, "exact");
  snprintf (how, howlen, "%s exactly from n = %lu on", A->prod ? "p(n) = 1" : "a(n) = 0", *cut);
  return 1;
}

/* Oscillating sums (-1)^n trig(s n + t) h(n), h CM: summation by parts
 * (dirichlet.h), from a cut that grows with the digits asked. */
static int tail_dirichlet (run *R, const tail_args *A, ic_ival_ptr tail, unsigned long N, long D,
                           mpfr_prec_t wp, unsigned long *cut, char *how, size_t howlen, char *method)
{
  if (!A->dir || A->prod) return 0;
  /* heuristic: about 8 D terms before the cut, and the methods' N */
  unsigned long Nc = (unsigned long) (8 * D + 32);
  if (Nc < A->dir->N) Nc = A->dir->N;
  if (Nc < R->opt->from) Nc = R->opt->from;
  if (N > 256 && Nc < N / 4) Nc = N / 4;
  long k = 0;
  if (!ic_dirichlet_tail (tail, A->dir, Nc, D, wp, &k)) return 0;
  *cut = Nc;
  snprintf (method, 48, "dirichlet");
  snprintf (how, howlen, "summation by parts %ld times from n = %lu (h completely monotone, tending to 0; "
            "the partial sums of %s are closed forms)", k, Nc, A->dir->trig);
  return 1;
}

static int tail_em (run *R, const tail_args *A, ic_ival_ptr tail, int round, long D, mpfr_prec_t wp,
                    unsigned long *cut, char *how, size_t howlen, char *method)
{
  if (!ic_node_is_smooth (A->e) || (A->sf && A->sf->alt)) return 0;
  unsigned long Nem = ic_em_suggest_N (A->e, A->prod, D);
  if (Nem < A->X) Nem = A->X;
  if (Nem < R->opt->from) Nem = R->opt->from;
  /* heuristic growth Nem 2^round; beyond 2^64 the method is not tried */
  if (round > 0 && !ic_ck_shl_ul (&Nem, Nem, (unsigned) (round < 10 ? round : 10))) return 0;
  ic_em_info info;
  memset (&info, 0, sizeof info);
  if (!ic_em_tail (tail, A->e, A->prod, Nem, D + 2, wp, &info))
    {
      /* rational functions: expansion in 1/n with Hurwitz zeta values */
      char rd[256];
      if (!ic_ratexp_tail (tail, A->e, A->prod, Nem, D + 2, wp, method, 48, rd, sizeof rd)
          && (A->prod || !ic_tmexp_tail (tail, A->e, Nem, D + 2, wp, method, 48, rd, sizeof rd)))
        return 0;
      *cut = Nem;
      snprintf (how, howlen, "%s: tail of %s from n = %lu; %s", method, A->prod ? "log p(n)" : "a(n)", Nem, rd);
      return 1;
    }
  *cut = Nem;
  snprintf (method, 48, "%s", info.method[0] ? info.method : "euler-maclaurin");
  snprintf (how, howlen, "%s: tail of %s from n = %lu (m = %ld)%s%s", method, A->prod ? "log p(n)" : "a(n)",
            Nem, info.m, info.detail[0] ? "; " : "", info.detail);
  return 1;
}

static int tends_to_zero (const ic_node *h, unsigned long N, mpfr_prec_t wp);

/* Pairing from an even cut N0 >= N, for a(n) = (-1)^(n+parity) h(n)
 * (prod = 0) or p(n) = 1 + (-1)^(n+parity) h(n) (prod = 1), h -> 0: with
 * s = (-1)^parity the tail is s sum_{k>=N0/2} [h(2k) - h(2k+1)], or the
 * product over k >= N0/2 of P(k) = (1 + s h(2k)) (1 - s h(2k+1)).  For a
 * rational h these are rational functions of k (P - 1 = O(k^-2)) for the
 * rational expansion, which refuses anything else (and certifies P > 0
 * for products, enclosing sum log P(k)).  The partial sums (products)
 * ending at an odd n differ from those ending at an even one by a term
 * -> 0 (a factor -> 1), so the limits agree. */
static int tail_pairs (ic_ival_ptr tail, const ic_node *h, int parity, int prod, unsigned long N, long D,
                       mpfr_prec_t wp, unsigned long *cut, char *how, size_t howlen, char *method)
{
  if (N > ULONG_MAX - 1 || !tends_to_zero (h, N, wp)) return 0;
  unsigned long N0 = N + (N & 1);
  ic_node *he = ic_symb_subst_affine (h, 2, 0), *ho = ic_symb_subst_affine (h, 2, 1), *g;
  if (!prod)
    g = ic_node_new (IC_SUB, he, ho);
  else
    {
      if (parity & 1) he = ic_mk_neg (he); else ho = ic_mk_neg (ho);
      g = ic_node_new (IC_MUL, ic_node_new (IC_ADD, ic_node_num_si (1), he),
                       ic_node_new (IC_ADD, ic_node_num_si (1), ho));
    }
  char rd[256];
  int ok = ic_ratexp_tail (tail, g, prod, N0 / 2, D + 2, wp, method, 48, rd, sizeof rd);
  ic_node_free (g);
  if (!ok) return 0;
  if (!prod && (parity & 1)) ic_ival_neg (tail, tail);
  *cut = N0;
  snprintf (how, howlen, "%s of the paired %s, k >= %lu (%s = %s(-1)^(n+%d) h(n), h -> 0); %s", method,
            prod ? "factors p(2k) p(2k+1)" : "terms h(2k) - h(2k+1)", N0 / 2, prod ? "p(n)" : "a(n)",
            prod ? "1 + " : "", parity & 1, rd);
  return 1;
}

static int tail_alternating (run *R, const tail_args *A, ic_ival_ptr tail, unsigned long N, long D,
                             mpfr_prec_t wp, unsigned long *cut, char *how, size_t howlen, char *method)
{
  if (A->prod && A->e)
    {
      /* p - 1 = (-1)^(n+parity) h(n): pairs of factors */
      ic_node *u = ic_symb_simplify (ic_node_new (IC_SUB, ic_node_copy (A->e), ic_node_num_si (1)));
      ic_node *h = NULL;
      int parity = 0;
      int ok = ic_symb_strip_alt (u, &h, &parity) && tail_pairs (tail, h, parity, 1, N, D, wp, cut, how, howlen, method);
      ic_node_free (h);
      ic_node_free (u);
      return ok;
    }
  if (A->prod || !A->sf || !A->sf->alt) return 0;
  if (A->h_cm)
    {
      /* sum_{n>=N} (-1)^(n+parity) h(n) = (-1)^(N+parity) sum_k (-1)^k h(N+k),
       * from a start where h is certified CM (before it, h may have a pole
       * or change sign: (-1)^n/(n-100.5) from 17 is CM only after 100.5) */
      unsigned long Nc = A->h_cm;
      if (Nc < R->opt->from) Nc = R->opt->from;
      if (Nc < 16) Nc = 16;
      ic_evaluator *hev = ic_eval_new (A->h, wp);
      long m = 0;
      int ok = cvz_tail (R, tail, hev, Nc, D, wp, &m);
      ic_eval_free (hev);
      if (!ok) return 0;
      if (((Nc & 1) ^ (unsigned long) A->parity) & 1) ic_ival_neg (tail, tail);   /* (-1)^(Nc+parity), no Nc + 1 */
      *cut = Nc;
      snprintf (method, 48, "cvz");
      snprintf (how, howlen, "Cohen-Villegas-Zagier acceleration from n = %lu with %ld terms (h completely monotone)", Nc, m);
      return 1;
    }
  /* h a rational function of n: pairs of terms */
  if (A->h && tail_pairs (tail, A->h, A->parity, 0, N, D, wp, cut, how, howlen, method)) return 1;
  int decreasing = A->sf->decreasing;
  if (!decreasing && N >= 16)
    {
      /* |h| may rise first and fall later (log(n)^10/n^1.01 peaks near
       * n = e^9.9): the facts proved on [N, inf) instead of [X, inf) */
      ic_form f;
      ic_seq_facts late;
      ic_form_init (&f, wp);
      ic_asym_ctx ctx = { .X = N, .prec = wp };
      if (ic_form_of (&f, A->e, &ctx))
        {
          ic_form_facts (&late, &f, A->e, &ctx);
          decreasing = late.alt && late.sign != 0 && late.decreasing;
        }
      ic_form_clear (&f);
    }
  if (!decreasing) return 0;
  /* Leibniz: the tail from N lies between 0 and a(N) */
  ic_evaluator *ev = ic_eval_new (A->e, wp);
  ic_ival_t next;
  ic_ival_init2 (next, wp);
  int ok = eval_checked (R, ev, next, N, wp) == IC_OK;
  if (ok)
    {
      ic_tail_leibniz (tail, next);
      *cut = N;
      snprintf (method, 48, "leibniz");
      snprintf (how, howlen, "Leibniz bracket: the tail from n = %lu lies between 0 and a(%lu)", N, N);
    }
  ic_ival_clear (next);
  ic_eval_free (ev);
  return ok;
}

/* Envelope tails: sums, sum_{n >= N} a(n) from the form on [N-1, inf);
 * products, log(1+u) in [u - u^2/(2(1+m)), u] with the tails of u and u^2. */
static int tail_envelope (run *R, const tail_args *A, ic_ival_ptr tail, unsigned long N, mpfr_prec_t wp,
                          unsigned long *cut, char *how, size_t howlen, char *method)
{
  if (N < 17) return 0;                     /* the form on [N-1, inf) needs N - 1 >= 16 */
  int ok = 0;
  ic_form f;
  ic_form_init (&f, wp);
  ic_asym_ctx ctx = { .X = N - 1, .prec = wp };
  if (!A->prod)
    ok = ic_form_of (&f, A->e, &ctx) && ic_form_tail (tail, &f, N - 1, how, howlen);
  else if (ic_form_minus_one (&f, A->e, &ctx))
    {
      ic_form u2;
      ic_form_init (&u2, wp);
      ic_form_sqr (&u2, &f);
      ic_ival_t S1, S2, rg;
      ic_ival_init2 (S1, wp); ic_ival_init2 (S2, wp); ic_ival_init2 (rg, wp);
      char h1[300], h2[300];
      int s1ok;
      if (f.alt && A->sf && A->sf->alt && A->sf->decreasing)
        {
          /* u alternates with |u| non-increasing to 0: by Leibniz the tail
           * sum_{n>=N} u(n) lies between 0 and u(N) = p(N) - 1 */
          ic_evaluator *ev = ic_eval_new (A->e, wp);
          ic_ival_t one;
          ic_ival_init2 (one, wp);
          ic_ival_set_si (one, 1);
          const char *why = NULL;
          int r = ic_eval_at_ui (ev, S1, N, &why);
          if (r == IC_EV_UNDEFINED) undefined_at (R, N, why);   /* bad input, not a failed method */
          s1ok = r == IC_EV_OK;
          if (s1ok) { ic_ival_sub (S1, S1, one); ic_tail_leibniz (S1, S1); }
          snprintf (h1, sizeof h1, "Leibniz bracket for u from n = %lu", N);
          ic_ival_clear (one);
          ic_eval_free (ev);
        }
      else
        s1ok = ic_form_tail (S1, &f, N - 1, h1, sizeof h1);
      if (s1ok && ic_form_tail (S2, &u2, N - 1, h2, sizeof h2)
          && ic_form_range (rg, &f, N - 1))
        {
          mpfr_t m;
          mpfr_init2 (m, wp);
          mpfr_set (m, rg->lo, MPFR_RNDD);
          if (mpfr_sgn (m) > 0) mpfr_set_zero (m, 1);
          ok = ic_tail_log1p (tail, S1, S2, m) == IC_IVAL_OK;
          if (ok) snprintf (how, howlen, "log(1+u) between u - u^2/(2(1+m)) and u, u = p(n) - 1; tails of u and u^2 by %s", h1);
          mpfr_clear (m);
        }
      ic_ival_clear (S1); ic_ival_clear (S2); ic_ival_clear (rg);
      ic_form_clear (&u2);
    }
  ic_form_clear (&f);
  if (ok) { *cut = N; snprintf (method, 48, "direct+envelope"); }
  return ok;
}

/* The tail from a log-scale majorant: |a(x)| <= g(x) = e^logc B_k(x) for
 * real x >= ls->N with B_1 = x^-s, B_2 = 1/(x L1^s), B_3 = 1/(x L1 L2^s),
 * s > 1, each decreasing, so sum_{n >= N} |a(n)| <= g(N) + int_N^inf g and
 *   int_N^inf g = e^logc N^(1-s)/(s-1), e^logc L1(N)^(1-s)/(s-1),
 *                 e^logc L2(N)^(1-s)/(s-1)   (k = 1, 2, 3);
 * the tail lies in [0, that] times the sign of a. */
static int tail_lscale (const tail_args *A, ic_ival_ptr tail, unsigned long N, mpfr_prec_t wp,
                        unsigned long *cut, char *how, size_t howlen, char *method)
{
  const ic_lscale_result *ls = A->ls;
  if (!ls || A->prod || ls->verdict != IC_V_CONVERGES || ls->level < 1 || ls->level > 3 || N < ls->N || !(ls->s > 1))
    return 0;
  ic_ival_t x, L, s1, t, g, C;
  ic_ival_init2 (x, wp); ic_ival_init2 (L, wp); ic_ival_init2 (s1, wp);
  ic_ival_init2 (t, wp); ic_ival_init2 (g, wp); ic_ival_init2 (C, wp);
  mpfr_t d;
  mpfr_init2 (d, 64);
  ic_ival_set_ui (x, N);
  ic_ival_set (L, x);
  for (int k = 1; k < ls->level; k++) ic_ival_log (L, L);       /* x, L1, L2 at N */
  mpfr_set_d (d, ls->s, MPFR_RNDD);                             /* exact double */
  ic_ival_set_fr (s1, d);
  ic_ival_set_si (t, 1);
  ic_ival_sub (s1, t, s1);                                      /* 1 - s < 0 */
  ic_ival_pow (t, L, s1);
  ic_ival_neg (s1, s1);
  ic_ival_div (t, t, s1);                                       /* int_N^inf B_k */
  /* B_k(N) = L^(-s) / (N L1 ... L_{k-2}) <= L^(1-s) (each factor >= 1) */
  ic_ival_neg (s1, s1);
  ic_ival_pow (g, L, s1);
  ic_ival_add (t, t, g);
  mpfr_set_d (d, ls->logc > 0 ? ls->logc : 0, MPFR_RNDU);
  ic_ival_set_fr (C, d);
  ic_ival_exp (C, C);
  ic_ival_mul (t, t, C);
  int ok = ic_ival_is_finite (t);
  if (ok)
    {
      ic_ival_set_si (tail, 0);
      ic_ival_hull (tail, tail, t);                        /* [0, t.hi]: t > 0 */
      if (ls->sign < 0) ic_ival_neg (tail, tail);
      *cut = N;
      snprintf (how, howlen, "log-scale majorant: |a(x)| <= %.6g * B_%d(x) for x >= %lu, tail <= B_%d(N) + integral",
                ls->logc > 0 ? exp (ls->logc) * (1 + 1e-9) : 1.0, ls->level, ls->N, ls->level);
      snprintf (method, 48, "direct+log-scale");
    }
  mpfr_clear (d);
  ic_ival_clear (x); ic_ival_clear (L); ic_ival_clear (s1);
  ic_ival_clear (t); ic_ival_clear (g); ic_ival_clear (C);
  return ok;
}

/* ---- split tails: sums of summands, logs of products of factors -------- */

/* A summand or factor is positive on [N, inf) when its form there has
 * G > 0 and no alternating sign. */
static int positive_from (const ic_node *e, unsigned long N, mpfr_prec_t wp)
{
  if (N < 16) return 0;
  ic_form f;
  ic_form_init (&f, wp);
  ic_asym_ctx ctx = { .X = N, .prec = wp };
  int ok = ic_form_of (&f, e, &ctx) && !f.zero && !f.alt && ic_ival_is_pos (f.g);
  ic_form_clear (&f);
  return ok;
}

static int split_sum (run *R, ic_ival_ptr out, const ic_node *e, unsigned long N, long D, mpfr_prec_t wp,
                      ic_buf *how, int depth);

/* One summand: Euler-Maclaurin / zeta, rational expansion, CVZ for an
 * alternating completely monotone summand, or its envelope tail. */
/* 1 if h(n) -> 0 is certified by the envelope of h on [N, inf): the CVZ
 * theorem needs it (a completely monotone h with a non-zero limit is a
 * moment sequence with mass at 1, whose alternating series diverges). */
static int tends_to_zero (const ic_node *h, unsigned long N, mpfr_prec_t wp)
{
  ic_form f;
  ic_form_init (&f, wp);
  ic_asym_ctx ctx = { .X = N, .prec = wp };
  int ok = ic_form_of (&f, h, &ctx) && ic_form_growth (&f) == -1;
  ic_form_clear (&f);
  return ok;
}

static int split_leaf (run *R, ic_ival_ptr out, const ic_node *e, unsigned long N, long D, mpfr_prec_t wp,
                       ic_buf *how)
{
  char *txt = ic_term_to_string (e);
  int ok = 0;
  char m[48] = "", d[256] = "";
  ic_em_info info;
  memset (&info, 0, sizeof info);
  if (!ic_node_has_var (e))
    ok = 0;                                   /* a constant summand: the sum would diverge */
  else if (ic_node_is_smooth (e) && ic_em_tail (out, e, 0, N, D, wp, &info))
    { ok = 1; snprintf (m, sizeof m, "%s", info.method); }
  else if (ic_ratexp_tail (out, e, 0, N, D, wp, m, sizeof m, d, sizeof d)
           || ic_tmexp_tail (out, e, N, D, wp, m, sizeof m, d, sizeof d))
    ok = 1;
  else
    {
      ic_node *h = NULL;
      int parity = 0, cms = 0;
      if (ic_symb_strip_alt (e, &h, &parity) && ic_cm_certify (h, N, &cms) && cms != 0
          && tends_to_zero (h, N, wp))
        {
          ic_evaluator *hev = ic_eval_new (h, wp);
          long mm = 0;
          if (cvz_tail (R, out, hev, N, D, wp, &mm))
            {
              /* sum_{n>=N} (-1)^(n+parity) h(n) = (-1)^(N+parity) sum_k (-1)^k h(N+k);
               * the acceleration is linear in the terms and its error bound
               * uses |h(N)|, so h = -(a completely monotone function) is
               * handled as it is (no further sign change for cms < 0) */
              if (((N & 1) ^ (unsigned long) parity) & 1) ic_ival_neg (out, out);   /* (-1)^(N+parity) */
              ok = 1;
              snprintf (m, sizeof m, "cvz");
            }
          ic_eval_free (hev);
        }
      ic_node_free (h);
      ic_dirichlet dd;
      if (!ok && ic_dirichlet_match (&dd, e, N))
        {
          long k = 0;
          if (ic_dirichlet_tail (out, &dd, N, D, wp, &k)) { ok = 1; snprintf (m, sizeof m, "dirichlet"); }
          ic_dirichlet_clear (&dd);
        }
      ic_periodic pp;
      if (!ok && ic_periodic_match (&pp, e, N))
        {
          /* a summand proved convergent (its verdict came first): the tail */
          ok = ic_periodic_tail (out, &pp, N, D, wp, m, sizeof m);
          ic_periodic_clear (&pp);
        }
      if (!ok && N >= 16)
        {
          /* Leibniz: a(n) = (-1)^n h(n), h of one sign with |a(n+1)| <=
           * |a(n)| on [N, inf) and |a(n)| <= C F(n), F -> 0 (so a -> 0):
           * the tail from N lies between 0 and a(N) */
          ic_form f;
          ic_seq_facts late;
          ic_form_init (&f, wp);
          ic_asym_ctx ctx = { .X = N, .prec = wp };
          if (ic_form_of (&f, e, &ctx) && !f.zero && f.alt && ic_form_growth (&f) == -1)
            {
              ic_form_facts (&late, &f, e, &ctx);
              if (late.alt && late.sign != 0 && late.decreasing)
                {
                  ic_evaluator *ev = ic_eval_new (e, wp);
                  ic_ival_t aN;
                  ic_ival_init2 (aN, wp);
                  if (ic_eval_at_ui (ev, aN, N, NULL) == IC_EV_OK && ic_ival_is_finite (aN))
                    {
                      ic_tail_leibniz (out, aN);
                      ok = 1;
                      snprintf (m, sizeof m, "leibniz");
                    }
                  ic_ival_clear (aN);
                  ic_eval_free (ev);
                }
            }
          ic_form_clear (&f);
        }
      if (!ok && N >= 17)                   /* N - 1 >= 16 */
        {
          ic_form f;
          ic_form_init (&f, wp);
          ic_asym_ctx ctx = { .X = N - 1, .prec = wp };
          char fh[300];
          if (ic_form_of (&f, e, &ctx) && ic_form_tail (out, &f, N - 1, fh, sizeof fh))
            { ok = 1; snprintf (m, sizeof m, "envelope"); }
          ic_form_clear (&f);
        }
    }
  if (ok) ic_buf_printf (how, "%s[%s: %s]", how->len ? " + " : "", txt, m);
  free (txt);
  return ok;
}

/* sum_{n>=N} e(n) as the sum of the tails of its summands (each of which
 * is proved convergent by its own tail method); constant factors are
 * pulled out.  depth bounds the recursion. */
static int split_sum (run *R, ic_ival_ptr out, const ic_node *e, unsigned long N, long D, mpfr_prec_t wp,
                      ic_buf *how, int depth)
{
  if (depth > 12) return 0;
  int ok = 0;
  ic_ival_t t, c;
  ic_ival_init2 (t, wp); ic_ival_init2 (c, wp);
  switch (e->op)
    {
    case IC_ADD: case IC_SUB:
      {
        size_t at = how->len;
        ok = split_sum (R, out, e->a, N, D, wp, how, depth + 1) && split_sum (R, t, e->b, N, D, wp, how, depth + 1);
        if (ok) { if (e->op == IC_ADD) ic_ival_add (out, out, t); else ic_ival_sub (out, out, t); }
        else if (!ic_cancelled ())
          {
            /* parts whose series diverge apart (1/(n+1) - 1/(n-1)): the
             * sum as one summand */
            if (how->cap) { how->len = at; how->s[at] = 0; }
            ok = split_leaf (R, out, e, N, D, wp, how);
          }
      }
      break;
    case IC_NEG:
      if ((ok = split_sum (R, out, e->a, N, D, wp, how, depth + 1))) ic_ival_neg (out, out);
      break;
    case IC_MUL: case IC_DIV:
      {
        const ic_node *k = NULL, *x = NULL;
        if (!ic_node_has_var (e->b)) { k = e->b; x = e->a; }
        else if (e->op == IC_MUL && !ic_node_has_var (e->a)) { k = e->a; x = e->b; }
        if (k)
          {
            if (ic_eval_const (c, k, wp) && split_sum (R, t, x, N, D, wp, how, depth + 1))
              {
                if (e->op == IC_MUL) { ic_ival_mul (out, t, c); ok = 1; }
                else ok = ic_ival_div (out, t, c) == IC_IVAL_OK;
              }
            break;
          }
      }
      /* fall through */
    default:
      ok = split_leaf (R, out, e, N, D, wp, how);
    }
  ic_ival_clear (t); ic_ival_clear (c);
  return ok;
}

/* sum_{n>=N} log p(n) by log(A B) = log A + log B, log(A/B) = log A - log B,
 * log(A^c) = c log A (A, B positive on [N, inf), c constant), log exp(a) = a
 * (a summed by split_sum); a leaf factor by the product tails (zeta
 * expansion, rational expansion) or the log(1+u) bracket of its envelope. */
static int split_log (run *R, ic_ival_ptr out, const ic_node *p, unsigned long N, long D, mpfr_prec_t wp,
                      ic_buf *how, int depth)
{
  if (depth > 12) return 0;
  int ok = 0;
  ic_ival_t t, c;
  ic_ival_init2 (t, wp); ic_ival_init2 (c, wp);
  if (p->op == IC_EXP)
    ok = split_sum (R, out, p->a, N, D, wp, how, depth + 1);
  else if ((p->op == IC_MUL || p->op == IC_DIV) && positive_from (p->a, N, wp) && positive_from (p->b, N, wp))
    {
      ok = split_log (R, out, p->a, N, D, wp, how, depth + 1) && split_log (R, t, p->b, N, D, wp, how, depth + 1);
      if (ok) { if (p->op == IC_MUL) ic_ival_add (out, out, t); else ic_ival_sub (out, out, t); }
    }
  else if ((p->op == IC_SQRT || (p->op == IC_POW && !ic_node_has_var (p->b))) && positive_from (p->a, N, wp))
    {
      int kok = 1;
      if (p->op == IC_SQRT) { ic_ival_set_si (c, 1); ic_ival_div_ui (c, c, 2); }
      else
        kok = ic_eval_const (c, p->b, wp);
      if (kok && (ok = split_log (R, t, p->a, N, D, wp, how, depth + 1))) ic_ival_mul (out, t, c);
    }
  else
    {
      char *txt = ic_term_to_string (p);
      char m[48] = "", d[256] = "";
      ic_em_info info;
      memset (&info, 0, sizeof info);
      if (ic_node_is_smooth (p) && ic_em_tail (out, p, 1, N, D, wp, &info))
        { ok = 1; snprintf (m, sizeof m, "%s", info.method); }
      else if (ic_ratexp_tail (out, p, 1, N, D, wp, m, sizeof m, d, sizeof d))
        ok = 1;
      else
        {
          /* facts of u = p - 1 (an alternating u gets its Leibniz bracket) */
          ic_seq_facts sf;
          memset (&sf, 0, sizeof sf);
          if (N >= 17)                      /* N - 1 >= 16 */
            {
              ic_form fu;
              ic_form_init (&fu, wp);
              ic_asym_ctx ctx = { .X = N - 1, .prec = wp };
              ic_node *u = ic_symb_minus_one (p);
              if (ic_form_minus_one (&fu, p, &ctx)) ic_form_facts (&sf, &fu, u, &ctx);
              ic_node_free (u);
              ic_form_clear (&fu);
            }
          tail_args A = { p, 1, &sf, 0, NULL, 0, 16, 0, NULL, NULL, NULL };
          unsigned long cut = 0;
          char h2[512], m2[48];
          if (tail_envelope (R, &A, out, N, wp, &cut, h2, sizeof h2, m2) && cut == N)
            { ok = 1; snprintf (m, sizeof m, "envelope"); }
        }
      if (ok) ic_buf_printf (how, "%slog[%s: %s]", how->len ? " + " : "", txt, m);
      free (txt);
    }
  ic_ival_clear (t); ic_ival_clear (c);
  return ok;
}

static int tail_split (run *R, const tail_args *A, ic_ival_ptr tail, unsigned long N, long D, mpfr_prec_t wp,
                       unsigned long *cut, char *how, size_t howlen, char *method)
{
  const ic_node *e = A->e;
  int splittable = A->prod
    ? (e->op == IC_EXP || e->op == IC_MUL || e->op == IC_DIV || e->op == IC_SQRT || e->op == IC_POW)
    : (e->op == IC_ADD || e->op == IC_SUB || e->op == IC_NEG || e->op == IC_MUL || e->op == IC_DIV);
  if (!splittable || N < 16) return 0;
  ic_buf b;
  ic_buf_init (&b);
  int ok = A->prod ? split_log (R, tail, e, N, D, wp, &b, 0) : split_sum (R, tail, e, N, D, wp, &b, 0);
  if (ok)
    {
      *cut = N;
      snprintf (method, 48, "split");
      snprintf (how, howlen, "tail from n = %lu split into %s", N, b.s);
    }
  ic_buf_free (&b);
  return ok;
}

/* 1 if x is certainly narrower than y (the best of equal digit counts is
 * the narrower: 0 digits can still be a useful bound). */
static int narrower (ic_ival_srcptr x, ic_ival_srcptr y)
{
  mpfr_t wx, wy;
  mpfr_inits2 (64, wx, wy, (mpfr_ptr) 0);
  mpfr_sub (wx, x->hi, x->lo, MPFR_RNDU);
  mpfr_sub (wy, y->hi, y->lo, MPFR_RNDD);
  int r = mpfr_less_p (wx, wy);
  mpfr_clears (wx, wy, (mpfr_ptr) 0);
  return r;
}

/* Encloses the limit of a convergent sum or product: partial sum/product of
 * the terms before the cut (verified accumulation) combined with a tail
 * (verified assembly).  Grows N (heuristic) until the digits are reached
 * or the effort limit (max_terms, 10 s without --timeout) is hit; keeps the
 * best enclosure found. */
static ic_status enclose_at (run *R, ic_result *r, const tail_args *A, long D, int arm_round,
                             int base_items)
{
  const ic_options *opt = R->opt;
  unsigned long from = opt->from;
  unsigned long N = ic_sat_add_ul (A->X, 64) > 256 ? ic_sat_add_ul (A->X, 64) : 256;
  if (N < ic_sat_add_ul (from, 64)) N = ic_sat_add_ul (from, 64);
  mpfr_prec_t wp = prec_for (D, 1UL << 26, opt);
  ic_options uncapped = *opt;
  uncapped.max_prec = MPFR_PREC_MAX / 2;
  int prec_capped = wp < prec_for (D, 1UL << 26, &uncapped);
  ic_status st = IC_OK;
  long best = -1;
  ic_ival_t best_enc, best_tail, tail, enc;
  ic_ival_init2 (best_enc, wp); ic_ival_init2 (best_tail, wp);
  ic_ival_init2 (tail, wp); ic_ival_init2 (enc, wp);
  char best_how[512] = "", best_method[48] = "", how[512], method[48];
  unsigned long best_cut = 0;
  partial P;
  partial_init (&P, A->pe ? A->pe : A->e, wp, from, A->prod);
  double t_round = elapsed (R);
  long shift = 0;
  int raised = 0;                    /* rounds that only raised the precision */
  int stop = IC_STOP_NO_METHOD;      /* why the loop ended before D digits */
  const char *stop_why = "no tail bound applies to this term";
  const char *effort_why = effort_text;
  const char *terms_why = "the term cap was reached first (see --max-terms)";
  const char *mem_why = mem_text;
  const char *time_why = time_text;
  ic_deadline effort, *outer = NULL;
  for (int round = 0; round < 40; round++)
    {
      if (round == arm_round && opt->timeout <= 0)
        {
          /* effort limit: the first round always runs (its cost is what
           * the digits asked for cost); later rounds, whose cost the
           * estimate below may get wrong (load, terms dearer at larger
           * n), are cut at EFFORT_SECONDS after the start */
          ic_deadline_init (&effort, &R->t0, EFFORT_SECONDS);
          effort.mem = &R->mem;
          outer = ic_deadline_enter (&effort);
          R->effort_armed = 1;
        }
      unsigned long cut = 0;
      progress (R, "computing the tail", best);
      /* the tail methods raise their precision to reach the digits asked:
       * ask no more than the working precision (capped by --max-prec)
       * can carry, so --max-prec bounds their work too */
      long Dt = D + shift;
      /* the digits wp carries beyond prec_for's guard bits (its
       * 2 log2(2^26) + 40 = 92, less 40 kept for the methods): wp/3.33
       * here fell below D above about 6700 digits (sum n^-1.001 at 20000
       * digits certified 19977) */
      if (shift > 0)
        {
          /* a sum of magnitude 10^-shift: its D digits need D + shift
           * absolute digits, and the working precision to carry them (at
           * prec_for (D) the cap below held 1e-30/n^2 at 12 digits while
           * the term cap was reached); the enclosures so far are kept,
           * exactly, at the higher precision */
          mpfr_prec_t want = prec_for (D + shift, 1UL << 26, opt);
          if (want > wp)
            {
              wp = want;
              prec_capped = wp < prec_for (D + shift, 1UL << 26, &uncapped);
              ic_ival_round_prec (best_enc, wp); ic_ival_round_prec (best_tail, wp);
              ic_ival_round_prec (tail, wp); ic_ival_round_prec (enc, wp);
              partial_clear (&P);
              partial_init (&P, A->pe ? A->pe : A->e, wp, from, A->prod);
              raised++;              /* this round: the same cut, more bits */
            }
        }
      long Dcap = (long) ((double) (wp - 52) * 512.0 / 1701.0);
      if (Dt > Dcap) Dt = Dcap > 1 ? Dcap : 1;
      /* each method is skipped once the deadline has passed */
      int have = tail_zero (A, tail, &cut, how, sizeof how, method)
        || (!ic_cancelled () && tail_dirichlet (R, A, tail, N, Dt, wp, &cut, how, sizeof how, method))
        || (!ic_cancelled () && tail_em (R, A, tail, round - raised, Dt, wp, &cut, how, sizeof how, method))
        || (!ic_cancelled () && tail_alternating (R, A, tail, N, Dt, wp, &cut, how, sizeof how, method))
        || (!ic_cancelled () && tail_split (R, A, tail, N, Dt + 2, wp, &cut, how, sizeof how, method))
        || (!ic_cancelled () && tail_envelope (R, A, tail, N, wp, &cut, how, sizeof how, method))
        || (!ic_cancelled () && tail_lscale (A, tail, N, wp, &cut, how, sizeof how, method));
      if (R->err->code != IC_OK) { st = R->err->code; break; }
      /* a method cut short by the deadline or the memory budget fails
       * (never a bound) */
      if (!have && ic_mem_hit ()) { stop = IC_STOP_MEMORY; stop_why = mem_why; break; }
      if (!have && timed_out (R))
        {
          st = R->err->code;
          if (R->effort_hit) { stop = IC_STOP_EFFORT; stop_why = effort_why; }
          else { stop = IC_STOP_TIMEOUT; stop_why = time_why; }
          break;
        }
      if (!have && effort_cut (R)) { stop = IC_STOP_EFFORT; stop_why = effort_why; break; }
      if (have)
        {
          if (cut < P.next)
            {
              partial_clear (&P);
              partial_init (&P, A->pe ? A->pe : A->e, wp, from, A->prod);
            }
          char stg[96];
          snprintf (stg, sizeof stg, "%s tail done; partial %s up to n = %lu", method, A->prod ? "product" : "sum", cut - 1);
          progress (R, stg, best);
          if ((st = partial_extend (R, &P, cut - 1)) != IC_OK)
            {
              if (R->effort_hit) { st = IC_OK; stop = IC_STOP_EFFORT; stop_why = effort_why; }
              else if (st == IC_ETIMEOUT) { stop = IC_STOP_TIMEOUT; stop_why = time_why; }
              else if (st == IC_ELIMIT && R->evals > opt->max_terms) { stop = IC_STOP_TERMS; stop_why = terms_why; }
              else if (st == IC_ELIMIT) { stop = IC_STOP_PREC; stop_why = "the precision limit was reached first (see --max-prec)"; }
              break;
            }
          if (A->prod) ic_enclose_prod (enc, P.acc, tail);
          else ic_enclose_sum (enc, P.acc, tail);
          long d = ic_enclose_digits (enc, D);
          if (mpfr_zero_p (enc->lo) && mpfr_zero_p (enc->hi)) d = D;   /* exactly 0 */
          if ((mpfr_inf_p (enc->lo) || mpfr_inf_p (enc->hi)) && ic_ival_is_finite (tail))
            {
              /* the partial sum or product overflows the floating-point
               * range with a finite tail: the limit itself lies beyond it,
               * and no refinement can give a digit (not a resource limit) */
              stop = IC_STOP_NO_METHOD;
              stop_why = "the limit lies beyond the floating-point exponent range";
              break;
            }
          /* heuristic: the tail methods aim at an absolute error; for a
           * sum of small magnitude 10^e, ask them for -e more digits */
          if (d < D && !A->prod && ic_ival_is_finite (enc) && (ic_ival_is_pos (enc) || ic_ival_is_neg (enc)))
            {
              mpfr_t m;
              mpfr_init2 (m, 64);
              ic_ival_mag_lower (m, enc);
              /* a zero lower magnitude gives log10 = -inf: no shift; the
               * shift is capped (Dt is capped by the precision anyway),
               * so -e10 + 1 cannot overflow */
              long e10 = 0;
              if (mpfr_regular_p (m))
                {
                  mpfr_log10 (m, m, MPFR_RNDD);
                  e10 = mpfr_get_si (m, MPFR_RNDD);
                  if (e10 < -(long) MAX_DIGITS * 1000) e10 = -(long) MAX_DIGITS * 1000;
                }
              mpfr_clear (m);
              if (e10 < 0 && -e10 + 1 > shift) shift = -e10 + 1;
            }
          if (d > best || (d == best && narrower (enc, best_enc)))
            {
              best = d;
              ic_ival_set (best_enc, enc);
              ic_ival_set (best_tail, tail);
              best_cut = cut;
              snprintf (best_how, sizeof best_how, "%s", how);
              snprintf (best_method, sizeof best_method, "%s", method);
            }
          progress (R, method, best);
        }
      if (best >= D) break;
      if (!have && round > 2) break;
      /* a sum of small magnitude: the next round raises the precision
       * first, at the same N (from 2^40 on, growing N hit the term cap) */
      if (have && !A->prod && shift > 0 && prec_for (D + shift, 1UL << 26, opt) > wp) continue;
      /* heuristic: grow N geometrically within the effort limit */
      if (N > opt->max_terms / 4)
        { stop = IC_STOP_TERMS; stop_why = terms_why; break; }
      N *= 4;                              /* <= max_terms (<= 2^40): exact */
      /* effort limit: without --timeout, stop before a round that would
       * end after 10 s (the next round costs about 4 times the last) */
      double now = elapsed (R);
      if (opt->timeout <= 0 && now + 4.0 * (now - t_round) > EFFORT_SECONDS)
        {
          stop = IC_STOP_EFFORT;
          stop_why = effort_why;
          break;
        }
      t_round = now;
    }
  if (R->effort_armed)
    {
      ic_deadline_enter (outer);
      R->effort_armed = 0;
    }
  partial_clear (&P);
  /* a limit that stopped the run before any enclosure: the verdict stays,
   * the result says which limit (st is IC_OK from here on) */
  if (st == IC_ELIMIT || st == IC_ETIMEOUT)
    {
      R->err->code = IC_OK; R->err->msg[0] = 0;
      st = IC_OK;
    }
  if (best >= 0 && st == IC_OK && (!r->has_limit || best > r->digits))
    {
      /* the best enclosure of this pass, better than an earlier pass's */
      r->cert.nitems = base_items;
      set_limit (r, best_enc);
      r->digits = best;
      r->prec = wp;
      snprintf (r->method, sizeof r->method, "%s", best_method);
      if (best_cut > from)
        cert_item (&r->cert, A->prod ? "partial_factors" : "partial_terms", "n = %lu..%lu", from, best_cut - 1);
      cert_item (&r->cert, A->prod ? "log_tail" : "tail", "%s", best_how);
      cert_ival (&r->cert, A->prod ? "log_tail_enclosure" : "tail_enclosure", best_tail);
    }
  if (st == IC_OK && best < D && prec_capped
      && (stop == IC_STOP_NO_METHOD || stop == IC_STOP_TERMS || stop == IC_STOP_EFFORT))
    {
      stop = IC_STOP_PREC;
      stop_why = "the precision limit was reached first (see --max-prec)";
    }
  if (st == IC_OK && r->digits < D && (r->digits < 1 || best < D))
    {
      /* fewer digits than asked (the CLI exits with 4, 5 or 6, not 0) */
      r->stopped = stop;
      snprintf (r->stop_note, sizeof r->stop_note, "%s", stop_why);
    }
  if (st == IC_OK && r->digits < 1)
    {
      /* converges, but not one digit of the limit is certified: say so */
      r->limit_missing = stop == IC_STOP_NO_METHOD ? IC_LIMIT_NO_METHOD : IC_LIMIT_EFFORT;
      snprintf (r->limit_note, sizeof r->limit_note, "%s", stop_why);
    }
  ic_ival_clear (best_enc); ic_ival_clear (best_tail); ic_ival_clear (tail); ic_ival_clear (enc);
  return st;
}

/* Encloses the limit to opt->digits.  A request above the default digits
 * is preceded by a pass at the default (whose first round always runs),
 * and the effort limit then applies to every round of the later passes:
 * asking for more digits never gives fewer than the default in the same
 * time, and no request runs past the effort limit (or --timeout).  Between
 * the default and a large request, passes at 4 times the digits of the
 * last (a ladder 15, 120, 960, ...; heuristic) keep the digits certified
 * so far meaningful when a limit stops the full request. */
#define PRELIM_DIGITS 15
#define LADDER_STEP 4
/* Records which limit (the memory budget, --timeout or the effort limit)
 * cut the run short. */
static void stop_by_limit (run *R, ic_result *r)
{
  int mem = ic_mem_hit ();
  r->stopped = mem ? IC_STOP_MEMORY : R->opt->timeout > 0 ? IC_STOP_TIMEOUT : IC_STOP_EFFORT;
  snprintf (r->stop_note, sizeof r->stop_note, "%s",
            mem ? mem_text : R->opt->timeout > 0 ? time_text : effort_text);
}

static ic_status enclose_limit (run *R, ic_result *r, const tail_args *A)
{
  long D = R->opt->digits;
  int base = r->cert.nitems;
  r->stopped = 0; r->stop_note[0] = 0;
  if (D <= PRELIM_DIGITS) return enclose_at (R, r, A, D, 1, base);
  long level = PRELIM_DIGITS;
  ic_status st = enclose_at (R, r, A, level, 1, base);
  while (st == IC_OK && !r->stopped && !ic_mem_hit () && !ic_cancelled () && level < D)
    {
      long next = level * LADDER_STEP;
      if (next * 2 > D) next = D;            /* no short last step */
      r->limit_missing = 0; r->limit_note[0] = 0;
      st = enclose_at (R, r, A, next, 0, base);
      level = next;
    }
  /* the ladder ended between passes because a limit had passed (the last
   * pass finished after it): fewer digits than asked, and the limit is the
   * reason, not a missing method */
  if (st == IC_OK && !r->stopped && r->digits < D && (ic_mem_hit () || ic_cancelled ()))
    stop_by_limit (R, r);
  return st;
}

static ic_verdict to_verdict (int v)
{
  switch (v)
    {
    case IC_V_CONVERGES: return IC_CONVERGES;
    case IC_V_DIVERGES: return IC_DIVERGES;
    case IC_V_DIVERGES_TO_ZERO: return IC_DIVERGES_TO_ZERO;
    case IC_V_ZERO_FACTOR: return IC_ZERO_FACTOR;
    default: return IC_UNKNOWN;
    }
}

/* Verdict of a sum from the envelope of its terms, trying the candidate
 * starting points in turn; *X receives the start used (0: no form). */
static int analyse_sum (const ic_node *e, unsigned long from, mpfr_prec_t prec, ic_form *f, ic_seq_facts *sf,
                        int *rule, unsigned long *X, char *why, size_t whylen)
{
  form_iter it = FORM_ITER_INIT;
  unsigned long Xn;
  int v = IC_V_UNKNOWN;
  *X = 0;
  *rule = IC_RULE_NONE;
  memset (sf, 0, sizeof *sf);
  why[0] = 0;
  while ((Xn = next_form (f, e, 0, from, &it, prec, why, whylen)))
    {
      *X = Xn;
      ic_asym_ctx ctx = { .X = Xn, .prec = prec };
      ic_form_facts (sf, f, e, &ctx);
      v = ic_verdict_sum (sf, rule);
      if (v != IC_V_UNKNOWN) break;
    }
  return v;
}

/* analyse_sum when only the verdict, the facts and the rule are wanted
 * (the form and the reason discarded). */
static int sum_verdict_of (const ic_node *e, unsigned long from, mpfr_prec_t prec, ic_seq_facts *sf, int *rule,
                           unsigned long *X)
{
  ic_form f;
  ic_form_init (&f, prec);
  char why[200];
  int v = analyse_sum (e, from, prec, &f, sf, rule, X, why, sizeof why);
  ic_form_clear (&f);
  return v;
}

static int modulus_lower (mpfr_ptr m, const ic_node *h, unsigned long X, mpfr_prec_t prec);

/* Verdict of sum c(n) h(n) (periodic.h): the period sum S = 0 converges
 * (Dirichlet's test); S != 0 has the verdict of sum h (the rest, c - S/q,
 * has mean zero and converges), taken from the envelope of h.  *X = the
 * start used for h (0 when S = 0). */
static int periodic_verdict (const ic_periodic *P, unsigned long from, mpfr_prec_t prec, unsigned long *X)
{
  *X = 0;
  if (mpq_sgn (P->S) == 0) return IC_V_CONVERGES;
  ic_seq_facts sf;
  int rule;
  int v = sum_verdict_of (P->h, from, prec, &sf, &rule, X);
  return v == IC_V_CONVERGES || v == IC_V_DIVERGES ? v : IC_V_UNKNOWN;
}

/* a(n) = b(n) +- c(n) with the verdicts of the two series combined by the
 * kernel ic_verdict_sum_split (recursively for longer sums).  *X receives
 * the largest start used; the text says how each part was decided. */
static int split_verdict (const ic_node *e, unsigned long from, mpfr_prec_t prec, unsigned long *X,
                          ic_buf *how, int depth)
{
  if (depth > 8) return IC_V_UNKNOWN;
  if (e->op == IC_ADD || e->op == IC_SUB)
    {
      unsigned long Xa = 0, Xb = 0;
      int va = split_verdict (e->a, from, prec, &Xa, how, depth + 1);
      int vb = split_verdict (e->b, from, prec, &Xb, how, depth + 1);
      *X = Xa > Xb ? Xa : Xb;
      return ic_verdict_sum_split (va, vb);
    }
  ic_seq_facts sf;
  int rule;
  int v = sum_verdict_of (e, from, prec, &sf, &rule, X);
  if (v == IC_V_UNKNOWN && depth > 0 && e->op == IC_NEG)
    return split_verdict (e->a, from, prec, X, how, depth + 1);
  const char *rn = rule_name (rule);
  if (v == IC_V_UNKNOWN)
    {
      /* the log scale (lscale.h) on the summand */
      ic_lscale_result lr;
      ic_lscale_result_init (&lr);
      for (size_t i = 0; i < sizeof X_CANDIDATES / sizeof X_CANDIDATES[0] && v == IC_V_UNKNOWN; i++)
        {
          if (X_CANDIDATES[i] < from || ic_lscale_sum (&lr, e, X_CANDIDATES[i], prec) == IC_V_UNKNOWN) continue;
          ic_seq_facts lf;
          ic_lscale_facts (&lf, &lr, 0);
          v = ic_verdict_sum (&lf, &rule);
          if (v != IC_V_UNKNOWN) { *X = X_CANDIDATES[i]; rn = "log-scale comparison"; }
        }
      ic_lscale_result_clear (&lr);
    }
  if (v == IC_V_UNKNOWN)
    {
      /* Dirichlet's test (dirichlet.h) on the summand */
      unsigned long Nd = from < 16 ? 16 : from;
      ic_dirichlet d;
      if (ic_dirichlet_match (&d, e, Nd))
        {
          ic_dirichlet_clear (&d);
          v = IC_V_CONVERGES;
          *X = Nd;
          rn = "Dirichlet";
        }
      else
        {
          ic_periodic P;
          if (ic_periodic_match (&P, e, Nd))
            {
              unsigned long Xh = 0;
              v = periodic_verdict (&P, from, prec, &Xh);
              if (v != IC_V_UNKNOWN) { *X = Xh > Nd ? Xh : Nd; rn = "periodic coefficients"; }
              ic_periodic_clear (&P);
            }
        }
    }
  if (v == IC_V_UNKNOWN)
    {
      /* an oscillating summand whose terms do not tend to 0 (sin(n)) */
      unsigned long Nd = from < 16 ? 16 : from;
      mpfr_t c, m;
      mpfr_inits2 (128, c, m, (mpfr_ptr) 0);
      ic_node *h = NULL;
      char tw[300];
      if (ic_dirichlet_trig_limsup_lower (c, &h, tw, sizeof tw, e) && modulus_lower (m, h, Nd, prec))
        {
          v = IC_V_DIVERGES;
          *X = Nd;
          rn = "term test";
        }
      ic_node_free (h);
      mpfr_clears (c, m, (mpfr_ptr) 0);
    }
  char *t = ic_term_to_string (e);
  ic_buf_printf (how, "%s%s: %s (%s, n >= %lu)", how->len ? "; " : "", t,
                 v == IC_V_CONVERGES ? "converges" : v == IC_V_DIVERGES ? "diverges" : "undecided",
                 rn, *X);
  free (t);
  return v;
}

/* 1 if e contains (-1)^(n+k) somewhere. */
static int has_alt (const ic_node *e)
{
  int p;
  if (!e) return 0;
  return ic_node_is_alt_sign (e, &p) || has_alt (e->a) || has_alt (e->b);
}

/* The verdict of sum e from the summands of es (es = e as a function of n,
 * split at its top-level + and -), and the enclosure when it converges.
 * Returns 1 with *st when decided, 0 otherwise (r untouched). */
static int decide_by_split (run *R, ic_result *r, const ic_node *e, const ic_node *es, const char *rewrite,
                            ic_status *st)
{
  const ic_options *opt = R->opt;
  ic_buf how;
  ic_buf_init (&how);
  unsigned long Xs = 0;
  int v = split_verdict (es, opt->from, 128, &Xs, &how, 0);
  if (v == IC_V_UNKNOWN) { ic_buf_free (&how); return 0; }
  *st = check_defined (R, e, opt->from, Xs, 0, NULL, NULL);
  if (*st != IC_OK) { ic_buf_free (&how); return 1; }
  r->verdict = to_verdict (v);
  snprintf (r->cert.test, sizeof r->cert.test, "sum of two series");
  char lead[300];
  if (rewrite) snprintf (lead, sizeof lead, "%s the terms split into summands whose series are decided separately: ", rewrite);
  else snprintf (lead, sizeof lead, "The terms split into summands whose series are decided separately: ");
  const char *concl = v == IC_V_CONVERGES ? "A sum of convergent series converges."
                      : "A convergent series plus a divergent one diverges.";
  char list[sizeof r->cert.summary];
  size_t room = sizeof r->cert.summary - strlen (lead) - strlen (concl) - 2;
  snprintf (r->cert.summary, sizeof r->cert.summary, "%s%s. %s", lead, fit_list (list, room, how.s), concl);
  cert_item (&r->cert, "from_n", "%lu", Xs);
  ic_buf_free (&how);
  if (v != IC_V_CONVERGES) { *st = IC_OK; return 1; }
  ic_seq_facts sf;
  memset (&sf, 0, sizeof sf);
  tail_args A = { es, 0, &sf, 0, NULL, 0, Xs, 0, NULL, es != e ? e : NULL, NULL };
  *st = enclose_limit (R, r, &A);
  return 1;
}


/* Sums of one sign decided on the logarithmic scale (lscale.h): the log
 * expansion of |a(n)|, valid for every n >= N, compared with the Bertrand
 * series 1/(n log n ... L_{k-1} L_k^s).  The kernel turns the facts into
 * the verdict.  Returns 1 when decided (r filled; *st the status). */
static int has_alt (const ic_node *e);
static int certify_lscale (run *R, ic_result *r, const ic_node *e, ic_status *st)
{
  const ic_options *opt = R->opt;
  /* level k: a(n) compared with 1/(pre[k] base[k]^s) (log L_{k-1} = L_k) */
  static const char *pre[5] = { "", "", "n*", "n*log(n)*", "n*log(n)*log(log(n))" };
  static const char *base[5] = { "", "n", "log(n)", "log(log(n))", "" };
  ic_lscale_result res;
  ic_lscale_result_init (&res);
  int decided = 0;
  /* a(n) = (-1)^(n+parity) h(n): h on the log scale, and for Leibniz the
   * sign of h' from its expansion */
  ic_node *h = NULL, *dh = NULL;
  int parity = 0;
  if (ic_symb_strip_alt (e, &h, &parity) && has_alt (h)) { ic_node_free (h); h = NULL; }
  if (h && ic_node_is_smooth (h)) dh = ic_symb_deriv (h);
  for (size_t i = 0; i < sizeof X_CANDIDATES / sizeof X_CANDIDATES[0] && !decided; i++)
    {
      unsigned long N = X_CANDIDATES[i];
      if (N < opt->from) continue;
      int alt = 0;
      if (ic_lscale_sum (&res, e, N, 128) == IC_V_UNKNOWN)
        {
          if (!h || ic_lscale_sum (&res, h, N, 128) == IC_V_UNKNOWN) continue;
          alt = 1;
        }
      ic_seq_facts sf;
      ic_lscale_facts (&sf, &res, alt);
      if (alt && sf.env == IC_ENV_DECAYS && dh)
        sf.decreasing = ic_lscale_sign (dh, N, 128) == -res.sign;
      int rule = IC_RULE_NONE;
      int v = ic_verdict_sum (&sf, &rule);
      if (v == IC_V_UNKNOWN) continue;
      *st = check_defined (R, e, opt->from, N, 0, NULL, NULL);
      if (*st != IC_OK) { ic_lscale_result_clear (&res); ic_node_free (h); ic_node_free (dh); return 1; }
      decided = 1;
      r->verdict = to_verdict (v);
      int k = res.level;
      snprintf (r->cert.test, sizeof r->cert.test, "%s", rule_name (rule));
      cert_item (&r->cert, "for_n_from", "%lu", N);
      cert_item (&r->cert, "log_expansion", "log|a(n)| = %s", res.expansion);
      cert_item (&r->cert, "sign", "%d", res.sign);
      cert_item (&r->cert, "bertrand_level", "%d", k);
      char cmp[300];
      ic_buf sb;
      ic_buf_init (&sb);
      if (rule == IC_RULE_LEIBNIZ)
        {
          snprintf (cmp, sizeof cmp, "|a(n)| >= c/(%s%s^%.6g) with c > 0", pre[k], base[k], res.s);
          cert_item (&r->cert, "comparison", "%s", cmp);
          cert_item (&r->cert, "monotone_bound", "|a(n+1)| <= |a(n)|");
          ic_buf_printf (&sb, "For n >= %lu, a(n) = (-1)^n h(n) up to a fixed sign, with h of one sign and log|h(n)| = %s "
                         "(each coefficient range holds for every n >= %lu), so h(n) -> 0; h'(n) has the sign opposite to h(n) "
                         "(the leading term of its expansion dominates from n = %lu), so |a(n+1)| <= |a(n)|: converges by the Leibniz test.",
                         N, res.expansion, N, N);
        }
      else if (v == IC_V_CONVERGES)
        {
          snprintf (cmp, sizeof cmp, "|a(n)| <= %.6g/(%s%s^%.6g) with %.6g > 1", res.logc > 0 ? exp (res.logc) * (1 + 1e-9) : 1.0,
                    pre[k], base[k], res.s, res.s);
          cert_item (&r->cert, "comparison", "%s", cmp);
          ic_buf_printf (&sb, "For n >= %lu, log|a(n)| = %s (each coefficient range holds for every n >= %lu), so %s: "
                         "converges absolutely by comparison with a Bertrand series.", N, res.expansion, N, cmp);
        }
      else if (res.decays || k >= 2)
        {
          if (k <= 3)
            snprintf (cmp, sizeof cmp, "|a(n)| >= c/(%s%s^%.6g) with c > 0 and %.6g <= 1", pre[k], base[k], res.s, res.s);
          else
            snprintf (cmp, sizeof cmp, "|a(n)| >= c/(%s) with c > 0", pre[4]);
          cert_item (&r->cert, "comparison", "%s", cmp);
          ic_buf_printf (&sb, "For n >= %lu, a(n) has one sign and log|a(n)| = %s (each coefficient range holds for every n >= %lu), "
                         "so %s: diverges by comparison with a Bertrand series.", N, res.expansion, N, cmp);
        }
      else
        {
          mpfr_t lw;
          mpfr_init2 (lw, 64);
          mpfr_set_d (lw, res.lower, MPFR_RNDD);
          char *ms = ic_fr_to_decimal (lw, 6, MPFR_RNDD);
          cert_item (&r->cert, "term_bound", "|a(n)| >= m");
          cert_item (&r->cert, "m", "%s", ms);
          free (ms);
          mpfr_clear (lw);
          ic_buf_printf (&sb, "For n >= %lu, log|a(n)| = %s (each coefficient range holds for every n >= %lu), so |a(n)| >= %.6g > 0: "
                         "the terms do not tend to 0, so the sum diverges.", N, res.expansion, N, res.lower);
        }
      {
        char *txt = ic_buf_take (&sb);
        snprintf (r->cert.summary, sizeof r->cert.summary, "%s", txt ? txt : "");
        free (txt);
      }
      if (v == IC_V_CONVERGES)
        {
          /* Leibniz tails as in certify_sum: h completely monotone helps */
          int cms = 0, par = parity;
          unsigned long h_cm = 0;
          ic_node *hh = NULL;
          if (alt && h && ic_cm_certify (h, N, &cms) && cms != 0)
            {
              h_cm = N;                       /* CM on [N, inf) only */
              hh = cms < 0 ? ic_mk_neg (ic_node_copy (h)) : ic_node_copy (h);
              if (cms < 0) par ^= 1;
            }
          tail_args A = { e, 0, &sf, h_cm, hh, par, N, 0, NULL, NULL, alt ? NULL : &res };
          *st = enclose_limit (R, r, &A);
          ic_node_free (hh);
        }
      else *st = IC_OK;
    }
  ic_lscale_result_clear (&res);
  ic_node_free (h);
  ic_node_free (dh);
  return decided;
}

/* The modulus of h is at least m > 0 for all n >= X when its form there
 * has F = n^alpha log(n)^beta with alpha, beta >= 0 (so F >= 1 for n >= 3)
 * and G away from 0; m = min |G| (rounded down). */
static int modulus_lower (mpfr_ptr m, const ic_node *h, unsigned long X, mpfr_prec_t prec)
{
  ic_form f;
  ic_form_init (&f, prec);
  ic_asym_ctx ctx = { .X = X, .prec = prec };
  int ok = ic_form_of (&f, h, &ctx) && !f.zero && mpq_sgn (f.phi) == 0 && f.lr_zero
    && mpq_sgn (f.alpha) >= 0 && mpq_sgn (f.beta) >= 0;
  if (ok)
    {
      ic_ival_mag_lower (m, f.g);
      ok = mpfr_sgn (m) > 0;
    }
  ic_form_clear (&f);
  return ok;
}

/* Term test for a(n) = trig(x_n) h(n) with |h| >= m > 0 from X on: by
 * ic_dirichlet_trig_limsup_lower, |a(n)| or |a(n+1)| is at least c m for
 * every n >= X, so a(n) does not tend to 0 and the sum diverges.  Returns
 * 1 with *st when decided. */
static int decide_osc_term_test (run *R, ic_result *r, const ic_node *e, ic_status *st)
{
  mpfr_t c, m;
  mpfr_inits2 (128, c, m, (mpfr_ptr) 0);
  ic_node *h = NULL;
  char why[300];
  unsigned long X = R->opt->from < 16 ? 16 : R->opt->from;
  int ok = ic_dirichlet_trig_limsup_lower (c, &h, why, sizeof why, e) && modulus_lower (m, h, X, 128);
  if (ok)
    {
      *st = check_defined (R, e, R->opt->from, X, 0, NULL, NULL);
      if (*st == IC_OK)
        {
          mpfr_mul (c, c, m, MPFR_RNDD);          /* c m <= lower bound of max(|a(n)|, |a(n+1)|) */
          char *cs = ic_fr_to_decimal (c, 6, MPFR_RNDD), *ms = ic_fr_to_decimal (m, 6, MPFR_RNDD);
          char *hs = ic_term_to_string (h);
          r->verdict = IC_DIVERGES;
          snprintf (r->cert.test, sizeof r->cert.test, "term test");
          snprintf (r->cert.summary, sizeof r->cert.summary,
                    "a(n) = f(x_n) * h(n), f a sine or cosine or a power of its modulus, h(n) = %.100s, |h(n)| >= %s for n >= %lu; "
                    "%.250s; so max(|a(n)|, |a(n+1)|) >= %s > 0 "
                    "for every n >= %lu: the terms do not tend to 0, so the sum diverges.",
                    hs ? hs : "?", ms, X, why, cs, X);
          cert_item (&r->cert, "for_n_from", "%lu", X);
          cert_item (&r->cert, "term_bound", "max(|a(n)|, |a(n+1)|) >= m");
          cert_item (&r->cert, "m", "%s", cs);
          free (cs); free (ms); free (hs);
        }
    }
  ic_node_free (h);
  mpfr_clears (c, m, (mpfr_ptr) 0);
  return ok;
}

/* Lower comparison through an even power: a(n) = |trig(x)|^p h(n) with
 * h(n) > 0 from X on; |t|^p >= t^k (k = 2 ceil(p/2)) for |t| <= 1 gives
 * a(n) >= b(n) = trig(x)^k h(n) >= 0, and when sum b diverges (its terms
 * are >= 0: to +infinity) so does sum a.  Returns 1 with *st when decided. */
static int decide_abs_square (run *R, ic_result *r, const ic_node *e, ic_status *st)
{
  ic_node *h = NULL;
  ic_node *b = ic_symb_abs_trig_square (e, &h);
  if (!b) return 0;
  int done = 0;
  ic_node *x = ic_symb_expand_trig (b);
  const ic_node *bs = x ? x : b;
  ic_buf how;
  ic_buf_init (&how);
  unsigned long Xs = 0;
  int v = bs->op == IC_ADD || bs->op == IC_SUB ? split_verdict (bs, R->opt->from, 128, &Xs, &how, 0) : IC_V_UNKNOWN;
  unsigned long X = Xs < 16 ? 16 : Xs;
  if (X < R->opt->from) X = R->opt->from;
  if (v == IC_V_DIVERGES && positive_from (h, X, 128))
    {
      done = 1;
      *st = check_defined (R, e, R->opt->from, X, 0, NULL, NULL);
      if (*st == IC_OK)
        {
          char *bt = ic_term_to_string (b), *ht = ic_term_to_string (h);
          char list[700];
          r->verdict = IC_DIVERGES;
          snprintf (r->cert.test, sizeof r->cert.test, "lower comparison");
          snprintf (r->cert.summary, sizeof r->cert.summary,
                    "For n >= %lu, a(n) = |t(n)|^p h(n) with t(n) a sine or cosine and h(n) = %.150s > 0; |t|^p >= t^k for the "
                    "even k >= p as |t| <= 1, so a(n) >= b(n) = %.150s >= 0. The terms of b split into summands decided separately: %s; "
                    "so sum b(n) diverges, to +infinity as b(n) >= 0, and so does sum a(n).",
                    X, ht ? ht : "?", bt ? bt : "?", fit_list (list, sizeof list, how.s));
          cert_item (&r->cert, "from_n", "%lu", X);
          cert_item (&r->cert, "lower_term", "%s", bt ? bt : "?");
          free (bt); free (ht);
        }
    }
  ic_buf_free (&how);
  ic_node_free (x);
  ic_node_free (b);
  ic_node_free (h);
  return done;
}

static ic_status certify_sum (run *R, ic_result *r, const ic_node *e)
{
  const ic_options *opt = R->opt;
  mpfr_prec_t prec = 128;
  char why[200];
  ic_form f;
  ic_form_init (&f, prec);
  ic_seq_facts sf;
  int rule = IC_RULE_NONE;
  unsigned long X = 0;
  r->verdict = to_verdict (analyse_sum (e, opt->from, prec, &f, &sf, &rule, &X, why, sizeof why));
  if (r->verdict == IC_UNKNOWN)
    {
      ic_status lst = IC_OK;
      if (certify_lscale (R, r, e, &lst))
        {
          ic_form_clear (&f);
          return lst;
        }
    }
  if (r->verdict == IC_UNKNOWN)
    {
      /* a sum of series, each decided on its own: the term as written, or
       * after sin^2 = (1 - cos 2x)/2 and distributing (sin(n)^2/n) */
      ic_node *x = e->op == IC_ADD || e->op == IC_SUB ? NULL : ic_symb_expand_osc (e);
      const ic_node *es = x ? x : e;
      ic_status st = IC_OK;
      if ((es->op == IC_ADD || es->op == IC_SUB)
          && decide_by_split (R, r, e, es, x ? "With powers and products of sines and cosines written as sums of multiple "
                              "angles (sin(x)^2 = (1 - cos(2x))/2, sin(x)^3 = (3 sin(x) - sin(3x))/4, "
                              "sin(a) cos(b) = (sin(a+b) + sin(a-b))/2, ...) and products distributed over sums," : NULL, &st))
        {
          ic_form_clear (&f);
          ic_node_free (x);
          return st;
        }
      ic_node_free (x);
      /* (-1)^n inside the term (in a denominator, say): with s = (-1)^n
       * and s^2 = 1, a(n) = alpha(n) + (-1)^n beta(n) exactly */
      ic_node *h0 = NULL;
      int par0 = 0;
      int plain_alt = ic_symb_strip_alt (e, &h0, &par0) && !has_alt (h0);
      ic_node_free (h0);
      /* heuristic: not for big terms (the doubled tree of a sum of
       * hundreds of alternating summands costs seconds to analyse) */
      ic_node *y = plain_alt || ic_node_count (e) > 200 ? NULL : ic_symb_alt_split (e);
      if (y && decide_by_split (R, r, e, y, "With s = (-1)^n and s^2 = 1, a(n) = alpha(n) + (-1)^n beta(n), "
                                "alpha = (a|s=1 + a|s=-1)/2, beta = (a|s=1 - a|s=-1)/2 exactly, and", &st))
        {
          ic_form_clear (&f);
          ic_node_free (y);
          return st;
        }
      ic_node_free (y);
    }
  if (r->verdict == IC_UNKNOWN)
    {
      /* Dirichlet's test: (-1)^n trig(s n + t) h(n), h CM tending to 0 */
      unsigned long Nd = opt->from < 16 ? 16 : opt->from;
      ic_dirichlet d;
      if (ic_dirichlet_match (&d, e, Nd))
        {
          ic_status st = check_defined (R, e, opt->from, Nd, 0, NULL, NULL);
          if (st != IC_OK) { ic_dirichlet_clear (&d); ic_form_clear (&f); return st; }
          r->verdict = IC_CONVERGES;
          mpfr_t pb;
          mpfr_init2 (pb, 64);
          ic_dirichlet_partial_bound (pb, &d);
          char *pbs = ic_fr_to_decimal (pb, 6, MPFR_RNDU);
          char *hs = ic_term_to_string (d.h);
          snprintf (r->cert.test, sizeof r->cert.test, "Dirichlet");
          gmp_snprintf (r->cert.summary, sizeof r->cert.summary,
                        "a(n) = %s%s * h(n) with h(n) = %.200s completely monotone for n >= %lu and tending to 0 "
                        "(so decreasing to 0), and the partial sums of %s are at most %s in absolute value "
                        "(2/|1 - w| with w = e^(i*slope)%s != 1: %s): converges by Dirichlet's test.",
                        d.sigma < 0 ? "-" : "", d.trig, hs ? hs : "?", Nd, d.trig, pbs, d.alt ? "*(-1)" : "", d.why_w);
          cert_item (&r->cert, "for_n_from", "%lu", Nd);
          cert_item (&r->cert, "h", "%s", hs ? hs : "?");
          cert_item (&r->cert, "oscillating_factor", "%s", d.trig);
          cert_item (&r->cert, "partial_sum_max", "%s", pbs);
          free (pbs); free (hs);
          mpfr_clear (pb);
          ic_form_clear (&f);
          memset (&sf, 0, sizeof sf);
          tail_args A = { e, 0, &sf, 0, NULL, 0, Nd, 0, &d, NULL, NULL };
          ic_status est = enclose_limit (R, r, &A);
          ic_dirichlet_clear (&d);
          return est;
        }
    }
  if (r->verdict == IC_UNKNOWN)
    {
      /* periodic coefficients: (-1)^(n(n+1)/2)/n, cos(pi n/3) (-1)^(n(n-1)/2)/sqrt(n) */
      unsigned long Np = opt->from < 16 ? 16 : opt->from;
      ic_periodic P;
      if (ic_periodic_match (&P, e, Np))
        {
          unsigned long Xh = 0;
          int v = periodic_verdict (&P, opt->from, prec, &Xh);
          if (v != IC_V_UNKNOWN)
            {
              unsigned long Xp = Xh > Np ? Xh : Np;
              ic_status st = check_defined (R, e, opt->from, Xp, 0, NULL, NULL);
              if (st != IC_OK) { ic_periodic_clear (&P); ic_form_clear (&f); return st; }
              r->verdict = to_verdict (v);
              char *hs = ic_term_to_string (P.h);
              snprintf (r->cert.test, sizeof r->cert.test, "periodic coefficients");
              if (mpq_sgn (P.S) == 0)
                snprintf (r->cert.summary, sizeof r->cert.summary,
                          "a(n) = c(n) h(n) with c(n) = %.150s periodic of period %lu with values summing to 0 over a period "
                          "(so its partial sums are bounded) and h(n) = %.150s completely monotone for n >= %lu and "
                          "tending to 0: converges by Dirichlet's test.", P.text, P.q, hs ? hs : "?", Np);
              else
                gmp_snprintf (r->cert.summary, sizeof r->cert.summary,
                              "a(n) = c(n) h(n) with c(n) = %.150s periodic of period %lu, period sum S = %Qd, and h(n) = %.150s "
                              "completely monotone for n >= %lu tending to 0: a(n) = (S/%lu) h(n) + (c(n) - S/%lu) h(n), the second "
                              "series converges by Dirichlet's test, and sum h(n) %s (n >= %lu): the sum %s.",
                              P.text, P.q, P.S, hs ? hs : "?", Np, P.q, P.q, v == IC_V_CONVERGES ? "converges" : "diverges",
                              Xh, v == IC_V_CONVERGES ? "converges" : "diverges");
              cert_item (&r->cert, "for_n_from", "%lu", Xp);
              cert_item (&r->cert, "h", "%s", hs ? hs : "?");
              cert_item (&r->cert, "periodic_factor", "%s", P.text);
              cert_item (&r->cert, "period", "%lu", P.q);
              free (hs);
              ic_status est = IC_OK;
              if (v == IC_V_CONVERGES)
                {
                  memset (&sf, 0, sizeof sf);
                  /* the tail: split_leaf's periodic summation by parts */
                  tail_args A = { e, 0, &sf, 0, NULL, 0, Xp, 0, NULL, NULL, NULL };
                  est = enclose_limit (R, r, &A);
                }
              ic_periodic_clear (&P);
              ic_form_clear (&f);
              return est;
            }
          ic_periodic_clear (&P);
        }
    }
  if (r->verdict == IC_UNKNOWN)
    {
      /* sign patterns of period 4 against other oscillating factors
       * ((-1)^(n(n+1)/2) sin(n)/n): the pattern as a trigonometric
       * polynomial, then products to sums */
      ic_node *x0 = ic_periodic_sign_to_trig (e);
      ic_node *x = x0 ? ic_symb_expand_osc (x0) : NULL;
      const ic_node *es = x ? x : x0;
      ic_status st = IC_OK;
      if (es && (es->op == IC_ADD || es->op == IC_SUB)
          && decide_by_split (R, r, e, es, "With each sign pattern (-1)^E(n) of period 4 written exactly as "
                              "a0 + a1 cos(pi n/2) + b1 sin(pi n/2) + a2 (-1)^n (its discrete Fourier expansion), "
                              "products of sines and cosines as sums and products distributed over sums,", &st))
        {
          ic_node_free (x); ic_node_free (x0);
          ic_form_clear (&f);
          return st;
        }
      ic_node_free (x); ic_node_free (x0);
    }
  if (r->verdict == IC_UNKNOWN)
    {
      /* oscillating terms that do not tend to 0 (sin(n), cos(n) n^(1/2)),
       * and |sin(x)| h(n) >= sin(x)^2 h(n) */
      ic_status st = IC_OK;
      if (decide_osc_term_test (R, r, e, &st) || decide_abs_square (R, r, e, &st))
        {
          ic_form_clear (&f);
          return st;
        }
    }
  /* definedness on [from, X] by evaluation (also when no form was found,
   * on a first stretch, so that an undefined term is reported) */
  /* with no verdict, the first stretch only: a bound from X on decides
   * nothing, and evaluating up to X could take long */
  unsigned long Xd = ic_sat_add_ul (opt->from, 1000);
  if (X && (r->verdict != IC_UNKNOWN || X < Xd)) Xd = X;
  ic_status st = check_defined (R, e, opt->from, Xd, 0, NULL, NULL);
  if (st != IC_OK) { r->verdict = IC_UNKNOWN; ic_form_clear (&f); return st; }
  if (!X)
    {
      snprintf (r->cert.test, sizeof r->cert.test, "none");
      snprintf (r->cert.summary, sizeof r->cert.summary,
                "No eventual bound on the terms could be proved (%s); no verdict.", why[0] ? why : "no rule applies");
      ic_form_clear (&f);
      return IC_OK;
    }
  snprintf (r->cert.test, sizeof r->cert.test, "%s", rule_name (rule));
  describe_form (&r->cert, "", &f, X);
  cert_item (&r->cert, "envelope_class", "%s", env_name (sf.env));
  cert_item (&r->cert, "sign", "%d", sf.sign);
  if (sf.alt) cert_item (&r->cert, "alternating_decreasing", "%s", sf.decreasing ? "yes" : "not proved");
  /* every inequality stated below is an item (README, "certificate"); the
   * summary repeats them with the constants written in */
  cert_env B;
  cert_env_make (&B, &r->cert, "", "a", &f, X);
  if (sf.alt && sf.decreasing) cert_item (&r->cert, "monotone_bound", "|a(n+1)| <= |a(n)|");
  char *glo = ic_fr_to_decimal (f.g->lo, 6, MPFR_RNDD), *ghi = ic_fr_to_decimal (f.g->hi, 6, MPFR_RNDU);
  switch (rule)
    {
    case IC_RULE_COMPARISON:
      if (f.zero)
        {
          snprintf (r->cert.summary, sizeof r->cert.summary,
                    "a(n) = 0 exactly for all n >= %lu: the sum is the finite sum of the terms before n = %lu.", X, X);
          break;
        }
      snprintf (r->cert.summary, sizeof r->cert.summary,
                "For n >= %lu, |a(n)| <= %s * F(n) with F(n) = %s%s, and sum F(n) converges: converges absolutely by comparison.",
                X, B.C, B.Fs, B.note);
      break;
    case IC_RULE_LOWER_COMPARISON:
      /* sign != 0 and no alternation (kernel): the lower bound exists */
      snprintf (r->cert.summary, sizeof r->cert.summary,
                "For n >= %lu, a(n) = g(n) F(n) with g(n) in [%s, %s] and F(n) = %s%s, so a(n) %s %s%s * F(n) %s 0, "
                "and sum F(n) diverges: diverges by comparison.",
                X, glo, ghi, B.Fs, B.note, sf.sign > 0 ? ">=" : "<=", sf.sign > 0 ? "" : "-", B.c,
                sf.sign > 0 ? ">" : "<");
      break;
    case IC_RULE_TERM_TEST:
      {
        /* F non-decreasing on [X, inf) (env_class): |a(n)| >= c F(X) */
        ic_ival_t FX;
        ic_ival_init2 (FX, prec);
        ic_form_F_at (FX, &f, X);
        mpfr_t m;
        mpfr_init2 (m, prec);
        ic_ival_mag_lower (m, f.g);
        mpfr_mul (m, m, FX->lo, MPFR_RNDD);          /* m <= min|G| F(X) */
        char *ms = ic_fr_to_decimal (m, 6, MPFR_RNDD);
        cert_item (&r->cert, "term_bound", "|a(n)| >= m");
        cert_item (&r->cert, "m", "%s", ms);
        snprintf (r->cert.summary, sizeof r->cert.summary,
                  "For n >= %lu, |a(n)| >= %s * F(n) with F(n) = %s%s non-decreasing, so |a(n)| >= %s > 0: "
                  "the terms do not tend to 0, so the sum diverges.",
                  X, B.c, B.Fs, B.note, ms);
        free (ms);
        mpfr_clear (m);
        ic_ival_clear (FX);
      }
      break;
    case IC_RULE_LEIBNIZ:
      snprintf (r->cert.summary, sizeof r->cert.summary,
                "For n >= %lu, a(n) = (-1)^n h(n) with h(n) of one sign, |a(n+1)| <= |a(n)| (h' never has the sign of h), "
                "and |a(n)| <= %s * F(n) with F(n) = %s%s tending to 0: converges by the Leibniz test.",
                X, B.C, B.Fs, B.note);
      break;
    default:
      snprintf (r->cert.summary, sizeof r->cert.summary,
                "For n >= %lu the terms satisfy a(n) = %sg(n) F(n), F(n) = %s%s, g(n) in [%s, %s]; no test applies with these bounds.",
                X, sf.alt ? "(-1)^n " : "", B.Fs, B.note, glo, ghi);
    }
  free (glo); free (ghi);
  cert_env_clear (&B);
  if (r->verdict == IC_CONVERGES)
    {
      int parity = 0, cms = 0;
      unsigned long h_cm = 0;
      ic_node *h = NULL;
      if (sf.alt && ic_symb_strip_alt (e, &h, &parity))
        {
          unsigned long N0 = opt->from < 16 ? 16 : opt->from;
          if (ic_cm_certify (h, N0, &cms) && cms != 0)
            {
              h_cm = N0;
              if (cms < 0) { ic_node *t = ic_mk_neg (h); h = t; }
              if (cms < 0) parity ^= 1;
            }
        }
      ic_dirichlet d;
      unsigned long Nd = opt->from < 16 ? 16 : opt->from;
      int have_d = !f.zero && ic_dirichlet_match (&d, e, Nd);
      /* squares of sines and cosines: the summands of the expanded term
       * (sin(n)^2/n^2 = 1/(2n^2) - cos(2n)/(2n^2)) have fast tails */
      ic_node *x = f.zero || have_d ? NULL : ic_symb_expand_trig (e);
      ic_seq_facts none;
      memset (&none, 0, sizeof none);
      tail_args A = { e, 0, &sf, h_cm, h, parity, X, f.zero, have_d ? &d : NULL, NULL, NULL };
      tail_args Ax = { x, 0, &none, 0, NULL, 0, X, 0, NULL, e, NULL };
      st = enclose_limit (R, r, x ? &Ax : &A);
      ic_node_free (x);
      if (have_d) ic_dirichlet_clear (&d);
      ic_node_free (h);
    }
  ic_form_clear (&f);
  return st;
}

/* Products prod p(n).  u(n) = p(n) - 1. */
/* Verdict of a product from the envelope of u = p - 1 (and of p), trying
 * the candidate starting points in turn.  Factors before X are evaluated
 * (exact zeros, possible zeros).  *X = 0 when no form was found. */
static int analyse_prod (run *R, const ic_node *e, const ic_node *u, unsigned long from, mpfr_prec_t prec,
                         ic_form *fu, ic_form *fp, ic_prod_facts *pf, int *rule, unsigned long *X,
                         unsigned long *zero_at, ic_ival_ptr rg, int *have_rg, ic_status *st,
                         char *why, size_t whylen)
{
  form_iter it = FORM_ITER_INIT;
  unsigned long Xn;
  int v = IC_V_UNKNOWN;
  memset (pf, 0, sizeof *pf);
  *rule = IC_RULE_NONE;
  *X = 0;
  *zero_at = 0;
  *have_rg = 0;
  *st = IC_OK;
  why[0] = 0;
  /* the factors before X, evaluated once across the candidates */
  partial P;
  partial_init (&P, e, 64, from, 1);
  while ((Xn = next_form (fu, e, 1, from, &it, prec, why, whylen)))
    {
      *X = Xn;
      if ((*st = partial_extend (R, &P, Xn)) != IC_OK) break;
      if (P.has_zero) *zero_at = P.zero_at;
      int maybe_zero = P.maybe_zero;
      ic_asym_ctx ctx = { .X = Xn, .prec = prec };
      ic_form_facts (&pf->u, fu, u, &ctx);
      ic_form u2;
      ic_form_init (&u2, prec);
      ic_form_sqr (&u2, fu);
      ic_seq_facts s2;
      ic_form_facts (&s2, &u2, NULL, &ctx);
      pf->u2_summable = s2.env == IC_ENV_SUMMABLE;
      ic_form_clear (&u2);
      /* the range of u on [X, inf) gives p(n) != 0 there (u > -1);
       * before X every factor was evaluated: exactly 0, or an interval
       * without 0 (maybe_zero otherwise) */
      *have_rg = ic_form_range (rg, fu, Xn);
      int nz_tail = *have_rg && mpfr_cmp_si (rg->lo, -1) > 0;
      /* p itself: |p| <= c < 1 or >= c > 1 for n >= X; the range may be
       * unbounded above (p -> inf): then only p_large */
      pf->p_small = pf->p_large = 0;
      ic_ival_t prg;
      ic_ival_init2 (prg, prec);
      int have_fp = ic_form_of (fp, e, &ctx);
      /* p(n) = F(n) g(n) with F > 0: a sign of G (no alternation) also
       * proves p(n) != 0 on [X, inf) */
      if (have_fp && !fp->zero && !fp->alt && (ic_ival_is_pos (fp->g) || ic_ival_is_neg (fp->g)))
        nz_tail = 1;
      if (have_fp && ic_form_range (prg, fp, Xn) && !mpfr_nan_p (prg->lo) && !mpfr_nan_p (prg->hi))
        {
          ic_ival_abs (prg, prg);
          pf->p_small = mpfr_cmp_ui (prg->hi, 1) < 0;
          pf->p_large = mpfr_cmp_ui (prg->lo, 1) > 0;
        }
      ic_ival_clear (prg);
      pf->zero_factor = *zero_at != 0;
      pf->nonzero = *zero_at == 0 && !maybe_zero && nz_tail;
      v = ic_verdict_prod (pf, rule);
      if (v != IC_V_UNKNOWN) break;
    }
  partial_clear (&P);
  return v;
}

/* ---- products by the series of logs ------------------------------------ */

/* The verdict of sum v with its direction: IC_V_CONVERGES (a test of the
 * sum machinery, also on the summands of v split at + and -), or
 * IC_V_DIVERGES with *dir = +1 / -1 when the partial sums tend to +inf /
 * -inf: v(n) of one certified sign for n >= *X with the lower comparison
 * or the term test (|v(n)| >= c F(n), sum F = inf, or |v(n)| >= c > 0), so
 * that the partial sums are eventually monotone and unbounded.  Anything
 * else is IC_V_UNKNOWN.  *X: the start the verdict holds from. */
static int sum_verdict_direction (const ic_node *v, unsigned long from, mpfr_prec_t prec, unsigned long *X,
                                  int *dir, const char **rn)
{
  ic_seq_facts sf;
  int rule;
  *dir = 0;
  int r = sum_verdict_of (v, from, prec, &sf, &rule, X);
  *rn = rule_name (rule);
  if (r == IC_V_CONVERGES) return r;
  if (r == IC_V_DIVERGES && !sf.alt && sf.sign != 0
      && (rule == IC_RULE_LOWER_COMPARISON || rule == IC_RULE_TERM_TEST))
    {
      *dir = sf.sign;
      return r;
    }
  if (!ic_cancelled ())
    {
      /* the summands one by one, and Dirichlet's test: only convergence
       * has a direction-free meaning here (convergent + divergent says
       * nothing of the sign) */
      ic_buf h;
      ic_buf_init (&h);
      r = split_verdict (v, from, prec, X, &h, 0);
      ic_buf_free (&h);
      *rn = "sum of two series";
      if (r == IC_V_CONVERGES) return r;
    }
  return IC_V_UNKNOWN;
}

/* log p(n) as a tree, equal to log p(n) for every n >= N: log(A B) = log A
 * + log B, log(A/B) = log A - log B (A, B > 0 on [N, inf)), log(A^b) = b
 * log A, log sqrt(A) = log(A)/2 (A > 0), log exp(a) = a, log e = 1, else
 * log(p) (p > 0; for a constant p, p > 0 by its enclosure).  Positivity is that of the envelope on [N, inf)
 * (positive_from).  NULL when some factor is not proved positive. */
static ic_node *log_tree (const ic_node *p, unsigned long N, mpfr_prec_t prec, int depth)
{
  if (depth > 12) return NULL;
  ic_node *la = NULL, *lb = NULL;
  switch (p->op)
    {
    case IC_EXP:
      return ic_node_copy (p->a);
    case IC_MUL: case IC_DIV:
      if (!positive_from (p->a, N, prec) || !positive_from (p->b, N, prec)) return NULL;
      la = log_tree (p->a, N, prec, depth + 1);
      lb = la ? log_tree (p->b, N, prec, depth + 1) : NULL;
      if (!lb) { ic_node_free (la); return NULL; }
      return p->op == IC_MUL ? ic_mk_add (la, lb) : ic_mk_sub (la, lb);
    case IC_SQRT:
      if (!positive_from (p->a, N, prec) || !(la = log_tree (p->a, N, prec, depth + 1))) return NULL;
      return ic_mk_div (la, ic_node_num_si (2));
    case IC_POW:
      if (!positive_from (p->a, N, prec) || !(la = log_tree (p->a, N, prec, depth + 1))) return NULL;
      return ic_mk_mul (ic_node_copy (p->b), la);
    case IC_E:
      return ic_node_num_si (1);          /* log e = 1 exactly: cancels in n log(1-1/n) + 1 */
    default:
      if (!ic_node_has_var (p))
        {
          /* a constant: log c when c > 0 is proved */
          ic_ival_t k;
          ic_ival_init2 (k, prec);
          int pos = ic_eval_const (k, p, prec) && ic_ival_is_pos (k);
          ic_ival_clear (k);
          return pos ? ic_mk_fn (IC_LOG, ic_node_copy (p)) : NULL;
        }
      if (!positive_from (p, N, prec)) return NULL;
      return ic_mk_fn (IC_LOG, ic_node_copy (p));
    }
}

#define LOGPOW_KMAX 8

/* prod (1 + u(n)) by the series of log(1 + u) to order K:
 *
 *   log(1+u) = sum_{k=1..K} (-1)^(k+1) u^k / k + r_K(u),
 *   |r_K(u)| <= |u|^(K+1) / ((K+1)(1-m))        for |u| <= m < 1
 *
 * (the tail of the alternating log series, bounded by a geometric series).
 * From the form of u on [X, inf): u -> 0, |u| <= m < 1 (so p > 0 there),
 * sum |u|^(K+1) converges (its envelope F^(K+1) is summable, so sum r_K
 * converges absolutely), and each sum u^k, k <= K, either converges
 * (summable envelope; Leibniz for odd k when u = (-1)^n h with h of one
 * sign and |h| non-increasing to 0, since then |h|^k is too) or tends to
 * +inf or -inf (u^k of one sign, lower comparison).  Then sum_{n>=X}
 * log p(n) converges when every sum u^k does (the product converges to a
 * nonzero limit), and tends to -inf (+inf) when every divergent term
 * (-1)^(k+1) sum u^k / k tends to -inf (+inf): the partial products tend
 * to 0 (grow without bound).  Mixed directions: unknown.  *K: the order. */
static int prod_logpow_verdict (const ic_node *e, unsigned long from, mpfr_prec_t prec, unsigned long *X, int *K,
                                int early)
{
  ic_node *u = ic_symb_minus_one (e);
  ic_form fu;
  ic_form_init (&fu, prec);
  ic_form *fk[LOGPOW_KMAX + 2];
  for (int k = 2; k <= LOGPOW_KMAX + 1; k++)
    {
      fk[k] = malloc (sizeof (ic_form));
      if (fk[k]) ic_form_init (fk[k], prec);
    }
  fk[1] = &fu;
  int ok_alloc = 1;
  for (int k = 2; k <= LOGPOW_KMAX + 1; k++) ok_alloc &= fk[k] != NULL;
  ic_ival_t rg;
  ic_ival_init2 (rg, prec);
  form_iter it = FORM_ITER_INIT;
  unsigned long Xn;
  char why[200];
  int v = IC_V_UNKNOWN;
  *X = 0;
  *K = 0;
  while (ok_alloc && v == IC_V_UNKNOWN && (Xn = next_form (&fu, e, 1, from, &it, prec, why, sizeof why)))
    {
      if (fu.zero || ic_form_growth (&fu) != -1) continue;        /* u -> 0 */
      if (!ic_form_range (rg, &fu, Xn) || mpfr_nan_p (rg->lo) || mpfr_nan_p (rg->hi)) continue;
      /* |u| <= m < 1 on [X, inf) */
      if (!(mpfr_cmp_si (rg->lo, -1) > 0 && mpfr_cmp_si (rg->hi, 1) < 0)) continue;
      ic_asym_ctx ctx = { .X = Xn, .prec = prec };
      ic_seq_facts s1;
      ic_form_facts (&s1, &fu, u, &ctx);
      int leibniz = s1.alt && s1.sign != 0 && s1.decreasing;
      if (early && !s1.alt) continue;
      int conv_all = 1, dir = 0, bad = 0, order = 0;
      for (int k = 1; k <= LOGPOW_KMAX + 1 && !bad; k++)
        {
          if (k > 1)
            {
              if (k % 2 == 0) ic_form_sqr (fk[k], fk[k / 2]);      /* G^2 >= 0: signs stay exact */
              else ic_form_mul (fk[k], fk[k - 1], &fu);
            }
          ic_seq_facts sk;
          ic_form_facts (&sk, fk[k], NULL, &ctx);
          if (sk.env == IC_ENV_SUMMABLE)
            {
              /* sum |u|^k < inf: the remainder of order K = k - 1 is
               * absolutely summable (and so is every higher power) */
              order = k - 1;
              break;
            }
          if (k == LOGPOW_KMAX + 1) { bad = 1; break; }
          if (k % 2 == 1 && leibniz) continue;                      /* sum u^k converges */
          int rule;
          int vk = ic_verdict_sum (&sk, &rule);
          if (vk == IC_V_DIVERGES && !sk.alt && sk.sign != 0
              && (rule == IC_RULE_LOWER_COMPARISON || rule == IC_RULE_TERM_TEST))
            {
              /* (-1)^(k+1) sum u^k / k -> sign * (-1)^(k+1) * inf */
              int d = k % 2 == 1 ? sk.sign : -sk.sign;
              if (dir != 0 && d != dir) { bad = 1; break; }
              dir = d;
              conv_all = 0;
              continue;
            }
          bad = 1;                          /* sum u^k undecided */
        }
      if (bad || order < 1) continue;       /* order 0: u summable, the classical rule's case */
      if (early && order < 2) continue;
      *X = Xn;
      *K = order;
      v = conv_all ? IC_V_CONVERGES : dir < 0 ? IC_V_DIVERGES_TO_ZERO : IC_V_DIVERGES;
    }
  ic_ival_clear (rg);
  for (int k = 2; k <= LOGPOW_KMAX + 1; k++)
    if (fk[k]) { ic_form_clear (fk[k]); free (fk[k]); }
  ic_form_clear (&fu);
  ic_node_free (u);
  return v;
}

/* The verdict of prod p(n) from the series sum log p(n) (the partial
 * products are exp of its partial sums once p > 0):
 *   p = exp(v): sum v converges -> converges (limit exp(sum v) != 0),
 *               sum v -> -inf -> diverges to 0, -> +inf -> diverges;
 *   p = 1 + u:  prod_logpow_verdict;
 *   p a product, quotient or power of positive factors: the same with the
 *               log expanded (log_tree), so that cancellations between the
 *               factors' logs are seen by the sum machinery.
 * Then the factors before the start are evaluated: an exact zero gives
 * ZERO_FACTOR, a factor not proved nonzero gives UNKNOWN.  Every
 * IC_V_DIVERGES returned means the partial products tend to +inf.  `how`
 * receives the reason; *X the start.
 *
 * early: only p = 1 + u with u alternating and K >= 2, p = exp(v) with v
 * containing (-1)^n and sum v not absolutely convergent, and the expanded
 * log when the envelope of u is 1 times an interval around 0, before the
 * classical product rules (which then decide nothing, or the same), to
 * spare their search of every start. */
static int prod_log_verdict (run *R, const ic_node *e, unsigned long from, mpfr_prec_t prec, unsigned long *X,
                             ic_buf *how, ic_status *st, ic_node **logp, int early)
{
  if (logp) *logp = NULL;
  int v = IC_V_UNKNOWN, dir = 0, K = 0;
  const char *rn = "";
  char *lt = NULL;
  *X = 0;
  *st = IC_OK;
  if (e->op == IC_EXP && (!early || has_alt (e->a)))
    {
      v = sum_verdict_direction (e->a, from, prec, X, &dir, &rn);
      if (v == IC_V_DIVERGES) v = dir < 0 ? IC_V_DIVERGES_TO_ZERO : IC_V_DIVERGES;
      /* early: v = (-1)^n ... only when not absolutely summable (the
       * classical rule's case, with its sharper tail facts) */
      if (early && rn == rule_name (IC_RULE_COMPARISON)) v = IC_V_UNKNOWN;
    }
  if (v == IC_V_UNKNOWN && !ic_cancelled ())
    v = prod_logpow_verdict (e, from, prec, X, &K, early);
  int tree = e->op == IC_MUL || e->op == IC_DIV || e->op == IC_POW || e->op == IC_SQRT;
  if (tree && early)
    {
      /* early: only when the envelope of u = p - 1 at the first start is
       * F = 1 with G around 0 (a cancellation between the factors that it
       * cannot see; |p| away from 1 is the classical rules' case) */
      ic_form f;
      ic_form_init (&f, prec);
      ic_asym_ctx ctx = { .X = from < 16 ? 16 : from, .prec = prec };
      int gr = 0;
      tree = ic_node_has_var (e) && ic_form_minus_one (&f, e, &ctx) && !f.zero
             && ((gr = ic_form_growth (&f)) == 2 || (gr == 0 && !ic_ival_is_pos (f.g) && !ic_ival_is_neg (f.g)));
      ic_form_clear (&f);
    }
  if (v == IC_V_UNKNOWN && !ic_cancelled () && tree)
    {
      /* heuristic: positivity proved from one of three starts */
      static const unsigned long NS[] = { 16, 1024, 262144 };
      unsigned long prevN = 0;
      for (size_t i = 0; i < sizeof NS / sizeof NS[0] && v == IC_V_UNKNOWN && !ic_cancelled (); i++)
        {
          unsigned long N = NS[i] < from ? from : NS[i];
          if (N <= prevN) continue;
          prevN = N;
          ic_node *L = log_tree (e, N, prec, 0);
          if (!L) continue;
          v = sum_verdict_direction (L, N, prec, X, &dir, &rn);
          if (v == IC_V_DIVERGES) v = dir < 0 ? IC_V_DIVERGES_TO_ZERO : IC_V_DIVERGES;
          if (v != IC_V_UNKNOWN)
            {
              if (*X < N) *X = N;
              lt = ic_term_to_string (L);
              if (logp) { *logp = L; L = NULL; }
            }
          ic_node_free (L);
        }
    }
  if (v == IC_V_UNKNOWN) { free (lt); return v; }
  unsigned long zero_at = 0;
  int maybe_zero = 0;
  *st = check_defined (R, e, from, *X, 1, &zero_at, &maybe_zero);
  if (*st != IC_OK || (maybe_zero && !zero_at))
    {
      free (lt);
      if (logp) { ic_node_free (*logp); *logp = NULL; }
      return IC_V_UNKNOWN;
    }
  if (zero_at) v = IC_V_ZERO_FACTOR;
  char *t = ic_term_to_string (e);
  const char *vn = ic_verdict_name (IC_KIND_PROD, to_verdict (v));
  if (v == IC_V_ZERO_FACTOR)
    ic_buf_printf (how, "%sprod %s: zero_factor (p(%lu) = 0 exactly; every factor is defined)", how->len ? "; " : "", t, zero_at);
  else if (K)
    ic_buf_printf (how, "%sprod %s: %s (series of logs: log(1+u) = sum_{k<=%d} (-1)^(k+1) u^k/k + O(|u|^%d), "
                   "each sum u^k convergent or of one sign, sum |u|^%d convergent, |u| < 1, n >= %lu)",
                   how->len ? "; " : "", t, vn, K, K + 1, K + 1, *X);
  else
    ic_buf_printf (how, "%sprod %s: %s (series of logs: sum %s %s (%s), n >= %lu)", how->len ? "; " : "", t, vn,
                   lt ? lt : "v(n) with p = exp(v)",
                   v == IC_V_CONVERGES ? "converges" : dir < 0 ? "tends to -inf" : "tends to +inf", rn, *X);
  free (t);
  free (lt);
  return v;
}

/* 1 if p(n) < 0 for all n >= X for some candidate X >= from: a form of p
 * on [X, inf) without alternation and with G < 0 (heuristic filter only:
 * p = -(-p) holds whatever the sign). */
static int eventually_negative (const ic_node *e, unsigned long from, mpfr_prec_t prec)
{
  ic_form f;
  ic_form_init (&f, prec);
  form_iter it = FORM_ITER_INIT;
  char why[200];
  int neg = 0;
  while (!neg && next_form (&f, e, 0, from, &it, prec, why, sizeof why))
    neg = !f.zero && !f.alt && ic_ival_is_neg (f.g);
  ic_form_clear (&f);
  return neg;
}

/* The verdict of prod h from the envelopes of u = h - 1 and h alone
 * (analyse_prod, its forms and facts discarded); *rule the test used. */
static int prod_verdict_only (run *R, const ic_node *h, unsigned long from, mpfr_prec_t prec, unsigned long *X,
                              int *rule, ic_status *st)
{
  ic_form fu, fp;
  ic_form_init (&fu, prec); ic_form_init (&fp, prec);
  ic_prod_facts pf;
  int have_rg;
  unsigned long zero_at;
  ic_ival_t rg;
  ic_ival_init2 (rg, prec);
  char why[200];
  ic_node *u = ic_symb_minus_one (h);
  int v = analyse_prod (R, h, u, from, prec, &fu, &fp, &pf, rule, X, &zero_at, rg, &have_rg, st, why, sizeof why);
  ic_node_free (u);
  ic_ival_clear (rg);
  ic_form_clear (&fu); ic_form_clear (&fp);
  return v;
}

/* 1 when the partial products of prod h are proved to grow without bound
 * in absolute value: u = h - 1 >= 0 with sum u = inf (partial products ->
 * +inf), |h(n)| >= c > 1 from some n on, or the series of logs tending to
 * +inf (prod_log_verdict) -- each with no zero factor.  *X: the start. */
static int prod_unbounded (run *R, const ic_node *h, unsigned long from, mpfr_prec_t prec, unsigned long *X,
                           ic_buf *how, ic_status *st)
{
  int rule;
  int v = prod_verdict_only (R, h, from, prec, X, &rule, st);
  if (*st != IC_OK) return 0;
  if (v == IC_V_DIVERGES && (rule == IC_RULE_PROD_TO_INF || rule == IC_RULE_PROD_FACTOR_LARGE))
    {
      char *t = ic_term_to_string (h);
      ic_buf_printf (how, "prod %s: diverges (%s, n >= %lu)", t, rule_name (rule), *X);
      free (t);
      return 1;
    }
  if (ic_cancelled ()) return 0;
  /* prod_log_verdict's IC_V_DIVERGES always means -> +inf */
  return prod_log_verdict (R, h, from, prec, X, how, st, NULL, 0) == IC_V_DIVERGES && *st == IC_OK;
}

/* prod A(n) B(n) (or A/B) from the verdicts of the two products, combined
 * by the kernel ic_verdict_prod_split.  *X: the largest start used. */
static int split_prod_verdict (run *R, const ic_node *e, unsigned long from, mpfr_prec_t prec,
                               unsigned long *X, ic_buf *how, int depth, ic_status *st)
{
  /* depth 9 (WHOLE): analyse e as a whole, never split */
  enum { WHOLE = 9 };
  if (depth > WHOLE) return IC_V_UNKNOWN;
  if ((e->op == IC_MUL || e->op == IC_DIV) && depth > 0 && depth < WHOLE)
    {
      /* the sub-product as a whole first */
      ic_buf h2;
      ic_buf_init (&h2);
      int v = split_prod_verdict (R, e, from, prec, X, &h2, WHOLE, st);
      if (*st != IC_OK || v != IC_V_UNKNOWN)
        {
          ic_buf_printf (how, "%s%s", how->len ? "; " : "", h2.s);
          ic_buf_free (&h2);
          return v;
        }
      ic_buf_free (&h2);
    }
  if ((e->op == IC_MUL || e->op == IC_DIV) && depth < WHOLE - 1)
    {
      unsigned long Xa = 0, Xb = 0;
      int va = split_prod_verdict (R, e->a, from, prec, &Xa, how, depth + 1, st);
      if (*st != IC_OK) return IC_V_UNKNOWN;
      int vb = split_prod_verdict (R, e->b, from, prec, &Xb, how, depth + 1, st);
      if (*st != IC_OK) return IC_V_UNKNOWN;
      *X = Xa > Xb ? Xa : Xb;
      return ic_verdict_prod_split (va, vb, e->op == IC_DIV);
    }
  {
    /* the series of logs for alternating u first (prod_log_verdict) */
    unsigned long Xl = 0;
    int vl = prod_log_verdict (R, e, from, prec, &Xl, how, st, NULL, 1);
    if (*st != IC_OK) return IC_V_UNKNOWN;
    if (vl != IC_V_UNKNOWN) { *X = Xl; return vl; }
  }
  int rule;
  int v = prod_verdict_only (R, e, from, prec, X, &rule, st);
  if (v == IC_V_UNKNOWN && *st == IC_OK && !ic_cancelled ())
    {
      /* the series of logs (prod_log_verdict) */
      unsigned long Xl = 0;
      int vl = prod_log_verdict (R, e, from, prec, &Xl, how, st, NULL, 0);
      if (*st != IC_OK) return IC_V_UNKNOWN;
      if (vl != IC_V_UNKNOWN) { *X = Xl; return vl; }
    }
  char *t = ic_term_to_string (e);
  ic_buf_printf (how, "%sprod %s: %s (%s, n >= %lu)", how->len ? "; " : "", t,
                 ic_verdict_name (IC_KIND_PROD, to_verdict (v)), rule_name (rule), *X);
  free (t);
  return v;
}

/* The verdict of prod e by the series of logs (prod_log_verdict, `early`
 * as there), with its certificate and, when it converges, the enclosure.
 * Returns 1 when decided (*st set), 0 otherwise (r untouched). */
static int decide_by_logs (run *R, ic_result *r, const ic_node *e, int early, ic_status *st)
{
  const ic_options *opt = R->opt;
  mpfr_prec_t prec = 128;
  /* the series of logs: p = exp(v), p = 1 + u to a higher order, or
   * the log of a product of positive factors expanded */
  ic_buf how;
  ic_buf_init (&how);
  unsigned long Xl = 0;
  ic_node *L = NULL;
  int v = prod_log_verdict (R, e, opt->from, prec, &Xl, &how, st, &L, early);
  if (*st == IC_OK && v != IC_V_UNKNOWN)
    {
      r->verdict = to_verdict (v);
      snprintf (r->cert.test, sizeof r->cert.test, "series of logs");
      const char *concl =
        v == IC_V_CONVERGES ? "The partial products from the start on are exp of the partial sums of a convergent series, and the factors before it are nonzero: the product converges to a nonzero limit."
        : v == IC_V_DIVERGES_TO_ZERO ? "The partial products are exp of partial sums tending to -inf (times nonzero factors before the start): they tend to 0."
        : v == IC_V_ZERO_FACTOR ? "A zero factor makes the product 0."
        : "The partial products are exp of partial sums tending to +inf (times nonzero factors before the start): they grow without bound.";
      char list[sizeof r->cert.summary];
      snprintf (r->cert.summary, sizeof r->cert.summary, "%s. %s",
                fit_list (list, sizeof r->cert.summary - strlen (concl) - 2, how.s), concl);
      cert_item (&r->cert, "from_n", "%lu", Xl);
      ic_buf_free (&how);
      if (v == IC_V_CONVERGES)
        {
          /* with the log expanded (L = log p for n >= Xl), the tails
           * are those of prod exp(L): the sum machinery sees L's
           * cancellations; the partial products are of p itself */
          ic_node *E = L ? ic_mk_fn (IC_EXP, L) : NULL;
          L = NULL;
          tail_args A = { E ? E : e, 1, NULL, 0, NULL, 0, Xl, 0, NULL, E ? e : NULL, NULL };
          *st = enclose_limit (R, r, &A);
          ic_node_free (E);
        }
      else if (v != IC_V_DIVERGES)
        {
          ic_ival_t z;
          ic_ival_init2 (z, 64);
          set_limit (r, z);
          ic_ival_clear (z);
          r->digits = opt->digits;
          snprintf (r->method, sizeof r->method, "exact");
        }
      ic_node_free (L);
      return 1;
    }
  ic_node_free (L);
  ic_buf_free (&how);
  return 0;
}

static ic_status certify_prod (run *R, ic_result *r, const ic_node *e)
{
  const ic_options *opt = R->opt;
  mpfr_prec_t prec = 128;
  char why[200];
  ic_form fu, fp;
  ic_form_init (&fu, prec); ic_form_init (&fp, prec);
  ic_prod_facts pf;
  int rule = IC_RULE_NONE, have_rg = 0;
  unsigned long X = 0, zero_at = 0;
  ic_status st = IC_OK;
  ic_node *u = ic_symb_minus_one (e);
  ic_ival_t rg;
  ic_ival_init2 (rg, prec);
  /* alternating u -> 0 with sum u^2 = inf: the series of logs first (the
   * classical rules cannot decide it, and try every start) */
  if (decide_by_logs (R, r, e, 1, &st) || st != IC_OK) goto out;
  r->verdict = to_verdict (analyse_prod (R, e, u, opt->from, prec, &fu, &fp, &pf, &rule, &X, &zero_at,
                                         rg, &have_rg, &st, why, sizeof why));
  if (st == IC_OK && r->verdict == IC_UNKNOWN && (e->op == IC_MUL || e->op == IC_DIV))
    {
      /* a product of two products, each decided on its own */
      ic_buf how;
      ic_buf_init (&how);
      unsigned long Xs = 0;
      int v = split_prod_verdict (R, e, opt->from, prec, &Xs, &how, 0, &st);
      if (st == IC_OK && v != IC_V_UNKNOWN)
        st = check_defined (R, e, opt->from, Xs, 1, NULL, NULL);
      if (st == IC_OK && v != IC_V_UNKNOWN)
        {
          r->verdict = to_verdict (v);
          snprintf (r->cert.test, sizeof r->cert.test, "product of two products");
          const char *lead = "The factors split into products decided separately: ";
          const char *concl =
            v == IC_V_CONVERGES ? "Products (and quotients) of products with finite nonzero limits have a finite nonzero limit."
            : v == IC_V_DIVERGES_TO_ZERO ? "A product tending to 0 times one with a finite nonzero limit (or one tending to 0) tends to 0."
            : v == IC_V_ZERO_FACTOR ? "A zero factor makes the product 0."
            : "A product without a finite limit times one with a finite nonzero limit has no finite limit.";
          char list[sizeof r->cert.summary];
          snprintf (r->cert.summary, sizeof r->cert.summary, "%s%s. %s", lead,
                    fit_list (list, sizeof r->cert.summary - strlen (lead) - strlen (concl) - 2, how.s), concl);
          cert_item (&r->cert, "from_n", "%lu", Xs);
          ic_buf_free (&how);
          if (v == IC_V_CONVERGES)
            {
              tail_args A = { e, 1, NULL, 0, NULL, 0, Xs, 0, NULL, NULL, NULL };
              st = enclose_limit (R, r, &A);
            }
          else
            {
              ic_ival_t z;
              ic_ival_init2 (z, 64);
              set_limit (r, z);
              ic_ival_clear (z);
              if (v == IC_V_DIVERGES) r->has_limit = 0;
              else { r->digits = opt->digits; snprintf (r->method, sizeof r->method, "exact"); }
            }
          goto out;
        }
      ic_buf_free (&how);
    }
  if (st == IC_OK && r->verdict == IC_UNKNOWN && !ic_cancelled () && decide_by_logs (R, r, e, 0, &st))
    goto out;
  if (st == IC_OK && r->verdict == IC_UNKNOWN)
    {
      /* factors -h(n) or (-1)^(n+k) h(n): the sign flips infinitely often
       * (kernel ic_verdict_prod_signflip on the verdict of prod h) */
      ic_node *h = NULL;
      int parity = 0, alt = 0;
      if (ic_symb_strip_alt (e, &h, &parity)) alt = 1;
      else if (e->op == IC_NEG) h = ic_node_copy (e->a);
      else if (e->op == IC_NUM && mpq_sgn (e->q) < 0)
        {
          mpq_t q;
          mpq_init (q);
          mpq_neg (q, e->q);
          h = ic_node_num_q (q);
          mpq_clear (q);
        }
      else if (eventually_negative (e, opt->from, prec))
        h = ic_mk_neg (ic_node_copy (e));   /* p = -(-p) for every n: s = -1 */
      if (h)
        {
          ic_buf how;
          ic_buf_init (&how);
          unsigned long Xs = 0;
          int vh = split_prod_verdict (R, h, opt->from, prec, &Xs, &how, 0, &st);
          if (st == IC_OK && vh == IC_V_UNKNOWN && (h->op == IC_MUL || h->op == IC_DIV) && !ic_cancelled ())
            {
              /* the factors of h diverge apart (n/(n+1)): h as a whole */
              ic_buf_free (&how);
              ic_buf_init (&how);
              vh = split_prod_verdict (R, h, opt->from, prec, &Xs, &how, 9, &st);
            }
          int v = st == IC_OK ? ic_verdict_prod_signflip (vh) : IC_V_UNKNOWN;
          int unbounded = 0;
          if (st == IC_OK && vh == IC_V_DIVERGES && !ic_cancelled ())
            {
              /* |P_N| = |H_N| -> inf: no finite limit, whatever the signs */
              unsigned long Xu = 0;
              ic_buf_free (&how);
              ic_buf_init (&how);
              if (prod_unbounded (R, h, opt->from, prec, &Xu, &how, &st))
                {
                  v = IC_V_DIVERGES;
                  unbounded = 1;
                  Xs = Xu;
                }
            }
          if (v != IC_V_UNKNOWN)
            st = check_defined (R, e, opt->from, Xs, 1, NULL, NULL);
          if (st == IC_OK && v != IC_V_UNKNOWN)
            {
              char *ht = ic_term_to_string (h);
              r->verdict = to_verdict (v);
              snprintf (r->cert.test, sizeof r->cert.test, "sign-changing factors");
              snprintf (r->cert.summary, sizeof r->cert.summary,
                        "p(n) = %s h(n) with h(n) = %s: %s. %s", alt ? (parity ? "(-1)^(n+1)" : "(-1)^n") : "-",
                        ht, how.s,
                        unbounded ? "The absolute values of the partial products grow without bound: they have no finite limit."
                        : v == IC_V_DIVERGES ? "The partial products change sign infinitely often while their absolute values tend to a nonzero limit: they have no limit."
                        : v == IC_V_DIVERGES_TO_ZERO ? "The absolute values of the partial products tend to 0, so the partial products tend to 0."
                        : "A zero factor makes the product 0.");
              cert_item (&r->cert, "from_n", "%lu", Xs);
              free (ht);
              if (v != IC_V_DIVERGES)
                {
                  ic_ival_t z;
                  ic_ival_init2 (z, 64);
                  set_limit (r, z);
                  ic_ival_clear (z);
                  r->digits = opt->digits;
                  snprintf (r->method, sizeof r->method, "exact");
                }
              ic_buf_free (&how);
              ic_node_free (h);
              goto out;
            }
          ic_buf_free (&how);
          ic_node_free (h);
        }
    }
  if (st == IC_OK && !X)
    st = check_defined (R, e, opt->from, ic_sat_add_ul (opt->from, 1000), 1, NULL, NULL);
  if (st != IC_OK) { r->verdict = IC_UNKNOWN; goto out; }
  if (!X)
    {
      snprintf (r->cert.test, sizeof r->cert.test, "none");
      snprintf (r->cert.summary, sizeof r->cert.summary,
                "No eventual bound on p(n) - 1 could be proved (%s); no verdict.", why[0] ? why : "no rule applies");
      goto out;
    }
  {
    snprintf (r->cert.test, sizeof r->cert.test, "%s", rule_name (rule));
    describe_form (&r->cert, "u_", &fu, X);
    cert_item (&r->cert, "u_class", "%s", env_name (pf.u.env));
    cert_item (&r->cert, "u_sign", "%d", pf.u.sign);
    if (have_rg) { ic_form_range (rg, &fu, X); cert_ival (&r->cert, "u_range", rg); }
    /* every inequality stated below is an item (README, "certificate"); the
     * summary repeats them with the constants written in */
    cert_env B;
    cert_env_make (&B, &r->cert, "u_", "u", &fu, X);
    if (rule == IC_RULE_PROD_SQUARES) cert_item (&r->cert, "monotone_bound", "|u(n+1)| <= |u(n)|");
    char P[64] = "";
    if (rule == IC_RULE_PROD_FACTOR_SMALL || rule == IC_RULE_PROD_FACTOR_LARGE)
      {
        /* the range of p on [X, inf) from the form of p (analyse_prod
         * decided p_small / p_large from the same range) */
        ic_ival_t prg;
        ic_ival_init2 (prg, prec);
        if (ic_form_range (prg, &fp, X))
          {
            ic_ival_abs (prg, prg);
            int small = rule == IC_RULE_PROD_FACTOR_SMALL;
            char *t = ic_fr_to_decimal (small ? prg->hi : prg->lo, 6, small ? MPFR_RNDU : MPFR_RNDD);
            snprintf (P, sizeof P, "%s", t);
            free (t);
            cert_item (&r->cert, "p_bound", small ? "|p(n)| <= P" : "|p(n)| >= P");
            cert_item (&r->cert, "P", "%s", P);
          }
        ic_ival_clear (prg);
      }
    switch (rule)
      {
      case IC_RULE_ZERO_FACTOR:
        snprintf (r->cert.summary, sizeof r->cert.summary,
                  "The factor at n = %lu is exactly 0 and every factor is defined (by evaluation up to n = %lu and the envelope of p(n) - 1 beyond): the product is 0.",
                  zero_at, X);
        cert_item (&r->cert, "zero_factor_n", "%lu", zero_at);
        break;
      case IC_RULE_PROD_ABS:
        if (fu.zero)
          {
            snprintf (r->cert.summary, sizeof r->cert.summary,
                      "p(n) = 1 exactly for all n >= %lu and no factor is 0: the product converges to the nonzero product of the factors before n = %lu.",
                      X, X);
            break;
          }
        snprintf (r->cert.summary, sizeof r->cert.summary,
                  "With u(n) = p(n) - 1: for n >= %lu, |u(n)| <= %s * F(n) with F(n) = %s%s, and sum F(n) converges; "
                  "no factor is 0: the product converges to a nonzero limit.",
                  X, B.C, B.Fs, B.note);
        break;
      case IC_RULE_PROD_SQUARES:
        snprintf (r->cert.summary, sizeof r->cert.summary,
                  "With u(n) = p(n) - 1: for n >= %lu, u(n) = (-1)^n h(n) with h(n) of one sign, |u(n+1)| <= |u(n)| "
                  "and |u(n)| <= %s * F(n) with F(n) = %s%s tending to 0 (Leibniz), and sum F(n)^2 converges, so sum u(n)^2 does; "
                  "no factor is 0: the product converges to a nonzero limit.",
                  X, B.C, B.Fs, B.note);
        break;
      case IC_RULE_PROD_TO_ZERO:
        snprintf (r->cert.summary, sizeof r->cert.summary,
                  "With u(n) = p(n) - 1: for n >= %lu, u(n) <= -%s * F(n) < 0 with F(n) = %s%s, and sum F(n) diverges: "
                  "the partial products tend to 0.",
                  X, B.c, B.Fs, B.note);
        break;
      case IC_RULE_PROD_TO_INF:
        snprintf (r->cert.summary, sizeof r->cert.summary,
                  "With u(n) = p(n) - 1: for n >= %lu, u(n) >= %s * F(n) > 0 with F(n) = %s%s, and sum F(n) diverges: "
                  "the partial products grow without bound.",
                  X, B.c, B.Fs, B.note);
        break;
      case IC_RULE_PROD_FACTOR_SMALL:
        snprintf (r->cert.summary, sizeof r->cert.summary,
                  "For n >= %lu, |p(n)| <= %s < 1: the partial products tend to 0.", X, P[0] ? P : "c");
        break;
      case IC_RULE_PROD_FACTOR_LARGE:
        snprintf (r->cert.summary, sizeof r->cert.summary,
                  "For n >= %lu, |p(n)| >= %s > 1: the partial products are unbounded.", X, P[0] ? P : "c");
        break;
      default:
        snprintf (r->cert.summary, sizeof r->cert.summary,
                  "For n >= %lu, p(n) - 1 = %sg(n) F(n) with F(n) = %s%s, g(n) in G (u_ratio); no product criterion applies with these bounds.",
                  X, fu.alt ? "(-1)^n " : "", B.Fs, B.note);
      }
    cert_env_clear (&B);
  }
  if (r->verdict == IC_ZERO_FACTOR || r->verdict == IC_DIVERGES_TO_ZERO)
    {
      ic_ival_t z;
      ic_ival_init2 (z, 64);
      set_limit (r, z);
      ic_ival_clear (z);
      r->digits = opt->digits;     /* the limit 0 is exact */
      snprintf (r->method, sizeof r->method, "exact");
    }
  else if (r->verdict == IC_CONVERGES)
    {
      tail_args A = { e, 1, &pf.u, 0, NULL, 0, X, fu.zero, NULL, NULL, NULL };
      st = enclose_limit (R, r, &A);
    }
out:
  ic_ival_clear (rg);
  ic_node_free (u);
  ic_form_clear (&fu); ic_form_clear (&fp);
  return st;
}

static ic_status certify_run (ic_result *r, ic_kind kind, const ic_node *e, const ic_options *opt, ic_error *err)
{
  ic_error dummy;
  if (!err) err = &dummy;
  memset (err, 0, sizeof *err);
  r->kind = kind;
  r->verdict = IC_UNKNOWN;
  r->has_limit = 0;
  r->digits = 0;
  r->digits_wanted = opt->digits;
  r->from = opt->from;
  r->method[0] = 0;
  r->limit_missing = 0;
  r->limit_note[0] = 0;
  r->stopped = 0;
  r->stop_note[0] = 0;
  memset (&r->cert, 0, sizeof r->cert);
  if (opt->digits < 1 || opt->digits > MAX_DIGITS)
    {
      err->code = IC_EUSAGE;
      snprintf (err->msg, sizeof err->msg, "--digits must be between 1 and %d", MAX_DIGITS);
      return err->code;
    }
  if (opt->from > (1UL << 62))
    {
      err->code = IC_EUSAGE;
      snprintf (err->msg, sizeof err->msg, "--from must be at most 2^62");
      return err->code;
    }
  run R;
  memset (&R, 0, sizeof R);
  R.opt = opt;
  R.err = err;
  clock_gettime (CLOCK_MONOTONIC, &R.t0);
  /* without --timeout the effort limit bounds the whole run */
  R.effort_global = opt->timeout <= 0;
  ic_deadline_init (&R.dl, &R.t0, opt->timeout > 0 ? opt->timeout : EFFORT_SECONDS);
  ic_membudget_init (&R.mem, opt->max_memory ? opt->max_memory : IC_DEFAULT_MAX_MEMORY);
  R.dl.mem = &R.mem;
  ic_deadline *outer = ic_deadline_enter (&R.dl);
  pthread_mutex_init (&R.mu, NULL);
  pthread_cond_init (&R.cv, NULL);
  snprintf (R.stage, sizeof R.stage, "proving eventual bounds");
  pthread_t watcher;
  int watching = opt->progress && pthread_create (&watcher, NULL, progress_watch, &R) == 0;
  /* poles and zeros of rational subterms beyond the first stretch the
   * evaluation checks (poles.h): bad input naming the point */
  unsigned long pole_n;
  const char *pole_why;
  ic_status st;
  if (ic_poles_find (e, opt->from, &pole_n, &pole_why))
    {
      /* the first undefined point may come earlier (log(n-5) from 1 is
       * undefined at n = 1): evaluate up to the pole when that is cheap,
       * else the first stretch, then name the pole */
      st = IC_OK;
      if (pole_n > opt->from)
        {
          unsigned long lim = pole_n - 1;
          if (lim - opt->from > 100000) lim = opt->from + 1000;
          st = check_defined (&R, e, opt->from, lim, kind == IC_KIND_PROD, NULL, NULL);
        }
      if (st == IC_OK) st = undefined_at (&R, pole_n, pole_why);
    }
  else st = kind == IC_KIND_SUM ? certify_sum (&R, r, e) : certify_prod (&R, r, e);
  if (watching)
    {
      pthread_mutex_lock (&R.mu);
      R.done = 1;
      pthread_cond_signal (&R.cv);
      pthread_mutex_unlock (&R.mu);
      pthread_join (watcher, NULL);
    }
  pthread_mutex_destroy (&R.mu);
  pthread_cond_destroy (&R.cv);
  int mem_hit = atomic_load (&R.mem.hit);
  ic_deadline_enter (outer);
  if (st == IC_ETIMEOUT || st == IC_ELIMIT)
    {
      /* a limit stopped the run before a verdict (the enclosure step keeps
       * its verdict and reports its own limits): no verdict, and why */
      r->verdict = IC_UNKNOWN;
      r->has_limit = 0;
      r->limit_missing = 0;
      r->limit_note[0] = 0;
      r->stopped = st == IC_ETIMEOUT ? IC_STOP_TIMEOUT
        : mem_hit ? IC_STOP_MEMORY
        : R.effort_hit ? IC_STOP_EFFORT
        : R.evals > opt->max_terms ? IC_STOP_TERMS : IC_STOP_PREC;
      snprintf (r->stop_note, sizeof r->stop_note, "%.190s", err->msg[0] ? err->msg : "a limit was reached");
      memset (err, 0, sizeof *err);
      st = IC_OK;
    }
  else if (st == IC_OK && r->verdict == IC_UNKNOWN && !r->stopped && (mem_hit || ic_deadline_passed (&R.dl)))
    {
      /* the analysis gave up because a limit cancelled it */
      r->stopped = mem_hit ? IC_STOP_MEMORY : R.effort_global ? IC_STOP_EFFORT : IC_STOP_TIMEOUT;
      snprintf (r->stop_note, sizeof r->stop_note, "%s", mem_hit ? mem_text
                : R.effort_global ? effort_text : time_text);
    }
  if (st != IC_OK)
    {
      if (err->code == IC_OK) err->code = st;
      r->verdict = IC_UNKNOWN;
      r->has_limit = 0;
      r->limit_missing = 0;
      r->limit_note[0] = 0;
    }
  return st;
}

/* The entry point: like summands are collected first (an exact identity:
 * 1000 copies of (-1)^n/n are 1000 (-1)^n/n, one summand to analyse, not a
 * tree too deep to split), and an allocation that failed anywhere in the
 * run turns the result into an internal error "out of memory". */
ic_status ic_certify (ic_result *r, ic_kind kind, const ic_node *e, const ic_options *opt, ic_error *err)
{
  ic_error dummy;
  if (!err) err = &dummy;
  ic_oom_take ();
  ic_node *ec = ic_node_copy (e);
  if (ec) ec = ic_symb_collect (ec);
  if (ec) ec = ic_symb_merge_alt (ec);
  ic_status st = certify_run (r, kind, ec ? ec : e, opt, err);
  ic_node_free (ec);
  if (ic_oom_take ())
    {
      r->verdict = IC_UNKNOWN;
      r->has_limit = 0;
      r->limit_missing = 0; r->limit_note[0] = 0;
      r->stopped = 0; r->stop_note[0] = 0;
      memset (err, 0, sizeof *err);
      err->code = st = IC_EINTERNAL;
      snprintf (err->msg, sizeof err->msg, "out of memory");
    }
  return st;
}
