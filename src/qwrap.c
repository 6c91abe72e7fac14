/* qwrap.c — one-line wrappers of GMP's rational queries for the proved
 * exact layer (src/kern/exact.c).  Trusted, like GMP itself: their
 * contracts are in specs/gmpq.h and are
 * sampled by tests/test_kern_exact.c.  Wrappers, because mpq_sgn, mpz_cmp_ui
 * and mpz_get_si are macros or inline functions over GMP's fields, which
 * the model does not describe.  A canonical rational (GMP manual 6:
 * numerator and denominator coprime, denominator > 0; every mpq the
 * evaluator holds is) is an integer iff its denominator is 1. */
#include "kern/exact.h"

int ic_q_sgn (mpq_srcptr q) { return mpq_sgn (q) < 0 ? -1 : mpq_sgn (q) > 0; }

int ic_q_is_int (mpq_srcptr q) { return mpz_cmp_ui (mpq_denref (q), 1) == 0; }

int ic_q_equal_si (mpq_srcptr q, long n) { return ic_q_is_int (q) && mpz_cmp_si (mpq_numref (q), n) == 0; }

int ic_q_get_si (long *k, mpq_srcptr q)
{
  if (!ic_q_is_int (q) || !mpz_fits_slong_p (mpq_numref (q))) return 0;
  *k = mpz_get_si (mpq_numref (q));
  return 1;
}
