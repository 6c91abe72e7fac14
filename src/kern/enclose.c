/* enclose.c — partial sums/products and the final enclosure assembly.
 * Each step is an interval operation (ival.c), so the enclosure property of
 * the result follows from the contracts of ic_ival_add / mul / exp: the
 * loop invariant of the accumulations is "the exact partial sum (product)
 * of any points of the term intervals lies in s (p)" — see specs/ and
 * proofs/README.md. */
#include <limits.h>
#include "enclose.h"

/*@ requires valid: \valid (s) && \valid_read (t + (0 .. k - 1));
    requires sep: \separated (s, t + (0 .. k - 1));
    requires ok: IvalOk (s) && \forall integer i; 0 <= i < k ==> IvalOk (t + i);
    requires terms: \forall integer i; 0 <= i < k ==> Encloses (t + i, term (i));
    assigns *s;
    ensures ok: IvalOk (s);
    ensures sound: \forall real s0; \old (Encloses (s, s0)) ==> Encloses (s, s0 + PSum (k));
*/
void ic_accum_sum (ic_ival_ptr s, const ic_ival_struct *t, unsigned long k)
{
  /*@ loop invariant range: 0 <= i <= k;
      loop invariant ok: IvalOk (s);
      loop invariant sum: \forall real s0; \at (Encloses (s, s0), Pre) ==>
                            Encloses (s, s0 + PSum (i));
      loop assigns i, *s;
      loop variant k - i;
  */
  for (unsigned long i = 0; i < k; i++)
    {
      /*@ assert step: PSum (i + 1) == PSum (i) + term (i); */
      /*@ assert term_i: Encloses (t + i, term (i)); */
      ic_ival_add (s, s, &t[i]);          /* s := s + t[i] (outward) */
      /*@ assert inv: \forall real s0; \at (Encloses (s, s0), Pre) ==>
                        Encloses (s, (s0 + PSum (i)) + term (i)); */
    }
}

/*@ requires valid: \valid (p) && \valid_read (t + (0 .. k - 1));
    requires sep: \separated (p, t + (0 .. k - 1));
    requires ok: IvalOk (p) && \forall integer i; 0 <= i < k ==> IvalOk (t + i);
    requires terms: \forall integer i; 0 <= i < k ==> Encloses (t + i, term (i));
    assigns *p;
    ensures ok: IvalOk (p);
    ensures sound: \forall real p0; \old (Encloses (p, p0)) ==> Encloses (p, p0 * PProd (k));
*/
void ic_accum_prod (ic_ival_ptr p, const ic_ival_struct *t, unsigned long k)
{
  /*@ loop invariant range: 0 <= i <= k;
      loop invariant ok: IvalOk (p);
      loop invariant prod: \forall real p0; \at (Encloses (p, p0), Pre) ==>
                             Encloses (p, p0 * PProd (i));
      loop assigns i, *p;
      loop variant k - i;
  */
  for (unsigned long i = 0; i < k; i++)
    {
      /*@ assert step: PProd (i + 1) == PProd (i) * term (i); */
      /*@ assert assoc: \forall real p0;
                          p0 * PProd (i + 1) == (p0 * PProd (i)) * term (i); */
      /*@ assert term_i: Encloses (t + i, term (i)); */
      ic_ival_mul (p, p, &t[i]);          /* p := p * t[i] (outward) */
      /*@ assert inv: \forall real p0; \at (Encloses (p, p0), Pre) ==>
                        Encloses (p, (p0 * PProd (i)) * term (i)); */
    }
}

/*@ requires valid: \valid (out) && \valid_read (partial) && \valid_read (tail);
    requires alias: (out == partial || \separated (out, partial))
                    && (out == tail || \separated (out, tail));
    requires ok: IvalOk (partial) && IvalOk (tail) && IvalInited (out);
    assigns *out;
    ensures ok: IvalOk (out);
    ensures sound: \forall real p, r;
      \old (Encloses (partial, p)) && \old (Encloses (tail, r)) ==> Encloses (out, p + r);
*/
void ic_enclose_sum (ic_ival_ptr out, ic_ival_srcptr partial, ic_ival_srcptr tail)
{
  ic_ival_add (out, partial, tail);       /* limit = partial + tail */
}

/*@ requires valid: \valid (out) && \valid_read (partial) && \valid_read (logtail);
    requires alias: (out == partial || \separated (out, partial))
                    && (out == logtail || \separated (out, logtail));
    requires ok: IvalOk (partial) && IvalOk (logtail) && IvalInited (out);
    assigns *out;
    ensures ok: IvalOk (out);
    ensures sound: \forall real p, l;
      \old (Encloses (partial, p)) && \old (Encloses (logtail, l)) ==>
        Encloses (out, p * r_exp (l));
*/
void ic_enclose_prod (ic_ival_ptr out, ic_ival_srcptr partial, ic_ival_srcptr logtail)
{
  ic_ival_t e;
  /*@ assert sep_e: \separated (&e[0], out) && \separated (&e[0], partial)
                    && \separated (&e[0], logtail); */
  ic_ival_init2 (e, ic_ival_get_prec (out));
  /*@ assert f1_pl: partial->lo[0] == \at (partial->lo[0], Pre); */
  /*@ assert f1_ph: partial->hi[0] == \at (partial->hi[0], Pre); */
  /*@ assert f1_ll: logtail->lo[0] == \at (logtail->lo[0], Pre); */
  /*@ assert f1_lh: logtail->hi[0] == \at (logtail->hi[0], Pre); */
  /*@ assert f1_ol: out->lo[0] == \at (out->lo[0], Pre); */
  /*@ assert f1_oh: out->hi[0] == \at (out->hi[0], Pre); */
  ic_ival_exp (e, logtail);               /* e contains exp(log of tail product) */
  /*@ assert f2_pl: partial->lo[0] == \at (partial->lo[0], Pre); */
  /*@ assert f2_ph: partial->hi[0] == \at (partial->hi[0], Pre); */
  /*@ assert f2_ol: out->lo[0] == \at (out->lo[0], Pre); */
  /*@ assert f2_oh: out->hi[0] == \at (out->hi[0], Pre); */
  /*@ assert e_enc: \forall real l; \at (Encloses (logtail, l), Pre) ==>
                      Encloses (&e[0], r_exp (l)); */
  ic_ival_mul (out, partial, e);          /* limit = partial * tail product */
  /*@ assert res: \forall real p, l;
        \at (Encloses (partial, p), Pre) && \at (Encloses (logtail, l), Pre) ==>
          Encloses (out, p * r_exp (l)); */
 M: ;
  ic_ival_clear (e);
  /*@ assert f3_ol: out->lo[0] == \at (out->lo[0], M); */
  /*@ assert f3_oh: out->hi[0] == \at (out->hi[0], M); */
}

/* Digits.  With w >= hi - lo (rounded up) and m = min(|lo|, |hi|):
 *   e = floor(RNDD(log10 m))   so 10^e <= m        (rounding makes e smaller)
 *   c = ceil(RNDU(log10 w))    so w <= 10^c        (rounding makes c larger)
 *   d = e + 1 - c              so hi - lo <= w <= 10^c = 10^(e - d + 1).
 * d is the largest integer with that property up to the two roundings, which
 * can only make it smaller.  Exponents beyond +-2^40 (decimal) return 0
 * (this also catches log10(0) = -Inf -> LONG_MIN and +Inf -> LONG_MAX).
 * Proved: DigitsOk of specs/digits.acsl, by the axioms Pow10_Below (for e)
 * and Pow10_Above (for c). */
#define IC_DIGITS_EXP_BOUND (1L << 40)

/*@ requires valid: \valid_read (x) && IvalInited (x);
    assigns \nothing;
    ensures range: cap <= 0 ? \result == 0 : 0 <= \result <= cap;
    ensures honest: \result > 0 ==>
      FrNum (x->lo[0]) && FrNum (x->hi[0])
      && (fr_val (x->lo[0]) > 0 || fr_val (x->hi[0]) < 0)
      && DigitsOk (fr_val (x->lo[0]), fr_val (x->hi[0]), \result);
*/
long ic_enclose_digits (ic_ival_srcptr x, long cap)
{
  long d, e, c;
  mpfr_t m, t;

  if (cap <= 0) return 0;
  if (!mpfr_number_p (x->lo) || !mpfr_number_p (x->hi)) return 0;
  if (mpfr_sgn (x->lo) <= 0 && mpfr_sgn (x->hi) >= 0) return 0;  /* 0 in x */
  if (mpfr_equal_p (x->lo, x->hi)) return cap;                    /* width 0 */

  mpfr_init2 (m, 64);
  mpfr_init2 (t, 64);
  if (mpfr_sgn (x->lo) > 0) mpfr_set (m, x->lo, MPFR_RNDD);       /* m <= lo = min|x| */
  else mpfr_neg (m, x->hi, MPFR_RNDD);                            /* m <= -hi = min|x| */
  /*@ assert m_le: FrNum (*m) && 0 <= fr_val (*m)
        && (fr_val (x->lo[0]) < fr_val (x->hi[0]) ==>
              fr_val (*m) <= \abs (fr_val (x->lo[0]))
              && fr_val (*m) <= \abs (fr_val (x->hi[0]))); */
  mpfr_log10 (t, m, MPFR_RNDD);           /* t <= log10 m <= log10 min|x| */
  e = mpfr_get_si (t, MPFR_RNDD);         /* e = floor(t) */
  /*@ assert e_t: e != LONG_MIN ==> FrNum (*t) && e <= fr_val (*t); */
  /*@ assert e_m: e != LONG_MIN ==> fr_val (*m) > 0 && e <= r_log10 (fr_val (*m)); */
  /*@ assert e_p: e != LONG_MIN ==> pow10 (e) <= fr_val (*m); */
  /*@ assert e_x: e != LONG_MIN && fr_val (x->lo[0]) < fr_val (x->hi[0]) ==>
        pow10 (e) <= \abs (fr_val (x->lo[0])) && pow10 (e) <= \abs (fr_val (x->hi[0])); */
  mpfr_sub (m, x->hi, x->lo, MPFR_RNDU);  /* m >= hi - lo > 0 */
  /*@ assert w: fr_val (x->lo[0]) < fr_val (x->hi[0]) ==>
        FrPInf (*m) || (FrNum (*m) && fr_val (*m) >= fr_val (x->hi[0]) - fr_val (x->lo[0])
                        && fr_val (*m) > 0); */
  mpfr_log10 (t, m, MPFR_RNDU);           /* t >= log10 (hi - lo) */
  c = mpfr_get_si (t, MPFR_RNDU);         /* c = ceil(t) */
  /*@ assert c_t: fr_val (x->lo[0]) < fr_val (x->hi[0]) && c != LONG_MAX ==>
        FrNum (*m) && fr_val (*m) > 0 && FrNum (*t) && c >= fr_val (*t); */
  /*@ assert c_m: fr_val (x->lo[0]) < fr_val (x->hi[0]) && c != LONG_MAX ==>
        r_log10 (fr_val (*m)) <= c; */
  /*@ assert c_p: fr_val (x->lo[0]) < fr_val (x->hi[0]) && c != LONG_MAX ==>
        fr_val (x->hi[0]) - fr_val (x->lo[0]) <= pow10 (c); */
  mpfr_clear (m);
  mpfr_clear (t);

  if (e < -IC_DIGITS_EXP_BOUND || e > IC_DIGITS_EXP_BOUND
      || c < -IC_DIGITS_EXP_BOUND || c > IC_DIGITS_EXP_BOUND)
    return 0;
  /*@ assert wit: fr_val (x->lo[0]) < fr_val (x->hi[0]) ==>
        pow10 (e) <= \abs (fr_val (x->lo[0])) && pow10 (e) <= \abs (fr_val (x->hi[0]))
        && fr_val (x->hi[0]) - fr_val (x->lo[0]) <= pow10 (c); */
  d = e + 1 - c;
  if (d < 0) return 0;
  if (d > cap) return cap;
  return d;
}

/* bits = ceil(digits * 1701 / 512), and 1701/512 = 3.3222... > log2(10)
 * = 3.3219..., so bits >= digits * log2(10).  Saturates instead of
 * overflowing; the result is in [2, max(2, max_prec)]. */
/*@ assigns \nothing;
    ensures range: 2 <= \result && (max_prec >= 2 ==> \result <= max_prec);
    ensures enough: max_prec >= 2 && \result < max_prec ==>
      512 * \result >= 1701 * digits + 512 * extra;
*/
long ic_prec_for_digits (long digits, long extra, long max_prec)
{
  long bits;
  if (max_prec < 2) return 2;
  if (digits < 0) digits = 0;
  if (extra < 0) extra = 0;
  if (digits > (LONG_MAX - 511) / 1701) return max_prec;
  bits = (digits * 1701 + 511) / 512;     /* ceil(digits * 1701 / 512) */
  if (extra > max_prec - bits) return max_prec;   /* bits + extra > max_prec */
  bits += extra;
  if (bits < 2) bits = 2;
  return bits;
}
