/* test_kern_ival.c — runtime containment tests of the verified interval
 * kernel ic_ival_pow (src/kern/ival.c; contract proved by WP, see
 * proofs/README.md).
 *
 *  - Containment: for random x > 0 (points, thin and wide intervals,
 *    subnormal-free magnitudes 2^-40..2^40, +Inf upper endpoints, the
 *    point [+Inf, +Inf]) and y of both signs (points, intervals, infinite
 *    endpoints), z = x^y at 53 bits must contain a^b for sample points a in
 *    x, b in y (finite endpoints and random interior points), where a^b is
 *    enclosed independently by mpfr_pow at 4x53+64 bits with RNDD / RNDU:
 *    z.lo <= RNDD(a^b) and RNDU(a^b) <= z.hi.
 *  - No NaN endpoint, status IC_IVAL_OK for x > 0.
 *  - Aliasing: z == x, z == y and z == x == y give the same interval, bit
 *    for bit, as a separate z.
 *  - Domain: x.lo <= 0 gives IC_IVAL_EDOM and the whole line.
 * Unary kernels ic_ival_set/abs/sqr/mul_si/set_si (also proved): the
 * same containment against exact 1024-bit MPFR values, no NaN, aliasing;
 * likewise the big-integer scalings mul_z / div_z and round_prec.
 * Random tests print their seed (argv[1] replays a run). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <limits.h>
#include "ival.h"

#define P 53
#define PREF (4 * P + 64)

static int nfail;
static unsigned long seed;

static void check (int c, const char *name, long cases)
{
  if (c) printf ("ok %s (%ld cases, seed %lu)\n", name, cases, seed);
  else { printf ("FAIL %s (seed %lu)\n", name, seed); nfail++; }
}

/* A positive finite value 2^e * u, u in [1/2, 1), e in [-emax, emax]. */
static void random_pos (mpfr_ptr r, gmp_randstate_t st, long emax)
{
  do mpfr_urandomb (r, st); while (mpfr_zero_p (r));
  mpfr_mul_2si (r, r, (long) gmp_urandomm_ui (st, 2 * emax + 1) - emax, MPFR_RNDN);
}

/* x > 0: kind 0 point, 1 thin, 2 wide, 3 [a, +Inf], 4 [+Inf, +Inf] */
static void random_x (ic_ival_ptr x, gmp_randstate_t st, int kind)
{
  random_pos (x->lo, st, 40);
  switch (kind)
    {
    case 0: mpfr_set (x->hi, x->lo, MPFR_RNDN); break;
    case 1: mpfr_set (x->hi, x->lo, MPFR_RNDN);
            for (int k = (int) gmp_urandomm_ui (st, 8); k >= 0; k--) mpfr_nextabove (x->hi);
            break;
    case 2: random_pos (x->hi, st, 40);
            if (mpfr_less_p (x->hi, x->lo)) mpfr_swap (x->lo, x->hi);
            break;
    case 3: mpfr_set_inf (x->hi, 1); break;
    default: mpfr_set_inf (x->lo, 1); mpfr_set_inf (x->hi, 1); break;
    }
}

/* y: kind 0 point, 1 interval of either sign, 2 [-Inf, b], 3 [a, +Inf],
 * 4 [-Inf, +Inf], 5 small integer point */
static void random_y (ic_ival_ptr y, gmp_randstate_t st, int kind)
{
  mpfr_urandomb (y->lo, st);
  mpfr_mul_2si (y->lo, y->lo, (long) gmp_urandomm_ui (st, 8) - 2, MPFR_RNDN);
  if (gmp_urandomm_ui (st, 2)) mpfr_neg (y->lo, y->lo, MPFR_RNDN);
  mpfr_urandomb (y->hi, st);
  mpfr_mul_2si (y->hi, y->hi, (long) gmp_urandomm_ui (st, 8) - 2, MPFR_RNDN);
  if (gmp_urandomm_ui (st, 2)) mpfr_neg (y->hi, y->hi, MPFR_RNDN);
  if (mpfr_less_p (y->hi, y->lo)) mpfr_swap (y->lo, y->hi);
  switch (kind)
    {
    case 0: mpfr_set (y->hi, y->lo, MPFR_RNDN); break;
    case 1: break;
    case 2: mpfr_set_inf (y->lo, -1); break;
    case 3: mpfr_set_inf (y->hi, 1); break;
    case 4: mpfr_set_inf (y->lo, -1); mpfr_set_inf (y->hi, 1); break;
    default: mpfr_set_si (y->lo, (long) gmp_urandomm_ui (st, 11) - 5, MPFR_RNDN);
             mpfr_set (y->hi, y->lo, MPFR_RNDN); break;
    }
}

/* A finite sample point of [lo, hi] (PREF bits): which 0 lo, 1 hi, else
 * a random interior point; returns 0 if there is none of that kind. */
static int sample (mpfr_ptr a, ic_ival_srcptr x, int which, gmp_randstate_t st)
{
  mpfr_t u;
  if (which == 0) return mpfr_number_p (x->lo) ? (mpfr_set (a, x->lo, MPFR_RNDN), 1) : 0;
  if (which == 1) return mpfr_number_p (x->hi) ? (mpfr_set (a, x->hi, MPFR_RNDN), 1) : 0;
  if (!mpfr_number_p (x->lo) && !mpfr_number_p (x->hi)) return 0;
  mpfr_init2 (u, PREF);
  mpfr_urandomb (u, st);
  if (mpfr_number_p (x->lo) && mpfr_number_p (x->hi))
    {                                            /* lo + u (hi - lo) */
      mpfr_sub (a, x->hi, x->lo, MPFR_RNDN);
      mpfr_mul (a, a, u, MPFR_RNDN);
      mpfr_add (a, a, x->lo, MPFR_RNDN);
    }
  else if (mpfr_number_p (x->lo))                /* lo + |lo| 2^k u, k <= 20 */
    {
      mpfr_abs (a, x->lo, MPFR_RNDN);
      if (mpfr_zero_p (a)) mpfr_set_ui (a, 1, MPFR_RNDN);
      mpfr_mul_2si (a, a, (long) gmp_urandomm_ui (st, 21), MPFR_RNDN);
      mpfr_mul (a, a, u, MPFR_RNDN);
      mpfr_add (a, a, x->lo, MPFR_RNDN);
    }
  else                                           /* hi - |hi| 2^k u */
    {
      mpfr_abs (a, x->hi, MPFR_RNDN);
      if (mpfr_zero_p (a)) mpfr_set_ui (a, 1, MPFR_RNDN);
      mpfr_mul_2si (a, a, (long) gmp_urandomm_ui (st, 21), MPFR_RNDN);
      mpfr_mul (a, a, u, MPFR_RNDN);
      mpfr_sub (a, x->hi, a, MPFR_RNDN);
    }
  mpfr_clear (u);
  /* keep a inside [lo, hi] whatever the rounding did */
  if (mpfr_number_p (x->lo) && mpfr_less_p (a, x->lo)) mpfr_set (a, x->lo, MPFR_RNDN);
  if (mpfr_number_p (x->hi) && mpfr_greater_p (a, x->hi)) mpfr_set (a, x->hi, MPFR_RNDN);
  return 1;
}

static int same (ic_ival_srcptr a, ic_ival_srcptr b)
{
  return mpfr_equal_p (a->lo, b->lo) && mpfr_equal_p (a->hi, b->hi);
}

static void test_pow_contains (gmp_randstate_t st)
{
  ic_ival_t x, y, z, w;
  mpfr_t a, b, rd, ru;
  long n = 3000, pts = 0;
  int ok = 1, ok_nan = 1, ok_alias = 1;
  ic_ival_init2 (x, P); ic_ival_init2 (y, P); ic_ival_init2 (z, P); ic_ival_init2 (w, P);
  mpfr_inits2 (PREF, a, b, rd, ru, (mpfr_ptr) 0);
  for (long i = 0; i < n; i++)
    {
      int kx = (int) (i % 5), ky = (int) ((i / 5) % 6);
      random_x (x, st, kx);
      random_y (y, st, ky);
      int st_z = ic_ival_pow (z, x, y);
      if (st_z != IC_IVAL_OK || mpfr_nan_p (z->lo) || mpfr_nan_p (z->hi))
        {
          ok_nan = 0;
          mpfr_printf ("  pow([%Ra, %Ra], [%Ra, %Ra]) status %d = [%Ra, %Ra]\n",
                       x->lo, x->hi, y->lo, y->hi, st_z, z->lo, z->hi);
        }
      for (int ia = 0; ia < 4; ia++)
        for (int ib = 0; ib < 4; ib++)
          {
            if (!sample (a, x, ia, st) || !sample (b, y, ib, st)) continue;
            mpfr_pow (rd, a, b, MPFR_RNDD);
            mpfr_pow (ru, a, b, MPFR_RNDU);
            pts++;
            if (!(mpfr_lessequal_p (z->lo, rd) && mpfr_lessequal_p (ru, z->hi)))
              {
                if (ok)
                  mpfr_printf ("  pow([%Ra, %Ra], [%Ra, %Ra]) = [%Ra, %Ra] misses "
                               "%Ra^%Ra in [%Ra, %Ra]\n", x->lo, x->hi, y->lo, y->hi,
                               z->lo, z->hi, a, b, rd, ru);
                ok = 0;
              }
          }
      /* aliasing: z == x, z == y, z == x == y */
      ic_ival_set_fr2 (w, x->lo, x->hi);
      ic_ival_pow (w, w, y);
      ok_alias &= same (w, z);
      ic_ival_set_fr2 (w, y->lo, y->hi);
      ic_ival_pow (w, x, w);
      ok_alias &= same (w, z);
      ic_ival_pow (z, x, x);                     /* x^x: z == x == y */
      ic_ival_set_fr2 (w, x->lo, x->hi);
      ic_ival_pow (w, w, w);
      ok_alias &= same (w, z);
    }
  check (ok, "ic_ival_pow_contains_mpfr_pow", pts);
  check (ok_nan, "ic_ival_pow_ok_no_nan", n);
  check (ok_alias, "ic_ival_pow_alias_same", n);
  mpfr_clears (a, b, rd, ru, (mpfr_ptr) 0);
  ic_ival_clear (x); ic_ival_clear (y); ic_ival_clear (z); ic_ival_clear (w);
}

/* Known values: 2^10 = 1024 (exact point path), 4^0.5 = 2, e^1 through
 * the interval path ([2, 3]^[1, 1] contains e), x^0 = 1. */
static void test_pow_values (void)
{
  ic_ival_t x, y, z;
  mpfr_t e;
  int ok;
  ic_ival_init2 (x, P); ic_ival_init2 (y, P); ic_ival_init2 (z, P);
  mpfr_init2 (e, PREF);
  ic_ival_set_si (x, 2); ic_ival_set_si (y, 10);
  ok = ic_ival_pow (z, x, y) == IC_IVAL_OK && mpfr_cmp_ui (z->lo, 1024) == 0
       && mpfr_cmp_ui (z->hi, 1024) == 0;
  check (ok, "ic_ival_pow_2_10_exact", 1);
  ic_ival_set_si (x, 4); mpfr_set_d (y->lo, 0.5, MPFR_RNDN); mpfr_set_d (y->hi, 0.5, MPFR_RNDN);
  ok = ic_ival_pow (z, x, y) == IC_IVAL_OK && mpfr_cmp_ui (z->lo, 2) == 0
       && mpfr_cmp_ui (z->hi, 2) == 0;
  check (ok, "ic_ival_pow_4_half", 1);
  mpfr_set_ui (x->lo, 2, MPFR_RNDN); mpfr_set_ui (x->hi, 3, MPFR_RNDN);
  mpfr_set_ui (y->lo, 1, MPFR_RNDN); mpfr_set_ui (y->hi, 1, MPFR_RNDN);
  mpfr_set_ui (e, 1, MPFR_RNDN); mpfr_exp (e, e, MPFR_RNDN);
  ok = ic_ival_pow (z, x, y) == IC_IVAL_OK && mpfr_lessequal_p (z->lo, e)
       && mpfr_lessequal_p (e, z->hi) && mpfr_cmp_ui (z->lo, 2) <= 0
       && mpfr_cmp_ui (z->hi, 3) >= 0;
  check (ok, "ic_ival_pow_interval_contains_e", 1);
  mpfr_set_d (x->lo, 0.25, MPFR_RNDN); mpfr_set_ui (x->hi, 7, MPFR_RNDN);
  ic_ival_set_si (y, 0);
  ok = ic_ival_pow (z, x, y) == IC_IVAL_OK && mpfr_cmp_ui (z->lo, 1) <= 0
       && mpfr_cmp_ui (z->hi, 1) >= 0;
  check (ok, "ic_ival_pow_x_0_contains_1", 1);
  mpfr_clear (e);
  ic_ival_clear (x); ic_ival_clear (y); ic_ival_clear (z);
}

/* x.lo <= 0 (0, negative, -Inf): EDOM and the whole line. */
static void test_pow_edom (void)
{
  ic_ival_t x, y, z;
  int ok = 1;
  static const double lo[] = { 0.0, -1.0, -1e300 };
  ic_ival_init2 (x, P); ic_ival_init2 (y, P); ic_ival_init2 (z, P);
  ic_ival_set_si (y, 2);
  for (int k = 0; k < 4; k++)
    {
      if (k < 3) mpfr_set_d (x->lo, lo[k], MPFR_RNDN); else mpfr_set_inf (x->lo, -1);
      mpfr_set_ui (x->hi, 5, MPFR_RNDN);
      ok &= ic_ival_pow (z, x, y) == IC_IVAL_EDOM && mpfr_inf_p (z->lo)
            && mpfr_sgn (z->lo) < 0 && mpfr_inf_p (z->hi) && mpfr_sgn (z->hi) > 0;
    }
  check (ok, "ic_ival_pow_edom_full", 4);
  ic_ival_clear (x); ic_ival_clear (y); ic_ival_clear (z);
}

/* Unary kernels (set, abs, sqr, mul_si, mul_ui, div_ui, pow_si, sin, cos,
 * set_si): for random x of both
 * signs (random_y: points, intervals, infinite endpoints, small integers),
 * z = f(x) at 53 bits must contain f(a) for sample points a of x, f(a)
 * computed exactly at REF1024 bits (a has PREF bits: a^2 and a * c are
 * exact there); no NaN endpoint; z == x gives the same interval, bit for
 * bit, as a separate z.  pow_si with k in [-12, 12] (and LONG_MIN,
 * LONG_MAX), sin, cos: the reference is enclosed by its RNDD and RNDU
 * values at REF1024 bits; a pole (a = 0, k < 0) is not a sample.
 * set_si: [v, v] contains v. */
#define REF1024 1024
static void test_unary_contains (gmp_randstate_t st)
{
  static const char *names[] = { "ic_ival_set", "ic_ival_abs", "ic_ival_sqr", "ic_ival_mul_si",
                                 "ic_ival_mul_ui", "ic_ival_div_ui", "ic_ival_pow_si",
                                 "ic_ival_sin", "ic_ival_cos" };
  ic_ival_t x, z, w;
  mpfr_t a, r, r2;
  long n = 3000;
  ic_ival_init2 (x, P); ic_ival_init2 (z, P); ic_ival_init2 (w, P);
  mpfr_init2 (a, PREF); mpfr_init2 (r, REF1024); mpfr_init2 (r2, REF1024);
  for (int f = 0; f < 9; f++)
    {
      int ok = 1, ok_nan = 1, ok_alias = 1;
      long pts = 0;
      for (long i = 0; i < n; i++)
        {
          long c = (long) gmp_urandomm_ui (st, 2001) - 1000;
          if (i % 7 == 0) c = 0;
          if (i % 11 == 0) c = (i % 2) ? LONG_MAX : LONG_MIN;
          /* mul_ui: c >= 0 (0 and ULONG_MAX too); div_ui: d >= 1 */
          unsigned long u = gmp_urandomm_ui (st, 2001);
          if (i % 7 == 0) u = 0;
          if (i % 11 == 0) u = ULONG_MAX;
          unsigned long d = u ? u : 1;
          long ke = (long) gmp_urandomm_ui (st, 25) - 12;    /* pow_si */
          if (i % 17 == 0) ke = (i % 2) ? LONG_MAX : LONG_MIN;
          random_y (x, st, (int) (i % 6));
          if (i % 13 == 0)                       /* a wider range of magnitudes */
            {
              mpfr_mul_2si (x->lo, x->lo, (long) gmp_urandomm_ui (st, 201) - 100, MPFR_RNDN);
              mpfr_mul_2si (x->hi, x->hi, (long) gmp_urandomm_ui (st, 201) - 100, MPFR_RNDN);
              if (mpfr_less_p (x->hi, x->lo)) mpfr_swap (x->lo, x->hi);
            }
          switch (f)
            {
            case 0: ic_ival_set (z, x); break;
            case 1: ic_ival_abs (z, x); break;
            case 2: ic_ival_sqr (z, x); break;
            case 3: ic_ival_mul_si (z, x, c); break;
            case 4: ic_ival_mul_ui (z, x, u); break;
            case 5: ic_ival_div_ui (z, x, d); break;
            case 6: ic_ival_pow_si (z, x, ke); break;
            case 7: ic_ival_sin (z, x); break;
            default: ic_ival_cos (z, x); break;
            }
          if (mpfr_nan_p (z->lo) || mpfr_nan_p (z->hi)) ok_nan = 0;
          for (int k = 0; k < 5; k++)
            {
              if (!sample (a, x, k < 2 ? k : 2, st)) continue;
              switch (f)
                {
                case 0: mpfr_set (r, a, MPFR_RNDN); break;
                case 1: mpfr_abs (r, a, MPFR_RNDN); break;
                case 2: mpfr_sqr (r, a, MPFR_RNDN); break;
                case 3: mpfr_mul_si (r, a, c, MPFR_RNDN); break;
                case 4: mpfr_mul_ui (r, a, u, MPFR_RNDN); break;   /* exact */
                case 5: mpfr_div_ui (r, a, d, MPFR_RNDD); break;
                case 6: if (ke < 0 && mpfr_zero_p (a)) continue;  /* pole */
                        mpfr_pow_si (r, a, ke, MPFR_RNDD); break;
                case 7: mpfr_sin (r, a, MPFR_RNDD); break;
                default: mpfr_cos (r, a, MPFR_RNDD); break;
                }
              /* r2 >= f(a) >= r; both equal f(a) except for the quotient,
               * where z.lo <= a/d iff z.lo <= RNDD(a/d) (z.lo has fewer
               * bits) and likewise for z.hi */
              mpfr_set (r2, r, MPFR_RNDN);
              if (f == 5) mpfr_div_ui (r2, a, d, MPFR_RNDU);
              if (f == 6) mpfr_pow_si (r2, a, ke, MPFR_RNDU);
              if (f == 7) mpfr_sin (r2, a, MPFR_RNDU);
              if (f == 8) mpfr_cos (r2, a, MPFR_RNDU);
              pts++;
              if (!(mpfr_lessequal_p (z->lo, r) && mpfr_lessequal_p (r2, z->hi)))
                {
                  if (ok) mpfr_printf ("  %s: [%Re, %Re] c=%ld: a=%Re f(a)=%Re not in [%Re, %Re]\n",
                                       names[f], x->lo, x->hi, c, a, r, z->lo, z->hi);
                  ok = 0;
                }
            }
          ic_ival_set_prec (w, P);
          mpfr_set (w->lo, x->lo, MPFR_RNDN); mpfr_set (w->hi, x->hi, MPFR_RNDN);
          switch (f)
            {
            case 0: ic_ival_set (w, w); break;
            case 1: ic_ival_abs (w, w); break;
            case 2: ic_ival_sqr (w, w); break;
            case 3: ic_ival_mul_si (w, w, c); break;
            case 4: ic_ival_mul_ui (w, w, u); break;
            case 5: ic_ival_div_ui (w, w, d); break;
            case 6: ic_ival_pow_si (w, w, ke); break;
            case 7: ic_ival_sin (w, w); break;
            default: ic_ival_cos (w, w); break;
            }
          if (!same (w, z)) ok_alias = 0;
        }
      char nm[64];
      snprintf (nm, sizeof nm, "%s_contains", names[f]); check (ok && pts > n, nm, pts);
      snprintf (nm, sizeof nm, "%s_no_nan", names[f]); check (ok_nan, nm, n);
      snprintf (nm, sizeof nm, "%s_alias", names[f]); check (ok_alias, nm, n);
    }
  {
    static const long v[] = { 0, 1, -1, 12345, LONG_MAX, LONG_MIN, LONG_MAX - 1 };
    int ok = 1;
    for (int k = 0; k < 7; k++)
      {
        ic_ival_set_si (z, v[k]);
        mpfr_set_si (r, v[k], MPFR_RNDN);
        ok &= mpfr_lessequal_p (z->lo, r) && mpfr_lessequal_p (r, z->hi)
              && !mpfr_nan_p (z->lo) && !mpfr_nan_p (z->hi);
      }
    check (ok, "ic_ival_set_si_contains", 7);
  }
  {
    /* The point [+Inf, +Inf] stands for the limit x -> inf in src/cm.c and
     * the asymptotic layer: pow_si keeps MPFR's values there (x^k = +Inf,
     * x^-k = 0; (-Inf)^k by the parity of k), though the contract, about
     * reals, is vacuous. */
    int ok = 1;
    for (long k = -5; k <= 5; k++)
      for (int sg = -1; sg <= 1; sg += 2)
        {
          mpfr_set_inf (x->lo, sg); mpfr_set_inf (x->hi, sg);
          ic_ival_pow_si (z, x, k);
          mpfr_set_inf (r, sg);
          mpfr_pow_si (r, r, k, MPFR_RNDN);                      /* exact: 0, 1 or +-Inf */
          ok &= mpfr_equal_p (z->lo, r) && mpfr_equal_p (z->hi, r);
        }
    check (ok, "ic_ival_pow_si_at_infinity", 22);
  }
  mpfr_clear (a); mpfr_clear (r); mpfr_clear (r2);
  ic_ival_clear (x); ic_ival_clear (z); ic_ival_clear (w);
}

/* Big-integer scaling and the precision change (ic_ival_mul_z,
 * ic_ival_div_z, ic_ival_round_prec): for random x (random_y: points,
 * intervals, infinite endpoints) and random GMP integers c of 0..200 bits,
 * z = x c (c >= 0) and z = x / c (c >= 1) at 53 bits must contain a c,
 * a / c for sample points a of x (a c exact at 1024 bits; a / c bracketed
 * by its 1024-bit RNDD and RNDU values); a c that fits one word gives the
 * interval of ic_ival_mul_ui / ic_ival_div_ui bit for bit (both correctly
 * rounded); z == x gives the same interval.  round_prec: x at PREF bits
 * rounded to 53 bits contains x's sample points; rounded to 2 PREF bits it
 * keeps x's endpoints exactly; both set the precision asked. */
static void test_bigint_prec (gmp_randstate_t st)
{
  static const char *names[] = { "ic_ival_mul_z", "ic_ival_div_z" };
  ic_ival_t x, z, w, u;
  mpfr_t a, r, r2;
  mpz_t c;
  long n = 3000;
  ic_ival_init2 (x, P); ic_ival_init2 (z, P); ic_ival_init2 (w, P); ic_ival_init2 (u, P);
  mpfr_init2 (a, PREF); mpfr_init2 (r, REF1024); mpfr_init2 (r2, REF1024);
  mpz_init (c);
  for (int f = 0; f < 2; f++)
    {
      int ok = 1, ok_nan = 1, ok_alias = 1, ok_ui = 1;
      long pts = 0, nui = 0;
      for (long i = 0; i < n; i++)
        {
          mpz_urandomb (c, st, gmp_urandomm_ui (st, 201));
          if (f == 0 && i % 7 == 0) mpz_set_ui (c, 0);
          if (f == 1 && mpz_sgn (c) == 0) mpz_set_ui (c, 1);
          random_y (x, st, (int) (i % 6));
          if (f == 0) ic_ival_mul_z (z, x, c); else ic_ival_div_z (z, x, c);
          if (mpfr_nan_p (z->lo) || mpfr_nan_p (z->hi)) ok_nan = 0;
          for (int k = 0; k < 5; k++)
            {
              if (!sample (a, x, k < 2 ? k : 2, st)) continue;
              if (f == 0) { mpfr_mul_z (r, a, c, MPFR_RNDN); mpfr_set (r2, r, MPFR_RNDN); }  /* exact */
              else { mpfr_div_z (r, a, c, MPFR_RNDD); mpfr_div_z (r2, a, c, MPFR_RNDU); }
              pts++;
              if (!(mpfr_lessequal_p (z->lo, r) && mpfr_lessequal_p (r2, z->hi)))
                {
                  if (ok) mpfr_printf ("  %s: [%Re, %Re] c=%Zd: a=%Re: [%Re, %Re] not in [%Re, %Re]\n",
                                       names[f], x->lo, x->hi, c, a, r, r2, z->lo, z->hi);
                  ok = 0;
                }
            }
          if (mpz_fits_ulong_p (c))
            {
              nui++;
              if (f == 0) ic_ival_mul_ui (u, x, mpz_get_ui (c)); else ic_ival_div_ui (u, x, mpz_get_ui (c));
              if (!same (u, z)) ok_ui = 0;
            }
          ic_ival_set (w, x);
          if (f == 0) ic_ival_mul_z (w, w, c); else ic_ival_div_z (w, w, c);
          if (!same (w, z)) ok_alias = 0;
        }
      char nm[64];
      snprintf (nm, sizeof nm, "%s_contains", names[f]); check (ok && pts > n, nm, pts);
      snprintf (nm, sizeof nm, "%s_no_nan", names[f]); check (ok_nan, nm, n);
      snprintf (nm, sizeof nm, "%s_alias", names[f]); check (ok_alias, nm, n);
      snprintf (nm, sizeof nm, "%s_as_ui", names[f]); check (ok_ui && nui > 0, nm, nui);
    }
  {
    /* mul_2si: a 2^e exact at 1024 bits for |e| <= 200; with e near the
     * ends of the exponent range, the results are outward (0 or the
     * largest number / an infinity on the right side) */
    int ok = 1, ok_nan = 1, ok_alias = 1;
    long pts = 0;
    for (long i = 0; i < n; i++)
      {
        long e = (long) gmp_urandomm_ui (st, 401) - 200;
        if (i % 50 == 0) e = (i % 100) ? LONG_MAX / 4 : -(LONG_MAX / 4);
        random_y (x, st, (int) (i % 6));
        ic_ival_mul_2si (z, x, e);
        if (mpfr_nan_p (z->lo) || mpfr_nan_p (z->hi)) ok_nan = 0;
        for (int k = 0; k < 5; k++)
          {
            if (!sample (a, x, k < 2 ? k : 2, st)) continue;
            pts++;
            if (e > -1000 && e < 1000)
              {
                mpfr_mul_2si (r, a, e, MPFR_RNDN);                   /* exact */
                if (!(mpfr_lessequal_p (z->lo, r) && mpfr_lessequal_p (r, z->hi))) ok = 0;
              }
            else if (mpfr_sgn (a) != 0)
              {
                /* a 2^e beyond MPFR's range: below every positive number
                 * (e < 0) or above every number (e > 0) */
                int s = mpfr_sgn (a);
                if (e < 0 ? !(s > 0 ? mpfr_sgn (z->lo) <= 0 && mpfr_sgn (z->hi) > 0
                                    : mpfr_sgn (z->lo) < 0 && mpfr_sgn (z->hi) >= 0)
                          : !(s > 0 ? mpfr_inf_p (z->hi) && mpfr_sgn (z->hi) > 0
                                    : mpfr_inf_p (z->lo) && mpfr_sgn (z->lo) < 0))
                  ok = 0;
              }
            else if (!(mpfr_sgn (z->lo) <= 0 && mpfr_sgn (z->hi) >= 0)) ok = 0;
          }
        ic_ival_set (w, x);
        ic_ival_mul_2si (w, w, e);
        if (!same (w, z)) ok_alias = 0;
      }
    check (ok && pts > n, "ic_ival_mul_2si_contains", pts);
    check (ok_nan, "ic_ival_mul_2si_no_nan", n);
    check (ok_alias, "ic_ival_mul_2si_alias", n);
  }
  {
    int ok_down = 1, ok_up = 1, ok_prec = 1;
    long pts = 0;
    ic_ival_t y;
    ic_ival_init2 (y, PREF);
    for (long i = 0; i < n; i++)
      {
        ic_ival_set_prec (y, PREF);
        random_y (y, st, (int) (i % 6));
        if (i % 2)                      /* endpoints with all PREF bits */
          {
            mpfr_urandomb (a, st);
            if (mpfr_number_p (y->lo)) mpfr_sub (y->lo, y->lo, a, MPFR_RNDD);
            if (mpfr_number_p (y->hi)) mpfr_add (y->hi, y->hi, a, MPFR_RNDU);
          }
        ic_ival_set_prec (w, PREF);
        ic_ival_set (w, y);             /* w = y exactly (same precision) */
        ic_ival_round_prec (w, 2 * PREF);
        if (!same (w, y)) ok_up = 0;
        ic_ival_round_prec (w, P);
        if (ic_ival_get_prec (w) != P || mpfr_get_prec (w->hi) != P) ok_prec = 0;
        if (mpfr_nan_p (w->lo) || mpfr_nan_p (w->hi)) ok_down = 0;
        for (int k = 0; k < 5; k++)
          {
            if (!sample (a, y, k < 2 ? k : 2, st)) continue;
            pts++;
            if (!(mpfr_lessequal_p (w->lo, a) && mpfr_lessequal_p (a, w->hi))) ok_down = 0;
          }
      }
    ic_ival_clear (y);
    check (ok_down && pts > n, "ic_ival_round_prec_contains", pts);
    check (ok_up, "ic_ival_round_prec_exact_up", n);
    check (ok_prec, "ic_ival_round_prec_prec", n);
  }
  mpz_clear (c);
  mpfr_clear (a); mpfr_clear (r); mpfr_clear (r2);
  ic_ival_clear (x); ic_ival_clear (z); ic_ival_clear (w); ic_ival_clear (u);
}

/* rootinv: ic_ival_rootinv with y as the interval [y, y] (em.c's use). */
static ic_ival_struct RW[4];
static int rootinv (ic_ival_ptr z, mpfr_srcptr y, unsigned long n, unsigned long q)
{
  mpfr_prec_t p = ic_ival_get_prec (z);
  for (int i = 0; i < 4; i++) ic_ival_init2 (&RW[i], p);
  ic_ival_set_fr (&RW[0], y);
  int r = ic_ival_rootinv (z, &RW[0], &RW[1], &RW[2], &RW[3], n, q);
  for (int i = 0; i < 4; i++) ic_ival_clear (&RW[i]);
  return r;
}

/* ic_ival_rootinv: n^(-1/q) from an approximation y.  Containment of the
 * 4096-bit reference for y accurate to 53 bits (the kernel's own check
 * |e| <= 1/4 passes), width near the working precision when y is accurate
 * to it, and the refusals: y <= 0, NaN, infinite, or far off (|e| > 1/4)
 * give 0 and the whole line. */
static void test_rootinv (gmp_randstate_t st)
{
  mpfr_t r, y, w;
  mpfr_init2 (r, 4096);
  mpfr_init2 (y, 53);
  mpfr_init2 (w, 64);
  ic_ival_t z;
  ic_ival_init2 (z, 53);
  int ok_c = 1, ok_w = 1, ok_r = 1;
  long n = 2000;
  for (long i = 0; i < n; i++)
    {
      unsigned long nn = 1 + gmp_urandomm_ui (st, i % 2 ? 1000000000UL : 100), q = 1 + gmp_urandomm_ui (st, 5000);
      mpfr_prec_t p = 20 + (mpfr_prec_t) gmp_urandomm_ui (st, 2000);
      ic_ival_set_prec (z, p);
      mpfr_set_ui (r, nn, MPFR_RNDN);
      mpfr_rootn_ui (r, r, q, MPFR_RNDN);
      mpfr_ui_div (r, 1, r, MPFR_RNDN);                    /* n^(-1/q), 4096 bits */
      /* y to 53 bits, or to 2p + 64 bits (then the bracket is about 2^-p wide) */
      int fine = (int) (i % 3 == 0);
      mpfr_set_prec (y, fine ? 2 * p + 64 : 53);
      mpfr_set (y, r, MPFR_RNDN);
      if (!rootinv (z, y, nn, q)) { ok_c = 0; continue; }
      if (!(mpfr_number_p (z->lo) && mpfr_number_p (z->hi) && mpfr_lessequal_p (z->lo, r) && mpfr_lessequal_p (r, z->hi)))
        ok_c = 0;
      if (fine)
        {
          mpfr_sub (w, z->hi, z->lo, MPFR_RNDU);
          mpfr_div (w, w, r, MPFR_RNDU);
          if (mpfr_cmp_ui_2exp (w, 1, 8 - (long) p) > 0) ok_w = 0;
        }
    }
  check (ok_c, "ic_ival_rootinv_contains", n);
  check (ok_w, "ic_ival_rootinv_width", n / 3);
  /* refusals */
  ic_ival_set_prec (z, 100);
  mpfr_set_prec (y, 53);
  double bad[] = { 0.0, -0.5, 1.0 / 0.0, -1.0 / 0.0, 0.0 / 0.0, 2.0 };
  for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++)
    {
      mpfr_set_d (y, bad[k], MPFR_RNDN);
      /* 2 ~ 1000^(-1/3) * 20: e = 1000 * 8 - 1, far beyond 1/4 */
      if (rootinv (z, y, 1000, 3) != 0 || !mpfr_inf_p (z->lo) || !mpfr_inf_p (z->hi)
          || mpfr_sgn (z->lo) > 0 || mpfr_sgn (z->hi) < 0)
        ok_r = 0;
    }
  /* just inside and just outside |e| <= 1/4 for n = 16, q = 4 (n^(-1/4) = 1/2):
   * y = 0.53 gives e = 16 y^4 - 1 = 0.2624 (refused), y = 0.52: 0.1698 (kept) */
  mpfr_set_d (y, 0.53, MPFR_RNDN);
  if (rootinv (z, y, 16, 4) != 0) ok_r = 0;
  mpfr_set_d (y, 0.52, MPFR_RNDN);
  if (rootinv (z, y, 16, 4) != 1 || mpfr_cmp_d (z->lo, 0.5) > 0 || mpfr_cmp_d (z->hi, 0.5) < 0) ok_r = 0;
  check (ok_r, "ic_ival_rootinv_refusals", 8);
  ic_ival_clear (z);
  mpfr_clears (r, y, w, (mpfr_ptr) 0);
}

/* ic_ival_get_fr2 (certify.c's set_limit): the ends come out at x's
 * precision with their values unchanged (an infinite end stays infinite),
 * whatever precision lo and hi had before. */
static void test_get_fr2 (gmp_randstate_t st)
{
  mpfr_t lo, hi;
  mpfr_init2 (lo, 7);
  mpfr_init2 (hi, 300);
  ic_ival_t x;
  ic_ival_init2 (x, 64);
  int ok = 1;
  long n = 500;
  for (long i = 0; i < n; i++)
    {
      mpfr_prec_t p = 2 + (mpfr_prec_t) gmp_urandomm_ui (st, 3000);
      ic_ival_set_prec (x, p);
      mpfr_urandomb (x->lo, st);
      mpfr_urandomb (x->hi, st);
      mpfr_mul_2si (x->hi, x->hi, (long) gmp_urandomm_ui (st, 200) - 100, MPFR_RNDU);
      mpfr_sub (x->lo, x->hi, x->lo, MPFR_RNDD);          /* lo <= hi, either sign */
      if (i % 7 == 1) mpfr_set_inf (x->lo, -1);
      if (i % 11 == 2) mpfr_set_inf (x->hi, 1);
      ic_ival_get_fr2 (lo, hi, x);
      if (mpfr_get_prec (lo) != p || mpfr_get_prec (hi) != p
          || !mpfr_equal_p (lo, x->lo) || !mpfr_equal_p (hi, x->hi))
        ok = 0;
    }
  check (ok, "ic_ival_get_fr2_exact", n);
  ic_ival_clear (x);
  mpfr_clears (lo, hi, (mpfr_ptr) 0);
}

int main (int argc, char **argv)
{
  gmp_randstate_t st;
  seed = argc > 1 ? strtoul (argv[1], 0, 10) : (unsigned long) time (0);
  gmp_randinit_default (st);
  gmp_randseed_ui (st, seed);
  printf ("# seed %lu (replay: %s %lu)\n", seed, argv[0], seed);
  test_pow_values ();
  test_pow_edom ();
  test_pow_contains (st);
  test_unary_contains (st);
  test_bigint_prec (st);
  test_rootinv (st);
  test_get_fr2 (st);
  gmp_randclear (st);
  mpfr_free_cache ();
  return nfail != 0;
}
