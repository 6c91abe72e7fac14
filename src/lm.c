/* lm.c — finite-context models held sparsely (see lm.h): construction from
 * a table or an ARPA/Sphinx model, eps, pmin, row sums and normalisation,
 * Viterbi/forward path probabilities (exact and enclosed), Markov checks.
 *
 * Every pass costs O(#entries + #nodes), never O(#states * #tokens): the
 * back-off part of a row is bow(u) times the row of bo(u), so a quantity
 * over a whole row is the stored entries plus bow(u) times the same
 * quantity over the row of bo(u) restricted to the tokens not stored at u
 * ("excluded" tokens).  Extremes over such a restricted row are found by
 * scanning bo(u)'s entries in value order (byval) until a token that is not
 * excluded; sums use sum_{x not in C(u)} = sum_x - sum_{x in C(u)}. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include "lm.h"
#include "claims.h"

#define LM_MAX_STATES 200000            /* table models (window states)   */
#define LM_MAX_NODES  (INT_MAX / 4)     /* ARPA models                    */

static void *xcalloc (size_t n, size_t sz)
{
  void *p = calloc (n ? n : 1, sz);
  if (!p) ic_claims_out_of_memory ();
  return p;
}

static void *xrealloc (void *p, size_t n)
{
  p = realloc (p, n ? n : 1);
  if (!p) ic_claims_out_of_memory ();
  return p;
}

/* Results computed on demand and kept (the model is const to its users;
 * the cache is storage it points to). */
struct ic_lm_cache {
  ic_ival_struct *S; mpq_t *Q;                 /* row sums of every node     */
  int ext_done[2]; ic_ival_t ext[2];           /* min (0) and max (1) P(x|s) */
  int ext_s[2], ext_t[2];
  int *scan[2];                                /* scan lists (row_extreme), by direction */
};
#define SCAN_K 16
static void cache_drop (struct ic_lm_cache *ca)
{
  for (int i = 0; i < 2; i++) { free (ca->scan[i]); ca->scan[i] = NULL; }
  for (int i = 0; i < 2; i++) if (ca->ext_done[i]) { ic_ival_clear (ca->ext[i]); ca->ext_done[i] = 0; }
}
static void row_sums_free (ic_ival_struct *S, mpq_t *Q, const ic_lm *m);

void ic_lm_clear (ic_lm *m)
{
  if (m->cache)
    {
      if (m->cache->S) row_sums_free (m->cache->S, m->cache->Q, m);
      cache_drop (m->cache);
      free (m->cache);
    }
  for (long e = 0; e < m->nent; e++)
    {
      ic_ival_clear (&m->p[e]);
      if (m->exact) mpq_clear (m->q[e]);
    }
  for (int u = 0; u < m->nnode; u++) if (m->bo && m->bo[u] >= 0) ic_ival_clear (&m->bow[u]);
  if (m->hist) for (int i = 0; i < m->nstate; i++) free (m->hist[i]);
  for (int i = 0; i < m->ntok; i++) free (m->tok[i]);
  free (m->tok); free (m->row); free (m->etok); free (m->enext); free (m->p); free (m->q);
  free (m->key); free (m->byval); free (m->bo); free (m->bow); free (m->depth);
  free (m->last); free (m->parent); free (m->ptok); free (m->hist);
  memset (m, 0, sizeof *m);
}

/* ---- fast interval steps -------------------------------------------------
 * The passes below run over millions of entries; ic_ival_mul / add
 * allocate temporaries and handle every sign.  These do the same with
 * directed rounding in place (MPFR allows the output to alias an input):
 * lo rounded down, hi rounded up, so the result encloses the exact one. */

/* z encloses x * y; the two-product form needs x, y >= 0 (lower ends), else
 * the general ic_ival_mul. */
static void mul_nn (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y)
{
  if (mpfr_sgn (x->lo) < 0 || mpfr_sgn (y->lo) < 0) { ic_ival_mul (z, x, y); return; }
  mpfr_mul (z->lo, x->lo, y->lo, MPFR_RNDD);   /* lo <= x.lo y.lo <= x y */
  mpfr_mul (z->hi, x->hi, y->hi, MPFR_RNDU);   /* hi >= x.hi y.hi >= x y */
}

/* z encloses x + y (finite ends) */
static void add_fast (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y)
{
  mpfr_add (z->lo, x->lo, y->lo, MPFR_RNDD);
  mpfr_add (z->hi, x->hi, y->hi, MPFR_RNDU);
}

/* z encloses x - y (finite ends; z may be x, not y) */
static void sub_fast (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y)
{
  mpfr_sub (z->lo, x->lo, y->hi, MPFR_RNDD);
  mpfr_sub (z->hi, x->hi, y->lo, MPFR_RNDU);
}

/* z = x, rounded outward to z's precision */
static void set_fast (ic_ival_ptr z, ic_ival_srcptr x)
{
  mpfr_set (z->lo, x->lo, MPFR_RNDD);
  mpfr_set (z->hi, x->hi, MPFR_RNDU);
}

/* ---- access ------------------------------------------------------------- */

/* The entry of token x in node u's list, or -1 (binary search by token). */
static long ent_find (const ic_lm *m, int u, int x)
{
  long lo = m->row[u], hi = m->row[u + 1] - 1;
  while (lo <= hi)
    {
      long mid = lo + (hi - lo) / 2;
      if (m->etok[mid] == x) return mid;
      if (m->etok[mid] < x) lo = mid + 1; else hi = mid - 1;
    }
  return -1;
}

/* 1 when token x is stored at a node of the back-off chain from s up to
 * (not including) u: then P(x|s) does not reach u's row. */
static int blocked (const ic_lm *m, int s, int u, int x)
{
  for (int v = s; v != u && v >= 0; v = m->bo[v])
    if (ent_find (m, v, x) >= 0) return 1;
  return 0;
}

/* The entry that decides P(x|s) (first node of the chain storing x), and
 * in *via the product of the back-off weights passed (NULL: not wanted). */
static long resolve (ic_ival_ptr via, const ic_lm *m, int s, int x)
{
  if (via) ic_ival_set_ui (via, 1);
  for (int u = s; u >= 0; u = m->bo[u])
    {
      long e = ent_find (m, u, x);
      if (e >= 0) return e;
      if (via && m->bo[u] >= 0) mul_nn (via, via, &m->bow[u]);
    }
  return -1;
}

void ic_lm_prob (ic_ival_ptr out, const ic_lm *m, int s, int x)
{
  long e = resolve (out, m, s, x);
  if (e < 0) ic_ival_set_ui (out, 0);
  else mul_nn (out, out, &m->p[e]);            /* bow(s) ... bow(u') P(x|u) */
}

mpq_srcptr ic_lm_prob_q (const ic_lm *m, int s, int x)
{
  long e = ent_find (m, s, x);                 /* exact models: complete rows */
  return m->q[e];
}

int ic_lm_next (const ic_lm *m, int s, int x)
{
  long e = resolve (NULL, m, s, x);
  return e < 0 ? -1 : m->enext[e];
}

const char *ic_lm_hist (const ic_lm *m, int s)
{
  if (m->hist[s]) return m->hist[s];
  size_t len = strlen (m->hist0) + 1;
  int n = 0;
  for (int t = s; m->parent[t] >= 0; t = m->parent[t]) { len += strlen (m->tok[m->ptok[t]]) + 1; n++; }
  int *tk = xcalloc ((size_t) n + 1, sizeof (int));
  int c = n;
  for (int t = s; m->parent[t] >= 0; t = m->parent[t]) tk[--c] = m->ptok[t];
  char *h = xcalloc (len, 1);
  strcpy (h, m->hist0);
  for (int i = 0; i < n; i++)
    {
      if (h[0]) strcat (h, " ");
      strcat (h, m->tok[tk[i]]);
    }
  free (tk);
  m->hist[s] = h;                              /* a cache: hist points to mutable storage */
  return h;
}

/* ---- building blocks shared by both constructions ------------------------ */

/* byval: each node's entries by decreasing true value, ties by token; then
 * key[e] = -(rank of e's value among the node's distinct values), so that
 * equal keys mean equal values (and, the enclosures being made from the
 * exact values alike, equal enclosures).  ev[e] is the exact value, or a
 * quantity strictly increasing in it (sign = -1: decreasing); key[e] on
 * entry is a non-decreasing double of it, used to sort first. */
static const ic_lm *sort_m;                   /* qsort has no context argument */
static mpq_srcptr *sort_ev;
static int sort_sign;
static int by_key_desc (const void *a, const void *b)
{
  int i = *(const int *) a, j = *(const int *) b;
  double ki = sort_m->key[i], kj = sort_m->key[j];
  if (ki != kj) return ki > kj ? -1 : 1;
  return sort_m->etok[i] - sort_m->etok[j];
}
static int by_exact_desc (const void *a, const void *b)
{
  int i = *(const int *) a, j = *(const int *) b;
  int c = sort_sign * mpq_cmp (sort_ev[j], sort_ev[i]);
  return c ? c : sort_m->etok[i] - sort_m->etok[j];
}

static void lm_sort_byval (ic_lm *m, mpq_srcptr *ev, int sign)
{
  m->byval = xcalloc ((size_t) m->nent, sizeof (int));
  for (long e = 0; e < m->nent; e++) m->byval[e] = (int) e;
  sort_m = m; sort_ev = ev; sort_sign = sign;
  for (int u = 0; u < m->nnode; u++)
    {
      long b = m->row[u], n = m->row[u + 1] - b;
      int *bv = m->byval + b;
      if (n > 1) qsort (bv, (size_t) n, sizeof (int), by_key_desc);
      /* a run of equal double keys with different exact values (rare):
       * sort it exactly */
      for (long i = 0; i < n; )
        {
          long j = i + 1, mixed = 0;
          while (j < n && m->key[bv[j]] == m->key[bv[i]]) { if (!mpq_equal (ev[bv[j]], ev[bv[i]])) mixed = 1; j++; }
          if (mixed) qsort (bv + i, (size_t) (j - i), sizeof (int), by_exact_desc);
          i = j;
        }
      double r = 0;
      for (long i = 0; i < n; i++)
        {
          if (i > 0 && !mpq_equal (ev[bv[i]], ev[bv[i - 1]])) r++;
          m->key[bv[i]] = -r;
        }
    }
  sort_m = NULL; sort_ev = NULL;
}

static void lm_depths (ic_lm *m)
{
  m->cache = xcalloc (1, sizeof *m->cache);
  m->depth = xcalloc ((size_t) m->nnode, sizeof (int));
  m->maxdepth = 0;
  for (int u = 0; u < m->nnode; u++)
    {
      int d = 0;
      for (int v = u; m->bo[v] >= 0; v = m->bo[v]) d++;
      m->depth[u] = d;
      if (d > m->maxdepth) m->maxdepth = d;
    }
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

/* States are the windows of the last K tokens; each has a complete row (no
 * back-off), entries in token order. */
int ic_lm_from_table (ic_lm *m, const ic_lm_table *t, char *err, size_t errlen)
{
  memset (m, 0, sizeof *m);
  int K = 0;
  for (int c = 0; c < t->nctx; c++) if (t->ctxlen[c] > K) K = t->ctxlen[c];
  if (table_ctx (t, NULL, 0) < 0)
    { snprintf (err, errlen, "no distribution for the empty context (a \"start:\" line)"); return -1; }
  int T = t->ntok, cap = 1024;
  int *keys = xcalloc ((size_t) cap * (size_t) (K + 1), sizeof (int)); /* [len, w...] */
  int *ctxof = xcalloc ((size_t) cap, sizeof (int));
  m->ntok = T; m->exact = 1; m->prec = 128; m->ctxmax = K; m->hist0 = "";
  m->tok = xcalloc ((size_t) T, sizeof (char *));
  for (int i = 0; i < T; i++) m->tok[i] = strdup (t->tok[i]);
  m->parent = xcalloc ((size_t) cap, sizeof (int));
  m->ptok = xcalloc ((size_t) cap, sizeof (int));
  m->last = xcalloc ((size_t) cap, sizeof (int));
  snprintf (m->desc, sizeof m->desc, "states: the last %d token(s) of the history", K);
  m->nstate = 1; keys[0] = 0; m->parent[0] = -1; m->ptok[0] = -1; m->last[0] = -1; m->start = 0;
  int *nexts = NULL; size_t ncap = 0;
  int seq[64];
  for (int s = 0; s < m->nstate; s++)
    {
      int len = keys[s * (K + 1)];
      memcpy (seq, keys + s * (K + 1) + 1, sizeof (int) * (size_t) len);
      ctxof[s] = table_ctx (t, seq, len);
      if ((size_t) (s + 1) * (size_t) T > ncap)
        {
          ncap = 2 * (size_t) (s + 1) * (size_t) T;
          nexts = xrealloc (nexts, ncap * sizeof (int));
        }
      for (int w = 0; w < T; w++)
        {
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
                {
                  snprintf (err, errlen, "more than %d context states", LM_MAX_STATES);
                  free (keys); free (ctxof); free (nexts); ic_lm_clear (m); return -1;
                }
              if (m->nstate == cap)
                {
                  cap *= 2;
                  keys = xrealloc (keys, sizeof (int) * (size_t) cap * (size_t) (K + 1));
                  ctxof = xrealloc (ctxof, sizeof (int) * (size_t) cap);
                  m->parent = xrealloc (m->parent, sizeof (int) * (size_t) cap);
                  m->ptok = xrealloc (m->ptok, sizeof (int) * (size_t) cap);
                  m->last = xrealloc (m->last, sizeof (int) * (size_t) cap);
                }
              found = m->nstate++;
              keys[found * (K + 1)] = nl;
              memcpy (keys + found * (K + 1) + 1, ns, sizeof (int) * (size_t) nl);
              m->parent[found] = s; m->ptok[found] = w; m->last[found] = w;
            }
          nexts[(size_t) s * (size_t) T + (size_t) w] = found;
        }
    }
  int S = m->nstate;
  m->nnode = S;
  m->nent = (long) S * T;
  m->row = xcalloc ((size_t) S + 1, sizeof (long));
  for (int s = 0; s <= S; s++) m->row[s] = (long) s * T;
  m->etok = xcalloc ((size_t) m->nent, sizeof (int));
  m->enext = nexts;
  m->p = xcalloc ((size_t) m->nent, sizeof (ic_ival_struct));
  m->q = xcalloc ((size_t) m->nent, sizeof (mpq_t));
  m->key = xcalloc ((size_t) m->nent, sizeof (double));
  m->bo = xcalloc ((size_t) S, sizeof (int));
  m->bow = xcalloc ((size_t) S, sizeof (ic_ival_struct));
  m->hist = xcalloc ((size_t) S, sizeof (char *));
  for (int s = 0; s < S; s++)
    {
      m->bo[s] = -1;
      for (int w = 0; w < T; w++)
        {
          long e = (long) s * T + w;
          m->etok[e] = w;
          mpq_init (m->q[e]);
          mpq_set (m->q[e], t->dist[ctxof[s]][w]);
          ic_ival_init2 (&m->p[e], m->prec);
          ic_ival_set_q (&m->p[e], m->q[e]);
          m->key[e] = mpq_get_d (m->q[e]);     /* rounds toward 0: non-decreasing */
        }
    }
  free (keys); free (ctxof);
  {
    mpq_srcptr *ev = xcalloc ((size_t) m->nent, sizeof *ev);
    for (long e = 0; e < m->nent; e++) ev[e] = m->q[e];
    lm_sort_byval (m, ev, 1);
    free (ev);
  }
  lm_depths (m);
  return 0;
}

/* ---- ARPA models ------------------------------------------------------ */

static int lcmp (const void *x, const void *y)
{
  long a = *(const long *) x, b = *(const long *) y;
  return a < b ? -1 : a > b;
}

/* During construction: is token x stored at a node of the chain from s up
 * to (not including) u?  (blocked() on the temporary arrays.) */
static int temp_excluded (const long *trow, const int *tetok, const int *tbo, int s, int u, int x)
{
  for (int v = s; v != u && v >= 0; v = tbo[v])
    {
      long lo = trow[v], hi = trow[v + 1] - 1;
      while (lo <= hi)
        {
          long md = lo + (hi - lo) / 2;
          if (tetok[md] == x) return 1;
          if (tetok[md] < x) lo = md + 1; else hi = md - 1;
        }
    }
  return 0;
}

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

/* enclosures of base^x, one exp per distinct exponent (Sphinx files store
 * quantised values: a few 10^4 distinct ones among millions of entries) */
typedef struct { long n, cap; mpq_t *x; ic_ival_struct *v; long *tab; long tsize; } expcache;

/* 32-bit FNV-1a over the bytes of the low words of numerator and
 * denominator and the numerator's size (no unsigned wrap: h < 2^32,
 * h * 16777619 < 2^56, as make check-sanitize's integer checks want). */
static unsigned long q_hash (const mpq_t x)
{
  unsigned long w[3] = { mpz_get_ui (mpq_numref (x)), mpz_get_ui (mpq_denref (x)),
                         (unsigned long) mpz_sizeinbase (mpq_numref (x), 2) * 4 + (unsigned long) (mpz_sgn (mpq_numref (x)) + 1) };
  unsigned long h = 2166136261UL;
  for (int i = 0; i < 3; i++)
    for (int k = 0; k < 8; k++)
      h = ((h ^ ((w[i] >> (8 * k)) & 0xffUL)) * 16777619UL) & 0xffffffffUL;
  return h;
}

static void exp_cached (ic_ival_ptr out, expcache *c, const mpq_t x, ic_ival_srcptr lnb, mpfr_prec_t prec)
{
  if (2 * (c->n + 1) > c->tsize)
    {
      long ns = c->tsize ? 2 * c->tsize : 1024;
      free (c->tab);
      c->tab = xcalloc ((size_t) ns, sizeof (long));
      c->tsize = ns;
      for (long i = 0; i < c->n; i++)
        {
          long h = (long) (q_hash (c->x[i]) % (unsigned long) ns);
          while (c->tab[h]) h = (h + 1) % ns;
          c->tab[h] = i + 1;
        }
    }
  long h = (long) (q_hash (x) % (unsigned long) c->tsize);
  while (c->tab[h])
    {
      long i = c->tab[h] - 1;
      if (mpq_equal (c->x[i], x)) { ic_ival_set (out, &c->v[i]); return; }
      h = (h + 1) % c->tsize;
    }
  if (c->n == c->cap)
    {
      c->cap = c->cap ? 2 * c->cap : 1024;
      c->x = xrealloc (c->x, sizeof (mpq_t) * (size_t) c->cap);
      c->v = xrealloc (c->v, sizeof (ic_ival_struct) * (size_t) c->cap);
    }
  long i = c->n++;
  mpq_init (c->x[i]); mpq_set (c->x[i], x);
  ic_ival_init2 (&c->v[i], prec);
  ic_ival_set_q (&c->v[i], x);
  ic_ival_mul (&c->v[i], &c->v[i], lnb);
  ic_ival_exp (&c->v[i], &c->v[i]);            /* encloses base^x */
  c->tab[h] = i + 1;
  ic_ival_set (out, &c->v[i]);
}

static void expcache_clear (expcache *c)
{
  for (long i = 0; i < c->n; i++) { mpq_clear (c->x[i]); ic_ival_clear (&c->v[i]); }
  free (c->x); free (c->v); free (c->tab);
}

/* Nodes: every n-gram of order <= K = max(N-1, 1) (temporary id = its
 * index in a->g, grams being stored order by order) and the empty context
 * (id nK).  Entries: the n-grams "u x" of order 2..N under their context
 * u, and every unigram under the empty context; <s> is never emitted. */
int ic_lm_from_arpa (ic_lm *m, const ic_arpa *a, mpfr_prec_t prec,
                     char *err, size_t errlen)
{
  memset (m, 0, sizeof *m);
  const char *name = a->name ? a->name : "(ARPA model)";
  int bos = ic_arpa_word (a, "<s>"), eos = ic_arpa_word (a, "</s>");
  if (bos < 0 || eos < 0)
    {
      snprintf (err, errlen, "%s:%ld:1: the 1-grams have no %s (the history starts at <s> and a sentence ends with </s>)",
                name, a->section_line[1], bos < 0 ? "<s>" : "</s>");
      return -1;
    }
  int N = a->order, K = N > 1 ? N - 1 : 1;
  long nK = 0;
  for (int k = 1; k <= K; k++) nK += a->count[k];
  if (nK + 1 > LM_MAX_NODES)
    {
      snprintf (err, errlen, "%s:%ld:1: more than %d contexts (a resource limit of infcert)", name, a->section_line[K], LM_MAX_NODES);
      return -1;
    }
  int ntok = a->nword - 1, root = (int) nK, tn = (int) nK + 1;
  int *tokof = xcalloc ((size_t) a->nword, sizeof (int));       /* word -> token */
  for (int i = 0, j = 0; i < a->nword; i++) tokof[i] = i == bos ? -1 : j++;
  long g0 = ic_arpa_find (a, 1, &bos);
  /* entries per temporary node */
  long *trow = xcalloc ((size_t) tn + 1, sizeof (long));
  long *ectx = xcalloc ((size_t) a->ngram, sizeof (long));     /* gram -> its context node, -2: none */
  long nent = 0;
  for (long g = 0; g < a->ngram; g++)
    {
      const ic_arpa_gram *gr = &a->g[g];
      ectx[g] = -2;
      if (tokof[gr->w[gr->k - 1]] < 0) continue;
      long c = gr->k == 1 ? root : ic_arpa_find (a, gr->k - 1, gr->w);
      if (c < 0) continue;                     /* the readers reject this */
      ectx[g] = c; trow[c + 1]++; nent++;
    }
  if (nent >= INT_MAX) { snprintf (err, errlen, "%s: more than %d n-grams (a resource limit of infcert)", name, INT_MAX); free (tokof); free (trow); free (ectx); return -1; }
  for (int u = 0; u < tn; u++) trow[u + 1] += trow[u];
  long *fill = xcalloc ((size_t) tn, sizeof (long));
  long *egram = xcalloc ((size_t) nent, sizeof (long));
  for (long g = 0; g < a->ngram; g++)
    if (ectx[g] >= 0) { long c = ectx[g]; egram[trow[c] + fill[c]++] = g; }
  free (fill); free (ectx);
  int *tetok = xcalloc ((size_t) nent, sizeof (int)), *tenext = xcalloc ((size_t) nent, sizeof (int));
  int seq[IC_ARPA_MAX_ORDER + 1];
  for (long e = 0; e < nent; e++)
    {
      const ic_arpa_gram *gr = &a->g[egram[e]];
      int w = gr->w[gr->k - 1];
      tetok[e] = tokof[w];
      long ng;
      if (w == eos || N == 1) ng = g0;          /* <s> again; a unigram model has one state */
      else if (gr->k <= K) ng = egram[e];       /* the n-gram itself is a context */
      else { memcpy (seq, gr->w, sizeof (int) * (size_t) gr->k); ng = arpa_state (a, seq, gr->k); }
      tenext[e] = (int) ng;                     /* ng >= 0: the unigram of w is a gram */
    }
  /* token order within each node (a stable sort on (token, position)) */
  {
    long *perm = xcalloc ((size_t) nent + 1, sizeof (long));
    for (int u = 0; u < tn; u++)
      {
        long b = trow[u], n = trow[u + 1] - b;
        int sorted = 1;
        for (long i = 1; i < n && sorted; i++) if (tetok[b + i] < tetok[b + i - 1]) sorted = 0;
        if (sorted) continue;
        for (long i = 0; i < n; i++) perm[i] = ((long) tetok[b + i] << 32) | i;
        qsort (perm, (size_t) n, sizeof (long), lcmp);
        long *tg = xcalloc ((size_t) n, sizeof (long));
        int *tt = xcalloc ((size_t) n, sizeof (int)), *tx = xcalloc ((size_t) n, sizeof (int));
        for (long i = 0; i < n; i++)
          {
            long j = b + (perm[i] & 0xffffffffL);
            tg[i] = egram[j]; tt[i] = tetok[j]; tx[i] = tenext[j];
          }
        memcpy (egram + b, tg, sizeof (long) * (size_t) n);
        memcpy (tetok + b, tt, sizeof (int) * (size_t) n);
        memcpy (tenext + b, tx, sizeof (int) * (size_t) n);
        free (tg); free (tt); free (tx);
      }
    free (perm);
  }
  /* back-off node of each context: its longest proper suffix that is a
   * gram, the empty context for a unigram */
  int *tbo = xcalloc ((size_t) tn, sizeof (int));
  for (long g = 0; g < nK; g++)
    {
      const ic_arpa_gram *gr = &a->g[g];
      long b = -1;
      for (int j = 1; j < gr->k && b < 0; j++) b = ic_arpa_find (a, gr->k - j, gr->w + j);
      tbo[g] = b >= 0 ? (int) b : root;
    }
  tbo[root] = -1;

  /* ---- reachable states, breadth first, numbered as a dense automaton
   * would number them: the successors of state s are discovered in
   * token order.  For s the successors are next(s, x) for x stored at s,
   * then next(u, x) for the back-off nodes u of s's chain and the tokens x
   * stored at u but at no node before it.  A node u keeps, in R_u, the
   * entries whose token every walk so far excluded; the others were
   * reached already.  A walk stops at a state already expanded. */
  int *stid = xcalloc ((size_t) tn, sizeof (int));            /* temp -> state + 1 */
  char *expanded = xcalloc ((size_t) tn, 1), *rinit = xcalloc ((size_t) tn, 1);
  long *rlen = xcalloc ((size_t) tn, sizeof (long));
  int *rbuf = xcalloc ((size_t) nent, sizeof (int));
  int qcap = 1024, nq = 0;
  int *queue = xcalloc ((size_t) qcap, sizeof (int)), *qpar = xcalloc ((size_t) qcap, sizeof (int)), *qtok = xcalloc ((size_t) qcap, sizeof (int));
  long ccap = 1024, nc;
  long *cand = xcalloc ((size_t) ccap, sizeof (long));        /* (token << 32) | temp node */
#define ADD_CAND(tok, nd) do { if (nc == ccap) { ccap *= 2; cand = xrealloc (cand, sizeof (long) * (size_t) ccap); } \
                               cand[nc++] = ((long) (tok) << 32) | (long) (nd); } while (0)
  queue[0] = (int) g0; qpar[0] = -1; qtok[0] = -1; stid[g0] = 1; nq = 1;
  for (int i = 0; i < nq; i++)
    {
      int s = queue[i];
      nc = 0;
      for (long e = trow[s]; e < trow[s + 1]; e++)
        if (!stid[tenext[e]]) ADD_CAND (tetok[e], tenext[e]);
      for (int u = tbo[s]; u >= 0 && !expanded[u]; u = tbo[u])
        {
          /* the tokens excluded on the way: stored at s .. (before u) */
#define EXCLUDED(x) temp_excluded (trow, tetok, tbo, s, u, x)
          if (!rinit[u])
            {
              rinit[u] = 1;
              for (long e = trow[u]; e < trow[u + 1]; e++)
                {
                  if (EXCLUDED (tetok[e])) rbuf[trow[u] + rlen[u]++] = (int) (e - trow[u]);
                  else if (!stid[tenext[e]]) ADD_CAND (tetok[e], tenext[e]);
                }
            }
          else
            for (long r = 0; r < rlen[u]; )
              {
                long e = trow[u] + rbuf[trow[u] + r];
                if (EXCLUDED (tetok[e])) { r++; continue; }
                if (!stid[tenext[e]]) ADD_CAND (tetok[e], tenext[e]);
                rbuf[trow[u] + r] = rbuf[trow[u] + --rlen[u]];
              }
#undef EXCLUDED
        }
      expanded[s] = 1;
      qsort (cand, (size_t) nc, sizeof (long), lcmp);
      for (long c = 0; c < nc; c++)
        {
          int nd = (int) (cand[c] & 0xffffffffL), tk = (int) (cand[c] >> 32);
          if (stid[nd]) continue;
          if (nq == qcap)
            {
              qcap *= 2;
              queue = xrealloc (queue, sizeof (int) * (size_t) qcap);
              qpar = xrealloc (qpar, sizeof (int) * (size_t) qcap);
              qtok = xrealloc (qtok, sizeof (int) * (size_t) qcap);
            }
          queue[nq] = nd; qpar[nq] = i; qtok[nq] = tk; stid[nd] = ++nq;
        }
    }
#undef ADD_CAND
  free (cand); free (rinit); free (rlen); free (rbuf); free (expanded);
  /* nodes: the states in discovery order, then the contexts on their
   * back-off chains (the empty context among them) */
  int *nid = xcalloc ((size_t) tn, sizeof (int));             /* temp -> node + 1 */
  int nn = nq;
  for (int i = 0; i < nq; i++) nid[queue[i]] = i + 1;
  int *tnode = xcalloc ((size_t) tn, sizeof (int));           /* node -> temp */
  for (int i = 0; i < nq; i++) tnode[i] = queue[i];
  for (int i = 0; i < nq; i++)
    for (int u = tbo[queue[i]]; u >= 0 && !nid[u]; u = tbo[u]) { nid[u] = ++nn; tnode[nn - 1] = u; }
  m->ntok = ntok; m->exact = 0; m->prec = prec; m->start = 0;
  m->nstate = nq; m->nnode = nn; m->hist0 = "<s>"; m->ctxmax = N - 1;
  m->tok = xcalloc ((size_t) ntok, sizeof (char *));
  for (int w = 0; w < a->nword; w++) if (tokof[w] >= 0) m->tok[tokof[w]] = strdup (a->word[w]);
  if (N == 1)
    snprintf (m->desc, sizeof m->desc, "one state: a unigram model ignores the history");
  else
    snprintf (m->desc, sizeof m->desc,
              "states: longest suffix (<= %d words) of the history that is an n-gram of the model", N - 1);
  m->parent = xcalloc ((size_t) nq, sizeof (int));
  m->ptok = xcalloc ((size_t) nq, sizeof (int));
  m->last = xcalloc ((size_t) nq, sizeof (int));
  m->hist = xcalloc ((size_t) nq, sizeof (char *));
  for (int i = 0; i < nq; i++)
    {
      m->parent[i] = qpar[i]; m->ptok[i] = qtok[i];
      /* the start state is entered after </s> too: its last token is none */
      m->last[i] = i == 0 || qtok[i] == tokof[eos] ? -1 : qtok[i];
    }
  free (qpar); free (qtok); free (queue);
  m->row = xcalloc ((size_t) nn + 1, sizeof (long));
  for (int u = 0; u < nn; u++) m->row[u + 1] = m->row[u] + (trow[tnode[u] + 1] - trow[tnode[u]]);
  m->nent = m->row[nn];
  m->etok = xcalloc ((size_t) m->nent, sizeof (int));
  m->enext = xcalloc ((size_t) m->nent, sizeof (int));
  m->p = xcalloc ((size_t) m->nent, sizeof (ic_ival_struct));
  m->key = xcalloc ((size_t) m->nent, sizeof (double));
  m->bo = xcalloc ((size_t) nn, sizeof (int));
  m->bow = xcalloc ((size_t) nn, sizeof (ic_ival_struct));
  /* the stored values' precision: prec + 32 bits plus the bits of the
   * largest product of back-off weights along a chain, so that the
   * subtractions of the row sums and of the forward recursion (work_prec)
   * keep prec bits (Sphinx's phone model has weights near 1e64) */
  double l2b = a->base_num ? log2 ((double) a->base_num / (double) a->base_den) : log2 (10.0), bbits = 0;
  for (int u = 0; u < nn; u++)
    {
      double b = 0;
      for (int t = tnode[u]; tbo[t] >= 0; t = tbo[t])
        {
          double x = mpq_get_d (a->g[t].logbo) * l2b;
          if (x > 0) b += x;
        }
      if (b > bbits) bbits = b;
    }
  if (bbits > 2048) bbits = 2048;              /* a resource limit; enclosures stay sound */
  mpfr_prec_t vprec = prec + 32 + (mpfr_prec_t) bbits + 2;
  ic_ival_t lnb; ic_ival_init2 (lnb, vprec);
  int base_below_1 = 0;
  if (a->base_num)                             /* a log base other than 10 */
    {
      mpq_t b; mpq_init (b);
      mpq_set_ui (b, a->base_num, a->base_den); mpq_canonicalize (b);
      base_below_1 = mpq_cmp_ui (b, 1, 1) < 0;
      ic_ival_set_q (lnb, b);
      mpq_clear (b);
    }
  else ic_ival_set_ui (lnb, 10);
  ic_ival_log (lnb, lnb);                      /* lnb encloses log(base) */
  expcache ec; memset (&ec, 0, sizeof ec);
  for (int u = 0; u < nn; u++)
    {
      int t = tnode[u];
      m->bo[u] = tbo[t] >= 0 ? nid[tbo[t]] - 1 : -1;
      if (m->bo[u] >= 0)
        {
          ic_ival_init2 (&m->bow[u], vprec);
          exp_cached (&m->bow[u], &ec, a->g[t].logbo, lnb, vprec);    /* encloses base^logbo */
        }
      for (long i = 0; i < m->row[u + 1] - m->row[u]; i++)
        {
          long e = m->row[u] + i, te = trow[t] + i;
          const ic_arpa_gram *gr = &a->g[egram[te]];
          m->etok[e] = tetok[te];
          m->enext[e] = nid[tenext[te]] && nid[tenext[te]] <= nq ? nid[tenext[te]] - 1 : -1;
          ic_ival_init2 (&m->p[e], vprec);
          exp_cached (&m->p[e], &ec, gr->logp, lnb, vprec);        /* encloses base^logp */
          double k = mpq_get_d (gr->logp);      /* rounds toward 0: non-decreasing */
          m->key[e] = base_below_1 ? -k : k;
        }
    }
  expcache_clear (&ec);
  ic_ival_clear (lnb);
  /* a value beyond MPFR's exponent range (a log back-off near 1e9 or
   * more) has no finite enclosure: such a model is not checked */
  int inf = 0;
  for (long e = 0; e < m->nent && !inf; e++) inf = !mpfr_number_p (m->p[e].hi);
  for (int u = 0; u < nn && !inf; u++) inf = m->bo[u] >= 0 && !mpfr_number_p (m->bow[u].hi);
  if (inf)
    {
      snprintf (err, errlen, "%s:%ld:1: a probability or back-off weight beyond 2^(2^30) (a resource limit of infcert)",
                name, a->section_line[1]);
      free (tokof); free (trow); free (egram); free (tetok); free (tenext); free (tbo); free (stid); free (nid); free (tnode);
      ic_lm_clear (m);
      return -1;
    }
  {
    mpq_srcptr *ev = xcalloc ((size_t) m->nent, sizeof *ev);
    for (int u = 0; u < nn; u++)
      for (long i = 0; i < m->row[u + 1] - m->row[u]; i++)
        ev[m->row[u] + i] = a->g[egram[trow[tnode[u]] + i]].logp;
    lm_sort_byval (m, ev, base_below_1 ? -1 : 1);
    free (ev);
  }
  free (tokof); free (trow); free (egram); free (tetok); free (tenext); free (tbo); free (stid); free (nid); free (tnode);
  lm_depths (m);
  return 0;
}


/* ---- extremes of a row ---------------------------------------------------- */

/* z = max (dir > 0) or min (dir < 0) of the enclosed values: endpoint-wise */
static void ival_ext (ic_ival_ptr z, ic_ival_srcptr x, int dir)
{
  if (dir > 0)
    {
      mpfr_max (z->lo, z->lo, x->lo, MPFR_RNDD);
      mpfr_max (z->hi, z->hi, x->hi, MPFR_RNDU);
    }
  else
    {
      mpfr_min (z->lo, z->lo, x->lo, MPFR_RNDD);
      mpfr_min (z->hi, z->hi, x->hi, MPFR_RNDU);
    }
}

/* 1 when candidate c beats the best b for the reported pair: a larger
 * upper end (max) or a smaller lower end (min); ties go to the smaller
 * token (the first in token order, as a dense scan reports it). */
static int ext_better (ic_ival_srcptr c, int ct, ic_ival_srcptr b, int bt, int dir)
{
  int k = dir > 0 ? mpfr_cmp (c->hi, b->hi) : -mpfr_cmp (c->lo, b->lo);
  return k > 0 || (k == 0 && ct < bt);
}

/* out encloses the largest (dir > 0) or smallest (dir < 0) P(x|s) over
 * all tokens x; *tok gets a token attaining it (the one with the extreme
 * upper end for a maximum, lower end for a minimum, smallest index among
 * ties).  Returns 0, or -1 for an empty row (out is then [0, 0]).
 *
 * Why it is an enclosure: along the chain s = u0, u1, .., the tokens that
 * reach u_j are those stored at no u_i, i < j, and P(x|s) = B_j P(x|u_j)
 * with B_j = bow(u0) .. bow(u_{j-1}).  At each u_j the stored entries are
 * scanned in value order (byval; equal keys = equal exact values): the
 * first token not excluded has the extreme value among the tokens that
 * reach u_j, and B_j times its enclosure encloses that extreme; the
 * endpoint-wise extreme over j encloses the row's. */
static int row_extreme_ws (ic_ival_ptr out, int *tok, const ic_lm *m, int s, int dir,
                           ic_ival_ptr B, ic_ival_ptr g)
{
  ic_ival_set_ui (B, 1);
  int have = 0, bt = -1;
  const int *sc = m->cache->scan[dir > 0];
  for (int u = s, v = -1; u >= 0; v = u, u = m->bo[u])
    {
      long n = m->row[u + 1] - m->row[u];
      const int *bv = m->byval + m->row[u];
      long i = 0, first = -1, from = 0;
      if (v >= 0 && sc && sc[(size_t) v * SCAN_K] != -2)
        {
          /* the first SCAN_K positions not stored at v (the node before
           * u), made once per node: only the nodes before v remain */
          const int *L = sc + (size_t) v * SCAN_K;
          int k = 0;
          for (; k < SCAN_K && L[k] >= 0; k++)
            {
              int e = bv[dir > 0 ? L[k] : n - 1 - L[k]];
              if (!blocked (m, s, v, m->etok[e])) { first = e; i = L[k]; break; }
            }
          if (first < 0 && (k == SCAN_K ? 0 : 1)) from = n;       /* the list held them all */
        }
      for (i = first >= 0 ? i : from; first < 0 && i < n; i++)
        {
          int e = bv[dir > 0 ? i : n - 1 - i];
          if (!blocked (m, s, u, m->etok[e])) { first = e; break; }
        }
      if (first >= 0)
        {
          /* equal keys hold equal values and enclosures, ordered by token:
           * the first not excluded is the extreme.  Scanning upwards (a
           * minimum) it has the largest token of its group; the smallest
           * one not excluded is looked for among the next 64 (which token
           * is reported is presentation only) */
          int gt = m->etok[first];
          if (dir < 0)
            for (long j = i + 1; j < n && j <= i + 64; j++)
              {
                int e = bv[n - 1 - j];
                if (m->key[e] != m->key[first]) break;
                if (!blocked (m, s, u, m->etok[e])) gt = m->etok[e];
              }
          mul_nn (g, B, &m->p[first]);
          if (!have) { ic_ival_set (out, g); bt = gt; have = 1; }
          else
            {
              if (ext_better (g, gt, out, bt, dir)) bt = gt;
              ival_ext (out, g, dir);
            }
        }
      if (m->bo[u] >= 0) mul_nn (B, B, &m->bow[u]);          /* B encloses bow(u0) .. bow(u) */
    }
  if (!have) ic_ival_set_ui (out, 0);
  if (tok) *tok = bt;
  return have ? 0 : -1;
}

static int row_extreme (ic_ival_ptr out, int *tok, const ic_lm *m, int s, int dir)
{
  ic_ival_t B, g;
  ic_ival_init2 (B, m->prec); ic_ival_init2 (g, m->prec);
  int r = row_extreme_ws (out, tok, m, s, dir, B, g);
  ic_ival_clear (B); ic_ival_clear (g);
  return r;
}

void ic_lm_row_extremes (ic_ival_ptr mx, ic_ival_ptr mn, int *tmx, int *tmn, const ic_lm *m, int s)
{
  if (mx) row_extreme (mx, tmx, m, s, 1);
  if (mn) row_extreme (mn, tmn, m, s, -1);
}

/* Passes over the states split between threads (the model is read only;
 * each part has its own temporaries and result, merged in state order). */
#define LM_THREADS 2
typedef struct {
  const ic_lm *m; int dir, s0, s1, what;     /* what: 0 extreme, 1 row ratio */
  ic_ival_t out; int have, bs, bw, bad;
} lm_part;

static void *lm_part_run (void *arg)
{
  lm_part *P = arg;
  const ic_lm *m = P->m;
  ic_ival_t r, r2, B, g; ic_ival_init2 (r, m->prec); ic_ival_init2 (r2, m->prec);
  ic_ival_init2 (B, m->prec); ic_ival_init2 (g, m->prec);
  for (int s = P->s0; s < P->s1 && !P->bad; s++)
    {
      int t;
      if (P->what == 1)
        {
          row_extreme_ws (r, NULL, m, s, 1, B, g);
          row_extreme_ws (r2, NULL, m, s, -1, B, g);
          if (!ic_ival_is_pos (r2)) { P->bad = 1; break; }
          ic_ival_div (r, r, r2);                    /* encloses max / min of the row */
          t = -1;
        }
      else if (row_extreme_ws (r, &t, m, s, P->dir, B, g) != 0) continue;
      int dir = P->what == 1 ? 1 : P->dir;
      if (!P->have) { ic_ival_set (P->out, r); P->bs = s; P->bw = t; P->have = 1; continue; }
      int k = dir > 0 ? mpfr_cmp (r->hi, P->out->hi) : -mpfr_cmp (r->lo, P->out->lo);
      if (k > 0) { P->bs = s; P->bw = t; }
      ival_ext (P->out, r, dir);
    }
  ic_ival_clear (r); ic_ival_clear (r2); ic_ival_clear (B); ic_ival_clear (g);
  return NULL;
}

/* Scan lists for row_extreme: for each node v that backs off to u and is
 * itself a back-off node, the first SCAN_K positions of u's entries in
 * value order (from the top for dir > 0, the bottom otherwise) whose
 * token is not stored at v (-1 ends a shorter list; -2: no list). */
static void scan_cache_build (const ic_lm *m, int dir)
{
  struct ic_lm_cache *ca = m->cache;
  if (ca->scan[dir > 0]) return;
  char *inner = xcalloc ((size_t) m->nnode, 1);
  for (int u = 0; u < m->nnode; u++) if (m->bo[u] >= 0) inner[m->bo[u]] = 1;
  int *sc = xcalloc ((size_t) m->nnode * SCAN_K, sizeof (int));
  for (int v = 0; v < m->nnode; v++)
    {
      int *L = sc + (size_t) v * SCAN_K, u = m->bo[v];
      if (!inner[v] || u < 0) { L[0] = -2; continue; }
      long n = m->row[u + 1] - m->row[u];
      const int *bv = m->byval + m->row[u];
      int k = 0;
      for (long i = 0; i < n && k < SCAN_K; i++)
        if (ent_find (m, v, m->etok[bv[dir > 0 ? i : n - 1 - i]]) < 0) L[k++] = (int) i;
      if (k < SCAN_K) L[k] = -1;
    }
  free (inner);
  ca->scan[dir > 0] = sc;
}

/* Runs a pass over all states; the merged result is in P[0] (have = 0 when
 * no state gave one; bad = 1 when a row's minimum is not > 0). */
static void lm_parts (lm_part *P, const ic_lm *m, int what, int dir)
{
  int np = m->nstate >= 20000 ? LM_THREADS : 1;
  if (what == 1 || dir > 0) scan_cache_build (m, 1);
  if (what == 1 || dir < 0) scan_cache_build (m, -1);
  pthread_t th[LM_THREADS];
  int started[LM_THREADS] = { 0 };
  for (int i = 0; i < np; i++)
    {
      P[i].m = m; P[i].dir = dir; P[i].what = what; P[i].have = 0; P[i].bad = 0;
      P[i].s0 = (int) ((long) m->nstate * i / np); P[i].s1 = (int) ((long) m->nstate * (i + 1) / np);
      ic_ival_init2 (P[i].out, m->prec);
      if (i > 0) started[i] = pthread_create (&th[i], NULL, lm_part_run, &P[i]) == 0;
    }
  lm_part_run (&P[0]);
  for (int i = 1; i < np; i++)
    {
      if (started[i]) pthread_join (th[i], NULL);
      else lm_part_run (&P[i]);                  /* no thread: run it here */
    }
  int d = what == 1 ? 1 : dir;
  for (int i = 1; i < np; i++)
    {
      P[0].bad |= P[i].bad;
      if (!P[i].have) continue;
      if (!P[0].have) { ic_ival_set (P[0].out, P[i].out); P[0].bs = P[i].bs; P[0].bw = P[i].bw; P[0].have = 1; continue; }
      int k = d > 0 ? mpfr_cmp (P[i].out->hi, P[0].out->hi) : -mpfr_cmp (P[i].out->lo, P[0].out->lo);
      if (k > 0) { P[0].bs = P[i].bs; P[0].bw = P[i].bw; }
      ival_ext (P[0].out, P[i].out, d);
    }
  for (int i = 1; i < np; i++) ic_ival_clear (P[i].out);
}

/* The largest (dir > 0) or smallest (dir < 0) P(w|s) over reachable
 * states and tokens: out encloses it (endpoint-wise extreme of the rows'
 * enclosures); for exact models q_out gets it exactly.  *state and *tok
 * get the first pair, in (state, token) order, with the extreme upper end
 * for a maximum, lower end for a minimum (a choice of presentation). */
static void lm_extreme (ic_ival_ptr out, mpq_t q_out, int *state, int *tok, const ic_lm *m, int dir)
{
  struct ic_lm_cache *ca = m->cache;
  int ci = dir > 0;
  if (ca->ext_done[ci] && !m->exact)
    {
      ic_ival_set (out, ca->ext[ci]);
      if (state) *state = ca->ext_s[ci];
      if (tok) *tok = ca->ext_t[ci];
      return;
    }
  lm_part P[LM_THREADS];
  lm_parts (P, m, 0, dir);
  int bs = P[0].bs, bw = P[0].bw;
  if (P[0].have) ic_ival_set (out, P[0].out); else { ic_ival_set_ui (out, 0); bs = bw = 0; }
  ic_ival_clear (P[0].out);
  if (m->exact && q_out)
    {
      /* complete rows in token order: the first extreme in (state, token) order */
      mpq_set (q_out, m->q[0]); bs = 0; bw = m->etok[0];
      for (long e = 1; e < m->nent; e++)
        if (dir * mpq_cmp (m->q[e], q_out) > 0)
          { mpq_set (q_out, m->q[e]); bs = (int) (e / m->ntok); bw = m->etok[e]; }
      ic_ival_set_q (out, q_out);
    }
  if (state) *state = bs;
  if (tok) *tok = bw;
  if (!m->exact)
    {
      if (!ca->ext_done[ci]) ic_ival_init2 (ca->ext[ci], m->prec);
      ic_ival_set (ca->ext[ci], out);
      ca->ext_s[ci] = bs; ca->ext_t[ci] = bw; ca->ext_done[ci] = 1;
    }
}

/* out encloses max_s max_x P(x|s) / min_x P(x|s) over the reachable
 * states (endpoint-wise maximum of the rows' enclosures); -1 when some
 * row's minimum is not certified > 0. */
int ic_lm_max_row_ratio (ic_ival_ptr out, const ic_lm *m)
{
  lm_part P[LM_THREADS];
  lm_parts (P, m, 1, 1);
  int rc = P[0].bad ? -1 : 0;
  if (P[0].have && !rc) ic_ival_set (out, P[0].out); else ic_ival_set_ui (out, 0);
  ic_ival_clear (P[0].out);
  return rc;
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

/* ---- row sums ------------------------------------------------------------ */

/* Working precision for passes that subtract (row sums, the forward
 * recursion): the subtracted amounts are up to B times the result, B the
 * largest product of back-off weights along a chain (Sphinx's phone model
 * has weights near 1e64), so prec + log2 B + 32 bits keep about prec + 32
 * bits of the masses involved. */
static mpfr_prec_t work_prec (const ic_lm *m)
{
  long bits = 0;
  for (int u = 0; u < m->nnode; u++)
    {
      long b = 0;
      for (int v = u; m->bo[v] >= 0; v = m->bo[v])
        if (mpfr_number_p (m->bow[v].hi) && mpfr_cmp_ui (m->bow[v].hi, 1) > 0)
          b += mpfr_get_exp (m->bow[v].hi);      /* bow < 2^exp */
      if (b > bits) bits = b;
    }
  if (bits > 2048) bits = 2048;                /* a resource limit; enclosures stay sound */
  return m->prec + (mpfr_prec_t) bits + 32;
}

/* Row sums of every node, S[u] (enclosures; exact in Q[u] for exact
 * models, which have complete rows):
 *   S(u) = sum_{x in C(u)} P(x|u) + bow(u) (S(bo u) - sum_{x in C(u)} P(x|bo u)),
 * the back-off part being bow(u) times the row of bo(u) without the tokens
 * stored at u.  Nodes are visited by increasing depth, so S(bo u) is known
 * first.  Returns arrays of nnode (Q: NULL unless exact). */
static ic_ival_struct *row_sums_compute (mpq_t **Qout, const ic_lm *m)
{
  int nn = m->nnode;
  mpfr_prec_t wp = work_prec (m);
  ic_ival_struct *S = xcalloc ((size_t) nn, sizeof *S);
  ic_ival_t t, b; ic_ival_init2 (t, wp); ic_ival_init2 (b, wp);
  mpfr_t wd; mpfr_init2 (wd, wp);
  double budget = 5e7;                         /* token look-ups of direct sums */
  int *ord = xcalloc ((size_t) nn, sizeof (int)), *cnt = xcalloc ((size_t) m->maxdepth + 2, sizeof (int));
  for (int u = 0; u < nn; u++) cnt[m->depth[u] + 1]++;
  for (int d = 0; d <= m->maxdepth; d++) cnt[d + 1] += cnt[d];
  for (int u = 0; u < nn; u++) ord[cnt[m->depth[u]]++] = u;
  for (int i = 0; i < nn; i++)
    {
      int u = ord[i];
      ic_ival_init2 (&S[u], wp);
      for (long e = m->row[u]; e < m->row[u + 1]; e++) add_fast (&S[u], &S[u], &m->p[e]);
      if (m->bo[u] >= 0)
        {
          set_fast (b, &S[m->bo[u]]);
          for (long e = m->row[u]; e < m->row[u + 1]; e++)
            {
              ic_lm_prob (t, m, m->bo[u], m->etok[e]);
              sub_fast (b, b, t);                      /* b encloses the row of bo(u) off C(u) */
            }
          /* a cancellation of more than 16 bits (the tokens off C(u)
           * carry less than 2^-16 of bo(u)'s mass): sum them directly,
           * positive terms only, while the budget lasts.  At wp bits the
           * subtraction keeps prec + 16 + log2 B bits otherwise, which the
           * normalised rows need: the forward recursion multiplies their
           * errors by up to the back-off product B. */
          mpfr_mul_2si (wd, b->lo, 16, MPFR_RNDD);
          if ((mpfr_sgn (b->lo) <= 0 || mpfr_less_p (wd, S[m->bo[u]].lo)) && budget >= m->ntok)
            {
              budget -= m->ntok;
              ic_ival_set_ui (b, 0);
              for (int x = 0; x < m->ntok; x++)
                if (ent_find (m, u, x) < 0)
                  {
                    ic_lm_prob (t, m, m->bo[u], x);
                    add_fast (b, b, t);
                  }
            }
          mul_nn (b, b, &m->bow[u]);
          add_fast (&S[u], &S[u], b);
        }
    }
  if (Qout)
    {
      *Qout = NULL;
      if (m->exact)
        {
          mpq_t *Q = xcalloc ((size_t) nn, sizeof (mpq_t));
          for (int u = 0; u < nn; u++)
            {
              mpq_init (Q[u]);
              for (long e = m->row[u]; e < m->row[u + 1]; e++) mpq_add (Q[u], Q[u], m->q[e]);
            }
          *Qout = Q;
        }
    }
  free (ord); free (cnt);
  mpfr_clear (wd);
  ic_ival_clear (t); ic_ival_clear (b);
  return S;
}

static void row_sums_free (ic_ival_struct *S, mpq_t *Q, const ic_lm *m)
{
  for (int u = 0; u < m->nnode; u++) { ic_ival_clear (&S[u]); if (Q) mpq_clear (Q[u]); }
  free (S); free (Q);
}

/* The row sums of every node, computed once (see row_sums_compute). */
static const ic_ival_struct *row_sums (mpq_t **Qout, const ic_lm *m)
{
  if (!m->cache->S) m->cache->S = row_sums_compute (&m->cache->Q, m);
  if (Qout) *Qout = m->cache->Q;
  return m->cache->S;
}

/* A normalised model's row sums are only reported (they are 1 by
 * construction): not kept, 0.3 GB for en-us.lm.bin. */
static void row_sums_done (const ic_lm *m)
{
  if (!m->normalised || !m->cache->S) return;
  row_sums_free (m->cache->S, m->cache->Q, m);
  m->cache->S = NULL; m->cache->Q = NULL;
}

void ic_lm_row_sum (ic_ival_ptr out, const ic_lm *m, int s)
{
  ic_ival_set (out, &row_sums (NULL, m)[s]);
  row_sums_done (m);
}

int ic_lm_normalise_rows (ic_lm *m, ic_ival_ptr minsum, ic_ival_ptr maxsum, int *state)
{
  mpq_t *Q;
  const ic_ival_struct *S = row_sums (&Q, m);
  int rc = 0;
  ic_ival_t d; ic_ival_init2 (d, m->prec);
  ic_lm_defect (d, minsum, maxsum, m);        /* the raw row sums, reported */
  /* every node's sum must be certified > 0: the states', and the back-off
   * contexts' (their rows are parts of the states' rows) */
  for (int u = 0; u < m->nnode && rc == 0; u++)
    if (m->exact ? mpq_sgn (Q[u]) <= 0 : mpfr_sgn (S[u].lo) <= 0)
      { rc = -1; if (state) *state = u < m->nstate ? u : m->start; }
  if (rc == 0)
    {
      /* P'(x|u) = P(x|u) / S(u) for every node: stored entries divided, and
       * bow'(u) = bow(u) S(bo u) / S(u), so that for x not stored at u
       * bow'(u) P'(x|bo u) = bow(u) P(x|bo u) / S(u) */
      for (int u = 0; u < m->nnode; u++)
        {
          for (long e = m->row[u]; e < m->row[u + 1]; e++)
            {
              if (m->exact)
                {
                  mpq_div (m->q[e], m->q[e], Q[u]);       /* exact */
                  ic_ival_set_q (&m->p[e], m->q[e]);
                }
              else if (mpfr_sgn (m->p[e].lo) >= 0)
                {
                  /* p >= 0, S.lo > 0: [p.lo / S.hi, p.hi / S.lo] encloses P / S_u */
                  mpfr_div (m->p[e].lo, m->p[e].lo, S[u].hi, MPFR_RNDD);
                  mpfr_div (m->p[e].hi, m->p[e].hi, S[u].lo, MPFR_RNDU);
                }
              else ic_ival_div (&m->p[e], &m->p[e], &S[u]);   /* S.lo > 0: encloses P / S_u */
            }
          if (m->bo[u] >= 0)
            {
              ic_ival_mul (&m->bow[u], &m->bow[u], &S[m->bo[u]]);
              ic_ival_div (&m->bow[u], &m->bow[u], &S[u]);
            }
        }
      m->normalised = 1;                      /* keys: the order within a node is kept */
    }
  ic_ival_clear (d);
  if (rc == 0)
    {
      row_sums_free (m->cache->S, m->cache->Q, m);  /* the rows changed */
      m->cache->S = NULL; m->cache->Q = NULL;
      cache_drop (m->cache);
    }
  return rc;
}

void ic_lm_defect (ic_ival_ptr out, ic_ival_ptr minsum, ic_ival_ptr maxsum, const ic_lm *m)
{
  ic_ival_t one, d, worst;
  ic_ival_init2 (one, m->prec); ic_ival_init2 (d, m->prec); ic_ival_init2 (worst, m->prec);
  ic_ival_set_ui (one, 1);
  const ic_ival_struct *S = row_sums (NULL, m);
  for (int st = 0; st < m->nstate; st++)
    {
      ic_ival_srcptr s = &S[st];
      if (st == 0) { ic_ival_set (minsum, s); ic_ival_set (maxsum, s); }
      else
        {
          /* min/max of enclosed values: endpoint-wise min/max is an enclosure */
          ival_ext (minsum, s, -1);
          ival_ext (maxsum, s, 1);
        }
      ic_ival_sub (d, s, one);
      ic_ival_abs (d, d);                      /* d encloses |sum - 1| */
      if (st == 0) ic_ival_set (worst, d);
      else ival_ext (worst, d, 1);
    }
  ic_ival_set (out, worst);
  row_sums_done (m);
  ic_ival_clear (one); ic_ival_clear (d); ic_ival_clear (worst);
}

int ic_lm_row_excess (int *state, ic_ival_ptr sum, const ic_lm *m)
{
  int worst = -1, found = 0;
  ic_ival_t s; ic_ival_init2 (s, m->prec);
  mpq_t *Q;
  const ic_ival_struct *S = row_sums (&Q, m);
  for (int st = 0; st < m->nstate; st++)
    {
      int above, below;
      if (m->exact)
        {
          ic_ival_set_q (s, Q[st]);            /* s encloses the exact sum */
          above = mpq_cmp_ui (Q[st], 1, 1) > 0;
          below = !above;
        }
      else
        {
          ic_ival_set (s, &S[st]);
          above = mpfr_cmp_ui (s->lo, 1) > 0;  /* sum >= s.lo > 1 */
          below = mpfr_cmp_ui (s->hi, 1) <= 0; /* sum <= s.hi <= 1 */
        }
      /* which state is reported (the largest lower end among the rows
       * above 1) is a choice of presentation; the status is not */
      if (above && (found < 1 || mpfr_greater_p (s->lo, sum->lo))) { found = 1; worst = st; ic_ival_set (sum, s); }
      else if (!below && found == 0) { found = -1; worst = st; ic_ival_set (sum, s); }
    }
  if (state) *state = worst;
  row_sums_done (m);
  ic_ival_clear (s);
  return found;
}

int ic_lm_nonneg (const ic_lm *m)
{
  for (long e = 0; e < m->nent; e++) if (!ic_ival_is_nonneg (&m->p[e])) return 0;
  for (int u = 0; u < m->nnode; u++) if (m->bo[u] >= 0 && !ic_ival_is_nonneg (&m->bow[u])) return 0;
  return 1;
}

/* m_x = min_s P(x|s) and M_x = max_s P(x|s) over the reachable states:
 * P(x|u) for every node by increasing depth (stored, or bow(u) P(x|bo u)),
 * then the extremes over the states.  O(#nodes log) per token. */
void ic_lm_token_range (ic_ival_ptr mn, ic_ival_ptr mx, mpq_t qmn, mpq_t qmx, const ic_lm *m, int x)
{
  ic_ival_t t; ic_ival_init2 (t, m->prec);
  for (int s = 0; s < m->nstate; s++)
    {
      ic_lm_prob (t, m, s, x);
      if (s == 0) { ic_ival_set (mn, t); ic_ival_set (mx, t); }
      else { ival_ext (mn, t, -1); ival_ext (mx, t, 1); }
      if (m->exact && qmn)
        {
          mpq_srcptr q = ic_lm_prob_q (m, s, x);
          if (s == 0 || mpq_cmp (q, qmn) < 0) mpq_set (qmn, q);
          if (s == 0 || mpq_cmp (q, qmx) > 0) mpq_set (qmx, q);
        }
    }
  ic_ival_clear (t);
}

/* Tokens worth trying as growth.c's token x (a heuristic, never a bound):
 * all tokens when nstate * ntok <= 4e6, else the k tokens stored at the
 * fewest contexts (their P(x|s) are back-off values almost everywhere, so
 * min_s / max_s P(x|s) is not small).  Returns the number written to out
 * (room for max(k, ntok) when small, k otherwise). */
int ic_lm_token_candidates (int *out, int k, const ic_lm *m)
{
  if ((double) m->nstate * (double) m->ntok <= 4e6)
    {
      for (int x = 0; x < m->ntok; x++) out[x] = x;
      return m->ntok;
    }
  long *cnt = xcalloc ((size_t) m->ntok, sizeof (long));
  for (long e = 0; e < m->nent; e++) cnt[m->etok[e]]++;
  int n = 0;
  for (int x = 0; x < m->ntok; x++)
    {
      if (n == k && cnt[x] >= cnt[out[k - 1]]) continue;
      int i = n < k ? n++ : k - 1;             /* insertion into the k smallest */
      while (i > 0 && cnt[out[i - 1]] > cnt[x]) { out[i] = out[i - 1]; i--; }
      out[i] = x;
    }
  free (cnt);
  return n;
}

int ic_lm_last_token_determines_state (const ic_lm *m)
{
  /* sufficient: every entry of every node that emits x (at any node a
   * reachable state can back off to) leads to the same state; then
   * next(s, x) does not depend on s */
  int *to = xcalloc ((size_t) m->ntok, sizeof (int));
  for (int x = 0; x < m->ntok; x++) to[x] = -2;
  int ok = 1;
  for (int u = 0; u < m->nnode && ok; u++)
    for (long e = m->row[u]; e < m->row[u + 1] && ok; e++)
      {
        int x = m->etok[e];
        if (m->enext[e] < 0) continue;         /* taken from no reachable state */
        if (to[x] == -2) to[x] = m->enext[e];
        else if (to[x] != m->enext[e]) ok = 0;
      }
  free (to);
  return ok;
}

/* ---- Viterbi and forward ------------------------------------------------ */

/* Exact recursions; exact models have complete rows (no back-off). */
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
          for (long e = m->row[s]; e < m->row[s + 1]; e++)
            {
              size_t x = (size_t) m->etok[e];
              int ns = m->enext[e];
              mpq_mul (t, a[s], m->q[e]);
              mpq_add (M[row + x], M[row + x], t);
              mpq_add (a2[ns], a2[ns], t);
              mpq_mul (t, d[s], m->q[e]);
              if (mpq_cmp (t, V[row + x]) > 0) mpq_set (V[row + x], t);
              if (mpq_cmp (t, d2[ns]) > 0) mpq_set (d2[ns], t);
            }
        }
      for (int s = 0; s < S; s++) { mpq_swap (a[s], a2[s]); mpq_swap (d[s], d2[s]); }
    }
  for (int s = 0; s < S; s++) mpq_clears (a[s], d[s], a2[s], d2[s], NULL);
  mpq_clear (t);
  free (a); free (d); free (a2); free (d2);
}

static int ival_zero (ic_ival_srcptr x) { return mpfr_zero_p (x->lo) && mpfr_zero_p (x->hi); }

/* A sort key of x > 0: (ex, d) with d in [0.5, 1] rounded up, so that
 * x <= d 2^ex; compared lexicographically it is non-decreasing in x. */
typedef struct { double d; long ex; int s; } vit_item;
static void vit_key (vit_item *it, mpfr_srcptr x)
{
  it->d = mpfr_get_d_2exp (&it->ex, x, MPFR_RNDU);
  if (it->d >= 1) { it->d = 0.5; it->ex++; }
}
static int vit_same (const vit_item *a, const vit_item *b) { return a->ex == b->ex && a->d == b->d; }
static int vit_cmp (const void *x, const void *y)
{
  const vit_item *a = x, *b = y;
  if (a->ex != b->ex) return a->ex > b->ex ? -1 : 1;
  if (a->d != b->d) return a->d > b->d ? -1 : 1;
  return a->s - b->s;
}

/* w encloses d(s) bow(s) .. bow(the node before u): the weight with which
 * state s reaches node u of its back-off chain (same operations, in the
 * same order, as when the key was made). */
static void chain_weight (ic_ival_ptr w, const ic_lm *m, ic_ival_srcptr ds, int s, int u)
{
  ic_ival_set (w, ds);
  for (int v = s; v != u; v = m->bo[v]) mul_nn (w, w, &m->bow[v]);
}

/* One forward step from the state masses in (non-negative; or the point
 * values din when in is NULL), into out (states, the sink at nstate) and
 * Mo (tokens): see ic_lm_paths. */
static void forward_pass (ic_ival_struct *out, ic_ival_struct *Mo, const ic_ival_struct *in,
                          const double *din, ic_ival_struct *A, const int *ord, const ic_lm *m,
                          ic_ival_ptr t, ic_ival_ptr c, ic_ival_ptr Ab)
{
  int S = m->nstate, NN = m->nnode;
  for (int s = 0; s <= S; s++) ic_ival_set_ui (&out[s], 0);
  for (int x = 0; x < m->ntok; x++) ic_ival_set_ui (&Mo[x], 0);
  for (int u = 0; u < NN; u++)
    if (u >= S) ic_ival_set_ui (&A[u], 0);
    else if (in) set_fast (&A[u], &in[u]);
    else { mpfr_set_d (A[u].lo, din[u], MPFR_RNDD); mpfr_set_d (A[u].hi, din[u], MPFR_RNDU); }   /* exact: wp >= 53 */
  for (int i = 0; i < NN; i++)
    {
      int u = ord[i];
      if (m->bo[u] < 0 || ival_zero (&A[u])) continue;
      mul_nn (t, &A[u], &m->bow[u]);
      add_fast (&A[m->bo[u]], &A[m->bo[u]], t);
    }
  for (int u = 0; u < NN; u++)
    {
      if (ival_zero (&A[u])) continue;
      int b = m->bo[u];
      if (b >= 0) mul_nn (Ab, &A[u], &m->bow[u]);
      for (long e = m->row[u]; e < m->row[u + 1]; e++)
        {
          int x = m->etok[e], nx = m->enext[e] < 0 ? S : m->enext[e];
          mul_nn (t, &A[u], &m->p[e]);
          add_fast (&Mo[x], &Mo[x], t);
          add_fast (&out[nx], &out[nx], t);
          if (b < 0) continue;
          long e2 = resolve (c, m, b, x);          /* c encloses bow(b) .. down to e2's node */
          int nx2 = m->enext[e2] < 0 ? S : m->enext[e2];
          mul_nn (c, c, &m->p[e2]);                 /* c encloses P(x|bo u) */
          mul_nn (c, c, Ab);                        /* c encloses A(u) bow(u) P(x|bo u) */
          sub_fast (&Mo[x], &Mo[x], c);
          sub_fast (&out[nx2], &out[nx2], c);
        }
    }
}

/* Enclosed recursions, O(#entries + #nodes) a step (plus sorting).
 *
 * Forward: the mass a(s) of each state is first passed down the back-off
 * chains, A(u) = a(u) + sum_{bo(c) = u} bow(c) A(c); then every entry
 * (u, x) adds A(u) P(x|u) to M[x] and to a'(next), and, when u backs off,
 * removes A(u) bow(u) P(x|bo u) from M[x] and a'(next(bo u, x)) (the part
 * of the passed-down mass that the stored entry replaces).  Summed over the
 * chain this is sum_s a(s) P(x|s) exactly.  The true values are >= 0 when
 * every probability is, so the lower ends are raised to 0 (an intersection
 * with a true constraint, not a clamp of a defect).
 *
 * Viterbi: for each node u, the live states s whose chain passes u, sorted
 * by a monotone key of the upper end of their weight w_s = d(s) bow(s) ..
 * (to u).  For an entry (u, x), the states whose P(x|s) is decided at u
 * are those with x stored at no node before u; the first of them in key
 * order lies in the group (equal keys) holding the largest upper end, and
 * every later group has a smaller upper end, so the group's extreme
 * encloses max_s w_s (beyond 64 members of a group, the key's bound on
 * their upper ends is used); times P(x|u) it is the candidate for V[x]
 * and for d'(next(u, x)). */
void ic_lm_paths (ic_ival_struct *V, ic_ival_struct *M, const ic_lm *m, int nmax)
{
  int S = m->nstate, NN = m->nnode, T = m->ntok;
  mpfr_prec_t pr = m->prec, wp = work_prec (m);  /* wp: the forward's masses */
  int nonneg = ic_lm_nonneg (m);
  ic_ival_struct *a = xcalloc ((size_t) S * 2 + 2, sizeof *a);
  ic_ival_struct *d = a + S, *a2 = xcalloc ((size_t) S + 1, sizeof *a2), *d2 = xcalloc ((size_t) S + 1, sizeof *d2);
  ic_ival_struct *A = xcalloc ((size_t) NN, sizeof *A), *Mw = xcalloc ((size_t) T, sizeof *Mw);
  for (int s = 0; s < S; s++) { ic_ival_init2 (&a[s], wp); ic_ival_init2 (&d[s], pr); }
  for (int s = 0; s <= S; s++) { ic_ival_init2 (&a2[s], wp); ic_ival_init2 (&d2[s], pr); }
  for (int u = 0; u < NN; u++) ic_ival_init2 (&A[u], wp);
  for (int x = 0; x < T; x++) ic_ival_init2 (&Mw[x], wp);
  double *ar = xcalloc ((size_t) S, sizeof *ar);     /* radii, rounded up */
  ic_ival_struct *r2 = xcalloc ((size_t) S + 1, sizeof *r2), *Rw = xcalloc ((size_t) T, sizeof *Rw);
  for (int s = 0; s <= S; s++) ic_ival_init2 (&r2[s], wp);
  for (int x = 0; x < T; x++) ic_ival_init2 (&Rw[x], wp);
  mpfr_t mid, rad; mpfr_init2 (mid, wp); mpfr_init2 (rad, wp);
  ic_ival_t t, c, Ab, w, g, tv;
  ic_ival_init2 (t, wp); ic_ival_init2 (c, wp); ic_ival_init2 (Ab, wp); ic_ival_init2 (w, pr); ic_ival_init2 (g, pr);
  ic_ival_init2 (tv, pr);
  /* nodes deepest first */
  int *ord = xcalloc ((size_t) NN, sizeof (int)), *cnt = xcalloc ((size_t) m->maxdepth + 2, sizeof (int));
  for (int u = 0; u < NN; u++) cnt[m->maxdepth - m->depth[u] + 1]++;
  for (int i = 0; i <= m->maxdepth; i++) cnt[i + 1] += cnt[i];
  for (int u = 0; u < NN; u++) ord[cnt[m->maxdepth - m->depth[u]]++] = u;
  free (cnt);
  long *bucket = xcalloc ((size_t) NN + 1, sizeof (long));
  vit_item *items = NULL; size_t icap = 0;
  ic_ival_set_ui (&a[m->start], 1); ic_ival_set_ui (&d[m->start], 1);
  for (int n = 1; n <= nmax; n++)
    {
      ic_ival_struct *Vn = V + (size_t) n * (size_t) T, *Mn = M + (size_t) n * (size_t) T;
      for (int x = 0; x < T; x++) ic_ival_set_ui (&Vn[x], 0);
      for (int s = 0; s <= S; s++) ic_ival_set_ui (&d2[s], 0);
      /* ---- forward: a = mid + [-r, r]; the mid pass and the radius pass
       * each go through the back-off rewrite (whose subtractions lose
       * the correlation of an input's error, multiplying it by up to B a
       * step); the radius is propagated by the same non-negative
       * operator, so the widths do not compound */
      for (int s = 0; s < S; s++)
        {
          mpfr_add (mid, a[s].lo, a[s].hi, MPFR_RNDN);
          mpfr_div_2ui (mid, mid, 1, MPFR_RNDN);
          mpfr_sub (rad, a[s].hi, mid, MPFR_RNDU);
          ar[s] = mpfr_get_d (rad, MPFR_RNDU);
          mpfr_sub (rad, mid, a[s].lo, MPFR_RNDU);
          double r2d = mpfr_get_d (rad, MPFR_RNDU);
          if (r2d > ar[s]) ar[s] = r2d;                 /* ar >= max(hi - mid, mid - lo) */
          mpfr_set (a[s].lo, mid, MPFR_RNDN); mpfr_set (a[s].hi, mid, MPFR_RNDN);     /* exact: same precision */
        }
      forward_pass (a2, Mw, a, NULL, A, ord, m, t, c, Ab);
      forward_pass (r2, Rw, NULL, ar, A, ord, m, t, c, Ab);
      for (int s = 0; s <= S; s++)
        {
          mpfr_sub (a2[s].lo, a2[s].lo, r2[s].hi, MPFR_RNDD);    /* true >= mid.lo - r */
          mpfr_add (a2[s].hi, a2[s].hi, r2[s].hi, MPFR_RNDU);    /* true <= mid.hi + r */
        }
      for (int x = 0; x < T; x++)
        {
          mpfr_sub (Mw[x].lo, Mw[x].lo, Rw[x].hi, MPFR_RNDD);
          mpfr_add (Mw[x].hi, Mw[x].hi, Rw[x].hi, MPFR_RNDU);
        }
      /* ---- Viterbi: bucket the live states by the nodes of their chains */
      for (int u = 0; u <= NN; u++) bucket[u] = 0;
      size_t nit = 0;
      for (int s = 0; s < S; s++)
        {
          if (mpfr_sgn (d[s].hi) <= 0) continue;
          for (int u = s; u >= 0; u = m->bo[u]) { bucket[u + 1]++; nit++; }
        }
      for (int u = 0; u < NN; u++) bucket[u + 1] += bucket[u];
      if (nit > icap) { icap = nit; items = xrealloc (items, sizeof *items * icap); }
      for (int s = 0; s < S; s++)
        {
          if (mpfr_sgn (d[s].hi) <= 0) continue;
          ic_ival_set (w, &d[s]);
          for (int u = s; u >= 0; u = m->bo[u])
            {
              vit_key (&items[bucket[u]], w->hi);
              items[bucket[u]++].s = s;
              if (m->bo[u] >= 0) mul_nn (w, w, &m->bow[u]);
            }
        }
      for (int u = NN; u > 0; u--) bucket[u] = bucket[u - 1];
      bucket[0] = 0;
      for (int u = 0; u < NN; u++)
        {
          long b0 = bucket[u], b1 = bucket[u + 1];
          if (b1 - b0 > 1) qsort (items + b0, (size_t) (b1 - b0), sizeof *items, vit_cmp);
          if (b1 == b0) continue;
          for (long e = m->row[u]; e < m->row[u + 1]; e++)
            {
              int x = m->etok[e], nx = m->enext[e] < 0 ? S : m->enext[e];
              long i = b0;
              while (i < b1 && blocked (m, items[i].s, u, x)) i++;
              if (i == b1) continue;
              chain_weight (g, m, &d[items[i].s], items[i].s, u);
              long j = i + 1;
              for (; j < b1 && j <= i + 64 && vit_same (&items[j], &items[i]); j++)
                if (!blocked (m, items[j].s, u, x))
                  {
                    chain_weight (w, m, &d[items[j].s], items[j].s, u);
                    ival_ext (g, w, 1);
                  }
              if (j < b1 && vit_same (&items[j], &items[i]))
                {
                  /* a large group: its members' upper ends are <= d 2^ex */
                  mpfr_set_d (mid, items[i].d, MPFR_RNDU);
                  mpfr_mul_2si (mid, mid, items[i].ex, MPFR_RNDU);
                  mpfr_max (g->hi, g->hi, mid, MPFR_RNDU);
                }
              mul_nn (tv, g, &m->p[e]);                /* encloses max_s d(s) P(x|s), s decided at u */
              ival_ext (&Vn[x], tv, 1);
              ival_ext (&d2[nx], tv, 1);
            }
        }
      for (int s = 0; s < S; s++)
        {
          set_fast (&a[s], &a2[s]); set_fast (&d[s], &d2[s]);
          if (nonneg && mpfr_sgn (a[s].lo) < 0) mpfr_set_zero (a[s].lo, 1);    /* a mass is >= 0 */
        }
      for (int x = 0; x < T; x++)
        {
          if (nonneg && mpfr_sgn (Mw[x].lo) < 0) mpfr_set_zero (Mw[x].lo, 1);  /* a marginal is >= 0 */
          set_fast (&Mn[x], &Mw[x]);                                          /* outward to M's precision */
        }
    }
  for (int s = 0; s < 2 * S; s++) ic_ival_clear (&a[s]);
  for (int s = 0; s <= S; s++) { ic_ival_clear (&a2[s]); ic_ival_clear (&d2[s]); }
  for (int u = 0; u < NN; u++) ic_ival_clear (&A[u]);
  for (int x = 0; x < T; x++) { ic_ival_clear (&Mw[x]); ic_ival_clear (&Rw[x]); }
  for (int s = 0; s <= S; s++) ic_ival_clear (&r2[s]);
  free (ar); free (r2); free (Rw);
  mpfr_clear (mid); mpfr_clear (rad);
  ic_ival_clear (t); ic_ival_clear (c); ic_ival_clear (Ab); ic_ival_clear (w); ic_ival_clear (g); ic_ival_clear (tv);
  free (a); free (a2); free (d2); free (A); free (Mw); free (ord); free (bucket); free (items);
}

/* ---- Markov checks -------------------------------------------------------- */

/* 1 when P(x|a) and P(x|b) certainly differ (exact inequality, or
 * disjoint enclosures). */
static int prob_differs (const ic_lm *m, int a, int b, int x, ic_ival_ptr pa, ic_ival_ptr pb)
{
  if (m->exact) return !mpq_equal (ic_lm_prob_q (m, a, x), ic_lm_prob_q (m, b, x));
  ic_lm_prob (pa, m, a, x);
  ic_lm_prob (pb, m, b, x);
  return ic_ival_lt (pa, pb) || ic_ival_lt (pb, pa);
}

/* The first token, in index order, whose probabilities at states a and b
 * certainly differ; -1 if none; -2 when *budget (token comparisons) runs
 * out first. */
static int rows_differ (const ic_lm *m, int a, int b, long *budget)
{
  ic_ival_t pa, pb; ic_ival_init2 (pa, m->prec); ic_ival_init2 (pb, m->prec);
  int r = -1;
  for (int x = 0; x < m->ntok; x++)
    {
      if ((*budget)-- <= 0) { r = -2; break; }
      if (prob_differs (m, a, b, x, pa, pb)) { r = x; break; }
    }
  ic_ival_clear (pa); ic_ival_clear (pb);
  return r;
}

#define MK_BUDGET 20000000L        /* token comparisons of a witness search */

/* States whose breadth-first histories have >= k tokens, grouped by their
 * last k tokens (each group in increasing state order); for each state a
 * (in order) and each later b of its group, the first token whose
 * probabilities certainly differ.  Returns 1 with the witness, 0 if none,
 * -2 when the budget ran out. */
static int window_witness (int k, int *s1, int *s2, int *w, const ic_lm *m)
{
  int S = m->nstate;
  int *win = xcalloc ((size_t) S * (size_t) k, sizeof (int));
  int *ok = xcalloc ((size_t) S, sizeof (int));
  for (int s = 0; s < S; s++)
    {
      int t = s, i = k;
      while (i > 0 && m->parent[t] >= 0) { win[(size_t) s * k + (size_t) --i] = m->ptok[t]; t = m->parent[t]; }
      ok[s] = i == 0;
    }
  /* sort the states by (window, index): groups are runs */
  int *ord = xcalloc ((size_t) S, sizeof (int)), n = 0;
  for (int s = 0; s < S; s++) if (ok[s]) ord[n++] = s;
  /* insertion into a hash of windows would do; a merge sort keeps it simple */
  int *tmp = xcalloc ((size_t) n + 1, sizeof (int));
  for (int width = 1; width < n; width *= 2)
    {
      for (int lo = 0; lo < n; lo += 2 * width)
        {
          int mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
          int i = lo, j = mid, o = lo;
          while (i < mid || j < hi)
            {
              int take_i = j >= hi;
              if (i < mid && j < hi)
                {
                  int cmp = memcmp (&win[(size_t) ord[i] * k], &win[(size_t) ord[j] * k], sizeof (int) * (size_t) k);
                  if (k == 1) cmp = win[ord[i]] < win[ord[j]] ? -1 : win[ord[i]] > win[ord[j]];
                  take_i = cmp < 0 || (cmp == 0 && ord[i] < ord[j]);
                }
              tmp[o++] = take_i ? ord[i++] : ord[j++];
            }
        }
      memcpy (ord, tmp, sizeof (int) * (size_t) n);
    }
  free (tmp);
  /* rank of each state in its group, to visit pairs (a, b) in the order
   * a ascending, then b ascending */
  int *grp = xcalloc ((size_t) S, sizeof (int)), *pos = xcalloc ((size_t) S, sizeof (int));
  for (int i = 0; i < n; i++)
    {
      int same = i > 0 && !memcmp (&win[(size_t) ord[i] * k], &win[(size_t) ord[i - 1] * k], sizeof (int) * (size_t) k);
      grp[ord[i]] = same ? grp[ord[i - 1]] : i;
      pos[ord[i]] = i;
    }
  long budget = MK_BUDGET;
  int found = 0;
  for (int a = 0; a < S && found == 0; a++)
    {
      if (!ok[a]) continue;
      for (int i = pos[a] + 1; i < n && grp[ord[i]] == grp[a] && found == 0; i++)
        {
          int b = ord[i], x = rows_differ (m, a, b, &budget);
          if (x >= 0) { *s1 = a; *s2 = b; *w = x; found = 1; }
          else if (x == -2) found = -2;
        }
    }
  free (win); free (ok); free (ord); free (grp); free (pos);
  return found;
}

int ic_lm_markov_witness (int *s1, int *s2, int *w, const ic_lm *m)
{
  /* the last token of a state's history is last[] (the start state, and
   * states entered after </s> only, have none): k = 1 windows */
  return window_witness (1, s1, s2, w, m) == 1;
}

/* The token sequence of state s's breadth-first history ("(empty)" if none). */
static char *state_tokens (const ic_lm *m, int s)
{
  if (m->parent[s] < 0) return strdup ("(empty)");
  size_t len = 1;
  int n = 0;
  for (int t = s; m->parent[t] >= 0; t = m->parent[t]) { len += strlen (m->tok[m->ptok[t]]) + 1; n++; }
  int *tk = xcalloc ((size_t) n, sizeof (int));
  for (int t = s, c = n; m->parent[t] >= 0; t = m->parent[t]) tk[--c] = m->ptok[t];
  char *h = xcalloc (len, 1);
  for (int i = 0; i < n; i++) { if (i) strcat (h, " "); strcat (h, m->tok[tk[i]]); }
  free (tk);
  return h;
}

/* ---- Markov of order k: enumeration of (state, last k tokens) ----------- */

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

static int markov_enumerate (int k, int *s1, int *s2, int *w, char **h1, char **h2,
                             long *npairs, const ic_lm *m)
{
  const int LIMIT = 1 << 20;
  size_t cap = (size_t) 1 << 21, mask = cap - 1;
  int *tab = xcalloc (cap, sizeof (int));           /* pair index + 1, by (state, window) */
  int *wtab = xcalloc (cap, sizeof (int));          /* first pair index + 1, by window */
  mk_pair *pr = xcalloc ((size_t) LIMIT, sizeof *pr);
  int *win = xcalloc ((size_t) LIMIT * (size_t) k, sizeof (int));
  int *cur = xcalloc ((size_t) k, sizeof (int));
  ic_ival_t pa, pb; ic_ival_init2 (pa, m->prec); ic_ival_init2 (pb, m->prec);
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
                  if (prob_differs (m, a, b, x, pa, pb))
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
          int t = ic_lm_next (m, pr[i].state, x);
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
  ic_ival_clear (pa); ic_ival_clear (pb);
  free (tab); free (wtab); free (pr); free (win); free (cur);
  return rc;
}

int ic_lm_markov_order (int k, int *s1, int *s2, int *w, char **h1, char **h2,
                        long *npairs, const ic_lm *m)
{
  *npairs = 0;
  if (k >= m->ctxmax) return 3;                 /* the window determines the state */
  int r = window_witness (k, s1, s2, w, m);
  if (r == 1)
    {
      *h1 = state_tokens (m, *s1);
      *h2 = state_tokens (m, *s2);
      return 1;
    }
  /* no witness among the breadth-first histories: enumerate the pairs
   * when the model is small enough for it */
  if ((double) m->nstate * (double) m->ntok * (double) k > 1e8) return 0;
  return markov_enumerate (k, s1, s2, w, h1, h2, npairs, m);
}

/* The steps of ic_lm_paths that fit a work budget of 1.2e7 entry-steps
 * (a few seconds), at most want and at least 1: a heuristic for plots
 * (20 steps for Sphinx's phone model, 2 for en-us.lm.bin). */
int ic_lm_paths_horizon (const ic_lm *m, int want)
{
  double per = (double) m->nent + (double) m->nnode;
  double n = 1.2e7 / (per > 1 ? per : 1);
  return n >= want ? want : n < 1 ? 1 : (int) n;
}
