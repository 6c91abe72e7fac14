/* claims/nondeg.c — "nondegenerate(MODEL)": eps = 1 - max P(token | state)
 * over the reachable states is > 0, i.e. no reachable state emits one token
 * with certainty (the essay's non-degeneracy hypothesis).
 *
 * Decides by an exact rational comparison for table models, else by an
 * outward enclosure of eps (src/lm.c): proved when eps is certainly > 0,
 * refuted when it is certainly <= 0 (a reachable state gives some token
 * probability 1), undecided when the enclosure contains 0. */

#include "claims_int.h"

void icc_check_nondeg (ic_check_entry *ce, ic_model_def *d)
{
  ic_check_result *r = &ce->r;
  ic_lm *m = &d->lm;
  icc_model_facts (r, d);
  ic_ival_t eps; ic_ival_init2 (eps, PREC);
  mpq_t qe; mpq_init (qe);
  int st, tok;
  icc_eps_of (eps, qe, &st, &tok, m);
  char *es = m->exact ? icc_q_short (qe) : icc_ival_str (eps, 10);
  KV (r, "eps = 1 - max P(w|state)", "%s", es);
  KV (r, "largest probability at", "state \"%s\", token \"%s\"", ic_lm_hist (m, st), m->tok[tok]);
  if (!m->exact) icc_defect_facts (r, m);
  if (ic_ival_is_pos (eps))
    {
      r->status = IC_ST_PROVED;
      icc_set_how (r, "Every next-token probability of every reachable state is at most 1 - eps with eps %s > 0 (%s over all %d states and %d tokens).",
               es, m->exact ? "exact maximum" : "enclosure of the maximum", m->nstate, m->ntok);
    }
  else if (ic_ival_is_nonpos (eps))
    {
      /* the value as it is (exact, or its enclosure): a defect above 1
       * never reaches here (icc_distribution_gate), and nothing is clamped */
      char *ps = icc_prob_str (m, st, tok);
      r->status = IC_ST_REFUTED;
      r->witness = icc_fmt ("state \"%s\" gives token \"%s\" probability %s", ic_lm_hist (m, st), m->tok[tok], ps);
      icc_set_how (r, "Some reachable state gives a token probability %s, so eps = 1 - max <= 0.", ps);
      free (ps);
    }
  else icc_set_how (r, "The enclosure of eps contains 0.");
  free (es);
  mpq_clear (qe);
  ic_ival_clear (eps);
}
