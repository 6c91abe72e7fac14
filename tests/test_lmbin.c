/* test_lmbin.c — the Sphinx binary trie reader (src/lmbin.c).
 *
 * (1) Debian's turtle.lm.bin (pocketsphinx-testdata) and en-us-phone.lm.bin
 *     (pocketsphinx-en-us) against their ARPA export by sphinx_lm_convert
 *     (sphinxbase-utils, an independent reader of the same file): the same
 *     order, counts and words, and every n-gram of the export present with
 *     the same probability and back-off.  The export prints
 *     log10 = x * log10(1.0001), x the stored float32, rounded by the
 *     converter to float32 and then to 4 decimals, so the comparison is
 *     within the printed precision: |x log10(1.0001) - printed| <= 0.5e-4
 *     plus 2^-23 |printed| (the converter's float32 rounding).  The exact
 *     stored values cannot be compared: the text holds only 4 decimals.
 * (2) Malformed files made from the phone model: truncated at many
 *     offsets, bad magic, counts larger than the file, a child pointer out
 *     of range: each gives status -1 and "PATH: byte N: REASON" with the
 *     expected reason (run under ASan/UBSan for "no sanitizer report").
 * Skips (1) with a note when the Debian files or the converter are absent.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <unistd.h>
#include "arpa.h"
#include "lmbin.h"

static int fails = 0;
#define CHECK(name, cond, ...) do { if (cond) printf ("ok %s\n", name); \
  else { fails++; printf ("FAIL %s: ", name); printf (__VA_ARGS__); printf ("\n"); } } while (0)

#define TURTLE "/usr/share/pocketsphinx/test/data/turtle.lm.bin"
#define PHONE  "/usr/share/pocketsphinx/model/en-us/en-us-phone.lm.bin"

static char tmpdir[256];

static int convert (const char *bin, const char *arpa)
{
  char cmd[1024];
  snprintf (cmd, sizeof cmd, "sphinx_lm_convert -i '%s' -o '%s' -ofmt arpa >/dev/null 2>&1", bin, arpa);
  return system (cmd);
}

/* |x log10(1.0001) - printed| within the printed precision (see above). */
static int close_enough (const mpq_t stored, const mpq_t printed)
{
  double x = mpq_get_d (stored) * log10 (1.0001), y = mpq_get_d (printed);
  return fabs (x - y) <= 0.5e-4 + fabs (y) * 0x1p-23 + 1e-12;
}

static void compare_with_export (const char *tag, const char *bin)
{
  char arpa[512], err[600], name[128];
  if (access (bin, R_OK) != 0) { printf ("skip %s: %s not installed\n", tag, bin); return; }
  snprintf (arpa, sizeof arpa, "%s/%s.arpa", tmpdir, tag);
  if (convert (bin, arpa) != 0) { printf ("skip %s: sphinx_lm_convert failed or absent\n", tag); return; }
  ic_arpa b, a;
  int rb = ic_lmbin_read (&b, bin, err, sizeof err);
  snprintf (name, sizeof name, "lmbin_%s_reads", tag);
  CHECK (name, rb == 0, "%s", err);
  int ra = ic_arpa_read (&a, arpa, err, sizeof err);
  snprintf (name, sizeof name, "lmbin_%s_export_reads", tag);
  CHECK (name, ra == 0, "%s", err);
  if (rb || ra) { if (!rb) ic_arpa_clear (&b); if (!ra) ic_arpa_clear (&a); return; }
  int same = a.order == b.order && a.nword == b.nword && a.ngram == b.ngram;
  for (int k = 1; same && k <= a.order; k++) same = a.count[k] == b.count[k];
  snprintf (name, sizeof name, "lmbin_%s_counts", tag);
  CHECK (name, same, "order %d/%d words %d/%d ngrams %ld/%ld", b.order, a.order, b.nword, a.nword, b.ngram, a.ngram);
  int wbad = -1;
  for (int i = 0; same && i < a.nword; i++) if (strcmp (a.word[i], b.word[i])) { wbad = i; break; }
  snprintf (name, sizeof name, "lmbin_%s_words", tag);
  CHECK (name, same && wbad < 0, "word %d: %s / %s", wbad, wbad >= 0 ? b.word[wbad] : "", wbad >= 0 ? a.word[wbad] : "");
  long missing = 0, pbad = 0, bbad = 0, same_pos = 0, first = -1;
  for (long i = 0; same && i < a.ngram; i++)
    {
      const ic_arpa_gram *g = &a.g[i];
      long j = ic_arpa_find (&b, g->k, g->w);
      if (j < 0) { missing++; if (first < 0) first = i; continue; }
      same_pos += j == i;
      if (!close_enough (b.g[j].logp, g->logp)) { pbad++; if (first < 0) first = i; }
      if (g->k < a.order && !close_enough (b.g[j].logbo, g->logbo)) { bbad++; if (first < 0) first = i; }
    }
  snprintf (name, sizeof name, "lmbin_%s_every_ngram_present", tag);
  CHECK (name, same && missing == 0, "%ld of %ld n-grams of the export not in the binary reading", missing, a.ngram);
  snprintf (name, sizeof name, "lmbin_%s_same_order_as_export", tag);
  CHECK (name, same && same_pos == a.ngram, "%ld of %ld at the same index", same_pos, a.ngram);
  snprintf (name, sizeof name, "lmbin_%s_probabilities", tag);
  CHECK (name, same && pbad == 0, "%ld probabilities differ (first entry %ld)", pbad, first);
  snprintf (name, sizeof name, "lmbin_%s_backoffs", tag);
  CHECK (name, same && bbad == 0, "%ld back-offs differ (first entry %ld)", bbad, first);
  CHECK ("lmbin_base_is_1.0001", b.base_num == 10001 && b.base_den == 10000, "base %lu/%lu", b.base_num, b.base_den);
  printf ("# %s: %ld n-grams compared (order %d, %d words)\n", tag, a.ngram, a.order, a.nword);
  ic_arpa_clear (&a); ic_arpa_clear (&b);
  unlink (arpa);
}

static unsigned char *slurp (const char *path, size_t *n)
{
  FILE *fp = fopen (path, "rb");
  if (!fp) return NULL;
  fseek (fp, 0, SEEK_END);
  long len = ftell (fp);
  rewind (fp);
  unsigned char *b = malloc ((size_t) len + 1);
  if (b && fread (b, 1, (size_t) len, fp) != (size_t) len) { free (b); b = NULL; }
  fclose (fp);
  *n = (size_t) len;
  return b;
}

/* Writes the bytes to a file and reads it: expects status -1 and a message
 * "PATH: byte AT: ..." containing want (AT < 0: any offset). */
static void expect_bad (const char *name, const unsigned char *b, size_t n, long at, const char *want)
{
  char path[512], err[600], pre[600];
  snprintf (path, sizeof path, "%s/%s.lm.bin", tmpdir, name);
  FILE *fp = fopen (path, "wb");
  if (fp) { fwrite (b, 1, n, fp); fclose (fp); }
  ic_arpa m;
  int rc = ic_lmbin_read (&m, path, err, sizeof err);
  if (rc == 0) ic_arpa_clear (&m);
  if (at >= 0) snprintf (pre, sizeof pre, "%s: byte %ld: ", path, at);
  else snprintf (pre, sizeof pre, "%s: byte ", path);
  CHECK (name, rc == -1 && strncmp (err, pre, strlen (pre)) == 0 && strstr (err, want), "rc %d, message \"%s\" (wanted \"%s...%s\")",
         rc, rc ? err : "", pre, want);
  unlink (path);
}

static void put_u32 (unsigned char *p, unsigned long v)
{
  for (int i = 0; i < 4; i++) p[i] = (unsigned char) (v >> (8 * i));
}

static void test_malformed (void)
{
  size_t n;
  unsigned char *b = slurp (PHONE, &n);
  if (!b) { printf ("skip malformed: %s not installed\n", PHONE); return; }
  unsigned char *c = malloc (n);
  char name[64];
  /* truncations: in the magic, order, counts, quantiser, tables, unigrams,
   * trie arrays, word list, and one byte short */
  const size_t quant = 36, uni = 36 + 3 * 65536 * 4, wl_end = n;
  struct { size_t len; const char *want; } cut[] = {
    { 0, "no \"Trie Language Model\" magic" }, { 10, "magic" },
    { 19, "before the order byte" }, { 20, "inside the 3 n-gram counts" },
    { 27, "inside the 3 n-gram counts" }, { 33, "before the quantiser header" },
    { quant + 100, "inside the quantisation tables" }, { uni - 1, "inside the quantisation tables" },
    { uni + 5, "unigrams need" }, { uni + 12 * 44 + 3, "2-grams need" }, { uni + 12 * 44 + 20000, "3-grams need" },
    { wl_end - 200, "3-grams need" }, { wl_end - 100, "word list" }, { wl_end - 1, "word list" },
  };
  for (size_t i = 0; i < sizeof cut / sizeof cut[0]; i++)
    {
      snprintf (name, sizeof name, "lmbin_truncated_at_%zu", cut[i].len);
      expect_bad (name, b, cut[i].len, -1, cut[i].want);
    }
  memcpy (c, b, n); c[0] = 't';
  expect_bad ("lmbin_bad_magic", c, n, 0, "no \"Trie Language Model\" magic");
  memcpy (c, b, n); c[19] = 0;
  expect_bad ("lmbin_order_0", c, n, 19, "order 0");
  memcpy (c, b, n); put_u32 (c + 28, 0x01ffffffUL);
  expect_bad ("lmbin_trigram_count_above_file", c, n, -1, "3-grams need");
  memcpy (c, b, n); put_u32 (c + 24, 0xffffffffUL);
  expect_bad ("lmbin_bigram_count_2^32-1", c, n, -1, "2-grams need");
  memcpy (c, b, n); put_u32 (c + 20, 0x01000000UL);
  expect_bad ("lmbin_unigram_count_above_file", c, n, (long) uni, "16777216 unigrams need");
  memcpy (c, b, n); put_u32 (c + 20, 0xffffffffUL);
  expect_bad ("lmbin_unigram_count_2^32-1", c, n, 20, "unigram count 4294967295");
  /* the first child pointer of unigram 2 (<s>) beyond the bigrams */
  memcpy (c, b, n); put_u32 (c + uni + 12 * 2 + 8, 0x00ffffffUL);
  expect_bad ("lmbin_child_pointer_out_of_range", c, n, (long) (uni + 12 * 2 + 8), "1-gram child pointer 16777215");
  /* one word fewer: "<UNK>" merged with the next word */
  memcpy (c, b, n);
  {
    long w = (long) n - 6;
    while (w > 0 && memcmp (c + w, "<UNK>", 6)) w--;
    c[w + 5] = 'x';
    expect_bad ("lmbin_word_list_short", c, n, -1, "word list has 42 words");
  }
  free (c); free (b);
}

int main (void)
{
  const char *t = getenv ("TMPDIR");
  snprintf (tmpdir, sizeof tmpdir, "%s/lmbin.XXXXXX", t ? t : "/tmp");
  if (!mkdtemp (tmpdir)) { printf ("FAIL mkdtemp\n"); return 1; }
  compare_with_export ("turtle", TURTLE);
  compare_with_export ("phone", PHONE);
  test_malformed ();
  char err[600];
  ic_arpa m;
  int rc = ic_lmbin_read (&m, "/nonexistent/x.lm.bin", err, sizeof err);
  CHECK ("lmbin_missing_file", rc == -2 && strstr (err, "/nonexistent/x.lm.bin: No such file"), "rc %d %s", rc, err);
  rc = ic_lmbin_read (&m, "/", err, sizeof err);
  CHECK ("lmbin_folder", rc == -2, "rc %d %s", rc, err);
  rmdir (tmpdir);
  printf ("%d failed\n", fails);
  return fails != 0;
}
