/* claims/softmax.c — "softmax(V = V, D = D) max <= X" (or "<= 1/(1 + (V-1)
 * exp(-D))"): no softmax of V logits within width D gives a probability
 * above X.
 *
 * Decides from the exact maximum: p_i = 1 / (1 + sum_{j != i} e^(z_j - z_i))
 * with each z_j - z_i >= -D gives p_i <= 1 / (1 + (V-1) e^-D), attained by
 * one logit at the top and V-1 at the bottom.  The maximum is enclosed with
 * outward rounding (src/softmax.c) and compared with X; a refutation prints the
 * attaining logits.  (The floating-point softmax is fpsoftmax.c.) */

#include "claims_int.h"

void icc_check_softmax (ic_check_entry *ce)
{
  ic_check *c = ce->c;
  ic_check_result *r = &ce->r;
  ic_ival_t D, B, e;
  ic_ival_init2 (D, PREC); ic_ival_init2 (B, PREC); ic_ival_init2 (e, PREC);
  ic_ival_set_q (D, c->D);
  ic_softmax_max_bound (B, c->V, D);
  ic_ival_t one; ic_ival_init2 (one, PREC); ic_ival_set_ui (one, 1);
  ic_ival_sub (e, one, B);
  char *bs = icc_ival_str (B, 15), *es = icc_ival_str (e, 10), *Ds = icc_q_str (c->D);
  KV (r, "V", "%lu", c->V);
  KV (r, "D", "%s", Ds);
  KV (r, "max probability 1/(1 + (V-1) e^-D)", "%s", bs);
  KV (r, "eps = 1 - max", "%s", es);
  const char *arg = "For logits z with max - min <= D, p_i = 1 / (1 + sum_{j != i} e^(z_j - z_i)) and each z_j - z_i >= -D, so p_i <= 1 / (1 + (V-1) e^-D); equality holds for one logit at the top and V-1 at the bottom, so this is the maximum.";
  if (c->formula)
    {
      r->status = IC_ST_PROVED;
      icc_set_how (r, "%s The value is enclosed with outward rounding.", arg);
    }
  else
    {
      mpfr_t x; mpfr_init2 (x, PREC);
      char *xs = icc_q_str (c->X);
      mpfr_set_q (x, c->X, MPFR_RNDD);          /* x <= X */
      if (mpfr_lessequal_p (B->hi, x))
        { r->status = IC_ST_PROVED; icc_set_how (r, "%s Its enclosure lies below %s.", arg, xs); }
      else
        {
          mpfr_set_q (x, c->X, MPFR_RNDU);      /* x >= X */
          if (mpfr_greater_p (B->lo, x))
            {
              r->status = IC_ST_REFUTED;
              r->witness = icc_fmt ("logits (%s, 0, ..., 0) (one at D, %lu at 0): the top probability is %s > %s", Ds, c->V - 1, bs, xs);
              r->witness_how = icc_fmt ("The top probability of this vector is exactly 1/(1 + (V-1) e^-D), enclosed in %s.", bs);
              icc_set_how (r, "%s", arg);
            }
          else icc_set_how (r, "The enclosure of the maximum contains %s.", xs);
        }
      free (xs);
      mpfr_clear (x);
    }
  /* plot: eps versus D */
  ic_plot *pl = icc_add_plot (r);
  ic_plot_init (pl, "Softmax: smallest possible 1 - max probability", "logit width D", "log10 eps", 0);
  char *sname = icc_fmt ("V = %lu", c->V);
  ic_plot_series *s = ic_plot_add (pl, sname, IC_PLOT_BAND, 41);      /* copies the name */
  s->certified = 1;                         /* exact D (below); icc_log10_ends outward */
  free (sname);
  /* D from 0 to Dmax = 2 D + 1 in exact rationals (mpq_set_d of an
   * infinite double, D = 1e400, raised SIGFPE in GMP); Dmax is capped at
   * 2^1000 so that the plot's doubles stay finite (presentation only) */
  mpq_t Dmax; mpq_init (Dmax);
  mpq_set_ui (Dmax, 1, 1);
  mpq_mul_2exp (Dmax, Dmax, 1000);
  if (mpq_cmp_ui (c->D, 1, 1) < 0 || mpz_sizeinbase (mpq_numref (c->D), 2) < 990 + mpz_sizeinbase (mpq_denref (c->D), 2))
    {
      mpq_mul_2exp (Dmax, c->D, 1);
      mpq_t one_q; mpq_init (one_q); mpq_set_ui (one_q, 1, 1);
      mpq_add (Dmax, Dmax, one_q);
      mpq_clear (one_q);
    }
  for (int i = 0; i <= 40; i++)
    {
      mpq_t dq; mpq_init (dq);
      mpq_set_ui (dq, (unsigned long) i, 40);
      mpq_mul (dq, dq, Dmax);                   /* Dmax i / 40 (heuristic spacing) */
      s->x[i] = mpq_get_d (dq);
      mpq_set_d (dq, s->x[i]);                  /* dq = x exactly: the enclosure is at x */
      ic_ival_set_q (D, dq);
      ic_softmax_max_bound (B, c->V, D);
      ic_ival_sub (e, one, B);
      icc_log10_ends (&s->ylo[i], &s->yhi[i], e);
      mpq_clear (dq);
    }
  mpq_clear (Dmax);
  free (bs); free (es); free (Ds);
  ic_ival_clear (D); ic_ival_clear (B); ic_ival_clear (e); ic_ival_clear (one);
}
