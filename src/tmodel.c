/* tmodel.c — certified Taylor models at n = infinity (see tmodel.h).
 *
 * Notation: on x >= X put t = 1/x in (0, T], T = 1/X.  A model
 * (a, c_0..c_d, r) states f(x) = x^a (P(t) + R), P = sum c_i t^i, with
 * |R| <= r t^(d+1).  Every bound below is a sum of products of non-negative
 * numbers, computed in MPFR with upward rounding, so each computed bound is
 * >= the exact one.  |P|_j := sum_{i >= j} |c_i| T^(i-j) bounds |P_j(t)|/t^j
 * for the part P_j of P of degree >= j (t <= T).
 *
 * (Trunc) Lowering the order from d to m < d: the terms c_i t^i, i > m, are
 *   <= |c_i| T^(i-m-1) t^(m+1), and r t^(d+1) <= r T^(d-m) t^(m+1).
 * (Shift) x^(a-k) (P + R) = x^a t^k (P + R) for an integer k >= 0:
 *   coefficients move up by k; those beyond d go to the remainder as in
 *   (Trunc), and the remainder becomes r T^k.
 * (Add) same order and scale (after Trunc and Shift): c_i + e_i, r + r'.
 * (Mul) x^(a+b) (P Q + P R' + Q R + R R'): coefficients of P Q up to d;
 *   the rest sum_{i+j > d} c_i e_j t^(i+j) <= sum |c_i||e_j| T^(i+j-d-1)
 *   t^(d+1); |P R'| <= |P|_0 r' t^(d+1); |R R'| <= r r' T^(d+1) t^(d+1).
 * (Norm) c_0 = 0 exactly: x^a (t P' + R) = x^(a-1) (P' + R/t) with
 *   |R/t| <= r t^d: order d-1, same r.
 * (Comp) F analytic, w a model with a = 0, c_0 = 0 (w -> 0): with
 *   W1 = |P_w|_1 + r_w T^d, |w(x)| <= W1 t and |w| <= W = W1 T.  If
 *   |F(w) - sum_{k<=d} f_k w^k| <= C |w|^(d+1) for |w| <= W, then
 *   F(w) = sum f_k w^k (Horner on models, exact coefficients) + E with
 *   |E| <= C W1^(d+1) t^(d+1).  The constants C (Lagrange remainders):
 *     exp:  e^W / (d+1)!
 *     sin, cos: 1/(d+1)!                  (|derivatives| <= 1)
 *     atan: 1/(d+1)                       (|atan^(k)| <= (k-1)!)
 *     log(1+w), W < 1: 1/((d+1) (1-W)^(d+1))
 *     (1+w)^q, W < 1: |binom(q, d+1)| max((1-W)^(q-d-1), (1+W)^(q-d-1)).
 * (Pow) g = x^a c_0 (1 + v), c_0 != 0, v = (P - c_0)/c_0 + R/c_0 -> 0:
 *   g^q = x^(a q) c_0^q (1 + v)^q for q an integer, or for q = p/m when
 *   c_0 > 0 is the m-th power of a rational (so c_0^q is exact) and W < 1
 *   (then g > 0).  Division is g^-1.  log g needs a = 0 and c_0 = 1 (else
 *   log x or an irrational constant appears): log g = log(1 + v).
 * Definedness: each division, log, root and non-integer power is applied
 * to x^a c_0 (1 + v) with |v| <= W < 1, which is non-zero (positive when
 * c_0 > 0) on all of [X, inf).
 */
#include <string.h>
#include "tmodel.h"
#include "symb.h"

#define TM_PREC 128
#define TM_MAX_BITS 20000          /* coefficient size cap (bits) */

typedef struct {
  int d;
  mpfr_t T;                        /* >= 1/X */
} tm_ctx;

void ic_tm_init (ic_tm *f, mpfr_prec_t prec)
{
  (void) prec;
  mpq_init (f->a);
  for (int i = 0; i <= IC_TM_MAXD; i++) mpq_init (f->c[i]);
  mpfr_init2 (f->r, TM_PREC);
  mpfr_set_zero (f->r, 1);
  f->d = 0;
}

void ic_tm_clear (ic_tm *f)
{
  mpq_clear (f->a);
  for (int i = 0; i <= IC_TM_MAXD; i++) mpq_clear (f->c[i]);
  mpfr_clear (f->r);
}

static void tm_set (ic_tm *z, const ic_tm *f)
{
  if (z == f) return;
  mpq_set (z->a, f->a);
  z->d = f->d;
  for (int i = 0; i <= IC_TM_MAXD; i++) mpq_set (z->c[i], f->c[i]);
  mpfr_set (z->r, f->r, MPFR_RNDU);
}

static void tm_const (ic_tm *f, mpq_srcptr q, int d)
{
  mpq_set_ui (f->a, 0, 1);
  f->d = d;
  for (int i = 0; i <= IC_TM_MAXD; i++) mpq_set_ui (f->c[i], 0, 1);
  mpq_set (f->c[0], q);
  mpfr_set_zero (f->r, 1);
}

static int tm_too_big (const ic_tm *f)
{
  size_t bits = 0;
  for (int i = 0; i <= f->d; i++)
    bits += mpz_sizeinbase (mpq_numref (f->c[i]), 2) + mpz_sizeinbase (mpq_denref (f->c[i]), 2);
  return bits > TM_MAX_BITS || !mpfr_number_p (f->r);
}

/* out = |q| rounded up */
static void abs_up (mpfr_t out, mpq_srcptr q)
{
  mpfr_set_q (out, q, MPFR_RNDU);
  if (mpfr_sgn (out) < 0) { mpfr_set_q (out, q, MPFR_RNDD); mpfr_neg (out, out, MPFR_RNDU); }
}

/* out = sum_{i >= j} |c_i| T^(i-j)  (upper bound of |P_j(t)| / t^j) */
static void poly_bound (mpfr_t out, const ic_tm *f, int j, const tm_ctx *C)
{
  mpfr_t a, p;
  mpfr_inits2 (TM_PREC, a, p, (mpfr_ptr) 0);
  mpfr_set_zero (out, 1);
  mpfr_set_ui (p, 1, MPFR_RNDU);
  for (int i = j; i <= f->d; i++)
    {
      abs_up (a, f->c[i]);
      mpfr_mul (a, a, p, MPFR_RNDU);
      mpfr_add (out, out, a, MPFR_RNDU);
      mpfr_mul (p, p, C->T, MPFR_RNDU);
    }
  mpfr_clears (a, p, (mpfr_ptr) 0);
}

/* out = T^k (k >= 0), upward */
static void T_pow (mpfr_t out, long k, const tm_ctx *C)
{
  mpfr_pow_ui (out, C->T, (unsigned long) k, MPFR_RNDU);
}

/* (Trunc) order m <= f->d */
static void tm_trunc (ic_tm *f, int m, const tm_ctx *C)
{
  if (m >= f->d) return;
  mpfr_t a, p;
  mpfr_inits2 (TM_PREC, a, p, (mpfr_ptr) 0);
  T_pow (p, f->d - m, C);
  mpfr_mul (f->r, f->r, p, MPFR_RNDU);
  for (int i = m + 1; i <= f->d; i++)
    {
      abs_up (a, f->c[i]);
      T_pow (p, i - m - 1, C);
      mpfr_mul (a, a, p, MPFR_RNDU);
      mpfr_add (f->r, f->r, a, MPFR_RNDU);
      mpq_set_ui (f->c[i], 0, 1);
    }
  f->d = m;
  mpfr_clears (a, p, (mpfr_ptr) 0);
}

/* (Shift) multiply by t^k, k >= 0 (the caller lowers a by... sets a):
 * t^k (P + R) has coefficients c_i at i + k and |t^k R| <= r t^(d+k+1),
 * so the order becomes d + k with the same r; then (Trunc) to order m. */
static void tm_shift (ic_tm *f, long k, int m, const tm_ctx *C)
{
  if (k > 0)
    {
      int nd = f->d + (int) k;
      /* coefficients beyond IC_TM_MAXD go to the remainder first */
      if (nd > IC_TM_MAXD) { tm_trunc (f, IC_TM_MAXD - (int) k, C); nd = IC_TM_MAXD; }
      for (int i = f->d; i >= 0; i--)
        {
          mpq_set (f->c[i + k], f->c[i]);
          mpq_set_ui (f->c[i], 0, 1);
        }
      f->d = nd;
    }
  tm_trunc (f, m, C);
}

/* z = f + sg g; 0 if the scales differ by a non-integer. */
static int tm_add (ic_tm *z, const ic_tm *f0, const ic_tm *g0, int sg, const tm_ctx *C)
{
  ic_tm f, g;
  ic_tm_init (&f, 0); ic_tm_init (&g, 0);
  tm_set (&f, f0); tm_set (&g, g0);
  mpq_t k;
  mpq_init (k);
  mpq_sub (k, f.a, g.a);
  int ok = mpz_cmp_ui (mpq_denref (k), 1) == 0 && mpz_cmpabs_ui (mpq_numref (k), IC_TM_MAXD) <= 0;
  if (ok)
    {
      long kk = mpz_get_si (mpq_numref (k));
      if (kk > 0) { tm_shift (&g, kk, IC_TM_MAXD, C); mpq_set (g.a, f.a); }
      else if (kk < 0) { tm_shift (&f, -kk, IC_TM_MAXD, C); mpq_set (f.a, g.a); }
      int m = f.d < g.d ? f.d : g.d;
      tm_trunc (&f, m, C); tm_trunc (&g, m, C);
      mpq_set (z->a, f.a);
      z->d = m;
      for (int i = 0; i <= IC_TM_MAXD; i++)
        {
          if (i > m) { mpq_set_ui (z->c[i], 0, 1); continue; }
          if (sg > 0) mpq_add (z->c[i], f.c[i], g.c[i]); else mpq_sub (z->c[i], f.c[i], g.c[i]);
        }
      mpfr_add (z->r, f.r, g.r, MPFR_RNDU);
    }
  else if (mpz_cmp_ui (mpq_denref (k), 1) == 0)
    {
      /* scales far apart: the smaller summand is all remainder */
      ok = 0;
    }
  mpq_clear (k);
  ic_tm_clear (&f); ic_tm_clear (&g);
  return ok && !tm_too_big (z);
}

/* z = f g (Mul) */
static int tm_mul (ic_tm *z, const ic_tm *f0, const ic_tm *g0, const tm_ctx *C)
{
  ic_tm f, g;
  ic_tm_init (&f, 0); ic_tm_init (&g, 0);
  tm_set (&f, f0); tm_set (&g, g0);
  int m = f.d < g.d ? f.d : g.d;
  tm_trunc (&f, m, C); tm_trunc (&g, m, C);
  mpfr_t r, a, b, p, Bf, Bg;
  mpfr_inits2 (TM_PREC, r, a, b, p, Bf, Bg, (mpfr_ptr) 0);
  mpq_t s;
  mpq_init (s);
  mpq_add (z->a, f.a, g.a);
  mpfr_set_zero (r, 1);
  for (int k = 0; k <= 2 * m; k++)
    {
      mpq_set_ui (s, 0, 1);
      for (int i = 0; i <= m; i++)
        {
          int j = k - i;
          if (j < 0 || j > m) continue;
          if (k <= m) { mpq_t u; mpq_init (u); mpq_mul (u, f.c[i], g.c[j]); mpq_add (s, s, u); mpq_clear (u); }
          else
            {
              abs_up (a, f.c[i]); abs_up (b, g.c[j]);
              mpfr_mul (a, a, b, MPFR_RNDU);
              T_pow (p, k - m - 1, C);
              mpfr_mul (a, a, p, MPFR_RNDU);
              mpfr_add (r, r, a, MPFR_RNDU);
            }
        }
      if (k <= m) mpq_set (z->c[k], s);
    }
  for (int i = m + 1; i <= IC_TM_MAXD; i++) mpq_set_ui (z->c[i], 0, 1);
  poly_bound (Bf, &f, 0, C);
  poly_bound (Bg, &g, 0, C);
  mpfr_mul (a, Bf, g.r, MPFR_RNDU); mpfr_add (r, r, a, MPFR_RNDU);
  mpfr_mul (a, Bg, f.r, MPFR_RNDU); mpfr_add (r, r, a, MPFR_RNDU);
  T_pow (p, m + 1, C);
  mpfr_mul (a, f.r, g.r, MPFR_RNDU); mpfr_mul (a, a, p, MPFR_RNDU); mpfr_add (r, r, a, MPFR_RNDU);
  z->d = m;
  mpfr_set (z->r, r, MPFR_RNDU);
  mpq_clear (s);
  mpfr_clears (r, a, b, p, Bf, Bg, (mpfr_ptr) 0);
  ic_tm_clear (&f); ic_tm_clear (&g);
  return !tm_too_big (z);
}

int ic_tm_normalize (ic_tm *f)
{
  int k = 0;
  while (f->d > 0 && mpq_sgn (f->c[0]) == 0)
    {
      for (int i = 0; i < f->d; i++) mpq_set (f->c[i], f->c[i + 1]);
      mpq_set_ui (f->c[f->d], 0, 1);
      f->d--;
      mpq_set_si (f->c[IC_TM_MAXD], 0, 1);
      mpq_t one;
      mpq_init (one);
      mpq_set_ui (one, 1, 1);
      mpq_sub (f->a, f->a, one);
      mpq_clear (one);
      k++;
    }
  if (mpq_sgn (f->c[0]) == 0) return -1;
  return k;
}

/* Brings w to scale 0 with c_0 = 0 (w -> 0); W1 = sup |w|/t.  0 if w
 * does not tend to 0 or has a non-integer scale. */
static int tm_small (ic_tm *w, mpfr_t W1, const tm_ctx *C)
{
  int d0 = w->d;
  int k = ic_tm_normalize (w);
  if (k < 0)
    {
      /* only a remainder: w = x^a R, |R| <= r t^(d+1) */
      if (mpz_cmp_ui (mpq_denref (w->a), 1) != 0 || mpq_sgn (w->a) > 0) return 0;
      if (w->d + 1 - mpz_get_si (mpq_numref (w->a)) < 1) return 0;
    }
  else
    {
      if (mpz_cmp_ui (mpq_denref (w->a), 1) != 0 || mpq_sgn (w->a) > 0) return 0;
      if (mpq_sgn (w->a) == 0) return 0;                   /* c_0 != 0: no limit 0 */
    }
  if (mpz_cmpabs_ui (mpq_numref (w->a), IC_TM_MAXD) > 0) return 0;
  long s = -mpz_get_si (mpq_numref (w->a));                /* >= 0 */
  tm_shift (w, s, d0 > C->d ? d0 : C->d, C);
  mpq_set_ui (w->a, 0, 1);
  /* c_0 is now 0 (k >= 0 case: shifted up by s >= 1; k < 0: all zero) */
  mpfr_t p;
  mpfr_init2 (p, TM_PREC);
  poly_bound (W1, w, 1, C);
  T_pow (p, w->d, C);
  mpfr_mul (p, p, w->r, MPFR_RNDU);
  mpfr_add (W1, W1, p, MPFR_RNDU);
  mpfr_clear (p);
  return mpq_sgn (w->c[0]) == 0;
}

/* (Comp): z = sum_{k=0}^{d} f_k w^k + E, |E| <= Cst W1^(d+1) t^(d+1);
 * w small (scale 0, c_0 = 0), order d = w->d. */
static int tm_compose (ic_tm *z, const ic_tm *w, mpq_t *f, mpfr_srcptr Cst, mpfr_srcptr W1, const tm_ctx *C)
{
  int d = w->d;
  ic_tm S;
  ic_tm_init (&S, 0);
  tm_const (&S, f[d], d);
  int ok = 1;
  for (int k = d - 1; k >= 0 && ok; k--)
    {
      ok = tm_mul (&S, &S, w, C);
      mpq_add (S.c[0], S.c[0], f[k]);
    }
  if (ok)
    {
      mpfr_t e;
      mpfr_init2 (e, TM_PREC);
      mpfr_pow_ui (e, W1, (unsigned long) S.d + 1, MPFR_RNDU);
      mpfr_mul (e, e, Cst, MPFR_RNDU);
      mpfr_add (S.r, S.r, e, MPFR_RNDU);
      mpfr_clear (e);
      tm_set (z, &S);
    }
  ic_tm_clear (&S);
  return ok && !tm_too_big (z);
}

enum { F_EXP, F_SIN, F_COS, F_ATAN, F_LOG1P, F_POW1P };

/* z = F(w) for w -> 0 (F_POW1P: (1+w)^q). */
static int tm_func (ic_tm *z, const ic_tm *w0, int F, mpq_srcptr q, const tm_ctx *C)
{
  ic_tm w;
  ic_tm_init (&w, 0);
  tm_set (&w, w0);
  mpfr_t W1, W, Cst, a, b;
  mpfr_inits2 (TM_PREC, W1, W, Cst, a, b, (mpfr_ptr) 0);
  int ok = tm_small (&w, W1, C);
  int d = w.d;
  mpq_t f[IC_TM_MAXD + 1];
  for (int k = 0; k <= IC_TM_MAXD; k++) mpq_init (f[k]);
  if (ok)
    {
      mpfr_mul (W, W1, C->T, MPFR_RNDU);
      /* (d+1)! rounded down, for divisions upward */
      mpfr_set_ui (b, 1, MPFR_RNDD);
      for (int k = 2; k <= d + 1; k++) mpfr_mul_ui (b, b, (unsigned long) k, MPFR_RNDD);
      mpz_t fac;
      mpz_init_set_ui (fac, 1);
      for (int k = 0; k <= d; k++)
        {
          if (k > 0) mpz_mul_ui (fac, fac, (unsigned long) k);
          switch (F)
            {
            case F_EXP: mpq_set_z (f[k], fac); mpq_inv (f[k], f[k]); break;
            case F_SIN: case F_COS:
              if ((k % 2 == 1) == (F == F_SIN))
                {
                  mpq_set_z (f[k], fac); mpq_inv (f[k], f[k]);
                  if (((F == F_SIN ? k - 1 : k) / 2) % 2) mpq_neg (f[k], f[k]);
                }
              break;
            case F_ATAN:
              if (k % 2 == 1) { mpq_set_si (f[k], (k / 2) % 2 ? -1 : 1, (unsigned long) k); }
              break;
            case F_LOG1P:
              if (k >= 1) { mpq_set_si (f[k], k % 2 ? 1 : -1, (unsigned long) k); }
              break;
            case F_POW1P:
              /* binom(q, k) = binom(q, k-1) (q - k + 1)/k */
              if (k == 0) mpq_set_ui (f[k], 1, 1);
              else
                {
                  mpq_t u;
                  mpq_init (u);
                  mpq_set_si (u, k - 1, 1);
                  mpq_sub (u, q, u);
                  mpq_mul (f[k], f[k - 1], u);
                  mpq_set_ui (u, (unsigned long) k, 1);
                  mpq_div (f[k], f[k], u);
                  mpq_clear (u);
                }
              break;
            }
        }
      mpz_clear (fac);
      switch (F)
        {
        case F_EXP:
          mpfr_exp (Cst, W, MPFR_RNDU);
          mpfr_div (Cst, Cst, b, MPFR_RNDU);
          break;
        case F_SIN: case F_COS:
          mpfr_ui_div (Cst, 1, b, MPFR_RNDU);
          break;
        case F_ATAN:
          mpfr_set_ui (Cst, 1, MPFR_RNDU);
          mpfr_div_ui (Cst, Cst, (unsigned long) d + 1, MPFR_RNDU);
          break;
        case F_LOG1P:
          ok = mpfr_cmp_ui (W, 1) < 0;
          if (ok)
            {
              mpfr_ui_sub (a, 1, W, MPFR_RNDD);              /* 0 < a <= 1 - W */
              mpfr_pow_ui (a, a, (unsigned long) d + 1, MPFR_RNDD);
              mpfr_mul_ui (a, a, (unsigned long) d + 1, MPFR_RNDD);
              mpfr_ui_div (Cst, 1, a, MPFR_RNDU);
            }
          break;
        case F_POW1P:
          ok = mpfr_cmp_ui (W, 1) < 0;
          if (ok)
            {
              /* |binom(q, d+1)| max((1-W)^e, (1+W)^e), e = q - d - 1 */
              mpq_t bq, u;
              mpq_inits (bq, u, NULL);
              mpq_set_si (u, d, 1);
              mpq_sub (u, q, u);
              mpq_mul (bq, f[d], u);
              mpq_set_ui (u, (unsigned long) d + 1, 1);
              mpq_div (bq, bq, u);
              abs_up (Cst, bq);
              mpq_set_si (u, d + 1, 1);
              mpq_sub (u, q, u);                               /* e */
              mpfr_t e;
              mpfr_init2 (e, TM_PREC);
              if (mpq_sgn (u) <= 0)
                {
                  /* (1-W)^e with e <= 0: base rounded down, exponent -|e| */
                  mpfr_ui_sub (a, 1, W, MPFR_RNDD);
                  mpq_neg (u, u);
                  mpfr_set_q (e, u, MPFR_RNDU);                  /* |e| upward */
                  mpfr_pow (a, a, e, MPFR_RNDD);                 /* a <= (1-W)^|e| (a <= 1) */
                  mpfr_ui_div (a, 1, a, MPFR_RNDU);
                }
              else
                {
                  mpfr_add_ui (a, W, 1, MPFR_RNDU);
                  mpfr_set_q (e, u, MPFR_RNDU);
                  mpfr_pow (a, a, e, MPFR_RNDU);
                }
              mpfr_clear (e);
              mpfr_mul (Cst, Cst, a, MPFR_RNDU);
              mpq_clears (bq, u, NULL);
            }
          break;
        }
    }
  ok = ok && tm_compose (z, &w, f, Cst, W1, C);
  for (int k = 0; k <= IC_TM_MAXD; k++) mpq_clear (f[k]);
  mpfr_clears (W1, W, Cst, a, b, (mpfr_ptr) 0);
  ic_tm_clear (&w);
  return ok;
}

/* exact rational c^(1/m) (c > 0), 0 if not a rational */
static int q_root (mpq_t out, mpq_srcptr c, unsigned long m)
{
  mpz_t u, v;
  mpz_inits (u, v, NULL);
  int ok = mpz_root (u, mpq_numref (c), m) && mpz_root (v, mpq_denref (c), m);
  if (ok) { mpq_set_num (out, u); mpq_set_den (out, v); mpq_canonicalize (out); }
  mpz_clears (u, v, NULL);
  return ok;
}

/* z = g^q, q rational (Pow). */
static int tm_pow (ic_tm *z, const ic_tm *g0, mpq_srcptr q, const tm_ctx *C)
{
  if (mpz_cmpabs_ui (mpq_numref (q), 1000) > 0 || mpz_cmp_ui (mpq_denref (q), 1000) > 0) return 0;
  ic_tm g, v, one;
  ic_tm_init (&g, 0); ic_tm_init (&v, 0); ic_tm_init (&one, 0);
  tm_set (&g, g0);
  int ok = ic_tm_normalize (&g) >= 0;
  mpq_t c0, cq, u;
  mpq_inits (c0, cq, u, NULL);
  if (ok)
    {
      mpq_set (c0, g.c[0]);
      int qint = mpz_cmp_ui (mpq_denref (q), 1) == 0;
      if (qint)
        {
          long k = mpz_get_si (mpq_numref (q));
          mpz_pow_ui (mpq_numref (cq), mpq_numref (c0), (unsigned long) (k < 0 ? -k : k));
          mpz_pow_ui (mpq_denref (cq), mpq_denref (c0), (unsigned long) (k < 0 ? -k : k));
          mpq_canonicalize (cq);
          if (k < 0) mpq_inv (cq, cq);
        }
      else
        {
          ok = mpq_sgn (c0) > 0 && q_root (cq, c0, mpz_get_ui (mpq_denref (q)));
          if (ok)
            {
              long p = mpz_get_si (mpq_numref (q));
              mpz_pow_ui (mpq_numref (cq), mpq_numref (cq), (unsigned long) (p < 0 ? -p : p));
              mpz_pow_ui (mpq_denref (cq), mpq_denref (cq), (unsigned long) (p < 0 ? -p : p));
              if (p < 0) mpq_inv (cq, cq);
            }
        }
    }
  if (ok)
    {
      /* v = g / (x^a c0) - 1 */
      tm_set (&v, &g);
      mpq_set_ui (v.a, 0, 1);
      mpq_inv (u, c0);
      for (int i = 0; i <= v.d; i++) mpq_mul (v.c[i], v.c[i], u);
      mpq_set_ui (v.c[0], 0, 1);
      mpfr_t ac;
      mpfr_init2 (ac, TM_PREC);
      abs_up (ac, u);                                        /* >= 1/|c0| */
      mpfr_mul (v.r, v.r, ac, MPFR_RNDU);
      mpfr_clear (ac);
      ok = tm_func (z, &v, F_POW1P, q, C);
    }
  if (ok)
    {
      for (int i = 0; i <= z->d; i++) mpq_mul (z->c[i], z->c[i], cq);
      mpfr_t ac;
      mpfr_init2 (ac, TM_PREC);
      abs_up (ac, cq);
      mpfr_mul (z->r, z->r, ac, MPFR_RNDU);
      mpfr_clear (ac);
      mpq_mul (z->a, g.a, q);
      ok = !tm_too_big (z);
    }
  mpq_clears (c0, cq, u, NULL);
  ic_tm_clear (&g); ic_tm_clear (&v); ic_tm_clear (&one);
  return ok;
}

static int tm_of (ic_tm *f, const ic_node *e, tm_ctx *C, int depth);

/* exact rational constant subterm */
static int const_q (mpq_t out, const ic_node *e)
{
  mpq_t s;
  mpq_init (s);
  int ok = ic_symb_affine (e, s, out) && mpq_sgn (s) == 0;
  mpq_clear (s);
  return ok;
}

/* B >= sup |f x^-a - c_0| = T |P|_1 + r T^(d+1) on (0, T] */
static void tm_rest_bound (mpfr_t B, const ic_tm *f, const tm_ctx *C)
{
  mpfr_t p;
  mpfr_init2 (p, TM_PREC);
  poly_bound (B, f, 1, C);
  mpfr_mul (B, B, C->T, MPFR_RNDU);
  T_pow (p, f->d + 1, C);
  mpfr_mul (p, p, f->r, MPFR_RNDU);
  mpfr_add (B, B, p, MPFR_RNDU);
  mpfr_clear (p);
}

/* 1 if the model proves f(x) > 0 for all x >= X: after (Norm),
 * c_0 > 0 and T |P|_1 + r T^(d+1) < c_0. */
static int tm_positive (const ic_tm *f0, const tm_ctx *C)
{
  ic_tm f;
  ic_tm_init (&f, 0);
  tm_set (&f, f0);
  int ok = ic_tm_normalize (&f) >= 0 && mpq_sgn (f.c[0]) > 0;
  if (ok)
    {
      mpfr_t B, c;
      mpfr_inits2 (TM_PREC, B, c, (mpfr_ptr) 0);
      tm_rest_bound (B, &f, C);
      mpfr_set_q (c, f.c[0], MPFR_RNDD);
      ok = mpfr_cmp (B, c) < 0;
      mpfr_clears (B, c, (mpfr_ptr) 0);
    }
  ic_tm_clear (&f);
  return ok;
}

/* log g for a model g = 1 + o(1) exactly (scale 0, c_0 = 1 after Norm) */
static int tm_log (ic_tm *f, ic_tm *g, const tm_ctx *C)
{
  int ok = ic_tm_normalize (g) >= 0 && mpq_sgn (g->a) == 0 && mpq_cmp_ui (g->c[0], 1, 1) == 0;
  if (ok)
    {
      mpq_set_ui (g->c[0], 0, 1);
      ok = tm_func (f, g, F_LOG1P, NULL, C);
    }
  return ok;
}

static int tm_of (ic_tm *f, const ic_node *e, tm_ctx *C, int depth)
{
  if (depth > 200) return 0;
  int ok = 0;
  mpq_t q;
  mpq_init (q);
  ic_tm a, b;
  ic_tm_init (&a, 0); ic_tm_init (&b, 0);
  if (!ic_node_has_var (e))
    {
      ok = const_q (q, e);
      if (ok) tm_const (f, q, C->d);
      goto done;
    }
  switch (e->op)
    {
    case IC_VAR:
      mpq_set_ui (q, 1, 1);
      tm_const (f, q, C->d);
      mpq_set_ui (f->a, 1, 1);
      ok = 1;
      break;
    case IC_NEG:
      ok = tm_of (f, e->a, C, depth + 1);
      for (int i = 0; ok && i <= f->d; i++) mpq_neg (f->c[i], f->c[i]);
      break;
    case IC_ADD: case IC_SUB:
      if (e->a->op == IC_LOG && e->b->op == IC_LOG)
        {
          /* log A +- log B = log(A B^(+-1)) when A > 0 and B > 0 on [X, inf)
           * (each proved by its own model): log n cancels exactly */
          mpq_set_si (q, e->op == IC_ADD ? 1 : -1, 1);
          ok = tm_of (&a, e->a->a, C, depth + 1) && tm_of (&b, e->b->a, C, depth + 1)
            && tm_positive (&a, C) && tm_positive (&b, C)
            && tm_pow (&b, &b, q, C) && tm_mul (&a, &a, &b, C) && tm_log (f, &a, C);
          if (ok) break;
        }
      ok = tm_of (&a, e->a, C, depth + 1) && tm_of (&b, e->b, C, depth + 1)
        && tm_add (f, &a, &b, e->op == IC_ADD ? 1 : -1, C);
      break;
    case IC_MUL:
      ok = tm_of (&a, e->a, C, depth + 1) && tm_of (&b, e->b, C, depth + 1) && tm_mul (f, &a, &b, C);
      break;
    case IC_DIV:
      mpq_set_si (q, -1, 1);
      ok = tm_of (&a, e->a, C, depth + 1) && tm_of (&b, e->b, C, depth + 1)
        && tm_pow (&b, &b, q, C) && tm_mul (f, &a, &b, C);
      break;
    case IC_POW:
      if (ic_node_has_var (e->b))
        {
          /* a^b = exp(b log a) for a = 1 + o(1) (positive: tm_log proves it) */
          ok = tm_of (&a, e->a, C, depth + 1) && tm_log (&a, &a, C)
            && tm_of (&b, e->b, C, depth + 1) && tm_mul (&a, &a, &b, C)
            && tm_func (f, &a, F_EXP, NULL, C);
          break;
        }
      ok = const_q (q, e->b) && tm_of (&a, e->a, C, depth + 1) && tm_pow (f, &a, q, C);
      break;
    case IC_SQRT:
      mpq_set_ui (q, 1, 2);
      ok = tm_of (&a, e->a, C, depth + 1) && tm_pow (f, &a, q, C);
      break;
    case IC_EXP: case IC_SIN: case IC_COS: case IC_ATAN:
      ok = tm_of (&a, e->a, C, depth + 1)
        && tm_func (f, &a, e->op == IC_EXP ? F_EXP : e->op == IC_SIN ? F_SIN : e->op == IC_COS ? F_COS : F_ATAN,
                    NULL, C);
      break;
    case IC_LOG:
      /* log g = log(1 + (g - 1)) needs g = 1 + o(1) exactly */
      ok = tm_of (&a, e->a, C, depth + 1) && tm_log (f, &a, C);
      break;
    default:
      ok = 0;
      break;
    }
done:
  ic_tm_clear (&a); ic_tm_clear (&b);
  mpq_clear (q);
  return ok;
}

int ic_tm_of (ic_tm *f, const ic_node *e, int d, unsigned long X)
{
  if (d < 1 || d > IC_TM_MAXD || X < 2) return 0;
  tm_ctx C;
  C.d = d;
  mpfr_init2 (C.T, TM_PREC);
  mpfr_set_ui (C.T, 1, MPFR_RNDU);
  mpfr_div_ui (C.T, C.T, X, MPFR_RNDU);                    /* T >= 1/X */
  int ok = tm_of (f, e, &C, 0);
  mpfr_clear (C.T);
  return ok;
}

int ic_tm_bracket (ic_ival_ptr G, mpq_t alpha, const ic_tm *f0, unsigned long X)
{
  if (X < 2) return 0;
  ic_tm f;
  ic_tm_init (&f, 0);
  tm_set (&f, f0);
  tm_ctx C;
  C.d = f.d;
  mpfr_init2 (C.T, TM_PREC);
  mpfr_set_ui (C.T, 1, MPFR_RNDU);
  mpfr_div_ui (C.T, C.T, X, MPFR_RNDU);
  mpfr_t B;
  mpfr_init2 (B, TM_PREC);
  int k = ic_tm_normalize (&f);
  if (k < 0)
    {
      /* f = x^a R, |R| <= r t^(d+1): f = x^(a-d-1) g, |g| <= r */
      mpq_set_si (alpha, f.d + 1, 1);
      mpq_sub (alpha, f.a, alpha);
      mpfr_set (B, f.r, MPFR_RNDU);
      ic_ival_set_si (G, 0);
    }
  else
    {
      /* f = x^a (c_0 + g1), |g1| <= T |P|_1 + r T^(d+1) */
      mpq_set (alpha, f.a);
      tm_rest_bound (B, &f, &C);
      ic_ival_set_q (G, f.c[0]);
    }
  ic_ival_t e;
  ic_ival_init2 (e, ic_ival_get_prec (G));
  mpfr_neg (e->lo, B, MPFR_RNDD);
  mpfr_set (e->hi, B, MPFR_RNDU);
  ic_ival_add (G, G, e);
  ic_ival_clear (e);
  mpfr_clear (B);
  mpfr_clear (C.T);
  ic_tm_clear (&f);
  return 1;
}
