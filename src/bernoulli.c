/* bernoulli.c — exact Bernoulli numbers via tangent numbers (bernoulli.h).
 *
 * Tangent numbers (Brent & Harvey 2013, Alg. TangentNumbers): with
 * T_1 = 1, T_k = (k-1) T_(k-1) initially, then for k = 2..n and
 * j = k..n: T_j <- (j-k) T_(j-1) + (j-k+2) T_j.  All integer, exact.
 * B_2k = (-1)^(k-1) 2k T_k / (4^k (4^k - 1)), hence
 * B_2k/(2k)! = (-1)^(k-1) T_k / (4^k (4^k - 1) (2k-1)!).
 */
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
