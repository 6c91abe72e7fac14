/* lm.c — finite-context models: automaton construction, eps, defect,
 * Viterbi/forward path probabilities (exact and enclosed), Markov check. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "lm.h"
#include "claims.h"

#define LM_MAX_STATES 200000

static char *cat_hist (const char *h, const char *w)
{
  size_t a = strlen (h), b = strlen (w);
  char *s = malloc (a + b + 2);
  if (!s) ic_claims_out_of_memory ();
  memcpy (s, h, a);
  if (a) s[a++] = ' ';
  memcpy (s + a, w, b + 1);
  return s;
}

static void *xcalloc (size_t n, size_t sz)
{
  void *p = calloc (n ? n : 1, sz);
  if (!p) ic_claims_out_of_memory ();
  return p;
}

static void lm_alloc (ic_lm *m, int ntok, int cap, int exact)
{
  m->ntok = ntok;
  m->exact = exact;
  m->hist = xcalloc ((size_t) cap, sizeof (char *));
  m->last = xcalloc ((size_t) cap, sizeof (int));
  m->next = xcalloc ((size_t) cap * (size_t) ntok, sizeof (int));
  m->p = xcalloc ((size_t) cap * (size_t) ntok, sizeof (ic_ival_struct));
  if (exact) m->q = xcalloc ((size_t) cap * (size_t) ntok, sizeof (mpq_t));
}

void ic_lm_clear (ic_lm *m)
{
  size_t n = (size_t) m->nstate * (size_t) m->ntok;
  for (size_t i = 0; i < n; i++)
    {
      ic_ival_clear (&m->p[i]);
      if (m->exact) mpq_clear (m->q[i]);
    }
  for (int i = 0; i < m->nstate; i++) free (m->hist[i]);
  for (int i = 0; i < m->ntok; i++) free (m->tok[i]);
  free (m->tok); free (m->hist); free (m->last); free (m->next); free (m->p); free (m->q);
  memset (m, 0, sizeof *m);
}

/* ---- table models ----------------------------------------------------- */

/* Longest context of t that is a suffix of seq[0..len-1]; -1 if none. */
static int table_ctx (const ic_lm_table *t, const int *seq, int len)
{
  int best = -1, bl = -1;
  for (int c = 0; c < t->nctx; c++)
    {
      int k = t->ctxlen[c];
      if (k > len || k <= bl) continue;
      /* k = 0 (the start context, ctx[c] may be NULL): memcmp with a null
       * pointer is undefined even for 0 bytes (UBSan, make check-sanitize) */
      if (k == 0 || memcmp (t->ctx[c], seq + len - k, sizeof (int) * (size_t) k) == 0) { best = c; bl = k; }
    }
  return best;
}

int ic_lm_from_table (ic_lm *m, const ic_lm_table *t, char *err, size_t errlen)
{
  memset (m, 0, sizeof *m);
  int K = 0;
  for (int c = 0; c < t->nctx; c++) if (t->ctxlen[c] > K) K = t->ctxlen[c];
  if (table_ctx (t, NULL, 0) < 0)
    { snprintf (err, errlen, "no distribution for the empty context (a \"start:\" line)"); return -1; }
  /* states: sequences of length <= K, reached by BFS; key stored in keys */
  int cap = 1024;
  int *keys = xcalloc ((size_t) cap * (size_t) (K + 1), sizeof (int)); /* [len, w...] */
  lm_alloc (m, t->ntok, cap, 1);
  m->prec = 128;
  m->tok = xcalloc ((size_t) t->ntok, sizeof (char *));
  for (int i = 0; i < t->ntok; i++) m->tok[i] = strdup (t->tok[i]);
  snprintf (m->desc, sizeof m->desc, "states: the last %d token(s) of the history", K);
  m->nstate = 1; keys[0] = 0; m->hist[0] = strdup (""); m->last[0] = -1; m->start = 0;
  int seq[64];
  for (int s = 0; s < m->nstate; s++)
    {
      int len = keys[s * (K + 1)];
      memcpy (seq, keys + s * (K + 1) + 1, sizeof (int) * (size_t) len);
      int c = table_ctx (t, seq, len);
      for (int w = 0; w < t->ntok; w++)
        {
          size_t i = (size_t) s * (size_t) t->ntok + (size_t) w;
          mpq_init (m->q[i]);
          mpq_set (m->q[i], t->dist[c][w]);
          ic_ival_init2 (&m->p[i], m->prec);
          ic_ival_set_q (&m->p[i], m->q[i]);
          /* successor: (seq w) truncated to its last K tokens */
          int nseq[65], nl = len + 1;
          memcpy (nseq, seq, sizeof (int) * (size_t) len); nseq[len] = w;
          int *ns = nseq;
          if (nl > K) { ns += nl - K; nl = K; }
          int found = -1;
          for (int u = 0; u < m->nstate && found < 0; u++)
            if (keys[u * (K + 1)] == nl && memcmp (keys + u * (K + 1) + 1, ns, sizeof (int) * (size_t) nl) == 0)
              found = u;
          if (found < 0)
            {
              if (m->nstate == LM_MAX_STATES)
                { snprintf (err, errlen, "more than %d context states", LM_MAX_STATES); free (keys); ic_lm_clear (m); return -1; }
              if (m->nstate == cap)
                {
                  /* grow every per-state array */
                  int ncap = cap * 2;
                  keys = realloc (keys, sizeof (int) * (size_t) ncap * (size_t) (K + 1));
                  m->hist = realloc (m->hist, sizeof (char *) * (size_t) ncap);
                  m->last = realloc (m->last, sizeof (int) * (size_t) ncap);
                  m->next = realloc (m->next, sizeof (int) * (size_t) ncap * (size_t) t->ntok);
                  m->p = realloc (m->p, sizeof (ic_ival_struct) * (size_t) ncap * (size_t) t->ntok);
                  m->q = realloc (m->q, sizeof (mpq_t) * (size_t) ncap * (size_t) t->ntok);
                  if (!keys || !m->hist || !m->last || !m->next || !m->p || !m->q)
                    ic_claims_out_of_memory ();
                  cap = ncap;
                }
              found = m->nstate++;
              keys[found * (K + 1)] = nl;
              memcpy (keys + found * (K + 1) + 1, ns, sizeof (int) * (size_t) nl);
              m->hist[found] = cat_hist (m->hist[s], t->tok[w]);
              m->last[found] = w;
            }
          m->next[i] = found;
        }
    }
  free (keys);
  return 0;
}

/* ---- ARPA models ------------------------------------------------------ */

/* Longest suffix of seq[0..len-1] (at most N-1 words) that is an n-gram. */
static long arpa_state (const ic_arpa *a, const int *seq, int len)
{
  int k = len < a->order - 1 ? len : a->order - 1;
  for (; k >= 1; k--)
    {
      long g = ic_arpa_find (a, k, seq + len - k);
      if (g >= 0) return g;
    }
  return -1;
}

int ic_lm_from_arpa (ic_lm *m, const ic_arpa *a, mpfr_prec_t prec,
                     char *err, size_t errlen)
{
  memset (m, 0, sizeof *m);
  /* errors name the file and a line: the \1-grams: header for a missing
   * word, the top-order header for the state limit */
  const char *name = a->name ? a->name : "(ARPA model)";
  int bos = ic_arpa_word (a, "<s>"), eos = ic_arpa_word (a, "</s>");
  if (bos < 0 || eos < 0)
    {
      snprintf (err, errlen, "%s:%ld:1: the 1-grams have no %s (the history starts at <s> and a sentence ends with </s>)",
                name, a->section_line[1], bos < 0 ? "<s>" : "</s>");
      return -1;
    }
  int ntok = a->nword - 1;
  int *tokword = xcalloc ((size_t) ntok, sizeof (int));
  for (int i = 0, j = 0; i < a->nword; i++) if (i != bos) tokword[j++] = i;
  long *stateof = xcalloc ((size_t) a->ngram, sizeof (long));   /* gram -> state+1 */
  long *gramof = xcalloc ((size_t) a->ngram, sizeof (long));    /* state -> gram   */
  lm_alloc (m, ntok, (int) (a->ngram < LM_MAX_STATES ? a->ngram : LM_MAX_STATES), 0);
  m->prec = prec;
  m->tok = xcalloc ((size_t) ntok, sizeof (char *));
  for (int j = 0; j < ntok; j++) m->tok[j] = strdup (a->word[tokword[j]]);
  if (a->order == 1)
    snprintf (m->desc, sizeof m->desc, "one state: a unigram model ignores the history");
  else
    snprintf (m->desc, sizeof m->desc,
              "states: longest suffix (<= %d words) of the history that is an n-gram of the model", a->order - 1);
  long g0 = ic_arpa_find (a, 1, &bos);
  stateof[g0] = 1; gramof[0] = g0; m->nstate = 1; m->start = 0;
  m->hist[0] = strdup ("<s>"); m->last[0] = -1;
  mpq_t lp; mpq_init (lp);
  ic_ival_t ln10, t;
  ic_ival_init2 (ln10, prec); ic_ival_init2 (t, prec);
  if (a->base_num)                             /* a log base other than 10 */
    {
      mpq_t b; mpq_init (b);
      mpq_set_ui (b, a->base_num, a->base_den); mpq_canonicalize (b);
      ic_ival_set_q (ln10, b);
      mpq_clear (b);
    }
  else ic_ival_set_ui (ln10, 10);
  ic_ival_log (ln10, ln10);                    /* ln10 encloses log(base) */
  int seq[IC_ARPA_MAX_ORDER + 1];
  int filled = 0;                              /* rows of p initialised */
  for (int s = 0; s < m->nstate; s++)
    {
      const ic_arpa_gram *g = &a->g[gramof[s]];
      for (int j = 0; j < ntok; j++) ic_ival_init2 (&m->p[(size_t) s * (size_t) ntok + (size_t) j], prec);
      filled = s + 1;
      for (int j = 0; j < ntok; j++)
        {
          int w = tokword[j];
          size_t i = (size_t) s * (size_t) ntok + (size_t) j;
          ic_arpa_log10prob (lp, a, g->w, g->k, w);
          ic_ival_set_q (t, lp);
          ic_ival_mul (t, t, ln10);
          ic_ival_exp (&m->p[i], t);           /* encloses base^lp */
          long ng;
          if (w == eos || a->order == 1) ng = g0;      /* <s> again; a unigram model has one state */
          else
            {
              memcpy (seq, g->w, sizeof (int) * (size_t) g->k);
              seq[g->k] = w;
              ng = arpa_state (a, seq, g->k + 1);
            }
          if (ng < 0) { snprintf (err, errlen, "%s: internal error: no state after \"%s\"", name, a->word[w]); goto fail; }
          if (!stateof[ng])
            {
              if (m->nstate == LM_MAX_STATES)
                {
                  snprintf (err, errlen, "%s:%ld:1: more than %d context states reachable (a resource limit of infcert)",
                            name, a->section_line[a->order], LM_MAX_STATES);
                  goto fail;
                }
              stateof[ng] = m->nstate + 1;
              gramof[m->nstate] = ng;
              m->hist[m->nstate] = cat_hist (m->hist[s], a->word[w]);
              m->last[m->nstate] = w == eos ? -1 : j;
              m->nstate++;
            }
          m->next[i] = (int) stateof[ng] - 1;
        }
    }
  /* After </s> the state is <s> again; its history in hist[] is "<s>", and
   * last[] of the start state is -1 (the token before is </s> or nothing). */
  mpq_clear (lp); ic_ival_clear (ln10); ic_ival_clear (t);
  free (tokword); free (stateof); free (gramof);
  return 0;
fail:
  mpq_clear (lp); ic_ival_clear (ln10); ic_ival_clear (t);
  free (tokword); free (stateof); free (gramof);
  for (size_t i = 0; i < (size_t) filled * (size_t) ntok; i++) ic_ival_clear (&m->p[i]);
  for (int s = 0; s < m->nstate; s++) free (m->hist[s]);
  for (int j = 0; j < ntok; j++) free (m->tok[j]);
  free (m->tok); free (m->hist); free (m->last); free (m->next); free (m->p);
  memset (m, 0, sizeof *m);
  return -1;
}

/* ---- eps and defect ----------------------------------------------------- */

/* The largest (dir > 0) or smallest (dir < 0) P(w|s) over reachable
 * states and tokens: out encloses it ([max lo, max hi] or [min lo, min hi]
 * of the enclosures, which is sound); for exact models q_out gets it
 * exactly.  *state and *tok get a pair attaining it (for enclosures, the
 * pair with the extreme upper end for a maximum, lower end for a minimum:
 * a choice of presentation). */
static void lm_extreme (ic_ival_ptr out, mpq_t q_out, int *state, int *tok, const ic_lm *m, int dir)
{
  mpfr_t lo, hi;
  mpfr_init2 (lo, m->prec); mpfr_init2 (hi, m->prec);
  if (dir > 0) { mpfr_set_zero (lo, 1); mpfr_set_zero (hi, 1); }
  else { mpfr_set_inf (lo, 1); mpfr_set_inf (hi, 1); }
  int bs = 0, bw = 0;
  for (int s = 0; s < m->nstate; s++)
    for (int w = 0; w < m->ntok; w++)
      {
        const ic_ival_struct *p = &m->p[(size_t) s * (size_t) m->ntok + (size_t) w];
        if (dir > 0)
          {
            if (mpfr_greater_p (p->lo, lo)) mpfr_set (lo, p->lo, MPFR_RNDD);
            if (mpfr_greater_p (p->hi, hi)) { mpfr_set (hi, p->hi, MPFR_RNDU); bs = s; bw = w; }
          }
        else
          {
            if (mpfr_less_p (p->lo, lo)) { mpfr_set (lo, p->lo, MPFR_RNDD); bs = s; bw = w; }
            if (mpfr_less_p (p->hi, hi)) mpfr_set (hi, p->hi, MPFR_RNDU);
          }
      }
  ic_ival_set_fr2 (out, lo, hi);
  if (m->exact && q_out)
    {
      size_t n = (size_t) m->nstate * (size_t) m->ntok;
      mpq_set (q_out, m->q[0]); bs = 0; bw = 0;
      for (size_t i = 1; i < n; i++)
        if (dir * mpq_cmp (m->q[i], q_out) > 0)
          { mpq_set (q_out, m->q[i]); bs = (int) (i / (size_t) m->ntok); bw = (int) (i % (size_t) m->ntok); }
      ic_ival_set_q (out, q_out);
    }
  if (state) *state = bs;
  if (tok) *tok = bw;
  mpfr_clear (lo); mpfr_clear (hi);
}

void ic_lm_eps (ic_ival_ptr out, mpq_t q_out, int *state, int *tok, const ic_lm *m)
{
  ic_ival_t mx, one;
  ic_ival_init2 (mx, m->prec); ic_ival_init2 (one, m->prec);
  mpq_t qm; mpq_init (qm);
  lm_extreme (mx, qm, state, tok, m, 1);      /* mx encloses max P(w|s) */
  ic_ival_set_ui (one, 1);
  ic_ival_sub (out, one, mx);                 /* out encloses 1 - max */
  if (m->exact && q_out)
    {
      mpq_set_ui (q_out, 1, 1);
      mpq_sub (q_out, q_out, qm);
      ic_ival_set_q (out, q_out);
    }
  mpq_clear (qm);
  ic_ival_clear (mx); ic_ival_clear (one);
}

void ic_lm_minprob (ic_ival_ptr out, mpq_t q_out, int *state, int *tok, const ic_lm *m)
{
  lm_extreme (out, q_out, state, tok, m, -1);
}

/* S encloses the sum of state st's row (and q is that sum exactly, for
 * exact models). */
static void row_sum (ic_ival_ptr S, mpq_t q, const ic_lm *m, int st)
{
  size_t row = (size_t) st * (size_t) m->ntok;
  ic_ival_set_ui (S, 0);
  for (int w = 0; w < m->ntok; w++) ic_ival_add (S, S, &m->p[row + (size_t) w]);
  if (m->exact)
    {
      mpq_set_ui (q, 0, 1);
      for (int w = 0; w < m->ntok; w++) mpq_add (q, q, m->q[row + (size_t) w]);
    }
}

int ic_lm_normalise_rows (ic_lm *m, ic_ival_ptr minsum, ic_ival_ptr maxsum, int *state)
{
  ic_ival_t S; ic_ival_init2 (S, m->prec);
  mpq_t q; mpq_init (q);
  int rc = 0;
  ic_lm_defect (S, minsum, maxsum, m);        /* the raw row sums, reported */
  for (int st = 0; st < m->nstate && rc == 0; st++)
    {
      row_sum (S, q, m, st);
      if (m->exact ? mpq_sgn (q) <= 0 : mpfr_sgn (S->lo) <= 0) { rc = -1; if (state) *state = st; }
    }
  for (int st = 0; st < m->nstate && rc == 0; st++)
    {
      size_t row = (size_t) st * (size_t) m->ntok;
      row_sum (S, q, m, st);
      for (int w = 0; w < m->ntok; w++)
        {
          if (m->exact)
            {
              mpq_div (m->q[row + (size_t) w], m->q[row + (size_t) w], q);   /* exact */
              ic_ival_set_q (&m->p[row + (size_t) w], m->q[row + (size_t) w]);
            }
          else                                  /* p / S, S.lo > 0: encloses P / S_s */
            ic_ival_div (&m->p[row + (size_t) w], &m->p[row + (size_t) w], S);
        }
    }
  if (rc == 0) m->normalised = 1;
  mpq_clear (q);
  ic_ival_clear (S);
  return rc;
}

void ic_lm_defect (ic_ival_ptr out, ic_ival_ptr minsum, ic_ival_ptr maxsum, const ic_lm *m)
{
  ic_ival_t s, one, d, worst;
  ic_ival_init2 (s, m->prec); ic_ival_init2 (one, m->prec);
  ic_ival_init2 (d, m->prec); ic_ival_init2 (worst, m->prec);
  ic_ival_set_ui (one, 1);
  for (int st = 0; st < m->nstate; st++)
    {
      ic_ival_set_ui (s, 0);
      for (int w = 0; w < m->ntok; w++)
        ic_ival_add (s, s, &m->p[(size_t) st * (size_t) m->ntok + (size_t) w]);
      if (st == 0) { ic_ival_set (minsum, s); ic_ival_set (maxsum, s); }
      else
        {
          /* min/max of enclosed values: endpoint-wise min/max is an enclosure */
          mpfr_min (minsum->lo, minsum->lo, s->lo, MPFR_RNDD);
          mpfr_min (minsum->hi, minsum->hi, s->hi, MPFR_RNDU);
          mpfr_max (maxsum->lo, maxsum->lo, s->lo, MPFR_RNDD);
          mpfr_max (maxsum->hi, maxsum->hi, s->hi, MPFR_RNDU);
        }
      ic_ival_sub (d, s, one);
      ic_ival_abs (d, d);                      /* d encloses |sum - 1| */
      if (st == 0) ic_ival_set (worst, d);
      else
        {
          mpfr_max (worst->lo, worst->lo, d->lo, MPFR_RNDD);
          mpfr_max (worst->hi, worst->hi, d->hi, MPFR_RNDU);
        }
    }
  ic_ival_set (out, worst);
  ic_ival_clear (s); ic_ival_clear (one); ic_ival_clear (d); ic_ival_clear (worst);
}

int ic_lm_row_excess (int *state, ic_ival_ptr sum, const ic_lm *m)
{
  int worst = -1, found = 0;
  ic_ival_t s; ic_ival_init2 (s, m->prec);
  mpq_t q, one; mpq_inits (q, one, NULL);
  mpq_set_ui (one, 1, 1);
  for (int st = 0; st < m->nstate; st++)
    {
      size_t row = (size_t) st * (size_t) m->ntok;
      int above, below;
      if (m->exact)
        {
          mpq_set_ui (q, 0, 1);
          for (int w = 0; w < m->ntok; w++) mpq_add (q, q, m->q[row + (size_t) w]);
          ic_ival_set_q (s, q);                /* s encloses the exact sum */
          above = mpq_cmp (q, one) > 0;
          below = !above;
        }
      else
        {
          ic_ival_set_ui (s, 0);
          for (int w = 0; w < m->ntok; w++) ic_ival_add (s, s, &m->p[row + (size_t) w]);
          above = mpfr_cmp_ui (s->lo, 1) > 0;  /* sum >= s.lo > 1 */
          below = mpfr_cmp_ui (s->hi, 1) <= 0; /* sum <= s.hi <= 1 */
        }
      /* which state is reported (the largest lower end among the rows
       * above 1) is a choice of presentation; the status is not */
      if (above && (found < 1 || mpfr_greater_p (s->lo, sum->lo))) { found = 1; worst = st; ic_ival_set (sum, s); }
      else if (!below && found == 0) { found = -1; worst = st; ic_ival_set (sum, s); }
    }
  if (state) *state = worst;
  mpq_clears (q, one, NULL);
  ic_ival_clear (s);
  return found;
}

int ic_lm_last_token_determines_state (const ic_lm *m)
{
  /* every state of the automaton is reachable (the constructions keep only
   * reachable ones), so next[s][x] over all s is the set of states that a
   * history ending in x can be in */
  for (int x = 0; x < m->ntok; x++)
    for (int s = 1; s < m->nstate; s++)
      if (m->next[(size_t) s * (size_t) m->ntok + (size_t) x] != m->next[(size_t) x])
        return 0;
  return 1;
}

/* ---- Viterbi and forward ------------------------------------------------ */

void ic_lm_paths_q (mpq_t *V, mpq_t *M, const ic_lm *m, int nmax)
{
  int S = m->nstate, T = m->ntok;
  mpq_t *a = xcalloc ((size_t) S, sizeof (mpq_t)), *d = xcalloc ((size_t) S, sizeof (mpq_t));
  mpq_t *a2 = xcalloc ((size_t) S, sizeof (mpq_t)), *d2 = xcalloc ((size_t) S, sizeof (mpq_t));
  mpq_t t; mpq_init (t);
  for (int s = 0; s < S; s++) { mpq_inits (a[s], d[s], a2[s], d2[s], NULL); }
  mpq_set_ui (a[m->start], 1, 1); mpq_set_ui (d[m->start], 1, 1);
  for (int n = 1; n <= nmax; n++)
    {
      size_t row = (size_t) n * (size_t) T;      /* cell (n, x) = row + x, in size_t */
      for (int x = 0; x < T; x++) { mpq_set_ui (V[row + (size_t) x], 0, 1); mpq_set_ui (M[row + (size_t) x], 0, 1); }
      for (int s = 0; s < S; s++) { mpq_set_ui (a2[s], 0, 1); mpq_set_ui (d2[s], 0, 1); }
      for (int s = 0; s < S; s++)
        {
          if (mpq_sgn (a[s]) == 0) continue;
          for (int x = 0; x < T; x++)
            {
              size_t i = (size_t) s * (size_t) T + (size_t) x;
              int ns = m->next[i];
              mpq_mul (t, a[s], m->q[i]);
              mpq_add (M[row + (size_t) x], M[row + (size_t) x], t);
              mpq_add (a2[ns], a2[ns], t);
              mpq_mul (t, d[s], m->q[i]);
              if (mpq_cmp (t, V[row + (size_t) x]) > 0) mpq_set (V[row + (size_t) x], t);
              if (mpq_cmp (t, d2[ns]) > 0) mpq_set (d2[ns], t);
            }
        }
      for (int s = 0; s < S; s++) { mpq_swap (a[s], a2[s]); mpq_swap (d[s], d2[s]); }
    }
  for (int s = 0; s < S; s++) mpq_clears (a[s], d[s], a2[s], d2[s], NULL);
  mpq_clear (t);
  free (a); free (d); free (a2); free (d2);
}

/* z = max(z, x) for enclosures: endpoint-wise max encloses the max. */
static void ival_max (ic_ival_ptr z, ic_ival_srcptr x)
{
  mpfr_max (z->lo, z->lo, x->lo, MPFR_RNDD);
  mpfr_max (z->hi, z->hi, x->hi, MPFR_RNDU);
}

void ic_lm_paths (ic_ival_struct *V, ic_ival_struct *M, const ic_lm *m, int nmax)
{
  int S = m->nstate, T = m->ntok;
  mpfr_prec_t pr = m->prec;
  ic_ival_struct *a = xcalloc ((size_t) S * 4, sizeof (ic_ival_struct));
  ic_ival_struct *d = a + S, *a2 = a + 2 * S, *d2 = a + 3 * S;
  char *live = xcalloc ((size_t) S, 1);
  ic_ival_t t; ic_ival_init2 (t, pr);
  for (size_t s = 0; s < (size_t) S * 4; s++) ic_ival_init2 (&a[s], pr);
  ic_ival_set_ui (&a[m->start], 1); ic_ival_set_ui (&d[m->start], 1);
  live[m->start] = 1;
  for (int n = 1; n <= nmax; n++)
    {
      size_t row = (size_t) n * (size_t) T;      /* cell (n, x) = row + x, in size_t */
      for (int x = 0; x < T; x++) { ic_ival_set_ui (&V[row + (size_t) x], 0); ic_ival_set_ui (&M[row + (size_t) x], 0); }
      for (int s = 0; s < S; s++) { ic_ival_set_ui (&a2[s], 0); ic_ival_set_ui (&d2[s], 0); }
      for (int s = 0; s < S; s++)
        {
          if (!live[s]) continue;
          for (int x = 0; x < T; x++)
            {
              size_t i = (size_t) s * (size_t) T + (size_t) x;
              int ns = m->next[i];
              ic_ival_mul (t, &a[s], &m->p[i]);
              ic_ival_add (&M[row + (size_t) x], &M[row + (size_t) x], t);
              ic_ival_add (&a2[ns], &a2[ns], t);
              ic_ival_mul (t, &d[s], &m->p[i]);
              ival_max (&V[row + (size_t) x], t);
              ival_max (&d2[ns], t);
            }
        }
      for (int s = 0; s < S; s++) live[s] = 0;
      for (int s = 0; s < S; s++)
        {
          ic_ival_set (&a[s], &a2[s]); ic_ival_set (&d[s], &d2[s]);
          live[s] = mpfr_sgn (a[s].hi) > 0;
        }
    }
  for (size_t s = 0; s < (size_t) S * 4; s++) ic_ival_clear (&a[s]);
  ic_ival_clear (t);
  free (a); free (live);
}

/* ---- Markov (token-as-state) ------------------------------------------- */

int ic_lm_markov_witness (int *s1, int *s2, int *w, const ic_lm *m)
{
  for (int a = 0; a < m->nstate; a++)
    {
      if (m->last[a] < 0) continue;
      for (int b = a + 1; b < m->nstate; b++)
        {
          if (m->last[b] != m->last[a]) continue;
          for (int x = 0; x < m->ntok; x++)
            {
              size_t ia = (size_t) a * (size_t) m->ntok + (size_t) x;
              size_t ib = (size_t) b * (size_t) m->ntok + (size_t) x;
              int differ = m->exact ? !mpq_equal (m->q[ia], m->q[ib])
                                    : (ic_ival_lt (&m->p[ia], &m->p[ib]) || ic_ival_lt (&m->p[ib], &m->p[ia]));
              if (differ) { *s1 = a; *s2 = b; *w = x; return 1; }
            }
        }
    }
  return 0;
}

/* ---- Markov of order k (state = the last k tokens) ---------------------- */

/* The pairs (model state, last k emitted tokens) reachable from the start,
 * found breadth first; the window of a history shorter than k tokens is
 * padded with -1 on the left, so only identical short histories share it.
 * Each pair keeps the pair and token it was first reached from, so that a
 * history reaching it can be written out. */
typedef struct { int state, parent, tok; } mk_pair;

/* 32-bit FNV-1a over the state and the window, in unsigned long so that
 * nothing wraps (h < 2^32, h * 16777619 < 2^56; the integer sanitizer of
 * make check-sanitize traps every unsigned overflow). */
static size_t mk_hash (int state, const int *w, int k, size_t mask)
{
  unsigned long h = 2166136261UL;
  h = ((h ^ (unsigned long) (state + 2)) * 16777619UL) & 0xffffffffUL;
  for (int i = 0; i < k; i++) h = ((h ^ (unsigned long) (w[i] + 2)) * 16777619UL) & 0xffffffffUL;
  return (size_t) h & mask;
}

static char *mk_history (const ic_lm *m, const mk_pair *pr, int i)
{
  size_t len = 1, n = 0;
  for (int j = i; pr[j].parent >= 0; j = pr[j].parent) { len += strlen (m->tok[pr[j].tok]) + 1; n++; }
  if (!n) return strdup ("(empty)");
  int *tk = xcalloc (n, sizeof (int));
  size_t c = n;
  for (int j = i; pr[j].parent >= 0; j = pr[j].parent) tk[--c] = pr[j].tok;
  char *s = xcalloc (len, 1);
  for (size_t t = 0; t < n; t++)
    {
      if (t) strcat (s, " ");
      strcat (s, m->tok[tk[t]]);
    }
  free (tk);
  return s;
}

int ic_lm_markov_order (int k, int *s1, int *s2, int *w, char **h1, char **h2,
                        long *npairs, const ic_lm *m)
{
  const int LIMIT = 1 << 20;
  size_t cap = (size_t) 1 << 21, mask = cap - 1;
  int *tab = xcalloc (cap, sizeof (int));           /* pair index + 1, by (state, window) */
  int *wtab = xcalloc (cap, sizeof (int));          /* first pair index + 1, by window */
  mk_pair *pr = xcalloc ((size_t) LIMIT, sizeof *pr);
  int *win = xcalloc ((size_t) LIMIT * (size_t) k, sizeof (int));
  int *cur = xcalloc ((size_t) k, sizeof (int));
  int n = 0, rc = 2, found = 0;
  for (int i = 0; i < k; i++) win[i] = -1;
  pr[0].state = m->start; pr[0].parent = -1; pr[0].tok = -1;
  tab[mk_hash (m->start, win, k, mask)] = 1;
  n = 1;
  for (int i = 0; i < n && !found; i++)
    {
      /* group by window: the first pair with this window is its representative */
      size_t h = mk_hash (-1, &win[(size_t) i * k], k, mask);
      while (wtab[h] && memcmp (&win[(size_t) (wtab[h] - 1) * k], &win[(size_t) i * k], sizeof (int) * (size_t) k))
        h = (h + 1) & mask;
      if (!wtab[h]) wtab[h] = i + 1;
      else
        {
          int a = pr[wtab[h] - 1].state, b = pr[i].state;
          if (a != b)
            {
              int same = 1;
              for (int x = 0; x < m->ntok; x++)
                {
                  size_t ia = (size_t) a * (size_t) m->ntok + (size_t) x, ib = (size_t) b * (size_t) m->ntok + (size_t) x;
                  int differ = m->exact ? !mpq_equal (m->q[ia], m->q[ib])
                                        : (ic_ival_lt (&m->p[ia], &m->p[ib]) || ic_ival_lt (&m->p[ib], &m->p[ia]));
                  if (differ)
                    {
                      *s1 = a; *s2 = b; *w = x;
                      *h1 = mk_history (m, pr, wtab[h] - 1);
                      *h2 = mk_history (m, pr, i);
                      found = 1;
                      break;
                    }
                  if (!m->exact) same = 0;      /* enclosures cannot show equality */
                }
              if (!same && rc == 2) rc = 0;
            }
        }
      for (int x = 0; x < m->ntok && !found; x++)
        {
          int t = m->next[(size_t) pr[i].state * (size_t) m->ntok + (size_t) x];
          memcpy (cur, &win[(size_t) i * k + 1], sizeof (int) * (size_t) (k - 1));
          cur[k - 1] = x;
          size_t g = mk_hash (t, cur, k, mask);
          while (tab[g] && !(pr[tab[g] - 1].state == t
                             && !memcmp (&win[(size_t) (tab[g] - 1) * k], cur, sizeof (int) * (size_t) k)))
            g = (g + 1) & mask;
          if (tab[g]) continue;
          if (n == LIMIT) { rc = -1; found = -1; break; }
          tab[g] = n + 1;
          pr[n].state = t; pr[n].parent = i; pr[n].tok = x;
          memcpy (&win[(size_t) n * k], cur, sizeof (int) * (size_t) k);
          n++;
        }
    }
  if (found == 1) rc = 1;
  *npairs = n;
  free (tab); free (wtab); free (pr); free (win); free (cur);
  return rc;
}
