/* em_kern.c — Euler–Maclaurin bound compositions (see em_kern.h for the
 * facts used).  Every step is one directed-rounding MPFR operation; the
 * comment after it states the inequality it establishes. */
#include "em_kern.h"

/* The caller's flag hyp_const_sign != 0 asserts EMHyp (specs/series.acsl);
 * with it, out = hull(0, 2 t) encloses R by EM_Remainder. */
/*@ requires valid: \valid (out) && \valid_read (omitted);
    requires alias: out == omitted || \separated (out, omitted);
    requires ok: IvalOk (omitted) && IvalInited (out);
    assigns *out;
    ensures ok: IvalOk (out);
    ensures sound: (hyp_const_sign != 0 ==> EMHyp) &&
                   \old (Encloses (omitted, EMOmitted)) ==> Encloses (out, EMRem);
    behavior hyp:
      assumes hyp_const_sign != 0 && FrNum (omitted->lo[0]) && FrNum (omitted->hi[0]);
      ensures status: \result == IC_IVAL_OK;
    behavior edom:
      assumes !(hyp_const_sign != 0 && FrNum (omitted->lo[0]) && FrNum (omitted->hi[0]));
      ensures status: \result == IC_IVAL_EDOM && IvalFull (out);
    complete behaviors;
    disjoint behaviors;
*/
int ic_em_remainder (ic_ival_ptr out, ic_ival_srcptr omitted, int hyp_const_sign)
{
  if (!hyp_const_sign || !ic_ival_is_finite (omitted))
    { ic_ival_set_full (out); return IC_IVAL_EDOM; }
  mpfr_t lo, hi;
  mpfr_init2 (lo, ic_ival_get_prec (out));
  mpfr_init2 (hi, ic_ival_get_prec (out));
  mpfr_mul_2ui (lo, omitted->lo, 1, MPFR_RNDD);   /* lo <= 2 t.lo */
  mpfr_mul_2ui (hi, omitted->hi, 1, MPFR_RNDU);   /* hi >= 2 t.hi */
  if (mpfr_sgn (lo) > 0) mpfr_set_zero (lo, 1);   /* lo <= min(0, 2 t) */
  if (mpfr_sgn (hi) < 0) mpfr_set_zero (hi, 1);   /* hi >= max(0, 2 t) */
  /*@ assert lo_bound: \forall real a; FrLe (omitted->lo[0], a) ==>
        FrLe (*lo, 0.0) && FrLe (*lo, 2 * a); */
  /*@ assert hi_bound: \forall real a; FrGe (omitted->hi[0], a) ==>
        FrGe (*hi, 0.0) && FrGe (*hi, 2 * a); */
  mpfr_swap (out->lo, lo);
  mpfr_swap (out->hi, hi);
  mpfr_clear (lo);
  mpfr_clear (hi);
  return IC_IVAL_OK;                              /* R in hull(0, 2 t): [EM], [B] */
}

int ic_em_logseries_tail (ic_ival_ptr out, ic_ival_srcptr q, ic_ival_srcptr p,
                          unsigned long M, unsigned long K)
{
  mpfr_prec_t prec = ic_ival_get_prec (out);
  mpfr_t r, t, u;
  if (!ic_ival_is_nonneg (q) || mpfr_cmp_ui (q->hi, 1) >= 0 || !ic_ival_is_finite (p)
      || M < 1 || K == (unsigned long) -1)
    { ic_ival_set_full (out); return IC_IVAL_EDOM; }
  mpfr_inits2 (prec, r, t, u, (mpfr_ptr) 0);
  mpfr_mul_ui (t, p->lo, K + 1, MPFR_RNDD);       /* t <= p (K+1)          */
  mpfr_sub_ui (t, t, 1, MPFR_RNDD);               /* t <= p (K+1) - 1      */
  if (mpfr_sgn (t) <= 0)
    { mpfr_clears (r, t, u, (mpfr_ptr) 0); ic_ival_set_full (out); return IC_IVAL_EDOM; }
  mpfr_ui_div (t, M, t, MPFR_RNDU);               /* t >= M / (p(K+1) - 1) */
  mpfr_add_ui (t, t, 1, MPFR_RNDU);               /* t >= 1 + M/(p(K+1)-1) */
  mpfr_div_ui (t, t, K + 1, MPFR_RNDU);           /* t >= (...) / (K+1)    */
  mpfr_pow_ui (r, q->hi, K + 1, MPFR_RNDU);       /* r >= q^(K+1), q >= 0  */
  mpfr_mul (r, r, t, MPFR_RNDU);                  /* r >= product          */
  mpfr_ui_sub (u, 1, q->hi, MPFR_RNDD);           /* 0 < u <= 1 - q        */
  mpfr_div (r, r, u, MPFR_RNDU);                  /* r >= ... / (1 - q)    */
  mpfr_neg (out->lo, r, MPFR_RNDD);
  mpfr_set (out->hi, r, MPFR_RNDU);
  mpfr_clears (r, t, u, (mpfr_ptr) 0);
  return IC_IVAL_OK;
}
