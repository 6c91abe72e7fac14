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

/* Verdict of prod s(n) h(n) with s(n) in {-1, 1} and s(n) = -1 for
 * infinitely many n (s = -1, or s = (-1)^(n+k)), from the verdict of
 * prod h.  Partial products P_N = S_N H_N with S_N = +-1 changing sign
 * infinitely often, |P_N| = |H_N|: if H_N -> L != 0, P_N has the two
 * accumulation points L and -L, so no limit; if H_N -> 0, P_N -> 0 (and
 * the zero factors are those of h).  "No finite limit" of H_N says nothing
 * (prod -1 = prod (-1)(-1)... has none, prod 1 has one), so it is unknown. */
int ic_verdict_prod_signflip (int vh);

#endif
