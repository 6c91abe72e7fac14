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

/* Scaled table for Euler–Maclaurin at a precision per entry, k = 1..n:
 *   em[k-1]    encloses B_2k/(2k)! / dd^(k-1)  (dd >= 1), rounded to
 *              em[k-1]'s precision, which the caller sets: the relative
 *              precision wanted for that entry (fewer bits for larger k
 *              make the table much cheaper);
 *   em64[k-1]  encloses B_2k/(2k)! unscaled (may be NULL), at its own
 *              precision (64 bits in em.c).
 * Small k from the exact tangent numbers; larger k (chosen by a cost
 * heuristic) from Euler's formula B_2k/(2k)! = (-1)^(k+1) 2 zeta(2k) /
 * (2 pi)^2k with zeta(2k) by a power sum over odd integers in fixed-point
 * arithmetic and a proved tail bound (argument in bernoulli.c).  Every
 * endpoint is rounded outward; the heuristics choose only sizes.
 * guard: bits of the fixed-point power sum beyond each entry's precision
 * (em.c: 32; a negative guard makes the sum's own error bounds visible
 * after rounding, which the unit test uses). */
int ic_bernoulli_em_scaled (ic_ival_struct *em, ic_ival_struct *em64, long n, const mpz_t dd,
                            long guard);

/* Heuristic: the first index ic_bernoulli_em_scaled takes from Euler's
 * formula for these precisions (n + 1: none). */
long ic_bernoulli_em_switch (const ic_ival_struct *em, long n);

/* t encloses L^-2k (1 + L/(2(2k-1))) (L odd >= 3, k >= 1), which bounds
 * the sum over odd j >= L of j^-2k (bound [T] in bernoulli.c): t.hi is
 * an upper bound of that sum, at t's precision. */
void ic_bernoulli_oddpow_tail (ic_ival_ptr t, unsigned long L, unsigned long k);

#endif
