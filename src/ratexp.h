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
 * Remainder: exact long division gives f(1/t) = sum_{j<=J} a_j t^j
 * + t^(J+1) r(t)/Den(t) with r a polynomial (products: the same for h' =
 * (log p(1/t))', then integrated), so |E(n)| <= B n^-(J+1) with
 * B = sum |r_i| M^-i / (|Den_0| - sum_{i>=1} |Den_i| M^-i) for n >= M
 * (triangle inequality on [0, 1/M]), and the tail of E is at most
 * B M^-(J+1) (1 + M/J) (divided by J+1 for products).  Each zeta(j, M)
 * (integer j >= 2) by Euler–Maclaurin with the first omitted term as
 * error bound (x^-j completely monotone).  The terms N <= n < M are summed
 * (multiplied) directly in intervals.  Theorems, hypotheses and the error
 * analysis: the header comment of ratexp.c.
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
