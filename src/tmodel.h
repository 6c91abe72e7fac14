/* tmodel.h — certified Taylor models of terms at n = infinity.
 *
 * A Taylor model of a term f on [X, inf) is a statement
 *
 *     f(x) = x^a ( c_0 + c_1 t + ... + c_d t^d + R(x) ),   t = 1/x,
 *     |R(x)| <= r t^(d+1)                 for every real x >= X,
 *
 * with a and the c_i exact rationals and r an upper bound computed in
 * upward rounding.  Because the coefficients are exact, cancellation is
 * exact: sqrt(n+1) - sqrt(n), 1/n - log(1 + 1/n), n sin(1/n) - 1 and
 * exp(1/n) - 1 - 1/n lose their leading terms and keep an exact leading
 * coefficient, which the envelope rules (asym.c) cannot see.  A model also
 * proves that f is defined on [X, inf) (every division, log, root and
 * non-integer power is applied to a model bounded away from 0).
 *
 * The algebra and each remainder bound are argued at the top of tmodel.c;
 * proofs/asymptotics.md has the long form.  The module is part of the
 * trusted base (tested, not machine-proved); its shape (plain structs of
 * GMP rationals and MPFR bounds, no global state) is meant for WP.
 */
#ifndef IC_TMODEL_H
#define IC_TMODEL_H
#include "term.h"
#include "ival.h"

#define IC_TM_MAXD 24

typedef struct {
  mpq_t a;                      /* scale exponent of x                */
  int d;                        /* order: coefficients c[0..d]        */
  mpq_t c[IC_TM_MAXD + 1];
  mpfr_t r;                     /* |R| <= r t^(d+1), r >= 0 (upper)   */
} ic_tm;

void ic_tm_init (ic_tm *f, mpfr_prec_t prec);
void ic_tm_clear (ic_tm *f);

/* Model of e of order d (<= IC_TM_MAXD) on [X, inf), X >= 2.  Returns 1 on
 * success; 0 when some subterm has no model here (log n, pi, factorial,
 * (-1)^n, a non-rational constant, a non-integer power of a scale, an
 * argument not bounded away from a singularity for x >= X). */
int ic_tm_of (ic_tm *f, const ic_node *e, int d, unsigned long X);

/* Removes exact zero leading coefficients (each lowers a by 1 and the
 * order by 1).  Returns the index of the first non-zero coefficient in the
 * original numbering, or -1 if all of c[0..d] are 0. */
int ic_tm_normalize (ic_tm *f);

/* The model as an envelope on [X, inf): f(x) = x^alpha g(x) with g(x) in G,
 * G = c_0 +- (T |P|_1 + r T^(d+1)) after removing exact zero leading
 * coefficients (T = 1/X), or alpha = a - d - 1, G = [-r, r] when all
 * coefficients vanish.  Returns 1. */
int ic_tm_bracket (ic_ival_ptr G, mpq_t alpha, const ic_tm *f, unsigned long X);

#endif
