/* test_em_bernoulli.c — exact Bernoulli numbers (tangent-number algorithm)
 * against the classical table B_2..B_14 and, for k <= 300, the interval
 * images of B_2k/(2k)! against Euler's formula
 *   B_2k/(2k)! = (-1)^(k+1) 2 zeta(2k) / (2 pi)^(2k)
 * with zeta(2k) from mpfr_zeta_ui (independent code). */
#include <stdio.h>
#include <stdlib.h>
#include "bernoulli.h"
#include "taylor.h"

static int nfail;

int main (void)
{
  const char *tab[] = { "1/6", "-1/30", "1/42", "-1/30", "5/66", "-691/2730", "7/6" };
  mpq_t b[7], r;
  mpq_init (r);
  for (int i = 0; i < 7; i++) mpq_init (b[i]);
  ic_bernoulli_b2k (b, 7);
  for (int i = 0; i < 7; i++)
    {
      mpq_set_str (r, tab[i], 10);
      if (!mpq_equal (r, b[i])) { gmp_printf ("FAIL bernoulli B_%d = %Qd, want %s\n", 2 * i + 2, b[i], tab[i]); nfail++; }
    }
  if (!nfail) printf ("ok bernoulli B_2..B_14 exact\n");
  const long n = 300;
  ic_ival_struct *em = ic_taylor_alloc (n, 256), *tay = ic_taylor_alloc (n, 256);
  ic_bernoulli_ivals (em, tay, n);
  mpfr_t z, tp, ref;
  mpfr_inits2 (400, z, tp, ref, (mpfr_ptr) 0);
  int bad = 0;
  for (long k = 1; k <= n; k++)
    {
      mpfr_zeta_ui (z, 2 * k, MPFR_RNDN);
      mpfr_const_pi (tp, MPFR_RNDN);
      mpfr_mul_2ui (tp, tp, 1, MPFR_RNDN);
      mpfr_pow_ui (tp, tp, 2 * k, MPFR_RNDN);
      mpfr_div (ref, z, tp, MPFR_RNDN);
      mpfr_mul_2ui (ref, ref, 1, MPFR_RNDN);
      if (k % 2 == 0) mpfr_neg (ref, ref, MPFR_RNDN);
      if (!ic_ival_contains_fr (&em[k - 1], ref)) { if (!bad) mpfr_printf ("FAIL bernoulli B_%ld/(2k)! interval misses %.20Rg\n", 2 * k, ref); bad = 1; }
    }
  if (bad) nfail++; else printf ("ok bernoulli B_2k/(2k)! intervals contain 2 zeta(2k)/(2pi)^2k, k <= %ld\n", n);
  mpfr_clears (z, tp, ref, (mpfr_ptr) 0);
  ic_taylor_free (em, n); ic_taylor_free (tay, n);
  for (int i = 0; i < 7; i++) mpq_clear (b[i]);
  mpq_clear (r);
  return nfail != 0;
}
