/* lscale.c — expansions on the logarithmic scale (see lscale.h).
 *
 * Semantics.  An expansion g = sum_i c_i(x) m_i(x) on [N, inf) states that
 * f(x) = sum_i c_i(x) m_i(x) with c_i(x) in C_i for every real x >= N.
 * Every operation below keeps that statement true:
 *
 *  - sum, product: termwise (C_i + C_j, C_i C_j: interval arithmetic).
 *  - monotone ratios: for a monomial r = x^a L1^b L2^c L3^d,
 *        (log r)' = (1/x) (a + b/L1 + c/(L1 L2) + d/(L1 L2 L3)),
 *    and 1/L1, 1/(L1 L2), 1/(L1 L2 L3) are positive and decreasing on
 *    [16, inf); with j the first nonzero exponent, the bracket is
 *    W_j (e_j + sum_{k>j} e_k / (L_{j+1} ... L_k)), so r is non-increasing
 *    on [N, inf) when e_j + sum_{k>j} max(e_k, 0) / (L_{j+1}...L_k)(N) <= 0
 *    (non-decreasing: with min(e_k, 0), >= 0).  Then r(x) <= r(N).
 *  - unit form: with the top (largest) monomial m0 and coefficient c0
 *    (0 not in C0), f = c0 m0 (1 + u), u = sum_{i>0} (c_i/c0) m_i/m0, and
 *    when each m_i/m0 and m_i/m1 is non-increasing on [N, inf):
 *        |u(x)| <= U = S/|c0|,  S = sum_{i>0} max|C_i| (m_i/m0)(N),
 *        |u(x)| <= W mu(x),     W = sum_{i>0} max|C_i| (m_i/m1)(N) / |c0|,
 *    mu = m1/m0.
 *  - a function phi(1 + u) with |u| <= U < 1 is a_0 + a_1 u + a_2 u^2 +
 *    R, |R| <= B |u|^3 <= B W^3 mu^3 (Taylor, Lagrange remainder):
 *        1/(1+u):     1, -1, 1,       B = 1/(1-U)
 *        log(1+u):    0, 1, -1/2,     B = 1/(3(1-U))
 *        (1+u)^k:     1, k, k(k-1)/2, B = |k(k-1)(k-2)|/6 max((1-U)^(k-3), (1+U)^(k-3))
 *        e^v (|v| <= V, v -> 0): 1, 1, 1/2, B = e^V/6.
 *  - log of the top: log(c0 m0) = log c0 + a L1 + b L2 + c L3 (d = 0).
 *  - log n! = n L1 - n + L1/2 + log(2 pi)/2 + theta/(12 n), theta in (0, 1)
 *    (Robbins, Amer. Math. Monthly 62 (1955)).
 * Anything else (sin, atan, abs, ...) takes the envelope of asym.c, e =
 * F g with F = x^a (log x)^b and g in G: one term with coefficient G. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lscale.h"
#include "symb.h"
#include "eval.h"
#include "buf.h"
#include "kern/verdict.h"

#define LS_MAX 12              /* terms kept; smaller ones fold into remainders */
#define LS_DEPTH 200

typedef struct {
  mpq_t x[4];                  /* exponents of x, L1, L2, L3            */
  ic_ival_t c;                 /* range of the coefficient on [N, inf)  */
  int exact;                   /* c is the rational q                   */
  mpq_t q;
} ls_term;

typedef struct {
  int n, cap;
  ls_term *t;
  mpfr_prec_t p;
} ls_gp;

typedef struct {
  unsigned long N;
  mpfr_prec_t p;
  ic_ival_t L[5];              /* N, log N, L2(N), L3(N), log L3(N)    */
  int depth;
  char *why;
  size_t whylen;
} ls_ctx;

#define LFAIL(...) do { if (!C->why[0]) snprintf (C->why, C->whylen, __VA_ARGS__); return 0; } while (0)

/* ---- terms and expansions ------------------------------------------- */

static void term_init (ls_term *t, mpfr_prec_t p)
{
  for (int k = 0; k < 4; k++) mpq_init (t->x[k]);
  mpq_init (t->q);
  ic_ival_init2 (t->c, p);
  t->exact = 1;
}

static void term_clear (ls_term *t)
{
  for (int k = 0; k < 4; k++) mpq_clear (t->x[k]);
  mpq_clear (t->q);
  ic_ival_clear (t->c);
}

static void term_set (ls_term *d, const ls_term *s)
{
  for (int k = 0; k < 4; k++) mpq_set (d->x[k], s->x[k]);
  mpq_set (d->q, s->q);
  ic_ival_set (d->c, s->c);
  d->exact = s->exact;
}

static void gp_init (ls_gp *g, mpfr_prec_t p) { g->n = 0; g->cap = 0; g->t = NULL; g->p = p; }

static void gp_clear (ls_gp *g)
{
  for (int i = 0; i < g->cap; i++) term_clear (&g->t[i]);
  free (g->t);
  g->t = NULL; g->n = g->cap = 0;
}

/* A new term: monomial 1, coefficient exactly 0. */
static ls_term *gp_push (ls_gp *g)
{
  if (g->n == g->cap)
    {
      int nc = g->cap ? 2 * g->cap : 8;
      ls_term *t = realloc (g->t, (size_t) nc * sizeof *t);
      if (!t) abort ();
      g->t = t;
      for (int i = g->cap; i < nc; i++) term_init (&g->t[i], g->p);
      g->cap = nc;
    }
  ls_term *t = &g->t[g->n++];
  for (int k = 0; k < 4; k++) mpq_set_ui (t->x[k], 0, 1);
  mpq_set_ui (t->q, 0, 1);
  ic_ival_set_si (t->c, 0);
  t->exact = 1;
  return t;
}

static void gp_set (ls_gp *d, const ls_gp *s)
{
  d->n = 0;
  for (int i = 0; i < s->n; i++) term_set (gp_push (d), &s->t[i]);
}

static void term_set_q (ls_term *t, mpq_srcptr q) { mpq_set (t->q, q); ic_ival_set_q (t->c, q); t->exact = 1; }

static void term_set_si (ls_term *t, long num, unsigned long den)
{
  mpq_set_si (t->q, num, den);
  mpq_canonicalize (t->q);
  ic_ival_set_q (t->c, t->q);
  t->exact = 1;
}

static void gp_const_q (ls_gp *g, mpq_srcptr q)
{
  g->n = 0;
  if (mpq_sgn (q)) term_set_q (gp_push (g), q);
}

static void gp_const_si (ls_gp *g, long v)
{
  mpq_t q;
  mpq_init (q);
  mpq_set_si (q, v, 1);
  gp_const_q (g, q);
  mpq_clear (q);
}

static void gp_const_ival (ls_gp *g, ic_ival_srcptr c)
{
  g->n = 0;
  ls_term *t = gp_push (g);
  ic_ival_set (t->c, c);
  t->exact = 0;
}

/* the monomial L_k (k = 0: x) with coefficient 1 */
static void gp_atom (ls_gp *g, int k)
{
  g->n = 0;
  ls_term *t = gp_push (g);
  mpq_set_ui (t->x[k], 1, 1);
  mpq_set_ui (t->q, 1, 1);
  ic_ival_set_si (t->c, 1);
}

static int mono_cmp (const mpq_t *a, const mpq_t *b)
{
  for (int k = 0; k < 4; k++)
    {
      int c = mpq_cmp (a[k], b[k]);
      if (c) return c > 0 ? 1 : -1;
    }
  return 0;
}

static int mono_sgn (const mpq_t *a)          /* +1 grows, 0 constant, -1 decays */
{
  for (int k = 0; k < 4; k++)
    if (mpq_sgn (a[k])) return mpq_sgn (a[k]);
  return 0;
}

static int term_is_zero (const ls_term *t)
{
  return t->exact ? mpq_sgn (t->q) == 0
    : mpfr_zero_p (t->c->lo) && mpfr_zero_p (t->c->hi);
}

/* exchanges two terms (their GMP/MPFR handles move with the struct) */
static void term_swap (ls_term *a, ls_term *b)
{
  ls_term tmp = *a;
  *a = *b;
  *b = tmp;
}

/* sort by decreasing monomial, merge equal monomials, drop zeros */
static void gp_norm (ls_gp *g)
{
  for (int i = 1; i < g->n; i++)
    for (int j = i; j > 0 && mono_cmp (g->t[j].x, g->t[j - 1].x) > 0; j--)
      term_swap (&g->t[j], &g->t[j - 1]);
  int w = 0;
  for (int i = 0; i < g->n; i++)
    {
      if (w > 0 && mono_cmp (g->t[w - 1].x, g->t[i].x) == 0)
        {
          ls_term *d = &g->t[w - 1], *s = &g->t[i];
          if (d->exact && s->exact) { mpq_add (d->q, d->q, s->q); ic_ival_set_q (d->c, d->q); }
          else { ic_ival_add (d->c, d->c, s->c); d->exact = 0; }
          continue;
        }
      if (w != i) term_swap (&g->t[w], &g->t[i]);
      w++;
    }
  g->n = w;
  w = 0;
  for (int i = 0; i < g->n; i++)
    {
      if (term_is_zero (&g->t[i])) continue;
      if (w != i) term_swap (&g->t[w], &g->t[i]);
      w++;
    }
  g->n = w;
}

/* ---- the scale at N ---------------------------------------------------- */

static void ctx_init (ls_ctx *C, unsigned long N, mpfr_prec_t p, char *why, size_t whylen)
{
  C->N = N; C->p = p; C->depth = 0; C->why = why; C->whylen = whylen;
  for (int k = 0; k < 5; k++) ic_ival_init2 (C->L[k], p);
  ic_ival_set_ui (C->L[0], N);
  for (int k = 1; k < 5; k++) ic_ival_log (C->L[k], C->L[k - 1]);   /* L3(N) > 0 for N >= 16 */
}

static void ctx_clear (ls_ctx *C)
{
  for (int k = 0; k < 5; k++) ic_ival_clear (C->L[k]);
}

/* L[1..4] := log x, L2, L3, log L3 at the point with log x = L1 (> e^e... > 1) */
static void scale_from_L1 (ic_ival_t *L, ic_ival_srcptr L1)
{
  ic_ival_set (L[1], L1);
  for (int k = 2; k < 5; k++) ic_ival_log (L[k], L[k - 1]);
}

/* out encloses the monomial at the point with logs L (L[0] unused) */
static void mono_at_L (ic_ival_ptr out, ic_ival_t *L, const mpq_t *x, mpfr_prec_t p)
{
  ic_ival_t s, q;
  ic_ival_init2 (s, p); ic_ival_init2 (q, p);
  ic_ival_set_si (out, 0);
  for (int k = 0; k < 4; k++)
    if (mpq_sgn (x[k]))
      {
        ic_ival_set_q (q, x[k]);
        ic_ival_mul (s, q, L[k + 1]);
        ic_ival_add (out, out, s);
      }
  ic_ival_exp (out, out);
  ic_ival_clear (s); ic_ival_clear (q);
}

/* out encloses the monomial at N */
static void mono_at (ls_ctx *C, ic_ival_ptr out, const mpq_t *x)
{
  mono_at_L (out, C->L, x, C->p);
}

/* 1 if the monomial x is non-increasing (dir < 0) or non-decreasing
 * (dir > 0) on [P, inf), P the point with logs L (rule at the top of the
 * file; needs L3(P) > 0) */
static int mono_monotone_L (ic_ival_t *L, const mpq_t *x, int dir, mpfr_prec_t p)
{
  int j = 0;
  while (j < 4 && !mpq_sgn (x[j])) j++;
  if (j == 4) return 1;
  if (dir < 0 ? mpq_sgn (x[j]) > 0 : mpq_sgn (x[j]) < 0) return 0;
  ic_ival_t s, w, q;
  ic_ival_init2 (s, p); ic_ival_init2 (w, p); ic_ival_init2 (q, p);
  ic_ival_set_q (s, x[j]);
  ic_ival_set_si (w, 1);
  for (int k = j + 1; k < 4; k++)
    {
      ic_ival_div (w, w, L[k]);                     /* 1/(L_{j+1} ... L_k)(P) */
      int sk = mpq_sgn (x[k]);
      if (dir < 0 ? sk > 0 : sk < 0)
        {
          ic_ival_set_q (q, x[k]);
          ic_ival_mul (q, q, w);
          ic_ival_add (s, s, q);
        }
    }
  int ok = dir < 0 ? ic_ival_is_nonpos (s) : ic_ival_is_nonneg (s);
  ic_ival_clear (s); ic_ival_clear (w); ic_ival_clear (q);
  return ok;
}

static int mono_monotone (ls_ctx *C, const mpq_t *x, int dir)
{
  return mono_monotone_L (C->L, x, dir, C->p);
}

/* A bound of the monomial x over [N, inf): dir < 0, *out_bound >= sup
 * (x eventually non-increasing); dir > 0, <= inf (eventually
 * non-decreasing).  Monotone from N: the value at N.  Otherwise from a
 * point P = exp(L1(N) 2^j) on which it is monotone: the value at P and,
 * on [N, P], the monomial evaluated with each log over its range
 * [L_k(N), L_k(P)] (the logs are increasing).  Returns 0 if no such P
 * with j <= 12 is found. */
static int mono_bound (ls_ctx *C, mpfr_ptr out, const mpq_t *x, int dir)
{
  ic_ival_t v;
  ic_ival_init2 (v, C->p);
  int ok = 0;
  if (mono_monotone (C, x, dir))
    {
      mono_at (C, v, x);
      mpfr_set (out, dir < 0 ? v->hi : v->lo, dir < 0 ? MPFR_RNDU : MPFR_RNDD);
      ok = 1;
    }
  else
    {
      ic_ival_t P[5], R[5], L1;
      for (int k = 0; k < 5; k++) { ic_ival_init2 (P[k], C->p); ic_ival_init2 (R[k], C->p); }
      ic_ival_init2 (L1, C->p);
      ic_ival_set (L1, C->L[1]);
      for (int j = 1; j <= 12 && !ok; j++)
        {
          ic_ival_mul_si (L1, L1, 2);
          scale_from_L1 (P, L1);
          if (!mono_monotone_L (P, x, dir, C->p)) continue;
          for (int k = 1; k < 5; k++) ic_ival_hull (R[k], C->L[k], P[k]);
          mono_at_L (v, R, x, C->p);                /* on [N, P] */
          ic_ival_t w;
          ic_ival_init2 (w, C->p);
          mono_at_L (w, P, x, C->p);                /* at P: then monotone */
          ic_ival_hull (v, v, w);
          ic_ival_clear (w);
          mpfr_set (out, dir < 0 ? v->hi : v->lo, dir < 0 ? MPFR_RNDU : MPFR_RNDD);
          ok = 1;
        }
      for (int k = 0; k < 5; k++) { ic_ival_clear (P[k]); ic_ival_clear (R[k]); }
      ic_ival_clear (L1);
    }
  ic_ival_clear (v);
  return ok;
}

static void mono_sub (mpq_t *r, const mpq_t *a, const mpq_t *b)
{
  for (int k = 0; k < 4; k++) mpq_sub (r[k], a[k], b[k]);
}

static void mono_init (mpq_t *r) { for (int k = 0; k < 4; k++) mpq_init (r[k]); }
static void mono_clear (mpq_t *r) { for (int k = 0; k < 4; k++) mpq_clear (r[k]); }

/* hi := an upper bound of sum_{i >= from} max|C_i| (m_i/m_ref)(N), each
 * ratio proved non-increasing on [N, inf).  Returns 0 if a check fails. */
static int rel_sum_of (ls_ctx *C, mpfr_ptr hi, const ls_gp *g, int from, const mpq_t *ref, int which);
static int rel_sum (ls_ctx *C, mpfr_ptr hi, const ls_gp *g, int from, const mpq_t *ref)
{
  return rel_sum_of (C, hi, g, from, ref, 0);
}

/* the same over the terms with a growing monomial (which > 0), a bounded
 * one (which < 0) or all (which = 0) */
static int rel_sum_of (ls_ctx *C, mpfr_ptr hi, const ls_gp *g, int from, const mpq_t *ref, int which)
{
  mpq_t r[4];
  mono_init (r);
  ic_ival_t v;
  ic_ival_init2 (v, C->p);
  mpfr_t m;
  mpfr_init2 (m, C->p);
  mpfr_set_zero (hi, 1);
  int ok = 1;
  for (int i = from; i < g->n && ok; i++)
    {
      if (which && (mono_sgn (g->t[i].x) > 0) != (which > 0)) continue;
      mono_sub (r, g->t[i].x, ref);
      if (!mono_bound (C, v->hi, r, -1)) { ok = 0; break; }
      ic_ival_mag_upper (m, g->t[i].c);
      mpfr_mul (m, m, v->hi, MPFR_RNDU);
      mpfr_add (hi, hi, m, MPFR_RNDU);
    }
  mpfr_clear (m);
  ic_ival_clear (v);
  mono_clear (r);
  return ok;
}

/* keep at most LS_MAX terms: the smallest folds into the one above it */
static int gp_trunc (ls_ctx *C, ls_gp *g)
{
  mpq_t r[4];
  mono_init (r);
  ic_ival_t v, b;
  ic_ival_init2 (v, C->p); ic_ival_init2 (b, C->p);
  int ok = 1;
  while (g->n > LS_MAX && ok)
    {
      ls_term *lo = &g->t[g->n - 1], *up = &g->t[g->n - 2];
      mono_sub (r, lo->x, up->x);
      if (!mono_bound (C, v->hi, r, -1)) { ok = 0; break; }
      mpfr_set_zero (v->lo, 1);
      ic_ival_abs (b, lo->c);
      ic_ival_mul (b, b, v);
      mpfr_neg (b->lo, b->hi, MPFR_RNDD);
      ic_ival_add (up->c, up->c, b);
      up->exact = 0;
      g->n--;
    }
  ic_ival_clear (v); ic_ival_clear (b);
  mono_clear (r);
  if (!ok) LFAIL ("too many terms in an expansion");
  return 1;
}

static void gp_add (ls_gp *r, const ls_gp *a, const ls_gp *b, int sg)
{
  ls_gp s;
  gp_init (&s, r->p);
  gp_set (&s, a);
  for (int i = 0; i < b->n; i++)
    {
      ls_term *t = gp_push (&s);
      term_set (t, &b->t[i]);
      if (sg < 0) { mpq_neg (t->q, t->q); ic_ival_neg (t->c, t->c); }
    }
  gp_norm (&s);
  gp_set (r, &s);
  gp_clear (&s);
}

static void gp_neg (ls_gp *g)
{
  for (int i = 0; i < g->n; i++) { mpq_neg (g->t[i].q, g->t[i].q); ic_ival_neg (g->t[i].c, g->t[i].c); }
}

static int gp_mul (ls_ctx *C, ls_gp *r, const ls_gp *a, const ls_gp *b)
{
  ls_gp s;
  gp_init (&s, r->p);
  for (int i = 0; i < a->n; i++)
    for (int j = 0; j < b->n; j++)
      {
        ls_term *t = gp_push (&s);
        for (int k = 0; k < 4; k++) mpq_add (t->x[k], a->t[i].x[k], b->t[j].x[k]);
        if (a->t[i].exact && b->t[j].exact) { mpq_mul (t->q, a->t[i].q, b->t[j].q); ic_ival_set_q (t->c, t->q); }
        else { ic_ival_mul (t->c, a->t[i].c, b->t[j].c); t->exact = 0; }
      }
  gp_norm (&s);
  int ok = gp_trunc (C, &s);
  if (ok) gp_set (r, &s);
  gp_clear (&s);
  return ok;
}

/* ---- series of the unit form ------------------------------------------ */

/* f = c0 m0 (1 + u): fills u (an expansion), U >= sup |u|, W with
 * |u| <= W mu, mu = m1/m0 (exponents in mu).  0 if C0 contains 0 or a
 * ratio is not provably monotone. */
static int unit_form (ls_ctx *C, const ls_gp *f, ls_gp *u, mpfr_ptr U, mpfr_ptr W, mpq_t *mu)
{
  const ls_term *t0 = &f->t[0];
  if (!ic_ival_is_pos (t0->c) && !ic_ival_is_neg (t0->c)) LFAIL ("an expansion whose leading coefficient may be 0");
  mpfr_t c;
  mpfr_init2 (c, C->p);
  ic_ival_mag_lower (c, t0->c);
  int ok = rel_sum (C, U, f, 1, t0->x);
  if (ok && f->n > 1) ok = rel_sum (C, W, f, 1, f->t[1].x);
  if (!ok) { mpfr_clear (c); LFAIL ("cannot prove a ratio of monomials monotone from n = %lu", C->N); }
  if (f->n == 1) mpfr_set_zero (W, 1);
  mpfr_div (U, U, c, MPFR_RNDU);
  mpfr_div (W, W, c, MPFR_RNDU);
  mpfr_clear (c);
  u->n = 0;
  for (int i = 1; i < f->n; i++)
    {
      ls_term *t = gp_push (u);
      mono_sub (t->x, f->t[i].x, t0->x);
      if (f->t[i].exact && t0->exact) { mpq_div (t->q, f->t[i].q, t0->q); ic_ival_set_q (t->c, t->q); }
      else { ic_ival_div (t->c, f->t[i].c, t0->c); t->exact = 0; }
    }
  if (f->n > 1) mono_sub (mu, f->t[1].x, t0->x);
  else for (int k = 0; k < 4; k++) mpq_set_ui (mu[k], 0, 1);
  return 1;
}

/* r := a0 + a1 u + a2 u^2 + R, |R| <= B W^3 mu^3 (B upper bound) */
static int gp_series (ls_ctx *C, ls_gp *r, const ls_gp *u, mpq_srcptr a0, mpq_srcptr a1, mpq_srcptr a2,
                      mpfr_srcptr B, mpfr_srcptr W, const mpq_t *mu)
{
  ls_gp acc, u2, t;
  gp_init (&acc, C->p); gp_init (&u2, C->p); gp_init (&t, C->p);
  int ok = 1;
  gp_const_q (&acc, a0);
  if (u->n)
    {
      ls_gp k;
      gp_init (&k, C->p);
      gp_const_q (&k, a1);
      ok = gp_mul (C, &t, u, &k);
      if (ok) gp_add (&acc, &acc, &t, 1);
      if (ok) ok = gp_mul (C, &u2, u, u);
      gp_const_q (&k, a2);
      if (ok) ok = gp_mul (C, &t, &u2, &k);
      if (ok) gp_add (&acc, &acc, &t, 1);
      gp_clear (&k);
      if (ok)
        {
          ls_term *R = gp_push (&acc);
          for (int j = 0; j < 4; j++)
            {
              mpq_add (R->x[j], mu[j], mu[j]);
              mpq_add (R->x[j], R->x[j], mu[j]);            /* mu^3 */
            }
          mpfr_t b;
          mpfr_init2 (b, C->p);
          mpfr_pow_ui (b, W, 3, MPFR_RNDU);
          mpfr_mul (b, b, B, MPFR_RNDU);
          mpfr_set (R->c->hi, b, MPFR_RNDU);
          mpfr_neg (R->c->lo, b, MPFR_RNDD);
          R->exact = 0;
          mpfr_clear (b);
          gp_norm (&acc);
          ok = gp_trunc (C, &acc);
        }
    }
  if (ok) gp_set (r, &acc);
  gp_clear (&acc); gp_clear (&u2); gp_clear (&t);
  return ok;
}

/* the single term c0 m0^k as an expansion (k rational; c0^k enclosed) */
static int top_pow (ls_ctx *C, ls_gp *r, const ls_term *t0, mpq_srcptr k)
{
  r->n = 0;
  ls_term *t = gp_push (r);
  for (int j = 0; j < 4; j++) mpq_mul (t->x[j], t0->x[j], k);
  int kint = mpz_cmp_ui (mpq_denref (k), 1) == 0 && mpz_fits_slong_p (mpq_numref (k));
  if (kint)
    {
      long e = mpz_get_si (mpq_numref (k));
      if (t0->exact && labs (e) <= 64)
        {
          mpz_t nu, de;
          mpz_inits (nu, de, NULL);
          mpz_pow_ui (nu, mpq_numref (t0->q), (unsigned long) labs (e));
          mpz_pow_ui (de, mpq_denref (t0->q), (unsigned long) labs (e));
          if (e < 0) mpz_swap (nu, de);
          if (mpz_sgn (de) < 0) { mpz_neg (nu, nu); mpz_neg (de, de); }
          mpq_set_num (t->q, nu);
          mpq_set_den (t->q, de);
          mpq_canonicalize (t->q);
          ic_ival_set_q (t->c, t->q);
          mpz_clears (nu, de, NULL);
          return 1;
        }
      ic_ival_pow_si (t->c, t0->c, e);
      t->exact = 0;
      return 1;
    }
  if (!ic_ival_is_pos (t0->c)) LFAIL ("a non-integer power of an expansion not proved positive");
  if (t0->exact && mpq_cmp_ui (t0->q, 1, 1) == 0) { mpq_set_ui (t->q, 1, 1); ic_ival_set_si (t->c, 1); return 1; }
  ic_ival_t kk;
  ic_ival_init2 (kk, C->p);
  ic_ival_set_q (kk, k);
  ic_ival_pow (t->c, t0->c, kk);
  ic_ival_clear (kk);
  t->exact = 0;
  return 1;
}

/* r := f^k, k rational (f != 0 on [N, inf) proved by U < 1) */
static int gp_powq (ls_ctx *C, ls_gp *r, const ls_gp *f, mpq_srcptr k)
{
  if (f->n == 0)
    {
      if (mpq_sgn (k) > 0) { r->n = 0; return 1; }
      LFAIL ("0 raised to a non-positive power");
    }
  int kint = mpz_cmp_ui (mpq_denref (k), 1) == 0;
  if (kint && mpz_cmp_ui (mpq_numref (k), 1) >= 0 && mpz_cmp_ui (mpq_numref (k), 4) <= 0 && f->n > 1)
    {
      /* small positive integer powers by exact multiplication */
      unsigned long e = mpz_get_ui (mpq_numref (k));
      ls_gp acc;
      gp_init (&acc, C->p);
      gp_set (&acc, f);
      int ok = 1;
      for (unsigned long i = 1; i < e && ok; i++) ok = gp_mul (C, &acc, &acc, f);
      if (ok) gp_set (r, &acc);
      gp_clear (&acc);
      return ok;
    }
  ls_gp u, top, s;
  gp_init (&u, C->p); gp_init (&top, C->p); gp_init (&s, C->p);
  mpfr_t U, W, B, t1, t2;
  mpfr_inits2 (C->p, U, W, B, t1, t2, (mpfr_ptr) 0);
  mpq_t mu[4];
  mono_init (mu);
  int ok = unit_form (C, f, &u, U, W, mu);
  if (ok && !kint && !ic_ival_is_pos (f->t[0].c))
    { ok = 0; if (!C->why[0]) snprintf (C->why, C->whylen, "a non-integer power of an expansion not proved positive"); }
  if (ok && f->n > 1 && mpfr_cmp_ui (U, 1) >= 0) { ok = 0; if (!C->why[0]) snprintf (C->why, C->whylen, "an expansion not dominated by its leading term at n = %lu", C->N); }
  if (ok) ok = top_pow (C, &top, &f->t[0], k);
  if (ok)
    {
      mpq_t a0, a1, a2, q;
      mpq_inits (a0, a1, a2, q, NULL);
      mpq_set_ui (a0, 1, 1);
      mpq_set (a1, k);
      mpq_set_si (q, -1, 1); mpq_add (q, q, k); mpq_mul (a2, k, q); mpq_set_ui (q, 1, 2); mpq_mul (a2, a2, q);
      /* B = |k(k-1)(k-2)|/6 max((1-U)^(k-3), (1+U)^(k-3)) */
      mpq_set_si (q, -2, 1); mpq_add (q, q, k); mpq_mul (q, q, a2); mpq_abs (q, q);
      mpfr_set_q (B, q, MPFR_RNDU);
      mpfr_div_ui (B, B, 3, MPFR_RNDU);
      mpq_set_si (q, -3, 1); mpq_add (q, q, k);
      mpfr_t e;
      mpfr_init2 (e, C->p);
      mpfr_set_q (e, q, mpq_sgn (q) >= 0 ? MPFR_RNDU : MPFR_RNDD);
      mpfr_ui_sub (t1, 1, U, MPFR_RNDD);
      mpfr_add_ui (t2, U, 1, MPFR_RNDU);
      if (mpq_sgn (q) >= 0) mpfr_pow (t2, t2, e, MPFR_RNDU);   /* increasing in the base */
      else mpfr_pow (t2, t1, e, MPFR_RNDU);                   /* decreasing: the small base */
      /* for q >= 0 the max is at 1+U; for q < 0 at 1-U */
      mpfr_mul (B, B, t2, MPFR_RNDU);
      mpfr_clear (e);
      if (u.n) ok = gp_series (C, &s, &u, a0, a1, a2, B, W, mu);
      else gp_const_q (&s, a0);
      if (ok) ok = gp_mul (C, r, &s, &top);
      mpq_clears (a0, a1, a2, q, NULL);
    }
  mono_clear (mu);
  mpfr_clears (U, W, B, t1, t2, (mpfr_ptr) 0);
  gp_clear (&u); gp_clear (&top); gp_clear (&s);
  return ok;
}

static int gp_inv (ls_ctx *C, ls_gp *r, const ls_gp *f)
{
  if (f->n == 0) LFAIL ("division by an expansion that is 0");
  mpq_t k;
  mpq_init (k);
  mpq_set_si (k, -1, 1);
  int ok = gp_powq (C, r, f, k);
  mpq_clear (k);
  return ok;
}

/* r := log f (f > 0 on [N, inf): C0 > 0 and U < 1) */
static int gp_log (ls_ctx *C, ls_gp *r, const ls_gp *f)
{
  if (f->n == 0) LFAIL ("log of an expansion that is 0");
  if (!ic_ival_is_pos (f->t[0].c)) LFAIL ("cannot prove the argument of log positive for large n");
  if (mpq_sgn (f->t[0].x[3])) LFAIL ("log of a power of log log log n");
  ls_gp u, s;
  gp_init (&u, C->p); gp_init (&s, C->p);
  mpfr_t U, W, B;
  mpfr_inits2 (C->p, U, W, B, (mpfr_ptr) 0);
  mpq_t mu[4];
  mono_init (mu);
  int ok = unit_form (C, f, &u, U, W, mu);
  if (ok && f->n > 1 && mpfr_cmp_ui (U, 1) >= 0) { ok = 0; if (!C->why[0]) snprintf (C->why, C->whylen, "an expansion not dominated by its leading term at n = %lu", C->N); }
  if (ok)
    {
      mpq_t a0, a1, a2;
      mpq_inits (a0, a1, a2, NULL);
      mpq_set_ui (a1, 1, 1); mpq_set_si (a2, -1, 2);
      mpfr_ui_sub (B, 1, U, MPFR_RNDD);
      mpfr_mul_ui (B, B, 3, MPFR_RNDD);
      mpfr_ui_div (B, 1, B, MPFR_RNDU);                       /* 1/(3(1-U)) */
      if (u.n) ok = gp_series (C, &s, &u, a0, a1, a2, B, W, mu);
      else s.n = 0;
      mpq_clears (a0, a1, a2, NULL);
    }
  if (ok)
    {
      /* + log c0 + a L1 + b L2 + c L3 */
      const ls_term *t0 = &f->t[0];
      for (int j = 0; j < 3; j++)
        if (mpq_sgn (t0->x[j]))
          {
            ls_term *t = gp_push (&s);
            mpq_set_ui (t->x[j + 1], 1, 1);
            term_set_q (t, t0->x[j]);
          }
      if (!(t0->exact && mpq_cmp_ui (t0->q, 1, 1) == 0))
        {
          ls_term *t = gp_push (&s);
          ic_ival_log (t->c, t0->c);
          t->exact = 0;
        }
      gp_norm (&s);
      ok = gp_trunc (C, &s);
      if (ok) gp_set (r, &s);
    }
  mono_clear (mu);
  mpfr_clears (U, W, B, (mpfr_ptr) 0);
  gp_clear (&u); gp_clear (&s);
  return ok;
}

/* r := exp f, f bounded on [N, inf) (no growing monomial) */
static int gp_exp (ls_ctx *C, ls_gp *r, const ls_gp *f)
{
  ls_gp v, s;
  gp_init (&v, C->p); gp_init (&s, C->p);
  ic_ival_t c0, e0;
  ic_ival_init2 (c0, C->p); ic_ival_init2 (e0, C->p);
  int c0_zero = 1, ok = 1;
  for (int i = 0; i < f->n && ok; i++)
    {
      int sg = mono_sgn (f->t[i].x);
      if (sg > 0) { ok = 0; break; }
      if (sg == 0) { ic_ival_set (c0, f->t[i].c); c0_zero = 0; }
      else term_set (gp_push (&v), &f->t[i]);
    }
  if (!ok)
    {
      ic_ival_clear (c0); ic_ival_clear (e0);
      gp_clear (&v); gp_clear (&s);
      LFAIL ("exp of an unbounded exponent");
    }
  if (v.n)
    {
      /* |v| <= V on [N, inf) (each monomial non-increasing), |v| <= W m_v0 */
      mpfr_t V, W, B, t;
      mpfr_inits2 (C->p, V, W, B, t, (mpfr_ptr) 0);
      mpq_t z[4];
      mono_init (z);
      ok = rel_sum (C, V, &v, 0, z) && rel_sum (C, W, &v, 0, v.t[0].x);
      if (ok)
        {
          mpq_t a0, a1, a2;
          mpq_inits (a0, a1, a2, NULL);
          mpq_set_ui (a0, 1, 1); mpq_set_ui (a1, 1, 1); mpq_set_ui (a2, 1, 2);
          mpfr_exp (B, V, MPFR_RNDU);
          mpfr_div_ui (B, B, 6, MPFR_RNDU);                   /* e^V / 6 */
          ok = gp_series (C, &s, &v, a0, a1, a2, B, W, v.t[0].x);
          mpq_clears (a0, a1, a2, NULL);
        }
      else if (!C->why[0]) snprintf (C->why, C->whylen, "cannot bound the exponent of exp from n = %lu", C->N);
      mono_clear (z);
      mpfr_clears (V, W, B, t, (mpfr_ptr) 0);
    }
  else gp_const_si (&s, 1);
  if (ok && !c0_zero)
    {
      ls_gp k;
      gp_init (&k, C->p);
      ic_ival_exp (e0, c0);
      gp_const_ival (&k, e0);
      ok = gp_mul (C, &s, &s, &k);
      gp_clear (&k);
    }
  if (ok) gp_set (r, &s);
  ic_ival_clear (c0); ic_ival_clear (e0);
  gp_clear (&v); gp_clear (&s);
  return ok;
}

/* r := exp f where f may hold c L1 + d L2 + e L3 with exact c, d, e: those
 * give the monomial n^c L1^d L2^e exactly, the rest goes through gp_exp */
static int gp_exp_scale (ls_ctx *C, ls_gp *r, const ls_gp *f)
{
  ls_gp rest, m;
  gp_init (&rest, C->p); gp_init (&m, C->p);
  ls_term *t = gp_push (&m);
  term_set_si (t, 1, 1);
  for (int i = 0; i < f->n; i++)
    {
      const ls_term *s = &f->t[i];
      int j = -1;
      if (s->exact && !mpq_sgn (s->x[0]))
        for (int k = 1; k < 4; k++)
          if (mpq_cmp_ui (s->x[k], 1, 1) == 0)
            {
              int others = 0;
              for (int l = 0; l < 4; l++) if (l != k && mpq_sgn (s->x[l])) others = 1;
              if (!others) j = k;
            }
      if (j > 0) mpq_add (t->x[j - 1], t->x[j - 1], s->q);   /* e^(q L_j) = L_{j-1}^q */
      else term_set (gp_push (&rest), s);
    }
  int ok = gp_exp (C, &rest, &rest) && gp_mul (C, r, &rest, &m);
  gp_clear (&rest); gp_clear (&m);
  return ok;
}

/* ---- expansions of terms ----------------------------------------------- */

static int ls_value (ls_ctx *C, ls_gp *r, const ic_node *e);
static int ls_logv (ls_ctx *C, ls_gp *r, const ic_node *e);

/* constant exponent as an exact rational, if it is one */
static int const_rational (const ic_node *b, mpq_t k)
{
  if (ic_node_has_var (b)) return 0;
  mpq_t s;
  mpq_init (s);
  int ok = ic_symb_affine (b, s, k) && mpq_sgn (s) == 0;
  mpq_clear (s);
  return ok;
}

/* the envelope of asym.c as one term (no exp(r n), n! or (-1)^n scale) */
static int from_form (ls_ctx *C, ls_gp *r, const ic_node *e)
{
  ic_form f;
  ic_form_init (&f, C->p);
  ic_asym_ctx actx = { .X = C->N, .prec = C->p, .no_lscale = 1 };
  int ok = ic_form_of (&f, e, &actx);
  if (ok && (f.alt || mpq_sgn (f.phi) || !f.lr_zero)) ok = 0;
  if (ok)
    {
      r->n = 0;
      if (!f.zero)
        {
          ls_term *t = gp_push (r);
          mpq_set (t->x[0], f.alpha);
          mpq_set (t->x[1], f.beta);
          ic_ival_set (t->c, f.g);
          t->exact = 0;
        }
    }
  else if (!C->why[0]) snprintf (C->why, C->whylen, "%s", actx.why[0] ? actx.why : "no expansion rule");
  ic_form_clear (&f);
  return ok;
}

static int ls_value (ls_ctx *C, ls_gp *r, const ic_node *e)
{
  if (++C->depth > LS_DEPTH) { C->depth--; LFAIL ("term too deep for the expansion"); }
  int ok = 0;
  ls_gp a, b;
  gp_init (&a, C->p); gp_init (&b, C->p);
  mpq_t k;
  mpq_init (k);
  if (!ic_node_has_var (e))
    {
      if (e->op == IC_NUM) { gp_const_q (r, e->q); ok = 1; }
      else if (const_rational (e, k)) { gp_const_q (r, k); ok = 1; }
      else
        {
          ic_ival_t c;
          ic_ival_init2 (c, C->p);
          ok = ic_eval_const (c, e, C->p);
          if (ok) gp_const_ival (r, c);
          else if (!C->why[0]) snprintf (C->why, C->whylen, "undefined constant");
          ic_ival_clear (c);
        }
      goto done;
    }
  switch (e->op)
    {
    case IC_VAR: gp_atom (r, 0); ok = 1; break;
    case IC_ADD: case IC_SUB:
      ok = ls_value (C, &a, e->a) && ls_value (C, &b, e->b);
      if (ok) gp_add (r, &a, &b, e->op == IC_SUB ? -1 : 1);
      break;
    case IC_NEG:
      ok = ls_value (C, r, e->a);
      if (ok) gp_neg (r);
      break;
    case IC_MUL:
      ok = ls_value (C, &a, e->a) && ls_value (C, &b, e->b) && gp_mul (C, r, &a, &b);
      break;
    case IC_DIV:
      ok = ls_value (C, &a, e->a) && ls_value (C, &b, e->b) && gp_inv (C, &b, &b) && gp_mul (C, r, &a, &b);
      break;
    case IC_SQRT:
      mpq_set_ui (k, 1, 2);
      ok = ls_value (C, &a, e->a) && gp_powq (C, r, &a, k);
      break;
    case IC_POW:
      if (const_rational (e->b, k))
        ok = ls_value (C, &a, e->a) && gp_powq (C, r, &a, k);
      else
        {
          /* a^b = exp(b log a), a > 0 (the log expansion proves it) */
          ok = ls_logv (C, &a, e->a) && ls_value (C, &b, e->b) && gp_mul (C, &a, &a, &b) && gp_exp_scale (C, r, &a);
        }
      break;
    case IC_LOG:
      ok = ls_value (C, &a, e->a) && gp_log (C, r, &a);
      break;
    case IC_EXP:
      ok = ls_value (C, &a, e->a) && gp_exp_scale (C, r, &a);
      break;
    default:
      ok = from_form (C, r, e);
    }
done:
  mpq_clear (k);
  gp_clear (&a); gp_clear (&b);
  C->depth--;
  return ok;
}

/* r := log e, e > 0 for x >= N (proved on the way) */
static int ls_logv (ls_ctx *C, ls_gp *r, const ic_node *e)
{
  if (++C->depth > LS_DEPTH) { C->depth--; LFAIL ("term too deep for the expansion"); }
  int ok = 0;
  ls_gp a, b;
  gp_init (&a, C->p); gp_init (&b, C->p);
  switch (e->op)
    {
    case IC_VAR: gp_atom (r, 1); ok = 1; break;
    case IC_E: gp_const_si (r, 1); ok = 1; break;
    case IC_MUL: case IC_DIV:
      ok = ls_logv (C, &a, e->a) && ls_logv (C, &b, e->b);
      if (ok) gp_add (r, &a, &b, e->op == IC_DIV ? -1 : 1);
      break;
    case IC_SQRT:
      ok = ls_logv (C, &a, e->a);
      if (ok)
        {
          b.n = 0;
          term_set_si (gp_push (&b), 1, 2);
          ok = gp_mul (C, r, &a, &b);
        }
      break;
    case IC_POW:
      /* log a^b = b log a, a > 0 */
      ok = ls_logv (C, &a, e->a) && ls_value (C, &b, e->b) && gp_mul (C, r, &a, &b);
      break;
    case IC_EXP:
      ok = ls_value (C, r, e->a);
      break;
    case IC_FACT:
      if (e->a->op == IC_VAR)
        {
          /* n L1 - n + L1/2 + log(2 pi)/2 + theta/(12 n), theta in (0, 1) */
          r->n = 0;
          ls_term *t = gp_push (r);
          mpq_set_ui (t->x[0], 1, 1); mpq_set_ui (t->x[1], 1, 1); term_set_si (t, 1, 1);
          t = gp_push (r);
          mpq_set_ui (t->x[0], 1, 1); term_set_si (t, -1, 1);
          t = gp_push (r);
          mpq_set_ui (t->x[1], 1, 1); term_set_si (t, 1, 2);
          t = gp_push (r);
          ic_ival_const_pi (t->c); ic_ival_mul_si (t->c, t->c, 2); ic_ival_log (t->c, t->c);
          mpfr_div_2ui (t->c->lo, t->c->lo, 1, MPFR_RNDD); mpfr_div_2ui (t->c->hi, t->c->hi, 1, MPFR_RNDU);
          t->exact = 0;
          t = gp_push (r);
          mpq_set_si (t->x[0], -1, 1);
          ic_ival_set_si (t->c, 1); mpfr_div_ui (t->c->hi, t->c->hi, 12, MPFR_RNDU); mpfr_set_zero (t->c->lo, 1);
          t->exact = 0;
          gp_norm (r);
          ok = 1;
          break;
        }
      /* fall through */
    default:
      ok = ls_value (C, &a, e) && gp_log (C, r, &a);
    }
  if (!ok && (e->op == IC_MUL || e->op == IC_DIV || e->op == IC_POW || e->op == IC_SQRT))
    {
      /* a factor not positive on its own (a product of two negatives):
       * the log of the value */
      ok = ls_value (C, &a, e) && gp_log (C, r, &a);
    }
  gp_clear (&a); gp_clear (&b);
  C->depth--;
  return ok;
}

/* ---- text --------------------------------------------------------------- */

static void mono_text (ic_buf *b, const mpq_t *x)
{
  static const char *base[4] = { "n", "log(n)", "log(log(n))", "log(log(log(n)))" };
  int any = 0;
  for (int k = 0; k < 4; k++)
    if (mpq_sgn (x[k]))
      {
        if (mpq_cmp_ui (x[k], 1, 1) == 0) ic_buf_printf (b, "%s%s", any ? "*" : "", base[k]);
        else
          {
            char *s = mpq_get_str (NULL, 10, x[k]);
            ic_buf_printf (b, "%s%s^%s%s%s", any ? "*" : "", base[k],
                           mpz_cmp_ui (mpq_denref (x[k]), 1) ? "(" : "", s, mpz_cmp_ui (mpq_denref (x[k]), 1) ? ")" : "");
            free (s);
          }
        any = 1;
      }
  if (!any) ic_buf_printf (b, "1");
}

static void gp_text (ic_buf *b, const ls_gp *g)
{
  if (!g->n) { ic_buf_printf (b, "0"); return; }
  for (int i = 0; i < g->n && i < 6; i++)
    {
      const ls_term *t = &g->t[i];
      int unit = mpq_sgn (t->x[0]) || mpq_sgn (t->x[1]) || mpq_sgn (t->x[2]) || mpq_sgn (t->x[3]);
      if (t->exact)
        {
          int neg = mpq_sgn (t->q) < 0;
          ic_buf_printf (b, "%s", i ? (neg ? " - " : " + ") : (neg ? "-" : ""));
          mpq_t a;
          mpq_init (a);
          mpq_abs (a, t->q);
          if (unit && mpq_cmp_ui (a, 1, 1) == 0) { mpq_clear (a); mono_text (b, t->x); continue; }
          char *s = mpq_get_str (NULL, 10, a);
          ic_buf_printf (b, "%s", s);
          free (s);
          mpq_clear (a);
          if (!unit) continue;
        }
      else
        {
          char *lo = ic_fr_to_decimal (t->c->lo, 6, MPFR_RNDD), *hi = ic_fr_to_decimal (t->c->hi, 6, MPFR_RNDU);
          ic_buf_printf (b, "%s[%s, %s]", i ? " + " : "", lo, hi);
          free (lo); free (hi);
          if (!unit) continue;
        }
      ic_buf_printf (b, "*");
      mono_text (b, t->x);
    }
  if (g->n > 6) ic_buf_printf (b, " + (%d smaller terms)", g->n - 6);
}

/* ---- the Bertrand-scale decision ------------------------------------------ */

void ic_lscale_result_init (ic_lscale_result *r)
{
  memset (r, 0, sizeof *r);
  mpq_inits (r->ma, r->mb, NULL);
}

void ic_lscale_result_clear (ic_lscale_result *r)
{
  mpq_clears (r->ma, r->mb, NULL);
}

/* a rational s' with 1 < s' <= s (s a lower bound), capped at 16; 0 if none */
static int rational_below (mpq_t out, mpfr_srcptr s)
{
  mpfr_t t;
  mpfr_init2 (t, mpfr_get_prec (s));
  int ok = 0;
  for (unsigned long den = 16; den <= 65536 && !ok; den *= 16)
    {
      mpfr_mul_ui (t, s, den, MPFR_RNDD);
      if (mpfr_cmp_ui (t, 16 * den) > 0) mpfr_set_ui (t, 16 * den, MPFR_RNDD);
      mpfr_floor (t, t);
      if (mpfr_cmp_ui (t, den) > 0)
        {
          mpz_t z;
          mpz_init (z);
          mpfr_get_z (z, t, MPFR_RNDD);
          mpq_set_z (out, z);
          mpz_set_ui (z, den);
          mpq_set_den (out, z);
          mpq_canonicalize (out);
          mpz_clear (z);
          ok = 1;
        }
    }
  mpfr_clear (t);
  return ok;
}

static double lower_exp (mpfr_srcptr B)      /* a value <= e^-B */
{
  mpfr_t t;
  mpfr_init2 (t, mpfr_get_prec (B));
  mpfr_neg (t, B, MPFR_RNDU);
  mpfr_exp (t, t, MPFR_RNDD);
  double d = mpfr_get_d (t, MPFR_RNDD);
  mpfr_clear (t);
  return d;
}

/* D = log |a| minus the exact Bertrand terms already matched; the levels
 * k = 1, 2, 3 compare D with L_k, level 4 only asks D bounded below. */
static int decide (ls_ctx *C, ls_gp *D, ic_lscale_result *res)
{
  mpfr_t S, B, Khi, Klo, t;
  mpfr_inits2 (C->p, S, B, Khi, Klo, t, (mpfr_ptr) 0);
  mpq_t ek[4], ratio[4];
  mono_init (ek); mono_init (ratio);
  ic_ival_t v;
  ic_ival_init2 (v, C->p);
  int verdict = IC_V_UNKNOWN;
  int k;
  for (k = 1; k <= 4; k++)
    {
      res->level = k;
      for (int j = 0; j < 4; j++) mpq_set_ui (ek[j], j == k ? 1 : 0, 1);
      if (D->n == 0)
        {
          /* D = 0: a = 1/(n L1 ... L_{k-1}) exactly (k >= 2) or 1 */
          verdict = IC_V_DIVERGES;
          res->s = 0;
          if (k == 1) res->lower = 1; else res->decays = 1;
          break;
        }
      const ls_term *top = &D->t[0];
      /* a growing top: D = c m_top + (growing terms, |.| <= S m_top) + b,
       * |b| <= B (the bounded terms); a bounded top: all terms in S */
      int grows = mono_sgn (top->x) > 0;
      mpq_t z[4];
      mono_init (z);
      int rok = rel_sum_of (C, S, D, 1, top->x, grows ? 1 : 0) && (!grows || rel_sum_of (C, B, D, 1, z, -1));
      mono_clear (z);
      if (!grows) mpfr_set_zero (B, 1);
      if (!rok)
        { snprintf (res->why, sizeof res->why, "cannot prove a ratio of monomials monotone from n = %lu", C->N); break; }
      res->logc = mpfr_get_d (B, MPFR_RNDU);
      mpfr_add (Khi, top->c->hi, S, MPFR_RNDU);
      mpfr_sub (Klo, top->c->lo, S, MPFR_RNDD);
      int cmp = k <= 3 ? mono_cmp (top->x, ek) : (mono_sgn (top->x) <= 0 ? -1 : 1);
      if (cmp > 0)
        {
          if (k == 4) { snprintf (res->why, sizeof res->why, "log a(n) + log n + log log n + log log log n grows: beyond the scale"); break; }
          if (mpfr_sgn (Khi) < 0)
            {
              /* D <= Khi m_top <= Khi (m_top/L_k)(N) L_k, the ratio non-decreasing */
              mono_sub (ratio, top->x, ek);
              if (!mono_bound (C, v->lo, ratio, +1) || mpfr_sgn (v->lo) <= 0)
                { snprintf (res->why, sizeof res->why, "cannot prove the leading term dominant from n = %lu", C->N); break; }
              mpfr_neg (t, Khi, MPFR_RNDD);
              mpfr_mul (t, t, v->lo, MPFR_RNDD);
              if (mpfr_cmp_ui (t, 1) > 0) { verdict = IC_V_CONVERGES; res->s = mpfr_get_d (t, MPFR_RNDD); }
              else snprintf (res->why, sizeof res->why, "the leading term is not yet dominant at n = %lu", C->N);
            }
          else if (mpfr_sgn (Klo) > 0)
            {
              /* D >= -B */
              verdict = IC_V_DIVERGES;
              res->s = 0;
              if (k == 1) res->lower = lower_exp (B); else res->decays = 1;
            }
          else snprintf (res->why, sizeof res->why, "the sign of the leading term of log a(n) is not certain");
          break;
        }
      if (cmp == 0)
        {
          if (top->exact && mpq_cmp_si (top->q, -1, 1) == 0)
            {
              /* log a = -L_k + ...: the next level */
              ls_gp rest;
              gp_init (&rest, C->p);
              for (int i = 1; i < D->n; i++) term_set (gp_push (&rest), &D->t[i]);
              gp_set (D, &rest);
              gp_clear (&rest);
              continue;
            }
          if (mpfr_cmp_si (Khi, -1) < 0)
            {
              verdict = IC_V_CONVERGES;
              mpfr_neg (t, Khi, MPFR_RNDD);
              res->s = mpfr_get_d (t, MPFR_RNDD);
            }
          else if (mpfr_cmp_si (Klo, -1) > 0)
            {
              mpfr_neg (t, Klo, MPFR_RNDU);
              res->s = mpfr_get_d (t, MPFR_RNDU);
              if (k >= 2 || mpfr_sgn (Khi) < 0) { verdict = IC_V_DIVERGES; res->decays = 1; }
              else if (mpfr_sgn (Klo) >= 0) { verdict = IC_V_DIVERGES; res->lower = lower_exp (B); }
              else snprintf (res->why, sizeof res->why, "a(n) = n^s(n) with s(n) in [%.6g, %.6g] around 0",
                             mpfr_get_d (Klo, MPFR_RNDD), mpfr_get_d (Khi, MPFR_RNDU));
            }
          else snprintf (res->why, sizeof res->why, "the coefficient of the comparison term is not separated from -1");
          break;
        }
      /* top below L_k: D >= Klo m_top */
      int topb = mono_sgn (top->x) <= 0;
      if (mpfr_sgn (Klo) >= 0) mpfr_set_zero (t, 1);
      else
        {
          if (k <= 3) mono_sub (ratio, top->x, ek);
          else for (int j = 0; j < 4; j++) mpq_set (ratio[j], top->x[j]);
          if (!mono_bound (C, v->hi, ratio, -1))
            { snprintf (res->why, sizeof res->why, "cannot prove the remainder small from n = %lu", C->N); break; }
          mpfr_neg (t, Klo, MPFR_RNDU);
          mpfr_mul (t, t, v->hi, MPFR_RNDU);          /* D >= -t L_k (k <= 3), D >= -t (k = 4) */
          if (k <= 3 && !topb && mpfr_cmp_ui (t, 1) > 0)
            { snprintf (res->why, sizeof res->why, "the remainder is not yet small at n = %lu", C->N); break; }
          if (k <= 3 && topb)
            {
              /* a bounded D: D >= Klo sup m_top = -B, and a(n) >= e^-B times
               * the divergent Bertrand term of level k with s = 0 */
              if (!mono_bound (C, v->hi, top->x, -1))
                { snprintf (res->why, sizeof res->why, "cannot bound the remainder from n = %lu", C->N); break; }
              mpfr_set_zero (t, 1);
            }
        }
      res->s = k <= 3 ? mpfr_get_d (t, MPFR_RNDU) : 1;
      if (k >= 2) { verdict = IC_V_DIVERGES; res->decays = 1; break; }
      /* k = 1: a(n) >= e^-B n^-t; does a tend to 0? */
      if (mpfr_sgn (Klo) >= 0) { verdict = IC_V_DIVERGES; res->lower = lower_exp (B); }
      else if (topb && mono_bound (C, v->hi, top->x, -1))
        {
          mpfr_mul (t, Klo, v->hi, MPFR_RNDD);        /* log a >= Klo sup m_top */
          mpfr_exp (t, t, MPFR_RNDD);
          res->lower = mpfr_get_d (t, MPFR_RNDD);
          if (res->lower > 0) verdict = IC_V_DIVERGES;
        }
      else if (!topb && mpfr_sgn (Khi) < 0) { verdict = IC_V_DIVERGES; res->decays = 1; }
      else snprintf (res->why, sizeof res->why, "cannot tell whether the terms tend to 0");
      break;
    }
  if (verdict == IC_V_CONVERGES && k <= 2)
    {
      mpfr_set_d (t, res->s, MPFR_RNDD);
      if (rational_below (k == 1 ? res->ma : res->mb, t))
        {
          if (k == 2) mpq_set_ui (res->ma, 1, 1);
          else mpq_set_ui (res->mb, 0, 1);
          res->majorant = 1;
        }
    }
  mpfr_clears (S, B, Khi, Klo, t, (mpfr_ptr) 0);
  mono_clear (ek); mono_clear (ratio);
  ic_ival_clear (v);
  return verdict;
}

/* -e as a tree with the sign moved into one factor of the product chain
 * (-(x)/n -> x/n, (-2)*x -> 2*x); NULL when e has no such sign. */
static ic_node *strip_neg (const ic_node *e)
{
  switch (e->op)
    {
    case IC_NEG: return ic_node_copy (e->a);
    case IC_NUM:
      if (mpq_sgn (e->q) >= 0) return NULL;
      {
        mpq_t q;
        mpq_init (q);
        mpq_neg (q, e->q);
        ic_node *r = ic_node_num_q (q);
        mpq_clear (q);
        return r;
      }
    case IC_MUL: case IC_DIV:
      {
        ic_node *a = strip_neg (e->a);
        if (a) return ic_node_new (e->op, a, ic_node_copy (e->b));
        ic_node *b = strip_neg (e->b);
        if (b) return ic_node_new (e->op, ic_node_copy (e->a), b);
        return NULL;
      }
    default: return NULL;
    }
}

int ic_lscale_sum (ic_lscale_result *r, const ic_node *e, unsigned long N, mpfr_prec_t prec)
{
  r->verdict = IC_V_UNKNOWN;
  r->N = N;
  r->why[0] = 0;
  r->expansion[0] = 0;
  if (N < 16) { snprintf (r->why, sizeof r->why, "the log scale needs n >= 16"); return 0; }
  if (!ic_node_has_var (e)) { snprintf (r->why, sizeof r->why, "a constant term"); return 0; }
  ls_ctx C;
  ctx_init (&C, N, prec, r->why, sizeof r->why);
  ls_gp L;
  gp_init (&L, prec);
  int sign = 1;
  int ok = ls_logv (&C, &L, e);
  ic_node *m = ok ? NULL : strip_neg (e);
  if (m)
    {
      r->why[0] = 0;
      sign = -1;
      ok = ls_logv (&C, &L, m);
      ic_node_free (m);
    }
  if (ok)
    {
      ic_buf b;
      ic_buf_init (&b);
      gp_text (&b, &L);
      char *s = ic_buf_take (&b);
      snprintf (r->expansion, sizeof r->expansion, "%s", s ? s : "?");
      free (s);
      r->sign = sign;
      r->why[0] = 0;
      r->verdict = decide (&C, &L, r);
    }
  gp_clear (&L);
  ctx_clear (&C);
  return r->verdict;
}

void ic_lscale_facts (ic_seq_facts *sf, const ic_lscale_result *r, int alt)
{
  memset (sf, 0, sizeof *sf);
  sf->sign = r->sign;
  sf->alt = alt;
  sf->env = r->verdict == IC_V_CONVERGES ? IC_ENV_SUMMABLE : r->decays ? IC_ENV_DECAYS : IC_ENV_NOT_DECAYING;
}

int ic_lscale_sign (const ic_node *e, unsigned long N, mpfr_prec_t prec)
{
  if (N < 16) return 0;
  char why[200] = "";
  ls_ctx C;
  ctx_init (&C, N, prec, why, sizeof why);
  ls_gp v, u;
  gp_init (&v, prec); gp_init (&u, prec);
  mpfr_t U, W;
  mpfr_inits2 (prec, U, W, (mpfr_ptr) 0);
  mpq_t mu[4];
  mono_init (mu);
  int sg = 0;
  /* e = c0 m0 (1 + u) with |u| <= U < 1: the sign of c0 */
  if (ls_value (&C, &v, e) && v.n > 0 && unit_form (&C, &v, &u, U, W, mu) && mpfr_cmp_ui (U, 1) < 0)
    sg = ic_ival_is_pos (v.t[0].c) ? 1 : ic_ival_is_neg (v.t[0].c) ? -1 : 0;
  mono_clear (mu);
  mpfr_clears (U, W, (mpfr_ptr) 0);
  gp_clear (&v); gp_clear (&u);
  ctx_clear (&C);
  return sg;
}
