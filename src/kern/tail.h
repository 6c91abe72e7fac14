/* tail.h — tail-bound compositions (verified kernels).
 * All bounds are for real-analysis facts stated in specs/analysis.acsl; every
 * function checks the hypotheses it can check with certain interval
 * predicates and returns IC_IVAL_EDOM (result = whole line) when it cannot.
 * alpha, beta are enclosures of exact exponents (intervals of width 0 when
 * the exponent is a dyadic rational, e.g. -1). */
#ifndef IC_TAIL_H
#define IC_TAIL_H
#include "ival.h"

/* Encloses sum_{n > N} n^alpha (log n)^beta from the integral test:
 *   upper: int_N^inf x^alpha (log x)^beta dx   (needs the integrand to be
 *          non-increasing on [N, inf): alpha < 0 and alpha log N + beta <= 0)
 *   lower: int_{N+1}^inf ...  (or 0 when no closed form applies)
 * Cases: alpha < -1 (any beta, using x^-delta (log x)^beta decreasing for
 * beta > 0), or alpha = -1 and beta < -1.  N >= 2. */
int ic_tail_powerlog (ic_ival_ptr out, ic_ival_srcptr alpha, ic_ival_srcptr beta,
                      unsigned long N);

/* Geometric-type tail: if 0 <= a(n+1) <= rho a(n) for n > N and
 * 0 <= a(N+1) <= first, then sum_{n>N} a(n) lies in [0, first/(1-rho)].
 * Requires 0 <= rho < 1 (checked) and rho non-empty (a point in it; the
 * verified contract's precondition). */
int ic_tail_geometric (ic_ival_ptr out, ic_ival_srcptr first, ic_ival_srcptr rho);

/* Leibniz: for a(n) = s (-1)^n h(n) with h non-increasing, -> 0, h >= 0 for
 * n > N: sum_{n>N} a(n) lies between 0 and a(N+1).  `next` encloses a(N+1). */
void ic_tail_leibniz (ic_ival_ptr out, ic_ival_srcptr next);

/* Scales a tail of an envelope: out = g * t where g encloses the ratio
 * a(n)/F(n) for all n > N and t encloses sum_{n>N} F(n) (F >= 0):
 * sum a(n) lies in [min(g.lo,0)... ] -- precisely [g.lo * t.hi or g.lo * t.lo,
 * g.hi * t.hi or g.hi * t.lo], computed as the interval product hull with 0
 * where appropriate. */
void ic_tail_scale (ic_ival_ptr out, ic_ival_srcptr g, ic_ival_srcptr t);

/* Product tails: with S1 enclosing sum_{n>N} u(n), S2 an upper bound of
 * sum_{n>N} u(n)^2 (S2.hi used), and m <= min(0, inf u(n)) with m > -1:
 * sum_{n>N} log(1 + u(n)) lies in [S1.lo - S2.hi / (2 (1 + m)), S1.hi].
 * Uses log(1+u) <= u and log(1+u) >= u - u^2 / (2 (1 + min(u, 0))). */
int ic_tail_log1p (ic_ival_ptr out, ic_ival_srcptr s1, ic_ival_srcptr s2,
                   mpfr_srcptr m);

#endif
