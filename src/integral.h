/* integral.h — closed forms for int_M^inf f(x) dx and the monomial form
 * f = sum_i c_i x^a_i (log x)^b_i that em.c and the integrals share.
 *
 * Recognised families (on [M, inf), M >= 2 when some b_i != 0):
 *   c x^a,              a < -1:   int = c M^(a+1) / (-(a+1))
 *   c x^-1 (log x)^b,   b < -1:   int = c (log M)^(b+1) / (-(b+1))
 * and finite sums of these.  Everything else returns 0 ("no closed form").
 * (Products 1 + c x^-p are handled by the zeta expansion in em.c, which
 * needs no integral.)
 */
#ifndef IC_INTEGRAL_H
#define IC_INTEGRAL_H
#include "ival.h"
#include "term.h"

#define IC_MONO_MAX 16

typedef struct {
  ic_ival_t c;    /* coefficient (constant interval)   */
  mpq_t a, b;     /* exact exponents of x and of log x */
} ic_mono;

typedef struct {
  int n;
  ic_mono m[IC_MONO_MAX];
} ic_monos;

/* Decomposes f as a sum of at most IC_MONO_MAX monomials, valid as an
 * identity of functions on x > 1 (all bases x, log x positive there).
 * Like terms (equal a, b) are merged.  Returns 1 on success (ms must then
 * be cleared with ic_monos_clear), 0 if f is not of that form. */
int ic_monos_of (ic_monos *ms, const ic_node *f, mpfr_prec_t prec);
/* For ms = 1 + u (two monomials, one exactly the constant 1, in either
 * order): the monomial u; NULL otherwise. */
const ic_mono *ic_monos_one_plus (const ic_monos *ms);
void ic_monos_clear (ic_monos *ms);

/* Encloses int_M^inf f(x) dx for f a sum of the recognised families.
 * Returns 1 and sets out, or 0 (out untouched) when not recognised or the
 * integral diverges.  M >= 2. */
int ic_integral_tail (ic_ival_ptr out, const ic_node *f, unsigned long M,
                      mpfr_prec_t prec);
/* The same from a real start point x0 (an interval with x0 >= 2), and
 * also for f = log(1 + a x^-p), p > 1, |a| x0^-p <= 1/2 (the series of
 * log(1 + u) integrated term by term, truncation bounded). */
int ic_integral_tail_at (ic_ival_ptr out, const ic_node *f, ic_ival_srcptr x0, mpfr_prec_t prec);
int ic_integral_tail_monos_at (ic_ival_ptr out, const ic_monos *ms, ic_ival_srcptr x0,
                               mpfr_prec_t prec);
int ic_integral_tail_monos (ic_ival_ptr out, const ic_monos *ms, unsigned long M,
                            mpfr_prec_t prec);

/* Encloses int_M^inf x^a (log x)^b dx for exact a < -1, b >= 0, M >= 2:
 * s^-(b+1) Gamma(b+1, s log M), s = -1 - a (a finite sum for integer b).
 * Returns 1 and sets out, or 0 (out untouched). */
int ic_integral_powerlog_at (ic_ival_ptr out, const mpq_t a, const mpq_t b, ic_ival_srcptr x0,
                             mpfr_prec_t prec);
int ic_integral_powerlog (ic_ival_ptr out, const mpq_t a, const mpq_t b, unsigned long M,
                          mpfr_prec_t prec);

/* Encloses sum_{n>N} n^a (log n)^b for exact a < -1, b > 0, N >= 2, by the
 * integral test for a unimodal function (the terms rise up to
 * x* = exp(b/(-a)), then fall): [I - f*, I + 2 f*] with I = int_N^inf and
 * f* >= max of the terms; intersected, once the terms are certainly convex
 * beyond N, with the trapezoidal rule and its Euler-Maclaurin remainder
 * (width about |f'(N+1)|/6).  Valid for every N >= 2, where the kernel
 * ic_tail_powerlog (kern/tail.h) needs b / log N < -1 - a; tighter than the
 * kernel's bound wherever both apply.  Returns 1 and sets out, or 0. */
int ic_integral_test_powerlog (ic_ival_ptr out, const mpq_t a, const mpq_t b, unsigned long N,
                               mpfr_prec_t prec);

#endif
