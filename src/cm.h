/* cm.h — structural certificates of complete monotonicity.
 *
 * A function f is completely monotone (CM) on [N, inf) if it is C^inf there
 * and (-1)^k f^(k)(x) >= 0 for all k >= 0 and x >= N.  The certificate is
 * derived from the expression tree alone (plus interval evaluation of the
 * tree at x = N and at x -> inf), by the closure rules listed in cm.c, each
 * a classical theorem (Widder, "The Laplace Transform", ch. IV; Schilling,
 * Song & Vondracek, "Bernstein Functions", 2nd ed., ch. 1 and 3).
 *
 * The answer is three-valued as everywhere in infcert: 1 = certainly CM,
 * 0 = not known (never "certainly not CM").
 */
#ifndef IC_CM_H
#define IC_CM_H
#include "ival.h"
#include "term.h"

/* 1 if f (sign = +1) or -f (sign = -1) is certified completely monotone on
 * [N, inf); *sign is set on success.  0 = not known.  N >= 1. */
int ic_cm_certify (const ic_node *f, unsigned long N, int *sign);

/* The classes the analysis computes for a node on x in [N, inf):
 *   d   : f' is CM (so f is non-decreasing)   ("Bernstein up to a constant")
 *   nd  : -f' is CM (so f is non-increasing)
 *   v0  : encloses f(N)
 *   vinf: encloses lim_{x->inf} f(x) (endpoints may be infinite; the whole
 *         line when unknown).
 * f is CM iff nd and lim f >= 0; f is a Bernstein function iff d and
 * f(N) >= 0.  Exposed for tests. */
typedef struct { int d, nd; ic_ival_t v0, vinf; } ic_cm_class;
void ic_cm_class_init (ic_cm_class *c, mpfr_prec_t prec);
void ic_cm_class_clear (ic_cm_class *c);
void ic_cm_analyze (ic_cm_class *c, const ic_node *f, unsigned long N);
int ic_cm_class_is_cm (const ic_cm_class *c);    /* certainly CM        */
int ic_cm_class_is_ncm (const ic_cm_class *c);   /* -f certainly CM     */

#endif
