/* test_eval.c — the term evaluator's exact path (src/eval.c): exact roots
 * of rational squares and k-th powers, point intervals taken as exact,
 * cancellation of equal subterms, and the domain decisions (poles, log 0)
 * they make possible.  References are exact rationals written by hand
 * (sqrt(10000) = 100, 27^(1/3) = 3, (27/8)^(-2/3) = 4/9, ...) or MPFR at
 * 4x the precision for the values that must stay inexact (irrational
 * roots), checked for containment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "infcert.h"
#include "term.h"
#include "eval.h"

static int nfail, npass;

static ic_node *parse (const char *s)
{
  ic_error err;
  ic_node *e = ic_term_parse (s, &err);
  if (!e) { printf ("FAIL parse %s: %s\n", s, err.msg); exit (1); }
  return e;
}

/* term at n is exactly the rational want ("p/q"). */
static void exact (const char *term, unsigned long n, const char *want)
{
  ic_node *e = parse (term);
  ic_evaluator *ev = ic_eval_new (e, 64);
  mpq_t q, w;
  mpq_inits (q, w, (mpq_ptr) 0);
  mpq_set_str (w, want, 10);
  mpq_canonicalize (w);
  int got = ic_eval_exact_ui (ev, q, n);
  if (got && mpq_equal (q, w)) { printf ("ok exact %s at n = %lu is %s\n", term, n, want); npass++; }
  else if (got) { gmp_printf ("FAIL exact %s at n = %lu: %Qd, want %s\n", term, n, q, want); nfail++; }
  else { printf ("FAIL exact %s at n = %lu: not exact, want %s\n", term, n, want); nfail++; }
  mpq_clears (q, w, (mpq_ptr) 0);
  ic_eval_free (ev);
  ic_node_free (e);
}

/* term at n is undefined, with the reason why. */
static void undefined (const char *term, unsigned long n, const char *why)
{
  ic_node *e = parse (term);
  ic_evaluator *ev = ic_eval_new (e, 64);
  ic_ival_t x;
  ic_ival_init2 (x, 64);
  const char *w = NULL;
  int r = IC_EV_INEXACT;
  /* at any precision (the old evaluator answered INEXACT at every one) */
  for (mpfr_prec_t p = 64; p <= 4096; p *= 4)
    {
      ic_eval_set_prec (ev, p);
      r = ic_eval_at_ui (ev, x, n, &w);
      if (r != IC_EV_UNDEFINED || !w || strcmp (w, why)) break;
    }
  if (r == IC_EV_UNDEFINED && w && !strcmp (w, why))
    { printf ("ok undefined %s at n = %lu: %s\n", term, n, why); npass++; }
  else { printf ("FAIL undefined %s at n = %lu: status %d (%s), want %s\n", term, n, r, w ? w : "-", why); nfail++; }
  ic_ival_clear (x);
  ic_eval_free (ev);
  ic_node_free (e);
}

/* term at n is not exact (an irrational value), and its interval at 64
 * bits contains ref computed by MPFR at 256 bits from `refx`: x^(num/den)
 * with x = refx. */
static void inexact_root (const char *term, unsigned long n, const char *refx, long num, long den)
{
  ic_node *e = parse (term);
  ic_evaluator *ev = ic_eval_new (e, 64);
  ic_ival_t x;
  ic_ival_init2 (x, 64);
  mpq_t q;
  mpq_init (q);
  mpfr_t ref, b, y;
  mpfr_inits2 (256, ref, b, y, (mpfr_ptr) 0);
  mpq_set_str (q, refx, 10);
  mpq_canonicalize (q);
  mpfr_set_q (b, q, MPFR_RNDN);          /* refx is exact in 256 bits here */
  mpfr_set_si (y, num, MPFR_RNDN);
  mpfr_div_si (y, y, den, MPFR_RNDN);    /* 1/3 rounded: the reference is
                                            within 2^-250 relative, far
                                            inside a 64-bit interval */
  mpfr_pow (ref, b, y, MPFR_RNDN);
  int notexact = !ic_eval_exact_ui (ev, q, n);
  int r = ic_eval_at_ui (ev, x, n, NULL);
  int in = r == IC_EV_OK && mpfr_lessequal_p (x->lo, ref) && mpfr_lessequal_p (ref, x->hi);
  if (notexact && in) { printf ("ok inexact %s at n = %lu encloses the reference\n", term, n); npass++; }
  else { mpfr_printf ("FAIL inexact %s at n = %lu: exact %d, [%.25Rg, %.25Rg] vs %.30Rg\n", term, n, !notexact, x->lo, x->hi, ref); nfail++; }
  mpfr_clears (ref, b, y, (mpfr_ptr) 0);
  mpq_clear (q);
  ic_ival_clear (x);
  ic_eval_free (ev);
  ic_node_free (e);
}

/* The printed term reads back as the same function: the printer's
 * parentheses (src/term.c, prec_of) keep the value exactly at n = 1..40
 * (certificates print subterms: h(n) = -(1/-1/2/n) once read back as
 * 1/(2n), not 2/n). */
static void roundtrip (const char *term)
{
  ic_node *e = parse (term);
  char *txt = ic_term_to_string (e);
  ic_node *f = parse (txt);
  ic_evaluator *ev = ic_eval_new (e, 64), *fv = ic_eval_new (f, 64);
  mpq_t a, b;
  mpq_inits (a, b, (mpq_ptr) 0);
  int ok = 1;
  for (unsigned long n = 1; n <= 40 && ok; n++)
    ok = ic_eval_exact_ui (ev, a, n) && ic_eval_exact_ui (fv, b, n) && mpq_equal (a, b);
  if (ok) { printf ("ok roundtrip %s -> %s\n", term, txt); npass++; }
  else { printf ("FAIL roundtrip %s -> %s: another function\n", term, txt); nfail++; }
  mpq_clears (a, b, (mpq_ptr) 0);
  ic_eval_free (ev); ic_eval_free (fv);
  ic_node_free (e); ic_node_free (f);
  free (txt);
}

int main (void)
{
  roundtrip ("1/-0.5/n");
  roundtrip ("n/(-3/4)");
  roundtrip ("n*(-3/4)");
  roundtrip ("(-3/4)^n");
  roundtrip ("n^(-3)");
  roundtrip ("2^(-n)/(-5)");
  roundtrip ("-(1/(-1/2)/n)");
  roundtrip ("n-(-1/3)*n");
  roundtrip ("1/(n-(-2/5))");
  /* exact roots of rational squares and k-th powers */
  exact ("sqrt(n)", 10000, "100");
  exact ("sqrt(n)-100", 10000, "0");
  exact ("sqrt(n/4)", 9, "3/2");
  exact ("sqrt(n)", 0, "0");
  exact ("n^(1/3)", 27, "3");
  exact ("n^(2/3)", 27, "9");
  exact ("(n/8)^(-2/3)", 27, "4/9");
  exact ("n^(-1/2)", 100, "1/10");
  exact ("n^0.5", 144, "12");
  exact ("n^(5/7)", 128, "32");
  exact ("1^pi", 5, "1");
  exact ("n^(1/3)", 1, "1");
  exact ("n^(1/1000000007)", 1, "1");
  /* equal subterms cancel exactly, whatever their values */
  exact ("log(n)-log(100)", 100, "0");
  exact ("sqrt(2*n)-sqrt(200)", 100, "0");
  exact ("-exp(n/2)+exp(5)", 10, "0");
  exact ("pi*n^2-pi*n^2", 7, "0");
  /* poles and domains decided at any precision */
  undefined ("1/(sqrt(n)-100)", 10000, "division by zero");
  undefined ("1/(n^(1/3)-3)", 27, "division by zero");
  undefined ("log(sqrt(n)-9)", 81, "log of a non-positive number");
  undefined ("log(n^(1/4)-2)", 16, "log of a non-positive number");
  undefined ("(n^(1/2)-5)^-1", 25, "0 raised to a negative power");
  undefined ("1/(log(n)-log(100))", 100, "division by zero");
  undefined ("1/(sqrt(2*n)-sqrt(200))", 100, "division by zero");
  undefined ("sqrt(n^(1/3)-3-1/1000)", 27, "sqrt of a negative number");
  /* irrational roots stay intervals (and enclose the value) */
  inexact_root ("sqrt(n)", 10001, "10001", 1, 2);
  inexact_root ("n^(1/3)", 26, "26", 1, 3);
  inexact_root ("n^(1/3)", 28, "28", 1, 3);
  inexact_root ("(n/3)^(2/3)", 8, "8/3", 2, 3);
  inexact_root ("n^(1/1000000007)", 2, "2", 1, 1000000007);
  printf ("test_eval: %d passed, %d failed\n", npass, nfail);
  return nfail != 0;
}
