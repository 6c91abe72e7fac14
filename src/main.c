/* main.c — the infcert command line. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "infcert.h"

#include "claims.h"

enum { EXIT_CERTIFIED = 0, EXIT_INTERNAL = 1, EXIT_USAGE = 2, EXIT_UNKNOWN = 3,
       EXIT_LIMIT = 4, EXIT_TIMEOUT = 5 };

static const char usage[] =
  "usage: infcert sum  [options] [--] TERM\n"
  "       infcert prod [options] [--] TERM\n"
  "       infcert claims [FILE] [--json]\n"
  "       infcert report [FILE] [--out DIR]\n"
  "       infcert --help | --version\n";

static const char help[] =
  "\n"
  "Certifies sum_{n>=N0} TERM(n) or prod_{n>=N0} TERM(n): a proved verdict and\n"
  "an interval guaranteed to contain the limit.\n"
  "\n"
  "options:\n"
  "  --from N0        first index (default 1, at most 2^62)\n"
  "  --digits D       correct significant digits wanted, 1..100000 (default 15)\n"
  "  --json           one JSON object on stdout\n"
  "limits:\n"
  "  --max-prec B     working precision cap in bits (default 1048576)\n"
  "  --max-terms K    cap on terms evaluated (default 20000000)\n"
  "  --timeout S      wall-clock limit in seconds (default none)\n"
  "  --progress / --no-progress   progress on stderr (default: if a terminal)\n"
  "  --                 ends the options (for a term that starts with --)\n"
  "\n"
  "terms: n, numbers (1.001 is exactly 1001/1000, 1e-3), + - * / ^ (n^-1.001),\n"
  "  ( ), log exp sqrt sin cos atan abs factorial, pi, e, (-1)^n.\n"
  "exit status: 0 verdict certified, 3 unknown, 2 bad input or usage,\n"
  "  4 resource limit reached, 5 timeout, 1 internal error; a convergent\n"
  "  verdict without one certified digit of the limit exits 4 (effort limit)\n"
  "  or 3 (no tail bound applies).\n";

static int usage_error (const char *fmt, const char *arg)
{
  fputs ("infcert: ", stderr);
  fprintf (stderr, fmt, arg);
  fputs ("\n(run 'infcert --help' for usage)\n", stderr);
  return EXIT_USAGE;
}

/* Parses a non-negative decimal integer <= max; returns 0 on success. */
static int parse_ulong (const char *s, unsigned long max, unsigned long *out)
{
  if (!*s) return -1;
  for (const char *p = s; *p; p++) if (*p < '0' || *p > '9') return -1;
  errno = 0;
  unsigned long v = strtoul (s, NULL, 10);
  if (errno == ERANGE || v > max) return -2;
  *out = v;
  return 0;
}

static int parse_seconds (const char *s, double *out)
{
  char *end;
  errno = 0;
  double v = strtod (s, &end);
  if (*s == 0 || *end || errno || !(v > 0) || v > 1e7) return -1;
  *out = v;
  return 0;
}

static int exit_for (ic_status st)
{
  switch (st)
    {
    case IC_EPARSE: case IC_EDOMAIN: case IC_EUSAGE: return EXIT_USAGE;
    case IC_ELIMIT: return EXIT_LIMIT;
    case IC_ETIMEOUT: return EXIT_TIMEOUT;
    default: return EXIT_INTERNAL;
    }
}

static int cmd_certify (ic_kind kind, int argc, char **argv)
{
  ic_options opt;
  ic_options_default (&opt);
  opt.progress = isatty (2);
  const char *term = NULL;
  int json = 0, options_done = 0;
  for (int i = 1; i < argc; i++)
    {
      const char *a = argv[i];
      unsigned long v;
      int r;
      if (!options_done && !strcmp (a, "--")) { options_done = 1; continue; }
      if (options_done)
        {
          if (term) return usage_error ("more than one term given ('%s')", a);
          term = a;
          continue;
        }
      if (!strcmp (a, "--json")) { json = 1; continue; }
      if (!strcmp (a, "--progress")) { opt.progress = 1; continue; }
      if (!strcmp (a, "--no-progress")) { opt.progress = 0; continue; }
      if (!strcmp (a, "--from") || !strcmp (a, "--digits") || !strcmp (a, "--max-prec")
          || !strcmp (a, "--max-terms") || !strcmp (a, "--timeout"))
        {
          if (i + 1 >= argc) return usage_error ("option %s needs a value", a);
          const char *val = argv[++i];
          if (!strcmp (a, "--timeout"))
            {
              if (parse_seconds (val, &opt.timeout)) return usage_error ("--timeout needs a positive number of seconds, got '%s'", val);
              continue;
            }
          if (!strcmp (a, "--from"))
            {
              if ((r = parse_ulong (val, 1UL << 62, &v)))
                return usage_error (r == -2 ? "--from must be at most 2^62, got '%s'" : "--from needs a non-negative integer, got '%s'", val);
              opt.from = v;
            }
          else if (!strcmp (a, "--digits"))
            {
              if ((r = parse_ulong (val, 100000, &v)) || v < 1)
                return usage_error ("--digits must be an integer between 1 and 100000, got '%s'", val);
              opt.digits = (long) v;
            }
          else if (!strcmp (a, "--max-prec"))
            {
              if ((r = parse_ulong (val, 1UL << 30, &v)) || v < 64)
                return usage_error ("--max-prec must be an integer between 64 and 1073741824 bits, got '%s'", val);
              opt.max_prec = (mpfr_prec_t) v;
            }
          else
            {
              if ((r = parse_ulong (val, 1UL << 40, &v)) || v < 1)
                return usage_error ("--max-terms must be a positive integer (at most 2^40), got '%s'", val);
              opt.max_terms = v;
            }
          continue;
        }
      if (a[0] == '-' && a[1] == '-') return usage_error ("unknown option '%s'", a);
      if (term) return usage_error ("more than one term given ('%s')", a);
      term = a;
    }
  if (!term) return usage_error ("%s needs a TERM", argv[0]);
  ic_error err;
  ic_node *e = ic_term_parse (term, &err);
  if (!e)
    {
      if (err.code == IC_EPARSE)
        {
          fprintf (stderr, "infcert: parse error at column %d: %s\n", err.column, err.msg);
          /* show at most 72 characters of the term around the column */
          int len = (int) strlen (term), col = err.column - 1;
          int start = col > 60 ? col - 60 : 0;
          int shown = len - start > 72 ? 72 : len - start;
          fprintf (stderr, "  %s%.*s%s\n  %*s^\n", start ? "..." : "", shown, term + start,
                   start + shown < len ? "..." : "", col - start + (start ? 3 : 0), "");
        }
      else
        fprintf (stderr, "infcert: %s\n", err.msg);
      return exit_for (err.code);
    }
  ic_result res;
  ic_result_init (&res);
  ic_status st = ic_certify (&res, kind, e, &opt, &err);
  int rc;
  if (st != IC_OK)
    {
      fprintf (stderr, "infcert: %s\n", err.msg[0] ? err.msg : "internal error");
      rc = exit_for (st);
    }
  else
    {
      char *out = json ? ic_result_to_json (&res, term) : ic_result_to_text (&res, term);
      fputs (out, stdout);
      if (json) fputs ("\n", stdout);
      free (out);
      /* a convergent verdict without one certified digit of its limit is
       * not the answer asked for: 4 if the effort limit came first, else 3 */
      rc = res.verdict == IC_UNKNOWN ? EXIT_UNKNOWN
        : res.limit_missing == IC_LIMIT_EFFORT ? EXIT_LIMIT
        : res.limit_missing ? EXIT_UNKNOWN : EXIT_CERTIFIED;
    }
  ic_result_clear (&res);
  ic_node_free (e);
  if (fflush (stdout) != 0 || ferror (stdout))
    {
      fprintf (stderr, "infcert: error writing output\n");
      return EXIT_INTERNAL;
    }
  return rc;
}

int main (int argc, char **argv)
{
  if (argc < 2) { fputs (usage, stderr); return EXIT_USAGE; }
  const char *cmd = argv[1];
  if (!strcmp (cmd, "--help") || !strcmp (cmd, "-h") || !strcmp (cmd, "help"))
    { fputs (usage, stdout); fputs (help, stdout); return 0; }
  if (!strcmp (cmd, "--version"))
    {
      printf ("infcert %s (GMP %s, MPFR %s)\n", INFCERT_VERSION, gmp_version, mpfr_get_version ());
      return 0;
    }
  if (!strcmp (cmd, "sum")) return cmd_certify (IC_KIND_SUM, argc - 1, argv + 1);
  if (!strcmp (cmd, "prod")) return cmd_certify (IC_KIND_PROD, argc - 1, argv + 1);
  if (!strcmp (cmd, "claims"))
    {
      return ic_cli_claims (argc - 1, argv + 1);
    }
  if (!strcmp (cmd, "report"))
    {
      return ic_cli_report (argc - 1, argv + 1);
    }
  return usage_error ("unknown command '%s'", cmd);
}
