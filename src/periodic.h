/* periodic.h — sums sum c(n) h(n) with c an exactly periodic sequence of
 * rational values and h completely monotone tending to 0.
 *
 * The match: the multiplicative spine of a(n) (through *, the numerator of
 * /, unary -) has periodic factors
 *   (-1)^E(n), E a polynomial in n with rational coefficients (degree <=
 *     6) taking integer values at every integer, with E(n + q) - E(n) even
 *     for every integer n: period q ((-1)^(n(n+1)/2): + - - + ..., q = 4);
 *     also in a denominator (its values are +-1);
 *   sin or cos of pi (r n + t) with rational r, t whose values over a
 *     period are all rational (Niven: 0, +-1/2, +-1; cos(pi n/3));
 * and the rest h (or -h) completely monotone on [N, inf) with limit 0
 * (cm.h).  c = the product of the factors: period q = the lcm of theirs,
 * values c_0..c_(q-1) exact.  Integer-valuedness and evenness of a
 * polynomial of degree d are exact: a polynomial of degree m takes integer
 * values at every integer iff it does at m + 1 consecutive integers.
 *
 * Verdict, with S = c_0 + ... + c_(q-1):
 *   S = 0: the partial sums of c are bounded and h decreases to 0:
 *     converges (Dirichlet's test);
 *   S != 0: a(n) = (S/q) h(n) + (c(n) - S/q) h(n), the second series
 *     converges by the case S = 0, so sum a converges iff sum h does.
 *
 * Tail, for c of mean zero: with C_0 = c and C_(k+1) the periodic
 * antidifference of C_k of mean zero (C_(k+1)(n) - C_(k+1)(n-1) = C_k(n)),
 * summation by parts K times gives
 *   sum_{n>=N} c(n) h(n) = sum_{k<K} (-1)^(k+1) C_(k+1)(N-1) Delta^k h(N)
 *                          + (-1)^K sum_{n>=N} C_K(n) Delta^K h(n),
 * (the boundary terms C(M) Delta^k h(M+1) tend to 0), and as Delta^K h is
 * of one sign and |Delta^K h| decreases to 0 (h CM), Abel's inequality
 * bounds the last sum by 2 max|C_(K+1)| |Delta^K h(N)|.  For S != 0 the
 * mean part (S/q) sum_{n>=N} h(n) is added, its tail from em.h or
 * ratexp.h.  The C_k are exact rationals; the differences are taken in
 * interval arithmetic at a precision raised by their cancellation.
 */
#ifndef IC_PERIODIC_H
#define IC_PERIODIC_H
#include "term.h"
#include "ival.h"

#define IC_PERIODIC_MAXQ 720

typedef struct {
  unsigned long q;      /* the period                                      */
  mpq_t *c;             /* c[j] = c(n) for n = j mod q, exact, j < q       */
  mpq_t S;              /* c[0] + ... + c[q-1]                             */
  ic_node *h;           /* the rest, CM on [N, inf) with limit 0           */
  unsigned long N;
  char text[200];       /* the periodic factors as text                    */
} ic_periodic;

/* 1 when e matches (see above) with at least one periodic factor whose
 * exponent or argument is not affine in n with a plain (-1)^(n+k) (those
 * have their own rules), h CM on [N, inf) (N >= 1) with limit 0; P must
 * then be cleared with ic_periodic_clear.  0 otherwise (P untouched). */
int ic_periodic_match (ic_periodic *P, const ic_node *e, unsigned long N);
void ic_periodic_clear (ic_periodic *P);

/* Encloses sum_{n >= N} a(n) (N >= P->N) in tail, aiming at an absolute
 * error below 10^-digits; method names the tail of the mean part when S
 * != 0.  Returns 1 on success, 0 when h could not be evaluated or (S != 0)
 * the tail of h was not enclosed. */
int ic_periodic_tail (ic_ival_ptr tail, const ic_periodic *P, unsigned long N, long digits,
                      mpfr_prec_t wp, char *method, size_t mlen);

/* A new tree equal to e at every integer n: each (-1)^E(n) (E an
 * integer-valued polynomial, not a plain (-1)^(n+k)) whose period divides
 * 4 (every quadratic E) replaced by its discrete Fourier expansion a0 +
 * a1 cos(pi n/2) + b1 sin(pi n/2) + a2 (-1)^n with exact rational
 * coefficients, so that products with other oscillating factors become
 * sums of Dirichlet terms ((-1)^(n(n+1)/2) sin(n)/n).  NULL when there is
 * no such factor. */
ic_node *ic_periodic_sign_to_trig (const ic_node *e);

#endif
