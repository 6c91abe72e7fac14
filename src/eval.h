/* eval.h — evaluation of a term at an integer n (or over a real interval)
 * into an outward-rounded interval.  Rational subterms are evaluated exactly
 * with GMP, so exact zeros, poles and signs such as (-1)^n are decided
 * exactly; the rest goes through the interval layer (src/kern/ival.h). */
#ifndef IC_EVAL_H
#define IC_EVAL_H
#include "term.h"
#include "ival.h"
#include "evalop.h"

typedef struct ic_evaluator ic_evaluator;

enum {
  IC_EV_OK = IC_EVOP_OK,
  IC_EV_UNDEFINED = IC_EVOP_UNDEF, /* certainly undefined at this n (pole, log(<=0), ...) */
  IC_EV_INEXACT = IC_EVOP_INEXACT  /* could not decide at this precision: raise it        */
};

ic_evaluator *ic_eval_new (const ic_node *e, mpfr_prec_t prec);
void ic_eval_free (ic_evaluator *ev);
void ic_eval_set_prec (ic_evaluator *ev, mpfr_prec_t prec);

/* out = e(n).  On IC_EV_UNDEFINED, *why (if non-NULL) names the reason. */
int ic_eval_at_ui (ic_evaluator *ev, ic_ival_ptr out, unsigned long n, const char **why);
/* Exact value of e(n) if e is rational at n (returns 1), else 0. */
int ic_eval_exact_ui (ic_evaluator *ev, mpq_t out, unsigned long n);
/* out encloses e(x) for every real x in X (factorial and (-1)^(n+k) are
 * treated as functions of integer n only: enclosed over the integers of X). */
int ic_eval_range (ic_evaluator *ev, ic_ival_ptr out, ic_ival_srcptr X, const char **why);

/* out encloses the value of a term without n (1 on success, finite). */
int ic_eval_const (ic_ival_ptr out, const ic_node *e, mpfr_prec_t prec);

#endif
