/* taylor.h — truncated Taylor series with interval coefficients
 * (automatic differentiation in outward-rounded MPFR intervals).
 *
 * A series of length len is an array c[0..len-1] of intervals; it encloses
 * the Taylor coefficients f^(k)(x0) / k! of a function f at a point x0
 * (x0 itself may be an interval: then c[k] encloses f^(k)(x)/k! for every
 * x in x0).  Short series use the standard recurrences for products,
 * quotients, exp, log, powers, sin/cos and atan (Knuth TAOCP 2, 4.7;
 * Griewank & Walther, "Evaluating Derivatives", ch. 13; taylor.c); long
 * ones a Kronecker-substitution product in scaled midpoint-radius form and
 * Newton iterations for inverse, log, exp and powers (taylor_fast.c).
 * Every step is done in outward-rounded interval arithmetic (or bounded
 * rigorously in integers), so the result encloses the exact coefficients
 * of the composed function whenever the status is IC_IVAL_OK.  The bare
 * names dispatch (heuristic thresholds: speed only); the suffixed ones
 * are the algorithms, exposed for tests.
 */
#ifndef IC_TAYLOR_H
#define IC_TAYLOR_H
#include "ival.h"
#include "term.h"

/* Allocates / frees an array of len intervals at precision prec, all [0,0]. */
ic_ival_struct *ic_taylor_alloc (long len, mpfr_prec_t prec);
void ic_taylor_free (ic_ival_struct *c, long len);
/* The same with coefficient k at pk[k] bits (capped at pk[0], which is
 * what the table is charged as), and with x's precisions. */
ic_ival_struct *ic_taylor_alloc_prec (long len, const mpfr_prec_t *pk);
ic_ival_struct *ic_taylor_alloc_like (const ic_ival_struct *x, long len);
/* Bytes of one series of len coefficients at the precisions pk[k]. */
double ic_taylor_profile_bytes (long len, const mpfr_prec_t *pk);

/* Encloses the Taylor coefficients of e(x) at x = x0 + t up to order len-1:
 *   Input:  e an expression in the variable n (here a real x), x0 an
 *           interval, len >= 1, out an array of len intervals (any prec).
 *   Output: out[k] encloses e^(k)(x)/k! for all x in x0.
 *   Returns IC_IVAL_OK, or IC_IVAL_EDOM if some operation is outside its
 *   domain on x0 (log of a non-positive interval, division by an interval
 *   containing 0, factorial, non-integer power of a possibly negative base),
 *   in which case out is unspecified and must not be used as a bound.
 *   prec is the working precision of all intermediate series. */
int ic_taylor_eval (ic_ival_struct *out, const ic_node *e, ic_ival_srcptr x0,
                    long len, mpfr_prec_t prec);

/* The same with a precision profile: coefficient k of every intermediate
 * series is held at pk[k] bits (pk non-increasing, pk[0] the working
 * precision).  A heuristic for speed when the caller needs coefficient k
 * only to about pk[k] bits relative to the scaled coefficients (the
 * Newton steps computing coefficients m.. then multiply at pk[m] bits);
 * every operation still rounds outward, so out encloses the same
 * coefficients as ic_taylor_eval's, only possibly wider. */
int ic_taylor_eval_prec (ic_ival_struct *out, const ic_node *e, ic_ival_srcptr x0,
                         long len, const mpfr_prec_t *pk);

/* Point evaluation: the order-0 case, out encloses e(x) for x in x0. */
int ic_taylor_eval_point (ic_ival_ptr out, const ic_node *e, ic_ival_srcptr x0,
                          mpfr_prec_t prec);

/* Series primitives (exposed for tests and for em.c).  All arrays have
 * length len; z may not alias x or y unless stated. */
void ic_taylor_mul (ic_ival_struct *z, const ic_ival_struct *x,
                    const ic_ival_struct *y, long len);
int  ic_taylor_div (ic_ival_struct *z, const ic_ival_struct *x,
                    const ic_ival_struct *y, long len);
void ic_taylor_exp (ic_ival_struct *z, const ic_ival_struct *x, long len);
int  ic_taylor_log (ic_ival_struct *z, const ic_ival_struct *x, long len);
/* z = x^c for an interval constant c; x[0] > 0 unless c is an exact
 * integer (then x[0] must not contain 0 when c < 0). */
int  ic_taylor_pow_const (ic_ival_struct *z, const ic_ival_struct *x,
                          ic_ival_srcptr c, long len);

/* 1 + the index of the last coefficient that is not exactly [0, 0]. */
long ic_taylor_nz_len (const ic_ival_struct *x, long len);

/* z[k] for k < n encloses sum_(i+j=k) x_i y_j for every point of x
 * (nx coefficients, the rest 0) and y (ny); z may alias x or y. */
void ic_taylor_mullow (ic_ival_struct *z, const ic_ival_struct *x, long nx,
                       const ic_ival_struct *y, long ny, long n);
void ic_taylor_mullow_classical (ic_ival_struct *z, const ic_ival_struct *x, long nx,
                                 const ic_ival_struct *y, long ny, long n);
/* The same by one integer product (taylor_fast.c); returns 0, z untouched,
 * when an input endpoint is not finite (the caller uses the classical
 * product). */
int  ic_taylor_mullow_ks (ic_ival_struct *z, const ic_ival_struct *x, long nx,
                          const ic_ival_struct *y, long ny, long n);
/* 1 if the Kronecker product suits x, y at prec (speed and width only,
 * never soundness): the series' magnitudes, under the common tilt, span at
 * most prec bits, or the product is too large for the recurrence.  Beyond
 * prec, the product's common scale would cost the small coefficients
 * their relative precision (series of different decay at low precision). */
int  ic_taylor_ks_suits (const ic_ival_struct *x, long nx, const ic_ival_struct *y, long ny,
                         mpfr_prec_t prec);

/* Recurrences (y has ny coefficients, the rest 0). */
int  ic_taylor_div_classical (ic_ival_struct *z, const ic_ival_struct *x,
                              const ic_ival_struct *y, long ny, long len);
void ic_taylor_exp_classical (ic_ival_struct *z, const ic_ival_struct *x, long len);
int  ic_taylor_log_classical (ic_ival_struct *z, const ic_ival_struct *x, long len);
int  ic_taylor_pow_const_classical (ic_ival_struct *z, const ic_ival_struct *x,
                                    ic_ival_srcptr c, long len);

/* Newton iterations (taylor_fast.c).  g = 1/h to n terms (h has nh
 * coefficients; EDOM unless h_0 is certainly non-zero); z must not alias
 * the input.  exp_newton returns EDOM when exp(x_0) is not certainly
 * positive at this precision (the recurrence then applies); log_newton
 * needs x_0 > 0; pow_const_newton takes exact integers |c| <= 64 by
 * squaring (then x_0 may be any interval unless c < 0), else needs
 * x_0 > 0. */
int  ic_taylor_inv_newton (ic_ival_struct *g, const ic_ival_struct *h, long nh, long n);
int  ic_taylor_log_newton (ic_ival_struct *z, const ic_ival_struct *x, long len);
int  ic_taylor_exp_newton (ic_ival_struct *z, const ic_ival_struct *x, long len);
int  ic_taylor_pow_const_newton (ic_ival_struct *z, const ic_ival_struct *x,
                                 ic_ival_srcptr c, long len);

/* 1 if e contains the variable. */
int ic_taylor_has_var (const ic_node *e);

#endif
