/* lm.h — finite-context language models as transition rules: exact
 * most-likely-path (Viterbi) and token-marginal (forward) probabilities,
 * the non-degeneracy constant eps, the normalisation defect, and the
 * Markov-order (token-as-state) check.
 *
 * A model is a finite automaton over context states: from state s the next
 * token w has probability P(w|s) and leads to state next(s, w).  Models
 * with rational probabilities (written in a claim file) are "exact": every
 * quantity is computed in GMP rationals.  ARPA models have probabilities
 * 10^x (x rational), held as outward-rounded MPFR enclosures; every derived
 * quantity is then an enclosure too.
 */
#ifndef IC_LM_H
#define IC_LM_H
#include <gmp.h>
#include "ival.h"
#include "arpa.h"

typedef struct {
  int ntok;  char **tok;        /* tokens that can be emitted                */
  int nstate;
  char **hist;                  /* a shortest history reaching each state    */
  int *last;                    /* last token of that history, -1 if empty   */
  int start;                    /* initial state                             */
  int exact;                    /* 1: q[] holds the exact probabilities      */
  mpq_t *q;                     /* [nstate * ntok] when exact                */
  ic_ival_struct *p;            /* [nstate * ntok] enclosures (always)       */
  int *next;                    /* [nstate * ntok]                           */
  mpfr_prec_t prec;
  int normalised;               /* 1: each row was divided by its sum (so it
                                   sums to exactly 1; enclosures contain 1) */
  char desc[160];               /* what the states are, for reports          */
} ic_lm;

/* A table model: tokens, and for some contexts (token sequences of length
 * <= K, the empty one included) an exact distribution.  The rule at a
 * history is the distribution of its longest suffix that has one.  Contexts
 * are given as token-index arrays; dist[c] has ntok rationals. */
typedef struct {
  int ntok; char **tok;
  int nctx;
  int *ctxlen; int **ctx;       /* ctx[c][0..ctxlen[c]-1]                    */
  mpq_t **dist;                 /* dist[c][w]                                */
} ic_lm_table;

/* Builds the automaton of a table model (states = the last K tokens).
 * Returns 0, or -1 with a message (e.g. no distribution for the empty
 * context, too many states). */
int ic_lm_from_table (ic_lm *m, const ic_lm_table *t, char *err, size_t errlen);

/* Builds the automaton of an ARPA model: emitted tokens are the unigrams
 * except <s>; a state is the longest suffix (<= N-1 words) of the history
 * that is an n-gram of the model (exact for back-off models whose n-gram
 * contexts are n-grams, which the reader checks); the history starts as
 * "<s>" and returns to it after "</s>" (a stream of sentences).  Only
 * states reachable from the start are kept.  A unigram model (order 1) has
 * one state.  Errors name the model file and a line of it. */
int ic_lm_from_arpa (ic_lm *m, const ic_arpa *a, mpfr_prec_t prec,
                     char *err, size_t errlen);

void ic_lm_clear (ic_lm *m);

/* eps = 1 - max_{s,w} P(w|s) over reachable states, enclosed in out;
 * the maximising state and token are returned (for exact models q_out gets
 * the exact eps).  Non-degenerate iff eps > 0. */
void ic_lm_eps (ic_ival_ptr out, mpq_t q_out, int *state, int *tok, const ic_lm *m);

/* Normalisation: out encloses max_s |sum_w P(w|s) - 1| (an upper bound is
 * out->hi); lo/hi receive the enclosure of the smallest and of the largest
 * row sum. */
void ic_lm_defect (ic_ival_ptr out, ic_ival_ptr minsum, ic_ival_ptr maxsum, const ic_lm *m);

/* The row-normalised reading: P'(w|s) = P(w|s) / S_s with S_s the row
 * sum (exact division for exact models; enclosures p / S with outward
 * rounding otherwise), so that every row is a probability distribution
 * summing to exactly 1 (mathematically; enclosures of the new sums contain
 * 1).  minsum/maxsum get the enclosures of the smallest and largest row
 * sum before the division.  Returns 0, or -1 when some row's sum is not
 * certified > 0 (*state gets it; nothing is changed). */
int ic_lm_normalise_rows (ic_lm *m, ic_ival_ptr minsum, ic_ival_ptr maxsum, int *state);

/* The smallest transition probability pmin = min over reachable states s
 * and tokens w of P(w|s), enclosed in out (exact in q_out for exact
 * models); *state and *tok get a minimising pair (for an enclosure: the
 * one with the smallest lower end, a choice of presentation). */
void ic_lm_minprob (ic_ival_ptr out, mpq_t q_out, int *state, int *tok, const ic_lm *m);

/* Row sums against 1 (is each state's row a sub-probability
 * distribution?).  Returns 1 when some state's row sum is certainly above
 * 1 (exact comparison, or an enclosure with lower end > 1): *state and sum
 * get the first such state and the enclosure of its sum; 0 when every row
 * sum is certainly <= 1; -1 when neither (an enclosure contains 1; *state
 * and sum get the first such state).  Never clamps: a defect is returned
 * as the value it has. */
int ic_lm_row_excess (int *state, ic_ival_ptr sum, const ic_lm *m);

/* 1 when the last emitted token determines the state (every transition
 * that emits token x, from any reachable state, leads to the same state),
 * so that the next-token distribution is a function of the last token;
 * 0 when this structural test does not show it. */
int ic_lm_last_token_determines_state (const ic_lm *m);

/* Path probabilities for steps 1..nmax:
 *   V[n][x] = max over token sequences s_1..s_n with s_n = x of P(s_1..s_n)
 *   M[n][x] = sum over the same sequences (the marginal of x at step n)
 * Arrays are (nmax+1)*ntok, row n at offset n*ntok (row 0 unused).
 * Exact version for exact models (mpq), interval version for any model. */
void ic_lm_paths_q (mpq_t *V, mpq_t *M, const ic_lm *m, int nmax);
void ic_lm_paths (ic_ival_struct *V, ic_ival_struct *M, const ic_lm *m, int nmax);

/* Token-as-state check: finds two reachable states whose histories end in
 * the same token and a token w whose probabilities certainly differ
 * (exact inequality, or disjoint enclosures).  Returns 1 with s1, s2, w
 * set, 0 if no such pair is certified. */
int ic_lm_markov_witness (int *s1, int *s2, int *w, const ic_lm *m);

/* Markov of order k >= 1: does the window of the last k emitted tokens
 * (the whole history when it is shorter) determine the next-token
 * distribution?  Explores the reachable pairs (state, window), at most
 * 2^20 of them.  Returns 1 with a witness: states s1, s2 reached by
 * histories h1, h2 (malloc'ed, tokens separated by spaces) with the same
 * last k tokens, and a token w whose probabilities certainly differ (exact
 * inequality, or disjoint enclosures); 2 when the window determines the
 * distribution (each window is reached in one state only, or, for exact
 * models, only in states with equal distributions); 0 when neither is
 * certified; -1 when the pair limit is reached.  *npairs gets the number
 * of pairs explored. */
int ic_lm_markov_order (int k, int *s1, int *s2, int *w, char **h1, char **h2,
                        long *npairs, const ic_lm *m);

#endif
