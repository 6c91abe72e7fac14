/* asym.h — certified eventual envelopes of terms.
 *
 * A *form* of a term e on [X, inf) is a statement, proved by the rules in
 * asym.c from the structure of e, of the shape
 *
 *     e(x) = s(x) * F(x) * g(x),   g(x) in G   for all x >= X,
 *     F(x) = Gamma(x+1)^phi * exp(lr * x) * x^alpha * (log x)^beta,
 *
 * with phi, alpha, beta exact rationals, lr an enclosure of a real (exactly
 * 0 when lr_zero), G an interval, and s(x) = (-1)^x when alt (x integer),
 * else 1.  `zero` means e(x) = 0 for all x >= X.  x ranges over the reals
 * unless the term contains factorial or (-1)^n, and then over the integers.
 * A form also proves that e is defined on [X, inf).
 *
 * The rules are written out in proofs/asymptotics.md; this module is part of
 * the trusted base (it is tested, not machine-proved).
 */
#ifndef IC_ASYM_H
#define IC_ASYM_H
#include "term.h"
#include "ival.h"
#include "verdict.h"

typedef struct {
  int zero;
  mpq_t phi, alpha, beta;
  ic_ival_t lr;
  int lr_zero;
  /* lr_ex: lr = lq + log(lQ)/lD exactly (lq rational, lQ > 0 rational,
   * lD >= 1), so that e^n / e^n or 4^n / 2^(2n) cancel exactly; lr still
   * encloses the same value.  lr_zero implies lr_ex with lq = 0, lQ = 1. */
  int lr_ex;
  mpq_t lq, lQ;
  unsigned long lD;
  ic_ival_t g;
  int alt;
} ic_form;

typedef struct {
  unsigned long X;        /* domain start, X >= 16 */
  mpfr_prec_t prec;
  char why[200];          /* why a form could not be derived */
  int depth;              /* recursion guard (rewrites may re-enter)    */
  int in_minus_one;       /* inside a "form of e - 1" derivation        */
  int no_lscale;          /* 1: no fallback to lscale.c (its own calls)  */
} ic_asym_ctx;

void ic_form_init (ic_form *f, mpfr_prec_t prec);
void ic_form_clear (ic_form *f);

/* 1 on success (f filled), 0 if no form could be derived (ctx->why). */
int ic_form_of (ic_form *f, const ic_node *e, ic_asym_ctx *ctx);
/* Form of e - 1 (for products and logs): uses exact identities such as
 * A/B - 1 = (A - B)/B and exp(a) - 1 = a (e^a - 1)/a. */
int ic_form_minus_one (ic_form *f, const ic_node *e, ic_asym_ctx *ctx);

/* r = a b (r may not alias a or b): F and the exponents multiply, G = A B,
 * alternating when exactly one of a, b is. */
void ic_form_mul (ic_form *r, const ic_form *a, const ic_form *b);
/* r = a^2 (r may not alias a). */
void ic_form_sqr (ic_form *r, const ic_form *a);

/* Sign of the growth of F: -1 decays to 0, 0 constant (F = 1), +1 grows,
 * 2 not decidable (lr not separated from 0). */
int ic_form_growth (const ic_form *f);
/* 1 if F is non-increasing on [X, inf) (certified). */
int ic_form_F_decreasing (const ic_form *f, unsigned long X, mpfr_prec_t prec);
/* out encloses F(X). */
void ic_form_F_at (ic_ival_ptr out, const ic_form *f, unsigned long X);
/* out encloses the range of e over x >= X (needs F monotone or constant). */
int ic_form_range (ic_ival_ptr out, const ic_form *f, unsigned long X);

/* Facts about the sequence for the verdict kernel. h_node is the term (the
 * alternating factor is stripped internally for the monotonicity proof). */
void ic_form_facts (ic_seq_facts *sf, const ic_form *f, const ic_node *e, ic_asym_ctx *ctx);

/* Tail enclosure sum_{n > N} e(n) from the form on [N, inf) (N = ctx->X):
 * envelope tail via the verified kernels, scaled by G.  Returns 1 on success. */
int ic_form_tail (ic_ival_ptr out, const ic_form *f, unsigned long N, char *how, size_t howlen);

/* Text of F(n) in the term syntax, e.g. "factorial(n)^-1*(1/2)^n*n^(1/2)*log(n)^-2"
 * (malloc'd; "0" for a zero form, "1" for F = 1).  exp(lr n) is written
 * exactly as exp(lq*n)*lQ^(n/lD), exponents as exact rationals, when their
 * text is short; a longer part is written, for side = 0, as a symbol for
 * its exact value (exp(r*n), n^alpha, log(n)^beta, factorial(n)^phi; see
 * ic_form_F_symbols), for side > 0 with a decimal rounded so that the text
 * is an upper bound of F(n) for n >= 16, for side < 0 a lower bound. */
char *ic_form_F_string (const ic_form *f, int side);
/* 1 if ic_form_F_string writes F itself for every side (no symbol). */
int ic_form_F_exact (const ic_form *f);
/* Calls put (arg, name, enclosure) for each symbol ic_form_F_string (f, 0)
 * writes ("phi", "r", "alpha", "beta"). */
void ic_form_F_symbols (const ic_form *f, void (*put) (void *arg, const char *name, ic_ival_srcptr x), void *arg);
/* ic_form_F_string (f, 0). */
char *ic_form_envelope_string (const ic_form *f);

#endif
