/* em.c — certified tails by Euler–Maclaurin summation and zeta expansions
 * (see em.h for the methods, kern/em_kern.h for the theorems).
 *
 * Structure of every method: sum_{n>=N} f(n) = D + T with
 *   D = sum_{N<=n<M} f(n)   summed directly (outward rounding), and
 *   T = sum_{n>=M} f(n)     by Euler–Maclaurin with the remainder kernel.
 * The cut-off M, the number m of Bernoulli terms, the series length K and
 * the precisions are heuristics (labelled so): they decide only how wide
 * the final enclosure is, never whether it is one.
 *
 * Hurwitz zeta by Euler–Maclaurin (f(x) = x^-s, s > 1, is CM on [M, inf):
 * f^(2m+2) >= 0, f^(2m+1) -> 0, so em_kern's hypothesis holds):
 *   zeta(s, M) = M^-s Z,
 *   Z = M/(s-1) + 1/2 + sum_{j=1}^{m} b_j g_j + R',
 *   b_j = B_2j/(2j)!,  g_j = (s)_(2j-1) M^(1-2j)  (rising factorial),
 *   R' in hull(0, 2 b_(m+1) g_(m+1)),
 * which is [EM] with f^(2j-1)(M) = -(s)_(2j-1) M^(-s-2j+1), scaled by M^s.
 * g_(j+1) = g_j (s+2j-1)(s+2j) / M^2 is computed with exact integer
 * factors (s = SP/SQ rational) in directed rounding.
 *
 * Zeta expansion for log(1 + c x^-p), |c| M^-p < 1, p > 1:
 *   log(1 + u) = -sum_{k>=1} (-u)^k / k  for |u| < 1, absolutely
 *   convergent together with the sum over n (Fubini/Tonelli), so
 *   T = -sum_{k>=1} (-c)^k / k zeta(pk, M);
 * terms k > K are bounded by ic_em_logseries_tail (em_kern.h, fact [Z]).
 */
#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "em.h"
#include "cancel.h"
#include "cm.h"
#include "taylor.h"
#include "integral.h"
#include "bernoulli.h"
#include "em_kern.h"
#include "checked.h"
#include "symb.h"
#include "buf.h"

#define LOG2_10 3.321928094887362
#define IC_PI 3.141592653589793
/* Resource limits of the direct part N <= n < M (sieve): the cut-off M
 * and the memory of the sieve's table. */
#define EM_MAX_M 100000000UL
#define EM_SIEVE_MAX_BYTES (2.0 * 1024 * 1024 * 1024)
/* Resource limit on the number of zeta terms of the expansion. */
#define EM_MAX_K 10000000UL

/* ---- interval helpers: the proved operations (src/kern/ival.c) --------- */

static void pmul (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y) { ic_ival_mul_nonneg (z, x, y); }
static void padd (ic_ival_ptr z, ic_ival_srcptr x, ic_ival_srcptr y) { ic_ival_add (z, x, y); }

/* z = n^-s for s = A + R/Q (0 < R < Q <= 2^16) without log and exp.
 *
 * y ~ n^(-1/Q) by Newton's iteration y += y (1 - n y^Q)/Q at doubling
 * precision up to about half the working precision (a heuristic, never
 * trusted); then the proved ic_ival_rootinv encloses n^(-1/Q) from y by
 * [ROOT] (specs/powtrig.acsl, RootInv_Bracket): with eta = n y^Q - 1 and
 * |eta| <= 1/4, n^(-1/Q)/y = (1 + eta)^(-1/Q) lies in
 * [1 - eta/Q, 1 - eta/Q + 3 eta^2].  Newton leaves |eta| about
 * Q 2^-(wp/2), so eta^2 is below 2^-wp: the bracket is as narrow as the
 * working precision, at the cost of two powers y^Q where ic_ival_pow takes
 * two exponentials and two logarithms (three times faster at 3000 digits).
 * z = (n^(-1/Q))^R / n^A by the proved ic_ival_pow_si and ic_ival_div_z
 * (n^A an exact integer).  Returns 0 (z untouched) when the check
 * |eta| <= 1/4 fails or s is not of that form. */
static int pow_neg_root (ic_ival_ptr z, unsigned long n, const mpq_t s)
{
  if (!mpz_fits_ulong_p (mpq_numref (s)) || mpz_cmp_ui (mpq_denref (s), 65536) > 0
      || mpz_cmp_ui (mpq_denref (s), 1) == 0 || n < 2)
    return 0;
  unsigned long P = mpz_get_ui (mpq_numref (s)), Q = mpz_get_ui (mpq_denref (s));
  unsigned long A = P / Q, R = P % Q;
  mpfr_prec_t prec = ic_ival_get_prec (z), wp = prec + 24;
  /* heuristic: Newton's last precision; |eta| ~ Q 2^-np, eta^2 << 2^-wp */
  mpfr_prec_t np = wp / 2 + 24 + (mpfr_prec_t) log2 ((double) Q);
  if (np > wp) np = wp;
  mpfr_t y, t;
  mpfr_init2 (y, 53);
  mpfr_init2 (t, 53);
  mpfr_set_d (y, exp (-log ((double) n) / (double) Q), MPFR_RNDN);
  for (mpfr_prec_t cur = 53; cur < np;)
    {
      cur = 2 * cur - 8 < np ? 2 * cur - 8 : np;
      mpfr_prec_round (y, cur, MPFR_RNDN);
      mpfr_set_prec (t, cur);
      mpfr_pow_ui (t, y, Q, MPFR_RNDN);
      mpfr_mul_ui (t, t, n, MPFR_RNDN);
      mpfr_ui_sub (t, 1, t, MPFR_RNDN);                /* 1 - n y^Q */
      mpfr_mul (t, t, y, MPFR_RNDN);
      mpfr_div_ui (t, t, Q, MPFR_RNDN);
      mpfr_add (y, y, t, MPFR_RNDN);
    }
  ic_ival_t r, Y, E, T, U;
  ic_ival_init2 (r, wp); ic_ival_init2 (Y, wp);
  ic_ival_init2 (E, wp); ic_ival_init2 (T, wp); ic_ival_init2 (U, wp);
  ic_ival_set_fr (Y, y);                               /* y rounded outward */
  int ok = ic_ival_rootinv (r, Y, E, T, U, n, Q);      /* n^(-1/Q) */
  if (ok)
    {
      mpz_t nA;
      mpz_init (nA);
      mpz_ui_pow_ui (nA, n, A);                        /* exact */
      ic_ival_pow_si (r, r, (long) R);                 /* n^(-R/Q) */
      ic_ival_div_z (z, r, nA);                        /* n^-s */
      mpz_clear (nA);
    }
  ic_ival_clear (r); ic_ival_clear (Y);
  ic_ival_clear (E); ic_ival_clear (T); ic_ival_clear (U);
  mpfr_clears (y, t, (mpfr_ptr) 0);
  return ok;
}

/* z encloses n^-s for an integer n >= 1 and a rational s, by proved
 * operations only: an integer s (up to 64) as 1 / n^s with n^s an exact
 * integer, any other s as the interval power [n, n]^[-s] (ic_ival_pow). */
static void pow_neg (ic_ival_ptr z, unsigned long n, const mpq_t s)
{
  if (mpz_cmp_ui (mpq_denref (s), 1) == 0 && mpz_fits_ulong_p (mpq_numref (s))
      && mpz_get_ui (mpq_numref (s)) <= 64)
    {
      mpz_t p;
      mpz_init (p);
      mpz_ui_pow_ui (p, n, mpz_get_ui (mpq_numref (s)));
      ic_ival_set_ui (z, 1);
      ic_ival_div_z (z, z, p);                      /* p = n^s >= 1 */
      mpz_clear (p);
      return;
    }
  ic_ival_t x, y;
  mpfr_prec_t prec = ic_ival_get_prec (z) + 8;
  ic_ival_init2 (x, prec); ic_ival_init2 (y, prec);
  ic_ival_set_ui (x, n);
  ic_ival_set_q (y, s);
  ic_ival_neg (y, y);
  ic_ival_pow (z, x, y);                            /* x = [n, n] > 0 */
  ic_ival_clear (x); ic_ival_clear (y);
}

/* ---- direct sums by a multiplicative sieve ------------------------------
 * n^-s is completely multiplicative and log n completely additive: for
 * composite n with smallest prime factor p, n^-s = p^-s (n/p)^-s and
 * log n = log p + log(n/p), both factors <= n/2 (stored).  Primes use
 * pow_neg and ic_ival_log.  Calls back acc(n, v_n, l_n) for N <= n < M,
 * with l_n enclosing log n when want_log, else NULL. */
typedef void (*acc_fn) (void *st, unsigned long n, ic_ival_srcptr v, ic_ival_srcptr l);

/* l encloses log n for an integer n >= 2 (the proved ic_ival_log of the
 * point n). */
static void log_int (ic_ival_ptr l, unsigned long n)
{
  ic_ival_set_ui (l, n);
  ic_ival_log (l, l);                      /* n >= 2 > 0 */
}

static int sieve_pow (unsigned long N, unsigned long M, const mpq_t s, int want_log,
                      mpfr_prec_t prec, acc_fn acc, void *st)
{
  int ok = 1;
  if (N >= M) return 1;
  /* Resource limit: the sieve stores M smallest prime factors (< 2^32
   * each) and (M-1)/2 intervals (two with logs) of precision prec; a
   * larger M fails the method (the caller then says unknown or tries
   * another method) instead of aborting in calloc/mpfr_init2. */
  if (M > EM_MAX_M) return 0;
  unsigned long H = (M - 1) / 2;                 /* store v_n for n <= H */
  int nv = want_log ? 2 : 1;
  double bytes = (double) M * sizeof (unsigned int)
    + (double) nv * (double) (H + 1) * ((double) sizeof (ic_ival_struct) + 2.0 * ((double) prec / 8 + 16));
  if (bytes > EM_SIEVE_MAX_BYTES || !ic_mem_take ((size_t) bytes)) return 0;
  unsigned int *spf = calloc (M, sizeof *spf);
  ic_ival_struct *v = malloc ((size_t) nv * (H + 1) * sizeof *v);
  ic_ival_struct *lg = want_log && v ? v + H + 1 : NULL;
  ic_ival_t cur, lcur;
  if (!spf || !v) { free (spf); free (v); ic_mem_give ((size_t) bytes); return 0; }
  for (unsigned long i = 0; i < (unsigned long) nv * (H + 1); i++) ic_ival_init2 (&v[i], prec);
  ic_ival_init2 (cur, prec);
  ic_ival_init2 (lcur, prec);
  for (unsigned long i = 2; i < M; i++)
    if (!spf[i])
      for (unsigned long j = i; j < M; j += i)
        if (!spf[j]) spf[j] = (unsigned int) i;
  if (H >= 1) { ic_ival_set_ui (&v[1], 1); if (lg) ic_ival_set_ui (&lg[1], 0); }
  if (N <= 1)
    {
      ic_ival_set_ui (cur, 1);                    /* 1^-s = 1 */
      ic_ival_set_ui (lcur, 0);                   /* log 1 = 0 */
      acc (st, 1, cur, lg ? lcur : NULL);
    }
  for (unsigned long n = 2; n < M; n++)
    {
      if (n % 1024 == 0 && ic_cancelled ()) { ok = 0; break; }
      if (n < N && n > H) continue;               /* neither needed nor stored */
      if (spf[n] == n)
        {
          /* heuristic: the root iteration pays off at high precision */
          if (prec < 2048 || !pow_neg_root (cur, n, s)) pow_neg (cur, n, s);
          if (lg) log_int (lcur, n);              /* n >= 2 */
        }
      else
        {
          pmul (cur, &v[spf[n]], &v[n / spf[n]]);
          if (lg) padd (lcur, &lg[spf[n]], &lg[n / spf[n]]);
        }
      if (n <= H) { ic_ival_set (&v[n], cur); if (lg) ic_ival_set (&lg[n], lcur); }
      if (n >= N) acc (st, n, cur, lg ? lcur : NULL);
    }
  for (unsigned long i = 0; i < (unsigned long) nv * (H + 1); i++) ic_ival_clear (&v[i]);
  ic_ival_clear (cur);
  ic_ival_clear (lcur);
  free (v);
  free (spf);
  ic_mem_give ((size_t) bytes);
  return ok;
}

/* ---- the same sieve for n^-s alone, shared with a helper thread ----------
 * Work sharing (issue 13): the thread that finishes its own work first
 * (the Bernoulli table's) joins the sieve, so that the wall time is about
 * half the CPU time.  Values v_n, n <= H, are stored (composites need
 * them); n > H are only accumulated.  Dependencies: a prime needs nothing;
 * a composite n needs v_p and v_(n/p), both <= n/2.
 *   phase 1: the calling thread walks n = 2..H in order (it must: the
 *            composites need their factors); the helper takes primes from
 *            the top down (any prime; one <= H it stores for the caller).
 *   phase 2: every v_n, n <= H, is stored, so all n in (H, M) are
 *            independent: both threads take chunks from a shared counter.
 * Each prime is claimed once (atomic state 0 -> 1, then 2 once v_p is
 * stored, release/acquire), so every n in [N, M) is accumulated exactly
 * once, into the accumulator of the thread that computed it: st for the
 * caller, st_help for the helper; the caller adds the two (an enclosure
 * of a sum or product in any order).  Every claimed item is finished
 * before a thread looks at the deadline again. */
static void acc_sum (void *st, unsigned long n, ic_ival_srcptr v, ic_ival_srcptr l);

typedef struct {
  pthread_mutex_t mu;
  pthread_cond_t cv;
  int stage;                    /* under mu: 0 setting up, 1 phase 1, 2 phase 2, 3 closed */
  int inside;                   /* under mu: helpers in the work loops */
  int stage_now;                /* atomic copy of stage (lock-free reads) */
  unsigned long N, M, H;        /* read-only from stage 1 on */
  mpq_srcptr s;
  mpfr_prec_t prec;
  const unsigned int *spf;
  ic_ival_struct *v;
  unsigned char *state;         /* per prime: 0 free, 1 claimed, 2 v_p stored (atomic) */
  unsigned long next;           /* phase 2: start of the next chunk (atomic) */
  acc_fn acc;
  int additive;                 /* acc is acc_sum: composites grouped (sieve_phase2) */
  void *st_help;                /* the helper's accumulator */
} sieve_share;

#define SIEVE_CHUNK 8UL

static void sieve_share_init (sieve_share *sh, void *st_help)
{
  memset (sh, 0, sizeof *sh);
  pthread_mutex_init (&sh->mu, NULL);
  pthread_cond_init (&sh->cv, NULL);
  sh->st_help = st_help;
}

static void sieve_share_destroy (sieve_share *sh)
{
  pthread_mutex_destroy (&sh->mu);
  pthread_cond_destroy (&sh->cv);
}

static void sieve_set_stage (sieve_share *sh, int stage)
{
  pthread_mutex_lock (&sh->mu);
  sh->stage = stage;
  __atomic_store_n (&sh->stage_now, stage, __ATOMIC_RELEASE);
  pthread_cond_broadcast (&sh->cv);
  pthread_mutex_unlock (&sh->mu);
}

/* n^-s for a prime n (the caller claimed it). */
static void sieve_prime (ic_ival_ptr cur, unsigned long n, mpq_srcptr s, mpfr_prec_t prec)
{
  /* heuristic: the root iteration pays off at high precision */
  if (prec < 2048 || !pow_neg_root (cur, n, s)) pow_neg (cur, n, s);
}

static int sieve_claim (sieve_share *sh, unsigned long n)
{
  unsigned char zero = 0;
  return __atomic_compare_exchange_n (&sh->state[n], &zero, 1, 0, __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}

/* Phase 2 (both threads): chunks of (H, M) from the shared counter.
 * For a plain sum (sh->additive) the composites of a chunk are grouped by
 * their smallest prime factor p <= sqrt(n):
 *   sum_{n in chunk, spf(n) = p} v_n = v_p sum_{n in chunk, spf(n) = p} v_(n/p)
 * (exact identity; v > 0, so the interval sum and product enclose it):
 * one product per group and chunk instead of one per composite. */
static int sieve_phase2 (sieve_share *sh, ic_ival_ptr cur, void *st)
{
  unsigned long chunk = sh->additive ? 256 : SIEVE_CHUNK, r = 1, nused = 0;
  ic_ival_struct *bk = NULL;                     /* bk[p]: the group sums */
  unsigned long *used = NULL;                    /* the p with a nonempty group */
  int ok = 1;
  if (sh->additive)
    {
      while ((r + 1) * (r + 1) <= sh->M) r++;    /* spf(n) <= r for composite n < M */
      bk = malloc ((r + 1) * sizeof *bk);
      used = malloc ((r + 1) * sizeof *used);
      if (!bk || !used) abort ();
      for (unsigned long p = 0; p <= r; p++) { ic_ival_init2 (&bk[p], sh->prec); ic_ival_set_si (&bk[p], 0); }
    }
  for (;;)
    {
      /* the deadline before the claim: a fetched chunk is always done */
      if (ic_cancelled ()) { ok = 0; break; }
      unsigned long a = __atomic_fetch_add (&sh->next, chunk, __ATOMIC_RELAXED);
      if (a >= sh->M) break;
      unsigned long b = a + chunk < sh->M ? a + chunk : sh->M;
      for (unsigned long n = a; n < b; n++)
        {
          if (n < sh->N) continue;                   /* n > H: not needed */
          unsigned long p = sh->spf[n];
          if (p == n)
            {
              if (!sieve_claim (sh, n)) continue;     /* the other thread has it */
              sieve_prime (cur, n, sh->s, sh->prec);
              sh->acc (st, n, cur, NULL);
            }
          else if (bk)
            {
              if (mpfr_zero_p (bk[p].hi)) used[nused++] = p;   /* group was empty */
              padd (&bk[p], &bk[p], &sh->v[n / p]);           /* n/p <= H, stored */
            }
          else
            {
              pmul (cur, &sh->v[p], &sh->v[n / p]);  /* both <= H, stored */
              sh->acc (st, n, cur, NULL);
            }
        }
      for (unsigned long i = 0; i < nused; i++)
        {
          unsigned long p = used[i];
          pmul (cur, &sh->v[p], &bk[p]);             /* v_p sum v_(n/p) */
          sh->acc (st, 0, cur, NULL);
          ic_ival_set_si (&bk[p], 0);
        }
      nused = 0;
    }
  if (bk)
    {
      for (unsigned long p = 0; p <= r; p++) ic_ival_clear (&bk[p]);
      free (bk);
      free (used);
    }
  return ok;
}

/* The helper's part (called on the helper thread, any time: before the
 * caller set the sieve up it waits, after the caller closed it it returns). */
static void sieve_help (sieve_share *sh)
{
  pthread_mutex_lock (&sh->mu);
  while (sh->stage == 0) pthread_cond_wait (&sh->cv, &sh->mu);
  if (sh->stage == 3) { pthread_mutex_unlock (&sh->mu); return; }
  sh->inside++;
  pthread_mutex_unlock (&sh->mu);
  ic_ival_t cur;
  ic_ival_init2 (cur, sh->prec);
  int ok = 1;
  /* phase 1: primes from the top down */
  for (unsigned long n = sh->M - 1; n >= 2 && ok; n--)
    {
      if (__atomic_load_n (&sh->stage_now, __ATOMIC_ACQUIRE) >= 2) break;
      if (sh->spf[n] != n || (n < sh->N && n > sh->H)) continue;
      if (!sieve_claim (sh, n)) continue;
      sieve_prime (cur, n, sh->s, sh->prec);
      if (n <= sh->H)
        {
          ic_ival_set (&sh->v[n], cur);
          __atomic_store_n (&sh->state[n], 2, __ATOMIC_RELEASE);
        }
      if (n >= sh->N) sh->acc (sh->st_help, n, cur, NULL);
      if (ic_cancelled ()) ok = 0;
    }
  if (ok)
    {
      pthread_mutex_lock (&sh->mu);
      while (sh->stage == 1) pthread_cond_wait (&sh->cv, &sh->mu);
      int st2 = sh->stage == 2;
      pthread_mutex_unlock (&sh->mu);
      if (st2) sieve_phase2 (sh, cur, sh->st_help);
    }
  ic_ival_clear (cur);
  pthread_mutex_lock (&sh->mu);
  sh->inside--;
  pthread_cond_broadcast (&sh->cv);
  pthread_mutex_unlock (&sh->mu);
}

/* sum/product over N <= n < M of n^-s (acc into st, and into sh->st_help
 * for the items a helper took; sh may be NULL: no helper).  Closes sh on
 * every path (a waiting helper returns), and returns only once no helper
 * is inside. */
static int sieve_pow_shared (unsigned long N, unsigned long M, mpq_srcptr s, mpfr_prec_t prec,
                             acc_fn acc, void *st, sieve_share *sh)
{
  sieve_share own;
  if (!sh) { sieve_share_init (&own, NULL); sh = &own; }
  int ok = 1;
  if (N >= M || M > EM_MAX_M)           /* resource limit as sieve_pow */
    {
      ok = N >= M;
      sieve_set_stage (sh, 3);
      if (sh == &own) sieve_share_destroy (&own);
      return ok;
    }
  unsigned long H = (M - 1) / 2;                 /* store v_n for n <= H */
  double bytes = (double) M * (sizeof (unsigned int) + 1)
    + (double) (H + 1) * ((double) sizeof (ic_ival_struct) + 2.0 * ((double) prec / 8 + 16));
  unsigned int *spf = NULL;
  unsigned char *state = NULL;
  ic_ival_struct *v = NULL;
  if (bytes <= EM_SIEVE_MAX_BYTES && ic_mem_take ((size_t) bytes))
    {
      spf = calloc (M, sizeof *spf);
      state = calloc (M, 1);
      v = malloc ((size_t) (H + 1) * sizeof *v);
      if (!spf || !state || !v) { free (spf); free (state); free (v); spf = NULL; ic_mem_give ((size_t) bytes); }
    }
  if (!spf)
    {
      sieve_set_stage (sh, 3);
      if (sh == &own) sieve_share_destroy (&own);
      return 0;
    }
  for (unsigned long i = 0; i <= H; i++) ic_ival_init2 (&v[i], prec);
  for (unsigned long i = 2; i < M; i++)
    if (!spf[i])
      for (unsigned long j = i; j < M; j += i)
        if (!spf[j]) spf[j] = (unsigned int) i;
  ic_ival_t cur;
  ic_ival_init2 (cur, prec);
  if (H >= 1) ic_ival_set_ui (&v[1], 1);
  if (N <= 1)
    {
      ic_ival_set_ui (cur, 1);                    /* 1^-s = 1 */
      acc (st, 1, cur, NULL);
    }
  sh->N = N; sh->M = M; sh->H = H; sh->s = s; sh->prec = prec;
  sh->spf = spf; sh->v = v; sh->state = state; sh->acc = acc; sh->additive = acc == acc_sum;
  sh->next = H + 1 > 2 ? H + 1 : 2;
  sieve_set_stage (sh, 1);
  /* phase 1: n = 2..H in order */
  for (unsigned long n = 2; n <= H; n++)
    {
      if (n % 256 == 0 && ic_cancelled ()) { ok = 0; break; }
      unsigned long p = spf[n];
      if (p == n)
        {
          if (sieve_claim (sh, n))
            {
              sieve_prime (&v[n], n, s, prec);
              __atomic_store_n (&state[n], 2, __ATOMIC_RELEASE);
              if (n >= N) acc (st, n, &v[n], NULL);
            }
          else
            {
              /* the helper computes it (and accumulates it): wait for v_n,
               * which the composites need */
              while (__atomic_load_n (&state[n], __ATOMIC_ACQUIRE) != 2) sched_yield ();
            }
        }
      else
        {
          pmul (&v[n], &v[p], &v[n / p]);
          if (n >= N) acc (st, n, &v[n], NULL);
        }
    }
  /* phase 2: (H, M), shared */
  if (ok)
    {
      sieve_set_stage (sh, 2);
      ok = sieve_phase2 (sh, cur, st);
    }
  pthread_mutex_lock (&sh->mu);
  sh->stage = 3;
  __atomic_store_n (&sh->stage_now, 3, __ATOMIC_RELEASE);
  pthread_cond_broadcast (&sh->cv);
  while (sh->inside > 0) pthread_cond_wait (&sh->cv, &sh->mu);
  pthread_mutex_unlock (&sh->mu);
  for (unsigned long i = 0; i <= H; i++) ic_ival_clear (&v[i]);
  ic_ival_clear (cur);
  free (v);
  free (spf);
  free (state);
  ic_mem_give ((size_t) bytes);
  if (sh == &own) sieve_share_destroy (&own);
  return ok;
}

static void acc_sum (void *st, unsigned long n, ic_ival_srcptr v, ic_ival_srcptr l)
{
  (void) n; (void) l;
  padd ((ic_ival_ptr) st, (ic_ival_srcptr) st, v);
}

typedef struct { ic_ival_ptr prod; ic_ival_srcptr c; int ok; ic_ival_ptr t; ic_ival_srcptr one; } prod_state;

/* prod *= 1 + c v_n; needs 1 + c v_n > 0. */
static void acc_prod (void *vst, unsigned long n, ic_ival_srcptr v, ic_ival_srcptr l)
{
  (void) n; (void) l;
  prod_state *st = vst;
  if (!st->ok) return;
  ic_ival_ptr t = st->t;
  if (ic_ival_is_exact (st->c) && mpfr_cmp_si (st->c->lo, 1) == 0) ic_ival_set (t, v);
  else if (ic_ival_is_exact (st->c) && mpfr_cmp_si (st->c->lo, -1) == 0) ic_ival_neg (t, v);
  else ic_ival_mul (t, st->c, v);
  ic_ival_add (t, t, st->one);                       /* 1 + c n^-p */
  if (!ic_ival_is_pos (t)) { st->ok = 0; return; }
  pmul (st->prod, st->prod, t);
}

/* Heuristic magnitude: about log2 max|x| (from an upper bound). */
static double log2_mag (ic_ival_srcptr x)
{
  mpfr_t a;
  long ex;
  double d;
  mpfr_init2 (a, 53);
  ic_ival_mag_upper (a, x);
  if (mpfr_zero_p (a)) { mpfr_clear (a); return -1e300; }
  if (!mpfr_number_p (a)) { mpfr_clear (a); return 1e300; }
  d = mpfr_get_d_2exp (&ex, a, MPFR_RNDU);
  mpfr_clear (a);
  return log2 (d) + (double) ex;
}

/* ---- Hurwitz zeta by Euler–Maclaurin --------------------------------------- */

/* b[j-1] encloses b_j = B_2j/(2j)! (divided by (SQ M)^(2(j-1)) when sqm
 * is set), j <= n, each at the relative precision its term needs; b64
 * encloses b_j unscaled at 64 bits (for sizing the terms and the
 * remainder). */
typedef struct {
  long n;
  ic_ival_struct *b, *b64;
  unsigned long sqm;         /* 0, or b[j-1] is b_j / (SQ M)^(2(j-1)) for SQ M = sqm */
  size_t bytes;              /* b's charge to the memory budget */
} btab;

/* Heuristic: relative precision wanted for b_j, j = 1..n, raised in pj[]
 * so that the rounding of b_j moves zeta_scaled's sum for s and M by
 * less than 2^lim / (n 2^16) (lim: zeta_scaled's target for |t_j|,
 * log2):  |t_j| ~ 2 (s)_(2j-1) / ((2 pi)^2j M^(2j-1)).  The terms fall
 * with j, so later entries need fewer bits (the table's main saving). */
static void bern_prec_raise (mpfr_prec_t *pj, long n, double s, double M, double lim)
{
  double l = 1 + log2 (s) - 2 * log2 (2 * IC_PI) - log2 (M);   /* log2 |t_1| */
  double g = 16 + log2 ((double) n + 1);
  for (long j = 1; j <= n; j++)
    {
      double want = l - lim + g;
      if (want > (double) pj[j - 1]) pj[j - 1] = want > 1e9 ? (mpfr_prec_t) 1e9 : (mpfr_prec_t) want;
      l += log2 ((s + 2 * j - 1) * (s + 2 * j)) - 2 * log2 (2 * IC_PI * M);
    }
}

/* Entry j's precision: pj[j-1] (NULL: prec) within [64, prec]. */
static mpfr_prec_t btab_prec (const mpfr_prec_t *pj, long j, mpfr_prec_t prec)
{
  mpfr_prec_t q = pj ? pj[j - 1] : prec;
  return q < 64 ? 64 : (q > prec ? prec : q);
}

/* Bytes of the table b (as taylor.c counts: structs, two significands
 * with their allocation headers). */
static size_t btab_bytes (long n, const mpfr_prec_t *pj, mpfr_prec_t prec)
{
  double b = 0;
  for (long j = 1; j <= n; j++)
    b += (double) sizeof (ic_ival_struct) + 2.0 * (double) ((btab_prec (pj, j, prec) + 63) / 64 * 8 + 32);
  return b > 1e18 ? (size_t) 1e18 : (size_t) b;
}

/* Returns 0 if the deadline passed (the table must then not be used).
 * pj[j-1] (NULL: prec for all) is entry j's precision (btab_prec); sqm
 * != 0 asks for the table scaled for SQ M = sqm (done when (SQ M)^2 fits
 * an unsigned long, zeta_scaled's fast path). */
static int btab_init (btab *t, long n, mpfr_prec_t prec, const mpfr_prec_t *pj, unsigned long sqm)
{
  unsigned long dd;
  mpz_t ddz;
  t->n = n;
  /* charged to the run's memory budget; when it does not fit, the run is
   * cancelled (as ic_taylor_alloc) and the table is made at 64 bits */
  t->bytes = btab_bytes (n, pj, prec);
  int fit = ic_mem_take (t->bytes);
  if (!fit)
    {
      t->bytes = btab_bytes (n, NULL, 64);
      ic_mem_force (t->bytes);
    }
  t->b = malloc ((size_t) (n > 0 ? n : 1) * sizeof *t->b);
  if (!t->b) abort ();
  for (long j = 1; j <= n; j++) ic_ival_init2 (&t->b[j - 1], fit ? btab_prec (pj, j, prec) : 64);
  t->b64 = ic_taylor_alloc (n, 64);
  if (!sqm || !ic_ck_mul_ul (&dd, sqm, sqm)) { sqm = 0; dd = 1; }
  t->sqm = sqm;
  mpz_init_set_ui (ddz, dd);
  int ok = ic_bernoulli_em_scaled (t->b, t->b64, n, ddz, 32);
  mpz_clear (ddz);
  return ok;
}

static void btab_clear (btab *t)
{
  for (long j = 1; j <= t->n; j++) ic_ival_clear (&t->b[j - 1]);
  free (t->b);
  ic_mem_give (t->bytes);
  ic_taylor_free (t->b64, t->n);
}

/* The table computed on a second thread while the caller does the direct
 * sum (btab_start), joined before its first use (btab_finish; idempotent).
 * Without a thread the table is computed in btab_start. */
typedef struct {
  btab *bt;
  long n;
  mpfr_prec_t wp;
  const mpfr_prec_t *pj;           /* entry precisions (btab_init) */
  unsigned long sqm;               /* scale for this SQ M, or 0 */
  sieve_share *share;              /* the sieve to join afterwards, or NULL */
  ic_deadline *dl;
  int ok, threaded;
  pthread_t th;
} btab_job;

static void btab_run (btab_job *B)
{
  ic_deadline *outer = ic_deadline_enter (B->dl);
  B->ok = btab_init (B->bt, B->n, B->wp, B->pj, B->sqm);
  if (B->share) sieve_help (B->share);
  ic_deadline_enter (outer);
}

static void *btab_thread (void *arg)
{
  btab_run (arg);
  /* the table takes pi and log 2 (mpfr_const_*), which MPFR caches per
   * thread: the thread frees its cache before it ends (LeakSanitizer) */
  mpfr_free_cache2 (MPFR_FREE_LOCAL_CACHE);
  return NULL;
}

/* share: a sieve the thread joins once the table is done (it must be run
 * by the caller with sieve_pow_shared, which closes it); not joined
 * without a thread. */
static void btab_start (btab_job *B, btab *bt, long n, mpfr_prec_t wp, const mpfr_prec_t *pj,
                        unsigned long sqm, sieve_share *share)
{
  B->bt = bt; B->n = n; B->wp = wp; B->pj = pj; B->sqm = sqm; B->ok = 0; B->share = share;
  B->dl = ic_deadline_current ();
  B->threaded = pthread_create (&B->th, NULL, btab_thread, B) == 0;
  if (!B->threaded) { B->share = NULL; btab_run (B); }
}

static int btab_finish (btab_job *B)
{
  if (B->threaded) { pthread_join (B->th, NULL); B->threaded = 0; }
  return B->ok;
}

/* x *= r_j = f1 f2 / (SQ M)^2 with f1 = SP + (2j-3) SQ, f2 = SP + (2j-2) SQ
 * (the ratio g_j / g_(j-1) below), endpoints rounded outward: r_j > 0, so
 * lo r_j rounded down <= every point times r_j <= hi r_j rounded up, for
 * any signs of the endpoints.  dd = (SQ M)^2 when it fits one unsigned
 * long, else 0 and ddz holds it; fz, f2z are scratch. */
static void mul_ratio (ic_ival_ptr x, long j, unsigned long SP, unsigned long SQ,
                       unsigned long dd, const mpz_t ddz, mpz_t fz, mpz_t f2z, int divide)
{
  unsigned long a1, a2, f1, f2, ff;
  int small = ic_ck_mul_ul (&a1, (unsigned long) (2 * j - 3), SQ)
           && ic_ck_mul_ul (&a2, (unsigned long) (2 * j - 2), SQ)
           && ic_ck_add_ul (&f1, SP, a1) && ic_ck_add_ul (&f2, SP, a2)
           && ic_ck_mul_ul (&ff, f1, f2);
  if (small) ic_ival_mul_ui (x, x, ff);              /* x f1 f2, proved */
  else
    {
      mpz_set_ui (fz, SQ);
      mpz_mul_ui (fz, fz, (unsigned long) (2 * j - 3));
      mpz_add_ui (fz, fz, SP);                       /* fz = f1 exactly */
      mpz_set_ui (f2z, SQ);
      mpz_mul_ui (f2z, f2z, (unsigned long) (2 * j - 2));
      mpz_add_ui (f2z, f2z, SP);                     /* f2z = f2 exactly */
      mpz_mul (fz, fz, f2z);                         /* fz = f1 f2 >= 0 */
      ic_ival_mul_z (x, x, fz);                      /* proved */
    }
  if (!divide) return;
  if (dd) ic_ival_div_ui (x, x, dd);                  /* dd >= 1, proved */
  else ic_ival_div_z (x, x, ddz);                     /* ddz >= 1, proved */
}

/* Z = M^s zeta(s, M) for s = SP/SQ > 1:
 *   M^s zeta(s, M) = M/(s-1) + 1/2 + sum_{j=1}^m t_j + R,
 *   t_j = b_j g_j,  b_j = B_2j/(2j)!,  g_j = (s)_(2j-1) / M^(2j-1),
 * g_1 = s/M and g_j = g_(j-1) r_j (mul_ratio), R in hull(0, 2 t_(m+1))
 * (em_kern: x^-s is CM on [M, inf)).
 * Two passes: the terms at 64 bits find m (the first j with 2 |t_j| <=
 * 2^tol_log2 / W, W given as log2) and enclose the omitted t_(m+1); then
 * sum_{j<=m} t_j = g_1 (b_1 + r_2 (b_2 + r_3 (b_3 + ...))) by Horner at
 * Z's precision, where each step multiplies and divides by integers and
 * adds b_j: linear in the precision, no full multiplication per term.
 * Returns 1 with Z and *m_used, 0 if the table is too short, the run is
 * cancelled or the terms stop decreasing first (M too small). */
static int zeta_scaled (ic_ival_ptr Z, unsigned long SP, unsigned long SQ,
                        unsigned long M, const btab *bt, double tol_log2,
                        double log2W, long *m_used)
{
  mpfr_prec_t prec = ic_ival_get_prec (Z);
  ic_ival_t g, t, R, S, H;
  mpz_t ddz, fz, f2z;
  mpfr_exp_t prev_e = MPFR_EMAX_MAX;
  long j, m = -1;
  double lim = tol_log2 - log2W - 1;              /* want log2 |t_j| <= lim */

  if (SP <= SQ || SQ == 0 || M == 0) return 0;
  /* dd = (SQ M)^2, the divisor of each step: one unsigned long when the
   * exact product fits (fast path), else the exact integer ddz.  SQ M
   * itself exceeds 64 bits for M near 2^62 (issue 16: the wrapped product
   * gave enclosures wrong from the 55th digit on). */
  unsigned long sqm, dd;
  if (!ic_ck_mul_ul (&sqm, SQ, M) || !ic_ck_mul_ul (&dd, sqm, sqm)) dd = 0;
  mpz_inits (ddz, fz, f2z, (mpz_ptr) 0);
  mpz_set_ui (ddz, SQ);
  mpz_mul_ui (ddz, ddz, M);
  mpz_mul (ddz, ddz, ddz);                        /* ddz = (SQ M)^2 exactly */
  ic_ival_init2 (g, 64); ic_ival_init2 (t, 64);
  ic_ival_init2 (R, prec); ic_ival_init2 (S, prec); ic_ival_init2 (H, prec);

  /* g_1 = s / M = SP / (SQ M), here at 64 bits */
  ic_ival_set_ui (g, SP);
  ic_ival_div_ui (g, g, SQ);
  ic_ival_div_ui (g, g, M);                         /* SQ, M >= 1 */

  /* Pass 1 (64 bits): m and the omitted term t_(m+1); te[j] = the size
   * exponent of t_j (for pass 2's precisions). */
  mpfr_exp_t *te = malloc ((size_t) (bt->n + 1) * sizeof *te);
  if (!te) abort ();
  for (j = 1; j <= bt->n; j++)
    {
      ic_ival_srcptr b = &bt->b64[j - 1];
      if ((j & 63) == 1 && ic_cancelled ()) break;   /* m < 0: no bound */
      if (j > 1) mul_ratio (g, j, SP, SQ, dd, ddz, fz, f2z, 1);   /* g_j, g > 0 */
      /* t = b_j g_j, g > 0, sign of b_j = (-1)^(j-1) */
      ic_ival_mul (t, b, g);
      if (!mpfr_number_p (t->lo) || !mpfr_number_p (t->hi)) break;
      /* Heuristic size: |t| < 2^e with e the larger endpoint exponent
       * (an exact zero counts as the smallest exponent). */
      mpfr_exp_t elo = mpfr_zero_p (t->lo) ? MPFR_EMIN_MIN : mpfr_get_exp (t->lo);
      mpfr_exp_t ehi = mpfr_zero_p (t->hi) ? MPFR_EMIN_MIN : mpfr_get_exp (t->hi);
      mpfr_exp_t e = elo > ehi ? elo : ehi;
      te[j] = e;
      if ((double) e <= lim)
        {
          /* t_j is the first omitted term: R in hull(0, 2 t_j). */
          ic_em_remainder (R, t, SP > 0);   /* hypothesis: x^-s is CM on [M, inf) for s > 0 */
          m = j - 1;
          break;
        }
      /* terms must still be decreasing (asymptotic series) */
      if (e > prev_e && j > 2) break;
      prev_e = e;
    }

  /* Pass 2 (prec): H = b_1 + r_2 (b_2 + ... + r_m b_m), then S.  With the
   * scaled table (b_j / dd^(j-1), for this SQ M) the same sum is
   * b'_1 + ff_2 (b'_2 + ff_3 (...)), r_j = ff_j / dd: no division. */
  if (m >= 0)
    {
      int scaled = bt->sqm != 0;
      if (scaled && (!dd || bt->sqm != sqm)) m = -1;   /* table scaled for another M */
      const ic_ival_struct *bb = bt->b;
      /* Heuristic precisions: an error of 2^-q relative in H_j (the inner
       * sum from j on, about b_j in size) moves the result by about
       * |t_j| 2^-q, so H_j needs q_j = log2 |t_j| - lim + guard bits, fewer
       * for larger j; H's precision only grows as j falls (each rounding
       * to more bits is exact), and every step rounds outward. */
      double guard = 16 + log2 ((double) m + 1);
      mpfr_prec_t cur = 0;
      if (m >= 0) ic_ival_set_si (H, 0);
      for (j = m; j >= 1; j--)
        {
          double qd = (double) te[j] - lim + guard;
          mpfr_prec_t q = qd < 64 ? 64 : (qd > (double) prec ? prec : (mpfr_prec_t) qd);
          if (q > cur)
            {
              ic_ival_round_prec (H, q);               /* exact: H is 0 or has cur < q bits */
              cur = q;
            }
          ic_ival_add (H, H, &bb[j - 1]);          /* H = b_j + r_(j+1) (...) */
          if (j > 1) mul_ratio (H, j, SP, SQ, dd, ddz, fz, f2z, !scaled);
          if ((j & 255) == 0 && ic_cancelled ()) { m = -1; break; }
        }
    }
  free (te);
  if (m >= 0)
    {
      ic_ival_round_prec (H, prec);                  /* exact: prec >= H's */
      /* g_1 = SP/(SQ M) at prec, then sum_{j<=m} t_j = g_1 H */
      ic_ival_t g1;
      ic_ival_init2 (g1, prec);
      ic_ival_set_ui (g1, SP);
      ic_ival_div_ui (g1, g1, SQ);
      ic_ival_div_ui (g1, g1, M);
      ic_ival_mul (H, H, g1);
      /* S = M/(s-1) + 1/2 = M SQ / (SP - SQ) + 1/2 (SP > SQ: s > 1) */
      ic_ival_set_ui (S, M);
      ic_ival_mul_ui (S, S, SQ);
      ic_ival_div_ui (S, S, SP - SQ);
      ic_ival_set_ui (g1, 1);
      ic_ival_div_ui (g1, g1, 2);
      ic_ival_add (S, S, g1);
      ic_ival_clear (g1);
      ic_ival_add (S, S, H);
      ic_ival_add (Z, S, R);
      *m_used = m;
    }
  ic_ival_clear (g); ic_ival_clear (t); ic_ival_clear (R); ic_ival_clear (S); ic_ival_clear (H);
  mpz_clears (ddz, fz, f2z, (mpz_ptr) 0);
  return m >= 0;
}

/* Heuristic: number of Bernoulli terms so that the EM terms for zeta(s,M)
 * (magnitude ~ 2 (s)_(2j-1) / ((2 pi)^(2j) M^(2j-1))) drop below 2^lim;
 * -1 if they start growing first. */
static long em_terms_needed (double s, double M, double lim)
{
  double l = log2 (2.0) + log2 (s) - 2 * log2 (2 * IC_PI) - 0;  /* j = 1: 2 s/((2pi)^2 M) */
  l -= log2 (M);
  for (long j = 1; j < 200000; j++)
    {
      if (l <= lim) return j;
      /* ratio t_(j+1)/t_j ~ (s+2j-1)(s+2j) / ((2 pi M)^2) */
      double r = log2 ((s + 2 * j - 1) * (s + 2 * j)) - 2 * log2 (2 * IC_PI * M);
      if (r >= 0) return -1;
      l += r;
    }
  return -1;
}

static int q_to_ul (const mpq_t q, unsigned long *P, unsigned long *Q)
{
  if (mpq_sgn (q) <= 0 || !mpz_fits_ulong_p (mpq_numref (q)) || !mpz_fits_ulong_p (mpq_denref (q)))
    return 0;
  *P = mpz_get_ui (mpq_numref (q));
  *Q = mpz_get_ui (mpq_denref (q));
  /* A size limit of the method (zeta_scaled's integer steps are exact
   * for any values, widened to mpz when they leave 64 bits). */
  return *P < (1UL << 40) && *Q < (1UL << 24);
}

/* Heuristic cut-off M = tb / div for a target of tb bits (cost balance
 * between the direct sieve and the EM series, tuned on this machine). */
static unsigned long pick_M (unsigned long N, double tb, double div)
{
  double m = tb / div;
  if (m < 12) m = 12;
  unsigned long M = ic_clamp_d_to_ul (m, EM_MAX_M);
  return M > N ? M : N;
}

/* ---- method: sum of c_i x^-s_i ------------------------------------------ */

/* Heuristic caps on the sum's Bernoulli table (M doubles past them): its
 * length and its size (entries average about half the working precision). */
#define EM_SUM_MAX_TERMS 40000
#define EM_SUM_TABLE_BYTES (256.0 * 1024 * 1024)

static int tail_zeta_power (ic_ival_ptr out, const ic_monos *ms, unsigned long N,
                            double tb, mpfr_prec_t wp, ic_em_info *info)
{
  /* heuristic: M = tb/7, about 1.3 times the least M whose terms reach 2^-tb
   * (tb/9.06): with the table cheap (ic_bernoulli_em_scaled), a short sieve
   * and many Bernoulli terms cost least (issue 13: tb/1.8 before, when
   * the table cost O(m^2) big-integer steps) */
  unsigned long M = pick_M (N, tb, 7.0);
  unsigned long SP[IC_MONO_MAX], SQ[IC_MONO_MAX];
  long mmax = 0, need[IC_MONO_MAX];
  for (int i = 0; i < ms->n; i++)
    {
      mpq_t s;
      mpq_init (s);
      mpq_neg (s, ms->m[i].a);
      int ok = mpq_sgn (ms->m[i].b) == 0 && mpq_cmp_ui (s, 1, 1) > 0 && q_to_ul (s, &SP[i], &SQ[i]);
      mpq_clear (s);
      if (!ok) return 0;
    }
  for (;;)
    {
      int bad = 0;
      mmax = 0;
      for (int i = 0; i < ms->n; i++)
        {
          double s = (double) SP[i] / SQ[i];
          double lc = log2 (fabs (mpfr_get_d (ms->m[i].c->hi, MPFR_RNDU)) + 1e-300);
          double lim = -tb - 4 - lc + s * log2 ((double) M);
          need[i] = em_terms_needed (s, M, lim);
          if (need[i] < 0) bad = 1;
          else if (need[i] > mmax) mmax = need[i];
        }
      if (!bad && mmax <= EM_SUM_MAX_TERMS
          && (double) (mmax + 4) * 2 * ((double) wp / 16 + 40) <= EM_SUM_TABLE_BYTES)
        break;
      if (M > EM_MAX_M / 2) return 0;          /* also: M *= 2 stays exact */
      M *= 2;
    }
  btab bt;
  btab_job bj;
  unsigned long sqm1 = 0;
  if (ms->n == 1 && !ic_ck_mul_ul (&sqm1, SQ[0], M)) sqm1 = 0;
  long nb = mmax + 4;
  mpfr_prec_t *pj = calloc ((size_t) nb, sizeof *pj);
  if (!pj) return 0;
  for (int i = 0; i < ms->n; i++)
    {
      /* zeta_scaled's target below: lim = tol - log2W - 1 */
      double lc = log2 (fabs (mpfr_get_d (ms->m[i].c->hi, MPFR_RNDU)) + 1e-300);
      double sd = (double) SP[i] / SQ[i];
      bern_prec_raise (pj, nb, sd, (double) M, (-tb - 2 - lc) + sd * log2 ((double) M) - 1);
    }
  /* the helper computes the table, then joins the first sieve */
  sieve_share share;
  ic_ival_t Dh;
  ic_ival_init2 (Dh, wp);
  ic_ival_set_si (Dh, 0);
  sieve_share_init (&share, Dh);
  btab_start (&bj, &bt, nb, wp, pj, sqm1, &share);
  int ok = 1;
  ic_ival_t total, D, Z, w, x;
  ic_ival_init2 (total, wp); ic_ival_init2 (D, wp); ic_ival_init2 (Z, wp);
  ic_ival_init2 (w, wp); ic_ival_init2 (x, wp);
  ic_ival_set_si (total, 0);
  long mused = 0;
  for (int i = 0; ok && i < ms->n; i++)
    {
      mpq_t s;
      long m;
      mpq_init (s);
      mpq_neg (s, ms->m[i].a);
      ic_ival_set_si (D, 0);
      /* D = sum_{N<=n<M} n^-s: the caller's items in D, the helper's in Dh */
      ok = sieve_pow_shared (N, M, s, wp, acc_sum, D, i == 0 ? &share : NULL);
      ok = btab_finish (&bj) && ok;
      if (i == 0) padd (D, D, Dh);
      double lc = log2 (fabs (mpfr_get_d (ms->m[i].c->hi, MPFR_RNDU)) + 1e-300);
      double sd = (double) SP[i] / SQ[i];
      ok = ok && zeta_scaled (Z, SP[i], SQ[i], M, &bt, -tb - 2 - lc, -sd * log2 ((double) M), &m);
      if (ok)
        {
          pow_neg (w, M, s);                               /* w = M^-s */
          pmul (Z, Z, w);                                  /* zeta(s, M) */
          padd (D, D, Z);                                  /* zeta(s, N) */
          ic_ival_mul (D, D, ms->m[i].c);
          ic_ival_add (total, total, D);
          if (m > mused) mused = m;
        }
      mpq_clear (s);
    }
  if (ok)
    {
      ic_ival_set (out, total);
      strcpy (info->method, "zeta-power");
      info->m = mused;
      snprintf (info->detail, sizeof info->detail,
                "Euler-Maclaurin for Hurwitz zeta(s, M), M=%lu, m=%ld Bernoulli terms, "
                "direct sum %lu<=n<%lu by multiplicative sieve, %ld bits",
                M, mused, N, M, (long) wp);
    }
  else snprintf (info->detail, sizeof info->detail, "Euler-Maclaurin terms did not converge at M=%lu", M);
  ic_ival_clear (total); ic_ival_clear (D); ic_ival_clear (Z);
  ic_ival_clear (w); ic_ival_clear (x);
  btab_finish (&bj);
  btab_clear (&bt);
  free (pj);
  ic_ival_clear (Dh);
  sieve_share_destroy (&share);
  return ok;
}

/* Shared state of the zeta-expansion terms (see tail_zeta_expansion). */
typedef struct {
  pthread_mutex_t mu;
  unsigned long next_k, K;          /* next term to take; last term       */
  const ic_ival_struct *ypow;       /* ypow[k-1] encloses y^k              */
  unsigned long P, Q, M;
  btab *bt;                         /* filled by the helper thread first */
  long bt_n;                        /* its length                          */
  const mpfr_prec_t *pj;            /* its entry precisions                */
  int bt_ready, bt_ok;              /* under mu; bt_ready signalled on cv  */
  pthread_cond_t cv;
  double tb, lq, pd;
  mpfr_prec_t wp;
  int fail;
  long mused;
  ic_ival_t total;                  /* sum of -(y^k/k) Z_k taken so far   */
  ic_deadline *dl;                  /* the run's deadline (both threads)  */
} zx_job;

static void *zx_worker (void *arg)
{
  zx_job *J = arg;
  ic_deadline *outer = ic_deadline_enter (J->dl);
  ic_ival_t acc, Z, term;
  long mused = 0;
  int fail = 0;
  ic_ival_init2 (acc, J->wp);
  ic_ival_init2 (Z, J->wp);
  ic_ival_init2 (term, J->wp);
  ic_ival_set_si (acc, 0);
  for (;;)
    {
      unsigned long k;
      long m;
      pthread_mutex_lock (&J->mu);
      k = J->fail ? J->K + 1 : J->next_k++;
      pthread_mutex_unlock (&J->mu);
      if (k > J->K) break;
      /* Heuristic precision: the term has size ~ 2^log2W (M/(pk-1) + 1). */
      double log2W = k * J->lq - log2 ((double) k);
      double zmag = log2 ((double) J->M / (J->pd * k - 1) + 1);
      long pk = ic_clamp_d_to_l (J->tb + log2W + zmag + 24 + log2 ((double) J->K), 64, (long) J->wp);
      if (pk > J->wp) pk = J->wp;
      ic_ival_set_prec (Z, pk);
      unsigned long Pk;                 /* p k = P k / Q, numerator exact */
      if (!ic_ck_mul_ul (&Pk, J->P, k)
          || !zeta_scaled (Z, Pk, J->Q, J->M, J->bt, -J->tb - 3 - log2 ((double) J->K), log2W, &m))
        { fail = 1; pthread_mutex_lock (&J->mu); J->fail = 1; pthread_mutex_unlock (&J->mu); break; }
      if (m > mused) mused = m;
      ic_ival_mul (term, &J->ypow[k - 1], Z);
      ic_ival_div_ui (term, term, k);                   /* k >= 1 */
      ic_ival_sub (acc, acc, term);
    }
  pthread_mutex_lock (&J->mu);
  ic_ival_add (J->total, J->total, acc);
  if (mused > J->mused) J->mused = mused;
  if (fail) J->fail = 1;
  pthread_mutex_unlock (&J->mu);
  ic_ival_clear (acc);
  ic_ival_clear (Z);
  ic_ival_clear (term);
  ic_deadline_enter (outer);
  return NULL;
}

/* The helper thread: the Bernoulli table first (while the calling thread
 * does the direct product), then zeta terms like the caller. */
static void *zx_first (void *arg)
{
  zx_job *J = arg;
  ic_deadline *outer = ic_deadline_enter (J->dl);
  unsigned long sqm;
  if (!ic_ck_mul_ul (&sqm, J->Q, J->M)) sqm = 0;
  int ok;
  ok = btab_init (J->bt, J->bt_n, J->wp, J->pj, sqm);
  ic_deadline_enter (outer);
  pthread_mutex_lock (&J->mu);
  J->bt_ok = ok;
  J->bt_ready = 1;
  if (!ok) J->fail = 1;
  pthread_cond_broadcast (&J->cv);
  pthread_mutex_unlock (&J->mu);
  void *r = zx_worker (J);
  mpfr_free_cache2 (MPFR_FREE_LOCAL_CACHE);   /* a thread entry only: as btab_thread */
  return r;
}

/* ---- method: product of 1 + c x^-p by the zeta expansion ---------------- */

static int tail_zeta_expansion (ic_ival_ptr out, ic_ival_srcptr c, const mpq_t p,
                                unsigned long N, double tb, mpfr_prec_t wp,
                                ic_em_info *info)
{
  unsigned long P, Q;
  if (mpq_cmp_ui (p, 1, 1) <= 0 || !q_to_ul (p, &P, &Q)) return 0;
  double pd = (double) P / Q;
  double lc = log2 (fabs (mpfr_get_d (c->hi, MPFR_RNDU)) + fabs (mpfr_get_d (c->lo, MPFR_RNDD)) + 1e-300);
  unsigned long M = pick_M (N, tb, 1.8);
  /* need q = |c| M^-p <= 1/2 (heuristic in doubles; the kernel checks
   * q < 1 on the enclosure).  M doubles at most up to the resource limit
   * of the direct part: for |c| = 10^30 and p = 1.1 the loop needs
   * M > 2^91, which wrapped M to 0 and never ended (issue 16). */
  while (!(lc - pd * log2 ((double) M) <= -1))
    {
      if (M > EM_MAX_M / 2) return 0;
      M *= 2;
    }
  long m1;
  for (;;)
    {
      double lim = -tb - 4 - lc + pd * log2 ((double) M);
      m1 = em_terms_needed (pd, M, lim);
      if (m1 >= 0 && m1 <= 3000) break;
      if (M > EM_MAX_M / 2) return 0;
      M *= 2;
    }
  double lq = lc - pd * log2 ((double) M);           /* log2 q, q <= 1/2 */
  /* K: truncation bound (1 + M/(p(K+1)-1))/(K+1) q^(K+1)/(1-q) <= 2^(-tb-3)
   * (heuristic; the kernel bounds the terms k > K); lq <= -1 ends the
   * loop near K = tb, the cap is a resource limit. */
  unsigned long K = 1;
  while ((double) (K + 1) * lq + log2 (1 + (double) M / (pd * (double) (K + 1) - 1)) - log2 (K + 1.0) + 1 > -tb - 3)
    if (++K > EM_MAX_K) return 0;

  btab bt;
  ic_ival_t D, y, yk, Z, term, total, tr, pw, qq, pp;
  ic_ival_init2 (D, wp); ic_ival_init2 (y, wp); ic_ival_init2 (yk, wp);
  ic_ival_init2 (Z, wp); ic_ival_init2 (term, wp); ic_ival_init2 (total, wp);
  ic_ival_init2 (tr, wp); ic_ival_init2 (pw, wp); ic_ival_init2 (qq, wp);
  ic_ival_init2 (pp, wp);
  int ok = 1;
  long mused = 0;

  /* y = -c M^-p; term_k = -(y^k / k) Z_k with Z_k = M^(pk) zeta(pk, M).
   * The powers y^k first (sequential), then the K independent terms on two
   * threads (dynamic scheduling) while this thread also does the direct
   * product.  Interval sums are exact enclosures in any order. */
  pow_neg (pw, M, p);
  ic_ival_mul (y, c, pw);
  ic_ival_neg (y, y);
  ic_ival_struct *ypow = ic_taylor_alloc (K, wp);
  ic_ival_set (&ypow[0], y);
  for (unsigned long k = 2; ok && k <= K; k++)
    {
      if (ic_cancelled ()) { ok = 0; break; }
      ic_ival_mul (&ypow[k - 1], &ypow[k - 2], y);
    }
  /* entry precisions of the table: the most any term k asks (heuristic;
   * k = 1 asks the most in practice, a sparse set of k is checked) */
  long nb = m1 + 4;
  mpfr_prec_t *pj = calloc ((size_t) nb, sizeof *pj);
  if (!pj) abort ();
  for (unsigned long k = 1; k <= K; k = k < 8 ? k + 1 : (k == K ? K + 1 : (2 * k < K ? 2 * k : K)))
    {
      double log2W = k * lq - log2 ((double) k);
      bern_prec_raise (pj, nb, pd * k, (double) M, (-tb - 3 - log2 ((double) K)) - log2W - 1);
    }
  zx_job job;
  job.next_k = 1; job.K = K; job.ypow = ypow; job.P = P; job.Q = Q; job.M = M;
  job.bt = &bt; job.bt_n = nb; job.pj = pj; job.bt_ready = 0; job.bt_ok = 0;
  job.tb = tb; job.lq = lq; job.pd = pd; job.wp = wp;
  job.fail = !ok; job.mused = 0; job.dl = ic_deadline_current ();
  ic_ival_init2 (job.total, wp);
  ic_ival_set_si (job.total, 0);
  pthread_mutex_init (&job.mu, NULL);
  pthread_cond_init (&job.cv, NULL);
  pthread_t th;
  int threaded = pthread_create (&th, NULL, zx_first, &job) == 0;

  /* Direct part: D = log prod_{N<=n<M} (1 + c n^-p). */
  {
    prod_state st;
    ic_ival_t t, one;
    ic_ival_init2 (t, wp);
    ic_ival_init2 (one, 64);
    ic_ival_set_si (one, 1);
    ic_ival_set_si (D, 1);
    st.prod = D; st.c = c; st.ok = 1; st.t = t; st.one = one;
    ok = ok && sieve_pow_shared (N, M, p, wp, acc_prod, &st, NULL);
    ok = ok && st.ok && ic_ival_log (D, D) == IC_IVAL_OK;
    ic_ival_clear (t);
    ic_ival_clear (one);
  }
  if (threaded)
    {
      pthread_mutex_lock (&job.mu);
      while (!job.bt_ready) pthread_cond_wait (&job.cv, &job.mu);
      pthread_mutex_unlock (&job.mu);
    }
  else
    {
      unsigned long sqm;
      if (!ic_ck_mul_ul (&sqm, Q, M)) sqm = 0;
      job.bt_ok = btab_init (&bt, job.bt_n, wp, pj, sqm);
      if (!job.bt_ok) job.fail = 1;
    }
  zx_worker (&job);
  if (threaded) pthread_join (th, NULL);
  ok = ok && !job.fail;
  mused = job.mused;
  ic_ival_set (total, job.total);
  ic_ival_clear (job.total);
  pthread_mutex_destroy (&job.mu);
  pthread_cond_destroy (&job.cv);
  ic_taylor_free (ypow, K);
  free (pj);
  if (ok)
    {
      /* Truncation: |sum_{k>K} ...| <= r by em_kern fact [Z]. */
      ic_ival_abs (qq, y);
      ic_ival_set_q (pp, p);
      ok = ic_em_logseries_tail (tr, qq, pp, M, K) == IC_IVAL_OK;
      ic_ival_add (total, total, tr);
      ic_ival_add (total, total, D);
    }
  if (ok)
    {
      ic_ival_set (out, total);
      strcpy (info->method, "zeta-expansion");
      info->m = mused;
      snprintf (info->detail, sizeof info->detail,
                "log(1+c n^-p) = -sum_k (-c)^k/k n^-pk: K=%lu zeta terms, each Hurwitz "
                "zeta(pk, M) by Euler-Maclaurin (m<=%ld), M=%lu, direct product %lu<=n<%lu, %ld bits",
                K, mused, M, N, M, (long) wp);
    }
  else snprintf (info->detail, sizeof info->detail, "zeta expansion failed at M=%lu", M);
  ic_ival_clear (D); ic_ival_clear (y); ic_ival_clear (yk); ic_ival_clear (Z);
  ic_ival_clear (term); ic_ival_clear (total); ic_ival_clear (tr); ic_ival_clear (pw);
  ic_ival_clear (qq); ic_ival_clear (pp);
  btab_clear (&bt);
  return ok;
}

/* ---- method: generic Euler–Maclaurin with a CM certificate -------------- */

/* D := log prod_(N <= n < M) p(n), each factor evaluated by interval
 * Taylor arithmetic at the exact point n; 0 if a factor is not certainly
 * positive (or the run is cancelled). */
static int direct_log_prod (ic_ival_ptr D, const ic_node *p, unsigned long N, unsigned long M,
                            mpfr_prec_t wp)
{
  ic_ival_t x, v;
  ic_ival_init2 (x, wp); ic_ival_init2 (v, wp);
  int ok = 1;
  ic_ival_set_si (D, 1);
  for (unsigned long n = N; ok && n < M; n++)
    {
      ic_ival_set_ui (x, n);
      ok = !ic_cancelled () && ic_taylor_eval_point (v, p, x, wp) == IC_IVAL_OK && ic_ival_is_pos (v);
      if (ok) pmul (D, D, v);
    }
  ok = ok && ic_ival_log (D, D) == IC_IVAL_OK;
  ic_ival_clear (x); ic_ival_clear (v);
  return ok;
}

/* A certificate for em_kern's hypothesis "f^(k) has constant sign on
 * [M, inf)" when f = c x^a (log x)^b (c != 0, a < 0, b >= 1 an integer),
 * which is not completely monotone (log x / x^2 is not CM on any
 * [M, inf): (-1)^k f^(k) changes sign once H_(k+1) > log x):
 *   d^k/dx^k x^a L^b = x^(a-k) P_k(L),  L = log x,  P_0 = L^b,
 *   P_(j+1) = (a - j) P_j + P_j'   (d/dx [x^(a-j) P(L)] = x^(a-j-1) ((a-j) P + P')),
 * exact rational polynomials of degree b with leading coefficient
 * prod_(j<k) (a - j) != 0.  For a rational L0 <= log M, if no coefficient
 * of Q(t) = P_k(L0 + t) has the sign opposite to the leading one, then
 * Q(t) != 0 for t >= 0: P_k(L) has one sign for every L >= L0, so f^(k)
 * has one sign on [M, inf). */
int ic_em_powerlog_sign_ok (const mpq_t a, long b, long k, unsigned long M)
{
  if (b < 0 || b > 64 || k < 0 || M < 3) return 0;
  mpq_t P[65], Q[65], t, L0;
  for (long i = 0; i <= b; i++) { mpq_init (P[i]); mpq_init (Q[i]); }
  mpq_inits (t, L0, (mpq_ptr) 0);
  mpq_set_ui (P[b], 1, 1);
  for (long j = 0; j < k; j++)
    {
      mpq_set_si (t, j, 1);
      mpq_sub (t, a, t);                                  /* a - j */
      for (long i = 0; i <= b; i++)
        {
          mpq_mul (P[i], P[i], t);                        /* (a - j) P */
          if (i < b)
            {
              mpq_t d;
              mpq_init (d);
              mpq_set_si (d, i + 1, 1);
              mpq_mul (d, d, P[i + 1]);                   /* + (i+1) p_(i+1): P' (old P[i+1], */
              mpq_add (P[i], P[i], d);                    /*   not yet updated) */
              mpq_clear (d);
            }
        }
    }
  /* careful: the loop above updates P[i] from the old P[i+1] since i runs
   * upward and P[i+1] is updated after P[i] */
  mpfr_t l;
  mpfr_init2 (l, 64);
  mpfr_set_ui (l, M, MPFR_RNDN);                          /* exact (M < 2^64) */
  mpfr_log (l, l, MPFR_RNDD);                             /* l <= log M */
  mpfr_get_q (L0, l);
  mpfr_clear (l);
  /* Q = P(L0 + t) by Horner in t: Q <- Q (L0 + t) + p_i */
  for (long i = 0; i <= b; i++) mpq_set_ui (Q[i], 0, 1);
  for (long i = b; i >= 0; i--)
    {
      for (long j = b; j >= 1; j--)
        {
          mpq_mul (Q[j], Q[j], L0);
          mpq_add (Q[j], Q[j], Q[j - 1]);
        }
      mpq_mul (Q[0], Q[0], L0);
      mpq_add (Q[0], Q[0], P[i]);
    }
  int lead = mpq_sgn (Q[b]), ok = lead != 0;
  for (long i = 0; ok && i < b; i++)
    if (mpq_sgn (Q[i]) == -lead) ok = 0;
  for (long i = 0; i <= b; i++) { mpq_clear (P[i]); mpq_clear (Q[i]); }
  mpq_clears (t, L0, (mpq_ptr) 0);
  return ok;
}

/* floor(M + c) for a rational c >= 0 (M + c < 2^64 assumed: M <= 2^62 and
 * c a term's constant), saturating. */
static unsigned long shifted_floor (unsigned long M, const mpq_t c)
{
  mpz_t f;
  mpz_init (f);
  mpz_fdiv_q (f, mpq_numref (c), mpq_denref (c));
  unsigned long r = mpz_fits_ulong_p (f) ? ic_sat_add_ul (M, mpz_get_ui (f)) : ULONG_MAX;
  mpz_clear (f);
  return r;
}

/* 1 if f = c x^a (log x)^b with an integer 1 <= b <= 64 and a < -1; c is
 * copied into cf when cf is not NULL. */
static int single_powerlog (const ic_node *f, mpq_t a, long *b, ic_ival_ptr cf)
{
  ic_monos ms;
  int ok = 0;
  if (!ic_monos_of (&ms, f, 64)) return 0;
  if (ms.n == 1 && mpz_cmp_ui (mpq_denref (ms.m[0].b), 1) == 0 && mpq_sgn (ms.m[0].b) > 0
      && mpz_cmp_ui (mpq_numref (ms.m[0].b), 64) <= 0 && mpq_cmp_si (ms.m[0].a, -1, 1) < 0)
    {
      mpq_set (a, ms.m[0].a);
      *b = (long) mpz_get_ui (mpq_numref (ms.m[0].b));
      if (cf) ic_ival_set (cf, ms.m[0].c);
      ok = 1;
    }
  ic_monos_clear (&ms);
  return ok;
}

typedef struct { ic_ival_ptr sum, t, u; long b; } powerlog_state;

/* sum += n^-s (log n)^b (the constant c is applied by the caller); for
 * b < 0 only n >= 2 (log n > 0) */
static void acc_powerlog (void *vst, unsigned long n, ic_ival_srcptr v, ic_ival_srcptr l)
{
  (void) n;
  powerlog_state *st = vst;
  if (st->b >= 0)
    {
      ic_ival_pow_si (st->t, l, st->b);
      pmul (st->t, st->t, v);                           /* both factors >= 0 */
    }
  else
    {
      ic_ival_pow_si (st->u, l, -st->b);                /* u = (log n)^|b| > 0 */
      if (ic_ival_div (st->t, v, st->u) != IC_IVAL_OK)  /* the proved quotient */
        ic_ival_set_full (st->t);
    }
  padd (st->sum, st->sum, st->t);
}

/* Heuristic length of the generic Euler-Maclaurin sum: terms ~ 2 (2j)! /
 * (2 pi rho)^(2j) with rho = M - 1 (distance to a singularity at 1 or 0,
 * assumed). */
static long generic_m (unsigned long M, double tb)
{
  double rho = (double) M - 1, l = 0;
  long m;
  for (m = 1; m < 4000; m++)
    {
      l = 1 + lgamma (2.0 * m + 1) / log (2) - 2 * m * log2 (2 * IC_PI * rho) + log2 (rho);
      if (l < -tb - 8) break;
      if (m > 2 && lgamma (2.0 * m + 3) - lgamma (2.0 * m + 1) > 2 * log (2 * IC_PI * rho)) break;
    }
  return m;
}

/* Heuristic precision profile for the Taylor coefficients c_k of f at M
 * (ic_taylor_eval_prec): the sum uses c_k only through B_(k+1)/(k+1)! c_k,
 * about 2 k!/(2 pi)^(k+1) c_k, and c_k ~ c_0 rho^-k k^2 at most (rho =
 * M - 1, generic_m's assumption), so relative precision wp - drop_k,
 * drop_k = k log2(2 pi rho) - log2(k!) - 2 log2(k+1) - 16, keeps each
 * term's error near 2^-wp c_0.  Speed only: a wrong guess widens the
 * enclosure, never breaks it. */
static void generic_profile (mpfr_prec_t *pk, long len, unsigned long M, mpfr_prec_t wp)
{
  double l2 = log2 (2 * IC_PI * ((double) M - 1)), lf = 0;
  for (long k = 0; k < len; k++)
    {
      if (k > 1) lf += log2 ((double) k);                /* log2 k! */
      double drop = (double) k * l2 - lf - 2 * log2 ((double) k + 1) - 16;
      double p = (double) wp - (drop > 0 ? drop : 0);
      if (p < 128) p = 128;
      pk[k] = p < (double) wp ? (mpfr_prec_t) p : wp;
      if (k > 0 && pk[k] > pk[k - 1]) pk[k] = pk[k - 1];
    }
}

/* int_M^inf f = int_(M+c)^inf g for f(x) = g(x + c) (symb.h's unshift,
 * an identity of functions of a real x), g from integral.h's families. */
static int shifted_integral (ic_ival_ptr I, const ic_node *f, unsigned long M, mpfr_prec_t wp)
{
  mpq_t c;
  mpq_init (c);
  ic_node *g = ic_symb_unshift (f, c);
  int ok = 0;
  if (g)
    {
      ic_ival_t x;
      ic_ival_init2 (x, wp);
      mpq_t m;
      mpq_init (m);
      mpq_set_ui (m, M, 1);
      mpq_add (m, m, c);
      ic_ival_set_q (x, m);                      /* encloses M + c */
      ok = ic_integral_tail_at (I, g, x, wp);
      mpq_clear (m);
      ic_ival_clear (x);
      ic_node_free (g);
    }
  mpq_clear (c);
  return ok;
}

/* 1 if f = c x^a (log x)^b (an identity on x > 1) with a rational a < 0
 * and an integer 1 <= |b| <= 64: the form the sieve below sums. */
static int sieve_powerlog_form (const ic_node *f, mpq_t a, long *b, ic_ival_ptr cf)
{
  ic_monos ms;
  int ok = 0;
  if (!ic_monos_of (&ms, f, ic_ival_get_prec (cf))) return 0;
  if (ms.n == 1 && mpz_cmp_ui (mpq_denref (ms.m[0].b), 1) == 0 && mpq_sgn (ms.m[0].b) != 0
      && mpz_cmpabs_ui (mpq_numref (ms.m[0].b), 64) <= 0 && mpq_sgn (ms.m[0].a) < 0)
    {
      mpq_set (a, ms.m[0].a);
      *b = mpz_get_si (mpq_numref (ms.m[0].b));
      ic_ival_set (cf, ms.m[0].c);
      ok = 1;
    }
  ic_monos_clear (&ms);
  return ok;
}

/* D = sum_{N<=n<M} f(n) for f = c x^a (log x)^b (sieve_powerlog_form),
 * N >= 1 (N >= 2 when b < 0), by the sieve: n^a and log n from smaller factors, one log and
 * one power per prime.  0 if f is not of that form or the sieve fails
 * (the caller then sums term by term). */
static int direct_powerlog (ic_ival_ptr D, const ic_node *f, unsigned long N, unsigned long M,
                            mpfr_prec_t wp)
{
  mpq_t a;
  long b = 0;
  ic_ival_t c, sum, t, u;
  mpq_init (a);
  ic_ival_init2 (c, wp); ic_ival_init2 (sum, wp); ic_ival_init2 (t, wp); ic_ival_init2 (u, wp);
  int ok = N >= 1 && sieve_powerlog_form (f, a, &b, c) && (b > 0 || N >= 2);
  if (ok)
    {
      mpq_neg (a, a);                           /* s = -a > 0 */
      ic_ival_set_si (sum, 0);
      powerlog_state st = { sum, t, u, b };
      ok = sieve_pow (N, M, a, 1, wp, acc_powerlog, &st);
      if (ok) ic_ival_mul (D, c, sum);
    }
  ic_ival_clear (c); ic_ival_clear (sum); ic_ival_clear (t); ic_ival_clear (u);
  mpq_clear (a);
  return ok;
}

/* The Taylor coefficients of f at M and the Bernoulli numbers of the
 * generic sum, computed on a second thread while the caller sums the
 * direct part (the two only read f). */
typedef struct {
  const ic_node *f;
  ic_ival_struct *c, *bz;
  long len;
  unsigned long M;
  mpfr_prec_t wp;
  const mpfr_prec_t *pk;           /* the precision profile (generic_profile) */
  ic_deadline *dl;
  int ok, oom, threaded;
  pthread_t th;
} series_job;

static void series_run (series_job *J)
{
  ic_deadline *outer = ic_deadline_enter (J->dl);
  ic_ival_t x;
  ic_ival_init2 (x, J->wp);
  ic_ival_set_ui (x, J->M);
  J->ok = ic_taylor_eval_prec (J->c, J->f, x, J->len, J->pk) == IC_IVAL_OK
    && ic_bernoulli_ivals (NULL, J->bz, J->len / 2);   /* bz[j-1] = B_2j/(2j) */
  ic_ival_clear (x);
  ic_deadline_enter (outer);
}

static void *series_thread (void *arg)
{
  series_job *J = arg;
  series_run (J);
  J->oom = ic_oom_take ();                  /* handed to the caller's thread */
  mpfr_free_cache2 (MPFR_FREE_LOCAL_CACHE); /* as btab_thread */
  return NULL;
}

static void series_start (series_job *J)
{
  J->ok = 0; J->oom = 0;
  J->dl = ic_deadline_current ();
  J->threaded = pthread_create (&J->th, NULL, series_thread, J) == 0;
}

/* ok after the series is done (run here when no thread could start) */
static int series_finish (series_job *J)
{
  if (J->threaded) { pthread_join (J->th, NULL); J->threaded = 0; }
  else series_run (J);
  if (J->oom) ic_oom_note ();
  return J->ok;
}

static int tail_generic (ic_ival_ptr out, const ic_node *f, const ic_node *prodterm,
                         unsigned long N, double tb, mpfr_prec_t wp, ic_em_info *info)
{
  unsigned long M = pick_M (N, tb, 1.8);
  int sign;
  ic_ival_t I, D, x, v, R, t, S;
  if (M < 2) M = 2;
  mpq_t pa, pshift;
  long pb = 0;
  int powerlog = 0;                /* 1: the derivative-sign certificate */
  mpq_init (pshift);               /* the shift c > 0 of f(x) = g(x + c), or 0 */
  int cm_ok = ic_cm_certify (f, M, &sign);
  if (!cm_ok)
    {
      mpq_init (pa);
      powerlog = !prodterm && single_powerlog (f, pa, &pb, NULL);
      if (!powerlog && !prodterm)
        {
          /* f(x) = g(x + c), g = c' x^a (log x)^b: f^(k)(x) = g^(k)(x + c),
           * one sign for x >= M if g^(k) has one sign on [floor(M + c), inf) */
          ic_node *g = ic_symb_unshift (f, pshift);
          powerlog = g && mpq_sgn (pshift) > 0 && single_powerlog (g, pa, &pb, NULL);
          ic_node_free (g);
        }
      /* heuristic: a cut-off M where the derivatives the sum will use
       * (about 2m + 2) have one sign; the certificate is checked again
       * for the order actually used */
      while (powerlog && !ic_em_powerlog_sign_ok (pa, pb, 2 * generic_m (M, tb) + 2, shifted_floor (M, pshift)))
        {
          if (M > (1UL << 20) || ic_cancelled ()) { powerlog = 0; break; }
          M *= 2;
        }
      if (!powerlog)
        {
          mpq_clear (pa);
          mpq_clear (pshift);
          snprintf (info->detail, sizeof info->detail, "no complete-monotonicity certificate on [%lu, inf)", M);
          return 0;
        }
    }
  ic_ival_init2 (I, wp);
  if (!ic_integral_tail (I, f, M, wp) && !shifted_integral (I, f, M, wp))
    {
      if (powerlog) mpq_clear (pa);
      mpq_clear (pshift);
      ic_ival_clear (I);
      snprintf (info->detail, sizeof info->detail, "no closed-form integral for the term");
      return 0;
    }
  long m = generic_m (M, tb);
  long len = 2 * m + 4;
  mpfr_prec_t *pk = malloc ((size_t) len * sizeof *pk);
  if (!pk) abort ();
  generic_profile (pk, len, M, wp);
  /* Resource limit: the evaluation holds a few series of len coefficients
   * at the profile's precisions (heuristic: four); a probe of the memory
   * budget (taken, then given back) fails the method at once when they
   * cannot fit, where the allocations themselves, which cannot be cut
   * short, ran on for seconds past a deadline (sum 1/n^2 --digits 100000
   * --timeout 0.5 ended after 1.4 s) */
  double sbytes = 4.0 * ic_taylor_profile_bytes (len, pk);
  size_t probe = sbytes > 1e18 ? (size_t) 1e18 : (size_t) sbytes;
  if (!ic_mem_take (probe))
    {
      free (pk);
      if (powerlog) mpq_clear (pa);
      mpq_clear (pshift);
      ic_ival_clear (I);
      snprintf (info->detail, sizeof info->detail, "the Taylor series would pass the memory budget");
      return 0;
    }
  ic_mem_give (probe);
  ic_ival_struct *c = ic_taylor_alloc (len, wp);
  ic_ival_struct *bz = ic_taylor_alloc (len / 2 + 1, wp);
  ic_ival_init2 (D, wp); ic_ival_init2 (x, wp); ic_ival_init2 (v, wp);
  ic_ival_init2 (R, wp); ic_ival_init2 (t, wp); ic_ival_init2 (S, wp);
  int ok = 1;
  series_job J = { .f = f, .c = c, .bz = bz, .len = len, .M = M, .wp = wp, .pk = pk };
  series_start (&J);

  /* Direct part. */
  if (prodterm)
    {
      ok = direct_log_prod (D, prodterm, N, M, wp);
    }
  else if (direct_powerlog (D, f, N, M, wp))
    {
      /* D = sum_{N<=n<M} f(n) by the multiplicative sieve */
    }
  else
    {
      ic_ival_set_si (D, 0);
      for (unsigned long n = N; ok && n < M; n++)
        {
          ic_ival_set_ui (x, n);
          ok = !ic_cancelled () && ic_taylor_eval_point (v, f, x, wp) == IC_IVAL_OK;
          ic_ival_add (D, D, v);
        }
    }
  /* Taylor coefficients at M (c) and B_2j/(2j) (bz), then the EM sum. */
  ok = series_finish (&J) && ok;
  free (pk);
  long mused = -1;
  if (ok)
    {
      ic_ival_set (S, I);
      ic_ival_div_ui (v, &c[0], 2);                     /* f(M)/2 */
      ic_ival_add (S, S, v);
      for (long j = 1; 2 * j - 1 < len; j++)
        {
          /* t_j = -B_2j/(2j)! f^(2j-1)(M) = -(B_2j/(2j)) c_(2j-1) */
          ic_ival_mul (t, &bz[j - 1], &c[2 * j - 1]);
          ic_ival_neg (t, t);
          double lmag = log2_mag (t);
          if (lmag + 1 <= -tb - 3 || 2 * j + 1 >= len)
            {
              /* t_j is the first omitted term; em_kern's hypothesis:
               * f^(2j) of one sign on [M, inf) (f or -f CM, or the
               * power-log certificate for k = 2j) */
              if (powerlog && !ic_em_powerlog_sign_ok (pa, pb, 2 * j, shifted_floor (M, pshift))) break;
              ic_em_remainder (R, t, cm_ok || powerlog);   /* the flag: the certificate that holds */
              ic_ival_add (S, S, R);
              mused = j - 1;
              break;
            }
          ic_ival_add (S, S, t);
        }
      ok = mused >= 0;
    }
  if (ok)
    {
      ic_ival_add (out, D, S);
      strcpy (info->method, "euler-maclaurin");
      info->m = mused;
      if (powerlog)
        snprintf (info->detail, sizeof info->detail,
                  "f = c x^a (log x)^%ld: f^(%ld) of one sign on [%lu, inf) (polynomial certificate), "
                  "m=%ld Bernoulli terms, Taylor length %ld, incomplete-gamma integral, %ld bits",
                  pb % 100, (2 * mused + 2) % 100000, M, mused % 100000, len % 100000, (long) wp % 100000000);
      else
        snprintf (info->detail, sizeof info->detail,
                  "f %sCM on [%lu, inf) (structural certificate), m=%ld Bernoulli terms, "
                  "derivatives by interval Taylor series of length %ld, closed-form integral, %ld bits",
                  sign < 0 ? "-" : "", M, mused, len, (long) wp);
    }
  else snprintf (info->detail, sizeof info->detail, "term not evaluable on [%lu, %lu]", N, M);
  if (powerlog) mpq_clear (pa);
  mpq_clear (pshift);
  ic_taylor_free (c, len);
  ic_taylor_free (bz, len / 2 + 1);
  ic_ival_clear (I); ic_ival_clear (D); ic_ival_clear (x); ic_ival_clear (v);
  ic_ival_clear (R); ic_ival_clear (t); ic_ival_clear (S);
  return ok;
}

/* The term 1 - A (n + C)^(-P) for rationals A, C, P. */
static ic_node *one_minus_shifted (const mpq_t A, const mpq_t C, const mpq_t P)
{
  mpq_t mp;
  mpq_init (mp);
  mpq_neg (mp, P);
  ic_node *base = ic_node_new (IC_ADD, ic_node_new (IC_VAR, NULL, NULL), ic_node_num_q (C));
  ic_node *t = ic_node_new (IC_SUB, ic_node_num_si (1),
                            ic_node_new (IC_MUL, ic_node_num_q (A), ic_node_new (IC_POW, base, ic_node_num_q (mp))));
  mpq_clear (mp);
  return t;
}

/* prod (1 + a (n + c)^-p), a > 0 rational, p > 1 rational, c not an
 * integer: log(1 + u) = log(1 - u^2) - log(1 - u) for 0 < u < 1, and both
 * 1 - u and 1 - u^2 (u = a (x + c)^-p completely monotone) have logs whose
 * negatives are CM (-log(1 - v) = sum_k v^k / k, a sum of products of CM
 * functions), so each tail is a generic Euler-Maclaurin tail with its
 * remainder certificate and the integrated log series from M + c; the
 * log-tail of the product is their difference. */
static int shifted_prod_plus (ic_ival_ptr out, const ic_node *g, const mpq_t c, unsigned long N,
                              double tb, mpfr_prec_t wp, ic_em_info *info)
{
  ic_monos ms;
  int ok = 0;
  if (!ic_monos_of (&ms, g, wp)) return 0;
  mpq_t a, p;
  mpq_inits (a, p, (mpq_ptr) 0);
  int found = 0;
  const ic_mono *u = ic_monos_one_plus (&ms);
  if (u && mpq_sgn (u->b) == 0 && mpq_cmp_si (u->a, -1, 1) < 0 && ic_ival_is_exact (u->c)
      && mpfr_sgn (u->c->lo) > 0)
    {
      mpfr_get_q (a, u->c->lo);
      mpq_neg (p, u->a);
      found = 1;
    }
  ic_monos_clear (&ms);
  if (found)
    {
      /* the two factors as terms: 1 - a (n + c)^-p and 1 - a^2 (n + c)^-2p */
      ic_node *p1 = one_minus_shifted (a, c, p);
      mpq_mul (a, a, a);
      mpq_add (p, p, p);
      ic_node *p2 = one_minus_shifted (a, c, p);
      ic_node l1, l2;
      memset (&l1, 0, sizeof l1);
      memset (&l2, 0, sizeof l2);
      l1.op = l2.op = IC_LOG;
      l1.a = p1;
      l2.a = p2;
      ic_ival_t T1, T2;
      ic_ival_init2 (T1, wp);
      ic_ival_init2 (T2, wp);
      ic_em_info i1, i2;
      memset (&i1, 0, sizeof i1);
      memset (&i2, 0, sizeof i2);
      ok = tail_generic (T1, &l1, p1, N, tb + 2, wp, &i1) && tail_generic (T2, &l2, p2, N, tb + 2, wp, &i2);
      if (ok)
        {
          ic_ival_sub (out, T2, T1);           /* log tail of 1 + u */
          strcpy (info->method, "euler-maclaurin");
          info->m = i1.m > i2.m ? i1.m : i2.m;
          snprintf (info->detail, sizeof info->detail,
                    "log(1+u) = log(1-u^2) - log(1-u), u = a (n+c)^-p: two Euler-Maclaurin tails (%.90s)",
                    i1.detail);
        }
      ic_ival_clear (T1);
      ic_ival_clear (T2);
      ic_node_free (p1);
      ic_node_free (p2);
    }
  mpq_clears (a, p, (mpq_ptr) 0);
  return ok;
}

/* prod (1 + u(n)), u = c x^a (log x)^b (c rational, b != 0): for n >= N1
 * with |u(n)| <= q < 1 (u monotone there: checked, see below),
 *   log(1 + u) = sum_k (-1)^(k+1) u^k / k,  absolutely convergent with the
 *   sum over n (Tonelli), so  T = sum_k (-1)^(k+1) S_k / k,
 *   S_k = sum_(n>=N1) u(n)^k = c^k sum x^(ka) (log x)^(kb),
 * each S_k a sum tail by Euler-Maclaurin (CM for b < 0, the power-log
 * certificate for b > 0); the terms k > K are bounded by
 *   sum_(k>K) |S_k| / k <= S_abs q^K / ((K+1)(1-q)),  S_abs = sum |u(n)|,
 * since |u(n)|^k <= q^(k-1) |u(n)|.  The factors N <= n < N1 are multiplied
 * directly.  |u| is non-increasing on [N1, inf) where a < 0 and
 * b log x <= -a ... precisely: d/dx log|u| = (a + b / log x) / x <= 0 for
 * log x >= b / (-a) (any x when b < 0), so |u(n)| <= |u(N1)| = q. */
static int tail_log_series (ic_ival_ptr out, const ic_node *f, const ic_mono *u, unsigned long N,
                            double tb, mpfr_prec_t wp, ic_em_info *info)
{
  if (mpq_cmp_si (u->a, -1, 1) > 0 || (mpq_cmp_si (u->a, -1, 1) == 0 && mpq_cmp_si (u->b, -1, 1) >= 0))
    return 0;                                    /* sum |u| must converge */
  if (mpz_cmp_ui (mpq_denref (u->b), 1) != 0 || mpz_cmpabs_ui (mpq_numref (u->b), 32) > 0)
    return 0;
  mpq_t c, ka, kb;
  mpq_inits (c, ka, kb, (mpq_ptr) 0);
  mpfr_get_q (c, u->c->lo);
  double ad = mpq_get_d (u->a), bd = mpq_get_d (u->b), cd = fabs (mpq_get_d (c));
  /* N1: |u| monotone from N1 and |u(N1)| <= 2^-6 (heuristic target; the
   * bound q is computed below) */
  unsigned long N1 = N < 3 ? 3 : N;
  if (bd > 0)
    {
      double xm = exp (bd / -ad) + 1;
      if (xm > 1e12) { mpq_clears (c, ka, kb, (mpq_ptr) 0); return 0; }
      if ((double) N1 < xm) N1 = (unsigned long) xm + 1;
    }
  while (log2 (cd) + ad * log2 ((double) N1) + bd * log2 (log ((double) N1)) > -6)
    {
      if (N1 > 100000) { mpq_clears (c, ka, kb, (mpq_ptr) 0); return 0; }
      N1 *= 2;
    }
  /* monotonicity from N1, exactly: b <= 0, or log N1 >= b / (-a) */
  ic_ival_t q, L, t, D, v, x, S, Sabs, R;
  ic_ival_init2 (q, wp); ic_ival_init2 (L, wp); ic_ival_init2 (t, wp); ic_ival_init2 (D, wp);
  ic_ival_init2 (v, wp); ic_ival_init2 (x, wp); ic_ival_init2 (S, wp); ic_ival_init2 (Sabs, wp);
  ic_ival_init2 (R, wp);
  int ok = 1;
  ic_ival_set_ui (L, N1);
  ic_ival_log (L, L);
  if (mpq_sgn (u->b) > 0)
    {
      mpq_t r;
      mpq_init (r);
      mpq_div (r, u->b, u->a);
      mpq_neg (r, r);                            /* b / (-a) > 0 */
      ic_ival_set_q (t, r);
      ok = mpfr_cmp (L->lo, t->hi) >= 0;
      mpq_clear (r);
    }
  /* q >= |u(N1)| = |c| N1^a (log N1)^b */
  ic_ival_set_ui (x, N1);
  mpq_set (ka, u->a);                          /* (ka, kb: scratch until the loop) */
  ic_ival_set_q (t, ka);
  ic_ival_pow (q, x, t);
  mpq_set (kb, u->b);
  ic_ival_set_q (t, kb);
  ic_ival_pow (t, L, t);
  ic_ival_mul (q, q, t);
  ic_ival_set_q (t, c);
  ic_ival_mul (q, q, t);
  ic_ival_abs (q, q);
  mpfr_t qh;
  mpfr_init2 (qh, 64);
  mpfr_set (qh, q->hi, MPFR_RNDU);
  ok = ok && ic_ival_is_finite (q) && mpfr_cmp_d (qh, 0.5) <= 0;
  /* K with q^K / ((K+1)(1-q)) small against 2^-tb (heuristic) */
  long K = 1;
  if (ok)
    {
      double lq = log2 (mpfr_get_d (qh, MPFR_RNDU));
      K = (long) ((tb + 8) / -lq) + 1;
      if (K > 2000) ok = 0;
    }
  /* direct part: log prod_(N <= n < N1) p(n) */
  ok = ok && direct_log_prod (D, f, N, N1, wp);
  /* the series in k */
  ic_ival_set_si (S, 0);
  long mmax = 0;
  for (long k = 1; ok && k <= K; k++)
    {
      if (ic_cancelled ()) { ok = 0; break; }
      mpq_set_si (ka, k, 1); mpq_mul (ka, ka, u->a);
      mpq_set_si (kb, k, 1); mpq_mul (kb, kb, u->b);
      mpq_t ck;
      mpq_init (ck);
      mpz_pow_ui (mpq_numref (ck), mpq_numref (c), (unsigned long) k);
      mpz_pow_ui (mpq_denref (ck), mpq_denref (c), (unsigned long) k);
      /* node c^k * n^(ka) * log(n)^(kb) */
      ic_node *term = ic_node_new (IC_MUL, ic_node_num_q (ck),
                                   ic_node_new (IC_MUL,
                                                ic_node_new (IC_POW, ic_node_new (IC_VAR, NULL, NULL), ic_node_num_q (ka)),
                                                ic_node_new (IC_POW, ic_node_new (IC_LOG, ic_node_new (IC_VAR, NULL, NULL), NULL),
                                                             ic_node_num_q (kb))));
      mpq_clear (ck);
      ic_em_info ik;
      memset (&ik, 0, sizeof ik);
      ok = tail_generic (t, term, NULL, N1, tb + log2 ((double) K) + 4, wp, &ik);
      ic_node_free (term);
      if (!ok) break;
      if (ik.m > mmax) mmax = ik.m;
      if (k == 1) ic_ival_abs (Sabs, t);         /* sum |u| = |S_1| (u of one sign) */
      ic_ival_set_si (v, k);
      ic_ival_div (t, t, v);
      if (k % 2) ic_ival_add (S, S, t); else ic_ival_sub (S, S, t);
    }
  if (ok)
    {
      /* R = Sabs q^K / ((K+1)(1 - q)), added as [-R, R] */
      ic_ival_pow_si (R, q, K);
      ic_ival_mul (R, R, Sabs);
      ic_ival_set_si (t, K + 1);
      ic_ival_div (R, R, t);
      ic_ival_set_si (t, 1);
      ic_ival_sub (t, t, q);
      ok = ic_ival_is_pos (t) && ic_ival_div (R, R, t) == IC_IVAL_OK && ic_ival_is_finite (R);
      if (ok)
        {
          ic_ival_neg (t, R);
          ic_ival_hull (t, t, R);                 /* [-R.hi, R.hi]: R > 0 */
          ic_ival_add (S, S, t);
          ic_ival_add (out, S, D);
          strcpy (info->method, "log-series");
          info->m = mmax;
          snprintf (info->detail, sizeof info->detail,
                    "log(1+u) = sum_k (-1)^(k+1) u^k/k, K=%ld terms, each sum of u^k by Euler-Maclaurin "
                    "(m<=%ld), |u(n)| <= q for n >= %lu, direct product %lu<=n<%lu, %ld bits",
                    K, mmax, N1, N, N1, (long) wp);
        }
    }
  mpfr_clear (qh);
  ic_ival_clear (q); ic_ival_clear (L); ic_ival_clear (t); ic_ival_clear (D);
  ic_ival_clear (v); ic_ival_clear (x); ic_ival_clear (S); ic_ival_clear (Sabs);
  ic_ival_clear (R);
  mpq_clears (c, ka, kb, (mpq_ptr) 0);
  return ok;
}

/* ---- dispatcher ----------------------------------------------------------- */

int ic_em_tail (ic_ival_ptr out, const ic_node *f, int prod, unsigned long N,
                long digits, mpfr_prec_t prec, ic_em_info *info)
{
  ic_monos ms;
  const ic_mono *u;
  int ok = 0;
  memset (info, 0, sizeof *info);
  if (N < 1) N = 1;
  if (digits < 1) digits = 1;
  double tb = digits * LOG2_10 + 4;                     /* target: 2^-tb absolute */
  mpfr_prec_t wp = (mpfr_prec_t) tb + 64;
  if (prec > wp) wp = prec;
  mpfr_prec_t mp = wp + 16;

  /* f(n) = g(n + k), k a nonzero integer: sum_{n>=N} f(n) =
   * sum_{m>=N+k} g(m) (and the same for products), so the fast methods
   * for g apply (Hurwitz zeta, zeta expansion) */
  {
    mpq_t c;
    mpq_init (c);
    ic_node *g = ic_symb_unshift (f, c);
    long k = 0;
    if (g && mpz_cmp_ui (mpq_denref (c), 1) == 0 && mpz_cmpabs_ui (mpq_numref (c), 1UL << 40) <= 0)
      k = mpz_get_si (mpq_numref (c));
    else if (g && prod)
      ok = shifted_prod_plus (out, g, c, N, tb, wp, info);
    mpq_clear (c);
    if (ok) { ic_node_free (g); return 1; }
    if (k != 0 && N <= (1UL << 62) && (k > 0 || N > (unsigned long) -k))
      {
        unsigned long Nk = k > 0 ? N + (unsigned long) k : N - (unsigned long) -k;
        ok = ic_em_tail (out, g, prod, Nk, digits, prec, info);
        if (ok)
          {
            char d[sizeof info->detail];
            snprintf (d, sizeof d, "reindexed m = n %s %ld: %.200s", k > 0 ? "+" : "-", k > 0 ? k : -k, info->detail);
            memcpy (info->detail, d, sizeof d);
          }
      }
    ic_node_free (g);
    if (ok) return 1;
    memset (info, 0, sizeof *info);
  }

  if (ic_monos_of (&ms, f, mp))
    {
      if (!prod)
        {
          int allpow = ms.n > 0;
          for (int i = 0; i < ms.n; i++)
            if (mpq_sgn (ms.m[i].b) != 0 || mpq_cmp_si (ms.m[i].a, -1, 1) >= 0) allpow = 0;
          if (allpow) ok = tail_zeta_power (out, &ms, N, tb, wp, info);
        }
      else if ((u = ic_monos_one_plus (&ms)))
        {
          /* 1 + c x^-p: the zeta expansion; 1 + c x^a (log x)^b: the log series */
          if (mpq_sgn (u->b) == 0 && mpq_cmp_si (u->a, -1, 1) < 0)
            {
              mpq_t p;
              mpq_init (p);
              mpq_neg (p, u->a);
              ok = tail_zeta_expansion (out, u->c, p, N, tb, wp, info);
              mpq_clear (p);
            }
          else if (mpq_sgn (u->b) != 0 && ic_ival_is_exact (u->c) && !mpfr_zero_p (u->c->lo))
            ok = tail_log_series (out, f, u, N, tb, wp, info);
        }
      ic_monos_clear (&ms);
      if (ok) return 1;
    }
  /* a fast method cut short by the deadline or the memory budget: no
   * fallback (its allocations could not be cut short in turn) */
  if (ic_cancelled ()) return 0;
  if (!prod)
    ok = tail_generic (out, f, NULL, N, tb, wp, info);
  else
    {
      ic_node lg;
      memset (&lg, 0, sizeof lg);
      lg.op = IC_LOG;
      lg.a = (ic_node *) f;
      ok = tail_generic (out, &lg, f, N, tb, wp, info);
    }
  return ok;
}

unsigned long ic_em_suggest_N (const ic_node *f, int prod, long digits)
{
  /* Heuristic: the tail methods sum N <= n < M themselves, faster than a
   * generic evaluator (sieve for powers), so the caller's direct part can
   * stay short. */
  (void) f; (void) prod; (void) digits;
  return 10;
}
