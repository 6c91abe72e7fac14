/* exact.h — the exact rational layer of the term evaluator, node by node
 * (proved; src/kern/exact.c).
 *
 * The evaluator (src/eval.c) keeps for each node an interval and, when it
 * knows it, the node's exact rational value (its "exact" flag).  At a node
 * op(a, b) these functions read what is exactly known of the operands (a_ex:
 * a's value u is the rational qa; b_ex: b's value w is qb) and decide, with
 * contracts in the language of specs/term.acsl (OpDef, OpVal, EvHyp):
 *   ic_exact_undef  the operation is defined at no such (u, w) (a pole, a
 *                   logarithm of a number <= 0, ...);
 *   ic_exact_hyp    the facts the interval step ic_evop may assume about a
 *                   power's operands (ic_evop_hyp: b is the integer k, ...);
 *   ic_exact_arith  the exact value of + - * / neg abs at two rationals.
 * Each contract is conditional on the flags being true; that they are (the
 * tree walk) is eval.c's invariant, not yet proved.  The GMP operations are
 * trusted through the contracts in specs/gmpq.h; the four queries ic_q_*
 * are one-line wrappers of GMP (src/qwrap.c), so that no GMP macro
 * reaches the prover. */
#ifndef IC_EXACT_H
#define IC_EXACT_H
#include <gmp.h>
#include "termop.h"
#include "evalop.h"

/* GMP queries (src/qwrap.c; contracts in specs/gmpq.h) */
int ic_q_sgn (mpq_srcptr q);                  /* -1, 0, 1: the sign of q    */
int ic_q_is_int (mpq_srcptr q);               /* 1 iff q is an integer      */
int ic_q_equal_si (mpq_srcptr q, long n);     /* 1 iff q = n                */
int ic_q_get_si (long *k, mpq_srcptr q);      /* 1 and *k = q iff q is an integer in a long */

/* 1 if op (an ic_op) is certainly undefined at the operands: division by an
 * exact 0, log of an exact number <= 0, sqrt of an exact negative number, an
 * exact 0 to an exact negative integer power, factorial of an exact
 * non-integer or negative number.  0 claims nothing, except for a
 * factorial of an exact a: then a is an integer >= 0 (ic_evop_fact's a_int). */
int ic_exact_undef (int op, int a_ex, mpq_srcptr qa, int b_ex, mpq_srcptr qb);

/* The facts of a power a^b the interval step may assume (h->b_int, h->k,
 * h->b_nonint, h->a_zero, h->a_m1; h->range and h->b_var untouched). */
void ic_exact_hyp (ic_evop_hyp *h, int a_ex, mpq_srcptr qa, int b_ex, mpq_srcptr qb);

/* z = op(qa, qb) exactly for op in IC_ADD, IC_SUB, IC_MUL, IC_DIV, IC_NEG,
 * IC_ABS (a unary op ignores qb; pass qa); returns 1, or 0 (z untouched)
 * for another op or a division by 0.  z must not alias qa or qb. */
int ic_exact_arith (mpq_ptr z, int op, mpq_srcptr qa, mpq_srcptr qb);
#endif
