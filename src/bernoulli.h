/* bernoulli.h — exact Bernoulli numbers (GMP) and their interval images.
 *
 * B_2k are computed exactly from the tangent numbers T_k (Brent & Harvey,
 * "Fast computation of Bernoulli, tangent and secant numbers", 2013,
 * Algorithm TangentNumbers — integer additions and small multiplications
 * only), using
 *     B_2k = (-1)^(k-1) 2k T_k / (2^2k (2^2k - 1))            (k >= 1).
 */
#ifndef IC_BERNOULLI_H
#define IC_BERNOULLI_H
#include <gmp.h>
#include "ival.h"

/* All three return 1, or 0 when the run's deadline passed first
 * (cancel.h): the outputs are then meaningless and must not be used. */

/* out[k-1] = B_2k exactly (canonical), k = 1..n.  out[] initialised. */
int ic_bernoulli_b2k (mpq_t *out, long n);

/* Tangent numbers T_1..T_n: t[k-1] = T_k (initialised mpz). */
int ic_bernoulli_tangent (mpz_t *t, long n);

/* Interval tables for Euler–Maclaurin, k = 1..n (index k-1):
 *   em[k-1]  encloses B_2k / (2k)!      (may be NULL: not computed)
 *   tay[k-1] encloses B_2k / (2k)       (may be NULL)
 * Each endpoint is the exact rational rounded outward (two directed
 * roundings of positive quantities: numerator to MPFR, then division by
 * the integer denominator, both in the outward direction).  Arrays of n
 * initialised intervals; their precision is used. */
int ic_bernoulli_ivals (ic_ival_struct *em, ic_ival_struct *tay, long n);

#endif
