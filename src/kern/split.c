/* split.c — verdict of a(n) +- b(n) from the verdicts of a and b. */
#include "split.h"

/*@ requires va_range: IC_V_UNKNOWN <= va <= IC_V_ZERO_FACTOR;
    requires vb_range: IC_V_UNKNOWN <= vb <= IC_V_ZERO_FACTOR;
    assigns \nothing;
    behavior both_converge:
      assumes va == IC_V_CONVERGES && vb == IC_V_CONVERGES;
      ensures \result == IC_V_CONVERGES;
    behavior one_diverges:
      assumes (va == IC_V_CONVERGES && vb == IC_V_DIVERGES)
           || (va == IC_V_DIVERGES && vb == IC_V_CONVERGES);
      ensures \result == IC_V_DIVERGES;
    behavior undecided:
      assumes !(va == IC_V_CONVERGES && vb == IC_V_CONVERGES)
           && !(va == IC_V_CONVERGES && vb == IC_V_DIVERGES)
           && !(va == IC_V_DIVERGES && vb == IC_V_CONVERGES);
      ensures \result == IC_V_UNKNOWN;
    complete behaviors;
    disjoint behaviors;
*/
int ic_verdict_sum_split (int va, int vb)
{
  if (va == IC_V_CONVERGES && vb == IC_V_CONVERGES) return IC_V_CONVERGES;
  if (va == IC_V_CONVERGES && vb == IC_V_DIVERGES) return IC_V_DIVERGES;
  if (va == IC_V_DIVERGES && vb == IC_V_CONVERGES) return IC_V_DIVERGES;
  return IC_V_UNKNOWN;
}

/*@ requires va_range: IC_V_UNKNOWN <= va <= IC_V_ZERO_FACTOR;
    requires vb_range: IC_V_UNKNOWN <= vb <= IC_V_ZERO_FACTOR;
    assigns \nothing;
    behavior product:
      assumes quotient == 0;
      ensures \result == IC_V_CONVERGES ==> va == IC_V_CONVERGES && vb == IC_V_CONVERGES;
      ensures \result == IC_V_DIVERGES_TO_ZERO ==>
        (va == IC_V_CONVERGES || va == IC_V_DIVERGES_TO_ZERO)
        && (vb == IC_V_CONVERGES || vb == IC_V_DIVERGES_TO_ZERO);
      ensures \result == IC_V_ZERO_FACTOR ==>
        (va == IC_V_ZERO_FACTOR && vb != IC_V_UNKNOWN) || (vb == IC_V_ZERO_FACTOR && va != IC_V_UNKNOWN);
      ensures \result == IC_V_DIVERGES ==>
        (va == IC_V_CONVERGES && vb == IC_V_DIVERGES) || (va == IC_V_DIVERGES && vb == IC_V_CONVERGES);
    behavior quotient:
      assumes quotient != 0;
      ensures \result != IC_V_UNKNOWN ==> vb == IC_V_CONVERGES
        || (vb == IC_V_DIVERGES_TO_ZERO && va == IC_V_CONVERGES && \result == IC_V_DIVERGES);
      ensures \result == IC_V_CONVERGES ==> va == IC_V_CONVERGES;
      ensures \result == IC_V_DIVERGES_TO_ZERO ==> va == IC_V_DIVERGES_TO_ZERO;
      ensures \result == IC_V_ZERO_FACTOR ==> va == IC_V_ZERO_FACTOR;
    complete behaviors;
    disjoint behaviors;
*/
int ic_verdict_prod_split (int va, int vb, int quotient)
{
  if (va == IC_V_UNKNOWN || vb == IC_V_UNKNOWN) return IC_V_UNKNOWN;
  if (quotient)
    {
      if (vb == IC_V_CONVERGES)
        return va;                              /* divide by a finite nonzero limit */
      if (vb == IC_V_DIVERGES_TO_ZERO && va == IC_V_CONVERGES)
        return IC_V_DIVERGES;                   /* nonzero / (-> 0): unbounded */
      return IC_V_UNKNOWN;
    }
  if (va == IC_V_ZERO_FACTOR || vb == IC_V_ZERO_FACTOR) return IC_V_ZERO_FACTOR;
  if (va == IC_V_CONVERGES && vb == IC_V_CONVERGES) return IC_V_CONVERGES;
  if ((va == IC_V_CONVERGES || va == IC_V_DIVERGES_TO_ZERO)
      && (vb == IC_V_CONVERGES || vb == IC_V_DIVERGES_TO_ZERO))
    return IC_V_DIVERGES_TO_ZERO;
  if ((va == IC_V_CONVERGES && vb == IC_V_DIVERGES) || (va == IC_V_DIVERGES && vb == IC_V_CONVERGES))
    return IC_V_DIVERGES;
  return IC_V_UNKNOWN;
}

/*@ requires vh_range: IC_V_UNKNOWN <= vh <= IC_V_ZERO_FACTOR;
    assigns \nothing;
    ensures vh == IC_V_CONVERGES ==> \result == IC_V_DIVERGES;
    ensures vh == IC_V_DIVERGES_TO_ZERO ==> \result == IC_V_DIVERGES_TO_ZERO;
    ensures vh == IC_V_ZERO_FACTOR ==> \result == IC_V_ZERO_FACTOR;
    ensures vh == IC_V_UNKNOWN || vh == IC_V_DIVERGES ==> \result == IC_V_UNKNOWN;
*/
int ic_verdict_prod_signflip (int vh)
{
  if (vh == IC_V_CONVERGES) return IC_V_DIVERGES;
  if (vh == IC_V_DIVERGES_TO_ZERO) return IC_V_DIVERGES_TO_ZERO;
  if (vh == IC_V_ZERO_FACTOR) return IC_V_ZERO_FACTOR;
  return IC_V_UNKNOWN;
}
