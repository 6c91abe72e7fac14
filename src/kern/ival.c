/* ival.c — interval arithmetic on MPFR with outward rounding.
 * Error analysis: each endpoint is one correctly rounded MPFR operation in
 * the outward direction (RNDD for lo, RNDU for hi) applied to the extreme
 * point of a monotone function, so no analysis beyond monotonicity is needed.
 * NaN never survives: fix() widens a NaN endpoint to the infinite one. */
#include <limits.h>
#include "ival.h"

/* MPFR_PREC_MAX as a plain constant: MPFR's macro converts -1 to an
 * unsigned type and shifts it, and WP (with the RTE options of
 * tools/verify.sh) evaluated that expression so that the guard-bit branch
 * of ic_ival_pow below was unreachable (a failed smoke test).  The value
 * is the same, checked by the compiler. */
#define IC_PREC_MAX ((mpfr_prec_t) 9223372036854775551L)
#ifndef __FRAMAC__
_Static_assert (IC_PREC_MAX == MPFR_PREC_MAX, "MPFR_PREC_MAX changed: update IC_PREC_MAX");
#endif

/*@ requires valid: \valid (z) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures lo_kept: !FrNaN (\old (z->lo[0])) ==> z->lo[0] == \old (z->lo[0]);
    ensures lo_nan:  FrNaN (\old (z->lo[0])) ==> FrNInf (z->lo[0]);
    ensures hi_kept: !FrNaN (\old (z->hi[0])) ==> z->hi[0] == \old (z->hi[0]);
    ensures hi_nan:  FrNaN (\old (z->hi[0])) ==> FrPInf (z->hi[0]);
*/
static void fix (ic_ival_ptr z)
{
  if (mpfr_nan_p (z->lo)) mpfr_set_inf (z->lo, -1);
  if (mpfr_nan_p (z->hi)) mpfr_set_inf (z->hi, +1);
}

/* Verified-kernel helpers.  The kernels below compute both endpoints into
 * local temporaries (which cannot alias anything), then move them into z:
 * so z may alias an operand, and the proofs need no frame reasoning about
 * partially written intervals. */

/*@ requires valid: \valid (r) && FrInited (*r);
    assigns *r;
    ensures inited: FrInited (*r);
    ensures not_nan: !FrNaN (*r);
    ensures kept: !FrNaN (\old (*r)) ==> *r == \old (*r);
    ensures lo_inf: FrNaN (\old (*r)) && sign < 0 ==> FrNInf (*r);
    ensures hi_inf: FrNaN (\old (*r)) && sign >= 0 ==> FrPInf (*r);
*/
static void nan_to_inf (mpfr_ptr r, int sign)
{
  if (mpfr_nan_p (r)) mpfr_set_inf (r, sign);
}

/*@ requires valid: \valid (z) && \valid (lo) && \valid (hi);
    requires sep: \separated (z, lo, hi);
    requires inited: IvalInited (z) && FrInited (*lo) && FrInited (*hi);
    assigns *z, *lo, *hi;
    ensures moved_lo: z->lo[0] == \old (*lo);
    ensures moved_hi: z->hi[0] == \old (*hi);
    ensures cleared: !FrInited (*lo) && !FrInited (*hi);
*/
static void ival_take (ic_ival_ptr z, mpfr_ptr lo, mpfr_ptr hi)
{
  mpfr_swap (z->lo, lo);
  //@ assert lo_moved: z->lo[0] == \at (*lo, Pre);
  mpfr_swap (z->hi, hi);
  //@ assert lo_kept: z->lo[0] == \at (*lo, Pre);
  //@ assert hi_moved: z->hi[0] == \at (*hi, Pre);
  mpfr_clear (lo);
  mpfr_clear (hi);
}

/*@ requires valid: \valid (x);
    requires prec_ok: FrPrecOk (prec);
    assigns *x;
    ensures ok: IvalOk (x) && Encloses (x, 0.0);
    ensures prec: fr_prec (x->lo[0]) == prec && fr_prec (x->hi[0]) == prec;
*/
void ic_ival_init2 (ic_ival_ptr x, mpfr_prec_t prec)
{
  mpfr_init2 (x->lo, prec);
  mpfr_init2 (x->hi, prec);
  mpfr_set_zero (x->lo, 1);
  mpfr_set_zero (x->hi, 1);
}

/*@ requires valid: \valid (x) && IvalInited (x);
    assigns *x;
    ensures cleared: !FrInited (x->lo[0]) && !FrInited (x->hi[0]);
*/
void ic_ival_clear (ic_ival_ptr x) { mpfr_clear (x->lo); mpfr_clear (x->hi); }

/*@ requires valid: \valid (x) && IvalInited (x);
    requires prec_ok: FrPrecOk (prec);
    assigns *x;
    ensures ok: IvalOk (x) && Encloses (x, 0.0);
    ensures prec: fr_prec (x->lo[0]) == prec && fr_prec (x->hi[0]) == prec;
*/
void ic_ival_set_prec (ic_ival_ptr x, mpfr_prec_t prec)
{
  mpfr_set_prec (x->lo, prec);
  mpfr_set_prec (x->hi, prec);
  mpfr_set_zero (x->lo, 1);
  mpfr_set_zero (x->hi, 1);
}

/*@ requires valid: \valid_read (x) && IvalInited (x);
    assigns \nothing;
    ensures prec: \result == fr_prec (x->lo[0]) && FrPrecOk (\result);
*/
mpfr_prec_t ic_ival_get_prec (ic_ival_srcptr x) { return mpfr_get_prec (x->lo); }

/*@ requires valid: \valid (z) && \valid_read (x);
    requires alias: z == x || \separated (z, x);
    requires ok: IvalOk (x) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: \forall real a; \old (Encloses (x, a)) ==> Encloses (z, a);
*/
void ic_ival_set (ic_ival_ptr z, ic_ival_srcptr x)
{
  /* Through temporaries, like ic_ival_neg (z may alias x: then both
   * roundings are exact, z and x having the same precisions). */
  mpfr_t lo, hi;
  mpfr_init2 (lo, mpfr_get_prec (z->lo));
  mpfr_init2 (hi, mpfr_get_prec (z->hi));
  mpfr_set (lo, x->lo, MPFR_RNDD);               /* lo <= x.lo */
  mpfr_set (hi, x->hi, MPFR_RNDU);               /* hi >= x.hi */
  ival_take (z, lo, hi);
}

/*@ requires valid: \valid (z) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures prec: fr_prec (z->lo[0]) == fr_prec (\old (z->lo[0]))
                  && fr_prec (z->hi[0]) == fr_prec (\old (z->hi[0]));
    ensures sound: Encloses (z, (real) v);
*/
void ic_ival_set_si (ic_ival_ptr z, long v)
{
  mpfr_set_si (z->lo, v, MPFR_RNDD);
  mpfr_set_si (z->hi, v, MPFR_RNDU);
}

/*@ requires valid: \valid (z) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: Encloses (z, (real) v);
*/
void ic_ival_set_ui (ic_ival_ptr z, unsigned long v)
{
  mpfr_set_ui (z->lo, v, MPFR_RNDD);
  mpfr_set_ui (z->hi, v, MPFR_RNDU);
}

/*@ requires valid: \valid (z) && IvalInited (z) && \valid_read (v);
    requires sep: \separated (z, v);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: Encloses (z, z_val (*v));
*/
void ic_ival_set_z (ic_ival_ptr z, const mpz_t v)
{
  mpfr_set_z (z->lo, v, MPFR_RNDD);
  mpfr_set_z (z->hi, v, MPFR_RNDU);
}

/*@ requires valid: \valid (z) && IvalInited (z) && \valid_read (v);
    requires sep: \separated (z, v);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: Encloses (z, q_val (*v));
*/
void ic_ival_set_q (ic_ival_ptr z, const mpq_t v)
{
  mpfr_set_q (z->lo, v, MPFR_RNDD);
  mpfr_set_q (z->hi, v, MPFR_RNDU);
}

/* z = [v, v] rounded outward (v NaN: the whole line). */
/*@ requires valid: \valid (z) && IvalInited (z) && \valid_read (v) && FrInited (*v);
    requires sep: \separated (&z->lo[0], v) && \separated (&z->hi[0], v);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: FrNum (*v) ==> Encloses (z, fr_val (*v));
*/
void ic_ival_set_fr (ic_ival_ptr z, mpfr_srcptr v)
{
  mpfr_set (z->lo, v, MPFR_RNDD);
  mpfr_set (z->hi, v, MPFR_RNDU);
  fix (z);
}

/* z = [lo, hi] rounded outward: every real between lo and hi (extended
 * reals: an infinite end is no bound) lies in z. */
/*@ requires valid: \valid (z) && IvalInited (z);
    requires valid_ends: \valid_read (lo) && \valid_read (hi) && FrInited (*lo) && FrInited (*hi);
    requires sep: \separated (&z->lo[0], lo) && \separated (&z->lo[0], hi)
                  && \separated (&z->hi[0], lo) && \separated (&z->hi[0], hi);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: \forall real a; FrLe (*lo, a) && FrGe (*hi, a) ==> Encloses (z, a);
*/
void ic_ival_set_fr2 (ic_ival_ptr z, mpfr_srcptr lo, mpfr_srcptr hi)
{
  mpfr_set (z->lo, lo, MPFR_RNDD);
  mpfr_set (z->hi, hi, MPFR_RNDU);
  fix (z);
}

/* The inverse of ic_ival_set_fr2: lo, hi = the ends of x at x's precision
 * (so exact), lo rounded down and hi up: every value x encloses lies in
 * [lo, hi].  certify.c's set_limit: the printed limit interval. */
/*@ requires valid: \valid (lo) && \valid (hi) && \valid_read (x);
    requires sep: \separated (lo, hi) && \separated (&x->lo[0], lo) && \separated (&x->lo[0], hi)
                  && \separated (&x->hi[0], lo) && \separated (&x->hi[0], hi);
    requires ok: IvalOk (x) && FrInited (*lo) && FrInited (*hi);
    assigns *lo, *hi;
    ensures ok: FrInited (*lo) && FrInited (*hi) && !FrNaN (*lo) && !FrNaN (*hi);
    ensures prec: fr_prec (*lo) == fr_prec (x->lo[0]) && fr_prec (*hi) == fr_prec (x->lo[0]);
    ensures sound: \forall real a; \old (Encloses (x, a)) ==> FrLe (*lo, a) && FrGe (*hi, a);
*/
void ic_ival_get_fr2 (mpfr_ptr lo, mpfr_ptr hi, ic_ival_srcptr x)
{
  mpfr_prec_t p = ic_ival_get_prec (x);
  mpfr_set_prec (lo, p);
  mpfr_set_prec (hi, p);
  mpfr_set (lo, x->lo, MPFR_RNDD);
  mpfr_set (hi, x->hi, MPFR_RNDU);
}

/*@ requires valid: \valid (z) && IvalInited (z);
    assigns *z;
    ensures full: IvalOk (z) && IvalFull (z);
    ensures sound: \forall real a; Encloses (z, a);
*/
void ic_ival_set_full (ic_ival_ptr z)
{
  mpfr_set_inf (z->lo, -1);
  mpfr_set_inf (z->hi, +1);
}

/*@ requires valid: \valid (z) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: Encloses (z, r_pi);
*/
void ic_ival_const_pi (ic_ival_ptr z)
{
  mpfr_const_pi (z->lo, MPFR_RNDD);
  mpfr_const_pi (z->hi, MPFR_RNDU);
}

/* e = exp(1): [1, 1] is exact in any precision (set_si of 1), then the
 * proved exponential. */
/*@ requires valid: \valid (z) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: Encloses (z, r_exp (1.0));
*/
void ic_ival_const_e (ic_ival_ptr z)
{
  ic_ival_set_si (z, 1);
  /*@ assert one: Encloses (z, 1.0); */
  ic_ival_exp (z, z);
}

/*@ requires valid: \valid (z) && \valid_read (x);
    requires alias: z == x || \separated (z, x);
    requires ok: IvalOk (x) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: \forall real a; \old (Encloses (x, a)) ==> Encloses (z, -a);
*/
void ic_ival_neg (ic_ival_ptr z, ic_ival_srcptr x)
{
  mpfr_t lo, hi;
  mpfr_init2 (lo, mpfr_get_prec (z->lo));
  mpfr_init2 (hi, mpfr_get_prec (z->hi));
  mpfr_neg (lo, x->hi, MPFR_RNDD);             /* lo <= -x.hi */
  mpfr_neg (hi, x->lo, MPFR_RNDU);             /* hi >= -x.lo */
  ival_take (z, lo, hi);
}

/*@ requires valid: \valid (z) && \valid_read (x) && \valid_read (y);
    requires alias: (z == x || \separated (z, x)) && (z == y || \separated (z, y));
    requires ok: IvalOk (x) && IvalOk (y) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: \forall real a, b;
      \old (Encloses (x, a)) && \old (Encloses (y, b)) ==> Encloses (z, a + b);
*/
void ic_ival_add (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y)
{
  mpfr_t lo, hi;
  mpfr_init2 (lo, mpfr_get_prec (z->lo));
  mpfr_init2 (hi, mpfr_get_prec (z->hi));
  mpfr_add (lo, x->lo, y->lo, MPFR_RNDD);      /* lo <= x.lo + y.lo */
  mpfr_add (hi, x->hi, y->hi, MPFR_RNDU);      /* hi >= x.hi + y.hi */
  nan_to_inf (lo, -1);                         /* -Inf + +Inf: no bound */
  nan_to_inf (hi, +1);
  ival_take (z, lo, hi);
}

/*@ requires valid: \valid (z) && \valid_read (x) && \valid_read (y);
    requires alias: (z == x || \separated (z, x)) && (z == y || \separated (z, y));
    requires ok: IvalOk (x) && IvalOk (y) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: \forall real a, b;
      \old (Encloses (x, a)) && \old (Encloses (y, b)) ==> Encloses (z, a - b);
*/
void ic_ival_sub (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y)
{
  mpfr_t lo, hi;
  mpfr_init2 (lo, mpfr_get_prec (z->lo));
  mpfr_init2 (hi, mpfr_get_prec (z->hi));
  mpfr_sub (lo, x->lo, y->hi, MPFR_RNDD);      /* lo <= x.lo - y.hi */
  mpfr_sub (hi, x->hi, y->lo, MPFR_RNDU);      /* hi >= x.hi - y.lo */
  nan_to_inf (lo, -1);
  nan_to_inf (hi, +1);
  ival_take (z, lo, hi);
}

/* Product of two intervals: the extremes are among the four endpoint
 * products; each is computed twice (RNDD for the minimum, RNDU for the max).
 * 0 * Inf gives NaN in MPFR: it is treated as 0 (the true product of a
 * finite bound with 0 is 0, and an infinite endpoint stands for a bound).
 * Which corner bounds a*b, by the sign of b and of an endpoint of x: the
 * lemmas Mul_Lo_C1..C4 / Mul_Hi_C1..C4 of specs/mul.acsl (proved). */
/*@ requires valid: \valid (r) && \valid_read (a) && \valid_read (b);
    requires sep: \separated (r, a) && \separated (r, b);
    requires inited: FrInited (*r) && FrInited (*a) && FrInited (*b);
    requires not_nan: !FrNaN (*a) && !FrNaN (*b);
    requires dir: rnd == MPFR_RNDD || rnd == MPFR_RNDU;
    assigns *r;
    ensures inited: FrInited (*r) && fr_prec (*r) == fr_prec (\old (*r));
    ensures lower: rnd == MPFR_RNDD ==> XMulLe (*r, *a, *b);
    ensures upper: rnd == MPFR_RNDU ==> XMulGe (*r, *a, *b);
*/
static void mul_end (mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd)
{
  if (mpfr_zero_p (a) || mpfr_zero_p (b))
    {
      mpfr_set_zero (r, 1);                     /* the product of 0 and a bound */
      /*@ assert zero: FrZero (*a) || FrZero (*b); */
      /*@ assert prod0: FrNum (*a) && FrNum (*b) ==>
                          rmul (fr_val (*a), fr_val (*b)) == 0; */
    }
  else
    {
      /*@ assert nonzero: !FrZero (*a) && !FrZero (*b); */
      /*@ assert sgn: !(FrNum (*a) && FrNum (*b)) ==>
                        fr_sgn (*a) != 0 && fr_sgn (*b) != 0
                        && (SgnSame (*a, *b) || SgnOpp (*a, *b)); */
      mpfr_mul (r, a, b, rnd);                  /* correctly rounded, or +-Inf */
      /*@ assert fin: FrNum (*a) && FrNum (*b) ==>
                        Rounded (*r, rmul (fr_val (*a), fr_val (*b)), rnd); */
    }
}

/* The running minimum lo (maximum hi) after each corner: the assertions
 * say for which (sign of b, endpoint of x) cases it is already a bound.
 * No NaN can arise (mul_end never gives NaN), so no fix() is needed. */
/*@ requires valid: \valid (z) && \valid_read (x) && \valid_read (y);
    requires alias: (z == x || \separated (z, x)) && (z == y || \separated (z, y));
    requires ok: IvalOk (x) && IvalOk (y) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: \forall real a, b;
      \old (Encloses (x, a)) && \old (Encloses (y, b)) ==> Encloses (z, a * b);
*/
void ic_ival_mul (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y)
{
  mpfr_prec_t p = mpfr_get_prec (z->lo);
  mpfr_t lo, hi, t;
  mpfr_init2 (lo, p);
  mpfr_init2 (hi, p);
  mpfr_init2 (t, p);
  mul_end (lo, x->lo, y->lo, MPFR_RNDD);        /* lo <= x.lo y.lo */
  /*@ assert lo1: \forall real a, b;
        MulBox (x->lo[0], x->hi[0], y->lo[0], y->hi[0], a, b)
        && b >= 0 && FrNonneg (x->lo[0]) ==> FrLe (*lo, rmul (a, b)); */
  mul_end (hi, x->lo, y->lo, MPFR_RNDU);        /* hi >= x.lo y.lo */
  /*@ assert hi1: \forall real a, b;
        MulBox (x->lo[0], x->hi[0], y->lo[0], y->hi[0], a, b)
        && b < 0 && !FrNonneg (x->lo[0]) ==> FrGe (*hi, rmul (a, b)); */
  mul_end (t, x->lo, y->hi, MPFR_RNDD);
  /*@ assert t2: \forall real a, b;
        MulBox (x->lo[0], x->hi[0], y->lo[0], y->hi[0], a, b)
        && b >= 0 && !FrNonneg (x->lo[0]) ==> FrLe (*t, rmul (a, b)); */
  mpfr_min (lo, lo, t, MPFR_RNDD);              /* lo <= min(lo, x.lo y.hi) */
  /*@ assert lo2: \forall real a, b;
        MulBox (x->lo[0], x->hi[0], y->lo[0], y->hi[0], a, b)
        && b >= 0 ==> FrLe (*lo, rmul (a, b)); */
  mul_end (t, x->lo, y->hi, MPFR_RNDU);
  /*@ assert u2: \forall real a, b;
        MulBox (x->lo[0], x->hi[0], y->lo[0], y->hi[0], a, b)
        && b < 0 && FrNonneg (x->lo[0]) ==> FrGe (*t, rmul (a, b)); */
  mpfr_max (hi, hi, t, MPFR_RNDU);              /* hi >= max(hi, x.lo y.hi) */
  /*@ assert hi2: \forall real a, b;
        MulBox (x->lo[0], x->hi[0], y->lo[0], y->hi[0], a, b)
        && b < 0 ==> FrGe (*hi, rmul (a, b)); */
  mul_end (t, x->hi, y->lo, MPFR_RNDD);
  /*@ assert t3: \forall real a, b;
        MulBox (x->lo[0], x->hi[0], y->lo[0], y->hi[0], a, b)
        && b < 0 && !FrNeg (x->hi[0]) ==> FrLe (*t, rmul (a, b)); */
  mpfr_min (lo, lo, t, MPFR_RNDD);              /* lo <= min(lo, x.hi y.lo) */
  /*@ assert lo3: \forall real a, b;
        MulBox (x->lo[0], x->hi[0], y->lo[0], y->hi[0], a, b)
        && (b >= 0 || !FrNeg (x->hi[0])) ==> FrLe (*lo, rmul (a, b)); */
  mul_end (t, x->hi, y->lo, MPFR_RNDU);
  /*@ assert u3: \forall real a, b;
        MulBox (x->lo[0], x->hi[0], y->lo[0], y->hi[0], a, b)
        && b >= 0 && FrNeg (x->hi[0]) ==> FrGe (*t, rmul (a, b)); */
  mpfr_max (hi, hi, t, MPFR_RNDU);              /* hi >= max(hi, x.hi y.lo) */
  /*@ assert hi3: \forall real a, b;
        MulBox (x->lo[0], x->hi[0], y->lo[0], y->hi[0], a, b)
        && (b < 0 || FrNeg (x->hi[0])) ==> FrGe (*hi, rmul (a, b)); */
  mul_end (t, x->hi, y->hi, MPFR_RNDD);
  /*@ assert t4: \forall real a, b;
        MulBox (x->lo[0], x->hi[0], y->lo[0], y->hi[0], a, b)
        && b < 0 && FrNeg (x->hi[0]) ==> FrLe (*t, rmul (a, b)); */
  mpfr_min (lo, lo, t, MPFR_RNDD);              /* lo <= min of the 4 corners */
  /*@ assert lo4: \forall real a, b;
        MulBox (x->lo[0], x->hi[0], y->lo[0], y->hi[0], a, b)
        ==> FrLe (*lo, rmul (a, b)); */
  mul_end (t, x->hi, y->hi, MPFR_RNDU);
  /*@ assert u4: \forall real a, b;
        MulBox (x->lo[0], x->hi[0], y->lo[0], y->hi[0], a, b)
        && b >= 0 && !FrNeg (x->hi[0]) ==> FrGe (*t, rmul (a, b)); */
  mpfr_max (hi, hi, t, MPFR_RNDU);              /* hi >= max of the 4 corners */
  /*@ assert hi4: \forall real a, b;
        MulBox (x->lo[0], x->hi[0], y->lo[0], y->hi[0], a, b)
        ==> FrGe (*hi, rmul (a, b)); */
  /*@ assert fin: \forall real a, b; Encloses (x, a) && Encloses (y, b) ==>
        MulBox (x->lo[0], x->hi[0], y->lo[0], y->hi[0], a, b)
        && FrLe (*lo, rmul (a, b)) && FrGe (*hi, rmul (a, b))
        && FrLe (*lo, a * b) && FrGe (*hi, a * b); */
  /*@ assert fin2: \forall real a, b; Encloses (x, a) && Encloses (y, b) ==>
                    FrLe (*lo, a * b) && FrGe (*hi, a * b); */
  mpfr_clear (t);
  ival_take (z, lo, hi);
}

/* Reciprocal of an interval y of one sign (y > 0 or y < 0): 1/t is
 * decreasing on each half-line, so 1/b lies in [1/y.hi, 1/y.lo]:
 *   lo = RNDD(1/y.hi) <= 1/y.hi <= 1/b,   hi = RNDU(1/y.lo) >= 1/y.lo >= 1/b.
 * An infinite endpoint gives 0 (1/+-Inf = +-0: lo = 0 <= 1/b for y > 0,
 * hi = 0 >= 1/b for y < 0); so does a zero endpoint, which only an empty y
 * can have (y.hi = 0 with y.lo > 0, ...).  mpfr_ui_div is only called on a
 * finite non-zero operand, the case its contract describes.
 * Proof: lemmas Recip_Anti, Recip_Pos, Recip_Neg of specs/div.acsl. */
/*@ requires valid: \valid (r) && \valid_read (y);
    requires alias: r == y || \separated (r, y);
    requires ok: IvalOk (y) && IvalInited (r);
    requires one_sign: fr_sgn (y->lo[0]) > 0 || fr_sgn (y->hi[0]) < 0;
    assigns *r;
    ensures ok: IvalOk (r);
    ensures sound: \forall real b;
      \old (Encloses (y, b)) ==> b != 0 && Encloses (r, rrecip (b));
*/
static void ival_recip (ic_ival_ptr r, ic_ival_srcptr y)
{
  mpfr_t lo, hi;
  /*@ assert b_sign: \forall real b; Encloses (y, b) ==>
        (fr_sgn (y->lo[0]) > 0 ==> b > 0) && (fr_sgn (y->hi[0]) < 0 ==> b < 0); */
  mpfr_init2 (lo, mpfr_get_prec (r->lo));
  mpfr_init2 (hi, mpfr_get_prec (r->hi));
  if (mpfr_number_p (y->hi) && !mpfr_zero_p (y->hi))
    {
      mpfr_ui_div (lo, 1, y->hi, MPFR_RNDD);   /* lo <= 1/y.hi */
      /*@ assert lo_h: FrNum (y->hi[0]) && fr_val (y->hi[0]) != 0
                       && FrLe (*lo, rrecip (fr_val (y->hi[0]))); */
      /*@ assert lo_hb: \forall real b; Encloses (y, b) ==>
            rrecip (fr_val (y->hi[0])) <= rrecip (b); */
    }
  else
    {
      mpfr_set_zero (lo, 1);                   /* 1/+-Inf = 0, or y empty */
      /*@ assert lo_0: \forall real b; Encloses (y, b) ==> 0 < rrecip (b); */
    }
  /*@ assert lo_bound: \forall real b; Encloses (y, b) ==>
        b != 0 && FrLe (*lo, rrecip (b)); */
  if (mpfr_number_p (y->lo) && !mpfr_zero_p (y->lo))
    {
      mpfr_ui_div (hi, 1, y->lo, MPFR_RNDU);   /* hi >= 1/y.lo */
      /*@ assert hi_l: FrNum (y->lo[0]) && fr_val (y->lo[0]) != 0
                       && FrGe (*hi, rrecip (fr_val (y->lo[0]))); */
      /*@ assert hi_lb: \forall real b; Encloses (y, b) ==>
            rrecip (b) <= rrecip (fr_val (y->lo[0])); */
    }
  else
    {
      mpfr_set_zero (hi, 1);                   /* 1/-Inf = 0, or y empty */
      /*@ assert hi_0: \forall real b; Encloses (y, b) ==> rrecip (b) < 0; */
    }
  /*@ assert hi_bound: \forall real b; Encloses (y, b) ==>
        FrGe (*hi, rrecip (b)); */
  ival_take (r, lo, hi);
}

/* Quotient: 0 not in y (y > 0 or y < 0), then x / y = x * (1/y) with the
 * reciprocal interval of ival_recip and the proved product ic_ival_mul
 * (a / b = a * (1/b): lemma Recip_Mul).  Two roundings per endpoint instead
 * of one: the result may be 1 ulp wider than the four endpoint quotients.
 * Otherwise EDOM and the whole line. */
/*@ requires valid: \valid (z) && \valid_read (x) && \valid_read (y);
    requires alias: (z == x || \separated (z, x)) && (z == y || \separated (z, y));
    requires ok: IvalOk (x) && IvalOk (y) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    behavior domain:
      assumes fr_sgn (y->lo[0]) > 0 || fr_sgn (y->hi[0]) < 0;
      ensures status: \result == IC_IVAL_OK;
      ensures sound: \forall real a, b;
        \old (Encloses (x, a)) && \old (Encloses (y, b)) ==>
          b != 0 && Encloses (z, a / b);
    behavior edom:
      assumes !(fr_sgn (y->lo[0]) > 0 || fr_sgn (y->hi[0]) < 0);
      ensures status: \result == IC_IVAL_EDOM && IvalFull (z);
    complete behaviors;
    disjoint behaviors;
*/
int ic_ival_div (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y)
{
  ic_ival_t r;
  if (!(mpfr_sgn (y->lo) > 0 || mpfr_sgn (y->hi) < 0))
    { ic_ival_set_full (z); return IC_IVAL_EDOM; }
  /*@ assert sep_r: \separated (&r[0], z) && \separated (&r[0], x)
                    && \separated (&r[0], y); */
  ic_ival_init2 (r, ic_ival_get_prec (z));
  /*@ assert f1_xl: x->lo[0] == \at (x->lo[0], Pre); */
  /*@ assert f1_xh: x->hi[0] == \at (x->hi[0], Pre); */
  /*@ assert f1_yl: y->lo[0] == \at (y->lo[0], Pre); */
  /*@ assert f1_yh: y->hi[0] == \at (y->hi[0], Pre); */
  /*@ assert f1_zl: z->lo[0] == \at (z->lo[0], Pre); */
  /*@ assert f1_zh: z->hi[0] == \at (z->hi[0], Pre); */
  ival_recip (r, y);                   /* r encloses 1/b for every b in y */
  /*@ assert f2_xl: x->lo[0] == \at (x->lo[0], Pre); */
  /*@ assert f2_xh: x->hi[0] == \at (x->hi[0], Pre); */
  /*@ assert f2_zl: z->lo[0] == \at (z->lo[0], Pre); */
  /*@ assert f2_zh: z->hi[0] == \at (z->hi[0], Pre); */
  /*@ assert r_enc: \forall real b; \at (Encloses (y, b), Pre) ==>
                      b != 0 && Encloses (&r[0], rrecip (b)); */
  ic_ival_mul (z, x, r);               /* z encloses a * (1/b) = a / b */
  /*@ assert res_mul: \forall real a, b;
        \at (Encloses (x, a), Pre) && \at (Encloses (y, b), Pre) ==>
          b != 0 && Encloses (z, a * rrecip (b)); */
  /*@ assert res_eq: \forall real a, b;
        \at (Encloses (x, a), Pre) && \at (Encloses (y, b), Pre) ==>
          Encloses (z, a * rrecip (b)) && b != 0
          && a * rrecip (b) == rmul (a, rrecip (b))
          && rmul (a, rrecip (b)) == a / b; */
  /*@ assert res: \forall real a, b;
        \at (Encloses (x, a), Pre) && \at (Encloses (y, b), Pre) ==>
          b != 0 && Encloses (z, a / b); */
 M: ;
  ic_ival_clear (r);
  /*@ assert f3_zl: z->lo[0] == \at (z->lo[0], M); */
  /*@ assert f3_zh: z->hi[0] == \at (z->hi[0], M); */
  return IC_IVAL_OK;
}

/*@ requires valid: \valid (z) && \valid_read (x);
    requires alias: z == x || \separated (z, x);
    requires ok: IvalOk (x) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: \forall real a; \old (Encloses (x, a)) ==> Encloses (z, a * c);
*/
void ic_ival_mul_si (ic_ival_ptr z, ic_ival_srcptr x, long c)
{
  ic_ival_t t;
  ic_ival_init2 (t, mpfr_get_prec (z->lo));
  ic_ival_set_si (t, c);                         /* t = [c, c] */
  /*@ assert t_c: Encloses (&t[0], (real) c); */
  /*@ assert x_kept: \forall real a; \at (Encloses (x, a), Pre) ==> Encloses (x, a); */
M:
  ic_ival_mul (z, x, t);                         /* z contains a * c */
  /*@ assert prod: \forall real a; \at (Encloses (x, a), M) ==> Encloses (z, a * c); */
  ic_ival_clear (t);
}

/* x / d for an integer d >= 1: t -> t / d is increasing, so
 * [RNDD(x.lo / d), RNDU(x.hi / d)]; an infinite endpoint gives the
 * infinity on its side (an empty x, lo = +Inf, encloses nothing).  One
 * MPFR division per endpoint (ic_ival_div takes two and two products). */
/*@ requires valid: \valid (z) && \valid_read (x);
    requires alias: z == x || \separated (z, x);
    requires ok: IvalOk (x) && IvalInited (z);
    requires pos: d >= 1;
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: \forall real a; \old (Encloses (x, a)) ==> Encloses (z, a / d);
*/
void ic_ival_div_ui (ic_ival_ptr z, ic_ival_srcptr x, unsigned long d)
{
  /* in place: z.lo reads only x.lo and z.hi only x.hi (z may be x) */
  if (mpfr_number_p (x->lo)) mpfr_div_ui (z->lo, x->lo, d, MPFR_RNDD);   /* z.lo <= x.lo / d */
  else mpfr_set_inf (z->lo, -1);
  /*@ assert lo_q: FrNum (\at (x->lo[0], Pre)) ==> FrLe (z->lo[0], rquot (fr_val (\at (x->lo[0], Pre)), d)); */
  /*@ assert lo_r: \forall real a; \at (Encloses (x, a), Pre) ==> FrLe (z->lo[0], rquot (a, d)); */
  /*@ assert lo_v: \forall real a; \at (Encloses (x, a), Pre) ==> FrLe (z->lo[0], a / d); */
L:
  if (mpfr_number_p (x->hi)) mpfr_div_ui (z->hi, x->hi, d, MPFR_RNDU);   /* z.hi >= x.hi / d */
  else mpfr_set_inf (z->hi, 1);
  /*@ assert lo_kept: z->lo[0] == \at (z->lo[0], L); */
  /*@ assert hi_q: FrNum (\at (x->hi[0], Pre)) ==> FrGe (z->hi[0], rquot (fr_val (\at (x->hi[0], Pre)), d)); */
  /*@ assert hi_r: \forall real a; \at (Encloses (x, a), Pre) ==> FrGe (z->hi[0], rquot (a, d)); */
  /*@ assert hi_v: \forall real a; \at (Encloses (x, a), Pre) ==> FrGe (z->hi[0], a / d); */
}

/* x c for an integer c >= 0: t -> t c is non-decreasing, so
 * [RNDD(x.lo c), RNDU(x.hi c)]; an infinite endpoint gives the infinity
 * on its side (never Inf * 0 = NaN). */
/*@ requires valid: \valid (z) && \valid_read (x);
    requires alias: z == x || \separated (z, x);
    requires ok: IvalOk (x) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: \forall real a; \old (Encloses (x, a)) ==> Encloses (z, a * c);
*/
void ic_ival_mul_ui (ic_ival_ptr z, ic_ival_srcptr x, unsigned long c)
{
  /* in place: z.lo reads only x.lo and z.hi only x.hi (z may be x) */
  if (mpfr_number_p (x->lo)) mpfr_mul_ui (z->lo, x->lo, c, MPFR_RNDD);   /* z.lo <= x.lo c */
  else mpfr_set_inf (z->lo, -1);
  /*@ assert lo_q: FrNum (\at (x->lo[0], Pre)) ==> FrLe (z->lo[0], rscale (fr_val (\at (x->lo[0], Pre)), c)); */
  /*@ assert lo_r: \forall real a; \at (Encloses (x, a), Pre) ==> FrLe (z->lo[0], rscale (a, c)); */
  /*@ assert lo_v: \forall real a; \at (Encloses (x, a), Pre) ==> FrLe (z->lo[0], a * c); */
L:
  if (mpfr_number_p (x->hi)) mpfr_mul_ui (z->hi, x->hi, c, MPFR_RNDU);   /* z.hi >= x.hi c */
  else mpfr_set_inf (z->hi, 1);
  /*@ assert lo_kept: z->lo[0] == \at (z->lo[0], L); */
  /*@ assert hi_q: FrNum (\at (x->hi[0], Pre)) ==> FrGe (z->hi[0], rscale (fr_val (\at (x->hi[0], Pre)), c)); */
  /*@ assert hi_r: \forall real a; \at (Encloses (x, a), Pre) ==> FrGe (z->hi[0], rscale (a, c)); */
  /*@ assert hi_v: \forall real a; \at (Encloses (x, a), Pre) ==> FrGe (z->hi[0], a * c); */
}

/* x / d for a GMP integer d > 0: ic_ival_div_ui for divisors beyond one
 * word (em.c: (SQ M)^2 for M near 2^62); the same endpoint rule. */
/*@ requires valid: \valid (z) && \valid_read (x) && \valid_read (d);
    requires alias: z == x || \separated (z, x);
    requires sep: \separated (z, d);
    requires ok: IvalOk (x) && IvalInited (z);
    requires pos: z_val (*d) > 0;
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: \forall real a; \old (Encloses (x, a)) ==> Encloses (z, a / \old (z_val (*d)));
*/
void ic_ival_div_z (ic_ival_ptr z, ic_ival_srcptr x, mpz_srcptr d)
{
  if (mpfr_number_p (x->lo)) mpfr_div_z (z->lo, x->lo, d, MPFR_RNDD);   /* z.lo <= x.lo / d */
  else mpfr_set_inf (z->lo, -1);
  /*@ assert lo_q: FrNum (\at (x->lo[0], Pre)) ==> FrLe (z->lo[0], rquot (fr_val (\at (x->lo[0], Pre)), \at (z_val (*d), Pre))); */
  /*@ assert lo_r: \forall real a; \at (Encloses (x, a), Pre) ==> FrLe (z->lo[0], rquot (a, \at (z_val (*d), Pre))); */
  /*@ assert lo_v: \forall real a; \at (Encloses (x, a), Pre) ==> FrLe (z->lo[0], a / \at (z_val (*d), Pre)); */
  /* the second call sees x.hi and d as they were on entry (z.lo is
   * separated from both), stated first so that hi_q needs no frame reasoning */
  /*@ assert d_kept: z_val (*d) == \at (z_val (*d), Pre); */
  /*@ assert xhi_kept: x->hi[0] == \at (x->hi[0], Pre); */
L:
  if (mpfr_number_p (x->hi)) mpfr_div_z (z->hi, x->hi, d, MPFR_RNDU);   /* z.hi >= x.hi / d */
  else mpfr_set_inf (z->hi, 1);
  /*@ assert lo_kept: z->lo[0] == \at (z->lo[0], L); */
  /*@ assert hi_l: FrNum (\at (x->hi[0], L)) ==> FrGe (z->hi[0], rquot (fr_val (\at (x->hi[0], L)), \at (z_val (*d), L))); */
  /*@ assert hi_q: FrNum (\at (x->hi[0], Pre)) ==> FrGe (z->hi[0], rquot (fr_val (\at (x->hi[0], Pre)), \at (z_val (*d), Pre))); */
  /*@ assert hi_r: \forall real a; \at (Encloses (x, a), Pre) ==> FrGe (z->hi[0], rquot (a, \at (z_val (*d), Pre))); */
  /*@ assert hi_v: \forall real a; \at (Encloses (x, a), Pre) ==> FrGe (z->hi[0], a / \at (z_val (*d), Pre)); */
}

/* x c for a GMP integer c >= 0: ic_ival_mul_ui for factors beyond one
 * word (em.c: the ratios f1 f2 of the zeta expansion); the same rule. */
/*@ requires valid: \valid (z) && \valid_read (x) && \valid_read (c);
    requires alias: z == x || \separated (z, x);
    requires sep: \separated (z, c);
    requires ok: IvalOk (x) && IvalInited (z);
    requires nonneg: z_val (*c) >= 0;
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: \forall real a; \old (Encloses (x, a)) ==> Encloses (z, a * \old (z_val (*c)));
*/
void ic_ival_mul_z (ic_ival_ptr z, ic_ival_srcptr x, mpz_srcptr c)
{
  if (mpfr_number_p (x->lo)) mpfr_mul_z (z->lo, x->lo, c, MPFR_RNDD);   /* z.lo <= x.lo c */
  else mpfr_set_inf (z->lo, -1);
  /*@ assert lo_q: FrNum (\at (x->lo[0], Pre)) ==> FrLe (z->lo[0], rscale (fr_val (\at (x->lo[0], Pre)), \at (z_val (*c), Pre))); */
  /*@ assert lo_r: \forall real a; \at (Encloses (x, a), Pre) ==> FrLe (z->lo[0], rscale (a, \at (z_val (*c), Pre))); */
  /*@ assert lo_v: \forall real a; \at (Encloses (x, a), Pre) ==> FrLe (z->lo[0], a * \at (z_val (*c), Pre)); */
L:
  if (mpfr_number_p (x->hi)) mpfr_mul_z (z->hi, x->hi, c, MPFR_RNDU);   /* z.hi >= x.hi c */
  else mpfr_set_inf (z->hi, 1);
  /*@ assert lo_kept: z->lo[0] == \at (z->lo[0], L); */
  /*@ assert hi_q: FrNum (\at (x->hi[0], Pre)) ==> FrGe (z->hi[0], rscale (fr_val (\at (x->hi[0], Pre)), \at (z_val (*c), Pre))); */
  /*@ assert hi_r: \forall real a; \at (Encloses (x, a), Pre) ==> FrGe (z->hi[0], rscale (a, \at (z_val (*c), Pre))); */
  /*@ assert hi_v: \forall real a; \at (Encloses (x, a), Pre) ==> FrGe (z->hi[0], a * \at (z_val (*c), Pre)); */
}

/* x 2^e: t -> t 2^e is increasing, so each endpoint is scaled alone
 * (exact unless the exponent range is left; MPFR then rounds in the
 * direction asked); an infinite endpoint stays one.  The power sums of
 * bernoulli.c (scales 2^-P, the geometric factors 4^-k). */
/*@ requires valid: \valid (z) && \valid_read (x);
    requires alias: z == x || \separated (z, x);
    requires ok: IvalOk (x) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: \forall real a; \old (Encloses (x, a)) ==> Encloses (z, a * r_pow2 (e));
*/
void ic_ival_mul_2si (ic_ival_ptr z, ic_ival_srcptr x, long e)
{
  /* in place: z.lo reads only x.lo and z.hi only x.hi (z may be x) */
  mpfr_mul_2si (z->lo, x->lo, e, MPFR_RNDD);
  /*@ assert lo_q: FrNum (\at (x->lo[0], Pre)) ==> FrLe (z->lo[0], rscale (fr_val (\at (x->lo[0], Pre)), r_pow2 (e))); */
  /*@ assert lo_r: \forall real a; \at (Encloses (x, a), Pre) ==> FrLe (z->lo[0], rscale (a, r_pow2 (e))); */
  /*@ assert lo_v: \forall real a; \at (Encloses (x, a), Pre) ==> FrLe (z->lo[0], a * r_pow2 (e)); */
L:
  mpfr_mul_2si (z->hi, x->hi, e, MPFR_RNDU);
  /*@ assert lo_kept: z->lo[0] == \at (z->lo[0], L); */
  /*@ assert hi_q: FrNum (\at (x->hi[0], Pre)) ==> FrGe (z->hi[0], rscale (fr_val (\at (x->hi[0], Pre)), r_pow2 (e))); */
  /*@ assert hi_r: \forall real a; \at (Encloses (x, a), Pre) ==> FrGe (z->hi[0], rscale (a, r_pow2 (e))); */
  /*@ assert hi_v: \forall real a; \at (Encloses (x, a), Pre) ==> FrGe (z->hi[0], a * r_pow2 (e)); */
}

/* x at precision prec, endpoints rounded outward (lo down, hi up): the
 * same endpoints when prec is at least x's precision, a wider interval
 * otherwise.  Replaces the hand-written mpfr_prec_round pairs of em.c's
 * Horner steps and certify.c. */
/*@ requires valid: \valid (x);
    requires ok: IvalOk (x);
    requires prec_ok: FrPrecOk (prec);
    assigns *x;
    ensures ok: IvalOk (x);
    ensures prec: fr_prec (x->lo[0]) == prec && fr_prec (x->hi[0]) == prec;
    ensures sound: \forall real a; \old (Encloses (x, a)) ==> Encloses (x, a);
*/
void ic_ival_round_prec (ic_ival_ptr x, mpfr_prec_t prec)
{
  mpfr_prec_round (x->lo, prec, MPFR_RNDD);
  /*@ assert lo: \forall real a; FrLe (\at (x->lo[0], Pre), a) ==> FrLe (x->lo[0], a); */
L:
  mpfr_prec_round (x->hi, prec, MPFR_RNDU);
  /*@ assert lo_kept: x->lo[0] == \at (x->lo[0], L); */
  /*@ assert hi: \forall real a; FrGe (\at (x->hi[0], Pre), a) ==> FrGe (x->hi[0], a); */
}

/* x y, with a fast path for finite non-negative factors (the sieves'
 * products of powers): 0 <= x.lo <= a <= x.hi and 0 <= y.lo <= b <= y.hi
 * give x.lo y.lo <= a b <= x.hi y.hi, so two roundings where ic_ival_mul
 * takes eight; any other x, y go to ic_ival_mul. */
/*@ requires valid: \valid (z) && \valid_read (x) && \valid_read (y);
    requires alias: (z == x || \separated (z, x)) && (z == y || \separated (z, y));
    requires ok: IvalOk (x) && IvalOk (y) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: \forall real a, b;
      \old (Encloses (x, a)) && \old (Encloses (y, b)) ==> Encloses (z, a * b);
*/
void ic_ival_mul_nonneg (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y)
{
  if (!(mpfr_number_p (x->lo) && mpfr_number_p (x->hi) && mpfr_number_p (y->lo)
        && mpfr_number_p (y->hi) && mpfr_sgn (x->lo) >= 0 && mpfr_sgn (y->lo) >= 0))
    {
      ic_ival_mul (z, x, y);
      return;
    }
  /* in place: z.lo reads only the lower endpoints, z.hi only the upper
   * ones (z may be x or y) */
  mpfr_mul (z->lo, x->lo, y->lo, MPFR_RNDD);     /* z.lo <= x.lo y.lo */
  /*@ assert lo_q: FrLe (z->lo[0], rscale (fr_val (\at (x->lo[0], Pre)), fr_val (\at (y->lo[0], Pre)))); */
  /*@ assert lo_r: \forall real a, b; \at (Encloses (x, a), Pre) && \at (Encloses (y, b), Pre) ==>
        FrLe (z->lo[0], rscale (a, b)); */
  /*@ assert lo_v: \forall real a, b; \at (Encloses (x, a), Pre) && \at (Encloses (y, b), Pre) ==>
        FrLe (z->lo[0], a * b); */
  /*@ assert xh_kept: x->hi[0] == \at (x->hi[0], Pre); */
  /*@ assert yh_kept: y->hi[0] == \at (y->hi[0], Pre); */
L:
  mpfr_mul (z->hi, x->hi, y->hi, MPFR_RNDU);     /* z.hi >= x.hi y.hi */
  /*@ assert hi_p: FrNum (\at (x->hi[0], L)) && FrNum (\at (y->hi[0], L)) ==>
        Rounded (z->hi[0], fr_val (\at (x->hi[0], Pre)) * fr_val (\at (y->hi[0], Pre)), MPFR_RNDU); */
  /*@ assert lo_kept: z->lo[0] == \at (z->lo[0], L); */
  /*@ assert hi_q: FrGe (z->hi[0], rscale (fr_val (\at (x->hi[0], Pre)), fr_val (\at (y->hi[0], Pre)))); */
  /*@ assert hi_r: \forall real a, b; \at (Encloses (x, a), Pre) && \at (Encloses (y, b), Pre) ==>
        FrGe (z->hi[0], rscale (a, b)); */
  /*@ assert hi_v: \forall real a, b; \at (Encloses (x, a), Pre) && \at (Encloses (y, b), Pre) ==>
        FrGe (z->hi[0], a * b); */
}

/* |x|, three cases by the signs of the endpoints; both endpoints are
 * computed into temporaries and moved in (z may alias x):
 *   x.lo >= 0:          [x.lo, x.hi]
 *   x.lo < 0, x.hi <= 0: [-x.hi, -x.lo]
 *   x.lo < 0 < x.hi:     [0, max(-x.lo, x.hi)]
 * The lower endpoint is never negative (nonneg), which ic_ival_sqr uses. */
/*@ requires valid: \valid (z) && \valid_read (x);
    requires alias: z == x || \separated (z, x);
    requires ok: IvalOk (x) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures nonneg: FrPInf (z->lo[0]) || (FrNum (z->lo[0]) && fr_val (z->lo[0]) >= 0);
    ensures sound: \forall real a; \old (Encloses (x, a)) ==> Encloses (z, \abs (a));
*/
void ic_ival_abs (ic_ival_ptr z, ic_ival_srcptr x)
{
  mpfr_t lo, hi;
  mpfr_init2 (lo, mpfr_get_prec (z->lo));
  mpfr_init2 (hi, mpfr_get_prec (z->hi));
  if (mpfr_sgn (x->lo) >= 0)
    {                                            /* x >= 0: |x| = x */
      mpfr_set (lo, x->lo, MPFR_RNDD);
      mpfr_set (hi, x->hi, MPFR_RNDU);
    }
  else if (mpfr_sgn (x->hi) <= 0)
    {                                            /* x <= 0: |x| = -x */
      mpfr_neg (lo, x->hi, MPFR_RNDD);           /* 0 <= lo <= -x.hi */
      mpfr_neg (hi, x->lo, MPFR_RNDU);           /* hi >= -x.lo */
    }
  else
    {                                            /* 0 inside: [0, max(-lo, hi)] */
      mpfr_neg (hi, x->lo, MPFR_RNDU);           /* hi >= -x.lo */
      mpfr_max (hi, hi, x->hi, MPFR_RNDU);       /* hi >= max(-x.lo, x.hi) */
      mpfr_set_zero (lo, 1);
    }
  ival_take (z, lo, hi);
}

/* x^2 = |x|^2, and t -> t^2 is increasing on t >= 0: with a = |x| (a.lo >=
 * 0), [RNDD(a.lo^2), RNDU(a.hi^2)].  No NaN arises (a is not NaN, and
 * sqr(+-Inf) = +Inf); fix() is kept as a guard. */
/*@ requires valid: \valid (z) && \valid_read (x);
    requires alias: z == x || \separated (z, x);
    requires ok: IvalOk (x) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: \forall real a; \old (Encloses (x, a)) ==> Encloses (z, a * a);
*/
void ic_ival_sqr (ic_ival_ptr z, ic_ival_srcptr x)
{
  ic_ival_t a;
  ic_ival_init2 (a, mpfr_get_prec (z->lo));
  /*@ assert x_kept: \forall real b; \at (Encloses (x, b), Pre) ==> Encloses (x, b); */
A:
  ic_ival_abs (a, x);                            /* a = |x|, a.lo >= 0 */
  /*@ assert abs_call: \forall real b; \at (Encloses (x, b), A) ==> Encloses (&a[0], \abs (b)); */
  /*@ assert abs_ok: \forall real b; \at (Encloses (x, b), Pre) ==> Encloses (&a[0], \abs (b)); */
  /*@ assert nonneg: FrPInf (a[0].lo[0]) || (FrNum (a[0].lo[0]) && fr_val (a[0].lo[0]) >= 0); */
L:
  mpfr_sqr (z->lo, a->lo, MPFR_RNDD);            /* z.lo <= a.lo^2 */
  mpfr_sqr (z->hi, a->hi, MPFR_RNDU);            /* z.hi >= a.hi^2 */
  /*@ assert a_kept: a[0].lo[0] == \at (a[0].lo[0], L) && a[0].hi[0] == \at (a[0].hi[0], L); */
  /*@ assert lo_v: FrNum (a[0].lo[0]) ==>
        FrLe (z->lo[0], fr_val (a[0].lo[0]) * fr_val (a[0].lo[0])); */
  /*@ assert hi_v: FrNum (a[0].hi[0]) ==>
        FrGe (z->hi[0], fr_val (a[0].hi[0]) * fr_val (a[0].hi[0])); */
  /*@ assert hi_inf: !FrNum (a[0].hi[0]) ==> FrPInf (z->hi[0]); */
  /*@ assert not_nan: !FrNaN (z->lo[0]) && !FrNaN (z->hi[0]); */
  /*@ assert lo_a: \forall real b; \at (Encloses (x, b), Pre) ==>
        FrNum (a[0].lo[0]) && SqBelow (fr_val (a[0].lo[0]), b); */
  /*@ assert hi_a: \forall real b; \at (Encloses (x, b), Pre) ==>
        FrPInf (a[0].hi[0]) || (FrNum (a[0].hi[0]) && SqAbove (fr_val (a[0].hi[0]), b)); */
  /*@ assert lo_c: \forall real b; SqBelow (fr_val (a[0].lo[0]), b) ==>
        fr_val (a[0].lo[0]) * fr_val (a[0].lo[0]) <= b * b; */
  /*@ assert hi_c: \forall real b; SqAbove (fr_val (a[0].hi[0]), b) ==>
        b * b <= fr_val (a[0].hi[0]) * fr_val (a[0].hi[0]); */
  /*@ assert lo_d: \forall real b; \at (Encloses (x, b), Pre) ==>
        FrNum (a[0].lo[0]) && fr_val (a[0].lo[0]) * fr_val (a[0].lo[0]) <= b * b; */
  /*@ assert hi_d: \forall real b; \at (Encloses (x, b), Pre) ==>
        FrPInf (a[0].hi[0])
        || (FrNum (a[0].hi[0]) && b * b <= fr_val (a[0].hi[0]) * fr_val (a[0].hi[0])); */
  /*@ assert lo_b: \forall real b; \at (Encloses (x, b), Pre) ==> FrLe (z->lo[0], b * b); */
  /*@ assert hi_b: \forall real b; \at (Encloses (x, b), Pre) ==> FrGe (z->hi[0], b * b); */
  ic_ival_clear (a);
  fix (z);
}

/* x^k for k > 0.  Odd k: t -> t^k is increasing on the line
 * (PowSi_Odd_Mono), so [RNDD(x.lo^k), RNDU(x.hi^k)].  Even k: x^k = |x|^k
 * (PowSi_Even_Abs), increasing on t >= 0 (PowSi_Mono), so
 * [RNDD(a.lo^k), RNDU(a.hi^k)] with a = |x| (a.lo >= 0).  An infinite
 * endpoint e gives e^k, as MPFR does: the limits at infinity of the
 * callers (the point [+Inf, +Inf] is the limit x -> inf in src/cm.c and
 * the asymptotic layer: its k-th power is [+Inf, +Inf], its reciprocal
 * [0, 0]) are kept; the contract is vacuous there, since such an x
 * encloses no real. */
/*@ requires valid: \valid (z) && \valid_read (x);
    requires alias: z == x || \separated (z, x);
    requires ok: IvalOk (x) && IvalInited (z);
    requires pos: k > 0;
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: \forall real a; \old (Encloses (x, a)) ==> Encloses (z, r_powsi (a, k));
*/
static void pow_pos (ic_ival_ptr z, ic_ival_srcptr x, long k)
{
  mpfr_t lo, hi;
  mpfr_init2 (lo, mpfr_get_prec (z->lo));
  mpfr_init2 (hi, mpfr_get_prec (z->hi));
  if (k % 2 == 1)
    {
      if (mpfr_number_p (x->lo)) mpfr_pow_si (lo, x->lo, k, MPFR_RNDD);   /* lo <= x.lo^k */
      else mpfr_set_inf (lo, mpfr_sgn (x->lo));                           /* (+-Inf)^k */
      if (mpfr_number_p (x->hi)) mpfr_pow_si (hi, x->hi, k, MPFR_RNDU);   /* hi >= x.hi^k */
      else mpfr_set_inf (hi, mpfr_sgn (x->hi));
      /*@ assert lo_v: FrNum (x->lo[0]) ==> FrLe (lo[0], r_powsi (fr_val (x->lo[0]), k)); */
      /*@ assert hi_v: FrNum (x->hi[0]) ==> FrGe (hi[0], r_powsi (fr_val (x->hi[0]), k)); */
      /*@ assert lo_b: \forall real a; FrLe (x->lo[0], a) ==> FrLe (lo[0], r_powsi (a, k)); */
      /*@ assert hi_b: \forall real a; FrGe (x->hi[0], a) ==> FrGe (hi[0], r_powsi (a, k)); */
      /*@ assert lo_o: \forall real a; \at (Encloses (x, a), Pre) ==> FrLe (lo[0], r_powsi (a, k)); */
      /*@ assert hi_o: \forall real a; \at (Encloses (x, a), Pre) ==> FrGe (hi[0], r_powsi (a, k)); */
    }
  else
    {
      ic_ival_t a;
      ic_ival_init2 (a, mpfr_get_prec (z->lo));
      /*@ assert sep_a: \separated (&a[0], x) && \separated (&a[0], z)
            && \separated (&a[0], &lo[0]) && \separated (&a[0], &hi[0]); */
A:
      ic_ival_abs (a, x);                            /* a = |x|, a.lo >= 0 */
      /*@ assert abs_ok: \forall real b; \at (Encloses (x, b), A) ==> Encloses (&a[0], \abs (b)); */
      /*@ assert nonneg: FrPInf (a[0].lo[0]) || (FrNum (a[0].lo[0]) && fr_val (a[0].lo[0]) >= 0); */
      /*@ assert even: k % 2 == 0; */
      if (mpfr_number_p (a->lo)) mpfr_pow_si (lo, a->lo, k, MPFR_RNDD);   /* lo <= a.lo^k */
      else mpfr_set_inf (lo, 1);                                          /* a.lo = +Inf */
      if (mpfr_number_p (a->hi)) mpfr_pow_si (hi, a->hi, k, MPFR_RNDU);   /* hi >= a.hi^k */
      else mpfr_set_inf (hi, 1);
      /*@ assert lo_v: FrNum (a[0].lo[0]) ==> FrLe (lo[0], r_powsi (fr_val (a[0].lo[0]), k)); */
      /*@ assert hi_v: FrNum (a[0].hi[0]) ==> FrGe (hi[0], r_powsi (fr_val (a[0].hi[0]), k)); */
      /*@ assert lo_b: \forall real b; \at (Encloses (x, b), A) ==> FrLe (lo[0], r_powsi (\abs (b), k)); */
      /*@ assert hi_b: \forall real b; \at (Encloses (x, b), A) ==> FrGe (hi[0], r_powsi (\abs (b), k)); */
      /*@ assert lo_c: \forall real b; \at (Encloses (x, b), A) ==> FrLe (lo[0], r_powsi (b, k)); */
      /*@ assert hi_c: \forall real b; \at (Encloses (x, b), A) ==> FrGe (hi[0], r_powsi (b, k)); */
      /*@ assert lo_e: \forall real b; \at (Encloses (x, b), Pre) ==> FrLe (lo[0], r_powsi (b, k)); */
      /*@ assert hi_e: \forall real b; \at (Encloses (x, b), Pre) ==> FrGe (hi[0], r_powsi (b, k)); */
      ic_ival_clear (a);
    }
  /*@ assert both_lo: \forall real a; \at (Encloses (x, a), Pre) ==> FrLe (lo[0], r_powsi (a, k)); */
  /*@ assert both_hi: \forall real a; \at (Encloses (x, a), Pre) ==> FrGe (hi[0], r_powsi (a, k)); */
  /*@ assert not_nan: !FrNaN (lo[0]) && !FrNaN (hi[0]); */
  ival_take (z, lo, hi);
}

/* 1 / x^m for m > 0: t = x^m (pow_pos), then z = 1 / t by the proved
 * ic_ival_div (the whole line if t may be 0, i.e. 0 in x).  z may be x:
 * x is read (into t) before z is written. */
/*@ requires valid: \valid (z) && \valid_read (x);
    requires alias: z == x || \separated (z, x);
    requires ok: IvalOk (x) && IvalInited (z);
    requires pos: m > 0;
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: \forall real a; \old (Encloses (x, a)) ==> Encloses (z, 1 / r_powsi (a, m));
*/
static void pow_recip (ic_ival_ptr z, ic_ival_srcptr x, long m)
{
  ic_ival_t t;
  ic_ival_init2 (t, mpfr_get_prec (z->lo));
  pow_pos (t, x, m);                                      /* t contains a^m */
  /*@ assert t_pow: \forall real a; \at (Encloses (x, a), Pre) ==> Encloses (&t[0], r_powsi (a, m)); */
  ic_ival_set_si (z, 1);
  /*@ assert t_kept: \forall real a; \at (Encloses (x, a), Pre) ==> Encloses (&t[0], r_powsi (a, m)); */
  /*@ assert one: Encloses (z, 1.0); */
  int st = ic_ival_div (z, z, t);                        /* 1 / t */
  /*@ assert q: st == IC_IVAL_OK ==> \forall real a; \at (Encloses (x, a), Pre) ==>
        r_powsi (a, m) != 0 && Encloses (z, 1.0 / r_powsi (a, m)); */
  /*@ assert e: st != IC_IVAL_OK ==> IvalFull (z); */
  if (st != IC_IVAL_OK) ic_ival_set_full (z);
  /*@ assert f: \forall real a; \at (Encloses (x, a), Pre) ==> Encloses (z, 1 / r_powsi (a, m)); */
  ic_ival_clear (t);
}

/* x^k for an integer k: 1 for k = 0; pow_pos for k > 0; 1 / x^-k
 * (pow_recip, PowSi_Recip) for k < 0; the whole line for k = LONG_MIN,
 * whose -k does not fit a long. */
/*@ requires valid: \valid (z) && \valid_read (x);
    requires alias: z == x || \separated (z, x);
    requires ok: IvalOk (x) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: \forall real a; \old (Encloses (x, a)) ==> Encloses (z, r_powsi (a, k));
*/
void ic_ival_pow_si (ic_ival_ptr z, ic_ival_srcptr x, long k)
{
  if (k == 0) ic_ival_set_si (z, 1);                      /* PowSi_Zero */
  else if (k > 0) pow_pos (z, x, k);
  else if (k == LONG_MIN) ic_ival_set_full (z);
  else
    {
      pow_recip (z, x, -k);
      /*@ assert r: \forall real a; 1 / r_powsi (a, -k) == r_powsi (a, k); */
    }
}

/* ic_ival_rootinv, step 1: E encloses e = n y^q - 1 for y = Y.lo, T = 1. */
/*@ requires valid: \valid (E) && \valid (T) && \valid_read (Y);
    requires sep: \separated (E, T, Y);
    requires ok: IvalOk (Y) && IvalInited (E) && IvalInited (T);
    requires y: FrNum (Y->lo[0]) && Encloses (Y, fr_val (Y->lo[0]));
    requires q: 1 <= q <= LONG_MAX;
    assigns *E, *T;
    ensures ok: IvalOk (E) && IvalOk (T);
    ensures one: Encloses (T, 1);
    ensures e: Encloses (E, n * r_powsi (fr_val (\old (Y->lo[0])), q) - 1);
    ensures y_same: Y->lo[0] == \old (Y->lo[0]) && Y->hi[0] == \old (Y->hi[0]);
*/
static void rootinv_eta (ic_ival_ptr E, ic_ival_ptr T, ic_ival_srcptr Y, unsigned long n, unsigned long q)
{
  ic_ival_pow_si (E, Y, (long) q);
  /*@ assert e_pow: Encloses (E, r_powsi (fr_val (\at (Y->lo[0], Pre)), q)); */
  ic_ival_mul_ui (E, E, n);
  /*@ assert e_mul: Encloses (E, r_powsi (fr_val (\at (Y->lo[0], Pre)), q) * n); */
L:
  ic_ival_set_si (T, 1);
  /*@ assert e_kept: E->lo[0] == \at (E->lo[0], L) && E->hi[0] == \at (E->hi[0], L); */
  ic_ival_sub (E, E, T);
}

/* ic_ival_rootinv, step 2: T = 1 - E/q (T encloses 1 on entry; U: work). */
/*@ requires valid: \valid (T) && \valid (U) && \valid_read (E);
    requires sep: \separated (E, T, U);
    requires ok: IvalOk (E) && IvalOk (T) && IvalInited (U);
    requires q: q >= 1;
    assigns *T, *U;
    ensures ok: IvalOk (T) && IvalOk (U);
    ensures sound: \forall real e, t; \old (Encloses (E, e)) && \old (Encloses (T, t)) ==> Encloses (T, t - e / q);
    ensures e_same: E->lo[0] == \old (E->lo[0]) && E->hi[0] == \old (E->hi[0]);
*/
static void rootinv_lo (ic_ival_ptr T, ic_ival_ptr U, ic_ival_srcptr E, unsigned long q)
{
  ic_ival_div_ui (U, E, q);
  /*@ assert t_kept: T->lo[0] == \at (T->lo[0], Pre) && T->hi[0] == \at (T->hi[0], Pre); */
  ic_ival_sub (T, T, U);
}

/* ic_ival_rootinv, step 3: U = 3 E^2 + T. */
/*@ requires valid: \valid (U) && \valid_read (E) && \valid_read (T);
    requires sep: \separated (E, T, U);
    requires ok: IvalOk (E) && IvalOk (T) && IvalInited (U);
    assigns *U;
    ensures ok: IvalOk (U);
    ensures sound: \forall real e, t; \old (Encloses (E, e)) && \old (Encloses (T, t)) ==> Encloses (U, e * e * 3 + t);
    ensures same: E->lo[0] == \old (E->lo[0]) && E->hi[0] == \old (E->hi[0])
                  && T->lo[0] == \old (T->lo[0]) && T->hi[0] == \old (T->hi[0]);
*/
static void rootinv_hi (ic_ival_ptr U, ic_ival_srcptr E, ic_ival_srcptr T)
{
  ic_ival_sqr (U, E);
  ic_ival_mul_ui (U, U, 3);
  /*@ assert t_kept: T->lo[0] == \at (T->lo[0], Pre) && T->hi[0] == \at (T->hi[0], Pre); */
  ic_ival_add (U, U, T);
}

/* ic_ival_rootinv, step 4: z = Y hull(T, U), where T and U enclose the two
 * ends of [ROOT] (RootInv_Bracket) for y = fr_val (ys), a ghost copy of
 * the caller's Y.lo taken before its calls: a value, not memory, so the
 * caller never moves the facts about y from one memory state to another.
 * E is read only to say that it is still an interval (the caller's
 * contract), which is cheaper here than a frame step in the caller. */
/*@ requires valid: \valid (z) && \valid (T) && \valid_read (U) && \valid_read (Y) && \valid_read (E);
    requires sep: \separated (z, Y, T, U, E);
    requires ok: IvalOk (Y) && IvalOk (T) && IvalOk (U) && IvalOk (E) && IvalInited (z);
    requires y: fr_val (ys) > 0 && Encloses (Y, fr_val (ys));
    requires n: n >= 1;
    requires q: q >= 1;
    requires small: \let e = n * r_powsi (fr_val (ys), q) - 1; -1 <= 4 * e <= 1;
    requires lo_end: \let e = n * r_powsi (fr_val (ys), q) - 1; Encloses (T, 1 - e / q);
    requires hi_end: \let e = n * r_powsi (fr_val (ys), q) - 1; Encloses (U, e * e * 3 + (1 - e / q));
    assigns *z, *T;
    ensures ok: IvalOk (z) && IvalOk (T);
    ensures ok_w: IvalOk (U) && IvalOk (E);
    ensures sound: Encloses (z, r_rootinv (n, q));
*/
static void rootinv_finish (ic_ival_ptr z, ic_ival_srcptr Y, ic_ival_ptr T, ic_ival_srcptr U,
                            ic_ival_srcptr E __attribute__ ((unused)), unsigned long n __attribute__ ((unused)), unsigned long q __attribute__ ((unused))) /*@ ghost (ic_fr_struct ys) */
{
  /*@ assert bracket: \let y = fr_val (ys); \let e = n * r_powsi (y, q) - 1;
        1 - e / q <= r_rootinv (n, q) / y <= e * e * 3 + (1 - e / q); */
  ic_ival_hull (T, T, U);
  /*@ assert w: Encloses (T, r_rootinv (n, q) / fr_val (ys)); */
  /*@ assert y_kept: Y->lo[0] == \at (Y->lo[0], Pre) && Y->hi[0] == \at (Y->hi[0], Pre); */
  /*@ assert y_enc: Encloses (Y, fr_val (ys)); */
L:
  ic_ival_mul (z, Y, T);
  /*@ assert z_prod: Encloses (z, fr_val (ys) * (r_rootinv (n, q) / fr_val (ys))); */
  /*@ assert r: r_rootinv (n, q) == fr_val (ys) * (r_rootinv (n, q) / fr_val (ys)); */
  /*@ assert t_kept: T->lo[0] == \at (T->lo[0], L) && T->hi[0] == \at (T->hi[0], L); */
  /*@ assert ue_kept: U->lo[0] == \at (U->lo[0], Pre) && U->hi[0] == \at (U->hi[0], Pre)
        && E->lo[0] == \at (E->lo[0], Pre) && E->hi[0] == \at (E->hi[0], Pre); */
}

/* n^(-1/q) from an approximation y = Y.lo > 0 of it, by [ROOT]
 * (RootInv_Bracket): with e = n y^q - 1 enclosed in E and |E| <= 1/4,
 * n^(-1/q) / y lies between 1 - e/q and 1 - e/q + 3 e^2, so in the hull T
 * of their enclosures, and n^(-1/q) in Y T.  E, T, U are the caller's work
 * space.  Four steps of at most three calls each (rootinv_eta, _lo, _hi,
 * _finish) keep each goal's context small, and the facts about y are
 * stated on a ghost copy y0 of Y.lo.  em.c takes y from a Newton iteration
 * at half the precision above 2048 bits: the bracket then costs two powers
 * y^q where ic_ival_pow takes two exponentials and two logarithms.
 * Returns 0, z the whole line, when Y.lo is not a positive number below
 * Y.hi or the check |E| <= 1/4 fails. */
/*@ requires valid: \valid (z) && \valid (E) && \valid (T) && \valid (U) && \valid_read (Y);
    requires sep: \separated (z, Y, E, T, U);
    requires ok: IvalOk (Y) && IvalInited (z) && IvalInited (E) && IvalInited (T) && IvalInited (U);
    requires n: n >= 1;
    requires q: q >= 1;
    assigns *z, *E, *T, *U;
    ensures ok_z: IvalOk (z);
    ensures ok_w: IvalOk (E) && IvalOk (T) && IvalOk (U);
    ensures sound: \result != 0 ==> Encloses (z, r_rootinv (n, q));
*/
int ic_ival_rootinv (ic_ival_ptr z, ic_ival_srcptr Y, ic_ival_ptr E, ic_ival_ptr T, ic_ival_ptr U,
                     unsigned long n, unsigned long q)
{
  if (!(q <= LONG_MAX && mpfr_number_p (Y->lo) && mpfr_sgn (Y->lo) > 0 && mpfr_lessequal_p (Y->lo, Y->hi)))
    {
      ic_ival_set_si (E, 0);
      /*@ assert z0: z->lo[0] == \at (z->lo[0], Pre) && z->hi[0] == \at (z->hi[0], Pre); */
      ic_ival_set_si (T, 0);
      /*@ assert z1: z->lo[0] == \at (z->lo[0], Pre) && z->hi[0] == \at (z->hi[0], Pre); */
      ic_ival_set_si (U, 0);
      /*@ assert z2: z->lo[0] == \at (z->lo[0], Pre) && z->hi[0] == \at (z->hi[0], Pre); */
      /*@ assert ok_w: IvalOk (E) && IvalOk (T) && IvalOk (U); */
      ic_ival_set_full (z);
      return 0;
    }
  /*@ ghost ic_fr_struct y0 = Y->lo[0]; */
  /*@ assert y: Encloses (Y, fr_val (y0)) && fr_val (y0) > 0; */
  rootinv_eta (E, T, Y, n, q);
  /*@ assert zy_eta: z->lo[0] == \at (z->lo[0], Pre) && z->hi[0] == \at (z->hi[0], Pre) && Y->lo[0] == \at (Y->lo[0], Pre) && Y->hi[0] == \at (Y->hi[0], Pre); */
  /*@ assert e: \let e = n * r_powsi (fr_val (y0), q) - 1; Encloses (E, e); */
  /*@ assert ok_et: IvalOk (E) && IvalOk (T) && Encloses (T, 1); */
M:
  ic_ival_mul_ui (U, E, 4);                    /* 4 e in U */
  /*@ assert k_m: E->lo[0] == \at (E->lo[0], M) && E->hi[0] == \at (E->hi[0], M)
        && T->lo[0] == \at (T->lo[0], M) && T->hi[0] == \at (T->hi[0], M); */
  /*@ assert zy_m: z->lo[0] == \at (z->lo[0], Pre) && z->hi[0] == \at (z->hi[0], Pre) && Y->lo[0] == \at (Y->lo[0], Pre) && Y->hi[0] == \at (Y->hi[0], Pre); */
  /*@ assert u4: \let e = n * r_powsi (fr_val (y0), q) - 1; Encloses (U, e * 4); */
  /*@ assert ok_m: IvalOk (E) && IvalOk (T) && IvalOk (U); */
  if (!(mpfr_cmp_si (U->lo, -1) >= 0 && mpfr_cmp_si (U->hi, 1) <= 0))
    {
F:
      ic_ival_set_full (z);
      /*@ assert k_f: E->lo[0] == \at (E->lo[0], F) && E->hi[0] == \at (E->hi[0], F)
            && T->lo[0] == \at (T->lo[0], F) && T->hi[0] == \at (T->hi[0], F)
            && U->lo[0] == \at (U->lo[0], F) && U->hi[0] == \at (U->hi[0], F); */
      return 0;
    }
  /*@ assert small: \let e = n * r_powsi (fr_val (y0), q) - 1; -1 <= 4 * e <= 1; */
  /*@ assert e1: \let e = n * r_powsi (fr_val (y0), q) - 1; Encloses (E, e); */
  /*@ assert t1: Encloses (T, 1); */
L1:
  rootinv_lo (T, U, E, q);                      /* 1 - e/q in T */
  /*@ assert zy_lo: z->lo[0] == \at (z->lo[0], Pre) && z->hi[0] == \at (z->hi[0], Pre) && Y->lo[0] == \at (Y->lo[0], Pre) && Y->hi[0] == \at (Y->hi[0], Pre); */
  /*@ assert lo_end: \let e = n * r_powsi (fr_val (y0), q) - 1; Encloses (T, 1 - e / q); */
  /*@ assert e_kept: E->lo[0] == \at (E->lo[0], L1) && E->hi[0] == \at (E->hi[0], L1); */
L2:
  rootinv_hi (U, E, T);                         /* 1 - e/q + 3 e^2 in U */
  /*@ assert zy_hi: z->lo[0] == \at (z->lo[0], Pre) && z->hi[0] == \at (z->hi[0], Pre) && Y->lo[0] == \at (Y->lo[0], Pre) && Y->hi[0] == \at (Y->hi[0], Pre); */
  /*@ assert hi_end: \let e = n * r_powsi (fr_val (y0), q) - 1; Encloses (U, e * e * 3 + (1 - e / q)); */
  /*@ assert t_kept: T->lo[0] == \at (T->lo[0], L2) && T->hi[0] == \at (T->hi[0], L2); */
  /*@ assert ok_2: IvalOk (E) && IvalOk (T) && IvalOk (U); */
  /*@ assert y_now: Encloses (Y, fr_val (y0)); */
  rootinv_finish (z, Y, T, U, E, n, q) /*@ ghost (y0) */;
  return 1;
}

/*@ requires valid: \valid (z) && \valid_read (x);
    requires alias: z == x || \separated (z, x);
    requires ok: IvalOk (x) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: \forall real a; \old (Encloses (x, a)) ==> Encloses (z, r_exp (a));
*/
void ic_ival_exp (ic_ival_ptr z, ic_ival_srcptr x)
{
  mpfr_t lo, hi;
  mpfr_init2 (lo, mpfr_get_prec (z->lo));
  mpfr_init2 (hi, mpfr_get_prec (z->hi));
  mpfr_exp (lo, x->lo, MPFR_RNDD);             /* lo <= exp(x.lo), exp increasing */
  mpfr_exp (hi, x->hi, MPFR_RNDU);             /* hi >= exp(x.hi) */
  /*@ assert lo_bound: \forall real a; FrLe (x->lo[0], a) ==> FrLe (lo[0], r_exp (a)); */
  /*@ assert hi_bound: \forall real a; FrGe (x->hi[0], a) ==> FrGe (hi[0], r_exp (a)); */
  ival_take (z, lo, hi);
}

/*@ requires valid: \valid (z) && \valid_read (x);
    requires alias: z == x || \separated (z, x);
    requires ok: IvalOk (x) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    behavior domain:
      assumes fr_sgn (x->lo[0]) > 0;
      ensures status: \result == IC_IVAL_OK;
      ensures sound: \forall real a; \old (Encloses (x, a)) ==>
                       a > 0 && Encloses (z, r_log (a));
    behavior edom:
      assumes fr_sgn (x->lo[0]) <= 0;
      ensures status: \result == IC_IVAL_EDOM && IvalFull (z);
    complete behaviors;
    disjoint behaviors;
*/
int ic_ival_log (ic_ival_ptr z, ic_ival_srcptr x)
{
  mpfr_t lo, hi;
  if (!ic_ival_is_pos (x)) { ic_ival_set_full (z); return IC_IVAL_EDOM; }
  mpfr_init2 (lo, mpfr_get_prec (z->lo));
  mpfr_init2 (hi, mpfr_get_prec (z->hi));
  mpfr_log (lo, x->lo, MPFR_RNDD);             /* lo <= log(x.lo), log increasing */
  mpfr_log (hi, x->hi, MPFR_RNDU);             /* hi >= log(x.hi) */
  nan_to_inf (lo, -1);                         /* only if x is empty */
  nan_to_inf (hi, +1);
  /*@ assert lo_bound: \forall real a; FrLe (x->lo[0], a) ==> FrLe (lo[0], r_log (a)); */
  /*@ assert hi_bound: \forall real a; FrGe (x->hi[0], a) && a > 0 ==> FrGe (hi[0], r_log (a)); */
  ival_take (z, lo, hi);
  return IC_IVAL_OK;
}

/*@ requires valid: \valid (z) && \valid_read (x);
    requires alias: z == x || \separated (z, x);
    requires ok: IvalOk (x) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    behavior domain:
      assumes FrPInf (x->lo[0]) || (FrNum (x->lo[0]) && fr_val (x->lo[0]) > -1);
      ensures status: \result == IC_IVAL_OK;
      ensures sound: \forall real a; \old (Encloses (x, a)) ==>
                       a > -1 && Encloses (z, r_log (1 + a));
    behavior edom:
      assumes !(FrPInf (x->lo[0]) || (FrNum (x->lo[0]) && fr_val (x->lo[0]) > -1));
      ensures status: \result == IC_IVAL_EDOM && IvalFull (z);
    complete behaviors;
    disjoint behaviors;
*/
int ic_ival_log1p (ic_ival_ptr z, ic_ival_srcptr x)
{
  mpfr_t lo, hi;
  if (!(mpfr_cmp_si (x->lo, -1) > 0)) { ic_ival_set_full (z); return IC_IVAL_EDOM; }
  mpfr_init2 (lo, mpfr_get_prec (z->lo));
  mpfr_init2 (hi, mpfr_get_prec (z->hi));
  mpfr_log1p (lo, x->lo, MPFR_RNDD);           /* lo <= log(1 + x.lo) */
  mpfr_log1p (hi, x->hi, MPFR_RNDU);           /* hi >= log(1 + x.hi) */
  nan_to_inf (lo, -1);                         /* only if x is empty */
  nan_to_inf (hi, +1);
  /*@ assert lo_bound: \forall real a; FrLe (x->lo[0], a) ==> FrLe (lo[0], r_log (1 + a)); */
  /*@ assert hi_bound: \forall real a; FrGe (x->hi[0], a) && a > -1 ==> FrGe (hi[0], r_log (1 + a)); */
  ival_take (z, lo, hi);
  return IC_IVAL_OK;
}

/*@ requires valid: \valid (z) && \valid_read (x);
    requires alias: z == x || \separated (z, x);
    requires ok: IvalOk (x) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    behavior domain:
      assumes fr_sgn (x->lo[0]) >= 0;
      ensures status: \result == IC_IVAL_OK;
      ensures sound: \forall real a; \old (Encloses (x, a)) ==>
                       a >= 0 && Encloses (z, r_sqrt (a));
    behavior edom:
      assumes fr_sgn (x->lo[0]) < 0;
      ensures status: \result == IC_IVAL_EDOM && IvalFull (z);
    complete behaviors;
    disjoint behaviors;
*/
int ic_ival_sqrt (ic_ival_ptr z, ic_ival_srcptr x)
{
  mpfr_t lo, hi;
  if (!ic_ival_is_nonneg (x)) { ic_ival_set_full (z); return IC_IVAL_EDOM; }
  mpfr_init2 (lo, mpfr_get_prec (z->lo));
  mpfr_init2 (hi, mpfr_get_prec (z->hi));
  mpfr_sqrt (lo, x->lo, MPFR_RNDD);            /* lo <= sqrt(x.lo), sqrt increasing */
  mpfr_sqrt (hi, x->hi, MPFR_RNDU);            /* hi >= sqrt(x.hi) */
  nan_to_inf (lo, -1);                         /* only if x is empty */
  nan_to_inf (hi, +1);
  /*@ assert lo_bound: \forall real a; FrLe (x->lo[0], a) ==> a >= 0 && FrLe (lo[0], r_sqrt (a)); */
  /*@ assert hi_bound: \forall real a; FrGe (x->hi[0], a) && a >= 0 ==> FrGe (hi[0], r_sqrt (a)); */
  ival_take (z, lo, hi);
  return IC_IVAL_OK;
}

/* x^y = exp(y log x) for x > 0 (axiom PowX_Def of specs/powexp.acsl).
 * Two paths:
 *  - x and y finite points: one correctly rounded mpfr_pow per direction
 *    (an infinite point such as [+Inf, +Inf] is not "exact" and takes the
 *    second path, so mpfr_pow only sees a finite base > 0 and a finite
 *    exponent, the case its contract describes);
 *  - otherwise exp of the interval product log(x) * y, through the proved
 *    kernels ic_ival_log, ic_ival_mul, ic_ival_exp, on a temporary with 10
 *    more bits than z (fewer only at IC_PREC_MAX): monotonicity of x^y in
 *    each argument is never needed.
 * z is written last (ival_take, ic_ival_exp), so it may alias x or y. */
/*@ requires valid: \valid (z) && \valid_read (x) && \valid_read (y);
    requires alias: (z == x || \separated (z, x)) && (z == y || \separated (z, y));
    requires ok: IvalOk (x) && IvalOk (y) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    behavior domain:
      assumes fr_sgn (x->lo[0]) > 0;
      ensures status: \result == IC_IVAL_OK;
      ensures sound: \forall real a, b;
        \old (Encloses (x, a)) && \old (Encloses (y, b)) ==>
          a > 0 && Encloses (z, r_pow (a, b));
    behavior edom:
      assumes fr_sgn (x->lo[0]) <= 0;
      ensures status: \result == IC_IVAL_EDOM && IvalFull (z);
    complete behaviors;
    disjoint behaviors;
*/
int ic_ival_pow (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y)
{
  mpfr_prec_t p;
  if (!ic_ival_is_pos (x)) { ic_ival_set_full (z); return IC_IVAL_EDOM; }
  if (ic_ival_is_exact (x) && ic_ival_is_exact (y))
    {
      mpfr_t lo, hi;
      /*@ assert pt: FrNum (x->lo[0]) && fr_val (x->lo[0]) > 0
                     && FrNum (x->hi[0]) && fr_val (x->hi[0]) == fr_val (x->lo[0])
                     && FrNum (y->lo[0]) && FrNum (y->hi[0])
                     && fr_val (y->hi[0]) == fr_val (y->lo[0]); */
      mpfr_init2 (lo, mpfr_get_prec (z->lo));
      mpfr_init2 (hi, mpfr_get_prec (z->hi));
      mpfr_pow (lo, x->lo, y->lo, MPFR_RNDD);   /* lo <= x^y (correctly rounded) */
      mpfr_pow (hi, x->hi, y->hi, MPFR_RNDU);   /* hi >= x^y */
      /*@ assert pt_lo: Rounded (lo[0], r_pow (fr_val (x->lo[0]), fr_val (y->lo[0])), MPFR_RNDD); */
      /*@ assert pt_hi: Rounded (hi[0], r_pow (fr_val (x->lo[0]), fr_val (y->lo[0])), MPFR_RNDU); */
      /*@ assert pt_sound: \forall real a, b; Encloses (x, a) && Encloses (y, b) ==>
            a > 0 && FrLe (lo[0], r_pow (a, b)) && FrGe (hi[0], r_pow (a, b)); */
      ival_take (z, lo, hi);
      /*@ assert pt_ok: IvalOk (z); */
      /*@ assert pt_fin: \forall real a, b;
            \at (Encloses (x, a), Pre) && \at (Encloses (y, b), Pre) ==>
            a > 0 && Encloses (z, r_pow (a, b)); */
      return IC_IVAL_OK;
    }
  p = mpfr_get_prec (z->lo);
  if (p <= IC_PREC_MAX - 10) p += 10;           /* guard bits for the product */
  {
    ic_ival_t l;
    ic_ival_init2 (l, p);
    ic_ival_log (l, x);                         /* log a in l for a in x (x > 0) */
    /*@ assert l_log: \forall real a; Encloses (x, a) ==> a > 0 && Encloses (&l[0], r_log (a)); */
    ic_ival_mul (l, l, y);                      /* log(a) b in l */
    /*@ assert l_mul: \forall real a, b; Encloses (x, a) && Encloses (y, b) ==>
          a > 0 && Encloses (&l[0], r_log (a) * b); */
    /*@ assert x_lo_kept: x->lo[0] == \at (x->lo[0], Pre); */
    /*@ assert x_hi_kept: x->hi[0] == \at (x->hi[0], Pre); */
    /*@ assert y_lo_kept: y->lo[0] == \at (y->lo[0], Pre); */
    /*@ assert y_hi_kept: y->hi[0] == \at (y->hi[0], Pre); */
    /*@ assert l_pre: \forall real a, b;
          \at (Encloses (x, a), Pre) && \at (Encloses (y, b), Pre) ==>
          a > 0 && Encloses (&l[0], r_log (a) * b); */
    ic_ival_exp (z, l);                         /* exp(log(a) b) = a^b in z */
    /*@ assert z_ok: IvalOk (z); */
    /*@ assert z_exp: \forall real a, b;
          \at (Encloses (x, a), Pre) && \at (Encloses (y, b), Pre) ==>
          a > 0 && Encloses (z, r_exp (r_log (a) * b)); */
    /*@ assert z_powx: \forall real a, b;
          \at (Encloses (x, a), Pre) && \at (Encloses (y, b), Pre) ==>
          a > 0 && Encloses (z, r_powx (a, b)) && r_powx (a, b) == r_pow (a, b); */
    /*@ assert z_pow: \forall real a, b;
          \at (Encloses (x, a), Pre) && \at (Encloses (y, b), Pre) ==>
          a > 0 && Encloses (z, r_pow (a, b)); */
    /*@ assert l_sep: \separated (z, &l[0]); */
    /*@ assert l_sep_lo: \separated (&z->lo[0], &l[0]); */
    /*@ assert l_sep_hi: \separated (&z->hi[0], &l[0]); */
  Z:
    ic_ival_clear (l);
    /*@ assert z_lo_kept: z->lo[0] == \at (z->lo[0], Z); */
    /*@ assert z_hi_kept: z->hi[0] == \at (z->hi[0], Z); */
  }
  return IC_IVAL_OK;
}

/* atan is increasing; an infinite end gives the bound 2 > pi/2 (axiom
 * Atan_Bounded), a little wider than pi/2 but never a false one. */
/*@ requires valid: \valid (z) && \valid_read (x);
    requires alias: z == x || \separated (z, x);
    requires ok: IvalOk (x) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: \forall real a; \old (Encloses (x, a)) ==> Encloses (z, r_atan (a));
*/
void ic_ival_atan (ic_ival_ptr z, ic_ival_srcptr x)
{
  mpfr_t lo, hi;
  mpfr_init2 (lo, mpfr_get_prec (z->lo));
  mpfr_init2 (hi, mpfr_get_prec (z->hi));
  if (mpfr_number_p (x->lo)) mpfr_atan (lo, x->lo, MPFR_RNDD);   /* lo <= atan(x.lo) */
  else mpfr_set_si (lo, -2, MPFR_RNDD);                          /* -2 <= atan(a) */
  if (mpfr_number_p (x->hi)) mpfr_atan (hi, x->hi, MPFR_RNDU);   /* hi >= atan(x.hi) */
  else mpfr_set_si (hi, 2, MPFR_RNDU);                           /* 2 >= atan(a) */
  /*@ assert lo_bound: \forall real a; FrLe (x->lo[0], a) ==> FrLe (lo[0], r_atan (a)); */
  /*@ assert hi_bound: \forall real a; FrGe (x->hi[0], a) ==> FrGe (hi[0], r_atan (a)); */
  ival_take (z, lo, hi);
}

/* sin (cosine == 0) or cos (cosine != 0): both are 1-Lipschitz and
 * bounded by 1 (Sin_Lipschitz, Sin_Bounded, Cos_*).  With m a number and
 * r >= max(x.hi - m, m - x.lo), every a in x has |a - m| <= r, so f(a)
 * lies in [f(m) - r, f(m) + r], intersected with [-1, 1].  m is the
 * midpoint, moved into x (any m is sound; the midpoint is tightest); an
 * infinite x, or an m or r that is not a number, gives [-1, 1]. */
/*@ requires valid: \valid (z) && \valid_read (x);
    requires alias: z == x || \separated (z, x);
    requires ok: IvalOk (x) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: \forall real a; \old (Encloses (x, a)) ==> Encloses (z, r_trig (cosine, a));
*/
static void trig_lipschitz (ic_ival_ptr z, ic_ival_srcptr x, int cosine)
{
  mpfr_prec_t p = mpfr_get_prec (z->lo);
  mpfr_t m, r, t, lo, hi;
  mpfr_init2 (m, mpfr_get_prec (x->lo));
  mpfr_init2 (r, p);
  mpfr_init2 (t, p);
  mpfr_init2 (lo, p);
  mpfr_init2 (hi, mpfr_get_prec (z->hi));
  mpfr_set_si (lo, -1, MPFR_RNDD);                       /* [-1, 1]: Sin_Bounded */
  mpfr_set_si (hi, 1, MPFR_RNDU);
  if (mpfr_number_p (x->lo) && mpfr_number_p (x->hi))
    {
      mpfr_add (m, x->lo, x->hi, MPFR_RNDN);
      mpfr_div_2ui (m, m, 1, MPFR_RNDN);
      if (mpfr_less_p (m, x->lo)) mpfr_set (m, x->lo, MPFR_RNDN);
      if (mpfr_less_p (x->hi, m)) mpfr_set (m, x->hi, MPFR_RNDN);
      mpfr_sub (r, x->hi, m, MPFR_RNDU);                 /* r >= hi - m */
      mpfr_sub (t, m, x->lo, MPFR_RNDU);                 /* t >= m - lo */
      mpfr_max (r, r, t, MPFR_RNDU);                     /* r >= max |a - m| */
      if (mpfr_number_p (m) && mpfr_number_p (r))
        {
          /*@ assert rad: \forall real a; Encloses (x, a) ==> \abs (a - fr_val (m[0])) <= fr_val (r[0]); */
          if (cosine) mpfr_cos (t, m, MPFR_RNDD); else mpfr_sin (t, m, MPFR_RNDD);   /* t <= f(m) */
          /*@ assert fm_lo: FrLe (t[0], r_trig (cosine, fr_val (m[0]))); */
          mpfr_sub (t, t, r, MPFR_RNDD);                 /* t <= f(m) - r <= f(a) */
          /*@ assert lo_v: \forall real a; Encloses (x, a) ==> FrLe (t[0], r_trig (cosine, a)); */
          if (mpfr_less_p (lo, t)) mpfr_set (lo, t, MPFR_RNDD);
          if (cosine) mpfr_cos (t, m, MPFR_RNDU); else mpfr_sin (t, m, MPFR_RNDU);   /* t >= f(m) */
          /*@ assert fm_hi: FrGe (t[0], r_trig (cosine, fr_val (m[0]))); */
          mpfr_add (t, t, r, MPFR_RNDU);                 /* t >= f(m) + r >= f(a) */
          /*@ assert hi_v: \forall real a; Encloses (x, a) ==> FrGe (t[0], r_trig (cosine, a)); */
          if (mpfr_less_p (t, hi)) mpfr_set (hi, t, MPFR_RNDU);
        }
    }
  /*@ assert lo_b: \forall real a; \at (Encloses (x, a), Pre) ==> FrLe (lo[0], r_trig (cosine, a)); */
  /*@ assert hi_b: \forall real a; \at (Encloses (x, a), Pre) ==> FrGe (hi[0], r_trig (cosine, a)); */
  /*@ assert not_nan: !FrNaN (lo[0]) && !FrNaN (hi[0]); */
  mpfr_clear (m);
  mpfr_clear (r);
  mpfr_clear (t);
  ival_take (z, lo, hi);
}

/*@ requires valid: \valid (z) && \valid_read (x);
    requires alias: z == x || \separated (z, x);
    requires ok: IvalOk (x) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: \forall real a; \old (Encloses (x, a)) ==> Encloses (z, r_sin (a));
*/
void ic_ival_sin (ic_ival_ptr z, ic_ival_srcptr x)
{
  trig_lipschitz (z, x, 0);
  /*@ assert s: \forall real a; r_trig (0, a) == r_sin (a); */
}

/*@ requires valid: \valid (z) && \valid_read (x);
    requires alias: z == x || \separated (z, x);
    requires ok: IvalOk (x) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: \forall real a; \old (Encloses (x, a)) ==> Encloses (z, r_cos (a));
*/
void ic_ival_cos (ic_ival_ptr z, ic_ival_srcptr x)
{
  trig_lipschitz (z, x, 1);
  /*@ assert c: \forall real a; r_trig (1, a) == r_cos (a); */
}

/*@ requires valid: \valid (z) && \valid_read (x) && \valid_read (y);
    requires alias: (z == x || \separated (z, x)) && (z == y || \separated (z, y));
    requires ok: IvalOk (x) && IvalOk (y) && IvalInited (z);
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: \forall real a; \old (Encloses (x, a)) || \old (Encloses (y, a)) ==> Encloses (z, a);
*/
void ic_ival_hull (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y)
{
  mpfr_t lo, hi;
  mpfr_init2 (lo, mpfr_get_prec (z->lo));
  mpfr_init2 (hi, mpfr_get_prec (z->hi));
  mpfr_min (lo, x->lo, y->lo, MPFR_RNDD);      /* lo <= both lower ends */
  mpfr_max (hi, x->hi, y->hi, MPFR_RNDU);      /* hi >= both upper ends */
  /*@ assert lo_bound: \forall real a; FrLe (x->lo[0], a) || FrLe (y->lo[0], a) ==> FrLe (*lo, a); */
  /*@ assert hi_bound: \forall real a; FrGe (x->hi[0], a) || FrGe (y->hi[0], a) ==> FrGe (*hi, a); */
  ival_take (z, lo, hi);
}

/* The intersection, rounded outward (a point in both lies in z); 0 and z
 * unchanged when the two are certainly disjoint (x.hi < y.lo or y.hi <
 * x.lo: no real lies in both). */
/*@ requires valid: \valid (z) && \valid_read (x) && \valid_read (y);
    requires alias: (z == x || \separated (z, x)) && (z == y || \separated (z, y));
    requires ok: IvalOk (x) && IvalOk (y) && IvalInited (z);
    assigns *z;
    ensures ok: \result != 0 ==> IvalOk (z);
    ensures empty: \result == 0 ==> \forall real a; !(\old (Encloses (x, a)) && \old (Encloses (y, a)));
    ensures unchanged: \result == 0 ==> z->lo[0] == \old (z->lo[0]) && z->hi[0] == \old (z->hi[0]);
    ensures sound: \result != 0 ==>
      \forall real a; \old (Encloses (x, a)) && \old (Encloses (y, a)) ==> Encloses (z, a);
*/
int ic_ival_intersect (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y)
{
  if (mpfr_less_p (x->hi, y->lo) || mpfr_less_p (y->hi, x->lo)) return 0;
  mpfr_t lo, hi;
  mpfr_init2 (lo, mpfr_get_prec (z->lo));
  mpfr_init2 (hi, mpfr_get_prec (z->hi));
  mpfr_max (lo, x->lo, y->lo, MPFR_RNDD);      /* lo <= the larger lower end */
  mpfr_min (hi, x->hi, y->hi, MPFR_RNDU);      /* hi >= the smaller upper end */
  /*@ assert lo_bound: \forall real a; FrLe (x->lo[0], a) && FrLe (y->lo[0], a) ==> FrLe (*lo, a); */
  /*@ assert hi_bound: \forall real a; FrGe (x->hi[0], a) && FrGe (y->hi[0], a) ==> FrGe (*hi, a); */
  ival_take (z, lo, hi);
  return 1;
}

/*@ requires valid: \valid_read (x) && IvalInited (x);
    assigns \nothing;
    ensures \result != 0 <==> fr_sgn (x->lo[0]) > 0;
*/
int ic_ival_is_pos (ic_ival_srcptr x) { return mpfr_sgn (x->lo) > 0; }
/*@ requires valid: \valid_read (x) && IvalInited (x);
    assigns \nothing;
    ensures \result != 0 <==> fr_sgn (x->hi[0]) < 0;
*/
int ic_ival_is_neg (ic_ival_srcptr x) { return mpfr_sgn (x->hi) < 0; }
/*@ requires valid: \valid_read (x) && IvalInited (x);
    assigns \nothing;
    ensures \result != 0 <==> fr_sgn (x->lo[0]) >= 0;
*/
int ic_ival_is_nonneg (ic_ival_srcptr x) { return mpfr_sgn (x->lo) >= 0; }
/*@ requires valid: \valid_read (x) && IvalInited (x);
    assigns \nothing;
    ensures \result != 0 <==> fr_sgn (x->hi[0]) <= 0;
*/
int ic_ival_is_nonpos (ic_ival_srcptr x) { return mpfr_sgn (x->hi) <= 0; }
/*@ requires valid: \valid_read (x) && IvalInited (x);
    assigns \nothing;
    ensures finite: \result != 0 <==> (FrNum (x->lo[0]) && FrNum (x->hi[0]));
*/
int ic_ival_is_finite (ic_ival_srcptr x) { return mpfr_number_p (x->lo) && mpfr_number_p (x->hi); }
/*@ requires valid: \valid_read (x) && IvalInited (x);
    assigns \nothing;
    ensures exact: \result != 0 <==>
      (FrNum (x->lo[0]) && FrNum (x->hi[0]) && fr_val (x->lo[0]) == fr_val (x->hi[0]));
*/
int ic_ival_is_exact (ic_ival_srcptr x) { return mpfr_number_p (x->lo) && mpfr_equal_p (x->lo, x->hi); }
/* Every point of x is below every point of y. */
/*@ requires valid: \valid_read (x) && \valid_read (y) && IvalOk (x) && IvalOk (y);
    assigns \nothing;
    ensures sound: \result != 0 ==> \forall real a, b; Encloses (x, a) && Encloses (y, b) ==> a < b;
*/
int ic_ival_lt (ic_ival_srcptr x, ic_ival_srcptr y) { return mpfr_less_p (x->hi, y->lo); }
/*@ requires valid: \valid_read (x) && IvalOk (x) && \valid_read (v) && FrInited (*v);
    assigns \nothing;
    ensures sound: \result != 0 ==> FrNum (*v) ==> Encloses (x, fr_val (*v));
*/
int ic_ival_contains_fr (ic_ival_srcptr x, mpfr_srcptr v)
{
  return mpfr_lessequal_p (x->lo, v) && mpfr_lessequal_p (v, x->hi);
}

/* r >= |a| for every a in x (+Inf when an end is infinite). */
/*@ requires valid: \valid (r) && FrInited (*r) && \valid_read (x) && IvalOk (x);
    requires sep: \separated (r, &x->lo[0]) && \separated (r, &x->hi[0]);
    assigns *r;
    ensures inited: FrInited (*r) && !FrNaN (*r);
    ensures sound: \forall real a; Encloses (x, a) ==> FrGe (*r, \abs (a));
*/
void ic_ival_mag_upper (mpfr_ptr r, ic_ival_srcptr x)
{
  mpfr_t t;
  mpfr_init2 (t, mpfr_get_prec (r));
  mpfr_abs (t, x->lo, MPFR_RNDU);
  mpfr_abs (r, x->hi, MPFR_RNDU);
  mpfr_max (r, r, t, MPFR_RNDU);
  mpfr_clear (t);
}

/* r <= |a| for every a in x, r >= 0. */
/*@ requires valid: \valid (r) && FrInited (*r) && \valid_read (x) && IvalOk (x);
    requires sep: \separated (r, &x->lo[0]) && \separated (r, &x->hi[0]);
    assigns *r;
    ensures inited: FrInited (*r) && !FrNaN (*r);
    ensures sound: \forall real a; Encloses (x, a) ==> FrLe (*r, \abs (a));
*/
void ic_ival_mag_lower (mpfr_ptr r, ic_ival_srcptr x)
{
  if (mpfr_sgn (x->lo) > 0) mpfr_set (r, x->lo, MPFR_RNDD);
  else if (mpfr_sgn (x->hi) < 0) mpfr_neg (r, x->hi, MPFR_RNDD);
  else mpfr_set_zero (r, 1);
}

/* r >= b - a for every two points a, b of x (when both ends are finite;
 * otherwise r is +Inf or the interval is empty). */
/*@ requires valid: \valid (r) && FrInited (*r) && \valid_read (x) && IvalOk (x);
    requires sep: \separated (r, &x->lo[0]) && \separated (r, &x->hi[0]);
    assigns *r;
    ensures inited: FrInited (*r);
    ensures sound: FrNum (x->lo[0]) && FrNum (x->hi[0]) ==>
      \forall real a, b; Encloses (x, a) && Encloses (x, b) ==> FrGe (*r, b - a);
*/
void ic_ival_width_upper (mpfr_ptr r, ic_ival_srcptr x)
{
  mpfr_sub (r, x->hi, x->lo, MPFR_RNDU);
}
