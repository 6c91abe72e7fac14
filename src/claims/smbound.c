/* claims/smbound.c — "softmax-bound(MODEL)": item 3's hypothesis on a
 * model.  Every reachable row sums to 1 and every probability is > 0, so
 * each row is the softmax of finite logits log P(w|s) of width
 * D_s = log(max/min).
 *
 * Decides: refuted by a reachable probability exactly 0; undecided when the
 * rows are not distributions (ARPA read as stored; use "normalise: rows").
 * The bound max <= 1 / (1 + (V-1) e^-D) is a lemma for any positive row
 * summing to 1 (it says max + (V-1) min <= 1), so it is not checked again:
 * the check reports pmin, D = max_s D_s, the eps the bound guarantees and
 * the model's own eps, all as outward enclosures. */

#include "claims_int.h"

/* Claim 3 on a model ("softmax-bound"): does the model satisfy item 3's
 * hypothesis, and what does the bound then give?  A row that sums to 1 is
 * the softmax of the logits z_w = log P(w|s) exactly when every P(w|s) is
 * > 0 (a probability 0 has no finite logit); its logits then lie in an
 * interval of width D_s = log(max/min).  That part can fail on a model:
 * refuted by a reachable state giving a token probability exactly 0,
 * undecided when the rows are not distributions (read the model with
 * "normalise: rows").  The bound itself, max <= 1 / (1 + (V-1) e^-D_s),
 * is then a lemma for any positive row summing to 1 (it says max + (V-1)
 * min <= 1), so it is not checked again: what the check adds is pmin > 0
 * and the eps the bound guarantees with D = max_s D_s,
 * eps_D = 1 - 1/(1 + (V-1) e^-D), beside the lower-bound form
 * eps >= (V-1) pmin and the model's actual eps. */
void icc_check_smbound (ic_check_entry *ce, ic_model_def *d)
{
  ic_check_result *r = &ce->r;
  ic_lm *m = &d->lm;
  icc_model_facts (r, d);
  int V = m->ntok;
  /* rows must be distributions: exact tables (sum 1, parser), or rows
   * normalised by construction */
  if (!m->exact && !m->normalised)
    {
      icc_defect_facts (r, m);
      icc_set_how (r, "Not decided: the rows are read as stored and do not sum to 1, so they are not the output of a softmax (which sums to 1); item 3 is about a softmax, so read the model with \"normalise: rows\".");
      return;
    }
  ic_ival_t mx, mn, D, B, t, pmin, epsD, epsL, eps, one;
  ic_ival_init2 (mx, PREC); ic_ival_init2 (mn, PREC); ic_ival_init2 (D, PREC); ic_ival_init2 (B, PREC);
  ic_ival_init2 (t, PREC); ic_ival_init2 (pmin, PREC); ic_ival_init2 (epsD, PREC); ic_ival_init2 (epsL, PREC);
  ic_ival_init2 (eps, PREC); ic_ival_init2 (one, PREC);
  ic_ival_set_ui (one, 1);
  mpq_t qmin, qe; mpq_inits (qmin, qe, NULL);
  int ms, mw, es_, ew;
  ic_lm_minprob (pmin, qmin, &ms, &mw, m);
  ic_lm_eps (eps, qe, &es_, &ew, m);
  char *ps = m->exact ? icc_q_short (qmin) : icc_ival_str (pmin, 10);
  KV (r, "smallest next-token probability pmin", "%s (state \"%s\", token \"%s\")", ps, ic_lm_hist (m, ms), m->tok[mw]);
  if (m->exact ? mpq_sgn (qmin) == 0 : 0)
    {
      r->status = IC_ST_REFUTED;
      r->witness = icc_fmt ("state \"%s\" gives token \"%s\" probability 0, which no softmax of finite logits gives", ic_lm_hist (m, ms), m->tok[mw]);
      r->witness_how = icc_xstrdup ("Exact rational 0 in the model's row.");
      icc_set_how (r, "Some reachable row has a probability 0, so it is not a softmax of finite logits and item 3's bound does not apply to it.");
      goto out;
    }
  if (!ic_ival_is_pos (pmin))
    {
      icc_set_how (r, "The smallest probability %s is not certified > 0.", ps);
      goto out;
    }
  /* D = max_s log(max_s / min_s) = log(max_s (max_s / min_s)): the
   * ratio's enclosure is the endpoint-wise maximum over the rows */
  ic_lm_max_row_ratio (t, m);                   /* every min >= pmin.lo > 0 */
  ic_ival_log (D, t);                           /* D encloses max_s D_s */
  ic_softmax_max_bound (B, (unsigned long) V, D);
  ic_ival_sub (epsD, one, B);                   /* encloses 1 - 1/(1 + (V-1) e^-D) */
  ic_ival_set_ui (t, (unsigned long) V - 1);
  ic_ival_mul (epsL, t, pmin);                  /* encloses (V-1) pmin */
  char *Ds = icc_ival_str (D, 8), *eD = icc_ival_str (epsD, 8), *eL = icc_ival_str (epsL, 8);
  char *es = m->exact ? icc_q_short (qe) : icc_ival_str (eps, 10);
  KV (r, "largest logit width D = max over states of log(max/min) of the row", "%s", Ds);
  KV (r, "eps guaranteed by item 3's bound at width D: 1 - 1/(1 + (V-1) e^-D)", "%s", eD);
  KV (r, "eps guaranteed by the smallest probability: (V-1) pmin", "%s", eL);
  KV (r, "the model's eps = 1 - max P(w|state)", "%s", es);
  /* consistency only: both guarantees are lemmas, eps >= each */
  int consistent = !mpfr_greater_p (epsD->lo, eps->hi) && !mpfr_greater_p (epsL->lo, eps->hi);
  if (consistent)
    {
      r->status = IC_ST_PROVED;
      icc_set_how (r, "Every probability of the %d reachable states is certified > 0 (pmin %s) and each row sums to 1, so each row is the softmax of the logits log P(w|s), which lie in an interval of width at most D = %s: item 3's hypothesis holds, and its bound gives eps >= %s > 0. The bound itself holds for any positive row summing to 1 (it says max + (V-1) min <= 1), so what this check shows about the model is pmin > 0; the lower-bound form, max <= 1 - (V-1) pmin, gives eps >= %s. The model's actual eps is %s.",
               m->nstate, ps, Ds, eD, eL, es);
    }
  else icc_set_how (r, "The enclosures contradict a lemma (eps below a guaranteed bound), which signals a bug.");
  free (Ds); free (eD); free (eL); free (es);
out:
  free (ps);
  mpq_clears (qmin, qe, NULL);
  ic_ival_clear (mx); ic_ival_clear (mn); ic_ival_clear (D); ic_ival_clear (B); ic_ival_clear (t);
  ic_ival_clear (pmin); ic_ival_clear (epsD); ic_ival_clear (epsL); ic_ival_clear (eps); ic_ival_clear (one);
}
