/* arpa.c — ARPA back-off n-gram reader (see arpa.h for what is accepted). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdarg.h>
#include <errno.h>
#include "arpa.h"

typedef struct {
  const char *name;
  char *err; size_t errlen;
  long line;
} rd;

static int fail (rd *r, long col, const char *fmt, ...)
{
  char msg[200];
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (msg, sizeof msg, fmt, ap);
  va_end (ap);
  snprintf (r->err, r->errlen, "%s:%ld:%ld: %s", r->name, r->line, col, msg);
  return -1;
}

/* Exact value of a decimal literal [sign] digits [. digits] [e [sign] digits].
 * Returns 0 and sets q, or -1 if s is not such a literal. */
static int dec_to_q (mpq_t q, const char *s)
{
  const char *p = s;
  int neg = 0;
  if (*p == '+' || *p == '-') neg = (*p++ == '-');
  mpz_t num, den;
  mpz_inits (num, den, NULL);
  mpz_set_ui (den, 1);
  int digits = 0;
  for (; *p >= '0' && *p <= '9'; p++, digits++)
    { mpz_mul_ui (num, num, 10); mpz_add_ui (num, num, (unsigned) (*p - '0')); }
  if (*p == '.')
    for (p++; *p >= '0' && *p <= '9'; p++, digits++)
      {
        mpz_mul_ui (num, num, 10); mpz_add_ui (num, num, (unsigned) (*p - '0'));
        mpz_mul_ui (den, den, 10);
      }
  long ex = 0;
  if (digits && (*p == 'e' || *p == 'E'))
    {
      p++;
      int eneg = 0, ed = 0;
      if (*p == '+' || *p == '-') eneg = (*p++ == '-');
      for (; *p >= '0' && *p <= '9' && ex < 100000; p++, ed++) ex = ex * 10 + (*p - '0');
      if (!ed || ex >= 100000) digits = 0;
      if (eneg) ex = -ex;
    }
  int ok = digits > 0 && *p == 0;
  if (ok)
    {
      mpz_t t;
      mpz_init (t);
      mpz_ui_pow_ui (t, 10, (unsigned long) (ex < 0 ? -ex : ex));
      if (ex < 0) mpz_mul (den, den, t); else mpz_mul (num, num, t);
      mpz_clear (t);
      if (neg) mpz_neg (num, num);
      mpq_set_num (q, num); mpq_set_den (q, den);
      mpq_canonicalize (q);
    }
  mpz_clears (num, den, NULL);
  return ok ? 0 : -1;
}

/* 32-bit FNV-1a over the bytes of k and the word indices, computed in
 * unsigned long so that nothing wraps: h < 2^32 and h * 16777619 < 2^56
 * (make check-sanitize traps every unsigned overflow; a hash needs none). */
static unsigned long fnv_byte (unsigned long h, unsigned long byte)
{
  return ((h ^ byte) * 16777619UL) & 0xffffffffUL;
}

static unsigned long hash_words (int k, const int *w)
{
  unsigned long h = 2166136261UL;
  unsigned long x = (unsigned long) (unsigned) k;
  for (int b = 0; b < 4; b++) h = fnv_byte (h, (x >> (8 * b)) & 0xff);
  for (int i = 0; i < k; i++)
    {
      x = (unsigned long) (unsigned) w[i];
      for (int b = 0; b < 4; b++) h = fnv_byte (h, (x >> (8 * b)) & 0xff);
    }
  return h;
}

long ic_arpa_find (const ic_arpa *m, int k, const int *w)
{
  if (!m->htab || k < 1 || k > m->order) return -1;
  unsigned long h = hash_words (k, w) % (unsigned long) m->hsize;
  for (;;)
    {
      long i = m->htab[h];
      if (i < 0) return -1;
      if (m->g[i].k == k && memcmp (m->g[i].w, w, sizeof (int) * (size_t) k) == 0) return i;
      h = (h + 1) % (unsigned long) m->hsize;
    }
}

static void hash_insert (ic_arpa *m, long idx)
{
  unsigned long h = hash_words (m->g[idx].k, m->g[idx].w) % (unsigned long) m->hsize;
  while (m->htab[h] >= 0) h = (h + 1) % (unsigned long) m->hsize;
  m->htab[h] = idx;
}

int ic_arpa_word (const ic_arpa *m, const char *s)
{
  /* Unigram lookup by name: linear scan on first use is fine for the small
   * vocabularies this tool reads; a name hash keeps large files fast. */
  for (int i = 0; i < m->nword; i++)
    if (m->word[i] && strcmp (m->word[i], s) == 0) return i;
  return -1;
}

/* Word-name hash used while reading. */
typedef struct { long size; int *slot; } whash;
static unsigned long hash_str (const char *s)
{
  /* djb2 modulo 2^32: h < 2^32, so h * 33 + 255 < 2^38 never wraps */
  unsigned long h = 5381;
  for (; *s; s++) h = (h * 33 + (unsigned char) *s) & 0xffffffffUL;
  return h;
}
static int wh_find (const whash *wh, char **word, const char *s)
{
  unsigned long h = hash_str (s) % (unsigned long) wh->size;
  for (;; h = (h + 1) % (unsigned long) wh->size)
    {
      int i = wh->slot[h];
      if (i < 0) return -1;
      if (strcmp (word[i], s) == 0) return i;
    }
}
static void wh_add (whash *wh, const char *s, int idx)
{
  unsigned long h = hash_str (s) % (unsigned long) wh->size;
  while (wh->slot[h] >= 0) h = (h + 1) % (unsigned long) wh->size;
  wh->slot[h] = idx;
}

void ic_arpa_clear (ic_arpa *m)
{
  for (long i = 0; i < m->ngram; i++) mpq_clears (m->g[i].logp, m->g[i].logbo, NULL);
  free (m->g);
  for (int i = 0; i < m->nword; i++) free (m->word[i]);
  free (m->word);
  free (m->htab);
  free (m->name);
  memset (m, 0, sizeof *m);
}

/* Splits line into fields (in place); records each field's 1-based column. */
static int split (char *line, char **f, long *col, int maxf)
{
  int n = 0;
  char *p = line;
  while (*p)
    {
      while (*p == ' ' || *p == '\t' || *p == '\r') p++;
      if (!*p) break;
      if (n == maxf) return maxf + 1;
      f[n] = p; col[n] = (long) (p - line) + 1; n++;
      while (*p && *p != ' ' && *p != '\t' && *p != '\r') p++;
      if (*p) *p++ = 0;
    }
  return n;
}

static int is_blank (const char *s)
{
  for (; *s; s++) if (*s != ' ' && *s != '\t' && *s != '\r') return 0;
  return 1;
}

static void rstrip (char *s)
{
  size_t n = strlen (s);
  while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r')) s[--n] = 0;
}

int ic_arpa_parse (ic_arpa *m, const char *text, const char *name,
                   char *err, size_t errlen)
{
  rd r = { name, err, errlen, 0 };
  memset (m, 0, sizeof *m);
  char *buf = strdup (text);
  m->name = strdup (name);
  if (!buf || !m->name) { free (buf); free (m->name); m->name = NULL; snprintf (err, errlen, "%s:1:1: out of memory", name); return -1; }
  long text_lines = 1;
  for (const char *q = text; *q; q++) text_lines += *q == '\n';
  char *save = buf, *line;
  enum { PRE, DATA, GRAMS, END } st = PRE;
  int cur = 0;            /* order of the section being read */
  long seen = 0;          /* entries read in that section    */
  long total = 0;
  whash wh = { 0, NULL };
  int rc = -1;
  char *f[IC_ARPA_MAX_ORDER + 3];
  long col[IC_ARPA_MAX_ORDER + 3];

  while ((line = save) != NULL)
    {
      char *nl = strchr (save, '\n');
      if (nl) { *nl = 0; save = nl + 1; } else save = NULL;
      if (!save && !*line) break;
      r.line++;
      rstrip (line);
      if (st == PRE)
        {
          if (strcmp (line, "\\data\\") == 0) st = DATA;
          continue;
        }
      if (st == END)
        {
          if (!is_blank (line)) { fail (&r, 1, "text after \\end\\"); goto out; }
          continue;
        }
      if (is_blank (line)) continue;
      if (line[0] == '\\')
        {
          int k; char tail[8];
          if (strcmp (line, "\\end\\") == 0)
            {
              if (st != GRAMS || cur != m->order || seen != m->count[cur])
                {
                  if (st == GRAMS && seen != m->count[cur])
                    fail (&r, 1, "\\end\\ after %ld of %ld %d-grams", seen, m->count[cur], cur);
                  else
                    fail (&r, 1, "\\end\\ before the %d-grams section", cur + 1);
                  goto out;
                }
              st = END;
              continue;
            }
          /* field widths bound the numbers (sscanf's %d on an out-of-range
           * number is undefined behaviour); longer numbers fail the match */
          if (sscanf (line, "\\%3d-grams%7s", &k, tail) != 2 || strcmp (tail, ":") != 0)
            { fail (&r, 1, "unknown section header \"%s\"", line); goto out; }
          if (st == DATA)
            {
              if (m->order == 0) { fail (&r, 1, "no \"ngram K=COUNT\" line in \\data\\"); goto out; }
              for (int i = 1; i <= m->order; i++) total += m->count[i];
              m->g = calloc ((size_t) total + 1, sizeof *m->g);
              m->hsize = 2 * total + 17;
              m->htab = malloc (sizeof (long) * (size_t) m->hsize);
              m->word = calloc ((size_t) m->count[1] + 1, sizeof (char *));
              wh.size = 2 * m->count[1] + 17;
              wh.slot = malloc (sizeof (int) * (size_t) wh.size);
              if (!m->g || !m->htab || !m->word || !wh.slot)
                { fail (&r, 1, "out of memory"); goto out; }
              for (long i = 0; i < m->hsize; i++) m->htab[i] = -1;
              for (long i = 0; i < wh.size; i++) wh.slot[i] = -1;
            }
          else if (seen != m->count[cur])
            { fail (&r, 1, "%d-grams section has %ld entries, \\data\\ says %ld", cur, seen, m->count[cur]); goto out; }
          if (k != cur + 1 || k > m->order)
            { fail (&r, 2, "expected section \\%d-grams:, found \\%d-grams:", cur + 1, k); goto out; }
          st = GRAMS; cur = k; seen = 0;
          m->section_line[k] = r.line;
          continue;
        }
      if (st == DATA)
        {
          int k; long c; int used = 0;
          /* widths bound k and the count (no out-of-range conversion); a
           * longer number leaves text after it and fails here */
          if (sscanf (line, "ngram %3d=%18ld%n", &k, &c, &used) != 2 || line[used] != 0)
            { fail (&r, 1, "expected \"ngram K=COUNT\""); goto out; }
          if (k != m->order + 1 || k > IC_ARPA_MAX_ORDER)
            { fail (&r, 7, "ngram orders must be 1, 2, ... (at most %d); found %d", IC_ARPA_MAX_ORDER, k); goto out; }
          if (c < 0 || c > 100000000L || (k == 1 && c < 1))
            { fail (&r, 7, "bad count %ld", c); goto out; }
          /* every entry takes a line of its own: a count above the number
           * of lines is wrong, and must not size the tables (a 200-byte
           * file declaring 37777777 bigrams made calloc ask for 4 GB;
           * found by make fuzz, tests/regress/arpa/) */
          if (c > text_lines)
            { fail (&r, 7, "count %ld exceeds the number of lines in the file", c); goto out; }
          if (m->order >= 1)
            {
              long sum = c;
              for (int i = 1; i <= m->order; i++) sum += m->count[i];
              if (sum > text_lines) { fail (&r, 7, "counts add up to %ld, more than the lines in the file", sum); goto out; }
            }
          m->order = k; m->count[k] = c;
          continue;
        }
      /* An entry of the current section. */
      int nf = split (line, f, col, cur + 2);
      if (nf != cur + 1 && nf != cur + 2)
        { fail (&r, 1, "a %d-gram entry needs %d or %d fields, found %d", cur, cur + 1, cur + 2, nf > cur + 2 ? nf : nf); goto out; }
      if (nf == cur + 2 && cur == m->order)
        { fail (&r, col[nf - 1], "back-off weight on a %d-gram of the highest order", cur); goto out; }
      if (seen == m->count[cur])
        { fail (&r, 1, "more %d-grams than the %ld announced in \\data\\", cur, m->count[cur]); goto out; }
      ic_arpa_gram *g = &m->g[m->ngram];
      mpq_inits (g->logp, g->logbo, NULL);
      m->ngram++;
      g->k = cur;
      if (dec_to_q (g->logp, f[0]) != 0)
        { fail (&r, col[0], "malformed log10 probability \"%s\"", f[0]); goto out; }
      if (mpq_sgn (g->logp) > 0)
        { fail (&r, col[0], "log10 probability %s > 0 (probability above 1)", f[0]); goto out; }
      if (nf == cur + 2 && dec_to_q (g->logbo, f[cur + 1]) != 0)
        { fail (&r, col[cur + 1], "malformed log10 back-off weight \"%s\"", f[cur + 1]); goto out; }
      for (int i = 0; i < cur; i++)
        {
          int w;
          if (cur == 1)
            {
              if (wh_find (&wh, m->word, f[1]) >= 0)
                { fail (&r, col[1], "duplicate unigram \"%s\"", f[1]); goto out; }
              w = m->nword;
              m->word[w] = strdup (f[1]);
              if (!m->word[w]) { fail (&r, 1, "out of memory"); goto out; }
              wh_add (&wh, f[1], w);
              m->nword++;
            }
          else if ((w = wh_find (&wh, m->word, f[1 + i])) < 0)
            { fail (&r, col[1 + i], "word \"%s\" is not a unigram of the model", f[1 + i]); goto out; }
          g->w[i] = w;
        }
      if (ic_arpa_find (m, cur, g->w) >= 0)
        { fail (&r, col[1], "duplicate %d-gram", cur); goto out; }
      if (cur > 1 && ic_arpa_find (m, cur - 1, g->w) < 0)
        { fail (&r, col[1], "context of this %d-gram is not a %d-gram of the model", cur, cur - 1); goto out; }
      hash_insert (m, m->ngram - 1);
      seen++;
    }
  if (st == PRE) { r.line = 1; fail (&r, 1, "no \\data\\ line: not an ARPA file"); goto out; }
  if (st != END) { r.line++; fail (&r, 1, "missing \\end\\ (file truncated?)"); goto out; }
  rc = 0;
out:
  free (wh.slot);
  free (buf);
  if (rc != 0) ic_arpa_clear (m);
  return rc;
}

/* The checks of ic_arpa_parse, for entries filled by another reader: the
 * same hash tables, the same order of tests (entries order by order, so a
 * context is indexed before the n-grams that need it). */
int ic_arpa_index (ic_arpa *m, long *bad, char *why, size_t whylen)
{
  whash wh = { 2L * m->nword + 17, NULL };
  m->hsize = 2 * m->ngram + 17;
  m->htab = malloc (sizeof (long) * (size_t) m->hsize);
  wh.slot = malloc (sizeof (int) * (size_t) wh.size);
  *bad = 0;
  int rc = -1;
  if (!m->htab || !wh.slot) { snprintf (why, whylen, "out of memory"); goto out; }
  for (long i = 0; i < m->hsize; i++) m->htab[i] = -1;
  for (long i = 0; i < wh.size; i++) wh.slot[i] = -1;
  for (int i = 0; i < m->nword; i++)
    {
      if (wh_find (&wh, m->word, m->word[i]) >= 0)
        { *bad = -1 - (long) i; snprintf (why, whylen, "duplicate unigram \"%.100s\"", m->word[i]); goto out; }
      wh_add (&wh, m->word[i], i);
    }
  for (long i = 0; i < m->ngram; i++)
    {
      const ic_arpa_gram *g = &m->g[i];
      *bad = i;
      if (mpq_sgn (g->logp) > 0)
        { snprintf (why, whylen, "log probability %g > 0 (probability above 1)", mpq_get_d (g->logp)); goto out; }
      if (ic_arpa_find (m, g->k, g->w) >= 0)
        { snprintf (why, whylen, "duplicate %d-gram", g->k); goto out; }
      if (g->k > 1 && ic_arpa_find (m, g->k - 1, g->w) < 0)
        { snprintf (why, whylen, "context of this %d-gram is not a %d-gram of the model", g->k, g->k - 1); goto out; }
      hash_insert (m, i);
    }
  rc = 0;
out:
  free (wh.slot);
  return rc;
}

int ic_arpa_read (ic_arpa *m, const char *path, char *err, size_t errlen)
{
  memset (m, 0, sizeof *m);
  FILE *fp = fopen (path, "rb");
  if (!fp) { snprintf (err, errlen, "%s: %s", path, strerror (errno)); return -2; }
  size_t cap = 1 << 16, len = 0;
  char *s = malloc (cap);
  size_t got;
  while (s && (got = fread (s + len, 1, cap - len - 1, fp)) > 0)
    {
      len += got;
      if (len + 1 == cap) { char *t = realloc (s, cap *= 2); if (!t) { free (s); s = NULL; } else s = t; }
    }
  /* a read error (EISDIR for a folder, EIO) is an unreadable file, not a
   * short model */
  int rerr = ferror (fp) ? errno : 0;
  fclose (fp);
  if (rerr) { free (s); snprintf (err, errlen, "%s: %s", path, strerror (rerr)); return -2; }
  if (!s) { snprintf (err, errlen, "%s:1:1: out of memory", path); return -1; }
  s[len] = 0;
  if (memchr (s, 0, len)) { snprintf (err, errlen, "%s:1:1: binary data (convert it to ARPA text first)", path); free (s); return -1; }
  int rc = ic_arpa_parse (m, s, path, err, errlen);
  free (s);
  return rc;
}

void ic_arpa_log10prob (mpq_t out, const ic_arpa *m, const int *h, int hk, int w)
{
  int buf[IC_ARPA_MAX_ORDER + 1];
  mpq_set_ui (out, 0, 1);
  if (hk > m->order - 1) { h += hk - (m->order - 1); hk = m->order - 1; }
  for (;;)
    {
      memcpy (buf, h, sizeof (int) * (size_t) hk);
      buf[hk] = w;
      long i = ic_arpa_find (m, hk + 1, buf);
      if (i >= 0) { mpq_add (out, out, m->g[i].logp); return; }
      if (hk == 0) return;            /* not reached: every word is a unigram */
      long c = ic_arpa_find (m, hk, h);
      if (c >= 0) mpq_add (out, out, m->g[c].logbo);
      h++; hk--;
    }
}
