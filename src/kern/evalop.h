/* evalop.h — one step of the term evaluator over intervals (proved).
 *
 * The evaluator (src/eval.c) walks a term tree bottom up.  At each node it
 * first tries exact rational arithmetic (GMP); when that does not decide
 * the node, it calls ic_evop (or ic_evop_fact for a factorial) with the
 * intervals of the operands a, b.  The contract (specs/term.acsl gives
 * each operation its real meaning, OpDef / OpVal) reads: for all reals u
 * in a and w in b that satisfy what the exact layer knows about them
 * (ic_evop_hyp):
 *   - IC_EVOP_OK: the result encloses op(u, w) wherever op is defined at
 *     (u, w); at a point (not range), op is moreover defined there;
 *   - IC_EVOP_UNDEF: op is defined at no such (u, w);
 *   - IC_EVOP_INEXACT: nothing is claimed (the caller raises the precision).
 */
#ifndef IC_EVALOP_H
#define IC_EVALOP_H
#include "ival.h"
#include "termop.h"

enum { IC_EVOP_OK = 0, IC_EVOP_UNDEF = 1, IC_EVOP_INEXACT = 2 };

/* What the exact (rational) layer knows about the operands a (value u) and
 * b (value w) of a node: hypotheses of the step, established by the
 * caller.  A flag 0 claims nothing. */
typedef struct {
  int range;     /* the operands enclose their values at every x of an interval */
  int b_int;     /* b is exactly the integer k: w = k                    */
  long k;
  int b_nonint;  /* b is exactly a rational that is not an integer       */
  int a_zero;    /* a is exactly 0: u = 0                                */
  int a_m1;      /* a is exactly -1: u = -1                              */
  int b_var;     /* b depends on n (only chooses a rule, claims nothing) */
} ic_evop_hyp;

/* z = op(x, y) for the operations IC_ADD ... IC_ABS; a unary operation
 * ignores y (pass x).  IC_FACT gives IC_EVOP_INEXACT (see ic_evop_fact).
 * z must not alias x, y. */
int ic_evop (ic_ival_ptr z, ic_op op, ic_ival_srcptr x, ic_ival_srcptr y, ic_evop_hyp h);

/* z = x! (the factorial, defined at the integers >= 0).  a_int: x is
 * exactly a nonnegative integer; m_ok: that integer is m.  The cache
 * (iv, *im, *isteps) carries *im! from an earlier call (*im = 0: empty),
 * so that consecutive m cost a few interval multiplications; *isteps
 * counts them since the last Gamma evaluation. */
int ic_evop_fact (ic_ival_ptr z, ic_ival_srcptr x, int range, int a_int, int m_ok,
                  unsigned long m, ic_ival_ptr iv, unsigned long *im,
                  unsigned long *isteps);
#endif
