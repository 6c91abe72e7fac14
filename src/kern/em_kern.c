/* em_kern.c — Euler–Maclaurin bound compositions (see em_kern.h for the
 * facts used).  Every step is one directed-rounding MPFR operation; the
 * comment after it states the inequality it establishes. */
#include "em_kern.h"

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
  mpfr_swap (out->lo, lo);
  mpfr_swap (out->hi, hi);
  mpfr_clear (lo);
  mpfr_clear (hi);
  /*@ assert R in hull(0, 2 t) by [EM], [B] */
  return IC_IVAL_OK;
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
