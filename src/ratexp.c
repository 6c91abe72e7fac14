/* ratexp.c — "rational-expansion" tails (see ratexp.h).
 *
 * Notation.  f = P/Q normalised exactly (ratfun.h), denominators cleared so
 * that P, Q have integer coefficients (same factor on both: f unchanged).
 * d = deg Q, e = deg P; t = 1/n; reversed polynomials
 *     Qr(t) = t^d Q(1/t) = sum_i Qr_i t^i,  Qr_0 = lead(Q) != 0,
 *     Pr(t) = t^e P(1/t)   (sums),   Pr(t) = t^d P(1/t)   (products),
 * so f(n) = t^j0 Pr(t)/Qr(t) with j0 = d - e (sums), and for products
 * p(n) = Pr(t)/Qr(t), w(t) = p - 1 = Dr(t)/Qr(t), Dr = Pr - Qr.
 *
 * Facts used (hypotheses are checked at run time where marked [chk]):
 *  [T]  Triangle inequality: for |t| <= r,
 *         |Qr(t)| >= |Qr_0| - sum_{i>=1} |Qr_i| r^i =: Qmin(r),
 *         |Pr(t)| <= sum_i |Pr_i| r^i,   |Dr(t)| <= sum_i |Dr_i| r^i.
 *       These bounds are monotone in r, so Qmin(r) > 0 [chk] means Qr has
 *       no zero in the closed disk |t| <= r, and g = t^j0 Pr/Qr (sums) is
 *       analytic on a neighbourhood of it.
 *  [L]  For products, W(r) := sum |Dr_i| r^i / Qmin(r) < 1 [chk] gives
 *       |w(t)| < 1 on the closed disk, so h(t) = Log(1 + w(t)) (principal
 *       branch) is analytic there, h(0) = 0, and
 *         |h(t)| <= -log(1 - |w|) <= -log(1 - W)
 *       (series -log(1-x) = sum x^k/k dominates sum |w|^k/k).  For real
 *       n >= 1/r, w(1/n) is real in (-1, 1), so p(n) > 0 and
 *       log p(n) = h(1/n).
 *  [C]  Cauchy's estimate: if g is analytic on a neighbourhood of |t| <= r
 *       with |g| <= G on |t| = r, its Taylor coefficients satisfy
 *       |g_j| <= G r^-j = G rho^j (rho = 1/r), and the series converges to
 *       g for |t| < r.  Applied to g = f(1/t) (G = r^j0 Pmax/Qmin, so
 *       Cb = G) and to g = h (G = Cb = -log(1 - W)).
 *  [Z]  zeta(s, M) <= M^-s (1 + M/(s-1)) for s > 1, M >= 1 (first term
 *       plus the integral test; em_kern.h fact [Z]).
 *  [F]  Fubini/Tonelli: for M > rho, sum_{n>=M} sum_{j>=2} |a_j| n^-j
 *       <= Cb sum_j rho^j zeta(j, M) < inf by [Z] (geometric in q = rho/M
 *       < 1), so sum_{n>=M} f(n) = sum_j a_j zeta(j, M) (also for b_j),
 *       and the remainder after J obeys
 *         |E_J| <= Cb sum_{j>J} q^j (1 + M/(j-1))
 *               <= Cb (1 + M/J) q^(J+1) / (1 - q)          (J >= 1).
 *  [EM] Hurwitz zeta for integer s >= 2 by Euler–Maclaurin (em_kern.h facts
 *       [EM], [B]): x^-s is completely monotone on [M, inf) (all even
 *       derivatives > 0, odd derivatives -> 0), so
 *         M^s zeta(s, M) = M/(s-1) + 1/2 + sum_{k=1}^{m} beta_k g_k + R,
 *         beta_k = B_2k/(2k)!,  g_k = (s)_(2k-1) M^(1-2k) (rising factorial),
 *         R in hull(0, 2 beta_(m+1) g_(m+1))  (ic_em_remainder),
 *       i.e. the remainder lies between 0 and twice the first omitted term.
 *  The coefficients a_j (b_j) are exact rationals:
 *    sums:     Pr/Qr = sum c_k t^k, c_k = (Pr_k - sum_{i=1}^{k} Qr_i c_(k-i)) / Qr_0,
 *              a_(j0+k) = c_k;
 *    products: for A in {Pr, Qr} (A_0 = lead), log(A/A_0)' = A'/A = sum u_k t^k,
 *              u_k = ((k+1) A_(k+1) - sum_{i=1}^{k} A_i u_(k-i)) / A_0,
 *              [t^(k+1)] log(A/A_0) = u_k/(k+1);  b = log-series(Pr) - log-series(Qr)
 *              (Pr_0 = Qr_0 [chk], so log p = log(Pr/Pr_0) - log(Qr/Qr_0)
 *              as formal and, by [L], as convergent series).
 *
 * Heuristics (labelled; they never produce a bound): the circle radius r,
 * the cut-off M, the truncation J, the number of Euler–Maclaurin terms per
 * zeta, and the precisions.  Every bound comes from outward-rounded MPFR
 * operations, each followed by the inequality it establishes.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ratexp.h"
#include "ratfun.h"
#include "bernoulli.h"
#include "em_kern.h"

#define LOG2_10 3.321928094887362
#define RX_MAX_M   20000000UL     /* resource limit on the direct part      */
#define RX_MAX_J   20000L         /* resource limit on the expansion length */
#define RX_PI 3.141592653589793

typedef struct {
  int d;                          /* degree (-1: zero)                      */
  mpz_t c[IC_RATFUN_MAX_DEG + 1]; /* c[i]: coefficient of n^i (or t^i)      */
} zpoly;

static void zp_init (zpoly *p)
{
  p->d = -1;
  for (int i = 0; i <= IC_RATFUN_MAX_DEG; i++) mpz_init (p->c[i]);
}

static void zp_clear (zpoly *p)
{
  for (int i = 0; i <= IC_RATFUN_MAX_DEG; i++) mpz_clear (p->c[i]);
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

/* r = reversal of p to length L (r_i = p_(L-i)), L >= deg p. */
static void zp_reverse (zpoly *r, const zpoly *p, int L)
{
  for (int i = 0; i <= IC_RATFUN_MAX_DEG; i++) mpz_set_ui (r->c[i], 0);
  for (int i = 0; i <= L; i++)
    if (L - i <= p->d) mpz_set (r->c[i], p->c[L - i]);
  r->d = L;
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

/* Upper bound hi >= sum_{i>=i0} |p_i| r^i for an exact r > 0 (all terms
 * nonnegative: every operation rounded up keeps an upper bound). */
static void sum_abs_upper (mpfr_ptr hi, const zpoly *p, int i0, mpfr_srcptr r)
{
  mpfr_t pw, t;
  mpz_t z;
  mpz_init (z);
  mpfr_inits2 (mpfr_get_prec (hi), pw, t, (mpfr_ptr) 0);
  mpfr_set_ui (hi, 0, MPFR_RNDU);
  mpfr_set_ui (pw, 1, MPFR_RNDU);                       /* pw >= r^0 */
  for (int i = 0; i <= p->d; i++)
    {
      if (i > 0) mpfr_mul (pw, pw, r, MPFR_RNDU);       /* pw >= r^i */
      if (i < i0 || mpz_sgn (p->c[i]) == 0) continue;
      mpz_abs (z, p->c[i]);
      mpfr_set_z (t, z, MPFR_RNDU);                     /* t >= |p_i| */
      mpfr_mul (t, t, pw, MPFR_RNDU);                   /* t >= |p_i| r^i */
      mpfr_add (hi, hi, t, MPFR_RNDU);                  /* hi >= partial sum */
    }
  mpfr_clears (pw, t, (mpfr_ptr) 0);
  mpz_clear (z);
}

/* Heuristic (doubles): log2 of sum_{i>=i0} |p_i| 2^(i lr). */
static double sum_abs_lg2 (const zpoly *p, int i0, double lr)
{
  double l[IC_RATFUN_MAX_DEG + 1];
  int n = 0;
  for (int i = i0; i <= p->d; i++) l[n++] = lg2z (p->c[i]) + i * lr;
  return lg2sum (l, n);
}

/* ---- exact expansion coefficients ---------------------------------------- */

/* a[k] = [t^k] Pr/Qr for k = 0..K (Qr_0 != 0). */
static void series_div (mpq_t *a, const zpoly *Pr, const zpoly *Qr, long K)
{
  mpq_t s, t, q0;
  mpq_inits (s, t, q0, (mpq_ptr) 0);
  mpq_set_z (q0, Qr->c[0]);
  for (long k = 0; k <= K; k++)
    {
      if (k <= Pr->d) mpq_set_z (s, Pr->c[k]); else mpq_set_ui (s, 0, 1);
      for (long i = 1; i <= k && i <= Qr->d; i++)
        {
          if (mpz_sgn (Qr->c[i]) == 0) continue;
          mpq_set_z (t, Qr->c[i]);
          mpq_mul (t, t, a[k - i]);
          mpq_sub (s, s, t);
        }
      mpq_div (a[k], s, q0);
    }
  mpq_clears (s, t, q0, (mpq_ptr) 0);
}

/* L[k] += sgn * [t^k] log(A/A_0) for k = 1..K (A_0 != 0); L[0] untouched. */
static void series_log_add (mpq_t *L, const zpoly *A, long K, int sgn)
{
  mpq_t *u = malloc ((size_t) K * sizeof *u);
  mpq_t s, t, a0;
  if (!u) abort ();
  mpq_inits (s, t, a0, (mpq_ptr) 0);
  mpq_set_z (a0, A->c[0]);
  for (long k = 0; k < K; k++)
    {
      mpq_init (u[k]);
      /* u_k = ((k+1) A_(k+1) - sum_{i=1}^{k} A_i u_(k-i)) / A_0 */
      if (k + 1 <= A->d)
        {
          mpq_set_z (s, A->c[k + 1]);
          mpz_mul_ui (mpq_numref (s), mpq_numref (s), (unsigned long) k + 1);
        }
      else mpq_set_ui (s, 0, 1);
      for (long i = 1; i <= k && i <= A->d; i++)
        {
          if (mpz_sgn (A->c[i]) == 0) continue;
          mpq_set_z (t, A->c[i]);
          mpq_mul (t, t, u[k - i]);
          mpq_sub (s, s, t);
        }
      mpq_div (u[k], s, a0);
      /* [t^(k+1)] log = u_k / (k+1) */
      mpq_set_ui (t, 1, (unsigned long) k + 1);
      mpq_mul (t, t, u[k]);
      if (sgn > 0) mpq_add (L[k + 1], L[k + 1], t); else mpq_sub (L[k + 1], L[k + 1], t);
    }
  for (long k = 0; k < K; k++) mpq_clear (u[k]);
  free (u);
  mpq_clears (s, t, a0, (mpq_ptr) 0);
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
  mpfr_set_ui (Z->lo, M, MPFR_RNDD);
  mpfr_div_ui (Z->lo, Z->lo, (unsigned long) s - 1, MPFR_RNDD);   /* lo <= M/(s-1) */
  mpfr_set_ui (Z->hi, M, MPFR_RNDU);
  mpfr_div_ui (Z->hi, Z->hi, (unsigned long) s - 1, MPFR_RNDU);   /* hi >= M/(s-1) */
  mpfr_add_d (Z->lo, Z->lo, 0.5, MPFR_RNDD);
  mpfr_add_d (Z->hi, Z->hi, 0.5, MPFR_RNDU);
  /* g_1 = s/M (> 0) */
  mpfr_set_ui (g->lo, (unsigned long) s, MPFR_RNDD);
  mpfr_div_ui (g->lo, g->lo, M, MPFR_RNDD);                        /* lo <= s/M */
  mpfr_set_ui (g->hi, (unsigned long) s, MPFR_RNDU);
  mpfr_div_ui (g->hi, g->hi, M, MPFR_RNDU);                        /* hi >= s/M */
  for (long k = 1; k <= m + 1; k++)
    {
      if (k > 1)
        {
          /* g_k = g_(k-1) (s+2k-3)(s+2k-2) / M^2; positive, so directed
           * rounding of each endpoint keeps g_k in [lo, hi]. */
          unsigned long f1 = (unsigned long) (s + 2 * k - 3), f2 = (unsigned long) (s + 2 * k - 2);
          mpfr_mul_ui (g->lo, g->lo, f1, MPFR_RNDD);
          mpfr_mul_ui (g->lo, g->lo, f2, MPFR_RNDD);
          mpfr_div_ui (g->lo, g->lo, M, MPFR_RNDD);
          mpfr_div_ui (g->lo, g->lo, M, MPFR_RNDD);                /* lo <= g_k */
          mpfr_mul_ui (g->hi, g->hi, f1, MPFR_RNDU);
          mpfr_mul_ui (g->hi, g->hi, f2, MPFR_RNDU);
          mpfr_div_ui (g->hi, g->hi, M, MPFR_RNDU);
          mpfr_div_ui (g->hi, g->hi, M, MPFR_RNDU);                /* hi >= g_k */
        }
      ic_ival_mul (t, &bt[k - 1], g);                              /* t encloses beta_k g_k */
      if (k <= m) ic_ival_add (Z, Z, t);
      else
        {
          /* t_(m+1) is the first omitted term; x^-s CM on [M, inf). */
          ic_em_remainder (R, t, 1);                               /* R in hull(0, 2 t) */
          ic_ival_add (Z, Z, R);
        }
    }
  ic_ival_clear (g); ic_ival_clear (t); ic_ival_clear (R);
  return 1;
}

/* ---- the method ---------------------------------------------------------------- */

static void say (char *buf, size_t len, const char *fmt, ...)
{
  if (!buf || !len) return;
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (buf, len, fmt, ap);
  va_end (ap);
}

/* Direct part: D = sum_{N<=n<M} P(n)/Q(n) (prod = 0) or
 * D = log prod_{N<=n<M} P(n)/Q(n) (prod = 1), at the precision of D.
 * Returns 0 (with *bad = n) at a pole Q(n) = 0 or, for products, a factor
 * P(n)/Q(n) <= 0 (decided exactly on integers). */
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
      zp_eval (qv, Q, n);
      zp_eval (pv, P, n);
      if (mpz_sgn (qv) == 0 || (prod && mpz_sgn (pv) * mpz_sgn (qv) <= 0)) { ok = 0; *bad = n; break; }
      if (prod)
        {
          /* factor > 0: multiply |P(n)| / |Q(n)| into the positive product */
          mpz_abs (pv, pv);
          mpz_abs (qv, qv);
        }
      ic_ival_set_z (a, pv);
      ic_ival_set_z (b, qv);
      ic_ival_div (a, a, b);                         /* a encloses P(n)/Q(n), 0 notin b */
      if (prod) ic_ival_mul (D, D, a);
      else ic_ival_add (D, D, a);
    }
  if (ok && prod) ok = ic_ival_log (D, D) == IC_IVAL_OK;   /* D > 0 by construction */
  mpz_clears (pv, qv, (mpz_ptr) 0);
  ic_ival_clear (a); ic_ival_clear (b);
  return ok;
}

int ic_ratexp_tail (ic_ival_ptr out, const ic_node *f, int prod, unsigned long N,
                    long digits, mpfr_prec_t prec, char *method, size_t mlen,
                    char *detail, size_t dlen)
{
  ic_ratfun rf;
  zpoly P, Q, Pr, Qr, Dr;
  int ok = 0, j0 = 0, d;
  if (detail && dlen) detail[0] = 0;
  if (N < 1) N = 1;
  if (digits < 1) digits = 1;
  double tb = digits * LOG2_10 + 4;                  /* target: 2^-tb absolute */

  ic_ratfun_init (&rf);
  zp_init (&P); zp_init (&Q); zp_init (&Pr); zp_init (&Qr); zp_init (&Dr);
  if (!ic_node_has_var (f) || !ic_ratfun_of (&rf, f))
    { say (detail, dlen, "not a rational function of n"); goto done; }

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
  if (d < 0) { say (detail, dlen, "zero denominator"); goto done; }
  if (!prod)
    {
      j0 = P.d < 0 ? 2 : d - P.d;                    /* f == 0: any j0 works */
      if (j0 < 2) { say (detail, dlen, "deg Q - deg P = %d < 2: not summable", j0); goto done; }
      zp_reverse (&Qr, &Q, d);
      if (P.d >= 0) zp_reverse (&Pr, &P, P.d);
    }
  else
    {
      if (P.d != d || mpz_cmp (P.c[d], Q.c[d]) != 0)
        { say (detail, dlen, "factor does not tend to 1"); goto done; }
      zp_reverse (&Qr, &Q, d);
      zp_reverse (&Pr, &P, d);
      for (int i = 0; i <= d; i++) mpz_sub (Dr.c[i], Pr.c[i], Qr.c[i]);
      Dr.d = d;
      zp_norm (&Dr);
      int lo = 0;
      while (lo <= Dr.d && mpz_sgn (Dr.c[lo]) == 0) lo++;
      j0 = Dr.d < 0 ? 2 : lo;                        /* p == 1: log p == 0 */
      if (j0 < 2) { say (detail, dlen, "p(n) - 1 is not O(n^-2): product not absolutely convergent"); goto done; }
    }

  /* Heuristic: the circle radius r = 2^lr, the largest (on a grid of
   * quarter powers of 2) with Qmin(r) >= |Qr_0|/2 and, for products,
   * W(r) <= 1/2 (both decreasing in r).  Only a choice: [T], [L] are
   * checked rigorously below. */
  double lr = 0;
  {
    double lq0 = lg2z (Qr.c[0]);
    int found = 0;
    for (int k = -160; k <= 1600 && !found; k++)
      {
        lr = -k / 4.0;
        double sq = sum_abs_lg2 (&Qr, 1, lr) - lq0;          /* log2 (1 - Qmin/|Qr_0|) */
        if (sq > -1) continue;
        if (prod && Dr.d >= 0 && sum_abs_lg2 (&Dr, 0, lr) - lq0 - log2 (1 - exp2 (sq)) > -1) continue;
        found = 1;
      }
    if (!found) { say (detail, dlen, "no circle found (coefficients too large)"); goto done; }
  }
  double lrho = -lr;

  /* Heuristic working precision and cut-off M (never affect soundness). */
  mpfr_prec_t wp = (mpfr_prec_t) tb + 64;
  if (prec > wp) wp = prec;
  double Mr = ceil (exp2 (lrho + 5));
  unsigned long M = N;
  if (Mr > (double) RX_MAX_M) { say (detail, dlen, "roots of Q too large (rho = 2^%.1f)", lrho); goto done; }
  if ((double) M < Mr) M = (unsigned long) Mr;
  if ((double) M < tb / 3) M = (unsigned long) (tb / 3);
  if (M < 8) M = 8;

  /* Rigorous circle data at the exact dyadic radius r. */
  mpfr_t r, Qmin, S, Cb, q, rem, tmp;
  mpfr_inits2 (wp, r, Qmin, S, Cb, q, rem, tmp, (mpfr_ptr) 0);
  mpfr_set_d (tmp, exp2 (lr), MPFR_RNDD);
  mpfr_prec_round (tmp, 16, MPFR_RNDD);
  mpfr_set (r, tmp, MPFR_RNDN);                                  /* r: exact dyadic > 0 */
  sum_abs_upper (S, &Qr, 1, r);                                  /* S >= sum_{i>=1} |Qr_i| r^i */
  {
    mpz_t z;
    mpz_init (z);
    mpz_abs (z, Qr.c[0]);
    mpfr_set_z (Qmin, z, MPFR_RNDD);                             /* Qmin <= |Qr_0| */
    mpz_clear (z);
  }
  mpfr_sub (Qmin, Qmin, S, MPFR_RNDD);                           /* Qmin <= Qmin(r) by [T] */
  int circle_ok = mpfr_sgn (Qmin) > 0;
  if (circle_ok && !prod)
    {
      sum_abs_upper (Cb, &Pr, 0, r);                             /* Cb >= max_{|t|=r} |Pr| */
      mpfr_div (Cb, Cb, Qmin, MPFR_RNDU);                        /* Cb >= max |Pr/Qr| */
      mpfr_pow_ui (tmp, r, (unsigned long) j0, MPFR_RNDU);
      mpfr_mul (Cb, Cb, tmp, MPFR_RNDU);                         /* Cb >= max |t^j0 Pr/Qr| = G */
    }
  else if (circle_ok)
    {
      sum_abs_upper (Cb, &Dr, 0, r);                             /* Cb >= max |Dr| */
      mpfr_div (Cb, Cb, Qmin, MPFR_RNDU);                        /* Cb >= W >= max |w| */
      circle_ok = mpfr_cmp_ui (Cb, 1) < 0;                       /* [L]: W < 1 */
      if (circle_ok)
        {
          mpfr_ui_sub (tmp, 1, Cb, MPFR_RNDD);                   /* 0 < tmp <= 1 - W */
          mpfr_log (tmp, tmp, MPFR_RNDD);                        /* tmp <= log(1 - W) */
          mpfr_neg (Cb, tmp, MPFR_RNDU);                         /* Cb >= -log(1 - W) >= max |h| */
        }
    }
  if (!circle_ok)
    {
      say (detail, dlen, "circle |t| = 2^%.2f not certified", lr);
      mpfr_clears (r, Qmin, S, Cb, q, rem, tmp, (mpfr_ptr) 0);
      goto done;
    }
  double lCb = mpfr_zero_p (Cb) ? -1e9 : log2 (mpfr_get_d (Cb, MPFR_RNDU));

  ic_ival_struct *bt = NULL;
  long nb = 0, J = 0, mmax = 0;
  mpq_t *a = NULL;                 /* a[j], j = 0..J: coefficient of n^-j */
  for (;;)
    {
      /* Heuristic J: smallest with Cb (1 + M/J) q^(J+1)/(1-q) <= 2^(-tb-3). */
      double lq = lrho - log2 ((double) M);
      J = j0 > 1 ? j0 - 1 : 1;
      while (J < RX_MAX_J
             && lCb + log2 (1 + (double) M / J) + (J + 1) * lq - log2 (1 - exp2 (lq)) > -tb - 3)
        J++;
      if (J >= RX_MAX_J) { ok = -1; break; }
      a = malloc ((size_t) (J + 1) * sizeof *a);
      if (!a) abort ();
      for (long j = 0; j <= J; j++) mpq_init (a[j]);
      if (!prod)
        {
          if (P.d >= 0 && J >= j0)
            {
              series_div (a + j0, &Pr, &Qr, J - j0);            /* a_(j0+k) = c_k */
            }
        }
      else if (Dr.d >= 0)
        {
          series_log_add (a, &Pr, J, +1);
          series_log_add (a, &Qr, J, -1);
        }
      /* Heuristic EM lengths: first omitted term of M^j zeta(j, M) below
       * 2^lim_j, lim_j = -tb - 5 - log2(J) - log2 |a_j M^-j|. */
      int diverge = 0;
      mmax = 0;
      for (long j = 2; j <= J; j++)
        {
          if (mpq_sgn (a[j]) == 0) continue;
          double lim = -tb - 5 - log2 ((double) J) - (lg2q (a[j]) - j * log2 ((double) M));
          long m = em_terms_needed (j, M, lim);
          if (m < 0) { diverge = 1; break; }
          if (m > mmax) mmax = m;
        }
      if (!diverge && mmax <= 4000) break;
      for (long j = 0; j <= J; j++) mpq_clear (a[j]);
      free (a);
      a = NULL;
      if (M > RX_MAX_M / 2) { ok = -1; break; }
      M *= 2;                                                      /* heuristic retry */
    }
  if (ok < 0)
    {
      ok = 0;
      say (detail, dlen, "resource limit (M=%lu, J=%ld)", M, J);
      mpfr_clears (r, Qmin, S, Cb, q, rem, tmp, (mpfr_ptr) 0);
      goto done;
    }

  /* Remainder [F]: rem >= Cb (1 + M/J) q^(J+1)/(1-q), q >= 1/(r M). */
  mpfr_mul_ui (tmp, r, M, MPFR_RNDD);                            /* tmp <= r M */
  mpfr_ui_div (q, 1, tmp, MPFR_RNDU);                            /* q >= rho/M */
  int rem_ok = mpfr_cmp_ui (q, 1) < 0 && J >= 1;                 /* M > rho */
  if (rem_ok)
    {
      mpfr_pow_ui (rem, q, (unsigned long) J + 1, MPFR_RNDU);    /* rem >= q^(J+1) */
      mpfr_mul (rem, rem, Cb, MPFR_RNDU);
      mpfr_set_ui (tmp, M, MPFR_RNDU);
      mpfr_div_ui (tmp, tmp, (unsigned long) J, MPFR_RNDU);
      mpfr_add_ui (tmp, tmp, 1, MPFR_RNDU);                      /* tmp >= 1 + M/J */
      mpfr_mul (rem, rem, tmp, MPFR_RNDU);
      mpfr_ui_sub (tmp, 1, q, MPFR_RNDD);                        /* 0 < tmp <= 1 - q */
      mpfr_div (rem, rem, tmp, MPFR_RNDU);                       /* rem >= |E_J| by [F] */
    }

  /* Sum of the expansion: sum_{j<=J} a_j M^-j Z_j, Z_j = M^j zeta(j, M). */
  ic_ival_t total, mj, term, Z, D;
  ic_ival_init2 (total, wp); ic_ival_init2 (mj, wp); ic_ival_init2 (term, wp);
  ic_ival_init2 (Z, wp); ic_ival_init2 (D, wp);
  ic_ival_set_si (total, 0);
  nb = mmax + 2;
  bt = malloc ((size_t) nb * sizeof *bt);
  if (!bt) abort ();
  for (long k = 0; k < nb; k++) ic_ival_init2 (&bt[k], wp);
  ic_bernoulli_ivals (bt, NULL, nb);                               /* bt[k-1] encloses B_2k/(2k)! */
  ic_ival_set_ui (mj, 1);
  long nterms = 0;
  for (long j = 1; rem_ok && j <= J; j++)
    {
      mpfr_div_ui (mj->lo, mj->lo, M, MPFR_RNDD);                  /* lo <= M^-j */
      mpfr_div_ui (mj->hi, mj->hi, M, MPFR_RNDU);                  /* hi >= M^-j */
      if (mpq_sgn (a[j]) == 0) continue;
      if (j < 2) { rem_ok = 0; break; }                            /* cannot happen: j0 >= 2 */
      double lw = lg2q (a[j]) - j * log2 ((double) M);             /* log2 |a_j M^-j|, heuristic */
      double lim = -tb - 5 - log2 ((double) J) - lw;
      long m = em_terms_needed (j, M, lim);
      /* Heuristic precision for this term: its size ~ 2^lw M/(j-1). */
      long pj = (long) (tb + lw + log2 ((double) M) + 40 + log2 ((double) J));
      if (pj < 64) pj = 64;
      if (pj > wp) pj = wp;
      ic_ival_set_prec (Z, pj);
      if (m < 0 || !zeta_scaled (Z, j, M, m, bt, nb)) { rem_ok = 0; break; }
      ic_ival_set_q (term, a[j]);
      ic_ival_mul (term, term, mj);
      ic_ival_mul (term, term, Z);                                 /* encloses a_j zeta(j, M) */
      ic_ival_add (total, total, term);
      nterms++;
    }

  /* Direct part N <= n < M, raising the precision once if it is too wide
   * (heuristic: large terms). */
  unsigned long badn = 0;
  int dok = rem_ok;
  if (dok)
    {
      dok = direct_part (D, &P, &Q, prod, N, M, &badn);
      if (dok)
        {
          ic_ival_width_upper (tmp, D);
          double lw = mpfr_zero_p (tmp) ? -1e9 : log2 (mpfr_get_d (tmp, MPFR_RNDU));
          if (lw > -tb - 3)
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
      mpfr_neg (E->lo, rem, MPFR_RNDD);
      mpfr_set (E->hi, rem, MPFR_RNDU);                            /* E = [-rem, rem] contains E_J */
      ic_ival_add (total, total, E);
      ic_ival_add (total, total, D);
      ic_ival_clear (E);
      ic_ival_set (out, total);
      ok = 1;
      say (method, mlen, "rational-expansion");
      say (detail, dlen,
           "%s = sum_j %s_j n^-j (exact rationals), j=%d..%ld (%ld nonzero), Cauchy bound "
           "|coef_j| <= %.3g rho^j on |t| = 2^%.2f, remainder <= %.3g; zeta(j, M) by "
           "Euler-Maclaurin (m<=%ld), M=%lu, direct %s %lu<=n<%lu, %ld bits",
           prod ? "log p(n)" : "f(n)", prod ? "b" : "a", j0, J, nterms,
           mpfr_get_d (Cb, MPFR_RNDU), lr, mpfr_get_d (rem, MPFR_RNDU), mmax, M,
           prod ? "product" : "sum", N, M, (long) wp);
    }
  else if (!rem_ok)
    say (detail, dlen, "expansion not certified (M=%lu, J=%ld)", M, J);
  else
    {
      if (prod) say (detail, dlen, "factor p(%lu) <= 0 or undefined", badn);
      else say (detail, dlen, "pole of the term at n = %lu", badn);
    }

  ic_ival_clear (total); ic_ival_clear (mj); ic_ival_clear (term);
  ic_ival_clear (Z); ic_ival_clear (D);
  for (long k = 0; k < nb; k++) ic_ival_clear (&bt[k]);
  free (bt);
  for (long j = 0; j <= J; j++) mpq_clear (a[j]);
  free (a);
  mpfr_clears (r, Qmin, S, Cb, q, rem, tmp, (mpfr_ptr) 0);

done:
  zp_clear (&P); zp_clear (&Q); zp_clear (&Pr); zp_clear (&Qr); zp_clear (&Dr);
  ic_ratfun_clear (&rf);
  return ok;
}
