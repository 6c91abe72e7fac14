/* tmexp.c — tails by the Taylor model at infinity (see tmexp.h for the
 * theorem).  Every bound: the model's exact coefficients and its remainder
 * bound r (tmodel.c), zeta values enclosed by ic_em_tail, and the proved
 * interval operations.  Heuristics (labelled) choose only the order, the
 * digits asked of each zeta value and the precisions. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "tmexp.h"
#include "buf.h"
#include "tmodel.h"
#include "em.h"
#include "cancel.h"

/* z encloses sum_{n>=M} n^-s for a rational s > 1 (ic_em_tail on the term
 * n^(-s), built here). */
static int zeta_tail (ic_ival_ptr z, const mpq_t s, unsigned long M, long digits, mpfr_prec_t prec)
{
  mpq_t ms;
  mpq_init (ms);
  mpq_neg (ms, s);
  ic_node *t = ic_node_new (IC_POW, ic_node_new (IC_VAR, NULL, NULL), ic_node_num_q (ms));
  mpq_clear (ms);
  if (!t) return 0;
  ic_em_info info;
  memset (&info, 0, sizeof info);
  int ok = ic_em_tail (z, t, 0, M, digits, prec, &info);
  ic_node_free (t);
  return ok;
}

int ic_tmexp_tail (ic_ival_ptr out, const ic_node *f, unsigned long M, long digits,
                   mpfr_prec_t prec, char *method, size_t mlen, char *detail, size_t dlen)
{
  if (method && mlen) method[0] = 0;
  if (M < 16 || !f || !ic_node_has_var (f)) { ic_say (detail, dlen, "no expansion (cut below 16)"); return 0; }
  ic_tm tm;
  ic_tm_init (&tm, prec);
  int ok = 0;
  /* heuristic: the largest order the models allow (24 terms); a model of
   * lower order is tried when that one fails (a remainder too large to
   * bound at high order is not a reason to give up) */
  int d = IC_TM_MAXD;
  while (d >= 4 && !ic_tm_of (&tm, f, d, M)) d /= 2;
  if (d < 4) { ic_say (detail, dlen, "no Taylor model at infinity from n = %lu", M); goto done; }
  if (ic_tm_normalize (&tm) < 0) { ic_say (detail, dlen, "all coefficients of the model vanish"); goto done; }
  if (mpq_cmp_si (tm.a, -1, 1) >= 0) { ic_say (detail, dlen, "leading exponent not below -1"); goto done; }
  if (!mpfr_number_p (tm.r) || mpfr_sgn (tm.r) < 0) { ic_say (detail, dlen, "remainder bound not finite"); goto done; }

  {
    ic_ival_t S, z, c, E, t;
    ic_ival_init2 (S, prec); ic_ival_init2 (z, prec); ic_ival_init2 (c, prec);
    ic_ival_init2 (E, prec); ic_ival_init2 (t, prec);
    mpq_t s;
    mpq_init (s);
    /* heuristic: each zeta value to digits + log10 (1 + |c_i|) + 2, the
     * extra digits capped (a huge c_i, even one beyond a double, must not
     * ask for a million digits) */
    ic_ival_set_si (S, 0);
    ok = 1;
    for (int i = 0; ok && i <= tm.d; i++)
      {
        if (mpq_sgn (tm.c[i]) == 0) continue;
        if (ic_cancelled ()) { ok = 0; break; }
        mpq_set_si (s, i, 1);
        mpq_sub (s, s, tm.a);                          /* s = i - a > 1 */
        double lc = log10 (1 + fabs (mpq_get_d (tm.c[i])));
        double cap = 4.0 * (double) digits + 100;
        long di = digits + 2 + (long) (lc < cap ? lc : cap);
        if (!zeta_tail (z, s, M, di, prec)) { ok = 0; ic_say (detail, dlen, "zeta(%g, %lu) not enclosed", mpq_get_d (s), M); break; }
        ic_ival_set_q (c, tm.c[i]);
        ic_ival_mul (z, z, c);                         /* c_i zeta(i - a, M) */
        ic_ival_add (S, S, z);
      }
    if (ok)
      {
        /* |sum_{n>=M} n^a R(n)| <= r zeta(s, M), s = d + 1 - a > 1, that
         * zeta value enclosed like the others: [-E, E], E = r zeta.hi */
        mpq_set_si (s, tm.d + 1, 1);
        mpq_sub (s, s, tm.a);
        ok = zeta_tail (E, s, M, digits + 2, prec);
        if (ok)
          {
            ic_ival_set_fr (t, tm.r);
            ic_ival_mul (E, E, t);                     /* r zeta(s, M) >= 0 */
            ic_ival_neg (t, E);
            ic_ival_hull (E, t, E);                    /* [-E.hi, E.hi] */
            ic_ival_add (S, S, E);
            ok = ic_ival_is_finite (S);
          }
        else ic_say (detail, dlen, "zeta(%g, %lu) of the remainder not enclosed", mpq_get_d (s), M);
      }
    if (ok)
      {
        ic_ival_set (out, S);
        ic_say (method, mlen, "taylor-expansion");
        ic_say (detail, dlen, "f(n) = n^(%g) (sum_{i<=%d} c_i n^-i + R), |R| <= %.3g n^-%d for n >= %lu; "
             "tail = sum_i c_i zeta(i + %g, %lu) +- %.3g", mpq_get_d (tm.a), tm.d,
             mpfr_get_d (tm.r, MPFR_RNDU), tm.d + 1, M, -mpq_get_d (tm.a), M,
             mpfr_get_d (E->hi, MPFR_RNDU));
      }
    mpq_clear (s);
    ic_ival_clear (S); ic_ival_clear (z); ic_ival_clear (c); ic_ival_clear (E); ic_ival_clear (t);
  }
done:
  ic_tm_clear (&tm);
  return ok;
}
