/* specs/specs.h — the trusted specification, included (cpp -include) in
 * front of every kernel when Frama-C parses it (mk/verify.mk).  Nothing in
 * the compiled library includes it. */
#ifndef IC_SPECS_H
#define IC_SPECS_H
#include "analysis.acsl"
#include "digits.acsl"
#include "logseries.acsl"
#include "powerlog.acsl"
#include "powexp.acsl"
#include "elementary.acsl"
#include "powtrig.acsl"
#include "gamma.acsl"
#include "mpfr_model.h"
#include "ival.h"
#include "verdict.h"
#include "evalop.h"
#include "interval.acsl"
#include "series.acsl"
#include "mul.acsl"
#include "verdict.acsl"
#include "cvz.acsl"
#include "div.acsl"
#include "sqr.acsl"
#include "scale.acsl"
#include "term.acsl"
#include "gmpq.h"
#endif
