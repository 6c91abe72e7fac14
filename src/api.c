/* api.c — the one-call interface for other languages (Python's ctypes, any
 * FFI): a term and a few scalars in, the JSON document of the CLI's --json
 * out.  No struct crosses the boundary, so a binding needs no knowledge of
 * ic_options' or ic_result's layout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "infcert.h"
#include "buf.h"
#include "term.h"
#include "claims.h"
#include "report.h"

const char *ic_version (void) { return INFCERT_VERSION; }

void ic_free (void *p) { free (p); }

const char *ic_status_name (ic_status st)
{
  switch (st)
    {
    case IC_OK: return "ok";
    case IC_EPARSE: return "parse";
    case IC_EDOMAIN: return "domain";
    case IC_EUSAGE: return "usage";
    case IC_ELIMIT: return "limit";
    case IC_ETIMEOUT: return "timeout";
    default: return "internal";
    }
}

void ic_json_error_object (ic_buf *b, const char *kind, const char *msg, const char *hint, int column,
                           const char *n)
{
  ic_buf_puts (b, "{\"kind\": ");
  ic_buf_json_str (b, kind);
  ic_buf_puts (b, ", \"message\": ");
  /* a parse error's message ends with its hint in parentheses: apart */
  const char *h = column > 0 && (!hint || !hint[0]) ? ic_term_error_hint (msg) : NULL;
  if (h && h >= msg + 2)
    {
      char *main_part = strndup (msg, (size_t) (h - 2 - msg));
      char *hint_part = strndup (h, strlen (h) - 1);
      ic_buf_json_str (b, main_part ? main_part : msg);
      if (hint_part) { ic_buf_puts (b, ", \"hint\": "); ic_buf_json_str (b, hint_part); }
      free (main_part); free (hint_part);
    }
  else
    {
      ic_buf_json_str (b, msg);
      if (hint && hint[0]) { ic_buf_puts (b, ", \"hint\": "); ic_buf_json_str (b, hint); }
    }
  if (column > 0) ic_buf_printf (b, ", \"column\": %d", column);
  if (n && n[0]) { ic_buf_puts (b, ", \"n\": "); ic_buf_json_str (b, n); }
  ic_buf_puts (b, "}");
}

char *ic_error_to_json (const ic_error *err)
{
  ic_buf b;
  ic_buf_init (&b);
  ic_buf_puts (&b, "{\"error\": ");
  ic_json_error_object (&b, ic_status_name (err->code), err->msg[0] ? err->msg : "internal error", NULL,
                        err->code == IC_EPARSE ? (err->column > 0 ? err->column : 1) : 0, err->n);
  ic_buf_puts (&b, "}");
  return ic_buf_take (&b);
}

/* The document for an error, or for out of memory when even that fails. */
static ic_status give_error (char **json, const ic_error *err)
{
  *json = ic_error_to_json (err);
  return err->code;
}

ic_status ic_certify_json (const char *kind, const char *term, unsigned long from, long digits,
                           double timeout, size_t max_memory, char **json)
{
  ic_error err;
  memset (&err, 0, sizeof err);
  *json = NULL;
  ic_kind k;
  if (kind && !strcmp (kind, "sum")) k = IC_KIND_SUM;
  else if (kind && !strcmp (kind, "prod")) k = IC_KIND_PROD;
  else
    {
      err.code = IC_EUSAGE;
      snprintf (err.msg, sizeof err.msg, "kind must be \"sum\" or \"prod\"");
      return give_error (json, &err);
    }
  if (!term)
    {
      err.code = IC_EUSAGE;
      snprintf (err.msg, sizeof err.msg, "no term given");
      return give_error (json, &err);
    }
  ic_options opt;
  ic_options_default (&opt);
  opt.from = from;
  if (digits > 0) opt.digits = digits;
  else if (digits < 0)
    {
      err.code = IC_EUSAGE;
      snprintf (err.msg, sizeof err.msg, "digits must be between 1 and 100000");
      return give_error (json, &err);
    }
  if (!(timeout >= 0))
    {
      err.code = IC_EUSAGE;
      snprintf (err.msg, sizeof err.msg, "timeout must be a number of seconds >= 0");
      return give_error (json, &err);
    }
  opt.timeout = timeout;
  if (max_memory) opt.max_memory = max_memory;
  ic_oom_take ();
  ic_node *e = ic_term_parse (term, &err);
  if (!e) return give_error (json, &err);
  ic_result r;
  ic_result_init (&r);
  ic_status st = ic_certify (&r, k, e, &opt, &err);
  if (st == IC_OK) *json = ic_result_to_json (&r, term);
  ic_result_clear (&r);
  ic_node_free (e);
  if (st == IC_OK && (!*json || ic_oom_take ()))
    {
      free (*json);
      err.code = st = IC_EINTERNAL;
      snprintf (err.msg, sizeof err.msg, "out of memory");
    }
  if (st != IC_OK) return give_error (json, &err);
  return IC_OK;
}

ic_status ic_claims_json (const char *path, const char *only, char **json)
{
  ic_error err;
  memset (&err, 0, sizeof err);
  *json = NULL;
  if (!path)
    {
      err.code = IC_EUSAGE;
      snprintf (err.msg, sizeof err.msg, "no claim file given");
      return give_error (json, &err);
    }
  ic_claimfile cf;
  char msg[1200];
  int rc = ic_claims_read (&cf, path, msg, sizeof msg);
  if (rc == 0)
    {
      if (only)
        {
          int found = 0;
          for (int i = 0; i < cf.nclaim; i++) found |= !strcmp (cf.claim[i].id, only);
          if (!found) { rc = -1; snprintf (msg, sizeof msg, "no claim with id %s", only); }
        }
      if (rc == 0)
        {
          ic_claims_options co = { NULL, NULL, only };
          int n = ic_claims_check (&cf, &co, msg, sizeof msg);
          rc = n >= 0 ? 0 : n;
        }
      if (rc == 0)
        {
          /* the command line that reproduces the document */
          ic_buf cmd;
          ic_buf_init (&cmd);
          ic_buf_printf (&cmd, "infcert claims --json%s%s %s", only ? " --only=" : "", only ? only : "", path);
          ic_report_meta meta = { path, cmd.s, only, NULL };
          *json = ic_report_json (&cf, &meta);
          ic_buf_free (&cmd);
          if (!*json || ic_oom_take ()) { free (*json); *json = NULL; rc = -3; snprintf (msg, sizeof msg, "out of memory"); }
        }
      ic_claims_clear (&cf);
    }
  if (rc == 0) return IC_OK;
  err.code = rc == -3 ? IC_EINTERNAL : rc == -2 && !strstr (msg, "cannot read") ? IC_ELIMIT : IC_EUSAGE;
  snprintf (err.msg, sizeof err.msg, "%.*s", (int) sizeof err.msg - 1, msg);
  return give_error (json, &err);
}
