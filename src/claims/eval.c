/* claims/eval.c — a term evaluated over ranges of n (and of a parameter
 * p), for the checks that must bound a term everywhere rather than at one n.
 *
 * Decides: enclosures of a term over n in [N, +Inf) and p in [a, b]
 * (outward-rounded interval arithmetic, ival.h: the result contains every
 * value of the term over the ranges), and its monotonicity in p by
 * elementary rules (sums and compositions of monotone functions, products
 * of non-negative monotone ones), "not known" whenever a sign hypothesis is
 * not certified.  The double evaluation here only draws the naive loop
 * beside certified values; it never sets a status. */

#include "claims_int.h"

/* A parameter p is written into the term text as a sentinel literal,
 * SENTINEL_TEXT (the term parser knows only n); nodes equal to the
 * sentinel stand for p. */

/* The term parser folds a minus sign into a literal, so -p appears as the
 * negated sentinel. */
int icc_is_neg_sent (const mpq_t q, const mpq_t sent)
{
  mpq_t t; mpq_init (t);
  mpq_neg (t, sent);
  int r = mpq_equal (q, t);
  mpq_clear (t);
  return r;
}

/* out encloses e over the given ranges; returns 0, or -1 if the operand
 * ranges are not certainly inside an operation's domain (no enclosure). */
int icc_tev (ic_ival_ptr out, const ic_node *e, const tenv *env)
{
  mpfr_prec_t pr = ic_ival_get_prec (out);
  ic_ival_t a, b;
  int rc = 0;
  switch (e->op)
    {
    case IC_NUM:
      if (env->p && mpq_equal (e->q, env->sent)) ic_ival_set (out, env->p);
      else if (env->p && icc_is_neg_sent (e->q, env->sent)) ic_ival_neg (out, env->p);
      else ic_ival_set_q (out, e->q);
      return 0;
    case IC_VAR: ic_ival_set (out, env->n); return 0;
    case IC_PI: ic_ival_const_pi (out); return 0;
    case IC_E: ic_ival_const_e (out); return 0;
    default: break;
    }
  ic_ival_init2 (a, pr); ic_ival_init2 (b, pr);
  if (icc_tev (a, e->a, env) != 0) { rc = -1; goto out; }
  if (e->b && e->op != IC_POW && icc_tev (b, e->b, env) != 0) { rc = -1; goto out; }
  switch (e->op)
    {
    case IC_ADD: ic_ival_add (out, a, b); break;
    case IC_SUB: ic_ival_sub (out, a, b); break;
    case IC_MUL: ic_ival_mul (out, a, b); break;
    case IC_DIV: rc = ic_ival_div (out, a, b) == IC_IVAL_OK ? 0 : -1; break;
    case IC_NEG: ic_ival_neg (out, a); break;
    case IC_POW:
      if (icc_tev (b, e->b, env) != 0) { rc = -1; break; }
      if (ic_ival_is_exact (b) && mpfr_integer_p (b->lo) && mpfr_fits_slong_p (b->lo, MPFR_RNDN))
        {
          long k = mpfr_get_si (b->lo, MPFR_RNDN);
          if (k < 0 && !(ic_ival_is_pos (a) || ic_ival_is_neg (a))) rc = -1;
          else ic_ival_pow_si (out, a, k);
        }
      else rc = ic_ival_pow (out, a, b) == IC_IVAL_OK ? 0 : -1;
      break;
    case IC_LOG: rc = ic_ival_log (out, a) == IC_IVAL_OK ? 0 : -1; break;
    case IC_EXP: ic_ival_exp (out, a); break;
    case IC_SQRT: rc = ic_ival_sqrt (out, a) == IC_IVAL_OK ? 0 : -1; break;
    case IC_SIN: ic_ival_sin (out, a); break;
    case IC_COS: ic_ival_cos (out, a); break;
    case IC_ATAN: ic_ival_atan (out, a); break;
    case IC_ABS: ic_ival_abs (out, a); break;
    case IC_FACT:
      if (ic_ival_is_exact (a) && mpfr_integer_p (a->lo) && mpfr_sgn (a->lo) >= 0
          && mpfr_cmp_ui (a->lo, 100000) <= 0)
        {
          mpz_t f; mpz_init (f);
          mpz_fac_ui (f, mpfr_get_ui (a->lo, MPFR_RNDN));
          ic_ival_set_z (out, f);
          mpz_clear (f);
        }
      else rc = -1;
      break;
    default: rc = -1;
    }
out:
  if (rc != 0) ic_ival_set_full (out);
  ic_ival_clear (a); ic_ival_clear (b);
  return rc;
}

/* Double-precision evaluation (the "naive loop" shown next to certified
 * data in plots; never used for a status). */
double icc_dev (const ic_node *e, double n)
{
  switch (e->op)
    {
    case IC_NUM: return mpq_get_d (e->q);
    case IC_VAR: return n;
    case IC_PI: return 3.14159265358979323846;
    case IC_E: return 2.71828182845904523536;
    case IC_ADD: return icc_dev (e->a, n) + icc_dev (e->b, n);
    case IC_SUB: return icc_dev (e->a, n) - icc_dev (e->b, n);
    case IC_MUL: return icc_dev (e->a, n) * icc_dev (e->b, n);
    case IC_DIV: return icc_dev (e->a, n) / icc_dev (e->b, n);
    case IC_NEG: return -icc_dev (e->a, n);
    case IC_POW: return pow (icc_dev (e->a, n), icc_dev (e->b, n));
    case IC_LOG: return log (icc_dev (e->a, n));
    case IC_EXP: return exp (icc_dev (e->a, n));
    case IC_SQRT: return sqrt (icc_dev (e->a, n));
    case IC_SIN: return sin (icc_dev (e->a, n));
    case IC_COS: return cos (icc_dev (e->a, n));
    case IC_ATAN: return atan (icc_dev (e->a, n));
    case IC_ABS: return fabs (icc_dev (e->a, n));
    case IC_FACT: return tgamma (icc_dev (e->a, n) + 1);
    default: return NAN;
    }
}

/* Monotonicity in p of e, for every fixed n in the range of env->n and p
 * in env->p: +1 non-decreasing, -1 non-increasing, 0 independent of p,
 * 2 not known.  range receives an enclosure of e over the ranges.  Each
 * rule is elementary (sums of functions with the same monotonicity, product
 * of non-negative monotone functions, composition with monotone functions);
 * when a rule's sign hypothesis is not certified the answer is 2. */
int icc_mono (ic_ival_ptr range, const ic_node *e, const tenv *env)
{
  mpfr_prec_t pr = ic_ival_get_prec (range);
  if (icc_tev (range, e, env) != 0) return 2;
  switch (e->op)
    {
    case IC_NUM: return !env->p ? 0 : mpq_equal (e->q, env->sent) ? 1 : icc_is_neg_sent (e->q, env->sent) ? -1 : 0;
    case IC_VAR: case IC_PI: case IC_E: return 0;
    default: break;
    }
  ic_ival_t ra, rb; ic_ival_init2 (ra, pr); ic_ival_init2 (rb, pr);
  int ma = icc_mono (ra, e->a, env), mb = e->b ? icc_mono (rb, e->b, env) : 0, m = 2;
#define COMB(x, y) ((x) == 2 || (y) == 2 ? 2 : (x) == 0 ? (y) : (y) == 0 ? (x) : (x) == (y) ? (x) : 2)
#define NEGM(x) ((x) == 2 ? 2 : -(x))
  switch (e->op)
    {
    case IC_ADD: m = COMB (ma, mb); break;
    case IC_SUB: m = COMB (ma, NEGM (mb)); break;
    case IC_NEG: m = NEGM (ma); break;
    case IC_MUL: case IC_DIV:
      {
        int mbb = mb;
        if (e->op == IC_DIV)
          mbb = (ic_ival_is_pos (rb) || ic_ival_is_neg (rb)) ? NEGM (mb) : 2;
        /* sign of the factors over the ranges */
        int sa = ic_ival_is_nonneg (ra) ? 1 : ic_ival_is_nonpos (ra) ? -1 : 0;
        int sb = ic_ival_is_nonneg (rb) ? 1 : ic_ival_is_nonpos (rb) ? -1 : 0;
        if (e->op == IC_DIV) sb = ic_ival_is_pos (rb) ? 1 : ic_ival_is_neg (rb) ? -1 : 0;
        if (ma == 0 && mbb == 0) m = 0;
        else if (ma == 0) m = sa == 0 || mbb == 2 ? 2 : sa * mbb;
        else if (mbb == 0) m = sb == 0 || ma == 2 ? 2 : sb * ma;
        else if (sa == 1 && sb == 1 && ma == mbb) m = ma;
        else m = 2;
        break;
      }
    case IC_POW:
      if (ma == 0 && mb == 0) m = 0;
      else if (ic_ival_is_pos (ra))
        {
          /* x^y = exp(y log x): monotone like y * log x */
          ic_ival_t lx; ic_ival_init2 (lx, pr);
          ic_ival_log (lx, ra);
          int sl = ic_ival_is_nonneg (lx) ? 1 : ic_ival_is_nonpos (lx) ? -1 : 0;
          int sy = ic_ival_is_nonneg (rb) ? 1 : ic_ival_is_nonpos (rb) ? -1 : 0;
          if (ma == 0) m = sl == 0 || mb == 2 ? 2 : sl * mb;
          else if (mb == 0) m = sy == 0 || ma == 2 ? 2 : sy * ma;
          else if (sl == 1 && sy == 1 && ma == mb) m = ma;
          else m = 2;
          ic_ival_clear (lx);
        }
      else m = 2;
      break;
    case IC_LOG: case IC_EXP: case IC_SQRT: case IC_ATAN: m = ma; break;
    case IC_ABS: m = ma == 0 ? 0 : ic_ival_is_nonneg (ra) ? ma : ic_ival_is_nonpos (ra) ? NEGM (ma) : 2; break;
    default: m = ma == 0 && mb == 0 ? 0 : 2;
    }
  ic_ival_clear (ra); ic_ival_clear (rb);
  return m;
}
