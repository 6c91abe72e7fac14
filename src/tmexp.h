/* tmexp.h — certified tails of terms with a Taylor model at infinity, by
 * their expansion in powers of 1/n ("taylor-expansion").
 *
 * A Taylor model of f on [M, inf) (tmodel.h) is
 *     f(x) = x^a (c_0 + c_1 x^-1 + ... + c_d x^-d + R(x)),
 *     |R(x)| <= r x^-(d+1)          for every real x >= M,
 * with a, c_i exact rationals, c_0 != 0 after removing exact zero leading
 * coefficients, and r an upper bound.  For a < -1 every series below
 * converges absolutely, so
 *     sum_{n>=M} f(n) = sum_{i=0}^{d} c_i zeta(i - a, M) + E,
 *     |E| <= r zeta(d + 1 - a, M).
 * Each zeta value, zeta(i - a, M) = sum_{n>=M} n^-(i-a) and the remainder's, is enclosed by
 * ic_em_tail ("zeta-power": Euler–Maclaurin for the completely monotone
 * x^-s, remainder by the proved ic_em_remainder).  This is the rational
 * expansion of ratexp.h for every term the Taylor models reach: exp(-1/n)/n^2,
 * log(1 + 1/n) - 1/n, 1 - cos(1/n), sqrt(n+1) - sqrt(n) - 1/(2 sqrt(n)), ...
 * whose envelope tails give few digits.
 */
#ifndef IC_TMEXP_H
#define IC_TMEXP_H
#include <stddef.h>
#include "ival.h"
#include "term.h"

/* Encloses T = sum_{n>=M} f(n) in out (returns 1), by the expansion above
 * from the cut M (>= 16; the caller sums the terms before M).
 *   digits: absolute target 10^-digits for T (heuristic sizes only);
 *   prec: working precision in bits.
 *   method (mlen > 0) = "taylor-expansion"; detail says how (order,
 *   leading exponent, remainder bound) or, when returning 0, why not.
 * Returns 0 (out untouched) when f has no Taylor model on [M, inf), its
 * leading exponent is not below -1, or a zeta value cannot be enclosed.
 * Sums only.  Never returns 1 with an interval not proved to contain T. */
int ic_tmexp_tail (ic_ival_ptr out, const ic_node *f, unsigned long M, long digits,
                   mpfr_prec_t prec, char *method, size_t mlen, char *detail, size_t dlen);

#endif
