/* ratfun.c — exact rational-function normalisation (see ratfun.h). */
#include <stdlib.h>
#include "ratfun.h"

static void poly_init (ic_poly *p)
{
  p->deg = -1;
  for (int i = 0; i <= IC_RATFUN_MAX_DEG; i++) mpq_init (p->c[i]);
}

static void poly_clear (ic_poly *p)
{
  for (int i = 0; i <= IC_RATFUN_MAX_DEG; i++) mpq_clear (p->c[i]);
}

static void poly_norm (ic_poly *p)
{
  while (p->deg >= 0 && mpq_sgn (p->c[p->deg]) == 0) p->deg--;
}

static void poly_set (ic_poly *r, const ic_poly *a)
{
  if (r == a) return;
  for (int i = 0; i <= IC_RATFUN_MAX_DEG; i++) mpq_set (r->c[i], a->c[i]);
  r->deg = a->deg;
}

static void poly_const (ic_poly *r, const mpq_t c)
{
  for (int i = 0; i <= IC_RATFUN_MAX_DEG; i++) mpq_set_ui (r->c[i], 0, 1);
  mpq_set (r->c[0], c);
  r->deg = 0;
  poly_norm (r);
}

/* r = a + s b (s = +1 or -1) */
static void poly_addsub (ic_poly *r, const ic_poly *a, const ic_poly *b, int s)
{
  int d = a->deg > b->deg ? a->deg : b->deg;
  for (int i = 0; i <= d; i++)
    {
      if (s > 0) mpq_add (r->c[i], a->c[i], b->c[i]);
      else mpq_sub (r->c[i], a->c[i], b->c[i]);
    }
  for (int i = d + 1; i <= IC_RATFUN_MAX_DEG; i++) mpq_set_ui (r->c[i], 0, 1);
  r->deg = d;
  poly_norm (r);
}

/* r = a b; returns 0 if the degree limit is exceeded. r must not alias. */
static int poly_mul (ic_poly *r, const ic_poly *a, const ic_poly *b)
{
  for (int i = 0; i <= IC_RATFUN_MAX_DEG; i++) mpq_set_ui (r->c[i], 0, 1);
  if (a->deg < 0 || b->deg < 0) { r->deg = -1; return 1; }
  if (a->deg + b->deg > IC_RATFUN_MAX_DEG) return 0;
  mpq_t t;
  mpq_init (t);
  for (int i = 0; i <= a->deg; i++)
    for (int j = 0; j <= b->deg; j++)
      {
        mpq_mul (t, a->c[i], b->c[j]);
        mpq_add (r->c[i + j], r->c[i + j], t);
      }
  mpq_clear (t);
  r->deg = a->deg + b->deg;
  poly_norm (r);
  return 1;
}

void ic_ratfun_init (ic_ratfun *r) { poly_init (&r->p); poly_init (&r->q); }
void ic_ratfun_clear (ic_ratfun *r) { poly_clear (&r->p); poly_clear (&r->q); }

/* Coefficient sizes stay bounded (hostile literals like 1e10000 are fine,
 * but products of many of them are cut off). */
static int small (const ic_ratfun *r)
{
  for (int i = 0; i <= r->p.deg; i++)
    if (mpz_sizeinbase (mpq_numref (r->p.c[i]), 2) + mpz_sizeinbase (mpq_denref (r->p.c[i]), 2) > 200000) return 0;
  for (int i = 0; i <= r->q.deg; i++)
    if (mpz_sizeinbase (mpq_numref (r->q.c[i]), 2) + mpz_sizeinbase (mpq_denref (r->q.c[i]), 2) > 200000) return 0;
  return 1;
}

static int rf (ic_ratfun *r, const ic_node *e, int depth)
{
  if (depth > IC_TERM_MAX_DEPTH + 16) return 0;
  mpq_t one;
  mpq_init (one);
  mpq_set_ui (one, 1, 1);
  int ok = 0;
  switch (e->op)
    {
    case IC_NUM:
      poly_const (&r->p, e->q);
      poly_const (&r->q, one);
      ok = 1;
      break;
    case IC_VAR:
      poly_const (&r->p, one);
      mpq_set_ui (r->p.c[0], 0, 1);
      mpq_set_ui (r->p.c[1], 1, 1);
      r->p.deg = 1;
      poly_const (&r->q, one);
      ok = 1;
      break;
    case IC_NEG:
      if ((ok = rf (r, e->a, depth + 1)))
        for (int i = 0; i <= r->p.deg; i++) mpq_neg (r->p.c[i], r->p.c[i]);
      break;
    case IC_ADD: case IC_SUB: case IC_MUL: case IC_DIV:
      {
        ic_ratfun a, b;
        ic_ratfun_init (&a); ic_ratfun_init (&b);
        if (rf (&a, e->a, depth + 1) && rf (&b, e->b, depth + 1))
          {
            ic_poly t1, t2;
            poly_init (&t1); poly_init (&t2);
            if (e->op == IC_MUL)
              ok = poly_mul (&r->p, &a.p, &b.p) && poly_mul (&r->q, &a.q, &b.q);
            else if (e->op == IC_DIV)
              ok = b.p.deg >= 0 && poly_mul (&r->p, &a.p, &b.q) && poly_mul (&r->q, &a.q, &b.p);
            else
              {
                /* a/b +- c/d = (a d +- c b) / (b d) */
                ok = poly_mul (&t1, &a.p, &b.q) && poly_mul (&t2, &b.p, &a.q) && poly_mul (&r->q, &a.q, &b.q);
                if (ok) poly_addsub (&r->p, &t1, &t2, e->op == IC_ADD ? 1 : -1);
              }
            poly_clear (&t1); poly_clear (&t2);
          }
        ic_ratfun_clear (&a); ic_ratfun_clear (&b);
      }
      break;
    case IC_POW:
      if (e->b->op == IC_NUM && mpz_cmp_ui (mpq_denref (e->b->q), 1) == 0
          && mpz_cmpabs_ui (mpq_numref (e->b->q), IC_RATFUN_MAX_DEG) <= 0)
        {
          long k = mpz_get_si (mpq_numref (e->b->q));
          ic_ratfun a;
          ic_ratfun_init (&a);
          if (rf (&a, e->a, depth + 1) && (k >= 0 || a.p.deg >= 0))
            {
              ic_poly t;
              poly_init (&t);
              poly_const (&r->p, one);
              poly_const (&r->q, one);
              ok = 1;
              long m = k < 0 ? -k : k;
              for (long i = 0; ok && i < m; i++)
                {
                  ok = poly_mul (&t, &r->p, &a.p);
                  poly_set (&r->p, &t);
                  ok = ok && poly_mul (&t, &r->q, &a.q);
                  poly_set (&r->q, &t);
                }
              if (ok && k < 0)
                for (int i = 0; i <= IC_RATFUN_MAX_DEG; i++) mpq_swap (r->p.c[i], r->q.c[i]);
              if (ok && k < 0) { int d = r->p.deg; r->p.deg = r->q.deg; r->q.deg = d; }
              poly_clear (&t);
            }
          ic_ratfun_clear (&a);
        }
      break;
    default:
      break;
    }
  mpq_clear (one);
  return ok && r->q.deg >= 0 && small (r);
}

int ic_ratfun_of (ic_ratfun *r, const ic_node *e) { return rf (r, e, 0); }

void ic_ratfun_sub_one (ic_ratfun *r)
{
  ic_poly t;
  poly_init (&t);
  poly_addsub (&t, &r->p, &r->q, -1);
  poly_set (&r->p, &t);
  poly_clear (&t);
}
