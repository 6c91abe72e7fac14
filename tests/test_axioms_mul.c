/* test_axioms_mul.c — runtime tests of the trusted base added for the
 * interval product (specs/mpfr_model.h: mpfr_mul, mpfr_min, mpfr_max;
 * specs/mul.acsl: axiom Scale_Tail).  Harness as in test_axioms.c: random
 * operands (seed printed, replay with the seed as argument), directed
 * results compared with a higher-precision computation.
 *  - mpfr_mul: finite * finite obeys Rounded (RNDD lower bound, RNDU upper
 *    bound, sign kept: RNDD of a product >= 0 is >= 0, RNDU of a product
 *    <= 0 is <= 0); Inf * non-zero is the infinity of the product's sign.
 *  - mpfr_sqr: finite x obeys Rounded against x*x; +-Inf gives +Inf.
 *  - mpfr_min (RNDD) / mpfr_max (RNDU) of non-NaN operands: never NaN,
 *    below (above) every finite operand, -Inf (+Inf) if an operand is.
 *  - Scale_Tail on finite sums: with F >= 0, S = sum F, T = sum r F, there
 *    is c in [min r, max r] with T = c S (checked as
 *    min(r) S <= T <= max(r) S, and T = 0 when S = 0). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "axioms_harness.h"


/* random value: finite of random exponent (zero 1 in 20), or (if special)
 * +-Inf 1 in 10 */
static void random_fr_sp (mpfr_ptr x, gmp_randstate_t st, long emax, int special)
{
  random_fr (x, st, emax);
  if (special && gmp_urandomm_ui (st, 10) == 0)
    mpfr_set_inf (x, gmp_urandomm_ui (st, 2) ? 1 : -1);
}

/* rounded_ok (r, x * y, rnd), the reference x * y computed into e (and
 * compared) in the widest exponent range: it neither overflows nor
 * underflows there, so it is the product up to 2^-276 relative. */
static int product_rounded_ok (mpfr_srcptr r, mpfr_srcptr x, mpfr_srcptr y,
                               mpfr_ptr e, mpfr_rnd_t rnd)
{
  mpfr_exp_t emin = mpfr_get_emin (), emax = mpfr_get_emax ();
  mpfr_set_emin (mpfr_get_emin_min ());
  mpfr_set_emax (mpfr_get_emax_max ());
  mpfr_mul (e, x, y, MPFR_RNDN);
  int good = rounded_ok (r, e, rnd);
  mpfr_set_emin (emin);
  mpfr_set_emax (emax);
  return good;
}

static void test_mul (gmp_randstate_t st)
{
  mpfr_t x, y, r, e;
  int ok = 1; long n = 4000;
  mpfr_inits2 (53, x, y, r, (mpfr_ptr) 0);
  mpfr_init2 (e, 4 * 53 + 64);
  for (long i = 0; i < n && ok; i++)
    {
      /* exponents up to 2^30 each: products overflow sometimes (emax of
       * MPFR's default range is 2^30 - 1), which Rounded allows (+-Inf). */
      random_fr_sp (x, st, gmp_urandomm_ui (st, 4) ? 40 : (1L << 30) - 2, 1);
      random_fr_sp (y, st, gmp_urandomm_ui (st, 4) ? 40 : (1L << 30) - 2, 1);
      int fin = mpfr_number_p (x) && mpfr_number_p (y);
      int sx = mpfr_sgn (x), sy = mpfr_sgn (y);
      for (int d = 0; d < 2; d++)
        {
          mpfr_rnd_t rnd = d ? MPFR_RNDU : MPFR_RNDD;
          mpfr_mul (r, x, y, rnd);              /* default exponent range */
          int good;
          if (fin) good = product_rounded_ok (r, x, y, e, rnd);
          else if (sx != 0 && sy != 0 && sx == sy)
            good = mpfr_inf_p (r) && mpfr_sgn (r) > 0;
          else if (sx != 0 && sy != 0)
            good = mpfr_inf_p (r) && mpfr_sgn (r) < 0;
          else good = 1;                       /* 0 * Inf: not described */
          if (!good)
            { ok = 0; mpfr_printf ("  mpfr_mul(%Ra, %Ra) rnd %d gave %Ra\n", x, y, rnd, r); }
        }
    }
  report (ok, "mpfr_mul_rounded", n);
  mpfr_clears (x, y, r, e, (mpfr_ptr) 0);
}

static void test_min_max (gmp_randstate_t st)
{
  mpfr_t x, y, r;
  int ok = 1; long n = 4000;
  mpfr_inits2 (64, x, y, (mpfr_ptr) 0);
  mpfr_init2 (r, 53);                          /* rop narrower: rounding happens */
  for (long i = 0; i < n && ok; i++)
    {
      random_fr_sp (x, st, 40, 1);
      random_fr_sp (y, st, 40, 1);
      mpfr_min (r, x, y, MPFR_RNDD);
      if (mpfr_nan_p (r)
          || ((mpfr_inf_p (x) && mpfr_sgn (x) < 0) || (mpfr_inf_p (y) && mpfr_sgn (y) < 0))
             != (mpfr_inf_p (r) && mpfr_sgn (r) < 0)
          || (mpfr_number_p (x) && !(mpfr_lessequal_p (r, x)))
          || (mpfr_number_p (y) && !(mpfr_lessequal_p (r, y))))
        { ok = 0; mpfr_printf ("  mpfr_min(%Ra, %Ra) RNDD gave %Ra\n", x, y, r); }
      mpfr_max (r, x, y, MPFR_RNDU);
      if (mpfr_nan_p (r)
          || ((mpfr_inf_p (x) && mpfr_sgn (x) > 0) || (mpfr_inf_p (y) && mpfr_sgn (y) > 0))
             != (mpfr_inf_p (r) && mpfr_sgn (r) > 0)
          || (mpfr_number_p (x) && !(mpfr_greaterequal_p (r, x)))
          || (mpfr_number_p (y) && !(mpfr_greaterequal_p (r, y))))
        { ok = 0; mpfr_printf ("  mpfr_max(%Ra, %Ra) RNDU gave %Ra\n", x, y, r); }
    }
  report (ok, "mpfr_min_max_directed", n);
  mpfr_clears (x, y, r, (mpfr_ptr) 0);
}

/* Scale_Tail, finite version (the series statement is its limit): exact
 * rational arithmetic is emulated by 2000-bit sums of 53-bit terms (no
 * rounding at all for these sizes: every product and sum is exact). */
static void test_scale_tail (gmp_randstate_t st)
{
  mpfr_t f, r, rf, S, T, lo, hi, a, b;
  int ok = 1; long n = 300;
  mpfr_inits2 (53, f, r, lo, hi, (mpfr_ptr) 0);
  mpfr_inits2 (2000, rf, S, T, a, b, (mpfr_ptr) 0);
  for (long i = 0; i < n && ok; i++)
    {
      long len = 1 + (long) gmp_urandomm_ui (st, 50);
      int allzero = gmp_urandomm_ui (st, 10) == 0;
      mpfr_set_zero (S, 1); mpfr_set_zero (T, 1);
      mpfr_set_inf (lo, 1); mpfr_set_inf (hi, -1);
      for (long k = 0; k < len; k++)
        {
          random_fr_sp (f, st, 10, 0);
          mpfr_abs (f, f, MPFR_RNDN);                      /* F >= 0 */
          if (allzero) mpfr_set_zero (f, 1);
          random_fr_sp (r, st, 10, 0);
          mpfr_min (lo, lo, r, MPFR_RNDN);                 /* exact: same precision */
          mpfr_max (hi, hi, r, MPFR_RNDN);
          mpfr_mul (rf, r, f, MPFR_RNDN);                  /* exact at 2000 bits */
          mpfr_add (S, S, f, MPFR_RNDN);
          mpfr_add (T, T, rf, MPFR_RNDN);
        }
      mpfr_mul (a, lo, S, MPFR_RNDN);
      mpfr_mul (b, hi, S, MPFR_RNDN);
      if (!(mpfr_lessequal_p (a, T) && mpfr_lessequal_p (T, b))
          || (mpfr_zero_p (S) && !mpfr_zero_p (T)))
        { ok = 0; mpfr_printf ("  Scale_Tail: S = %Rg, T = %Rg, r in [%Rg, %Rg]\n", S, T, lo, hi); }
    }
  report (ok, "axiom_Scale_Tail_samples", n);
  mpfr_clears (f, r, lo, hi, rf, S, T, a, b, (mpfr_ptr) 0);
}

/* mpfr_sqr (contract in specs/mpfr_model.h, used by ic_ival_sqr): finite
 * x obeys Rounded against x*x (reference in the widest exponent range, as
 * for mpfr_mul); +-Inf gives +Inf. */
static void test_sqr (gmp_randstate_t st)
{
  mpfr_t x, r, e;
  int ok = 1; long n = 4000;
  mpfr_inits2 (53, x, r, (mpfr_ptr) 0);
  mpfr_init2 (e, 4 * 53 + 64);
  for (long i = 0; i < n && ok; i++)
    {
      random_fr_sp (x, st, gmp_urandomm_ui (st, 4) ? 40 : (1L << 30) - 2, 1);
      for (int d = 0; d < 2; d++)
        {
          mpfr_rnd_t rnd = d ? MPFR_RNDU : MPFR_RNDD;
          mpfr_sqr (r, x, rnd);
          int good = mpfr_number_p (x) ? product_rounded_ok (r, x, x, e, rnd)
                                       : mpfr_inf_p (r) && mpfr_sgn (r) > 0;
          if (!good)
            { ok = 0; mpfr_printf ("  mpfr_sqr(%Ra) rnd %d gave %Ra\n", x, rnd, r); }
        }
    }
  report (ok, "mpfr_sqr_rounded", n);
  mpfr_clears (x, r, e, (mpfr_ptr) 0);
}

int main (int argc, char **argv)
{
  gmp_randstate_t st;
  harness_init (st, argc, argv);
  test_mul (st);
  test_sqr (st);
  test_min_max (st);
  test_scale_tail (st);
  gmp_randclear (st);
  mpfr_free_cache ();
  return nfail != 0;
}
