/* verdict.h — the verdict decision kernels (verified: see specs/verdict.acsl
 * and proofs/).  They turn certified facts about the terms, established by
 * the asymptotic analysis (src/asym.c) as small integers, into a verdict.
 * Each rule is one classical theorem (specs/analysis.acsl):
 *
 *   env = IC_ENV_SUMMABLE     : |a(n)| <= C F(n) for n >= N with sum F < inf
 *                               (F = n^-p (log n)^-q r^n (n!)^phi in the
 *                               summable region: ratio/root, p > 1, Bertrand)
 *   env = IC_ENV_DECAYS       : |a(n)| <= C F(n), F -> 0 but sum F = inf,
 *                               and if sign != 0: |a(n)| >= c F(n), c > 0
 *   env = IC_ENV_NOT_DECAYING : F does not tend to 0 (F >= 1 for n >= N);
 *                               if sign != 0: |a(n)| >= c > 0
 *   env = IC_ENV_NONE         : nothing known
 * sign: +1 / -1 if a(n) (for alternating terms: h(n)) has that sign for all
 * n >= N, 0 if not known.
 */
#ifndef IC_VERDICT_H
#define IC_VERDICT_H

enum { IC_ENV_NONE = 0, IC_ENV_SUMMABLE, IC_ENV_DECAYS, IC_ENV_NOT_DECAYING };

/* Facts about a sequence a(n), n >= N. */
typedef struct {
  int env;          /* IC_ENV_* of |h(n)| where a = (-1)^n h if alt, else h = a */
  int sign;         /* -1, 0, +1: certified sign of h(n) for all n >= N       */
  int alt;          /* 1: a(n) = +-(-1)^n h(n) exactly                        */
  int decreasing;   /* 1: |h(n)| is non-increasing for n >= N (certified)      */
} ic_seq_facts;

/* Verdict codes shared with infcert.h's ic_verdict. */
enum { IC_V_UNKNOWN = 0, IC_V_CONVERGES = 1, IC_V_DIVERGES = 2,
       IC_V_DIVERGES_TO_ZERO = 3, IC_V_ZERO_FACTOR = 4 };

/* Which theorem decided (for the certificate). */
enum { IC_RULE_NONE = 0, IC_RULE_COMPARISON, IC_RULE_LOWER_COMPARISON,
       IC_RULE_TERM_TEST, IC_RULE_LEIBNIZ, IC_RULE_PROD_ABS,
       IC_RULE_PROD_SQUARES, IC_RULE_PROD_TO_ZERO, IC_RULE_PROD_TO_INF,
       IC_RULE_PROD_FACTOR_SMALL, IC_RULE_PROD_FACTOR_LARGE,
       IC_RULE_ZERO_FACTOR };

/* Series sum a(n):
 *   SUMMABLE                                   -> CONVERGES (comparison)
 *   NOT_DECAYING and sign != 0                 -> DIVERGES  (term test)
 *   DECAYS, sign != 0, not alt                 -> DIVERGES  (lower comparison)
 *   DECAYS, sign != 0, alt, decreasing         -> CONVERGES (Leibniz)
 *   otherwise                                  -> UNKNOWN
 * *rule receives the IC_RULE_* used. */
int ic_verdict_sum (const ic_seq_facts *f, int *rule);

/* Facts for a product prod p(n), u(n) = p(n) - 1. */
typedef struct {
  int zero_factor;  /* 1: some p(n), N0 <= n, is exactly 0 and all factors are defined */
  ic_seq_facts u;   /* facts on u(n) = p(n) - 1 for n >= N                      */
  int u2_summable;  /* 1: sum u(n)^2 < inf certified                            */
  int p_small;      /* 1: |p(n)| <= c < 1 for all n >= N                         */
  int p_large;      /* 1: |p(n)| >= c > 1 for all n >= N                         */
  int nonzero;      /* 1: no factor p(n), n >= N0, is zero (certified)           */
} ic_prod_facts;

/* Product prod p(n):
 *   zero_factor                                           -> ZERO_FACTOR
 *   nonzero, u SUMMABLE                                   -> CONVERGES
 *   nonzero, u alt + Leibniz (DECAYS, sign!=0, decreasing), u2_summable
 *                                                          -> CONVERGES
 *   u DECAYS, sign = -1, not alt                          -> DIVERGES_TO_ZERO
 *   u DECAYS, sign = +1, not alt                          -> DIVERGES
 *   p_small                                               -> DIVERGES_TO_ZERO
 *   p_large                                               -> DIVERGES
 *   otherwise                                             -> UNKNOWN */
/* Note (verified contract, src/kern/verdict.c): every product verdict other
 * than ZERO_FACTOR also requires `nonzero` (a zero factor makes the limit 0,
 * which is none of CONVERGES / DIVERGES / DIVERGES_TO_ZERO); without it the
 * verdict is UNKNOWN. */
int ic_verdict_prod (const ic_prod_facts *f, int *rule);

#endif
