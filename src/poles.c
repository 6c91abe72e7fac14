/* poles.c — exact integer zeros of rational subterms (see poles.h). */
#include <stdlib.h>
#include "poles.h"
#include "ratfun.h"
#include "symb.h"

#define POLES_TRIAL 1000000UL      /* trial division bound for the constant coefficient */
#define POLES_MAX_DIVISORS 100000  /* divisors enumerated at most */

/* P(m) == 0 exactly */
static int poly_zero_at (const ic_poly *P, unsigned long m)
{
  mpq_t v, x;
  mpq_inits (v, x, NULL);
  mpq_set_ui (x, m, 1);
  for (int i = P->deg; i >= 0; i--)
    {
      mpq_mul (v, v, x);
      mpq_add (v, v, P->c[i]);
    }
  int z = mpq_sgn (v) == 0;
  mpq_clears (v, x, NULL);
  return z;
}

typedef struct { unsigned long best; int found; } root_acc;

/* enumerate the divisors of prod p_i^e_i (from the factor list) and keep
 * the smallest m >= from with P(m) = 0 */
static void divisors (const mpz_t *p, const unsigned long *ex, int np, int i, mpz_t d,
                      const ic_poly *P, unsigned long from, root_acc *acc, long *budget)
{
  if (*budget <= 0) return;
  if (i == np)
    {
      (*budget)--;
      if (mpz_fits_ulong_p (d) && mpz_cmp_ui (d, from) >= 0 && mpz_cmp_ui (d, 1UL << 62) <= 0)
        {
          unsigned long m = mpz_get_ui (d);
          if ((!acc->found || m < acc->best) && poly_zero_at (P, m)) { acc->best = m; acc->found = 1; }
        }
      return;
    }
  mpz_t q;
  mpz_init_set (q, d);
  for (unsigned long k = 0; k <= ex[i] && *budget > 0; k++)
    {
      divisors (p, ex, np, i + 1, q, P, from, acc, budget);
      mpz_mul (q, q, p[i]);
      if (mpz_sizeinbase (q, 2) > 64) break;      /* beyond 2^62: no candidate */
    }
  mpz_clear (q);
}

/* smallest integer root m >= from of P, or 0 */
static int int_root (const ic_poly *P, unsigned long from, unsigned long *out)
{
  if (P->deg < 1) return 0;
  int lo = 0;
  while (lo <= P->deg && mpq_sgn (P->c[lo]) == 0) lo++;
  root_acc acc = { 0, 0 };
  if (lo > 0 && from == 0) { *out = 0; return 1; }       /* P(0) = 0 */
  if (lo == P->deg) return 0;                            /* c n^k: only 0 */
  /* integer roots of P/n^lo divide its constant coefficient's numerator
   * once the coefficients are made integers (Gauss: a root m of an integer
   * polynomial divides a_lo) */
  mpz_t L, a0, t;
  mpz_inits (L, a0, t, NULL);
  mpz_set_ui (L, 1);
  for (int i = lo; i <= P->deg; i++) mpz_lcm (L, L, mpq_denref (P->c[i]));
  mpz_divexact (t, L, mpq_denref (P->c[lo]));
  mpz_mul (a0, t, mpq_numref (P->c[lo]));
  mpz_abs (a0, a0);
  mpz_t p[64];
  unsigned long ex[64];
  int np = 0;
  for (unsigned long f = 2; f <= POLES_TRIAL && mpz_cmp_ui (a0, 1) > 0 && np < 63; f += (f == 2 ? 1 : 2))
    if (mpz_divisible_ui_p (a0, f))
      {
        mpz_init_set_ui (p[np], f);
        ex[np] = 0;
        while (mpz_divisible_ui_p (a0, f)) { mpz_divexact_ui (a0, a0, f); ex[np]++; }
        np++;
      }
  if (mpz_cmp_ui (a0, 1) > 0 && np < 64)
    {
      /* a cofactor without small factors: taken as one factor (its own
       * divisors are then missed unless it is prime: a missed root only
       * leaves the analysis as it was) */
      mpz_init_set (p[np], a0);
      ex[np++] = 1;
    }
  mpz_set_ui (t, 1);
  long budget = POLES_MAX_DIVISORS;
  divisors ((const mpz_t *) p, ex, np, 0, t, P, from, &acc, &budget);
  for (int i = 0; i < np; i++) mpz_clear (p[i]);
  mpz_clears (L, a0, t, NULL);
  if (acc.found) *out = acc.best;
  return acc.found;
}

static void consider (const ic_node *d, unsigned long from, const char *why, unsigned long *best,
                      const char **bwhy, int *found)
{
  if (!ic_node_has_var (d)) return;
  ic_ratfun R;
  ic_ratfun_init (&R);
  unsigned long m;
  if (ic_ratfun_of (&R, d) && int_root (&R.p, from, &m) && (!*found || m < *best))
    {
      *best = m;
      *bwhy = why;
      *found = 1;
    }
  ic_ratfun_clear (&R);
}

static void walk (const ic_node *e, unsigned long from, unsigned long *best, const char **why, int *found, int depth)
{
  if (!e || depth > IC_TERM_MAX_DEPTH || !ic_node_has_var (e)) return;
  if (e->op == IC_DIV) consider (e->b, from, "division by zero", best, why, found);
  if (e->op == IC_LOG) consider (e->a, from, "log of a non-positive number", best, why, found);
  if (e->op == IC_POW && e->b->op == IC_NUM && mpq_sgn (e->b->q) < 0)
    consider (e->a, from, "0 raised to a negative power", best, why, found);
  walk (e->a, from, best, why, found, depth + 1);
  walk (e->b, from, best, why, found, depth + 1);
}

int ic_poles_find (const ic_node *e, unsigned long from, unsigned long *n, const char **why)
{
  int found = 0;
  unsigned long best = 0;
  const char *w = NULL;
  walk (e, from, &best, &w, &found, 0);
  if (found) { *n = best; *why = w; }
  return found;
}
