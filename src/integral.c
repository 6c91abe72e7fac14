/* integral.c — monomial decomposition and closed-form tail integrals
 * (integral.h).
 *
 * Decomposition rules (identities on x > 1, where x > 0 and log x > 0):
 *   constant -> c x^0 (log x)^0;  x -> x^1;  log(x) -> (log x)^1;
 *   sums and differences concatenate; products multiply pairwise;
 *   A / B with B a single monomial (c != 0): A * B^-1;
 *   A^q (q exact rational, A a single monomial): c^q x^(aq) (log x)^(bq),
 *   valid for integer q, or for c > 0 (all three factors positive);
 *   sqrt(A) = A^(1/2).
 * Integrals (each the antiderivative evaluated at M, vanishing at inf):
 *   d/dx [x^(a+1)/(a+1)] = x^a,  a + 1 < 0 so x^(a+1) -> 0;
 *   d/dx [(log x)^(b+1)/(b+1)] = x^-1 (log x)^b,  b + 1 < 0.
 */
#include <string.h>
#include "integral.h"
#include "taylor.h"

static void mono_init (ic_mono *m, mpfr_prec_t prec)
{
  ic_ival_init2 (m->c, prec);
  mpq_init (m->a);
  mpq_init (m->b);
}

static void mono_clear (ic_mono *m)
{
  ic_ival_clear (m->c);
  mpq_clear (m->a);
  mpq_clear (m->b);
}

void ic_monos_clear (ic_monos *ms)
{
  for (int i = 0; i < ms->n; i++) mono_clear (&ms->m[i]);
  ms->n = 0;
}

/* Exact rational value of a constant expression built from numbers with
 * + - * / and integer powers.  Returns 1 on success. */
static int const_q (mpq_t q, const ic_node *e)
{
  mpq_t a, b;
  int ok = 1;
  switch (e->op)
    {
    case IC_NUM: mpq_set (q, e->q); return 1;
    case IC_NEG:
      if (!const_q (q, e->a)) return 0;
      mpq_neg (q, q);
      return 1;
    case IC_ADD: case IC_SUB: case IC_MUL: case IC_DIV: case IC_POW:
      mpq_inits (a, b, (mpq_ptr) 0);
      ok = const_q (a, e->a) && const_q (b, e->b);
      if (ok)
        switch (e->op)
          {
          case IC_ADD: mpq_add (q, a, b); break;
          case IC_SUB: mpq_sub (q, a, b); break;
          case IC_MUL: mpq_mul (q, a, b); break;
          case IC_DIV:
            if (mpq_sgn (b) == 0) ok = 0; else mpq_div (q, a, b);
            break;
          default:
            /* integer power with a small exponent */
            if (mpz_cmp_ui (mpq_denref (b), 1) != 0 || !mpz_fits_slong_p (mpq_numref (b))
                || mpz_cmpabs_ui (mpq_numref (b), 64) > 0)
              ok = 0;
            else
              {
                long k = mpz_get_si (mpq_numref (b));
                if (k < 0 && mpq_sgn (a) == 0) { ok = 0; break; }
                mpz_pow_ui (mpq_numref (q), mpq_numref (a), k < 0 ? -k : k);
                mpz_pow_ui (mpq_denref (q), mpq_denref (a), k < 0 ? -k : k);
                mpq_canonicalize (q);
                if (k < 0) mpq_inv (q, q);
              }
          }
      mpq_clears (a, b, (mpq_ptr) 0);
      return ok;
    default:
      return 0;
    }
}

static void merge (ic_monos *ms)
{
  for (int i = 0; i < ms->n; i++)
    for (int j = i + 1; j < ms->n; j++)
      if (mpq_equal (ms->m[i].a, ms->m[j].a) && mpq_equal (ms->m[i].b, ms->m[j].b))
        {
          ic_ival_add (ms->m[i].c, ms->m[i].c, ms->m[j].c);
          mono_clear (&ms->m[j]);
          ms->m[j] = ms->m[ms->n - 1];
          ms->n--;
          j--;
        }
}

static int monos (ic_monos *ms, const ic_node *e, mpfr_prec_t prec);

static int push1 (ic_monos *ms, mpfr_prec_t prec)
{
  if (ms->n >= IC_MONO_MAX) return 0;
  mono_init (&ms->m[ms->n], prec);
  ms->n++;
  return 1;
}

/* ms := ms^q for a single monomial. */
static int mono_pow (ic_monos *ms, const mpq_t q, mpfr_prec_t prec)
{
  if (ms->n != 1) return 0;
  ic_mono *m = &ms->m[0];
  int isint = mpz_cmp_ui (mpq_denref (q), 1) == 0 && mpz_fits_slong_p (mpq_numref (q));
  if (isint)
    {
      long k = mpz_get_si (mpq_numref (q));
      if (k < 0 && !(ic_ival_is_pos (m->c) || ic_ival_is_neg (m->c))) return 0;
      ic_ival_pow_si (m->c, m->c, k);
    }
  else
    {
      ic_ival_t qq;
      if (!ic_ival_is_pos (m->c)) return 0;
      ic_ival_init2 (qq, prec);
      ic_ival_set_q (qq, q);
      ic_ival_pow (m->c, m->c, qq);
      ic_ival_clear (qq);
    }
  mpq_mul (m->a, m->a, q);
  mpq_mul (m->b, m->b, q);
  return 1;
}

static int monos (ic_monos *ms, const ic_node *e, mpfr_prec_t prec)
{
  ic_monos b;
  mpq_t q;

  if (!ic_taylor_has_var (e))
    {
      ic_ival_t x;
      int st;
      if (!push1 (ms, prec)) return 0;
      ic_ival_init2 (x, prec);
      ic_ival_set_si (x, 2);
      st = ic_taylor_eval_point (ms->m[ms->n - 1].c, e, x, prec);
      ic_ival_clear (x);
      return st == IC_IVAL_OK && ic_ival_is_finite (ms->m[ms->n - 1].c);
    }
  switch (e->op)
    {
    case IC_VAR:
      if (!push1 (ms, prec)) return 0;
      ic_ival_set_si (ms->m[ms->n - 1].c, 1);
      mpq_set_ui (ms->m[ms->n - 1].a, 1, 1);
      return 1;
    case IC_LOG:
      if (e->a->op != IC_VAR) return 0;
      if (!push1 (ms, prec)) return 0;
      ic_ival_set_si (ms->m[ms->n - 1].c, 1);
      mpq_set_ui (ms->m[ms->n - 1].b, 1, 1);
      return 1;
    case IC_NEG:
      {
        int n0 = ms->n;
        if (!monos (ms, e->a, prec)) return 0;
        for (int i = n0; i < ms->n; i++) ic_ival_neg (ms->m[i].c, ms->m[i].c);
        return 1;
      }
    case IC_ADD: case IC_SUB:
      {
        int n0;
        if (!monos (ms, e->a, prec)) return 0;
        n0 = ms->n;
        if (!monos (ms, e->b, prec)) return 0;
        if (e->op == IC_SUB)
          for (int i = n0; i < ms->n; i++) ic_ival_neg (ms->m[i].c, ms->m[i].c);
        return 1;
      }
    case IC_MUL: case IC_DIV:
      {
        ic_monos a;
        int ok;
        a.n = 0; b.n = 0;
        ok = monos (&a, e->a, prec) && monos (&b, e->b, prec);
        if (ok && e->op == IC_DIV)
          {
            mpq_init (q);
            mpq_set_si (q, -1, 1);
            ok = mono_pow (&b, q, prec);
            mpq_clear (q);
          }
        if (ok && ms->n + a.n * b.n > IC_MONO_MAX) ok = 0;
        for (int i = 0; ok && i < a.n; i++)
          for (int j = 0; j < b.n; j++)
            {
              push1 (ms, prec);
              ic_mono *m = &ms->m[ms->n - 1];
              ic_ival_mul (m->c, a.m[i].c, b.m[j].c);
              mpq_add (m->a, a.m[i].a, b.m[j].a);
              mpq_add (m->b, a.m[i].b, b.m[j].b);
            }
        ic_monos_clear (&a);
        ic_monos_clear (&b);
        return ok;
      }
    case IC_POW: case IC_SQRT:
      {
        int ok;
        mpq_init (q);
        if (e->op == IC_SQRT) { mpq_set_ui (q, 1, 2); ok = 1; }
        else ok = !ic_taylor_has_var (e->b) && const_q (q, e->b);
        b.n = 0;
        ok = ok && monos (&b, e->a, prec);
        if (ok) { merge (&b); ok = mono_pow (&b, q, prec); }
        if (ok && ms->n < IC_MONO_MAX)
          {
            ms->m[ms->n++] = b.m[0];       /* move */
            b.n = 0;
          }
        else ok = 0;
        ic_monos_clear (&b);
        mpq_clear (q);
        return ok;
      }
    default:
      return 0;
    }
}

int ic_monos_of (ic_monos *ms, const ic_node *f, mpfr_prec_t prec)
{
  ms->n = 0;
  if (!monos (ms, f, prec)) { ic_monos_clear (ms); return 0; }
  merge (ms);
  /* drop exact zeros */
  for (int i = 0; i < ms->n; i++)
    if (mpfr_zero_p (ms->m[i].c->lo) && mpfr_zero_p (ms->m[i].c->hi))
      {
        mono_clear (&ms->m[i]);
        ms->m[i] = ms->m[ms->n - 1];
        ms->n--;
        i--;
      }
  return 1;
}

int ic_integral_tail_monos (ic_ival_ptr out, const ic_monos *ms, unsigned long M,
                            mpfr_prec_t prec)
{
  ic_ival_t s, t, e, x;
  mpq_t q;
  int ok = 1;
  if (M < 2) return 0;
  ic_ival_init2 (s, prec); ic_ival_init2 (t, prec);
  ic_ival_init2 (e, prec); ic_ival_init2 (x, prec);
  mpq_init (q);
  ic_ival_set_si (s, 0);
  for (int i = 0; ok && i < ms->n; i++)
    {
      const ic_mono *m = &ms->m[i];
      ic_ival_set_ui (x, M);
      if (mpq_sgn (m->b) == 0 && mpq_cmp_si (m->a, -1, 1) < 0)
        {
          mpq_set_si (q, 1, 1);
          mpq_add (q, q, m->a);                  /* q = a + 1 < 0 */
          ic_ival_set_q (e, q);
          ic_ival_pow (t, x, e);                 /* M^(a+1) */
          ic_ival_neg (e, e);
          ic_ival_div (t, t, e);                 /* / (-(a+1)) > 0 */
        }
      else if (mpq_cmp_si (m->a, -1, 1) == 0 && mpq_cmp_si (m->b, -1, 1) < 0)
        {
          mpq_set_si (q, 1, 1);
          mpq_add (q, q, m->b);                  /* q = b + 1 < 0 */
          ic_ival_set_q (e, q);
          ic_ival_log (x, x);                    /* log M > 0 (M >= 2) */
          ic_ival_pow (t, x, e);
          ic_ival_neg (e, e);
          ic_ival_div (t, t, e);
        }
      else
        ok = 0;
      if (ok)
        {
          ic_ival_mul (t, t, m->c);
          ic_ival_add (s, s, t);
        }
    }
  if (ok && ic_ival_is_finite (s)) ic_ival_set (out, s); else ok = 0;
  ic_ival_clear (s); ic_ival_clear (t); ic_ival_clear (e); ic_ival_clear (x);
  mpq_clear (q);
  return ok;
}

int ic_integral_tail (ic_ival_ptr out, const ic_node *f, unsigned long M,
                      mpfr_prec_t prec)
{
  ic_monos ms;
  int ok;
  if (!ic_monos_of (&ms, f, prec + 16)) return 0;
  ok = ic_integral_tail_monos (out, &ms, M, prec);
  ic_monos_clear (&ms);
  return ok;
}
