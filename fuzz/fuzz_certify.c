/* fuzz_certify.c — the whole engine (parse, analysis, verdict,
 * enclosure, JSON/text output) under tight resource limits.
 * Invariants: no crash or leak; an error status comes with a message; a
 * limit is reported as an enclosure lo <= hi. */
#include <stdio.h>
#include "fuzz.h"
#include "infcert.h"
#include "term.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size < 1 || size > 2 * IC_TERM_MAX_LEN) return 0;   /* make fuzz: -max_len=4096 */
  /* first byte: kind, digits and start index */
  unsigned c = data[0];
  char *src = fuzz_cstr (data + 1, size - 1);
  ic_error err;
  ic_node *e = ic_term_parse (src, &err);
  if (e)
    {
      ic_options opt;
      ic_options_default (&opt);
      opt.digits = 1 + (long) (c >> 4);          /* 1..16 */
      opt.from = (c >> 1) & 7;                   /* 0..7 */
      opt.timeout = 0.25;
      opt.max_terms = 20000;
      opt.max_prec = 2048;
      ic_kind kind = (c & 1) ? IC_KIND_PROD : IC_KIND_SUM;
      ic_result r;
      ic_result_init (&r);
      ic_status st = ic_certify (&r, kind, e, &opt, &err);
      if (st != IC_OK)
        FUZZ_ASSERT (err.msg[0] != 0, "status %d without a message for '%s'", (int) st, src);
      else
        {
          if (r.has_limit)
            FUZZ_ASSERT (mpfr_lessequal_p (r.lo, r.hi), "limit interval with lo > hi for '%s'", src);
          char *j = ic_result_to_json (&r, src);
          char *t = ic_result_to_text (&r, src);
          free (j); free (t);
        }
      ic_result_clear (&r);
      ic_node_free (e);
    }
  free (src);
  return 0;
}
