/* fuzz_lmbin.c — the Sphinx binary trie reader (src/lmbin.c) and the
 * sparse model built from what it reads (src/lm.c).
 *
 * Input: a .lm.bin file without its quantisation tables (65536 floats per
 * table, 256 KiB each: far above the fuzzer's 4 KiB inputs).  When the
 * order byte says N > 1 and the input reaches the 4-byte field after the
 * counts, the target inserts 2(N-2)+1 tables (entry i = -i/16, finite and
 * <= 0) after that field, so that the trie itself is what gets fuzzed;
 * inputs that stop earlier are read as they are.  fuzz/corpus/lmbin/ holds
 * such files made from small ARPA models by sphinx_lm_convert (tables cut
 * out), and cut or corrupted variants.
 * Invariants: no crash or leak; a failed read says "fuzz.lm.bin: byte N:";
 * on a model read, every n-gram is found again, and for a small one the
 * sparse model is built and its row sums, eps and pmin are computed, with
 * every row sum's enclosure finite. */
#include <stdio.h>
#include "fuzz.h"
#include "lmbin.h"
#include "lm.h"

#define MAGIC_LEN 19
#define QTAB 65536

static unsigned char *expand (const uint8_t *data, size_t size, size_t *len)
{
  size_t head = MAGIC_LEN + 1;
  int order = size > MAGIC_LEN ? data[MAGIC_LEN] : 0;
  size_t at = head + 4 * (size_t) (order > 0 ? order : 0) + 4;     /* after the unused field */
  size_t ntab = order > 1 ? (size_t) (2 * (order - 2) + 1) : 0;
  if (order < 2 || order > 9 || size < at) ntab = 0;
  size_t tb = ntab * QTAB * 4;
  unsigned char *b = malloc (size + tb + 1);
  if (!b) abort ();
  if (!ntab) { memcpy (b, data, size); *len = size; return b; }
  memcpy (b, data, at);
  for (size_t i = 0; i < ntab * QTAB; i++)
    {
      float f = -(float) (i % QTAB) / 16.0f;
      uint32_t u;
      memcpy (&u, &f, 4);
      for (int k = 0; k < 4; k++) b[at + 4 * i + (size_t) k] = (unsigned char) (u >> (8 * k));
    }
  memcpy (b + at + tb, data + at, size - at);
  *len = size + tb;
  return b;
}

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size > 65536) return 0;
  size_t len;
  unsigned char *buf = expand (data, size, &len);
  ic_arpa a;
  char err[600];
  err[0] = 0;
  if (ic_lmbin_parse (&a, buf, len, "fuzz.lm.bin", err, sizeof err) == 0)
    {
      for (long i = 0; i < a.ngram; i++)
        FUZZ_ASSERT (ic_arpa_find (&a, a.g[i].k, a.g[i].w) == i, "n-gram %ld not found", i);
      if (a.ngram <= 400)
        {
          ic_lm m;
          if (ic_lm_from_arpa (&m, &a, 128, err, sizeof err) == 0)
            {
              ic_ival_t e, mn, mx; ic_ival_init2 (e, 128); ic_ival_init2 (mn, 128); ic_ival_init2 (mx, 128);
              int st, tok;
              ic_lm_defect (e, mn, mx, &m);
              FUZZ_ASSERT (ic_ival_is_finite (mn) && ic_ival_is_finite (mx), "row sum not finite");
              ic_lm_eps (e, NULL, &st, &tok, &m);
              ic_lm_minprob (e, NULL, &st, &tok, &m);
              FUZZ_ASSERT (st >= 0 && st < m.nstate, "pmin state %d of %d", st, m.nstate);
              ic_ival_clear (e); ic_ival_clear (mn); ic_ival_clear (mx);
              ic_lm_clear (&m);
            }
        }
      ic_arpa_clear (&a);
    }
  else FUZZ_ASSERT (!strncmp (err, "fuzz.lm.bin: byte ", 18), "error without a position: %s", err);
  free (buf);
  return 0;
}
