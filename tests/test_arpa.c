/* test_arpa.c — the ARPA reader (valid and malformed files, exact back-off
 * log-probabilities computed by hand) and the models of lm.c (Viterbi and
 * forward checked against brute-force enumeration of all sequences). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "arpa.h"
#include "lm.h"

static int fails = 0;
#define CHECK(name, cond, ...) do { if (cond) printf ("ok %s\n", name); \
  else { fails++; printf ("FAIL %s: ", name); printf (__VA_ARGS__); printf ("\n"); } } while (0)

static const char *dir (void)
{
  const char *d = getenv ("TEST_DATA");
  return d ? d : "tests/data";
}

static void test_tiny (void)
{
  char path[512], err[512];
  snprintf (path, sizeof path, "%s/arpa/tiny.arpa", dir ());
  ic_arpa a;
  int rc = ic_arpa_read (&a, path, err, sizeof err);
  CHECK ("arpa_tiny_reads", rc == 0, "%s", err);
  if (rc) return;
  CHECK ("arpa_tiny_counts", a.order == 2 && a.nword == 4 && a.ngram == 7, "order %d words %d ngrams %ld", a.order, a.nword, a.ngram);
  int s = ic_arpa_word (&a, "<s>"), wa = ic_arpa_word (&a, "a"), wb = ic_arpa_word (&a, "b"), we = ic_arpa_word (&a, "</s>");
  mpq_t q, ref; mpq_inits (q, ref, NULL);
  /* by hand: P(b|<s>) = bo(<s>) P(b) -> -0.30103 + -0.60206 = -0.90309 */
  ic_arpa_log10prob (q, &a, &s, 1, wb);
  mpq_set_si (ref, -90309, 100000); mpq_canonicalize (ref);
  CHECK ("arpa_backoff_b_after_bos", mpq_equal (q, ref), "got %s", mpq_get_str (NULL, 10, q));
  /* P(</s>|a) = bo(a) P(</s>) = -0.5 - 0.60206 = -1.10206 */
  ic_arpa_log10prob (q, &a, &wa, 1, we);
  mpq_set_si (ref, -110206, 100000); mpq_canonicalize (ref);
  CHECK ("arpa_backoff_eos_after_a", mpq_equal (q, ref), "got %s", mpq_get_str (NULL, 10, q));
  /* explicit bigram: P(a|<s>) = 10^0 */
  ic_arpa_log10prob (q, &a, &s, 1, wa);
  CHECK ("arpa_bigram_a_after_bos", mpq_sgn (q) == 0, "got %s", mpq_get_str (NULL, 10, q));
  /* the automaton: eps = 0 (P(a|<s>) = 1 exactly), states = last word */
  ic_lm m;
  rc = ic_lm_from_arpa (&m, &a, 128, err, sizeof err);
  CHECK ("lm_from_tiny", rc == 0 && m.ntok == 3 && m.nstate == 3, "rc %d ntok %d nstate %d", rc, m.ntok, m.nstate);
  if (rc == 0)
    {
      ic_ival_t e; ic_ival_init2 (e, 128);
      int st, tok;
      ic_lm_eps (e, NULL, &st, &tok, &m);
      CHECK ("lm_tiny_eps_zero", mpfr_zero_p (e->lo) && mpfr_zero_p (e->hi), "eps not exactly 0");
      ic_ival_clear (e);
      ic_lm_clear (&m);
    }
  mpq_clears (q, ref, NULL);
  ic_arpa_clear (&a);
}

static void test_malformed (void)
{
  static const struct { const char *file, *where, *what; } cases[] = {
    { "truncated.arpa", ":7:1:", "missing \\end\\" },
    { "badnumber.arpa", ":6:1:", "malformed log10 probability" },
    { "unknownword.arpa", ":10:10:", "is not a unigram" },
    { "badcount.arpa", ":8:1:", "after 2 of 3" },
    { "positive.arpa", ":5:1:", "> 0" },
    { "notarpa.arpa", ":1:1:", "not an ARPA file" },
  };
  for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++)
    {
      char path[512], err[512] = "", name[64];
      snprintf (path, sizeof path, "%s/arpa/%s", dir (), cases[i].file);
      ic_arpa a;
      int rc = ic_arpa_read (&a, path, err, sizeof err);
      snprintf (name, sizeof name, "arpa_rejects_%s", cases[i].file);
      CHECK (name, rc != 0 && strstr (err, cases[i].where) && strstr (err, cases[i].what), "rc %d message \"%s\"", rc, err);
    }
}

/* Brute force over all token sequences of length n from the start state. */
static void brute (mpq_t *maxp, mpq_t *sum, const ic_lm *m, int n)
{
  int T = m->ntok;
  long total = 1;
  for (int i = 0; i < n; i++) total *= T;
  for (int x = 0; x < T; x++) { mpq_set_ui (maxp[x], 0, 1); mpq_set_ui (sum[x], 0, 1); }
  mpq_t p; mpq_init (p);
  for (long code = 0; code < total; code++)
    {
      long c = code;
      int s = m->start, last = 0;
      mpq_set_ui (p, 1, 1);
      for (int i = 0; i < n; i++)
        {
          int w = (int) (c % T); c /= T;
          mpq_mul (p, p, ic_lm_prob_q (m, s, w));
          s = ic_lm_next (m, s, w);
          last = w;
        }
      mpq_add (sum[last], sum[last], p);
      if (mpq_cmp (p, maxp[last]) > 0) mpq_set (maxp[last], p);
    }
  mpq_clear (p);
}

static void test_paths (void)
{
  /* three tokens, contexts of length 0, 1 and 2 (unequal rationals) */
  char *tok[] = { "x", "y", "z" };
  int c0[1], c1[1] = { 0 }, c2[2] = { 1, 0 };
  int *ctx[3] = { c0, c1, c2 };
  int len[3] = { 0, 1, 2 };
  const char *d[3][3] = { { "1/2", "1/3", "1/6" }, { "1/5", "3/5", "1/5" }, { "7/8", "1/16", "1/16" } };
  mpq_t *dist[3];
  for (int c = 0; c < 3; c++)
    {
      dist[c] = malloc (sizeof (mpq_t) * 3);
      for (int w = 0; w < 3; w++) { mpq_init (dist[c][w]); mpq_set_str (dist[c][w], d[c][w], 10); }
    }
  ic_lm_table t = { 3, tok, 3, len, ctx, dist };
  ic_lm m; char err[256];
  int rc = ic_lm_from_table (&m, &t, err, sizeof err);
  CHECK ("lm_table_builds", rc == 0, "%s", err);
  if (rc) return;
  const int N = 6, T = 3;
  size_t cells = (size_t) (N + 1) * T;
  mpq_t *V = malloc (sizeof (mpq_t) * cells), *M = malloc (sizeof (mpq_t) * cells);
  ic_ival_struct *IV = malloc (sizeof *IV * cells), *IM = malloc (sizeof *IM * cells);
  for (size_t i = 0; i < cells; i++) { mpq_init (V[i]); mpq_init (M[i]); ic_ival_init2 (&IV[i], 128); ic_ival_init2 (&IM[i], 128); }
  ic_lm_paths_q (V, M, &m, N);
  ic_lm_paths (IV, IM, &m, N);
  mpq_t bm[3], bs[3];
  for (int x = 0; x < 3; x++) { mpq_init (bm[x]); mpq_init (bs[x]); }
  int okq = 1, oki = 1;
  for (int n = 1; n <= N; n++)
    {
      brute (bm, bs, &m, n);
      for (int x = 0; x < T; x++)
        {
          if (!mpq_equal (bm[x], V[n * T + x]) || !mpq_equal (bs[x], M[n * T + x])) okq = 0;
          mpfr_t r; mpfr_init2 (r, 256);
          mpfr_set_q (r, bm[x], MPFR_RNDN);
          if (!ic_ival_contains_fr (&IV[n * T + x], r) && !mpfr_zero_p (r)) oki = 0;
          mpfr_set_q (r, bs[x], MPFR_RNDN);
          if (!ic_ival_contains_fr (&IM[n * T + x], r) && !mpfr_zero_p (r)) oki = 0;
          mpfr_clear (r);
        }
    }
  CHECK ("lm_paths_exact_equal_brute_force", okq, "Viterbi/forward differ from enumeration");
  CHECK ("lm_paths_enclosures_contain_brute_force", oki, "an enclosure misses the enumerated value");
  int s1, s2, w;
  CHECK ("lm_markov_witness_found", ic_lm_markov_witness (&s1, &s2, &w, &m) == 1 && m.last[s1] == m.last[s2], "no witness");
  ic_lm_clear (&m);
  /* free everything (LeakSanitizer in make check-sanitize) */
  for (size_t i = 0; i < cells; i++) { mpq_clear (V[i]); mpq_clear (M[i]); ic_ival_clear (&IV[i]); ic_ival_clear (&IM[i]); }
  free (V); free (M); free (IV); free (IM);
  for (int x = 0; x < 3; x++) { mpq_clear (bm[x]); mpq_clear (bs[x]); }
  for (int c = 0; c < 3; c++) { for (int w2 = 0; w2 < 3; w2++) mpq_clear (dist[c][w2]); free (dist[c]); }
}

/* Issue 15: the model-level errors name the file and the line; a missing
 * file is told apart (-2) from a malformed one (-1); unigram-only models
 * give one state; a row sum above 1 is returned as the value it has. */
static void test_issue15 (void)
{
  char err[512] = "";
  ic_arpa a;
  int rc = ic_arpa_read (&a, "/nonexistent/x.arpa", err, sizeof err);
  CHECK ("arpa_missing_file_is_io_error", rc == -2 && !strcmp (err, "/nonexistent/x.arpa: No such file or directory"), "rc %d \"%s\"", rc, err);
  rc = ic_arpa_read (&a, "/", err, sizeof err);
  CHECK ("arpa_folder_is_io_error", rc == -2 && strstr (err, "Is a directory"), "rc %d \"%s\"", rc, err);
  /* no <s>: the message names the file and the \1-grams: line (line 4) */
  rc = ic_arpa_parse (&a, "\\data\\\nngram 1=2\n\n\\1-grams:\n-0.5 a\n-0.5 </s>\n\\end\\\n", "nobos.arpa", err, sizeof err);
  CHECK ("arpa_nobos_parses", rc == 0, "%s", err);
  if (rc == 0)
    {
      ic_lm m;
      rc = ic_lm_from_arpa (&m, &a, 128, err, sizeof err);
      CHECK ("lm_nobos_error_names_file_and_line", rc != 0 && !strncmp (err, "nobos.arpa:4:1: ", 16) && strstr (err, "<s>"), "rc %d \"%s\"", rc, err);
      if (rc == 0) ic_lm_clear (&m);
      ic_arpa_clear (&a);
    }
  /* a unigram model: one state; P(a) = P(</s>) = 10^-0.30103 */
  rc = ic_arpa_parse (&a, "\\data\\\nngram 1=3\n\\1-grams:\n-99 <s>\n-0.30103 a\n-0.30103 </s>\n\\end\\\n", "uni.arpa", err, sizeof err);
  CHECK ("arpa_unigram_only_parses", rc == 0 && a.order == 1, "%s", err);
  if (rc == 0)
    {
      ic_lm m;
      rc = ic_lm_from_arpa (&m, &a, 128, err, sizeof err);
      CHECK ("lm_unigram_one_state", rc == 0 && m.nstate == 1 && m.ntok == 2 && ic_lm_next (&m, 0, 0) == 0 && ic_lm_next (&m, 0, 1) == 0, "rc %d \"%s\"", rc, err);
      if (rc == 0)
        {
          ic_ival_t s; ic_ival_init2 (s, 128);
          int st;
          CHECK ("lm_unigram_rows_at_most_1", ic_lm_row_excess (&st, s, &m) == 0, "row sum not certified <= 1");
          CHECK ("lm_unigram_last_token_determines_state", ic_lm_last_token_determines_state (&m) == 1, "not shown");
          ic_ival_clear (s);
          ic_lm_clear (&m);
        }
      ic_arpa_clear (&a);
    }
  /* tiny.arpa: the row after <s> is 1 + 2 * 10^-0.90309 = 1.2499999... */
  char path[512];
  snprintf (path, sizeof path, "%s/arpa/tiny.arpa", dir ());
  if (ic_arpa_read (&a, path, err, sizeof err) == 0)
    {
      ic_lm m;
      if (ic_lm_from_arpa (&m, &a, 128, err, sizeof err) == 0)
        {
          ic_ival_t s; ic_ival_init2 (s, 128);
          int st = -1;
          int ex = ic_lm_row_excess (&st, s, &m);
          /* reference: 1 + 2 * 10^-0.90309 = 1.24999999251... (Python: 1 + 2 * 10**-0.90309) */
          CHECK ("lm_row_excess_reports_the_value", ex == 1 && st == m.start && mpfr_cmp_d (s->lo, 1.2499999925) > 0 && mpfr_cmp_d (s->hi, 1.2499999926) < 0,
                 "ex %d state %d sum [%g, %g]", ex, st, mpfr_get_d (s->lo, MPFR_RNDD), mpfr_get_d (s->hi, MPFR_RNDU));
          ic_ival_clear (s);
          ic_lm_clear (&m);
        }
      ic_arpa_clear (&a);
    }
}

int main (void)
{
  test_tiny ();
  test_malformed ();
  test_paths ();
  test_issue15 ();
  return fails ? 1 : 0;
}
