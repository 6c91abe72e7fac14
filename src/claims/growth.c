/* claims/growth.c — "marginal(MODEL) / maxpath grows >= R", "-> inf" and
 * "bounded": item 6 at full strength, the ratio of the marginal to the most
 * likely path grows at a certified exponential rate.
 *
 * Decides from the lemma stated above icc_check_growth: with eps = 1 - max
 * P(w|s), S_min the smallest row sum, m_x and M_x the smallest and largest
 * P(x|s), R_n(x) >= (m_x / M_x) r^(n-1), r = S_min / (1 - eps), and
 * R_n(x) <= pmin^-n; so the growth rate lies in [r, 1/pmin].  "grows >= R"
 * is proved when r >= R and refuted when 1/pmin < R; "-> inf" is proved
 * when r > 1; "bounded" is refuted when "-> inf" is proved, never proved.
 * Every quantity is an outward enclosure (exact for tables). */

#include "claims_int.h"

/* Item 6 at full strength: the ratio R_n(x) = marginal / most likely path
 * grows without bound, at a certified exponential rate.  Lemma (for any
 * finite-state model whose rows sum to at most 1, eps = 1 - max P(w|s),
 * S_min the smallest row sum, m_x and M_x the smallest and largest P(x|s)
 * over states, pmin the smallest probability):
 *   max path:  V_n(x) <= (1 - eps)^(n-1) M_x     (n-1 factors <= 1 - eps,
 *                                                  the last one <= M_x)
 *   marginal:  M_n(x) >= S_min^(n-1) m_x         (the mass left after n-1
 *                                                  steps, times P(x|s) >= m_x)
 * so R_n(x) >= (m_x / M_x) r^(n-1) with r = S_min / (1 - eps), for every
 * n >= 1; and R_n(x) <= pmin^-n (every path of length n has probability
 * >= pmin^n, and M_n(x) <= 1).  The growth rate limsup R_n^(1/n) thus lies
 * in [r, 1/pmin]: "grows >= R" is proved when r >= R (some x with m_x > 0)
 * and refuted when 1/pmin < R; "-> inf" is proved when r > 1, and
 * "bounded" (some C with marginal <= C max path for all n and x) is then
 * refuted. */
void icc_check_growth (ic_check_entry *ce, ic_model_def *d)
{
  ic_check *c = ce->c;
  ic_check_result *r = &ce->r;
  ic_lm *m = &d->lm;
  int T = m->ntok;
  icc_model_facts (r, d);
  ic_ival_t eps, one, S, Smax, dfc, rate, up, pmin, cx, t, mx, Mx;
  ic_ival_init2 (eps, PREC); ic_ival_init2 (one, PREC); ic_ival_init2 (S, PREC); ic_ival_init2 (Smax, PREC);
  ic_ival_init2 (dfc, PREC); ic_ival_init2 (rate, PREC); ic_ival_init2 (up, PREC); ic_ival_init2 (pmin, PREC);
  ic_ival_init2 (cx, PREC); ic_ival_init2 (t, PREC); ic_ival_init2 (mx, PREC); ic_ival_init2 (Mx, PREC);
  mpq_t qe, qmin, qr, qc, qt; mpq_inits (qe, qmin, qr, qc, qt, NULL);
  int st, tok;
  ic_ival_set_ui (one, 1);
  ic_lm_eps (eps, qe, &st, &tok, m);
  ic_lm_minprob (pmin, qmin, &st, &tok, m);
  if (m->exact || m->normalised) ic_ival_set_ui (S, 1);      /* rows sum to exactly 1 */
  else ic_lm_defect (dfc, S, Smax, m);                       /* S encloses S_min */
  ic_ival_sub (t, one, eps);
  ic_ival_div (rate, S, t);                                  /* encloses r = S_min / (1 - eps) */
  if (m->exact) { mpq_set_ui (qr, 1, 1); mpq_sub (qr, qr, qe); mpq_inv (qr, qr); ic_ival_set_q (rate, qr); }
  /* the token: largest m_x / M_x by lower ends (a heuristic choice; any x
   * with m_x > 0 gives the lemma) */
  int bx = -1; mpfr_t best; mpfr_init2 (best, PREC); mpfr_set_si (best, -1, MPFR_RNDN);
  int *cands = icc_xmalloc (sizeof (int) * (size_t) (T > 8 ? T : 8));
  int ncand = ic_lm_token_candidates (cands, 4, m);
  for (int i = 0; i < ncand; i++)
    {
      int x = cands[i];
      ic_lm_token_range (mx, Mx, NULL, NULL, m, x);   /* m_x, M_x over the states */
      if (!ic_ival_is_pos (mx)) continue;
      ic_ival_div (t, mx, Mx);
      if (mpfr_greater_p (t->lo, best)) { mpfr_set (best, t->lo, MPFR_RNDD); bx = x; ic_ival_set (cx, t); }
    }
  free (cands);
  mpfr_clear (best);
  if (bx >= 0 && m->exact)
    {
      /* exact c = m_x / M_x */
      mpq_t lo, hi; mpq_inits (lo, hi, NULL);
      ic_lm_token_range (mx, Mx, lo, hi, m, bx);
      mpq_div (qc, lo, hi);
      mpq_clears (lo, hi, NULL);
    }
  int up_ok = ic_ival_is_pos (pmin);
  if (up_ok) ic_ival_div (up, one, pmin);                    /* encloses 1 / pmin */
  if (up_ok && m->exact) { mpq_inv (qt, qmin); ic_ival_set_q (up, qt); }
  char *rs = m->exact ? icc_q_short (qr) : icc_ival_str (rate, 10);
  char *us = !up_ok ? icc_xstrdup ("none (some probability is not certified > 0)") : m->exact ? icc_q_short (qt) : icc_ival_str (up, 10);
  KV (r, "rate lower bound r = S_min / (1 - eps)", "%s", rs);
  KV (r, "rate upper bound 1 / pmin", "%s", us);
  if (bx >= 0)
    {
      char *cs = m->exact ? icc_q_short (qc) : icc_ival_str (cx, 10);
      KV (r, "token x and c = min_s P(x|s) / max_s P(x|s)", "\"%s\", %s", m->tok[bx], cs);
      KV (r, "certified for every n >= 1", "marginal / max path for \"%s\" >= c r^(n-1)", m->tok[bx]);
      free (cs);
    }
  else KV (r, "token x", "none with min_s P(x|s) certified > 0");
  /* decisions: exact comparisons for exact models, enclosure ends otherwise */
  int lo_ge, up_lt, lo_gt1;
  if (m->exact)
    {
      lo_ge = mpq_cmp (qr, c->C) >= 0;
      up_lt = up_ok && mpq_cmp (qt, c->C) < 0;
      lo_gt1 = mpq_cmp_ui (qr, 1, 1) > 0;
    }
  else
    {
      mpfr_t R; mpfr_init2 (R, PREC);
      mpfr_set_q (R, c->C, MPFR_RNDU);                       /* R' >= R */
      lo_ge = mpfr_greaterequal_p (rate->lo, R);
      mpfr_set_q (R, c->C, MPFR_RNDD);                       /* R' <= R */
      up_lt = up_ok && mpfr_less_p (up->hi, R);
      lo_gt1 = mpfr_cmp_ui (rate->lo, 1) > 0;
      mpfr_clear (R);
    }
  const char *lemma = "Lemma: the most likely length-n path to x has n-1 factors <= 1 - eps and a last factor <= max_s P(x|s); the marginal of x at step n is at least the mass left after n-1 steps (>= S_min^(n-1)) times min_s P(x|s). So marginal / max path >= c r^(n-1) for every n >= 1, and <= pmin^-n.";
  char *Rs = icc_q_paren (c->C);
  if (c->verb == 2)
    {
      if (bx >= 0 && lo_gt1)
        {
          r->status = IC_ST_REFUTED;
          char *cs = m->exact ? icc_q_short (qc) : icc_ival_str (cx, 10);
          r->witness = icc_fmt ("token \"%s\": marginal / max path >= c r^(n-1) with c = %s > 0 and r = %s > 1, which exceeds every constant C for n large enough",
                            m->tok[bx], cs, rs);
          free (cs);
          r->witness_how = icc_xstrdup (lemma);
          icc_set_how (r, "The ratio grows without bound (lemma below, with r > 1), so no constant C bounds it.");
        }
      else icc_set_how (r, "%s The lower bound does not show growth: %s.", lemma, bx < 0 ? "no token has min_s P(x|s) certified > 0" : "r is not certified > 1");
    }
  else if (c->verb == 1)
    {
      if (bx >= 0 && lo_gt1)
        {
          r->status = IC_ST_PROVED;
          icc_set_how (r, "%s Here r = %s > 1 and c > 0 for token \"%s\": the ratio grows without bound, at least geometrically.", lemma, rs, m->tok[bx]);
        }
      else icc_set_how (r, "%s The lower bound does not show growth: %s.", lemma, bx < 0 ? "no token has min_s P(x|s) certified > 0" : "r is not certified > 1");
    }
  else if (bx >= 0 && lo_ge)
    {
      r->status = IC_ST_PROVED;
      icc_set_how (r, "%s Here r = %s >= %s, so the ratio for token \"%s\" grows at least like c %s^(n-1).", lemma, rs, Rs, m->tok[bx], Rs);
    }
  else if (up_lt)
    {
      r->status = IC_ST_REFUTED;
      r->witness = icc_fmt ("1 / pmin = %s < %s: for every token x, marginal / max path <= pmin^-n, so no c > 0 gives c %s^n for all n", us, Rs, Rs);
      r->witness_how = icc_xstrdup (m->exact ? "Exact rational pmin." : "Outward-rounded enclosure of pmin.");
      icc_set_how (r, "%s", lemma);
    }
  else icc_set_how (r, "%s The certified rate interval [r, 1/pmin] contains %s.", lemma, Rs);
  /* plot: the ratio for x (enclosures from the path recursions) against
   * the certified lower bound c r^(n-1), n = 1..20 */
  if (bx >= 0)
    {
      int N = ic_lm_paths_horizon (m, 20);
      size_t cells = (size_t) (N + 1) * (size_t) T;
      if ((size_t) T <= PATH_MAX_CELLS / (size_t) (N + 1))
        {
          ic_ival_struct *Vv = icc_xmalloc (sizeof *Vv * cells), *Mm = icc_xmalloc (sizeof *Mm * cells);
          for (size_t i = 0; i < cells; i++) { ic_ival_init2 (&Vv[i], PREC); ic_ival_init2 (&Mm[i], PREC); }
          ic_lm_paths (Vv, Mm, m, N);
          ic_plot *pl = icc_add_plot (r);
          ic_plot_init (pl, "", "step n", "log10 of marginal / max path", 0);
          free (pl->title);
          pl->title = icc_fmt ("Token \"%s\": marginal / most likely path and its certified growth (%s)", m->tok[bx], d->name);
          /* the ratio as points: on the fan model it is the lower bound */
          ic_plot_series *sr = ic_plot_add (pl, "marginal / max path (enclosure)", IC_PLOT_POINTS, N);
          char *nm = icc_fmt ("certified lower bound c r^(n-1), rate r = %s", rs);
          ic_plot_series *sb = ic_plot_add (pl, nm, IC_PLOT_BAND, N);
          free (nm);
          ic_plot_series *su = NULL;
          if (up_ok)
            {
              nm = icc_fmt ("certified upper bound pmin^-n, rate 1/pmin = %s", us);
              su = ic_plot_add (pl, nm, IC_PLOT_BAND, N);
              free (nm);
              su->certified = 1;
            }
          sr->certified = sb->certified = 1;       /* exact n; icc_log10_ends outward */
          ic_ival_t b; ic_ival_init2 (b, PREC);
          if (m->exact) ic_ival_set_q (cx, qc);
          int k = 0;
          for (int n = 1; n <= N; n++)
            {
              if (!ic_ival_is_pos (&Vv[n * T + bx])) continue;
              ic_ival_div (t, &Mm[n * T + bx], &Vv[n * T + bx]);
              ic_ival_pow_si (b, rate, n - 1);
              ic_ival_mul (b, b, cx);
              sr->x[k] = sb->x[k] = n;
              icc_log10_ends (&sr->ylo[k], &sr->yhi[k], t);
              icc_log10_ends (&sb->ylo[k], &sb->yhi[k], b);
              if (su)
                {
                  ic_ival_pow_si (b, up, n);               /* encloses pmin^-n */
                  su->x[k] = n;
                  icc_log10_ends (&su->ylo[k], &su->yhi[k], b);
                }
              k++;
            }
          sr->n = sb->n = k;
          if (su) su->n = k;
          /* presentation: when the upper bound climbs far above the
           * ratio, show the ratio's range (and a little more) and let the
           * upper bound leave through the top of the box */
          if (su && k)
            {
              double lo = sb->ylo[0], hi = sr->yhi[k - 1], top = su->yhi[k - 1];
              for (int i = 0; i < k; i++) { lo = fmin (lo, fmin (sb->ylo[i], sr->ylo[i])); hi = fmax (hi, sr->yhi[i]); }
              if (isfinite (lo) && isfinite (hi) && top > hi + (hi - lo))
                { pl->yview = 1; pl->yview_lo = lo; pl->yview_hi = hi + 0.6 * (hi - lo); }
            }
          char *note = icc_fmt ("Every series is an outward enclosure (%s): the ratio from the forward and Viterbi recursions, and the two bounds of the lemma, c r^(n-1) <= marginal / max path <= pmin^-n for every n >= 1, so the ratio grows at a rate between r = %s and 1/pmin = %s.%s",
                                m->exact ? "exact rationals, drawn as log10 rounded outward" : "MPFR intervals rounded outward",
                                rs, us, pl->yview ? " The upper bound leaves the plot at the top." : "");
          ic_plot_set_note (pl, note);
          free (note);
          ic_ival_clear (b);
          for (size_t i = 0; i < cells; i++) { ic_ival_clear (&Vv[i]); ic_ival_clear (&Mm[i]); }
          free (Vv); free (Mm);
        }
    }
  free (rs); free (us); free (Rs);
  mpq_clears (qe, qmin, qr, qc, qt, NULL);
  ic_ival_clear (eps); ic_ival_clear (one); ic_ival_clear (S); ic_ival_clear (Smax); ic_ival_clear (dfc);
  ic_ival_clear (rate); ic_ival_clear (up); ic_ival_clear (pmin); ic_ival_clear (cx); ic_ival_clear (t);
  ic_ival_clear (mx); ic_ival_clear (Mx);
}
