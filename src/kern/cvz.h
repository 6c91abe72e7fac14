/* cvz.h — the final composition of the Cohen–Villegas–Zagier acceleration
 * of an alternating series (verified kernel; logic in specs/cvz.acsl).
 *
 * For S = sum_{k>=0} (-1)^k a_k with +-a_k the moments of a positive measure
 * on [0, 1) (e.g. a_k = h(N + k), h or -h completely monotone), Algorithm 1
 * of Cohen, Rodriguez Villegas, Zagier (Experiment. Math. 9 (2000)) with m
 * terms gives the weighted sum W = sum_{k<m} c_{m,k} a_k and
 * D = d_m = ((3 + sqrt 8)^m + (3 + sqrt 8)^-m) / 2, and
 *   |S - W / D| <= 2 |a_0| / D      (Proposition 1, with margin).
 */
#ifndef IC_CVZ_H
#define IC_CVZ_H
#include "ival.h"

/* out = W/D + [-e, e], e >= 2 |a_0| / D, rounded outward, where s encloses
 * W, d encloses D and a0 encloses a_0.
 *   Input:  s, d, a0 finite intervals; d.lo > 0 and d.hi > 0 (checked).
 *   Output: an enclosure of S under the hypothesis above (the caller's
 *           obligation); the quotient W/D is bounded exactly as
 *           ic_ival_div (s, d) would, and e as 2 mag(a0) / d.lo.
 *   Returns IC_IVAL_OK, or IC_IVAL_EDOM (out = whole line) if a check fails.
 * out may alias s, d or a0. */
int ic_tail_cvz (ic_ival_ptr out, ic_ival_srcptr s, ic_ival_srcptr d, ic_ival_srcptr a0);

#endif
