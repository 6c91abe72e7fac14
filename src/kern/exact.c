/* exact.c — the exact rational layer of the term evaluator, node by node
 * (see exact.h).  Proved: each function's claim about OpDef / OpVal /
 * EvHyp (specs/term.acsl) holds for every operand value the flags allow. */
#include "exact.h"

/*@ requires valid: \valid_read (qa) && \valid_read (qb);
    assigns \nothing;
    ensures sound: \result != 0 ==> \forall real u, w;
      ExactIs (a_ex, *qa, u) && ExactIs (b_ex, *qb, w) ==> !OpDef (op, u, w);
    ensures fact_arg: op == IC_FACT && \result == 0 && a_ex != 0 ==>
      IsInt (q_val (*qa)) && q_val (*qa) >= 0;
*/
int ic_exact_undef (int op, int a_ex, mpq_srcptr qa, int b_ex, mpq_srcptr qb)
{
  switch (op)
    {
    case IC_DIV:                                   /* w = 0 */
      return b_ex && ic_q_sgn (qb) == 0;
    case IC_LOG:                                   /* u <= 0 */
      return a_ex && ic_q_sgn (qa) <= 0;
    case IC_SQRT:                                  /* u < 0 */
      return a_ex && ic_q_sgn (qa) < 0;
    case IC_POW:                                   /* 0^w, w a negative integer */
      return a_ex && b_ex && ic_q_sgn (qa) == 0 && ic_q_sgn (qb) < 0 && ic_q_is_int (qb);
    case IC_FACT:                                  /* u not an integer >= 0 */
      return a_ex && (ic_q_sgn (qa) < 0 || !ic_q_is_int (qa));
    default:
      return 0;
    }
}

/*@ requires valid: \valid (h) && \valid_read (qa) && \valid_read (qb);
    requires sep: \separated (h, qa) && \separated (h, qb);
    assigns h->b_int, h->k, h->b_nonint, h->a_zero, h->a_m1;
    ensures sound: \forall real u, w;
      ExactIs (a_ex, *qa, u) && ExactIs (b_ex, *qb, w) ==> EvHyp (*h, u, w);
*/
void ic_exact_hyp (ic_evop_hyp *h, int a_ex, mpq_srcptr qa, int b_ex, mpq_srcptr qb)
{
  long k = 0;
  h->b_int = 0;
  h->k = 0;
  if (b_ex && ic_q_get_si (&k, qb))
    {
      h->b_int = 1;
      h->k = k;
    }
  h->b_nonint = b_ex && !ic_q_is_int (qb);
  h->a_zero = a_ex && ic_q_sgn (qa) == 0;
  h->a_m1 = a_ex && ic_q_equal_si (qa, -1);
}

/*@ requires valid: \valid (z) && \valid_read (qa) && \valid_read (qb);
    requires sep: \separated (z, qa) && \separated (z, qb);
    assigns *z;
    ensures sound: \result != 0 ==> OpDef (op, q_val (\old (*qa)), q_val (\old (*qb)))
      && q_val (*z) == OpVal (op, q_val (\old (*qa)), q_val (\old (*qb)));
    ensures none: \result == 0 ==> *z == \old (*z);
*/
int ic_exact_arith (mpq_ptr z, int op, mpq_srcptr qa, mpq_srcptr qb)
{
  switch (op)
    {
    case IC_ADD: mpq_add (z, qa, qb); return 1;
    case IC_SUB: mpq_sub (z, qa, qb); return 1;
    case IC_MUL: mpq_mul (z, qa, qb); return 1;
    case IC_DIV:
      if (ic_q_sgn (qb) == 0) return 0;
      mpq_div (z, qa, qb);
      return 1;
    case IC_NEG: mpq_neg (z, qa); return 1;
    case IC_ABS: mpq_abs (z, qa); return 1;
    default: return 0;
    }
}
