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

/* z = sgn * num / den rounded outward, num, den > 0 integers. */
static void set_ratio (ic_ival_ptr z, const mpz_t num, const mpz_t den, int sgn)
{
  mpfr_set_z (z->lo, num, MPFR_RNDD);          /* lo <= num          */
  mpfr_div_z (z->lo, z->lo, den, MPFR_RNDD);   /* lo <= num / den    */
  mpfr_set_z (z->hi, num, MPFR_RNDU);          /* hi >= num          */
  mpfr_div_z (z->hi, z->hi, den, MPFR_RNDU);   /* hi >= num / den    */
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

/* t >= sum_{odd j >= L} j^-2k by [T] (L odd >= 3, k >= 1), t's precision. */
void ic_bernoulli_oddpow_tail_upper (mpfr_ptr t, unsigned long L, unsigned long k)
{
  mpfr_t u;
  mpfr_init2 (u, mpfr_get_prec (t));
  mpfr_set_ui (u, L, MPFR_RNDU);
  mpfr_div_ui (u, u, 2 * (2 * k - 1), MPFR_RNDU);
  mpfr_add_ui (u, u, 1, MPFR_RNDU);                /* u >= 1 + L/(2(2k-1)) */
  mpfr_ui_pow_ui (t, L, 2 * k, MPFR_RNDD);          /* t <= L^2k */
  mpfr_div (t, u, t, MPFR_RNDU);                   /* t >= L^-2k (1 + L/(2(2k-1))) */
  mpfr_clear (u);
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

/* e = (-1)^(k-1) [lo, hi] T / (4^k d), rounded outward (T, d > 0 and
 * 0 <= lo <= hi): one entry of the table from the tangent number T_k. */
static void tangent_entry (ic_ival_ptr e, mpfr_srcptr lo, mpfr_srcptr hi, const mpz_t T, const mpz_t d, long k)
{
  mpfr_mul_z (e->lo, lo, T, MPFR_RNDD);
  mpfr_div_z (e->lo, e->lo, d, MPFR_RNDD);
  mpfr_div_2ui (e->lo, e->lo, 2 * (unsigned long) k, MPFR_RNDD);
  mpfr_mul_z (e->hi, hi, T, MPFR_RNDU);
  mpfr_div_z (e->hi, e->hi, d, MPFR_RNDU);
  mpfr_div_2ui (e->hi, e->hi, 2 * (unsigned long) k, MPFR_RNDU);
  if (k % 2 == 0) ic_ival_neg (e, e);
}

/* x = [lo, hi] * y for intervals of positive numbers, rounded outward. */
static void pos_mul (mpfr_ptr lo, mpfr_ptr hi, mpfr_srcptr xl, mpfr_srcptr xh,
                     mpfr_srcptr yl, mpfr_srcptr yh)
{
  mpfr_mul (lo, xl, yl, MPFR_RNDD);
  mpfr_mul (hi, xh, yh, MPFR_RNDU);
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
      mpfr_t El, Eh, Gl, Gh;
      for (long k = 0; k < nt; k++) mpz_init (t[k]);
      mpz_init (d);
      mpfr_inits2 (pw, El, Eh, (mpfr_ptr) 0);
      mpfr_inits2 (96, Gl, Gh, (mpfr_ptr) 0);
      mpfr_set_ui (Gl, 1, MPFR_RNDD);
      mpfr_set_ui (Gh, 1, MPFR_RNDU);                  /* G_1 = 1/1! */
      mpfr_set_ui (El, 1, MPFR_RNDD);
      mpfr_set_ui (Eh, 1, MPFR_RNDU);                  /* E_1 = 1 */
      ok = ic_bernoulli_tangent (t, nt);
      for (long k = 1; ok && k <= nt; k++)
        {
          ic_ival_ptr e = &em[k - 1];
          if (k > 1)
            {
              unsigned long f = (unsigned long) (2 * k - 2) * (unsigned long) (2 * k - 1);
              mpfr_div_ui (El, El, f, MPFR_RNDD);
              mpfr_div_ui (Eh, Eh, f, MPFR_RNDU);
              mpfr_div_z (El, El, dd, MPFR_RNDD);      /* El <= E_k */
              mpfr_div_z (Eh, Eh, dd, MPFR_RNDU);      /* Eh >= E_k */
            }
          mpz_set_ui (d, 0);
          mpz_setbit (d, 2 * k);
          mpz_sub_ui (d, d, 1);                        /* d = 4^k - 1 */
          /* |b_k| / dd^(k-1) = T_k E_k / (4^k d), T_k > 0, E_k > 0 */
          tangent_entry (e, El, Eh, t[k - 1], d, k);   /* sign (-1)^(k-1) */
          if (em64)
            {
              /* unscaled at 64 bits: T_k G_k / (4^k d), G_k = 1/(2k-1)! */
              ic_ival_ptr e6 = &em64[k - 1];
              if (k > 1)
                {
                  unsigned long f = (unsigned long) (2 * k - 2) * (unsigned long) (2 * k - 1);
                  mpfr_div_ui (Gl, Gl, f, MPFR_RNDD);  /* Gl <= G_k */
                  mpfr_div_ui (Gh, Gh, f, MPFR_RNDU);  /* Gh >= G_k */
                }
              tangent_entry (e6, Gl, Gh, t[k - 1], d, k);
            }
          /* heuristic: E at the precision the later entries need */
          mpfr_prec_t q = (k < n ? mpfr_get_prec (em[k].lo) : 64) + 64 + (mpfr_prec_t) log2 ((double) n + 1);
          if (q < mpfr_get_prec (El))
            {
              mpfr_prec_round (El, q, MPFR_RNDD);
              mpfr_prec_round (Eh, q, MPFR_RNDU);
            }
        }
      for (long k = 0; k < nt; k++) mpz_clear (t[k]);
      free (t);
      mpz_clear (d);
      mpfr_clears (El, Eh, Gl, Gh, (mpfr_ptr) 0);
    }
  if (!ok || k0 > n) return ok;

  /* Part 2: [E] for k = k0..n. */
  mpfr_t pil, pih, Fl, Fh, Ul, Uh, Wl, Wh, Xl, Xh, F64l, F64h, sl, sh, dl, dh, tl;
  mpfr_inits2 (pw, pil, pih, Fl, Fh, Ul, Uh, Wl, Wh, (mpfr_ptr) 0);
  mpfr_inits2 (64, Xl, Xh, F64l, F64h, (mpfr_ptr) 0);
  mpfr_inits2 (pw, sl, sh, dl, dh, tl, (mpfr_ptr) 0);
  mpfr_const_pi (pil, MPFR_RNDD);                      /* pil <= pi */
  mpfr_const_pi (pih, MPFR_RNDU);                      /* pih >= pi */
  mpfr_sqr (Fl, pih, MPFR_RNDU);
  mpfr_mul_2ui (Fl, Fl, 2, MPFR_RNDU);                 /* Fl >= 4 pi^2 */
  mpfr_ui_div (Fl, 1, Fl, MPFR_RNDD);                  /* Fl <= F = 1/(4 pi^2) */
  mpfr_sqr (Fh, pil, MPFR_RNDD);
  mpfr_mul_2ui (Fh, Fh, 2, MPFR_RNDD);                 /* Fh <= 4 pi^2 */
  mpfr_ui_div (Fh, 1, Fh, MPFR_RNDU);                  /* Fh >= F */
  mpfr_div_z (Ul, Fl, dd, MPFR_RNDD);                  /* Ul <= U = F/dd */
  mpfr_div_z (Uh, Fh, dd, MPFR_RNDU);                  /* Uh >= U */
  mpfr_pow_ui (Wl, Ul, (unsigned long) (k0 - 1), MPFR_RNDD);
  mpfr_mul (Wl, Wl, Fl, MPFR_RNDD);                    /* Wl <= F U^(k0-1) */
  mpfr_pow_ui (Wh, Uh, (unsigned long) (k0 - 1), MPFR_RNDU);
  mpfr_mul (Wh, Wh, Fh, MPFR_RNDU);                    /* Wh >= F U^(k0-1) */
  mpfr_set (F64l, Fl, MPFR_RNDD);
  mpfr_set (F64h, Fh, MPFR_RNDU);
  mpfr_pow_ui (Xl, F64l, (unsigned long) k0, MPFR_RNDD);   /* Xl <= (2 pi)^-2k0 */
  mpfr_pow_ui (Xh, F64h, (unsigned long) k0, MPFR_RNDU);   /* Xh >= (2 pi)^-2k0 */

  /* fixed-point scale P and the largest odd power base K at k0 */
  long P = (long) mpfr_get_prec (em[k0 - 1].lo) + guard;
  if (P < 16) P = 16;
  unsigned long K = oddpow_terms (P, k0);
  long na = (long) (K - 1) / 2;                        /* a[i] for j = 2i + 3 */
  long nalloc = na;
  mpz_t *a = malloc ((size_t) (na > 0 ? na : 1) * sizeof *a);
  mpz_t pk, S, E;
  mpz_inits (pk, S, E, (mpz_ptr) 0);
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
          if (wq < mpfr_get_prec (Wl))
            {
              mpfr_prec_round (Wl, wq, MPFR_RNDD); mpfr_prec_round (Wh, wq, MPFR_RNDU);
              mpfr_prec_round (Ul, wq, MPFR_RNDD); mpfr_prec_round (Uh, wq, MPFR_RNDU);
            }
          pos_mul (Wl, Wh, Wl, Wh, Ul, Uh);
          pos_mul (Xl, Xh, Xl, Xh, F64l, F64h);
        }
      /* S in units 2^-P: [2^P + sum a, the same + 2 na + tail] */
      mpz_set_ui (S, 0);
      mpz_setbit (S, (mp_bitcnt_t) P);
      for (long i = 0; i < na; i++) mpz_add (S, S, a[i]);
      mpfr_set_prec (sl, P + 8);
      mpfr_set_prec (sh, P + 8);
      mpfr_set_z_2exp (sl, S, -P, MPFR_RNDD);            /* sl <= S_k */
      mpfr_set_prec (tl, 64);
      ic_bernoulli_oddpow_tail_upper (tl, K + 2, (unsigned long) k);   /* tl >= tail [T] */
      mpfr_mul_2si (tl, tl, P, MPFR_RNDU);
      mpfr_get_z (E, tl, MPFR_RNDU);                     /* E >= tail 2^P */
      mpz_add (S, S, E);
      mpz_add_ui (S, S, 2 * (unsigned long) na);          /* power errors < 2 each */
      mpfr_set_z_2exp (sh, S, -P, MPFR_RNDU);            /* sh >= S_k */
      /* 2 zeta(2k) = 2 S_k / (1 - x), x = 4^-k, and for 0 < x <= 1/4
       *   sum_{i<r} x^i <= 1/(1 - x) = sum_{i<r} x^i + x^r/(1 - x)
       *                             <= sum_{i<r} x^i + 2 x^r,
       * r (heuristic) with x^r below 2^-P: shifts (exact) and additions
       * instead of a division */
      {
        unsigned long r = (unsigned long) ((P + 10) / (2 * k)) + 1, sx = 2 * (unsigned long) k;
        mpfr_set_prec (dl, P + 8);
        mpfr_set_prec (dh, P + 8);
        mpfr_set (dl, sl, MPFR_RNDD);
        mpfr_set (dh, sh, MPFR_RNDU);
        for (unsigned long i = 1; i < r; i++)
          {
            mpfr_div_2ui (dl, dl, sx, MPFR_RNDD);       /* dl <= sl x^i */
            mpfr_add (sl, sl, dl, MPFR_RNDD);
            mpfr_div_2ui (dh, dh, sx, MPFR_RNDU);       /* dh >= S_k x^i */
            mpfr_add (sh, sh, dh, MPFR_RNDU);
          }
        mpfr_div_2ui (dh, dh, sx - 1, MPFR_RNDU);       /* dh >= 2 S_k x^r */
        mpfr_add (sh, sh, dh, MPFR_RNDU);
        mpfr_mul_2ui (sl, sl, 1, MPFR_RNDD);             /* sl <= 2 zeta(2k) */
        mpfr_mul_2ui (sh, sh, 1, MPFR_RNDU);             /* sh >= 2 zeta(2k) */
      }
      /* |b_k| / dd^(k-1) = 2 zeta(2k) W, sign (-1)^(k+1) */
      ic_ival_ptr e = &em[k - 1];
      mpfr_mul (e->lo, sl, Wl, MPFR_RNDD);
      mpfr_mul (e->hi, sh, Wh, MPFR_RNDU);
      if (k % 2 == 0) ic_ival_neg (e, e);
      if (em64)
        {
          ic_ival_ptr e6 = &em64[k - 1];
          mpfr_mul (e6->lo, sl, Xl, MPFR_RNDD);
          mpfr_mul (e6->hi, sh, Xh, MPFR_RNDU);
          if (k % 2 == 0) ic_ival_neg (e6, e6);
        }
    }
  for (long i = 0; i < nalloc; i++) mpz_clear (a[i]);
  free (a);
  mpz_clears (pk, S, E, (mpz_ptr) 0);
  mpfr_clears (pil, pih, Fl, Fh, Ul, Uh, Wl, Wh, Xl, Xh, F64l, F64h, sl, sh, dl, dh, tl, (mpfr_ptr) 0);
  return ok;
}
