/* claims/model.c — a claim file's models as the checks read them: loaded
 * once (a table of exact rationals, an ARPA file through arpa.c, or a
 * counter rule; a Sphinx .lm.bin through lmbin.c), their facts printed, and the gate every model check passes.
 *
 * Decides: whether a model may be read as a transition rule.  Every row must
 * be a (sub-)probability distribution, sum_w P(w|s) <= 1, certified on an
 * outward-rounded enclosure of the row sum; a row above 1 is reported as a
 * defect (never clamped) and the check is left undecided, as it is when the
 * enclosure contains 1.  The automaton, eps and row sums are src/lm.c's. */

#include "claims_int.h"

/* Loads a model once.  Returns 0; -1 for a malformed model (message
 * "FILE:LINE:COL: ..." of the ARPA file, or of the claim file for a table);
 * -2 for a model file that cannot be read (message at the claim file's
 * "arpa:" line, naming the file as written and as opened).  A relative
 * path is relative to the claim file's folder (cf->dir), so that the
 * result does not depend on the current folder. */
int icc_load_model (ic_claimfile *cf, ic_model_def *m, char *err, size_t errlen)
{
  if (m->loaded) { if (m->loaded < 0) snprintf (err, errlen, "%s", m->load_err); return m->loaded == 1 ? 0 : m->load_rc; }
  if (m->kind == MD_COUNTER) { m->loaded = 1; return 0; }
  int rc = 0;
  if (m->kind == MD_TABLE)
    {
      char terr[600];
      if (ic_lm_from_table (&m->lm, &m->t, terr, sizeof terr) != 0)
        {
          /* a table model's error is about its block in the claim file */
          snprintf (err, errlen, "%s:%d:1: model \"%s\": %s", cf->path, m->line, m->name, terr);
          rc = -1;
        }
    }
  else
    {
      char *path = m->path[0] == '/' ? icc_xstrdup (m->path)
                 : !strcmp (cf->dir, "/") ? icc_fmt ("/%s", m->path) : icc_fmt ("%s/%s", cf->dir, m->path);
      char aerr[1000];
      /* a Sphinx binary trie file (".lm.bin" or its magic) or ARPA text */
      int arc = ic_lmbin_is_lmbin (path) ? ic_lmbin_read (&m->arpa, path, aerr, sizeof aerr)
                                         : ic_arpa_read (&m->arpa, path, aerr, sizeof aerr);
      if (arc == -2)
        {
          /* aerr is "PATH: REASON" */
          size_t pl = strlen (path);
          const char *reason = strncmp (aerr, path, pl) || strncmp (aerr + pl, ": ", 2) ? aerr : aerr + pl + 2;
          if (strcmp (m->path, path))
            snprintf (err, errlen, "%s:%d:%d: model \"%s\": cannot read %s: %s (written \"%s\": relative to the claim file's folder)",
                      cf->path, m->path_line, m->path_col, m->name, path, reason, m->path);
          else
            snprintf (err, errlen, "%s:%d:%d: model \"%s\": cannot read %s: %s", cf->path, m->path_line, m->path_col,
                      m->name, path, reason);
          rc = -2;
        }
      else if (arc != 0) { snprintf (err, errlen, "%s", aerr); rc = -1; }
      else
        {
          if (ic_lm_from_arpa (&m->lm, &m->arpa, PREC, err, errlen) != 0) rc = -1;
          /* the model keeps what it needs; the n-grams' exact logs (most of
           * the reader's memory: 0.9 GB for en-us.lm.bin) go */
          m->a_order = m->arpa.order; m->a_nword = m->arpa.nword; m->a_ngram = m->arpa.ngram;
          m->a_bin = m->arpa.base_num != 0;
          ic_arpa_clear (&m->arpa);
        }
      free (path);
    }
  if (rc == 0 && m->normalise)
    {
      ic_ival_t mn, mx; ic_ival_init2 (mn, PREC); ic_ival_init2 (mx, PREC);
      int st = -1;
      if (ic_lm_normalise_rows (&m->lm, mn, mx, &st) != 0)
        {
          snprintf (err, errlen, "%s:%d:1: model \"%s\": cannot normalise the rows: the sum of the row at state \"%s\" is not certified > 0",
                    cf->path, m->norm_line, m->name, ic_lm_hist (&m->lm, st));
          ic_lm_clear (&m->lm);
          rc = -1;
        }
      else
        {
          char *a = icc_ival_str (mn, 8), *b = icc_ival_str (mx, 8);
          m->raw_sums = icc_fmt ("between %s and %s", a, b);
          free (a); free (b);
        }
      ic_ival_clear (mn); ic_ival_clear (mx);
    }
  if (rc) { m->loaded = -1; m->load_rc = rc; m->load_err = icc_xstrdup (err); return rc; }
  m->loaded = 1;
  return 0;
}

void icc_model_facts (ic_check_result *r, const ic_model_def *d)
{
  const ic_lm *m = &d->lm;
  if (d->kind == MD_ARPA)
    {
      KV (r, "model", "%s (%s %d-gram, %d words, %ld n-grams)", d->path,
          d->a_bin ? "Sphinx binary trie, logs to base 1.0001," : "ARPA", d->a_order, d->a_nword, d->a_ngram);
    }
  else KV (r, "model", "%s (table, exact rationals)", d->name);
  if (d->normalise)
    KV (r, "reading", "rows normalised: P(w|s) / S_s, S_s = sum of the stored row (stored row sums %s), so each row sums to exactly 1", d->raw_sums);
  else if (d->kind == MD_ARPA)
    KV (r, "reading", "rows as stored (no normalisation)");
  KV (r, "emitted tokens V", "%d", m->ntok);
  KV (r, "reachable context states", "%d (%s)", m->nstate, m->desc);
}

void icc_defect_facts (ic_check_result *r, const ic_lm *m)
{
  ic_ival_t d, mn, mx; ic_ival_init2 (d, PREC); ic_ival_init2 (mn, PREC); ic_ival_init2 (mx, PREC);
  ic_lm_defect (d, mn, mx, m);
  char *a = icc_ival_str (mn, 8), *b = icc_ival_str (mx, 8), *c = icc_ival_str (d, 6);
  KV (r, "smallest row sum (sum_w P(w|state))", "%s", a);
  KV (r, "largest row sum", "%s", b);
  KV (r, "normalisation defect max|sum - 1|", "%s", c);
  free (a); free (b); free (c);
  ic_ival_clear (d); ic_ival_clear (mn); ic_ival_clear (mx);
}

/* P(x|s) as text: the exact rational, or its enclosure to 10 digits. */
char *icc_prob_str (const ic_lm *m, int s, int x)
{
  if (m->exact) return icc_q_str (ic_lm_prob_q (m, s, x));
  ic_ival_t p; ic_ival_init2 (p, PREC);
  ic_lm_prob (p, m, s, x);
  char *r = icc_ival_str (p, 10);
  ic_ival_clear (p);
  return r;
}

void icc_eps_of (ic_ival_ptr eps, mpq_t qe, int *st, int *tok, const ic_lm *m)
{
  ic_lm_eps (eps, qe, st, tok, m);
}

/* Every check on a model reads it as a transition rule, which needs each
 * state's row to be a (sub-)probability distribution: sum_w P(w|s) <= 1
 * (rows below 1 are allowed: ARPA files store rounded numbers, and turtle's
 * rows sum to 0.62-0.83).  A row sum above 1 is a defect of the stored
 * numbers (Sphinx's phone model has a row of 94): it is reported with its
 * enclosure, never clamped, and the check is left undecided, as it is when
 * the enclosure of a row sum contains 1.  Returns 1 when the check stops
 * here. */
int icc_distribution_gate (ic_check_entry *ce, ic_model_def *d)
{
  if (d->kind == MD_COUNTER) return 0;
  if (d->lm.normalised) return 0;     /* rows sum to exactly 1 by construction */
  ic_lm *m = &d->lm;
  ic_ival_t sum; ic_ival_init2 (sum, PREC);
  int st = -1;
  int ex = ic_lm_row_excess (&st, sum, m);
  if (ex != 0)
    {
      ic_check_result *r = &ce->r;
      icc_model_facts (r, d);
      icc_defect_facts (r, m);
      char *ss = icc_ival_str (sum, 8);
      if (ex > 0)
        {
          KV (r, "defect", "row sum %s > 1 at state \"%s\": not a probability distribution", ss, ic_lm_hist (m, st));
          icc_set_how (r, "Not decided: row sum %s > 1 at state \"%s\" (outward-rounded enclosure of the sum of its stored probabilities): not a probability distribution. The check reads the model as a transition rule, which needs every row to sum to at most 1; the defect is reported as it is, never clamped.",
                   ss, ic_lm_hist (m, st));
        }
      else
        {
          KV (r, "defect", "row sum %s at state \"%s\" is not certified <= 1", ss, ic_lm_hist (m, st));
          icc_set_how (r, "Not decided: the enclosure %s of the row sum at state \"%s\" contains 1, so the row is not certified to be a probability distribution (sum <= 1), which the check needs.",
                   ss, ic_lm_hist (m, st));
        }
      r->status = IC_ST_UNDECIDED;
      free (ss);
    }
  ic_ival_clear (sum);
  return ex != 0;
}
