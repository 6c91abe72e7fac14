/* fuzz_args.c — the command line of `infcert sum|prod`: option parsing,
 * numbers, limits, and everything behind them.  The input is split at
 * newlines into argv[1..]; resource limits are appended last (later
 * options win), so every run is bounded.  `claims` and `report` (which
 * read and write files) are left to fuzz_claims.  Invariants: no crash or
 * leak; the exit status is one of the documented ones. */
#include <stdio.h>
#include "fuzz.h"

#define main infcert_cli_main
#include "../src/main.c"
#undef main

#define MAX_ARGS 24

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static int quiet;
  if (!quiet) { quiet = 1; if (!freopen ("/dev/null", "w", stdout)) abort (); }
  if (size > 8192) return 0;
  char *text = fuzz_cstr (data, size);
  char *argv[MAX_ARGS + 8];
  int argc = 0;
  argv[argc++] = "infcert";
  char *p = text;
  while (argc < MAX_ARGS)
    {
      argv[argc++] = p;
      char *nl = strchr (p, '\n');
      if (!nl) break;
      *nl = 0;
      p = nl + 1;
    }
  if (argc > 1 && (!strcmp (argv[1], "claims") || !strcmp (argv[1], "report")))
    { free (text); return 0; }
  static char t[] = "--timeout", tv[] = "0.25", m[] = "--max-terms", mv[] = "20000",
              pp[] = "--max-prec", pv[] = "4096", np[] = "--no-progress";
  argv[argc++] = t;  argv[argc++] = tv;
  argv[argc++] = m;  argv[argc++] = mv;
  argv[argc++] = pp; argv[argc++] = pv;
  argv[argc++] = np;
  argv[argc] = NULL;
  int rc = infcert_cli_main (argc, argv);
  FUZZ_ASSERT (rc >= 0 && rc <= 6, "exit status %d", rc);   /* the table in --help; 7 is claims only */
  fflush (stdout);
  free (text);
  return 0;
}
