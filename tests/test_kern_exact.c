/* test_kern_exact.c — runtime tests of the exact layer of the evaluator
 * (src/kern/exact.c, proved by WP) and of the trusted GMP contracts it
 * rests on (specs/gmpq.h, src/qwrap.c).
 *
 *  - The GMP contracts: mpq_add/sub/mul/div/neg/abs against the same
 *    operations done on numerators and denominators with GMP's integer
 *    functions (then canonicalised), and the queries ic_q_sgn, ic_q_is_int,
 *    ic_q_equal_si, ic_q_get_si against MPFR's sign of the exact value, GMP's
 *    divisibility test and integer comparisons.
 *  - ic_exact_undef, ic_exact_hyp, ic_exact_arith on random rationals
 *    (0, +-1, small and huge integers, fractions, often the edge cases)
 *    with random flags: each answer against the definitions of
 *    specs/term.acsl written out here (OpDef's domains, EvHyp's facts).
 * Random tests print their seed (argv[1] replays a run). */
#include <limits.h>
#include "axioms_harness.h"
#include "exact.h"


/* A random canonical rational: 0, +-1, an integer of up to 80 bits (so
 * beyond a long at times), LONG_MIN/LONG_MAX and their neighbours, or a
 * fraction. */
static void random_q (mpq_ptr q, gmp_randstate_t st)
{
  unsigned long kind = gmp_urandomm_ui (st, 8);
  switch (kind)
    {
    case 0: mpq_set_ui (q, 0, 1); return;
    case 1: mpq_set_si (q, gmp_urandomm_ui (st, 2) ? 1 : -1, 1); return;
    case 2:
      mpq_set_si (q, gmp_urandomm_ui (st, 2) ? LONG_MAX : LONG_MIN, 1);
      if (gmp_urandomm_ui (st, 2))
        {
          mpz_add_ui (mpq_numref (q), mpq_numref (q), 1);      /* LONG_MIN + 1 or LONG_MAX + 1 */
          if (mpz_sgn (mpq_numref (q)) < 0) mpz_sub_ui (mpq_numref (q), mpq_numref (q), 2);  /* LONG_MIN - 1 */
        }
      return;
    case 3: case 4:
      mpz_urandomb (mpq_numref (q), st, kind == 3 ? 20 : 80);
      mpz_set_ui (mpq_denref (q), 1);
      break;
    default:
      mpz_urandomb (mpq_numref (q), st, 1 + gmp_urandomm_ui (st, 60));
      do mpz_urandomb (mpq_denref (q), st, 1 + gmp_urandomm_ui (st, 60));
      while (mpz_sgn (mpq_denref (q)) == 0);
      mpq_canonicalize (q);
      break;
    }
  if (gmp_urandomm_ui (st, 2)) mpq_neg (q, q);
}

/* the sign of q from MPFR (mpfr_set_q is correctly rounded: the sign and
 * the zero are exact) */
static int sign_mpfr (mpq_srcptr q)
{
  mpfr_t x;
  mpfr_init2 (x, 64);
  mpfr_set_q (x, q, MPFR_RNDN);
  int s = mpfr_sgn (x);
  mpfr_clear (x);
  return s < 0 ? -1 : s > 0;
}

static int is_int_ref (mpq_srcptr q) { return mpz_divisible_p (mpq_numref (q), mpq_denref (q)) != 0; }

static int fits_long_ref (mpq_srcptr q)
{
  return is_int_ref (q) && mpz_cmp_si (mpq_numref (q), LONG_MIN) >= 0 && mpz_cmp_si (mpq_numref (q), LONG_MAX) <= 0;
}

/* z = a op b on numerators and denominators (n/d form, then canonical) */
static void arith_ref (mpq_ptr z, int op, mpq_srcptr a, mpq_srcptr b)
{
  mpz_t n, d, t;
  mpz_inits (n, d, t, (mpz_ptr) 0);
  const __mpz_struct *na = mpq_numref (a), *da = mpq_denref (a), *nb = mpq_numref (b), *db = mpq_denref (b);
  switch (op)
    {
    case IC_ADD: case IC_SUB:
      mpz_mul (n, na, db);
      mpz_mul (t, nb, da);
      if (op == IC_ADD) mpz_add (n, n, t); else mpz_sub (n, n, t);
      mpz_mul (d, da, db);
      break;
    case IC_MUL: mpz_mul (n, na, nb); mpz_mul (d, da, db); break;
    case IC_DIV:
      mpz_mul (n, na, db); mpz_mul (d, da, nb);
      if (mpz_sgn (d) < 0) { mpz_neg (n, n); mpz_neg (d, d); }
      break;
    case IC_NEG: mpz_neg (n, na); mpz_set (d, da); break;
    default: mpz_abs (n, na); mpz_set (d, da); break;   /* IC_ABS */
    }
  mpz_set (mpq_numref (z), n);
  mpz_set (mpq_denref (z), d);
  mpq_canonicalize (z);
  mpz_clears (n, d, t, (mpz_ptr) 0);
}

static void test_gmp_contracts (gmp_randstate_t st)
{
  mpq_t a, b, z, r;
  mpq_inits (a, b, z, r, (mpq_ptr) 0);
  int ok_ar = 1, ok_sgn = 1, ok_int = 1, ok_eq = 1, ok_get = 1;
  long n = 4000;
  for (long i = 0; i < n; i++)
    {
      random_q (a, st);
      random_q (b, st);
      /* the arithmetic contracts (and the operands left unchanged) */
      static const int ops[] = { IC_ADD, IC_SUB, IC_MUL, IC_DIV, IC_NEG, IC_ABS };
      int op = ops[i % 6];
      if (!(op == IC_DIV && mpq_sgn (b) == 0))
        {
          mpq_t a0, b0;
          mpq_init (a0); mpq_init (b0);
          mpq_set (a0, a); mpq_set (b0, b);
          switch (op)
            {
            case IC_ADD: mpq_add (z, a, b); break;
            case IC_SUB: mpq_sub (z, a, b); break;
            case IC_MUL: mpq_mul (z, a, b); break;
            case IC_DIV: mpq_div (z, a, b); break;
            case IC_NEG: mpq_neg (z, a); break;
            default: mpq_abs (z, a); break;
            }
          arith_ref (r, op, a, b);
          if (!mpq_equal (z, r) || !mpq_equal (a, a0) || !mpq_equal (b, b0)) ok_ar = 0;
          mpq_clear (a0); mpq_clear (b0);
        }
      /* the queries */
      int s = ic_q_sgn (a);
      if (s != sign_mpfr (a)) ok_sgn = 0;
      if ((ic_q_is_int (a) != 0) != is_int_ref (a)) ok_int = 0;
      long m = (long) gmp_urandomm_ui (st, 5) - 2;          /* -2 .. 2 */
      if (i % 5 == 0 && fits_long_ref (a)) m = mpz_get_si (mpq_numref (a));
      mpq_set_si (r, m, 1);
      if ((ic_q_equal_si (a, m) != 0) != (mpq_cmp (a, r) == 0)) ok_eq = 0;
      long k = 12345;
      int g = ic_q_get_si (&k, a);
      if ((g != 0) != fits_long_ref (a)) ok_get = 0;
      else if (g) { mpq_set_si (r, k, 1); if (!mpq_equal (r, a)) ok_get = 0; }
      else if (k != 12345) ok_get = 0;                      /* *k untouched */
    }
  report (ok_ar, "gmpq_contract_arith", n);
  report (ok_sgn, "gmpq_contract_ic_q_sgn", n);
  report (ok_int, "gmpq_contract_ic_q_is_int", n);
  report (ok_eq, "gmpq_contract_ic_q_equal_si", n);
  report (ok_get, "gmpq_contract_ic_q_get_si", n);
  mpq_clears (a, b, z, r, (mpq_ptr) 0);
}

/* OpDef (specs/term.acsl) at exact u = a, w = b, for the operations whose
 * undefinedness ic_exact_undef decides */
static int opdef_ref (int op, mpq_srcptr a, mpq_srcptr b)
{
  int sa = sign_mpfr (a), sb = sign_mpfr (b);
  switch (op)
    {
    case IC_DIV: return sb != 0;
    case IC_LOG: return sa > 0;
    case IC_SQRT: return sa >= 0;
    case IC_POW: return sa > 0 || (sa == 0 && sb > 0) || (is_int_ref (b) && (sa != 0 || sb >= 0));
    case IC_FACT: return is_int_ref (a) && sa >= 0;
    default: return 1;
    }
}

static void test_exact (gmp_randstate_t st)
{
  mpq_t a, b, z, r;
  mpq_inits (a, b, z, r, (mpq_ptr) 0);
  int ok_undef = 1, ok_hyp = 1, ok_arith = 1, ok_none = 1;
  long n = 6000, n_undef = 0;
  static const int ops[] = { IC_ADD, IC_SUB, IC_MUL, IC_DIV, IC_POW, IC_NEG,
                             IC_LOG, IC_EXP, IC_SQRT, IC_SIN, IC_ABS, IC_FACT };
  for (long i = 0; i < n; i++)
    {
      random_q (a, st);
      random_q (b, st);
      int op = ops[gmp_urandomm_ui (st, sizeof ops / sizeof ops[0])];
      int a_ex = (int) gmp_urandomm_ui (st, 4) != 0, b_ex = (int) gmp_urandomm_ui (st, 4) != 0;
      /* undef: never where OpDef holds; exactly "not OpDef" for division,
       * log, sqrt and factorial when the operand it depends on is exact;
       * with that flag cleared nothing (no claim can hold for every value
       * of the operand) */
      int u = ic_exact_undef (op, a_ex, a, b_ex, b);
      int want;
      switch (op)
        {
        case IC_DIV: want = b_ex && !opdef_ref (op, a, b); break;
        case IC_LOG: case IC_SQRT: case IC_FACT: want = a_ex && !opdef_ref (op, a, b); break;
        /* a power: only 0^w for w a negative integer is decided here (a
         * negative base to a non-integer power is the interval step's) */
        case IC_POW: want = a_ex && b_ex && sign_mpfr (a) == 0 && sign_mpfr (b) < 0 && is_int_ref (b); break;
        default: want = 0; break;
        }
      if ((u != 0) != want || (u && opdef_ref (op, a, b))) ok_undef = 0;
      n_undef += u != 0;
      /* hyp: the flags of EvHyp against the definitions */
      ic_evop_hyp h;
      h.range = 7; h.b_var = 9;
      ic_exact_hyp (&h, a_ex, a, b_ex, b);
      int b_int = b_ex && fits_long_ref (b);
      if (h.range != 7 || h.b_var != 9 || (h.b_int != 0) != b_int
          || (b_int && mpz_cmp_si (mpq_numref (b), h.k) != 0)
          || (h.b_nonint != 0) != (b_ex && !is_int_ref (b))
          || (h.a_zero != 0) != (a_ex && sign_mpfr (a) == 0)
          || (h.a_m1 != 0) != (a_ex && mpq_cmp_si (a, -1, 1) == 0))
        ok_hyp = 0;
      /* arith: the value, or 0 and z untouched */
      mpq_set_si (z, 777, 1);
      int arith_op = op == IC_ADD || op == IC_SUB || op == IC_MUL || op == IC_DIV || op == IC_NEG || op == IC_ABS;
      int x = ic_exact_arith (z, op, a, b);
      if (arith_op && !(op == IC_DIV && mpq_sgn (b) == 0))
        {
          arith_ref (r, op, a, b);
          if (!x || !mpq_equal (z, r)) ok_arith = 0;
        }
      else if (x || mpq_cmp_si (z, 777, 1) != 0)
        ok_none = 0;
    }
  report (ok_undef && n_undef > 100, "ic_exact_undef_domains", n);
  report (ok_hyp, "ic_exact_hyp_facts", n);
  report (ok_arith, "ic_exact_arith_values", n);
  report (ok_none, "ic_exact_arith_refusals", n);
  mpq_clears (a, b, z, r, (mpq_ptr) 0);
}

int main (int argc, char **argv)
{
  gmp_randstate_t st;
  harness_init (st, argc, argv);   /* the seed: printed, argv[1] replays */
  test_gmp_contracts (st);
  test_exact (st);
  gmp_randclear (st);
  mpfr_free_cache ();
  return nfail != 0;
}
