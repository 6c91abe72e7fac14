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

/* The representation is sparse and keeps the back-off structure.  A node
 * u is a context with a list C(u) of stored entries (token x, P(x|u), the
 * state after x), sorted by token, and possibly a back-off node bo(u) with
 * weight bow(u): for a token x not in C(u),
 *     P(x|u) = bow(u) * P(x|bo(u)),      next(u, x) = next(bo(u), x).
 * Nodes 0..nstate-1 are the reachable states, in breadth-first order of
 * discovery from the start (tokens in index order, as a dense automaton
 * would number them); nodes nstate..nnode-1 are contexts used only as
 * back-off (for an ARPA model: unreachable n-gram contexts and the empty
 * context, whose row holds every token).  A table model's states have
 * complete rows and no back-off.  Nothing is of size nstate * ntok: memory
 * and the cost of a pass over the model are O(#entries + #nodes). */
typedef struct {
  int ntok;  char **tok;        /* tokens that can be emitted                */
  int nstate;                   /* reachable states: nodes 0..nstate-1       */
  int nnode;                    /* states, then back-off-only contexts       */
  int start;                    /* initial state                             */
  int exact;                    /* 1: q[] holds the exact probabilities      */
  long nent;                    /* stored entries                            */
  long *row;                    /* [nnode+1]: node u's entries row[u]..row[u+1]-1 */
  int *etok;                    /* [nent] token, increasing within a node    */
  int *enext;                   /* [nent] state after it (-1: unreachable)   */
  ic_ival_struct *p;            /* [nent] enclosure of the stored P(x|u)     */
  mpq_t *q;                     /* [nent] exact, when exact                  */
  double *key;                  /* [nent] non-decreasing function of the true
                                   P(x|u) within a node (a sort key)         */
  int *byval;                   /* [nent] each node's entries, largest key first */
  int *bo;                      /* [nnode] back-off node or -1               */
  ic_ival_struct *bow;          /* [nnode] back-off weight (where bo >= 0)   */
  int *depth;                   /* [nnode] back-off steps to a complete row  */
  int maxdepth;
  int *last;                    /* [nstate] last token of the state's
                                   breadth-first history, -1 if empty        */
  int *parent, *ptok;           /* [nstate] breadth-first tree (-1 at start) */
  char **hist;                  /* [nstate] histories, made on demand        */
  struct ic_lm_cache *cache;    /* row sums, made on demand (lm.c)           */
  const char *hist0;            /* history of the start state ("<s>" or "") */
  int ctxmax;                   /* the state is a function of the last ctxmax
                                   emitted tokens (of the whole history when
                                   it is shorter)                            */
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

/* Builds the model of a table (states = the last K tokens, complete rows).
 * Returns 0, or -1 with a message (e.g. no distribution for the empty
 * context, too many states). */
int ic_lm_from_table (ic_lm *m, const ic_lm_table *t, char *err, size_t errlen);

/* Builds the automaton of an ARPA model: emitted tokens are the unigrams
 * except <s>; a state is the longest suffix (<= N-1 words) of the history
 * that is an n-gram of the model (exact for back-off models whose n-gram
 * contexts are n-grams, which the reader checks); the history starts as
 * "<s>" and returns to it after "</s>" (a stream of sentences).  Only
 * states reachable from the start are kept.  A unigram model (order 1) has
 * one state.  The rows keep the back-off structure: the nodes are the
 * n-gram contexts (and the empty context) with their stored n-grams, each
 * backing off to its longest proper suffix that is a context.  Errors name
 * the model file and a line of it. */
int ic_lm_from_arpa (ic_lm *m, const ic_arpa *a, mpfr_prec_t prec,
                     char *err, size_t errlen);

void ic_lm_clear (ic_lm *m);

/* Access (cost: a binary search per node of the back-off chain).
 * ic_lm_prob: out encloses P(x|s).  ic_lm_prob_q: the exact P(x|s) of an
 * exact model.  ic_lm_next: the state after x from state s.
 * ic_lm_hist: a shortest history reaching state s (first in token order),
 * tokens separated by spaces, "<s>" first for ARPA models; owned by m. */
void ic_lm_prob (ic_ival_ptr out, const ic_lm *m, int s, int x);
mpq_srcptr ic_lm_prob_q (const ic_lm *m, int s, int x);
int ic_lm_next (const ic_lm *m, int s, int x);
const char *ic_lm_hist (const ic_lm *m, int s);

/* mx/mn enclose max_x P(x|s) and min_x P(x|s) (either may be NULL); tmx,
 * tmn get tokens attaining them (extreme upper / lower end, smallest index
 * among ties). */
void ic_lm_row_extremes (ic_ival_ptr mx, ic_ival_ptr mn, int *tmx, int *tmn, const ic_lm *m, int s);

/* out encloses max over reachable states s of max_x P(x|s) / min_x P(x|s);
 * returns -1 when some row's minimum is not certified > 0. */
int ic_lm_max_row_ratio (ic_ival_ptr out, const ic_lm *m);

/* out encloses the row sum sum_x P(x|s) (row sums are computed once). */
void ic_lm_row_sum (ic_ival_ptr out, const ic_lm *m, int s);

/* 1 when every stored probability and back-off weight is certified >= 0. */
int ic_lm_nonneg (const ic_lm *m);

/* mn/mx enclose min_s P(x|s) and max_s P(x|s) over the reachable states
 * (exact in qmn/qmx for exact models when qmn is not NULL). */
void ic_lm_token_range (ic_ival_ptr mn, ic_ival_ptr mx, mpq_t qmn, mpq_t qmx, const ic_lm *m, int x);

/* Candidate tokens for a search over tokens (a heuristic): every token
 * when nstate * ntok <= 4e6 (out needs room for ntok), else the k tokens
 * stored at the fewest contexts.  Returns how many were written. */
int ic_lm_token_candidates (int *out, int k, const ic_lm *m);

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
/* Steps of ic_lm_paths within a fixed work budget, at most want, >= 1
 * (a heuristic, for plots). */
int ic_lm_paths_horizon (const ic_lm *m, int want);

/* Token-as-state check: finds two reachable states whose histories end in
 * the same token and a token w whose probabilities certainly differ
 * (exact inequality, or disjoint enclosures): pairs of states grouped by
 * last token, each pair's tokens compared in index order, at most 2e7
 * comparisons.  Returns 1 with s1, s2, w set, 0 if no such pair is
 * certified. */
int ic_lm_markov_witness (int *s1, int *s2, int *w, const ic_lm *m);

/* Markov of order k >= 1: does the window of the last k emitted tokens
 * (the whole history when it is shorter) determine the next-token
 * distribution?  Returns 3 when k >= ctxmax: the state itself is a
 * function of the window (structure of the model, see docs/claims.md).
 * Otherwise searches a witness among the states' breadth-first histories
 * grouped by their last k tokens; then, for small models (nstate * ntok *
 * k <= 1e8), explores the reachable pairs (state, window), at most 2^20 of
 * them.  Returns 1 with a witness: states s1, s2 reached by histories h1,
 * h2 (malloc'ed, tokens separated by spaces) with the same last k tokens,
 * and a token w whose probabilities certainly differ (exact inequality, or
 * disjoint enclosures); 2 when the enumeration shows that the window
 * determines the distribution (each window is reached in one state only,
 * or, for exact models, only in states with equal distributions); 0 when
 * nothing is certified; -1 when the pair limit is reached.  *npairs gets
 * the number of pairs explored (0 unless enumerated). */
int ic_lm_markov_order (int k, int *s1, int *s2, int *w, char **h1, char **h2,
                        long *npairs, const ic_lm *m);

#endif
