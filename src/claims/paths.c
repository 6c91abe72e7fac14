/* claims/paths.c — marginal against most likely path on a model:
 * "marginal(MODEL, n <= N) >= maxpath", "... <= C * maxpath" and
 * "maxpath(MODEL, n <= N) <= (1 - eps)^n".
 *
 * Decides from the forward (marginal) and Viterbi (max path) recursions over
 * N steps, exact rationals for table models, outward enclosures for ARPA.
 * ">= maxpath" is the lemma "a sum of non-negative terms is at least each
 * term" once the probabilities are certified non-negative; "<= C maxpath" is
 * refuted by the first (n, x) whose certified ratio exceeds C; "(1-eps)^n"
 * is the lemma "n factors each <= 1 - eps", its enclosures checked.  The
 * plotted token is a heuristic choice. */

#include "claims_int.h"

/* Paths: Viterbi vs forward.  Fills the plot for a token (heuristic choice:
 * the token with the largest ratio at the last step). */
void icc_check_paths (ic_check_entry *ce, ic_model_def *d)
{
  ic_check *c = ce->c;
  ic_check_result *r = &ce->r;
  ic_lm *m = &d->lm;
  int N = c->nmax, T = m->ntok;
  icc_model_facts (r, d);
  /* Resource limit on the (N+1) T cells of the recursions; it also keeps
   * every int index n * T + x below (N+1) T <= PATH_MAX_CELLS < INT_MAX. */
  if (T < 1 || (size_t) T > PATH_MAX_CELLS / (size_t) (N + 1))
    {
      icc_set_how (r, "Not checked: %d steps over %d tokens exceed the limit of %d cells of the path recursions.",
               N, T, (int) PATH_MAX_CELLS);
      return;
    }
  size_t cells = (size_t) (N + 1) * (size_t) T;
  ic_ival_struct *V = icc_xmalloc (sizeof *V * cells), *M = icc_xmalloc (sizeof *M * cells);
  mpq_t *qV = NULL, *qM = NULL;
  for (size_t i = 0; i < cells; i++) { ic_ival_init2 (&V[i], PREC); ic_ival_init2 (&M[i], PREC); }
  if (m->exact)
    {
      qV = icc_xmalloc (sizeof *qV * cells); qM = icc_xmalloc (sizeof *qM * cells);
      for (size_t i = 0; i < cells; i++) { mpq_init (qV[i]); mpq_init (qM[i]); }
      ic_lm_paths_q (qV, qM, m, N);
      for (size_t i = (size_t) T; i < cells; i++) { ic_ival_set_q (&V[i], qV[i]); ic_ival_set_q (&M[i], qM[i]); }
    }
  else ic_lm_paths (V, M, m, N);
  /* nonnegativity of every probability (hypothesis of the lemmas) */
  int nonneg = ic_lm_nonneg (m);
  ic_ival_t ratio, t, eps, pw, one;
  ic_ival_init2 (ratio, PREC); ic_ival_init2 (t, PREC); ic_ival_init2 (eps, PREC); ic_ival_init2 (pw, PREC); ic_ival_init2 (one, PREC);
  /* heuristic: token with the largest ratio at step N (midpoints) */
  int best = 0; double bestr = -1;
  for (int x = 0; x < T; x++)
    {
      if (mpfr_sgn (V[N * T + x].lo) <= 0) continue;
      ic_ival_div (ratio, &M[N * T + x], &V[N * T + x]);
      double rv = icc_fr_d (ratio->lo, MPFR_RNDD);
      if (rv > bestr) { bestr = rv; best = x; }
    }
  if (c->kind == CK_MARG_GE || c->kind == CK_MARG_RATIO)
    {
      ic_plot *pl = icc_add_plot (r);
      ic_plot_init (pl, "Most likely path vs token marginal", "step n", "log10 probability", 0);
      free (pl->title);
      pl->title = icc_fmt ("Token \"%s\": most likely path vs marginal (%s)", m->tok[best], d->name);
      ic_plot_series *sv = ic_plot_add (pl, "max path probability (Viterbi)", IC_PLOT_BAND, N);
      ic_plot_series *sm = ic_plot_add (pl, "marginal P(s_n = x) (forward)", IC_PLOT_BAND, N);
      sv->certified = sm->certified = 1;   /* exact n; icc_log10_ends rounds outward */
      for (int n = 1; n <= N; n++)
        {
          sv->x[n - 1] = sm->x[n - 1] = n;
          icc_log10_ends (&sv->ylo[n - 1], &sv->yhi[n - 1], &V[n * T + best]);
          icc_log10_ends (&sm->ylo[n - 1], &sm->yhi[n - 1], &M[n * T + best]);
        }
      for (int n = 1; n <= N; n++)
        {
          char *key = icc_fmt ("n = %d, token \"%s\": maxpath / marginal / ratio", n, m->tok[best]);
          char *a, *b, *rr;
          if (m->exact)
            {
              a = icc_q_short (qV[n * T + best]); b = icc_q_short (qM[n * T + best]);
              if (mpq_sgn (qV[n * T + best]) > 0)
                { mpq_t q; mpq_init (q); mpq_div (q, qM[n * T + best], qV[n * T + best]); rr = icc_q_short (q); mpq_clear (q); }
              else rr = icc_xstrdup ("-");
            }
          else
            {
              a = icc_ival_str (&V[n * T + best], 8); b = icc_ival_str (&M[n * T + best], 8);
              if (mpfr_sgn (V[n * T + best].lo) > 0) { ic_ival_div (ratio, &M[n * T + best], &V[n * T + best]); rr = icc_ival_str (ratio, 8); }
              else rr = icc_xstrdup ("-");
            }
          if (n <= 5 || n == N || n % 5 == 0) KV (r, key, "%s / %s / %s", a, b, rr);
          free (key); free (a); free (b); free (rr);
        }
    }
  if (c->kind == CK_MARG_GE)
    {
      if (m->exact)
        {
          int ok = 1;
          for (size_t i = (size_t) T; i < cells && ok; i++) if (mpq_cmp (qM[i], qV[i]) < 0) ok = 0;
          r->status = ok ? IC_ST_PROVED : IC_ST_REFUTED;
          icc_set_how (r, "Exact rational Viterbi and forward recursions for n = 1..%d and all %d tokens: every marginal is >= the most likely path probability (exact comparison of %d pairs).", N, T, N * T);
        }
      else if (nonneg)
        {
          int consistent = 1;
          for (size_t i = (size_t) T; i < cells; i++) if (mpfr_less_p (M[i].hi, V[i].lo)) consistent = 0;
          r->status = consistent ? IC_ST_PROVED : IC_ST_UNDECIDED;
          icc_set_how (r, "All transition probabilities are certified >= 0, so the forward sum for (n, x) is a sum of non-negative path probabilities that contains the most likely path's probability as one term (lemma: a sum of non-negative terms is at least each term). The enclosures for n = 1..%d and all %d tokens agree with it%s.",
                   N, T, consistent ? "" : " -- NOT: an enclosure contradicts the lemma, which signals a bug");
        }
      else icc_set_how (r, "Some probability is not certified non-negative.");
    }
  else if (c->kind == CK_MARG_RATIO)
    {
      /* refute: some (n, x) with marginal > C * maxpath, certified */
      int wn = -1, wx = -1, all = 1;
      ic_ival_t C; ic_ival_init2 (C, PREC); ic_ival_set_q (C, c->C);
      for (int n = 1; n <= N && wn < 0; n++)
        for (int x = 0; x < T && wn < 0; x++)
          {
            if (m->exact)
              {
                mpq_t q; mpq_init (q);
                mpq_mul (q, c->C, qV[n * T + x]);
                if (mpq_cmp (qM[n * T + x], q) > 0) { wn = n; wx = x; }
                mpq_clear (q);
              }
            else
              {
                ic_ival_mul (t, C, &V[n * T + x]);
                if (ic_ival_lt (t, &M[n * T + x])) { wn = n; wx = x; }
                else if (!mpfr_lessequal_p (M[n * T + x].hi, t->lo)) all = 0;
              }
          }
      char *cs = icc_q_str (c->C);
      if (wn > 0)
        {
          r->status = IC_ST_REFUTED;
          char *a, *b;
          if (m->exact) { a = icc_q_short (qV[wn * T + wx]); b = icc_q_short (qM[wn * T + wx]); }
          else { a = icc_ival_str (&V[wn * T + wx], 10); b = icc_ival_str (&M[wn * T + wx], 10); }
          r->witness = icc_fmt ("step n = %d, token \"%s\": marginal %s > %s * max path %s", wn, m->tok[wx], b, cs, a);
          free (a); free (b);
          icc_set_how (r, "The first (n, x) in order where the marginal exceeds %s times the most likely path probability, by %s.", cs,
                   m->exact ? "exact rational comparison" : "comparison of enclosures");
          r->witness_how = icc_fmt ("%s recursions over the %d context states up to step %d.", m->exact ? "Exact rational Viterbi and forward" : "Enclosed (outward-rounded) Viterbi and forward", m->nstate, wn);
        }
      else if (m->exact || all)
        {
          r->status = IC_ST_PROVED;
          icc_set_how (r, "For n = 1..%d and every token, marginal <= %s * max path (%s).", N, cs, m->exact ? "exact" : "enclosures");
        }
      else icc_set_how (r, "Some enclosures overlap the bound.");
      free (cs);
      ic_ival_clear (C);
    }
  else /* CK_PATH_DECAY */
    {
      mpq_t qe; mpq_init (qe);
      int st, tok;
      ic_lm_eps (eps, qe, &st, &tok, m);
      ic_ival_set_ui (one, 1);
      ic_ival_sub (t, one, eps);                  /* t encloses 1 - eps */
      ic_plot *pl = icc_add_plot (r);
      ic_plot_init (pl, "Largest path probability vs (1 - eps)^n", "step n", "log10 probability", 0);
      free (pl->title);
      pl->title = icc_fmt ("Largest path probability vs (1 - eps)^n (%s)", d->name);
      ic_plot_series *sv = ic_plot_add (pl, "max over tokens of max path probability", IC_PLOT_BAND, N);
      ic_plot_series *sb = ic_plot_add (pl, "(1 - eps)^n", IC_PLOT_BAND, N);
      sv->certified = sb->certified = 1;   /* exact n; icc_log10_ends rounds outward */
      int consistent = 1, exact_ok = 1;
      ic_ival_t mxv; ic_ival_init2 (mxv, PREC);
      for (int n = 1; n <= N; n++)
        {
          ic_ival_pow_si (pw, t, n);
          ic_ival_set (mxv, &V[n * T]);
          for (int x = 1; x < T; x++)
            { mpfr_max (mxv->lo, mxv->lo, V[n * T + x].lo, MPFR_RNDD); mpfr_max (mxv->hi, mxv->hi, V[n * T + x].hi, MPFR_RNDU); }
          if (mpfr_greater_p (mxv->lo, pw->hi)) consistent = 0;
          if (m->exact)
            {
              mpq_t b, o; mpq_inits (b, o, NULL);
              mpq_set_ui (o, 1, 1); mpq_sub (o, o, qe);
              mpz_pow_ui (mpq_numref (b), mpq_numref (o), (unsigned long) n);
              mpz_pow_ui (mpq_denref (b), mpq_denref (o), (unsigned long) n);
              for (int x = 0; x < T; x++) if (mpq_cmp (qV[n * T + x], b) > 0) exact_ok = 0;
              mpq_clears (b, o, NULL);
            }
          sv->x[n - 1] = sb->x[n - 1] = n;
          icc_log10_ends (&sv->ylo[n - 1], &sv->yhi[n - 1], mxv);
          icc_log10_ends (&sb->ylo[n - 1], &sb->yhi[n - 1], pw);
          if (n <= 3 || n == N || n % 5 == 0)
            {
              char *key = icc_fmt ("n = %d: max path / (1-eps)^n", n);
              char *a = icc_ival_str (mxv, 8), *b = icc_ival_str (pw, 8);
              KV (r, key, "%s / %s", a, b);
              free (key); free (a); free (b);
            }
        }
      char *es = m->exact ? icc_q_short (qe) : icc_ival_str (eps, 10);
      KV (r, "eps", "%s", es);
      free (es);
      if (m->exact)
        {
          r->status = exact_ok ? IC_ST_PROVED : IC_ST_REFUTED;
          icc_set_how (r, "Exact rational Viterbi for n = 1..%d compared with (1 - eps)^n exactly, eps the exact non-degeneracy constant.", N);
        }
      else if (nonneg && consistent)
        {
          r->status = IC_ST_PROVED;
          icc_set_how (r, "Each factor of a path probability is a next-token probability, each at most 1 - eps by the definition of eps (maximum over all reachable states), so every length-n path has probability <= (1 - eps)^n (product of n factors in [0, 1 - eps]); the enclosures for n = 1..%d agree.", N);
        }
      else icc_set_how (r, "An enclosure contradicts the bound (signals a bug) or a probability is not certified >= 0.");
      ic_ival_clear (mxv);
      mpq_clear (qe);
    }
  for (size_t i = 0; i < cells; i++) { ic_ival_clear (&V[i]); ic_ival_clear (&M[i]); }
  if (qV) for (size_t i = 0; i < cells; i++) { mpq_clear (qV[i]); mpq_clear (qM[i]); }
  free (V); free (M); free (qV); free (qM);
  ic_ival_clear (ratio); ic_ival_clear (t); ic_ival_clear (eps); ic_ival_clear (pw); ic_ival_clear (one);
}
