/* test_em_kern.c — the Euler–Maclaurin bound kernels (kern/em_kern.h):
 * hull(0, 2t) remainder, refusal without the hypothesis, and the
 * log-series truncation bound against the true tail computed with
 * mpfr_zeta (independent): sum_{k>K} zeta(pk, M)/k for p = 2, M = 3. */
#include <stdio.h>
#include "ival.h"
#include "em_kern.h"

static int nfail;
static void check (int c, const char *name) { if (c) printf ("ok %s\n", name); else { printf ("FAIL %s\n", name); nfail++; } }

int main (void)
{
  ic_ival_t t, r, q, p;
  ic_ival_init2 (t, 128); ic_ival_init2 (r, 128); ic_ival_init2 (q, 128); ic_ival_init2 (p, 128);
  mpfr_set_d (t->lo, 0.25, MPFR_RNDD); mpfr_set_d (t->hi, 0.5, MPFR_RNDU);
  check (ic_em_remainder (r, t, 1) == IC_IVAL_OK && mpfr_zero_p (r->lo) && mpfr_cmp_d (r->hi, 1.0) == 0,
         "em_remainder positive omitted term -> [0, 2t.hi]");
  mpfr_set_d (t->lo, -0.5, MPFR_RNDD); mpfr_set_d (t->hi, -0.25, MPFR_RNDU);
  check (ic_em_remainder (r, t, 1) == IC_IVAL_OK && mpfr_cmp_d (r->lo, -1.0) == 0 && mpfr_zero_p (r->hi),
         "em_remainder negative omitted term -> [2t.lo, 0]");
  check (ic_em_remainder (r, t, 0) == IC_IVAL_EDOM && !ic_ival_is_finite (r),
         "em_remainder refuses without the sign hypothesis");
  /* log series: c = 1, p = 2, M = 3, q = 1/9 */
  for (unsigned long K = 0; K <= 6; K++)
    {
      mpfr_t tail, z, s;
      mpfr_inits2 (200, tail, z, s, (mpfr_ptr) 0);
      mpfr_set_ui (tail, 0, MPFR_RNDN);
      for (unsigned long k = K + 1; k < K + 200; k++)
        {
          /* zeta(2k, 3) = zeta(2k) - 1 - 2^-2k */
          mpfr_zeta_ui (z, 2 * k, MPFR_RNDN);
          mpfr_sub_ui (z, z, 1, MPFR_RNDN);
          mpfr_set_ui (s, 1, MPFR_RNDN);
          mpfr_div_2ui (s, s, 2 * k, MPFR_RNDN);
          mpfr_sub (z, z, s, MPFR_RNDN);
          mpfr_div_ui (z, z, k, MPFR_RNDN);
          mpfr_add (tail, tail, z, MPFR_RNDN);
        }
      ic_ival_set_ui (q, 1);
      mpfr_div_ui (q->lo, q->lo, 9, MPFR_RNDD);
      mpfr_div_ui (q->hi, q->hi, 9, MPFR_RNDU);
      ic_ival_set_ui (p, 2);
      int st = ic_em_logseries_tail (r, q, p, 3, K);
      char name[96];
      snprintf (name, sizeof name, "em_logseries_tail K=%lu bounds the true tail (mpfr_zeta)", K);
      check (st == IC_IVAL_OK && mpfr_lessequal_p (tail, r->hi) && mpfr_cmp_d (r->hi, 1e3) < 0, name);
      mpfr_clears (tail, z, s, (mpfr_ptr) 0);
    }
  mpfr_set_d (q->hi, 1.0, MPFR_RNDU);
  check (ic_em_logseries_tail (r, q, p, 3, 2) == IC_IVAL_EDOM, "em_logseries_tail refuses q >= 1");
  ic_ival_clear (t); ic_ival_clear (r); ic_ival_clear (q); ic_ival_clear (p);
  return nfail != 0;
}
