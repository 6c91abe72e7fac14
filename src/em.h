/* em.h — certified tails sum_{n>=N} f(n) by Euler–Maclaurin summation and
 * by zeta expansions.
 *
 * Methods (ic_em_tail picks one; info->method names it):
 *   "zeta-power"      f = sum of c_i x^-s_i (s_i > 1): each Hurwitz zeta
 *                     zeta(s, M) by Euler–Maclaurin with the exact
 *                     derivatives of x^-s (x^-s is completely monotone).
 *   "zeta-expansion"  product terms 1 + c x^-p (p > 1, prod = 1):
 *                     log(1 + c x^-p) = -sum_k (-c)^k/k x^-pk, so the tail is
 *                     -sum_k (-c)^k/k zeta(pk, M), truncated with a proved
 *                     geometric bound, each zeta(pk, M) as above.
 *   "euler-maclaurin" any f with a certified complete-monotonicity
 *                     certificate (cm.h) and a closed-form integral
 *                     (integral.h); derivatives by interval Taylor
 *                     arithmetic (taylor.h).
 * In every method the terms N <= n < M are summed directly (M >= N chosen
 * by a heuristic; that choice never affects soundness) and the remainder
 * bound is composed by the kernel ic_em_remainder (kern/em_kern.h).
 */
#ifndef IC_EM_H
#define IC_EM_H
#include "ival.h"
#include "term.h"

typedef struct {
  char method[48];          /* "zeta-power", "zeta-expansion", "euler-maclaurin" */
  long m;                   /* number of Bernoulli correction terms (max over zetas) */
  unsigned long n_wanted;   /* >0: a larger N would be needed (when returning 0) */
  char detail[256];         /* M, series length, precision, remainder bound */
} ic_em_info;

/* Encloses T = sum_{n>=N} f(n) (prod = 0) or T = sum_{n>=N} log f(n)
 * (prod = 1, f(n) -> 1).
 *   Input:  f the term (for prod = 1 the factor, not its log), N >= 1,
 *           digits: the target is an absolute error of about 10^-digits
 *           for T (the caller folds in the scale of the final result),
 *           prec: the working precision in bits (raised internally when
 *           10^-digits needs more).
 *   Output: out encloses T (returns 1), info says how.
 *   Returns 0 when no method certifies the term (out untouched, info->detail
 *   says why; info->n_wanted > 0 if a larger N would help).
 *   Never returns 1 with an interval that is not proved to contain T. */
int ic_em_tail (ic_ival_ptr out, const ic_node *f, int prod, unsigned long N,
                long digits, mpfr_prec_t prec, ic_em_info *info);

/* Heuristic (never used for a bound): a good first index N for the
 * caller's direct partial sum.  The tail methods sum the terms between N
 * and their own cut-off directly and fast (multiplicative sieve for powers),
 * so this is small (10..200). */
/* 1 if d^k/dx^k [x^a (log x)^b] (a < 0, integer 1 <= b <= 64) is proved to
 * have one sign on [M, inf) by the exact polynomial certificate described
 * in em.c (0: not proved). */
int ic_em_powerlog_sign_ok (const mpq_t a, long b, long k, unsigned long M);

unsigned long ic_em_suggest_N (const ic_node *f, int prod, long digits);

/* Complete monotonicity (see cm.h); declared here too for the driver. */
int ic_cm_certify (const ic_node *f, unsigned long N, int *sign);

#endif
