/* main.c — the infcert command line: options, error messages (with hints,
 * and as one JSON object under --json) and the exit status table.  The
 * library never prints or exits; everything a person reads is here. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include "infcert.h"

#include "buf.h"
#include "claims.h"
#include "eval.h"
#include "term.h"

/* The exit status table (README "Exit status", man/infcert.1, --help). */
enum { EXIT_CERTIFIED = 0, EXIT_INTERNAL = 1, EXIT_USAGE = 2, EXIT_UNKNOWN = 3,
       EXIT_LIMIT = 4, EXIT_TIMEOUT = 5, EXIT_FEWER_DIGITS = 6, EXIT_MISMATCH = 7 };

static const char usage[] =
  "usage: infcert sum  [options] [--] TERM\n"
  "       infcert prod [options] [--] TERM\n"
  "       infcert claims [FILE] [--json]\n"
  "       infcert report [FILE] [--out DIR]\n"
  "       infcert --help | --version\n";

/* The exit status rows below are one table with README.md and
 * man/infcert.1 (tests/test_exit_table.sh compares the three). */
static const char help[] =
  "\n"
  "Certifies sum_{n>=N0} TERM(n) or prod_{n>=N0} TERM(n): a proved verdict and\n"
  "an interval guaranteed to contain the limit.\n"
  "\n"
  "options:\n"
  "  -f, --from N0       first index (default 1, at most 2^62)\n"
  "  -d, --digits D      correct significant digits wanted, 1..100000 (default 15)\n"
  "  -j, --json          one JSON object on stdout (errors too)\n"
  "  -h, --help          this text\n"
  "limits:\n"
  "  -t, --timeout S     wall-clock limit in seconds (default none: the effort\n"
  "                      limit ends a run after about 10 s)\n"
  "  --max-memory SIZE   memory for the big working arrays: bytes or with suffix\n"
  "                      K, M, G, T (16M..1T, default 1G)\n"
  "  --max-prec B        working precision cap in bits, 64..2^30 (default 1048576)\n"
  "  --max-terms K       cap on terms evaluated, 1..2^40 (default 20000000)\n"
  "  --progress, --no-progress   progress on stderr (default: if a terminal)\n"
  "  --                  ends the options (for a term that starts with '-')\n"
  "\n"
  "terms: n, numbers (1.001 is exactly 1001/1000, 1e-3), + - * / ^ (n^-1.001),\n"
  "  ( ), log exp sqrt sin cos atan abs factorial, pi, e, (-1)^n.\n"
  "\n"
  "exit status:\n"
  "  0  everything asked for was delivered (a verdict; for a convergent\n"
  "     sum/product also the limit to the digits asked)\n"
  "  1  internal error\n"
  "  2  bad input or usage (parse error, bad option, term undefined at some\n"
  "     n >= N0, unreadable file)\n"
  "  3  unknown: no verdict could be certified (claims: some claim undecided)\n"
  "  4  limit reached: a resource limit (the effort limit, --max-memory,\n"
  "     --max-prec, --max-terms) stopped the run before everything asked was\n"
  "     delivered; the verdict and the digits certified so far are printed\n"
  "  5  timeout: --timeout stopped the run; the verdict and digits certified\n"
  "     so far are printed\n"
  "  6  a verdict, but fewer digits than asked for a reason that is no\n"
  "     resource limit (no method certifies more digits, or the limit is not\n"
  "     representable)\n"
  "  7  claims: some claim's result differs from its expect: line\n"
  "\n"
  "man infcert has the details.\n";

/* ---- errors ------------------------------------------------------------ */

/* One error of a run: printed on stderr for people and, under --json, as
 * one object on stdout: {"error": {"kind", "message", "column", "n",
 * "hint"}, "exit_status"}. */
typedef struct {
  int status;              /* exit status; 0 while no error was recorded */
  const char *kind;        /* parse usage domain limit timeout internal  */
  char msg[640];
  char hint[640];          /* "" when there is none                      */
  int column;              /* parse errors: 1-based column, else 0       */
  char n[48];              /* domain errors: the n, else ""              */
  int show_usage;          /* usage errors point to --help               */
} cli_error;

/* Records a usage error (the first one of a command line wins). */
static void usage_fail (cli_error *ce, const char *hint, const char *fmt, ...)
  __attribute__ ((format (printf, 3, 4)));
static void usage_fail (cli_error *ce, const char *hint, const char *fmt, ...)
{
  if (ce->status) return;
  ce->status = EXIT_USAGE;
  ce->kind = "usage";
  ce->show_usage = 1;
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (ce->msg, sizeof ce->msg, fmt, ap);
  va_end (ap);
  snprintf (ce->hint, sizeof ce->hint, "%s", hint ? hint : "");
}

/* Prints ce (stderr; and stdout under --json); returns its exit status.
 * A parse error shows the term with a caret under the column. */
static int report_error (const cli_error *ce, int json, const char *term)
{
  if (ce->column > 0 && term)
    {
      /* the parser's message already ends with its hint */
      fprintf (stderr, "infcert: parse error at column %d: %s\n", ce->column, ce->msg);
      /* show at most 72 characters of the term around the column */
      int len = (int) strlen (term), col = ce->column - 1;
      int start = col > 60 ? col - 60 : 0;
      int shown = len - start > 72 ? 72 : len - start;
      fprintf (stderr, "  %s%.*s%s\n  %*s^\n", start ? "..." : "", shown, term + start,
               start + shown < len ? "..." : "", col - start + (start ? 3 : 0), "");
    }
  else if (ce->hint[0])
    fprintf (stderr, "infcert: %s (%s)\n", ce->msg, ce->hint);
  else
    fprintf (stderr, "infcert: %s\n", ce->msg);
  if (ce->show_usage) fputs ("(run 'infcert --help' for usage)\n", stderr);
  if (json)
    {
      ic_buf b;
      ic_buf_init (&b);
      ic_buf_puts (&b, "{\"error\": ");
      ic_json_error_object (&b, ce->kind, ce->msg, ce->hint, ce->column, ce->n);
      ic_buf_printf (&b, ", \"exit_status\": %d}\n", ce->status);
      fputs (b.s, stdout);
      ic_buf_free (&b);
    }
  return ce->status;
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

/* The exit status of a result (the table in --help): less than asked is
 * 4 (a resource limit), 5 (--timeout), 6 (no resource limit: no method
 * certifies more), 3 (no verdict at all).  A library that does not fill
 * r->stopped yet is read through r->limit_missing. */
static int exit_for_result (const ic_result *r)
{
  int stop = r->stopped;
  if (stop == IC_STOP_NONE)
    stop = r->limit_missing == IC_LIMIT_EFFORT ? IC_STOP_EFFORT
      : r->limit_missing == IC_LIMIT_NO_METHOD ? IC_STOP_NO_METHOD : IC_STOP_NONE;
  int limit = stop == IC_STOP_EFFORT || stop == IC_STOP_MEMORY || stop == IC_STOP_PREC
    || stop == IC_STOP_TERMS;
  if (r->verdict == IC_UNKNOWN)
    return stop == IC_STOP_TIMEOUT ? EXIT_TIMEOUT : limit ? EXIT_LIMIT : EXIT_UNKNOWN;
  if (r->verdict == IC_CONVERGES && (!r->has_limit || r->digits < r->digits_wanted))
    return stop == IC_STOP_TIMEOUT ? EXIT_TIMEOUT : limit ? EXIT_LIMIT : EXIT_FEWER_DIGITS;
  return EXIT_CERTIFIED;
}

/* ---- a term undefined at N0: where it is defined ------------------------ */

/* The first n in (from, from + 64] at which e is certainly defined, found
 * within about half a second; 0 when none is found (a hint, not a claim:
 * the term may be undefined again later). */
static unsigned long next_defined_index (const ic_node *e, unsigned long from)
{
  struct timespec t0, t;
  clock_gettime (CLOCK_MONOTONIC, &t0);
  ic_evaluator *ev = ic_eval_new (e, 128);
  ic_ival_t v;
  ic_ival_init2 (v, 128);
  unsigned long found = 0;
  for (unsigned long n = from + 1; n <= from + 64; n++)
    {
      int r = IC_EV_INEXACT;
      for (mpfr_prec_t p = 128; p <= 8192 && r == IC_EV_INEXACT; p *= 4)
        {
          ic_eval_set_prec (ev, p);
          r = ic_eval_at_ui (ev, v, n, NULL);
        }
      if (r == IC_EV_OK) { found = n; break; }
      clock_gettime (CLOCK_MONOTONIC, &t);
      if (r != IC_EV_UNDEFINED || (t.tv_sec - t0.tv_sec) + 1e-9 * (t.tv_nsec - t0.tv_nsec) > 0.5)
        break;
    }
  ic_ival_clear (v);
  ic_eval_free (ev);
  return found;
}

/* ---- options of sum and prod ------------------------------------------- */

enum { OPT_MAX_PREC = 256, OPT_MAX_TERMS, OPT_MAX_MEMORY, OPT_PROGRESS, OPT_NO_PROGRESS };

static const struct option long_opts[] = {
  { "from",        required_argument, NULL, 'f' },
  { "digits",      required_argument, NULL, 'd' },
  { "json",        no_argument,       NULL, 'j' },
  { "timeout",     required_argument, NULL, 't' },
  { "help",        no_argument,       NULL, 'h' },
  { "max-prec",    required_argument, NULL, OPT_MAX_PREC },
  { "max-terms",   required_argument, NULL, OPT_MAX_TERMS },
  { "max-memory",  required_argument, NULL, OPT_MAX_MEMORY },
  { "progress",    no_argument,       NULL, OPT_PROGRESS },
  { "no-progress", no_argument,       NULL, OPT_NO_PROGRESS },
  { NULL, 0, NULL, 0 }
};
#define N_LONG_OPTS (sizeof long_opts / sizeof long_opts[0] - 1)

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

#define MAX_MEMORY_LOW  ((uint64_t) 16 << 20)   /* 16M */
#define MAX_MEMORY_HIGH ((uint64_t) 1 << 40)    /* 1T  */

/* SIZE: decimal bytes, or with one suffix K M G T (powers of 1024),
 * 16M..1T; returns 0 on success. */
static int parse_size (const char *s, size_t *out)
{
  const char *p = s;
  uint64_t v = 0;
  if (*p < '0' || *p > '9') return -1;
  for (; *p >= '0' && *p <= '9'; p++)
    {
      if (v > MAX_MEMORY_HIGH) return -1;   /* too large whatever follows */
      v = v * 10 + (uint64_t) (*p - '0');
    }
  int shift = 0;
  switch (*p)
    {
    case 0: break;
    case 'K': case 'k': shift = 10; break;
    case 'M': case 'm': shift = 20; break;
    case 'G': case 'g': shift = 30; break;
    case 'T': case 't': shift = 40; break;
    default: return -1;
    }
  if (*p && p[1]) return -1;
  if (v > MAX_MEMORY_HIGH >> shift) return -1;
  v <<= shift;
  if (v < MAX_MEMORY_LOW || v > MAX_MEMORY_HIGH || v > SIZE_MAX) return -1;
  *out = (size_t) v;
  return 0;
}

/* "did you mean '--digits'?" for an unknown option name (without its
 * dashes and value) into hint, or "": the long options it abbreviates,
 * else the closest one within 1 edit (2 for names of 5 letters or more). */
static void option_suggestion (const char *name, char *hint, size_t size)
{
  size_t len = strlen (name);
  const char *pre[N_LONG_OPTS];
  size_t npre = 0;
  for (size_t i = 0; i < N_LONG_OPTS; i++)
    if (len && !strncmp (long_opts[i].name, name, len)) pre[npre++] = long_opts[i].name;
  hint[0] = 0;
  if (npre)
    {
      ic_buf b;
      ic_buf_init (&b);
      ic_buf_puts (&b, "did you mean ");
      for (size_t i = 0; i < npre; i++)
        ic_buf_printf (&b, "%s'--%s'", i == 0 ? "" : i + 1 < npre ? ", " : " or ", pre[i]);
      ic_buf_puts (&b, "?");
      snprintf (hint, size, "%s", b.s);
      ic_buf_free (&b);
      return;
    }
  int best_d = len >= 5 ? 3 : 2;
  const char *best = NULL;
  for (size_t i = 0; i < N_LONG_OPTS; i++)
    {
      int d = ic_str_distance (name, long_opts[i].name, 0);
      if (d < best_d) { best_d = d; best = long_opts[i].name; }
    }
  if (best) snprintf (hint, size, "did you mean '--%s'?", best);
}

/* An unknown option, with a did-you-mean when one is close. */
static void unknown_option (cli_error *ce, const char *arg)
{
  char name[64], hint[200];
  const char *s = arg + (arg[1] == '-' ? 2 : 1);
  size_t len = strcspn (s, "=");
  snprintf (name, sizeof name, "%.*s", (int) (len < sizeof name ? len : sizeof name - 1), s);
  option_suggestion (name, hint, sizeof hint);
  usage_fail (ce, hint, "unknown option '%s'", arg);
}

/* 1 if a word that starts with '-' is meant as a term: it parses (-n,
 * -2/n^2), or has characters no option has (-2/n**2, -log(n)). */
static int term_like (const char *arg)
{
  int wordlike = arg[1] != 0;
  for (const char *p = arg + 1; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '-')) wordlike = 0;
  if (!wordlike) return 1;
  ic_error err;
  ic_node *t = ic_term_parse (arg, &err);
  ic_node_free (t);
  return t != NULL;
}

/* A command-line word that starts with '-' but is no option: a term must
 * follow '--'; else an unknown option (-x, -from). */
static void not_an_option (cli_error *ce, const char *cmd, const char *arg)
{
  if (!term_like (arg)) { unknown_option (ce, arg); return; }
  char hint[400];
  snprintf (hint, sizeof hint, "infcert %s -- '%.300s'", cmd, arg);
  usage_fail (ce, hint, "a term starting with '-' must follow '--'");
}

/* Sets one option from its value; records a usage error if it is bad.
 * word is the command-line word the option came from, and attached says
 * the value was part of it (-d20, --digits=20). */
static void set_option (cli_error *ce, ic_options *opt, int c, const char *val,
                        const char *cmd, const char *word, int attached)
{
  unsigned long v;
  int r, bad = 0;
  cli_error e = { 0 };
  switch (c)
    {
    case 't':
      if (parse_seconds (val, &opt->timeout))
        { bad = 1; usage_fail (&e, NULL, "--timeout needs a positive number of seconds, got '%s'", val); }
      break;
    case 'f':
      if ((r = parse_ulong (val, 1UL << 62, &v)))
        {
          bad = 1;
          if (r == -2) usage_fail (&e, NULL, "--from must be at most 2^62, got '%s'", val);
          else usage_fail (&e, NULL, "--from needs a non-negative integer, got '%s'", val);
        }
      else opt->from = v;
      break;
    case 'd':
      if (parse_ulong (val, 100000, &v) || v < 1)
        { bad = 1; usage_fail (&e, NULL, "--digits must be an integer between 1 and 100000, got '%s'", val); }
      else opt->digits = (long) v;
      break;
    case OPT_MAX_PREC:
      if (parse_ulong (val, 1UL << 30, &v) || v < 64)
        { bad = 1; usage_fail (&e, NULL, "--max-prec must be an integer between 64 and 1073741824 bits, got '%s'", val); }
      else opt->max_prec = (mpfr_prec_t) v;
      break;
    case OPT_MAX_TERMS:
      if (parse_ulong (val, 1UL << 40, &v) || v < 1)
        { bad = 1; usage_fail (&e, NULL, "--max-terms must be a positive integer (at most 2^40), got '%s'", val); }
      else opt->max_terms = v;
      break;
    case OPT_MAX_MEMORY:
      if (parse_size (val, &opt->max_memory))
        { bad = 1; usage_fail (&e, NULL, "--max-memory must be a size between 16M and 1T (bytes, or with suffix K, M, G, T), got '%s'", val); }
      break;
    }
  if (!bad) return;
  /* -digits is -d with the value "igits", -log(n) is -l...: a bad value
   * glued to a short option is read as the word it was meant to be */
  if (attached && word[1] != '-') { not_an_option (ce, cmd, word); return; }
  if (!ce->status) *ce = e;
}

/* Parses the options of `infcert sum|prod` (argv[0] is the command) with
 * getopt_long in GNU's return-in-order mode ("-" first in the option
 * string: words that are no options come back in place, as code 1, and
 * argv is not permuted), without abbreviations of long options (--digit
 * is an unknown option, not --digits).  The first error is recorded in
 * ce; parsing goes on so that a --json later on the line is seen. */
static void parse_options (cli_error *ce, ic_options *opt, const char **term, int *json, int *help,
                           int argc, char **argv)
{
  const char *cmd = argv[0];
  /* --json anywhere before "--" asks for errors as JSON, even when an
   * earlier option took it as its value (--from --json) */
  for (int i = 1; i < argc && strcmp (argv[i], "--"); i++)
    if (!strcmp (argv[i], "--json") || !strcmp (argv[i], "-j")) *json = 1;
  opterr = 0;
  optind = 0;                 /* GNU: a full restart (main may run twice) */
  for (;;)
    {
      /* the word getopt reads from: it moves past a word only when done */
      int cur = optind == 0 ? 1 : optind;
      int li = -1;
      int c = getopt_long (argc, argv, "-:d:f:jt:h", long_opts, &li);
      if (c == -1) break;
      const char *word = cur < argc ? argv[cur] : "";
      int is_long = word[0] == '-' && word[1] == '-';
      if (c == 1)
        {
          if (*term) usage_fail (ce, NULL, "more than one term given ('%s')", optarg);
          else *term = optarg;
          continue;
        }
      if (is_long && (c == '?' || c == ':' || li >= 0))
        {
          /* getopt_long accepts abbreviations: only exact names pass */
          size_t len = strcspn (word + 2, "=");
          int exact = -1;
          for (size_t i = 0; i < N_LONG_OPTS; i++)
            if (strlen (long_opts[i].name) == len && !strncmp (long_opts[i].name, word + 2, len)) exact = (int) i;
          if (exact < 0) { unknown_option (ce, word); continue; }
          if (c == '?')
            {
              /* an exact name that getopt refused: a value it does not take */
              usage_fail (ce, NULL, "option --%s takes no value", long_opts[exact].name);
              continue;
            }
        }
      if (c == ':')
        {
          if (is_long) usage_fail (ce, NULL, "option %.*s needs a value", (int) strcspn (word, "="), word);
          else if (term_like (word)) not_an_option (ce, cmd, word);
          else usage_fail (ce, NULL, "option -%c needs a value", optopt);
          continue;
        }
      if (c == '?')
        {
          not_an_option (ce, cmd, word);
          continue;
        }
      /* attached: the value was in the same word (-d20, --digits=20) */
      int attached = optarg && optind == cur + 1;
      switch (c)
        {
        case 'j': *json = 1; break;
        case 'h': *help = 1; break;
        case OPT_PROGRESS: opt->progress = 1; break;
        case OPT_NO_PROGRESS: opt->progress = 0; break;
        default: set_option (ce, opt, c, optarg, cmd, word, attached);
        }
    }
  /* after "--": the term */
  for (int i = optind; i < argc; i++)
    {
      if (*term) usage_fail (ce, NULL, "more than one term given ('%s')", argv[i]);
      else *term = argv[i];
    }
}

static int cmd_certify (ic_kind kind, int argc, char **argv)
{
  ic_options opt;
  ic_options_default (&opt);
  opt.progress = isatty (2);
  const char *term = NULL;
  int json = 0, help_asked = 0;
  cli_error ce;
  memset (&ce, 0, sizeof ce);
  parse_options (&ce, &opt, &term, &json, &help_asked, argc, argv);
  if (help_asked)
    {
      printf ("usage: infcert %s [options] [--] TERM\n", argv[0]);
      fputs (help, stdout);
      return 0;
    }
  if (!ce.status && !term) usage_fail (&ce, NULL, "%s needs a TERM", argv[0]);
  if (ce.status) return report_error (&ce, json, NULL);

  ic_error err;
  ic_node *e = ic_term_parse (term, &err);
  if (!e)
    {
      ce.status = exit_for (err.code);
      ce.kind = ic_status_name (err.code);
      snprintf (ce.msg, sizeof ce.msg, "%s", err.msg);
      ce.column = err.code == IC_EPARSE ? (err.column > 0 ? err.column : 1) : 0;
      return report_error (&ce, json, term);
    }
  ic_result res;
  ic_result_init (&res);
  ic_status st = ic_certify (&res, kind, e, &opt, &err);
  int rc;
  if (st != IC_OK)
    {
      ce.status = exit_for (st);
      ce.kind = ic_status_name (st);
      snprintf (ce.msg, sizeof ce.msg, "%s", err.msg[0] ? err.msg : "internal error");
      if (st == IC_EDOMAIN)
        {
          snprintf (ce.n, sizeof ce.n, "%s", err.n);
          char first[48];
          snprintf (first, sizeof first, "%lu", opt.from);
          unsigned long next = strcmp (err.n, first) ? 0 : next_defined_index (e, opt.from);
          if (next) snprintf (ce.hint, sizeof ce.hint, "try --from %lu", next);
        }
      rc = report_error (&ce, json, NULL);
    }
  else
    {
      char *out = json ? ic_result_to_json (&res, term) : ic_result_to_text (&res, term);
      fputs (out, stdout);
      if (json) fputs ("\n", stdout);
      free (out);
      rc = exit_for_result (&res);
      /* less than asked: say so on stderr too, so that a script reading
       * only the numbers cannot miss it */
      const char *why = res.stop_note[0] ? res.stop_note : res.limit_note;
      if (rc == EXIT_UNKNOWN || rc == EXIT_LIMIT || rc == EXIT_TIMEOUT || rc == EXIT_FEWER_DIGITS)
        {
          if (res.verdict == IC_UNKNOWN)
            fprintf (stderr, "infcert: no verdict%s%s\n", why[0] ? ": " : "", why);
          else
            fprintf (stderr, "infcert: %ld of %ld digits certified%s%s\n", res.has_limit ? res.digits : 0L,
                     res.digits_wanted, why[0] ? ": " : "", why);
        }
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
  cli_error ce;
  memset (&ce, 0, sizeof ce);
#ifdef __GLIBC__
  /* Speed only (issue 13): the series arithmetic allocates and frees
   * blocks of up to a few MB many times; glibc's defaults hand each one
   * back to the kernel (mmap/trim), so every reuse pays page faults
   * again (about 15 % of a 1000-digit run).  Blocks below 64 MB come
   * from the heap, which grows 16 MB at a time.  A setting of this
   * process, not of the library (its callers keep their own). */
  mallopt (M_MMAP_THRESHOLD, 64 << 20);
  mallopt (M_TOP_PAD, 16 << 20);
#endif
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
  if (!strcmp (cmd, "claims")) return ic_cli_claims (argc - 1, argv + 1);
  if (!strcmp (cmd, "report")) return ic_cli_report (argc - 1, argv + 1);
  static const char *const cmds[] = { "sum", "prod", "claims", "report" };
  char hint[64] = "";
  for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
    if (ic_str_distance (cmd, cmds[i], 0) <= (strlen (cmd) >= 5 ? 2 : 1)) { snprintf (hint, sizeof hint, "did you mean '%s'?", cmds[i]); break; }
  usage_fail (&ce, hint, "unknown command '%s'", cmd);
  int json = 0;
  for (int i = 2; i < argc; i++) if (!strcmp (argv[i], "--json")) json = 1;
  return report_error (&ce, json, NULL);
}
