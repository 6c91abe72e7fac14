/* em_kern.c — Euler–Maclaurin bound compositions (see em_kern.h for the
 * facts used).  Every step is one directed-rounding MPFR operation; the
 * comment after it states the inequality it establishes. */
#include <limits.h>
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

/* Tail of the log series (em_kern.h): r >= LogZetaBound (p.lo, q.hi, M, K)
 * (specs/logseries.acsl), which bounds |LogZetaTail| by LogZeta_Tail ([Z]
 * and the geometric series); every step below rounds away from that bound.
 * For the proof (results unchanged wherever the old code gave an interval):
 * the locals are initialised one by one instead of mpfr_inits2/clears
 * (variadic); u = RNDD(1 - q.hi) > 0 is checked (always true with MPFR's
 * exponent range, but the rounding model only gives u >= 0); an overflowed
 * factor t = +Inf gives r = +Inf (no bound) without calling mpfr_mul: the
 * same result as before, except for q.hi = 0, where 0 * Inf = NaN made the
 * old code return NaN endpoints. */
/*@ requires valid: \valid (out) && \valid_read (q) && \valid_read (p);
    requires alias: (out == q || \separated (out, q)) && (out == p || \separated (out, p));
    requires ok: IvalOk (q) && IvalOk (p) && IvalInited (out);
    requires nonempty: \exists real v; Encloses (q, v);
    assigns *out;
    ensures ok: IvalOk (out);
    ensures status: \result == IC_IVAL_OK || (\result == IC_IVAL_EDOM && IvalFull (out));
    ensures sound: \result == IC_IVAL_OK ==> \forall real c, s;
      \old (Encloses (q, LogZetaRatio (c, s, M))) && \old (Encloses (p, s)) ==>
      Encloses (out, LogZetaTail (c, s, M, K));
*/
int ic_em_logseries_tail (ic_ival_ptr out, ic_ival_srcptr q, ic_ival_srcptr p,
                          unsigned long M, unsigned long K)
{
  mpfr_prec_t prec = ic_ival_get_prec (out);
  mpfr_t r, t, u;
  int ok;
  if (!ic_ival_is_nonneg (q) || mpfr_cmp_ui (q->hi, 1) >= 0 || !ic_ival_is_finite (p)
      || M < 1 || K == ULONG_MAX)
    { ic_ival_set_full (out); return IC_IVAL_EDOM; }
  mpfr_init2 (r, prec);
  mpfr_init2 (t, prec);
  mpfr_init2 (u, prec);
  mpfr_ui_sub (u, 1, q->hi, MPFR_RNDD);           /* u <= 1 - q            */
  /*@ assert q_hi: FrNum (\at (q->hi[0], Pre))
        && 0 <= fr_val (\at (q->hi[0], Pre)) < 1; */
  /*@ assert p_lo: FrNum (\at (p->lo[0], Pre)); */
  mpfr_mul_ui (t, p->lo, K + 1, MPFR_RNDD);       /* t <= p (K+1)          */
  mpfr_sub_ui (t, t, 1, MPFR_RNDD);               /* t <= p (K+1) - 1      */
  ok = mpfr_sgn (t) > 0 && mpfr_sgn (u) > 0;
  if (ok)
    {
      /*@ assert t_pos: FrNum (*t)
            && 0 < fr_val (*t) <= fr_val (\at (p->lo[0], Pre)) * (K + 1) - 1; */
      /*@ assert u_pos: FrNum (*u)
            && 0 < fr_val (*u) <= 1 - fr_val (\at (q->hi[0], Pre)); */
      /*@ assert den_pos: 0 < fr_val (\at (p->lo[0], Pre)) * (K + 1) - 1; */
      /*@ assert m_nn: 0 <= (real) M; */
      /*@ assert m_div1: \let P = fr_val (\at (p->lo[0], Pre));
            0 <= M / (P * (K + 1) - 1); */
      /*@ assert m_div: \let P = fr_val (\at (p->lo[0], Pre));
            M / (P * (K + 1) - 1) <= M / fr_val (*t); */
      mpfr_ui_div (t, M, t, MPFR_RNDU);           /* t >= M / (p(K+1) - 1) */
      /*@ assert t2: \let P = fr_val (\at (p->lo[0], Pre));
            FrGe (*t, M / (P * (K + 1) - 1)); */
      mpfr_add_ui (t, t, 1, MPFR_RNDU);           /* t >= 1 + M/(p(K+1)-1) */
      /*@ assert t3: \let P = fr_val (\at (p->lo[0], Pre));
            FrGe (*t, 1 + M / (P * (K + 1) - 1)); */
      /*@ assert x_pos: \let P = fr_val (\at (p->lo[0], Pre));
            0 < (1 + M / (P * (K + 1) - 1)) / (K + 1); */
      /*@ assert a_ge1: \let P = fr_val (\at (p->lo[0], Pre));
            1 <= 1 + M / (P * (K + 1) - 1); */
      /*@ assert k_pos: 0 < (real) (K + 1); */
      /*@ assert d4: \let P = fr_val (\at (p->lo[0], Pre));
            FrNum (*t) ==> (1 + M / (P * (K + 1) - 1)) / (K + 1) <= fr_val (*t) / (K + 1); */
      mpfr_div_ui (t, t, K + 1, MPFR_RNDU);       /* t >= (...) / (K+1)    */
      /*@ assert t4: \let P = fr_val (\at (p->lo[0], Pre));
            FrGe (*t, (1 + M / (P * (K + 1) - 1)) / (K + 1)); */
      mpfr_pow_ui (r, q->hi, K + 1, MPFR_RNDU);   /* r >= q^(K+1) >= 0     */
      /*@ assert r1: \let Q = fr_val (\at (q->hi[0], Pre));
            FrGe (*r, powi (Q, K + 1)) && (FrPInf (*r) || (FrNum (*r) && fr_val (*r) >= 0)); */
      /*@ assert prod: \let P = fr_val (\at (p->lo[0], Pre));
            \let Q = fr_val (\at (q->hi[0], Pre));
            \let X = (1 + M / (P * (K + 1) - 1)) / (K + 1);
            FrNum (*r) && FrNum (*t) ==>
              lz_mul (X, powi (Q, K + 1)) <= lz_mul (fr_val (*t), fr_val (*r))
              && 0 <= lz_mul (fr_val (*t), fr_val (*r)); */
      /*@ assert prod_eq: \let P = fr_val (\at (p->lo[0], Pre));
            \let Q = fr_val (\at (q->hi[0], Pre));
            \let X = (1 + M / (P * (K + 1) - 1)) / (K + 1);
            lz_mul (X, powi (Q, K + 1)) == X * powi (Q, K + 1)
            && lz_mul (fr_val (*t), fr_val (*r)) == fr_val (*r) * fr_val (*t); */
      /*@ assert t_sgn: fr_sgn (*r) >= 0 && (FrNum (*t) ==> fr_sgn (*t) == 1); */
      /* r = r * t; t = +Inf (overflow) means no bound, and is handled
       * apart so that 0 * Inf = NaN cannot arise. */
      if (mpfr_number_p (t))
        mpfr_mul (r, r, t, MPFR_RNDU);            /* r >= q^(K+1) t        */
      else
        mpfr_set_inf (r, 1);
      /*@ assert r2: \let P = fr_val (\at (p->lo[0], Pre));
            \let Q = fr_val (\at (q->hi[0], Pre));
            FrPInf (*r) || (FrNum (*r) && 0 <= fr_val (*r)
              && (1 + M / (P * (K + 1) - 1)) / (K + 1) * powi (Q, K + 1) <= fr_val (*r)); */
      /*@ assert qd_nn: \let P = fr_val (\at (p->lo[0], Pre));
            \let Q = fr_val (\at (q->hi[0], Pre));
            FrNum (*r) && 0 <= (1 + M / (P * (K + 1) - 1)) / (K + 1) * powi (Q, K + 1) ==>
              LogZetaBound (P, Q, M, K) <= fr_val (*r) / fr_val (*u); */
      /*@ assert qd_neg: \let P = fr_val (\at (p->lo[0], Pre));
            \let Q = fr_val (\at (q->hi[0], Pre));
            FrNum (*r) && (1 + M / (P * (K + 1) - 1)) / (K + 1) * powi (Q, K + 1) < 0 ==>
              LogZetaBound (P, Q, M, K) < 0 <= fr_val (*r) / fr_val (*u); */
      mpfr_div (r, r, u, MPFR_RNDU);              /* r >= ... / (1 - q)    */
      /*@ assert r3: \let P = fr_val (\at (p->lo[0], Pre));
            \let Q = fr_val (\at (q->hi[0], Pre));
            !FrNaN (*r) && FrGe (*r, LogZetaBound (P, Q, M, K)); */
      /*@ assert ax: \let P = fr_val (\at (p->lo[0], Pre));
            \let Q = fr_val (\at (q->hi[0], Pre));
            \forall real c, s; FrGe (\at (q->hi[0], Pre), LogZetaRatio (c, s, M))
              && FrLe (\at (p->lo[0], Pre), s) ==>
              - LogZetaBound (P, Q, M, K) <= LogZetaTail (c, s, M, K)
                <= LogZetaBound (P, Q, M, K); */
      mpfr_neg (out->lo, r, MPFR_RNDD);
      mpfr_set (out->hi, r, MPFR_RNDU);
      /*@ assert out_b: \let P = fr_val (\at (p->lo[0], Pre));
            \let Q = fr_val (\at (q->hi[0], Pre));
            IvalOk (out) && FrLe (out->lo[0], - LogZetaBound (P, Q, M, K))
            && FrGe (out->hi[0], LogZetaBound (P, Q, M, K)); */
    }
  mpfr_clear (r);
  mpfr_clear (t);
  mpfr_clear (u);
  if (!ok) { ic_ival_set_full (out); return IC_IVAL_EDOM; }
  return IC_IVAL_OK;
}
