/* dirichlet.h — oscillating sums sum (-1)^n sin(s n + t) h(n) (or cos):
 * Dirichlet's test for the verdict and repeated summation by parts for the
 * tail.
 *
 * The match: a(n) = sigma (-1)^(alt n) trig(s n + t) h(n) with s, t exact
 * rationals, s != 0, trig = sin or cos a factor of the product, and h (or
 * -h) completely monotone on [N, inf) with limit 0 (cm.h; so h decreases to
 * 0 and all its differences are monotone of alternating sign).
 *
 * The slope may be a rational multiple of pi plus a rational, s + spi pi
 * (cos(pi n/2), sin(2 pi n/3 + 1)); w = e^{i(s + spi pi)} (-1)^alt = 1 only
 * when s = 0 and spi + alt is an even integer (exact test on rationals: a
 * nonzero rational s is never a rational multiple of pi, pi being
 * irrational), and such terms are not matched.
 *
 * Verdict (Dirichlet's test): with w = e^{is} (times -1 when alternating),
 * w != 1 because s is a nonzero rational (pi is irrational), the partial
 * sums of Re/Im(e^{it} w^n) are bounded by 2/|1 - w|, and h decreases to
 * 0: the sum converges.
 *
 * Tail: T = sum_{n>=N} w^n h(n) satisfies T = [w^N h(N) + sum_{n>N} w^n
 * (h(n) - h(n-1))] / (1 - w) (subtract w T); k repetitions give
 *   T = sum_{j<k} w^(N+j) Delta^j h(N) / (1-w)^(j+1)
 *       + (1-w)^-k sum_{n>=N+k} w^n nabla^k h(n),
 * and Abel's inequality bounds the last sum by 2 |nabla^k h(N+k)| / |1-w|
 * (nabla^k h is of one sign and monotone to 0, h being CM); nabla^k h(N+k)
 * = Delta^k h(N).  The tail of a(n) is sigma Im/Re(e^{it} T).  All in
 * outward-rounded interval arithmetic; the differences are taken at a
 * precision raised by the cancellation they cause.
 */
#ifndef IC_DIRICHLET_H
#define IC_DIRICHLET_H
#include "term.h"
#include "ival.h"

typedef struct {
  mpq_t s, t;         /* the argument (s + spi pi) n + (t + tpi pi) of the */
  mpq_t spi, tpi;     /* sine or cosine (spi = tpi = 0: rational angles)   */
  int is_cos;         /* 1: cos, 0: sin                                    */
  int alt;            /* 1: a factor (-1)^n                                */
  int sigma;          /* +1 or -1: (-1)^parity of the alternating factor,
                         times the sign of h (so that h itself is CM)      */
  ic_node *h;         /* the rest, CM on [N, inf) with limit 0             */
  unsigned long N;    /* CM from here on                                   */
  char trig[160];     /* the oscillating factor as text, for certificates  */
  char why_w[160];    /* why w = e^(i slope) (-1)^alt != 1, as text          */
} ic_dirichlet;

/* 1 when e matches (see above) with h CM on [N, inf) for the N given
 * (N >= 1); d must be cleared with ic_dirichlet_clear then.  0 otherwise
 * (d untouched). */
int ic_dirichlet_match (ic_dirichlet *d, const ic_node *e, unsigned long N);
void ic_dirichlet_clear (ic_dirichlet *d);

/* An upper bound of the partial sums |sum_{n=M}^{M'} (-1)^(alt n)
 * trig(s n + t)|: 2 / |1 - w| (rounded up), or +inf if 1 - w could not be
 * separated from 0. */
void ic_dirichlet_partial_bound (mpfr_ptr b, const ic_dirichlet *d);

/* Encloses sum_{n >= N} a(n) in tail for an N >= d->N, aiming at an
 * absolute error below 10^-digits; *k_used = the summations by parts.
 * Returns 1 on success (an enclosure, possibly wider than aimed), 0 when
 * h could not be evaluated or 1 - w not separated from 0. */
int ic_dirichlet_tail (ic_ival_ptr tail, const ic_dirichlet *d, unsigned long N, long digits,
                       mpfr_prec_t wp, long *k_used);

/* Term test for oscillating factors.  If e = f(x_n) * h(n) with f = trig,
 * |trig|, trig^k (integer k >= 1), |trig|^p (rational p > 0) or
 * sqrt(|trig|) (trig = sin or cos; the one such factor of the
 * multiplicative spine of e, through *, the numerator of / and unary -),
 * with x_n = (s + spi pi) n + (t + tpi pi) exactly, sets c > 0 (rounded
 * down) such that for every n
 *     max(|f(x_n)|, |f(x_(n+1))|) >= c
 * (c = c1^p from the bound c1 for |trig| below, as |trig| <= 1),
 * *h = a new tree, e with the factor f replaced by 1, and why = the
 * argument; returns 1.  Proof: with d = dist(slope, pi Z) > 0 (certified
 * in interval arithmetic), |sin y| < sin(d/2) (d/2 <= pi/4) forces
 * dist(y, pi Z) < d/2, and two such y at distance slope would put the
 * slope within d of pi Z; cos y = sin(y + pi/2).  When the slope is
 * exactly k pi, |trig(x_n)| = |trig(t + tpi pi)| for every n and c is its
 * lower bound.  Returns 0 (nothing set) when no such c was certified.
 * So when |h(n)| >= m > 0 for n >= X, |a(n)| >= c m for infinitely many
 * n: the terms do not tend to 0. */
int ic_dirichlet_trig_limsup_lower (mpfr_ptr c, ic_node **h, char *why, size_t whylen, const ic_node *e);

#endif
