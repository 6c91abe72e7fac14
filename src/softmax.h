/* softmax.h — the softmax bound in exact arithmetic, and softmax evaluated
 * in binary16 / bfloat16 / binary32 / binary64, emulated exactly with MPFR.
 *
 * Exact bound: with V logits in an interval of width D, every probability
 * is at most 1 / (1 + (V-1) e^-D), attained by one logit at the top of the
 * interval and V-1 at the bottom.
 *
 * Finite precision — the evaluation order (documented in docs/claims.md):
 *   m   = max_i z_i
 *   d_i = fl(z_i - m)                       (exact here: z_top = 0)
 *   e_i = fl(exp(d_i))                      (correctly rounded exp)
 *   s   = fl(... fl(fl(e_1 + e_2) + e_3) ... + e_V)   sequential, in order
 *   p_i = fl(e_i / s)
 * fl = round to nearest, ties to even, in the format's precision and
 * exponent range with gradual underflow (mpfr_subnormalize).  Two orders:
 * TOP_LAST sums the V-1 small terms first and adds the top term last (the
 * more accurate order), TOP_FIRST starts from the top term.
 * The configuration studied has the top logit 0 and the V-1 others at -g
 * (g > 0 a number of the format): the "logit gap" g.
 */
#ifndef IC_SOFTMAX_H
#define IC_SOFTMAX_H
#include <mpfr.h>
#include "ival.h"

typedef enum { IC_FP_BINARY16 = 0, IC_FP_BFLOAT16, IC_FP_BINARY32, IC_FP_BINARY64 } ic_fp_id;
typedef enum { IC_SM_TOP_LAST = 0, IC_SM_TOP_FIRST = 1 } ic_sm_order;

typedef struct {
  const char *name;
  mpfr_prec_t prec;     /* significand bits, hidden bit included */
  mpfr_exp_t emin, emax;/* MPFR exponent range (x = m 2^e, 1/2 <= m < 1),
                           emin chosen so that the smallest subnormal is
                           2^(emin-1) */
} ic_fp_format;

const ic_fp_format *ic_fp_format_get (ic_fp_id id);
/* Looks a format up by name ("binary16", "bfloat16", "binary32",
 * "binary64", also "half", "float", "double"); NULL if unknown. */
const ic_fp_format *ic_fp_format_by_name (const char *name);
const char *ic_sm_order_name (ic_sm_order o);

/* out encloses 1 / (1 + (V-1) e^-D) for D in the interval d (V >= 1). */
void ic_softmax_max_bound (ic_ival_ptr out, unsigned long V, ic_ival_srcptr d);

/* r = fl(x) in format f (r must have precision f->prec). */
void ic_fp_round (mpfr_ptr r, mpfr_srcptr x, const ic_fp_format *f);

/* The computed top probability p_top and sum s (both exact format numbers,
 * precision f->prec) for V logits: top 0, V-1 at -g; g must be a number of
 * the format (checked: returns -1 otherwise, 0 on success). */
int ic_fpsoftmax_top (mpfr_ptr p_top, mpfr_ptr s, const ic_fp_format *f,
                      unsigned long V, mpfr_srcptr g, ic_sm_order order);

/* The threshold: the smallest positive format number g* such that the
 * computed p_top is exactly 1 at gap g*, and (by monotonicity of correctly
 * rounded exp, addition and division) at every larger gap; p_below gets
 * the computed p_top at the format number just below g* (the largest
 * computed value < 1, so eps_fmt = 1 - p_below).  Returns 0, or -1 if no
 * gap up to the format's largest number gives exactly 1. */
int ic_fpsoftmax_threshold (mpfr_ptr gstar, mpfr_ptr p_below,
                            const ic_fp_format *f, unsigned long V,
                            ic_sm_order order);

/* The computed probability of each of the V-1 other tokens, fl(e / s),
 * at gap g (same configuration and order; V >= 2 has such tokens).
 * Returns 0, or -1 when g is not a positive number of the format. */
int ic_fpsoftmax_small (mpfr_ptr p_small, const ic_fp_format *f,
                        unsigned long V, mpfr_srcptr g, ic_sm_order order);

/* "A softmax never emits 0", in the format: g0 is the smallest positive
 * format number at which fl(exp(-g)) underflows to 0; from g0 on (every
 * larger gap too, exp being correctly rounded and so monotone) each of
 * the V-1 other tokens gets computed probability fl(0 / s) = 0 exactly
 * (checked at g0 by the emulation).  p_below gets their computed
 * probability at the format number just below g0 (where fl(exp(-g)) > 0).
 * Smaller gaps are not claimed to give a non-zero probability.  Returns 0,
 * or -1 (V < 2, or no such gap). */
int ic_fpsoftmax_zero_threshold (mpfr_ptr g0, mpfr_ptr p_below,
                                 const ic_fp_format *f, unsigned long V,
                                 ic_sm_order order);

#endif
