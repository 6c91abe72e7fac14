/* ival.h — interval arithmetic on MPFR with outward rounding.
 *
 * Part of the verified core (see specs/ and proofs/): every function keeps
 * the invariant "lo <= hi, neither endpoint NaN" and the enclosure property
 * "if x in [x.lo, x.hi] (and y in [y.lo, y.hi]) then op(x, y) lies in the
 * result".  A result endpoint may be -Inf/+Inf (overflow, or no information).
 *
 * Operands and result may alias.  Functions with a domain return
 * IC_IVAL_OK when the whole operand interval lies in the domain and the
 * result is an enclosure; otherwise IC_IVAL_EDOM and the result is the
 * whole real line (never used as a bound by callers that check the status).
 */
#ifndef IC_IVAL_H
#define IC_IVAL_H

#ifndef MPFR_USE_NO_MACRO
#define MPFR_USE_NO_MACRO 1
#endif
#include <gmp.h>
#include <mpfr.h>

typedef struct { __mpfr_struct lo[1], hi[1]; } ic_ival_struct;
typedef ic_ival_struct ic_ival_t[1];
typedef ic_ival_struct *ic_ival_ptr;
typedef const ic_ival_struct *ic_ival_srcptr;

enum { IC_IVAL_OK = 0, IC_IVAL_EDOM = 1 };

void ic_ival_init2 (ic_ival_ptr x, mpfr_prec_t prec);   /* x = [0, 0] */
void ic_ival_clear (ic_ival_ptr x);
void ic_ival_set_prec (ic_ival_ptr x, mpfr_prec_t prec); /* x = [0, 0] */
mpfr_prec_t ic_ival_get_prec (ic_ival_srcptr x);

void ic_ival_set (ic_ival_ptr z, ic_ival_srcptr x);
void ic_ival_set_si (ic_ival_ptr z, long v);
void ic_ival_set_ui (ic_ival_ptr z, unsigned long v);
void ic_ival_set_z (ic_ival_ptr z, const mpz_t v);
void ic_ival_set_q (ic_ival_ptr z, const mpq_t v);
void ic_ival_set_fr (ic_ival_ptr z, mpfr_srcptr v);      /* outward if prec smaller */
/* z = [lo, hi] rounded outward; requires lo <= hi. */
void ic_ival_set_fr2 (ic_ival_ptr z, mpfr_srcptr lo, mpfr_srcptr hi);
/* lo, hi = the ends of x at its precision (lo down, hi up): the inverse of set_fr2 */
void ic_ival_get_fr2 (mpfr_ptr lo, mpfr_ptr hi, ic_ival_srcptr x);
void ic_ival_set_full (ic_ival_ptr z);                   /* (-Inf, +Inf) */
void ic_ival_const_pi (ic_ival_ptr z);
void ic_ival_const_e (ic_ival_ptr z);

void ic_ival_neg (ic_ival_ptr z, ic_ival_srcptr x);
void ic_ival_add (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y);
void ic_ival_sub (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y);
void ic_ival_mul (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y);
int  ic_ival_div (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y); /* 0 not in y */
void ic_ival_mul_si (ic_ival_ptr z, ic_ival_srcptr x, long c);
void ic_ival_mul_ui (ic_ival_ptr z, ic_ival_srcptr x, unsigned long c);
void ic_ival_div_ui (ic_ival_ptr z, ic_ival_srcptr x, unsigned long d);   /* d >= 1 */
void ic_ival_mul_z (ic_ival_ptr z, ic_ival_srcptr x, mpz_srcptr c);        /* c >= 0 */
void ic_ival_div_z (ic_ival_ptr z, ic_ival_srcptr x, mpz_srcptr d);        /* d > 0 */
void ic_ival_mul_2si (ic_ival_ptr z, ic_ival_srcptr x, long e);          /* x 2^e */
/* x at precision prec, endpoints rounded outward (exact if prec >= x's) */
void ic_ival_round_prec (ic_ival_ptr x, mpfr_prec_t prec);
/* x y; two roundings instead of eight when both are finite and >= 0 */
void ic_ival_mul_nonneg (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y);
void ic_ival_sqr (ic_ival_ptr z, ic_ival_srcptr x);
void ic_ival_pow_si (ic_ival_ptr z, ic_ival_srcptr x, long k); /* k<0: 0 not in x */
/* n^(-1/q) from an approximation Y.lo > 0 of it (E, T, U: work space,
 * all five separate); returns 0 (z the whole line) when Y.lo is not a
 * positive number or |n Y.lo^q - 1| > 1/4. */
int  ic_ival_rootinv (ic_ival_ptr z, ic_ival_srcptr Y, ic_ival_ptr E, ic_ival_ptr T, ic_ival_ptr U,
                      unsigned long n, unsigned long q);
void ic_ival_abs (ic_ival_ptr z, ic_ival_srcptr x);

void ic_ival_exp (ic_ival_ptr z, ic_ival_srcptr x);
int  ic_ival_log (ic_ival_ptr z, ic_ival_srcptr x);    /* x > 0 */
int  ic_ival_log1p (ic_ival_ptr z, ic_ival_srcptr x);  /* x > -1 */
int  ic_ival_sqrt (ic_ival_ptr z, ic_ival_srcptr x);   /* x >= 0 */
int  ic_ival_pow (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y); /* x > 0 */
void ic_ival_atan (ic_ival_ptr z, ic_ival_srcptr x);
void ic_ival_sin (ic_ival_ptr z, ic_ival_srcptr x);
void ic_ival_cos (ic_ival_ptr z, ic_ival_srcptr x);

void ic_ival_hull (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y);
/* z = x intersect y; returns 0 if empty (z unchanged). */
int  ic_ival_intersect (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y);

/* Certain predicates: 1 means certainly true for every point, 0 not known. */
int ic_ival_is_pos (ic_ival_srcptr x);       /* lo > 0 */
int ic_ival_is_neg (ic_ival_srcptr x);       /* hi < 0 */
int ic_ival_is_nonneg (ic_ival_srcptr x);    /* lo >= 0 */
int ic_ival_is_nonpos (ic_ival_srcptr x);    /* hi <= 0 */
int ic_ival_is_finite (ic_ival_srcptr x);
int ic_ival_is_exact (ic_ival_srcptr x);     /* lo == hi */
int ic_ival_lt (ic_ival_srcptr x, ic_ival_srcptr y); /* x.hi < y.lo */
int ic_ival_contains_fr (ic_ival_srcptr x, mpfr_srcptr v);

/* Upper bound of |x| (rounded up) and lower bound of |x| (rounded down). */
void ic_ival_mag_upper (mpfr_ptr r, ic_ival_srcptr x);
void ic_ival_mag_lower (mpfr_ptr r, ic_ival_srcptr x);
/* Upper bound of hi - lo. */
void ic_ival_width_upper (mpfr_ptr r, ic_ival_srcptr x);

#endif
