/* split.h — verdict of a sum a(n) + b(n) (or a(n) - b(n)) from the
 * verdicts of the two series (verified kernel).  Theorem used: the sum of
 * two convergent series converges; a convergent plus a divergent series
 * diverges (if the sum converged, the divergent one would be the
 * difference of two convergent series).  Nothing else is decided. */
#ifndef IC_SPLIT_H
#define IC_SPLIT_H
#include "verdict.h"

int ic_verdict_sum_split (int va, int vb);

#endif
