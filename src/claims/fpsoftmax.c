/* claims/fpsoftmax.c — "fpsoftmax(FORMAT, V ...)": what a softmax computed
 * in a floating-point format (binary16, bfloat16, binary32, binary64) returns
 * for one top logit and V-1 others at a gap g below it: "< 1", "threshold
 * = G", "if < 1 then <= 1 - E" and "> 0".
 *
 * Decides by exact emulation of the format (src/softmax.c: correctly rounded
 * exp, sum and division, in the stated summation order).  Those operations
 * are monotone, so the computed top probability is non-decreasing in the
 * gap: the threshold g* (smallest format number giving exactly 1) is found
 * by bisection over format numbers and checked at g* and its predecessor,
 * and the largest value below 1 is the one just below g*.  "> 0" is refuted
 * by the gap from which fl(exp(-g)) underflows to 0. */

#include "claims_int.h"

/* The format's facts shared by the fpsoftmax checks. */
static void fp_facts (ic_check_result *r, const ic_check *c)
{
  const ic_fp_format *f = c->fmt;
  KV (r, "format", "%s (precision %ld bits, exponents %ld..%ld in MPFR convention, subnormals)", f->name, (long) f->prec, (long) f->emin, (long) f->emax);
  KV (r, "evaluation order", "max-subtracted; exp; sequential sum %s; division", c->order == IC_SM_TOP_LAST ? "of the V-1 small terms, then the top term" : "starting from the top term");
}

/* The gap of a "gap = G" check as a number of the format (g has the
 * format's precision); 0 when G is not one. */
static int fp_gap (mpfr_ptr g, const ic_check *c)
{
  mpfr_t gq; mpfr_init2 (gq, 256);
  mpfr_set_q (gq, c->gap, MPFR_RNDN);
  ic_fp_round (g, gq, c->fmt);
  mpq_t back; mpq_init (back); mpfr_get_q (back, g);
  int exact_gap = mpq_equal (back, c->gap);
  mpq_clear (back); mpfr_clear (gq);
  return exact_gap;
}

/* Texts of a threshold g*, of the largest computed top probability pb
 * below 1, and of its eps 1 - pb (to free with mpfr_free_str). */
static void fp_threshold_texts (char **gs, char **ps, char **es, mpfr_srcptr g, mpfr_srcptr pb, const ic_fp_format *f)
{
  mpfr_asprintf (gs, "%.17Rg", g);
  mpfr_asprintf (ps, "%.17Rg", pb);
  mpfr_t e; mpfr_init2 (e, f->prec + 64);
  mpfr_ui_sub (e, 1, pb, MPFR_RNDN);         /* exact: 1 - pb needs few bits */
  mpfr_asprintf (es, "%.6Rg", e);
  mpfr_clear (e);
}

/* The computed top probability pt at the check's gap G for V tokens, put
 * in the numbers (with note after it when it is exactly 1); returns its
 * text (to free with mpfr_free_str), or NULL when G is not a number of
 * the format (the check is then undecided, with that reason). */
static char *fp_top_at_gap (ic_check_result *r, mpfr_ptr pt, const ic_check *c, unsigned long V, const char *note)
{
  const ic_fp_format *f = c->fmt;
  mpfr_t g, s; mpfr_inits2 (f->prec, g, s, (mpfr_ptr) 0);
  char *ps = NULL;
  if (!fp_gap (g, c)) icc_set_how (r, "The gap is not a number of the format.");
  else
    {
      ic_fpsoftmax_top (pt, s, f, V, g, c->order);
      mpfr_asprintf (&ps, "%.20Rg", pt);
      char *key = icc_fmt ("V = %lu: computed top probability at the gap", V);
      KV (r, key, "%s%s", ps, mpfr_cmp_ui (pt, 1) == 0 ? note : "");
      free (key);
    }
  mpfr_clears (g, s, (mpfr_ptr) 0);
  return ps;
}

/* "fpsoftmax(F, V ...) if < 1 then <= 1 - E": the thread's condition.  Over
 * all gaps of the configuration the computed top probability is
 * non-decreasing (monotone correctly rounded operations), so the largest
 * value below 1 is the one at the format number just below the threshold
 * g*; it is compared exactly with 1 - E.  With "gap = G" only that gap. */
static void check_fpsoftmax_cond (ic_check_entry *ce)
{
  ic_check *c = ce->c;
  ic_check_result *r = &ce->r;
  const ic_fp_format *f = c->fmt;
  fp_facts (r, c);
  mpq_t b; mpq_init (b);
  mpq_set_ui (b, 1, 1); mpq_sub (b, b, c->X);             /* b = 1 - E exactly */
  char *Es = icc_q_str (c->X);
  KV (r, "claimed eps E", "%s", Es);
  KV (r, "any computed probability below 1", "is a number of the format, so at most 1 - 2^-%ld (eps >= 2^-%ld for every logit vector)", (long) f->prec, (long) f->prec);
  mpfr_t g, pb, s; mpfr_inits2 (f->prec, g, pb, s, (mpfr_ptr) 0);
  int undecided = 0, wV = -1;
  char *wit = NULL;
  for (int i = 0; i < c->nV && wV < 0; i++)
    {
      unsigned long V = c->Vs[i];
      char *key;
      if (c->has_gap)
        {
          char *ps = fp_top_at_gap (r, pb, c, V, " (exactly 1: the condition does not hold, nothing to check)");
          if (!ps) { undecided = 1; break; }
          if (mpfr_cmp_ui (pb, 1) < 0 && mpfr_cmp_q (pb, b) > 0)
            { wV = (int) V; wit = icc_fmt ("V = %lu, gap %s: the computed top probability %s is below 1 but above 1 - E", V, ps, ps); }
          mpfr_free_str (ps);
          continue;
        }
      if (ic_fpsoftmax_threshold (g, pb, f, V, c->order) != 0) { undecided = 1; continue; }
      char *gs, *ps, *es;
      fp_threshold_texts (&gs, &ps, &es, g, pb, f);
      key = icc_fmt ("V = %lu: largest computed top probability < 1 (at the gap just below g* = %s) / its eps", V, gs);
      KV (r, key, "%s / %s", ps, es);
      free (key);
      if (mpfr_cmp_q (pb, b) > 0)
        {
          wV = (int) V;
          mpfr_t gb; mpfr_init2 (gb, f->prec); mpfr_set (gb, g, MPFR_RNDN); mpfr_nextbelow (gb);
          char *gbs = NULL; mpfr_asprintf (&gbs, "%.17Rg", gb);
          wit = icc_fmt ("V = %lu, gap %s (the format number below g* = %s): the computed top probability %s is below 1 but above 1 - E", V, gbs, gs, ps);
          mpfr_free_str (gbs); mpfr_clear (gb);
        }
      mpfr_free_str (gs); mpfr_free_str (ps); mpfr_free_str (es);
    }
  if (wV >= 0)
    {
      r->status = IC_ST_REFUTED;
      r->witness = wit; wit = NULL;
      r->witness_how = icc_xstrdup ("Exact emulation with MPFR (precision, exponent range, subnormals, round to nearest even after every operation), compared exactly with 1 - E.");
      icc_set_how (r, "Some computed top probability is below 1 and above 1 - E = 1 - %s.", Es);
    }
  else if (undecided) { if (!r->how) icc_set_how (r, "No threshold was found for some V, so the largest computed value below 1 is not known."); }
  else
    {
      r->status = IC_ST_PROVED;
      if (c->has_gap)
        icc_set_how (r, "Exact emulation of the format at the given gap: where the computed top probability is below 1 it is at most 1 - E.");
      else
        icc_set_how (r, "Correctly rounded exp, addition and division are monotone, so the computed top probability is non-decreasing in the gap: below the threshold g* (where it becomes exactly 1) its largest value is the one at the format number just below g*, which is at most 1 - E = 1 - %s (exact comparison) for every V. So, when the computed probability is below 1, it is at most 1 - E.", Es);
    }
  free (wit); free (Es);
  mpq_clear (b);
  mpfr_clears (g, pb, s, (mpfr_ptr) 0);
}

/* "fpsoftmax(F, V ...) > 0": the V-1 other tokens' computed probability is
 * never 0.  Refuted by the gap g0 from which fl(exp(-g)) underflows to 0
 * (then each of them is fl(0 / s) = 0, at g0 and every larger gap). */
static void check_fpsoftmax_zero (ic_check_entry *ce)
{
  ic_check *c = ce->c;
  ic_check_result *r = &ce->r;
  const ic_fp_format *f = c->fmt;
  fp_facts (r, c);
  mpfr_t g, pb; mpfr_inits2 (f->prec, g, pb, (mpfr_ptr) 0);
  int undecided = 0, any0 = 0;
  char *wit = NULL;
  for (int i = 0; i < c->nV; i++)
    {
      unsigned long V = c->Vs[i];
      char *key;
      if (c->has_gap)
        {
          if (!fp_gap (g, c)) { undecided = 1; icc_set_how (r, "The gap is not a number of the format."); break; }
          ic_fpsoftmax_small (pb, f, V, g, c->order);
          char *ps = NULL; mpfr_asprintf (&ps, "%.17Rg", pb);
          key = icc_fmt ("V = %lu: computed probability of each other token at the gap", V);
          KV (r, key, "%s%s", ps, mpfr_zero_p (pb) ? " (exactly 0)" : "");
          free (key);
          if (mpfr_zero_p (pb) && !any0)
            { any0 = 1; char *gs = icc_q_str (c->gap); wit = icc_fmt ("V = %lu, gap %s: the computed probability of the other token(s) (%lu of them) is exactly 0", V, gs, V - 1); free (gs); }
          mpfr_free_str (ps);
          continue;
        }
      if (ic_fpsoftmax_zero_threshold (g, pb, f, V, c->order) != 0) { undecided = 1; continue; }
      char *gs = NULL, *ps = NULL;
      mpfr_asprintf (&gs, "%.17Rg", g);
      mpfr_asprintf (&ps, "%.6Rg", pb);
      key = icc_fmt ("V = %lu: gap g0 from which the other tokens get exactly 0 / their probability just below g0", V);
      KV (r, key, "%s / %s", gs, ps);
      free (key);
      if (!any0)
        {
          any0 = 1;
          wit = icc_fmt ("V = %lu: logits (0, -g, ..., -g) with g = %s: fl(exp(-g)) = 0, so the other token(s) (%lu of them) get computed probability exactly 0", V, gs, V - 1);
        }
      mpfr_free_str (gs); mpfr_free_str (ps);
    }
  if (any0)
    {
      r->status = IC_ST_REFUTED;
      r->witness = wit; wit = NULL;
      r->witness_how = icc_xstrdup ("Exact emulation with MPFR: precision, exponent range and subnormals of the format, round to nearest even after every operation.");
      icc_set_how (r, "%s", c->has_gap ? "Exact emulation of the format at the given gap."
               : "g0 is the smallest format number at which the correctly rounded exp(-g) underflows to 0 (bisection over format numbers, checked at g0 and at its predecessor); exp is monotone, so it stays 0 for every larger gap, and 0 / s = 0 (the emulation gives exactly 0 at g0). Smaller gaps are not claimed to give a non-zero probability.");
    }
  else if (undecided) { if (!r->how) icc_set_how (r, "No gap giving 0 was found for some V."); }
  else
    {
      r->status = IC_ST_PROVED;
      icc_set_how (r, "Exact emulation of the format at the given gap: every computed probability is > 0.");
    }
  free (wit);
  mpfr_clears (g, pb, (mpfr_ptr) 0);
}

/* Plot of the story of "< 1": per V, log10 (1 - p) against the gap g,
 * p the computed top probability (an exact format number, so 1 - p is
 * exact at 128 bits and its log10 is rounded outward: certified), at gaps
 * that are format numbers (exact as doubles: every format here fits in
 * binary64), ending with the format number below g* and g* itself, where
 * 1 - p = 0 (log10 = -inf, not drawn); g* is drawn as a vertical line in
 * the series' colour.  The gap grid is a heuristic choice. */
#define FP_PLOT_GAPS 24
static int cmp_double (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static void fp_top_plot (ic_check_result *r, const ic_check *c, mpfr_t *gst, const unsigned long *gV, int ng)
{
  const ic_fp_format *f = c->fmt;
  ic_plot *pl = icc_add_plot (r);
  char *title = icc_fmt ("%s softmax: 1 - computed top probability against the logit gap", f->name);
  ic_plot_init (pl, title, "logit gap g (top logit 0, the other V - 1 at -g)", "log10 (1 - computed top probability)", 0);
  free (title);
  double gmax = 0;
  for (int i = 0; i < ng; i++) gmax = fmax (gmax, mpfr_get_d (gst[i], MPFR_RNDU));
  mpfr_t g, gb, pt, sum, gq; mpfr_inits2 (f->prec, g, gb, pt, sum, (mpfr_ptr) 0);
  mpfr_init2 (gq, 64);
  ic_ival_t one, d; ic_ival_init2 (one, PREC); ic_ival_init2 (d, PREC);
  ic_ival_set_ui (one, 1);
  ic_plot_series *sv[IC_PLOT_MAX_SERIES / 2];
  for (int i = 0; i < ng; i++)
    {
      char *name = icc_fmt ("V = %lu", gV[i]);
      sv[i] = ic_plot_add (pl, name, IC_PLOT_BAND, FP_PLOT_GAPS + 4);
      free (name);
      sv[i]->certified = 1;                 /* exact gaps; outward log10 of exact 1 - p */
      sv[i]->color = i + 1;
      /* the gaps: a grid over [0, 1.08 max g*] (format numbers), the
       * format number below g*, and g*; all exact as doubles */
      double gx[FP_PLOT_GAPS + 4]; int n = 0;
      for (int j = 1; j <= FP_PLOT_GAPS + 2; j++)
        {
          mpfr_set_d (gq, gmax * j / FP_PLOT_GAPS, MPFR_RNDN);
          ic_fp_round (g, gq, f);
          gx[n++] = mpfr_get_d (g, MPFR_RNDN);
        }
      mpfr_set (gb, gst[i], MPFR_RNDN); mpfr_nextbelow (gb);
      gx[n++] = mpfr_get_d (gb, MPFR_RNDN);
      gx[n++] = mpfr_get_d (gst[i], MPFR_RNDN);
      qsort (gx, (size_t) n, sizeof *gx, cmp_double);
      int k = 0;
      for (int j = 0; j < n; j++)
        {
          if (k && gx[j] == sv[i]->x[k - 1]) continue;
          mpfr_set_d (g, gx[j], MPFR_RNDN);             /* exact */
          if (ic_fpsoftmax_top (pt, sum, f, gV[i], g, c->order) != 0) continue;
          ic_ival_set_fr (d, pt);
          ic_ival_sub (d, one, d);                       /* 1 - p, exact at 128 bits */
          sv[i]->x[k] = gx[j];
          icc_log10_ends (&sv[i]->ylo[k], &sv[i]->yhi[k], d);
          k++;
        }
      sv[i]->n = k;
    }
  for (int i = 0; i < ng; i++)
    {
      char *gs = NULL; mpfr_asprintf (&gs, "%.8Rg", gst[i]);
      char *name = icc_fmt ("g* = %s (V = %lu): computed p = 1 from here", gs, gV[i]);
      ic_plot_series *v = ic_plot_add (pl, name, IC_PLOT_VLINE, 1);
      v->x[0] = mpfr_get_d (gst[i], MPFR_RNDN);       /* exact: a format number */
      v->certified = 1;
      v->color = i + 1;
      free (name); mpfr_free_str (gs);
    }
  char *note = icc_fmt ("Exact emulation of %s (round to nearest even after every operation): the computed top probability p is a number of the format, so 1 - p is exact and each band is its log10 rounded outward. "
                        "In exact arithmetic 1 - p = (V-1) e^-g / (1 + (V-1) e^-g) > 0 for every gap; the computed value falls to exactly 0 at the certified threshold g* (dashed) and stays 0 beyond (monotone rounding), where the curve stops.", f->name);
  ic_plot_set_note (pl, note);
  free (note);
  ic_ival_clear (one); ic_ival_clear (d);
  mpfr_clears (g, gb, pt, sum, gq, (mpfr_ptr) 0);
}

void icc_check_fpsoftmax (ic_check_entry *ce)
{
  ic_check *c = ce->c;
  ic_check_result *r = &ce->r;
  const ic_fp_format *f = c->fmt;
  if (c->fp_form == FP_COND) { check_fpsoftmax_cond (ce); return; }
  if (c->fp_form == FP_GT0) { check_fpsoftmax_zero (ce); return; }
  fp_facts (r, c);
  mpfr_t g, pb, pt, s; mpfr_inits2 (f->prec, g, pb, pt, s, (mpfr_ptr) 0);
  int all_lt1 = 1, any_one = 0, undecided = 0, thr_ok = 1;
  ic_buf wit; ic_buf_init (&wit);
  /* the thresholds found, for the plot (g* has the format's precision) */
  mpfr_t *gst = icc_xmalloc (sizeof *gst * (size_t) (c->nV ? c->nV : 1));
  unsigned long *gV = icc_xmalloc (sizeof *gV * (size_t) (c->nV ? c->nV : 1));
  int ngst = 0;
  for (int i = 0; i < c->nV; i++)
    {
      unsigned long V = c->Vs[i];
      char *key;
      if (c->has_gap)
        {
          char *ps = fp_top_at_gap (r, pt, c, V, " (exactly 1)");
          if (!ps) { undecided = 1; break; }
          if (mpfr_cmp_ui (pt, 1) == 0)
            {
              all_lt1 = 0; any_one = 1;
              if (!wit.len)
                {
                  char *gs = icc_q_str (c->gap);
                  ic_buf_printf (&wit, "V = %lu, gap %s: the computed probability is exactly 1.0", V, gs);
                  free (gs);
                }
            }
          mpfr_free_str (ps);
          continue;
        }
      if (ic_fpsoftmax_threshold (g, pb, f, V, c->order) != 0) { undecided = 1; continue; }
      char *gs, *pbs, *eps;
      fp_threshold_texts (&gs, &pbs, &eps, g, pb, f);
      key = icc_fmt ("V = %lu: threshold gap g* / largest computed p < 1 / eps", V);
      KV (r, key, "%s / %s / %s", gs, pbs, eps);
      free (key);
      /* at most IC_PLOT_MAX_SERIES / 2 values of V: a curve and a line each */
      if (!c->has_gap && ngst < IC_PLOT_MAX_SERIES / 2)
        {
          mpfr_init2 (gst[ngst], f->prec); mpfr_set (gst[ngst], g, MPFR_RNDN);
          gV[ngst++] = V;
        }
      any_one = 1; all_lt1 = 0;
      if (!wit.len)
        {
          mpfr_t gm; mpfr_init2 (gm, f->prec); mpfr_set (gm, g, MPFR_RNDN);
          ic_buf_printf (&wit, "V = %lu: logits (0, -g, ..., -g) with g = %s: the computed top probability is exactly 1.0", V, gs);
          mpfr_clear (gm);
        }
      if (c->thr_claim)
        {
          mpq_t gq; mpq_init (gq); mpfr_get_q (gq, g);
          if (!mpq_equal (gq, c->thr)) { thr_ok = 0; }
          mpq_clear (gq);
        }
      mpfr_free_str (gs); mpfr_free_str (pbs); mpfr_free_str (eps);
    }
  const char *mono = "Correctly rounded exp, addition and division are monotone, so the computed sum is non-increasing and the computed top probability non-decreasing in the gap; the threshold g* is the smallest format number with result exactly 1 (bisection over format numbers, then checked at g* and at its predecessor).";
  if (undecided && !(any_one && !c->thr_claim && !c->has_gap)) { r->status = IC_ST_UNDECIDED; if (!r->how) icc_set_how (r, "No threshold was found for some V."); }
  else if (c->thr_claim)
    {
      r->status = thr_ok ? IC_ST_PROVED : IC_ST_REFUTED;
      icc_set_how (r, "%s", mono);
      if (!thr_ok) r->witness = icc_xstrdup ("the certified threshold differs from the claimed one (see the numbers)");
    }
  else if (all_lt1)
    {
      r->status = IC_ST_PROVED;
      icc_set_how (r, "Exact emulation of the format: the computed top probability is below 1 at the given gap.");
    }
  else
    {
      r->status = IC_ST_REFUTED;
      r->witness = ic_buf_take (&wit);
      r->witness_how = icc_xstrdup ("Exact emulation with MPFR: precision, exponent range and subnormals of the format, round to nearest even after every operation.");
      icc_set_how (r, "%s", c->has_gap ? "Exact emulation of the format at the given gap." : mono);
    }
  if (ngst) fp_top_plot (r, c, gst, gV, ngst);
  for (int i = 0; i < ngst; i++) mpfr_clear (gst[i]);
  free (gst); free (gV);
  ic_buf_free (&wit);
  mpfr_clears (g, pb, pt, s, (mpfr_ptr) 0);
}
