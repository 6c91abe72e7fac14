/* ratexp.c — "rational-expansion" tails (see ratexp.h).
 *
 * Notation.  f = P/Q normalised exactly (ratfun.h), denominators cleared so
 * that P, Q have integer coefficients (same factor on both: f unchanged).
 * d = deg Q, e = deg P; t = 1/n; reversed polynomials
 *     Qr(t) = t^d Q(1/t),  Qr(0) = lead(Q) != 0,
 *     Pr(t) = t^e P(1/t)   (sums),   Pr(t) = t^d P(1/t)   (products),
 * so f(1/t) = t^j0 Pr(t)/Qr(t) with j0 = d - e (sums) and, for products,
 * p(1/t) = Pr(t)/Qr(t) with Pr(0) = Qr(0) [chk] and Pr - Qr = O(t^j0).
 *
 * Series.  Each method expands one rational function Num/Den of t with
 * Den(0) != 0 by exact long division (rationals, GMP):
 *   sums:      Num = Pr,  Den = Qr,   f(1/t) = t^j0 Num/Den;
 *   products:  Num = Pr' Qr - Qr' Pr,  Den = Pr Qr,  Num/Den = h'(t) where
 *              h(t) = log(Pr(t)/Qr(t)).
 * [D] Long division identity (exact, an algebraic fact): with
 *     c_k = r^(k)_0 / Den_0,  r^(k+1) = (r^(k) - c_k Den) / t,  r^(0) = Num,
 *     Num = Den (c_0 + ... + c_K t^K) + t^(K+1) r^(K+1)
 *     as polynomials, deg r^(K+1) <= max(deg Num, deg Den) - 1.
 *
 * Remainder (real variable, no complex analysis).  For s in [0, 1/M]:
 * [T] |r(s)| <= sum_i |r_i| M^-i =: Bn  and
 *     |Den(s)| >= |Den_0| - sum_{i>=1} |Den_i| M^-i =: Bd  (triangle
 *     inequality), and Bd > 0 [chk], so Den has no zero on [0, 1/M].
 *   Sums: by [D], for n >= M, with J = j0 + K,
 *       f(n) = sum_{j=j0}^{J} a_j n^-j + E(n),  a_(j0+k) = c_k,
 *       E(n) = n^-(J+1) r(1/n)/Den(1/n),   |E(n)| <= B n^-(J+1),  B = Bn/Bd.
 *   Products: Pr, Qr have no zero on [0, 1/M] (Den = Pr Qr), Pr(0)/Qr(0) = 1,
 *     so p(1/s) = Pr(s)/Qr(s) > 0 there (intermediate value theorem), h is
 *     real-analytic on [0, 1/M], h(0) = 0, h' = Num/Den.  Integrating [D]
 *     from 0 to t = 1/n (n >= M), with J = K + 1:
 *       log p(n) = h(t) = sum_{j=1}^{J} b_j n^-j + E(n),  b_(k+1) = c_k/(k+1),
 *       |E(n)| = |int_0^t s^(K+1) r(s)/Den(s) ds| <= B n^-(J+1) / (J+1).
 *     b_1 = 0 (checked exactly: it is 0 when j0 >= 2).
 * [Z] zeta(s, M) <= M^-s (1 + M/(s-1)) for s > 1, M >= 1 (first term plus
 *     the integral test; em_kern.h fact [Z]).  Hence, summing over n >= M
 *     (every series here converges absolutely: j >= 2, |E(n)| = O(n^-2)),
 *       sum_{n>=M} f(n) = sum_{j=2}^{J} a_j zeta(j, M) + E_tail,
 *       |E_tail| <= w B M^-(J+1) (1 + M/J),   w = 1 (sums), 1/(J+1) (products).
 * [EM] Hurwitz zeta for integer s >= 2 by Euler–Maclaurin (em_kern.h facts
 *     [EM], [B]): x^-s is completely monotone on [M, inf) (all even
 *     derivatives > 0, odd derivatives -> 0), so
 *       M^s zeta(s, M) = M/(s-1) + 1/2 + sum_{k=1}^{m} beta_k g_k + R,
 *       beta_k = B_2k/(2k)!,  g_k = (s)_(2k-1) M^(1-2k) (rising factorial),
 *       R in hull(0, 2 beta_(m+1) g_(m+1))  (ic_em_remainder),
 *     i.e. the remainder lies between 0 and twice the first omitted term.
 * The terms N <= n < M are summed (multiplied, then one log) directly in
 * intervals; poles and non-positive factors there are detected exactly on
 * the integers P(n), Q(n).
 *
 * Heuristics (labelled; they never produce a bound): the cut-off M (a cost
 * model using a root-radius estimate), the truncation J, the number of
 * Euler–Maclaurin terms per zeta, and the precisions.  Every bound comes
 * from exact GMP arithmetic or outward-rounded MPFR operations, each
 * followed by the inequality it establishes.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ratexp.h"
#include "buf.h"
#include "ratfun.h"
#include "bernoulli.h"
#include "em_kern.h"
#include "cancel.h"
#include "checked.h"

#define LOG2_10 3.321928094887362
#define RX_MAX_M   20000000UL     /* resource limit on the direct part      */
#define RX_MAX_J   20000L         /* resource limit on the expansion length */
#define RX_PI 3.141592653589793
#define RX_LEN (2 * IC_RATFUN_MAX_DEG + 2)   /* products: deg(Pr Qr) <= 2d */

typedef struct {
  int d;                          /* degree (-1: zero)                      */
  mpz_t c[RX_LEN];                /* c[i]: coefficient of n^i (or t^i)      */
} zpoly;

static void zp_init (zpoly *p)
{
  p->d = -1;
  for (int i = 0; i < RX_LEN; i++) mpz_init (p->c[i]);
}

static void zp_clear (zpoly *p)
{
  for (int i = 0; i < RX_LEN; i++) mpz_clear (p->c[i]);
}

static void zp_norm (zpoly *p)
{
  while (p->d >= 0 && mpz_sgn (p->c[p->d]) == 0) p->d--;
}

/* v = p(n) exactly (Horner). */
static void zp_eval (mpz_t v, const zpoly *p, unsigned long n)
{
  mpz_set_ui (v, 0);
  for (int i = p->d; i >= 0; i--)
    {
      mpz_mul_ui (v, v, n);
      mpz_add (v, v, p->c[i]);
    }
}

/* r = reversal of p to length L (r_i = p_(L-i)), deg p <= L. */
static void zp_reverse (zpoly *r, const zpoly *p, int L)
{
  for (int i = 0; i < RX_LEN; i++) mpz_set_ui (r->c[i], 0);
  for (int i = 0; i <= L; i++)
    if (L - i <= p->d) mpz_set (r->c[i], p->c[L - i]);
  r->d = L;
  zp_norm (r);
}

/* r = a b (deg a + deg b < RX_LEN; r not aliased). */
static void zp_mul (zpoly *r, const zpoly *a, const zpoly *b)
{
  for (int i = 0; i < RX_LEN; i++) mpz_set_ui (r->c[i], 0);
  r->d = (a->d < 0 || b->d < 0) ? -1 : a->d + b->d;
  for (int i = 0; i <= a->d; i++)
    for (int j = 0; j <= b->d; j++)
      mpz_addmul (r->c[i + j], a->c[i], b->c[j]);
  zp_norm (r);
}

/* r = a' (r not aliased). */
static void zp_deriv (zpoly *r, const zpoly *a)
{
  for (int i = 0; i < RX_LEN; i++) mpz_set_ui (r->c[i], 0);
  for (int i = 1; i <= a->d; i++) mpz_mul_ui (r->c[i - 1], a->c[i], (unsigned long) i);
  r->d = a->d - 1;
  zp_norm (r);
}

/* Heuristic: log2 |z| (-inf for 0). */
static double lg2z (const mpz_t z)
{
  long ex;
  if (mpz_sgn (z) == 0) return -INFINITY;
  double m = mpz_get_d_2exp (&ex, z);
  return log2 (fabs (m)) + (double) ex;
}

static double lg2q (const mpq_t q)
{
  return lg2z (mpq_numref (q)) - lg2z (mpq_denref (q));
}

/* Heuristic: log2 of sum_i 2^(l[i]) (l[i] = -inf allowed). */
static double lg2sum (const double *l, int n)
{
  double mx = -INFINITY, s = 0;
  for (int i = 0; i < n; i++) if (l[i] > mx) mx = l[i];
  if (mx == -INFINITY) return -INFINITY;
  for (int i = 0; i < n; i++) if (l[i] > -INFINITY) s += exp2 (l[i] - mx);
  return mx + log2 (s);
}

/* Heuristic (doubles): log2 of sum_{i>=i0} |p_i| 2^(i lr). */
static double sum_abs_lg2 (const zpoly *p, int i0, double lr)
{
  double l[RX_LEN];
  int n = 0;
  for (int i = i0; i <= p->d; i++) l[n++] = lg2z (p->c[i]) + i * lr;
  return lg2sum (l, n);
}

/* ---- exact long division (fact [D]) ------------------------------------------ */

typedef struct {
  int L;                 /* length of the remainder vector               */
  mpq_t *r;              /* r[i]: coefficient of t^i of the remainder     */
  const zpoly *den;
  mpq_t den0, t;
} sdiv;

static void sdiv_init (sdiv *s, const zpoly *num, const zpoly *den)
{
  s->L = (num->d > den->d ? num->d : den->d) + 1;
  if (s->L < 1) s->L = 1;
  s->r = malloc ((size_t) s->L * sizeof *s->r);
  if (!s->r) abort ();
  for (int i = 0; i < s->L; i++)
    {
      mpq_init (s->r[i]);
      if (i <= num->d) mpq_set_z (s->r[i], num->c[i]);
    }
  s->den = den;
  mpq_init (s->den0);
  mpq_init (s->t);
  mpq_set_z (s->den0, den->c[0]);
}

static void sdiv_clear (sdiv *s)
{
  for (int i = 0; i < s->L; i++) mpq_clear (s->r[i]);
  free (s->r);
  mpq_clear (s->den0);
  mpq_clear (s->t);
}

/* c = r_0 / Den_0;  r = (r - c Den) / t  (exact; the constant term cancels). */
static void sdiv_step (sdiv *s, mpq_t c)
{
  mpq_div (c, s->r[0], s->den0);
  if (mpq_sgn (c) != 0)
    for (int i = 1; i <= s->den->d && i < s->L; i++)
      {
        if (mpz_sgn (s->den->c[i]) == 0) continue;
        mpq_set_z (s->t, s->den->c[i]);
        mpq_mul (s->t, s->t, c);
        mpq_sub (s->r[i], s->r[i], s->t);
      }
  /* r_0 - c Den_0 = 0 exactly: shift down */
  for (int i = 0; i + 1 < s->L; i++) mpq_swap (s->r[i], s->r[i + 1]);
  mpq_set_ui (s->r[s->L - 1], 0, 1);
}

/* Heuristic (doubles): log2 of sum_i |r_i| M^-i. */
static double sdiv_rem_lg2 (const sdiv *s, double lM)
{
  double l[RX_LEN];
  int n = 0;
  for (int i = 0; i < s->L && n < RX_LEN; i++)
    l[n++] = mpq_sgn (s->r[i]) ? lg2q (s->r[i]) - i * lM : -INFINITY;
  return lg2sum (l, n);
}

/* ---- Hurwitz zeta ------------------------------------------------------------ */

/* Heuristic (doubles): the number m of Euler–Maclaurin corrections after
 * which the first omitted term of M^s zeta(s, M) is below 2^lim, using
 * |B_2k|/(2k)! ~ 2 (2 pi)^-2k; -1 if the terms start growing first. */
static long em_terms_needed (long s, unsigned long M, double lim)
{
  double lg = log2 ((double) s) - log2 ((double) M);         /* log2 g_1 */
  double lb = 1 - 2 * log2 (2 * RX_PI);                      /* log2 |beta_1|, approx */
  double prev = INFINITY;
  for (long k = 1; k < 100000; k++)
    {
      double lt = lb + lg;                                   /* log2 |t_k| */
      if (lt <= lim) return k - 1;
      if (lt > prev) return -1;
      prev = lt;
      lg += log2 ((double) (s + 2 * k - 1)) + log2 ((double) (s + 2 * k)) - 2 * log2 ((double) M);
      lb -= 2 * log2 (2 * RX_PI);
    }
  return -1;
}

/* Z encloses M^s zeta(s, M) for an integer s >= 2, by [EM] with the first
 * m corrections (bt[k-1] encloses beta_k = B_2k/(2k)!, k <= nb, nb >= m+1).
 * The precision of Z is used.  Returns 1, or 0 if nb is too small. */
static int zeta_scaled (ic_ival_ptr Z, long s, unsigned long M, long m,
                        const ic_ival_struct *bt, long nb)
{
  mpfr_prec_t p = ic_ival_get_prec (Z);
  ic_ival_t g, t, R;
  if (m + 1 > nb || s < 2) return 0;
  ic_ival_init2 (g, p); ic_ival_init2 (t, p); ic_ival_init2 (R, p);
  /* Z = M/(s-1) + 1/2 */
  ic_ival_set_ui (Z, M);
  ic_ival_div_ui (Z, Z, (unsigned long) s - 1);                    /* M/(s-1), s >= 2 */
  ic_ival_set_ui (t, 1);
  ic_ival_div_ui (t, t, 2);
  ic_ival_add (Z, Z, t);                                           /* + 1/2 */
  /* g_1 = s/M (> 0) */
  ic_ival_set_ui (g, (unsigned long) s);
  ic_ival_div_ui (g, g, M);
  for (long k = 1; k <= m + 1; k++)
    {
      if (k > 1)
        {
          /* g_k = g_(k-1) (s+2k-3)(s+2k-2) / M^2; positive, so directed
           * rounding of each endpoint keeps g_k in [lo, hi]. */
          unsigned long f1 = (unsigned long) (s + 2 * k - 3), f2 = (unsigned long) (s + 2 * k - 2);
          ic_ival_mul_ui (g, g, f1);
          ic_ival_mul_ui (g, g, f2);
          ic_ival_div_ui (g, g, M);
          ic_ival_div_ui (g, g, M);                                /* the proved operations */
        }
      ic_ival_mul (t, &bt[k - 1], g);                              /* t encloses beta_k g_k */
      if (k <= m) ic_ival_add (Z, Z, t);
      else
        {
          /* t_(m+1) is the first omitted term; x^-s CM on [M, inf). */
          ic_em_remainder (R, t, s > 0);                           /* R in hull(0, 2 t) */
          ic_ival_add (Z, Z, R);
        }
    }
  ic_ival_clear (g); ic_ival_clear (t); ic_ival_clear (R);
  return 1;
}

/* ---- the method ---------------------------------------------------------------- */


/* Direct part: D = sum_{N<=n<M} P(n)/Q(n) (prod = 0) or
 * D = log prod_{N<=n<M} P(n)/Q(n) (prod = 1), at the precision of D.
 * Returns 0 (with *bad = n) at a pole Q(n) = 0 or, for products, a factor
 * P(n)/Q(n) <= 0 (decided exactly on the integers P(n), Q(n)). */
static int direct_part (ic_ival_ptr D, const zpoly *P, const zpoly *Q, int prod,
                        unsigned long N, unsigned long M, unsigned long *bad)
{
  mpfr_prec_t p = ic_ival_get_prec (D);
  mpz_t pv, qv;
  ic_ival_t a, b;
  int ok = 1;
  mpz_inits (pv, qv, (mpz_ptr) 0);
  ic_ival_init2 (a, p); ic_ival_init2 (b, p);
  ic_ival_set_si (D, prod ? 1 : 0);
  for (unsigned long n = N; ok && n < M; n++)
    {
      if (n % 1024 == 0 && ic_cancelled ()) { ok = 0; *bad = 0; break; }
      zp_eval (qv, Q, n);
      zp_eval (pv, P, n);
      if (mpz_sgn (qv) == 0 || (prod && mpz_sgn (pv) * mpz_sgn (qv) <= 0)) { ok = 0; *bad = n; break; }
      if (prod)
        {
          /* same signs: P(n)/Q(n) = |P(n)|/|Q(n)| > 0 */
          mpz_abs (pv, pv);
          mpz_abs (qv, qv);
        }
      ic_ival_set_z (a, pv);
      ic_ival_set_z (b, qv);
      ic_ival_div (a, a, b);                         /* a encloses P(n)/Q(n); 0 notin b */
      if (prod) ic_ival_mul (D, D, a);
      else ic_ival_add (D, D, a);
    }
  if (ok && prod) ok = ic_ival_log (D, D) == IC_IVAL_OK;   /* D > 0 by construction */
  mpz_clears (pv, qv, (mpz_ptr) 0);
  ic_ival_clear (a); ic_ival_clear (b);
  return ok;
}

/* Heuristic: the cut-off M.  rho estimates the largest root modulus of
 * Den(1/t) (the largest r on a quarter-power-of-2 grid with the triangle
 * bound Den(r) >= |Den_0|/2, so an over-estimate).  Candidates M = 2^s rho
 * (s = 1..10, at least N and tb/3), cost = direct terms + expansion length
 * times the Euler–Maclaurin length.  Only a choice: [T] is checked later. */
static unsigned long pick_M (unsigned long N, double lrho, double tb, int j0)
{
  unsigned long best = 0;
  double bestc = INFINITY;
  for (int s = 1; s <= 10; s++)
    {
      double Md = ceil (exp2 (lrho + s));
      if (Md < (double) N) Md = (double) N;
      if (Md < tb / 3) Md = ceil (tb / 3);
      if (Md < 8) Md = 8;
      if (Md - (double) N > (double) RX_MAX_M) continue;
      /* (double) N may round below N (N > 2^53): the cut-off must never
       * fall below N, or the tail from M would add terms before N (a wrong
       * enclosure for --from 2^53 + 1); conversions clamp, no UB */
      unsigned long M = ic_clamp_d_to_ul (Md, ULONG_MAX);
      if (M < N) M = N;
      double bits = log2 (Md) - lrho + 1;                  /* per term, rho over-estimated ~2x */
      double J = j0 + (tb + 8) / bits;
      long m = em_terms_needed ((long) (J / 2) + 2, M, -tb - 8);
      if (m < 0) m = 4000;
      double cost = (Md - (double) N) + J * (4 + m / 2.0);
      if (cost < bestc) { bestc = cost; best = M; }
    }
  return best;
}

int ic_ratexp_tail (ic_ival_ptr out, const ic_node *f, int prod, unsigned long N,
                    long digits, mpfr_prec_t prec, char *method, size_t mlen,
                    char *detail, size_t dlen)
{
  ic_ratfun rf;
  zpoly P, Q, Pr, Qr, Num, Den, t1, t2;
  int ok = 0, j0 = 0, d;
  if (detail && dlen) detail[0] = 0;
  if (N < 1) N = 1;
  if (digits < 1) digits = 1;
  double tb = digits * LOG2_10 + 4;                  /* target: 2^-tb absolute */

  ic_ratfun_init (&rf);
  zp_init (&P); zp_init (&Q); zp_init (&Pr); zp_init (&Qr);
  zp_init (&Num); zp_init (&Den); zp_init (&t1); zp_init (&t2);
  if (!ic_node_has_var (f) || !ic_ratfun_of (&rf, f))
    { ic_say (detail, dlen, "not a rational function of n"); goto done; }

  /* Integer coefficients: multiply P and Q by the lcm of all denominators. */
  {
    mpz_t L;
    mpz_init_set_ui (L, 1);
    for (int i = 0; i <= rf.p.deg; i++) mpz_lcm (L, L, mpq_denref (rf.p.c[i]));
    for (int i = 0; i <= rf.q.deg; i++) mpz_lcm (L, L, mpq_denref (rf.q.c[i]));
    for (int i = 0; i <= rf.p.deg; i++)
      {
        mpz_divexact (P.c[i], L, mpq_denref (rf.p.c[i]));
        mpz_mul (P.c[i], P.c[i], mpq_numref (rf.p.c[i]));
      }
    for (int i = 0; i <= rf.q.deg; i++)
      {
        mpz_divexact (Q.c[i], L, mpq_denref (rf.q.c[i]));
        mpz_mul (Q.c[i], Q.c[i], mpq_numref (rf.q.c[i]));
      }
    P.d = rf.p.deg; Q.d = rf.q.deg;
    zp_norm (&P); zp_norm (&Q);
    mpz_clear (L);
  }
  d = Q.d;
  if (d < 0) { ic_say (detail, dlen, "zero denominator"); goto done; }
  zp_reverse (&Qr, &Q, d);
  if (!prod)
    {
      j0 = P.d < 0 ? 2 : d - P.d;                    /* f == 0: any j0 works */
      if (j0 < 2) { ic_say (detail, dlen, "deg Q - deg P = %d < 2: not summable", j0); goto done; }
      if (P.d >= 0) zp_reverse (&Pr, &P, P.d);
      for (int i = 0; i <= Pr.d; i++) mpz_set (Num.c[i], Pr.c[i]);
      Num.d = Pr.d;
      for (int i = 0; i <= Qr.d; i++) mpz_set (Den.c[i], Qr.c[i]);
      Den.d = Qr.d;
    }
  else
    {
      if (P.d != d || mpz_cmp (P.c[d], Q.c[d]) != 0)
        { ic_say (detail, dlen, "factor does not tend to 1"); goto done; }
      zp_reverse (&Pr, &P, d);                       /* Pr_0 = Qr_0 = lead */
      int lo = 0;
      while (lo <= d && mpz_cmp (Pr.c[lo], Qr.c[lo]) == 0) lo++;
      j0 = lo > d ? 2 : lo;                          /* p == 1: log p == 0 */
      if (j0 < 2) { ic_say (detail, dlen, "p(n) - 1 is not O(n^-2): product not absolutely convergent"); goto done; }
      /* Num = Pr' Qr - Qr' Pr, Den = Pr Qr */
      zp_deriv (&t1, &Pr);
      zp_mul (&Num, &t1, &Qr);
      zp_deriv (&t1, &Qr);
      zp_mul (&t2, &t1, &Pr);
      for (int i = 0; i < RX_LEN; i++) mpz_sub (Num.c[i], Num.c[i], t2.c[i]);
      Num.d = RX_LEN - 1;
      zp_norm (&Num);
      zp_mul (&Den, &Pr, &Qr);
    }

  /* Heuristic root-radius estimate of Den(1/t) (see pick_M). */
  double lrho = 0;
  {
    double ld0 = lg2z (Den.c[0]);
    int found = 0;
    for (int k = -160; k <= 1600 && !found; k++)
      {
        double lr = -k / 4.0;
        if (sum_abs_lg2 (&Den, 1, lr) - ld0 > -1) continue;
        lrho = -lr;
        found = 1;
      }
    if (!found) { ic_say (detail, dlen, "roots of the denominator too large"); goto done; }
  }
  if (exp2 (lrho + 1) - (double) N > (double) RX_MAX_M)
    { ic_say (detail, dlen, "roots of the denominator too large (about 2^%.1f)", lrho); goto done; }
  unsigned long M = pick_M (N, lrho, tb, j0);
  if (!M) { ic_say (detail, dlen, "no cut-off within the limits"); goto done; }

  /* Series and truncation (heuristic J: the rigorous remainder bound,
   * estimated in doubles, is below 2^(-tb-3)). */
  mpq_t *a = NULL;                 /* a[j], j = 0..J: coefficient of n^-j */
  long J = 0, cap = 0, mmax = 0;
  sdiv S;
  int have_S = 0;
  for (;;)
    {
      double lM = log2 ((double) M);
      double lBd;
      {
        double sd = sum_abs_lg2 (&Den, 1, -lM), ld0 = lg2z (Den.c[0]);
        lBd = sd - ld0 < -0.5 ? ld0 + log2 (1 - exp2 (sd - ld0)) : -INFINITY;
      }
      if (lBd == -INFINITY)
        {
          if (M - N > RX_MAX_M / 2 || M > (~0UL) / 4) break;
          M *= 2;
          continue;
        }
      if (have_S) sdiv_clear (&S);
      sdiv_init (&S, &Num, &Den);
      have_S = 1;
      if (a) { for (long j = 0; j < cap; j++) mpq_clear (a[j]); free (a); }
      cap = 64;
      a = malloc ((size_t) cap * sizeof *a);
      if (!a) abort ();
      for (long j = 0; j < cap; j++) mpq_init (a[j]);
      long k;
      int stopped = 0;
      for (k = 0; ; k++)
        {
          if (ic_cancelled ()) break;               /* not stopped: retry ends */
          long j = prod ? k + 1 : j0 + k;            /* index of the new coefficient */
          if (j >= RX_MAX_J) break;
          while (j >= cap)
            {
              a = realloc (a, (size_t) (2 * cap) * sizeof *a);
              if (!a) abort ();
              for (long i = cap; i < 2 * cap; i++) mpq_init (a[i]);
              cap *= 2;
            }
          sdiv_step (&S, a[j]);                      /* a[j] = c_k */
          if (prod)
            {
              mpq_set_ui (S.t, 1, (unsigned long) j);
              mpq_mul (a[j], a[j], S.t);             /* b_(k+1) = c_k/(k+1) */
            }
          J = j;
          if (J < 2) continue;
          /* remainder estimate: log2 (w B M^-(J+1) (1 + M/J)) */
          double lr = sdiv_rem_lg2 (&S, lM) - lBd - (J + 1) * lM + log2 (1 + (double) M / J)
                      - (prod ? log2 (J + 1.0) : 0);
          if (lr <= -tb - 3) { stopped = 1; break; }
        }
      int diverge = !stopped;
      mmax = 0;
      for (long j = 2; !diverge && j <= J; j++)
        {
          if (ic_cancelled ()) { diverge = 1; break; }
          if (mpq_sgn (a[j]) == 0) continue;
          double lim = -tb - 5 - log2 ((double) J) - (lg2q (a[j]) - j * lM);
          long m = em_terms_needed (j, M, lim);
          if (m < 0) diverge = 1;
          else if (m > mmax) mmax = m;
        }
      if (!diverge && mmax <= 4000) { ok = 1; break; }
      if (ic_cancelled ()) break;
      if (M - N > RX_MAX_M / 2 || M > (~0UL) / 4) break;
      M *= 2;                                        /* heuristic retry */
    }
  if (!ok)
    {
      ic_say (detail, dlen, "resource limit (M=%lu, J=%ld)", M, J);
      goto clear_series;
    }
  ok = 0;
  if (mpq_sgn (a[1]) != 0 || (!prod && mpq_sgn (a[0]) != 0))
    { ic_say (detail, dlen, "internal: a_1 != 0"); goto clear_series; }

  /* Heuristic working precision: target plus the magnitude of the terms. */
  mpfr_prec_t wp = (mpfr_prec_t) tb + 64;
  {
    double mag = 0, lM = log2 ((double) M);
    for (long j = 2; j <= J; j++)
      if (mpq_sgn (a[j]) && lg2q (a[j]) - (j - 1) * lM > mag) mag = lg2q (a[j]) - (j - 1) * lM;
    wp += (mpfr_prec_t) ic_clamp_d_to_l (mag, 0, 1L << 26);     /* heuristic, clamped */
  }
  if (prec > wp) wp = prec;

  /* Rigorous remainder [T], [Z], in the proved interval operations
   * (src/kern/ival.c):  |E_tail| <= w (Bn / Bd) M^-(J+1) (1 + M/J),
   * Bn >= sum |r_i| M^-i, 0 < Bd <= |Den_0| - sum_{i>=1} |Den_i| M^-i. */
  ic_ival_t Bn, Bd, Bq, x, y, rem, Mi, pw;
  mpfr_t wd;
  ic_ival_init2 (Bn, wp); ic_ival_init2 (Bd, wp); ic_ival_init2 (Bq, wp); ic_ival_init2 (x, wp);
  ic_ival_init2 (y, wp); ic_ival_init2 (rem, wp); ic_ival_init2 (Mi, wp); ic_ival_init2 (pw, wp);
  mpfr_init2 (wd, 64);
  ic_ival_set_ui (Mi, 1);
  ic_ival_div_ui (Mi, Mi, M);                                    /* Mi contains 1/M */
  ic_ival_set_ui (Bn, 0);
  ic_ival_set_ui (pw, 1);
  for (int i = 0; i < S.L; i++)
    {
      if (i > 0) ic_ival_mul_nonneg (pw, pw, Mi);                /* pw contains M^-i */
      if (mpq_sgn (S.r[i]) == 0) continue;
      mpq_abs (S.t, S.r[i]);
      ic_ival_set_q (x, S.t);
      ic_ival_mul_nonneg (x, x, pw);
      ic_ival_add (Bn, Bn, x);                                   /* Bn contains sum |r_i| M^-i */
    }
  ic_ival_set_ui (y, 0);
  ic_ival_set_ui (pw, 1);
  for (int i = 1; i <= Den.d; i++)
    {
      ic_ival_mul_nonneg (pw, pw, Mi);                           /* pw contains M^-i */
      if (mpz_sgn (Den.c[i]) == 0) continue;
      mpz_abs (t1.c[0], Den.c[i]);
      ic_ival_set_z (x, t1.c[0]);
      ic_ival_mul_nonneg (x, x, pw);
      ic_ival_add (y, y, x);                                     /* y contains sum_{i>=1} |Den_i| M^-i */
    }
  mpz_abs (t1.c[0], Den.c[0]);
  ic_ival_set_z (Bd, t1.c[0]);
  ic_ival_sub (Bd, Bd, y);                                       /* Bd contains |Den_0| - y */
  int rem_ok = ic_ival_is_pos (Bd);                              /* [T]: Den != 0 on [0, 1/M] */
  if (rem_ok)
    {
      rem_ok = ic_ival_div (Bq, Bn, Bd) == IC_IVAL_OK;           /* Bq contains B */
      ic_ival_set_ui (x, M);
      ic_ival_pow_si (x, x, -(J + 1));                           /* x contains M^-(J+1) */
      ic_ival_mul_nonneg (rem, Bq, x);
      ic_ival_set_ui (x, M);
      ic_ival_div_ui (x, x, (unsigned long) J);
      ic_ival_set_ui (y, 1);
      ic_ival_add (x, x, y);                                     /* x contains 1 + M/J */
      ic_ival_mul_nonneg (rem, rem, x);
      if (prod) ic_ival_div_ui (rem, rem, (unsigned long) J + 1);   /* w = 1/(J+1) */
    }

  /* Expansion: sum_{j=2}^{J} a_j M^-j Z_j, Z_j = M^j zeta(j, M) by [EM]. */
  ic_ival_t total, mj, term, Z, D;
  ic_ival_init2 (total, wp); ic_ival_init2 (mj, wp); ic_ival_init2 (term, wp);
  ic_ival_init2 (Z, wp); ic_ival_init2 (D, wp);
  ic_ival_set_si (total, 0);
  long nb = mmax + 2;
  ic_ival_struct *bt = malloc ((size_t) nb * sizeof *bt);
  if (!bt) abort ();
  for (long k = 0; k < nb; k++) ic_ival_init2 (&bt[k], wp);
  if (!ic_bernoulli_ivals (bt, NULL, nb)) rem_ok = 0;             /* bt[k-1] encloses B_2k/(2k)! */
  ic_ival_set_ui (mj, 1);
  long nterms = 0;
  double lM = log2 ((double) M);
  for (long j = 1; rem_ok && j <= J; j++)
    {
      if (ic_cancelled ()) { rem_ok = 0; break; }
      ic_ival_div_ui (mj, mj, M);                                  /* M^-j (proved) */
      if (mpq_sgn (a[j]) == 0) continue;
      double lw = lg2q (a[j]) - j * lM;                            /* log2 |a_j M^-j| (heuristic) */
      long m = em_terms_needed (j, M, -tb - 5 - log2 ((double) J) - lw);
      /* Heuristic precision for this term: its size ~ 2^lw M/(j-1). */
      long pj = ic_clamp_d_to_l (tb + lw + lM + 40 + log2 ((double) J), 64, (long) wp);
      if (pj > wp) pj = wp;
      ic_ival_set_prec (Z, pj);
      if (m < 0 || !zeta_scaled (Z, j, M, m, bt, nb)) { rem_ok = 0; break; }
      ic_ival_set_q (term, a[j]);
      ic_ival_mul (term, term, mj);
      ic_ival_mul (term, term, Z);                                 /* encloses a_j zeta(j, M) */
      ic_ival_add (total, total, term);
      nterms++;
    }

  /* Direct part N <= n < M, at a raised precision once if too wide
   * (heuristic: large terms). */
  unsigned long badn = 0;
  int dok = rem_ok;
  if (dok)
    {
      dok = direct_part (D, &P, &Q, prod, N, M, &badn);
      if (dok)
        {
          ic_ival_width_upper (wd, D);
          double lw = mpfr_zero_p (wd) ? -1e9 : log2 (mpfr_get_d (wd, MPFR_RNDU));
          /* a non-finite or huge width (lw = inf) keeps D as it is: a
           * valid, wide enclosure (the raise is a heuristic) */
          if (lw > -tb - 3 && lw + tb + 8 < (double) (1L << 24))
            {
              ic_ival_set_prec (D, wp + (mpfr_prec_t) (lw + tb + 8));
              dok = direct_part (D, &P, &Q, prod, N, M, &badn);
            }
        }
    }
  if (dok)
    {
      ic_ival_t E;
      ic_ival_init2 (E, wp);
      ic_ival_neg (E, rem);
      ic_ival_hull (E, E, rem);                                  /* E = [-rem, rem] contains E_tail */
      ic_ival_add (total, total, E);
      ic_ival_add (total, total, D);
      ic_ival_clear (E);
      ic_ival_set (out, total);
      ok = 1;
      char bs[32], rs[32];
      /* upper bounds, printed rounded up */
      mpfr_snprintf (bs, sizeof bs, "%.3RUg", Bq->hi);
      mpfr_snprintf (rs, sizeof rs, "%.3RUg", rem->hi);
      ic_say (method, mlen, "rational-expansion");
      ic_say (detail, dlen,
           "%s = sum_{j=%d}^{%ld} %s_j n^-j + E(n), exact rational coefficients (%ld nonzero), "
           "|E(n)| <= %s n^-%ld%s by the exact long-division remainder on [0, 1/M]; "
           "tail remainder <= %s; zeta(j, M) by Euler-Maclaurin (m<=%ld), M=%lu, direct %s %lu<=n<%lu, %ld bits",
           prod ? "log p(n)" : "f(n)", j0, J, prod ? "b" : "a", nterms,
           bs, J + 1, prod ? "/(J+1)" : "", rs, mmax, M, prod ? "product" : "sum", N, M, (long) wp);
    }
  else if (ic_cancelled ())
    ic_say (detail, dlen, "cut short by the time limit (M=%lu, J=%ld)", M, J);
  else if (!rem_ok)
    ic_say (detail, dlen, "expansion not certified (M=%lu, J=%ld)", M, J);
  else if (prod)
    ic_say (detail, dlen, "factor p(%lu) <= 0 or undefined", badn);
  else
    ic_say (detail, dlen, "pole of the term at n = %lu", badn);

  ic_ival_clear (total); ic_ival_clear (mj); ic_ival_clear (term);
  ic_ival_clear (Z); ic_ival_clear (D);
  for (long k = 0; k < nb; k++) ic_ival_clear (&bt[k]);
  free (bt);
  ic_ival_clear (Bn); ic_ival_clear (Bd); ic_ival_clear (Bq); ic_ival_clear (x);
  ic_ival_clear (y); ic_ival_clear (rem); ic_ival_clear (Mi); ic_ival_clear (pw);
  mpfr_clear (wd);

clear_series:
  if (a) { for (long j = 0; j < cap; j++) mpq_clear (a[j]); free (a); }
  if (have_S) sdiv_clear (&S);
done:
  zp_clear (&P); zp_clear (&Q); zp_clear (&Pr); zp_clear (&Qr);
  zp_clear (&Num); zp_clear (&Den); zp_clear (&t1); zp_clear (&t2);
  ic_ratfun_clear (&rf);
  return ok;
}
