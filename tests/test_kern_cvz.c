/* test_kern_cvz.c — the CVZ composition kernel (kern/cvz.h) and the axiom
 * Cvz_Error of specs/cvz.acsl.
 *
 *  - Exact inputs: the CVZ weights c_{m,k} and d_m = T_m(3) are integers
 *    (Cohen, Rodriguez Villegas, Zagier, Experiment. Math. 9 (2000), after
 *    Algorithm 1); W = sum_{k<m} c_{m,k} a_k and D are computed exactly in
 *    GMP rationals for a_k = 1/(k+1) (S = log 2), 1/(2k+1) (S = pi/4),
 *    2^-k (S = 2/3) and their negatives, m = 1..60.
 *  - Containment: the kernel's output contains S, computed independently
 *    with MPFR (log 2, pi) at higher precision.
 *  - The axiom on these samples: D >= 1 and |S - W/D| <= 2 |a_0| / D, and
 *    the paper's sharper |S - W/D| <= |S| / D, at 1024 bits.
 *  - Tightness: width <= 4.001 |a_0| / D (+ rounding).
 *  - Same results as the composition it replaced in src/certify.c
 *    (ic_ival_div of that time, ic_ival_mag_upper, ...), bit for bit, on
 *    random inputs.
 *  - Aliasing (out = s, d, a0) and refusals (d.lo <= 0, non-finite input).
 */
#include <stdio.h>
#include <stdlib.h>
#include "ival.h"
#include "cvz.h"

static int nfail, nok;
static void check (int c, const char *name)
{
  if (c) { nok++; printf ("ok %s\n", name); }
  else { printf ("FAIL %s\n", name); nfail++; }
}

/* Exact W and D of Algorithm 1 with m terms for the sequence a (which:
 * 0: 1/(k+1), 1: 1/(2k+1), 2: 2^-k), times sign. */
static void seq_term (mpq_t a, int which, long k, int sign)
{
  if (which == 0) mpq_set_ui (a, 1, (unsigned long) k + 1);
  else if (which == 1) mpq_set_ui (a, 1, 2 * (unsigned long) k + 1);
  else { mpz_set_ui (mpq_numref (a), 1); mpz_ui_pow_ui (mpq_denref (a), 2, (unsigned long) k); }
  mpq_canonicalize (a);
  if (sign < 0) mpq_neg (a, a);
}

static void cvz_exact (mpq_t W, mpq_t D, mpq_t A0, int which, long m, int sign)
{
  mpz_t t0, t1, t2;
  mpq_t b, c, a, q;
  mpz_inits (t0, t1, t2, NULL);
  mpq_inits (b, c, a, q, NULL);
  /* d_m = T_m(3): T_0 = 1, T_1 = 3, T_{k+1} = 6 T_k - T_{k-1} */
  mpz_set_ui (t0, 1); mpz_set_ui (t1, 3);
  for (long k = 1; k < m; k++)
    { mpz_mul_ui (t2, t1, 6); mpz_sub (t2, t2, t0); mpz_set (t0, t1); mpz_set (t1, t2); }
  mpq_set_z (D, m == 0 ? t0 : t1);
  mpq_set_si (b, -1, 1);
  mpq_neg (c, D);
  mpq_set_ui (W, 0, 1);
  for (long k = 0; k < m; k++)
    {
      seq_term (a, which, k, sign);
      if (k == 0) mpq_set (A0, a);
      mpq_sub (c, b, c);
      mpq_mul (q, c, a);
      mpq_add (W, W, q);
      /* b = 2 (k+m)(k-m) b / ((2k+1)(k+1)) */
      mpq_set_si (q, 2 * (k + m) * (k - m), (unsigned long) ((2 * k + 1) * (k + 1)));
      mpq_canonicalize (q);
      mpq_mul (b, b, q);
    }
  mpz_clears (t0, t1, t2, NULL);
  mpq_clears (b, c, a, q, NULL);
}

/* S, rounded down (dir < 0) or up, at precision of r. */
static void seq_sum (mpfr_t r, int which, int sign, int dir)
{
  mpfr_rnd_t rnd = (dir < 0) == (sign > 0) ? MPFR_RNDD : MPFR_RNDU;
  if (which == 0) { mpfr_const_log2 (r, rnd); }
  else if (which == 1) { mpfr_const_pi (r, rnd); mpfr_div_2ui (r, r, 2, rnd); }
  else { mpfr_set_ui (r, 2, rnd); mpfr_div_ui (r, r, 3, rnd); }
  if (sign < 0) mpfr_neg (r, r, MPFR_RNDN);
}

static void ival_set_q (ic_ival_ptr z, const mpq_t q)
{
  mpfr_set_q (z->lo, q, MPFR_RNDD);
  mpfr_set_q (z->hi, q, MPFR_RNDU);
}

static int is_full (ic_ival_srcptr x)
{
  return mpfr_inf_p (x->lo) && mpfr_sgn (x->lo) < 0 && mpfr_inf_p (x->hi) && mpfr_sgn (x->hi) > 0;
}

/* ic_ival_div as it was when ic_tail_cvz replaced the composition below
 * (verbatim up to the name): the four endpoint quotients, one rounding each.
 * The proved ic_ival_div now computes x * [1/y.hi, 1/y.lo] (up to 1 ulp
 * wider), so the bit-for-bit comparison keeps this copy. */
static int old_ival_div (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y)
{
  if (!(ic_ival_is_pos (y) || ic_ival_is_neg (y)))
    { ic_ival_set_full (z); return IC_IVAL_EDOM; }
  mpfr_prec_t p = mpfr_get_prec (z->lo);
  mpfr_t lo, hi, t;
  mpfr_inits2 (p, lo, hi, t, (mpfr_ptr) 0);
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
  if (mpfr_nan_p (z->lo)) mpfr_set_inf (z->lo, -1);   /* fix (z) */
  if (mpfr_nan_p (z->hi)) mpfr_set_inf (z->hi, +1);
  return IC_IVAL_OK;
}

/* The composition src/certify.c used before ic_tail_cvz (verbatim, with
 * the division of that time). */
static void old_compose (ic_ival_ptr out, ic_ival_srcptr s, ic_ival_srcptr d, ic_ival_srcptr a0,
                         mpfr_prec_t prec)
{
  old_ival_div (out, s, d);
  ic_ival_t err;
  ic_ival_init2 (err, prec);
  ic_ival_mag_upper (err->hi, a0);
  mpfr_mul_2ui (err->hi, err->hi, 1, MPFR_RNDU);
  mpfr_div (err->hi, err->hi, d->lo, MPFR_RNDU);
  mpfr_neg (err->lo, err->hi, MPFR_RNDD);
  ic_ival_add (out, out, err);
  ic_ival_clear (err);
}

static int same (ic_ival_srcptr x, ic_ival_srcptr y)
{
  return mpfr_equal_p (x->lo, y->lo) && mpfr_equal_p (x->hi, y->hi);
}

static void samples (void)
{
  const char *names[3] = { "1/(k+1)", "1/(2k+1)", "2^-k" };
  const mpfr_prec_t H = 1024;
  mpq_t W, D, A0;
  mpq_inits (W, D, A0, NULL);
  for (int which = 0; which < 3; which++)
    for (int sign = 1; sign >= -1; sign -= 2)
      for (long m = 1; m <= 60; m++)
        {
          char name[160];
          cvz_exact (W, D, A0, which, m, sign);
          /* the axiom at H bits: D >= 1, |S - W/D| <= 2 |A0| / D and <= |S| / D */
          mpfr_t Sl, Su, ql, qu, x, y, bnd, sh;
          mpfr_inits2 (H, Sl, Su, ql, qu, x, y, bnd, sh, (mpfr_ptr) 0);
          seq_sum (Sl, which, sign, -1);
          seq_sum (Su, which, sign, +1);
          mpfr_set_q (ql, W, MPFR_RNDD); mpfr_set_q (x, D, MPFR_RNDU); mpfr_div (ql, ql, x, MPFR_RNDD);
          mpfr_set_q (qu, W, MPFR_RNDU); mpfr_set_q (x, D, MPFR_RNDD); mpfr_div (qu, qu, x, MPFR_RNDU);
          /* ql <= W/D <= qu only if the rounding directions of D fit the
           * sign of W: use both quotients' hull instead. */
          mpfr_set_q (x, W, MPFR_RNDN); mpfr_set_q (y, D, MPFR_RNDN);
          mpfr_div (x, x, y, MPFR_RNDN);
          mpfr_min (ql, ql, x, MPFR_RNDD); mpfr_max (qu, qu, x, MPFR_RNDU);
          mpfr_nextbelow (ql); mpfr_nextabove (qu);   /* slack for the RNDN quotient */
          mpfr_sub (x, Su, ql, MPFR_RNDU);
          mpfr_sub (y, qu, Sl, MPFR_RNDU);
          mpfr_max (x, x, y, MPFR_RNDU);               /* x >= |S - W/D| */
          mpfr_set_q (y, A0, MPFR_RNDZ); mpfr_abs (y, y, MPFR_RNDN);
          mpfr_mul_2ui (y, y, 1, MPFR_RNDD);
          mpfr_set_q (bnd, D, MPFR_RNDU);
          mpfr_div (bnd, y, bnd, MPFR_RNDD);           /* bnd <= 2 |A0| / D */
          snprintf (name, sizeof name, "axiom Cvz_Error: a_k = %s%s, m = %ld: D >= 1, |S - W/D| <= 2|a0|/D",
                    sign < 0 ? "-" : "", names[which], m);
          check (mpq_cmp_ui (D, 1, 1) >= 0 && mpfr_lessequal_p (x, bnd), name);
          /* the paper's bound |S - W/D| <= |S| / D (informative: the axiom
           * relies only on the weaker one) */
          mpfr_abs (sh, sign > 0 ? Sl : Su, MPFR_RNDN);
          mpfr_set_q (y, D, MPFR_RNDU);
          mpfr_div (sh, sh, y, MPFR_RNDD);
          /* equality holds for a_k = 2^-k (mu = point mass at 1/2) and m
           * even, since |T_m(0)| = 1: allow the rounding slack of x */
          mpfr_set_ui_2exp (y, 1, -1000, MPFR_RNDN);
          mpfr_add (sh, sh, y, MPFR_RNDU);
          snprintf (name, sizeof name, "paper bound: a_k = %s%s, m = %ld: |S - W/D| <= |S|/D + 2^-1000",
                    sign < 0 ? "-" : "", names[which], m);
          check (mpfr_lessequal_p (x, sh), name);

          /* the kernel at several precisions: containment and tightness */
          for (mpfr_prec_t P = 53; P <= 320; P += 89)
            {
              ic_ival_t s, d, a0, out, ref;
              ic_ival_init2 (s, P); ic_ival_init2 (d, P); ic_ival_init2 (a0, P);
              ic_ival_init2 (out, P); ic_ival_init2 (ref, P);
              ival_set_q (s, W); ival_set_q (d, D); ival_set_q (a0, A0);
              int st = ic_tail_cvz (out, s, d, a0);
              snprintf (name, sizeof name, "ic_tail_cvz: a_k = %s%s, m = %ld, prec %ld: OK and contains S",
                        sign < 0 ? "-" : "", names[which], m, (long) P);
              check (st == IC_IVAL_OK && mpfr_lessequal_p (out->lo, Sl) && mpfr_lessequal_p (Su, out->hi), name);
              /* width <= 4.001 |a0| / D + 2 ulp-scale rounding of W/D */
              mpfr_sub (x, out->hi, out->lo, MPFR_RNDU);
              mpfr_set_q (y, A0, MPFR_RNDA); mpfr_abs (y, y, MPFR_RNDN);
              mpfr_mul_d (y, y, 4.001, MPFR_RNDU);
              mpfr_set_q (bnd, D, MPFR_RNDD);
              mpfr_div (y, y, bnd, MPFR_RNDU);
              mpfr_abs (bnd, qu, MPFR_RNDU);
              mpfr_mul_2si (bnd, bnd, 4 - (long) P, MPFR_RNDU);
              mpfr_add (y, y, bnd, MPFR_RNDU);
              snprintf (name, sizeof name, "ic_tail_cvz: a_k = %s%s, m = %ld, prec %ld: width <= 4.001 |a0|/D",
                        sign < 0 ? "-" : "", names[which], m, (long) P);
              check (mpfr_lessequal_p (x, y), name);
              old_compose (ref, s, d, a0, P);
              snprintf (name, sizeof name, "ic_tail_cvz: a_k = %s%s, m = %ld, prec %ld: same as the old composition",
                        sign < 0 ? "-" : "", names[which], m, (long) P);
              check (same (out, ref), name);
              ic_ival_clear (s); ic_ival_clear (d); ic_ival_clear (a0);
              ic_ival_clear (out); ic_ival_clear (ref);
            }
          mpfr_clears (Sl, Su, ql, qu, x, y, bnd, sh, (mpfr_ptr) 0);
        }
  mpq_clears (W, D, A0, NULL);
}

/* Random endpoints (any signs, a0 straddling 0, tiny/huge d): the kernel
 * returns exactly what the old composition returned. */
static void random_identity (unsigned seed)
{
  gmp_randstate_t rs;
  gmp_randinit_default (rs);
  gmp_randseed_ui (rs, seed);
  for (int i = 0; i < 3000; i++)
    {
      mpfr_prec_t P = 20 + (mpfr_prec_t) gmp_urandomm_ui (rs, 200);
      ic_ival_t s, d, a0, out, ref;
      ic_ival_init2 (s, P); ic_ival_init2 (d, P); ic_ival_init2 (a0, P);
      ic_ival_init2 (out, P); ic_ival_init2 (ref, P);
      mpfr_t u, v;
      mpfr_inits2 (P, u, v, (mpfr_ptr) 0);
      ic_ival_ptr xs[3] = { s, d, a0 };
      for (int j = 0; j < 3; j++)
        {
          mpfr_urandomb (u, rs); mpfr_urandomb (v, rs);
          mpfr_sub_d (u, u, j == 1 ? 0.0 : 0.5, MPFR_RNDN);
          mpfr_sub_d (v, v, j == 1 ? 0.0 : 0.5, MPFR_RNDN);
          long e = (long) gmp_urandomm_ui (rs, 121) - 60;
          mpfr_mul_2si (u, u, e, MPFR_RNDN); mpfr_mul_2si (v, v, e, MPFR_RNDN);
          if (j == 1) { mpfr_nextabove (u); mpfr_nextabove (v); }  /* d > 0 */
          if (mpfr_greater_p (u, v)) mpfr_swap (u, v);
          mpfr_set (xs[j]->lo, u, MPFR_RNDD);
          mpfr_set (xs[j]->hi, v, MPFR_RNDU);
        }
      int st = ic_tail_cvz (out, s, d, a0);
      old_compose (ref, s, d, a0, P);
      if (!(st == IC_IVAL_OK && same (out, ref)))
        {
          printf ("FAIL random identity (seed %u, case %d, prec %ld):\n  s = ", seed, i, (long) P);
          mpfr_out_str (stdout, 16, 0, s->lo, MPFR_RNDN); printf (" "); mpfr_out_str (stdout, 16, 0, s->hi, MPFR_RNDN);
          printf ("\n  d = "); mpfr_out_str (stdout, 16, 0, d->lo, MPFR_RNDN); printf (" "); mpfr_out_str (stdout, 16, 0, d->hi, MPFR_RNDN);
          printf ("\n  a0 = "); mpfr_out_str (stdout, 16, 0, a0->lo, MPFR_RNDN); printf (" "); mpfr_out_str (stdout, 16, 0, a0->hi, MPFR_RNDN);
          printf ("\n");
          nfail++;
        }
      else nok++;
      mpfr_clears (u, v, (mpfr_ptr) 0);
      ic_ival_clear (s); ic_ival_clear (d); ic_ival_clear (a0);
      ic_ival_clear (out); ic_ival_clear (ref);
    }
  gmp_randclear (rs);
}

static void aliasing_and_refusals (void)
{
  mpq_t W, D, A0;
  mpq_inits (W, D, A0, NULL);
  cvz_exact (W, D, A0, 0, 12, 1);
  ic_ival_t s, d, a0, out, x;
  ic_ival_init2 (s, 128); ic_ival_init2 (d, 128); ic_ival_init2 (a0, 128);
  ic_ival_init2 (out, 128); ic_ival_init2 (x, 128);
  ival_set_q (s, W); ival_set_q (d, D); ival_set_q (a0, A0);
  check (ic_tail_cvz (out, s, d, a0) == IC_IVAL_OK, "reference call");
  ic_ival_set (x, s);
  check (ic_tail_cvz (x, x, d, a0) == IC_IVAL_OK && same (x, out), "alias out = s");
  ic_ival_set (x, d);
  check (ic_tail_cvz (x, s, x, a0) == IC_IVAL_OK && same (x, out), "alias out = d");
  ic_ival_set (x, a0);
  check (ic_tail_cvz (x, s, d, x) == IC_IVAL_OK && same (x, out), "alias out = a0");

  /* d.lo <= 0 */
  mpfr_set_zero (d->lo, 1);
  check (ic_tail_cvz (out, s, d, a0) == IC_IVAL_EDOM && is_full (out), "refuses d.lo = 0");
  mpfr_set_si (d->lo, -1, MPFR_RNDD);
  check (ic_tail_cvz (out, s, d, a0) == IC_IVAL_EDOM && is_full (out), "refuses d.lo < 0");
  mpfr_set_si (d->hi, -1, MPFR_RNDU); mpfr_set_si (d->lo, -2, MPFR_RNDD);
  check (ic_tail_cvz (out, s, d, a0) == IC_IVAL_EDOM && is_full (out), "refuses d < 0");
  ival_set_q (d, D);
  /* non-finite inputs */
  mpfr_set_inf (d->hi, 1);
  check (ic_tail_cvz (out, s, d, a0) == IC_IVAL_EDOM && is_full (out), "refuses d.hi = +Inf");
  ival_set_q (d, D);
  mpfr_set_inf (s->lo, -1);
  check (ic_tail_cvz (out, s, d, a0) == IC_IVAL_EDOM && is_full (out), "refuses s.lo = -Inf");
  ival_set_q (s, W);
  mpfr_set_inf (s->hi, 1);
  check (ic_tail_cvz (out, s, d, a0) == IC_IVAL_EDOM && is_full (out), "refuses s.hi = +Inf");
  ival_set_q (s, W);
  mpfr_set_inf (a0->hi, 1);
  check (ic_tail_cvz (out, s, d, a0) == IC_IVAL_EDOM && is_full (out), "refuses a0.hi = +Inf");
  mpfr_set_inf (a0->lo, -1);
  check (ic_tail_cvz (out, s, d, a0) == IC_IVAL_EDOM && is_full (out), "refuses a0 = whole line");
  ival_set_q (a0, A0);
  check (ic_tail_cvz (out, s, d, a0) == IC_IVAL_OK, "accepts again after restoring");
  ic_ival_clear (s); ic_ival_clear (d); ic_ival_clear (a0); ic_ival_clear (out); ic_ival_clear (x);
  mpq_clears (W, D, A0, NULL);
}

int main (int argc, char **argv)
{
  unsigned seed = argc > 1 ? (unsigned) strtoul (argv[1], NULL, 10) : 20240611u;
  printf ("test_kern_cvz: seed %u\n", seed);
  samples ();
  random_identity (seed);
  aliasing_and_refusals ();
  printf ("test_kern_cvz: %d passed, %d failed\n", nok, nfail);
  return nfail != 0;
}
