/* test_bernoulli_scaled.c — the scaled, variable-precision Euler–Maclaurin
 * table (ic_bernoulli_em_scaled: tangent numbers for small k, Euler's
 * formula with a fixed-point zeta power sum for large k) against the
 * exact rationals B_2k/(2k)! / dd^(k-1), B_2k from the tangent-number
 * code (ic_bernoulli_b2k, itself checked against the classical table in
 * test_em_bernoulli) and (2k)!, dd^(k-1) exact in GMP.
 *
 * For each profile (entry precisions falling with k, as em.c sets them)
 * and scale dd:
 *   - containment: lo <= exact <= hi for every entry (exact comparison of
 *     rationals), scaled and unscaled (64-bit) tables;
 *   - tightness: relative width <= 2^-(p_k - 4) for entry precision p_k
 *     (with a negative guard, 2^-(p_k - 12 + guard));
 *   - both regimes are exercised (the switch index lies inside 2..n).
 * Any failure prints the profile, dd and the index. */
#include <stdio.h>
#include <stdlib.h>
#include "bernoulli.h"

static int nfail;

/* 1 when lo <= q <= hi (exactly) */
static int contains_q (ic_ival_srcptr x, const mpq_t q)
{
  mpq_t e;
  int ok;
  mpq_init (e);
  if (!mpfr_number_p (x->lo) || !mpfr_number_p (x->hi)) { mpq_clear (e); return 0; }
  mpfr_get_q (e, x->lo);
  ok = mpq_cmp (e, q) <= 0;
  mpfr_get_q (e, x->hi);
  ok = ok && mpq_cmp (e, q) >= 0;
  mpq_clear (e);
  return ok;
}

/* relative width (hi - lo) / |lo| <= 2^-bits */
static int tight (ic_ival_srcptr x, long bits)
{
  mpfr_t w;
  int ok;
  mpfr_init2 (w, 64);
  mpfr_sub (w, x->hi, x->lo, MPFR_RNDU);
  mpfr_div (w, w, x->lo, MPFR_RNDU);
  mpfr_abs (w, w, MPFR_RNDU);
  mpfr_mul_2si (w, w, bits, MPFR_RNDU);
  ok = mpfr_cmp_ui (w, 1) <= 0;
  mpfr_clear (w);
  return ok;
}

static void check (long n, long p1, long slope, unsigned long sqm, long guard)
{
  mpq_t *b = malloc ((size_t) n * sizeof *b), q;
  mpz_t dd, f, ddp;
  ic_ival_struct *em = malloc ((size_t) n * sizeof *em), *e64 = malloc ((size_t) n * sizeof *e64);
  long *pk = malloc ((size_t) n * sizeof *pk);
  mpz_inits (dd, f, ddp, (mpz_ptr) 0);
  mpq_init (q);
  mpz_set_ui (dd, sqm);
  mpz_mul (dd, dd, dd);                        /* dd = sqm^2 */
  for (long k = 1; k <= n; k++)
    {
      mpq_init (b[k - 1]);
      pk[k - 1] = p1 - slope * (k - 1);
      if (pk[k - 1] < 64) pk[k - 1] = 64;
      ic_ival_init2 (&em[k - 1], pk[k - 1]);
      ic_ival_init2 (&e64[k - 1], 64);
    }
  long k0 = ic_bernoulli_em_switch (em, n);
  if (k0 < 2 || k0 > n)
    {
      printf ("FAIL scaled table n=%ld p1=%ld slope=%ld: switch index %ld, one regime untested\n", n, p1, slope, k0);
      nfail++;
    }
  if (!ic_bernoulli_em_scaled (em, e64, n, dd, guard) || !ic_bernoulli_b2k (b, n))
    { printf ("FAIL scaled table: cancelled\n"); nfail++; return; }
  int bad = 0;
  mpz_set_ui (f, 1);
  mpz_set_ui (ddp, 1);
  for (long k = 1; k <= n && bad < 3; k++)
    {
      mpz_mul_ui (f, f, 2 * k - 1);
      mpz_mul_ui (f, f, 2 * k);                /* f = (2k)! */
      if (k > 1) mpz_mul (ddp, ddp, dd);       /* ddp = dd^(k-1) */
      mpq_set (q, b[k - 1]);
      mpz_mul (mpq_denref (q), mpq_denref (q), f);
      mpq_canonicalize (q);                    /* q = B_2k/(2k)! */
      if (!contains_q (&e64[k - 1], q))
        { printf ("FAIL unscaled 64-bit entry k=%ld misses B_2k/(2k)! (n=%ld p1=%ld slope=%ld k0=%ld)\n", k, n, p1, slope, k0); bad++; }
      mpz_mul (mpq_denref (q), mpq_denref (q), ddp);
      mpq_canonicalize (q);                    /* q = B_2k/(2k)! / dd^(k-1) */
      if (!contains_q (&em[k - 1], q))
        { gmp_printf ("FAIL scaled entry k=%ld misses B_2k/(2k)!/dd^(k-1), dd=%Zd (n=%ld p1=%ld slope=%ld k0=%ld)\n", k, dd, n, p1, slope, k0); bad++; }
      if (!tight (&em[k - 1], pk[k - 1] - 4 + (guard < 0 ? guard - 8 : 0)))
        { printf ("FAIL scaled entry k=%ld wider than 2^-%ld relative (n=%ld p1=%ld slope=%ld k0=%ld)\n", k, pk[k - 1] - 4 + (guard < 0 ? guard - 8 : 0), n, p1, slope, k0); bad++; }
    }
  if (bad) nfail++;
  else printf ("ok scaled Bernoulli table n=%ld, precision %ld - %ld k, sqrt(dd)=%lu, guard %ld, Euler's formula from k=%ld: all entries contain the exact values\n", n, p1, slope, sqm, guard, k0);
  for (long k = 1; k <= n; k++) { mpq_clear (b[k - 1]); ic_ival_clear (&em[k - 1]); ic_ival_clear (&e64[k - 1]); }
  free (b); free (em); free (e64); free (pk);
  mpz_clears (dd, f, ddp, (mpz_ptr) 0);
  mpq_clear (q);
}

/* [T]: the bound must exceed sum_{odd L <= j < J} j^-2k, a lower bound
 * of the true tail (summed upward with RNDD, J large); and be within a
 * factor 2 of it for large k (where the first term dominates). */
static void check_tail (void)
{
  static const unsigned long cases[][2] = { {3, 1}, {5, 1}, {3, 2}, {7, 3}, {11, 10}, {3, 50}, {101, 40} };
  int bad = 0;
  mpfr_t s, t;
  ic_ival_t bi;
  mpfr_ptr b = bi->hi;                        /* the upper end is the bound */
  mpfr_inits2 (128, s, t, (mpfr_ptr) 0);
  ic_ival_init2 (bi, 128);
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    {
      unsigned long L = cases[i][0], k = cases[i][1];
      ic_bernoulli_oddpow_tail (bi, L, k);
      mpfr_set_ui (s, 0, MPFR_RNDD);
      for (unsigned long j = L; j < 2000000; j += 2)
        {
          mpfr_ui_pow_ui (t, j, 2 * k, MPFR_RNDU);
          mpfr_ui_div (t, 1, t, MPFR_RNDD);
          mpfr_add (s, s, t, MPFR_RNDD);        /* s <= partial tail <= tail */
          if (k > 3 && j > L + 200) break;
        }
      if (mpfr_cmp (b, s) < 0)
        { mpfr_printf ("FAIL odd-power tail bound L=%lu k=%lu: %.10Rg below the partial sum %.10Rg\n", L, k, b, s); bad++; }
      mpfr_mul_2ui (s, s, 1, MPFR_RNDU);
      if (k >= 10 && mpfr_cmp (b, s) > 0)
        { mpfr_printf ("FAIL odd-power tail bound L=%lu k=%lu: %.10Rg above twice the tail\n", L, k, b); bad++; }
    }
  mpfr_clears (s, t, (mpfr_ptr) 0);
  ic_ival_clear (bi);
  if (bad) nfail++;
  else printf ("ok odd-power tail bound [T] above the partial tails (%zu cases)\n", sizeof cases / sizeof cases[0]);
}

int main (void)
{
  check_tail ();
  check (300, 3000, 9, 1, 32);                 /* unscaled, as em.c */
  check (300, 3000, 9, 1000UL * 1777, 32);     /* the 960-digit pass (M = 1777, Q = 1000) */
  check (600, 6000, 9, 7, 32);
  check (870, 10059, 11, 1000UL * 5542, 32);   /* about the 3000-digit table */
  /* guard below the entry precision: the power sum's error terms (tail
   * [T], the fixed-point errors) are larger than the final rounding, so a
   * missing or wrong term shows up as a missed exact value */
  check (300, 3000, 9, 1, -24);
  check (600, 6000, 9, 1000UL * 1777, -24);
  return nfail != 0;
}
