/* claims/util.c — what every claim file's checker shares: allocation that
 * returns to the entry point on out of memory (check.c), the result record
 * (key/value facts, the "how" text, plots), and the printing of enclosures
 * and exact rationals.
 *
 * Decides nothing.  The one rule that matters for soundness: an enclosure
 * is printed outward (lower end rounded down, upper end up), so a printed
 * interval still contains the value it encloses. */

#include "claims_int.h"

void *icc_xmalloc (size_t n)
{
  void *p = malloc (n ? n : 1);
  if (!p) ic_claims_out_of_memory ();
  return p;
}
void *icc_xrealloc (void *p, size_t n)
{
  p = realloc (p, n ? n : 1);
  if (!p) ic_claims_out_of_memory ();
  return p;
}
void *icc_xcalloc (size_t n, size_t size)
{
  void *p = calloc (n ? n : 1, size);
  if (!p) ic_claims_out_of_memory ();
  return p;
}
char *icc_xstrdup (const char *s) { char *d = icc_xmalloc (strlen (s) + 1); strcpy (d, s); return d; }
char *icc_xstrndup (const char *s, size_t n) { char *d = icc_xmalloc (n + 1); memcpy (d, s, n); d[n] = 0; return d; }

static char *vfmt (const char *fmt, va_list ap)
{
  va_list aq;
  va_copy (aq, ap);
  int n = vsnprintf (NULL, 0, fmt, aq);
  va_end (aq);
  char *s = icc_xmalloc ((size_t) n + 1);
  vsnprintf (s, (size_t) n + 1, fmt, ap);
  return s;
}
char *icc_fmt (const char *f, ...)
{
  va_list ap; va_start (ap, f);
  char *s = vfmt (f, ap);
  va_end (ap);
  return s;
}

const char *ic_claim_status_name (ic_claim_status s)
{
  return s == IC_ST_PROVED ? "proved" : s == IC_ST_REFUTED ? "refuted" : "undecided";
}

int ic_claim_mismatch (const ic_claim *c)
{
  return c->expect && strcmp (c->expect, ic_claim_status_name (c->status)) != 0;
}

void icc_kv_add (int *n, ic_kv **kv, const char *key, const char *f, ...)
{
  va_list ap; va_start (ap, f);
  char *v = vfmt (f, ap);
  va_end (ap);
  *kv = icc_xrealloc (*kv, sizeof **kv * (size_t) (*n + 1));
  (*kv)[*n].key = icc_xstrdup (key);
  (*kv)[*n].val = v;
  (*n)++;
}

void icc_set_how (ic_check_result *r, const char *f, ...)
{
  va_list ap; va_start (ap, f);
  char *s = vfmt (f, ap);
  va_end (ap);
  if (r->how)
    {
      char *t = icc_fmt ("%s %s", r->how, s);
      free (r->how); free (s); s = t;
    }
  r->how = s;
}

void ic_check_result_clear (ic_check_result *r)
{
  for (int i = 0; i < r->nkv; i++) { free (r->kv[i].key); free (r->kv[i].val); }
  for (int i = 0; i < r->nwkv; i++) { free (r->wkv[i].key); free (r->wkv[i].val); }
  for (int i = 0; i < r->nplot; i++) ic_plot_clear (&r->plot[i]);
  free (r->kv); free (r->wkv); free (r->plot);
  free (r->how); free (r->witness); free (r->witness_how);
  memset (r, 0, sizeof *r);
}

ic_plot *icc_add_plot (ic_check_result *r)
{
  r->plot = icc_xrealloc (r->plot, sizeof *r->plot * (size_t) (r->nplot + 1));
  return &r->plot[r->nplot++];
}

/* "[lo, hi]" with lo rounded down and hi rounded up (digits significant). */
char *icc_ival_str (ic_ival_srcptr x, int digits)
{
  char *a = NULL, *b = NULL;
  if (mpfr_equal_p (x->lo, x->hi) && mpfr_number_p (x->lo) && mpfr_integer_p (x->lo)
      && mpfr_cmpabs_ui (x->lo, 1000000000UL) < 0)
    return icc_fmt ("%ld", mpfr_get_si (x->lo, MPFR_RNDN));
  mpfr_asprintf (&a, "%.*RDg", digits, x->lo);
  mpfr_asprintf (&b, "%.*RUg", digits, x->hi);
  char *s = icc_fmt ("[%s, %s]", a, b);
  mpfr_free_str (a); mpfr_free_str (b);
  return s;
}

char *icc_q_str (const mpq_t q)
{
  char *s = mpq_get_str (NULL, 10, q);
  char *d = icc_xstrdup (s);
  void (*freefunc) (void *, size_t);
  mp_get_memory_functions (NULL, NULL, &freefunc);
  freefunc (s, strlen (s) + 1);
  return d;
}

/* Short form of an exact rational: "p/q" when short, else a decimal
 * enclosure "[lo, hi]" and the digit counts. */
char *icc_q_short (const mpq_t q)
{
  if (mpz_sizeinbase (mpq_numref (q), 10) + mpz_sizeinbase (mpq_denref (q), 10) < 40)
    return icc_q_str (q);
  ic_ival_t t; ic_ival_init2 (t, PREC);
  ic_ival_set_q (t, q);
  char *a = icc_ival_str (t, 12);
  char *s = icc_fmt ("%s (exact rational with %zu/%zu digits)", a,
                 mpz_sizeinbase (mpq_numref (q), 10), mpz_sizeinbase (mpq_denref (q), 10));
  free (a); ic_ival_clear (t);
  return s;
}

double icc_fr_d (mpfr_srcptr x, mpfr_rnd_t r) { return mpfr_get_d (x, r); }

/* log10 enclosure endpoints of a positive enclosure, as doubles, outward
 * (for drawing).  Non-positive lower ends give -Inf. */
void icc_log10_ends (double *lo, double *hi, ic_ival_srcptr x)
{
  mpfr_t t; mpfr_init2 (t, 64);
  if (mpfr_sgn (x->lo) > 0) { mpfr_log10 (t, x->lo, MPFR_RNDD); *lo = icc_fr_d (t, MPFR_RNDD); }
  else *lo = -INFINITY;
  if (mpfr_sgn (x->hi) > 0) { mpfr_log10 (t, x->hi, MPFR_RNDU); *hi = icc_fr_d (t, MPFR_RNDU); }
  else *hi = -INFINITY;
  mpfr_clear (t);
}

/* Exact rational literal: [sign] digits [. digits] [e [sign] digits] or
 * a/b with such parts.  Returns characters consumed (0 if none). */
static size_t scan_dec (mpq_t q, const char *s)
{
  const char *p = s;
  int neg = 0;
  if (*p == '+' || *p == '-') neg = (*p++ == '-');
  mpz_t num, den; mpz_inits (num, den, NULL); mpz_set_ui (den, 1);
  int digits = 0;
  for (; isdigit ((unsigned char) *p); p++, digits++)
    { mpz_mul_ui (num, num, 10); mpz_add_ui (num, num, (unsigned) (*p - '0')); }
  if (*p == '.' && isdigit ((unsigned char) p[1]))
    for (p++; isdigit ((unsigned char) *p); p++, digits++)
      { mpz_mul_ui (num, num, 10); mpz_add_ui (num, num, (unsigned) (*p - '0')); mpz_mul_ui (den, den, 10); }
  if (!digits) { mpz_clears (num, den, NULL); return 0; }
  if ((*p == 'e' || *p == 'E') && (isdigit ((unsigned char) p[1]) || ((p[1] == '-' || p[1] == '+') && isdigit ((unsigned char) p[2]))))
    {
      p++;
      int en = 0; long ex = 0;
      if (*p == '+' || *p == '-') en = (*p++ == '-');
      for (; isdigit ((unsigned char) *p); p++) if (ex < 100000) ex = ex * 10 + (*p - '0');
      if (ex > 10000) ex = 10000;
      mpz_t t; mpz_init (t); mpz_ui_pow_ui (t, 10, (unsigned long) ex);
      if (en) mpz_mul (den, den, t); else mpz_mul (num, num, t);
      mpz_clear (t);
    }
  if (neg) mpz_neg (num, num);
  mpq_set_num (q, num); mpq_set_den (q, den); mpq_canonicalize (q);
  mpz_clears (num, den, NULL);
  return (size_t) (p - s);
}

size_t icc_scan_q (mpq_t q, const char *s)
{
  size_t n = scan_dec (q, s);
  if (!n) return 0;
  if (s[n] == '/' )
    {
      mpq_t d; mpq_init (d);
      size_t m = scan_dec (d, s + n + 1);
      if (m && mpq_sgn (d) != 0) { mpq_div (q, q, d); n += 1 + m; }
      mpq_clear (d);
    }
  return n;
}
