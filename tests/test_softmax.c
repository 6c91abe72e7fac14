/* test_softmax.c — exact softmax bound and the IEEE emulation, against
 * independent references: closed forms, and the machine's own binary32
 * conversion (C's double -> float cast rounds to nearest even with
 * subnormals). */
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include "softmax.h"

static int fails = 0;
#define CHECK(name, cond, ...) do { if (cond) printf ("ok %s\n", name); \
  else { fails++; printf ("FAIL %s: ", name); printf (__VA_ARGS__); printf ("\n"); } } while (0)

int main (void)
{
  /* exact bound: D = 0 gives 1/V exactly */
  ic_ival_t d, b; ic_ival_init2 (d, 128); ic_ival_init2 (b, 128);
  ic_ival_set_ui (d, 0);
  ic_softmax_max_bound (b, 7, d);
  mpfr_t r; mpfr_init2 (r, 256);
  mpfr_set_ui (r, 1, MPFR_RNDN); mpfr_div_ui (r, r, 7, MPFR_RNDN);
  CHECK ("softmax_bound_D0_contains_1_over_V", ic_ival_contains_fr (b, r), "1/7 not enclosed");
  /* V = 2, D = 1: 1/(1+e^-1) = e/(1+e), reference at 256 bits */
  ic_ival_set_ui (d, 1);
  ic_softmax_max_bound (b, 2, d);
  mpfr_t e; mpfr_init2 (e, 256);
  mpfr_set_ui (e, 1, MPFR_RNDN); mpfr_exp (e, e, MPFR_RNDN);
  mpfr_add_ui (r, e, 1, MPFR_RNDN); mpfr_div (r, e, r, MPFR_RNDN);
  CHECK ("softmax_bound_V2_D1_contains_e_over_1pe", ic_ival_contains_fr (b, r), "e/(1+e) not enclosed");

  /* binary32 rounding agrees with the hardware cast (seeded random doubles) */
  unsigned seed = 12345;
  srand (seed);
  const ic_fp_format *f32 = ic_fp_format_by_name ("binary32");
  mpfr_t x, y; mpfr_init2 (x, 53); mpfr_init2 (y, 24);
  int agree = 1; double bad = 0;
  for (int i = 0; i < 20000; i++)
    {
      double v = ldexp ((double) rand () / RAND_MAX + 0.5, (rand () % 320) - 170);
      if (rand () & 1) v = -v;
      mpfr_set_d (x, v, MPFR_RNDN);
      ic_fp_round (y, x, f32);
      float hw = (float) v;
      if (mpfr_get_d (y, MPFR_RNDN) != (double) hw) { agree = 0; bad = v; break; }
    }
  CHECK ("binary32_rounding_matches_hardware", agree, "seed %u, value %.17g", seed, bad);

  /* V = 2 thresholds: the top probability is exactly 1 iff fl(exp(-g))
   * rounds to at most 2^-p (the tie 1 + 2^-p goes to 1), i.e. iff
   * exp(-g) <= 2^-p (1 + 2^-p), i.e. g >= p log 2 - log(1 + 2^-p); g* is
   * the smallest format number at or above that value.  The largest
   * computed probability below 1 is then 1 - 2^(1-p). */
  const char *names[] = { "binary16", "bfloat16", "binary32", "binary64" };
  for (int i = 0; i < 4; i++)
    {
      const ic_fp_format *f = ic_fp_format_by_name (names[i]);
      long p = (long) f->prec;
      mpfr_t ref, t, g, pb, refr;
      mpfr_inits2 (300, ref, t, (mpfr_ptr) 0);
      mpfr_inits2 (f->prec, g, pb, refr, (mpfr_ptr) 0);
      mpfr_const_log2 (ref, MPFR_RNDN); mpfr_mul_si (ref, ref, p, MPFR_RNDN);
      mpfr_set_ui_2exp (t, 1, -p, MPFR_RNDN); mpfr_log1p (t, t, MPFR_RNDN);
      mpfr_sub (ref, ref, t, MPFR_RNDN);
      mpfr_set (refr, ref, MPFR_RNDU);            /* smallest format number >= ref */
      int rc = ic_fpsoftmax_threshold (g, pb, f, 2, IC_SM_TOP_LAST);
      char name[80];
      snprintf (name, sizeof name, "threshold_%s_V2_closed_form", names[i]);
      CHECK (name, rc == 0 && mpfr_equal_p (g, refr), "rc %d got %.20g want %.20g", rc, mpfr_get_d (g, MPFR_RNDN), mpfr_get_d (refr, MPFR_RNDN));
      mpfr_set_ui_2exp (t, 1, 1 - p, MPFR_RNDN); mpfr_ui_sub (t, 1, t, MPFR_RNDN);
      snprintf (name, sizeof name, "largest_below_one_%s_V2", names[i]);
      CHECK (name, mpfr_equal_p (pb, t), "got %.20g", mpfr_get_d (pb, MPFR_RNDN));
      /* both orders agree for V = 2 */
      mpfr_t g2; mpfr_init2 (g2, f->prec);
      ic_fpsoftmax_threshold (g2, pb, f, 2, IC_SM_TOP_FIRST);
      snprintf (name, sizeof name, "threshold_%s_V2_orders_agree", names[i]);
      CHECK (name, mpfr_equal_p (g, g2), "top-first differs");
      mpfr_clears (ref, t, g, pb, refr, g2, (mpfr_ptr) 0);
    }
  /* binary64 top-first with V = 1000 equals V = 2: once 1 + e rounds to 1
   * every later addition of e does too (independent of V). */
  {
    const ic_fp_format *f = ic_fp_format_by_name ("binary64");
    mpfr_t g1, g2, pb; mpfr_inits2 (53, g1, g2, pb, (mpfr_ptr) 0);
    ic_fpsoftmax_threshold (g1, pb, f, 2, IC_SM_TOP_FIRST);
    ic_fpsoftmax_threshold (g2, pb, f, 1000, IC_SM_TOP_FIRST);
    CHECK ("threshold_top_first_independent_of_V", mpfr_equal_p (g1, g2), "differ");
    mpfr_clears (g1, g2, pb, (mpfr_ptr) 0);
  }
  mpfr_clears (r, e, x, y, (mpfr_ptr) 0);
  ic_ival_clear (d); ic_ival_clear (b);
  return fails ? 1 : 0;
}
