/* claims_cli.c — "infcert claims" and "infcert report". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "claims.h"
#include "report.h"
#include "buf.h"

/* The built-in claim file, generated from data/essay.claims at build time
 * (mk/report.mk writes it as a C string literal). */
const char ic_essay_claims[] =
#include "essay_claims.inc"
  ;

#define BUILTIN_NAME "data/essay.claims"

static void usage (FILE *fp, const char *cmd)
{
  if (!strcmp (cmd, "report"))
    fputs ("usage: infcert report [FILE] [--out DIR]\n"
           "  Checks every claim of FILE (default: the built-in essay claims) and\n"
           "  writes DIR/report.md, DIR/report.json, DIR/index.html (DIR default: report).\n", fp);
  else
    fputs ("usage: infcert claims [FILE] [--json] [--only ID] [--progress]\n"
           "  Checks every claim of FILE (default: the built-in essay claims).\n"
           "  Exit status: 0 all decided, 3 some undecided, 2 bad input, 4 resource limit,\n  1 internal error.\n", fp);
}

typedef struct { const char *file, *out, *only; int json, progress; } cli_opts;

static int parse_args (cli_opts *o, int argc, char **argv, int report)
{
  memset (o, 0, sizeof *o);
  for (int i = 1; i < argc; i++)
    {
      const char *a = argv[i];
      if (!strcmp (a, "-h") || !strcmp (a, "--help")) { usage (stdout, argv[0]); return 0; }
      else if (!report && !strcmp (a, "--json")) o->json = 1;
      else if (!strcmp (a, "--progress")) o->progress = 1;
      else if (!report && !strcmp (a, "--only") && i + 1 < argc) o->only = argv[++i];
      else if (report && !strcmp (a, "--out") && i + 1 < argc) o->out = argv[++i];
      else if (a[0] == '-' && a[1]) { fprintf (stderr, "infcert %s: unknown option %s\n", argv[0], a); usage (stderr, argv[0]); return 2; }
      else if (!o->file) o->file = a;
      else { fprintf (stderr, "infcert %s: more than one FILE\n", argv[0]); return 2; }
    }
  return -1;
}

static int load (ic_claimfile *cf, const cli_opts *o)
{
  char err[600];
  int rc;
  if (o->file) rc = ic_claims_read (cf, o->file, err, sizeof err);
  else
    {
      if (!ic_essay_claims[0]) { fputs ("infcert: this build has no built-in claim file\n", stderr); return 1; }
      rc = ic_claims_parse (cf, ic_essay_claims, BUILTIN_NAME, ".", err, sizeof err);
    }
  if (rc != 0) { fprintf (stderr, "infcert: %s\n", err); return rc == -2 ? 4 : 2; }   /* 4: resource limit */
  return 0;
}

static void print_text (const ic_claimfile *cf, const char *only)
{
  for (int i = 0; i < cf->nclaim; i++)
    {
      const ic_claim *c = &cf->claim[i];
      if (only && strcmp (only, c->id)) continue;
      printf ("%-30s %s", c->id, ic_claim_status_name (c->status));
      if (c->expect) printf ("  (expected %s%s)", c->expect, strcmp (c->expect, ic_claim_status_name (c->status)) ? ": MISMATCH" : "");
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
  ic_claims_options co = { o.progress, o.only };
  char err[600];
  int und = ic_claims_check (&cf, &co, err, sizeof err);
  if (und < 0) { fprintf (stderr, "infcert: %s\n", err); ic_claims_clear (&cf); return 2; }
  if (o.only)
    {
      int found = 0;
      for (int i = 0; i < cf.nclaim; i++) if (!strcmp (cf.claim[i].id, o.only)) { found = 1; und = cf.claim[i].status == IC_ST_UNDECIDED; }
      if (!found) { fprintf (stderr, "infcert: no claim with id %s\n", o.only); ic_claims_clear (&cf); return 2; }
    }
  if (o.json)
    {
      char *cmd = command_line (argc, argv);
      ic_report_meta meta = { o.file ? o.file : "built-in (" BUILTIN_NAME ")", cmd };
      char *js = ic_report_json (&cf, &meta);
      fputs (js, stdout);
      free (js); free (cmd);
    }
  else print_text (&cf, o.only);
  ic_claims_clear (&cf);
  return und ? 3 : 0;
}

int ic_cli_report (int argc, char **argv)
{
  cli_opts o;
  int rc = parse_args (&o, argc, argv, 1);
  if (rc >= 0) return rc;
  ic_claimfile cf;
  if ((rc = load (&cf, &o)) != 0) return rc;
  ic_claims_options co = { o.progress, NULL };
  char err[600];
  int und = ic_claims_check (&cf, &co, err, sizeof err);
  if (und < 0) { fprintf (stderr, "infcert: %s\n", err); ic_claims_clear (&cf); return 2; }
  /* The output folder is left out of the recorded command, so that the
   * same claim file gives the same bytes wherever the report is written. */
  ic_buf cb; ic_buf_init (&cb);
  ic_buf_printf (&cb, "infcert report%s%s --out DIR", o.file ? " " : "", o.file ? o.file : "");
  char *cmd = ic_buf_take (&cb);
  ic_report_meta meta = { o.file ? o.file : "built-in (" BUILTIN_NAME ")", cmd };
  const char *dir = o.out ? o.out : "report";
  if (ic_report_write (&cf, &meta, dir, err, sizeof err) != 0)
    { fprintf (stderr, "infcert: %s\n", err); free (cmd); ic_claims_clear (&cf); return 1; }
  fprintf (stderr, "infcert: wrote %s/report.md, %s/report.json, %s/index.html (%d claims, %d undecided)\n", dir, dir, dir, cf.nclaim, und);
  free (cmd);
  ic_claims_clear (&cf);
  return und ? 3 : 0;
}
