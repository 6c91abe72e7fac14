/* output.c — decimal printing (outward) and the JSON / text renderings of
 * a result.  Printing never narrows an enclosure: lo is rounded down and hi
 * up by mpfr_get_str in the given direction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "infcert.h"
#include "buf.h"

char *ic_fr_to_decimal (mpfr_srcptr x, long digits, mpfr_rnd_t rnd)
{
  ic_buf b;
  ic_buf_init (&b);
  if (mpfr_nan_p (x)) { ic_buf_puts (&b, "nan"); return ic_buf_take (&b); }
  if (mpfr_inf_p (x)) { ic_buf_puts (&b, mpfr_sgn (x) > 0 ? "inf" : "-inf"); return ic_buf_take (&b); }
  if (mpfr_zero_p (x)) { ic_buf_puts (&b, "0"); return ic_buf_take (&b); }
  if (digits < 2) digits = 2;
  mpfr_exp_t e;
  char *s = mpfr_get_str (NULL, &e, 10, (size_t) digits, x, rnd);
  const char *m = s;
  if (*m == '-') { ic_buf_puts (&b, "-"); m++; }
  /* m = d1 d2 ... dk, value = 0.d1d2... * 10^e = d1.d2... * 10^(e-1) */
  size_t k = strlen (m);
  while (k > 1 && m[k - 1] == '0') k--;        /* trailing zeros carry no information */
  long ex = (long) e - 1;
  if (ex >= -4 && ex < 16 && (long) k <= ex + 1)
    {
      /* integer */
      ic_buf_putn (&b, m, k);
      for (long i = (long) k; i <= ex; i++) ic_buf_puts (&b, "0");
    }
  else if (ex >= -4 && ex < 16)
    {
      if (ex >= 0) { ic_buf_putn (&b, m, (size_t) ex + 1); ic_buf_puts (&b, "."); ic_buf_putn (&b, m + ex + 1, k - (size_t) ex - 1); }
      else
        {
          ic_buf_puts (&b, "0.");
          for (long i = -1; i > ex; i--) ic_buf_puts (&b, "0");
          ic_buf_putn (&b, m, k);
        }
    }
  else
    {
      ic_buf_putn (&b, m, 1);
      if (k > 1) { ic_buf_puts (&b, "."); ic_buf_putn (&b, m + 1, k - 1); }
      ic_buf_printf (&b, "e%+ld", ex);
    }
  mpfr_free_str (s);
  return ic_buf_take (&b);
}

/* Digits printed for the endpoints: enough to show the certified digits
 * and the width of the enclosure, never fewer than 6. */
static long print_digits (const ic_result *r)
{
  long d = r->digits + 3;
  if (d < 6) d = 6;
  if (d > r->digits_wanted + 3 && r->digits_wanted + 3 >= 6) d = r->digits_wanted + 3;
  return d;
}

const char *ic_stop_name (int stopped)
{
  switch (stopped)
    {
    case IC_STOP_NONE: return "none";
    case IC_STOP_NO_METHOD: return "no-method";
    case IC_STOP_EFFORT: return "effort";
    case IC_STOP_TIMEOUT: return "timeout";
    case IC_STOP_MEMORY: return "memory";
    case IC_STOP_PREC: return "precision";
    case IC_STOP_TERMS: return "terms";
    default: return "unknown";
    }
}

char *ic_result_to_json (const ic_result *r, const char *term)
{
  ic_buf b;
  ic_buf_init (&b);
  ic_buf_puts (&b, "{\"kind\": ");
  ic_buf_json_str (&b, r->kind == IC_KIND_SUM ? "sum" : "prod");
  ic_buf_puts (&b, ", \"term\": ");
  ic_buf_json_str (&b, term);
  ic_buf_printf (&b, ", \"from\": %lu, \"verdict\": ", r->from);
  ic_buf_json_str (&b, ic_verdict_name (r->kind, r->verdict));
  /* JSON "limit" holds two decimal strings: an enclosure with an infinite
   * end (an overflowing partial product, say) is reported by a note */
  int finite = r->has_limit && mpfr_number_p (r->lo) && mpfr_number_p (r->hi);
  if (finite)
    {
      long pd = print_digits (r);
      char *lo = ic_fr_to_decimal (r->lo, pd, MPFR_RNDD);
      char *hi = ic_fr_to_decimal (r->hi, pd, MPFR_RNDU);
      ic_buf_puts (&b, ", \"limit\": {\"lo\": ");
      ic_buf_json_str (&b, lo);
      ic_buf_puts (&b, ", \"hi\": ");
      ic_buf_json_str (&b, hi);
      ic_buf_puts (&b, "}");
      free (lo); free (hi);
    }
  if (r->limit_missing || (r->has_limit && !finite))
    {
      ic_buf_puts (&b, ", \"limit_note\": ");
      ic_buf_json_str (&b, r->limit_missing && r->limit_note[0] ? r->limit_note
                       : "the enclosure is not finite (an end overflows the floating-point range)");
    }
  ic_buf_printf (&b, ", \"digits\": %ld, \"digits_wanted\": %ld", finite ? r->digits : 0, r->digits_wanted);
  if (r->stopped)
    {
      ic_buf_puts (&b, ", \"stopped\": ");
      ic_buf_json_str (&b, ic_stop_name (r->stopped));
      ic_buf_puts (&b, ", \"stop_note\": ");
      ic_buf_json_str (&b, r->stop_note);
    }
  ic_buf_puts (&b, ", \"method\": ");
  ic_buf_json_str (&b, r->method);
  ic_buf_puts (&b, ", \"certificate\": {\"test\": ");
  ic_buf_json_str (&b, r->cert.test);
  ic_buf_puts (&b, ", \"summary\": ");
  ic_buf_json_str (&b, r->cert.summary);
  for (int i = 0; i < r->cert.nitems; i++)
    {
      ic_buf_puts (&b, ", ");
      ic_buf_json_str (&b, r->cert.item[i].key);
      ic_buf_puts (&b, ": ");
      ic_buf_json_str (&b, r->cert.item[i].val);
    }
  ic_buf_printf (&b, "}, \"precision_bits\": %ld}", (long) (r->has_limit ? r->prec : 0));
  return ic_buf_take (&b);
}

char *ic_result_to_text (const ic_result *r, const char *term)
{
  ic_buf b;
  ic_buf_init (&b);
  ic_buf_printf (&b, "%s_{n>=%lu} %s\n", r->kind == IC_KIND_SUM ? "sum" : "prod", r->from, term);
  ic_buf_printf (&b, "verdict: %s\n", ic_verdict_name (r->kind, r->verdict));
  if (r->has_limit)
    {
      long pd = print_digits (r);
      char *lo = ic_fr_to_decimal (r->lo, pd, MPFR_RNDD);
      char *hi = ic_fr_to_decimal (r->hi, pd, MPFR_RNDU);
      ic_buf_printf (&b, "limit in [%s, %s]\n", lo, hi);
      ic_buf_printf (&b, "digits: %ld certified (%ld asked)%s%s\n", r->digits, r->digits_wanted,
                     r->method[0] ? ", method: " : "", r->method);
      free (lo); free (hi);
    }
  if (r->limit_missing)
    ic_buf_printf (&b, "limit: %s, no digit certified (%ld asked): %s\n",
                   r->has_limit ? "enclosure too wide" : "not enclosed", r->digits_wanted, r->limit_note);
  if (r->stopped && !r->limit_missing)
    ic_buf_printf (&b, "stopped: %s (%s)\n", ic_stop_name (r->stopped), r->stop_note);
  ic_buf_printf (&b, "certificate (%s): %s\n", r->cert.test, r->cert.summary);
  return ic_buf_take (&b);
}
