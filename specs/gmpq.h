/* specs/gmpq.h — TRUSTED: GMP's exact rational arithmetic, as the proved
 * exact layer of the evaluator (src/kern/exact.c) uses it.
 *
 * q_val (specs/mpfr_model.h, block GmpValue) is the value of a canonical
 * GMP rational.  GMP computes with rationals exactly (GMP manual 6
 * "Rational Number Functions": "All rational arithmetic functions assume
 * canonical operands and canonicalize their result"); every mpq the
 * evaluator holds comes from the parser's canonical constants (mpq_set_str
 * then mpq_canonicalize, src/term.c) or from these functions.  Each
 * contract is sampled by tests/test_kern_exact.c against an independent
 * computation (MPFR at a precision where the values are exact, or GMP's
 * integer functions). */
#ifndef IC_SPECS_GMPQ_H
#define IC_SPECS_GMPQ_H

/* z = a + b, a - b, a * b, a / b (b != 0), -a, |a|: exact (GMP manual
 * 6.2 "Rational Arithmetic"); the operands may alias z. */
/*@ requires \valid (z) && \valid_read (a) && \valid_read (b);
    assigns *z;
    ensures q_val (*z) == q_val (\old (*a)) + q_val (\old (*b));
*/
void mpq_add (mpq_ptr z, mpq_srcptr a, mpq_srcptr b);
/*@ requires \valid (z) && \valid_read (a) && \valid_read (b);
    assigns *z;
    ensures q_val (*z) == q_val (\old (*a)) - q_val (\old (*b));
*/
void mpq_sub (mpq_ptr z, mpq_srcptr a, mpq_srcptr b);
/*@ requires \valid (z) && \valid_read (a) && \valid_read (b);
    assigns *z;
    ensures q_val (*z) == q_val (\old (*a)) * q_val (\old (*b));
*/
void mpq_mul (mpq_ptr z, mpq_srcptr a, mpq_srcptr b);
/*@ requires \valid (z) && \valid_read (a) && \valid_read (b);
    requires q_val (*b) != 0;
    assigns *z;
    ensures q_val (*z) == q_val (\old (*a)) / q_val (\old (*b));
*/
void mpq_div (mpq_ptr z, mpq_srcptr a, mpq_srcptr b);
/*@ requires \valid (z) && \valid_read (a);
    assigns *z;
    ensures q_val (*z) == - q_val (\old (*a));
*/
void mpq_neg (mpq_ptr z, mpq_srcptr a);
/*@ requires \valid (z) && \valid_read (a);
    assigns *z;
    ensures q_val (*z) == \abs (q_val (\old (*a)));
*/
void mpq_abs (mpq_ptr z, mpq_srcptr a);

/* The queries of src/qwrap.c (GMP manual 6.3 mpq_sgn, 5.4 mpz_cmp_si,
 * 5.4 mpz_fits_slong_p / mpz_get_si; a canonical rational is an integer
 * iff its denominator is 1). */
/*@ requires \valid_read (q);
    assigns \nothing;
    ensures -1 <= \result <= 1;
    ensures \result < 0 <==> q_val (*q) < 0;
    ensures \result > 0 <==> q_val (*q) > 0;
*/
int ic_q_sgn (mpq_srcptr q);
/*@ requires \valid_read (q);
    assigns \nothing;
    ensures \result != 0 <==> IsInt (q_val (*q));
*/
int ic_q_is_int (mpq_srcptr q);
/*@ requires \valid_read (q);
    assigns \nothing;
    ensures \result != 0 <==> q_val (*q) == n;
*/
int ic_q_equal_si (mpq_srcptr q, long n);
/*@ requires \valid (k) && \valid_read (q) && \separated (k, q);
    assigns *k;
    ensures \result != 0 ==> IsInt (q_val (*q)) && *k == q_val (*q);
    ensures \result == 0 ==> *k == \old (*k);
*/
int ic_q_get_si (long *k, mpq_srcptr q);
#endif
