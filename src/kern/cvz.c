/* cvz.c — final composition of the Cohen–Villegas–Zagier acceleration
 * (see cvz.h; the theorem is the axiom Cvz_Error of specs/cvz.acsl).
 *
 * Error analysis: with w in s, D in d (d.lo > 0), |a0| <= mag:
 *   W/D lies in [q.lo, q.hi], the endpoints being the extreme endpoint
 *   quotients of s by d, each one correctly rounded division in the outward
 *   direction (the same values ic_ival_div (s, d) computes for d > 0);
 *   2 |a_0| / D <= 2 mag / d.lo <= e (two upward roundings);
 *   S in [W/D - 2|a_0|/D, W/D + 2|a_0|/D]  (Cvz_Error)
 *     is in [q.lo - e, q.hi + e], rounded down / up.
 * Every step is proved (proofs/kernels.txt); the comments after each MPFR
 * call state the inequality it gives. */
#include "cvz.h"

/* r <= W / D for every W >= s.lo and D in [d.lo, d.hi] (0 < d.lo). */
/*@ requires valid: \valid (r) && \valid_read (sl) && \valid_read (dl) && \valid_read (dh);
    requires sep: \separated (r, sl) && \separated (r, dl) && \separated (r, dh);
    requires inited: FrInited (*r) && FrInited (*sl) && FrInited (*dl) && FrInited (*dh);
    requires num: FrNum (*sl) && FrNum (*dl) && FrNum (*dh);
    requires pos: fr_val (*dl) > 0 && fr_val (*dh) > 0;
    assigns *r;
    ensures inited: FrInited (*r) && fr_prec (*r) == fr_prec (\old (*r));
    ensures kind: FrNum (*r) || FrNInf (*r);
    ensures lower: fr_val (*sl) <= CvzW && fr_val (*dl) <= CvzD <= fr_val (*dh) ==>
      FrLe (*r, CvzW / CvzD);
*/
static void cvz_quot_lo (mpfr_ptr r, mpfr_srcptr sl, mpfr_srcptr dl, mpfr_srcptr dh)
{
  if (mpfr_sgn (sl) >= 0)
    {
      /*@ assert q_le: fr_val (*sl) <= CvzW && fr_val (*dl) <= CvzD <= fr_val (*dh) ==>
            fr_val (*sl) / fr_val (*dh) <= CvzW / CvzD; */
      mpfr_div (r, sl, dh, MPFR_RNDD);        /* r <= s.lo / d.hi <= W / D
                                                 (0 <= s.lo <= W, 0 < D <= d.hi) */
    }
  else
    {
      /*@ assert q_neg: fr_val (*sl) / fr_val (*dl) < 0; */
      /*@ assert w_nn: 0 <= CvzW && 0 < CvzD ==> 0 <= CvzW / CvzD; */
      /*@ assert w_neg: CvzW < 0 && fr_val (*sl) <= CvzW && fr_val (*dl) <= CvzD ==>
            (- CvzW) / CvzD <= (- fr_val (*sl)) / fr_val (*dl); */
      /*@ assert w_neg2: CvzW < 0 && fr_val (*sl) <= CvzW && fr_val (*dl) <= CvzD ==>
            fr_val (*sl) / fr_val (*dl) <= CvzW / CvzD; */
      /*@ assert q_le: fr_val (*sl) <= CvzW && fr_val (*dl) <= CvzD ==>
            fr_val (*sl) / fr_val (*dl) <= CvzW / CvzD; */
      mpfr_div (r, sl, dl, MPFR_RNDD);        /* r <= s.lo / d.lo <= W / D
                                                 (s.lo < 0, 0 < d.lo <= D) */
    }
}

/* r >= W / D for every W <= s.hi and D in [d.lo, d.hi] (0 < d.lo). */
/*@ requires valid: \valid (r) && \valid_read (sh) && \valid_read (dl) && \valid_read (dh);
    requires sep: \separated (r, sh) && \separated (r, dl) && \separated (r, dh);
    requires inited: FrInited (*r) && FrInited (*sh) && FrInited (*dl) && FrInited (*dh);
    requires num: FrNum (*sh) && FrNum (*dl) && FrNum (*dh);
    requires pos: fr_val (*dl) > 0 && fr_val (*dh) > 0;
    assigns *r;
    ensures inited: FrInited (*r) && fr_prec (*r) == fr_prec (\old (*r));
    ensures kind: FrNum (*r) || FrPInf (*r);
    ensures upper: CvzW <= fr_val (*sh) && fr_val (*dl) <= CvzD <= fr_val (*dh) ==>
      FrGe (*r, CvzW / CvzD);
*/
static void cvz_quot_hi (mpfr_ptr r, mpfr_srcptr sh, mpfr_srcptr dl, mpfr_srcptr dh)
{
  if (mpfr_sgn (sh) >= 0)
    {
      /*@ assert q_nn: 0 <= fr_val (*sh) / fr_val (*dl); */
      /*@ assert w_neg: CvzW < 0 && 0 < CvzD ==> CvzW / CvzD < 0; */
      /*@ assert w_nn: 0 <= CvzW <= fr_val (*sh) && fr_val (*dl) <= CvzD ==>
            CvzW / CvzD <= fr_val (*sh) / fr_val (*dl); */
      /*@ assert q_ge: CvzW <= fr_val (*sh) && fr_val (*dl) <= CvzD ==>
            CvzW / CvzD <= fr_val (*sh) / fr_val (*dl); */
      mpfr_div (r, sh, dl, MPFR_RNDU);        /* r >= s.hi / d.lo >= W / D
                                                 (s.hi >= 0, 0 < d.lo <= D) */
    }
  else
    {
      /*@ assert m_le: CvzW <= fr_val (*sh) && fr_val (*dl) <= CvzD <= fr_val (*dh) ==>
            (- fr_val (*sh)) / fr_val (*dh) <= (- CvzW) / CvzD; */
      /*@ assert q_ge: CvzW <= fr_val (*sh) && fr_val (*dl) <= CvzD <= fr_val (*dh) ==>
            CvzW / CvzD <= fr_val (*sh) / fr_val (*dh); */
      mpfr_div (r, sh, dh, MPFR_RNDU);        /* r >= s.hi / d.hi >= W / D
                                                 (W <= s.hi < 0, 0 < D <= d.hi) */
    }
}

/* e >= 2 |A0| / D for every A0 in [a.lo, a.hi] and D >= d.lo > 0.
 * mag = max(-a.lo, a.hi) >= |A0| is the value ic_ival_mag_upper gives. */
/*@ requires valid: \valid (e) && \valid_read (al) && \valid_read (ah) && \valid_read (dl);
    requires sep: \separated (e, al) && \separated (e, ah) && \separated (e, dl);
    requires inited: FrInited (*e) && FrInited (*al) && FrInited (*ah) && FrInited (*dl);
    requires num: FrNum (*al) && FrNum (*ah) && FrNum (*dl);
    requires pos: fr_val (*dl) > 0;
    assigns *e;
    ensures inited: FrInited (*e) && fr_prec (*e) == fr_prec (\old (*e));
    ensures kind: FrNum (*e) || FrPInf (*e);
    ensures upper: fr_val (*al) <= CvzA0 <= fr_val (*ah) && fr_val (*dl) <= CvzD ==>
      FrGe (*e, 2 * \abs (CvzA0) / CvzD);
*/
static void cvz_err (mpfr_ptr e, mpfr_srcptr al, mpfr_srcptr ah, mpfr_srcptr dl)
{
  mpfr_t t, u;
  mpfr_init2 (t, mpfr_get_prec (e));
  mpfr_init2 (u, mpfr_get_prec (e));
  mpfr_neg (t, al, MPFR_RNDU);                /* t >= -a.lo */
  mpfr_sub (u, t, ah, MPFR_RNDU);             /* u >= t - a.hi; u > 0 only if t > a.hi */
  if (mpfr_sgn (u) > 0)
    {
      /*@ assert t_gt: FrPInf (*t) || (FrNum (*t) && fr_val (*t) > fr_val (*ah)); */
      mpfr_set (e, t, MPFR_RNDU);             /* e >= t >= max(-a.lo, a.hi) */
    }
  else
    {
      /*@ assert t_le: FrNum (*t) && fr_val (*t) <= fr_val (*ah); */
      mpfr_set (e, ah, MPFR_RNDU);            /* e >= a.hi >= t >= -a.lo */
    }
  /*@ assert mag: FrGe (*e, - fr_val (*al)) && FrGe (*e, fr_val (*ah)); */
  /*@ assert mag_abs: fr_val (*al) <= CvzA0 <= fr_val (*ah) ==> FrGe (*e, \abs (CvzA0)); */
  mpfr_mul_2ui (e, e, 1, MPFR_RNDU);          /* e >= 2 mag >= 2 |A0| */
  /*@ assert mag2: fr_val (*al) <= CvzA0 <= fr_val (*ah) ==> FrGe (*e, 2 * \abs (CvzA0)); */
  /*@ assert q_pre: FrNum (*e) && fr_val (*al) <= CvzA0 <= fr_val (*ah)
        && fr_val (*dl) <= CvzD ==>
        2 * \abs (CvzA0) / CvzD <= fr_val (*e) / fr_val (*dl); */
  mpfr_div (e, e, dl, MPFR_RNDU);             /* e >= 2 mag / d.lo >= 2 |A0| / D */
  mpfr_clear (t);
  mpfr_clear (u);
}

/* The premises of the kernel's claim on finite endpoints (W in s, D in d,
 * A0 in a0, and the CVZ hypothesis): a definition, nothing trusted. */
/*@ predicate CvzIn (ic_fr_struct sl, ic_fr_struct sh, ic_fr_struct dl, ic_fr_struct dh,
                    ic_fr_struct al, ic_fr_struct ah) =
      CvzHyp && fr_val (sl) <= CvzW <= fr_val (sh) && fr_val (dl) <= CvzD <= fr_val (dh)
      && fr_val (al) <= CvzA0 <= fr_val (ah);
*/

/* [lo, hi] = [q.lo - e, q.hi + e] (outward), an enclosure of S. */
/*@ requires valid: \valid (lo) && \valid (hi) && \valid_read (s) && \valid_read (d)
                    && \valid_read (a0);
    requires sep: \separated (lo, hi) && \separated (lo, s) && \separated (lo, d)
                  && \separated (lo, a0) && \separated (hi, s) && \separated (hi, d)
                  && \separated (hi, a0);
    requires inited: FrInited (*lo) && FrInited (*hi);
    requires ok: IvalOk (s) && IvalOk (d) && IvalOk (a0);
    requires num: FrNum (s->lo[0]) && FrNum (s->hi[0]) && FrNum (d->lo[0])
                  && FrNum (d->hi[0]) && FrNum (a0->lo[0]) && FrNum (a0->hi[0]);
    requires pos: fr_val (d->lo[0]) > 0 && fr_val (d->hi[0]) > 0;
    assigns *lo, *hi;
    ensures inited: FrInited (*lo) && FrInited (*hi);
    ensures not_nan: !FrNaN (*lo) && !FrNaN (*hi);
    ensures sound: CvzIn (\old (s->lo[0]), \old (s->hi[0]), \old (d->lo[0]), \old (d->hi[0]),
                          \old (a0->lo[0]), \old (a0->hi[0])) ==>
                   FrLe (*lo, CvzS) && FrGe (*hi, CvzS);
*/
static void cvz_compose (mpfr_ptr lo, mpfr_ptr hi, ic_ival_srcptr s, ic_ival_srcptr d,
                         ic_ival_srcptr a0)
{
  mpfr_t e;
  /* the endpoints as values (no frame reasoning about s, d, a0 below) */
  //@ ghost ic_fr_struct sl = s->lo[0];
  //@ ghost ic_fr_struct sh = s->hi[0];
  //@ ghost ic_fr_struct dl = d->lo[0];
  //@ ghost ic_fr_struct dh = d->hi[0];
  //@ ghost ic_fr_struct al = a0->lo[0];
  //@ ghost ic_fr_struct ah = a0->hi[0];
  mpfr_init2 (e, mpfr_get_prec (lo));
  cvz_quot_lo (lo, s->lo, d->lo, d->hi);      /* lo <= W / D */
  cvz_quot_hi (hi, s->hi, d->lo, d->hi);      /* hi >= W / D */
  cvz_err (e, a0->lo, a0->hi, d->lo);         /* e >= 2 |A0| / D */
  /*@ assert thm: CvzHyp ==>
        CvzW / CvzD - 2 * \abs (CvzA0) / CvzD <= CvzS <= CvzW / CvzD + 2 * \abs (CvzA0) / CvzD; */
  /*@ assert pre: CvzIn (sl, sh, dl, dh, al, ah) ==> FrLe (*lo, CvzW / CvzD) && FrGe (*hi, CvzW / CvzD)
        && FrGe (*e, 2 * \abs (CvzA0) / CvzD); */
  /*@ assert kinds: (FrNum (*lo) || FrNInf (*lo)) && (FrNum (*hi) || FrPInf (*hi))
        && (FrNum (*e) || FrPInf (*e)); */
  //@ ghost ic_fr_struct lo0 = *lo;
  mpfr_sub (lo, lo, e, MPFR_RNDD);            /* lo <= W/D - 2|A0|/D <= S */
  /*@ assert lo_inf: !(FrNum (lo0) && FrNum (*e)) ==> FrNInf (*lo); */
  /*@ assert lo_num: FrNum (lo0) && FrNum (*e) ==>
        FrLe (*lo, fr_val (lo0) - fr_val (*e)); */
  /*@ assert lo_b0: CvzHyp && FrLe (lo0, CvzW / CvzD) && FrGe (*e, 2 * \abs (CvzA0) / CvzD) ==>
        FrLe (*lo, CvzS); */
  /*@ assert pre_hi: CvzIn (sl, sh, dl, dh, al, ah) ==> FrGe (*hi, CvzW / CvzD)
        && FrGe (*e, 2 * \abs (CvzA0) / CvzD); */
  /*@ assert lo_b: CvzIn (sl, sh, dl, dh, al, ah) ==> FrLe (*lo, CvzS); */
  //@ ghost ic_fr_struct hi0 = *hi;
  mpfr_add (hi, hi, e, MPFR_RNDU);            /* hi >= W/D + 2|A0|/D >= S */
  /*@ assert hi_inf: !(FrNum (hi0) && FrNum (*e)) ==> FrPInf (*hi); */
  /*@ assert hi_num: FrNum (hi0) && FrNum (*e) ==>
        FrGe (*hi, fr_val (hi0) + fr_val (*e)); */
  /*@ assert hi_b0: CvzHyp && FrGe (hi0, CvzW / CvzD) && FrGe (*e, 2 * \abs (CvzA0) / CvzD) ==>
        FrGe (*hi, CvzS); */
  /*@ assert lo_kept: CvzIn (sl, sh, dl, dh, al, ah) ==> FrLe (*lo, CvzS); */
  /*@ assert hi_b: CvzIn (sl, sh, dl, dh, al, ah) ==> FrGe (*hi, CvzS); */
  /*@ assert both: CvzIn (sl, sh, dl, dh, al, ah) ==> FrLe (*lo, CvzS) && FrGe (*hi, CvzS); */
  mpfr_clear (e);
}

/*@ requires valid: \valid (out) && \valid_read (s) && \valid_read (d) && \valid_read (a0);
    requires alias: (out == s || \separated (out, s)) && (out == d || \separated (out, d))
                    && (out == a0 || \separated (out, a0));
    requires ok: IvalOk (s) && IvalOk (d) && IvalOk (a0) && IvalInited (out);
    assigns *out;
    ensures ok: IvalOk (out);
    ensures status: \result == IC_IVAL_OK || \result == IC_IVAL_EDOM;
    ensures edom: \result == IC_IVAL_EDOM ==> IvalFull (out);
    ensures sound: CvzHyp && \old (Encloses (s, CvzW)) && \old (Encloses (d, CvzD))
                   && \old (Encloses (a0, CvzA0)) ==> Encloses (out, CvzS);
*/
int ic_tail_cvz (ic_ival_ptr out, ic_ival_srcptr s, ic_ival_srcptr d, ic_ival_srcptr a0)
{
  mpfr_t lo, hi;
  if (!(ic_ival_is_finite (s) && ic_ival_is_finite (d) && ic_ival_is_finite (a0)
        && mpfr_sgn (d->lo) > 0 && mpfr_sgn (d->hi) > 0))
    { ic_ival_set_full (out); return IC_IVAL_EDOM; }
  mpfr_init2 (lo, ic_ival_get_prec (out));
  mpfr_init2 (hi, ic_ival_get_prec (out));
  /* All endpoints of s, d, a0 are read before out (which may alias them)
   * is written. */
  /*@ assert in: CvzHyp && \at (Encloses (s, CvzW), Pre) && \at (Encloses (d, CvzD), Pre)
        && \at (Encloses (a0, CvzA0), Pre) ==>
        CvzIn (s->lo[0], s->hi[0], d->lo[0], d->hi[0], a0->lo[0], a0->hi[0]); */
  cvz_compose (lo, hi, s, d, a0);
  /*@ assert b0: CvzHyp && \at (Encloses (s, CvzW), Pre) && \at (Encloses (d, CvzD), Pre)
        && \at (Encloses (a0, CvzA0), Pre) ==> FrLe (*lo, CvzS) && FrGe (*hi, CvzS); */
  /*@ assert k0: FrInited (out->lo[0]) && FrInited (out->hi[0]) && FrInited (*lo)
        && FrInited (*hi); */
  mpfr_swap (out->lo, lo);
  /*@ assert b1: CvzHyp && \at (Encloses (s, CvzW), Pre) && \at (Encloses (d, CvzD), Pre)
        && \at (Encloses (a0, CvzA0), Pre) ==> FrLe (out->lo[0], CvzS) && FrGe (*hi, CvzS); */
  /*@ assert k1: FrInited (out->lo[0]) && !FrNaN (out->lo[0]) && FrInited (*hi) && !FrNaN (*hi)
        && FrInited (out->hi[0]); */
  mpfr_swap (out->hi, hi);
  /*@ assert b2: CvzHyp && \at (Encloses (s, CvzW), Pre) && \at (Encloses (d, CvzD), Pre)
        && \at (Encloses (a0, CvzA0), Pre) ==> Encloses (out, CvzS); */
  /*@ assert k2: IvalOk (out); */
  mpfr_clear (lo);
  mpfr_clear (hi);
  return IC_IVAL_OK;
}
