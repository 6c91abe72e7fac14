/* cm.c — structural complete-monotonicity certificates (see cm.h).
 *
 * Notation: on X = [N, inf), "f in D" means f' is CM on X (f is then
 * non-decreasing), "f in ND" means -f' is CM (f non-increasing).  Constants
 * are in both.  The rules, each followed by the theorem it rests on:
 *
 *  (R1) x in D (x' = 1).  Constants in D and ND.
 *  (R2) D and ND are convex cones; f in D iff -f in ND.      [linearity]
 *  (R3) f in ND and lim f >= 0  ==>  f CM.
 *       Proof: (-1)^k f^(k) = (-1)^(k-1) (-f')^(k-1) >= 0 for k >= 1 since
 *       -f' is CM, and f >= lim f >= 0 because f is non-increasing.
 *  (R4) f, g CM  ==>  f g CM.     [Leibniz rule; Widder, The Laplace
 *       Transform, IV.2; Schilling-Song-Vondracek (SSV), Cor. 1.6]
 *  (R5) phi CM on an interval I, psi in D with psi(X) in I  ==>  phi o psi
 *       CM.  [SSV Thm 3.7; induction on k with (R4):
 *       -(phi o psi)' = (-phi') o psi * psi'.]  Used with
 *         phi(t) = t^-a  (a > 0) on I = [psi(N), inf), psi(N) > 0,
 *         phi(t) = e^-t  on I = R.
 *  (R6) psi in D, psi(N) > 0, 0 < s <= 1  ==>  psi^s in D and log psi in D.
 *       [(psi^s)' = s psi^(s-1) psi' and (log psi)' = psi^-1 psi': (R5) then
 *       (R4).]
 *  (R7) exp(u) with u in ND is CM: exp(u) = e^-t o (-u), -u in D, (R5).
 *  (R8) integer powers k >= 1 of CM f are CM (R4); of -CM: (-1)^k CM.
 *  (R9) a product with a constant c scales: c >= 0 keeps the classes,
 *       c <= 0 swaps D and ND (R2).
 * Every node in D or ND is C^inf on X: the rules only compose operations
 * on the interior of their domains (positivity of bases checked at N using
 * monotonicity, and of limits).
 *
 * v0 encloses f(N) by interval evaluation at the exact point N; vinf
 * encloses lim f by interval evaluation at +inf in the extended reals, each
 * operation continuous at the limit point (indeterminate forms 0*inf,
 * inf-inf, inf/inf give the whole line, i.e. "unknown").  The limit of a
 * node in D or ND exists in [-inf, +inf] by monotonicity; for other nodes
 * vinf is only informative and never used by (R3).
 */
#include <stdlib.h>
#include "cm.h"
#include "taylor.h"
#include "symb.h"

#define CM_PREC 128

void ic_cm_class_init (ic_cm_class *c, mpfr_prec_t prec)
{
  c->d = c->nd = 0;
  ic_ival_init2 (c->v0, prec);
  ic_ival_init2 (c->vinf, prec);
  ic_ival_set_full (c->v0);
  ic_ival_set_full (c->vinf);
}

void ic_cm_class_clear (ic_cm_class *c)
{
  ic_ival_clear (c->v0);
  ic_ival_clear (c->vinf);
}

int ic_cm_class_is_cm (const ic_cm_class *c)
{
  return c->nd && ic_ival_is_nonneg (c->vinf);
}

int ic_cm_class_is_ncm (const ic_cm_class *c)
{
  return c->d && ic_ival_is_nonpos (c->vinf);
}

/* ---- extended-real limit arithmetic (indeterminate => whole line) ------ */

static int has_zero (ic_ival_srcptr x) { return mpfr_sgn (x->lo) <= 0 && mpfr_sgn (x->hi) >= 0; }

static void lim_mul (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y)
{
  if ((has_zero (x) && !ic_ival_is_finite (y)) || (has_zero (y) && !ic_ival_is_finite (x)))
    { ic_ival_set_full (z); return; }
  ic_ival_mul (z, x, y);
}

/* ---- helpers --------------------------------------------------------------- */

static int is_const_expr (const ic_node *e) { return !ic_taylor_has_var (e); }

static void set_unknown (ic_cm_class *c)
{
  c->d = c->nd = 0;
  ic_ival_set_full (c->v0);
  ic_ival_set_full (c->vinf);
}

static int is_exact_int (ic_ival_srcptr c, long *k)
{
  if (!ic_ival_is_exact (c) || !mpfr_integer_p (c->lo)) return 0;
  if (!mpfr_fits_slong_p (c->lo, MPFR_RNDN)) return 0;
  *k = mpfr_get_si (c->lo, MPFR_RNDN);
  return 1;
}

/* r = c * f for a constant interval c (R9). */
static void scale (ic_cm_class *r, ic_ival_srcptr c)
{
  int d = r->d, nd = r->nd;
  if (ic_ival_is_nonneg (c)) { /* keep */ }
  else if (ic_ival_is_nonpos (c)) { r->d = nd; r->nd = d; }
  else { r->d = r->nd = 0; }
  ic_ival_mul (r->v0, r->v0, c);
  lim_mul (r->vinf, r->vinf, c);
}

/* r = a^c for a constant interval exponent c, a analysed in r on entry. */
static void power (ic_cm_class *r, ic_ival_srcptr c)
{
  long k = 0;                    /* set by is_exact_int when isint */
  int isint = is_exact_int (c, &k);
  int ber_pos = r->d && ic_ival_is_pos (r->v0);         /* a in D, a >= a(N) > 0 */
  int cm = ic_cm_class_is_cm (r), ncm = ic_cm_class_is_ncm (r);
  int d = 0, nd = 0;

  if (isint && k == 0) { d = nd = 1; }
  else if (isint && k == 1) { d = r->d; nd = r->nd; }
  else if (isint && k > 1)
    {
      if (cm) nd = 1;                                    /* (R8) */
      else if (ncm) { if (k % 2 == 0) nd = 1; else d = 1; }
    }
  else if (mpfr_sgn (c->hi) < 0)
    {
      if (ber_pos) nd = 1;                               /* (R5), t^-a */
      else if (isint && r->nd && ic_ival_is_neg (r->v0))
        {
          /* a = -b with b in D, b(N) > 0: a^k = (-1)^k b^k, b^k CM. */
          if (k % 2 == 0) nd = 1; else d = 1;
        }
    }
  else if (mpfr_sgn (c->lo) > 0 && mpfr_cmp_ui (c->hi, 1) <= 0)
    {
      if (ber_pos) d = 1;                                /* (R6) */
    }

  /* Values: non-integer powers need a positive base on all of X. */
  int base_pos = ber_pos || (r->nd && ic_ival_is_pos (r->vinf));
  if (isint)
    {
      ic_ival_pow_si (r->v0, r->v0, k);
      if (k >= 0 || !has_zero (r->vinf)) ic_ival_pow_si (r->vinf, r->vinf, k);
      else ic_ival_set_full (r->vinf);
    }
  else if (base_pos)
    {
      if (ic_ival_pow (r->v0, r->v0, c) != IC_IVAL_OK) d = nd = 0;
      if (ic_ival_is_finite (r->vinf) || mpfr_sgn (c->lo) > 0 || mpfr_sgn (c->hi) < 0)
        { if (ic_ival_pow (r->vinf, r->vinf, c) != IC_IVAL_OK) ic_ival_set_full (r->vinf); }
      else ic_ival_set_full (r->vinf);
    }
  else
    {
      d = nd = 0;
      ic_ival_set_full (r->v0);
      ic_ival_set_full (r->vinf);
    }
  r->d = d;
  r->nd = nd;
}

static void eval_const (ic_ival_ptr v, const ic_node *e)
{
  ic_ival_t x;
  ic_ival_init2 (x, CM_PREC);
  ic_ival_set_si (x, 1);
  if (ic_taylor_eval_point (v, e, x, CM_PREC) != IC_IVAL_OK) ic_ival_set_full (v);
  ic_ival_clear (x);
}

static void analyze_pow (ic_cm_class *r, const ic_node *e, ic_ival_srcptr c,
                         unsigned long N);

/* Product rule on classes: r := r * b (R4, R2). */
static void product (ic_cm_class *r, const ic_cm_class *b)
{
  int acm = ic_cm_class_is_cm (r), ancm = ic_cm_class_is_ncm (r);
  int bcm = ic_cm_class_is_cm (b), bncm = ic_cm_class_is_ncm (b);
  int d = 0, nd = 0;
  if ((r->d && r->nd) || (b->d && b->nd))
    {
      /* One factor is constant (both classes): scale the other (R9). */
      const ic_cm_class *k = (r->d && r->nd) ? r : b, *f = (k == r) ? b : r;
      if (ic_ival_is_nonneg (k->v0)) { d = f->d; nd = f->nd; }
      else if (ic_ival_is_nonpos (k->v0)) { d = f->nd; nd = f->d; }
    }
  else if ((acm && bcm) || (ancm && bncm)) nd = 1;        /* (R4) */
  else if ((acm && bncm) || (ancm && bcm)) d = 1;         /* -(CM*CM) */
  ic_ival_mul (r->v0, r->v0, b->v0);
  lim_mul (r->vinf, r->vinf, b->vinf);
  r->d = d; r->nd = nd;
}

static void analyze (ic_cm_class *r, const ic_node *e, unsigned long N);

/* sqrt(a) - sqrt(b) = (a - b) / (sqrt(a) + sqrt(b)) wherever a, b >= 0
 * and not both 0: the difference of two functions in D, whose class (R2)
 * cannot see, is a quotient the rules can classify (sqrt(n+1) - sqrt(n) =
 * 1/(sqrt(n+1) + sqrt(n)) is CM).  The class of the quotient is kept only
 * when it is not unknown: then sqrt(a) + sqrt(b) was certified in D and
 * positive at N (the power -1 needs it), hence so were a and b under their
 * roots (the power 1/2 needs a base in D, positive at N, or a finite
 * constant, defined), so the identity holds on X.  Returns 1 then. */
static int analyze_sqrt_diff (ic_cm_class *r, const ic_node *e, unsigned long N)
{
  /* a - b simplified ((n + 1) - n = 1: an exact rewrite, symb.h) */
  ic_node *num = ic_symb_simplify (ic_node_new (IC_SUB, ic_node_copy (e->a->a), ic_node_copy (e->b->a)));
  ic_node *q = ic_node_new (IC_DIV, num, ic_node_new (IC_ADD, ic_node_copy (e->a), ic_node_copy (e->b)));
  analyze (r, q, N);
  ic_node_free (q);
  return r->d || r->nd;
}

static void analyze (ic_cm_class *r, const ic_node *e, unsigned long N)
{
  ic_cm_class b;

  if (is_const_expr (e))
    {
      eval_const (r->v0, e);
      ic_ival_set (r->vinf, r->v0);
      r->d = r->nd = ic_ival_is_finite (r->v0);
      return;
    }
  switch (e->op)
    {
    case IC_VAR:                                           /* (R1) */
      r->d = 1; r->nd = 0;
      ic_ival_set_ui (r->v0, N);
      mpfr_set_inf (r->vinf->lo, 1);
      mpfr_set_inf (r->vinf->hi, 1);
      return;
    case IC_NEG:
      analyze (r, e->a, N);
      { int t = r->d; r->d = r->nd; r->nd = t; }
      ic_ival_neg (r->v0, r->v0);
      ic_ival_neg (r->vinf, r->vinf);
      return;
    case IC_ADD: case IC_SUB:                              /* (R2) */
      if (e->op == IC_SUB && e->a->op == IC_SQRT && e->b->op == IC_SQRT && analyze_sqrt_diff (r, e, N))
        return;
      analyze (r, e->a, N);
      ic_cm_class_init (&b, CM_PREC);
      analyze (&b, e->b, N);
      if (e->op == IC_SUB)
        {
          int t = b.d; b.d = b.nd; b.nd = t;
          ic_ival_neg (b.v0, b.v0);
          ic_ival_neg (b.vinf, b.vinf);
        }
      r->d = r->d && b.d;
      r->nd = r->nd && b.nd;
      ic_ival_add (r->v0, r->v0, b.v0);
      ic_ival_add (r->vinf, r->vinf, b.vinf);   /* inf - inf -> NaN -> whole line */
      ic_cm_class_clear (&b);
      return;
    case IC_MUL: case IC_DIV:
      analyze (r, e->a, N);
      ic_cm_class_init (&b, CM_PREC);
      if (e->op == IC_MUL) analyze (&b, e->b, N);
      else
        {
          ic_ival_t m1;
          ic_ival_init2 (m1, CM_PREC);
          ic_ival_set_si (m1, -1);
          analyze_pow (&b, e->b, m1, N);                   /* b := 1/b */
          ic_ival_clear (m1);
        }
      product (r, &b);
      ic_cm_class_clear (&b);
      return;
    case IC_POW:
      if (is_const_expr (e->b))
        {
          ic_ival_t c;
          ic_ival_init2 (c, CM_PREC);
          eval_const (c, e->b);
          analyze_pow (r, e->a, c, N);
          ic_ival_clear (c);
          return;
        }
      if (is_const_expr (e->a))
        {
          /* c0^b = exp(b log c0), c0 > 0: exp of a scaled b. */
          ic_ival_t c;
          ic_ival_init2 (c, CM_PREC);
          eval_const (c, e->a);
          if (ic_ival_log (c, c) != IC_IVAL_OK) { ic_ival_clear (c); set_unknown (r); return; }
          analyze (r, e->b, N);
          scale (r, c);
          ic_ival_clear (c);
          goto do_exp;
        }
      set_unknown (r);
      return;
    case IC_SQRT:
      {
        ic_ival_t h;
        ic_ival_init2 (h, CM_PREC);
        ic_ival_set_si (h, 1);
        ic_ival_div_ui (h, h, 2);                          /* [1/2, 1/2] */
        analyze_pow (r, e->a, h, N);
        ic_ival_clear (h);
      }
      return;
    case IC_EXP:
      analyze (r, e->a, N);
    do_exp:
      /* (R7): u in ND => exp(u) CM (so in ND); otherwise nothing known. */
      r->d = 0;
      ic_ival_exp (r->v0, r->v0);
      ic_ival_exp (r->vinf, r->vinf);
      return;
    case IC_LOG:
      analyze (r, e->a, N);
      {
        int ok = r->d && ic_ival_is_pos (r->v0);           /* (R6) */
        r->d = ok; r->nd = 0;
        if (ic_ival_log (r->v0, r->v0) != IC_IVAL_OK) r->d = 0;
        if (ic_ival_is_pos (r->vinf)) ic_ival_log (r->vinf, r->vinf);
        else ic_ival_set_full (r->vinf);
      }
      return;
    default:
      set_unknown (r);
      return;
    }
}

/* 1 if the class certifies f > 0 on X: f in D with f(N) > 0, or f in ND
 * with lim f > 0, or f CM with f(N) > 0 (a CM function vanishing at some
 * point of X vanishes identically after it, and is analytic on (N, inf)
 * by Bernstein's theorem, hence is identically 0: excluded by f(N) > 0). */
static int pos_on_X (const ic_cm_class *r)
{
  return (r->d && ic_ival_is_pos (r->v0))
      || (r->nd && ic_ival_is_pos (r->vinf))
      || (ic_cm_class_is_cm (r) && ic_ival_is_pos (r->v0));
}

/* r := class of e^c, c a constant interval.  Pushes the power through
 * products, quotients and powers when the identity holds on X:
 * (ab)^c = a^c b^c and (a^c2)^c = a^(c c2) for c an exact integer, or for
 * any c when the bases are certified positive on X. */
static void analyze_pow (ic_cm_class *r, const ic_node *e, ic_ival_srcptr c,
                         unsigned long N)
{
  long k;
  int isint = is_exact_int (c, &k);
  if (isint && k == 1) { analyze (r, e, N); return; }
  if (ic_taylor_has_var (e) && (e->op == IC_MUL || e->op == IC_DIV))
    {
      ic_cm_class a, b;
      ic_ival_t cb;
      int ok;
      ic_cm_class_init (&a, CM_PREC);
      ic_cm_class_init (&b, CM_PREC);
      ic_ival_init2 (cb, CM_PREC);
      analyze (&a, e->a, N);
      analyze (&b, e->b, N);
      ok = isint || (pos_on_X (&a) && pos_on_X (&b));
      if (ok)
        {
          if (e->op == IC_DIV) ic_ival_neg (cb, c); else ic_ival_set (cb, c);
          analyze_pow (r, e->a, c, N);
          analyze_pow (&b, e->b, cb, N);
          product (r, &b);
        }
      ic_cm_class_clear (&a);
      ic_cm_class_clear (&b);
      ic_ival_clear (cb);
      if (ok) return;
    }
  if (ic_taylor_has_var (e) && (e->op == IC_POW || e->op == IC_SQRT)
      && (e->op == IC_SQRT || !ic_taylor_has_var (e->b)))
    {
      ic_ival_t c2, cc;
      ic_cm_class a;
      long k2;
      int ok;
      ic_ival_init2 (c2, CM_PREC);
      ic_ival_init2 (cc, CM_PREC);
      if (e->op == IC_SQRT)
        {
          ic_ival_set_si (c2, 1);
          ic_ival_div_ui (c2, c2, 2);
        }
      else eval_const (c2, e->b);
      ic_cm_class_init (&a, CM_PREC);
      analyze (&a, e->a, N);
      ok = (isint && is_exact_int (c2, &k2)) || pos_on_X (&a);
      ic_cm_class_clear (&a);
      if (ok)
        {
          ic_ival_mul (cc, c, c2);
          analyze_pow (r, e->a, cc, N);
        }
      ic_ival_clear (c2);
      ic_ival_clear (cc);
      if (ok) return;
    }
  analyze (r, e, N);
  power (r, c);
}

void ic_cm_analyze (ic_cm_class *c, const ic_node *f, unsigned long N)
{
  analyze (c, f, N);
}

int ic_cm_certify (const ic_node *f, unsigned long N, int *sign)
{
  ic_cm_class c;
  int res = 0;
  if (N < 1) return 0;
  ic_cm_class_init (&c, CM_PREC);
  analyze (&c, f, N);
  if (ic_cm_class_is_cm (&c)) { *sign = 1; res = 1; }
  else if (ic_cm_class_is_ncm (&c)) { *sign = -1; res = 1; }
  ic_cm_class_clear (&c);
  return res;
}
