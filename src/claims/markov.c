/* claims/markov.c — "markov(MODEL)" and "markov(MODEL, order = k)": do the
 * last token (or the last k tokens) determine the next-token distribution?
 *
 * Decides: refuted by two reachable histories with the same last token(s)
 * and certainly different probabilities (exact rationals, or disjoint
 * outward enclosures; both histories printed).  Without "order": proved for
 * tables by exact equality of the distributions of states with the same last
 * token, and for any model when every transition emitting a token leads to
 * one state (e.g. a unigram model).  With "order = k": src/lm.c enumerates
 * the reachable (state, last k tokens) pairs; proved when each window lies
 * in one state only, or (tables) only in states with exactly equal
 * distributions.  A counter rule is refuted by two histories of 0s of
 * different lengths, whose probabilities p(.) are enclosed by eval.c. */

#include "claims_int.h"

/* "markov(MODEL, order = k)": do the last k tokens determine the next-token
 * distribution (a Markov chain of order k over tokens)?  Counter rules
 * count every 0 of the history, so no k works: the histories of k and of
 * k + 1 zeros end in the same k tokens and get p(k + from), p(k + 1 + from).
 * Other models: the reachable (state, last k tokens) pairs (src/lm.c). */
static void check_markov_order (ic_check_entry *ce, ic_model_def *d, int k)
{
  ic_check_result *r = &ce->r;
  KV (r, "order k (the state is the last k tokens)", "%d", k);
  if (d->kind == MD_COUNTER)
    {
      tenv env; ic_ival_t n, a, b;
      ic_ival_init2 (n, PREC); ic_ival_init2 (a, PREC); ic_ival_init2 (b, PREC);
      env.n = n; env.p = NULL; mpq_init (env.sent); icc_scan_q (env.sent, SENTINEL_TEXT);
      ic_ival_set_ui (n, d->from + (unsigned long) k); int ra = icc_tev (a, d->node, &env);
      ic_ival_set_ui (n, d->from + (unsigned long) k + 1); int rb = icc_tev (b, d->node, &env);
      KV (r, "model", "counter rule over tokens {0, 1}: P(0 | history) = p(z + %lu), z = number of 0s so far, p(n) = %s", d->from, d->term);
      char *as = icc_ival_str (a, 12), *bs = icc_ival_str (b, 12);
      if (ra == 0 && rb == 0 && (ic_ival_lt (a, b) || ic_ival_lt (b, a)))
        {
          r->status = IC_ST_REFUTED;
          r->witness = icc_fmt ("the histories of %d and of %d zeros end in the same %d tokens, yet P(0 | first) = p(%lu) and P(0 | second) = p(%lu) differ",
                            k, k + 1, k, d->from + (unsigned long) k, d->from + (unsigned long) k + 1);
          r->witness_how = icc_fmt ("Enclosures p(%lu) in %s and p(%lu) in %s are disjoint.", d->from + (unsigned long) k, as, d->from + (unsigned long) k + 1, bs);
          icc_set_how (r, "The last %d tokens do not determine the next-token distribution: the rule counts every 0 of the history.", k);
        }
      else icc_set_how (r, "The enclosures of p(%lu) = %s and p(%lu) = %s are not disjoint.", d->from + (unsigned long) k, as, d->from + (unsigned long) k + 1, bs);
      free (as); free (bs);
      mpq_clear (env.sent); ic_ival_clear (n); ic_ival_clear (a); ic_ival_clear (b);
      return;
    }
  ic_lm *m = &d->lm;
  icc_model_facts (r, d);
  int s1, s2, w; char *h1 = NULL, *h2 = NULL; long np = 0;
  int rc = ic_lm_markov_order (k, &s1, &s2, &w, &h1, &h2, &np, m);
  if (rc != 3) KV (r, "reachable (state, last k tokens) pairs", "%ld", np);
  if (rc == 3)
    {
      r->status = IC_ST_PROVED;
      if (m->exact && m->ctxmax == 0)
        icc_set_how (r, "The model has one state (its table has a distribution for the empty context only), so the next-token distribution does not depend on the history at all: a Markov chain of order %d.", k);
      else if (m->exact)
        icc_set_how (r, "The model's states are the windows of the last %d token(s) of the history (the longest context of its table), so the last %d >= %d tokens determine the state and with it the next-token distribution (a Markov chain of order %d).",
                     m->ctxmax, k, m->ctxmax, k);
      else
        icc_set_how (r, "A state is the longest suffix of at most %d words of the history (with <s> at its start and after each </s>) that is an n-gram context of the model, so it is a function of the last %d emitted tokens (of the whole history when it is shorter): every n-gram's context is itself an n-gram (checked when the model is read), so the longest context suffix of a history followed by x is found from the state and x alone. The last %d >= %d tokens therefore determine the state and with it the next-token distribution (a Markov chain of order %d).",
                     m->ctxmax, m->ctxmax, k, m->ctxmax, k);
    }
  else if (rc == 1)
    {
      char *a = icc_prob_str (m, s1, w), *b = icc_prob_str (m, s2, w);
      r->status = IC_ST_REFUTED;
      r->witness = icc_fmt ("histories \"%s\" and \"%s\" end in the same %d token(s), but P(\"%s\" | first) = %s and P(\"%s\" | second) = %s",
                        h1, h2, k, m->tok[w], a, m->tok[w], b);
      r->witness_how = icc_xstrdup (m->exact ? "Exact rationals, different." : "Disjoint outward-rounded enclosures.");
      icc_set_how (r, "The last %d tokens do not determine the next-token distribution (two reachable histories with the same last %d tokens differ).", k, k);
      free (a); free (b);
    }
  else if (rc == 2)
    {
      r->status = IC_ST_PROVED;
      icc_set_how (r, "All %ld reachable pairs (model state, last %d tokens) were enumerated from the start: histories with the same last %d tokens %s, so the last %d tokens are a sufficient state (a Markov chain of order %d).",
               np, k, k, m->exact ? "lead to states with exactly equal distributions" : "always lead to the same model state", k, k);
    }
  else if (rc == -1) icc_set_how (r, "Not decided: more than %ld (state, last %d tokens) pairs (a resource limit).", np, k);
  else icc_set_how (r, "Some histories with the same last %d tokens lead to different states whose enclosures neither differ certainly nor can show equality.", k);
  free (h1); free (h2);
}

void icc_check_markov (ic_check_entry *ce, ic_model_def *d)
{
  ic_check_result *r = &ce->r;
  if (ce->c->nmax > 0) { check_markov_order (ce, d, ce->c->nmax); return; }
  if (d->kind == MD_COUNTER)
    {
      /* histories over {0, 1}: P(0 | h) = p(zeros(h) + from).  Two histories
       * ending in the same token with different zero counts. */
      const char *h1 = "0", *h2 = "0 0";
      tenv env; ic_ival_t n, a, b;
      ic_ival_init2 (n, PREC); ic_ival_init2 (a, PREC); ic_ival_init2 (b, PREC);
      env.n = n; env.p = NULL; mpq_init (env.sent); icc_scan_q (env.sent, SENTINEL_TEXT);
      ic_ival_set_ui (n, d->from + 1); int ra = icc_tev (a, d->node, &env);
      ic_ival_set_ui (n, d->from + 2); int rb = icc_tev (b, d->node, &env);
      KV (r, "model", "counter rule over tokens {0, 1}: P(0 | history) = p(z + %lu), z = number of 0s so far, p(n) = %s", d->from, d->term);
      char *as = icc_ival_str (a, 12), *bs = icc_ival_str (b, 12);
      if (ra == 0 && rb == 0 && (ic_ival_lt (a, b) || ic_ival_lt (b, a)))
        {
          r->status = IC_ST_REFUTED;
          r->witness = icc_fmt ("histories \"%s\" and \"%s\" both end in token 0, yet P(0 | \"%s\") = p(%lu) and P(0 | \"%s\") = p(%lu) differ", h1, h2, h1, d->from + 1, h2, d->from + 2);
          r->witness_how = icc_fmt ("Enclosures p(%lu) in %s and p(%lu) in %s are disjoint.", d->from + 1, as, d->from + 2, bs);
          icc_set_how (r, "The last token does not determine the next-token distribution: two histories with the same last token get different distributions.");
        }
      else icc_set_how (r, "The enclosures of p(%lu) = %s and p(%lu) = %s are not disjoint.", d->from + 1, as, d->from + 2, bs);
      free (as); free (bs);
      mpq_clear (env.sent); ic_ival_clear (n); ic_ival_clear (a); ic_ival_clear (b);
      return;
    }
  ic_lm *m = &d->lm;
  icc_model_facts (r, d);
  int s1, s2, w;
  if (ic_lm_markov_witness (&s1, &s2, &w, m))
    {
      char *a = icc_prob_str (m, s1, w), *b = icc_prob_str (m, s2, w);
      r->status = IC_ST_REFUTED;
      r->witness = icc_fmt ("histories \"%s\" and \"%s\" both end in \"%s\", but P(\"%s\" | first) = %s and P(\"%s\" | second) = %s",
                        ic_lm_hist (m, s1), ic_lm_hist (m, s2), m->tok[m->last[s1]], m->tok[w], a, m->tok[w], b);
      r->witness_how = icc_xstrdup (m->exact ? "Exact rationals, different." : "Disjoint outward-rounded enclosures.");
      icc_set_how (r, "The last token does not determine the next-token distribution (two reachable histories with the same last token differ).");
      free (a); free (b);
    }
  else if (m->exact)
    {
      r->status = IC_ST_PROVED;
      icc_set_how (r, "All reachable states with the same last token have exactly equal distributions, so the last token is a sufficient state.");
    }
  else if (ic_lm_last_token_determines_state (m))
    {
      r->status = IC_ST_PROVED;
      icc_set_how (r, "Every transition that emits a token x leads to the same state, whatever state it starts from (checked for %d tokens and %d reachable states), so the last token determines the state and with it the next-token distribution.",
               m->ntok, m->nstate);
    }
  else icc_set_how (r, "No pair of states with the same last token was certified to differ.");
}
