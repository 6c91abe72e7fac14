/* ival.c — interval arithmetic on MPFR with outward rounding.
 * Error analysis: each endpoint is one correctly rounded MPFR operation in
 * the outward direction (RNDD for lo, RNDU for hi) applied to the extreme
 * point of a monotone function, so no analysis beyond monotonicity is needed.
 * NaN never survives: fix() widens a NaN endpoint to the infinite one. */
#include <limits.h>
#include "ival.h"

static void fix (ic_ival_ptr z)
{
  if (mpfr_nan_p (z->lo)) mpfr_set_inf (z->lo, -1);
  if (mpfr_nan_p (z->hi)) mpfr_set_inf (z->hi, +1);
}

void ic_ival_init2 (ic_ival_ptr x, mpfr_prec_t prec)
{
  mpfr_init2 (x->lo, prec);
  mpfr_init2 (x->hi, prec);
  mpfr_set_zero (x->lo, 1);
  mpfr_set_zero (x->hi, 1);
}

void ic_ival_clear (ic_ival_ptr x) { mpfr_clear (x->lo); mpfr_clear (x->hi); }

void ic_ival_set_prec (ic_ival_ptr x, mpfr_prec_t prec)
{
  mpfr_set_prec (x->lo, prec);
  mpfr_set_prec (x->hi, prec);
  mpfr_set_zero (x->lo, 1);
  mpfr_set_zero (x->hi, 1);
}

mpfr_prec_t ic_ival_get_prec (ic_ival_srcptr x) { return mpfr_get_prec (x->lo); }

void ic_ival_set (ic_ival_ptr z, ic_ival_srcptr x)
{
  if (z == x) return;
  mpfr_set (z->lo, x->lo, MPFR_RNDD);
  mpfr_set (z->hi, x->hi, MPFR_RNDU);
}

void ic_ival_set_si (ic_ival_ptr z, long v)
{
  mpfr_set_si (z->lo, v, MPFR_RNDD);
  mpfr_set_si (z->hi, v, MPFR_RNDU);
}

void ic_ival_set_ui (ic_ival_ptr z, unsigned long v)
{
  mpfr_set_ui (z->lo, v, MPFR_RNDD);
  mpfr_set_ui (z->hi, v, MPFR_RNDU);
}

void ic_ival_set_z (ic_ival_ptr z, const mpz_t v)
{
  mpfr_set_z (z->lo, v, MPFR_RNDD);
  mpfr_set_z (z->hi, v, MPFR_RNDU);
}

void ic_ival_set_q (ic_ival_ptr z, const mpq_t v)
{
  mpfr_set_q (z->lo, v, MPFR_RNDD);
  mpfr_set_q (z->hi, v, MPFR_RNDU);
}

void ic_ival_set_fr (ic_ival_ptr z, mpfr_srcptr v)
{
  mpfr_set (z->lo, v, MPFR_RNDD);
  mpfr_set (z->hi, v, MPFR_RNDU);
  fix (z);
}

void ic_ival_set_fr2 (ic_ival_ptr z, mpfr_srcptr lo, mpfr_srcptr hi)
{
  mpfr_set (z->lo, lo, MPFR_RNDD);
  mpfr_set (z->hi, hi, MPFR_RNDU);
  fix (z);
}

void ic_ival_set_full (ic_ival_ptr z)
{
  mpfr_set_inf (z->lo, -1);
  mpfr_set_inf (z->hi, +1);
}

void ic_ival_const_pi (ic_ival_ptr z)
{
  mpfr_const_pi (z->lo, MPFR_RNDD);
  mpfr_const_pi (z->hi, MPFR_RNDU);
}

void ic_ival_const_e (ic_ival_ptr z)
{
  mpfr_set_ui (z->lo, 1, MPFR_RNDN);
  mpfr_set_ui (z->hi, 1, MPFR_RNDN);
  mpfr_exp (z->lo, z->lo, MPFR_RNDD);
  mpfr_exp (z->hi, z->hi, MPFR_RNDU);
}

void ic_ival_neg (ic_ival_ptr z, ic_ival_srcptr x)
{
  if (z == x) { mpfr_swap (z->lo, z->hi); mpfr_neg (z->lo, z->lo, MPFR_RNDD); mpfr_neg (z->hi, z->hi, MPFR_RNDU); return; }
  mpfr_neg (z->lo, x->hi, MPFR_RNDD);
  mpfr_neg (z->hi, x->lo, MPFR_RNDU);
}

void ic_ival_add (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y)
{
  mpfr_add (z->lo, x->lo, y->lo, MPFR_RNDD);   /* lo <= x.lo + y.lo */
  mpfr_add (z->hi, x->hi, y->hi, MPFR_RNDU);   /* hi >= x.hi + y.hi */
  fix (z);
}

void ic_ival_sub (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y)
{
  mpfr_t t;
  mpfr_init2 (t, mpfr_get_prec (z->lo));
  mpfr_sub (t, x->lo, y->hi, MPFR_RNDD);       /* t  <= x.lo - y.hi */
  mpfr_sub (z->hi, x->hi, y->lo, MPFR_RNDU);   /* hi >= x.hi - y.lo */
  mpfr_swap (z->lo, t);
  mpfr_clear (t);
  fix (z);
}

/* Product of two intervals: the extremes are among the four endpoint
 * products; each is computed twice (RNDD for the minimum, RNDU for the max).
 * 0 * Inf gives NaN in MPFR: it is treated as 0 (the true product of a
 * finite bound with 0 is 0, and an infinite endpoint stands for a bound). */
static void mul_end (mpfr_ptr r, mpfr_srcptr a, mpfr_srcptr b, mpfr_rnd_t rnd)
{
  if (mpfr_zero_p (a) || mpfr_zero_p (b)) mpfr_set_zero (r, 1);
  else mpfr_mul (r, a, b, rnd);
}

void ic_ival_mul (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y)
{
  mpfr_prec_t p = mpfr_get_prec (z->lo);
  mpfr_t lo, hi, t;
  mpfr_inits2 (p, lo, hi, t, (mpfr_ptr) 0);
  mul_end (lo, x->lo, y->lo, MPFR_RNDD);
  mul_end (hi, x->lo, y->lo, MPFR_RNDU);
  mul_end (t, x->lo, y->hi, MPFR_RNDD); mpfr_min (lo, lo, t, MPFR_RNDD);
  mul_end (t, x->lo, y->hi, MPFR_RNDU); mpfr_max (hi, hi, t, MPFR_RNDU);
  mul_end (t, x->hi, y->lo, MPFR_RNDD); mpfr_min (lo, lo, t, MPFR_RNDD);
  mul_end (t, x->hi, y->lo, MPFR_RNDU); mpfr_max (hi, hi, t, MPFR_RNDU);
  mul_end (t, x->hi, y->hi, MPFR_RNDD); mpfr_min (lo, lo, t, MPFR_RNDD);
  mul_end (t, x->hi, y->hi, MPFR_RNDU); mpfr_max (hi, hi, t, MPFR_RNDU);
  mpfr_swap (z->lo, lo);
  mpfr_swap (z->hi, hi);
  mpfr_clears (lo, hi, t, (mpfr_ptr) 0);
  fix (z);
}

int ic_ival_div (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y)
{
  if (!(ic_ival_is_pos (y) || ic_ival_is_neg (y)))
    { ic_ival_set_full (z); return IC_IVAL_EDOM; }
  mpfr_prec_t p = mpfr_get_prec (z->lo);
  mpfr_t lo, hi, t;
  mpfr_inits2 (p, lo, hi, t, (mpfr_ptr) 0);
  /* 0 not in y: the extremes of x/y are among the four endpoint quotients. */
  mpfr_div (lo, x->lo, y->lo, MPFR_RNDD);
  mpfr_div (hi, x->lo, y->lo, MPFR_RNDU);
  mpfr_div (t, x->lo, y->hi, MPFR_RNDD); mpfr_min (lo, lo, t, MPFR_RNDD);
  mpfr_div (t, x->lo, y->hi, MPFR_RNDU); mpfr_max (hi, hi, t, MPFR_RNDU);
  mpfr_div (t, x->hi, y->lo, MPFR_RNDD); mpfr_min (lo, lo, t, MPFR_RNDD);
  mpfr_div (t, x->hi, y->lo, MPFR_RNDU); mpfr_max (hi, hi, t, MPFR_RNDU);
  mpfr_div (t, x->hi, y->hi, MPFR_RNDD); mpfr_min (lo, lo, t, MPFR_RNDD);
  mpfr_div (t, x->hi, y->hi, MPFR_RNDU); mpfr_max (hi, hi, t, MPFR_RNDU);
  mpfr_swap (z->lo, lo);
  mpfr_swap (z->hi, hi);
  mpfr_clears (lo, hi, t, (mpfr_ptr) 0);
  /* Inf/Inf gives NaN: no information on that side. */
  fix (z);
  return IC_IVAL_OK;
}

void ic_ival_mul_si (ic_ival_ptr z, ic_ival_srcptr x, long c)
{
  ic_ival_t t;
  ic_ival_init2 (t, mpfr_get_prec (z->lo));
  ic_ival_set_si (t, c);
  ic_ival_mul (z, x, t);
  ic_ival_clear (t);
}

void ic_ival_abs (ic_ival_ptr z, ic_ival_srcptr x)
{
  if (mpfr_sgn (x->lo) >= 0) { ic_ival_set (z, x); return; }
  if (mpfr_sgn (x->hi) <= 0) { ic_ival_neg (z, x); return; }
  /* 0 inside: [0, max(-lo, hi)] */
  mpfr_t m;
  mpfr_init2 (m, mpfr_get_prec (z->hi));
  mpfr_neg (m, x->lo, MPFR_RNDU);
  mpfr_max (z->hi, m, x->hi, MPFR_RNDU);
  mpfr_set_zero (z->lo, 1);
  mpfr_clear (m);
}

void ic_ival_sqr (ic_ival_ptr z, ic_ival_srcptr x)
{
  ic_ival_t a;
  ic_ival_init2 (a, mpfr_get_prec (z->lo));
  ic_ival_abs (a, x);                            /* a = |x|, a.lo >= 0 */
  mpfr_sqr (z->lo, a->lo, MPFR_RNDD);
  mpfr_sqr (z->hi, a->hi, MPFR_RNDU);
  ic_ival_clear (a);
  fix (z);
}

void ic_ival_pow_si (ic_ival_ptr z, ic_ival_srcptr x, long k)
{
  if (k == 0) { ic_ival_set_si (z, 1); return; }
  if (k < 0)
    {
      ic_ival_t one, t;
      ic_ival_init2 (one, mpfr_get_prec (z->lo));
      ic_ival_init2 (t, mpfr_get_prec (z->lo));
      ic_ival_set_si (one, 1);
      if (k == LONG_MIN) { ic_ival_set_full (z); }
      else
        {
          ic_ival_pow_si (t, x, -k);
          if (ic_ival_div (z, one, t) != IC_IVAL_OK) ic_ival_set_full (z);
        }
      ic_ival_clear (one); ic_ival_clear (t);
      return;
    }
  /* k > 0: x^k is monotone on each sign half; odd k is monotone overall. */
  if (k % 2 == 1)
    {
      mpfr_t lo;
      mpfr_init2 (lo, mpfr_get_prec (z->lo));
      mpfr_pow_si (lo, x->lo, k, MPFR_RNDD);
      mpfr_pow_si (z->hi, x->hi, k, MPFR_RNDU);
      mpfr_swap (z->lo, lo);
      mpfr_clear (lo);
    }
  else
    {
      ic_ival_t a;
      ic_ival_init2 (a, mpfr_get_prec (z->lo));
      ic_ival_abs (a, x);
      mpfr_pow_si (z->lo, a->lo, k, MPFR_RNDD);
      mpfr_pow_si (z->hi, a->hi, k, MPFR_RNDU);
      ic_ival_clear (a);
    }
  fix (z);
}

void ic_ival_exp (ic_ival_ptr z, ic_ival_srcptr x)
{
  mpfr_exp (z->lo, x->lo, MPFR_RNDD);   /* exp increasing */
  mpfr_exp (z->hi, x->hi, MPFR_RNDU);
  fix (z);
}

int ic_ival_log (ic_ival_ptr z, ic_ival_srcptr x)
{
  if (!ic_ival_is_pos (x)) { ic_ival_set_full (z); return IC_IVAL_EDOM; }
  mpfr_log (z->lo, x->lo, MPFR_RNDD);   /* log increasing on (0, Inf) */
  mpfr_log (z->hi, x->hi, MPFR_RNDU);
  fix (z);
  return IC_IVAL_OK;
}

int ic_ival_log1p (ic_ival_ptr z, ic_ival_srcptr x)
{
  if (!(mpfr_cmp_si (x->lo, -1) > 0)) { ic_ival_set_full (z); return IC_IVAL_EDOM; }
  mpfr_log1p (z->lo, x->lo, MPFR_RNDD);
  mpfr_log1p (z->hi, x->hi, MPFR_RNDU);
  fix (z);
  return IC_IVAL_OK;
}

int ic_ival_sqrt (ic_ival_ptr z, ic_ival_srcptr x)
{
  if (!ic_ival_is_nonneg (x)) { ic_ival_set_full (z); return IC_IVAL_EDOM; }
  mpfr_sqrt (z->lo, x->lo, MPFR_RNDD);
  mpfr_sqrt (z->hi, x->hi, MPFR_RNDU);
  fix (z);
  return IC_IVAL_OK;
}

/* x^y = exp(y log x) for x > 0: computed as exp of the interval product,
 * so monotonicity in each argument is never needed. */
int ic_ival_pow (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y)
{
  if (!ic_ival_is_pos (x)) { ic_ival_set_full (z); return IC_IVAL_EDOM; }
  if (ic_ival_is_exact (x) && ic_ival_is_exact (y))
    {
      /* One correctly rounded mpfr_pow in each direction. */
      mpfr_t lo;
      mpfr_init2 (lo, mpfr_get_prec (z->lo));
      mpfr_pow (lo, x->lo, y->lo, MPFR_RNDD);
      mpfr_pow (z->hi, x->hi, y->hi, MPFR_RNDU);
      mpfr_swap (z->lo, lo);
      mpfr_clear (lo);
      fix (z);
      return IC_IVAL_OK;
    }
  ic_ival_t l;
  ic_ival_init2 (l, mpfr_get_prec (z->lo) + 10);
  ic_ival_log (l, x);
  ic_ival_mul (l, l, y);
  ic_ival_exp (z, l);
  ic_ival_clear (l);
  return IC_IVAL_OK;
}

void ic_ival_atan (ic_ival_ptr z, ic_ival_srcptr x)
{
  mpfr_atan (z->lo, x->lo, MPFR_RNDD);
  mpfr_atan (z->hi, x->hi, MPFR_RNDU);
  fix (z);
}

/* sin, cos: 1-Lipschitz.  With m a point of x and r >= max|x - m|,
 * f(x) lies in [f(m) - r, f(m) + r] intersected with [-1, 1]. */
static void lipschitz_trig (ic_ival_ptr z, ic_ival_srcptr x, int (*f) (mpfr_ptr, mpfr_srcptr, mpfr_rnd_t))
{
  mpfr_prec_t p = mpfr_get_prec (z->lo);
  if (!ic_ival_is_finite (x))
    {
      mpfr_set_si (z->lo, -1, MPFR_RNDD);
      mpfr_set_si (z->hi, 1, MPFR_RNDU);
      return;
    }
  mpfr_t m, r, t, lo;
  mpfr_inits2 (mpfr_get_prec (x->lo) + 2, m, (mpfr_ptr) 0);
  mpfr_inits2 (p, r, t, lo, (mpfr_ptr) 0);
  mpfr_add (m, x->lo, x->hi, MPFR_RNDN);
  mpfr_div_2ui (m, m, 1, MPFR_RNDN);
  if (mpfr_cmp (m, x->lo) < 0) mpfr_set (m, x->lo, MPFR_RNDN);
  if (mpfr_cmp (m, x->hi) > 0) mpfr_set (m, x->hi, MPFR_RNDN);
  mpfr_sub (r, x->hi, m, MPFR_RNDU);          /* r >= hi - m */
  mpfr_sub (t, m, x->lo, MPFR_RNDU);          /* t >= m - lo */
  mpfr_max (r, r, t, MPFR_RNDU);              /* r >= max |x - m| */
  f (lo, m, MPFR_RNDD);
  mpfr_sub (lo, lo, r, MPFR_RNDD);            /* lo <= f(m) - r */
  f (t, m, MPFR_RNDU);
  mpfr_add (z->hi, t, r, MPFR_RNDU);          /* hi >= f(m) + r */
  mpfr_swap (z->lo, lo);
  if (mpfr_cmp_si (z->lo, -1) < 0) mpfr_set_si (z->lo, -1, MPFR_RNDD);
  if (mpfr_cmp_si (z->hi, 1) > 0) mpfr_set_si (z->hi, 1, MPFR_RNDU);
  mpfr_clears (m, r, t, lo, (mpfr_ptr) 0);
}

void ic_ival_sin (ic_ival_ptr z, ic_ival_srcptr x) { lipschitz_trig (z, x, mpfr_sin); }
void ic_ival_cos (ic_ival_ptr z, ic_ival_srcptr x) { lipschitz_trig (z, x, mpfr_cos); }

void ic_ival_hull (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y)
{
  mpfr_t lo;
  mpfr_init2 (lo, mpfr_get_prec (z->lo));
  mpfr_min (lo, x->lo, y->lo, MPFR_RNDD);
  mpfr_max (z->hi, x->hi, y->hi, MPFR_RNDU);
  mpfr_swap (z->lo, lo);
  mpfr_clear (lo);
}

int ic_ival_intersect (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y)
{
  if (mpfr_cmp (x->hi, y->lo) < 0 || mpfr_cmp (y->hi, x->lo) < 0) return 0;
  mpfr_t lo;
  mpfr_init2 (lo, mpfr_get_prec (z->lo));
  mpfr_max (lo, x->lo, y->lo, MPFR_RNDD);
  mpfr_min (z->hi, x->hi, y->hi, MPFR_RNDU);
  mpfr_swap (z->lo, lo);
  mpfr_clear (lo);
  return 1;
}

int ic_ival_is_pos (ic_ival_srcptr x) { return mpfr_sgn (x->lo) > 0; }
int ic_ival_is_neg (ic_ival_srcptr x) { return mpfr_sgn (x->hi) < 0; }
int ic_ival_is_nonneg (ic_ival_srcptr x) { return mpfr_sgn (x->lo) >= 0; }
int ic_ival_is_nonpos (ic_ival_srcptr x) { return mpfr_sgn (x->hi) <= 0; }
int ic_ival_is_finite (ic_ival_srcptr x) { return mpfr_number_p (x->lo) && mpfr_number_p (x->hi); }
int ic_ival_is_exact (ic_ival_srcptr x) { return mpfr_number_p (x->lo) && mpfr_equal_p (x->lo, x->hi); }
int ic_ival_lt (ic_ival_srcptr x, ic_ival_srcptr y) { return mpfr_less_p (x->hi, y->lo); }
int ic_ival_contains_fr (ic_ival_srcptr x, mpfr_srcptr v)
{
  return mpfr_lessequal_p (x->lo, v) && mpfr_lessequal_p (v, x->hi);
}

void ic_ival_mag_upper (mpfr_ptr r, ic_ival_srcptr x)
{
  mpfr_t t;
  mpfr_init2 (t, mpfr_get_prec (r));
  mpfr_abs (t, x->lo, MPFR_RNDU);
  mpfr_abs (r, x->hi, MPFR_RNDU);
  mpfr_max (r, r, t, MPFR_RNDU);
  mpfr_clear (t);
}

void ic_ival_mag_lower (mpfr_ptr r, ic_ival_srcptr x)
{
  if (mpfr_sgn (x->lo) > 0) mpfr_set (r, x->lo, MPFR_RNDD);
  else if (mpfr_sgn (x->hi) < 0) mpfr_neg (r, x->hi, MPFR_RNDD);
  else mpfr_set_zero (r, 1);
}

void ic_ival_width_upper (mpfr_ptr r, ic_ival_srcptr x)
{
  mpfr_sub (r, x->hi, x->lo, MPFR_RNDU);
}
