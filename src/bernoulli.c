/* bernoulli.c — exact Bernoulli numbers via tangent numbers (bernoulli.h).
 *
 * Tangent numbers (Brent & Harvey 2013, Alg. TangentNumbers): with
 * T_1 = 1, T_k = (k-1) T_(k-1) initially, then for k = 2..n and
 * j = k..n: T_j <- (j-k) T_(j-1) + (j-k+2) T_j.  All integer, exact.
 * B_2k = (-1)^(k-1) 2k T_k / (4^k (4^k - 1)), hence
 * B_2k/(2k)! = (-1)^(k-1) T_k / (4^k (4^k - 1) (2k-1)!).
 */
#include <math.h>
#include <stdlib.h>
#include "bernoulli.h"
#include "cancel.h"

int ic_bernoulli_tangent (mpz_t *t, long n)
{
  if (n < 1) return 1;
  mpz_set_ui (t[0], 1);
  for (long k = 2; k <= n; k++) mpz_mul_ui (t[k - 1], t[k - 2], k - 1);
  for (long k = 2; k <= n; k++)
    {
      if (ic_cancelled ()) return 0;            /* O(n^2) big-integer steps */
      for (long j = k; j <= n; j++)
        {
          /* T_j = (j-k) T_(j-1) + (j-k+2) T_j */
          mpz_mul_ui (t[j - 1], t[j - 1], j - k + 2);
          mpz_addmul_ui (t[j - 1], t[j - 2], j - k);
        }
    }
  return 1;
}

int ic_bernoulli_b2k (mpq_t *out, long n)
{
  int ok;
  mpz_t *t = malloc ((size_t) (n > 0 ? n : 1) * sizeof *t);
  mpz_t d;
  for (long k = 0; k < n; k++) mpz_init (t[k]);
  mpz_init (d);
  ok = ic_bernoulli_tangent (t, n);
  for (long k = 1; ok && k <= n; k++)
    {
      /* d = 4^k (4^k - 1) */
      mpz_set_ui (d, 0);
      mpz_setbit (d, 2 * k);
      mpz_sub_ui (d, d, 1);
      mpz_mul_2exp (d, d, 2 * k);
      mpz_mul_ui (mpq_numref (out[k - 1]), t[k - 1], 2 * k);
      if (k % 2 == 0) mpz_neg (mpq_numref (out[k - 1]), mpq_numref (out[k - 1]));
      mpz_set (mpq_denref (out[k - 1]), d);
      mpq_canonicalize (out[k - 1]);
    }
  for (long k = 0; k < n; k++) mpz_clear (t[k]);
  mpz_clear (d);
  free (t);
  return ok;
}

/* z = sgn * num / den, num, den > 0 integers (proved operations). */
static void set_ratio (ic_ival_ptr z, const mpz_t num, const mpz_t den, int sgn)
{
  ic_ival_set_z (z, num);
  ic_ival_div_z (z, z, den);
  if (sgn < 0) ic_ival_neg (z, z);
}

int ic_bernoulli_ivals (ic_ival_struct *em, ic_ival_struct *tay, long n)
{
  int ok;
  mpz_t *t = malloc ((size_t) (n > 0 ? n : 1) * sizeof *t);
  mpz_t d, f, num;
  for (long k = 0; k < n; k++) mpz_init (t[k]);
  mpz_inits (d, f, num, (mpz_ptr) 0);
  ok = ic_bernoulli_tangent (t, n);
  mpz_set_ui (f, 1);                           /* f = (2k-1)! */
  for (long k = 1; ok && k <= n; k++)
    {
      int sgn = (k % 2) ? 1 : -1;              /* (-1)^(k-1) */
      mpz_set_ui (d, 0);
      mpz_setbit (d, 2 * k);
      mpz_sub_ui (d, d, 1);
      mpz_mul_2exp (d, d, 2 * k);              /* d = 4^k (4^k - 1) */
      if (k > 1) { mpz_mul_ui (f, f, 2 * k - 2); mpz_mul_ui (f, f, 2 * k - 1); }
      if (tay)
        {
          /* B_2k / (2k) = (-1)^(k-1) T_k / d */
          set_ratio (&tay[k - 1], t[k - 1], d, sgn);
        }
      if (em)
        {
          mpz_mul (num, d, f);                  /* B_2k/(2k)! = +-T_k / (d (2k-1)!) */
          set_ratio (&em[k - 1], t[k - 1], num, sgn);
        }
    }
  for (long k = 0; k < n; k++) mpz_clear (t[k]);
  mpz_clears (d, f, num, (mpz_ptr) 0);
  free (t);
  return ok;
}

/* ---- scaled Euler–Maclaurin table at per-entry precision ----------------
 *
 * b_k = B_2k/(2k)! divided by dd^(k-1), k = 1..n, each entry to the
 * precision the caller gave it.
 *
 * Small k: the exact tangent numbers above (cost O(k0^2) big-integer
 * steps).  k >= k0: Euler's formula
 *   [E]  B_2k/(2k)! = (-1)^(k+1) 2 zeta(2k) / (2 pi)^(2k)            (k >= 1)
 * with zeta(2k) = S_k / (1 - 4^-k), S_k = sum over odd j >= 1 of j^-2k
 * (removing the even terms: zeta(2k) (1 - 2^-2k) = S_k), and
 *   [T]  sum_{odd j >= L} j^-2k <= L^-2k (1 + L / (2 (2k-1)))   (L odd)
 * (for odd j >= L+2, j^-2k <= (1/2) int_{j-2}^{j} x^-2k dx as x^-2k
 * decreases, so the terms after the first sum to at most
 * (1/2) int_L^inf x^-2k dx = L^(1-2k) / (2 (2k-1))).  With L = K + 2,
 * S_k lies in [1 + sum_{odd 3<=j<=K} j^-2k,  the same + [T]].
 * The powers j^-2k are fixed-point integers a_j at scale 2^P (P the
 * precision wanted for entry k plus `guard` bits, nonincreasing in k):
 * invariant a_j <= 2^P j^-2k < a_j + 2.  Initially a_j = floor(2^P /
 * j^2k) (error < 1); the step to k+1 with the scale dropping by d bits is
 * a'_j = floor(a_j / (j^2 2^d)), and with V = 2^P j^-2k, V' = V/(j^2 2^d):
 *   a'_j <= a_j/(j^2 2^d) <= V'  and  V' < (a_j + 2)/(j^2 2^d) <= a'_j + 1 + 2/9 < a'_j + 2
 * (j >= 3).  Each step is one single-limb division per power, linear in
 * the precision, and the precision falls with k: the terms b_k g_k of
 * the Euler–Maclaurin sum fall, so b_k is needed to fewer relative bits.
 * (2 pi)^-2k dd^-(k-1) = F U^(k-1), F = 1/(4 pi^2), U = F / dd, by
 * repeated outward-rounded multiplication.  Cost: a few full products
 * per entry instead of the O(n^2) tangent steps of size n log n bits. */

/* Heuristic only: first index computed from [E]: where one more entry by
 * the power sum (K/2 single-limb divisions of P bits) costs less than one
 * more tangent number (k steps on numbers of k log2 k bits), limb for
 * limb (the total at 10000 digits is flat, 0.35-0.4 s, for weights of
 * the divisions between 0.1 and 2). */
long ic_bernoulli_em_switch (const ic_ival_struct *em, long n)
{
  for (long k = 8; k <= n; k++)
    {
      double P = (double) mpfr_get_prec (em[k - 1].lo) + 32;
      double lk = (P + 1) / (2.0 * k);                        /* log2 K */
      if (lk > 30) continue;
      double zc = exp2 (lk) / 2 * P / 64;
      double tc = (double) k * k * log2 ((double) k) / 64;
      if (zc <= tc) return k;
    }
  return n + 1;
}

/* t encloses L^-2k (1 + L/(2(2k-1))), the bound [T] on sum_{odd j >= L}
 * j^-2k (L odd >= 3, 1 <= k < 2^30), at t's precision. */
void ic_bernoulli_oddpow_tail (ic_ival_ptr t, unsigned long L, unsigned long k)
{
  ic_ival_t u, p;
  mpfr_prec_t prec = ic_ival_get_prec (t);
  ic_ival_init2 (u, prec); ic_ival_init2 (p, prec);
  ic_ival_set_ui (u, L);
  ic_ival_div_ui (u, u, 2 * (2 * k - 1));
  ic_ival_set_ui (p, 1);
  ic_ival_add (u, u, p);                           /* 1 + L/(2(2k-1)) */
  ic_ival_set_ui (p, L);
  ic_ival_pow_si (p, p, -2 * (long) k);            /* L^-2k, L > 0 */
  ic_ival_mul_nonneg (t, u, p);
  ic_ival_clear (u); ic_ival_clear (p);
}

/* Heuristic: the largest odd power base K (>= 3) so that [T] with L = K + 2
 * is about 2^-P: log2 L >= (P + 1) / (2k), about. */
static unsigned long oddpow_terms (long P, long k)
{
  double l = ((double) P + 1) / (2.0 * (double) k);
  unsigned long L = (unsigned long) ceil (exp2 (l < 31 ? l : 31));
  L |= 1;
  return L < 5 ? 3 : L - 2;
}

/* e = (-1)^(k-1) E T / (4^k d) (T, d > 0): one entry of the table from
 * the tangent number T_k, by proved operations. */
static void tangent_entry (ic_ival_ptr e, ic_ival_srcptr E, const mpz_t T, const mpz_t d, long k)
{
  ic_ival_mul_z (e, E, T);
  ic_ival_div_z (e, e, d);
  ic_ival_mul_2si (e, e, -2 * k);
  if (k % 2 == 0) ic_ival_neg (e, e);
}

int ic_bernoulli_em_scaled (ic_ival_struct *em, ic_ival_struct *em64, long n, const mpz_t dd,
                            long guard)
{
  int ok = 1;
  if (n < 1) return 1;
  mpfr_prec_t pmax = 64;
  for (long k = 1; k <= n; k++)
    if (mpfr_get_prec (em[k - 1].lo) > pmax) pmax = mpfr_get_prec (em[k - 1].lo);
  mpfr_prec_t pw = pmax + 64 + (mpfr_prec_t) log2 ((double) n + 1);
  long k0 = ic_bernoulli_em_switch (em, n);            /* entries k0..n from [E] */
  long nt = k0 - 1;                         /* entries 1..nt exact */

  /* Part 1: exact tangent numbers, b_k / dd^(k-1) = +-T_k E_k / (4^k (4^k - 1))
   * with E_k = 1 / ((2k-1)! dd^(k-1)) kept as an interval [El, Eh] by
   * outward divisions by the integers (2k-2)(2k-1) and dd (linear in the
   * precision; no division by the big (2k-1)! per entry). */
  if (nt > 0)
    {
      mpz_t *t = malloc ((size_t) nt * sizeof *t);
      mpz_t d;
      ic_ival_t E, G;
      for (long k = 0; k < nt; k++) mpz_init (t[k]);
      mpz_init (d);
      ic_ival_init2 (E, pw);
      ic_ival_init2 (G, 96);
      ic_ival_set_ui (G, 1);                           /* G_1 = 1/1! */
      ic_ival_set_ui (E, 1);                           /* E_1 = 1 */
      ok = ic_bernoulli_tangent (t, nt);
      for (long k = 1; ok && k <= nt; k++)
        {
          ic_ival_ptr e = &em[k - 1];
          if (k > 1)
            {
              unsigned long f = (unsigned long) (2 * k - 2) * (unsigned long) (2 * k - 1);
              ic_ival_div_ui (E, E, f);
              ic_ival_div_z (E, E, dd);                /* E_k, dd >= 1 */
            }
          mpz_set_ui (d, 0);
          mpz_setbit (d, 2 * k);
          mpz_sub_ui (d, d, 1);                        /* d = 4^k - 1 */
          /* |b_k| / dd^(k-1) = T_k E_k / (4^k d), T_k > 0, E_k > 0 */
          tangent_entry (e, E, t[k - 1], d, k);        /* sign (-1)^(k-1) */
          if (em64)
            {
              /* unscaled at 64 bits: T_k G_k / (4^k d), G_k = 1/(2k-1)! */
              ic_ival_ptr e6 = &em64[k - 1];
              if (k > 1)
                {
                  unsigned long f = (unsigned long) (2 * k - 2) * (unsigned long) (2 * k - 1);
                  ic_ival_div_ui (G, G, f);            /* G_k */
                }
              tangent_entry (e6, G, t[k - 1], d, k);
            }
          /* heuristic: E at the precision the later entries need */
          mpfr_prec_t q = (k < n ? mpfr_get_prec (em[k].lo) : 64) + 64 + (mpfr_prec_t) log2 ((double) n + 1);
          if (q < ic_ival_get_prec (E)) ic_ival_round_prec (E, q);
        }
      for (long k = 0; k < nt; k++) mpz_clear (t[k]);
      free (t);
      mpz_clear (d);
      ic_ival_clear (E); ic_ival_clear (G);
    }
  if (!ok || k0 > n) return ok;

  /* Part 2: [E] for k = k0..n, by proved interval operations on F, U,
   * W = F U^(k-1), X = F^k (64 bits) and the power sums. */
  ic_ival_t F, U, W, X, F64, S, A, D, Z, T;
  ic_ival_init2 (F, pw); ic_ival_init2 (U, pw); ic_ival_init2 (W, pw);
  ic_ival_init2 (X, 64); ic_ival_init2 (F64, 64); ic_ival_init2 (T, 64);
  ic_ival_init2 (S, pw); ic_ival_init2 (A, pw); ic_ival_init2 (D, pw); ic_ival_init2 (Z, pw);
  ic_ival_const_pi (F);
  ic_ival_sqr (F, F);
  ic_ival_mul_ui (F, F, 4);                            /* 4 pi^2 */
  ic_ival_set_ui (A, 1);
  ic_ival_div (F, A, F);                               /* F = 1/(4 pi^2) */
  ic_ival_div_z (U, F, dd);                            /* U = F/dd, dd >= 1 */
  ic_ival_pow_si (W, U, k0 - 1);
  ic_ival_mul_nonneg (W, W, F);                        /* W = F U^(k0-1) */
  ic_ival_set (F64, F);
  ic_ival_pow_si (X, F64, k0);                         /* X = (2 pi)^-2k0 */

  /* fixed-point scale P and the largest odd power base K at k0 */
  long P = (long) mpfr_get_prec (em[k0 - 1].lo) + guard;
  if (P < 16) P = 16;
  unsigned long K = oddpow_terms (P, k0);
  long na = (long) (K - 1) / 2;                        /* a[i] for j = 2i + 3 */
  long nalloc = na;
  mpz_t *a = malloc ((size_t) (na > 0 ? na : 1) * sizeof *a);
  mpz_t pk, Sz;
  mpz_inits (pk, Sz, (mpz_ptr) 0);
  for (long i = 0; i < na; i++)
    {
      unsigned long j = 2 * (unsigned long) i + 3;
      mpz_init (a[i]);
      mpz_ui_pow_ui (pk, j, 2 * (unsigned long) k0);
      mpz_set_ui (a[i], 0);
      mpz_setbit (a[i], (mp_bitcnt_t) P);
      mpz_fdiv_q (a[i], a[i], pk);                     /* a = floor(2^P / j^2k0) */
    }
  for (long k = k0; ok && k <= n; k++)
    {
      if (k > k0)
        {
          /* next scale and K (both nonincreasing; heuristic sizes) */
          long Pn = (long) mpfr_get_prec (em[k - 1].lo) + guard;
          if (Pn < 16) Pn = 16;
          if (Pn > P) Pn = P;
          unsigned long Kn = oddpow_terms (Pn, k);
          if (Kn < K) { K = Kn; na = (long) (K - 1) / 2; }
          unsigned long sh_bits = (unsigned long) (P - Pn);
          for (long i = 0; i < na; i++)
            {
              unsigned long j = 2 * (unsigned long) i + 3;
              mpz_fdiv_q_2exp (a[i], a[i], sh_bits);
              mpz_fdiv_q_ui (a[i], a[i], j * j);       /* a' = floor(a / (j^2 2^d)) */
            }
          P = Pn;
          if ((k & 63) == 0 && ic_cancelled ()) { ok = 0; break; }
          /* W = F U^(k-1), X = (2 pi)^-2k = F^k */
          mpfr_prec_t wq = (mpfr_prec_t) P + 32;
          if (wq < ic_ival_get_prec (W)) { ic_ival_round_prec (W, wq); ic_ival_round_prec (U, wq); }
          ic_ival_mul_nonneg (W, W, U);
          ic_ival_mul_nonneg (X, X, F64);
        }
      /* S_k in [2^-P (2^P + sum a),  2^-P (the same + 2 na) + [T]]:
       * the hull of the two ends, each enclosed */
      mpz_set_ui (Sz, 0);
      mpz_setbit (Sz, (mp_bitcnt_t) P);
      for (long i = 0; i < na; i++) mpz_add (Sz, Sz, a[i]);
      ic_ival_set_prec (S, P + 8);
      ic_ival_set_prec (A, P + 8);
      ic_ival_set_z (S, Sz);
      ic_ival_mul_2si (S, S, -P);                        /* lower end */
      mpz_add_ui (Sz, Sz, 2 * (unsigned long) na);       /* power errors < 2 each */
      ic_ival_set_z (A, Sz);
      ic_ival_mul_2si (A, A, -P);
      ic_bernoulli_oddpow_tail (T, K + 2, (unsigned long) k);
      ic_ival_add (A, A, T);                             /* upper end */
      ic_ival_hull (S, S, A);                            /* S_k */
      /* 2 zeta(2k) = 2 S_k / (1 - x), x = 4^-k, and for 0 < x <= 1/4
       *   sum_{i<r} x^i <= 1/(1 - x) = sum_{i<r} x^i + x^r/(1 - x)
       *                             <= sum_{i<r} x^i + 2 x^r,
       * r (heuristic) with x^r below 2^-P: shifts (exact) and additions
       * instead of a division; the hull of the two ends again */
      {
        unsigned long r = (unsigned long) ((P + 10) / (2 * k)) + 1;
        ic_ival_set_prec (D, P + 8);
        ic_ival_set_prec (Z, P + 8);
        ic_ival_set (D, S);
        ic_ival_set (Z, S);
        for (unsigned long i = 1; i < r; i++)
          {
            ic_ival_mul_2si (D, D, -2 * k);              /* S x^i */
            ic_ival_add (Z, Z, D);                       /* S sum_{j<=i} x^j */
          }
        ic_ival_mul_2si (D, D, -(2 * k - 1));            /* 2 S x^r */
        ic_ival_add (A, Z, D);
        ic_ival_hull (Z, Z, A);                          /* S_k / (1 - x) */
        ic_ival_mul_2si (Z, Z, 1);                       /* 2 zeta(2k) */
      }
      /* |b_k| / dd^(k-1) = 2 zeta(2k) W, sign (-1)^(k+1) */
      ic_ival_ptr e = &em[k - 1];
      ic_ival_mul_nonneg (e, Z, W);
      if (k % 2 == 0) ic_ival_neg (e, e);
      if (em64)
        {
          ic_ival_ptr e6 = &em64[k - 1];
          ic_ival_mul_nonneg (e6, Z, X);
          if (k % 2 == 0) ic_ival_neg (e6, e6);
        }
    }
  for (long i = 0; i < nalloc; i++) mpz_clear (a[i]);
  free (a);
  mpz_clears (pk, Sz, (mpz_ptr) 0);
  ic_ival_clear (F); ic_ival_clear (U); ic_ival_clear (W); ic_ival_clear (X); ic_ival_clear (F64);
  ic_ival_clear (T); ic_ival_clear (S); ic_ival_clear (A); ic_ival_clear (D); ic_ival_clear (Z);
  return ok;
}
