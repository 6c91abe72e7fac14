/* periodic.c — sum c(n) h(n) with c exactly periodic (rational values) and
 * h completely monotone tending to 0; the theorems are stated in
 * periodic.h. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "periodic.h"
#include "symb.h"
#include "cm.h"
#include "eval.h"
#include "em.h"
#include "ratexp.h"
#include "cancel.h"
#include "kern/exact.h"   /* ic_q_is_int */

/* ---- polynomials in n with rational coefficients ---------------------------- */

#define PMAX 6                   /* degree cap */

typedef struct { int d; mpq_t c[PMAX + 1]; } poly;

static void poly_init (poly *p) { p->d = 0; for (int i = 0; i <= PMAX; i++) mpq_init (p->c[i]); }
static void poly_clear (poly *p) { for (int i = 0; i <= PMAX; i++) mpq_clear (p->c[i]); }

/* 1 if e is a polynomial in n of degree <= PMAX with rational coefficients
 * (exactly, as a function of n; sets p). */
static int poly_of (poly *p, const ic_node *e, int depth)
{
  if (depth > 64) return 0;
  for (int i = 0; i <= PMAX; i++) mpq_set_ui (p->c[i], 0, 1);
  p->d = 0;
  poly a, b;
  int ok = 0;
  switch (e->op)
    {
    case IC_NUM: mpq_set (p->c[0], e->q); return 1;
    case IC_VAR: mpq_set_ui (p->c[1], 1, 1); p->d = 1; return 1;
    case IC_NEG:
      if (!poly_of (p, e->a, depth + 1)) return 0;
      for (int i = 0; i <= p->d; i++) mpq_neg (p->c[i], p->c[i]);
      return 1;
    case IC_ADD: case IC_SUB: case IC_MUL: case IC_DIV: case IC_POW:
      break;
    default:
      return 0;
    }
  poly_init (&a); poly_init (&b);
  if (e->op == IC_POW)
    {
      /* x^k, k a literal integer 0 <= k <= PMAX */
      if (e->b->op == IC_NUM && mpz_cmp_ui (mpq_denref (e->b->q), 1) == 0 && mpq_sgn (e->b->q) >= 0
          && mpz_cmp_ui (mpq_numref (e->b->q), PMAX) <= 0 && poly_of (&a, e->a, depth + 1))
        {
          unsigned long k = mpz_get_ui (mpq_numref (e->b->q));
          mpq_set_ui (p->c[0], 1, 1);
          ok = 1;
          for (unsigned long j = 0; j < k && ok; j++)
            {
              if (p->d + a.d > PMAX) { ok = 0; break; }
              poly r;
              poly_init (&r);
              for (int i = 0; i <= p->d; i++)
                for (int l = 0; l <= a.d; l++)
                  {
                    mpq_t t;
                    mpq_init (t);
                    mpq_mul (t, p->c[i], a.c[l]);
                    mpq_add (r.c[i + l], r.c[i + l], t);
                    mpq_clear (t);
                  }
              r.d = p->d + a.d;
              for (int i = 0; i <= PMAX; i++) mpq_set (p->c[i], r.c[i]);
              p->d = r.d;
              poly_clear (&r);
            }
        }
    }
  else if (poly_of (&a, e->a, depth + 1) && poly_of (&b, e->b, depth + 1))
    {
      ok = 1;
      if (e->op == IC_ADD || e->op == IC_SUB)
        {
          p->d = a.d > b.d ? a.d : b.d;
          for (int i = 0; i <= PMAX; i++)
            {
              if (e->op == IC_ADD) mpq_add (p->c[i], a.c[i], b.c[i]);
              else mpq_sub (p->c[i], a.c[i], b.c[i]);
            }
        }
      else if (e->op == IC_MUL)
        {
          if (a.d + b.d > PMAX) ok = 0;
          else
            {
              mpq_t t;
              mpq_init (t);
              for (int i = 0; i <= a.d; i++)
                for (int l = 0; l <= b.d; l++)
                  {
                    mpq_mul (t, a.c[i], b.c[l]);
                    mpq_add (p->c[i + l], p->c[i + l], t);
                  }
              mpq_clear (t);
              p->d = a.d + b.d;
            }
        }
      else
        {
          /* division by a nonzero rational constant only */
          if (b.d == 0 && mpq_sgn (b.c[0]) != 0 && mpq_sgn (b.c[1]) == 0)
            {
              for (int i = 0; i <= a.d; i++) mpq_div (p->c[i], a.c[i], b.c[0]);
              p->d = a.d;
            }
          else ok = 0;
        }
    }
  poly_clear (&a); poly_clear (&b);
  /* trim the degree (leading zeros) */
  while (ok && p->d > 0 && mpq_sgn (p->c[p->d]) == 0) p->d--;
  return ok;
}

/* r = p(x), x an integer (exact) */
static void poly_at (mpq_t r, const poly *p, long x)
{
  mpq_t xq;
  mpq_init (xq);
  mpq_set_si (xq, x, 1);
  mpq_set (r, p->c[p->d]);
  for (int i = p->d - 1; i >= 0; i--)
    {
      mpq_mul (r, r, xq);
      mpq_add (r, r, p->c[i]);
    }
  mpq_clear (xq);
}

/* ---- periodic factors ------------------------------------------------------ */

typedef struct {
  const ic_node *node;
  unsigned long q;
  int vals[IC_PERIODIC_MAXQ];   /* trig factors: 2 * value in {-2, -1, 0, 1, 2}; (-1)^E: +-2 */
  int plain;                    /* (-1)^(n+k): has its own rules */
} pfactor;

/* (-1)^E with E an integer-valued polynomial of degree >= 1: its period q
 * (<= 64) and values.  Exactness: E is integer-valued iff E(0..d) are
 * integers; D(n) = (E(n+q) - E(n))/2, of degree <= d - 1, is
 * integer-valued iff D(0..d-1) are integers, and then (-1)^E(n+q) =
 * (-1)^E(n) at every integer n. */
static int alt_poly_factor (pfactor *f, const ic_node *e)
{
  if (e->op != IC_POW || !ic_node_has_var (e->b)) return 0;
  const ic_node *b = e->a;
  if (!(ic_node_is_num (b, -1) || (b->op == IC_NEG && ic_node_is_num (b->a, 1)))) return 0;
  poly p;
  poly_init (&p);
  int ok = poly_of (&p, e->b, 0) && p.d >= 1;
  mpq_t v, w;
  mpq_inits (v, w, NULL);
  for (int j = 0; ok && j <= p.d; j++)
    {
      poly_at (v, &p, j);
      ok = ic_q_is_int (v);
    }
  unsigned long q = 0;
  for (unsigned long t = 1; ok && t <= 64 && !q; t++)
    {
      int good = 1;
      for (int j = 0; good && j < p.d; j++)
        {
          poly_at (v, &p, j + (long) t);
          poly_at (w, &p, j);
          mpq_sub (v, v, w);
          mpq_div_2exp (v, v, 1);
          good = ic_q_is_int (v);
        }
      if (good) q = t;
    }
  if (ok && q)
    {
      f->node = e;
      f->q = q;
      for (unsigned long j = 0; j < q; j++)
        {
          poly_at (v, &p, (long) j);
          f->vals[j] = mpz_odd_p (mpq_numref (v)) ? -2 : 2;
        }
      int par;
      f->plain = ic_node_is_alt_sign (e, &par);
    }
  mpq_clears (v, w, NULL);
  poly_clear (&p);
  return ok && q;
}

/* 2 cos(pi x) for x rational when it is rational (Niven: x mod 2 in
 * {0, 1/3, 1/2, 2/3, 1, 4/3, 3/2, 5/3}); 0 with *ok = 0 otherwise. */
static int two_cos_pi (const mpq_t x, int *ok)
{
  mpq_t r;
  mpz_t fl;
  mpq_init (r);
  mpz_init (fl);
  mpq_set (r, x);
  mpq_div_2exp (r, r, 1);
  mpz_fdiv_q (fl, mpq_numref (r), mpq_denref (r));
  mpq_set_z (r, fl);
  mpq_mul_2exp (r, r, 1);
  mpq_sub (r, x, r);                       /* x mod 2 in [0, 2) */
  mpq_t six;
  mpq_init (six);
  mpq_set_ui (six, 6, 1);
  mpq_mul (r, r, six);                     /* 6 (x mod 2) in [0, 12) */
  int v = 0;
  *ok = ic_q_is_int (r);
  if (*ok)
    {
      /* 6x = 0: cos = 1; 2, 10: 1/2; 3, 9: 0; 4, 8: -1/2; 6: -1 */
      switch (mpz_get_si (mpq_numref (r)))
        {
        case 0: v = 2; break;
        case 2: case 10: v = 1; break;
        case 3: case 9: v = 0; break;
        case 4: case 8: v = -1; break;
        case 6: v = -2; break;
        default: *ok = 0;
        }
    }
  mpq_clears (r, six, NULL);
  mpz_clear (fl);
  return v;
}

/* sin or cos of pi (r n + t) with rational r, t (no rational part outside
 * pi), all values rational: period q = the least q with q r in 2Z. */
static int trig_pi_factor (pfactor *f, const ic_node *e)
{
  if ((e->op != IC_SIN && e->op != IC_COS) || !ic_node_has_var (e->a)) return 0;
  mpq_t s, spi, t, tpi, x, half;
  mpq_inits (s, spi, t, tpi, x, half, NULL);
  int ok = ic_symb_affine_pi (e->a, s, spi, t, tpi) && mpq_sgn (s) == 0 && mpq_sgn (t) == 0
    && mpq_sgn (spi) != 0;
  unsigned long q = 0;
  for (unsigned long c = 1; ok && c <= IC_PERIODIC_MAXQ && !q; c++)
    {
      mpq_set_ui (x, c, 1);
      mpq_mul (x, x, spi);
      mpq_div_2exp (x, x, 1);
      if (ic_q_is_int (x)) q = c;
    }
  ok = ok && q;
  mpq_set_ui (half, 1, 2);
  for (unsigned long j = 0; ok && j < q; j++)
    {
      mpq_set_ui (x, j, 1);
      mpq_mul (x, x, spi);
      mpq_add (x, x, tpi);
      if (e->op == IC_SIN) mpq_sub (x, x, half);     /* sin(pi y) = cos(pi (y - 1/2)) */
      f->vals[j] = two_cos_pi (x, &ok);
    }
  if (ok) { f->node = e; f->q = q; f->plain = 0; }
  mpq_clears (s, spi, t, tpi, x, half, NULL);
  return ok;
}

#define MAXF 8

/* The periodic factors of the spine of e; denominators only (-1)^E. */
static int collect (pfactor *fs, int *nf, const ic_node *e, int in_den, int depth)
{
  if (depth > 64) return 0;
  switch (e->op)
    {
    case IC_MUL:
      return collect (fs, nf, e->a, in_den, depth + 1) && collect (fs, nf, e->b, in_den, depth + 1);
    case IC_DIV:
      return collect (fs, nf, e->a, in_den, depth + 1) && collect (fs, nf, e->b, 1, depth + 1);
    case IC_NEG:
      /* the sign stays in h (without_all keeps the - node) */
      return collect (fs, nf, e->a, in_den, depth + 1);
    default:
      break;
    }
  if (*nf >= MAXF) return 1;
  if (alt_poly_factor (&fs[*nf], e)) { (*nf)++; return 1; }
  if (!in_den && trig_pi_factor (&fs[*nf], e)) { (*nf)++; return 1; }
  return 1;
}

/* A copy of e with the nodes of fs (by address) replaced by 1. */
static ic_node *without_all (const ic_node *e, const pfactor *fs, int nf)
{
  if (!e) return NULL;
  for (int i = 0; i < nf; i++)
    if (fs[i].node == e) return ic_node_num_si (1);
  ic_node *c = ic_node_new (e->op, without_all (e->a, fs, nf), without_all (e->b, fs, nf));
  c->col = e->col;
  mpq_set (c->q, e->q);
  return c;
}

static unsigned long gcd_ul (unsigned long a, unsigned long b)
{
  while (b) { unsigned long t = a % b; a = b; b = t; }
  return a;
}

int ic_periodic_match (ic_periodic *P, const ic_node *e, unsigned long N)
{
  if (N < 1) N = 1;
  pfactor *fs = malloc (sizeof *fs * MAXF);
  if (!fs) return 0;
  int nf = 0;
  int ok = collect (fs, &nf, e, 0, 0) && nf > 0;
  int any_new = 0;
  unsigned long q = 1;
  for (int i = 0; ok && i < nf; i++)
    {
      if (!fs[i].plain) any_new = 1;
      unsigned long g = gcd_ul (q, fs[i].q);
      if (q / g > IC_PERIODIC_MAXQ / fs[i].q) ok = 0;
      else q = q / g * fs[i].q;
    }
  ok = ok && any_new;
  ic_node *h = ok ? without_all (e, fs, nf) : NULL;
  int hs = 0;
  if (ok && ic_node_has_var (h))
    {
      ic_cm_class c;
      ic_cm_class_init (&c, 128);
      ic_cm_analyze (&c, h, N);
      if (ic_cm_class_is_cm (&c)) hs = 1;
      else if (ic_cm_class_is_ncm (&c)) hs = -1;
      ok = hs != 0 && mpfr_zero_p (c.vinf->lo) && mpfr_zero_p (c.vinf->hi);
      ic_cm_class_clear (&c);
    }
  else ok = 0;
  if (!ok) { ic_node_free (h); free (fs); return 0; }
  P->q = q;
  P->c = malloc (sizeof *P->c * q);
  if (!P->c) { ic_node_free (h); free (fs); return 0; }
  mpq_init (P->S);
  for (unsigned long j = 0; j < q; j++)
    {
      /* c_j = hs prod_i vals_i(j mod q_i) / 2: e = c0 h0 with h0 = e with
       * the factors replaced by 1 (signs included), h0 = hs P->h */
      mpq_init (P->c[j]);
      mpq_set_si (P->c[j], hs, 1);
      for (int i = 0; i < nf; i++)
        {
          mpq_t v;
          mpq_init (v);
          mpq_set_si (v, fs[i].vals[j % fs[i].q], 2);
          mpq_mul (P->c[j], P->c[j], v);
          mpq_clear (v);
        }
      mpq_add (P->S, P->S, P->c[j]);
    }
  P->h = hs > 0 ? h : ic_mk_neg (h);
  P->N = N;
  size_t at = 0;
  P->text[0] = 0;
  for (int i = 0; i < nf && at + 2 < sizeof P->text; i++)
    {
      char *t = ic_term_to_string (fs[i].node);
      int w = snprintf (P->text + at, sizeof P->text - at, "%s%s", i ? "*" : "", t ? t : "?");
      free (t);
      if (w < 0) break;
      at += (size_t) w;
      if (at >= sizeof P->text) { at = sizeof P->text - 1; break; }
    }
  free (fs);
  return 1;
}

void ic_periodic_clear (ic_periodic *P)
{
  for (unsigned long j = 0; j < P->q; j++) mpq_clear (P->c[j]);
  free (P->c);
  P->c = NULL;
  mpq_clear (P->S);
  ic_node_free (P->h);
  P->h = NULL;
}

/* ---- the tail ------------------------------------------------------------- */

/* C := the periodic antidifference of mean zero of c (which has mean
 * zero): C(j) - C(j-1) = c(j) for every j (indices mod q; C(0) - C(q-1) =
 * c(0) because the c(j) sum to 0), minus the mean of C. */
static void antidiff (mpq_t *C, mpq_t *c, unsigned long q)
{
  mpq_t m, qq;
  mpq_inits (m, qq, NULL);
  mpq_set_ui (C[0], 0, 1);
  for (unsigned long j = 1; j < q; j++) mpq_add (C[j], C[j - 1], c[j]);
  for (unsigned long j = 0; j < q; j++) mpq_add (m, m, C[j]);
  mpq_set_ui (qq, q, 1);
  mpq_div (m, m, qq);
  for (unsigned long j = 0; j < q; j++) mpq_sub (C[j], C[j], m);
  mpq_clears (m, qq, NULL);
}

/* r >= max_j |C(j)| */
static void max_abs_upper (mpfr_ptr r, mpq_t *C, unsigned long q)
{
  mpq_t a, best;
  mpq_inits (a, best, NULL);
  for (unsigned long j = 0; j < q; j++)
    {
      mpq_abs (a, C[j]);
      if (mpq_cmp (a, best) > 0) mpq_set (best, a);
    }
  mpfr_set_q (r, best, MPFR_RNDU);
  mpq_clears (a, best, NULL);
}

int ic_periodic_tail (ic_ival_ptr tail, const ic_periodic *P, unsigned long N, long digits,
                      mpfr_prec_t wp, char *method, size_t mlen)
{
  if (N < P->N || N < 1 || N > (1UL << 40)) return 0;
  unsigned long q = P->q;
  /* heuristic: at most K summations by parts; the differences lose about
   * k (log2 N + 1) bits to cancellation, added to the precision */
  long K = 4 * digits + 40;
  if (K > 1000) K = 1000;
  unsigned long lg = 1;
  while ((N + (unsigned long) K) >> lg) lg++;
  mpfr_prec_t p = wp + (mpfr_prec_t) K * (mpfr_prec_t) (lg + 1) + 64;
  ic_ival_struct *v = malloc (sizeof *v * (size_t) (K + 1));
  mpq_t *cur = malloc (sizeof *cur * q), *nxt = malloc (sizeof *nxt * q);
  if (!v || !cur || !nxt) { free (v); free (cur); free (nxt); return 0; }
  for (long i = 0; i <= K; i++) ic_ival_init2 (&v[i], p);
  for (unsigned long j = 0; j < q; j++) { mpq_init (cur[j]); mpq_init (nxt[j]); }
  ic_evaluator *ev = ic_eval_new (P->h, p);
  int ok = 1;
  for (long i = 0; i <= K && ok; i++)
    {
      if (ic_cancelled ()) { ok = 0; break; }
      ok = ic_eval_at_ui (ev, &v[i], N + (unsigned long) i, NULL) == IC_EV_OK && ic_ival_is_finite (&v[i]);
    }
  ic_eval_free (ev);
  ic_ival_t sum, term, mean;
  ic_ival_init2 (sum, p); ic_ival_init2 (term, p); ic_ival_init2 (mean, p);
  mpfr_t target, r, cmax;
  mpfr_inits2 (64, target, r, cmax, (mpfr_ptr) 0);
  mpfr_set_si (target, 10, MPFR_RNDD);
  mpfr_pow_si (target, target, -(digits + 3), MPFR_RNDD);
  /* C_0 = c - S/q (mean zero) */
  mpq_t mq, qq;
  mpq_inits (mq, qq, NULL);
  mpq_set_ui (qq, q, 1);
  mpq_div (mq, P->S, qq);
  for (unsigned long j = 0; j < q; j++) mpq_sub (cur[j], P->c[j], mq);
  unsigned long jN = (N - 1) % q;            /* index of N - 1 */
  long k = 0;
  if (ok)
    {
      ic_ival_set_si (sum, 0);
      for (k = 0; ; k++)
        {
          antidiff (nxt, cur, q);            /* C_(k+1) */
          /* remainder after k terms: 2 max|C_(k+1)| |Delta^k h(N)| */
          max_abs_upper (cmax, nxt, q);
          ic_ival_mag_upper (r, &v[0]);
          mpfr_mul (r, r, cmax, MPFR_RNDU);
          mpfr_mul_2ui (r, r, 1, MPFR_RNDU);
          if (mpfr_cmp (r, target) <= 0 || k == K || ic_cancelled ()) break;
          /* term k: (-1)^(k+1) C_(k+1)(N-1) Delta^k h(N) */
          ic_ival_set_q (term, nxt[jN]);
          ic_ival_mul (term, term, &v[0]);
          if (k % 2 == 0) ic_ival_sub (sum, sum, term); else ic_ival_add (sum, sum, term);
          for (long i = 0; i + 1 <= K - k; i++) ic_ival_sub (&v[i], &v[i + 1], &v[i]);
          mpq_t *t = cur; cur = nxt; nxt = t;
        }
      ok = mpfr_number_p (r) && ic_ival_is_finite (sum);
      if (ok)
        {
          mpfr_sub (sum->lo, sum->lo, r, MPFR_RNDD);
          mpfr_add (sum->hi, sum->hi, r, MPFR_RNDU);
        }
    }
  snprintf (method, mlen, "periodic");
  if (ok && mpq_sgn (P->S) != 0)
    {
      /* the mean part (S/q) sum_{n>=N} h(n) */
      ic_em_info info;
      memset (&info, 0, sizeof info);
      char m2[48] = "", d2[256] = "";
      int have = ic_node_is_smooth (P->h) && ic_em_tail (mean, P->h, 0, N, digits + 2, wp, &info);
      if (have) snprintf (m2, sizeof m2, "%s", info.method);
      else have = ic_ratexp_tail (mean, P->h, 0, N, digits + 2, wp, m2, sizeof m2, d2, sizeof d2);
      ok = have && ic_ival_is_finite (mean);
      if (ok)
        {
          ic_ival_set_q (term, mq);
          ic_ival_mul (mean, mean, term);
          ic_ival_add (sum, sum, mean);
          snprintf (method, mlen, "periodic+%s", m2);
        }
    }
  if (ok) ic_ival_set (tail, sum);
  mpq_clears (mq, qq, NULL);
  mpfr_clears (target, r, cmax, (mpfr_ptr) 0);
  ic_ival_clear (sum); ic_ival_clear (term); ic_ival_clear (mean);
  for (unsigned long j = 0; j < q; j++) { mpq_clear (cur[j]); mpq_clear (nxt[j]); }
  free (cur); free (nxt);
  for (long i = 0; i <= K; i++) ic_ival_clear (&v[i]);
  free (v);
  return ok;
}

/* ---- (-1)^E(n) of period dividing 4 as a trigonometric polynomial ---------- */

/* A copy of e with each (-1)^E(n) of period 1, 2 or 4 (not a plain
 * (-1)^(n+k)) replaced by a0 + a1 cos(pi n/2) + b1 sin(pi n/2) + a2 (-1)^n,
 * the discrete Fourier expansion of its values v0..v3 at n = 0..3 mod 4:
 * a0 = (v0+v1+v2+v3)/4, a1 = (v0-v2)/2, b1 = (v1-v3)/2, a2 = (v0-v1+v2-v3)/4
 * (exact at every integer n: the four basis sequences have period 4 and
 * the expansion reproduces v0..v3). */
/* 1 if e is (-1)^E(n), not plain, of period dividing 4; v = its values
 * (+-1) at n = 0..3 (the factor on the heap: it is large). */
static int sign_vals4 (const ic_node *e, int v[4])
{
  if (e->op != IC_POW || !ic_node_has_var (e->b)) return 0;
  pfactor *f = malloc (sizeof *f);
  if (!f) return 0;
  int ok = alt_poly_factor (f, e) && !f->plain && 4 % f->q == 0;
  if (ok)
    for (int j = 0; j < 4; j++) v[j] = f->vals[j % f->q] / 2;
  free (f);
  return ok;
}

static ic_node *sign_to_trig (const ic_node *e, int *count, int depth)
{
  if (!e) return NULL;
  int v[4];
  if (depth < 200 && sign_vals4 (e, v))
    {
      (*count)++;
      mpq_t a0, a1, b1, a2;
      mpq_inits (a0, a1, b1, a2, NULL);
      mpq_set_si (a0, v[0] + v[1] + v[2] + v[3], 4);
      mpq_set_si (a1, v[0] - v[2], 2);
      mpq_set_si (b1, v[1] - v[3], 2);
      mpq_set_si (a2, v[0] - v[1] + v[2] - v[3], 4);
      mpq_canonicalize (a0); mpq_canonicalize (a1); mpq_canonicalize (b1); mpq_canonicalize (a2);
      ic_node *n = ic_node_new (IC_VAR, NULL, NULL);
      ic_node *half_pi_n = ic_node_new (IC_DIV, ic_node_new (IC_MUL, ic_node_new (IC_PI, NULL, NULL), n),
                                        ic_node_num_si (2));
      ic_node *r = ic_node_num_q (a0);
      r = ic_mk_add (r, ic_mk_mul (ic_node_num_q (a1), ic_node_new (IC_COS, ic_node_copy (half_pi_n), NULL)));
      r = ic_mk_add (r, ic_mk_mul (ic_node_num_q (b1), ic_node_new (IC_SIN, ic_node_copy (half_pi_n), NULL)));
      r = ic_mk_add (r, ic_mk_mul (ic_node_num_q (a2),
                                   ic_node_new (IC_POW, ic_node_num_si (-1), ic_node_new (IC_VAR, NULL, NULL))));
      ic_node_free (half_pi_n);
      mpq_clears (a0, a1, b1, a2, NULL);
      return r;
    }
  ic_node *c = ic_node_new (e->op, sign_to_trig (e->a, count, depth + 1), sign_to_trig (e->b, count, depth + 1));
  c->col = e->col;
  mpq_set (c->q, e->q);
  return c;
}

ic_node *ic_periodic_sign_to_trig (const ic_node *e)
{
  int count = 0;
  ic_node *r = sign_to_trig (e, &count, 0);
  if (!count) { ic_node_free (r); return NULL; }
  return r;
}
