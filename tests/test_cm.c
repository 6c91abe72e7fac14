/* test_cm.c — verdict table for ic_cm_certify: terms that must be certified
 * completely monotone (with the right sign), and terms that must come back
 * "not known" (never a wrong "yes").  The "no" rows are functions that are
 * provably not CM on [N, inf) (a derivative changes sign, or the function
 * changes sign) or outside the rules' domain (log(1 - 1/n) at N = 1). */
#include <stdio.h>
#include <stdlib.h>
#include "infcert.h"
#include "term.h"
#include "cm.h"

static int nfail;

static void row (const char *src, unsigned long N, int want, int want_sign)
{
  ic_error err;
  ic_node *e = ic_term_parse (src, &err);
  if (!e) { printf ("FAIL cm parse %s: %s\n", src, err.msg); nfail++; return; }
  int sign = 0;
  int got = ic_cm_certify (e, N, &sign);
  int ok = want ? (got == 1 && sign == want_sign) : (got == 0);
  if (ok) printf ("ok cm %s on [%lu,inf) -> %s\n", src, N, got ? (sign > 0 ? "CM" : "-CM") : "unknown");
  else { printf ("FAIL cm %s on [%lu,inf): got %d sign %d, want %d sign %d\n", src, N, got, sign, want, want_sign); nfail++; }
  ic_node_free (e);
}

int main (void)
{
  /* Must be certified. */
  row ("n^-1.001", 1, 1, 1);
  row ("1/n^2", 1, 1, 1);
  row ("1/n", 1, 1, 1);
  row ("1/(n*log(n)^2)", 2, 1, 1);
  row ("-log(1 - n^-1.001)", 2, 1, 1);
  row ("log(1 - n^-1.001)", 2, 1, -1);
  row ("-log(1 - 1/n^2)", 2, 1, 1);
  row ("log(1 - 1/n^2)", 2, 1, -1);
  row ("3/n^2 + 2/n^3", 1, 1, 1);
  row ("exp(-n)", 1, 1, 1);
  row ("2^-n", 1, 1, 1);
  row ("exp(-sqrt(n))", 1, 1, 1);
  row ("1/sqrt(n)", 1, 1, 1);
  row ("1/(n*(n+1))", 1, 1, 1);
  row ("1/(n^2 + n)", 1, 0, 0);     /* CM, but n^2 + n is not Bernstein: unknown is allowed */
  row ("1/(1 - n^-2)", 2, 1, 1);   /* = 1 + CM, absolutely monotone of CM */
  row ("-1/n^3", 1, 1, -1);
  row ("1/(n*sqrt(n))", 1, 1, 1);
  row ("1/(log(n)^2*n)", 3, 1, 1);
  row ("exp(1/n)", 1, 1, 1);
  row ("n^-1.0001", 1, 1, 1);
  row ("0", 1, 1, 1);
  /* sqrt(a) - sqrt(b) = (a - b)/(sqrt(a) + sqrt(b)) */
  row ("sqrt(n+1)-sqrt(n)", 1, 1, 1);
  row ("sqrt(n)-sqrt(n+1)", 1, 1, -1);
  row ("(sqrt(n+2)-sqrt(n))/n", 1, 1, 1);
  row ("sqrt(n+3)-sqrt(n-1)", 2, 1, 1);
  /* Must not be certified: not CM, or not provable by the rules. */
  row ("n", 1, 0, 0);
  row ("log(n)", 2, 0, 0);
  row ("sin(n)/n^2", 1, 0, 0);
  row ("1/n - 1/n^2", 1, 0, 0);        /* f'' changes sign?  difference of CMs */
  row ("1/n^2 - 1/n", 1, 0, 0);
  row ("log(1 - 1/n)", 1, 0, 0);       /* undefined at n = 1 */
  row ("1/(n^2 - 10)", 1, 0, 0);       /* pole at sqrt(10) */
  row ("(-1)^n/n", 1, 0, 0);
  row ("1/log(n)", 1, 0, 0);           /* pole at n = 1 */
  row ("cos(1/n)/n^2", 1, 0, 0);
  row ("n^2/(n^3+1)", 1, 0, 0);
  row ("1/factorial(n)", 1, 0, 0);
  row ("sqrt(2*n)-sqrt(n)", 1, 0, 0);      /* increasing, unbounded */
  row ("sqrt(n-1)-sqrt(n-3)", 2, 0, 0);    /* sqrt(n-3) undefined at n = 2 */
  row ("sqrt(n^2+1)-sqrt(n)", 1, 0, 0);    /* grows like n */
  printf ("%s\n", nfail ? "FAIL test_cm" : "ok test_cm done");
  return nfail != 0;
}
