/* test_kern_div.c — runtime checks of the verified kernel ic_ival_div
 * (src/kern/ival.c): containment of a / b for points a of x, b of y
 * (endpoints and interior points), for y > 0 and y < 0, infinite
 * endpoints, and the aliased calls z == x, z == y; EDOM (and the whole
 * line) when y contains 0 or touches it; width at most a few ulps above
 * the four endpoint quotients.
 * The reference is a / b rounded outward at 1024 bits (far above the 53 /
 * 113 bits of the intervals): z.lo <= a / b iff z.lo <= RNDD_1024 (a / b),
 * since z.lo is representable at 1024 bits.  Never the function under test.
 * Random; the seed is printed, argv[1] replays it. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "ival.h"

#define REF_PREC 1024

static int nfail;
static unsigned long seed;
static gmp_randstate_t st;

static void check (int cond, const char *name, long cases)
{
  if (cond) printf ("ok %s (%ld cases, seed %lu)\n", name, cases, seed);
  else { printf ("FAIL %s (seed %lu)\n", name, seed); nfail++; }
}

/* A finite value of random sign and exponent in [-emax, emax]. */
static void random_fr (mpfr_ptr x, long emax)
{
  mpfr_urandomb (x, st);
  mpfr_mul_2si (x, x, (long) gmp_urandomm_ui (st, 2 * emax + 1) - emax, MPFR_RNDN);
  if (gmp_urandomm_ui (st, 2)) mpfr_neg (x, x, MPFR_RNDN);
}

/* A random interval [lo, hi] (lo <= hi); with probability 1/inf_odds an
 * endpoint is infinite; with one_sign > 0 (< 0) both endpoints are > 0
 * (< 0), the infinite one only on the outer side; one_sign == 0: any. */
static void random_ival (ic_ival_ptr x, int one_sign, long emax, unsigned inf_odds)
{
  do
    {
      random_fr (x->lo, emax);
      random_fr (x->hi, emax);
      if (one_sign > 0) { mpfr_abs (x->lo, x->lo, MPFR_RNDN); mpfr_abs (x->hi, x->hi, MPFR_RNDN); }
      if (one_sign < 0)
        { mpfr_abs (x->lo, x->lo, MPFR_RNDN); mpfr_neg (x->lo, x->lo, MPFR_RNDN);
          mpfr_abs (x->hi, x->hi, MPFR_RNDN); mpfr_neg (x->hi, x->hi, MPFR_RNDN); }
    }
  while (one_sign != 0 && (mpfr_zero_p (x->lo) || mpfr_zero_p (x->hi)));
  if (mpfr_greater_p (x->lo, x->hi)) mpfr_swap (x->lo, x->hi);
  if (gmp_urandomm_ui (st, 5) == 0) mpfr_set (x->hi, x->lo, MPFR_RNDN);  /* a point */
  if (inf_odds && gmp_urandomm_ui (st, inf_odds) == 0 && one_sign <= 0)
    mpfr_set_inf (x->lo, -1);
  if (inf_odds && gmp_urandomm_ui (st, inf_odds) == 0 && one_sign >= 0)
    mpfr_set_inf (x->hi, +1);
}

/* A point of the interval x (finite): an endpoint or a random interior
 * point at REF_PREC. */
static void random_point (mpfr_ptr a, ic_ival_srcptr x)
{
  unsigned k = gmp_urandomm_ui (st, 3);
  if (k == 0 && mpfr_number_p (x->lo)) { mpfr_set (a, x->lo, MPFR_RNDN); return; }
  if (k == 1 && mpfr_number_p (x->hi)) { mpfr_set (a, x->hi, MPFR_RNDN); return; }
  if (mpfr_number_p (x->lo) && mpfr_number_p (x->hi))
    {                                  /* lo + u (hi - lo), clamped */
      mpfr_t u;
      mpfr_init2 (u, REF_PREC);
      mpfr_urandomb (u, st);
      mpfr_sub (a, x->hi, x->lo, MPFR_RNDN);
      mpfr_mul (a, a, u, MPFR_RNDN);
      mpfr_add (a, a, x->lo, MPFR_RNDN);
      mpfr_clear (u);
    }
  else if (mpfr_number_p (x->lo))      /* [lo, +Inf): lo + 2^k |lo| */
    {
      mpfr_abs (a, x->lo, MPFR_RNDN);
      mpfr_mul_2si (a, a, (long) gmp_urandomm_ui (st, 200), MPFR_RNDN);
      mpfr_add_ui (a, a, 1, MPFR_RNDN);
      mpfr_add (a, a, x->lo, MPFR_RNDN);
    }
  else if (mpfr_number_p (x->hi))
    {
      mpfr_abs (a, x->hi, MPFR_RNDN);
      mpfr_mul_2si (a, a, (long) gmp_urandomm_ui (st, 200), MPFR_RNDN);
      mpfr_add_ui (a, a, 1, MPFR_RNDN);
      mpfr_sub (a, x->hi, a, MPFR_RNDN);
    }
  else random_fr (a, 300);
  if (mpfr_less_p (a, x->lo)) mpfr_set (a, x->lo, MPFR_RNDN);
  if (mpfr_greater_p (a, x->hi)) mpfr_set (a, x->hi, MPFR_RNDN);
}

/* z contains a / b: z.lo <= RNDD (a / b) and z.hi >= RNDU (a / b) at
 * REF_PREC. */
static int contains_quot (ic_ival_srcptr z, mpfr_srcptr a, mpfr_srcptr b)
{
  mpfr_t qd, qu;
  int ok;
  mpfr_inits2 (REF_PREC, qd, qu, (mpfr_ptr) 0);
  mpfr_div (qd, a, b, MPFR_RNDD);
  mpfr_div (qu, a, b, MPFR_RNDU);
  ok = !mpfr_nan_p (z->lo) && !mpfr_nan_p (z->hi)
       && mpfr_lessequal_p (z->lo, qd) && mpfr_greaterequal_p (z->hi, qu);
  if (!ok)
    mpfr_printf ("# z = [%.20Rg, %.20Rg], a = %.30Rg, b = %.30Rg, a/b = %.30Rg\n",
                 z->lo, z->hi, a, b, qd);
  mpfr_clears (qd, qu, (mpfr_ptr) 0);
  return ok;
}

/* Containment on random x, y (y > 0 or y < 0), three call forms: z fresh,
 * z == x, z == y. */
static void test_containment (mpfr_prec_t prec, long emax, unsigned inf_odds,
                              const char *name, long n)
{
  ic_ival_t x, y, z, xa, ya;
  mpfr_t a, b;
  int ok = 1;
  long i, j;
  ic_ival_init2 (x, prec); ic_ival_init2 (y, prec); ic_ival_init2 (z, prec);
  ic_ival_init2 (xa, prec); ic_ival_init2 (ya, prec);
  mpfr_inits2 (REF_PREC, a, b, (mpfr_ptr) 0);
  for (i = 0; i < n && ok; i++)
    {
      int sgn = gmp_urandomm_ui (st, 2) ? 1 : -1;
      random_ival (x, 0, emax, inf_odds);
      random_ival (y, sgn, emax, inf_odds);
      ok = ok && ic_ival_div (z, x, y) == IC_IVAL_OK;
      ic_ival_set (xa, x); ic_ival_set (ya, y);
      ok = ok && ic_ival_div (xa, xa, y) == IC_IVAL_OK;   /* z == x */
      ok = ok && ic_ival_div (ya, x, ya) == IC_IVAL_OK;   /* z == y */
      for (j = 0; j < 8 && ok; j++)
        {
          random_point (a, x);
          random_point (b, y);
          ok = contains_quot (z, a, b) && contains_quot (xa, a, b)
               && contains_quot (ya, a, b);
        }
      /* the aliased calls give the same interval */
      ok = ok && mpfr_equal_p (z->lo, xa->lo) && mpfr_equal_p (z->hi, xa->hi)
           && mpfr_equal_p (z->lo, ya->lo) && mpfr_equal_p (z->hi, ya->hi);
    }
  check (ok, name, i);
  ic_ival_clear (x); ic_ival_clear (y); ic_ival_clear (z);
  ic_ival_clear (xa); ic_ival_clear (ya);
  mpfr_clears (a, b, (mpfr_ptr) 0);
}

/* Tightness, finite operands: z.lo >= m - 4 ulp, z.hi <= M + 4 ulp, where
 * m, M are the smallest / largest of the four endpoint quotients (the old
 * four-corner method) at REF_PREC; "4 ulp" as 2^(2 - prec) |m|. */
static void test_tight (mpfr_prec_t prec, long n)
{
  ic_ival_t x, y, z;
  mpfr_t m, M, q, e;
  int ok = 1;
  long i;
  ic_ival_init2 (x, prec); ic_ival_init2 (y, prec); ic_ival_init2 (z, prec);
  mpfr_inits2 (REF_PREC, m, M, q, e, (mpfr_ptr) 0);
  for (i = 0; i < n && ok; i++)
    {
      random_ival (x, 0, 60, 0);
      random_ival (y, gmp_urandomm_ui (st, 2) ? 1 : -1, 60, 0);
      ok = ic_ival_div (z, x, y) == IC_IVAL_OK;
      mpfr_div (m, x->lo, y->lo, MPFR_RNDN); mpfr_set (M, m, MPFR_RNDN);
      mpfr_div (q, x->lo, y->hi, MPFR_RNDN); mpfr_min (m, m, q, MPFR_RNDN); mpfr_max (M, M, q, MPFR_RNDN);
      mpfr_div (q, x->hi, y->lo, MPFR_RNDN); mpfr_min (m, m, q, MPFR_RNDN); mpfr_max (M, M, q, MPFR_RNDN);
      mpfr_div (q, x->hi, y->hi, MPFR_RNDN); mpfr_min (m, m, q, MPFR_RNDN); mpfr_max (M, M, q, MPFR_RNDN);
      mpfr_abs (e, m, MPFR_RNDN); mpfr_mul_2si (e, e, 2 - prec, MPFR_RNDN);
      mpfr_sub (q, m, e, MPFR_RNDN);
      ok = ok && mpfr_greaterequal_p (z->lo, q) && mpfr_lessequal_p (z->lo, m);
      mpfr_abs (e, M, MPFR_RNDN); mpfr_mul_2si (e, e, 2 - prec, MPFR_RNDN);
      mpfr_add (q, M, e, MPFR_RNDN);
      ok = ok && mpfr_lessequal_p (z->hi, q) && mpfr_greaterequal_p (z->hi, M);
      if (!ok)
        mpfr_printf ("# x = [%.20Rg, %.20Rg], y = [%.20Rg, %.20Rg], z = [%.20Rg, %.20Rg]\n",
                     x->lo, x->hi, y->lo, y->hi, z->lo, z->hi);
    }
  check (ok, prec == 53 ? "div_tight_prec53" : "div_tight_prec113", i);
  ic_ival_clear (x); ic_ival_clear (y); ic_ival_clear (z);
  mpfr_clears (m, M, q, e, (mpfr_ptr) 0);
}

/* Fixed cases: special values, EDOM. */
static void test_special (void)
{
  ic_ival_t x, y, z;
  int ok;
  ic_ival_init2 (x, 53); ic_ival_init2 (y, 53); ic_ival_init2 (z, 53);

  /* [1, 2] / [2, +Inf] = [0, 1] */
  mpfr_set_si (x->lo, 1, MPFR_RNDN); mpfr_set_si (x->hi, 2, MPFR_RNDN);
  mpfr_set_si (y->lo, 2, MPFR_RNDN); mpfr_set_inf (y->hi, 1);
  ok = ic_ival_div (z, x, y) == IC_IVAL_OK && mpfr_zero_p (z->lo)
       && mpfr_cmp_si (z->hi, 1) == 0;
  check (ok, "div_inf_divisor", 1);

  /* [-Inf, 3] / [-Inf, -1] = [-3, +Inf] */
  mpfr_set_inf (x->lo, -1); mpfr_set_si (x->hi, 3, MPFR_RNDN);
  mpfr_set_inf (y->lo, -1); mpfr_set_si (y->hi, -1, MPFR_RNDN);
  ok = ic_ival_div (z, x, y) == IC_IVAL_OK && mpfr_cmp_si (z->lo, -3) == 0
       && mpfr_inf_p (z->hi) && mpfr_sgn (z->hi) > 0;
  check (ok, "div_inf_both", 1);

  /* [-Inf, +Inf] / [1, 2]: the whole line, no NaN */
  mpfr_set_inf (x->lo, -1); mpfr_set_inf (x->hi, 1);
  mpfr_set_si (y->lo, 1, MPFR_RNDN); mpfr_set_si (y->hi, 2, MPFR_RNDN);
  ok = ic_ival_div (z, x, y) == IC_IVAL_OK && mpfr_inf_p (z->lo) && mpfr_sgn (z->lo) < 0
       && mpfr_inf_p (z->hi) && mpfr_sgn (z->hi) > 0;
  check (ok, "div_full_numerator", 1);

  /* [6, 6] / [3, 3] contains 2 (a point up to 1 ulp) */
  mpfr_set_si (x->lo, 6, MPFR_RNDN); mpfr_set_si (x->hi, 6, MPFR_RNDN);
  mpfr_set_si (y->lo, 3, MPFR_RNDN); mpfr_set_si (y->hi, 3, MPFR_RNDN);
  ok = ic_ival_div (z, x, y) == IC_IVAL_OK && mpfr_cmp_si (z->lo, 2) <= 0
       && mpfr_cmp_si (z->hi, 2) >= 0;
  check (ok, "div_point", 1);

  /* EDOM: 0 in y, y touching 0 on either side, y = [0, 0] */
  {
    static const double ys[4][2] = { { -1, 1 }, { 0, 1 }, { -1, 0 }, { 0, 0 } };
    int k;
    ok = 1;
    for (k = 0; k < 4; k++)
      {
        mpfr_set_si (x->lo, 1, MPFR_RNDN); mpfr_set_si (x->hi, 2, MPFR_RNDN);
        mpfr_set_d (y->lo, ys[k][0], MPFR_RNDN); mpfr_set_d (y->hi, ys[k][1], MPFR_RNDN);
        ok = ok && ic_ival_div (z, x, y) == IC_IVAL_EDOM
             && mpfr_inf_p (z->lo) && mpfr_sgn (z->lo) < 0
             && mpfr_inf_p (z->hi) && mpfr_sgn (z->hi) > 0;
        ok = ok && ic_ival_div (y, x, y) == IC_IVAL_EDOM     /* z == y */
             && mpfr_inf_p (y->lo) && mpfr_inf_p (y->hi);
      }
    check (ok, "div_edom_full", 8);
  }
  ic_ival_clear (x); ic_ival_clear (y); ic_ival_clear (z);
}

int main (int argc, char **argv)
{
  seed = argc > 1 ? strtoul (argv[1], 0, 10) : (unsigned long) time (0);
  gmp_randinit_default (st);
  gmp_randseed_ui (st, seed);
  printf ("# seed %lu (replay: %s %lu)\n", seed, argv[0], seed);

  test_special ();
  test_containment (53, 60, 0, "div_contains_finite_prec53", 3000);
  test_containment (113, 60, 0, "div_contains_finite_prec113", 1000);
  test_containment (53, 60, 4, "div_contains_inf_endpoints", 3000);
  test_containment (53, 1000000, 6, "div_contains_wide_exponents", 2000);
  test_tight (53, 3000);
  test_tight (113, 1000);

  gmp_randclear (st);
  printf ("%s\n", nfail ? "FAILED" : "all passed");
  return nfail != 0;
}
