/* lmbin.c — Sphinx binary trie LM reader (layout and accepted files: see
 * lmbin.h).  The whole file is read into memory; every count is checked
 * against the bytes that remain before anything is sized by it, so the
 * allocations are bounded by a small multiple of the file size. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <errno.h>
#include <stdint.h>
#include <math.h>
#include "lmbin.h"

#define QBITS 16                         /* quantised value: 16 bits     */
#define QTAB  (1UL << QBITS)             /* floats per quantisation table */

typedef struct {
  const char *name;
  char *err; size_t errlen;
  const unsigned char *b; uint64_t size;
} rd;

static int fail (rd *r, uint64_t at, const char *fmt, ...)
{
  char msg[300];
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (msg, sizeof msg, fmt, ap);
  va_end (ap);
  snprintf (r->err, r->errlen, "%s: byte %llu: %s", r->name, (unsigned long long) at, msg);
  return -1;
}

static uint32_t get_u32 (const unsigned char *p)
{
  return (uint32_t) p[0] | (uint32_t) p[1] << 8 | (uint32_t) p[2] << 16 | (uint32_t) p[3] << 24;
}

/* The float32 stored little-endian at p (the files are written on x86). */
static float get_f32 (const unsigned char *p)
{
  uint32_t u = get_u32 (p);
  float f;
  memcpy (&f, &u, sizeof f);
  return f;
}

/* Bits needed for the values 0..max (0 for max = 0), as the writer counts. */
static int bits_for (uint32_t max)
{
  int n = 0;
  for (; max; max >>= 1) n++;
  return n;
}

/* len <= 25 bits starting at bit off of p, least significant bit first
 * (the caller guarantees that the bytes up to (off + len + 7) / 8 exist). */
static uint32_t get_bits (const unsigned char *p, uint64_t off, int len)
{
  uint64_t v = 0;
  const unsigned char *q = p + (off >> 3);
  int nbytes = (int) (((off & 7) + (uint64_t) len + 7) >> 3);
  for (int i = 0; i < nbytes; i++) v |= (uint64_t) q[i] << (8 * i);
  return (uint32_t) ((v >> (off & 7)) & ((1ULL << len) - 1));
}

/* One level K >= 2 of the trie: count[K] entries and a sentinel. */
typedef struct {
  uint64_t at;             /* byte offset of the array in the file      */
  uint64_t bytes;          /* its size                                  */
  uint32_t n;              /* entries                                   */
  int word_bits, total_bits, next_bits;
  int middle;              /* 1: has back-off and child pointer         */
  const float *ptab, *btab; /* quantisation tables (as host floats)     */
  uint32_t *parent;        /* index of the parent entry one level down  */
} level;

static uint32_t lv_word (const rd *r, const level *L, uint32_t i)
{
  return get_bits (r->b + L->at, (uint64_t) i * (uint64_t) L->total_bits, L->word_bits);
}

/* First child of entry i (i = n gives the end of the last range). */
static uint32_t lv_next (const rd *r, const level *L, uint32_t i)
{
  return get_bits (r->b + L->at, (uint64_t) i * (uint64_t) L->total_bits + (uint64_t) (L->word_bits + 2 * QBITS),
                   L->next_bits);
}

static uint64_t lv_entry_byte (const level *L, uint32_t i)
{
  return L->at + (((uint64_t) i * (uint64_t) L->total_bits) >> 3);
}

/* Stored values of entry i: the probability, and for a middle level the
 * back-off (back-off index in the low 16 bits after the word, then the
 * probability index). */
static void lv_values (float *p, float *bo, const rd *r, const level *L, uint32_t i)
{
  uint64_t off = (uint64_t) i * (uint64_t) L->total_bits + (uint64_t) L->word_bits;
  if (L->middle)
    {
      *bo = L->btab[get_bits (r->b + L->at, off, QBITS)];
      *p = L->ptab[get_bits (r->b + L->at, off + QBITS, QBITS)];
    }
  else { *p = L->ptab[get_bits (r->b + L->at, off, QBITS)]; *bo = 0; }
}

/* Checks the child pointers first(0..n) of a level (or of the unigrams):
 * first(0) = 0, non-decreasing, first(n) <= the next level's count; then
 * records each child's parent.  Entries of the next level at or after
 * first(n) are reached by no context: Sphinx's look-up never reads them,
 * and they are not part of the model (en-us.lm.bin declares 2051547
 * bigrams and links 2051541: the writer counted 6 it never wrote, the
 * reason sphinx_lm_convert aborts on it); child->n becomes first(n). */
static int link_children (rd *r, level *child, uint32_t n, uint32_t (*first) (const rd *, const void *, uint32_t),
                          const void *ctx, uint64_t (*where) (const void *, uint32_t), int k)
{
  uint32_t prev = first (r, ctx, 0);
  if (prev != 0) return fail (r, where (ctx, 0), "first %d-gram child pointer is %lu, not 0", k, (unsigned long) prev);
  for (uint32_t i = 0; i < n; i++)
    {
      uint32_t nx = first (r, ctx, i + 1);
      if (nx < prev || nx > child->n)
        return fail (r, where (ctx, i + 1), "%d-gram child pointer %lu out of order or above the %lu %d-grams",
                     k, (unsigned long) nx, (unsigned long) child->n, k + 1);
      for (uint32_t c = prev; c < nx; c++) child->parent[c] = i;
      prev = nx;
    }
  child->n = prev;
  return 0;
}

/* unigram record i: prob at +0, back-off at +4, first child at +8 */
typedef struct { const unsigned char *uni; uint64_t at; } unictx;
static uint32_t uni_first (const rd *r, const void *ctx, uint32_t i)
{
  (void) r;
  return get_u32 (((const unictx *) ctx)->uni + 12 * (uint64_t) i + 8);
}
static uint64_t uni_where (const void *ctx, uint32_t i)
{
  return ((const unictx *) ctx)->at + 12 * (uint64_t) i + 8;
}
static uint32_t lv_first (const rd *r, const void *ctx, uint32_t i) { return lv_next (r, (const level *) ctx, i); }
static uint64_t lv_where (const void *ctx, uint32_t i) { return lv_entry_byte ((const level *) ctx, i); }

static int parse (ic_arpa *m, rd *r, uint64_t **gram_at)
{
  const size_t ml = strlen (IC_LMBIN_MAGIC);
  if (r->size < ml || memcmp (r->b, IC_LMBIN_MAGIC, ml) != 0)
    return fail (r, 0, "not a Sphinx trie LM (no \"%s\" magic)", IC_LMBIN_MAGIC);
  uint64_t pos = ml;
  if (r->size < pos + 1) return fail (r, pos, "file ends before the order byte");
  int order = r->b[pos];
  if (order < 1 || order > IC_ARPA_MAX_ORDER)
    return fail (r, pos, "order %d (1 to %d accepted)", order, IC_ARPA_MAX_ORDER);
  pos++;
  if (r->size - pos < 4 * (uint64_t) order) return fail (r, pos, "file ends inside the %d n-gram counts", order);
  uint32_t cnt[IC_ARPA_MAX_ORDER + 1];
  for (int k = 1; k <= order; k++, pos += 4)
    {
      cnt[k] = get_u32 (r->b + pos);
      /* the writer packs word indices in at most 25 bits */
      if (k == 1 && (cnt[1] < 1 || cnt[1] >= (1U << 25)))
        return fail (r, pos, "unigram count %lu (1 to 2^25-1 accepted)", (unsigned long) cnt[1]);
    }
  m->order = order;
  for (int k = 1; k <= order; k++) m->count[k] = (long) cnt[k];

  /* quantisation tables */
  const unsigned char *qt = NULL;
  if (order > 1)
    {
      if (r->size - pos < 4) return fail (r, pos, "file ends before the quantiser header");
      pos += 4;
      uint64_t qbytes = (uint64_t) (2 * (order - 2) + 1) * QTAB * 4;
      if (r->size - pos < qbytes)
        return fail (r, pos, "file ends inside the quantisation tables (%llu bytes needed, %llu left)",
                     (unsigned long long) qbytes, (unsigned long long) (r->size - pos));
      qt = r->b + pos;
      pos += qbytes;
    }

  /* unigrams */
  uint64_t ubytes = 12 * ((uint64_t) cnt[1] + 1);
  if (r->size - pos < ubytes)
    return fail (r, pos, "%lu unigrams need %llu bytes, %llu left", (unsigned long) cnt[1],
                 (unsigned long long) ubytes, (unsigned long long) (r->size - pos));
  const unsigned char *uni = r->b + pos;
  uint64_t uni_at = pos;
  pos += ubytes;

  /* the trie levels: sizes from the counts, each checked against the file */
  level lv[IC_ARPA_MAX_ORDER + 1];
  memset (lv, 0, sizeof lv);
  int wbits = bits_for (cnt[1]);
  float *tabs = NULL;
  int rc = -1;
  if (order > 1)
    {
      tabs = malloc (sizeof (float) * QTAB * (size_t) (2 * (order - 2) + 1));
      if (!tabs) return fail (r, pos, "out of memory");
      for (size_t i = 0; i < QTAB * (size_t) (2 * (order - 2) + 1); i++) tabs[i] = get_f32 (qt + 4 * i);
    }
  for (int k = 2; k <= order; k++)
    {
      level *L = &lv[k];
      L->middle = k < order;
      L->n = cnt[k];
      L->word_bits = wbits;
      L->next_bits = L->middle ? bits_for (cnt[k + 1]) : 0;
      L->total_bits = wbits + (L->middle ? 2 * QBITS : QBITS) + L->next_bits;
      L->bytes = (((uint64_t) cnt[k] + 1) * (uint64_t) L->total_bits + 7) / 8 + 8;
      L->at = pos;
      L->ptab = tabs + (size_t) (2 * (k - 2)) * QTAB;
      L->btab = L->middle ? L->ptab + QTAB : NULL;
      if (r->size - pos < L->bytes)
        { fail (r, pos, "%lu %d-grams need %llu bytes, %llu left", (unsigned long) cnt[k], k,
                (unsigned long long) L->bytes, (unsigned long long) (r->size - pos)); goto out; }
      pos += L->bytes;
    }

  /* the word list */
  if (r->size - pos < 4) { fail (r, pos, "file ends before the word list"); goto out; }
  uint64_t wl = get_u32 (r->b + pos);
  uint64_t wat = pos + 4;
  if (r->size - wat != wl)
    { fail (r, pos, "word list of %llu bytes, the file has %llu after it", (unsigned long long) wl,
            (unsigned long long) (r->size - wat)); goto out; }
  if (wl == 0 || r->b[wat + wl - 1] != 0) { fail (r, wat, "word list does not end in a NUL byte"); goto out; }

  /* every allocation below is bounded: cnt[1] < wl + 1, and a level of n
   * entries takes at least 2n bytes of the file */
  m->word = calloc ((size_t) cnt[1], sizeof (char *));
  long total = 0;
  for (int k = 1; k <= order; k++) total += (long) cnt[k];
  m->g = calloc ((size_t) total, sizeof *m->g);
  *gram_at = malloc (sizeof (uint64_t) * (size_t) total);
  if (!m->word || !m->g || !*gram_at) { fail (r, pos, "out of memory"); goto out; }
  {
    uint64_t p = wat;
    for (uint32_t i = 0; i < cnt[1]; i++)
      {
        if (p >= wat + wl) { fail (r, p, "word list has %lu words, %lu unigrams announced", (unsigned long) i, (unsigned long) cnt[1]); goto out; }
        size_t len = strlen ((const char *) r->b + p);
        if (len == 0) { fail (r, p, "empty word (unigram %lu)", (unsigned long) i); goto out; }
        m->word[i] = malloc (len + 1);
        if (!m->word[i]) { fail (r, p, "out of memory"); goto out; }
        memcpy (m->word[i], r->b + p, len + 1);
        m->nword = (int) i + 1;
        p += len + 1;
      }
    if (p != wat + wl) { fail (r, p, "word list has more than the %lu unigrams announced", (unsigned long) cnt[1]); goto out; }
  }

  /* parents: each entry of level k lies in the child range of one entry of
   * level k - 1 (of one unigram for k = 2) */
  for (int k = 2; k <= order; k++)
    {
      lv[k].parent = malloc (sizeof (uint32_t) * ((size_t) cnt[k] + 1));
      if (!lv[k].parent) { fail (r, lv[k].at, "out of memory"); goto out; }
    }
  if (order > 1)
    {
      unictx uc = { uni, uni_at };
      if (link_children (r, &lv[2], cnt[1], uni_first, &uc, uni_where, 1)) goto out;
      for (int k = 2; k < order; k++)
        if (link_children (r, &lv[k + 1], lv[k].n, lv_first, &lv[k], lv_where, k)) goto out;
      for (int k = 2; k <= order; k++) m->count[k] = (long) lv[k].n;
    }

  /* unigrams, in index order */
  for (uint32_t i = 0; i < cnt[1]; i++)
    {
      ic_arpa_gram *g = &m->g[m->ngram];
      mpq_inits (g->logp, g->logbo, NULL);
      (*gram_at)[m->ngram] = uni_at + 12 * (uint64_t) i;
      m->ngram++;
      g->k = 1; g->w[0] = (int) i;
      float up = get_f32 (uni + 12 * (uint64_t) i), ub = order > 1 ? get_f32 (uni + 12 * (uint64_t) i + 4) : 0;
      if (!isfinite (up) || !isfinite (ub))                 /* NaN or infinity: no value */
        { fail (r, uni_at + 12 * (uint64_t) i + (isfinite (up) ? 4 : 0), "unigram %lu: a value that is not a finite float",
                (unsigned long) i); goto out; }
      mpq_set_d (g->logp, up);                                         /* exact: a float is dyadic */
      mpq_set_d (g->logbo, ub);
    }
  /* levels 2..N in file order, which is the ARPA export's order (by wK,
   * then w(K-1), .., then w1): entry i of level k is word w1 of
   * "w1 w2 .. wK", its parent chain gives w2, .., wK (the unigram last).
   * The children of one entry are meant to have increasing words
   * (Sphinx's look-up is a search that relies on it), but the writer does
   * not always manage: en-us.lm.bin has trigrams "X and <w>" listed as
   * 70733 then 64488.  Every stored entry is kept (as the ARPA export
   * lists them all); a repeated n-gram is rejected by ic_arpa_index. */
  for (int k = 2; k <= order; k++)
    {
      level *L = &lv[k];
      for (uint32_t i = 0; i < L->n; i++)
        {
          ic_arpa_gram *g = &m->g[m->ngram];
          mpq_inits (g->logp, g->logbo, NULL);
          (*gram_at)[m->ngram] = lv_entry_byte (L, i);
          m->ngram++;
          g->k = k;
          uint32_t e = i;
          for (int j = k; j >= 2; j--)
            {
              uint32_t w = lv_word (r, &lv[j], e);
              if (w >= cnt[1])
                { fail (r, lv_entry_byte (&lv[j], e), "word index %lu of a %d-gram is not below the %lu unigrams",
                        (unsigned long) w, j, (unsigned long) cnt[1]); goto out; }
              g->w[k - j] = (int) w;
              e = lv[j].parent[e];
            }
          g->w[k - 1] = (int) e;
          float p, bo;
          lv_values (&p, &bo, r, L, i);
          if (!isfinite (p) || !isfinite (bo))
            { fail (r, lv_entry_byte (L, i), "%d-gram %lu: a quantised value that is not a finite float",
                    k, (unsigned long) i); goto out; }
          mpq_set_d (g->logp, p);                      /* exact: a float is dyadic */
          mpq_set_d (g->logbo, bo);
        }
    }
  rc = 0;
out:
  for (int k = 2; k <= order; k++) free (lv[k].parent);
  free (tabs);
  return rc;
}

int ic_lmbin_parse (ic_arpa *m, const unsigned char *buf, size_t len, const char *name,
                    char *err, size_t errlen)
{
  memset (m, 0, sizeof *m);
  rd r = { name, err, errlen, buf, len };
  uint64_t *gram_at = NULL;
  m->name = strdup (name);
  int rc = m->name ? parse (m, &r, &gram_at) : fail (&r, 0, "out of memory");
  if (rc == 0)
    {
      long bad; char why[200];
      if (ic_arpa_index (m, &bad, why, sizeof why) != 0)
        {
          uint64_t at = bad >= 0 ? gram_at[bad] : 0;
          if (bad >= 0 && m->g[bad].k > 1)
            {
              char ws[200] = ""; size_t o = 0;
              for (int i = 0; i < m->g[bad].k && o < sizeof ws - 1; i++)
                o += (size_t) snprintf (ws + o, sizeof ws - o, "%s%.40s", i ? " " : "", m->word[m->g[bad].w[i]]);
              rc = fail (&r, at, "%s: \"%s\"", why, ws);
            }
          else rc = fail (&r, at, "%s", why);
        }
    }
  if (rc == 0) { m->base_num = 10001; m->base_den = 10000; }
  else ic_arpa_clear (m);
  free (gram_at);
  return rc;
}

int ic_lmbin_read (ic_arpa *m, const char *path, char *err, size_t errlen)
{
  memset (m, 0, sizeof *m);
  FILE *fp = fopen (path, "rb");
  if (!fp) { snprintf (err, errlen, "%s: %s", path, strerror (errno)); return -2; }
  unsigned char *buf = NULL;
  size_t len = 0, cap = 0, got;
  int rerr = 0;
  for (;;)
    {
      if (len == cap)
        {
          size_t nc = cap ? 2 * cap : (size_t) 1 << 16;
          unsigned char *t = realloc (buf, nc);
          if (!t) { rerr = ENOMEM; break; }
          buf = t; cap = nc;
        }
      got = fread (buf + len, 1, cap - len, fp);
      len += got;
      if (got == 0) { if (ferror (fp)) rerr = errno ? errno : EIO; break; }
    }
  fclose (fp);
  if (rerr) { free (buf); snprintf (err, errlen, "%s: %s", path, strerror (rerr)); return -2; }
  int rc = ic_lmbin_parse (m, buf, len, path, err, errlen);
  free (buf);
  return rc;
}

int ic_lmbin_is_lmbin (const char *path)
{
  size_t n = strlen (path);
  if (n >= 7 && strcmp (path + n - 7, ".lm.bin") == 0) return 1;
  FILE *fp = fopen (path, "rb");
  if (!fp) return 0;
  char head[sizeof IC_LMBIN_MAGIC];
  size_t got = fread (head, 1, sizeof IC_LMBIN_MAGIC - 1, fp);
  fclose (fp);
  return got == sizeof IC_LMBIN_MAGIC - 1 && memcmp (head, IC_LMBIN_MAGIC, got) == 0;
}
