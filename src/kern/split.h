/* split.h — verdict of a sum a(n) + b(n) (or a(n) - b(n)) from the
 * verdicts of the two series (verified kernel).  Theorem used: the sum of
 * two convergent series converges; a convergent plus a divergent series
 * diverges (if the sum converged, the divergent one would be the
 * difference of two convergent series).  Nothing else is decided. */
#ifndef IC_SPLIT_H
#define IC_SPLIT_H
#include "verdict.h"

int ic_verdict_sum_split (int va, int vb);

/* Verdict of prod A(n) B(n) (quotient = 0) or prod A(n)/B(n) (quotient = 1)
 * from the verdicts of prod A and prod B (each with all factors defined).
 * Partial products multiply (divide), so: finite nonzero limits give a
 * finite nonzero limit; a limit 0 times a finite limit is 0; a zero factor
 * of A (or of B in a product) gives 0 (B's factors nonzero for a quotient);
 * no finite limit times a finite nonzero limit has no finite limit;
 * a finite nonzero limit over a limit 0 has no finite limit. */
int ic_verdict_prod_split (int va, int vb, int quotient);

#endif
