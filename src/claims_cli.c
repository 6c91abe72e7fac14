/* claims_cli.c — "infcert claims" and "infcert report": the options
 * (getopt_long), the one exit-status table of both commands (claims.h),
 * and errors: a message on stderr and, with --json, one JSON object on
 * stdout
 *
 *   {"error": {"kind": K, "message": M, "file": F, "line": L, "column": C},
 *    "exit_status": S}
 *
 * K is "parse" (claim or model file), "usage" (options), "io" (a file
 * that cannot be read, an unusable --out folder, a failed write), "limit"
 * (a size limit of claim files) or "internal"; file, line and column are
 * present when known. */
#define _XOPEN_SOURCE 700           /* realpath */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <getopt.h>
#include <unistd.h>
#include "claims.h"
#include "report.h"
#include "buf.h"

/* The built-in claim file, generated from data/essay.claims at build time
 * (mk/report.mk writes it as a C string literal). */
const char ic_essay_claims[] =
#include "essay_claims.inc"
  ;

#define BUILTIN_NAME "data/essay.claims"

/* The source tree this binary was built in, found from the binary's own
 * location (BUILD/infcert, BUILD a folder of the tree: the tree is the
 * folder above BUILD when it holds data/essay.claims), else the current
 * folder when it holds data/essay.claims, else NULL (an installed binary
 * away from its tree).  Used for the built-in claim file's folder (its
 * model paths are relative to data/) and for proofs/results.txt, so that
 * a report does not depend on the folder it is run from.  Linux: the
 * binary's location is /proc/self/exe.  Returns a malloc'd path. */
static char *source_tree (void)
{
  char *exe = realpath ("/proc/self/exe", NULL);
  if (exe)
    {
      for (int up = 0; up < 2; up++)
        {
          char *sl = strrchr (exe, '/');
          if (!sl) break;
          *sl = 0;
        }
      size_t n = strlen (exe);
      char *probe = malloc (n + sizeof "/" BUILTIN_NAME);
      if (probe)
        {
          memcpy (probe, exe, n);
          memcpy (probe + n, "/" BUILTIN_NAME, sizeof "/" BUILTIN_NAME);
          int found = n > 0 && access (probe, R_OK) == 0;
          free (probe);
          if (found) return exe;
        }
      free (exe);
    }
  if (access (BUILTIN_NAME, R_OK) == 0) return strdup (".");
  return NULL;
}

/* root + "/" + rel (malloc'd), or NULL without a root. */
static char *tree_path (const char *root, const char *rel)
{
  if (!root) return NULL;
  ic_buf b; ic_buf_init (&b);
  ic_buf_printf (&b, "%s/%s", root, rel);
  return ic_buf_take (&b);
}

enum { EX_OK = 0, EX_INTERNAL = 1, EX_USAGE = 2, EX_UNDECIDED = 3, EX_LIMIT = 4,
       EX_MISMATCH = 7 };

static const char exit_text[] =
  "exit status: 0 every claim checked is decided and matches its expect: line,\n"
  "  3 some claim undecided, 7 some claim differs from its expect: line (7 wins\n"
  "  over 3), 2 bad input or usage (claim or model file, option, --out folder),\n"
  "  4 a size limit of claim files reached, 1 internal error.\n";

static void usage (FILE *fp, int report)
{
  if (report)
    fputs ("usage: infcert report [FILE] [--out=DIR] [--json] [--progress]\n"
           "  Checks every claim of FILE (default: the built-in essay claims) and\n"
           "  writes DIR/report.md, DIR/report.json, DIR/index.html (DIR default:\n"
           "  report; missing folders are created before any claim is checked).\n"
           "  The three files are replaced as one set (a killed run leaves the old\n"
           "  set or the new one), so DIR may hold only these files.\n"
           "  --out=DIR     the output folder\n"
           "  --json        a summary, or an error, as one JSON object on stdout\n"
           "  --progress    one line per claim on stderr\n"
           "  -h, --help    this text\n", fp);
  else
    fputs ("usage: infcert claims [FILE] [--only=ID] [--json] [--progress]\n"
           "  Checks every claim of FILE (default: the built-in essay claims) and\n"
           "  prints each status with its certificate.\n"
           "  --only=ID     check and list only the claim ID\n"
           "  --json        the results, or an error, as one JSON document on stdout\n"
           "  --progress    one line per claim on stderr\n"
           "  -h, --help    this text\n", fp);
  fputs (exit_text, fp);
}

typedef struct {
  const char *cmd;           /* "claims" or "report" */
  const char *file, *out, *only;
  int json, progress, report;
} cli_opts;

/* ":LINE:COL:" at msg + i: fills line and column. */
static int pos_at (const char *msg, size_t i, int *line, int *col)
{
  const char *p = msg + i;
  if (*p != ':' || !isdigit ((unsigned char) p[1])) return 0;
  char *e;
  long l = strtol (p + 1, &e, 10);
  if (*e != ':' || !isdigit ((unsigned char) e[1])) return 0;
  long c = strtol (e + 1, &e, 10);
  if (*e != ':') return 0;
  *line = l > 0 && l < 1000000000L ? (int) l : 0;
  *col = c > 0 && c < 1000000000L ? (int) c : 0;
  return 1;
}

/* "FILE:LINE:COL: ..." at the start of msg: the file (malloc'd, NULL if
 * msg has no position), line and column.  The known claim file name is
 * tried first (it may hold ':'), then the first ":LINE:COL:" (a model
 * file's own position). */
static void msg_position (const char *msg, const char *known, char **file, int *line, int *col)
{
  *file = NULL; *line = *col = 0;
  size_t kl = known ? strlen (known) : 0, at = 0;
  int found = known && !strncmp (msg, known, kl) && pos_at (msg, kl, line, col);
  if (found) at = kl;
  for (size_t i = 0; !found && msg[i]; i++)
    if (pos_at (msg, i, line, col)) { found = 1; at = i; }
  if (!found) return;
  *file = malloc (at + 1);
  if (!*file) return;
  memcpy (*file, msg, at);
  (*file)[at] = 0;
}

/* Reports an error (stderr; with --json also stdout) and returns status. */
static int fail (const cli_opts *o, int status, const char *kind, const char *msg)
{
  fprintf (stderr, "infcert %s: %s\n", o->cmd, msg);
  if (o->json)
    {
      char *file; int line, col;
      msg_position (msg, o->file ? o->file : BUILTIN_NAME, &file, &line, &col);
      ic_buf b; ic_buf_init (&b);
      ic_buf_puts (&b, "{\"error\": {\"kind\": ");
      ic_buf_json_str (&b, kind);
      ic_buf_puts (&b, ", \"message\": ");
      ic_buf_json_str (&b, msg);
      if (file)
        {
          ic_buf_puts (&b, ", \"file\": ");
          ic_buf_json_str (&b, file);
          ic_buf_printf (&b, ", \"line\": %d, \"column\": %d", line, col);
        }
      ic_buf_printf (&b, "}, \"exit_status\": %d}\n", status);
      fputs (b.s, stdout);
      ic_buf_free (&b);
      free (file);
    }
  return status;
}

static int fail_usage (const cli_opts *o, const char *f, const char *arg)
{
  char msg[400];
  snprintf (msg, sizeof msg, f, arg);
  int rc = fail (o, EX_USAGE, "usage", msg);
  usage (stderr, o->report);
  return rc;
}

/* --json, looked for before the options are parsed, so that an error in
 * an option before it is reported as JSON too (getopt_long accepts any
 * unambiguous prefix, "--j" to "--json"). */
static int wants_json (int argc, char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (!strcmp (argv[i], "--")) break;
      size_t n = strcspn (argv[i], "=");
      if (n >= 3 && n <= 6 && !strncmp (argv[i], "--json", n)) return 1;
    }
  return 0;
}

/* Returns -1 to go on, or an exit status (0 after --help). */
static int parse_args (cli_opts *o, int argc, char **argv, int report)
{
  memset (o, 0, sizeof *o);
  o->report = report;
  o->cmd = report ? "report" : "claims";
  o->json = wants_json (argc, argv);
  static const struct option claims_opts[] = {
    { "only", required_argument, NULL, 'o' }, { "json", no_argument, NULL, 'j' },
    { "progress", no_argument, NULL, 'p' }, { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 } };
  static const struct option report_opts[] = {
    { "out", required_argument, NULL, 'O' }, { "json", no_argument, NULL, 'j' },
    { "progress", no_argument, NULL, 'p' }, { "help", no_argument, NULL, 'h' },
    { NULL, 0, NULL, 0 } };
  const struct option *lo = report ? report_opts : claims_opts;
  opterr = 0;           /* messages are ours (and JSON with --json) */
  optind = 0;           /* glibc: a full reset (main.c may have used getopt) */
  int ch;
  /* "-": FILE arguments come back in order as option 1 (no permutation,
   * whatever POSIXLY_CORRECT says); ":": a missing value is ':' */
  while ((ch = getopt_long (argc, argv, "-:h", lo, NULL)) != -1)
    {
      const char *bad = optind > 0 && optind <= argc ? argv[optind - 1] : "?";
      switch (ch)
        {
        case 1:
          if (o->file) return fail_usage (o, "more than one FILE (%s)", optarg);
          o->file = optarg;
          break;
        case 'h': usage (stdout, report); return EX_OK;
        case 'o': o->only = optarg; break;
        case 'O': o->out = optarg; break;
        case 'j': o->json = 1; break;
        case 'p': o->progress = 1; break;
        case ':':
          for (int k = 0; lo[k].name; k++)
            if (lo[k].val == optopt)
              {
                char m[64];
                snprintf (m, sizeof m, "option --%s needs a value (--%s=%s)", lo[k].name, lo[k].name,
                          lo[k].val == 'o' ? "ID" : "DIR");
                return fail_usage (o, "%s", m);
              }
          return fail_usage (o, "option %s needs a value", bad);
        default:
          if (optopt && !strncmp (bad, "--", 2))
            {
              /* a known long option given a value it does not take */
              size_t n = strcspn (bad, "=");
              char m[200];
              snprintf (m, sizeof m, "option %.*s takes no value", (int) (n < 100 ? n : 100), bad);
              return fail_usage (o, "%s", m);
            }
          if (optopt)
            {
              char m[16];
              snprintf (m, sizeof m, "-%c", optopt);
              return fail_usage (o, "unknown option %s", m);
            }
          {
            char m[200];
            size_t n = strcspn (bad, "=");
            snprintf (m, sizeof m, "%.*s", (int) (n < 100 ? n : 100), bad);
            return fail_usage (o, "unknown option %s", m);
          }
        }
    }
  for (int i = optind; i < argc; i++)          /* after "--" */
    {
      if (!o->file) o->file = argv[i];
      else return fail_usage (o, "more than one FILE (%s)", argv[i]);
    }
  if (o->out && !o->out[0]) return fail_usage (o, "--out needs a folder name%s", "");
  /* "--out --json" took the next option as the folder: say so (a folder
   * whose name starts with '-' is written ./-name) */
  if (o->out && o->out[0] == '-')
    return fail_usage (o, "--out needs a folder name, got the option-like '%s' (write ./NAME for a folder named so)", o->out);
  if (o->only && !o->only[0]) return fail_usage (o, "--only needs a claim id%s", "");
  return -1;
}

static int load (ic_claimfile *cf, const cli_opts *o)
{
  char err[600];
  int rc;
  if (o->file) rc = ic_claims_read (cf, o->file, err, sizeof err);
  else
    {
      if (!ic_essay_claims[0])
        return fail (o, EX_INTERNAL, "internal", "this build has no built-in claim file");
      /* its folder: data/ of the source tree, whatever the current folder */
      char *root = source_tree ();
      char *dir = tree_path (root, "data");
      rc = ic_claims_parse (cf, ic_essay_claims, BUILTIN_NAME, dir ? dir : ".", err, sizeof err);
      free (dir); free (root);
    }
  if (rc == 0) return 0;
  if (rc == -2) return fail (o, EX_LIMIT, "limit", err);
  if (rc == -3) return fail (o, EX_INTERNAL, "internal", err);
  /* a parse error says FILE:LINE:COL; an unreadable file does not */
  char *file; int line, col;
  msg_position (err, o->file ? o->file : BUILTIN_NAME, &file, &line, &col);
  int parse = file != NULL;
  free (file);
  return fail (o, EX_USAGE, parse ? "parse" : "io", err);
}

static void progress_line (const ic_claim *c, void *arg)
{
  (void) arg;
  fprintf (stderr, "infcert: %-28s %-9s (%.2f s)\n", c->id, ic_claim_status_name (c->status), c->seconds);
}

/* Checks the claims; returns -1 to go on, or an exit status. */
static int check (ic_claimfile *cf, const cli_opts *o)
{
  if (o->only)
    {
      int found = 0;
      for (int i = 0; i < cf->nclaim; i++) found |= !strcmp (cf->claim[i].id, o->only);
      if (!found) return fail_usage (o, "no claim with id %s", o->only);
    }
  ic_claims_options co = { o->progress ? progress_line : NULL, NULL, o->only };
  char err[1200];
  int rc = ic_claims_check (cf, &co, err, sizeof err);
  if (rc == -3) return fail (o, EX_INTERNAL, "internal", err);
  if (rc == -2) return fail (o, EX_USAGE, "io", err);      /* a model file that cannot be read */
  if (rc < 0) return fail (o, EX_USAGE, "parse", err);     /* a malformed model file */
  return -1;
}

/* The exit status of checked claims: 7 wins over 3. */
static int claims_status (const ic_claimfile *cf, const char *only, int *nund, int *nmis)
{
  *nund = *nmis = 0;
  for (int i = 0; i < cf->nclaim; i++)
    {
      const ic_claim *c = &cf->claim[i];
      if (only && strcmp (only, c->id)) continue;
      *nund += c->status == IC_ST_UNDECIDED;
      *nmis += ic_claim_mismatch (c);
    }
  return *nmis ? EX_MISMATCH : *nund ? EX_UNDECIDED : EX_OK;
}

static void print_text (const ic_claimfile *cf, const char *only)
{
  for (int i = 0; i < cf->nclaim; i++)
    {
      const ic_claim *c = &cf->claim[i];
      if (only && strcmp (only, c->id)) continue;
      printf ("%-30s %s", c->id, ic_claim_status_name (c->status));
      if (c->expect) printf ("  (expected %s%s)", c->expect, ic_claim_mismatch (c) ? ": MISMATCH" : "");
      printf ("\n");
      for (int j = 0; j < c->ncheck; j++)
        {
          const ic_check_result *r = &c->check[j].r;
          printf ("  check %s\n    %s: %s\n", c->check[j].text, ic_claim_status_name (r->status), r->how ? r->how : "");
          for (int k = 0; k < r->nkv; k++) printf ("      %s: %s\n", r->kv[k].key, r->kv[k].val);
          if (r->witness) printf ("    counterexample: %s\n", r->witness);
          if (r->witness_how) printf ("      its certificate: %s\n", r->witness_how);
          for (int k = 0; k < r->nwkv; k++) printf ("        %s: %s\n", r->wkv[k].key, r->wkv[k].val);
        }
    }
}

static char *command_line (int argc, char **argv)
{
  ic_buf b; ic_buf_init (&b);
  ic_buf_puts (&b, "infcert");
  for (int i = 0; i < argc; i++) { ic_buf_puts (&b, " "); ic_buf_puts (&b, argv[i]); }
  return ic_buf_take (&b);
}

int ic_cli_claims (int argc, char **argv)
{
  cli_opts o;
  int rc = parse_args (&o, argc, argv, 0);
  if (rc >= 0) return rc;
  ic_claimfile cf;
  if ((rc = load (&cf, &o)) != 0) return rc;
  if ((rc = check (&cf, &o)) >= 0) { ic_claims_clear (&cf); return rc; }
  int nund, nmis;
  rc = claims_status (&cf, o.only, &nund, &nmis);
  if (o.json)
    {
      char *cmd = command_line (argc, argv);
      char *root = source_tree ();
      char *proofs = tree_path (root, "proofs/results.txt");
      ic_report_meta meta = { o.file ? o.file : "built-in (" BUILTIN_NAME ")", cmd, o.only, proofs };
      char *js = ic_report_json (&cf, &meta);
      fputs (js, stdout);
      free (js); free (cmd); free (proofs); free (root);
    }
  else print_text (&cf, o.only);
  if (nmis) fprintf (stderr, "infcert claims: %d claim%s differ%s from the expect: line\n", nmis, nmis > 1 ? "s" : "", nmis > 1 ? "" : "s");
  ic_claims_clear (&cf);
  return rc;
}

int ic_cli_report (int argc, char **argv)
{
  cli_opts o;
  int rc = parse_args (&o, argc, argv, 1);
  if (rc >= 0) return rc;
  ic_claimfile cf;
  if ((rc = load (&cf, &o)) != 0) return rc;
  /* the output folder before any claim is checked */
  const char *dir = o.out ? o.out : "report";
  char err[1200];
  if (ic_report_prepare_dir (dir, err, sizeof err) != 0)
    { ic_claims_clear (&cf); return fail (&o, EX_USAGE, "io", err); }
  if ((rc = check (&cf, &o)) >= 0) { ic_claims_clear (&cf); return rc; }
  /* The output folder is left out of the recorded command, so that the
   * same claim file gives the same bytes wherever the report is written. */
  ic_buf cb; ic_buf_init (&cb);
  ic_buf_printf (&cb, "infcert report%s%s --out DIR", o.file ? " " : "", o.file ? o.file : "");
  char *cmd = ic_buf_take (&cb);
  char *root = source_tree ();
  char *proofs = tree_path (root, "proofs/results.txt");
  ic_report_meta meta = { o.file ? o.file : "built-in (" BUILTIN_NAME ")", cmd, NULL, proofs };
  int wrc = ic_report_write (&cf, &meta, dir, err, sizeof err);
  free (cmd); free (proofs); free (root);
  if (wrc != 0) { ic_claims_clear (&cf); return fail (&o, EX_INTERNAL, "io", err); }
  int nund, nmis;
  rc = claims_status (&cf, NULL, &nund, &nmis);
  fprintf (stderr, "infcert report: wrote %s/report.md, %s/report.json, %s/index.html (%d claims, %d undecided, %d differ from expect:)\n",
           dir, dir, dir, cf.nclaim, nund, nmis);
  if (o.json)
    {
      ic_buf b; ic_buf_init (&b);
      ic_buf_puts (&b, "{\"out\": ");
      ic_buf_json_str (&b, dir);
      ic_buf_puts (&b, ", \"files\": [\"report.md\", \"report.json\", \"index.html\"]");
      ic_buf_printf (&b, ", \"summary\": {\"claims\": %d, \"undecided\": %d, \"expect_mismatches\": %d}, \"exit_status\": %d}\n",
                     cf.nclaim, nund, nmis, rc);
      fputs (b.s, stdout);
      ic_buf_free (&b);
    }
  ic_claims_clear (&cf);
  return rc;
}
