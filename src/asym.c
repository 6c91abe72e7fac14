/* asym.c — certified eventual envelopes (see asym.h and
 * proofs/asymptotics.md for the rules and their proofs).
 *
 * Conventions: every rule states the identity or inequality it uses; all
 * numbers are enclosed with the interval layer; exponents are exact. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "asym.h"
#include "symb.h"
#include "eval.h"
#include "tail.h"
#include "buf.h"
#include "ratfun.h"
#include "tmodel.h"
#include "integral.h"
#include "lscale.h"
#include "kern/verdict.h"

#define FAIL(...) do { if (!ctx->why[0]) snprintf (ctx->why, sizeof ctx->why, __VA_ARGS__); return 0; } while (0)

void ic_form_init (ic_form *f, mpfr_prec_t prec)
{
  f->zero = 0;
  mpq_inits (f->phi, f->alpha, f->beta, NULL);
  ic_ival_init2 (f->lr, prec);
  f->lr_zero = 1;
  f->lr_ex = 1;
  mpq_inits (f->lq, f->lQ, NULL);
  mpq_set_ui (f->lQ, 1, 1);
  f->lD = 1;
  ic_ival_init2 (f->g, prec);
  ic_ival_set_si (f->g, 1);
  f->alt = 0;
}

void ic_form_clear (ic_form *f)
{
  mpq_clears (f->phi, f->alpha, f->beta, NULL);
  ic_ival_clear (f->lr);
  mpq_clears (f->lq, f->lQ, NULL);
  ic_ival_clear (f->g);
}

static int sgn_ival (ic_ival_srcptr x)    /* certain sign, 0 unknown/zero */
{
  return ic_ival_is_pos (x) ? 1 : ic_ival_is_neg (x) ? -1 : 0;
}

/* ---- the exponential rate lr = lq + log(lQ)/lD ------------------------- */

/* Size cap for the exact rate (bits of lQ); beyond it lr is kept as an
 * interval only. */
#define LR_MAX_BITS 4096

static size_t q_bits (mpq_srcptr q)
{
  return mpz_sizeinbase (mpq_numref (q), 2) + mpz_sizeinbase (mpq_denref (q), 2);
}

/* Sets the exact rate and its enclosure lr (prec of f->lr). */
static void lr_set_exact (ic_form *f, mpq_srcptr q, mpq_srcptr Q, unsigned long D)
{
  mpq_set (f->lq, q);
  mpq_set (f->lQ, Q);
  f->lD = D;
  f->lr_ex = 1;
  f->lr_zero = mpq_sgn (q) == 0 && mpq_cmp_ui (Q, 1, 1) == 0;
  if (f->lr_zero) { ic_ival_set_si (f->lr, 0); return; }
  ic_ival_t t, u;
  mpfr_prec_t p = ic_ival_get_prec (f->lr);
  ic_ival_init2 (t, p); ic_ival_init2 (u, p);
  ic_ival_set_q (t, Q);
  ic_ival_log (t, t);
  ic_ival_set_ui (u, D);
  ic_ival_div (t, t, u);
  ic_ival_set_q (u, q);
  ic_ival_add (f->lr, t, u);
  ic_ival_clear (t); ic_ival_clear (u);
}

static void lr_set_zero (ic_form *f)
{
  mpq_t q, Q;
  mpq_inits (q, Q, NULL);
  mpq_set_ui (Q, 1, 1);
  lr_set_exact (f, q, Q, 1);
  mpq_clears (q, Q, NULL);
}

/* r->lr = a->lr + sg * b->lr (r may alias a or b); exact when both are. */
static void lr_add (ic_form *r, const ic_form *a, const ic_form *b, int sg)
{
  if (a->lr_ex && b->lr_ex && a->lD <= (1UL << 16) && b->lD <= (1UL << 16)
      && q_bits (a->lQ) * b->lD + q_bits (b->lQ) * a->lD <= LR_MAX_BITS)
    {
      /* log(Qa)/Da +- log(Qb)/Db = log(Qa^Db Qb^(+-Da)) / (Da Db) */
      mpq_t q, Q, t;
      mpq_inits (q, Q, t, NULL);
      unsigned long D = a->lD == b->lD ? a->lD : a->lD * b->lD;
      unsigned long ea = D / a->lD, eb = D / b->lD;
      if (sg > 0) mpq_add (q, a->lq, b->lq); else mpq_sub (q, a->lq, b->lq);
      mpz_pow_ui (mpq_numref (Q), mpq_numref (a->lQ), ea);
      mpz_pow_ui (mpq_denref (Q), mpq_denref (a->lQ), ea);
      mpz_pow_ui (mpq_numref (t), mpq_numref (b->lQ), eb);
      mpz_pow_ui (mpq_denref (t), mpq_denref (b->lQ), eb);
      if (sg > 0) mpq_mul (Q, Q, t); else mpq_div (Q, Q, t);
      mpq_canonicalize (Q);
      lr_set_exact (r, q, Q, D);
      mpq_clears (q, Q, t, NULL);
      return;
    }
  if (sg > 0) ic_ival_add (r->lr, a->lr, b->lr); else ic_ival_sub (r->lr, a->lr, b->lr);
  r->lr_zero = a->lr_zero && b->lr_zero;
  r->lr_ex = 0;
  if (r->lr_zero) lr_set_zero (r);
}

/* f->lr *= k for an exact rational k; exact when the rate was. */
static void lr_scale_q (ic_form *f, mpq_srcptr k)
{
  if (f->lr_zero) return;
  if (f->lr_ex && mpz_cmpabs_ui (mpq_numref (k), 1UL << 16) <= 0 && mpz_cmp_ui (mpq_denref (k), 1UL << 16) <= 0
      && f->lD <= (1UL << 16)
      && q_bits (f->lQ) * mpz_get_ui (mpq_numref (k)) <= LR_MAX_BITS)   /* get_ui: |p| */
    {
      /* (lq + log(Q)/D) p/d = lq p/d + log(Q^p)/(D d) */
      mpq_t q, Q;
      mpq_inits (q, Q, NULL);
      mpq_mul (q, f->lq, k);
      unsigned long pa = mpz_get_ui (mpq_numref (k));     /* |p| */
      mpz_pow_ui (mpq_numref (Q), mpq_numref (f->lQ), pa);
      mpz_pow_ui (mpq_denref (Q), mpq_denref (f->lQ), pa);
      if (mpq_sgn (k) < 0) mpq_inv (Q, Q);
      if (mpq_sgn (k) == 0) mpq_set_ui (Q, 1, 1);
      lr_set_exact (f, q, Q, f->lD * mpz_get_ui (mpq_denref (k)));
      mpq_clears (q, Q, NULL);
      return;
    }
  ic_ival_t kk;
  ic_ival_init2 (kk, ic_ival_get_prec (f->lr));
  ic_ival_set_q (kk, k);
  ic_ival_mul (f->lr, f->lr, kk);
  ic_ival_clear (kk);
  f->lr_ex = 0;
  if (mpq_sgn (k) == 0) lr_set_zero (f);
}

/* Certain sign of lr: -1, 0, 1, or 2 if not decided.  With the exact rate,
 * lq + log(Q)/D = 0 iff lq = 0 and Q = 1: for lq != 0, e^(-lq D) is
 * irrational (Hermite) and Q is rational.  So a non-zero exact rate is
 * separated from 0 by evaluation at a high enough precision. */
static int lr_sign (const ic_form *f)
{
  if (f->lr_zero) return 0;
  int s = sgn_ival (f->lr);
  if (s || !f->lr_ex) return s ? s : 2;
  if (mpq_sgn (f->lq) == 0) return mpq_cmp_ui (f->lQ, 1, 1) > 0 ? 1 : -1;
  if (mpq_cmp_ui (f->lQ, 1, 1) == 0) return mpq_sgn (f->lq);
  for (mpfr_prec_t p = 2 * ic_ival_get_prec (f->lr); p <= 1 << 16; p *= 2)
    {
      ic_form g;
      ic_form_init (&g, p);
      lr_set_exact (&g, f->lq, f->lQ, f->lD);
      s = sgn_ival (g.lr);
      ic_form_clear (&g);
      if (s) return s;
    }
  return 2;
}

static void form_set (ic_form *r, const ic_form *f)
{
  r->zero = f->zero;
  mpq_set (r->phi, f->phi); mpq_set (r->alpha, f->alpha); mpq_set (r->beta, f->beta);
  ic_ival_set (r->lr, f->lr); r->lr_zero = f->lr_zero;
  r->lr_ex = f->lr_ex; mpq_set (r->lq, f->lq); mpq_set (r->lQ, f->lQ); r->lD = f->lD;
  ic_ival_set (r->g, f->g);
  r->alt = f->alt;
}

static void form_const (ic_form *r, ic_ival_srcptr c)
{
  mpq_set_ui (r->phi, 0, 1); mpq_set_ui (r->alpha, 0, 1); mpq_set_ui (r->beta, 0, 1);
  lr_set_zero (r);
  ic_ival_set (r->g, c);
  r->alt = 0;
  r->zero = mpfr_zero_p (c->lo) && mpfr_zero_p (c->hi);
}

static void form_zero (ic_form *r)
{
  ic_ival_t z;
  ic_ival_init2 (z, 32);
  form_const (r, z);
  ic_ival_clear (z);
  r->zero = 1;
}


/* Growth comparison of the envelopes: sign of (f1 exps - f2 exps)
 * lexicographically in (phi, lr, alpha, beta); 2 if not decidable. */
static int exps_cmp (const ic_form *f1, const ic_form *f2)
{
  int c = mpq_cmp (f1->phi, f2->phi);
  if (c) return c > 0 ? 1 : -1;
  if (!(f1->lr_zero && f2->lr_zero) && f1->lr_ex && f2->lr_ex)
    {
      ic_form d;
      ic_form_init (&d, ic_ival_get_prec (f1->lr));
      lr_add (&d, f1, f2, -1);
      int s = lr_sign (&d);
      ic_form_clear (&d);
      if (s == 2) return 2;
      if (s) return s;
    }
  else if (!(f1->lr_zero && f2->lr_zero))
    {
      if (ic_ival_lt (f1->lr, f2->lr)) return -1;
      if (ic_ival_lt (f2->lr, f1->lr)) return 1;
      if (!(ic_ival_is_exact (f1->lr) && ic_ival_is_exact (f2->lr)
            && mpfr_equal_p (f1->lr->lo, f2->lr->lo)))
        return 2;
    }
  c = mpq_cmp (f1->alpha, f2->alpha);
  if (c) return c > 0 ? 1 : -1;
  c = mpq_cmp (f1->beta, f2->beta);
  return c > 0 ? 1 : c < 0 ? -1 : 0;
}

int ic_form_growth (const ic_form *f)
{
  int s = mpq_sgn (f->phi);
  if (s) return s;
  if (!f->lr_zero)
    {
      int l = lr_sign (f);
      if (l != 0) return l;
    }
  s = mpq_sgn (f->alpha);
  if (s) return s;
  return mpq_sgn (f->beta);
}

/* Exponent difference d = f2 - f1 (as a form with G = 1). */
static void exps_diff (ic_form *d, const ic_form *f2, const ic_form *f1)
{
  mpq_sub (d->phi, f2->phi, f1->phi);
  mpq_sub (d->alpha, f2->alpha, f1->alpha);
  mpq_sub (d->beta, f2->beta, f1->beta);
  lr_add (d, f2, f1, -1);
  ic_ival_set_si (d->g, 1);
  d->alt = 0;
  d->zero = 0;
}

/* log F(X) = phi lgamma(X+1) + lr X + alpha log X + beta log log X */
static void logF_at (ic_ival_ptr out, const ic_form *f, unsigned long X)
{
  mpfr_prec_t p = ic_ival_get_prec (out);
  ic_ival_t t, x, lx;
  ic_ival_init2 (t, p); ic_ival_init2 (x, p); ic_ival_init2 (lx, p);
  ic_ival_set_ui (x, X);
  ic_ival_set_si (out, 0);
  if (mpq_sgn (f->phi))
    {
      /* lgamma(X+1) = log X!, correctly rounded each way by MPFR */
      mpfr_t a;
      mpfr_init2 (a, p > 64 ? p : 64);
      mpfr_set_ui (a, X, MPFR_RNDN);
      mpfr_add_ui (a, a, 1, MPFR_RNDN);   /* exact: X+1 <= 2^64, 64 bits or more */
      int sg;
      mpfr_lngamma (t->lo, a, MPFR_RNDD);
      mpfr_lgamma (t->hi, &sg, a, MPFR_RNDU);
      mpfr_clear (a);
      ic_ival_t q;
      ic_ival_init2 (q, p);
      ic_ival_set_q (q, f->phi);
      ic_ival_mul (t, t, q);
      ic_ival_add (out, out, t);
      ic_ival_clear (q);
    }
  if (!f->lr_zero)
    {
      ic_ival_mul (t, f->lr, x);
      ic_ival_add (out, out, t);
    }
  ic_ival_log (lx, x);
  if (mpq_sgn (f->alpha))
    {
      ic_ival_set_q (t, f->alpha);
      ic_ival_mul (t, t, lx);
      ic_ival_add (out, out, t);
    }
  if (mpq_sgn (f->beta))
    {
      ic_ival_t llx;
      ic_ival_init2 (llx, p);
      ic_ival_log (llx, lx);              /* X >= 3: log X > 1 */
      ic_ival_set_q (t, f->beta);
      ic_ival_mul (t, t, llx);
      ic_ival_add (out, out, t);
      ic_ival_clear (llx);
    }
  ic_ival_clear (t); ic_ival_clear (x); ic_ival_clear (lx);
}

void ic_form_F_at (ic_ival_ptr out, const ic_form *f, unsigned long X)
{
  ic_ival_t l;
  ic_ival_init2 (l, ic_ival_get_prec (out) + 16);
  logF_at (l, f, X);
  ic_ival_exp (out, l);
  ic_ival_clear (l);
}

/* Monotonicity of F on [X, inf), dir = -1 (non-increasing) or +1.
 * d/dx log F = phi psi(x+1) + lr + alpha/x + beta/(x log x), and
 * psi(x+1) >= log x (psi(x) >= log x - 1/x).  For dir = -1 it suffices that
 *   phi < 0: phi log X + lr + max(alpha,0)/X + max(beta,0)/(X log X) < 0
 *   phi = 0, lr < 0: lr + max(alpha,0)/X + max(beta,0)/(X log X) < 0
 *   phi = lr = 0, alpha < 0: alpha log X + beta < 0
 *   phi = lr = alpha = 0: beta <= 0
 * since each left side is non-increasing in x; symmetrically for dir = +1. */
static int F_monotone (const ic_form *f, unsigned long X, int dir, mpfr_prec_t p)
{
  int ok = 0;
  ic_ival_t s, t, x, lx;
  ic_ival_init2 (s, p); ic_ival_init2 (t, p); ic_ival_init2 (x, p); ic_ival_init2 (lx, p);
  ic_ival_set_ui (x, X);
  ic_ival_log (lx, x);
  int sphi = mpq_sgn (f->phi);
  int slr = lr_sign (f);
  if (sphi == dir || (sphi == 0 && slr == dir))
    {
      ic_ival_set_si (s, 0);
      if (sphi) { ic_ival_set_q (t, f->phi); ic_ival_mul (t, t, lx); ic_ival_add (s, s, t); }
      if (!f->lr_zero) ic_ival_add (s, s, f->lr);
      /* alpha/x and beta/(x log x) lie between 0 and their value at X */
      if ((dir < 0 && mpq_sgn (f->alpha) > 0) || (dir > 0 && mpq_sgn (f->alpha) < 0))
        { ic_ival_set_q (t, f->alpha); ic_ival_div (t, t, x); ic_ival_add (s, s, t); }
      if ((dir < 0 && mpq_sgn (f->beta) > 0) || (dir > 0 && mpq_sgn (f->beta) < 0))
        {
          ic_ival_t xl;
          ic_ival_init2 (xl, p);
          ic_ival_mul (xl, x, lx);
          ic_ival_set_q (t, f->beta); ic_ival_div (t, t, xl); ic_ival_add (s, s, t);
          ic_ival_clear (xl);
        }
      ok = dir < 0 ? ic_ival_is_neg (s) : ic_ival_is_pos (s);
    }
  else if (sphi == 0 && slr == 0)
    {
      int sa = mpq_sgn (f->alpha);
      if (sa == dir)
        {
          ic_ival_set_q (t, f->alpha);
          ic_ival_mul (t, t, lx);
          ic_ival_set_q (s, f->beta);
          ic_ival_add (s, s, t);
          ok = dir < 0 ? ic_ival_is_neg (s) : ic_ival_is_pos (s);
        }
      else if (sa == 0)
        ok = dir < 0 ? mpq_sgn (f->beta) <= 0 : mpq_sgn (f->beta) >= 0;
    }
  ic_ival_clear (s); ic_ival_clear (t); ic_ival_clear (x); ic_ival_clear (lx);
  return ok;
}

int ic_form_F_decreasing (const ic_form *f, unsigned long X, mpfr_prec_t prec)
{
  return F_monotone (f, X, -1, prec);
}

int ic_form_range (ic_ival_ptr out, const ic_form *f, unsigned long X)
{
  mpfr_prec_t p = ic_ival_get_prec (out);
  if (f->zero) { ic_ival_set_si (out, 0); return 1; }
  ic_ival_t FX, z, g;
  ic_ival_init2 (FX, p); ic_ival_init2 (z, p); ic_ival_init2 (g, p);
  ic_ival_set (g, f->g);
  if (f->alt) { ic_ival_neg (z, g); ic_ival_hull (g, g, z); }
  int gr = ic_form_growth (f), ok = 0;
  if (gr == 0) { ic_ival_set (out, g); ok = 1; }
  else if (gr == -1 && F_monotone (f, X, -1, p))
    {
      /* 0 < F(x) <= F(X): e(x) in G * [0, F(X)] */
      ic_form_F_at (FX, f, X);
      mpfr_set_zero (FX->lo, 1);
      ic_ival_mul (out, g, FX);
      ok = 1;
    }
  else if (gr == 1 && F_monotone (f, X, +1, p) && (ic_ival_is_pos (g) || ic_ival_is_neg (g)))
    {
      /* F(x) >= F(X): e(x) in G * [F(X), inf) */
      ic_form_F_at (FX, f, X);
      mpfr_set_inf (FX->hi, 1);
      ic_ival_mul (out, g, FX);
      ok = 1;
    }
  ic_ival_clear (FX); ic_ival_clear (z); ic_ival_clear (g);
  return ok;
}

/* ---- algebra of forms ------------------------------------------------ */

static void form_mul (ic_form *r, const ic_form *a, const ic_form *b)
{
  if (a->zero || b->zero) { form_zero (r); return; }
  mpq_add (r->phi, a->phi, b->phi);
  mpq_add (r->alpha, a->alpha, b->alpha);
  mpq_add (r->beta, a->beta, b->beta);
  lr_add (r, a, b, 1);
  ic_ival_mul (r->g, a->g, b->g);
  r->alt = a->alt ^ b->alt;
  r->zero = 0;
}

static int form_div (ic_form *r, const ic_form *a, const ic_form *b, ic_asym_ctx *ctx)
{
  if (b->zero) FAIL ("division by a term that is 0 for all large n");
  if (!(ic_ival_is_pos (b->g) || ic_ival_is_neg (b->g)))
    FAIL ("cannot prove the denominator nonzero for large n");
  if (a->zero) { form_zero (r); return 1; }
  mpq_sub (r->phi, a->phi, b->phi);
  mpq_sub (r->alpha, a->alpha, b->alpha);
  mpq_sub (r->beta, a->beta, b->beta);
  lr_add (r, a, b, -1);
  ic_ival_div (r->g, a->g, b->g);
  r->alt = a->alt ^ b->alt;
  r->zero = 0;
  return 1;
}

static void form_unalt (ic_form *f)
{
  /* (-1)^x g with g in G: g' = (-1)^x g lies in hull(G, -G) */
  if (!f->alt) return;
  ic_ival_t m;
  ic_ival_init2 (m, ic_ival_get_prec (f->g));
  ic_ival_neg (m, f->g);
  ic_ival_hull (f->g, f->g, m);
  ic_ival_clear (m);
  f->alt = 0;
}

void ic_form_mul (ic_form *r, const ic_form *a, const ic_form *b)
{
  form_mul (r, a, b);
}

void ic_form_sqr (ic_form *r, const ic_form *a)
{
  form_mul (r, a, a);
  if (!r->zero) ic_ival_sqr (r->g, a->g);     /* g^2 >= 0 */
}

/* r = a + sg * b. */
static int form_add (ic_form *r, const ic_form *a0, const ic_form *b0, int sg, ic_asym_ctx *ctx)
{
  mpfr_prec_t p = ctx->prec;
  ic_form a, b;
  ic_form_init (&a, p); ic_form_init (&b, p);
  form_set (&a, a0); form_set (&b, b0);
  if (sg < 0) ic_ival_neg (b.g, b.g);
  int ok = 1;
  if (a.zero) { form_set (r, &b); goto done; }
  if (b.zero) { form_set (r, &a); goto done; }
  if (a.alt != b.alt) { form_unalt (&a); form_unalt (&b); }
  int c = exps_cmp (&a, &b);
  if (c == 2) { ok = 0; snprintf (ctx->why, sizeof ctx->why, "cannot compare the growth of two summands"); goto done; }
  if (c == 0)
    {
      form_set (r, &a);
      ic_ival_add (r->g, a.g, b.g);
      /* exact cancellation: the sum is 0 for all large x */
      if (mpfr_zero_p (r->g->lo) && mpfr_zero_p (r->g->hi)) r->zero = 1;
      goto done;
    }
  {
    const ic_form *big = c > 0 ? &a : &b, *small = c > 0 ? &b : &a;
    ic_form d;
    ic_form_init (&d, p);
    exps_diff (&d, small, big);       /* H = F_small / F_big -> 0 */
    if (!F_monotone (&d, ctx->X, -1, p))
      {
        ic_form_clear (&d);
        ok = 0;
        snprintf (ctx->why, sizeof ctx->why, "cannot prove the ratio of two summands decreasing from n = %lu", ctx->X);
        goto done;
      }
    /* a + b = F_big (g_big + g_small H), 0 < H <= H(X) */
    ic_ival_t H, t;
    ic_ival_init2 (H, p); ic_ival_init2 (t, p);
    ic_form_F_at (H, &d, ctx->X);
    mpfr_set_zero (H->lo, 1);
    ic_ival_mul (t, small->g, H);
    form_set (r, big);
    ic_ival_add (r->g, big->g, t);
    ic_ival_clear (H); ic_ival_clear (t);
    ic_form_clear (&d);
  }
done:
  ic_form_clear (&a); ic_form_clear (&b);
  return ok;
}

/* ---- the rules -------------------------------------------------------- */

static int is_decaying (const ic_form *f) { return f->zero || ic_form_growth (f) == -1; }

static int const_value (ic_ival_ptr out, const ic_node *e, ic_asym_ctx *ctx)
{
  return ic_eval_const (out, e, ctx->prec);
}

static int form_pow (ic_form *r, const ic_node *e, ic_asym_ctx *ctx);
static int form_log (ic_form *r, const ic_node *e, ic_asym_ctx *ctx);
static int form_exp (ic_form *r, const ic_node *a, ic_asym_ctx *ctx);

static int form_of_rules (ic_form *r, const ic_node *e, ic_asym_ctx *ctx);

/* Cheap syntactic test: e is built from n, rationals, + - * / and integer
 * powers (a candidate for exact rational-function normalisation). */
static int rational_tree (const ic_node *e)
{
  switch (e->op)
    {
    case IC_NUM: case IC_VAR: return 1;
    case IC_NEG: return rational_tree (e->a);
    case IC_ADD: case IC_SUB: case IC_MUL: case IC_DIV: return rational_tree (e->a) && rational_tree (e->b);
    case IC_POW:
      return e->b->op == IC_NUM && mpz_cmp_ui (mpq_denref (e->b->q), 1) == 0
        && mpz_cmpabs_ui (mpq_numref (e->b->q), IC_RATFUN_MAX_DEG) <= 0 && rational_tree (e->a);
    default: return 0;
    }
}

/* Form of a polynomial P on [X, inf): P(x) = c_d x^d (1 + sum_{i<d}
 * (c_i/c_d) x^(i-d)), and each x^(i-d) lies in (0, X^(i-d)], so the
 * bracket lies in [1 + sum of the negative terms at X, 1 + sum of the
 * positive terms at X]. */
static void form_poly (ic_form *r, const ic_poly *P, unsigned long X, mpfr_prec_t p)
{
  if (P->deg < 0) { form_zero (r); return; }
  form_zero (r);
  r->zero = 0;
  mpq_set_si (r->alpha, P->deg, 1);
  ic_ival_t lo, hi, t, x;
  ic_ival_init2 (lo, p); ic_ival_init2 (hi, p); ic_ival_init2 (t, p); ic_ival_init2 (x, p);
  ic_ival_set_si (lo, 1);
  ic_ival_set_si (hi, 1);
  ic_ival_set_ui (x, X);
  mpq_t q;
  mpq_init (q);
  for (int i = 0; i < P->deg; i++)
    {
      if (mpq_sgn (P->c[i]) == 0) continue;
      mpq_div (q, P->c[i], P->c[P->deg]);
      ic_ival_set_q (t, q);
      ic_ival_t xp;
      ic_ival_init2 (xp, p);
      ic_ival_pow_si (xp, x, i - P->deg);
      ic_ival_mul (t, t, xp);
      ic_ival_clear (xp);
      if (mpq_sgn (q) < 0) ic_ival_add (lo, lo, t);
      else ic_ival_add (hi, hi, t);
    }
  mpfr_set (t->lo, lo->lo, MPFR_RNDD);
  mpfr_set (t->hi, hi->hi, MPFR_RNDU);
  ic_ival_set_q (x, P->c[P->deg]);
  ic_ival_mul (r->g, t, x);
  mpq_clear (q);
  ic_ival_clear (lo); ic_ival_clear (hi); ic_ival_clear (t); ic_ival_clear (x);
}

static int form_ratfun (ic_form *r, const ic_ratfun *R, ic_asym_ctx *ctx)
{
  ic_form a, b;
  ic_form_init (&a, ctx->prec); ic_form_init (&b, ctx->prec);
  form_poly (&a, &R->p, ctx->X, ctx->prec);
  form_poly (&b, &R->q, ctx->X, ctx->prec);
  int ok = form_div (r, &a, &b, ctx);
  ic_form_clear (&a); ic_form_clear (&b);
  return ok;
}

/* Exact path for rational functions (minus_one: of e - 1). */
static int try_ratfun (ic_form *r, const ic_node *e, int minus_one, ic_asym_ctx *ctx)
{
  if (!ic_node_has_var (e) || e->op == IC_VAR || !rational_tree (e)) return 0;
  ic_ratfun R;
  ic_ratfun_init (&R);
  int ok = 0;
  if (ic_ratfun_of (&R, e))
    {
      if (minus_one) ic_ratfun_sub_one (&R);
      ok = form_ratfun (r, &R, ctx);
    }
  ic_ratfun_clear (&R);
  return ok;
}

/* 1 if the form says nothing about the sign or size order of e: G
 * contains 0 (typically a cancellation the envelope rules cannot see). */
static int form_vague (const ic_form *f)
{
  return !f->zero && !ic_ival_is_pos (f->g) && !ic_ival_is_neg (f->g);
}

/* Form from a certified Taylor model at infinity (tmodel.c):
 * e(x) = x^alpha g(x), g in G, for all x >= X.  Orders 8, then 16 when
 * every coefficient of order 8 cancels.  Used where the envelope rules fail
 * or leave G around 0. */
static int try_tmodel_sub (ic_form *r, const ic_node *e, ic_asym_ctx *ctx, int sub);

static int try_tmodel (ic_form *r, const ic_node *e, ic_asym_ctx *ctx)
{
  int ok0 = try_tmodel_sub (r, e, ctx, 0);
  if (ok0 && !form_vague (r)) return 1;
  /* r keeps the first model when the second fails */
  return try_tmodel_sub (r, e, ctx, 1) || ok0;
}

/* sub = 1: roots of n (1/(n + sqrt(n)) - 1/(n - sqrt(n)), whose scales n
 * and n^(1/2) differ by a non-integer) through g(m) = e(m^k)
 * (ic_symb_subst_root_power): a model of g on [Xm, inf), Xm = floor(X^(1/k)),
 * says g(m) = m^al G for m >= Xm, and every real x >= X has m = x^(1/k) >=
 * Xm, so e(x) = g(x^(1/k)) = x^(al/k) G. */
static int try_tmodel_sub (ic_form *r, const ic_node *e, ic_asym_ctx *ctx, int sub)
{
  if (!ic_node_has_var (e) || !ic_node_is_smooth (e)) return 0;
  unsigned long k = 1, Xm = ctx->X;
  ic_node *g = NULL;
  if (sub)
    {
      g = ic_symb_subst_root_power (e, &k);
      if (!g) return 0;
      mpz_t z;
      mpz_init_set_ui (z, ctx->X);
      mpz_root (z, z, k);                     /* floor(X^(1/k)) */
      Xm = mpz_get_ui (z);
      mpz_clear (z);
      if (Xm < 2) { ic_node_free (g); return 0; }
      e = g;
    }
  int ok = 0;
  for (int d = 8; d <= 16 && !ok; d += 8)
    {
      ic_tm m;
      ic_tm_init (&m, ctx->prec);
      if (ic_tm_of (&m, e, d, Xm))
        {
          ic_ival_t G;
          mpq_t al;
          ic_ival_init2 (G, ctx->prec);
          mpq_init (al);
          ic_tm_bracket (G, al, &m, Xm);
          if (ic_ival_is_pos (G) || ic_ival_is_neg (G) || d == 16)
            {
              form_zero (r);
              r->zero = 0;
              mpq_set (r->alpha, al);
              if (k > 1)
                {
                  mpq_t kq;
                  mpq_init (kq);
                  mpq_set_ui (kq, k, 1);
                  mpq_div (r->alpha, r->alpha, kq);   /* m^al = x^(al/k) */
                  mpq_clear (kq);
                }
              ic_ival_set (r->g, G);
              ok = 1;
            }
          ic_ival_clear (G);
          mpq_clear (al);
        }
      ic_tm_clear (&m);
    }
  ic_node_free (g);
  return ok;
}

/* r := the Taylor-model form of e when the rules failed (ok = 0) or left
 * G around 0 and the model does better; returns the new ok. */
static int tmodel_fallback (ic_form *r, const ic_node *e, int ok, ic_asym_ctx *ctx)
{
  if (ok && !form_vague (r)) return ok;
  ic_form t;
  ic_form_init (&t, ctx->prec);
  if (try_tmodel (&t, e, ctx) && (!ok || !form_vague (&t)))
    {
      form_set (r, &t);
      ok = 1;
      ctx->why[0] = 0;
    }
  ic_form_clear (&t);
  return ok;
}

/* r := a majorant form from the log scale (lscale.h) when the rules
 * failed: |e(x)| <= x^-p (log x)^-q for x >= X with a summable right side,
 * so F = x^-p (log x)^-q and G = [0, 1] (e > 0) or [-1, 0] (e < 0). */
static int lscale_fallback (ic_form *r, const ic_node *e, ic_asym_ctx *ctx)
{
  /* heuristic: not for big terms (ic_form_of fails at every level of a
   * sum of hundreds of summands, and each failure would expand it again) */
  if (ctx->no_lscale || ctx->X < 16 || !ic_node_has_var (e) || ic_node_count (e) > 200) return 0;
  ic_lscale_result res;
  ic_lscale_result_init (&res);
  int ok = ic_lscale_sum (&res, e, ctx->X, ctx->prec) == IC_V_CONVERGES && res.majorant;
  if (ok)
    {
      form_zero (r);
      r->zero = 0;
      mpq_neg (r->alpha, res.ma);
      mpq_neg (r->beta, res.mb);
      /* |e| <= e^logc F */
      mpfr_set_d (r->g->hi, res.logc, MPFR_RNDU);
      mpfr_exp (r->g->hi, r->g->hi, MPFR_RNDU);
      mpfr_set_zero (r->g->lo, 1);
      if (res.sign < 0) ic_ival_neg (r->g, r->g);
      ctx->why[0] = 0;
    }
  ic_lscale_result_clear (&res);
  return ok;
}

int ic_form_of (ic_form *r, const ic_node *e, ic_asym_ctx *ctx)
{
  if (ctx->depth > 4 * IC_TERM_MAX_DEPTH + 64) FAIL ("term too deep for the asymptotic analysis");
  ctx->depth++;
  int ok = try_ratfun (r, e, 0, ctx);
  if (!ok) { ctx->why[0] = 0; ok = form_of_rules (r, e, ctx); }
  ok = tmodel_fallback (r, e, ok, ctx);
  if (!ok) ok = lscale_fallback (r, e, ctx);
  ctx->depth--;
  return ok;
}

/* (s n)! for an integer s >= 1.  s = 1: Gamma(x+1), phi = 1, g = 1.
 * s >= 2: Stirling with Binet's remainder, m! = sqrt(2 pi m) (m/e)^m e^mu(m),
 * 0 < mu(m) < 1/(12 m) (Robbins, Amer. Math. Monthly 62 (1955)), gives
 *   (s n)! / (n!)^s = sqrt(s) (2 pi)^((1-s)/2) n^((1-s)/2) s^(s n) e^rho,
 *   rho = mu(s n) - s mu(n) in (-s/(12 n), 1/(12 s n)),
 * so phi = s, lr = s log s, alpha = (1-s)/2 and, for n >= X,
 *   g in sqrt(s) (2 pi)^((1-s)/2) [e^(-s/(12 X)), e^(1/(12 s X))]. */
static void form_factorial_scaled (ic_form *r, unsigned long s, ic_asym_ctx *ctx)
{
  mpfr_prec_t p = ctx->prec;
  form_zero (r);
  r->zero = 0;
  mpq_set_ui (r->phi, s, 1);
  ic_ival_set_si (r->g, 1);
  if (s == 1) return;
  ic_ival_t t1, t2, x;
  ic_ival_init2 (t1, p); ic_ival_init2 (t2, p); ic_ival_init2 (x, p);
  mpq_set_si (r->alpha, 1 - (long) s, 2);
  mpq_canonicalize (r->alpha);
  {
    /* lr = s log s = log(s^s) exactly */
    mpq_t q, Q;
    mpq_inits (q, Q, NULL);
    mpz_ui_pow_ui (mpq_numref (Q), s, s);
    lr_set_exact (r, q, Q, 1);
    mpq_clears (q, Q, NULL);
  }
  /* e^rho: [exp(-s/(12 X)), exp(1/(12 s X))] */
  ic_ival_set_ui (x, ctx->X);
  ic_ival_mul_si (x, x, 12);                          /* 12 X (interval: no overflow) */
  ic_ival_set_si (t1, -(long) s);
  ic_ival_div (t1, t1, x);
  ic_ival_exp (t1, t1);
  ic_ival_mul_si (x, x, (long) s);                    /* 12 s X */
  ic_ival_set_si (t2, 1);
  ic_ival_div (t2, t2, x);
  ic_ival_exp (t2, t2);
  mpfr_set (t1->hi, t2->hi, MPFR_RNDU);               /* t1 = [e^(-s/(12X)), e^(1/(12sX))] */
  /* sqrt(s) (2 pi)^((1-s)/2) */
  ic_ival_const_pi (t2);
  ic_ival_mul_si (t2, t2, 2);
  ic_ival_set_q (x, r->alpha);
  ic_ival_pow (t2, t2, x);
  ic_ival_mul (t1, t1, t2);
  ic_ival_set_ui (t2, s);
  ic_ival_sqrt (t2, t2);
  ic_ival_mul (r->g, t1, t2);
  ic_ival_clear (t1); ic_ival_clear (t2); ic_ival_clear (x);
}

/* factorial(s n + t), s >= 1 and t integers (small):
 *   (s n + t)! = (s n)! (s n + 1) ... (s n + t)          (t > 0)
 *   (s n + t)! = (s n)! / ((s n) (s n - 1) ... (s n + t + 1))   (t < 0),
 * the polynomial through the exact rational-function rules. */
static int form_factorial (ic_form *r, const ic_node *arg, ic_asym_ctx *ctx)
{
  mpq_t s, t;
  mpq_inits (s, t, NULL);
  int ok = ic_symb_affine (arg, s, t) && mpz_cmp_ui (mpq_denref (s), 1) == 0
    && mpz_cmp_ui (mpq_denref (t), 1) == 0 && mpq_sgn (s) > 0
    && mpz_cmp_ui (mpq_numref (s), 64) <= 0 && mpz_cmpabs_ui (mpq_numref (t), 32) <= 0;
  if (!ok)
    {
      mpq_clears (s, t, NULL);
      FAIL ("factorial is analysed only as factorial(s*n + t) with integers 1 <= s <= 64, |t| <= 32");
    }
  unsigned long sv = mpz_get_ui (mpq_numref (s));
  long tv = mpz_get_si (mpq_numref (t));
  mpq_clears (s, t, NULL);
  form_factorial_scaled (r, sv, ctx);
  if (tv == 0) return 1;
  /* P = prod_j (s n + j), j = 1..t (t > 0) or j = t+1..0 (t < 0) */
  ic_node *P = NULL;
  long j0 = tv > 0 ? 1 : tv + 1, j1 = tv > 0 ? tv : 0;
  for (long j = j0; j <= j1; j++)
    {
      ic_node *lin = ic_node_new (IC_ADD, ic_node_new (IC_MUL, ic_node_num_si ((long) sv), ic_node_new (IC_VAR, NULL, NULL)),
                                  ic_node_num_si (j));
      P = P ? ic_node_new (IC_MUL, P, lin) : lin;
    }
  ic_form f, fp;
  ic_form_init (&f, ctx->prec); ic_form_init (&fp, ctx->prec);
  form_set (&f, r);
  ok = ic_form_of (&fp, P, ctx);
  if (ok)
    {
      if (tv > 0) form_mul (r, &f, &fp);
      else ok = form_div (r, &f, &fp, ctx);
    }
  ic_form_clear (&f); ic_form_clear (&fp);
  ic_node_free (P);
  return ok;
}

/* a^b with an exponent b that depends on n (and a base that is not a
 * constant of either sign, such as the -1 of (-1)^n): the tree of
 * exp(b log a), equal to a^b wherever a > 0; the rules for log then need
 * a > 0 on [X, inf) (form_log proves the sign of its argument), so the
 * rewritten form holds where it is used.  NULL otherwise. */
static ic_node *pow_as_exp (const ic_node *e)
{
  if (e->op != IC_POW || !ic_node_has_var (e->b) || !ic_node_has_var (e->a)) return NULL;
  return ic_node_new (IC_EXP, ic_node_new (IC_MUL, ic_node_copy (e->b),
                                           ic_node_new (IC_LOG, ic_node_copy (e->a), NULL)), NULL);
}

/* 1 if c is the constant pi/2 written as pi/2, pi*(1/2), (1/2)*pi or 0.5*pi. */
static int rational_is (const ic_node *k, unsigned long num, unsigned long den)
{
  mpq_t s, t;
  mpq_inits (s, t, NULL);
  int ok = !ic_node_has_var (k) && ic_symb_affine (k, s, t) && mpq_sgn (s) == 0 && mpq_cmp_ui (t, num, den) == 0;
  mpq_clears (s, t, NULL);
  return ok;
}

static int is_half_pi (const ic_node *c)
{
  if (c->op == IC_DIV && c->a->op == IC_PI && rational_is (c->b, 2, 1)) return 1;
  if (c->op == IC_MUL && c->a->op == IC_PI && rational_is (c->b, 1, 2)) return 1;
  if (c->op == IC_MUL && c->b->op == IC_PI && rational_is (c->a, 1, 2)) return 1;
  return 0;
}

/* atan(u) - pi/2 = -atan(1/u) and pi/2 - atan(u) = atan(1/u) for u > 0:
 * for e = atan(u) -+ pi/2 (either order, + with -pi/2 too) with u > 0 on
 * [X, inf) (its form: F > 0, g > 0, not alternating), r := the form of
 * +-atan(1/u), which sees the cancellation of the two constants. */
static int atan_minus_half_pi (ic_form *r, const ic_node *e, ic_asym_ctx *ctx)
{
  const ic_node *at = NULL, *c = NULL;
  int neg = 0;                       /* 1: the result is -atan(1/u) */
  if (e->op == IC_SUB && e->a->op == IC_ATAN && is_half_pi (e->b)) { at = e->a; neg = 1; }
  else if (e->op == IC_SUB && e->b->op == IC_ATAN && is_half_pi (e->a)) { at = e->b; neg = 0; }
  else if (e->op == IC_ADD && e->a->op == IC_ATAN && e->b->op == IC_NEG && is_half_pi (e->b->a)) { at = e->a; neg = 1; }
  else if (e->op == IC_ADD && e->b->op == IC_ATAN && e->a->op == IC_NEG && is_half_pi (e->a->a)) { at = e->b; neg = 1; }
  (void) c;
  if (!at) return 0;
  ic_form u;
  ic_form_init (&u, ctx->prec);
  int ok = ic_form_of (&u, at->a, ctx) && !u.zero && !u.alt && ic_ival_is_pos (u.g);
  ic_form_clear (&u);
  if (!ok) return 0;
  ic_node *t = ic_node_new (IC_ATAN, ic_node_new (IC_DIV, ic_node_num_si (1), ic_node_copy (at->a)), NULL);
  if (neg) t = ic_node_new (IC_NEG, t, NULL);
  ok = ic_form_of (r, t, ctx);
  ic_node_free (t);
  return ok;
}

/* exp(x) - e = e (exp(x - 1) - 1) for every real x (and a^b with b
 * depending on n as exp(b log a)): for e = A - e, e - A or A + (-e), r :=
 * the form of +-e (exp(x - 1) - 1), whose exp - 1 rule (or Taylor model)
 * sees x - 1 -> 0: (1+1/n)^n - e ~ -e/(2n). */
static int exp_minus_e (ic_form *r, const ic_node *e, ic_asym_ctx *ctx)
{
  const ic_node *A = NULL;
  int neg = 0;
  if (e->op == IC_SUB && e->b->op == IC_E) A = e->a;
  else if (e->op == IC_SUB && e->a->op == IC_E) { A = e->b; neg = 1; }
  else if (e->op == IC_ADD && e->b->op == IC_NEG && e->b->a->op == IC_E) A = e->a;
  else if (e->op == IC_ADD && e->a->op == IC_NEG && e->a->a->op == IC_E) A = e->b;
  if (!A) return 0;
  ic_node *ex = A->op == IC_EXP ? ic_node_copy (A) : pow_as_exp (A);
  if (!ex) return 0;
  ic_node *x = ex->a;
  ex->a = NULL;
  ic_node_free (ex);
  ic_node *t = ic_node_new (IC_MUL, ic_node_new (IC_E, NULL, NULL),
                            ic_node_new (IC_SUB, ic_node_new (IC_EXP, ic_node_new (IC_SUB, x, ic_node_num_si (1)), NULL),
                                         ic_node_num_si (1)));
  if (neg) t = ic_node_new (IC_NEG, t, NULL);
  int ok = ic_form_of (r, t, ctx);
  ic_node_free (t);
  return ok;
}

static int form_of_rules (ic_form *r, const ic_node *e, ic_asym_ctx *ctx)
{
  mpfr_prec_t p = ctx->prec;
  int ok = 0;
  if (!ic_node_has_var (e))
    {
      ic_ival_t c;
      ic_ival_init2 (c, p);
      ok = const_value (c, e, ctx);
      if (ok) form_const (r, c);
      ic_ival_clear (c);
      if (!ok) FAIL ("constant subterm is undefined");
      return 1;
    }
  ic_form a, b;
  ic_form_init (&a, p); ic_form_init (&b, p);
  switch (e->op)
    {
    case IC_VAR:
      mpq_set_ui (r->phi, 0, 1); mpq_set_ui (r->alpha, 1, 1); mpq_set_ui (r->beta, 0, 1);
      lr_set_zero (r);
      ic_ival_set_si (r->g, 1);
      r->alt = 0; r->zero = 0;
      ok = 1;
      break;
    case IC_NEG:
      if ((ok = ic_form_of (&a, e->a, ctx))) { form_set (r, &a); ic_ival_neg (r->g, r->g); }
      break;
    case IC_ADD: case IC_SUB:
      ok = ic_form_of (&a, e->a, ctx) && ic_form_of (&b, e->b, ctx)
        && form_add (r, &a, &b, e->op == IC_ADD ? 1 : -1, ctx);
      if (!ok || (ic_form_growth (r) == 0 && !r->zero && !(ic_ival_is_pos (r->g) || ic_ival_is_neg (r->g))))
        {
          if (atan_minus_half_pi (r, e, ctx) || exp_minus_e (r, e, ctx)) { ok = 1; break; }
          /* cancellation against the constant 1: A - 1 and 1 - B = -(B - 1)
           * have their own rules (exp, cos, powers, quotients) */
          const ic_node *other = NULL;
          int neg = 0;
          if (e->op == IC_SUB && ic_node_is_num (e->b, 1)) other = e->a;
          else if (e->op == IC_SUB && ic_node_is_num (e->a, 1)) { other = e->b; neg = 1; }
          else if (e->op == IC_ADD && ic_node_is_num (e->a, -1)) other = e->b;
          else if (e->op == IC_ADD && ic_node_is_num (e->b, -1)) other = e->a;
          ic_form m;
          ic_form_init (&m, p);
          char saved[sizeof ctx->why];
          memcpy (saved, ctx->why, sizeof saved);
          ctx->why[0] = 0;
          if (other && other->op != IC_ADD && other->op != IC_SUB && !ctx->in_minus_one
              && ic_form_minus_one (&m, other, ctx))
            {
              form_set (r, &m);
              if (neg) ic_ival_neg (r->g, r->g);
              ok = 1;
            }
          else memcpy (ctx->why, saved, sizeof saved);
          ic_form_clear (&m);
        }
      break;
    case IC_MUL:
      if ((ok = ic_form_of (&a, e->a, ctx) && ic_form_of (&b, e->b, ctx))) form_mul (r, &a, &b);
      break;
    case IC_DIV:
      ok = ic_form_of (&a, e->a, ctx) && ic_form_of (&b, e->b, ctx) && form_div (r, &a, &b, ctx);
      break;
    case IC_POW:
      ok = form_pow (r, e, ctx);
      if (!ok)
        {
          ic_node *ex = pow_as_exp (e);
          if (ex)
            {
              ctx->why[0] = 0;
              ok = ic_form_of (r, ex, ctx);
              ic_node_free (ex);
            }
        }
      break;
    case IC_SQRT:
      {
        ic_node *t = ic_node_new (IC_POW, ic_node_copy (e->a), ic_node_num_si (1));
        mpq_set_ui (t->b->q, 1, 2);
        ok = form_pow (r, t, ctx);
        ic_node_free (t);
      }
      break;
    case IC_EXP:
      ok = form_exp (r, e->a, ctx);
      break;
    case IC_LOG:
      ok = form_log (r, e, ctx);
      break;
    case IC_SIN: case IC_ATAN:
      if (!ic_form_of (&a, e->a, ctx)) break;
      {
        ic_ival_t rg, t;
        ic_ival_init2 (rg, p); ic_ival_init2 (t, p);
        if (is_decaying (&a) && ic_form_range (rg, &a, ctx->X))
          {
            /* sin(a)/a in [1 - a^2/6, 1], atan(a)/a in [1 - a^2/3, 1] (all real a) */
            ic_ival_sqr (t, rg);
            ic_ival_t k;
            ic_ival_init2 (k, p);
            ic_ival_set_si (k, e->op == IC_SIN ? 6 : 3);
            ic_ival_div (t, t, k);
            ic_ival_clear (k);
            mpfr_ui_sub (t->lo, 1, t->hi, MPFR_RNDD);
            mpfr_set_ui (t->hi, 1, MPFR_RNDU);
            form_set (r, &a);
            ic_ival_mul (r->g, a.g, t);
          }
        else if (e->op == IC_SIN)
          {
            ic_ival_set_si (t, -1); mpfr_set_ui (t->hi, 1, MPFR_RNDU);
            if (ic_form_range (rg, &a, ctx->X) && ic_ival_is_finite (rg)) { ic_ival_sin (rg, rg); ic_ival_intersect (t, t, rg); }
            form_const (r, t);
          }
        else
          {
            /* atan of anything lies in [-pi/2, pi/2]; tighter from the range */
            ic_ival_const_pi (t);
            ic_ival_div_ui (t, t, 2);
            mpfr_neg (t->lo, t->hi, MPFR_RNDD);
            if (ic_form_range (rg, &a, ctx->X))
              {
                ic_ival_t u;
                ic_ival_init2 (u, p);
                mpfr_atan (u->lo, rg->lo, MPFR_RNDD);
                mpfr_atan (u->hi, rg->hi, MPFR_RNDU);
                ic_ival_intersect (t, t, u);
                ic_ival_clear (u);
              }
            form_const (r, t);
          }
        ic_ival_clear (rg); ic_ival_clear (t);
        ok = 1;
      }
      break;
    case IC_COS:
      if (!ic_form_of (&a, e->a, ctx)) break;
      {
        ic_ival_t rg, t;
        ic_ival_init2 (rg, p); ic_ival_init2 (t, p);
        if (is_decaying (&a) && ic_form_range (rg, &a, ctx->X))
          {
            /* cos a in [1 - a^2/2, 1] */
            ic_ival_sqr (t, rg);
            mpfr_div_2ui (t->hi, t->hi, 1, MPFR_RNDU);
            mpfr_ui_sub (t->lo, 1, t->hi, MPFR_RNDD);
            mpfr_set_ui (t->hi, 1, MPFR_RNDU);
          }
        else
          {
            ic_ival_set_si (t, -1); mpfr_set_ui (t->hi, 1, MPFR_RNDU);
            if (ic_form_range (rg, &a, ctx->X) && ic_ival_is_finite (rg)) { ic_ival_cos (rg, rg); ic_ival_intersect (t, t, rg); }
          }
        form_const (r, t);
        ic_ival_clear (rg); ic_ival_clear (t);
        ok = 1;
      }
      break;
    case IC_ABS:
      if (!ic_form_of (&a, e->a, ctx)) break;
      form_set (r, &a);
      r->alt = 0;
      ic_ival_abs (r->g, a.g);
      ok = 1;
      break;
    case IC_FACT:
      ok = form_factorial (r, e->a, ctx);
      break;
    default:
      snprintf (ctx->why, sizeof ctx->why, "no asymptotic rule for %s", ic_op_name (e->op));
      break;
    }
  ic_form_clear (&a); ic_form_clear (&b);
  return ok;
}

/* a^b.  Rules:
 *  - b a rational constant k: exponents times k, G^k (integer k: any sign of
 *    G; non-integer k: G > 0 and no alternating factor);
 *  - base a constant c and b = s n + t: c^b = c^t (c^s)^n, so lr = s log|c|
 *    and, for c < 0 with s, t integers, the sign (-1)^(s n + t);
 *  - otherwise a^b = exp(b log a). */
static int form_pow (ic_form *r, const ic_node *e, ic_asym_ctx *ctx)
{
  mpfr_prec_t p = ctx->prec;
  const ic_node *a = e->a, *b = e->b;
  int ok = 0;
  if (!ic_node_has_var (b) && b->op != IC_NUM)
    {
      /* a constant exponent that is an exact rational (3/2, 1+10^-9):
       * fold it, so that a^(p/q) takes the rational-exponent rule */
      mpq_t s, t;
      mpq_inits (s, t, NULL);
      if (ic_symb_affine (b, s, t) && mpq_sgn (s) == 0)
        {
          ic_node *k = ic_node_num_si (0);
          mpq_set (k->q, t);
          ic_node *f = ic_node_new (IC_POW, ic_node_copy (a), k);
          mpq_clears (s, t, NULL);
          ok = form_pow (r, f, ctx);
          ic_node_free (f);
          return ok;
        }
      mpq_clears (s, t, NULL);
    }
  if (!ic_node_has_var (b))
    {
      ic_form f;
      ic_form_init (&f, p);
      if (!ic_form_of (&f, a, ctx)) { ic_form_clear (&f); return 0; }
      if (b->op == IC_NUM && mpz_cmp_ui (mpq_denref (b->q), 1) == 0)
        {
          if (!mpz_fits_slong_p (mpq_numref (b->q)) || mpz_cmpabs_ui (mpq_numref (b->q), 1000000) > 0)
            { ic_form_clear (&f); FAIL ("integer exponent too large for the asymptotic analysis"); }
          long k = mpz_get_si (mpq_numref (b->q));
          if (f.zero)
            {
              ic_form_clear (&f);
              if (k > 0) { form_zero (r); return 1; }
              FAIL ("0 raised to a non-positive power for large n");
            }
          if (k < 0 && !(ic_ival_is_pos (f.g) || ic_ival_is_neg (f.g)))
            { ic_form_clear (&f); FAIL ("cannot prove the base of a negative power nonzero"); }
          form_set (r, &f);
          mpq_mul (r->phi, f.phi, b->q); mpq_mul (r->alpha, f.alpha, b->q); mpq_mul (r->beta, f.beta, b->q);
          lr_scale_q (r, b->q);
          ic_ival_pow_si (r->g, f.g, k);
          r->alt = f.alt && (k & 1);
          ok = 1;
        }
      else if (b->op == IC_NUM)
        {
          if (f.zero && mpq_sgn (b->q) > 0) { form_zero (r); ic_form_clear (&f); return 1; }
          if (f.alt || !ic_ival_is_pos (f.g))
            { ic_form_clear (&f); FAIL ("cannot prove the base of a non-integer power positive"); }
          ic_ival_t k;
          ic_ival_init2 (k, p);
          ic_ival_set_q (k, b->q);
          form_set (r, &f);
          mpq_mul (r->phi, f.phi, b->q); mpq_mul (r->alpha, f.alpha, b->q); mpq_mul (r->beta, f.beta, b->q);
          lr_scale_q (r, b->q);
          ic_ival_pow (r->g, f.g, k);
          ic_ival_clear (k);
          ok = 1;
        }
      else
        {
          /* irrational constant exponent: only for F = exp(lr x) */
          ic_ival_t k;
          ic_ival_init2 (k, p);
          if (const_value (k, b, ctx) && !f.zero && !f.alt && ic_ival_is_pos (f.g)
              && !mpq_sgn (f.phi) && !mpq_sgn (f.alpha) && !mpq_sgn (f.beta))
            {
              form_set (r, &f);
              ic_ival_mul (r->lr, f.lr, k);
              r->lr_ex = 0;
              ic_ival_pow (r->g, f.g, k);
              ok = 1;
            }
          else snprintf (ctx->why, sizeof ctx->why, "irrational exponent of a power of n");
          ic_ival_clear (k);
        }
      ic_form_clear (&f);
      return ok;
    }
  if (!ic_node_has_var (a))
    {
      ic_ival_t c;
      ic_ival_init2 (c, p);
      if (!const_value (c, a, ctx)) { ic_ival_clear (c); FAIL ("undefined constant base"); }
      mpq_t s, t;
      mpq_inits (s, t, NULL);
      int aff = ic_symb_affine (b, s, t);
      int c_neg = ic_ival_is_neg (c);
      if (aff && (ic_ival_is_pos (c) || c_neg))
        {
          ic_ival_t ac, l, q;
          ic_ival_init2 (ac, p); ic_ival_init2 (l, p); ic_ival_init2 (q, p);
          ic_ival_abs (ac, c);
          form_zero (r);
          r->zero = 0;
          int ints = mpz_cmp_ui (mpq_denref (s), 1) == 0 && mpz_cmp_ui (mpq_denref (t), 1) == 0;
          if (c_neg && !ints) ok = 0, snprintf (ctx->why, sizeof ctx->why, "negative base with non-integer exponent");
          else
            {
              /* lr = s log|c| (exactly 0 if s = 0 or |c| = 1) */
              int c_one = ic_ival_is_exact (ac) && mpfr_cmp_ui (ac->lo, 1) == 0;
              mpq_t cq, c0;
              mpq_inits (cq, c0, NULL);
              if (a->op == IC_E)
                {
                  /* e^(s n + t): lr = s exactly */
                  mpq_set_ui (cq, 1, 1);
                  lr_set_exact (r, s, cq, 1);
                }
              else if (ic_symb_affine (a, c0, cq) && mpq_sgn (c0) == 0 && mpq_sgn (cq) != 0)
                {
                  /* rational c: lr = s log|c| exactly */
                  mpq_abs (cq, cq);
                  lr_set_exact (r, c0, cq, 1);          /* c0 = 0: lr = log|c| */
                  lr_scale_q (r, s);
                }
              else
                {
                  r->lr_zero = mpq_sgn (s) == 0 || c_one;
                  r->lr_ex = r->lr_zero;
                  if (!r->lr_zero)
                    {
                      ic_ival_log (l, ac);
                      ic_ival_set_q (q, s);
                      ic_ival_mul (r->lr, l, q);
                    }
                }
              mpq_clears (cq, c0, NULL);
              /* g = |c|^t, times (-1)^t for a negative base */
              ic_ival_set_q (q, t);
              if (c_one) ic_ival_set_si (r->g, 1);
              else ic_ival_pow (r->g, ac, q);
              if (c_neg)
                {
                  if (mpz_odd_p (mpq_numref (t))) ic_ival_neg (r->g, r->g);
                  r->alt = mpz_odd_p (mpq_numref (s)) ? 1 : 0;
                }
              ok = 1;
            }
          ic_ival_clear (ac); ic_ival_clear (l); ic_ival_clear (q);
        }
      mpq_clears (s, t, NULL);
      ic_ival_clear (c);
      if (ok || ctx->why[0]) return ok;
    }
  if (a->op == IC_VAR)
    {
      /* n^(s n + t), s != 0 and t rational: n^(s n + t) = (n^n)^s n^t with
       * x^x = Gamma(x+1) e^x (2 pi x)^(-1/2) e^(-mu(x)), 0 < mu(x) < 1/(12x)
       * (Stirling with Binet's function; Robbins, Amer. Math. Monthly 62
       * (1955)), so phi = s, lr = s, alpha = t - s/2 and
       * g = (2 pi)^(-s/2) e^(-s mu) with -s mu between 0 and -s/(12 X). */
      mpq_t s, t;
      mpq_inits (s, t, NULL);
      if (ic_symb_affine (b, s, t) && mpq_sgn (s) != 0)
        {
          ic_ival_t t1, t2;
          ic_ival_init2 (t1, p); ic_ival_init2 (t2, p);
          form_zero (r);
          r->zero = 0;
          mpq_set (r->phi, s);
          mpq_div_2exp (r->alpha, s, 1);
          mpq_sub (r->alpha, t, r->alpha);
          mpq_t Q;
          mpq_init (Q);
          mpq_set_ui (Q, 1, 1);
          lr_set_exact (r, s, Q, 1);                  /* lr = s */
          mpq_clear (Q);
          ic_ival_set_ui (t2, ctx->X);
          ic_ival_mul_si (t2, t2, 12);                /* 12 X, no machine overflow */
          mpq_neg (t, s);
          ic_ival_set_q (t1, t);
          ic_ival_div (t1, t1, t2);                   /* -s/(12X) */
          ic_ival_set_si (t2, 0);
          ic_ival_hull (t1, t1, t2);                  /* -s mu(x) in t1 */
          ic_ival_exp (t1, t1);
          ic_ival_const_pi (t2);
          ic_ival_mul_si (t2, t2, 2);
          mpq_div_2exp (t, t, 1);                     /* -s/2 */
          ic_ival_t k;
          ic_ival_init2 (k, p);
          ic_ival_set_q (k, t);
          ic_ival_pow (t2, t2, k);
          ic_ival_mul (r->g, t1, t2);
          ic_ival_clear (k); ic_ival_clear (t1); ic_ival_clear (t2);
          mpq_clears (s, t, NULL);
          return 1;
        }
      mpq_clears (s, t, NULL);
    }
  if (!ic_node_has_var (a))
    {
      /* a constant base: exp(b log a) needs a > 0; a negative base with an
       * exponent that is not affine in n (the sign pattern of
       * (-1)^(n(n+1)/2)) has no rule here */
      ic_ival_t c;
      ic_ival_init2 (c, p);
      int pos = const_value (c, a, ctx) && ic_ival_is_pos (c);
      ic_ival_clear (c);
      if (!pos) FAIL ("a constant base that is not positive, raised to an exponent that is not affine in n");
    }
  /* a^b = exp(b log a) */
  ic_node *t = ic_node_new (IC_MUL, ic_node_copy (b), ic_node_new (IC_LOG, ic_node_copy (a), NULL));
  ok = form_exp (r, t, ctx);
  ic_node_free (t);
  return ok;
}

/* exp(a) with a(x) <= -c x^s (log x)^t, c = -max G > 0, s >= 0, t >= 0 and
 * (s > 0 or t > 1): exp(a) decays faster than any power.  Write L = log x.
 * For K > 0, h(x) = -c x^s L^t + K L has
 *   h'(x) = (K - phi(x)) / x,   phi(x) = c x^s L^(t-1) (s L + t),
 * and as a function of L,  phi = c e^(sL) (s L^t + t L^(t-1)) with
 *   d phi / dL = c e^(sL) L^(t-2) ((s L + t)^2 - t).
 * (s L + t)^2 - t is non-decreasing in L >= 0 (s, t >= 0), so if
 *   (M) (s log X + t)^2 >= t    and    (P) phi(X) > K,   log X >= 1,
 * then phi is non-decreasing on [X, inf), phi > K there, h' < 0, and for
 * every x >= X:  0 < exp(a(x)) x^K <= exp(h(x)) <= exp(h(X)).  The form is
 * alpha = -K, G = [0, e^h(X)].  (M) is automatic for t = 0 or t >= 1; for
 * 0 < t < 1 and small s it fails at small X, and checking (P) at X alone
 * would be wrong: phi first decreases (issue 16: exp(-60 n^0.001 log(n)^0.25)
 * is not <= C n^-4 from n = 16 on).  K = 4 is tried first (a tail with
 * room to spare), then K = 2 (still summable). */
static int form_exp_stretched (ic_form *r, const ic_form *f, ic_asym_ctx *ctx)
{
  mpfr_prec_t p = ctx->prec;
  ic_ival_t c, x, lx, t, u, q, m;
  ic_ival_init2 (c, p); ic_ival_init2 (x, p); ic_ival_init2 (lx, p);
  ic_ival_init2 (t, p); ic_ival_init2 (u, p); ic_ival_init2 (q, p); ic_ival_init2 (m, p);
  mpfr_neg (c->lo, f->g->hi, MPFR_RNDD);              /* c <= -max G */
  mpfr_set (c->hi, c->lo, MPFR_RNDU);
  ic_ival_set_ui (x, ctx->X);
  ic_ival_log (lx, x);
  int ok = mpfr_cmp_ui (lx->lo, 1) >= 0 && mpfr_sgn (c->lo) > 0
    && mpq_sgn (f->alpha) >= 0 && mpq_sgn (f->beta) >= 0;
  /* (M): (s log X + t)^2 - t >= 0 */
  ic_ival_set_q (q, f->alpha);
  ic_ival_mul (m, q, lx);
  ic_ival_set_q (q, f->beta);
  ic_ival_add (m, m, q);                              /* m = s log X + t >= 0 */
  ic_ival_sqr (u, m);
  ic_ival_sub (u, u, q);
  ok = ok && ic_ival_is_nonneg (u);
  long K = 0;
  if (ok)
    {
      /* t := c X^s (log X)^t, then phi(X) = t (s log X + t) / log X */
      ic_ival_set_q (q, f->alpha);
      ic_ival_pow (t, x, q);
      ic_ival_set_q (q, f->beta);
      ic_ival_pow (u, lx, q);
      ic_ival_mul (t, t, u);
      ic_ival_mul (t, t, c);
      ic_ival_mul (u, m, t);
      ic_ival_div (u, u, lx);                         /* u = phi(X) */
      for (long k = 4; k >= 2 && !K; k -= 2)
        {
          ic_ival_set_si (q, k);
          if (ic_ival_lt (q, u)) K = k;               /* (P) */
        }
      ok = K != 0;
    }
  if (ok)
    {
      /* h(X) = -c X^s (log X)^t + K log X, G = [0, exp(h(X))] */
      ic_ival_mul_si (u, lx, K);
      ic_ival_sub (u, u, t);
      ic_ival_exp (u, u);
      form_zero (r);
      r->zero = 0;
      mpq_set_si (r->alpha, -K, 1);
      mpfr_set_zero (u->lo, 1);
      ic_ival_set (r->g, u);
    }
  else snprintf (ctx->why, sizeof ctx->why,
                 "exp(-c n^s (log n)^t): cannot prove a power bound for all n >= %lu", ctx->X);
  ic_ival_clear (c); ic_ival_clear (x); ic_ival_clear (lx);
  ic_ival_clear (t); ic_ival_clear (u); ic_ival_clear (q); ic_ival_clear (m);
  return ok;
}

/* exp(a): exp(A +- B) = exp(A) exp(+-B); exp(log A) = A; exp(s n + t) has
 * lr = s, g = e^t; exp of a bounded or decaying a is a constant form with
 * G = exp(range of a). */
static int form_exp (ic_form *r, const ic_node *a, ic_asym_ctx *ctx)
{
  mpfr_prec_t p = ctx->prec;
  int ok = 0;
  mpq_t s, t;
  mpq_inits (s, t, NULL);
  if (ic_symb_affine (a, s, t))
    {
      ic_ival_t q;
      ic_ival_init2 (q, p);
      form_zero (r);
      r->zero = 0;
      {
        mpq_t Q;
        mpq_init (Q);
        mpq_set_ui (Q, 1, 1);
        lr_set_exact (r, s, Q, 1);                  /* lr = s */
        mpq_clear (Q);
      }
      ic_ival_set_q (q, t);
      ic_ival_exp (r->g, q);
      ic_ival_clear (q);
      mpq_clears (s, t, NULL);
      return 1;
    }
  mpq_clears (s, t, NULL);
  ic_form f1, f2;
  ic_form_init (&f1, p); ic_form_init (&f2, p);
  if (a->op == IC_ADD || a->op == IC_SUB)
    {
      ic_node *nb = a->op == IC_SUB ? ic_node_new (IC_NEG, ic_node_copy (a->b), NULL) : NULL;
      ok = form_exp (&f1, a->a, ctx) && form_exp (&f2, nb ? nb : a->b, ctx);
      if (ok) form_mul (r, &f1, &f2);
      ic_node_free (nb);
    }
  else if (a->op == IC_NEG && a->a->op == IC_LOG)
    {
      /* exp(-log A) = 1/A */
      ok = ic_form_of (&f1, a->a->a, ctx);
      if (ok)
        {
          ic_ival_t one;
          ic_ival_init2 (one, p);
          ic_ival_set_si (one, 1);
          form_const (&f2, one);
          ic_ival_clear (one);
          ok = form_div (r, &f2, &f1, ctx);
        }
    }
  else if (a->op == IC_LOG)
    ok = ic_form_of (r, a->a, ctx);
  else if (ic_form_of (&f1, a, ctx))
    {
      ic_ival_t rg;
      ic_ival_init2 (rg, p);
      int gr = ic_form_growth (&f1);
      if ((gr == -1 || gr == 0 || f1.zero) && ic_form_range (rg, &f1, ctx->X) && ic_ival_is_finite (rg))
        {
          ic_ival_exp (rg, rg);
          form_const (r, rg);
          ok = 1;
        }
      else if (gr == 1 && !mpq_sgn (f1.phi) && f1.lr_zero && !f1.alt && ic_ival_is_neg (f1.g)
               && (mpq_sgn (f1.alpha) > 0 || (mpq_sgn (f1.alpha) == 0 && mpq_cmp_ui (f1.beta, 1, 1) > 0))
               && mpq_sgn (f1.beta) >= 0)
        ok = form_exp_stretched (r, &f1, ctx);
      else snprintf (ctx->why, sizeof ctx->why, "exp of an unbounded non-linear exponent");
      ic_ival_clear (rg);
    }
  ic_form_clear (&f1); ic_form_clear (&f2);
  return ok;
}

/* log a.  Rules:
 *  - a of constant order with a - 1 decaying: log a = u * log(1+u)/u with
 *    u = a - 1 and log(1+u)/u between its values at the ends of the range
 *    of u (it is decreasing in u on (-1, inf));
 *  - a of constant order otherwise: log G (G > 0);
 *  - F(x) = e^{lr x} x^alpha (log x)^beta with lr != 0:
 *        log a = x (lr + (alpha log x + beta log log x + log g)/x);
 *  - lr = 0, alpha != 0: log a = log x (alpha + (beta log log x + log g)/log x);
 *  using for x >= X >= 16: 0 <= log x / x <= log X / X,
 *  0 <= log log x / x <= log log X / X, 0 <= log log x / log x <= log log X / log X. */
static int form_log (ic_form *r, const ic_node *e, ic_asym_ctx *ctx)
{
  mpfr_prec_t p = ctx->prec;
  const ic_node *a = e->a;
  ic_form f, u;
  ic_form_init (&f, p); ic_form_init (&u, p);
  int ok = 0;
  if (ctx->X < 16) { ic_form_clear (&f); ic_form_clear (&u); FAIL ("log rules need n >= 16"); }
  if (!ic_form_of (&f, a, ctx)) goto done;
  if (f.zero || f.alt || !ic_ival_is_pos (f.g))
    { snprintf (ctx->why, sizeof ctx->why, "cannot prove the argument of log positive for large n"); goto done; }
  int gr = ic_form_growth (&f);
  ic_ival_t t, x, lx, llx, c;
  ic_ival_init2 (t, p); ic_ival_init2 (x, p); ic_ival_init2 (lx, p); ic_ival_init2 (llx, p); ic_ival_init2 (c, p);
  ic_ival_set_ui (x, ctx->X);
  ic_ival_log (lx, x);
  ic_ival_log (llx, lx);
  if (gr == 0)
    {
      ic_ival_t rg;
      ic_ival_init2 (rg, p);
      if (ic_form_minus_one (&u, a, ctx) && is_decaying (&u) && ic_form_range (rg, &u, ctx->X)
          && mpfr_cmp_si (rg->lo, -1) > 0)
        {
          if (u.zero) form_zero (r);
          else
            {
              /* ratio log(1+u)/u: decreasing in u, equal to 1 at u = 0 */
              ic_ival_t q1, q2, one;
              ic_ival_init2 (q1, p); ic_ival_init2 (q2, p); ic_ival_init2 (one, p);
              ic_ival_set_si (one, 1);
              ic_ival_t ulo, uhi;
              ic_ival_init2 (ulo, p); ic_ival_init2 (uhi, p);
              ic_ival_set_fr (ulo, rg->lo);
              ic_ival_set_fr (uhi, rg->hi);
              if (mpfr_zero_p (rg->lo)) ic_ival_set_si (q1, 1);
              else { ic_ival_log1p (q1, ulo); ic_ival_div (q1, q1, ulo); }
              if (mpfr_zero_p (rg->hi)) ic_ival_set_si (q2, 1);
              else { ic_ival_log1p (q2, uhi); ic_ival_div (q2, q2, uhi); }
              ic_ival_hull (q1, q1, q2);
              ic_ival_hull (q1, q1, one);
              form_set (r, &u);
              ic_ival_mul (r->g, u.g, q1);
              ic_ival_clear (q1); ic_ival_clear (q2); ic_ival_clear (one);
              ic_ival_clear (ulo); ic_ival_clear (uhi);
            }
          ok = 1;
        }
      else
        {
          ctx->why[0] = 0;
          ic_ival_log (t, f.g);
          form_const (r, t);
          ok = 1;
        }
      ic_ival_clear (rg);
    }
  else if (gr != 2 && mpq_sgn (f.phi) == 0)
    {
      /* correction terms, each an interval product with a [0, bound] */
      ic_ival_t corr, b;
      ic_ival_init2 (corr, p); ic_ival_init2 (b, p);
      ic_ival_log (corr, f.g);                           /* log g */
      if (!f.lr_zero)
        {
          /* (alpha log x + beta log log x + log g) / x */
          ic_ival_t s;
          ic_ival_init2 (s, p);
          ic_ival_div (b, lx, x); mpfr_set_zero (b->lo, 1);
          ic_ival_set_q (c, f.alpha); ic_ival_mul (s, c, b);
          ic_ival_div (b, llx, x); mpfr_set_zero (b->lo, 1);
          ic_ival_set_q (c, f.beta); ic_ival_mul (t, c, b); ic_ival_add (s, s, t);
          ic_ival_set_si (b, 1); ic_ival_div (b, b, x); mpfr_set_zero (b->lo, 1);
          ic_ival_mul (t, corr, b); ic_ival_add (s, s, t);
          form_zero (r); r->zero = 0;
          mpq_set_ui (r->alpha, 1, 1);
          ic_ival_add (r->g, f.lr, s);
          ic_ival_clear (s);
          ok = 1;
        }
      else if (mpq_sgn (f.alpha))
        {
          ic_ival_t s;
          ic_ival_init2 (s, p);
          ic_ival_div (b, llx, lx); mpfr_set_zero (b->lo, 1);
          ic_ival_set_q (c, f.beta); ic_ival_mul (s, c, b);
          ic_ival_set_si (b, 1); ic_ival_div (b, b, lx); mpfr_set_zero (b->lo, 1);
          ic_ival_mul (t, corr, b); ic_ival_add (s, s, t);
          form_zero (r); r->zero = 0;
          mpq_set_ui (r->beta, 1, 1);
          ic_ival_set_q (c, f.alpha);
          ic_ival_add (r->g, c, s);
          ic_ival_clear (s);
          ok = 1;
        }
      else snprintf (ctx->why, sizeof ctx->why, "log of a power of log n (log log n) is not supported");
      ic_ival_clear (corr); ic_ival_clear (b);
    }
  else snprintf (ctx->why, sizeof ctx->why, "log of a factorial or of an undecided growth");
  ic_ival_clear (t); ic_ival_clear (x); ic_ival_clear (lx); ic_ival_clear (llx); ic_ival_clear (c);
done:
  ic_form_clear (&f); ic_form_clear (&u);
  return ok;
}

/* e - 1.  Identities used:
 *   A/B - 1 = (A - B)/B;  exp(a) - 1 = a * (e^a - 1)/a with the ratio
 *   between its values at the ends of the range of a (increasing in a);
 *   cos(a) - 1 = -(a^2/2) * c with c in [1 - a^2/12, 1];
 *   (1 + u)^k - 1 = k u (1 + xi)^(k-1), xi between 0 and u (mean value);
 *   otherwise the simplified sum e - 1. */
static int minus_one_rules (ic_form *r, const ic_node *e, ic_asym_ctx *ctx);

int ic_form_minus_one (ic_form *r, const ic_node *e, ic_asym_ctx *ctx)
{
  int saved = ctx->in_minus_one;
  ctx->in_minus_one = 1;
  int ok = minus_one_rules (r, e, ctx);
  ctx->in_minus_one = saved;
  if (!ok || form_vague (r))
    {
      /* the Taylor model of e - 1 sees second-order cancellation */
      ic_node *d = ic_node_new (IC_SUB, ic_node_copy (e), ic_node_num_si (1));
      ok = tmodel_fallback (r, d, ok, ctx);
      ic_node_free (d);
    }
  return ok;
}

static int minus_one_rules (ic_form *r, const ic_node *e, ic_asym_ctx *ctx)
{
  if (try_ratfun (r, e, 1, ctx)) return 1;
  ctx->why[0] = 0;
  ic_node *ex = pow_as_exp (e);
  if (ex)
    {
      int ok = ic_form_minus_one (r, ex, ctx);
      ic_node_free (ex);
      return ok;
    }
  mpfr_prec_t p = ctx->prec;
  int ok = 0;
  ic_form a, b;
  ic_form_init (&a, p); ic_form_init (&b, p);
  if (e->op == IC_DIV)
    {
      ic_node *d = ic_symb_simplify (ic_node_new (IC_SUB, ic_node_copy (e->a), ic_node_copy (e->b)));
      ok = ic_form_of (&a, d, ctx) && ic_form_of (&b, e->b, ctx) && form_div (r, &a, &b, ctx);
      ic_node_free (d);
      if (ok) goto done;
      ctx->why[0] = 0;
    }
  if (e->op == IC_MUL)
    {
      /* A B - 1 = (A - 1) + (B - 1) + (A - 1)(B - 1) */
      ic_form ua, ub, s1, s2;
      ic_form_init (&ua, p); ic_form_init (&ub, p); ic_form_init (&s1, p); ic_form_init (&s2, p);
      ok = ic_form_minus_one (&ua, e->a, ctx) && ic_form_minus_one (&ub, e->b, ctx);
      if (ok)
        {
          form_mul (&s2, &ua, &ub);
          ok = form_add (&s1, &ua, &ub, 1, ctx) && form_add (r, &s1, &s2, 1, ctx);
        }
      ic_form_clear (&ua); ic_form_clear (&ub); ic_form_clear (&s1); ic_form_clear (&s2);
      if (ok) goto done;
      ctx->why[0] = 0;
    }
  if (e->op == IC_EXP || e->op == IC_COS
      || (e->op == IC_POW && !ic_node_has_var (e->b) && e->b->op == IC_NUM)
      || e->op == IC_SQRT)
    {
      const ic_node *arg = e->a;
      ic_ival_t rg, q1, q2;
      ic_ival_init2 (rg, p); ic_ival_init2 (q1, p); ic_ival_init2 (q2, p);
      int have;
      if (e->op == IC_EXP || e->op == IC_COS)
        have = ic_form_of (&a, arg, ctx);
      else
        have = ic_form_minus_one (&a, arg, ctx);      /* u = base - 1 */
      if (have && is_decaying (&a) && ic_form_range (rg, &a, ctx->X) && ic_ival_is_finite (rg))
        {
          if (a.zero) { form_zero (r); ok = 1; }
          else if (e->op == IC_EXP)
            {
              /* (e^a - 1)/a at both ends, hull with 1 (value at a = 0) */
              ic_ival_t one, v;
              ic_ival_init2 (one, p); ic_ival_init2 (v, p);
              ic_ival_set_si (one, 1);
              ic_ival_hull (q1, one, one);
              for (int side = 0; side < 2; side++)
                {
                  mpfr_srcptr end = side ? rg->hi : rg->lo;
                  if (mpfr_zero_p (end)) continue;
                  ic_ival_set_fr (v, end);
                  ic_ival_exp (q2, v);
                  ic_ival_sub (q2, q2, one);
                  ic_ival_div (q2, q2, v);
                  ic_ival_hull (q1, q1, q2);
                }
              form_set (r, &a);
              ic_ival_mul (r->g, a.g, q1);
              ic_ival_clear (one); ic_ival_clear (v);
              ok = 1;
            }
          else if (e->op == IC_COS)
            {
              ic_ival_sqr (q1, rg);
              mpfr_div_ui (q1->hi, q1->hi, 12, MPFR_RNDU);
              mpfr_ui_sub (q2->lo, 1, q1->hi, MPFR_RNDD);
              mpfr_set_ui (q2->hi, 1, MPFR_RNDU);     /* c in [1 - a^2/12, 1] */
              form_mul (r, &a, &a);
              ic_ival_mul (r->g, r->g, q2);
              ic_ival_div_ui (r->g, r->g, 2);
              ic_ival_neg (r->g, r->g);
              r->alt = 0;
              ok = 1;
            }
          else if (mpfr_cmp_si (rg->lo, -1) > 0)
            {
              /* (1+u)^k - 1 = k u (1+xi)^(k-1) */
              mpq_t k;
              mpq_init (k);
              if (e->op == IC_SQRT) mpq_set_ui (k, 1, 2); else mpq_set (k, e->b->q);
              ic_ival_t kk, km1, one;
              ic_ival_init2 (kk, p); ic_ival_init2 (km1, p); ic_ival_init2 (one, p);
              ic_ival_set_si (one, 1);
              ic_ival_set_q (kk, k);
              ic_ival_sub (km1, kk, one);
              ic_ival_t base;
              ic_ival_init2 (base, p);
              /* xi ranges over hull(0, range u): 1 + xi in [1 + min(lo,0), 1 + max(hi,0)] */
              ic_ival_set_fr (base, rg->lo);
              if (mpfr_sgn (base->hi) > 0) mpfr_set_zero (base->hi, 1);
              if (mpfr_sgn (base->lo) > 0) mpfr_set_zero (base->lo, 1);
              mpfr_t hi;
              mpfr_init2 (hi, p);
              mpfr_set (hi, rg->hi, MPFR_RNDU);
              if (mpfr_sgn (hi) < 0) mpfr_set_zero (hi, 1);
              mpfr_set (base->hi, hi, MPFR_RNDU);
              mpfr_clear (hi);
              ic_ival_add (base, base, one);
              ic_ival_pow (q1, base, km1);
              form_set (r, &a);
              ic_ival_mul (r->g, a.g, kk);
              ic_ival_mul (r->g, r->g, q1);
              ic_ival_clear (kk); ic_ival_clear (km1); ic_ival_clear (one); ic_ival_clear (base);
              mpq_clear (k);
              ok = 1;
            }
        }
      ic_ival_clear (rg); ic_ival_clear (q1); ic_ival_clear (q2);
      if (ok) goto done;
      ctx->why[0] = 0;
    }
  {
    ic_node *d = ic_symb_minus_one (e);
    ok = ic_form_of (r, d, ctx);
    ic_node_free (d);
  }
done:
  ic_form_clear (&a); ic_form_clear (&b);
  return ok;
}

/* ---- facts for the verdict kernel ------------------------------------- */

static int env_class (const ic_form *f, unsigned long X, mpfr_prec_t p)
{
  if (f->zero) return IC_ENV_SUMMABLE;
  int sphi = mpq_sgn (f->phi);
  if (sphi < 0) return IC_ENV_SUMMABLE;
  if (sphi > 0) return F_monotone (f, X, +1, p) ? IC_ENV_NOT_DECAYING : IC_ENV_NONE;
  if (!f->lr_zero)
    {
      int l = lr_sign (f);
      if (l < 0) return IC_ENV_SUMMABLE;
      if (l > 0) return F_monotone (f, X, +1, p) ? IC_ENV_NOT_DECAYING : IC_ENV_NONE;
      return IC_ENV_NONE;
    }
  if (mpq_cmp_si (f->alpha, -1, 1) < 0) return IC_ENV_SUMMABLE;
  if (mpq_cmp_si (f->alpha, -1, 1) == 0 && mpq_cmp_si (f->beta, -1, 1) < 0) return IC_ENV_SUMMABLE;
  if (ic_form_growth (f) < 0) return IC_ENV_DECAYS;
  return F_monotone (f, X, +1, p) ? IC_ENV_NOT_DECAYING : IC_ENV_NONE;
}

void ic_form_facts (ic_seq_facts *sf, const ic_form *f, const ic_node *e, ic_asym_ctx *ctx)
{
  mpfr_prec_t p = ctx->prec;
  sf->env = env_class (f, ctx->X, p);
  /* A summable envelope, and the decay Leibniz's test needs, are claims
   * |a(n)| <= C F(n) with a finite C: with g unbounded above (an infinite
   * end, e.g. an overflowed ratio bound) they do not hold (the certificate
   * read "|a(n)| <= inf * F(n)").  A lower bound (term test, lower
   * comparison) needs only g away from 0. */
  if (!f->zero && !ic_ival_is_finite (f->g)
      && (sf->env == IC_ENV_SUMMABLE || (sf->env == IC_ENV_DECAYS && f->alt)))
    sf->env = IC_ENV_NONE;
  sf->sign = f->zero ? 0 : sgn_ival (f->g);
  sf->alt = f->alt;
  sf->decreasing = 0;
  if (!f->alt || !sf->sign || !e) return;
  /* |h| non-increasing: h' has the sign opposite to h on [X, inf). */
  ic_node *h = NULL;
  int parity;
  if (!ic_symb_strip_alt (e, &h, &parity)) return;
  if (ic_node_is_smooth (h))
    {
      ic_node *d = ic_symb_deriv (h);
      ic_form fh, fd;
      ic_form_init (&fh, p); ic_form_init (&fd, p);
      if (d && ic_form_of (&fh, h, ctx) && ic_form_of (&fd, d, ctx) && !fh.alt && !fd.alt)
        {
          int sh = sgn_ival (fh.g), sd = fd.zero ? 0 : sgn_ival (fd.g);
          if (sh && sd == -sh) sf->decreasing = 1;
          if (fd.zero) sf->decreasing = 1;
        }
      ctx->why[0] = 0;
      ic_form_clear (&fh); ic_form_clear (&fd);
      ic_node_free (d);
    }
  ic_node_free (h);
}

/* ---- tails ----------------------------------------------------------- */

int ic_form_tail (ic_ival_ptr out, const ic_form *f, unsigned long N, char *how, size_t howlen)
{
  mpfr_prec_t p = ic_ival_get_prec (out);
  if (f->zero) { ic_ival_set_si (out, 0); snprintf (how, howlen, "terms are 0"); return 1; }
  if (N > ULONG_MAX - 2) return 0;          /* N + 2 below must not wrap */
  ic_ival_t T, g, t1, rho;
  ic_ival_init2 (T, p); ic_ival_init2 (g, p); ic_ival_init2 (t1, p); ic_ival_init2 (rho, p);
  int ok = 0;
  ic_ival_set (g, f->g);
  if (f->alt)
    {
      ic_ival_neg (t1, g);
      ic_ival_hull (g, g, t1);
    }
  int sphi = mpq_sgn (f->phi);
  int slr = lr_sign (f);
  if (sphi < 0 || (sphi == 0 && slr < 0))
    {
      /* ratio F(n+1)/F(n) <= rho for n > N:
       *   (n+1)^phi e^lr (1+1/n)^alpha (log(n+1)/log n)^beta
       * each factor bounded at n = N+1 by monotonicity (phi < 0: (n+1)^phi
       * decreasing; alpha, beta > 0 factors decreasing to 1; <= 1 otherwise). */
      ic_ival_t x, x1, a, l0, l1;
      ic_ival_init2 (x, p); ic_ival_init2 (x1, p); ic_ival_init2 (a, p); ic_ival_init2 (l0, p); ic_ival_init2 (l1, p);
      ic_ival_set_ui (x, N + 1);
      ic_ival_set_ui (x1, N + 2);
      ic_ival_set_si (rho, 1);
      if (sphi < 0)
        {
          ic_ival_set_q (a, f->phi);
          ic_ival_pow (t1, x1, a);
          ic_ival_mul (rho, rho, t1);
        }
      if (!f->lr_zero) { ic_ival_exp (t1, f->lr); ic_ival_mul (rho, rho, t1); }
      if (mpq_sgn (f->alpha) > 0)
        {
          ic_ival_div (t1, x1, x);
          ic_ival_set_q (a, f->alpha);
          ic_ival_pow (t1, t1, a);
          ic_ival_mul (rho, rho, t1);
        }
      if (mpq_sgn (f->beta) > 0)
        {
          ic_ival_log (l0, x); ic_ival_log (l1, x1);
          ic_ival_div (t1, l1, l0);
          ic_ival_set_q (a, f->beta);
          ic_ival_pow (t1, t1, a);
          ic_ival_mul (rho, rho, t1);
        }
      ic_form_F_at (t1, f, N + 1);
      if (ic_tail_geometric (T, t1, rho) == IC_IVAL_OK)
        {
          ok = 1;
          /* the printed rho is rounded up: the stated bound holds */
          mpfr_snprintf (how, howlen, "ratio bound: F(n+1)/F(n) <= %.6RUg for n > %lu, geometric tail",
                         rho->hi, N);
        }
      ic_ival_clear (x); ic_ival_clear (x1); ic_ival_clear (a); ic_ival_clear (l0); ic_ival_clear (l1);
    }
  else if (sphi == 0 && slr == 0)
    {
      ic_ival_t al, be;
      ic_ival_init2 (al, p); ic_ival_init2 (be, p);
      ic_ival_set_q (al, f->alpha);
      ic_ival_set_q (be, f->beta);
      ic_ival_t T2;
      ic_ival_init2 (T2, p);
      int ok2 = N >= 2 && mpq_sgn (f->beta) > 0 && ic_integral_test_powerlog (T2, f->alpha, f->beta, N, p);
      if (ic_tail_powerlog (T, al, be, N) == IC_IVAL_OK)
        {
          ok = 1;
          snprintf (how, howlen, "integral test on [%lu, inf)", N);
          /* both enclose the tail: keep the intersection (the exact
           * integral with the trapezoidal remainder is far tighter) */
          if (ok2 && ic_ival_intersect (T, T, T2))
            snprintf (how, howlen, "integral test on [%lu, inf), intersected with the exact integral and trapezoidal rule", N);
        }
      else if (ok2)
        {
          /* n^alpha (log n)^beta, beta > 0, still rising at N (or the
           * kernel's bound needs beta / log N < -1 - alpha, out of reach
           * for alpha close to -1): the unimodal integral test with the
           * exact integral (integral.h) */
          ic_ival_set (T, T2);
          ok = 1;
          snprintf (how, howlen, "unimodal integral test on [%lu, inf) with the exact integral", N);
        }
      ic_ival_clear (T2);
      ic_ival_clear (al); ic_ival_clear (be);
    }
  if (ok) ic_tail_scale (out, g, T);
  ic_ival_clear (T); ic_ival_clear (g); ic_ival_clear (t1); ic_ival_clear (rho);
  return ok;
}

/* ---- F(n) as text -------------------------------------------------------
 *
 * F(n) = (n!)^phi exp(lr n) n^alpha (log n)^beta is written in the term
 * syntax.  A part whose exact text is longer than the limits below (n^-(1 +
 * 1e-400) has a 401-digit exponent; a certificate item holds 400 characters)
 * is written, depending on `side`, as
 *   side = 0   a symbol, the exact value (n^alpha, exp(r*n), ...);
 *   side > 0   a decimal rounded up: the text is >= F(n);
 *   side < 0   a decimal rounded down: the text is <= F(n);
 * since every base is >= 1 for n >= 16 (n, log n > 2.7, n!, and exp(n) for
 * the rate), F grows with each exponent. */

#define EXP_TEXT_MAX 40       /* characters of one exponent p/q */
#define RATE_TEXT_MAX 80      /* digits of lq and lQ together   */

static int q_short (mpq_srcptr q)
{
  return mpz_sizeinbase (mpq_numref (q), 10) + mpz_sizeinbase (mpq_denref (q), 10) <= EXP_TEXT_MAX;
}

static int rate_short (const ic_form *f)
{
  return f->lr_ex
         && mpz_sizeinbase (mpq_numref (f->lQ), 10) + mpz_sizeinbase (mpq_denref (f->lQ), 10)
            + mpz_sizeinbase (mpq_numref (f->lq), 10) + mpz_sizeinbase (mpq_denref (f->lq), 10) <= RATE_TEXT_MAX;
}

int ic_form_F_exact (const ic_form *f)
{
  if (f->zero) return 1;
  return q_short (f->phi) && q_short (f->alpha) && q_short (f->beta) && (f->lr_zero || rate_short (f));
}

/* A decimal >= x (side > 0) or <= x (side < 0). */
static void put_decimal (ic_buf *b, mpfr_srcptr x, int side)
{
  char *s = ic_fr_to_decimal (x, 12, side > 0 ? MPFR_RNDU : MPFR_RNDD);
  ic_buf_printf (b, "(%s)", s);
  free (s);
}

/* "^p" for the exponent q of a base >= 1: "^-2", "^(1/2)", "^(-1001/1000)"
 * (the parser reads n^-1001/1000 as n^(-1001) / 1000), or the symbol /
 * rounded decimal of the header; nothing for q = 1. */
static void put_exponent (ic_buf *b, mpq_srcptr q, int side, const char *name)
{
  if (mpq_cmp_ui (q, 1, 1) == 0) return;
  ic_buf_puts (b, "^");
  if (!q_short (q))
    {
      if (side == 0) { ic_buf_puts (b, name); return; }
      mpfr_t x;
      mpfr_init2 (x, 64);
      mpfr_set_q (x, q, side > 0 ? MPFR_RNDU : MPFR_RNDD);
      put_decimal (b, x, side);
      mpfr_clear (x);
      return;
    }
  char *s = mpq_get_str (NULL, 10, q);
  if (mpz_cmp_ui (mpq_denref (q), 1) == 0) ic_buf_puts (b, s);
  else ic_buf_printf (b, "(%s)", s);
  free (s);
}

char *ic_form_F_string (const ic_form *f, int side)
{
  ic_buf b;
  ic_buf_init (&b);
  if (f->zero) { ic_buf_puts (&b, "0"); return ic_buf_take (&b); }
  int any = 0;
  char *s;
#define SEP() do { if (any) ic_buf_puts (&b, "*"); any = 1; } while (0)
  if (mpq_sgn (f->phi))
    {
      SEP ();
      ic_buf_puts (&b, "factorial(n)");
      put_exponent (&b, f->phi, side, "phi");
    }
  if (!f->lr_zero && rate_short (f))
    {
      /* exp(lr n) = exp(lq n) * lQ^(n/lD) exactly */
      if (mpq_sgn (f->lq))
        {
          SEP ();
          if (mpq_cmp_si (f->lq, 1, 1) == 0) ic_buf_puts (&b, "exp(n)");
          else if (mpq_cmp_si (f->lq, -1, 1) == 0) ic_buf_puts (&b, "exp(-n)");
          else { s = mpq_get_str (NULL, 10, f->lq); ic_buf_printf (&b, "exp(%s*n)", s); free (s); }
        }
      if (mpq_cmp_ui (f->lQ, 1, 1) != 0)
        {
          SEP ();
          s = mpq_get_str (NULL, 10, f->lQ);
          if (mpz_cmp_ui (mpq_denref (f->lQ), 1) == 0) ic_buf_puts (&b, s);
          else ic_buf_printf (&b, "(%s)", s);
          free (s);
          if (f->lD == 1) ic_buf_puts (&b, "^n");
          else ic_buf_printf (&b, "^(n/%lu)", f->lD);
        }
    }
  else if (!f->lr_zero)
    {
      SEP ();
      if (side == 0) ic_buf_puts (&b, "exp(r*n)");
      else
        {
          /* a decimal R >= lr (side > 0) or <= lr (side < 0): since n > 0,
           * exp(R n) >= exp(lr n), resp. <= */
          ic_buf_puts (&b, "exp(");
          put_decimal (&b, side > 0 ? f->lr->hi : f->lr->lo, side);
          ic_buf_puts (&b, "*n)");
        }
    }
  if (mpq_sgn (f->alpha))
    {
      SEP ();
      ic_buf_puts (&b, "n");
      put_exponent (&b, f->alpha, side, "alpha");
    }
  if (mpq_sgn (f->beta))
    {
      SEP ();
      ic_buf_puts (&b, "log(n)");
      put_exponent (&b, f->beta, side, "beta");
    }
#undef SEP
  if (!any) ic_buf_puts (&b, "1");
  return ic_buf_take (&b);
}

void ic_form_F_symbols (const ic_form *f, void (*put) (void *arg, const char *name, ic_ival_srcptr x), void *arg)
{
  if (f->zero) return;
  ic_ival_t x;
  ic_ival_init2 (x, 128);
  if (mpq_sgn (f->phi) && !q_short (f->phi)) { ic_ival_set_q (x, f->phi); put (arg, "phi", x); }
  if (!f->lr_zero && !rate_short (f)) put (arg, "r", f->lr);
  if (mpq_sgn (f->alpha) && !q_short (f->alpha)) { ic_ival_set_q (x, f->alpha); put (arg, "alpha", x); }
  if (mpq_sgn (f->beta) && !q_short (f->beta)) { ic_ival_set_q (x, f->beta); put (arg, "beta", x); }
  ic_ival_clear (x);
}

char *ic_form_envelope_string (const ic_form *f)
{
  return ic_form_F_string (f, 0);
}
