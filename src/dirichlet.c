/* dirichlet.c — Dirichlet's test and summation-by-parts tails for
 * sum (-1)^n trig(s n + t) h(n); the theorems are stated in dirichlet.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "dirichlet.h"
#include "symb.h"
#include "cm.h"
#include "eval.h"
#include "cancel.h"

/* ---- matching ----------------------------------------------------------- */

/* The sin/cos factor of the multiplicative spine of e (through *, the
 * numerator of /, unary -) whose argument is affine in n: the first one
 * found, in *trig; 0 when there is none or more than one. */
static int find_trig (const ic_node *e, const ic_node **trig)
{
  switch (e->op)
    {
    case IC_MUL:
      return find_trig (e->a, trig) + find_trig (e->b, trig);
    case IC_DIV:
      return find_trig (e->a, trig);
    case IC_NEG:
      return find_trig (e->a, trig);
    case IC_SIN: case IC_COS:
      if (!*trig) *trig = e;
      return 1;
    default:
      return 0;
    }
}

/* A copy of e with the node `target` (by address) replaced by 1. */
static ic_node *without (const ic_node *e, const ic_node *target)
{
  if (!e) return NULL;
  if (e == target) return ic_node_num_si (1);
  ic_node *c = ic_node_new (e->op, without (e->a, target), without (e->b, target));
  c->col = e->col;
  mpq_set (c->q, e->q);
  return c;
}

int ic_dirichlet_match (ic_dirichlet *d, const ic_node *e, unsigned long N)
{
  if (N < 1) N = 1;
  ic_node *h1 = NULL;
  int parity = 0, alt = ic_symb_strip_alt (e, &h1, &parity);
  const ic_node *base = alt ? h1 : e;
  const ic_node *trig = NULL;
  if (find_trig (base, &trig) != 1 || !trig || ic_node_has_var (trig->a) == 0)
    { ic_node_free (h1); return 0; }
  mpq_t s, t, spi, tpi, w;
  mpq_inits (s, t, spi, tpi, w, NULL);
  int ok = ic_symb_affine_pi (trig->a, s, spi, t, tpi);
  /* w = e^{i(s + spi pi)} (-1)^alt = 1 exactly when s = 0 and spi + alt
   * is an even integer (pi is irrational: s + (spi + alt - 2k) pi = 0
   * forces both parts to vanish) */
  char why_w[160] = "";
  if (ok)
    {
      mpq_set_si (w, alt ? 1 : 0, 1);
      mpq_add (w, w, spi);                     /* w := spi + alt */
      if (mpq_sgn (s) != 0)
        gmp_snprintf (why_w, sizeof why_w, "the slope has the nonzero rational part %Qd and pi is irrational", s);
      else
        {
          mpq_t h;
          mpq_init (h);
          mpq_set_ui (h, 1, 2);
          mpq_mul (h, h, w);                   /* (spi + alt)/2 */
          ok = mpz_cmp_ui (mpq_denref (h), 1) != 0;
          if (ok)
            gmp_snprintf (why_w, sizeof why_w, "w = e^(i*pi*%Qd) and %Qd is not an even integer", w, w);
          mpq_clear (h);
        }
    }
  ic_node *h = ok ? without (base, trig) : NULL;
  int sign = 0;
  if (ok && ic_node_has_var (h))
    {
      /* h (or -h) CM with limit exactly 0: decreasing to 0 */
      ic_cm_class c;
      ic_cm_class_init (&c, 128);
      ic_cm_analyze (&c, h, N);
      if (ic_cm_class_is_cm (&c)) sign = 1;
      else if (ic_cm_class_is_ncm (&c)) sign = -1;
      ok = sign != 0 && mpfr_zero_p (c.vinf->lo) && mpfr_zero_p (c.vinf->hi);
      ic_cm_class_clear (&c);
    }
  else ok = 0;
  if (!ok) { ic_node_free (h); ic_node_free (h1); mpq_clears (s, t, spi, tpi, w, NULL); return 0; }
  mpq_init (d->s); mpq_init (d->t); mpq_init (d->spi); mpq_init (d->tpi);
  mpq_set (d->s, s); mpq_set (d->t, t); mpq_set (d->spi, spi); mpq_set (d->tpi, tpi);
  mpq_clears (s, t, spi, tpi, w, NULL);
  snprintf (d->why_w, sizeof d->why_w, "%s", why_w);
  d->is_cos = trig->op == IC_COS;
  d->alt = alt;
  d->sigma = (parity ? -1 : 1) * sign;
  d->h = sign > 0 ? h : ic_mk_neg (h);
  d->N = N;
  char *ts = ic_term_to_string (trig);
  snprintf (d->trig, sizeof d->trig, "%s%s", alt ? "(-1)^n*" : "", ts ? ts : "trig");
  free (ts);
  ic_node_free (h1);              /* trig pointed into it */
  return 1;
}

void ic_dirichlet_clear (ic_dirichlet *d)
{
  mpq_clear (d->s);
  mpq_clear (d->t);
  mpq_clear (d->spi);
  mpq_clear (d->tpi);
  ic_node_free (d->h);
  d->h = NULL;
}

/* ---- complex intervals -------------------------------------------------- */

typedef struct { ic_ival_t re, im; } cx;

static void cx_init (cx *z, mpfr_prec_t p) { ic_ival_init2 (z->re, p); ic_ival_init2 (z->im, p); }
static void cx_clear (cx *z) { ic_ival_clear (z->re); ic_ival_clear (z->im); }

/* z = x * y (z may alias x or y) */
static void cx_mul (cx *z, const cx *x, const cx *y, mpfr_prec_t p)
{
  ic_ival_t a, b, c, dd;
  ic_ival_init2 (a, p); ic_ival_init2 (b, p); ic_ival_init2 (c, p); ic_ival_init2 (dd, p);
  ic_ival_mul (a, x->re, y->re);
  ic_ival_mul (b, x->im, y->im);
  ic_ival_mul (c, x->re, y->im);
  ic_ival_mul (dd, x->im, y->re);
  ic_ival_sub (z->re, a, b);
  ic_ival_add (z->im, c, dd);
  ic_ival_clear (a); ic_ival_clear (b); ic_ival_clear (c); ic_ival_clear (dd);
}

/* x encloses q + qpi pi, with qpi first reduced modulo 2 exactly (the
 * value of e^{ix} is unchanged; the enclosure stays narrow at large m). */
static void angle_set (ic_ival_ptr x, const mpq_t q, const mpq_t qpi, mpfr_prec_t p)
{
  ic_ival_set_q (x, q);
  if (mpq_sgn (qpi) == 0) return;
  mpq_t r;
  mpz_t fl;
  mpq_init (r);
  mpz_init (fl);
  mpq_set_ui (r, 1, 2);
  mpq_mul (r, r, qpi);
  mpz_fdiv_q (fl, mpq_numref (r), mpq_denref (r));   /* floor(qpi/2) */
  mpq_set_z (r, fl);
  mpq_mul_2exp (r, r, 1);
  mpq_sub (r, qpi, r);                                 /* qpi mod 2, in [0, 2) */
  ic_ival_t pi;
  ic_ival_init2 (pi, p);
  ic_ival_const_pi (pi);
  ic_ival_t y;
  ic_ival_init2 (y, p);
  ic_ival_set_q (y, r);
  ic_ival_mul (y, y, pi);
  ic_ival_add (x, x, y);
  ic_ival_clear (y);
  ic_ival_clear (pi);
  mpz_clear (fl);
  mpq_clear (r);
}

/* e^{i phi} (-1)^(alt m) for the exact angle phi = m (s + spi pi) + t + tpi pi */
static void cx_unit (cx *z, const ic_dirichlet *d, unsigned long m, mpfr_prec_t p)
{
  mpq_t phi, phipi, mq;
  mpq_inits (phi, phipi, mq, NULL);
  mpq_set_ui (mq, m, 1);
  mpq_mul (phi, mq, d->s);
  mpq_add (phi, phi, d->t);
  mpq_mul (phipi, mq, d->spi);
  mpq_add (phipi, phipi, d->tpi);
  ic_ival_t x;
  ic_ival_init2 (x, p);
  angle_set (x, phi, phipi, p);
  ic_ival_cos (z->re, x);
  ic_ival_sin (z->im, x);
  if (d->alt && (m & 1)) { ic_ival_neg (z->re, z->re); ic_ival_neg (z->im, z->im); }
  ic_ival_clear (x);
  mpq_clears (phi, phipi, mq, NULL);
}

/* c = 1 / (1 - w), w = e^{is} (-1)^alt; |1 - w|^2 in n2.  0 when |1-w|^2
 * is not certainly positive. */
static int one_minus_w_inv (cx *c, ic_ival_ptr n2, const ic_dirichlet *d, mpfr_prec_t p)
{
  cx w;
  cx_init (&w, p);
  ic_ival_t x, y;
  ic_ival_init2 (x, p); ic_ival_init2 (y, p);
  angle_set (x, d->s, d->spi, p);
  ic_ival_cos (w.re, x);
  ic_ival_sin (w.im, x);
  if (d->alt) { ic_ival_neg (w.re, w.re); ic_ival_neg (w.im, w.im); }
  ic_ival_set_si (x, 1);
  ic_ival_sub (x, x, w.re);                     /* Re(1 - w) */
  ic_ival_sqr (n2, x);
  ic_ival_sqr (y, w.im);
  ic_ival_add (n2, n2, y);
  int ok = ic_ival_is_pos (n2);
  if (ok)
    {
      /* 1/(a - ib) with a = 1 - Re w, b = Im w: (a + ib)/(a^2 + b^2) */
      ok = ic_ival_div (c->re, x, n2) == IC_IVAL_OK && ic_ival_div (c->im, w.im, n2) == IC_IVAL_OK;
    }
  ic_ival_clear (x); ic_ival_clear (y);
  cx_clear (&w);
  return ok;
}

void ic_dirichlet_partial_bound (mpfr_ptr b, const ic_dirichlet *d)
{
  mpfr_prec_t p = 128;
  cx c;
  cx_init (&c, p);
  ic_ival_t n2;
  ic_ival_init2 (n2, p);
  if (one_minus_w_inv (&c, n2, d, p))
    {
      /* 2/|1-w| = 2 / sqrt(n2) */
      mpfr_t r;
      mpfr_init2 (r, p);
      mpfr_sqrt (r, n2->lo, MPFR_RNDD);
      mpfr_ui_div (b, 2, r, MPFR_RNDU);
      mpfr_clear (r);
    }
  else mpfr_set_inf (b, 1);
  ic_ival_clear (n2);
  cx_clear (&c);
}

/* ---- the tail ----------------------------------------------------------- */

int ic_dirichlet_tail (ic_ival_ptr tail, const ic_dirichlet *d, unsigned long N, long digits,
                       mpfr_prec_t wp, long *k_used)
{
  if (N < d->N || N > (1UL << 40)) return 0;
  /* heuristic: at most K summations by parts; the differences lose about
   * k (log2 N + 1) bits to cancellation, added to the precision */
  long K = 4 * digits + 40;
  if (K > 4000) K = 4000;
  unsigned long lg = 1;
  while ((N + (unsigned long) K) >> lg) lg++;
  mpfr_prec_t p = wp + (mpfr_prec_t) K * (mpfr_prec_t) (lg + 1) + 64;
  ic_ival_struct *v = malloc (sizeof *v * (size_t) (K + 1));
  if (!v) return 0;
  for (long i = 0; i <= K; i++) ic_ival_init2 (&v[i], p);
  ic_evaluator *ev = ic_eval_new (d->h, p);
  int ok = 1;
  for (long i = 0; i <= K && ok; i++)
    {
      if (ic_cancelled ()) { ok = 0; break; }
      ok = ic_eval_at_ui (ev, &v[i], N + (unsigned long) i, NULL) == IC_EV_OK && ic_ival_is_finite (&v[i]);
    }
  ic_eval_free (ev);
  cx c, cp, u, term, sum;
  cx_init (&c, p); cx_init (&cp, p); cx_init (&u, p); cx_init (&term, p); cx_init (&sum, p);
  ic_ival_t n2, bound, mag;
  ic_ival_init2 (n2, p); ic_ival_init2 (bound, p); ic_ival_init2 (mag, p);
  mpfr_t target, r, cabs;
  mpfr_inits2 (64, target, r, cabs, (mpfr_ptr) 0);
  mpfr_set_si (target, 10, MPFR_RNDD);
  mpfr_pow_si (target, target, -(digits + 3), MPFR_RNDD);
  if (ok) ok = one_minus_w_inv (&c, n2, d, p);
  long k = 0;
  if (ok)
    {
      /* |c| = 1/sqrt(n2) rounded up */
      mpfr_sqrt (cabs, n2->lo, MPFR_RNDD);
      mpfr_ui_div (cabs, 1, cabs, MPFR_RNDU);
      ic_ival_set_si (cp.re, 1);
      ic_ival_set_si (cp.im, 0);
      ic_ival_set_si (sum.re, 0);
      ic_ival_set_si (sum.im, 0);
      mpfr_t cpow;                             /* |c|^(k+1), rounded up */
      mpfr_init2 (cpow, 64);
      mpfr_set (cpow, cabs, MPFR_RNDU);
      for (k = 0; ; k++)
        {
          /* v[0] = Delta^k h(N): the remainder after k terms is at most
           * 2 |c|^(k+1) |Delta^k h(N)| */
          ic_ival_mag_upper (r, &v[0]);
          mpfr_mul (r, r, cpow, MPFR_RNDU);
          mpfr_mul_2ui (r, r, 1, MPFR_RNDU);
          if (mpfr_cmp (r, target) <= 0 || k == K || ic_cancelled ()) break;
          /* term k: e^{i((N+k)s + t)} (-1)^(alt (N+k)) c^(k+1) Delta^k h(N) */
          cx_mul (&cp, &cp, &c, p);
          cx_unit (&u, d, N + (unsigned long) k, p);
          cx_mul (&term, &u, &cp, p);
          ic_ival_mul (term.re, term.re, &v[0]);
          ic_ival_mul (term.im, term.im, &v[0]);
          ic_ival_add (sum.re, sum.re, term.re);
          ic_ival_add (sum.im, sum.im, term.im);
          /* next differences: v[i] = v[i+1] - v[i] */
          for (long i = 0; i + 1 <= K - k; i++) ic_ival_sub (&v[i], &v[i + 1], &v[i]);
          mpfr_mul (cpow, cpow, cabs, MPFR_RNDU);
        }
      mpfr_clear (cpow);
      /* the part asked for, widened by the remainder bound r */
      ic_ival_set (bound, d->is_cos ? sum.re : sum.im);
      ok = mpfr_number_p (r) && ic_ival_is_finite (bound);
      if (ok)
        {
          mpfr_sub (bound->lo, bound->lo, r, MPFR_RNDD);
          mpfr_add (bound->hi, bound->hi, r, MPFR_RNDU);
          if (d->sigma < 0) ic_ival_neg (bound, bound);
          ic_ival_set (tail, bound);
        }
    }
  *k_used = k;
  mpfr_clears (target, r, cabs, (mpfr_ptr) 0);
  ic_ival_clear (n2); ic_ival_clear (bound); ic_ival_clear (mag);
  cx_clear (&c); cx_clear (&cp); cx_clear (&u); cx_clear (&term); cx_clear (&sum);
  for (long i = 0; i <= K; i++) ic_ival_clear (&v[i]);
  free (v);
  return ok;
}

/* ---- oscillating factors that do not tend to 0 ---------------------------- */

/* 1 if f is trig, |trig|, trig^k (integer k >= 1), |trig|^p (rational p >
 * 0) or sqrt(|trig|); *trig = the sine or cosine, p = the power. */
static int osc_factor (const ic_node *f, const ic_node **trig, mpq_t p)
{
  mpq_set_ui (p, 1, 1);
  mpq_t sl;
  mpq_init (sl);
  int cexp = f->op == IC_POW && ic_symb_affine (f->b, sl, p) && mpq_sgn (sl) == 0 && mpq_sgn (p) > 0;
  mpq_clear (sl);
  if (f->op == IC_SQRT && f->a->op == IC_ABS) { mpq_set_ui (p, 1, 2); f = f->a->a; }
  else if (cexp)
    {
      /* a constant exponent p > 0 (1/3 written as a quotient too) */
      int absarg = f->a->op == IC_ABS;
      if (!absarg && mpz_cmp_ui (mpq_denref (p), 1) != 0) return 0;   /* trig^(1/2) may be undefined */
      f = absarg ? f->a->a : f->a;
    }
  else
    {
      mpq_set_ui (p, 1, 1);
      if (f->op == IC_ABS) f = f->a;
    }
  if (f->op != IC_SIN && f->op != IC_COS) return 0;
  *trig = f;
  return 1;
}

/* The oscillating factors (osc_factor) of the multiplicative spine of e;
 * the first in *fac, *trig, p. */
static int find_osc (const ic_node *e, const ic_node **fac, const ic_node **trig, mpq_t p)
{
  const ic_node *t;
  switch (e->op)
    {
    case IC_MUL:
      return find_osc (e->a, fac, trig, p) + find_osc (e->b, fac, trig, p);
    case IC_DIV: case IC_NEG:
      return find_osc (e->a, fac, trig, p);
    default:
      break;
    }
  mpq_t q;
  mpq_init (q);
  int r = osc_factor (e, &t, q);
  if (r && !*fac) { *fac = e; *trig = t; mpq_set (p, q); }
  mpq_clear (q);
  return r;
}

int ic_dirichlet_trig_limsup_lower (mpfr_ptr c, ic_node **h, char *why, size_t whylen, const ic_node *e)
{
  const ic_node *trig = NULL, *fac = NULL;
  *h = NULL;
  mpq_t pw;
  mpq_init (pw);
  if (find_osc (e, &fac, &trig, pw) != 1 || !trig || !ic_node_has_var (trig->a)) { mpq_clear (pw); return 0; }
  mpq_t s, spi, t, tpi;
  mpq_inits (s, spi, t, tpi, NULL);
  int ok = ic_symb_affine_pi (trig->a, s, spi, t, tpi);
  mpfr_prec_t p = 128;
  ic_ival_t x, pi, y;
  ic_ival_init2 (x, p); ic_ival_init2 (pi, p); ic_ival_init2 (y, p);
  ic_ival_const_pi (pi);
  if (ok && mpq_sgn (s) == 0 && mpz_cmp_ui (mpq_denref (spi), 1) == 0)
    {
      /* slope k pi: trig(k pi n + phi) = (-1)^(k n) trig(phi), |.| = |trig(phi)|
       * for every n */
      angle_set (x, t, tpi, p);
      if (trig->op == IC_SIN) ic_ival_sin (y, x); else ic_ival_cos (y, x);
      ic_ival_mag_lower (c, y);
      ok = mpfr_sgn (c) > 0;
      if (ok) snprintf (why, whylen, "the slope is an integer multiple of pi, so |%s| is the constant |%s(phase)|",
                        trig->op == IC_SIN ? "sin" : "cos", trig->op == IC_SIN ? "sin" : "cos");
    }
  else if (ok)
    {
      /* d = dist(slope, pi Z), from slope - k pi in [0, pi) (the pi part of
       * the slope first reduced mod 2 exactly) */
      angle_set (x, s, spi, p);                 /* slope, pi part in [0, 2) */
      ic_ival_t q, r, d2;
      ic_ival_init2 (q, p); ic_ival_init2 (r, p); ic_ival_init2 (d2, p);
      ok = ic_ival_div (q, x, pi) == IC_IVAL_OK && ic_ival_is_finite (q);
      if (ok)
        {
          mpfr_t fl, fh;
          mpfr_inits2 (p, fl, fh, (mpfr_ptr) 0);
          mpfr_floor (fl, q->lo);
          mpfr_floor (fh, q->hi);
          ok = mpfr_equal_p (fl, fh);          /* one k with slope/pi in [k, k+1) */
          if (ok)
            {
              ic_ival_t k;
              ic_ival_init2 (k, p);
              ic_ival_set_fr (k, fl);
              ic_ival_mul (k, k, pi);
              ic_ival_sub (r, x, k);              /* r = slope - k pi in [0, pi) */
              ic_ival_sub (d2, pi, r);            /* pi - r */
              /* d = min(r, pi - r) >= min(r.lo, (pi - r).lo) */
              mpfr_t dl;
              mpfr_init2 (dl, p);
              mpfr_min (dl, r->lo, d2->lo, MPFR_RNDD);
              ok = mpfr_sgn (dl) > 0;
              if (ok)
                {
                  /* c = sin(d/2) rounded down (d/2 <= pi/4: sin increasing) */
                  mpfr_div_2ui (dl, dl, 1, MPFR_RNDD);
                  ic_ival_set_fr (y, dl);
                  ic_ival_sin (y, y);
                  mpfr_set (c, y->lo, MPFR_RNDD);
                  ok = mpfr_sgn (c) > 0;
                }
              mpfr_clear (dl);
              ic_ival_clear (k);
            }
          mpfr_clears (fl, fh, (mpfr_ptr) 0);
        }
      ic_ival_clear (q); ic_ival_clear (r); ic_ival_clear (d2);
      if (ok)
        snprintf (why, whylen, "the slope is at a distance d > 0 from pi Z, and |trig(y)|, |trig(y + slope)| are never both "
                  "below sin(d/2)");
    }
  ic_ival_clear (x); ic_ival_clear (pi); ic_ival_clear (y);
  mpq_clears (s, spi, t, tpi, NULL);
  if (ok && mpq_cmp_ui (pw, 1, 1) != 0)
    {
      /* the factor is |trig|^p: at least c^p when |trig| >= c (c <= 1; c^p
       * decreases in p, so p rounded up, the power rounded down) */
      mpfr_t pf;
      mpfr_init2 (pf, 128);
      mpfr_set_q (pf, pw, MPFR_RNDU);
      mpfr_pow (c, c, pf, MPFR_RNDD);
      mpfr_clear (pf);
      ok = mpfr_sgn (c) > 0;
    }
  mpq_clear (pw);
  if (!ok) return 0;
  *h = without (e, fac);
  return 1;
}
