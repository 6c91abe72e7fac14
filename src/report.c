/* report.c — report.md, report.json and index.html of a checked claim file
 * (see report.h).  Everything written comes from the check results; the
 * plots are drawn from certified enclosures (svg.c). */
#define _GNU_SOURCE                      /* renameat2 (glibc >= 2.28) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>
#include <math.h>
#include <gmp.h>
#include <mpfr.h>
#include "infcert.h"
#include "report.h"
#include "buf.h"


/* The proof status of the verified kernels, from proofs/results.txt (the
 * committed output of `make verify`; the CLI finds it in the source tree
 * the binary was built in, whatever the current folder): one line per
 * kernel with its goals, the summary line and the tool versions.  Solver
 * times are left out so that the report stays deterministic.  No file
 * (path NULL or unreadable): no lines. */
static int proof_lines (const char *path, char ***out)
{
  FILE *fp = path ? fopen (path, "r") : NULL;
  int n = 0;
  char **lines = NULL;
  char line[512];
  while (fp && fgets (line, sizeof line, fp))
    {
      line[strcspn (line, "\r\n")] = 0;
      char buf[600];
      char name[128], file[160], goals[32], status[16];
      if (!strncmp (line, "# tools:", 8))
        snprintf (buf, sizeof buf, "Tools:%s", line + 8);
      else if (line[0] == '#' || !line[0])
        continue;
      else if (!strncmp (line, "all kernels:", 12))
        {
          /* drop the wall time at the end ("..., 72s wall") */
          char *w = strstr (line, "), ");
          if (w) w[1] = 0;
          snprintf (buf, sizeof buf, "%s", line);
        }
      else if (sscanf (line, "%127s %159s %31s %15s", name, file, goals, status) == 4)
        snprintf (buf, sizeof buf, "%s (%s): %s goals proved%s", name, file, goals,
                  strcmp (status, "ok") ? " (NOT all)" : "");
      else
        snprintf (buf, sizeof buf, "%s", line);
      char **t = realloc (lines, sizeof (char *) * (size_t) (n + 1));
      if (!t) break;
      lines = t;
      lines[n++] = strdup (buf);
    }
  if (fp) fclose (fp);
  *out = lines;
  return n;
}

static void free_lines (char **l, int n) { for (int i = 0; i < n; i++) free (l[i]); free (l); }

/* 1 when claim i is in the report (all claims, or only meta->only). */
static int listed (const ic_claimfile *cf, const ic_report_meta *meta, int i)
{
  return !meta->only || !strcmp (meta->only, cf->claim[i].id);
}

static int count_listed (const ic_claimfile *cf, const ic_report_meta *meta)
{
  int n = 0;
  for (int i = 0; i < cf->nclaim; i++) n += listed (cf, meta, i);
  return n;
}

static int count_status (const ic_claimfile *cf, const ic_report_meta *meta, ic_claim_status s)
{
  int n = 0;
  for (int i = 0; i < cf->nclaim; i++) n += listed (cf, meta, i) && cf->claim[i].status == s;
  return n;
}

static int count_mismatch (const ic_claimfile *cf, const ic_report_meta *meta)
{
  int n = 0;
  for (int i = 0; i < cf->nclaim; i++) n += listed (cf, meta, i) && ic_claim_mismatch (&cf->claim[i]);
  return n;
}

/* ---- JSON ------------------------------------------------------------------ */

static void json_kv (ic_buf *b, const ic_kv *kv, int n)
{
  ic_buf_puts (b, "[");
  for (int i = 0; i < n; i++)
    {
      ic_buf_puts (b, i ? ", [" : "[");
      ic_buf_json_str (b, kv[i].key);
      ic_buf_puts (b, ", ");
      ic_buf_json_str (b, kv[i].val);
      ic_buf_puts (b, "]");
    }
  ic_buf_puts (b, "]");
}

/* A plot number: NaN is null, infinities are the strings "inf"/"-inf". */
static int json_special (ic_buf *b, double v)
{
  if (v != v) { ic_buf_puts (b, "null"); return 1; }
  if (isinf (v)) { ic_buf_puts (b, v > 0 ? "\"inf\"" : "\"-inf\""); return 1; }
  return 0;
}

/* An approximate number: the shortest round-trip form is not needed, 17
 * significant digits (round to nearest) give back the same double. */
static void json_num_approx (ic_buf *b, double v)
{
  if (!json_special (b, v)) ic_buf_printf (b, "%.17g", v);
}

/* A number of a certified series, printed by ic_fr_to_decimal: rnd MPFR_RNDD
 * for a lower end (the printed decimal is <= v), MPFR_RNDU for an upper
 * end (>= v), MPFR_RNDN with enough digits to be exact for an x (a double
 * has at most 767 significant decimal digits).  v itself was rounded
 * outward when it was computed (src/claims/), so the printed ends still
 * enclose the true value. */
static void json_num_dir (ic_buf *b, double v, long digits, mpfr_rnd_t rnd)
{
  if (json_special (b, v)) return;
  mpfr_t t; mpfr_init2 (t, 53);
  mpfr_set_d (t, v, MPFR_RNDN);                  /* exact: 53 bits */
  char *d = ic_fr_to_decimal (t, digits, rnd);
  ic_buf_puts (b, d);
  free (d);
  mpfr_clear (t);
}

/* One plot series: {"name", "certified", ["note",] "x", "lo", "hi"}.  A
 * certified series has exact x and outward [lo, hi] (17 digits, lo down,
 * hi up); an approximate one has 17-digit values and a note.  x of an
 * hband and lo/hi of a vline carry nothing: null. */
static void json_series (ic_buf *b, const ic_plot_series *s)
{
  ic_buf_puts (b, "{\"name\": ");
  ic_buf_json_str (b, s->name);
  ic_buf_printf (b, ", \"certified\": %s", s->certified ? "true" : "false");
  if (!s->certified)
    {
      ic_buf_puts (b, ", \"note\": ");
      ic_buf_json_str (b, s->note ? s->note : "approximate, for plotting");
    }
  for (int part = 0; part < 3; part++)
    {
      const double *v = part == 0 ? s->x : part == 1 ? s->ylo : s->yhi;
      ic_buf_puts (b, part == 0 ? ", \"x\": " : part == 1 ? ", \"lo\": " : ", \"hi\": ");
      if ((part == 0 && s->style == IC_PLOT_HBAND) || (part > 0 && s->style == IC_PLOT_VLINE))
        { ic_buf_puts (b, "null"); continue; }
      ic_buf_puts (b, "[");
      for (int q = 0; q < s->n; q++)
        {
          if (q) ic_buf_puts (b, ",");
          if (!s->certified) json_num_approx (b, v[q]);
          else if (part == 0) json_num_dir (b, v[q], 800, MPFR_RNDN);
          else json_num_dir (b, v[q], 17, part == 1 ? MPFR_RNDD : MPFR_RNDU);
        }
      ic_buf_puts (b, "]");
    }
  ic_buf_puts (b, "}");
}

char *ic_report_json (const ic_claimfile *cf, const ic_report_meta *meta)
{
  ic_buf b; ic_buf_init (&b);
  ic_buf_puts (&b, "{\n  \"infcert\": ");
  ic_buf_json_str (&b, INFCERT_VERSION);
  ic_buf_puts (&b, ",\n  \"gmp\": ");
  ic_buf_json_str (&b, gmp_version);
  ic_buf_puts (&b, ",\n  \"mpfr\": ");
  ic_buf_json_str (&b, mpfr_get_version ());
  ic_buf_puts (&b, ",\n  \"source\": ");
  ic_buf_json_str (&b, meta->source);
  ic_buf_puts (&b, ",\n  \"command\": ");
  ic_buf_json_str (&b, meta->command);
  ic_buf_printf (&b, ",\n  \"summary\": {\"claims\": %d, \"proved\": %d, \"refuted\": %d, \"undecided\": %d, \"expect_mismatches\": %d},\n",
                 count_listed (cf, meta), count_status (cf, meta, IC_ST_PROVED), count_status (cf, meta, IC_ST_REFUTED), count_status (cf, meta, IC_ST_UNDECIDED),
                 count_mismatch (cf, meta));
  char **pl; int np = proof_lines (meta->proofs, &pl);
  ic_buf_puts (&b, "  \"kernel_proofs\": [");
  for (int i = 0; i < np; i++) { if (i) ic_buf_puts (&b, ", "); ic_buf_json_str (&b, pl[i]); }
  ic_buf_puts (&b, "],\n  \"claims\": [\n");
  free_lines (pl, np);
  int left = count_listed (cf, meta);     /* claims still to write */
  for (int i = 0; i < cf->nclaim; i++)
    {
      if (!listed (cf, meta, i)) continue;
      const ic_claim *c = &cf->claim[i];
      ic_buf_puts (&b, "    {\"id\": ");
      ic_buf_json_str (&b, c->id);
      ic_buf_printf (&b, ", \"item\": %d, \"statement\": ", c->item);
      ic_buf_json_str (&b, c->statement);
      ic_buf_puts (&b, ", \"status\": ");
      ic_buf_json_str (&b, ic_claim_status_name (c->status));
      ic_buf_puts (&b, ", \"expected\": ");
      if (c->expect) ic_buf_json_str (&b, c->expect); else ic_buf_puts (&b, "null");
      ic_buf_printf (&b, ", \"expect_mismatch\": %s", ic_claim_mismatch (c) ? "true" : "false");
      ic_buf_puts (&b, ", \"note\": ");
      if (c->note) ic_buf_json_str (&b, c->note); else ic_buf_puts (&b, "null");
      ic_buf_puts (&b, ",\n     \"checks\": [\n");
      for (int j = 0; j < c->ncheck; j++)
        {
          const ic_check_entry *ce = &c->check[j];
          const ic_check_result *r = &ce->r;
          ic_buf_puts (&b, "       {\"check\": ");
          ic_buf_json_str (&b, ce->text);
          ic_buf_printf (&b, ", \"line\": %d, \"status\": ", ce->line);
          ic_buf_json_str (&b, ic_claim_status_name (r->status));
          ic_buf_puts (&b, ", \"certificate\": ");
          ic_buf_json_str (&b, r->how ? r->how : "");
          ic_buf_puts (&b, ", \"numbers\": ");
          json_kv (&b, r->kv, r->nkv);
          if (r->witness)
            {
              ic_buf_puts (&b, ",\n        \"counterexample\": {\"witness\": ");
              ic_buf_json_str (&b, r->witness);
              ic_buf_puts (&b, ", \"certificate\": ");
              ic_buf_json_str (&b, r->witness_how ? r->witness_how : "");
              ic_buf_puts (&b, ", \"numbers\": ");
              json_kv (&b, r->wkv, r->nwkv);
              ic_buf_puts (&b, "}");
            }
          ic_buf_puts (&b, ",\n        \"plots\": [");
          for (int k = 0; k < r->nplot; k++)
            {
              const ic_plot *p = &r->plot[k];
              ic_buf_puts (&b, k ? ", {\"title\": " : "{\"title\": ");
              ic_buf_json_str (&b, p->title);
              ic_buf_puts (&b, ", \"xlabel\": ");
              ic_buf_json_str (&b, p->xlabel);
              ic_buf_puts (&b, ", \"ylabel\": ");
              ic_buf_json_str (&b, p->ylabel);
              if (p->note)
                {
                  ic_buf_puts (&b, ", \"note\": ");
                  ic_buf_json_str (&b, p->note);
                }
              ic_buf_puts (&b, ", \"series\": [");
              for (int s = 0; s < p->nseries; s++)
                {
                  if (s) ic_buf_puts (&b, ", ");
                  json_series (&b, &p->s[s]);
                }
              ic_buf_puts (&b, "]}");
            }
          ic_buf_printf (&b, "]}%s\n", j + 1 < c->ncheck ? "," : "");
        }
      ic_buf_printf (&b, "     ]}%s\n", --left > 0 ? "," : "");
    }
  ic_buf_puts (&b, "  ]\n}\n");
  return ic_buf_take (&b);
}

/* ---- Markdown --------------------------------------------------------------- */

static void md_cell (ic_buf *b, const char *s)
{
  for (; *s; s++)
    {
      if (*s == '|') ic_buf_puts (b, "\\|");
      else if (*s == '\n') ic_buf_puts (b, " ");
      else ic_buf_putn (b, s, 1);
    }
}

char *ic_report_md (const ic_claimfile *cf, const ic_report_meta *meta)
{
  ic_buf b; ic_buf_init (&b);
  ic_buf_printf (&b, "# infcert report\n\nSource: %s  \nReproduce with: `%s`  \n", meta->source, meta->command);
  ic_buf_printf (&b, "Versions: infcert %s, GMP %s, MPFR %s\n\n", INFCERT_VERSION, gmp_version, mpfr_get_version ());
  ic_buf_printf (&b, "%d claims: %d proved, %d refuted, %d undecided", count_listed (cf, meta),
                 count_status (cf, meta, IC_ST_PROVED), count_status (cf, meta, IC_ST_REFUTED), count_status (cf, meta, IC_ST_UNDECIDED));
  int nmis = count_mismatch (cf, meta);
  if (nmis) ic_buf_printf (&b, "; %d differ%s from the expected status", nmis, nmis > 1 ? "" : "s");
  ic_buf_puts (&b, ".\n\n");
  ic_buf_puts (&b, "| id | item | status | expected |\n|---|---|---|---|\n");
  for (int i = 0; i < cf->nclaim; i++)
    {
      if (!listed (cf, meta, i)) continue;
      const ic_claim *c = &cf->claim[i];
      ic_buf_printf (&b, "| %s | %d | **%s** | %s%s |\n", c->id, c->item, ic_claim_status_name (c->status), c->expect ? c->expect : "-",
                     ic_claim_mismatch (c) ? " (MISMATCH)" : "");
    }
  for (int i = 0; i < cf->nclaim; i++)
    {
      if (!listed (cf, meta, i)) continue;
      const ic_claim *c = &cf->claim[i];
      ic_buf_printf (&b, "\n## %s — %s\n\n", c->id, ic_claim_status_name (c->status));
      ic_buf_printf (&b, "%s\n\n", c->statement);
      if (c->note) ic_buf_printf (&b, "_Note:_ %s\n\n", c->note);
      for (int j = 0; j < c->ncheck; j++)
        {
          const ic_check_entry *ce = &c->check[j];
          const ic_check_result *r = &ce->r;
          ic_buf_printf (&b, "### Check `%s` — %s\n\n%s\n\n", ce->text, ic_claim_status_name (r->status), r->how ? r->how : "");
          if (r->nkv)
            {
              ic_buf_puts (&b, "| quantity | value |\n|---|---|\n");
              for (int k = 0; k < r->nkv; k++)
                {
                  ic_buf_puts (&b, "| "); md_cell (&b, r->kv[k].key);
                  ic_buf_puts (&b, " | "); md_cell (&b, r->kv[k].val);
                  ic_buf_puts (&b, " |\n");
                }
              ic_buf_puts (&b, "\n");
            }
          if (r->witness)
            {
              ic_buf_printf (&b, "**Counterexample:** %s\n\n", r->witness);
              if (r->witness_how) ic_buf_printf (&b, "Its certificate: %s\n\n", r->witness_how);
              for (int k = 0; k < r->nwkv; k++)
                {
                  ic_buf_puts (&b, "- "); md_cell (&b, r->wkv[k].key);
                  ic_buf_puts (&b, ": "); md_cell (&b, r->wkv[k].val);
                  ic_buf_puts (&b, "\n");
                }
              if (r->nwkv) ic_buf_puts (&b, "\n");
            }
          if (r->nplot) ic_buf_printf (&b, "(%d plot%s in index.html)\n\n", r->nplot, r->nplot > 1 ? "s" : "");
        }
    }
  char **pl; int np = proof_lines (meta->proofs, &pl);
  ic_buf_puts (&b, "\n## Verified kernels\n\n");
  if (!np) ic_buf_puts (&b, "No proof results found in proofs/ (run `make verify`).\n");
  for (int i = 0; i < np; i++) ic_buf_printf (&b, "- %s\n", pl[i]);
  free_lines (pl, np);
  return ic_buf_take (&b);
}

/* ---- HTML ------------------------------------------------------------------- */

static const char *css =
  "body{font-family:sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.4}"
  "table{border-collapse:collapse;margin:0.5em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}"
  "th{background:#f3f3f3}.proved{color:#1d7a33;font-weight:bold}.refuted{color:#b3261e;font-weight:bold}"
  ".undecided{color:#8a6d00;font-weight:bold}code{background:#f5f5f5;padding:1px 3px}"
  ".claim{border-top:2px solid #ddd;margin-top:1.5em}.witness{background:#fff4f2;border-left:4px solid #b3261e;padding:0.4em 0.8em}"
  ".plots{display:flex;flex-wrap:wrap;align-items:flex-start}.plots figure{margin:0.3em 0.8em 0.6em 0;width:520px}"
  ".plots svg{border:1px solid #ddd}.plots figcaption{font-size:0.85em;color:#444}.kv td:first-child{color:#555}";

char *ic_report_html (const ic_claimfile *cf, const ic_report_meta *meta)
{
  ic_buf b; ic_buf_init (&b);
  ic_buf_printf (&b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                 "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">"
                 "<title>infcert report</title><style>%s</style></head><body>\n", css);
  ic_buf_puts (&b, "<h1>infcert report</h1>\n<p>Source: ");
  ic_buf_html (&b, meta->source);
  ic_buf_puts (&b, "<br>Reproduce with: <code>");
  ic_buf_html (&b, meta->command);
  ic_buf_printf (&b, "</code><br>Versions: infcert %s, GMP %s, MPFR %s</p>\n", INFCERT_VERSION, gmp_version, mpfr_get_version ());
  int nmis = count_mismatch (cf, meta);
  ic_buf_printf (&b, "<p id=\"summary\">%d claims: %d proved, %d refuted, %d undecided%s. A status is printed only when it follows from exact rational arithmetic, outward-rounded interval arithmetic, exact emulation of a floating-point format, or a certified verdict of the series engine.</p>\n",
                 count_listed (cf, meta), count_status (cf, meta, IC_ST_PROVED), count_status (cf, meta, IC_ST_REFUTED), count_status (cf, meta, IC_ST_UNDECIDED),
                 nmis ? "; some statuses differ from the expected ones (MISMATCH below)" : "");
  ic_buf_puts (&b, "<table id=\"claims\"><thead><tr><th>id</th><th>item</th><th>claim</th><th>status</th><th>expected</th></tr></thead><tbody>\n");
  for (int i = 0; i < cf->nclaim; i++)
    {
      if (!listed (cf, meta, i)) continue;
      const ic_claim *c = &cf->claim[i];
      const char *st = ic_claim_status_name (c->status);
      ic_buf_puts (&b, "<tr><td><a href=\"#");
      ic_buf_html (&b, c->id);
      ic_buf_puts (&b, "\">");
      ic_buf_html (&b, c->id);
      ic_buf_printf (&b, "</a></td><td>%d</td><td>", c->item);
      ic_buf_html (&b, c->statement);
      ic_buf_printf (&b, "</td><td class=\"%s\">%s</td><td>", st, st);
      ic_buf_html (&b, c->expect ? c->expect : "-");
      if (ic_claim_mismatch (c)) ic_buf_puts (&b, " <strong class=\"refuted\">MISMATCH</strong>");
      ic_buf_puts (&b, "</td></tr>\n");
    }
  ic_buf_puts (&b, "</tbody></table>\n");
  for (int i = 0; i < cf->nclaim; i++)
    {
      if (!listed (cf, meta, i)) continue;
      const ic_claim *c = &cf->claim[i];
      const char *st = ic_claim_status_name (c->status);
      ic_buf_puts (&b, "<section class=\"claim\" id=\"");
      ic_buf_html (&b, c->id);
      ic_buf_puts (&b, "\"><h2>");
      ic_buf_html (&b, c->id);
      ic_buf_printf (&b, " &mdash; <span class=\"%s\">%s</span></h2>\n<p>", st, st);
      ic_buf_html (&b, c->statement);
      ic_buf_puts (&b, "</p>\n");
      if (c->note) { ic_buf_puts (&b, "<p><em>Note:</em> "); ic_buf_html (&b, c->note); ic_buf_puts (&b, "</p>\n"); }
      for (int j = 0; j < c->ncheck; j++)
        {
          const ic_check_entry *ce = &c->check[j];
          const ic_check_result *r = &ce->r;
          const char *cs = ic_claim_status_name (r->status);
          ic_buf_puts (&b, "<h3>Check <code>");
          ic_buf_html (&b, ce->text);
          ic_buf_printf (&b, "</code> &mdash; <span class=\"%s\">%s</span></h3>\n<p>", cs, cs);
          ic_buf_html (&b, r->how ? r->how : "");
          ic_buf_puts (&b, "</p>\n");
          if (r->nkv)
            {
              ic_buf_puts (&b, "<table class=\"kv\">");
              for (int k = 0; k < r->nkv; k++)
                {
                  ic_buf_puts (&b, "<tr><td>"); ic_buf_html (&b, r->kv[k].key);
                  ic_buf_puts (&b, "</td><td>"); ic_buf_html (&b, r->kv[k].val);
                  ic_buf_puts (&b, "</td></tr>");
                }
              ic_buf_puts (&b, "</table>\n");
            }
          if (r->witness)
            {
              ic_buf_puts (&b, "<div class=\"witness\"><p><strong>Counterexample:</strong> ");
              ic_buf_html (&b, r->witness);
              ic_buf_puts (&b, "</p>");
              if (r->witness_how) { ic_buf_puts (&b, "<p>Its certificate: "); ic_buf_html (&b, r->witness_how); ic_buf_puts (&b, "</p>"); }
              if (r->nwkv)
                {
                  ic_buf_puts (&b, "<table class=\"kv\">");
                  for (int k = 0; k < r->nwkv; k++)
                    {
                      ic_buf_puts (&b, "<tr><td>"); ic_buf_html (&b, r->wkv[k].key);
                      ic_buf_puts (&b, "</td><td>"); ic_buf_html (&b, r->wkv[k].val);
                      ic_buf_puts (&b, "</td></tr>");
                    }
                  ic_buf_puts (&b, "</table>");
                }
              ic_buf_puts (&b, "</div>\n");
            }
          if (r->nplot)
            {
              ic_buf_puts (&b, "<div class=\"plots\">");
              for (int k = 0; k < r->nplot; k++)
                {
                  char *svg = ic_svg_plot (&r->plot[k], 520, 300);
                  ic_buf_puts (&b, "<figure>");
                  ic_buf_puts (&b, svg);
                  if (r->plot[k].note)
                    {
                      ic_buf_puts (&b, "<figcaption>");
                      ic_buf_html (&b, r->plot[k].note);
                      ic_buf_puts (&b, "</figcaption>");
                    }
                  ic_buf_puts (&b, "</figure>");
                  free (svg);
                }
              ic_buf_puts (&b, "</div>\n");
            }
        }
      ic_buf_puts (&b, "</section>\n");
    }
  char **pl; int np = proof_lines (meta->proofs, &pl);
  ic_buf_puts (&b, "<section class=\"claim\" id=\"kernels\"><h2>Verified kernels</h2>\n");
  if (!np) ic_buf_puts (&b, "<p>No proof results found in proofs/ (run <code>make verify</code>).</p>\n");
  else
    {
      ic_buf_puts (&b, "<ul>");
      for (int i = 0; i < np; i++) { ic_buf_puts (&b, "<li>"); ic_buf_html (&b, pl[i]); ic_buf_puts (&b, "</li>"); }
      ic_buf_puts (&b, "</ul>\n");
    }
  free_lines (pl, np);
  ic_buf_puts (&b, "</section>\n</body></html>\n");
  return ic_buf_take (&b);
}

/* ---- writing the set --------------------------------------------------------
 *
 * The three files are replaced as one set by swapping folders: they are
 * written (and fsync'ed) into a fresh temporary folder PARENT/.BASE.tmp.PID.XXXXXX
 * beside DIR (same file system), which then trades places with DIR in one
 * renameat2(RENAME_EXCHANGE) call; the old folder, now under the temporary
 * name, is removed.  Guarantee: at every instant DIR is either the old
 * folder or the new one, each complete, so a run killed at any point
 * leaves the complete old set or the complete new set, never a mix (and a
 * power loss after the exchange was made durable, the same).  A killed run
 * can leave its temporary folder beside DIR; the next run removes those
 * whose process is gone.  Because DIR is replaced whole, it may hold only
 * the three report files (checked before any claim is checked), and its
 * parent folder must be writable.  */

static const char *const report_names[3] = { "report.md", "report.json", "index.html" };

/* mkdir of one prefix: 0 when it is (now) a folder, else errno. */
static int mkdir_one (const char *path)
{
  if (mkdir (path, 0777) == 0) return 0;
  int e = errno;
  struct stat st;
  if (stat (path, &st) == 0)
    return S_ISDIR (st.st_mode) ? 0 : ENOTDIR;
  return e;
}

static char *cat3 (const char *a, const char *b, const char *c)
{
  size_t la = strlen (a), lb = strlen (b), lc = strlen (c);
  char *s = malloc (la + lb + lc + 1);
  if (!s) return NULL;
  memcpy (s, a, la); memcpy (s + la, b, lb); memcpy (s + la + lb, c, lc + 1);
  return s;
}

/* Removes a temporary folder of ours: its plain files, then itself.
 * Returns 0 or -1 (errno). */
static int remove_tmp_dir (const char *path)
{
  DIR *d = opendir (path);
  if (!d) return -1;
  struct dirent *e;
  int rc = 0;
  while ((e = readdir (d)) != NULL)
    {
      if (!strcmp (e->d_name, ".") || !strcmp (e->d_name, "..")) continue;
      char *f = cat3 (path, "/", e->d_name);
      if (!f || unlink (f) != 0) rc = -1;
      free (f);
    }
  closedir (d);
  if (rmdir (path) != 0) rc = -1;
  return rc;
}

/* "PARENT/.BASE.tmp." for the real path of DIR (malloc'd; NULL with errno
 * on failure), parent and base split off real. */
static char *tmp_prefix (const char *real, char **parent, const char **base)
{
  const char *sl = strrchr (real, '/');
  if (!sl || !sl[1]) { errno = EINVAL; return NULL; }   /* "/" cannot be swapped */
  size_t pl = (size_t) (sl - real);
  *parent = malloc (pl + 2);
  if (!*parent) return NULL;
  if (pl == 0) strcpy (*parent, "/");
  else { memcpy (*parent, real, pl); (*parent)[pl] = 0; }
  *base = sl + 1;
  char *pre = malloc (strlen (*parent) + strlen (*base) + 8);
  if (!pre) { free (*parent); *parent = NULL; return NULL; }
  sprintf (pre, "%s/.%s.tmp.", pl ? *parent : "", *base);
  return pre;
}

/* Removes the temporary folders that killed runs left beside DIR
 * (PARENT/.BASE.tmp.PID.XXXXXX whose process PID is gone). */
static void remove_stale (const char *parent, const char *base)
{
  DIR *d = opendir (parent);
  if (!d) return;
  size_t bl = strlen (base);
  struct dirent *e;
  while ((e = readdir (d)) != NULL)
    {
      const char *n = e->d_name;
      if (n[0] != '.' || strncmp (n + 1, base, bl) || strncmp (n + 1 + bl, ".tmp.", 5)) continue;
      char *end;
      long pid = strtol (n + bl + 6, &end, 10);
      if (end == n + bl + 6 || *end != '.' || strlen (end + 1) != 6 || pid <= 0) continue;
      if (pid == (long) getpid () || kill ((pid_t) pid, 0) == 0 || errno != ESRCH) continue;
      char *f = cat3 (parent, "/", n);
      if (f) remove_tmp_dir (f);
      free (f);
    }
  closedir (d);
}

/* Checks that DIR (an existing folder) can be replaced as a set: it holds
 * nothing but report files, its parent is writable, and the file system
 * can exchange two folders (probed with two empty temporary folders).
 * Returns 0, or an errno with *what naming the part that failed. */
static int check_swappable (const char *dir, char **what)
{
  *what = NULL;
  DIR *d = opendir (dir);
  if (!d) return errno;
  struct dirent *e;
  while ((e = readdir (d)) != NULL)
    {
      const char *n = e->d_name;
      if (!strcmp (n, ".") || !strcmp (n, "..")) continue;
      if (strcmp (n, report_names[0]) && strcmp (n, report_names[1]) && strcmp (n, report_names[2]))
        {
          *what = cat3 ("it holds \"", n, "\", which is not a report file (the folder is replaced as a whole, so it may hold only report.md, report.json and index.html)");
          closedir (d);
          return EEXIST;
        }
    }
  closedir (d);
  char *real = realpath (dir, NULL);
  if (!real) return errno;
  char *parent = NULL; const char *base;
  char *pre = tmp_prefix (real, &parent, &base);
  if (!pre) { int e2 = errno; free (real); *what = strdup ("it is the root folder (the report set is replaced by swapping folders)"); return e2; }
  int rc = 0;
  if (access (parent, W_OK | X_OK) != 0)
    {
      rc = errno;
      *what = cat3 ("its parent folder ", parent, " (the report set is replaced by swapping folders in it)");
    }
  else
    {
      remove_stale (parent, base);
      char pid[32]; snprintf (pid, sizeof pid, "%ld.XXXXXX", (long) getpid ());
      char *a = cat3 (pre, pid, ""), *b = cat3 (pre, pid, "");
      if (!a || !b || !mkdtemp (a)) rc = errno ? errno : ENOMEM;
      else if (!mkdtemp (b)) { rc = errno; rmdir (a); }
      else
        {
          /* a file system without RENAME_EXCHANGE is not refused: the
           * writer then uses two renames (see swap_in) */
          rmdir (a); rmdir (b);
        }
      free (a); free (b);
    }
  free (pre); free (parent); free (real);
  return rc;
}

int ic_report_prepare_dir (const char *dir, char *err, size_t errlen)
{
  if (!dir[0]) { snprintf (err, errlen, "the output folder name is empty"); return -1; }
  size_t n = strlen (dir);
  char *p = malloc (n + 1);
  if (!p) { snprintf (err, errlen, "out of memory"); return -1; }
  memcpy (p, dir, n + 1);
  int e = 0;
  /* each proper prefix ending before a '/', then the whole path */
  for (size_t i = 1; i <= n && !e; i++)
    {
      if (i < n && p[i] != '/') continue;
      if (i < n && p[i - 1] == '/') continue;     /* "a//b" */
      char c = p[i];
      p[i] = 0;
      e = mkdir_one (p);
      if (e) break;
      p[i] = c;
    }
  if (!e && access (dir, W_OK | X_OK) != 0) { e = errno; memcpy (p, dir, n + 1); }
  char *what = NULL;
  if (!e && (e = check_swappable (dir, &what)) != 0 && what)
    {
      snprintf (err, errlen, "cannot use the output folder %s: %s%s%s", dir, what,
                e == EEXIST ? "" : ": ", e == EEXIST ? "" : strerror (e));
      free (what); free (p);
      return -1;
    }
  if (e && strcmp (p, dir))
    snprintf (err, errlen, "cannot use the output folder %s: %s: %s", dir, p, strerror (e));
  else if (e)
    snprintf (err, errlen, "cannot use the output folder %s: %s", dir, strerror (e));
  free (p);
  return e ? -1 : 0;
}

/* Writes data to name in the folder fd (new file, mode 0644), fsync'ed. */
static int write_in (int dfd, const char *name, const char *data)
{
  int fd = openat (dfd, name, O_WRONLY | O_CREAT | O_EXCL, 0644);
  if (fd < 0) return -1;
  size_t len = strlen (data), off = 0;
  while (off < len)
    {
      ssize_t w = write (fd, data + off, len - off);
      if (w < 0) { if (errno == EINTR) continue; int e = errno; close (fd); errno = e; return -1; }
      off += (size_t) w;
    }
  if (fchmod (fd, 0644) != 0 || fsync (fd) != 0) { int e = errno; close (fd); errno = e; return -1; }
  return close (fd);
}

int ic_report_write (const ic_claimfile *cf, const ic_report_meta *meta,
                     const char *dir, char *err, size_t errlen)
{
  if (ic_report_prepare_dir (dir, err, errlen) != 0) return -1;
  char *doc[3] = { ic_report_md (cf, meta), ic_report_json (cf, meta), ic_report_html (cf, meta) };
  char *real = realpath (dir, NULL), *parent = NULL, *pre = NULL, *tmp = NULL;
  const char *base = NULL, *step = "";
  int rc = -1, dfd = -1, pfd = -1;
  struct stat st;
  if (!real || !(pre = tmp_prefix (real, &parent, &base))) { step = dir; goto out; }
  char pid[32]; snprintf (pid, sizeof pid, "%ld.XXXXXX", (long) getpid ());
  if (!(tmp = cat3 (pre, pid, "")) || !mkdtemp (tmp)) { step = "a temporary folder beside it"; free (tmp); tmp = NULL; goto out; }
  step = tmp;
  if ((dfd = open (tmp, O_RDONLY | O_DIRECTORY)) < 0) goto out;
  for (int i = 0; i < 3; i++)
    if (write_in (dfd, report_names[i], doc[i]) != 0) { step = report_names[i]; goto out; }
  /* the new folder gets the old one's permissions (mkdtemp made it 0700) */
  if (stat (real, &st) != 0 || fchmod (dfd, st.st_mode & 07777) != 0 || fsync (dfd) != 0) goto out;
  /* the one step that replaces the set */
  step = dir;
  if (renameat2 (AT_FDCWD, tmp, AT_FDCWD, real, RENAME_EXCHANGE) != 0)
    {
      if (errno != EINVAL && errno != ENOSYS && errno != EOPNOTSUPP) goto out;
      /* no RENAME_EXCHANGE on this file system: the old folder moves
       * aside whole, then the new one into place.  Between the two
       * renames DIR is briefly absent and the old set lies complete
       * beside it; it is never a mix of the two sets. */
      char *old = cat3 (pre, pid, ".old");
      if (!old) goto out;
      if (rename (real, old) != 0) { free (old); goto out; }
      if (rename (tmp, real) != 0)
        {
          int e = errno;
          rename (old, real);                         /* put the old set back */
          free (old);
          errno = e;
          goto out;
        }
      free (tmp);
      tmp = old;                                     /* removed below */
    }
  if ((pfd = open (parent, O_RDONLY | O_DIRECTORY)) >= 0) fsync (pfd);   /* durable exchange */
  rc = 0;
out:
  if (rc != 0)
    {
      int e = errno;
      snprintf (err, errlen, "writing the report into %s: %s: %s", dir, step, strerror (e));
    }
  if (dfd >= 0) close (dfd);
  if (pfd >= 0) close (pfd);
  /* the temporary folder holds the old set after the exchange, or the
   * unfinished new one after a failure: either way it goes */
  if (tmp) remove_tmp_dir (tmp);
  free (tmp); free (pre); free (parent); free (real);
  for (int i = 0; i < 3; i++) free (doc[i]);
  return rc;
}
