/* tail.c — tail-bound compositions.  Each function establishes one
 * inequality of specs/analysis.acsl with directed roundings; after each
 * MPFR call the comment states the bound it gives.  Hypotheses that can be
 * checked on the intervals are checked; on failure the result is the whole
 * line and the status IC_IVAL_EDOM. */
#include <limits.h>
#include "tail.h"

/* Working precision of the scalar temporaries: the output precision, but at
 * least 64 bits so that N (an unsigned long) is exact. */
static mpfr_prec_t work_prec (ic_ival_srcptr out)
{
  mpfr_prec_t p = ic_ival_get_prec (out);
  return p < 64 ? 64 : p;
}

/* Upper bound, case a < -1 (a = alpha.hi, b = beta.hi), any b.
 * With s = -a - 1 > 0 and delta = max(0, b / log N):
 *   g(x) = x^-delta (log x)^b is non-increasing on [N, inf)
 *   (g'/g = (b - delta log x) / (x log x) <= 0), so for n > N
 *   n^a (log n)^b = n^(a+delta) g(n) <= g(N) n^(a+delta), and
 *   sum_{n>N} n^(a+delta) <= int_N^inf x^(a+delta) dx = N^(delta-s)/(s-delta)
 *   when s > delta.  Together: sum <= (log N)^b N^-s / (s - delta).
 * Returns 0 if s <= delta could not be excluded. */
static int powerlog_upper_alt (mpfr_ptr hi, mpfr_srcptr a, mpfr_srcptr b,
                               unsigned long N, mpfr_prec_t p)
{
  mpfr_t lnd, lnu, s, del, t, u;
  int ok = 1;
  mpfr_init2 (lnd, p); mpfr_init2 (lnu, p); mpfr_init2 (s, p);
  mpfr_init2 (del, p); mpfr_init2 (t, p); mpfr_init2 (u, p);
  mpfr_set_ui (t, N, MPFR_RNDN);              /* exact: p >= 64 */
  mpfr_log (lnd, t, MPFR_RNDD);               /* lnd <= log N */
  mpfr_log (lnu, t, MPFR_RNDU);               /* lnu >= log N */
  mpfr_si_sub (s, -1, a, MPFR_RNDD);          /* s <= -1 - a */
  if (mpfr_sgn (b) > 0)
    mpfr_div (del, b, lnd, MPFR_RNDU);        /* del >= b / log N > 0 */
  else
    mpfr_set_zero (del, 1);                   /* b <= 0: delta = 0 */
  mpfr_sub (s, s, del, MPFR_RNDD);            /* s <= (-1 - a) - del */
  if (!(mpfr_sgn (s) > 0)) { ok = 0; goto done; }
  mpfr_add_si (t, a, 1, MPFR_RNDU);           /* t >= a + 1 */
  mpfr_ui_pow (t, N, t, MPFR_RNDU);           /* t >= N^(a+1)  (N > 1) */
  if (mpfr_sgn (b) >= 0)
    mpfr_pow (u, lnu, b, MPFR_RNDU);          /* u >= (log N)^b, b >= 0 */
  else
    mpfr_pow (u, lnd, b, MPFR_RNDU);          /* u >= (log N)^b, b < 0 */
  mpfr_mul (t, t, u, MPFR_RNDU);              /* t >= (log N)^b N^(a+1) */
  mpfr_div (hi, t, s, MPFR_RNDU);             /* hi >= that / (s - delta) */
 done:
  mpfr_clear (lnd); mpfr_clear (lnu); mpfr_clear (s);
  mpfr_clear (del); mpfr_clear (t); mpfr_clear (u);
  return ok;
}

/* Lower bound, case a < -1 (a = alpha.lo, b = beta.lo), M = N + 1 >= 3.
 * With s = -a - 1 > 0 and delta = max(0, -b / log M):
 *   h(x) = x^delta (log x)^b is non-decreasing on [M, inf), so for n >= M
 *   n^a (log n)^b >= h(M) n^(a-delta), and
 *   sum_{n>=M} n^(a-delta) >= int_M^inf x^(a-delta) dx = M^(-s-delta)/(s+delta).
 *   Together: sum >= (log M)^b M^-s / (s + delta). */
static void powerlog_lower_alt (mpfr_ptr lo, mpfr_srcptr a, mpfr_srcptr b,
                                unsigned long M, mpfr_prec_t p)
{
  mpfr_t lmd, lmu, s, del, t, u;
  mpfr_init2 (lmd, p); mpfr_init2 (lmu, p); mpfr_init2 (s, p);
  mpfr_init2 (del, p); mpfr_init2 (t, p); mpfr_init2 (u, p);
  mpfr_set_ui (t, M, MPFR_RNDN);              /* exact */
  mpfr_log (lmd, t, MPFR_RNDD);               /* lmd <= log M */
  mpfr_log (lmu, t, MPFR_RNDU);               /* lmu >= log M */
  mpfr_si_sub (s, -1, a, MPFR_RNDU);          /* s >= -1 - a > 0 */
  if (mpfr_sgn (b) < 0)
    {
      mpfr_neg (del, b, MPFR_RNDU);           /* del >= -b */
      mpfr_div (del, del, lmd, MPFR_RNDU);    /* del >= -b / log M */
      mpfr_add (s, s, del, MPFR_RNDU);        /* s >= s + delta */
    }
  mpfr_add_si (t, a, 1, MPFR_RNDD);           /* t <= a + 1 */
  mpfr_ui_pow (t, M, t, MPFR_RNDD);           /* t <= M^(a+1) */
  if (mpfr_sgn (b) >= 0)
    mpfr_pow (u, lmd, b, MPFR_RNDD);          /* u <= (log M)^b, b >= 0 */
  else
    mpfr_pow (u, lmu, b, MPFR_RNDD);          /* u <= (log M)^b, b < 0 */
  mpfr_mul (t, t, u, MPFR_RNDD);              /* t <= (log M)^b M^(a+1) */
  mpfr_div (lo, t, s, MPFR_RNDD);             /* lo <= that / (s + delta) */
  mpfr_clear (lmd); mpfr_clear (lmu); mpfr_clear (s);
  mpfr_clear (del); mpfr_clear (t); mpfr_clear (u);
}

/* Case alpha <= -1, b < -1: n^alpha (log n)^b <= f(n) = 1/(n (log n)^-b),
 * f non-increasing on [2, inf), int_K^inf f = (log K)^(b+1) / (-b-1).
 * Upper (K = N): sum_{n>N} f(n) <= int_N^inf f.
 * Lower (K = M = N+1, alpha = -1 exactly): sum_{n>=M} f(n) >= int_M^inf f.
 * (log K)^x is increasing in x when log K >= 1 (K >= 3) and decreasing when
 * log K < 1 (K = 2): the exponent is rounded accordingly. */
static int powerlog_bertrand (mpfr_ptr r, mpfr_srcptr b, unsigned long K,
                              int upper, mpfr_prec_t p)
{
  mpfr_t l, c, t;
  int ok = 1;
  mpfr_init2 (l, p); mpfr_init2 (c, p); mpfr_init2 (t, p);
  mpfr_set_ui (t, K, MPFR_RNDN);
  mpfr_log (l, t, upper ? MPFR_RNDD : MPFR_RNDU); /* exponent < 0: base
                                                     down gives power up */
  if (upper)
    {
      mpfr_si_sub (c, -1, b, MPFR_RNDD);      /* c <= -1 - b */
      if (!(mpfr_sgn (c) > 0)) { ok = 0; goto done; }
      mpfr_add_si (t, b, 1, K >= 3 ? MPFR_RNDU : MPFR_RNDD);
      if (!(mpfr_sgn (t) < 0)) { ok = 0; goto done; }
      mpfr_pow (t, l, t, MPFR_RNDU);          /* t >= (log K)^(b+1) */
      mpfr_div (r, t, c, MPFR_RNDU);          /* r >= (log K)^(b+1)/(-1-b) */
    }
  else
    {
      mpfr_si_sub (c, -1, b, MPFR_RNDU);      /* c >= -1 - b > 0 */
      mpfr_add_si (t, b, 1, MPFR_RNDD);       /* K >= 3: t <= b + 1 < 0 */
      mpfr_pow (t, l, t, MPFR_RNDD);          /* t <= (log K)^(b+1) */
      mpfr_div (r, t, c, MPFR_RNDD);          /* r <= (log K)^(b+1)/(-1-b) */
    }
 done:
  mpfr_clear (l); mpfr_clear (c); mpfr_clear (t);
  return ok;
}

int ic_tail_powerlog (ic_ival_ptr out, ic_ival_srcptr alpha, ic_ival_srcptr beta,
                      unsigned long N)
{
  mpfr_prec_t p = work_prec (out);
  mpfr_t lo, hi;
  int ok;

  if (N < 2 || N == ULONG_MAX || !ic_ival_is_finite (alpha)
      || !ic_ival_is_finite (beta))
    { ic_ival_set_full (out); return IC_IVAL_EDOM; }

  /* The sum is non-decreasing in alpha (n >= 1) and in beta (log n > 1 for
   * n >= 3): upper bounds use alpha.hi, beta.hi; lower alpha.lo, beta.lo. */
  mpfr_init2 (lo, ic_ival_get_prec (out));
  mpfr_init2 (hi, ic_ival_get_prec (out));
  if (mpfr_cmp_si (alpha->hi, -1) < 0)
    ok = powerlog_upper_alt (hi, alpha->hi, beta->hi, N, p);
  else if (mpfr_cmp_si (alpha->hi, -1) == 0 && mpfr_cmp_si (beta->hi, -1) < 0)
    ok = powerlog_bertrand (hi, beta->hi, N, 1, p);
  else
    ok = 0;

  if (ok)
    {
      if (mpfr_cmp_si (alpha->lo, -1) < 0)
        powerlog_lower_alt (lo, alpha->lo, beta->lo, N + 1, p);
      else  /* alpha = -1 exactly and beta.lo <= beta.hi < -1 */
        powerlog_bertrand (lo, beta->lo, N + 1, 0, p);
      if (mpfr_sgn (lo) < 0) mpfr_set_zero (lo, 1);   /* terms are > 0 */
      mpfr_swap (out->lo, lo);
      mpfr_swap (out->hi, hi);
    }
  mpfr_clear (lo);
  mpfr_clear (hi);
  if (!ok) { ic_ival_set_full (out); return IC_IVAL_EDOM; }
  return IC_IVAL_OK;
}

/* rho must contain a point (IvalOk admits empty intervals such as
 * [0, -Inf], for which 1 - rho.hi = +Inf). */
/*@ requires valid: \valid (out) && \valid_read (first) && \valid_read (rho);
    requires alias: (out == first || \separated (out, first))
                    && (out == rho || \separated (out, rho));
    requires ok: IvalOk (first) && IvalOk (rho) && IvalInited (out);
    requires nonempty: \exists real x; Encloses (rho, x);
    assigns *out;
    ensures ok: IvalOk (out);
    ensures sound: \forall real f, r;
      GeomHyp (f, r) && \old (Encloses (first, f)) && \old (Encloses (rho, r)) ==>
        Encloses (out, TailSum);
*/
int ic_tail_geometric (ic_ival_ptr out, ic_ival_srcptr first, ic_ival_srcptr rho)
{
  mpfr_t d;
  int ok;
  if (!(mpfr_sgn (rho->lo) >= 0 && mpfr_cmp_ui (rho->hi, 1) < 0
        && mpfr_sgn (first->hi) >= 0))
    { ic_ival_set_full (out); return IC_IVAL_EDOM; }
  mpfr_init2 (d, ic_ival_get_prec (out));
  mpfr_ui_sub (d, 1, rho->hi, MPFR_RNDD);     /* d <= 1 - rho */
  ok = mpfr_sgn (d) > 0;
  if (ok)
    {
      /*@ assert rho_hi: FrNum (rho->hi[0]) && fr_val (rho->hi[0]) < 1; */
      /*@ assert d_le: FrNum (*d) && 0 < fr_val (*d) <= 1 - fr_val (rho->hi[0]); */
      /*@ assert q_pre: FrNum (first->hi[0]) ==> \forall real f, r;
            0 <= f <= fr_val (first->hi[0]) && 0 <= r <= fr_val (rho->hi[0]) ==>
            f / (1 - r) <= fr_val (first->hi[0]) / fr_val (*d); */
      mpfr_div (out->hi, first->hi, d, MPFR_RNDU); /* hi >= first / (1 - rho) */
      /* out may alias first or rho: their endpoints are read at Pre. */
      /*@ assert q_le: \forall real f, r; 0 <= f && FrGe (\at (first->hi[0], Pre), f)
            && 0 <= r && FrGe (\at (rho->hi[0], Pre), r) ==> FrGe (out->hi[0], f / (1 - r)); */
      mpfr_set_zero (out->lo, 1);                  /* terms >= 0 */
      /*@ assert tail_hi: \forall real f, r; GeomHyp (f, r)
            && FrGe (\at (first->hi[0], Pre), f) && FrGe (\at (rho->hi[0], Pre), r) ==>
            FrGe (out->hi[0], TailSum); */
    }
  mpfr_clear (d);
  if (!ok) { ic_ival_set_full (out); return IC_IVAL_EDOM; }
  return IC_IVAL_OK;
}

/*@ requires valid: \valid (out) && \valid_read (next);
    requires alias: out == next || \separated (out, next);
    requires ok: IvalOk (next) && IvalInited (out);
    assigns *out;
    ensures ok: IvalOk (out);
    ensures sound: LeibnizHyp && \old (Encloses (next, tseq (tN + 1))) ==>
                     Encloses (out, TailSum);
*/
void ic_tail_leibniz (ic_ival_ptr out, ic_ival_srcptr next)
{
  /* out = hull (0, next): the tail lies between 0 and a(N+1). */
  if (mpfr_sgn (next->lo) > 0) mpfr_set_zero (out->lo, 1);
  else mpfr_set (out->lo, next->lo, MPFR_RNDD);
  if (mpfr_sgn (next->hi) < 0) mpfr_set_zero (out->hi, 1);
  else mpfr_set (out->hi, next->hi, MPFR_RNDU);
}

/* sum r(n) F(n) with r(n) in g, F >= 0: it is c S with c in g (axiom
 * Scale_Tail, specs/mul.acsl) and S = sum F in t, so a point of g * t. */
/*@ requires valid: \valid (out) && \valid_read (g) && \valid_read (t);
    requires alias: (out == g || \separated (out, g)) && (out == t || \separated (out, t));
    requires ok: IvalOk (g) && IvalOk (t) && IvalInited (out);
    assigns *out;
    ensures ok: IvalOk (out);
    ensures sound: \forall real a, b;
      \old (Encloses (g, a)) && \old (Encloses (t, b)) ==> Encloses (out, a * b);
    ensures scale: ScaleConv
      && (\forall integer n; n > tN ==> scale_f (n) >= 0 && \old (Encloses (g, scale_r (n))))
      && \old (Encloses (t, TailF)) ==> Encloses (out, TailRF);
*/
void ic_tail_scale (ic_ival_ptr out, ic_ival_srcptr g, ic_ival_srcptr t)
{
  /*@ assert lowb: ScaleConv
        && (\forall integer n; n > tN ==> scale_f (n) >= 0 && Encloses (g, scale_r (n))) ==>
        (FrNum (g->lo[0]) ==> ScaleLower (fr_val (g->lo[0])))
        && (FrNum (g->hi[0]) ==> ScaleUpper (fr_val (g->hi[0])))
        && Encloses (g, scale_r (tN + 1)); */
  /*@ assert c_in: ScaleConv
        && (\forall integer n; n > tN ==> scale_f (n) >= 0 && Encloses (g, scale_r (n))) ==>
        TailRF == ScaleMean * TailF && Encloses (g, ScaleMean); */
  ic_ival_mul (out, g, t);
}

/*@ requires valid: \valid (out) && \valid_read (s1) && \valid_read (s2) && \valid_read (m);
    requires alias: (out == s1 || \separated (out, s1)) && (out == s2 || \separated (out, s2));
    requires sep_m: \separated (m, &out->lo[0], &out->hi[0]);
    requires ok: IvalOk (s1) && IvalOk (s2) && IvalInited (out) && FrInited (*m);
    assigns *out;
    ensures ok: IvalOk (out);
    ensures sound: \old (FrNum (*m) && Log1pHyp (fr_val (*m))) && Log1pConv
      && \old (Encloses (s1, TailSum)) && \old (FrGe (s2->hi[0], TailU2)) ==>
        Encloses (out, TailLog1p);
*/
int ic_tail_log1p (ic_ival_ptr out, ic_ival_srcptr s1, ic_ival_srcptr s2,
                   mpfr_srcptr m)
{
  mpfr_t d;
  int ok;
  if (!(mpfr_cmp_si (m, -1) > 0 && mpfr_sgn (m) <= 0
        && mpfr_sgn (s2->hi) >= 0))
    { ic_ival_set_full (out); return IC_IVAL_EDOM; }
  mpfr_init2 (d, ic_ival_get_prec (out));
  mpfr_add_ui (d, m, 1, MPFR_RNDD);           /* d <= 1 + m */
  mpfr_mul_2ui (d, d, 1, MPFR_RNDD);          /* d <= 2 (1 + m), exact */
  ok = mpfr_sgn (d) > 0;
  if (ok)
    {
      /*@ assert d_pos: FrNum (*d) && 0 < fr_val (*d) <= 2 * (1 + fr_val (*m)); */
      /*@ assert q_neg: TailU2 < 0 ==> TailU2 / (2 * (1 + fr_val (*m))) < 0; */
      /*@ assert q_nn: FrNum (s2->hi[0]) ==> 0 <= fr_val (s2->hi[0]) / fr_val (*d); */
      /*@ assert q_pos: FrNum (s2->hi[0]) && 0 <= TailU2 <= fr_val (s2->hi[0]) ==>
            TailU2 / (2 * (1 + fr_val (*m))) <= fr_val (s2->hi[0]) / fr_val (*d); */
      /*@ assert q_pre: FrNum (s2->hi[0]) && TailU2 <= fr_val (s2->hi[0]) ==>
            TailU2 / (2 * (1 + fr_val (*m))) <= fr_val (s2->hi[0]) / fr_val (*d); */
      mpfr_div (d, s2->hi, d, MPFR_RNDU);     /* d >= S2 / (2 (1 + m)) >= 0 */
      /*@ assert q_nan: !FrNaN (*d); */
      /*@ assert q_ge: FrGe (s2->hi[0], TailU2) ==>
            FrGe (*d, TailU2 / (2 * (1 + fr_val (*m)))); */
      /*@ assert m_kept0: *m == \at (*m, Pre) && s2->hi[0] == \at (s2->hi[0], Pre); */
      /* d = S1.lo - d, then moved into out->lo (out may alias s1: s1 is read
       * before out is written). */
      mpfr_sub (d, s1->lo, d, MPFR_RNDD);     /* d <= S1.lo - S2/(2(1+m)) */
      if (mpfr_nan_p (d))                     /* only if s1 is empty (lo = +Inf) */
        mpfr_set_inf (d, -1);
      /*@ assert lo_b: FrLe (s1->lo[0], TailSum) && FrGe (s2->hi[0], TailU2) ==>
            FrLe (*d, TailSum - TailU2 / (2 * (1 + fr_val (*m)))); */
      /*@ assert lo_b1: FrLe (\at (s1->lo[0], Pre), TailSum)
            && FrGe (\at (s2->hi[0], Pre), TailU2) ==>
            FrLe (*d, TailSum - TailU2 / (2 * (1 + \at (fr_val (*m), Pre)))); */
      /*@ assert lo_nan: !FrNaN (*d); */
      mpfr_set (out->hi, s1->hi, MPFR_RNDU);  /* hi >= S1.hi */
      mpfr_swap (out->lo, d);                 /* lo <= S1.lo - S2/(2(1+m)) */
      /*@ assert m_kept: *m == \at (*m, Pre); */
      /*@ assert lo_b2: FrLe (\at (s1->lo[0], Pre), TailSum)
            && FrGe (\at (s2->hi[0], Pre), TailU2) ==>
            FrLe (out->lo[0], TailSum - TailU2 / (2 * (1 + \at (fr_val (*m), Pre)))); */
      /*@ assert hi_b: FrGe (\at (s1->hi[0], Pre), TailSum) ==>
            FrGe (out->hi[0], TailSum); */
      /*@ assert sound_ok: Log1pHyp (\at (fr_val (*m), Pre)) && Log1pConv
            && FrLe (\at (s1->lo[0], Pre), TailSum) && FrGe (\at (s1->hi[0], Pre), TailSum)
            && FrGe (\at (s2->hi[0], Pre), TailU2) ==> Encloses (out, TailLog1p); */
    }
  mpfr_clear (d);
  if (!ok) { ic_ival_set_full (out); return IC_IVAL_EDOM; }
  return IC_IVAL_OK;
}
