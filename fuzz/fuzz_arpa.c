/* fuzz_arpa.c — the ARPA n-gram model reader.
 * Invariants: no crash or leak; a failed read says where; on a model
 * read, every n-gram is found by ic_arpa_find and the back-off
 * probability of each unigram after each unigram context is computed. */
#include <stdio.h>
#include "fuzz.h"
#include "arpa.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size > 65536) return 0;
  char *text = fuzz_cstr (data, size);
  ic_arpa m;
  char err[600];
  err[0] = 0;
  if (ic_arpa_parse (&m, text, "fuzz.arpa", err, sizeof err) == 0)
    {
      for (long i = 0; i < m.ngram; i++)
        FUZZ_ASSERT (ic_arpa_find (&m, m.g[i].k, m.g[i].w) == i, "n-gram %ld not found", i);
      for (int i = 0; i < m.nword; i++)
        FUZZ_ASSERT (ic_arpa_word (&m, m.word[i]) == i || ic_arpa_word (&m, m.word[i]) >= 0, "word %d not found", i);
      mpq_t lp;
      mpq_init (lp);
      int nw = m.nword < 16 ? m.nword : 16;
      for (int h = 0; h < nw; h++)
        for (int w = 0; w < nw; w++)
          ic_arpa_log10prob (lp, &m, &h, 1, w);
      mpq_clear (lp);
      ic_arpa_clear (&m);
    }
  else FUZZ_ASSERT (!strncmp (err, "fuzz.arpa:", 10), "error without a position: %s", err);
  free (text);
  return 0;
}
