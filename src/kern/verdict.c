/* verdict.c — verdict decision kernels (see verdict.h for the rules).
 *
 * Each branch is one classical theorem, stated in specs/analysis.acsl and
 * specs/verdict.acsl; the contracts below are proved by Frama-C/WP
 * (`make verify`, results in proofs/).  A branch is taken only when every
 * hypothesis of its theorem is certified by the facts; otherwise the verdict
 * is IC_V_UNKNOWN — never a guess.
 */
#include "verdict.h"

/*@ requires valid_facts: \valid_read (f);
    requires valid_rule:  \valid (rule);
    requires separated:   \separated (f, rule);
    requires facts_hold:  FactsHold (0, *f);
    assigns *rule;
    ensures sound: SumVerdictSound (\result);

    behavior comparison:
      assumes f->env == IC_ENV_SUMMABLE;
      ensures \result == IC_V_CONVERGES && *rule == IC_RULE_COMPARISON;
    behavior term_test:
      assumes f->env == IC_ENV_NOT_DECAYING && f->sign != 0;
      ensures \result == IC_V_DIVERGES && *rule == IC_RULE_TERM_TEST;
    behavior lower_comparison:
      assumes f->env == IC_ENV_DECAYS && f->sign != 0 && f->alt == 0;
      ensures \result == IC_V_DIVERGES && *rule == IC_RULE_LOWER_COMPARISON;
    behavior leibniz:
      assumes f->env == IC_ENV_DECAYS && f->sign != 0 && f->alt != 0
              && f->decreasing != 0;
      ensures \result == IC_V_CONVERGES && *rule == IC_RULE_LEIBNIZ;
    behavior unknown:
      assumes f->env != IC_ENV_SUMMABLE;
      assumes !(f->env == IC_ENV_NOT_DECAYING && f->sign != 0);
      assumes !(f->env == IC_ENV_DECAYS && f->sign != 0 && f->alt == 0);
      assumes !(f->env == IC_ENV_DECAYS && f->sign != 0 && f->alt != 0
                && f->decreasing != 0);
      ensures \result == IC_V_UNKNOWN && *rule == IC_RULE_NONE;
    complete behaviors;
    disjoint behaviors;
*/
int ic_verdict_sum (const ic_seq_facts *f, int *rule)
{
  if (f->env == IC_ENV_SUMMABLE)
    { *rule = IC_RULE_COMPARISON; return IC_V_CONVERGES; }
  if (f->env == IC_ENV_NOT_DECAYING && f->sign != 0)
    { *rule = IC_RULE_TERM_TEST; return IC_V_DIVERGES; }
  if (f->env == IC_ENV_DECAYS && f->sign != 0)
    {
      if (f->alt == 0)
        { *rule = IC_RULE_LOWER_COMPARISON; return IC_V_DIVERGES; }
      if (f->decreasing != 0)
        { *rule = IC_RULE_LEIBNIZ; return IC_V_CONVERGES; }
    }
  *rule = IC_RULE_NONE;
  return IC_V_UNKNOWN;
}

/* Products.  Every verdict other than ZERO_FACTOR also needs `nonzero`:
 * with a zero factor the limit is 0 (a finite limit, so neither
 * "converges to a nonzero limit", nor "diverges", nor "diverges to zero
 * without a zero factor" — see ic_verdict in infcert.h).
 * Split in three small kernels so that each proof goal stays small. */

/* Rules on u = p - 1 (no zero factor). */
/*@ requires valid_facts: \valid_read (f);
    requires valid_rule:  \valid (rule);
    requires separated:   \separated (f, rule);
    requires facts_hold:  ProdFactsHold (*f);
    requires nonzero:     f->nonzero != 0 && f->zero_factor == 0;
    assigns *rule;
    ensures sound: ProdVerdictSound (\result);
    ensures decided: \result == IC_V_UNKNOWN <==> *rule == IC_RULE_NONE;

    behavior abs:
      assumes f->u.env == IC_ENV_SUMMABLE;
      ensures \result == IC_V_CONVERGES && *rule == IC_RULE_PROD_ABS;
    behavior squares:
      assumes f->u.env == IC_ENV_DECAYS && f->u.sign != 0 && f->u.alt != 0
              && f->u.decreasing != 0 && f->u2_summable != 0;
      ensures \result == IC_V_CONVERGES && *rule == IC_RULE_PROD_SQUARES;
    behavior to_zero:
      assumes f->u.env == IC_ENV_DECAYS && f->u.alt == 0 && f->u.sign == -1;
      ensures \result == IC_V_DIVERGES_TO_ZERO && *rule == IC_RULE_PROD_TO_ZERO;
    behavior to_inf:
      assumes f->u.env == IC_ENV_DECAYS && f->u.alt == 0 && f->u.sign == 1;
      ensures \result == IC_V_DIVERGES && *rule == IC_RULE_PROD_TO_INF;
    behavior other:
      assumes f->u.env != IC_ENV_SUMMABLE;
      assumes !(f->u.env == IC_ENV_DECAYS && f->u.sign != 0 && f->u.alt != 0
                && f->u.decreasing != 0 && f->u2_summable != 0);
      assumes !(f->u.env == IC_ENV_DECAYS && f->u.alt == 0
                && (f->u.sign == -1 || f->u.sign == 1));
      ensures \result == IC_V_UNKNOWN && *rule == IC_RULE_NONE;
    complete behaviors;
    disjoint behaviors;
*/
static int prod_u_rule (const ic_prod_facts *f, int *rule)
{
  if (f->u.env == IC_ENV_SUMMABLE)
    { *rule = IC_RULE_PROD_ABS; return IC_V_CONVERGES; }
  if (f->u.env == IC_ENV_DECAYS)
    {
      if (f->u.alt != 0)
        {
          if (f->u.sign != 0 && f->u.decreasing != 0 && f->u2_summable != 0)
            { *rule = IC_RULE_PROD_SQUARES; return IC_V_CONVERGES; }
        }
      else if (f->u.sign == -1)
        { *rule = IC_RULE_PROD_TO_ZERO; return IC_V_DIVERGES_TO_ZERO; }
      else if (f->u.sign == 1)
        { *rule = IC_RULE_PROD_TO_INF; return IC_V_DIVERGES; }
    }
  *rule = IC_RULE_NONE;
  return IC_V_UNKNOWN;
}

/* Rules on the size of the factors (no zero factor). */
/*@ requires valid_facts: \valid_read (f);
    requires valid_rule:  \valid (rule);
    requires separated:   \separated (f, rule);
    requires facts_hold:  ProdFactsHold (*f);
    requires nonzero:     f->nonzero != 0 && f->zero_factor == 0;
    assigns *rule;
    ensures sound: ProdVerdictSound (\result);

    behavior small:
      assumes f->p_small != 0;
      ensures \result == IC_V_DIVERGES_TO_ZERO && *rule == IC_RULE_PROD_FACTOR_SMALL;
    behavior large:
      assumes f->p_small == 0 && f->p_large != 0;
      ensures \result == IC_V_DIVERGES && *rule == IC_RULE_PROD_FACTOR_LARGE;
    behavior other:
      assumes f->p_small == 0 && f->p_large == 0;
      ensures \result == IC_V_UNKNOWN && *rule == IC_RULE_NONE;
    complete behaviors;
    disjoint behaviors;
*/
static int prod_p_rule (const ic_prod_facts *f, int *rule)
{
  if (f->p_small != 0)
    { *rule = IC_RULE_PROD_FACTOR_SMALL; return IC_V_DIVERGES_TO_ZERO; }
  if (f->p_large != 0)
    { *rule = IC_RULE_PROD_FACTOR_LARGE; return IC_V_DIVERGES; }
  *rule = IC_RULE_NONE;
  return IC_V_UNKNOWN;
}

/* The rules in the order of verdict.h: zero factor, then the rules on u,
 * then the rules on |p|. */
/*@ requires valid_facts: \valid_read (f);
    requires valid_rule:  \valid (rule);
    requires separated:   \separated (f, rule);
    requires facts_hold:  ProdFactsHold (*f);
    assigns *rule;
    ensures sound: ProdVerdictSound (\result);

    behavior zero_factor:
      assumes f->zero_factor != 0;
      ensures \result == IC_V_ZERO_FACTOR && *rule == IC_RULE_ZERO_FACTOR;
    behavior maybe_zero:
      assumes f->zero_factor == 0 && f->nonzero == 0;
      ensures \result == IC_V_UNKNOWN && *rule == IC_RULE_NONE;
    behavior nonzero:
      assumes f->zero_factor == 0 && f->nonzero != 0;
      ensures \result != IC_V_ZERO_FACTOR;
    complete behaviors;
    disjoint behaviors;
*/
int ic_verdict_prod (const ic_prod_facts *f, int *rule)
{
  int v;
  if (f->zero_factor != 0)
    { *rule = IC_RULE_ZERO_FACTOR; return IC_V_ZERO_FACTOR; }
  if (f->nonzero == 0)
    { *rule = IC_RULE_NONE; return IC_V_UNKNOWN; }
  v = prod_u_rule (f, rule);
  if (v != IC_V_UNKNOWN) return v;
  return prod_p_rule (f, rule);
}
