/* integral.c — monomial decomposition and closed-form tail integrals
 * (integral.h).
 *
 * Decomposition rules (identities on x > 1, where x > 0 and log x > 0):
 *   constant -> c x^0 (log x)^0;  x -> x^1;  log(x) -> (log x)^1;
 *   sums and differences concatenate; products multiply pairwise;
 *   A / B with B a single monomial (c != 0): A * B^-1;
 *   A^q (q exact rational, A a single monomial): c^q x^(aq) (log x)^(bq),
 *   valid for integer q, or for c > 0 (all three factors positive);
 *   sqrt(A) = A^(1/2).
 * Integrals (each the antiderivative evaluated at M, vanishing at inf):
 *   d/dx [x^(a+1)/(a+1)] = x^a,  a + 1 < 0 so x^(a+1) -> 0;
 *   d/dx [(log x)^(b+1)/(b+1)] = x^-1 (log x)^b,  b + 1 < 0.
 */
#include <math.h>
#include <string.h>
#include "cancel.h"
#include "integral.h"
#include "eval.h"
#include "taylor.h"
#include "em_kern.h"

static void mono_init (ic_mono *m, mpfr_prec_t prec)
{
  ic_ival_init2 (m->c, prec);
  mpq_init (m->a);
  mpq_init (m->b);
}

static void mono_clear (ic_mono *m)
{
  ic_ival_clear (m->c);
  mpq_clear (m->a);
  mpq_clear (m->b);
}

void ic_monos_clear (ic_monos *ms)
{
  for (int i = 0; i < ms->n; i++) mono_clear (&ms->m[i]);
  ms->n = 0;
}

/* Exact rational value of a constant expression built from numbers with
 * + - * / and integer powers.  Returns 1 on success. */
static int const_q (mpq_t q, const ic_node *e)
{
  mpq_t a, b;
  int ok = 1;
  switch (e->op)
    {
    case IC_NUM: mpq_set (q, e->q); return 1;
    case IC_NEG:
      if (!const_q (q, e->a)) return 0;
      mpq_neg (q, q);
      return 1;
    case IC_ADD: case IC_SUB: case IC_MUL: case IC_DIV: case IC_POW:
      mpq_inits (a, b, (mpq_ptr) 0);
      ok = const_q (a, e->a) && const_q (b, e->b);
      if (ok)
        switch (e->op)
          {
          case IC_ADD: mpq_add (q, a, b); break;
          case IC_SUB: mpq_sub (q, a, b); break;
          case IC_MUL: mpq_mul (q, a, b); break;
          case IC_DIV:
            if (mpq_sgn (b) == 0) ok = 0; else mpq_div (q, a, b);
            break;
          default:
            /* integer power with a small exponent */
            if (mpz_cmp_ui (mpq_denref (b), 1) != 0 || !mpz_fits_slong_p (mpq_numref (b))
                || mpz_cmpabs_ui (mpq_numref (b), 64) > 0)
              ok = 0;
            else
              {
                long k = mpz_get_si (mpq_numref (b));
                if (k < 0 && mpq_sgn (a) == 0) { ok = 0; break; }
                mpz_pow_ui (mpq_numref (q), mpq_numref (a), k < 0 ? -k : k);
                mpz_pow_ui (mpq_denref (q), mpq_denref (a), k < 0 ? -k : k);
                mpq_canonicalize (q);
                if (k < 0) mpq_inv (q, q);
              }
          }
      mpq_clears (a, b, (mpq_ptr) 0);
      return ok;
    default:
      return 0;
    }
}

static void merge (ic_monos *ms)
{
  for (int i = 0; i < ms->n; i++)
    for (int j = i + 1; j < ms->n; j++)
      if (mpq_equal (ms->m[i].a, ms->m[j].a) && mpq_equal (ms->m[i].b, ms->m[j].b))
        {
          ic_ival_add (ms->m[i].c, ms->m[i].c, ms->m[j].c);
          mono_clear (&ms->m[j]);
          ms->m[j] = ms->m[ms->n - 1];
          ms->n--;
          j--;
        }
}

static int monos (ic_monos *ms, const ic_node *e, mpfr_prec_t prec);

static int push1 (ic_monos *ms, mpfr_prec_t prec)
{
  if (ms->n >= IC_MONO_MAX) return 0;
  mono_init (&ms->m[ms->n], prec);
  ms->n++;
  return 1;
}

/* ms := ms^q for a single monomial. */
static int mono_pow (ic_monos *ms, const mpq_t q, mpfr_prec_t prec)
{
  if (ms->n != 1) return 0;
  ic_mono *m = &ms->m[0];
  int isint = mpz_cmp_ui (mpq_denref (q), 1) == 0 && mpz_fits_slong_p (mpq_numref (q));
  if (isint)
    {
      long k = mpz_get_si (mpq_numref (q));
      if (k < 0 && !(ic_ival_is_pos (m->c) || ic_ival_is_neg (m->c))) return 0;
      ic_ival_pow_si (m->c, m->c, k);
    }
  else
    {
      ic_ival_t qq;
      if (!ic_ival_is_pos (m->c)) return 0;
      ic_ival_init2 (qq, prec);
      ic_ival_set_q (qq, q);
      ic_ival_pow (m->c, m->c, qq);
      ic_ival_clear (qq);
    }
  mpq_mul (m->a, m->a, q);
  mpq_mul (m->b, m->b, q);
  return 1;
}

static int monos (ic_monos *ms, const ic_node *e, mpfr_prec_t prec)
{
  ic_monos b;
  mpq_t q;

  if (!ic_taylor_has_var (e))
    {
      ic_ival_t x;
      int st;
      if (!push1 (ms, prec)) return 0;
      ic_ival_init2 (x, prec);
      ic_ival_set_si (x, 2);
      st = ic_taylor_eval_point (ms->m[ms->n - 1].c, e, x, prec);
      ic_ival_clear (x);
      return st == IC_IVAL_OK && ic_ival_is_finite (ms->m[ms->n - 1].c);
    }
  switch (e->op)
    {
    case IC_VAR:
      if (!push1 (ms, prec)) return 0;
      ic_ival_set_si (ms->m[ms->n - 1].c, 1);
      mpq_set_ui (ms->m[ms->n - 1].a, 1, 1);
      return 1;
    case IC_LOG:
      if (e->a->op != IC_VAR) return 0;
      if (!push1 (ms, prec)) return 0;
      ic_ival_set_si (ms->m[ms->n - 1].c, 1);
      mpq_set_ui (ms->m[ms->n - 1].b, 1, 1);
      return 1;
    case IC_NEG:
      {
        int n0 = ms->n;
        if (!monos (ms, e->a, prec)) return 0;
        for (int i = n0; i < ms->n; i++) ic_ival_neg (ms->m[i].c, ms->m[i].c);
        return 1;
      }
    case IC_ADD: case IC_SUB:
      {
        int n0;
        if (!monos (ms, e->a, prec)) return 0;
        n0 = ms->n;
        if (!monos (ms, e->b, prec)) return 0;
        if (e->op == IC_SUB)
          for (int i = n0; i < ms->n; i++) ic_ival_neg (ms->m[i].c, ms->m[i].c);
        return 1;
      }
    case IC_MUL: case IC_DIV:
      {
        ic_monos a;
        int ok;
        a.n = 0; b.n = 0;
        ok = monos (&a, e->a, prec) && monos (&b, e->b, prec);
        if (ok && e->op == IC_DIV)
          {
            mpq_init (q);
            mpq_set_si (q, -1, 1);
            ok = mono_pow (&b, q, prec);
            mpq_clear (q);
          }
        if (ok && ms->n + a.n * b.n > IC_MONO_MAX) ok = 0;
        for (int i = 0; ok && i < a.n; i++)
          for (int j = 0; j < b.n; j++)
            {
              push1 (ms, prec);
              ic_mono *m = &ms->m[ms->n - 1];
              ic_ival_mul (m->c, a.m[i].c, b.m[j].c);
              mpq_add (m->a, a.m[i].a, b.m[j].a);
              mpq_add (m->b, a.m[i].b, b.m[j].b);
            }
        ic_monos_clear (&a);
        ic_monos_clear (&b);
        return ok;
      }
    case IC_POW: case IC_SQRT:
      {
        int ok;
        mpq_init (q);
        if (e->op == IC_SQRT) { mpq_set_ui (q, 1, 2); ok = 1; }
        else ok = !ic_taylor_has_var (e->b) && const_q (q, e->b);
        b.n = 0;
        ok = ok && monos (&b, e->a, prec);
        if (ok) { merge (&b); ok = mono_pow (&b, q, prec); }
        if (ok && ms->n < IC_MONO_MAX)
          {
            ms->m[ms->n++] = b.m[0];       /* move */
            b.n = 0;
          }
        else ok = 0;
        ic_monos_clear (&b);
        mpq_clear (q);
        return ok;
      }
    default:
      return 0;
    }
}

int ic_monos_of (ic_monos *ms, const ic_node *f, mpfr_prec_t prec)
{
  ms->n = 0;
  if (!monos (ms, f, prec)) { ic_monos_clear (ms); return 0; }
  merge (ms);
  /* drop exact zeros */
  for (int i = 0; i < ms->n; i++)
    if (mpfr_zero_p (ms->m[i].c->lo) && mpfr_zero_p (ms->m[i].c->hi))
      {
        mono_clear (&ms->m[i]);
        ms->m[i] = ms->m[ms->n - 1];
        ms->n--;
        i--;
      }
  return 1;
}

/* int_x0^inf x^a (log x)^b dx for a < -1 and b = -beta a negative integer
 * (x0 >= 2): with t = log x, s = -(a + 1) > 0, v = s t,
 *   I = int_L^inf e^(-s t) t^-beta dt = s^(beta-1) Gamma(1 - beta, s L),
 * L = log x0, and Gamma(-m, z) for m = beta - 1 >= 0 by the recurrence
 *   Gamma(0, z) = E1(z) = -Ei(-z),
 *   Gamma(-j, z) = (z^-j e^-z - Gamma(-j+1, z)) / j     (DLMF 8.8.2),
 * in interval arithmetic with extra bits for its cancellation.  E1 is
 * decreasing: E1(z) lies in [E1(z.hi), E1(z.lo)], each from MPFR's
 * correctly rounded mpfr_eint at -z rounded the right way. */
static int integral_powerlog_neg (ic_ival_ptr out, const mpq_t a, const mpq_t b, ic_ival_srcptr x0,
                                  mpfr_prec_t prec)
{
  if (mpz_cmp_ui (mpq_denref (b), 1) != 0 || mpz_cmpabs_ui (mpq_numref (b), 200) > 0
      || mpfr_cmp_ui (x0->lo, 2) < 0)
    return 0;
  long beta = -mpz_get_si (mpq_numref (b)), m = beta - 1;
  mpfr_prec_t wp = prec + 32 + 8 * m;
  ic_ival_t s, z, g, w, e, t;
  ic_ival_init2 (s, wp); ic_ival_init2 (z, wp); ic_ival_init2 (g, wp);
  ic_ival_init2 (w, wp); ic_ival_init2 (e, wp); ic_ival_init2 (t, wp);
  mpq_t q;
  mpq_init (q);
  mpq_set_si (q, -1, 1);
  mpq_sub (q, q, a);                             /* s = -1 - a > 0 */
  ic_ival_set_q (s, q);
  mpq_clear (q);
  ic_ival_set (z, x0);
  ic_ival_log (z, z);                            /* L = log x0 > 0 */
  ic_ival_mul (z, s, z);                         /* z = s L > 0 */
  int ok = ic_ival_is_pos (z) && ic_ival_is_finite (z);
  if (ok)
    {
      mpfr_t v;
      mpfr_init2 (v, wp);
      mpfr_neg (v, z->hi, MPFR_RNDN);            /* exact */
      mpfr_eint (g->lo, v, MPFR_RNDU);           /* Ei(-z.hi) rounded up */
      mpfr_neg (g->lo, g->lo, MPFR_RNDN);        /* <= E1(z.hi) <= E1(z) */
      mpfr_neg (v, z->lo, MPFR_RNDN);
      mpfr_eint (g->hi, v, MPFR_RNDD);           /* Ei(-z.lo) rounded down */
      mpfr_neg (g->hi, g->hi, MPFR_RNDN);        /* >= E1(z.lo) >= E1(z) */
      mpfr_clear (v);
      ic_ival_neg (e, z);
      ic_ival_exp (e, e);                        /* e^-z */
      for (long j = 1; j <= m; j++)
        {
          ic_ival_pow_si (w, z, -j);
          ic_ival_mul (w, w, e);                 /* z^-j e^-z */
          ic_ival_sub (w, w, g);
          ic_ival_set_si (t, j);
          ok = ic_ival_div (g, w, t) == IC_IVAL_OK;   /* Gamma(-j, z) */
        }
      /* I = s^(beta-1) Gamma(-m, z) */
      ic_ival_pow_si (w, s, m);
      ic_ival_mul (g, g, w);
      ok = ok && ic_ival_is_finite (g) && mpfr_regular_p (g->lo) && mpfr_sgn (g->lo) >= 0;
      if (ok) ic_ival_set (out, g);
    }
  ic_ival_clear (s); ic_ival_clear (z); ic_ival_clear (g);
  ic_ival_clear (w); ic_ival_clear (e); ic_ival_clear (t);
  return ok;
}

const ic_mono *ic_monos_one_plus (const ic_monos *ms)
{
  if (ms->n != 2) return NULL;
  for (int i = 0; i < 2; i++)
    {
      const ic_mono *one = &ms->m[i];
      if (mpq_sgn (one->a) == 0 && mpq_sgn (one->b) == 0 && ic_ival_is_exact (one->c)
          && mpfr_cmp_ui (one->c->lo, 1) == 0)
        return &ms->m[1 - i];
    }
  return NULL;
}

int ic_integral_tail_monos (ic_ival_ptr out, const ic_monos *ms, unsigned long M,
                            mpfr_prec_t prec)
{
  ic_ival_t x;
  if (M < 2) return 0;
  ic_ival_init2 (x, prec);
  ic_ival_set_ui (x, M);
  int ok = ic_integral_tail_monos_at (out, ms, x, prec);
  ic_ival_clear (x);
  return ok;
}

/* The same at a real start point x0 >= 2 (an interval: the antiderivatives
 * below are monotone in x, and interval evaluation at x0 encloses their
 * values at every point of it). */
int ic_integral_tail_monos_at (ic_ival_ptr out, const ic_monos *ms, ic_ival_srcptr x0,
                               mpfr_prec_t prec)
{
  ic_ival_t s, t, e, x;
  mpq_t q;
  int ok = 1;
  if (mpfr_cmp_ui (x0->lo, 2) < 0) return 0;
  ic_ival_init2 (s, prec); ic_ival_init2 (t, prec);
  ic_ival_init2 (e, prec); ic_ival_init2 (x, prec);
  mpq_init (q);
  ic_ival_set_si (s, 0);
  for (int i = 0; ok && i < ms->n; i++)
    {
      const ic_mono *m = &ms->m[i];
      ic_ival_set (x, x0);
      if (mpq_sgn (m->b) == 0 && mpq_cmp_si (m->a, -1, 1) < 0)
        {
          mpq_set_si (q, 1, 1);
          mpq_add (q, q, m->a);                  /* q = a + 1 < 0 */
          ic_ival_set_q (e, q);
          ic_ival_pow (t, x, e);                 /* M^(a+1) */
          ic_ival_neg (e, e);
          ic_ival_div (t, t, e);                 /* / (-(a+1)) > 0 */
        }
      else if (mpq_cmp_si (m->a, -1, 1) == 0 && mpq_cmp_si (m->b, -1, 1) < 0)
        {
          mpq_set_si (q, 1, 1);
          mpq_add (q, q, m->b);                  /* q = b + 1 < 0 */
          ic_ival_set_q (e, q);
          ic_ival_log (x, x);                    /* log M > 0 (M >= 2) */
          ic_ival_pow (t, x, e);
          ic_ival_neg (e, e);
          ic_ival_div (t, t, e);
        }
      else if (mpq_sgn (m->b) > 0 && mpq_cmp_si (m->a, -1, 1) < 0)
        /* x^a (log x)^b, b > 0: incomplete gamma */
        ok = ic_integral_powerlog_at (t, m->a, m->b, x0, prec);
      else if (mpq_sgn (m->b) < 0 && mpq_cmp_si (m->a, -1, 1) < 0)
        /* x^a (log x)^b, b < 0 an integer: E1 and its recurrence */
        ok = integral_powerlog_neg (t, m->a, m->b, x0, prec);
      else
        ok = 0;
      if (ok)
        {
          ic_ival_mul (t, t, m->c);
          ic_ival_add (s, s, t);
        }
    }
  if (ok && ic_ival_is_finite (s)) ic_ival_set (out, s); else ok = 0;
  ic_ival_clear (s); ic_ival_clear (t); ic_ival_clear (e); ic_ival_clear (x);
  mpq_clear (q);
  return ok;
}

/* f = c x^k with constants c and k (k not an exact rational: pi, log 3):
 * int_M^inf c x^k dx = c M^(k+1) / (-(k+1)) for k < -1, in interval
 * arithmetic over the enclosures of c and k.  Forms: x^k, c/x^k, c*x^k. */
static int const_power (ic_ival_ptr c, ic_ival_ptr k, const ic_node *f, mpfr_prec_t prec)
{
  if (f->op == IC_POW && f->a->op == IC_VAR && !ic_node_has_var (f->b))
    {
      ic_ival_set_si (c, 1);
      return ic_eval_const (k, f->b, prec);
    }
  if ((f->op == IC_MUL || f->op == IC_DIV) && !ic_node_has_var (f->a) && const_power (c, k, f->b, prec))
    {
      ic_ival_t a;
      ic_ival_init2 (a, prec);
      int ok = ic_eval_const (a, f->a, prec);
      if (ok && f->op == IC_DIV) ic_ival_neg (k, k);
      if (ok) ic_ival_mul (c, c, a);
      ic_ival_clear (a);
      return ok;
    }
  return 0;
}

int ic_integral_tail (ic_ival_ptr out, const ic_node *f, unsigned long M,
                      mpfr_prec_t prec)
{
  ic_monos ms;
  int ok;
  if (!ic_monos_of (&ms, f, prec + 16))
    {
      ic_ival_t c, k, x, t;
      ic_ival_init2 (c, prec); ic_ival_init2 (k, prec); ic_ival_init2 (x, prec); ic_ival_init2 (t, prec);
      ok = M >= 2 && const_power (c, k, f, prec);
      if (ok)
        {
          ic_ival_set_si (t, 1);
          ic_ival_add (k, k, t);                     /* k + 1 < 0 */
          ok = ic_ival_is_neg (k);
        }
      if (ok)
        {
          ic_ival_set_ui (x, M);
          ic_ival_pow (t, x, k);
          ic_ival_mul (t, t, c);
          ic_ival_neg (k, k);
          ok = ic_ival_div (out, t, k) == IC_IVAL_OK;
        }
      ic_ival_clear (c); ic_ival_clear (k); ic_ival_clear (x); ic_ival_clear (t);
      return ok;
    }
  ok = ic_integral_tail_monos (out, &ms, M, prec);
  ic_monos_clear (&ms);
  return ok;
}

/* int_x0^inf log(1 + a x^-p) dx for p > 1 and q = |a| x0^-p <= 1/2:
 * log(1 + u) = -sum_k (-u)^k / k for |u| < 1, uniformly on [x0, inf), so
 *   I = sum_{k>=1} (-1)^(k+1) a^k x0^(1-pk) / (k (pk - 1)),
 * and the terms k > K have absolute sum at most
 *   x0 q^(K+1) / ((K+1)(p(K+1)-1)) / (1 - q)  <=  2 x0 q^(K+1) / ((K+1)(p(K+1)-1))
 * (|term_k| = x0 q^k / (k (pk-1)), and k (pk-1) increases with k). */
static int integral_log1p_mono (ic_ival_ptr out, ic_ival_srcptr a, const mpq_t p,
                                ic_ival_srcptr x0, mpfr_prec_t prec)
{
  if (mpq_cmp_ui (p, 1, 1) <= 0) return 0;
  ic_ival_t q, y, yk, xp, t, s, pk, r;
  ic_ival_init2 (q, prec); ic_ival_init2 (y, prec); ic_ival_init2 (yk, prec);
  ic_ival_init2 (xp, prec); ic_ival_init2 (t, prec); ic_ival_init2 (s, prec);
  ic_ival_init2 (pk, prec); ic_ival_init2 (r, prec);
  int ok = 0;
  ic_ival_set_q (pk, p);
  ic_ival_neg (pk, pk);
  ic_ival_pow (xp, x0, pk);                     /* x0^-p */
  ic_ival_mul (y, a, xp);                       /* y = a x0^-p */
  ic_ival_neg (y, y);                           /* -u at x0 */
  ic_ival_abs (q, y);
  mpfr_t half;
  mpfr_init2 (half, 32);
  mpfr_set_d (half, 0.5, MPFR_RNDN);
  if (ic_ival_is_finite (q) && mpfr_cmp (q->hi, half) <= 0)
    {
      /* K from the magnitude: q^(K+1) <= 2^-(prec+8) */
      double lq = log2 (mpfr_get_d (q->hi, MPFR_RNDU) + 1e-300);
      long K = (long) ((double) (prec + 8) / (-lq)) + 1;
      if (K < 1) K = 1;
      if (K <= 100000)
        {
          ic_ival_set_si (s, 0);
          ic_ival_set (yk, y);
          mpq_t d;
          mpq_init (d);
          for (long k = 1; k <= K + 1; k++)
            {
              /* d = k (p k - 1) > 0 exactly */
              mpq_set_si (d, k, 1);
              mpq_mul (d, d, p);                                          /* p k */
              mpz_sub (mpq_numref (d), mpq_numref (d), mpq_denref (d));   /* p k - 1 */
              mpz_mul_si (mpq_numref (d), mpq_numref (d), k);
              mpq_canonicalize (d);
              ic_ival_set_q (t, d);
              ic_ival_mul (r, yk, x0);
              ic_ival_div (r, r, t);                /* y^k x0 / (k (pk - 1)) */
              if (k <= K) ic_ival_sub (s, s, r);    /* term_k = -that */
              else
                {
                  /* |sum_{k>K}| <= 2 |that at K+1| (q <= 1/2) */
                  ic_ival_abs (r, r);
                  mpfr_mul_2ui (r->hi, r->hi, 1, MPFR_RNDU);
                  mpfr_sub (s->lo, s->lo, r->hi, MPFR_RNDD);
                  mpfr_add (s->hi, s->hi, r->hi, MPFR_RNDU);
                }
              ic_ival_mul (yk, yk, y);
              if (k % 256 == 0 && ic_cancelled ()) break;
            }
          mpq_clear (d);
          ok = !ic_cancelled () && ic_ival_is_finite (s);
          if (ok) ic_ival_set (out, s);
        }
    }
  mpfr_clear (half);
  ic_ival_clear (q); ic_ival_clear (y); ic_ival_clear (yk); ic_ival_clear (xp);
  ic_ival_clear (t); ic_ival_clear (s); ic_ival_clear (pk); ic_ival_clear (r);
  return ok;
}

/* ---- power-log integrals and the unimodal integral test ------------------
 *
 * I(M) = int_M^inf x^a (log x)^b dx for a = -1 - s (s > 0), b >= 0, M >= 2.
 * With u = log x (dx = x du, x^(a+1) = e^(-s u)) and v = s u:
 *   I(M) = int_L^inf e^(-s u) u^b du = s^-(b+1) Gamma(b+1, s L),  L = log M.
 * Integer b (repeated integration by parts, every term positive):
 *   I(M) = e^(-s L) sum_{k=0}^{b} b!/k! L^k / s^(b-k+1).
 * Other b, c = b + 1 (Kummer's series of the lower incomplete gamma, DLMF
 * 8.7.1 with 8.2.1; every term positive for c, z > 0):
 *   Gamma(c, z) = Gamma(c) - gamma(c, z),
 *   gamma(c, z) = z^c e^(-z) sum_{k>=0} z^k / (c (c+1) ... (c+k)),
 *   the terms t_k after k = K bounded by t_K r/(1-r), r >= z/(c+K+1) < 1
 *   (the ratio t_(k+1)/t_k = z/(c+k+1) decreases in k).
 * All in interval arithmetic (outward rounding); Gamma(c) by MPFR's
 * correctly rounded mpfr_gamma on the monotone branches c >= 3/2 (Gamma
 * increasing: x_min = 1.4616...) or c <= 1.46 (decreasing on (0, x_min)).
 */

/* out encloses Gamma(c) for c in [c.lo, c.hi]; 0 if c straddles the minimum. */
static int ival_gamma (ic_ival_ptr out, ic_ival_srcptr c)
{
  mpfr_prec_t p = ic_ival_get_prec (out);
  mpfr_t lo, hi;
  int ok = 1;
  mpfr_inits2 (p, lo, hi, (mpfr_ptr) 0);
  if (mpfr_cmp_d (c->lo, 1.5) >= 0)
    {
      mpfr_gamma (lo, c->lo, MPFR_RNDD);        /* increasing: Gamma(c) >= Gamma(c.lo) >= lo */
      mpfr_gamma (hi, c->hi, MPFR_RNDU);
    }
  else if (mpfr_sgn (c->lo) > 0 && mpfr_cmp_d (c->hi, 1.46) <= 0)
    {
      mpfr_gamma (lo, c->hi, MPFR_RNDD);        /* decreasing on (0, 1.46] */
      mpfr_gamma (hi, c->lo, MPFR_RNDU);
    }
  else
    ok = 0;
  if (ok && mpfr_number_p (lo) && mpfr_number_p (hi)) ic_ival_set_fr2 (out, lo, hi);
  else ok = 0;
  mpfr_clears (lo, hi, (mpfr_ptr) 0);
  return ok;
}

int ic_integral_powerlog (ic_ival_ptr out, const mpq_t a, const mpq_t b, unsigned long M,
                          mpfr_prec_t prec)
{
  if (M < 2) return 0;
  ic_ival_t x;
  ic_ival_init2 (x, prec + 32);
  ic_ival_set_ui (x, M);
  int ok = ic_integral_powerlog_at (out, a, b, x, prec);
  ic_ival_clear (x);
  return ok;
}

/* The same from a real start point x0 >= 2 (an interval; I is decreasing
 * in x0, and interval evaluation at x0 encloses I at every point of it). */
int ic_integral_powerlog_at (ic_ival_ptr out, const mpq_t a, const mpq_t b, ic_ival_srcptr x0,
                             mpfr_prec_t prec)
{
  if (mpfr_cmp_ui (x0->lo, 2) < 0 || mpq_cmp_si (a, -1, 1) >= 0 || mpq_sgn (b) < 0) return 0;
  mpfr_prec_t wp = prec + 32;
  ic_ival_t s, L, z, t, acc, c, r;
  mpq_t q;
  int ok = 1;
  ic_ival_init2 (s, wp); ic_ival_init2 (L, wp); ic_ival_init2 (z, wp); ic_ival_init2 (t, wp);
  ic_ival_init2 (acc, wp); ic_ival_init2 (c, wp); ic_ival_init2 (r, wp);
  mpq_init (q);
  mpq_set_si (q, -1, 1);
  mpq_sub (q, q, a);                             /* s = -1 - a > 0 */
  ic_ival_set_q (s, q);
  ic_ival_set (L, x0);
  ic_ival_log (L, L);                            /* L = log x0 > 0 (x0 >= 2) */
  ic_ival_mul (z, s, L);                         /* z = s L > 0 */
  if (mpz_cmp_ui (mpq_denref (b), 1) == 0 && mpz_cmp_ui (mpq_numref (b), 100000) <= 0)
    {
      /* sum_{k=0}^{b} b!/k! L^k s^(k-b-1), from k = b down:
       * term_b = L^b / s, term_(k-1) = term_k * k / (L s) */
      long B = (long) mpz_get_ui (mpq_numref (b));
      ic_ival_pow_si (t, L, B);
      ok = ic_ival_div (t, t, s) == IC_IVAL_OK;
      ic_ival_set (acc, t);
      for (long k = B; ok && k >= 1; k--)
        {
          ic_ival_mul_si (t, t, k);
          ok = ic_ival_div (t, t, z) == IC_IVAL_OK;  /* / (L s) */
          ic_ival_add (acc, acc, t);
        }
      ic_ival_neg (t, z);
      ic_ival_exp (t, t);                        /* e^(-s L) = M^-s */
      ic_ival_mul (acc, acc, t);
    }
  else
    {
      /* Gamma(c, z) s^-c with c = b + 1 */
      mpq_set_ui (q, 1, 1);
      mpq_add (q, q, b);
      ic_ival_set_q (c, q);
      ic_ival_t term, sum, g, zc;
      ic_ival_init2 (term, wp); ic_ival_init2 (sum, wp); ic_ival_init2 (g, wp); ic_ival_init2 (zc, wp);
      ok = ival_gamma (g, c);
      /* t_0 = 1/c; t_(k+1) = t_k z / (c + k + 1) */
      ic_ival_set_si (term, 1);
      ok = ok && ic_ival_div (term, term, c) == IC_IVAL_OK;
      ic_ival_set (sum, term);
      long k = 0;
      for (; ok; k++)
        {
          if (k > 100000) { ok = 0; break; }
          /* r >= z / (c + k + 1), the ratio of every later term */
          ic_ival_set_si (t, k + 1);
          ic_ival_add (t, t, c);
          ic_ival_div (r, z, t);
          if (mpfr_cmp_d (r->hi, 0.5) <= 0)
            {
              mpfr_exp_t et = mpfr_get_exp (term->hi), es = mpfr_get_exp (sum->lo);
              if (mpfr_zero_p (term->hi) || et < es - (mpfr_exp_t) wp)
                break;
            }
          ic_ival_mul (term, term, r);           /* t_(k+1) */
          ic_ival_add (sum, sum, term);
        }
      if (ok)
        {
          /* remainder sum_{j>K} t_j in [0, t_K r/(1-r)], r <= 1/2: <= t_K */
          mpfr_add (sum->hi, sum->hi, term->hi, MPFR_RNDU);
          ic_ival_pow (zc, z, c);                /* z^c (z > 0) */
          ic_ival_mul (sum, sum, zc);
          ic_ival_neg (t, z);
          ic_ival_exp (t, t);
          ic_ival_mul (sum, sum, t);             /* gamma(c, z) */
          ic_ival_sub (acc, g, sum);             /* Gamma(c, z) */
          ic_ival_neg (t, c);
          ic_ival_pow (t, s, t);                 /* s^-c */
          ic_ival_mul (acc, acc, t);
          /* Gamma(c, z) > 0: clip a lower end lost to cancellation */
          if (mpfr_sgn (acc->lo) < 0) mpfr_set_zero (acc->lo, 1);
        }
      ic_ival_clear (term); ic_ival_clear (sum); ic_ival_clear (g); ic_ival_clear (zc);
    }
  if (ok && ic_ival_is_finite (acc) && ic_ival_is_nonneg (acc))
    {
      mpfr_set (out->lo, acc->lo, MPFR_RNDD);
      mpfr_set (out->hi, acc->hi, MPFR_RNDU);
    }
  else ok = 0;
  ic_ival_clear (s); ic_ival_clear (L); ic_ival_clear (z); ic_ival_clear (t);
  ic_ival_clear (acc); ic_ival_clear (c); ic_ival_clear (r);
  mpq_clear (q);
  return ok;
}

/* Euler–Maclaurin with m = 0 for f(x) = x^a (log x)^b, a < -1, b > 0, from
 * M >= 3 (the facts [EM], [B] of kern/em_kern.h):
 *   sum_{n>=M} f(n) = int_M^inf f + f(M)/2 + R,  R in hull(0, 2 t_1),
 *   t_1 = -B_2/2! f'(M) = -f'(M)/12,
 * provided f'' has constant sign on [M, inf) and f' -> 0 (the hypothesis
 * of ic_em_remainder).  With s = -a, L = log x:
 *   f'(x)  = x^(a-1) L^(b-1) (a L + b),
 *   f''(x) = x^(a-2) L^(b-2) Q(L),  Q(L) = s(s+1) L^2 - b(2s+1) L + b(b-1),
 * a convex quadratic in L: Q(log M) >= 0 and Q'(log M) = 2s(s+1) log M -
 * b(2s+1) >= 0 give Q >= 0, so f'' >= 0, on [M, inf).  f' -> 0 since
 * x^(a-1) L^(b-1) L -> 0.  Returns 1 with out, or 0 (not certified). */
static int em_convex_powerlog (ic_ival_ptr out, const mpq_t a, const mpq_t b, unsigned long M,
                               mpfr_prec_t wp)
{
  if (M < 3) return 0;
  ic_ival_t A, B, S, L, q, t, u, x, I, f, R;
  ic_ival_init2 (A, wp); ic_ival_init2 (B, wp); ic_ival_init2 (S, wp); ic_ival_init2 (L, wp);
  ic_ival_init2 (q, wp); ic_ival_init2 (t, wp); ic_ival_init2 (u, wp); ic_ival_init2 (x, wp);
  ic_ival_init2 (I, wp); ic_ival_init2 (f, wp); ic_ival_init2 (R, wp);
  ic_ival_set_q (A, a);
  ic_ival_set_q (B, b);
  ic_ival_neg (S, A);                              /* s = -a */
  ic_ival_set_ui (x, M);
  ic_ival_log (L, x);                              /* L = log M > 1 */
  /* Q'(L) = 2 s (s+1) L - b (2s+1) */
  ic_ival_set_si (u, 1);
  ic_ival_add (t, S, u);
  ic_ival_mul (t, t, S);                           /* s (s+1) */
  ic_ival_mul (q, t, L);
  ic_ival_mul_si (q, q, 2);
  ic_ival_mul_si (u, S, 2);
  ic_ival_set_si (f, 1);
  ic_ival_add (u, u, f);                           /* 2s + 1 */
  ic_ival_mul (u, u, B);                           /* b (2s+1) */
  ic_ival_sub (q, q, u);
  int ok = ic_ival_is_nonneg (q);
  if (ok)
    {
      /* Q(L) = s(s+1) L^2 - b(2s+1) L + b(b-1) */
      ic_ival_mul (q, t, L);
      ic_ival_mul (q, q, L);
      ic_ival_mul (u, u, L);
      ic_ival_sub (q, q, u);
      ic_ival_set_si (u, 1);
      ic_ival_sub (u, B, u);
      ic_ival_mul (u, u, B);
      ic_ival_add (q, q, u);
      ok = ic_ival_is_nonneg (q);
    }
  int hyp = ok;                                    /* Q >= 0 on [M, inf): f'' >= 0 */
  ok = ok && ic_integral_powerlog (I, a, b, M, wp);
  if (ok)
    {
      /* f(M)/2 */
      ic_ival_pow (f, x, A);
      ic_ival_pow (t, L, B);
      ic_ival_mul (f, f, t);
      ic_ival_div_ui (f, f, 2);
      ic_ival_add (I, I, f);
      /* t_1 = -f'(M)/12, f'(M) = M^(a-1) L^(b-1) (a L + b) */
      ic_ival_set_si (u, 1);
      ic_ival_sub (u, A, u);
      ic_ival_pow (t, x, u);                       /* M^(a-1) */
      ic_ival_set_si (u, 1);
      ic_ival_sub (u, B, u);
      ic_ival_pow (q, L, u);                       /* L^(b-1) */
      ic_ival_mul (t, t, q);
      ic_ival_mul (q, A, L);
      ic_ival_add (q, q, B);
      ic_ival_mul (t, t, q);                       /* f'(M) */
      ic_ival_neg (t, t);
      ic_ival_set_si (u, 12);
      ic_ival_div (t, t, u);                       /* t_1 */
      ok = ic_em_remainder (R, t, hyp) == IC_IVAL_OK;   /* hypothesis: Q >= 0 above */
      ic_ival_add (I, I, R);
      ok = ok && ic_ival_is_finite (I);
      if (ok) ic_ival_set (out, I);
    }
  ic_ival_clear (A); ic_ival_clear (B); ic_ival_clear (S); ic_ival_clear (L);
  ic_ival_clear (q); ic_ival_clear (t); ic_ival_clear (u); ic_ival_clear (x);
  ic_ival_clear (I); ic_ival_clear (f); ic_ival_clear (R);
  return ok;
}

/* Unimodal integral test.  Lemma: let f >= 0 be continuous on [N, inf),
 * non-decreasing on [N, x*] and non-increasing on [x*, inf) (x* <= N
 * allowed), int_N^inf f finite, f* >= sup f.  Then
 *   int_N^inf f - f*  <=  sum_{n>N} f(n)  <=  int_N^inf f + 2 f*.
 * Proof: k = floor(x*).  Upper: f(n) <= int_n^(n+1) f for N < n <= k-1
 * (f increasing there), f(n) <= int_(n-1)^n f for n >= k+2 (decreasing),
 * f(k), f(k+1) <= f*; the intervals are disjoint inside [N, inf).  Lower:
 * f(n) >= int_(n-1)^n f for N < n <= k, f(n) >= int_n^(n+1) f for n >= k+1;
 * together they cover [N, inf) except [k, k+1], where int f <= f*.  (For
 * x* <= N only the decreasing cases occur and the bounds hold a fortiori.)
 * For f(x) = x^a (log x)^b, a < -1, b > 0, N >= 2: f'(x) = x^(a-1)
 * (log x)^(b-1) (a log x + b), so x* = exp(b/(-a)) and
 * sup f = f(x*) = (b/(-a))^b e^(-b), or f(N) when a log N + b <= 0. */
int ic_integral_test_powerlog (ic_ival_ptr out, const mpq_t a, const mpq_t b, unsigned long N,
                               mpfr_prec_t prec)
{
  if (N < 2 || mpq_cmp_si (a, -1, 1) >= 0 || mpq_sgn (b) <= 0) return 0;
  mpfr_prec_t wp = prec + 32;
  ic_ival_t I, fs, A, B, L, t;
  int ok;
  ic_ival_init2 (I, wp); ic_ival_init2 (fs, wp); ic_ival_init2 (A, wp);
  ic_ival_init2 (B, wp); ic_ival_init2 (L, wp); ic_ival_init2 (t, wp);
  ok = ic_integral_powerlog (I, a, b, N, wp);
  if (ok)
    {
      ic_ival_set_q (A, a);
      ic_ival_set_q (B, b);
      ic_ival_set_ui (L, N);
      ic_ival_log (L, L);                         /* log N > 0 */
      ic_ival_mul (t, A, L);
      ic_ival_add (t, t, B);                      /* a log N + b */
      if (ic_ival_is_nonpos (t))
        {
          /* N >= x*: f* = f(N) = N^a (log N)^b */
          ic_ival_set_ui (t, N);
          ic_ival_pow (fs, t, A);
          ic_ival_pow (t, L, B);
          ic_ival_mul (fs, fs, t);
        }
      else
        {
          /* f* = (b/(-a))^b e^(-b) */
          ic_ival_neg (t, A);
          ic_ival_div (t, B, t);
          ic_ival_pow (fs, t, B);
          ic_ival_neg (t, B);
          ic_ival_exp (t, t);
          ic_ival_mul (fs, fs, t);
        }
      ok = ic_ival_is_finite (fs) && ic_ival_is_nonneg (fs);
    }
  if (ok)
    {
      /* [I.lo - f*.hi, I.hi + 2 f*.hi], the lower end at least 0 (f >= 0) */
      mpfr_sub (I->lo, I->lo, fs->hi, MPFR_RNDD);
      if (mpfr_sgn (I->lo) < 0) mpfr_set_zero (I->lo, 1);
      mpfr_mul_2ui (fs->hi, fs->hi, 1, MPFR_RNDU);
      mpfr_add (I->hi, I->hi, fs->hi, MPFR_RNDU);
      ok = ic_ival_is_finite (I);
      /* once the terms are convex, the trapezoidal rule with its remainder
       * is about N times tighter: intersect (both enclose the sum) */
      ic_ival_t E;
      ic_ival_init2 (E, wp);
      if (ok && N < (1UL << 62) && em_convex_powerlog (E, a, b, N + 1, wp))
        ic_ival_intersect (I, I, E);
      ic_ival_clear (E);
      if (ok)
        {
          mpfr_set (out->lo, I->lo, MPFR_RNDD);
          mpfr_set (out->hi, I->hi, MPFR_RNDU);
        }
    }
  ic_ival_clear (I); ic_ival_clear (fs); ic_ival_clear (A);
  ic_ival_clear (B); ic_ival_clear (L); ic_ival_clear (t);
  return ok;
}

int ic_integral_tail_at (ic_ival_ptr out, const ic_node *f, ic_ival_srcptr x0, mpfr_prec_t prec)
{
  ic_monos ms;
  int ok = 0;
  if (mpfr_cmp_ui (x0->lo, 2) < 0) return 0;
  if (ic_monos_of (&ms, f, prec + 16))
    {
      ok = ic_integral_tail_monos_at (out, &ms, x0, prec);
      ic_monos_clear (&ms);
      return ok;
    }
  if (f->op != IC_LOG || !ic_monos_of (&ms, f->a, prec + 16)) return 0;
  /* log(1 + a x^-p) */
  const ic_mono *u = ic_monos_one_plus (&ms);
  if (u && mpq_sgn (u->b) == 0 && mpq_cmp_si (u->a, -1, 1) < 0)
    {
      mpq_t p;
      mpq_init (p);
      mpq_neg (p, u->a);
      ok = integral_log1p_mono (out, u->c, p, x0, prec);
      mpq_clear (p);
    }
  ic_monos_clear (&ms);
  return ok;
}
