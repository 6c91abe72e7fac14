/* ratexp.h — certified tails of rational-function terms by their expansion
 * in powers of 1/n ("rational-expansion").
 *
 *   Sums:     f(n) = P(n)/Q(n), deg Q - deg P = j0 >= 2.  For n >= M,
 *             f(n) = sum_{j>=j0} a_j n^-j with a_j exact rationals
 *             (power-series division in t = 1/n), so
 *               sum_{n>=M} f(n) = sum_{j=j0}^{J} a_j zeta(j, M) + E_J.
 *   Products: p(n) = P(n)/Q(n) -> 1 with u = p - 1 = O(n^-2):
 *             log p(n) = sum_{j>=2} b_j n^-j (b_j exact, from the series of
 *             log P(1/t)/P_0 - log Q(1/t)/Q_0), tail of log p likewise.
 * The remainder E_J is bounded by a Cauchy estimate |a_j| <= C rho^j proved
 * on a circle |t| = 1/rho (triangle-inequality lower bound on |Q|) and
 * zeta(j, M) <= M^-j (1 + M/(j-1)); each zeta(j, M) (integer j >= 2) by
 * Euler–Maclaurin with the first omitted term as error bound.  The terms
 * N <= n < M are summed (multiplied) directly in intervals.  Theorems,
 * hypotheses and the error analysis: the header comment of ratexp.c.
 */
#ifndef IC_RATEXP_H
#define IC_RATEXP_H
#include <stddef.h>
#include "ival.h"
#include "term.h"

/* Encloses T = sum_{n>=N} f(n) (prod = 0) or T = sum_{n>=N} log f(n)
 * (prod = 1, f(n) -> 1), same contract as ic_em_tail (em.h).
 *   Input:  f the term (for prod = 1 the factor, not its log), N >= 1
 *           (N = 0 is treated as 1), digits: absolute target 10^-digits
 *           for T; prec: the working precision in bits (raised internally
 *           when 10^-digits needs more).
 *   Output: out encloses T (returns 1); method (if non-NULL, mlen > 0)
 *           = "rational-expansion"; detail (if non-NULL) says how (M, J,
 *           rho, precision) or, when returning 0, why not.
 *   Returns 0 when not applicable: f not a rational function of n (exact
 *           normalisation by ratfun.h), deg Q - deg P < 2 (sum) or
 *           p - 1 not O(n^-2) (product), a pole or (product) a factor
 *           <= 0 at some n >= N, or resource limits (out untouched).
 *   Never returns 1 with an interval that is not proved to contain T.
 *   Thread-safe (no global state). */
int ic_ratexp_tail (ic_ival_ptr out, const ic_node *f, int prod, unsigned long N,
                    long digits, mpfr_prec_t prec, char *method, size_t mlen,
                    char *detail, size_t dlen);

#endif
