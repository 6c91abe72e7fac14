/* eval.c — term evaluation (see eval.h).
 * Each node keeps its own interval and rational scratch values, allocated
 * once, so a million evaluations allocate nothing. */
#include <stdlib.h>
#include <stdio.h>
#include "eval.h"
#include "kern/exact.h"

#define EXACT_MAX_BITS 65536   /* rationals larger than this go to intervals */
#define FACT_EXACT_MAX 20000   /* factorial(m) exactly for m <= this          */

typedef struct evnode {
  const ic_node *e;
  struct evnode *a, *b;
  ic_ival_t v;
  mpq_t q;
  int exact;          /* q holds the exact value of this evaluation */
  int has_var;
  /* factorial nodes: fm! = fz from an earlier evaluation (fm = 0: none),
   * so that consecutive n (partial sums) cost a few multiplications
   * instead of a new mpz_fac_ui each (sum factorial(2n)/(4^n n!^2 n)
   * spent 90 % of its time there) */
  unsigned long fm;
  mpz_t fz;
  /* beyond FACT_EXACT_MAX: im! in iv (im = 0: none), at the node's
   * precision, carried forward by isteps interval multiplications since
   * the last mpfr_gamma (each widens by about one ulp; reseeded after
   * 1024) */
  unsigned long im, isteps;
  ic_ival_t iv;
} evnode;

struct ic_evaluator {
  evnode *root;
  mpfr_prec_t prec;
  int range;                 /* evaluating over an interval X */
  unsigned long n;
  const ic_ival_struct *X;
  const char *why;
};

static evnode *build (const ic_node *e, mpfr_prec_t prec)
{
  if (!e) return NULL;
  evnode *v = calloc (1, sizeof *v);
  if (!v) abort ();      /* as GMP on failing to allocate (infcert.h, "Errors") */
  v->e = e;
  v->a = build (e->a, prec);
  v->b = build (e->b, prec);
  ic_ival_init2 (v->v, prec);
  mpq_init (v->q);
  mpz_init (v->fz);
  v->fm = 0;
  ic_ival_init2 (v->iv, prec);
  v->im = 0;
  v->has_var = ic_node_has_var (e);
  return v;
}

static void destroy (evnode *v)
{
  if (!v) return;
  destroy (v->a);
  destroy (v->b);
  ic_ival_clear (v->v);
  mpq_clear (v->q);
  mpz_clear (v->fz);
  ic_ival_clear (v->iv);
  free (v);
}

static void setprec (evnode *v, mpfr_prec_t prec)
{
  if (!v) return;
  setprec (v->a, prec);
  setprec (v->b, prec);
  ic_ival_set_prec (v->v, prec);
  ic_ival_set_prec (v->iv, prec);
  v->im = 0;
}

ic_evaluator *ic_eval_new (const ic_node *e, mpfr_prec_t prec)
{
  ic_evaluator *ev = calloc (1, sizeof *ev);
  if (!ev) abort ();     /* as GMP on failing to allocate (infcert.h, "Errors") */
  ev->root = build (e, prec);
  ev->prec = prec;
  return ev;
}

void ic_eval_free (ic_evaluator *ev)
{
  if (!ev) return;
  destroy (ev->root);
  free (ev);
}

void ic_eval_set_prec (ic_evaluator *ev, mpfr_prec_t prec)
{
  if (prec == ev->prec) return;
  setprec (ev->root, prec);
  ev->prec = prec;
}

static int q_small (mpq_srcptr q)
{
  return mpz_sizeinbase (mpq_numref (q), 2) + mpz_sizeinbase (mpq_denref (q), 2) < EXACT_MAX_BITS;
}

/* Make sure v->v holds the value (converting an exact rational). */
static void to_ival (evnode *v)
{
  if (v->exact) ic_ival_set_q (v->v, v->q);
}

/* r = a^(1/k) if a >= 0 is the k-th power of a rational (numerator and
 * denominator of the canonical a are perfect k-th powers); returns 1 then.
 * A positive rational a = u/v in lowest terms has a rational k-th root iff
 * u and v are perfect k-th powers (unique factorisation), so 0 means
 * a^(1/k) is irrational (or a < 0, or k = 0).  r != a. */
static int q_root_exact (mpq_ptr r, mpq_srcptr a, unsigned long k)
{
  if (k == 0 || mpq_sgn (a) < 0) return 0;
  if (k == 1) { mpq_set (r, a); return 1; }
  if (mpq_sgn (a) == 0) { mpq_set_ui (r, 0, 1); return 1; }
  if (k == 2)
    {
      if (!mpz_perfect_square_p (mpq_numref (a)) || !mpz_perfect_square_p (mpq_denref (a))) return 0;
      mpz_sqrt (mpq_numref (r), mpq_numref (a));
      mpz_sqrt (mpq_denref (r), mpq_denref (a));
      return 1;                      /* lowest terms: roots of coprime numbers are coprime */
    }
  /* k >= bits of u (or v) > 1: 1 < u^(1/k) < 2, not an integer (and
   * mpz_root is not asked for a huge k) */
  if ((mpz_cmp_ui (mpq_numref (a), 1) != 0 && k >= mpz_sizeinbase (mpq_numref (a), 2))
      || (mpz_cmp_ui (mpq_denref (a), 1) != 0 && k >= mpz_sizeinbase (mpq_denref (a), 2)))
    return 0;
  if (!mpz_root (mpq_numref (r), mpq_numref (a), k)) return 0;
  if (!mpz_root (mpq_denref (r), mpq_denref (a), k)) return 0;
  return 1;
}

/* r = a^(p/k) exactly (b = p/k in lowest terms, k > 1, a > 0) when a is a
 * perfect k-th power and the result is small; returns 1 then.  Uses
 * a^(p/k) = (a^(1/k))^p for a > 0. */
static int q_pow_rational_exact (mpq_ptr r, mpq_srcptr a, mpq_srcptr b)
{
  if (mpq_sgn (a) <= 0 || !mpz_fits_ulong_p (mpq_denref (b)) || !mpz_fits_slong_p (mpq_numref (b)))
    return 0;
  unsigned long k = mpz_get_ui (mpq_denref (b));
  long p = mpz_get_si (mpq_numref (b));
  mpq_t root;
  mpq_init (root);
  int ok = q_root_exact (root, a, k);
  if (ok)
    {
      /* |p| without negating an unsigned value (p > LONG_MIN: it fits) */
      unsigned long ap = p < 0 ? (unsigned long) (-(p + 1)) + 1UL : (unsigned long) p;
      size_t bits = mpz_sizeinbase (mpq_numref (root), 2) + mpz_sizeinbase (mpq_denref (root), 2);
      ok = bits * (double) ap < EXACT_MAX_BITS;
      if (ok)
        {
          mpz_pow_ui (mpq_numref (r), mpq_numref (root), ap);
          mpz_pow_ui (mpq_denref (r), mpq_denref (root), ap);
          if (p < 0) mpq_inv (r, r);   /* root > 0 */
        }
    }
  mpq_clear (root);
  return ok;
}

/* A point interval [c, c] encloses one value, c itself: record it as the
 * exact rational c, so that exact results of the interval layer (MPFR
 * rounds an exactly representable result to itself in both directions:
 * sqrt(10000) - 100 = [0, 0]) decide poles and domains as the exact path
 * does.  Only for a node whose value is one number: at an integer n, or a
 * constant subterm (in range mode a subterm with n encloses a set of
 * values).  Skipped for huge or tiny exponents (the rational would be
 * large). */
static void point_to_exact (ic_evaluator *ev, evnode *v)
{
  if (v->exact || (ev->range && v->has_var) || !ic_ival_is_exact (v->v)) return;
  if (!mpfr_zero_p (v->v->lo))
    {
      mpfr_exp_t ex = mpfr_get_exp (v->v->lo);
      mpfr_prec_t pr = mpfr_get_prec (v->v->lo);
      if (ex > EXACT_MAX_BITS / 2 || ex < -(mpfr_exp_t) (EXACT_MAX_BITS / 2) || pr > EXACT_MAX_BITS / 2) return;
    }
  mpfr_get_q (v->q, v->v->lo);
  v->exact = 1;
}

/* 1 if the evaluated subterms a and b certainly have the same value: both
 * exact and equal, or the same operation applied to operands that have the
 * same value (a function of equal arguments has equal values; pi, e and n
 * are the same number each time).  0 means "not known", never "different".
 * In range mode this is equality for every x of the range, pointwise.
 * Depth-limited (the terms may nest 2000 deep). */
static int same_value (const evnode *a, const evnode *b, int depth)
{
  if (a->exact && b->exact) return mpq_equal (a->q, b->q);
  if (depth > 64 || a->e->op != b->e->op) return 0;
  switch (a->e->op)
    {
    case IC_PI: case IC_E: case IC_VAR: return 1;
    case IC_NUM: return 0;             /* exact: handled above */
    default: break;
    }
  if (!a->a || !b->a || !same_value (a->a, b->a, depth + 1)) return 0;
  if (!a->b && !b->b) return 1;
  return a->b && b->b && same_value (a->b, b->b, depth + 1);
}

/* The difference a - b (or the sum a + (-b)) of two subterms of the same
 * value is exactly 0, e.g. log(n) - log(100) at n = 100 or
 * sqrt(2*n) - sqrt(200) at n = 100, whose intervals contain 0 at every
 * precision.  Checked only when the interval v->v contains 0. */
static int cancels_exactly (const evnode *v)
{
  const evnode *a = v->a, *b = v->b;
  if (mpfr_sgn (v->v->lo) > 0 || mpfr_sgn (v->v->hi) < 0) return 0;
  if (v->e->op == IC_SUB) return same_value (a, b, 0);
  if (v->e->op != IC_ADD) return 0;
  if (b->e->op == IC_NEG && same_value (a, b->a, 0)) return 1;
  return a->e->op == IC_NEG && same_value (a->a, b, 0);
}

#define UNDEF(msg) do { ev->why = (msg); return IC_EV_UNDEFINED; } while (0)

static int eval_node (ic_evaluator *ev, evnode *v);

static int eval (ic_evaluator *ev, evnode *v)
{
  int r = eval_node (ev, v);
  if (r == IC_EV_OK) point_to_exact (ev, v);
  return r;
}

/* The node v from its evaluated operands: exact rational arithmetic
 * where it decides the node (exact values, exact zeros and poles), else
 * the proved interval step ic_evop / ic_evop_fact (src/kern/evalop.c)
 * with what the exact values say about the operands (ic_evop_hyp). */
static int eval_node (ic_evaluator *ev, evnode *v)
{
  const ic_node *e = v->e;
  int r;
  v->exact = 0;
  switch (e->op)
    {
    case IC_NUM:
      mpq_set (v->q, e->q);
      v->exact = 1;
      to_ival (v);
      return IC_EV_OK;
    case IC_VAR:
      if (ev->range) { ic_ival_set (v->v, ev->X); return IC_EV_OK; }
      mpq_set_ui (v->q, ev->n, 1);
      v->exact = 1;
      to_ival (v);
      return IC_EV_OK;
    case IC_PI: ic_ival_const_pi (v->v); return IC_EV_OK;
    case IC_E: ic_ival_const_e (v->v); return IC_EV_OK;
    default: break;
    }
  if ((r = eval (ev, v->a)) != IC_EV_OK) return r;
  if (v->b && (r = eval (ev, v->b)) != IC_EV_OK) return r;
  evnode *a = v->a, *b = v->b;
  int ex = a->exact && (!b || b->exact);
  ic_evop_hyp h = { 0 };
  h.range = ev->range;
  switch (e->op)
    {
    case IC_ADD: case IC_SUB: case IC_MUL: case IC_DIV:
      if (ic_exact_undef (e->op, a->exact, a->q, b->exact, b->q)) UNDEF ("division by zero");
      if (ex && ic_exact_arith (v->q, e->op, a->q, b->q) && q_small (v->q))
        { v->exact = 1; to_ival (v); return IC_EV_OK; }
      break;
    case IC_NEG: case IC_ABS:
      if (ex && ic_exact_arith (v->q, e->op, a->q, a->q)) { v->exact = 1; to_ival (v); return IC_EV_OK; }
      break;
    case IC_POW:
      /* what the exact values say about the operands (h.b_int, h.k,
       * h.b_nonint, h.a_zero, h.a_m1), read by the rules below and by
       * the interval step */
      ic_exact_hyp (&h, a->exact, a->q, b->exact, b->q);
      /* integer exponent: defined for any base except 0^negative */
      if (ic_exact_undef (IC_POW, a->exact, a->q, b->exact, b->q)) UNDEF ("0 raised to a negative power");
      if (b->exact && ic_q_is_int (b->q))
        {
          if (a->exact && (mpq_cmp_si (a->q, 1, 1) == 0 || mpq_cmp_si (a->q, -1, 1) == 0 || mpq_sgn (a->q) == 0))
            {
              /* 1^k, (-1)^k, 0^k (k > 0) exactly */
              if (mpq_sgn (a->q) == 0 && mpq_sgn (b->q) == 0) mpq_set_ui (v->q, 1, 1);
              else if (mpq_sgn (a->q) < 0 && mpz_odd_p (mpq_numref (b->q))) mpq_set_si (v->q, -1, 1);
              else if (mpq_sgn (a->q) < 0 || mpq_sgn (b->q) == 0) mpq_set_ui (v->q, 1, 1);
              else mpq_set (v->q, a->q);
              v->exact = 1; to_ival (v); return IC_EV_OK;
            }
          if (h.b_int)                    /* b is the integer h.k (ic_exact_hyp) */
            {
              long k = h.k;
              if (a->exact)
                {
                  size_t bits = mpz_sizeinbase (mpq_numref (a->q), 2) + mpz_sizeinbase (mpq_denref (a->q), 2);
                  /* |k| without negating LONG_MIN or wrapping an unsigned */
                  unsigned long ak = k < 0 ? (unsigned long) (-(k + 1)) + 1 : (unsigned long) k;
                  if (bits * (double) ak < EXACT_MAX_BITS)
                    {
                      mpz_pow_ui (mpq_numref (v->q), mpq_numref (a->q), ak);
                      mpz_pow_ui (mpq_denref (v->q), mpq_denref (a->q), ak);
                      if (k < 0) mpq_inv (v->q, v->q);
                      else mpq_canonicalize (v->q);
                      v->exact = 1; to_ival (v); return IC_EV_OK;
                    }
                }
            }
          /* else a huge integer exponent: the base must be > 0 */
        }
      if (a->exact && mpq_cmp_ui (a->q, 1, 1) == 0)
        { mpq_set_ui (v->q, 1, 1); v->exact = 1; to_ival (v); return IC_EV_OK; }   /* 1^y = 1 */
      /* a > 0 rational, y = p/k rational: exact when a is a perfect k-th
       * power (otherwise a^y is irrational, never equal to a rational) */
      if (!h.b_int && a->exact && b->exact && mpq_sgn (a->q) > 0 && q_small (a->q)
          && q_pow_rational_exact (v->q, a->q, b->q))
        { v->exact = 1; to_ival (v); return IC_EV_OK; }
      if (!h.b_int && a->exact && mpq_sgn (a->q) == 0 && b->exact && mpq_sgn (b->q) > 0)
        { mpq_set_ui (v->q, 0, 1); v->exact = 1; to_ival (v); return IC_EV_OK; }
      h.b_var = b->has_var;
      break;
    case IC_LOG:
      if (ic_exact_undef (IC_LOG, a->exact, a->q, 0, a->q)) UNDEF ("log of a non-positive number");
      if (ex && mpq_cmp_ui (a->q, 1, 1) == 0) { mpq_set_ui (v->q, 0, 1); v->exact = 1; to_ival (v); return IC_EV_OK; }
      break;
    case IC_SQRT:
      if (ic_exact_undef (IC_SQRT, a->exact, a->q, 0, a->q)) UNDEF ("sqrt of a negative number");
      /* sqrt of the square of a rational: exact (zeros, poles decided) */
      if (a->exact && q_small (a->q) && q_root_exact (v->q, a->q, 2)) { v->exact = 1; to_ival (v); return IC_EV_OK; }
      break;
    case IC_EXP:
      if (ex && mpq_sgn (a->q) == 0) { mpq_set_ui (v->q, 1, 1); v->exact = 1; to_ival (v); return IC_EV_OK; }
      break;
    case IC_SIN: case IC_ATAN:
      if (ex && mpq_sgn (a->q) == 0) { mpq_set_ui (v->q, 0, 1); v->exact = 1; to_ival (v); return IC_EV_OK; }
      break;
    case IC_COS:
      if (ex && mpq_sgn (a->q) == 0) { mpq_set_ui (v->q, 1, 1); v->exact = 1; to_ival (v); return IC_EV_OK; }
      break;
    case IC_FACT:
      {
        unsigned long m = 0;
        int m_ok = 0;
        if (ic_exact_undef (IC_FACT, a->exact, a->q, 0, a->q)) UNDEF ("factorial of a non-integer or negative number");
        if (a->exact)
          {
            if (mpz_cmp_ui (mpq_numref (a->q), FACT_EXACT_MAX) <= 0)
              {
                m = mpz_get_ui (mpq_numref (a->q));
                if (v->fm && m >= v->fm && m - v->fm <= 64)
                  for (unsigned long j = v->fm + 1; j <= m; j++)
                    mpz_mul_ui (v->fz, v->fz, j);                 /* j! = (j-1)! j */
                else
                  mpz_fac_ui (v->fz, m);
                v->fm = m ? m : 1;                                /* 0! = 1! */
                mpq_set_z (v->q, v->fz);
                v->exact = 1; to_ival (v); return IC_EV_OK;
              }
            if (mpz_fits_slong_p (mpq_numref (a->q)))
              {
                m = mpz_get_ui (mpq_numref (a->q));
                m_ok = 1;
              }
          }
        return ic_evop_fact (v->v, a->v, ev->range, a->exact, m_ok, m, v->iv, &v->im, &v->isteps);
      }
    default:
      return IC_EV_INEXACT;
    }
  r = ic_evop (v->v, e->op, a->v, b ? b->v : a->v, h);
  if (r == IC_EVOP_UNDEF)
    UNDEF (e->op == IC_LOG ? "log of a non-positive number"
           : e->op == IC_SQRT ? "sqrt of a negative number"
           : h.a_zero ? "0 raised to a negative power"
           : "negative number raised to a non-integer power");
  if (r == IC_EVOP_OK && (e->op == IC_ADD || e->op == IC_SUB) && cancels_exactly (v))
    { mpq_set_ui (v->q, 0, 1); v->exact = 1; to_ival (v); }
  return r;
}

int ic_eval_at_ui (ic_evaluator *ev, ic_ival_ptr out, unsigned long n, const char **why)
{
  ev->range = 0;
  ev->n = n;
  ev->why = NULL;
  int r = eval (ev, ev->root);
  if (r == IC_EV_OK) ic_ival_set (out, ev->root->v);
  if (why) *why = ev->why;
  return r;
}

int ic_eval_exact_ui (ic_evaluator *ev, mpq_t out, unsigned long n)
{
  ev->range = 0;
  ev->n = n;
  if (eval (ev, ev->root) != IC_EV_OK || !ev->root->exact) return 0;
  mpq_set (out, ev->root->q);
  return 1;
}

/* Over an interval, (-1)^(n+k) and other integer powers of -1 with a
 * variable exponent are only known to lie in [-1, 1]. */
int ic_eval_range (ic_evaluator *ev, ic_ival_ptr out, ic_ival_srcptr X, const char **why)
{
  ev->range = 1;
  ev->X = X;
  ev->why = NULL;
  int r = eval (ev, ev->root);
  if (r == IC_EV_OK) ic_ival_set (out, ev->root->v);
  if (why) *why = ev->why;
  return r;
}

int ic_eval_const (ic_ival_ptr out, const ic_node *e, mpfr_prec_t prec)
{
  ic_evaluator *ev = ic_eval_new (e, prec);
  ic_ival_t X;
  ic_ival_init2 (X, prec);
  int ok = ic_eval_range (ev, out, X, NULL) == IC_EV_OK && ic_ival_is_finite (out);
  ic_ival_clear (X);
  ic_eval_free (ev);
  return ok;
}
