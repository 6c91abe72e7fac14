/* fuzz_claims.c — the claim-file parser (models, claims, checks).
 * Model paths resolve under a directory that does not exist, so the
 * fuzzer never reads real files.  Invariant: no crash or leak; a failed
 * parse says where ("NAME:LINE:COL: ..."). */
#include <stdio.h>
#include "fuzz.h"
#include "claims.h"

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  if (size > 65536) return 0;
  char *text = fuzz_cstr (data, size);
  ic_claimfile cf;
  char err[600];
  err[0] = 0;
  int rc = ic_claims_parse (&cf, text, "fuzz.claims", "/nonexistent-infcert-fuzz", err, sizeof err);
  if (rc == 0) ic_claims_clear (&cf);
  else FUZZ_ASSERT (!strncmp (err, "fuzz.claims:", 12), "parse error without a position: %s", err);
  free (text);
  return 0;
}
