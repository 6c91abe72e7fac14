/* symb.c — symbolic reshaping of terms (exact identities only). */
#include <stdlib.h>
#include "symb.h"
#include "buf.h"

int ic_node_equal (const ic_node *a, const ic_node *b)
{
  if (!a || !b) return a == b;
  if (a->op != b->op) return 0;
  if (a->op == IC_NUM) return mpq_equal (a->q, b->q);
  return ic_node_equal (a->a, b->a) && ic_node_equal (a->b, b->b);
}

static int is_num (const ic_node *e) { return e->op == IC_NUM; }

ic_node *ic_mk_neg (ic_node *a)
{
  if (is_num (a)) { mpq_neg (a->q, a->q); return a; }
  if (a->op == IC_NEG) { ic_node *r = a->a; a->a = NULL; ic_node_free (a); return r; }
  return ic_node_new (IC_NEG, a, NULL);
}

static ic_node *fold2 (ic_op op, ic_node *a, ic_node *b)
{
  ic_node *r = ic_node_num_si (0);
  if (op == IC_ADD) mpq_add (r->q, a->q, b->q);
  else if (op == IC_SUB) mpq_sub (r->q, a->q, b->q);
  else if (op == IC_MUL) mpq_mul (r->q, a->q, b->q);
  else mpq_div (r->q, a->q, b->q);
  ic_node_free (a);
  ic_node_free (b);
  return r;
}

ic_node *ic_mk_add (ic_node *a, ic_node *b)
{
  if (is_num (a) && is_num (b)) return fold2 (IC_ADD, a, b);
  if (ic_node_is_num (a, 0)) { ic_node_free (a); return b; }
  if (ic_node_is_num (b, 0)) { ic_node_free (b); return a; }
  return ic_node_new (IC_ADD, a, b);
}

ic_node *ic_mk_sub (ic_node *a, ic_node *b)
{
  if (is_num (a) && is_num (b)) return fold2 (IC_SUB, a, b);
  if (ic_node_is_num (b, 0)) { ic_node_free (b); return a; }
  if (ic_node_is_num (a, 0)) { ic_node_free (a); return ic_mk_neg (b); }
  return ic_node_new (IC_SUB, a, b);
}

ic_node *ic_mk_mul (ic_node *a, ic_node *b)
{
  if (is_num (a) && is_num (b)) return fold2 (IC_MUL, a, b);
  if (ic_node_is_num (a, 0) || ic_node_is_num (b, 0))
    { ic_node_free (a); ic_node_free (b); return ic_node_num_si (0); }
  if (ic_node_is_num (a, 1)) { ic_node_free (a); return b; }
  if (ic_node_is_num (b, 1)) { ic_node_free (b); return a; }
  if (ic_node_is_num (a, -1)) { ic_node_free (a); return ic_mk_neg (b); }
  return ic_node_new (IC_MUL, a, b);
}

ic_node *ic_mk_div (ic_node *a, ic_node *b)
{
  if (is_num (a) && is_num (b) && mpq_sgn (b->q) != 0) return fold2 (IC_DIV, a, b);
  if (ic_node_is_num (b, 1)) { ic_node_free (b); return a; }
  return ic_node_new (IC_DIV, a, b);
}

ic_node *ic_mk_pow (ic_node *a, ic_node *b)
{
  if (ic_node_is_num (b, 1)) { ic_node_free (b); return a; }
  if (ic_node_is_num (b, 0)) { ic_node_free (a); ic_node_free (b); return ic_node_num_si (1); }
  return ic_node_new (IC_POW, a, b);
}

ic_node *ic_mk_fn (ic_op op, ic_node *a) { return ic_node_new (op, a, NULL); }

#define C(x) ic_node_copy (x)

ic_node *ic_symb_deriv (const ic_node *e)
{
  ic_node *da, *db;
  switch (e->op)
    {
    case IC_NUM: case IC_PI: case IC_E: return ic_node_num_si (0);
    case IC_VAR: return ic_node_num_si (1);
    default: break;
    }
  if (!ic_node_has_var (e)) return ic_node_num_si (0);
  if (e->op == IC_FACT || e->op == IC_ABS) return NULL;
  int par;
  if (ic_node_is_alt_sign (e, &par)) return NULL;
  da = ic_symb_deriv (e->a);
  if (!da) return NULL;
  db = NULL;
  if (e->b && !(db = ic_symb_deriv (e->b))) { ic_node_free (da); return NULL; }
  switch (e->op)
    {
    case IC_ADD: return ic_mk_add (da, db);
    case IC_SUB: return ic_mk_sub (da, db);
    case IC_NEG: return ic_mk_neg (da);
    case IC_MUL: return ic_mk_add (ic_mk_mul (da, C (e->b)), ic_mk_mul (C (e->a), db));
    case IC_DIV:
      return ic_mk_div (ic_mk_sub (ic_mk_mul (da, C (e->b)), ic_mk_mul (C (e->a), db)),
                        ic_mk_pow (C (e->b), ic_node_num_si (2)));
    case IC_POW:
      if (!ic_node_has_var (e->b))
        {
          ic_node *bm1 = ic_mk_sub (C (e->b), ic_node_num_si (1));
          ic_node_free (db);
          return ic_mk_mul (ic_mk_mul (C (e->b), ic_mk_pow (C (e->a), bm1)), da);
        }
      /* a^b (b' log a + b a' / a) */
      return ic_mk_mul (C (e),
                        ic_mk_add (ic_mk_mul (db, ic_mk_fn (IC_LOG, C (e->a))),
                                   ic_mk_div (ic_mk_mul (C (e->b), da), C (e->a))));
    case IC_LOG: return ic_mk_div (da, C (e->a));
    case IC_EXP: return ic_mk_mul (C (e), da);
    case IC_SQRT: return ic_mk_div (da, ic_mk_mul (ic_node_num_si (2), C (e)));
    case IC_SIN: return ic_mk_mul (ic_mk_fn (IC_COS, C (e->a)), da);
    case IC_COS: return ic_mk_neg (ic_mk_mul (ic_mk_fn (IC_SIN, C (e->a)), da));
    case IC_ATAN:
      return ic_mk_div (da, ic_mk_add (ic_node_num_si (1), ic_mk_pow (C (e->a), ic_node_num_si (2))));
    default:
      ic_node_free (da); ic_node_free (db);
      return NULL;
    }
}

/* ---- sum normalisation ------------------------------------------------ */

typedef struct { ic_node **t; int *sg; int n, cap; } terms;

/* Out of memory: the summand is dropped and the thread's flag set (the
 * entry point reports "out of memory"; the tree is never used). */
static void push (terms *ts, ic_node *t, int sg)
{
  if (ts->n == ts->cap)
    {
      int cap = ts->cap ? 2 * ts->cap : 8;
      ic_node **nt = realloc (ts->t, (size_t) cap * sizeof *ts->t);
      if (nt) ts->t = nt;
      int *nsg = realloc (ts->sg, (size_t) cap * sizeof *ts->sg);
      if (nsg) ts->sg = nsg;
      if (!nt || !nsg) { ic_oom_note (); ic_node_free (t); return; }
      ts->cap = cap;
    }
  ts->t[ts->n] = t;
  ts->sg[ts->n++] = sg;
}

/* Collects the summands of e (consumed) with their signs. */
static void flatten (terms *ts, ic_node *e, int sg)
{
  if (e->op == IC_ADD || e->op == IC_SUB)
    {
      ic_node *a = e->a, *b = e->b;
      int sb = e->op == IC_ADD ? sg : -sg;
      e->a = e->b = NULL;
      ic_node_free (e);
      flatten (ts, a, sg);
      flatten (ts, b, sb);
      return;
    }
  if (e->op == IC_NEG)
    {
      ic_node *a = e->a;
      e->a = NULL;
      ic_node_free (e);
      flatten (ts, a, -sg);
      return;
    }
  push (ts, e, sg);
}

ic_node *ic_symb_simplify (ic_node *e)
{
  terms ts = { 0 };
  flatten (&ts, e, 1);
  mpq_t c;
  mpq_init (c);
  for (int i = 0; i < ts.n; i++)
    if (ts.t[i] && ts.t[i]->op == IC_NUM)
      {
        if (ts.sg[i] > 0) mpq_add (c, c, ts.t[i]->q); else mpq_sub (c, c, ts.t[i]->q);
        ic_node_free (ts.t[i]);
        ts.t[i] = NULL;
      }
  for (int i = 0; i < ts.n; i++)
    for (int j = i + 1; ts.t[i] && j < ts.n; j++)
      if (ts.t[j] && ts.sg[i] != ts.sg[j] && ic_node_equal (ts.t[i], ts.t[j]))
        {
          ic_node_free (ts.t[i]); ic_node_free (ts.t[j]);
          ts.t[i] = ts.t[j] = NULL;
        }
  ic_node *r = NULL;
  for (int i = 0; i < ts.n; i++)
    {
      if (!ts.t[i]) continue;
      if (!r) r = ts.sg[i] > 0 ? ts.t[i] : ic_mk_neg (ts.t[i]);
      else r = ts.sg[i] > 0 ? ic_node_new (IC_ADD, r, ts.t[i]) : ic_node_new (IC_SUB, r, ts.t[i]);
    }
  if (mpq_sgn (c) != 0 || !r)
    {
      ic_node *k = ic_node_num_q (c);
      if (!r) r = k;
      else if (mpq_sgn (c) > 0) r = ic_node_new (IC_ADD, r, k);
      else { mpq_neg (k->q, k->q); r = ic_node_new (IC_SUB, r, k); }
    }
  mpq_clear (c);
  free (ts.t);
  free (ts.sg);
  return r;
}

/* The rational coefficient c and the core x of a summand t = c * x
 * (c * x, x * c, x / c, nested); c = 1, x = t when t has no rational
 * factor at its top.  x is borrowed from t. */
static const ic_node *split_coef (const ic_node *t, mpq_t c)
{
  if (t->op == IC_MUL && is_num (t->a)) { const ic_node *x = split_coef (t->b, c); mpq_mul (c, c, t->a->q); return x; }
  if (t->op == IC_MUL && is_num (t->b)) { const ic_node *x = split_coef (t->a, c); mpq_mul (c, c, t->b->q); return x; }
  if (t->op == IC_DIV && is_num (t->b) && mpq_sgn (t->b->q) != 0)
    { const ic_node *x = split_coef (t->a, c); mpq_div (c, c, t->b->q); return x; }
  if (t->op == IC_NEG) { const ic_node *x = split_coef (t->a, c); mpq_neg (c, c); return x; }
  mpq_set_ui (c, 1, 1);
  return t;
}

ic_node *ic_symb_collect (ic_node *e)
{
  if (e->op != IC_ADD && e->op != IC_SUB) return e;
  ic_node *orig = ic_node_copy (e);
  terms ts = { 0 };
  flatten (&ts, e, 1);
  int n = ts.n, merged = 0;
  mpq_t *c = malloc (sizeof *c * (size_t) (n ? n : 1));
  const ic_node **x = malloc (sizeof *x * (size_t) (n ? n : 1));
  int *group = malloc (sizeof *group * (size_t) (n ? n : 1));
  ic_node *r = NULL;
  if (!c || !x || !group || !ts.t) goto out;
  for (int i = 0; i < n; i++)
    {
      mpq_init (c[i]);
      x[i] = split_coef (ts.t[i], c[i]);
      if (ts.sg[i] < 0) mpq_neg (c[i], c[i]);
      group[i] = i;
      for (int j = 0; j < i; j++)
        if (group[j] == j && ic_node_equal (x[j], x[i])) { group[i] = j; break; }
    }
  /* sum the coefficients of each group; a group whose coefficients cancel
   * keeps its summands as they are (x may be undefined somewhere, and
   * x - x is not 0 there) */
  for (int i = 0; i < n; i++)
    if (group[i] != i)
      {
        merged = 1;
        mpq_add (c[group[i]], c[group[i]], c[i]);
      }
  if (!merged) goto out;
  for (int i = 0; i < n; i++)
    {
      if (group[i] != i) continue;
      int cancel = mpq_sgn (c[i]) == 0;
      for (int j = i; j < n; j++)
        {
          if (group[j] != i || (!cancel && j != i)) continue;
          ic_node *t;
          if (cancel)
            t = ts.sg[j] > 0 ? ic_node_copy (ts.t[j]) : ic_mk_neg (ic_node_copy (ts.t[j]));
          else if (is_num (x[i]))
            {
              /* a numeric core q stands for the summand c q (split_coef
               * returns the number itself with c = 1): the group sums to
               * c q, not c */
              mpq_mul (c[i], c[i], x[i]->q);
              t = ic_node_num_q (c[i]);
            }
          else
            t = ic_mk_mul (ic_node_num_q (c[i]), ic_node_copy (x[i]));
          r = r ? ic_mk_add (r, t) : t;
        }
    }
 out:
  for (int i = 0; i < n; i++) { if (c && x && group) mpq_clear (c[i]); ic_node_free (ts.t[i]); }
  free (c); free (x); free (group);
  free (ts.t); free (ts.sg);
  if (!r) return orig;
  ic_node_free (orig);
  return r;
}

/* c * trig(f x) for a rational c and a positive integer f (x copied). */
static ic_node *mk_multiple (const mpq_t c, ic_op trig, unsigned long f, const ic_node *x)
{
  ic_node *arg = f == 1 ? ic_node_copy (x) : ic_mk_mul (ic_node_num_si ((long) f), ic_node_copy (x));
  return ic_mk_mul (ic_node_num_q (c), ic_node_new (trig, arg, NULL));
}

/* trig(x)^k as a sum of multiple angles (2 <= k <= IC_TRIG_MAXPOW), from
 * (e^{ix} +- e^{-ix})^k by the binomial theorem, pairing j with k - j:
 *   cos^k x = 2^-k [C(k,k/2) (k even) + 2 sum_{j<k/2} C(k,j) cos((k-2j)x)],
 *   sin^k x, k = 2m: (-1)^m 2^-k [(-1)^m C(k,m) + 2 sum_{j<m} (-1)^j C(k,j) cos((k-2j)x)],
 *   sin^k x, k = 2m+1: (-1)^m 2^-k 2 sum_{j<=m} (-1)^j C(k,j) sin((k-2j)x).
 * Exact identities for every real x. */
#define IC_TRIG_MAXPOW 16
static ic_node *trig_power (ic_op trig, unsigned long k, const ic_node *x)
{
  ic_node *r = NULL;
  mpq_t c;
  mpz_t b;
  mpq_init (c);
  mpz_init (b);
  unsigned long m = k / 2;
  int odd = (int) (k & 1);
  for (unsigned long j = 0; j <= m; j++)
    {
      mpz_bin_uiui (b, k, j);
      mpq_set_z (c, b);
      mpq_div_2exp (c, c, k);                       /* C(k,j) 2^-k */
      int middle = !odd && j == m;                  /* the constant term */
      if (!middle) mpq_mul_2exp (c, c, 1);
      if (trig == IC_SIN)
        {
          /* (-1)^m (-1)^j, and the constant term (-1)^m (-1)^m = 1 */
          if (((m + j) & 1) && !middle) mpq_neg (c, c);
        }
      ic_node *t = middle ? ic_node_num_q (c)
                          : mk_multiple (c, odd && trig == IC_SIN ? IC_SIN : IC_COS, k - 2 * j, x);
      r = r ? ic_node_new (IC_ADD, r, t) : t;
    }
  mpz_clear (b);
  mpq_clear (c);
  return r;
}

/* Powers sin(x)^k, cos(x)^k (integer 2 <= k <= IC_TRIG_MAXPOW) as sums of
 * multiple angles, everywhere in a copy of e; *changed is set when one was
 * rewritten. */
static ic_node *reduce_trig_powers (const ic_node *e, int *changed)
{
  if (!e) return NULL;
  if (e->op == IC_POW && (e->a->op == IC_SIN || e->a->op == IC_COS) && e->b->op == IC_NUM
      && mpz_cmp_ui (mpq_denref (e->b->q), 1) == 0 && mpz_cmp_ui (mpq_numref (e->b->q), 2) >= 0
      && mpz_cmp_ui (mpq_numref (e->b->q), IC_TRIG_MAXPOW) <= 0)
    {
      *changed = 1;
      ic_node *x = reduce_trig_powers (e->a->a, changed);
      ic_node *r = trig_power (e->a->op, mpz_get_ui (mpq_numref (e->b->q)), x);
      ic_node_free (x);
      return r;
    }
  ic_node *c = ic_node_new (e->op, reduce_trig_powers (e->a, changed), reduce_trig_powers (e->b, changed));
  c->col = e->col;
  mpq_set (c->q, e->q);
  return c;
}

/* An angle (consumed) affine in n with coefficients in Q + Q pi, rewritten
 * as (s + spi pi) n + (t + tpi pi) with the zero parts left out (n - n
 * becomes 0, so that cos(n - n) is the constant it is); unchanged when it
 * is not of that shape. */
static ic_node *angle_fold (ic_node *x)
{
  mpq_t v[4];
  for (int i = 0; i < 4; i++) mpq_init (v[i]);
  if (ic_symb_affine_pi (x, v[0], v[1], v[2], v[3]))
    {
      ic_node *slope = ic_mk_add (ic_node_num_q (v[0]), ic_mk_mul (ic_node_num_q (v[1]), ic_node_new (IC_PI, NULL, NULL)));
      ic_node *cst = ic_mk_add (ic_node_num_q (v[2]), ic_mk_mul (ic_node_num_q (v[3]), ic_node_new (IC_PI, NULL, NULL)));
      ic_node_free (x);
      x = ic_mk_add (ic_mk_mul (slope, ic_node_new (IC_VAR, NULL, NULL)), cst);
    }
  for (int i = 0; i < 4; i++) mpq_clear (v[i]);
  return x;
}

/* Product to sum for two sines or cosines at the top of a product (e
 * consumed): sin a sin b = (cos(a-b) - cos(a+b))/2, cos a cos b =
 * (cos(a-b) + cos(a+b))/2, sin a cos b = (sin(a+b) + sin(a-b))/2; exact
 * for every real a, b.  *changed is set when it did. */
static ic_node *trig_products (ic_node *e, int *changed, int depth)
{
  if (!e || depth > 64) return e;
  e->a = trig_products (e->a, changed, depth + 1);
  e->b = trig_products (e->b, changed, depth + 1);
  if (e->op != IC_MUL) return e;
  /* rational factors moved out of the way: (x/c) y = (x y)/c, (c x) y =
   * c (x y), x (c y) = c (x y), x (y/c) = (x y)/c (c a nonzero rational;
   * exact, same domain) */
  for (int side = 0; side < 2; side++)
    {
      ic_node *f = side ? e->b : e->a;
      if (f->op == IC_NEG)
        {
          /* (-x) y = -(x y), x (-y) = -(x y) */
          ic_node *x = f->a, *y = side ? e->a : e->b;
          f->a = NULL;
          ic_node_free (f);
          e->a = e->b = NULL;
          ic_node_free (e);
          ic_node *xy = trig_products (side ? ic_node_new (IC_MUL, y, x) : ic_node_new (IC_MUL, x, y), changed, depth + 1);
          return ic_node_new (IC_NEG, xy, NULL);
        }
      int dv = f->op == IC_DIV && is_num (f->b) && mpq_sgn (f->b->q) != 0;
      int ml = f->op == IC_MUL && is_num (f->a), mr = f->op == IC_MUL && is_num (f->b);
      if (!dv && !ml && !mr) continue;
      ic_node *c = dv || mr ? f->b : f->a, *x = dv || mr ? f->a : f->b, *y = side ? e->a : e->b;
      f->a = f->b = NULL;
      ic_node_free (f);
      e->a = e->b = NULL;
      ic_node_free (e);
      ic_node *xy = trig_products (side ? ic_node_new (IC_MUL, y, x) : ic_node_new (IC_MUL, x, y), changed, depth + 1);
      return dv ? ic_node_new (IC_DIV, xy, c) : ic_node_new (IC_MUL, c, xy);
    }
  ic_node *p = e->a, *q = e->b;
  if (!((p->op == IC_SIN || p->op == IC_COS) && (q->op == IC_SIN || q->op == IC_COS))) return e;
  if (!ic_node_has_var (p->a) || !ic_node_has_var (q->a)) return e;
  if (p->op == IC_COS && q->op == IC_SIN) { ic_node *t = p; p = q; q = t; }   /* sin a cos b */
  ic_node *a = p->a, *b = q->a;
  ic_node *sum = angle_fold (ic_node_new (IC_ADD, ic_node_copy (a), ic_node_copy (b)));
  ic_node *dif = angle_fold (ic_node_new (IC_SUB, ic_node_copy (a), ic_node_copy (b)));
  ic_node *r;
  if (p->op == IC_SIN && q->op == IC_SIN)
    r = ic_node_new (IC_SUB, ic_node_new (IC_COS, dif, NULL), ic_node_new (IC_COS, sum, NULL));
  else if (p->op == IC_COS)
    r = ic_node_new (IC_ADD, ic_node_new (IC_COS, dif, NULL), ic_node_new (IC_COS, sum, NULL));
  else
    r = ic_node_new (IC_ADD, ic_node_new (IC_SIN, sum, NULL), ic_node_new (IC_SIN, dif, NULL));
  ic_node_free (e);
  *changed = 1;
  return ic_node_new (IC_DIV, r, ic_node_num_si (2));
}

/* Distributes * and / over the sums at the top of e (consumed): (p + q) b
 * = p b + q b, (p + q)/c = p/c + q/c; *changed is set when it did. */
static ic_node *distribute (ic_node *e, int *changed, int depth)
{
  if (depth > 64) return e;
  if (e->op == IC_ADD || e->op == IC_SUB)
    {
      e->a = distribute (e->a, changed, depth + 1);
      e->b = distribute (e->b, changed, depth + 1);
      return e;
    }
  if (e->op == IC_NEG)
    {
      e->a = distribute (e->a, changed, depth + 1);
      return e;
    }
  if (e->op == IC_MUL || e->op == IC_DIV)
    {
      e->a = distribute (e->a, changed, depth + 1);
      if (e->op == IC_MUL) e->b = distribute (e->b, changed, depth + 1);
      /* a sign in front of a sum comes out first: (-p) b = -(p b), (-p)/c =
       * -(p/c), a (-p) = -(a p) */
      int neg_a = e->a->op == IC_NEG && (e->a->a->op == IC_ADD || e->a->a->op == IC_SUB);
      int neg_b = e->op == IC_MUL && e->b->op == IC_NEG && (e->b->a->op == IC_ADD || e->b->a->op == IC_SUB);
      if (neg_a || neg_b)
        {
          ic_node *ng = neg_a ? e->a : e->b;
          if (neg_a) e->a = ng->a; else e->b = ng->a;
          ng->a = NULL;
          ic_node_free (ng);
          *changed = 1;
          return ic_node_new (IC_NEG, distribute (e, changed, depth + 1), NULL);
        }
      ic_node *sum = NULL, *other = NULL;
      int sum_left = 0;
      if (e->a->op == IC_ADD || e->a->op == IC_SUB) { sum = e->a; other = e->b; sum_left = 1; }
      else if (e->op == IC_MUL && (e->b->op == IC_ADD || e->b->op == IC_SUB)) { sum = e->b; other = e->a; }
      if (!sum) return e;
      *changed = 1;
      ic_op op = e->op;
      ic_node *p = sum->a, *q = sum->b;
      ic_node *o2 = ic_node_copy (other);
      ic_node *l = sum_left ? ic_node_new (op, p, other) : ic_node_new (op, other, p);
      ic_node *r = sum_left ? ic_node_new (op, q, o2) : ic_node_new (op, o2, q);
      ic_node *res = ic_node_new (sum->op, distribute (l, changed, depth + 1), distribute (r, changed, depth + 1));
      sum->a = sum->b = NULL;
      ic_node_free (sum);
      e->a = e->b = NULL;
      ic_node_free (e);
      return res;
    }
  return e;
}

/* 1 if e has a sine or cosine of an argument depending on n, or (-1)^E(n). */
static int has_oscillation (const ic_node *e)
{
  int p;
  if (!e) return 0;
  if ((e->op == IC_SIN || e->op == IC_COS) && ic_node_has_var (e->a)) return 1;
  if (ic_node_is_alt_sign (e, &p)) return 1;
  if (e->op == IC_POW && ic_node_has_var (e->b)
      && (ic_node_is_num (e->a, -1) || (e->a->op == IC_NEG && ic_node_is_num (e->a->a, 1))))
    return 1;                               /* (-1)^E(n) */
  return has_oscillation (e->a) || has_oscillation (e->b);
}

/* The number of summands e has once * and / are distributed over every
 * sum (saturated at 2^20): distributing is skipped when it passes
 * IC_EXPAND_MAX (heuristic: (n+1)(n+2)...(n+40) sin(n) would have 2^40). */
#define IC_EXPAND_MAX 512
static unsigned long summands (const ic_node *e, int depth)
{
  if (!e || depth > 200) return 1UL << 20;
  unsigned long a, b;
  switch (e->op)
    {
    case IC_ADD: case IC_SUB:
      a = summands (e->a, depth + 1); b = summands (e->b, depth + 1);
      return a + b > (1UL << 20) ? 1UL << 20 : a + b;
    case IC_NEG: case IC_DIV:
      return summands (e->a, depth + 1);
    case IC_MUL:
      a = summands (e->a, depth + 1); b = summands (e->b, depth + 1);
      return a > (1UL << 20) / b ? 1UL << 20 : a * b;
    default:
      return 1;
    }
}

ic_node *ic_symb_expand_trig (const ic_node *e)
{
  int changed = 0;
  ic_node *r = reduce_trig_powers (e, &changed);
  if (!changed || summands (r, 0) > IC_EXPAND_MAX) { ic_node_free (r); return NULL; }
  return distribute (r, &changed, 0);
}

ic_node *ic_symb_expand_osc (const ic_node *e)
{
  if (!has_oscillation (e)) return NULL;
  int changed = 0;
  ic_node *r = reduce_trig_powers (e, &changed);
  /* distribute, then turn products of two trig factors into sums, and
   * again (a few rounds: sin(n)^2 cos(n) -> (1/2 - cos(2n)/2) cos(n) ->
   * cos(n)/2 - (cos(n) + cos(3n))/4) */
  for (int round = 0; round < 4; round++)
    {
      int c = 0;
      /* products to sums at most double the summands */
      if (2 * summands (r, 0) > IC_EXPAND_MAX) { ic_node_free (r); return NULL; }
      r = distribute (r, &c, 0);
      r = trig_products (r, &c, 0);
      if (!c) break;
      changed = 1;
    }
  if (r->op == IC_NEG && (r->a->op == IC_ADD || r->a->op == IC_SUB))
    {
      /* -(p + q) = (-1) p + (-1) q: a sum at the top, to split */
      ic_node *in = r->a;
      r->a = NULL;
      ic_node_free (r);
      r = distribute (ic_node_new (IC_MUL, ic_node_num_si (-1), in), &changed, 0);
    }
  if (!changed) { ic_node_free (r); return NULL; }
  return r;
}

/* A copy of e with every (-1)^(n+k) replaced by the constant sg (-1)^k;
 * *count is the number replaced. */
static ic_node *subst_alt (const ic_node *e, int sg, int *count)
{
  if (!e) return NULL;
  int p;
  if (ic_node_is_alt_sign (e, &p)) { (*count)++; return ic_node_num_si (p ? -sg : sg); }
  ic_node *c = ic_node_new (e->op, subst_alt (e->a, sg, count), subst_alt (e->b, sg, count));
  c->col = e->col;
  mpq_set (c->q, e->q);
  return c;
}

/* Folds constant subtrees (e consumed): NUM op NUM, x*1, x/1, x+0, x-0,
 * -NUM; never drops a subtree with n in it (its domain stays). */
static ic_node *fold_safe (ic_node *e)
{
  if (!e) return NULL;
  e->a = fold_safe (e->a);
  e->b = fold_safe (e->b);
  int bin = e->op == IC_ADD || e->op == IC_SUB || e->op == IC_MUL || e->op == IC_DIV;
  if (bin && is_num (e->a) && is_num (e->b) && !(e->op == IC_DIV && mpq_sgn (e->b->q) == 0))
    {
      ic_node *a = e->a, *b = e->b;
      e->a = e->b = NULL;
      ic_op op = e->op;
      ic_node_free (e);
      return fold2 (op, a, b);
    }
  if (e->op == IC_NEG && is_num (e->a))
    {
      ic_node *a = e->a;
      e->a = NULL;
      ic_node_free (e);
      mpq_neg (a->q, a->q);
      return a;
    }
  int keep_a = ((e->op == IC_MUL || e->op == IC_DIV) && ic_node_is_num (e->b, 1))
    || ((e->op == IC_ADD || e->op == IC_SUB) && ic_node_is_num (e->b, 0));
  int keep_b = (e->op == IC_MUL && ic_node_is_num (e->a, 1)) || (e->op == IC_ADD && ic_node_is_num (e->a, 0));
  if (keep_a || keep_b)
    {
      ic_node *r = keep_a ? e->a : e->b;
      if (keep_a) e->a = NULL; else e->b = NULL;
      ic_node_free (e);
      return r;
    }
  return e;
}

ic_node *ic_symb_alt_split (const ic_node *e)
{
  int c1 = 0, c2 = 0;
  ic_node *A1 = subst_alt (e, 1, &c1), *A2 = subst_alt (e, -1, &c2);
  if (c1 == 0)
    {
      ic_node_free (A1); ic_node_free (A2);
      return NULL;
    }
  ic_node *half = ic_node_num_si (1);
  mpq_set_si (half->q, 1, 2);
  A1 = fold_safe (A1);
  A2 = fold_safe (A2);
  ic_node *alpha = ic_node_new (IC_MUL, ic_node_copy (half), ic_node_new (IC_ADD, ic_node_copy (A1), ic_node_copy (A2)));
  ic_node *beta = ic_node_new (IC_MUL, half, ic_node_new (IC_SUB, A1, A2));
  ic_node *sign = ic_node_new (IC_POW, ic_node_num_si (-1), ic_node_new (IC_VAR, NULL, NULL));
  return ic_node_new (IC_ADD, alpha, ic_node_new (IC_MUL, sign, beta));
}

ic_node *ic_symb_minus_one (const ic_node *e)
{
  return ic_symb_simplify (ic_node_new (IC_SUB, ic_node_copy (e), ic_node_num_si (1)));
}

int ic_symb_strip_alt (const ic_node *e, ic_node **h, int *parity)
{
  int p;
  if (ic_node_is_alt_sign (e, &p)) { *h = ic_node_num_si (1); *parity = p; return 1; }
  switch (e->op)
    {
    case IC_NEG:
      if (ic_symb_strip_alt (e->a, h, parity)) { *parity ^= 1; return 1; }
      return 0;
    case IC_MUL:
      if (ic_symb_strip_alt (e->a, h, parity))
        { *h = ic_mk_mul (*h, ic_node_copy (e->b)); return 1; }
      if (ic_symb_strip_alt (e->b, h, parity))
        { *h = ic_mk_mul (ic_node_copy (e->a), *h); return 1; }
      return 0;
    case IC_DIV:
      /* (-1)^m is its own inverse */
      if (ic_symb_strip_alt (e->a, h, parity))
        { *h = ic_mk_div (*h, ic_node_copy (e->b)); return 1; }
      if (ic_symb_strip_alt (e->b, h, parity))
        { *h = ic_mk_div (ic_node_copy (e->a), *h); return 1; }
      return 0;
    default:
      return 0;
    }
}

/* Walks the multiplicative spine (*, /, unary -) of e: counts the sign
 * factors (-1)^(n+k) in *flips, adds their k and the unary minuses into
 * *parity (mod 2), and returns a copy of e with each of them replaced by 1. */
static ic_node *strip_alt_all (const ic_node *e, unsigned *flips, int *parity)
{
  int p;
  if (ic_node_is_alt_sign (e, &p)) { *flips += 1; *parity ^= p; return ic_node_num_si (1); }
  ic_node *a, *b;
  switch (e->op)
    {
    case IC_NEG:
      *parity ^= 1;
      return strip_alt_all (e->a, flips, parity);
    case IC_MUL:
    case IC_DIV:
      a = strip_alt_all (e->a, flips, parity);
      b = strip_alt_all (e->b, flips, parity);
      return e->op == IC_MUL ? ic_mk_mul (a, b) : ic_mk_div (a, b);
    default:
      return ic_node_copy (e);
    }
}

ic_node *ic_symb_merge_alt (ic_node *e)
{
  if (!e) return e;
  unsigned flips = 0;
  int parity = 0;
  ic_node *h = strip_alt_all (e, &flips, &parity);
  if (!h || flips < 2) { ic_node_free (h); return e; }
  ic_node_free (e);
  if (flips % 2)
    h = ic_mk_mul (ic_mk_pow (ic_node_num_si (-1), ic_node_new (IC_VAR, NULL, NULL)), h);
  return parity ? ic_mk_neg (h) : h;
}

int ic_symb_affine (const ic_node *e, mpq_t s, mpq_t t)
{
  mpq_t s2, t2;
  int ok = 0;
  switch (e->op)
    {
    case IC_NUM: mpq_set_ui (s, 0, 1); mpq_set (t, e->q); return 1;
    case IC_VAR: mpq_set_ui (s, 1, 1); mpq_set_ui (t, 0, 1); return 1;
    case IC_NEG:
      if (!ic_symb_affine (e->a, s, t)) return 0;
      mpq_neg (s, s); mpq_neg (t, t);
      return 1;
    case IC_ADD: case IC_SUB: case IC_MUL: case IC_DIV:
      break;
    case IC_POW:
      /* c^k for constants c rational and k an integer (10^-9): exact, with
       * the size of the result bounded (at most 2^20 bits) */
      mpq_inits (s2, t2, NULL);
      if (ic_symb_affine (e->a, s, t) && mpq_sgn (s) == 0 && ic_symb_affine (e->b, s2, t2)
          && mpq_sgn (s2) == 0 && mpz_cmp_ui (mpq_denref (t2), 1) == 0
          && mpz_cmpabs_ui (mpq_numref (t2), 1UL << 20) <= 0
          && (mpq_sgn (t) != 0 || mpq_sgn (t2) > 0))
        {
          long k = mpz_get_si (mpq_numref (t2));
          unsigned long ak = k < 0 ? (unsigned long) -k : (unsigned long) k;
          size_t bits = mpz_sizeinbase (mpq_numref (t), 2) + mpz_sizeinbase (mpq_denref (t), 2);
          if (ak == 0 || bits <= (1UL << 20) / ak)
            {
              mpz_pow_ui (mpq_numref (t), mpq_numref (t), ak);
              mpz_pow_ui (mpq_denref (t), mpq_denref (t), ak);
              if (k < 0) mpq_inv (t, t);     /* t != 0 here; mpq_inv normalises the sign */
              ok = 1;
            }
        }
      mpq_clears (s2, t2, NULL);
      return ok;
    default:
      return 0;
    }
  mpq_inits (s2, t2, NULL);
  if (ic_symb_affine (e->a, s, t) && ic_symb_affine (e->b, s2, t2))
    {
      ok = 1;
      if (e->op == IC_ADD) { mpq_add (s, s, s2); mpq_add (t, t, t2); }
      else if (e->op == IC_SUB) { mpq_sub (s, s, s2); mpq_sub (t, t, t2); }
      else if (e->op == IC_MUL)
        {
          if (mpq_sgn (s) == 0) { mpq_mul (s, t, s2); mpq_mul (t, t, t2); }
          else if (mpq_sgn (s2) == 0) { mpq_mul (s, s, t2); mpq_mul (t, t, t2); }
          else ok = 0;
        }
      else
        {
          if (mpq_sgn (s2) == 0 && mpq_sgn (t2) != 0) { mpq_div (s, s, t2); mpq_div (t, t, t2); }
          else ok = 0;
        }
    }
  mpq_clears (s2, t2, NULL);
  return ok;
}

/* Collects the shift: every subterm that depends on n is either n + c
 * (affine with slope exactly 1; replaced by n in *g) or is recursed into.
 * *have records whether a shift was seen; all must be equal. */
static int unshift_rec (const ic_node *e, mpq_t c, int *have, ic_node **g)
{
  *g = NULL;
  if (!ic_node_has_var (e))
    {
      *g = ic_node_copy (e);
      return 1;
    }
  mpq_t s, t;
  mpq_inits (s, t, NULL);
  int ok = 1;
  if (ic_symb_affine (e, s, t) && mpq_sgn (s) != 0)
    {
      /* s n + t = s (n + t/s): the occurrence is s y at y = n + c, c = t/s */
      mpq_div (t, t, s);
      if (*have && !mpq_equal (c, t)) ok = 0;
      else
        {
          mpq_set (c, t);
          *have = 1;
          *g = ic_node_new (IC_VAR, NULL, NULL);
          if (mpq_cmp_ui (s, 1, 1) != 0) *g = ic_mk_mul (ic_node_num_q (s), *g);
        }
    }
  else if (e->op == IC_VAR)
    ok = 0;                                 /* unreachable: n is affine */
  else
    {
      ic_node *ga = NULL, *gb = NULL;
      ok = (!e->a || unshift_rec (e->a, c, have, &ga)) && (!e->b || unshift_rec (e->b, c, have, &gb));
      if (ok)
        {
          *g = ic_node_new (e->op, ga, gb);
          mpq_set ((*g)->q, e->q);
          (*g)->col = e->col;
        }
      else { ic_node_free (ga); ic_node_free (gb); }
    }
  mpq_clears (s, t, NULL);
  return ok;
}

ic_node *ic_symb_unshift (const ic_node *e, mpq_t c)
{
  int have = 0;
  ic_node *g = NULL;
  mpq_set_ui (c, 0, 1);
  if (!unshift_rec (e, c, &have, &g) || !have || mpq_sgn (c) == 0)
    {
      ic_node_free (g);
      mpq_set_ui (c, 0, 1);
      return NULL;
    }
  return g;
}

/* ---- n -> n^k ------------------------------------------------------------ */

static unsigned long gcd_ul (unsigned long a, unsigned long b)
{
  while (b) { unsigned long t = a % b; a = b; b = t; }
  return a;
}

/* lcm of the root orders of n-dependent subterms into *k (capped: 0 when
 * it passes cap). */
static void root_lcm (const ic_node *e, unsigned long *k, unsigned long cap)
{
  if (!e || !*k) return;
  unsigned long m = 1;
  if (e->op == IC_SQRT && ic_node_has_var (e->a)) m = 2;
  else if (e->op == IC_POW && ic_node_has_var (e->a) && e->b->op == IC_NUM
           && mpz_fits_ulong_p (mpq_denref (e->b->q)))
    m = mpz_get_ui (mpq_denref (e->b->q));
  else if (e->op == IC_POW && ic_node_has_var (e->a) && e->b->op == IC_NEG && e->b->a->op == IC_NUM
           && mpz_fits_ulong_p (mpq_denref (e->b->a->q)))
    m = mpz_get_ui (mpq_denref (e->b->a->q));
  if (m > 1)
    {
      unsigned long g = gcd_ul (*k, m), l = *k / g;
      if (l > cap / m) { *k = 0; return; }
      *k = l * m;
    }
  root_lcm (e->a, k, cap);
  root_lcm (e->b, k, cap);
}

/* A copy of e with a copy of r in place of each n. */
static ic_node *subst_var (const ic_node *e, const ic_node *r)
{
  if (!e) return NULL;
  if (e->op == IC_VAR) return ic_node_copy (r);
  ic_node *c = ic_node_new (e->op, subst_var (e->a, r), subst_var (e->b, r));
  c->col = e->col;
  mpq_set (c->q, e->q);
  return c;
}

static ic_node *subst_pow (const ic_node *e, unsigned long k)
{
  ic_node *r = ic_node_new (IC_POW, ic_node_new (IC_VAR, NULL, NULL), ic_node_num_si ((long) k));
  ic_node *c = subst_var (e, r);
  ic_node_free (r);
  return c;
}

ic_node *ic_symb_subst_affine (const ic_node *e, long s, long t)
{
  ic_node *r = ic_node_new (IC_VAR, NULL, NULL);
  if (s != 1) r = ic_node_new (IC_MUL, ic_node_num_si (s), r);
  if (t != 0) r = ic_node_new (IC_ADD, r, ic_node_num_si (t));
  ic_node *c = subst_var (e, r);
  ic_node_free (r);
  return c;
}

ic_node *ic_symb_subst_root_power (const ic_node *e, unsigned long *k)
{
  *k = 1;
  root_lcm (e, k, 12);
  if (*k <= 1) { *k = 1; return NULL; }
  return subst_pow (e, *k);
}

/* ---- affine in n with coefficients in Q + Q pi ----------------------------- */

/* e = (s + spi pi) n + (t + tpi pi); v[0..3] = s, spi, t, tpi. */
static int affine_pi_rec (const ic_node *e, mpq_t *v, int depth)
{
  if (depth > 64) return 0;
  mpq_t w[4];
  int ok = 0;
  switch (e->op)
    {
    case IC_NUM:
      for (int i = 0; i < 4; i++) mpq_set_ui (v[i], 0, 1);
      mpq_set (v[2], e->q);
      return 1;
    case IC_VAR:
      for (int i = 0; i < 4; i++) mpq_set_ui (v[i], 0, 1);
      mpq_set_ui (v[0], 1, 1);
      return 1;
    case IC_PI:
      for (int i = 0; i < 4; i++) mpq_set_ui (v[i], 0, 1);
      mpq_set_ui (v[3], 1, 1);
      return 1;
    case IC_NEG:
      if (!affine_pi_rec (e->a, v, depth + 1)) return 0;
      for (int i = 0; i < 4; i++) mpq_neg (v[i], v[i]);
      return 1;
    case IC_ADD: case IC_SUB: case IC_MUL: case IC_DIV:
      break;
    default:
      {
        /* a constant power c^k and the like: through the rational rule */
        mpq_t s, t;
        mpq_inits (s, t, NULL);
        ok = ic_symb_affine (e, s, t);
        if (ok)
          {
            for (int i = 0; i < 4; i++) mpq_set_ui (v[i], 0, 1);
            mpq_set (v[0], s);
            mpq_set (v[2], t);
          }
        mpq_clears (s, t, NULL);
        return ok;
      }
    }
  for (int i = 0; i < 4; i++) mpq_init (w[i]);
  if (affine_pi_rec (e->a, v, depth + 1) && affine_pi_rec (e->b, w, depth + 1))
    {
      ok = 1;
      if (e->op == IC_ADD) for (int i = 0; i < 4; i++) mpq_add (v[i], v[i], w[i]);
      else if (e->op == IC_SUB) for (int i = 0; i < 4; i++) mpq_sub (v[i], v[i], w[i]);
      else
        {
          /* x * y or x / y: y (or x for *) must be a constant c + cpi pi,
           * and the product may not reach pi^2 */
          int b_const = mpq_sgn (w[0]) == 0 && mpq_sgn (w[1]) == 0;
          int a_const = mpq_sgn (v[0]) == 0 && mpq_sgn (v[1]) == 0;
          if (e->op == IC_DIV)
            {
              /* divide by a nonzero rational only */
              if (b_const && mpq_sgn (w[3]) == 0 && mpq_sgn (w[2]) != 0)
                for (int i = 0; i < 4; i++) mpq_div (v[i], v[i], w[2]);
              else ok = 0;
            }
          else if (b_const || a_const)
            {
              mpq_t *x = b_const ? v : w, *c = b_const ? w : v;   /* x * (c2 + c3 pi) */
              mpq_t r[4], tmp;
              mpq_init (tmp);
              for (int i = 0; i < 4; i++) mpq_init (r[i]);
              /* (x0 + x1 pi) (c2 + c3 pi): pi^2 term x1 c3 must vanish */
              if ((mpq_sgn (x[1]) != 0 || mpq_sgn (x[3]) != 0) && mpq_sgn (c[3]) != 0) ok = 0;
              else
                for (int j = 0; j < 4; j += 2)
                  {
                    mpq_mul (r[j], x[j], c[2]);
                    mpq_mul (r[j + 1], x[j + 1], c[2]);
                    mpq_mul (tmp, x[j], c[3]);
                    mpq_add (r[j + 1], r[j + 1], tmp);
                  }
              if (ok) for (int i = 0; i < 4; i++) mpq_set (v[i], r[i]);
              for (int i = 0; i < 4; i++) mpq_clear (r[i]);
              mpq_clear (tmp);
            }
          else ok = 0;
        }
    }
  for (int i = 0; i < 4; i++) mpq_clear (w[i]);
  return ok;
}

int ic_symb_affine_pi (const ic_node *e, mpq_t s, mpq_t spi, mpq_t t, mpq_t tpi)
{
  mpq_t v[4];
  for (int i = 0; i < 4; i++) mpq_init (v[i]);
  int ok = affine_pi_rec (e, v, 0);
  if (ok) { mpq_set (s, v[0]); mpq_set (spi, v[1]); mpq_set (t, v[2]); mpq_set (tpi, v[3]); }
  for (int i = 0; i < 4; i++) mpq_clear (v[i]);
  return ok;
}

/* ---- |trig| >= trig^2 ------------------------------------------------------ */

/* A copy of e with abs pushed through products, quotients and signs:
 * |A B| = |A| |B|, |A / B| = |A| / |B|, |-A| = |A| (exact, same domain),
 * and dropped around subterms nonnegative for n >= 1 (equal there). */
static ic_node *abs_inward (const ic_node *e, int depth)
{
  if (!e) return NULL;
  if (e->op == IC_ABS && depth < 64)
    {
      const ic_node *x = e->a;
      /* |x| = x for x >= 0 at every n >= 1: n, sqrt(.), exp(.), log(n),
       * factorial(.), nonnegative rationals, n^c */
      if (x->op == IC_VAR || x->op == IC_SQRT || x->op == IC_EXP || x->op == IC_FACT
          || (x->op == IC_LOG && x->a->op == IC_VAR) || (x->op == IC_NUM && mpq_sgn (x->q) >= 0)
          || (x->op == IC_POW && x->a->op == IC_VAR && !ic_node_has_var (x->b)))
        return abs_inward (x, depth + 1);
      if (x->op == IC_NEG) { ic_node *t = ic_node_new (IC_ABS, ic_node_copy (x->a), NULL); ic_node *r = abs_inward (t, depth + 1); ic_node_free (t); return r; }
      if (x->op == IC_MUL || x->op == IC_DIV)
        {
          ic_node *t = ic_node_new (x->op, ic_node_new (IC_ABS, ic_node_copy (x->a), NULL),
                                    ic_node_new (IC_ABS, ic_node_copy (x->b), NULL));
          ic_node *r = abs_inward (t, depth + 1);
          ic_node_free (t);
          return r;
        }
    }
  ic_node *c = ic_node_new (e->op, abs_inward (e->a, depth + 1), abs_inward (e->b, depth + 1));
  c->col = e->col;
  mpq_set (c->q, e->q);
  return c;
}

/* 1 if f is |T|, |T|^p (a constant rational 0 < p <= 16) or sqrt(|T|)
 * with T a sine or cosine of an argument depending on n; *t = T, *k = the
 * even integer 2 ceil(p/2) >= p (so |T|^p >= T^k, as |T| <= 1). */
static int abs_trig_factor (const ic_node *f, const ic_node **t, long *k)
{
  const ic_node *a = NULL;
  mpq_t s, p;
  mpq_inits (s, p, NULL);
  mpq_set_ui (p, 1, 1);
  if (f->op == IC_ABS) a = f->a;
  else if (f->op == IC_SQRT && f->a->op == IC_ABS) a = f->a->a;
  else if (f->op == IC_POW && f->a->op == IC_ABS && ic_symb_affine (f->b, s, p) && mpq_sgn (s) == 0
           && mpq_sgn (p) > 0 && mpq_cmp_ui (p, 16, 1) <= 0)
    a = f->a->a;                            /* a constant exponent 0 < p <= 16 */
  if (a)
    {
      /* k = 2 ceil(p/2) */
      mpz_t c;
      mpz_init (c);
      mpq_div_2exp (p, p, 1);
      mpz_cdiv_q (c, mpq_numref (p), mpq_denref (p));
      *k = 2 * mpz_get_si (c);
      mpz_clear (c);
    }
  mpq_clears (s, p, NULL);
  if (!a || (a->op != IC_SIN && a->op != IC_COS) || !ic_node_has_var (a->a)) return 0;
  *t = a;
  return 1;
}

/* The first such factor of the multiplicative spine (*, numerator of /, -). */
static const ic_node *find_abs_trig (const ic_node *e, const ic_node **t, long *k)
{
  if (abs_trig_factor (e, t, k)) return e;
  const ic_node *r = NULL;
  switch (e->op)
    {
    case IC_MUL: r = find_abs_trig (e->a, t, k); return r ? r : find_abs_trig (e->b, t, k);
    case IC_DIV: case IC_NEG: return find_abs_trig (e->a, t, k);
    default: return NULL;
    }
}

/* A copy of e with the node target (by address) replaced by rep (consumed). */
static ic_node *replace_node (const ic_node *e, const ic_node *target, ic_node **rep)
{
  if (!e) return NULL;
  if (e == target) { ic_node *r = *rep; *rep = NULL; return r; }
  ic_node *c = ic_node_new (e->op, replace_node (e->a, target, rep), replace_node (e->b, target, rep));
  c->col = e->col;
  mpq_set (c->q, e->q);
  return c;
}

ic_node *ic_symb_abs_trig_square (const ic_node *e, ic_node **h)
{
  *h = NULL;
  ic_node *w = abs_inward (e, 0);
  const ic_node *t = NULL;
  long k = 2;
  const ic_node *f = find_abs_trig (w, &t, &k);
  if (!f) { ic_node_free (w); return NULL; }
  ic_node *sq = ic_node_new (IC_POW, ic_node_copy (t), ic_node_num_si (k));
  ic_node *one = ic_node_num_si (1);
  ic_node *b = replace_node (w, f, &sq);
  *h = replace_node (w, f, &one);
  ic_node_free (sq); ic_node_free (one);
  ic_node_free (w);
  return b;
}
