/* poles.h — undefined points of a term at large n, found exactly.
 *
 * A subterm 1/d or d^k (k < 0) is undefined where d = 0, and log(d) where
 * d <= 0.  When d is a rational function of n (ratfun.h), d = P/Q, its
 * integer zeros are integer roots of P (where Q(n) = 0 the subterm d
 * itself is undefined).  The integer roots of P are divisors of its
 * constant coefficient (after clearing denominators and factors n), so
 * they are found exactly by trial division; each candidate is checked by
 * exact evaluation of P.  A root found is a point where the term is
 * undefined (check_defined would find it by evaluation, but only up to
 * the analysis start, a few hundred thousand at most); a root missed
 * (a constant coefficient with large prime factors) only leaves the
 * analysis as it was. */
#ifndef IC_POLES_H
#define IC_POLES_H
#include "term.h"

/* The smallest integer n >= from (n <= 2^62) found where a denominator,
 * the base of a negative power or the argument of a log in e is a rational
 * function of n equal to 0: returns 1 with *n and *why ("division by zero",
 * "0 raised to a negative power", "log of a non-positive number"), else 0. */
int ic_poles_find (const ic_node *e, unsigned long from, unsigned long *n, const char **why);

#endif
