/* tail.c — tail-bound compositions.  Each function establishes one
 * inequality of specs/analysis.acsl with directed roundings; after each
 * MPFR call the comment states the bound it gives.  Hypotheses that can be
 * checked on the intervals are checked; on failure the result is the whole
 * line and the status IC_IVAL_EDOM. */
#include <limits.h>
#include "tail.h"

/* Working precision of the scalar temporaries: the output precision, but at
 * least 64 bits so that N (an unsigned long) is exact. */
/*@ requires valid: \valid_read (out) && IvalInited (out);
    assigns \nothing;
    ensures prec: 64 <= \result && FrPrecOk (\result);
*/
static mpfr_prec_t work_prec (ic_ival_srcptr out)
{
  mpfr_prec_t p = ic_ival_get_prec (out);
  return p < 64 ? 64 : p;
}

/* The helpers below establish one axiom of specs/powerlog.acsl each (the
 * derivation is next to the axiom).  Tests marked "proof guard" can only
 * fail in cases MPFR never produces at p >= 64 bits (log 2 rounded down to
 * 0, log N rounded up to +Inf, ...): the model does not exclude them, so
 * the code checks; where the guard returns 0 for a lower bound, or +Inf
 * for an upper bound, that is what MPFR itself would have computed. */

/* Upper bound, case a < -1 (a = alpha.hi, b = beta.hi), any b.
 * With s = -a - 1 > 0 and delta = max(0, b / log N):
 *   g(x) = x^-delta (log x)^b is non-increasing on [N, inf)
 *   (g'/g = (b - delta log x) / (x log x) <= 0), so for n > N
 *   n^a (log n)^b = n^(a+delta) g(n) <= g(N) n^(a+delta), and
 *   sum_{n>N} n^(a+delta) <= int_N^inf x^(a+delta) dx = N^(delta-s)/(s-delta)
 *   when s > delta.  Together: sum <= (log N)^b N^-s / (s - delta).
 * Axiom PowLog_Upper_Alt, with delta replaced by del >= delta.
 * Returns 0 if s <= delta could not be excluded. */
/*@ requires valid: \valid (hi) && \valid_read (a) && \valid_read (b);
    requires sep: \separated (hi, a) && \separated (hi, b);
    requires inited: FrInited (*hi) && FrInited (*a) && FrInited (*b);
    requires fin: FrNum (*a) && FrNum (*b) && fr_val (*a) < -1;
    requires n: 2 <= N;
    requires prec: 64 <= p && FrPrecOk (p);
    assigns *hi;
    ensures inited: FrInited (*hi);
    ensures bound: \result != 0 ==>
      PowLogConv (fr_val (*a), fr_val (*b), N)
      && FrGe (*hi, PowLogTail (fr_val (*a), fr_val (*b), N));
*/
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
  if (!(mpfr_sgn (lnd) > 0 && mpfr_number_p (lnu)))   /* proof guard */
    { ok = 0; goto done; }
  /*@ assert ln: FrNum (*lnd) && FrNum (*lnu)
        && 0 < fr_val (*lnd) <= r_log (N) <= fr_val (*lnu); */
  mpfr_si_sub (s, -1, a, MPFR_RNDD);          /* s <= -1 - a */
  /*@ assert s1: FrNum (*s) && fr_val (*s) <= -1 - fr_val (*a); */
  if (mpfr_sgn (b) > 0)
    {
      /*@ assert q: fr_val (*b) / r_log (N) <= fr_val (*b) / fr_val (*lnd)
            && 0 <= fr_val (*b) / fr_val (*lnd); */
      mpfr_div (del, b, lnd, MPFR_RNDU);      /* del >= b / log N > 0 */
    }
  else
    mpfr_set_zero (del, 1);                   /* b <= 0: delta = 0 */
  /*@ assert del: FrPInf (*del) || (FrNum (*del) && 0 <= fr_val (*del)
        && (fr_val (*b) > 0 ==> fr_val (*del) >= fr_val (*b) / r_log (N))); */
  mpfr_sub (s, s, del, MPFR_RNDD);            /* s <= (-1 - a) - del */
  if (!(mpfr_sgn (s) > 0)) { ok = 0; goto done; }
  /*@ assert s2: FrNum (*del) && FrNum (*s)
        && 0 < fr_val (*s) <= -1 - fr_val (*a) - fr_val (*del); */
  mpfr_add_si (t, a, 1, MPFR_RNDU);           /* t >= a + 1 */
  /*@ assert t1: FrNum (*t) && fr_val (*a) + 1 <= fr_val (*t)
        && r_pow (N, fr_val (*a) + 1) <= r_pow (N, fr_val (*t)); */
  mpfr_ui_pow (t, N, t, MPFR_RNDU);           /* t >= N^(a+1)  (N > 1) */
  /*@ assert t2: FrGe (*t, r_pow (N, fr_val (*a) + 1)); */
  if (mpfr_sgn (b) >= 0)
    {
      /*@ assert ub: r_pow (r_log (N), fr_val (*b)) <= r_pow (fr_val (*lnu), fr_val (*b)); */
      mpfr_pow (u, lnu, b, MPFR_RNDU);        /* u >= (log N)^b, b >= 0 */
    }
  else
    {
      /*@ assert ub: r_pow (r_log (N), fr_val (*b)) <= r_pow (fr_val (*lnd), fr_val (*b)); */
      mpfr_pow (u, lnd, b, MPFR_RNDU);        /* u >= (log N)^b, b < 0 */
    }
  /*@ assert u1: FrGe (*u, r_pow (r_log (N), fr_val (*b))); */
  /*@ assert pos: 0 < r_pow (N, fr_val (*a) + 1) && 0 < r_pow (r_log (N), fr_val (*b)); */
  /*@ assert tu: FrNum (*t) && FrNum (*u) ==>
        r_pow (N, fr_val (*a) + 1) * r_pow (r_log (N), fr_val (*b))
        <= fr_val (*t) * fr_val (*u); */
  mpfr_mul (t, t, u, MPFR_RNDU);              /* t >= N^(a+1) (log N)^b */
  /*@ assert t3: FrGe (*t, r_pow (N, fr_val (*a) + 1) * r_pow (r_log (N), fr_val (*b))); */
  /*@ assert ub: r_pow (N, fr_val (*a) + 1) * r_pow (r_log (N), fr_val (*b))
          / (-1 - fr_val (*a) - fr_val (*del))
        == PowLogUB (fr_val (*a), fr_val (*b), fr_val (*del), N); */
  /*@ assert qd: FrNum (*t) ==>
        PowLogUB (fr_val (*a), fr_val (*b), fr_val (*del), N) <= fr_val (*t) / fr_val (*s); */
  mpfr_div (hi, t, s, MPFR_RNDU);             /* hi >= that / (s - delta) */
  /*@ assert h1: FrGe (*hi, PowLogUB (fr_val (*a), fr_val (*b), fr_val (*del), N)); */
  /*@ assert hyp: 0 <= fr_val (*del) && fr_val (*del) < -1 - fr_val (*a)
        && (fr_val (*b) > 0 ==> fr_val (*del) >= fr_val (*b) / r_log (N)); */
  /*@ assert ax: PowLogConv (fr_val (*a), fr_val (*b), N)
        && PowLogTail (fr_val (*a), fr_val (*b), N)
           <= PowLogUB (fr_val (*a), fr_val (*b), fr_val (*del), N); */
  /*@ assert h2: PowLogConv (fr_val (*a), fr_val (*b), N)
        && FrGe (*hi, PowLogTail (fr_val (*a), fr_val (*b), N)); */
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
 *   Together: sum >= (log M)^b M^-s / (s + delta).
 * Axiom PowLog_Lower_Alt, with delta replaced by del >= delta.  The proof
 * guards set lo = 0 (a lower bound: the terms are positive). */
/*@ requires valid: \valid (lo) && \valid_read (a) && \valid_read (b);
    requires sep: \separated (lo, a) && \separated (lo, b);
    requires inited: FrInited (*lo) && FrInited (*a) && FrInited (*b);
    requires fin: FrNum (*a) && FrNum (*b) && fr_val (*a) < -1;
    requires n: 2 <= N < 18446744073709551615;
    requires prec: 64 <= p && FrPrecOk (p);
    assigns *lo;
    ensures inited: FrInited (*lo) && !FrNaN (*lo);
    ensures bound: FrNum (*lo) && fr_val (*lo) == 0
      || FrLe (*lo, PowLogTail (fr_val (*a), fr_val (*b), N));
*/
static void powerlog_lower_alt (mpfr_ptr lo, mpfr_srcptr a, mpfr_srcptr b,
                                unsigned long N, mpfr_prec_t p)
{
  unsigned long M = N + 1;
  mpfr_t lmd, lmu, s, del, t, u;
  mpfr_init2 (lmd, p); mpfr_init2 (lmu, p); mpfr_init2 (s, p);
  mpfr_init2 (del, p); mpfr_init2 (t, p); mpfr_init2 (u, p);
  mpfr_set_ui (t, M, MPFR_RNDN);              /* exact */
  mpfr_log (lmd, t, MPFR_RNDD);               /* lmd <= log M */
  mpfr_log (lmu, t, MPFR_RNDU);               /* lmu >= log M */
  if (!(mpfr_sgn (lmd) > 0 && mpfr_number_p (lmu)))   /* proof guard */
    { mpfr_set_zero (lo, 1); goto done; }
  /*@ assert lm: FrNum (*lmd) && FrNum (*lmu)
        && 0 < fr_val (*lmd) <= r_log (M) <= fr_val (*lmu); */
  mpfr_si_sub (s, -1, a, MPFR_RNDU);          /* s >= -1 - a > 0 */
  /*@ assert s1: FrGe (*s, -1 - fr_val (*a)); */
  if (mpfr_sgn (b) < 0)
    {
      mpfr_neg (del, b, MPFR_RNDU);           /* del >= -b */
      /*@ assert d1: FrGe (*del, - fr_val (*b)); */
      /*@ assert q: FrNum (*del) ==> - fr_val (*b) / r_log (M) <= fr_val (*del) / fr_val (*lmd); */
      mpfr_div (del, del, lmd, MPFR_RNDU);    /* del >= -b / log M */
      /*@ assert d2: FrGe (*del, - fr_val (*b) / r_log (M)); */
      mpfr_add (s, s, del, MPFR_RNDU);        /* s >= s + delta */
      /*@ assert s2: FrNum (*s) ==> FrNum (*del) && fr_val (*del) >= 0
            && fr_val (*del) >= - fr_val (*b) / r_log (M)
            && -1 - fr_val (*a) + fr_val (*del) <= fr_val (*s); */
    }
  else
    mpfr_set_zero (del, 1);                   /* b >= 0: delta = 0 */
  /*@ assert s3: FrNum (*s) ==> FrNum (*del) && fr_val (*del) >= 0
        && (fr_val (*b) < 0 ==> fr_val (*del) >= - fr_val (*b) / r_log (M))
        && 0 < -1 - fr_val (*a) + fr_val (*del) <= fr_val (*s); */
  mpfr_add_si (t, a, 1, MPFR_RNDD);           /* t <= a + 1 */
  if (!(mpfr_number_p (t) && mpfr_number_p (s)))  /* proof guard: MPFR */
    { mpfr_set_zero (lo, 1); goto done; }         /* would give 0 too */
  /*@ assert t1: fr_val (*t) <= fr_val (*a) + 1
        && r_pow (M, fr_val (*t)) <= r_pow (M, fr_val (*a) + 1); */
  mpfr_ui_pow (t, M, t, MPFR_RNDD);           /* t <= M^(a+1) */
  /*@ assert t2: FrNum (*t) && 0 <= fr_val (*t) <= r_pow (M, fr_val (*a) + 1); */
  if (mpfr_sgn (b) >= 0)
    {
      /*@ assert ub: r_pow (fr_val (*lmd), fr_val (*b)) <= r_pow (r_log (M), fr_val (*b)); */
      mpfr_pow (u, lmd, b, MPFR_RNDD);        /* u <= (log M)^b, b >= 0 */
    }
  else
    {
      /*@ assert ub: r_pow (fr_val (*lmu), fr_val (*b)) <= r_pow (r_log (M), fr_val (*b)); */
      mpfr_pow (u, lmu, b, MPFR_RNDD);        /* u <= (log M)^b, b < 0 */
    }
  /*@ assert u1: FrNum (*u) && 0 <= fr_val (*u) <= r_pow (r_log (M), fr_val (*b)); */
  /*@ assert tu0: 0 <= fr_val (*t) * fr_val (*u); */
  /*@ assert tu1: fr_val (*t) * fr_val (*u) <= r_pow (M, fr_val (*a) + 1) * fr_val (*u); */
  /*@ assert tu2: r_pow (M, fr_val (*a) + 1) * fr_val (*u)
        <= r_pow (M, fr_val (*a) + 1) * r_pow (r_log (M), fr_val (*b)); */
  mpfr_mul (t, t, u, MPFR_RNDD);              /* t <= (log M)^b M^(a+1) */
  /*@ assert t3: FrNum (*t) && 0 <= fr_val (*t)
        <= r_pow (M, fr_val (*a) + 1) * r_pow (r_log (M), fr_val (*b)); */
  /*@ assert lb: M == N + 1 &&
        r_pow (M, fr_val (*a) + 1) * r_pow (r_log (M), fr_val (*b))
          / (-1 - fr_val (*a) + fr_val (*del))
        == PowLogLB (fr_val (*a), fr_val (*b), fr_val (*del), N); */
  /*@ assert qd: fr_val (*t) / fr_val (*s)
        <= PowLogLB (fr_val (*a), fr_val (*b), fr_val (*del), N); */
  mpfr_div (lo, t, s, MPFR_RNDD);             /* lo <= that / (s + delta) */
  /*@ assert l0: FrLe (*lo, fr_val (*t) / fr_val (*s)) && !FrNaN (*lo); */
  /*@ assert l1: FrLe (*lo, PowLogLB (fr_val (*a), fr_val (*b), fr_val (*del), N)); */
  /*@ assert hyp: M == N + 1 && 0 <= fr_val (*del) && (fr_val (*b) < 0 ==>
        fr_val (*del) >= - fr_val (*b) / r_log (N + 1)); */
  /*@ assert ax: PowLogLB (fr_val (*a), fr_val (*b), fr_val (*del), N)
        <= PowLogTail (fr_val (*a), fr_val (*b), N); */
  /*@ assert l2: FrLe (*lo, PowLogTail (fr_val (*a), fr_val (*b), N)); */
 done:
  mpfr_clear (lmd); mpfr_clear (lmu); mpfr_clear (s);
  mpfr_clear (del); mpfr_clear (t); mpfr_clear (u);
}

/* Case alpha = -1, b < -1: n^-1 (log n)^b = f(n) = 1/(n (log n)^-b),
 * f non-increasing on [2, inf), int_K^inf f = (log K)^(b+1) / (-b-1).
 * Upper (K = N): sum_{n>N} f(n) <= int_N^inf f (axiom
 * PowLog_Bertrand_Upper).
 * (log K)^x is increasing in x when log K >= 1 (K >= 3) and decreasing when
 * log K < 1 (K = 2): the exponent is rounded accordingly. */
/*@ requires valid: \valid (r) && \valid_read (b);
    requires sep: \separated (r, b);
    requires inited: FrInited (*r) && FrInited (*b);
    requires fin: FrNum (*b);
    requires n: 2 <= K;
    requires prec: 64 <= p && FrPrecOk (p);
    assigns *r;
    ensures inited: FrInited (*r);
    ensures bound: \result != 0 ==>
      PowLogConv (-1, fr_val (*b), K)
      && FrGe (*r, PowLogTail (-1, fr_val (*b), K));
*/
static int powerlog_bertrand_upper (mpfr_ptr r, mpfr_srcptr b, unsigned long K,
                                    mpfr_prec_t p)
{
  mpfr_t l, c, t;
  int ok = 1;
  mpfr_init2 (l, p); mpfr_init2 (c, p); mpfr_init2 (t, p);
  mpfr_set_ui (t, K, MPFR_RNDN);              /* exact */
  mpfr_log (l, t, MPFR_RNDD);                 /* l <= log K; exponent < 0:
                                                 base down gives power up */
  mpfr_si_sub (c, -1, b, MPFR_RNDD);          /* c <= -1 - b */
  if (!(mpfr_sgn (c) > 0)) { ok = 0; goto done; }
  if (!(mpfr_sgn (l) > 0)) { ok = 0; goto done; }   /* proof guard */
  /*@ assert c1: FrNum (*c) && 0 < fr_val (*c) <= -1 - fr_val (*b); */
  /*@ assert l1: FrNum (*l) && 0 < fr_val (*l) <= r_log (K); */
  mpfr_add_si (t, b, 1, K >= 3 ? MPFR_RNDU : MPFR_RNDD);
  if (!(mpfr_sgn (t) < 0)) { ok = 0; goto done; }
  if (!mpfr_number_p (t))                     /* proof guard: t = -Inf; */
    { mpfr_set_inf (r, 1); goto done; }       /* MPFR gives +Inf too */
  /* names r_pow: brings block Pow of specs/powerlog.acsl, with the axiom
   * Log_Two_Three, into the goals below (WP adds a block to a goal only
   * when the goal uses a symbol the block declares) */
  /*@ assert pow_key: r_pow (2.0, 1.0) > 0; */
  /*@ assert e1: K >= 3 ==> 1 <= r_log (K); */
  /*@ assert e2: K < 3 ==> r_log (K) <= 1; */
  /*@ assert t1: FrNum (*t) && fr_val (*t) < 0
        && (K >= 3 ==> fr_val (*b) + 1 <= fr_val (*t))
        && (K < 3 ==> fr_val (*t) <= fr_val (*b) + 1); */
  /*@ assert p1: r_pow (r_log (K), fr_val (*t)) <= r_pow (fr_val (*l), fr_val (*t)); */
  /*@ assert p2: r_pow (r_log (K), fr_val (*b) + 1) <= r_pow (r_log (K), fr_val (*t)); */
  mpfr_pow (t, l, t, MPFR_RNDU);              /* t >= (log K)^(b+1) */
  /*@ assert t2: FrGe (*t, r_pow (r_log (K), fr_val (*b) + 1)); */
  /*@ assert pos: 0 < r_pow (r_log (K), fr_val (*b) + 1); */
  /*@ assert qd: FrNum (*t) ==> r_pow (r_log (K), fr_val (*b) + 1) / (-1 - fr_val (*b))
                                <= fr_val (*t) / fr_val (*c); */
  mpfr_div (r, t, c, MPFR_RNDU);              /* r >= (log K)^(b+1)/(-1-b) */
  /*@ assert r1: FrGe (*r, r_pow (r_log (K), fr_val (*b) + 1) / (-1 - fr_val (*b))); */
 done:
  mpfr_clear (l); mpfr_clear (c); mpfr_clear (t);
  return ok;
}

/* Lower (M = N + 1 >= 3, alpha = -1 exactly): sum_{n>=M} f(n) >=
 * int_M^inf f (axiom PowLog_Bertrand_Lower); log M >= 1, so the exponent
 * is rounded down.  The proof guards set r = 0 (a lower bound). */
/*@ requires valid: \valid (r) && \valid_read (b);
    requires sep: \separated (r, b);
    requires inited: FrInited (*r) && FrInited (*b);
    requires fin: FrNum (*b);
    requires n: 2 <= N < 18446744073709551615;
    requires prec: 64 <= p && FrPrecOk (p);
    assigns *r;
    ensures inited: FrInited (*r) && !FrNaN (*r);
    ensures bound: FrNum (*r) && fr_val (*r) == 0
      || (fr_val (*b) < -1 ==> FrLe (*r, PowLogTail (-1, fr_val (*b), N)));
*/
static void powerlog_bertrand_lower (mpfr_ptr r, mpfr_srcptr b, unsigned long N,
                                     mpfr_prec_t p)
{
  unsigned long M = N + 1;
  mpfr_t l, c, t;
  mpfr_init2 (l, p); mpfr_init2 (c, p); mpfr_init2 (t, p);
  mpfr_set_ui (t, M, MPFR_RNDN);              /* exact */
  mpfr_log (l, t, MPFR_RNDU);                 /* l >= log M; exponent < 0:
                                                 base up gives power down */
  mpfr_si_sub (c, -1, b, MPFR_RNDU);          /* c >= -1 - b > 0 */
  mpfr_add_si (t, b, 1, MPFR_RNDD);           /* t <= b + 1 < 0 */
  /* proof guards: l = +Inf (never), c = +Inf or t = -Inf (MPFR would give
   * 0 as well), c <= 0 (only if b >= -1: beta empty, nothing to enclose) */
  if (!(mpfr_number_p (l) && mpfr_number_p (c) && mpfr_sgn (c) > 0
        && mpfr_number_p (t)))
    { mpfr_set_zero (r, 1); goto done; }
  /*@ assert pow_key: r_pow (2.0, 1.0) > 0; */   /* block Pow: Log_Two_Three */
  /*@ assert e1: 1 <= r_log (M); */
  /*@ assert l1: FrNum (*l) && 1 <= r_log (M) <= fr_val (*l); */
  /*@ assert c1: FrNum (*c) && 0 < fr_val (*c) && (fr_val (*b) < -1 ==> -1 - fr_val (*b) <= fr_val (*c)); */
  /*@ assert t1: FrNum (*t) && fr_val (*t) <= fr_val (*b) + 1; */
  /*@ assert p1: fr_val (*b) < -1 ==>
        r_pow (fr_val (*l), fr_val (*t)) <= r_pow (r_log (M), fr_val (*t)); */
  /*@ assert p2: r_pow (r_log (M), fr_val (*t)) <= r_pow (r_log (M), fr_val (*b) + 1); */
  mpfr_pow (t, l, t, MPFR_RNDD);              /* t <= (log M)^(b+1) */
  /*@ assert t2: FrNum (*t) && 0 <= fr_val (*t)
        && (fr_val (*b) < -1 ==> fr_val (*t) <= r_pow (r_log (M), fr_val (*b) + 1)); */
  /*@ assert qd: fr_val (*b) < -1 ==>
        fr_val (*t) / fr_val (*c) <= r_pow (r_log (M), fr_val (*b) + 1) / (-1 - fr_val (*b)); */
  mpfr_div (r, t, c, MPFR_RNDD);              /* r <= (log M)^(b+1)/(-1-b) */
  /*@ assert r1: !FrNaN (*r) && (fr_val (*b) < -1 ==>
        FrLe (*r, r_pow (r_log (M), fr_val (*b) + 1) / (-1 - fr_val (*b)))); */
 done:
  mpfr_clear (l); mpfr_clear (c); mpfr_clear (t);
}

/* Input: alpha, beta finite intervals, N >= 2 (N < ULONG_MAX).
 * Output: on IC_IVAL_OK, out encloses sum_{n>N} n^a (log n)^b for every a
 * in alpha and b in beta (and the series converge); otherwise the whole
 * line and IC_IVAL_EDOM. */
/*@ requires valid: \valid (out) && \valid_read (alpha) && \valid_read (beta);
    requires alias: (out == alpha || \separated (out, alpha))
                    && (out == beta || \separated (out, beta));
    requires ok: IvalOk (alpha) && IvalOk (beta) && IvalInited (out);
    assigns *out;
    ensures ok: IvalOk (out);
    ensures status: \result == IC_IVAL_OK || \result == IC_IVAL_EDOM;
    ensures edom: \result == IC_IVAL_EDOM ==> IvalFull (out);
    ensures sound: \result == IC_IVAL_OK ==> \forall real x, y;
      \old (Encloses (alpha, x)) && \old (Encloses (beta, y)) ==>
        PowLogConv (x, y, N) && Encloses (out, PowLogTail (x, y, N));
*/
int ic_tail_powerlog (ic_ival_ptr out, ic_ival_srcptr alpha, ic_ival_srcptr beta,
                      unsigned long N)
{
  mpfr_prec_t p;
  mpfr_t lo, hi;
  int ok;

  if (N < 2 || N == ULONG_MAX || !ic_ival_is_finite (alpha)
      || !ic_ival_is_finite (beta))
    { ic_ival_set_full (out); return IC_IVAL_EDOM; }
  p = work_prec (out);

  /* The sum is non-decreasing in alpha (n >= 1) and in beta (log n > 1 for
   * n >= 3): upper bounds use alpha.hi, beta.hi; lower alpha.lo, beta.lo
   * (axiom PowLog_Mono). */
  mpfr_init2 (lo, ic_ival_get_prec (out));
  mpfr_init2 (hi, ic_ival_get_prec (out));
  if (mpfr_cmp_si (alpha->hi, -1) < 0)
    ok = powerlog_upper_alt (hi, alpha->hi, beta->hi, N, p);
  else if (mpfr_cmp_si (alpha->hi, -1) == 0 && mpfr_cmp_si (beta->hi, -1) < 0)
    ok = powerlog_bertrand_upper (hi, beta->hi, N, p);
  else
    ok = 0;
  /*@ assert up: ok != 0 ==> \forall real x, y;
        x <= fr_val (alpha->hi[0]) && y <= fr_val (beta->hi[0]) ==>
        PowLogConv (x, y, N) && FrGe (*hi, PowLogTail (x, y, N)); */
  /*@ assert up_case: ok != 0 ==> fr_val (alpha->hi[0]) < -1
        || (fr_val (alpha->hi[0]) == -1 && fr_val (beta->hi[0]) < -1); */

  if (ok)
    {
      if (mpfr_cmp_si (alpha->lo, -1) < 0)
        {
          powerlog_lower_alt (lo, alpha->lo, beta->lo, N, p);
          /*@ assert low_alt: FrNum (*lo) && fr_val (*lo) == 0
                || FrLe (*lo, PowLogTail (fr_val (alpha->lo[0]), fr_val (beta->lo[0]), N)); */
        }
      else  /* alpha = -1 exactly and beta.lo <= beta.hi < -1 */
        powerlog_bertrand_lower (lo, beta->lo, N, p);
      /*@ assert low: FrNum (*lo) && fr_val (*lo) == 0
            || \forall real x, y;
               fr_val (alpha->lo[0]) <= x <= fr_val (alpha->hi[0])
               && fr_val (beta->lo[0]) <= y <= fr_val (beta->hi[0]) ==>
               FrLe (*lo, PowLogTail (x, y, N)); */
      if (mpfr_sgn (lo) < 0) mpfr_set_zero (lo, 1);   /* terms are > 0 */
      /*@ assert low2: \forall real x, y;
               fr_val (alpha->lo[0]) <= x <= fr_val (alpha->hi[0])
               && fr_val (beta->lo[0]) <= y <= fr_val (beta->hi[0]) ==>
               FrLe (*lo, PowLogTail (x, y, N)); */
      /*@ assert both: \forall real x, y;
               FrLe (alpha->lo[0], x) && FrGe (alpha->hi[0], x)
               && FrLe (beta->lo[0], y) && FrGe (beta->hi[0], y) ==>
               PowLogConv (x, y, N) && FrLe (*lo, PowLogTail (x, y, N))
               && FrGe (*hi, PowLogTail (x, y, N)); */
      /*@ assert nn: !FrNaN (*lo) && !FrNaN (*hi); */
      mpfr_swap (out->lo, lo);
      mpfr_swap (out->hi, hi);
      /*@ assert out_ok: IvalOk (out); */
    }
  /*@ assert ok_ok: ok != 0 ==> IvalOk (out); */
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
