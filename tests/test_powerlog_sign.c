/* test_powerlog_sign.c — the derivative-sign certificate of em.c
 * (ic_em_powerlog_sign_ok): whenever it says that d^k/dx^k [x^a (log x)^b]
 * has one sign on [M, inf), the k-th derivative computed independently
 * (interval Taylor series of the term at x, src/taylor.c, coefficient k
 * times k!) must have that one sign at every sample x >= M, from M itself
 * to 10^15.  It must also refuse where the sign really changes: for
 * f = log x / x^2, f^(k)(x) x^(k+2) = (-1)^k (k+1)! (log x - (H_(k+1) - 1))
 * (H the harmonic numbers), so f^(10) changes sign at log x = H_11 - 1 =
 * 2.0199 (x = 7.54): not certified from M = 7, certified from M = 8. */
#include <stdio.h>
#include <stdlib.h>
#include <math.h>
#include "infcert.h"
#include "term.h"
#include "taylor.h"
#include "em.h"

static int nfail, npass;
static void check (int c, const char *name)
{
  if (c) { npass++; printf ("ok %s\n", name); }
  else { printf ("FAIL %s\n", name); nfail++; }
}

/* sign of the k-th derivative of e at x (0: undecided) */
static int deriv_sign (const ic_node *e, double x, long k)
{
  ic_ival_t x0;
  ic_ival_init2 (x0, 256);
  mpq_t q;
  mpq_init (q);
  mpq_set_d (q, x);                  /* exact */
  ic_ival_set_q (x0, q);
  mpq_clear (q);
  ic_ival_struct *c = ic_taylor_alloc (k + 1, 256);
  int s = 0;
  if (ic_taylor_eval (c, e, x0, k + 1, 256) == IC_IVAL_OK)
    s = ic_ival_is_pos (&c[k]) ? 1 : ic_ival_is_neg (&c[k]) ? -1 : 0;
  ic_taylor_free (c, k + 1);
  ic_ival_clear (x0);
  return s;
}

int main (void)
{
  static const char *as[] = { "-3/2", "-2", "-11/10", "-3", "-5/2", "-1001/1000" };
  int certified = 0;
  for (size_t ia = 0; ia < sizeof as / sizeof as[0]; ia++)
    for (long b = 1; b <= 4; b++)
      for (long k = 1; k <= 40; k += 6)
        for (unsigned long M = 3; M <= 100000; M *= 15)
          {
            mpq_t a;
            mpq_init (a);
            mpq_set_str (a, as[ia], 10);
            mpq_canonicalize (a);
            if (ic_em_powerlog_sign_ok (a, b, k, M))
              {
                certified++;
                char term[96];
                snprintf (term, sizeof term, "n^(%s)*log(n)^%ld", as[ia], b);
                ic_error err;
                ic_node *e = ic_term_parse (term, &err);
                int s0 = 0, ok = e != NULL, undecided = 0;
                for (double x = (double) M; ok && x <= 1e15; x *= 2.9)
                  {
                    int s = deriv_sign (e, x, k);
                    if (!s) { undecided++; continue; }
                    if (!s0) s0 = s;
                    else if (s != s0) ok = 0;
                  }
                /* also the points just above M */
                for (int j = 1; ok && j <= 5; j++)
                  {
                    int s = deriv_sign (e, (double) M + 0.05 * j, k);
                    if (s && s0 && s != s0) ok = 0;
                  }
                if (!ok || undecided > 10)
                  {
                    char name[200];
                    snprintf (name, sizeof name, "d^%ld/dx^%ld %s has one sign on [%lu, inf)", k, k, term, M);
                    check (0, name);
                  }
                ic_node_free (e);
              }
            mpq_clear (a);
          }
  char name[120];
  snprintf (name, sizeof name, "the certificate holds at every sample (%d certified cases)", certified);
  check (nfail == 0 && certified > 60, name);
  mpq_t a;
  mpq_init (a);
  mpq_set_si (a, -2, 1);
  check (!ic_em_powerlog_sign_ok (a, 1, 10, 7), "f^(10) of log x / x^2 changes sign on [7, inf): refused");
  check (ic_em_powerlog_sign_ok (a, 1, 10, 8), "f^(10) of log x / x^2 has one sign on [8, inf): certified");
  mpq_clear (a);
  printf ("test_powerlog_sign: %d passed, %d failed\n", npass, nfail);
  return nfail != 0;
}
