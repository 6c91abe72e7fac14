/* fuzz_term.c — the term parser and printer.
 * Invariants: parse never crashes or leaks; a parsed term prints, and the
 * printed text parses again to a term that prints identically (the
 * canonical text is a fixed point). */
#include <stdio.h>
#include "fuzz.h"
#include "infcert.h"
#include "term.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size > 2 * IC_TERM_MAX_LEN) return 0;
  char *src = fuzz_cstr (data, size);
  ic_error err;
  ic_node *e = ic_term_parse (src, &err);
  if (!e)
    FUZZ_ASSERT (err.code == IC_EPARSE || err.code == IC_ELIMIT, "parse failed with code %d", (int) err.code);
  else
    {
      char *s1 = ic_term_to_string (e);
      ic_error err2;
      ic_node *e2 = ic_term_parse (s1, &err2);
      /* the printed text may exceed the length/depth limits (e.g. a long
       * literal 1e9999 printed in full); otherwise it must parse */
      if (!e2)
        FUZZ_ASSERT (err2.code == IC_ELIMIT || strstr (err2.msg, "too deeply") || strstr (err2.msg, "too large"),
                     "printed term does not parse: '%s' -> '%s': %s", src, s1, err2.msg);
      else
        {
          char *s2 = ic_term_to_string (e2);
          FUZZ_ASSERT (!strcmp (s1, s2), "printing is not a fixed point: '%s' -> '%s' -> '%s'", src, s1, s2);
          free (s2);
          ic_node_free (e2);
        }
      (void) ic_node_has_var (e);
      (void) ic_node_is_smooth (e);
      (void) ic_node_count (e);
      free (s1);
      ic_node_free (e);
    }
  free (src);
  return 0;
}
