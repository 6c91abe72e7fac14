/* lscale.h — certified expansions on the logarithmic scale, and the
 * Bertrand-scale comparison of a positive term.
 *
 * An *expansion* of a function f on [N, inf) is a finite sum
 *
 *     f(x) = sum_i c_i(x) m_i(x),   m_i = x^a (log x)^b (log log x)^c (log log log x)^d,
 *
 * with exact rational exponents, distinct monomials, and for every i an
 * interval C_i with c_i(x) in C_i for all real x >= N (N >= 16, so that
 * log x, log log x and log log log x are > 0).  A coefficient whose C_i is
 * one exact rational is a constant; a wide C_i is a remainder: |r(x)| <=
 * max|C_i| m_i(x).  Sums, products, inverses, rational powers, log and exp
 * (of an expansion that stays bounded) are computed with first-order
 * remainders (lscale.c states each inequality), so that exact cancellation
 * (log n - log n, (1+1/n)^(n^2) / e^n) is seen.
 *
 * The *log expansion* of a positive term a(n) is an expansion of log a(n),
 * built with log(xy) = log x + log y, log(x^y) = y log x, log(exp x) = x
 * (each argument proved positive by its own expansion).  The decision
 * compares log a(n) with the Bertrand scale
 *     B_k(n) = -(log n + log log n + ... + L_{k-1}(n)) - s L_k(n):
 * sum a(n) converges when log a <= B_k with s > 1 and diverges when
 * log a >= B_k with s <= 1, for all n >= N (Cauchy condensation / the
 * integral test on each level; L_1 = log n, L_2 = log log n, L_3 = log L_2).
 * The constants are checked in interval arithmetic at N, with each ratio
 * of monomials proved monotone on [N, inf) from the sign of its log
 * derivative.  Part of the trusted base (tested, not machine-proved). */
#ifndef IC_LSCALE_H
#define IC_LSCALE_H
#include "term.h"
#include "asym.h"

typedef struct {
  int verdict;        /* IC_V_CONVERGES, IC_V_DIVERGES or IC_V_UNKNOWN        */
  int sign;           /* the sign of a(n) for n >= N (+1 or -1)               */
  int level;          /* Bertrand level k of the comparison                   */
  int decays;         /* 1: a(n) -> 0 (log a -> -inf) certified               */
  unsigned long N;
  double s;           /* the exponent s of L_k in the comparison (rounded so
                         that the stated inequality holds: down for > 1 when
                         converging, up for <= 1 when diverging)            */
  double lower;       /* not decaying: |a(n)| >= lower > 0 for n >= N        */
  double logc;        /* the comparisons hold up to the factor e^logc
                         (<= for convergence, >= e^-logc for divergence) */
  /* majorant for the tail: |a(n)| <= n^-ma (log n)^-mb for n >= N */
  int majorant;
  mpq_t ma, mb;
  char expansion[400];/* log |a(n)| = ..., the leading terms and remainder   */
  char why[200];
} ic_lscale_result;

void ic_lscale_result_init (ic_lscale_result *r);
void ic_lscale_result_clear (ic_lscale_result *r);

/* Decides sum e(n) on [N, inf) by the log expansion of |e| (e of one sign
 * for n >= N, proved by the expansion).  Returns the verdict (also in r). */
int ic_lscale_sum (ic_lscale_result *r, const ic_node *e, unsigned long N, mpfr_prec_t prec);

/* The verdict facts of a decided comparison r (of |a| itself, or of h for
 * a(n) = (-1)^n h(n) when alt): SUMMABLE when it converges, else DECAYS
 * (a -> 0) or NOT_DECAYING (|a| >= r->lower > 0), with r's sign;
 * `decreasing` is left 0 (the caller proves it). */
void ic_lscale_facts (ic_seq_facts *sf, const ic_lscale_result *r, int alt);

/* The sign of e(x) for every x >= N (+1 or -1) from its expansion
 * e = c0 m0 (1 + u), |u| < 1; 0 when not certain. */
int ic_lscale_sign (const ic_node *e, unsigned long N, mpfr_prec_t prec);

#endif
