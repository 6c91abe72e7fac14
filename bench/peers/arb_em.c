/* bench/peers/arb_em.c — the Arb peer of `make bench` (issue 13): a
 * straightforward Euler-Maclaurin program written with Arb, and Arb's own
 * zeta.  A benchmark peer only; infcert never links it.
 *
 *   arb_em prod-pow P Q D    prod_{n>=2} (1 - n^(-P/Q)) to D digits
 *   arb_em nlog2 D           sum_{n>=2} 1/(n log(n)^2) to D digits
 *   arb_em zeta P Q D        zeta(P/Q) = sum_{n>=1} n^(-P/Q) (arb_zeta)
 *
 * Euler-Maclaurin at a cut-off N with m Bernoulli terms:
 *   sum_{n>=N} f(n) = int_N^inf f + f(N)/2
 *                     - sum_{k=1}^m B_2k/(2k) c_(2k-1) + R,
 * c_j = f^(j)(N)/j! from Arb power series of f(N + t) (arb_poly), B_2k from
 * FLINT's Bernoulli cache, |R| <= |B_(2m+2)/(2m+2) c_(2m+1)| since f or -f
 * is completely monotone (log(1 - x^-s) = -sum_k x^(-sk)/k, and
 * 1/(x log(x)^2)); the same theorem infcert uses.  N = ALPHA D (ALPHA from
 * the environment, default tuned on this machine), m from the terms.
 * Prints the midpoint to D digits and the radius, each on a line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <flint/flint.h>
#include "arb.h"
#include "arb_poly.h"
#include "arb_hypgeom.h"
#include "bernoulli.h"

typedef enum { PROD_POW, NLOG2 } family;

/* f(n) for an integer n >= 2 */
static void f_at (arb_t y, family fam, const arb_t s, ulong n, slong prec)
{
  arb_t l;
  arb_init (l);
  arb_log_ui (l, n, prec);
  if (fam == PROD_POW)
    {
      arb_mul (y, l, s, prec);
      arb_neg (y, y);
      arb_exp (y, y, prec);                    /* n^-s */
      arb_neg (y, y);
      arb_log1p (y, y, prec);                  /* log(1 - n^-s) */
    }
  else
    {
      arb_mul (l, l, l, prec);
      arb_mul_ui (l, l, n, prec);
      arb_inv (y, l, prec);                    /* 1/(n log(n)^2) */
    }
  arb_clear (l);
}

/* power series of f(N + t) to length len */
static void f_series (arb_poly_t c, family fam, const arb_t s, ulong N, slong len, slong prec)
{
  arb_poly_t x, u;
  arb_poly_init (x); arb_poly_init (u);
  arb_poly_set_coeff_si (x, 0, (slong) N);
  arb_poly_set_coeff_si (x, 1, 1);
  if (fam == PROD_POW)
    {
      arb_t e;
      arb_init (e);
      arb_neg (e, s);
      arb_poly_pow_arb_series (u, x, e, len, prec);   /* x^-s */
      arb_poly_neg (u, u);
      arb_poly_log1p_series (c, u, len, prec);         /* log(1 - x^-s) */
      arb_clear (e);
    }
  else
    {
      arb_poly_log_series (u, x, len, prec);
      arb_poly_mullow (u, u, u, len, prec);
      arb_poly_mullow (u, u, x, len, prec);
      arb_poly_inv_series (c, u, len, prec);
    }
  arb_poly_clear (x); arb_poly_clear (u);
}

/* int_N^inf f */
static void f_integral (arb_t I, family fam, const arb_t s, ulong N, slong prec)
{
  if (fam == NLOG2)
    {
      arb_log_ui (I, N, prec);
      arb_inv (I, I, prec);                    /* 1/log N */
      return;
    }
  /* -sum_{k>=1} N^(1-sk)/(k (sk - 1)); terms fall by N^-s each */
  arb_t q, p, t, d, tol;
  arb_init (q); arb_init (p); arb_init (t); arb_init (d); arb_init (tol);
  arb_set_ui (q, N);
  arb_pow (q, q, s, prec);
  arb_inv (q, q, prec);                        /* N^-s */
  arb_set_ui (p, N);                           /* N^(1-sk) for k = 0 */
  arb_zero (I);
  for (ulong k = 1;; k++)
    {
      arb_mul (p, p, q, prec);
      arb_mul_ui (d, s, k, prec);
      arb_sub_ui (d, d, 1, prec);
      arb_mul_ui (d, d, k, prec);
      arb_div (t, p, d, prec);
      arb_sub (I, I, t, prec);
      if (arf_cmpabs_2exp_si (arb_midref (t), -prec - 10) < 0)
        {
          /* the rest is at most t q/(1 - q) <= 2 t q: add it as a radius */
          arb_mul (t, t, q, prec);
          arb_mul_2exp_si (t, t, 1);
          arb_add_error (I, t);
          break;
        }
    }
  arb_clear (q); arb_clear (p); arb_clear (t); arb_clear (d); arb_clear (tol);
}

static void em_sum (arb_t S, family fam, const arb_t s, slong D)
{
  slong prec = (slong) ceil (D * 3.3219281) + 32;
  const char *a = getenv ("ALPHA");
  double alpha = a ? atof (a) : (fam == PROD_POW ? 0.5 : 0.5);
  ulong N = (ulong) ceil (alpha * D) + 10;
  /* m: the smallest with 2 (2m+1)!/(2 pi N)^(2m+2) below 2^-prec (the
   * Bernoulli term's size for f ~ 1/x), checked again on the terms */
  slong m = 1;
  while (m < 4 * D + 100
         && (lgamma (2.0 * m + 2) - (2.0 * m + 2) * log (2 * M_PI * N)) / log (2) > -prec - 10)
    m++;
  for (;;)
    {
      slong len = 2 * m + 2;
      arb_poly_t c;
      arb_t t, B, acc;
      arb_poly_init (c);
      arb_init (t); arb_init (B); arb_init (acc);
      f_series (c, fam, s, N, len, prec);
      bernoulli_cache_compute (len + 1);
      f_integral (acc, fam, s, N, prec);
      arb_poly_get_coeff_arb (t, c, 0);
      arb_mul_2exp_si (t, t, -1);
      arb_add (acc, acc, t, prec);                       /* + f(N)/2 */
      for (slong k = 1; k <= m; k++)
        {
          arb_set_fmpq (B, bernoulli_cache + 2 * k, prec);
          arb_div_ui (B, B, 2 * k, prec);
          arb_poly_get_coeff_arb (t, c, 2 * k - 1);
          arb_mul (t, t, B, prec);
          arb_sub (acc, acc, t, prec);
        }
      arb_set_fmpq (B, bernoulli_cache + 2 * m + 2, prec);
      arb_div_ui (B, B, 2 * m + 2, prec);
      arb_poly_get_coeff_arb (t, c, 2 * m + 1);
      arb_mul (t, t, B, prec);                           /* first omitted term */
      int small = arf_cmpabs_2exp_si (arb_midref (t), -prec) < 0;
      if (small)
        {
          arb_get_abs_ubound_arf (arb_midref (B), t, prec);
          arb_add_error_arf (acc, arb_midref (B));
          /* direct part: sum_{n=lo}^{N-1} f(n) */
          ulong lo = 2;
          for (ulong n = lo; n < N; n++)
            {
              f_at (t, fam, s, n, prec);
              arb_add (acc, acc, t, prec);
            }
          arb_set (S, acc);
        }
      arb_poly_clear (c);
      arb_clear (t); arb_clear (B); arb_clear (acc);
      if (small) return;
      /* terms still too large: a larger cut-off (the asymptotic series
       * has a smallest term about exp(-2 pi N)) */
      N *= 2;
    }
}

int main (int argc, char **argv)
{
  if (argc < 3) { fprintf (stderr, "usage: arb_em prod-pow P Q D | nlog2 D | zeta P Q D\n"); return 2; }
  arb_t s, S;
  arb_init (s); arb_init (S);
  slong D;
  if (!strcmp (argv[1], "nlog2") && argc == 3)
    {
      D = atol (argv[2]);
      em_sum (S, NLOG2, s, D);
    }
  else if (argc == 5 && (!strcmp (argv[1], "prod-pow") || !strcmp (argv[1], "zeta")))
    {
      D = atol (argv[4]);
      slong prec = (slong) ceil (D * 3.3219281) + 32;
      arb_set_ui (s, strtoul (argv[2], NULL, 10));
      arb_div_ui (s, s, strtoul (argv[3], NULL, 10), prec);
      if (!strcmp (argv[1], "zeta")) arb_zeta (S, s, prec);
      else
        {
          em_sum (S, PROD_POW, s, D);
          arb_exp (S, S, prec);
        }
    }
  else { fprintf (stderr, "arb_em: bad arguments\n"); return 2; }
  arb_printn (S, D, ARB_STR_NO_RADIUS);
  printf ("\n");
  arb_printn (S, 5, 0);
  printf ("\n");
  arb_clear (s); arb_clear (S);
  flint_cleanup ();
  return 0;
}
