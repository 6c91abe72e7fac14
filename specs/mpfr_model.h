/* specs/mpfr_model.h — TRUSTED: the ACSL model of the MPFR functions the verified
 * kernels call, as contracts on re-declarations of the real prototypes.
 *
 * Model (see proofs/README.md, "Trusted base"):
 *  - An mpfr value is modelled by logic functions of the struct *value*
 *    (__mpfr_struct, i.e. `*x`): fr_kind (finite / NaN / +Inf / -Inf),
 *    fr_val (the real value when finite; -0 and +0 are both 0), fr_prec,
 *    and the predicate FrInited (set by mpfr_init2, removed by mpfr_clear).
 *    The value also depends on the limbs the struct owns; MPFR never shares
 *    limbs between variables, and kernels never read limbs directly, so a
 *    call that assigns `*rop` leaves every other value unchanged.
 *  - One rounding predicate, Rounded(x, r, rnd): the result is not NaN;
 *    RNDD gives a lower bound of r (or -Inf on negative overflow), RNDU an
 *    upper bound (or +Inf on positive overflow); the sign is preserved (RNDD
 *    of r >= 0 is a finite number >= 0, RNDU of r <= 0 a finite number
 *    <= 0: zero is representable).  This is MPFR's documented correct
 *    rounding (MPFR manual, sec. 4.2 "Rounding", 4.5 "Exceptions"),
 *    weakened to the directions the kernels use.
 *  - Special values follow IEEE 754 / the MPFR manual (sec. 4.3, "Special
 *    values"): NaN propagates, +Inf + -Inf = NaN, exp(-Inf) = +0, ...
 *  - The global exception flags (underflow, erange, ...) are outside the
 *    model: the kernels never read them.
 * gcc checks every re-declaration below against <mpfr.h> (tests/test_axioms.c
 * includes this file), so the prototypes cannot drift.
 */
#ifndef IC_SPECS_MPFR_MODEL_H
#define IC_SPECS_MPFR_MODEL_H

#ifndef MPFR_USE_NO_MACRO
#define MPFR_USE_NO_MACRO 1
#endif
#include <gmp.h>
#include <mpfr.h>

/* ACSL's lexer does not take identifiers starting with "__" as types. */
typedef __mpfr_struct ic_fr_struct;
typedef __mpz_struct ic_z_struct;
typedef __mpq_struct ic_q_struct;

/*@ axiomatic GmpValue {
      // The value of a GMP integer and of a canonical GMP rational (GMP
      // manual, sec. 5 and 6) as a function of the struct, as fr_val is of
      // an mpfr struct.  No property is used: the contracts of mpfr_set_z
      // and mpfr_set_q say their results are these values correctly
      // rounded.
      logic real z_val (ic_z_struct x);
      logic real q_val (ic_q_struct x);
    }
*/

/*@ axiomatic Pow2 {
      // 2^e for an integer e: the factor of mpfr_mul_2si.  Only its sign
      // is used; a block keyed on its own symbol, so it enters only the
      // goals that mention r_pow2 (ic_ival_mul_2si's).
      logic real r_pow2 (integer e);
      axiom Pow2_Pos: \forall integer e; r_pow2 (e) > 0;
    }
*/

/*@ axiomatic MpfrValue {
      logic integer fr_kind (ic_fr_struct x);
      logic real    fr_val  (ic_fr_struct x);
      logic integer fr_prec (ic_fr_struct x);
      predicate     FrInited (ic_fr_struct x);

      axiom fr_kind_range: \forall ic_fr_struct x; 0 <= fr_kind (x) <= 3;
      axiom fr_prec_range: \forall ic_fr_struct x;
        FrInited (x) ==> 1 <= fr_prec (x) <= 9223372036854775551;
    }
    logic integer FR_NUM  = 0;
    logic integer FR_NAN  = 1;
    logic integer FR_PINF = 2;
    logic integer FR_NINF = 3;
    predicate FrNum  (ic_fr_struct x) = fr_kind (x) == 0;
    predicate FrNaN  (ic_fr_struct x) = fr_kind (x) == 1;
    predicate FrPInf (ic_fr_struct x) = fr_kind (x) == 2;
    predicate FrNInf (ic_fr_struct x) = fr_kind (x) == 3;
    predicate FrPrecOk (integer p) = 1 <= p <= 9223372036854775551;

    // "x <= r" with x an extended real (-Inf below everything, +Inf and NaN
    // below nothing) and "x >= r" symmetrically.
    predicate FrLe (ic_fr_struct x, real r) =
      FrNInf (x) || (FrNum (x) && fr_val (x) <= r);
    predicate FrGe (ic_fr_struct x, real r) =
      FrPInf (x) || (FrNum (x) && fr_val (x) >= r);

    predicate Rounded (ic_fr_struct x, real r, mpfr_rnd_t rnd) =
      !FrNaN (x)
      && (rnd == MPFR_RNDD ==>
            FrLe (x, r) && (r >= 0 ==> FrNum (x) && fr_val (x) >= 0))
      && (rnd == MPFR_RNDU ==>
            FrGe (x, r) && (r <= 0 ==> FrNum (x) && fr_val (x) <= 0));

    // Kinds of non-finite results (IEEE 754).
    logic integer kind_neg (integer a) = a == 2 ? 3 : (a == 3 ? 2 : a);
    logic integer kind_add (integer a, integer b) =
      (a == 1 || b == 1) ? 1 :
      ((a == 2 && b == 3) || (a == 3 && b == 2)) ? 1 :
      (a == 2 || b == 2) ? 2 :
      (a == 3 || b == 3) ? 3 : 0;
    // sign of an extended value: +1, -1, or 0 (zero or NaN)
    logic integer fr_sgn (ic_fr_struct x) =
      fr_kind (x) == 2 ? 1 : fr_kind (x) == 3 ? -1 : fr_kind (x) == 1 ? 0 :
      (fr_val (x) > 0 ? 1 : (fr_val (x) < 0 ? -1 : 0));
*/

/* ---- initialisation, precision, assignment ---- */

/*@ requires \valid (x);
    requires FrPrecOk (prec);
    assigns *x;
    ensures FrInited (*x) && fr_prec (*x) == prec && FrNaN (*x);
*/
void mpfr_init2 (mpfr_ptr x, mpfr_prec_t prec);

/*@ requires \valid (x) && FrInited (*x);
    assigns *x;
    ensures !FrInited (*x);
*/
void mpfr_clear (mpfr_ptr x);

/*@ requires \valid_read (x) && FrInited (*x);
    assigns \nothing;
    ensures \result == fr_prec (*x) && FrPrecOk (\result);
*/
mpfr_prec_t mpfr_get_prec (mpfr_srcptr x);

/* Precision change: the value is lost (MPFR manual 5.2: "the previous
 * value stored in x is lost"; it is NaN afterwards). */
/*@ requires \valid (x) && FrInited (*x) && FrPrecOk (prec);
    assigns *x;
    ensures FrInited (*x) && fr_prec (*x) == prec && FrNaN (*x);
*/
void mpfr_set_prec (mpfr_ptr x, mpfr_prec_t prec);

/*@ requires \valid (x) && \valid (y) && FrInited (*x) && FrInited (*y);
    assigns *x, *y;
    ensures *x == \old (*y) && *y == \old (*x);
*/
void mpfr_swap (mpfr_ptr x, mpfr_ptr y);

/*@ requires \valid (rop) && \valid_read (op);
    requires FrInited (*rop) && FrInited (*op);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op)) ==> Rounded (*rop, fr_val (\old (*op)), rnd);
    ensures !FrNum (\old (*op)) ==> fr_kind (*rop) == fr_kind (\old (*op));
*/
int mpfr_set (mpfr_ptr rop, mpfr_srcptr op, mpfr_rnd_t rnd);

/*@ requires \valid (rop) && FrInited (*rop);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures Rounded (*rop, (real) op, rnd) && FrNum (*rop);
*/
int mpfr_set_si (mpfr_ptr rop, long op, mpfr_rnd_t rnd);

/*@ requires \valid (rop) && FrInited (*rop);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures sign < 0 ==> FrNInf (*rop);
    ensures sign >= 0 ==> FrPInf (*rop);
*/
void mpfr_set_inf (mpfr_ptr rop, int sign);

/*@ requires \valid (rop) && FrInited (*rop);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (*rop) && fr_val (*rop) == 0;
*/
void mpfr_set_zero (mpfr_ptr rop, int sign);

/* ---- predicates and comparisons ---- */

/*@ requires \valid_read (x) && FrInited (*x);
    assigns \nothing;
    ensures \result != 0 <==> FrNaN (*x);
*/
int mpfr_nan_p (mpfr_srcptr x);

/*@ requires \valid_read (x) && FrInited (*x);
    assigns \nothing;
    ensures \result != 0 <==> FrNum (*x);
*/
int mpfr_number_p (mpfr_srcptr x);

/*@ requires \valid_read (x) && FrInited (*x);
    assigns \nothing;
    ensures \result != 0 <==> (FrNum (*x) && fr_val (*x) == 0);
*/
int mpfr_zero_p (mpfr_srcptr x);

/*@ requires \valid_read (x) && FrInited (*x);
    assigns \nothing;
    ensures \result == fr_sgn (*x);
*/
int mpfr_sgn (mpfr_srcptr x);

/* Comparisons with an integer: on NaN the result is 0 (erange flag). */
/*@ requires \valid_read (x) && FrInited (*x);
    assigns \nothing;
    ensures FrNum (*x) && fr_val (*x) > i ==> \result > 0;
    ensures FrNum (*x) && fr_val (*x) < i ==> \result < 0;
    ensures FrNum (*x) && fr_val (*x) == i ==> \result == 0;
    ensures FrPInf (*x) ==> \result > 0;
    ensures FrNInf (*x) ==> \result < 0;
    ensures FrNaN (*x) ==> \result == 0;
*/
int mpfr_cmp_si (mpfr_srcptr x, long i);

/*@ requires \valid_read (x) && FrInited (*x);
    assigns \nothing;
    ensures FrNum (*x) && fr_val (*x) > i ==> \result > 0;
    ensures FrNum (*x) && fr_val (*x) < i ==> \result < 0;
    ensures FrNum (*x) && fr_val (*x) == i ==> \result == 0;
    ensures FrPInf (*x) ==> \result > 0;
    ensures FrNInf (*x) ==> \result < 0;
    ensures FrNaN (*x) ==> \result == 0;
*/
int mpfr_cmp_ui (mpfr_srcptr x, unsigned long i);

/*@ requires \valid_read (x) && \valid_read (y) && FrInited (*x) && FrInited (*y);
    assigns \nothing;
    ensures \result != 0 <==>
      (FrNum (*x) && FrNum (*y) && fr_val (*x) == fr_val (*y))
      || (FrPInf (*x) && FrPInf (*y)) || (FrNInf (*x) && FrNInf (*y));
*/
int mpfr_equal_p (mpfr_srcptr x, mpfr_srcptr y);

/* ---- conversions, log10, integer operands (ic_enclose_digits, ic_em_logseries_tail) ---- */

/* Conversion to long after rounding to an integer in direction rnd (MPFR
 * manual 5.4 "Conversion Functions"): NaN gives 0; a value too big for a
 * long (the infinities included) gives LONG_MIN or LONG_MAX by the
 * direction of the overflow.  So RNDD gives floor(op) <= op unless op <
 * LONG_MIN (then LONG_MIN), RNDU gives ceil(op) >= op unless op > LONG_MAX
 * (then LONG_MAX).  Only RNDD / RNDU are described. */
/*@ requires \valid_read (op) && FrInited (*op);
    assigns \nothing;
    ensures FrNum (*op) && rnd == MPFR_RNDD ==>
      \result <= fr_val (*op) || \result == -9223372036854775807 - 1;
    ensures FrNum (*op) && rnd == MPFR_RNDU ==>
      \result >= fr_val (*op) || \result == 9223372036854775807;
    ensures FrNInf (*op) ==> \result == -9223372036854775807 - 1;
    ensures FrPInf (*op) ==> \result == 9223372036854775807;
    ensures FrNaN (*op) ==> \result == 0;
*/
long mpfr_get_si (mpfr_srcptr op, mpfr_rnd_t rnd);

/* Decimal logarithm (MPFR manual 5.7 "Transcendental Functions"):
 * correctly rounded log10 (r_log10 of specs/digits.acsl) of a positive
 * number; log10(+-0) = -Inf, log10(+Inf) = +Inf.  Negative operands (NaN)
 * are not described. */
/*@ requires \valid (rop) && \valid_read (op);
    requires FrInited (*rop) && FrInited (*op);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op)) && fr_val (\old (*op)) > 0 ==>
      Rounded (*rop, r_log10 (fr_val (\old (*op))), rnd);
    ensures FrNum (\old (*op)) && fr_val (\old (*op)) == 0 ==> FrNInf (*rop);
    ensures FrPInf (\old (*op)) ==> FrPInf (*rop);
*/
int mpfr_log10 (mpfr_ptr rop, mpfr_srcptr op, mpfr_rnd_t rnd);

/* Arithmetic with an unsigned long operand (MPFR manual 5.5 "Basic
 * Arithmetic Functions": correctly rounded like their mpfr_t versions;
 * special values as in 4.3).  Only what the kernels use is described. */

/* rop = op1 * op2: finite op1 only. */
/*@ requires \valid (rop) && \valid_read (op1);
    requires FrInited (*rop) && FrInited (*op1);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op1)) ==> Rounded (*rop, fr_val (\old (*op1)) * op2, rnd);
*/
int mpfr_mul_ui (mpfr_ptr rop, mpfr_srcptr op1, unsigned long op2, mpfr_rnd_t rnd);

/* rop = op1 - op2; an infinite or NaN op1 is kept (Inf - finite = Inf). */
/*@ requires \valid (rop) && \valid_read (op1);
    requires FrInited (*rop) && FrInited (*op1);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op1)) ==> Rounded (*rop, fr_val (\old (*op1)) - op2, rnd);
    ensures !FrNum (\old (*op1)) ==> fr_kind (*rop) == fr_kind (\old (*op1));
*/
int mpfr_sub_ui (mpfr_ptr rop, mpfr_srcptr op1, unsigned long op2, mpfr_rnd_t rnd);

/* rop = op1 / op2: finite non-zero op2 only. */
/*@ requires \valid (rop) && \valid_read (op2);
    requires FrInited (*rop) && FrInited (*op2);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op2)) && fr_val (\old (*op2)) != 0 ==>
      Rounded (*rop, op1 / fr_val (\old (*op2)), rnd);
*/
int mpfr_ui_div (mpfr_ptr rop, unsigned long op1, mpfr_srcptr op2, mpfr_rnd_t rnd);

/* rop = op1 / op2, op2 != 0: finite op1 rounded, +Inf / op2 = +Inf. */
/*@ requires \valid (rop) && \valid_read (op1);
    requires FrInited (*rop) && FrInited (*op1);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op1)) && op2 != 0 ==>
      Rounded (*rop, fr_val (\old (*op1)) / op2, rnd);
    ensures FrPInf (\old (*op1)) && op2 != 0 ==> FrPInf (*rop);
*/
int mpfr_div_ui (mpfr_ptr rop, mpfr_srcptr op1, unsigned long op2, mpfr_rnd_t rnd);

/* rop = op1^op2 (powi of specs/logseries.acsl, x^0 = 1) for a finite op1
 * >= 0: correctly rounded, and never negative nor NaN (a power of a
 * non-negative number is >= 0; overflow gives +Inf or the largest number,
 * underflow +0 or the smallest positive one: 5.5 mpfr_pow_ui, 4.5). */
/*@ requires \valid (rop) && \valid_read (op1);
    requires FrInited (*rop) && FrInited (*op1);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op1)) && fr_val (\old (*op1)) >= 0 ==>
      Rounded (*rop, powi (fr_val (\old (*op1)), op2), rnd)
      && (FrPInf (*rop) || (FrNum (*rop) && fr_val (*rop) >= 0));
*/
int mpfr_pow_ui (mpfr_ptr rop, mpfr_srcptr op1, unsigned long op2, mpfr_rnd_t rnd);

/* ---- arithmetic ---- */

/*@ requires \valid (rop) && \valid_read (op);
    requires FrInited (*rop) && FrInited (*op);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op)) ==> Rounded (*rop, - fr_val (\old (*op)), rnd);
    ensures !FrNum (\old (*op)) ==> fr_kind (*rop) == kind_neg (fr_kind (\old (*op)));
*/
int mpfr_neg (mpfr_ptr rop, mpfr_srcptr op, mpfr_rnd_t rnd);

/*@ requires \valid (rop) && \valid_read (op1) && \valid_read (op2);
    requires FrInited (*rop) && FrInited (*op1) && FrInited (*op2);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op1)) && FrNum (\old (*op2)) ==>
      Rounded (*rop, fr_val (\old (*op1)) + fr_val (\old (*op2)), rnd);
    ensures !(FrNum (\old (*op1)) && FrNum (\old (*op2))) ==>
      fr_kind (*rop) == kind_add (fr_kind (\old (*op1)), fr_kind (\old (*op2)));
*/
int mpfr_add (mpfr_ptr rop, mpfr_srcptr op1, mpfr_srcptr op2, mpfr_rnd_t rnd);

/*@ requires \valid (rop) && \valid_read (op1) && \valid_read (op2);
    requires FrInited (*rop) && FrInited (*op1) && FrInited (*op2);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op1)) && FrNum (\old (*op2)) ==>
      Rounded (*rop, fr_val (\old (*op1)) - fr_val (\old (*op2)), rnd);
    ensures !(FrNum (\old (*op1)) && FrNum (\old (*op2))) ==>
      fr_kind (*rop) == kind_add (fr_kind (\old (*op1)), kind_neg (fr_kind (\old (*op2))));
*/
int mpfr_sub (mpfr_ptr rop, mpfr_srcptr op1, mpfr_srcptr op2, mpfr_rnd_t rnd);

/* rop = 1 + op (used as add_ui with 1) */
/*@ requires \valid (rop) && \valid_read (op1);
    requires FrInited (*rop) && FrInited (*op1);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op1)) ==> Rounded (*rop, fr_val (\old (*op1)) + op2, rnd);
    ensures !FrNum (\old (*op1)) ==> fr_kind (*rop) == fr_kind (\old (*op1));
*/
int mpfr_add_ui (mpfr_ptr rop, mpfr_srcptr op1, unsigned long op2, mpfr_rnd_t rnd);

/*@ requires \valid (rop) && \valid_read (op2);
    requires FrInited (*rop) && FrInited (*op2);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op2)) ==> Rounded (*rop, op1 - fr_val (\old (*op2)), rnd);
    ensures !FrNum (\old (*op2)) ==> fr_kind (*rop) == kind_neg (fr_kind (\old (*op2)));
*/
int mpfr_ui_sub (mpfr_ptr rop, unsigned long op1, mpfr_srcptr op2, mpfr_rnd_t rnd);

/* rop = op1 * 2^op2 (multiplication by 2: only used with op2 = 1) */
/*@ requires \valid (rop) && \valid_read (op1);
    requires FrInited (*rop) && FrInited (*op1);
    requires op2 == 1;
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op1)) ==> Rounded (*rop, 2 * fr_val (\old (*op1)), rnd);
    ensures !FrNum (\old (*op1)) ==> fr_kind (*rop) == fr_kind (\old (*op1));
*/
int mpfr_mul_2ui (mpfr_ptr rop, mpfr_srcptr op1, unsigned long op2, mpfr_rnd_t rnd);

/* Multiplication: finite * finite is correctly rounded; an infinite operand
 * times a non-zero one is the infinity of the product's sign (IEEE 754,
 * MPFR manual 4.3).  0 * Inf (NaN) and NaN operands are not described. */
/*@ requires \valid (rop) && \valid_read (op1) && \valid_read (op2);
    requires FrInited (*rop) && FrInited (*op1) && FrInited (*op2);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op1)) && FrNum (\old (*op2)) ==>
      Rounded (*rop, fr_val (\old (*op1)) * fr_val (\old (*op2)), rnd);
    ensures !(FrNum (\old (*op1)) && FrNum (\old (*op2)))
            && fr_sgn (\old (*op1)) == fr_sgn (\old (*op2)) && fr_sgn (\old (*op1)) != 0
            ==> FrPInf (*rop);
    ensures !(FrNum (\old (*op1)) && FrNum (\old (*op2)))
            && fr_sgn (\old (*op1)) == - fr_sgn (\old (*op2)) && fr_sgn (\old (*op1)) != 0
            ==> FrNInf (*rop);
*/
int mpfr_mul (mpfr_ptr rop, mpfr_srcptr op1, mpfr_srcptr op2, mpfr_rnd_t rnd);

/* Square (MPFR manual 5.5 "Basic Arithmetic Functions": correctly rounded
 * like mpfr_mul (op, op)); the square of an infinity is +Inf (IEEE 754,
 * MPFR manual 4.3).  A NaN operand is not described. */
/*@ requires \valid (rop) && \valid_read (op);
    requires FrInited (*rop) && FrInited (*op);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op)) ==>
      Rounded (*rop, fr_val (\old (*op)) * fr_val (\old (*op)), rnd);
    ensures FrPInf (\old (*op)) || FrNInf (\old (*op)) ==> FrPInf (*rop);
*/
int mpfr_sqr (mpfr_ptr rop, mpfr_srcptr op, mpfr_rnd_t rnd);

/* min / max of two non-NaN values, rounded to rop's precision (MPFR manual
 * 5.12 "Miscellaneous Functions"): RNDD of the minimum is <= both operands,
 * RNDU of the maximum >= both; an infinite operand on that side gives the
 * infinity.  RNDU of the minimum is >= every r that both operands are >=
 * (it is >= the minimum), RNDD of the maximum <= every r both are <=
 * (ic_ival_intersect).  Only the directions the kernels use are described. */
/*@ requires \valid (rop) && \valid_read (op1) && \valid_read (op2);
    requires FrInited (*rop) && FrInited (*op1) && FrInited (*op2);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures !FrNaN (\old (*op1)) && !FrNaN (\old (*op2)) && rnd == MPFR_RNDD ==>
      !FrNaN (*rop)
      && (FrNInf (\old (*op1)) || FrNInf (\old (*op2)) ==> FrNInf (*rop))
      && (FrNum (\old (*op1)) ==> FrLe (*rop, fr_val (\old (*op1))))
      && (FrNum (\old (*op2)) ==> FrLe (*rop, fr_val (\old (*op2))));
    ensures !FrNaN (\old (*op1)) && !FrNaN (\old (*op2)) && rnd == MPFR_RNDU ==>
      !FrNaN (*rop)
      && (\forall real r; FrGe (\old (*op1), r) && FrGe (\old (*op2), r) ==> FrGe (*rop, r));
*/
int mpfr_min (mpfr_ptr rop, mpfr_srcptr op1, mpfr_srcptr op2, mpfr_rnd_t rnd);

/*@ requires \valid (rop) && \valid_read (op1) && \valid_read (op2);
    requires FrInited (*rop) && FrInited (*op1) && FrInited (*op2);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures !FrNaN (\old (*op1)) && !FrNaN (\old (*op2)) && rnd == MPFR_RNDU ==>
      !FrNaN (*rop)
      && (FrPInf (\old (*op1)) || FrPInf (\old (*op2)) ==> FrPInf (*rop))
      && (FrNum (\old (*op1)) ==> FrGe (*rop, fr_val (\old (*op1))))
      && (FrNum (\old (*op2)) ==> FrGe (*rop, fr_val (\old (*op2))));
    ensures !FrNaN (\old (*op1)) && !FrNaN (\old (*op2)) && rnd == MPFR_RNDD ==>
      !FrNaN (*rop)
      && (\forall real r; FrLe (\old (*op1), r) && FrLe (\old (*op2), r) ==> FrLe (*rop, r));
*/
int mpfr_max (mpfr_ptr rop, mpfr_srcptr op1, mpfr_srcptr op2, mpfr_rnd_t rnd);

/* Division: only the finite / finite-nonzero case and x / +-Inf are
 * described (enough for the kernels, which divide by a positive number). */
/*@ requires \valid (rop) && \valid_read (op1) && \valid_read (op2);
    requires FrInited (*rop) && FrInited (*op1) && FrInited (*op2);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op1)) && FrNum (\old (*op2)) && fr_val (\old (*op2)) != 0 ==>
      Rounded (*rop, fr_val (\old (*op1)) / fr_val (\old (*op2)), rnd);
    ensures FrPInf (\old (*op1)) && FrNum (\old (*op2)) && fr_val (\old (*op2)) > 0 ==>
      FrPInf (*rop);
*/
int mpfr_div (mpfr_ptr rop, mpfr_srcptr op1, mpfr_srcptr op2, mpfr_rnd_t rnd);

/* ---- elementary functions (values: r_exp, r_log of specs/analysis.acsl) ---- */

/*@ requires \valid (rop) && \valid_read (op);
    requires FrInited (*rop) && FrInited (*op);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op)) ==> Rounded (*rop, r_exp (fr_val (\old (*op))), rnd);
    ensures FrPInf (\old (*op)) ==> FrPInf (*rop);
    ensures FrNInf (\old (*op)) ==> FrNum (*rop) && fr_val (*rop) == 0;
    ensures FrNaN (\old (*op)) ==> FrNaN (*rop);
*/
int mpfr_exp (mpfr_ptr rop, mpfr_srcptr op, mpfr_rnd_t rnd);

/*@ requires \valid (rop) && \valid_read (op);
    requires FrInited (*rop) && FrInited (*op);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op)) && fr_val (\old (*op)) > 0 ==>
      Rounded (*rop, r_log (fr_val (\old (*op))), rnd);
    ensures FrPInf (\old (*op)) ==> FrPInf (*rop);
*/
int mpfr_log (mpfr_ptr rop, mpfr_srcptr op, mpfr_rnd_t rnd);

/*@ requires \valid (rop) && \valid_read (op);
    requires FrInited (*rop) && FrInited (*op);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op)) && fr_val (\old (*op)) > -1 ==>
      Rounded (*rop, r_log (1 + fr_val (\old (*op))), rnd);
    ensures FrPInf (\old (*op)) ==> FrPInf (*rop);
*/
int mpfr_log1p (mpfr_ptr rop, mpfr_srcptr op, mpfr_rnd_t rnd);

/* ---- powers (ic_tail_powerlog) ---- */
/* Values: r_pow of specs/powerlog.acsl (x^y = exp(y log x), x > 0).  Only
 * finite operands (and a positive finite base) are described; MPFR manual
 * 4.2 (correct rounding), 5.5 "Basic Arithmetic Functions" (si_sub,
 * add_si), 5.6 "mpfr_pow" and "mpfr_ui_pow" (for x > 0 finite and y finite
 * none of the special cases listed there applies: the result is x^y
 * correctly rounded, or an infinity/zero on overflow/underflow, which
 * Rounded admits). */

/* An unsigned long (64 bits, machdep gcc_x86_64) is representable with 64
 * bits of precision, so a correctly rounded set (MPFR manual 4.2, 5.2
 * "Assignment Functions") is exact in any rounding mode.  Only that case
 * is described. */
/*@ requires \valid (rop) && FrInited (*rop);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures fr_prec (\old (*rop)) >= 64 ==> FrNum (*rop) && fr_val (*rop) == op;
    ensures Rounded (*rop, (real) op, rnd) && FrNum (*rop);
*/
int mpfr_set_ui (mpfr_ptr rop, unsigned long op, mpfr_rnd_t rnd);

/* rop = op1 - op2 (op1 a long) */
/*@ requires \valid (rop) && \valid_read (op2);
    requires FrInited (*rop) && FrInited (*op2);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op2)) ==> Rounded (*rop, op1 - fr_val (\old (*op2)), rnd);
*/
int mpfr_si_sub (mpfr_ptr rop, long op1, mpfr_srcptr op2, mpfr_rnd_t rnd);

/* rop = op1 + op2 (op2 a long) */
/*@ requires \valid (rop) && \valid_read (op1);
    requires FrInited (*rop) && FrInited (*op1);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op1)) ==> Rounded (*rop, fr_val (\old (*op1)) + op2, rnd);
*/
int mpfr_add_si (mpfr_ptr rop, mpfr_srcptr op1, long op2, mpfr_rnd_t rnd);

/* rop = op1^op2, op1 an unsigned long: described for op1 > 0, op2 finite. */
/*@ requires \valid (rop) && \valid_read (op2);
    requires FrInited (*rop) && FrInited (*op2);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures op1 > 0 && FrNum (\old (*op2)) ==>
      Rounded (*rop, r_pow (op1, fr_val (\old (*op2))), rnd);
*/
int mpfr_ui_pow (mpfr_ptr rop, unsigned long op1, mpfr_srcptr op2, mpfr_rnd_t rnd);

/* rop = op1^op2: described for op1 > 0 finite, op2 finite. */
/*@ requires \valid (rop) && \valid_read (op1) && \valid_read (op2);
    requires FrInited (*rop) && FrInited (*op1) && FrInited (*op2);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op1)) && fr_val (\old (*op1)) > 0 && FrNum (\old (*op2)) ==>
      Rounded (*rop, r_pow (fr_val (\old (*op1)), fr_val (\old (*op2))), rnd);
*/
int mpfr_pow (mpfr_ptr rop, mpfr_srcptr op1, mpfr_srcptr op2, mpfr_rnd_t rnd);

/* rop = op1^op2 for a long op2 >= 0 (r_powsi of specs/powtrig.acsl;
 * ic_ival_pow_si): correctly rounded for a finite op1 (MPFR manual 4.2,
 * 5.6 "mpfr_pow_si"; overflow gives an infinity or the largest number,
 * underflow a zero or the smallest one, 4.5, which Rounded admits).  Only
 * finite operands are described. */
/*@ requires \valid (rop) && \valid_read (op1);
    requires FrInited (*rop) && FrInited (*op1);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op1)) && op2 >= 0 ==>
      Rounded (*rop, r_powsi (fr_val (\old (*op1)), op2), rnd);
*/
int mpfr_pow_si (mpfr_ptr rop, mpfr_srcptr op1, long op2, mpfr_rnd_t rnd);

/* Sine and cosine (MPFR manual 5.7 "Special Functions"): correctly rounded
 * for a finite op; infinite operands are not described (the kernel does
 * not call them there). */
/*@ requires \valid (rop) && \valid_read (op);
    requires FrInited (*rop) && FrInited (*op);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op)) ==> Rounded (*rop, r_sin (fr_val (\old (*op))), rnd);
*/
int mpfr_sin (mpfr_ptr rop, mpfr_srcptr op, mpfr_rnd_t rnd);
/*@ requires \valid (rop) && \valid_read (op);
    requires FrInited (*rop) && FrInited (*op);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op)) ==> Rounded (*rop, r_cos (fr_val (\old (*op))), rnd);
*/
int mpfr_cos (mpfr_ptr rop, mpfr_srcptr op, mpfr_rnd_t rnd);

/* rop = op1 / 2^op2 (division by 2: only used with op2 = 1; exact unless
 * it underflows, MPFR manual 5.5 mpfr_div_2ui); an infinity stays one. */
/*@ requires \valid (rop) && \valid_read (op1);
    requires FrInited (*rop) && FrInited (*op1);
    requires op2 == 1;
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op1)) ==> Rounded (*rop, fr_val (\old (*op1)) / 2, rnd);
    ensures !FrNum (\old (*op1)) ==> fr_kind (*rop) == fr_kind (\old (*op1));
*/
int mpfr_div_2ui (mpfr_ptr rop, mpfr_srcptr op1, unsigned long op2, mpfr_rnd_t rnd);

/* ---- the remaining interval operations (ic_ival_set_*, sqrt, atan, pi,
 * hull, intersect, comparisons, magnitudes) ---- */

/* Correct rounding of an integer or a rational (MPFR manual 5.2
 * "Assignment Functions"): finite, or an infinity on overflow, never NaN. */
/*@ requires \valid (rop) && \valid_read (op) && FrInited (*rop);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures Rounded (*rop, z_val (*op), rnd);
*/
int mpfr_set_z (mpfr_ptr rop, mpz_srcptr op, mpfr_rnd_t rnd);

/* Products and quotients by a GMP integer (MPFR manual 5.5: correctly
 * rounded, like their mpfr_t versions): finite op1 only, and for the
 * quotient a non-zero op2.  Used by ic_ival_mul_z / ic_ival_div_z, the
 * big-integer twins of ic_ival_mul_ui / ic_ival_div_ui. */
/*@ requires \valid (rop) && \valid_read (op1) && \valid_read (op2);
    requires FrInited (*rop) && FrInited (*op1);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op1)) ==>
      Rounded (*rop, fr_val (\old (*op1)) * z_val (\old (*op2)), rnd);
*/
int mpfr_mul_z (mpfr_ptr rop, mpfr_srcptr op1, mpz_srcptr op2, mpfr_rnd_t rnd);

/*@ requires \valid (rop) && \valid_read (op1) && \valid_read (op2);
    requires FrInited (*rop) && FrInited (*op1);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op1)) && z_val (\old (*op2)) != 0 ==>
      Rounded (*rop, fr_val (\old (*op1)) / z_val (\old (*op2)), rnd);
*/
int mpfr_div_z (mpfr_ptr rop, mpfr_srcptr op1, mpz_srcptr op2, mpfr_rnd_t rnd);

/* x rounded in place to precision prec (MPFR manual 5.2: "Round x
 * according to rnd with precision prec"; the value is kept when prec is
 * at least x's precision; infinities and NaN are kept, 4.3). */
/*@ requires \valid (x) && FrInited (*x) && FrPrecOk (prec);
    assigns *x;
    ensures FrInited (*x) && fr_prec (*x) == prec;
    ensures FrNum (\old (*x)) ==> Rounded (*x, fr_val (\old (*x)), rnd);
    ensures !FrNum (\old (*x)) ==> fr_kind (*x) == fr_kind (\old (*x));
*/
int mpfr_prec_round (mpfr_ptr x, mpfr_prec_t prec, mpfr_rnd_t rnd);

/* x 2^e (MPFR manual 5.5 mpfr_mul_2si: exact unless it overflows or
 * underflows, then rounded as asked); an infinity stays one.  r_pow2 is
 * 2^e; only its sign is used (axiom Pow2_Pos, block Pow2 above). */
/*@ requires \valid (rop) && \valid_read (op1);
    requires FrInited (*rop) && FrInited (*op1);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op1)) ==> Rounded (*rop, fr_val (\old (*op1)) * r_pow2 (op2), rnd);
    ensures !FrNum (\old (*op1)) ==> fr_kind (*rop) == fr_kind (\old (*op1));
*/
int mpfr_mul_2si (mpfr_ptr rop, mpfr_srcptr op1, long op2, mpfr_rnd_t rnd);

/*@ requires \valid (rop) && \valid_read (op) && FrInited (*rop);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures Rounded (*rop, q_val (*op), rnd);
*/
int mpfr_set_q (mpfr_ptr rop, mpq_srcptr op, mpfr_rnd_t rnd);

/* Square root (MPFR manual 5.5): correctly rounded for op >= 0 (-0 gives
 * -0, a zero); sqrt(+Inf) = +Inf. */
/*@ requires \valid (rop) && \valid_read (op);
    requires FrInited (*rop) && FrInited (*op);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op)) && fr_val (\old (*op)) >= 0 ==>
      Rounded (*rop, r_sqrt (fr_val (\old (*op))), rnd);
    ensures FrPInf (\old (*op)) ==> FrPInf (*rop);
*/
int mpfr_sqrt (mpfr_ptr rop, mpfr_srcptr op, mpfr_rnd_t rnd);

/* Arctangent (MPFR manual 5.7): correctly rounded for finite op; the
 * infinite operands are not described (the kernel bounds them itself). */
/*@ requires \valid (rop) && \valid_read (op);
    requires FrInited (*rop) && FrInited (*op);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op)) ==> Rounded (*rop, r_atan (fr_val (\old (*op))), rnd);
*/
int mpfr_atan (mpfr_ptr rop, mpfr_srcptr op, mpfr_rnd_t rnd);

/* pi correctly rounded (MPFR manual 5.7, mpfr_const_pi). */
/*@ requires \valid (rop) && FrInited (*rop);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures Rounded (*rop, r_pi, rnd);
*/
int mpfr_const_pi (mpfr_ptr rop, mpfr_rnd_t rnd);

/* |op| (MPFR manual 5.5): exact when rop has op's precision or more;
 * described as correctly rounded in any case; |+-Inf| = +Inf. */
/*@ requires \valid (rop) && \valid_read (op);
    requires FrInited (*rop) && FrInited (*op);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op)) ==> Rounded (*rop, \abs (fr_val (\old (*op))), rnd);
    ensures FrPInf (\old (*op)) || FrNInf (\old (*op)) ==> FrPInf (*rop);
*/
int mpfr_abs (mpfr_ptr rop, mpfr_srcptr op, mpfr_rnd_t rnd);

/* x <= y and x < y in the extended reals; 0 when either is NaN (MPFR
 * manual 5.9 "Comparison Functions"). */
/*@ requires \valid_read (x) && \valid_read (y) && FrInited (*x) && FrInited (*y);
    assigns \nothing;
    ensures \result != 0 <==> !FrNaN (*x) && !FrNaN (*y)
      && (FrNInf (*x) || FrPInf (*y)
          || (FrNum (*x) && FrNum (*y) && fr_val (*x) <= fr_val (*y)));
*/
int mpfr_lessequal_p (mpfr_srcptr x, mpfr_srcptr y);

/*@ requires \valid_read (x) && \valid_read (y) && FrInited (*x) && FrInited (*y);
    assigns \nothing;
    ensures \result != 0 <==> !FrNaN (*x) && !FrNaN (*y)
      && ((FrNInf (*x) && !FrNInf (*y)) || (FrPInf (*y) && !FrPInf (*x))
          || (FrNum (*x) && FrNum (*y) && fr_val (*x) < fr_val (*y)));
*/
int mpfr_less_p (mpfr_srcptr x, mpfr_srcptr y);

/* ---- the evaluation step (src/kern/evalop.c) ---- */

/* Gamma (MPFR manual 5.7 "Special Functions"): correctly rounded
 * (r_gamma, specs/gamma.acsl); Gamma(+Inf) = +Inf.  Only operands >= 2
 * and +Inf are described (the kernel calls it on no other). */
/*@ requires \valid (rop) && \valid_read (op) && \separated (rop, op);
    requires FrInited (*rop) && FrInited (*op);
    assigns *rop;
    ensures FrInited (*rop) && fr_prec (*rop) == fr_prec (\old (*rop));
    ensures FrNum (\old (*op)) && fr_val (\old (*op)) >= 2 ==>
      Rounded (*rop, r_gamma (fr_val (\old (*op))), rnd);
    ensures FrPInf (\old (*op)) ==> FrPInf (*rop);
*/
int mpfr_gamma (mpfr_ptr rop, mpfr_srcptr op, mpfr_rnd_t rnd);

/* A nonzero finite number (MPFR manual 5.6 "Comparison Functions"). */
/*@ requires \valid_read (x) && FrInited (*x);
    assigns \nothing;
    ensures \result != 0 <==> FrNum (*x) && fr_val (*x) != 0;
*/
int mpfr_regular_p (mpfr_srcptr x);

/* The exponent of a nonzero finite number (MPFR manual 5.16
 * "Miscellaneous Functions": undefined for NaN, infinities and zero).
 * Nothing is said of its value: the kernel uses it only to choose an
 * enclosure, each of which is sound. */
/*@ requires \valid_read (x) && FrInited (*x) && FrNum (*x) && fr_val (*x) != 0;
    assigns \nothing;
*/
mpfr_exp_t mpfr_get_exp (mpfr_srcptr x);

#endif
