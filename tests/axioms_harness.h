/* axioms_harness.h — shared by the runtime tests of the trusted base
 * (tests/test_axioms*.c): the failure count, the random seed (printed, and
 * taken from argv[1] to replay a run), one report line per property, the
 * Rounded predicate of specs/mpfr_model.h checked against a 4x-precision
 * reference, and random operands of random exponent. */
#ifndef IC_AXIOMS_HARNESS_H
#define IC_AXIOMS_HARNESS_H
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "../specs/mpfr_model.h"

static int nfail;
static unsigned long seed;

static void report (int ok, const char *name, long iters)
{
  if (ok) printf ("ok %s (%ld cases, seed %lu)\n", name, iters, seed);
  else { printf ("FAIL %s (seed %lu)\n", name, seed); nfail++; }
}

/* Rounded(r, exact, rnd): RNDD r <= exact and (exact >= 0 => r >= 0);
 * RNDU symmetric; r is NaN only where the exact value is.  exact is a
 * 4x-precision RNDN value: its error is far below one ulp of r, so a
 * strict violation would show. */
static inline int rounded_ok (mpfr_srcptr r, mpfr_srcptr exact, mpfr_rnd_t rnd)
{
  if (mpfr_nan_p (r)) return mpfr_nan_p (exact);
  if (rnd == MPFR_RNDD)
    return mpfr_lessequal_p (r, exact) && (mpfr_sgn (exact) < 0 || mpfr_sgn (r) >= 0);
  return mpfr_greaterequal_p (r, exact) && (mpfr_sgn (exact) > 0 || mpfr_sgn (r) <= 0);
}

/* A finite value of random sign and exponent in [-emax, emax]; zero 1 in 20. */
static inline void random_fr (mpfr_ptr x, gmp_randstate_t st, long emax)
{
  mpfr_urandomb (x, st);
  mpfr_mul_2si (x, x, (long) (gmp_urandomm_ui (st, 2 * emax + 1)) - emax, MPFR_RNDN);
  if (gmp_urandomm_ui (st, 2)) mpfr_neg (x, x, MPFR_RNDN);
  if (gmp_urandomm_ui (st, 20) == 0) mpfr_set_zero (x, 1);
}

/* Seeds st from argv[1] (a replay) or the clock, and prints the seed. */
static void harness_init (gmp_randstate_t st, int argc, char **argv)
{
  seed = argc > 1 ? strtoul (argv[1], 0, 10) : (unsigned long) time (0);
  gmp_randinit_default (st);
  gmp_randseed_ui (st, seed);
  printf ("# seed %lu (replay: %s %lu)\n", seed, argv[0], seed);
}
#endif
