/* enclose.h — partial sums/products and the final enclosure (verified). */
#ifndef IC_ENCLOSE_H
#define IC_ENCLOSE_H
#include "ival.h"

/* s += t[0] + ... + t[k-1] (interval additions, left to right). */
void ic_accum_sum (ic_ival_ptr s, const ic_ival_struct *t, unsigned long k);
/* p *= t[0] * ... * t[k-1]. */
void ic_accum_prod (ic_ival_ptr p, const ic_ival_struct *t, unsigned long k);

/* Sum enclosure: out = partial + tail. */
void ic_enclose_sum (ic_ival_ptr out, ic_ival_srcptr partial, ic_ival_srcptr tail);
/* Product enclosure: out = partial * exp(logtail). */
void ic_enclose_prod (ic_ival_ptr out, ic_ival_srcptr partial, ic_ival_srcptr logtail);

/* Certified correct significant digits of any point of x as an
 * approximation of every other point: the largest d >= 0 with
 * hi - lo <= 10^(e - d + 1), where 10^e <= min(|lo|, |hi|), capped at
 * `cap`.  Returns 0 if x contains 0 or is not finite. */
long ic_enclose_digits (ic_ival_srcptr x, long cap);

/* Working precision (bits) for `digits` decimal digits plus `extra` guard
 * bits, capped at max_prec; never overflows. */
long ic_prec_for_digits (long digits, long extra, long max_prec);

#endif
