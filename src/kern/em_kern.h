/* em_kern.h — bound compositions for Euler–Maclaurin tails (small pure-C
 * kernels over the interval layer, written to be verified like tail.h).
 *
 * Facts used (to be stated in specs/ as lemmas):
 *  [EM]  (DLMF 2.10.1-2.10.2, with a = N, n -> inf) for f in C^(2m+2)[N, inf)
 *        with f, f^(2j-1) -> 0 at inf and sum/integral convergent:
 *          sum_{n>=N} f(n) = int_N^inf f + f(N)/2
 *                            - sum_{j=1}^{m} B_2j/(2j)! f^(2j-1)(N) + R,
 *          R = int_N^inf (B_(2m+2) - Bt_(2m+2)(x)) / (2m+2)! f^(2m+2)(x) dx,
 *        Bt the periodic Bernoulli function.
 *  [B]   |B_2k(x)| <= |B_2k| on [0, 1]  (DLMF 24.9.1), so the kernel
 *        B_(2m+2) - Bt_(2m+2)(x) has the sign of B_(2m+2) (or vanishes) and
 *        modulus <= 2 |B_(2m+2)|.
 *  Hence if f^(2m+2) has constant sign on [N, inf) and f^(2m+1) -> 0:
 *        R = theta * 2 * t_(m+1),  theta in [0, 1],
 *        t_(m+1) = -B_(2m+2)/(2m+2)! f^(2m+1)(N)  (the first omitted term),
 *  since int_N^inf f^(2m+2) = -f^(2m+1)(N).
 *  [Z]   zeta(s, M) <= M^-s (1 + M/(s-1)) for s > 1, M >= 1 (first term
 *        plus the integral test).
 */
#ifndef IC_EM_KERN_H
#define IC_EM_KERN_H
#include "ival.h"

/* Euler–Maclaurin remainder after m correction terms.
 *   Input:  omitted encloses t_(m+1) = -B_(2m+2)/(2m+2)! f^(2m+1)(N);
 *           hyp_const_sign = 1 asserts "f^(2m+2) has constant sign on
 *           [N, inf) and f^(2m+1)(x) -> 0 as x -> inf" (e.g. f or -f CM).
 *   Output: out = hull(0, 2 * omitted), an enclosure of R by [EM], [B].
 *   Returns IC_IVAL_OK, or IC_IVAL_EDOM (out = whole line) without the
 *   hypothesis or when omitted is not finite. */
int ic_em_remainder (ic_ival_ptr out, ic_ival_srcptr omitted, int hyp_const_sign);

/* Tail of the logarithm series sum_{k>K} (-c)^k/k zeta(pk, M) in modulus:
 *   Input:  q encloses |c| M^-p with 0 <= q < 1 (checked), p encloses the
 *           exponent with p (K+1) > 1 (checked), M >= 1, K >= 0.
 *   Output: out = [-r, r] with
 *           r >= (1 + M/(p(K+1) - 1)) / (K+1) * q^(K+1) / (1 - q),
 *           which bounds sum_{k>K} |c|^k/k zeta(pk, M) by [Z] and the
 *           geometric series.
 *   Returns IC_IVAL_OK or IC_IVAL_EDOM. */
int ic_em_logseries_tail (ic_ival_ptr out, ic_ival_srcptr q, ic_ival_srcptr p,
                          unsigned long M, unsigned long K);

#endif
