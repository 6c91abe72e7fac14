/* evalop.c — one step of the term evaluator over intervals (see
 * evalop.h).  Proved by WP (proofs/kernels.txt): each operation's result
 * encloses its meaning OpVal (specs/term.acsl) wherever OpDef holds, and
 * the statuses UNDEF / OK-at-a-point are claims about OpDef. */
#include <limits.h>
#include "evalop.h"

/* 1 if sin/cos of x should be the sound enclosure [-1, 1] without calling
 * mpfr_sin or mpfr_cos, whose argument reduction costs time and memory
 * proportional to the exponent of x (sin(exp(n^3)) at n = 115 and
 * cos(2^(2^n)) at n = 20 took minutes, beyond --timeout), when
 *   - x is wider than 4: ic_ival_sin would return the same (f(m) +- r
 *     with r >= 2 covers [-1, 1]);
 *   - |x| >= 2^(65536 + 4 prec) (heuristic cut-off, below it the
 *     reduction is cheap; above it [-1, 1] loses only tightness).
 * A choice only: either answer leads to a sound enclosure. */
/*@ requires valid: \valid_read (x) && IvalOk (x);
    requires prec: FrPrecOk (p);
    assigns \nothing;
*/
static int trig_wide (ic_ival_srcptr x, mpfr_prec_t p)
{
  mpfr_t w;
  mpfr_init2 (w, 32);
  mpfr_sub (w, x->hi, x->lo, MPFR_RNDD);        /* w <= hi - lo */
  int wide = mpfr_cmp_ui (w, 4) >= 0;
  mpfr_clear (w);
  /* 65536 + 4 p without overflow (p <= MPFR_PREC_MAX < LONG_MAX) */
  mpfr_exp_t big = p <= (LONG_MAX - 65536) / 4 ? 65536 + 4 * p : LONG_MAX;
  if ((mpfr_regular_p (x->lo) && mpfr_get_exp (x->lo) > big)
      || (mpfr_regular_p (x->hi) && mpfr_get_exp (x->hi) > big))
    wide = 1;
  return wide;
}

/* z encloses Gamma(y + 1) for every y >= 1 in x (x->lo >= 1, x->hi >= 1):
 * Gamma is increasing on [2, inf), so Gamma(t) with t <= lo + 1 rounded
 * down (and t >= 2) is a lower bound, Gamma(t) with t >= hi + 1 an upper
 * bound; both are rounded outward. */
/*@ requires valid: \valid (z) && \valid_read (x) && \separated (z, x);
    requires ok: IvalOk (x) && IvalInited (z);
    requires ends: (FrPInf (x->lo[0]) || (FrNum (x->lo[0]) && fr_val (x->lo[0]) >= 1))
                   && (FrPInf (x->hi[0]) || (FrNum (x->hi[0]) && fr_val (x->hi[0]) >= 1));
    assigns *z;
    ensures ok: IvalOk (z);
    ensures sound: \forall real y; Encloses (x, y) ==> Encloses (z, r_gamma (y + 1));
*/
static void gamma_enclose (ic_ival_ptr z, ic_ival_srcptr x)
{
  mpfr_prec_t p = mpfr_get_prec (z->lo);
  mpfr_t t;
  /* at least 64 bits: 2 is then set exactly (specs/mpfr_model.h) */
  if (p < 64) p = 64;
  else if (p <= LONG_MAX / 2) p += 10;
  mpfr_init2 (t, p);
  /*@ assert prec: fr_prec (t[0]) >= 64; */
  mpfr_add_ui (t, x->lo, 1, MPFR_RNDD);         /* t <= lo + 1 */
  /*@ assert lo_t: fr_prec (t[0]) >= 64 && (FrPInf (t[0])
        || (FrNum (t[0]) && FrNum (x->lo[0]) && fr_val (t[0]) <= fr_val (x->lo[0]) + 1)); */
  if (mpfr_cmp_ui (t, 2) < 0)
    mpfr_set_ui (t, 2, MPFR_RNDD);              /* 2 <= lo + 1 */
  /*@ assert lo_arg: FrPInf (t[0])
        || (FrNum (t[0]) && 2 <= fr_val (t[0])
            && \forall real y; Encloses (x, y) ==> fr_val (t[0]) <= y + 1); */
  mpfr_gamma (z->lo, t, MPFR_RNDD);
  /*@ assert lo_ok: !FrNaN (z->lo[0]) && FrInited (z->lo[0]); */
  /*@ assert lo_sound: \forall real y; Encloses (x, y) ==> FrLe (z->lo[0], r_gamma (y + 1)); */
  mpfr_add_ui (t, x->hi, 1, MPFR_RNDU);         /* t >= hi + 1 >= 2 */
  /*@ assert hi_arg: FrPInf (t[0])
        || (FrNum (t[0]) && 2 <= fr_val (t[0])
            && \forall real y; Encloses (x, y) ==> y + 1 <= fr_val (t[0])); */
  mpfr_gamma (z->hi, t, MPFR_RNDU);
  /*@ assert hi_ok: !FrNaN (z->hi[0]) && FrInited (z->hi[0]); */
  /*@ assert hi_sound: \forall real y; Encloses (x, y) ==> FrGe (z->hi[0], r_gamma (y + 1)); */
  mpfr_clear (t);
}

/* a^b (a = x, b = y).  In order: b exactly an integer k (defined unless
 * a = 0 and k < 0); a exactly 0 (0^b = 0 for b > 0, undefined for b < 0);
 * (-1)^(n + k) over a range of n, where only |value| = 1 is known; a < 0
 * with b exactly a non-integer rational (undefined); otherwise a > 0 is
 * needed and a^b = exp(b log a).  Each branch states the contract's claim
 * where it returns. */
/*@ requires valid: \valid (z) && \valid_read (x) && \valid_read (y);
    requires sep: \separated (z, x) && \separated (z, y);
    requires ok: IvalOk (x) && IvalOk (y) && IvalInited (z);
    assigns *z;
    ensures status: \result == IC_EVOP_OK || \result == IC_EVOP_UNDEF || \result == IC_EVOP_INEXACT;
    ensures sound: \result == IC_EVOP_OK ==> IvalOk (z) && StepSound{Pre, Post} (z, IC_POW, x, y, h);
    ensures defined: \result == IC_EVOP_OK && h.range == 0 ==> StepDefined{Pre} (IC_POW, x, y, h);
    ensures undefined: \result == IC_EVOP_UNDEF ==> StepUndef{Pre} (IC_POW, x, y, h);
*/
static int pow_step (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y, ic_evop_hyp h)
{
  if (h.b_int)
    {
      if (h.k < 0 && !(ic_ival_is_pos (x) || ic_ival_is_neg (x))) return IC_EVOP_INEXACT;
      ic_ival_pow_si (z, x, h.k);
      /*@ assert b_int: \forall real u, w; EvHyp (h, u, w) ==>
            IsInt (w) && PowVal (u, w) == r_powsi (u, h.k); */
      /*@ assert sound: StepSound{Pre, Here} (z, IC_POW, x, y, h) && StepDefined{Pre} (IC_POW, x, y, h); */
      return IC_EVOP_OK;
    }
  if (h.a_zero)
    {
      if (ic_ival_is_pos (y))
        {
          ic_ival_set_si (z, 0);
          /*@ assert sound: StepSound{Pre, Here} (z, IC_POW, x, y, h) && StepDefined{Pre} (IC_POW, x, y, h); */
          return IC_EVOP_OK;
        }
      if (ic_ival_is_neg (y))
        {
          /*@ assert undefined: StepUndef{Pre} (IC_POW, x, y, h); */
          return IC_EVOP_UNDEF;
        }
      return IC_EVOP_INEXACT;
    }
  if (h.range && h.b_var && h.a_m1)
    {
      ic_ival_set_si (z, -1);
      mpfr_set_si (z->hi, 1, MPFR_RNDU);
      /*@ assert m1: \forall real u, w; EvHyp (h, u, w) && OpDef (IC_POW, u, w) ==>
            PowVal (u, w) == r_powsi (-1, int_of (w)); */
      /*@ assert sound: StepSound{Pre, Here} (z, IC_POW, x, y, h); */
      return IC_EVOP_OK;
    }
  if (!ic_ival_is_pos (x))
    {
      if (ic_ival_is_neg (x) && h.b_nonint)
        {
          /*@ assert undefined: StepUndef{Pre} (IC_POW, x, y, h); */
          return IC_EVOP_UNDEF;
        }
      return IC_EVOP_INEXACT;
    }
  ic_ival_pow (z, x, y);
  /*@ assert pos: \forall real u, w; Encloses (x, u) ==> u > 0 && PowVal (u, w) == r_pow (u, w); */
  /*@ assert sound: StepSound{Pre, Here} (z, IC_POW, x, y, h) && StepDefined{Pre} (IC_POW, x, y, h); */
  return IC_EVOP_OK;
}

/*@ requires valid: \valid (z) && \valid_read (x) && \valid_read (y);
    requires sep: \separated (z, x) && \separated (z, y);
    requires ok: IvalOk (x) && IvalOk (y) && IvalInited (z);
    requires op: IC_ADD <= op <= IC_FACT;
    assigns *z;
    ensures status: \result == IC_EVOP_OK || \result == IC_EVOP_UNDEF || \result == IC_EVOP_INEXACT;
    ensures sound: \result == IC_EVOP_OK ==> IvalOk (z) && StepSound{Pre, Post} (z, op, x, y, h);
    ensures defined: \result == IC_EVOP_OK && h.range == 0 ==> StepDefined{Pre} (op, x, y, h);
    ensures undefined: \result == IC_EVOP_UNDEF ==> StepUndef{Pre} (op, x, y, h);
*/
int ic_evop (ic_ival_ptr z, ic_op op, ic_ival_srcptr x, ic_ival_srcptr y, ic_evop_hyp h)
{
  switch (op)
    {
    case IC_ADD:
      ic_ival_add (z, x, y);
      /*@ assert sound: StepSound{Pre, Here} (z, op, x, y, h) && StepDefined{Pre} (op, x, y, h); */
      return IC_EVOP_OK;
    case IC_SUB:
      ic_ival_sub (z, x, y);
      /*@ assert sound: StepSound{Pre, Here} (z, op, x, y, h) && StepDefined{Pre} (op, x, y, h); */
      return IC_EVOP_OK;
    case IC_MUL:
      ic_ival_mul (z, x, y);
      /*@ assert sound: StepSound{Pre, Here} (z, op, x, y, h) && StepDefined{Pre} (op, x, y, h); */
      return IC_EVOP_OK;
    case IC_DIV:
      if (ic_ival_div (z, x, y) != IC_IVAL_OK) return IC_EVOP_INEXACT;
      /*@ assert dom: fr_sgn (y->lo[0]) > 0 || fr_sgn (y->hi[0]) < 0; */
      /*@ assert nonzero: \forall real w; Encloses (y, w) ==> w != 0; */
      /*@ assert sound: StepSound{Pre, Here} (z, op, x, y, h) && StepDefined{Pre} (op, x, y, h); */
      return IC_EVOP_OK;
    case IC_POW: return pow_step (z, x, y, h);
    case IC_NEG:
      ic_ival_neg (z, x);
      /*@ assert sound: StepSound{Pre, Here} (z, op, x, y, h) && StepDefined{Pre} (op, x, y, h); */
      return IC_EVOP_OK;
    case IC_ABS:
      ic_ival_abs (z, x);
      /*@ assert sound: StepSound{Pre, Here} (z, op, x, y, h) && StepDefined{Pre} (op, x, y, h); */
      return IC_EVOP_OK;
    case IC_EXP:
      ic_ival_exp (z, x);
      /*@ assert sound: StepSound{Pre, Here} (z, op, x, y, h) && StepDefined{Pre} (op, x, y, h); */
      return IC_EVOP_OK;
    case IC_ATAN:
      ic_ival_atan (z, x);
      /*@ assert sound: StepSound{Pre, Here} (z, op, x, y, h) && StepDefined{Pre} (op, x, y, h); */
      return IC_EVOP_OK;
    case IC_LOG:
      if (ic_ival_is_nonpos (x))
        {
          /*@ assert undefined: StepUndef{Pre} (op, x, y, h); */
          return IC_EVOP_UNDEF;
        }
      if (ic_ival_log (z, x) != IC_IVAL_OK) return IC_EVOP_INEXACT;
      /*@ assert sound: StepSound{Pre, Here} (z, op, x, y, h) && StepDefined{Pre} (op, x, y, h); */
      return IC_EVOP_OK;
    case IC_SQRT:
      if (ic_ival_is_neg (x))
        {
          /*@ assert undefined: StepUndef{Pre} (op, x, y, h); */
          return IC_EVOP_UNDEF;
        }
      if (ic_ival_sqrt (z, x) != IC_IVAL_OK) return IC_EVOP_INEXACT;
      /*@ assert sound: StepSound{Pre, Here} (z, op, x, y, h) && StepDefined{Pre} (op, x, y, h); */
      return IC_EVOP_OK;
    case IC_SIN: case IC_COS:
      if (trig_wide (x, mpfr_get_prec (z->lo)))
        {
          ic_ival_set_si (z, -1);                       /* |sin|, |cos| <= 1 */
          mpfr_set_si (z->hi, 1, MPFR_RNDU);
        }
      else if (op == IC_SIN) ic_ival_sin (z, x);
      else ic_ival_cos (z, x);
      /*@ assert sound: StepSound{Pre, Here} (z, op, x, y, h) && StepDefined{Pre} (op, x, y, h); */
      return IC_EVOP_OK;
    default:
      return IC_EVOP_INEXACT;     /* IC_FACT: ic_evop_fact */
    }
}

/* z = m! (m >= 1, x encloses m): from the cache *im! (im >= 1) times
 * (im + 1) ... m, each factor an outward interval multiplication, when m
 * is a few steps past im; else Gamma(m + 1) afresh; the cache then holds
 * m!. */
/*@ requires valid: \valid (z) && \valid_read (x) && \valid (iv) && \valid (im) && \valid (isteps);
    requires sep: \separated (z, x, iv, im, isteps) && \separated (x, iv, im, isteps);
    requires ok: IvalOk (x) && IvalInited (z) && IvalInited (iv);
    requires ends: (FrPInf (x->lo[0]) || (FrNum (x->lo[0]) && fr_val (x->lo[0]) >= 1))
                   && (FrPInf (x->hi[0]) || (FrNum (x->hi[0]) && fr_val (x->hi[0]) >= 1));
    requires cache: *im != 0 ==> IvalOk (iv) && Encloses (iv, r_fact (*im));
    requires m: Encloses (x, (real) m) && m <= LONG_MAX;
    assigns *z, *iv, *im, *isteps;
    ensures cache: *im == m && IvalOk (iv) && Encloses (iv, r_fact (m));
    ensures ok: IvalOk (z) && Encloses (z, r_fact (m));
*/
static void fact_cached (ic_ival_ptr z, ic_ival_srcptr x, unsigned long m, ic_ival_ptr iv,
                         unsigned long *im, unsigned long *isteps)
{
  if (*im != 0 && m >= *im && m - *im <= 64 && *isteps <= 1024 && m - *im <= 1024 - *isteps)
    {
      /*@ loop invariant range: *im + 1 <= j <= m + 1;
          loop invariant cache: IvalOk (iv) && Encloses (iv, r_fact (j - 1));
          loop assigns j, *iv;
          loop variant m + 1 - j;
      */
      for (unsigned long j = *im + 1; j <= m; j++)
        {
          ic_ival_mul_si (iv, iv, (long) j);
          /*@ assert step: Encloses (iv, fact_step (j)); */   /* (j-1)! j = j! */
        }
      *isteps += m - *im;
    }
  else
    {
      gamma_enclose (iv, x);
      /*@ assert m_gamma: r_gamma ((real) m + 1) == r_fact (m); */
      *isteps = 0;
    }
  /*@ assert cached: IvalOk (iv) && Encloses (iv, r_fact (m)); */
  *im = m;
  ic_ival_set (z, iv);
}

/*@ requires valid: \valid (z) && \valid_read (x) && \valid (iv) && \valid (im) && \valid (isteps);
    requires sep: \separated (z, x, iv, im, isteps) && \separated (x, iv, im, isteps);
    requires ok: IvalOk (x) && IvalInited (z) && IvalInited (iv);
    requires cache: *im != 0 ==> IvalOk (iv) && Encloses (iv, r_fact (*im));
    requires m: m_ok != 0 ==> Encloses (x, (real) m);
    assigns *z, *iv, *im, *isteps;
    ensures status: \result == IC_EVOP_OK || \result == IC_EVOP_INEXACT;
    ensures cache: IvalInited (iv) && (*im != 0 ==> IvalOk (iv) && Encloses (iv, r_fact (*im)));
    ensures ok: \result == IC_EVOP_OK ==> IvalOk (z);
    ensures sound: \result == IC_EVOP_OK ==> \forall real u;
      Encloses (x, u) && (a_int != 0 ==> IsInt (u) && u >= 0) && (m_ok != 0 ==> u == m)
      && OpDef (IC_FACT, u, 0) ==> Encloses (z, OpVal (IC_FACT, u, 0));
    ensures defined: \result == IC_EVOP_OK && range == 0 ==> \forall real u;
      Encloses (x, u) && (a_int != 0 ==> IsInt (u) && u >= 0) ==> OpDef (IC_FACT, u, 0);
*/
int ic_evop_fact (ic_ival_ptr z, ic_ival_srcptr x, int range, int a_int, int m_ok,
                  unsigned long m, ic_ival_ptr iv, unsigned long *im,
                  unsigned long *isteps)
{
  if (!a_int && !range) return IC_EVOP_INEXACT;   /* argument not known to be an integer */
  /* m! = Gamma(m + 1), increasing for m >= 1 */
  if (mpfr_cmp_ui (x->lo, 1) < 0 || mpfr_cmp_ui (x->hi, 1) < 0) return IC_EVOP_INEXACT;
  if (!range && a_int && m_ok && m <= LONG_MAX)
    {
      /* consecutive n: m! from (m-1)! */
      fact_cached (z, x, m, iv, im, isteps);
      /*@ assert m_floor: int_of ((real) m) == m; */
      return IC_EVOP_OK;
    }
  gamma_enclose (z, x);
  /*@ assert facts: \forall real u; Encloses (x, u) && IsInt (u) && u >= 0 ==>
        r_gamma (u + 1) == r_fact (int_of (u)); */
  return IC_EVOP_OK;
}
