/* taylor_fast.c — asymptotically fast interval power series (issue 13):
 * the Kronecker-substitution product and the Newton iterations behind
 * taylor.h's dispatchers (ic_taylor_mul, _div, _log, _exp, _pow_const).
 *
 * 1. Product (ic_taylor_mullow_ks).  Both series are put in scaled
 *    midpoint-radius form: for a shift sigma per power of t (chosen so that
 *    the scaled coefficients x_k 2^(sigma k) have comparable sizes; the
 *    coefficients of f(M + t) decay like M^-k) and a series exponent e,
 *      x_k 2^(sigma k)  in  2^e [X_k - r_k, X_k + r_k]      (every point)
 *    with integers X_k, r_k >= 0, obtained exactly from the endpoints
 *    (L_k = floor(lo 2^(sigma k - e)), H_k = ceil(hi 2^(sigma k - e)),
 *    X_k = floor((L_k + H_k)/2), r_k = H_k - X_k >= X_k - L_k).  Then for
 *    every point (x, y) of the inputs and z = x y,
 *      z_k 2^(sigma k) = 2^(ex+ey) sum_i (X_i + a_i)(Y_(k-i) + b_(k-i)),
 *    |a_i| <= rx_i, |b_j| <= ry_j, so z_k 2^(sigma k) lies in
 *      2^(ex+ey) [Z_k - rad_k, Z_k + rad_k],   Z_k = sum_i X_i Y_(k-i),
 *      rad_k = sum_i |X_i| ry_(k-i) + rx_i (|Y_(k-i)| + ry_(k-i)).
 *    Z is computed exactly by one GMP multiplication (Kronecker
 *    substitution: slots of a multiple of 64 bits, wide enough that every
 *    |Z_k| < 2^(slot-1), signed digits recovered by balanced unpacking);
 *    rad_k is bounded above by exact integer convolutions of 60-bit
 *    magnitudes rounded up (|X_i|, r_i and |Y_j| + ry_j, each as
 *    2^g u with u <= 2^60, in bands of 30 bits of exponent so that small
 *    radii are not rounded up to the largest one's scale).  The result's endpoints are Z_k -/+ rad_k
 *    rounded down/up, times the exact power 2^(ex+ey-sigma k).  No step is
 *    a heuristic bound: sigma and the integer precision P only decide how
 *    tight the result is.
 *
 * 2. Newton iterations.  Each doubling step evaluates, in interval
 *    arithmetic, an identity that is exact modulo t^(2m) for every point
 *    h of the input when g is the exact truncation to m terms of the
 *    result for that h.  Since g encloses that truncation (induction), the
 *    interval evaluation encloses the exact next m coefficients (the
 *    inclusion property: an exact identity evaluated on enclosures of its
 *    arguments encloses its value).  Coefficients below m are known, so
 *    only the new ones are computed, from the part of the correction that
 *    is exactly zero below t^m — that exact zero is used, not an interval
 *    around it, so widths do not grow from one level to the next:
 *      inverse  u = 1/h:  e = 1 - h g = O(t^m) exactly, and
 *               u = g + g e mod t^(2m); for m <= k < 2m
 *               u_k = -sum_(j=m..k) g_(k-j) (h g)_j.
 *      log      log h = log h_0 + integral of h'/h (h_0 > 0), with 1/h by
 *               the inverse above.
 *      exp      u = exp(f): d = f - log g = O(t^m) exactly, and
 *               u = g exp(d) = g (1 + d) mod t^(2m); for m <= k < 2m
 *               u_k = sum_(j=m..k) g_(k-j) d_j.
 *      power    h^c = exp(c log h) for h_0 > 0; integer c by repeated
 *               squaring (h_0 may then have any sign; c < 0 inverts).
 *    Costs: a product of two series of length n is one multiplication of
 *    integers of about n (2P + log2 n) bits; the inverse is about 2.5
 *    products of length n, log one more, exp about 4 logs' worth.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include "taylor.h"
#include "cancel.h"

#if GMP_LIMB_BITS != 64 || GMP_NAIL_BITS != 0
#define KS_OK 0
#else
#define KS_OK 1
#endif

/* ---- exact integer Kronecker products ------------------------------------ */

/* Packs the signed integers V[0..n) into a big integer sum V_i 2^(64 s i)
 * (slots of s limbs, s limbs >= every |V_i|'s size; exact). */
static void ks_pack (mpz_t out, mpz_t *V, long n, long s)
{
  size_t tot = (size_t) n * (size_t) s;
  mpz_t neg;
  int haveneg = 0;
  for (long i = 0; i < n; i++) if (mpz_sgn (V[i]) < 0) { haveneg = 1; break; }
  mp_limb_t *p = mpz_limbs_write (out, (mp_size_t) (tot ? tot : 1));
  memset (p, 0, (tot ? tot : 1) * sizeof *p);
  for (long i = 0; i < n; i++)
    if (mpz_sgn (V[i]) > 0)
      memcpy (p + (size_t) i * s, mpz_limbs_read (V[i]), mpz_size (V[i]) * sizeof *p);
  mpz_limbs_finish (out, (mp_size_t) tot);
  if (!haveneg) return;
  mpz_init (neg);
  p = mpz_limbs_write (neg, (mp_size_t) tot);
  memset (p, 0, tot * sizeof *p);
  for (long i = 0; i < n; i++)
    if (mpz_sgn (V[i]) < 0)
      memcpy (p + (size_t) i * s, mpz_limbs_read (V[i]), mpz_size (V[i]) * sizeof *p);
  mpz_limbs_finish (neg, (mp_size_t) tot);
  mpz_sub (out, out, neg);
  mpz_clear (neg);
}

/* Z[0..n) = the first n digits of P in base 2^(64 s), balanced: digits in
 * [-2^(64s-1), 2^(64s-1)).  When P = sum_k Z_k 2^(64 s k) with every
 * |Z_k| < 2^(64s-1), these are the Z_k (the balanced representation is
 * unique). */
static void ks_unpack (mpz_t *Z, long n, const mpz_t P, long s)
{
  int sg = mpz_sgn (P);
  size_t pn = mpz_size (P);
  const mp_limb_t *pl = mpz_limbs_read (P);
  mp_bitcnt_t B = (mp_bitcnt_t) s * 64;
  int carry = 0;
  for (long k = 0; k < n; k++)
    {
      size_t off = (size_t) k * s, cnt = 0;
      if (off < pn) cnt = pn - off < (size_t) s ? pn - off : (size_t) s;
      if (cnt)
        {
          mp_limb_t *q = mpz_limbs_write (Z[k], (mp_size_t) cnt);
          memcpy (q, pl + off, cnt * sizeof *q);
          mpz_limbs_finish (Z[k], (mp_size_t) cnt);
        }
      else mpz_set_ui (Z[k], 0);
      if (carry) mpz_add_ui (Z[k], Z[k], 1);
      carry = 0;
      if (mpz_sizeinbase (Z[k], 2) >= B && mpz_sgn (Z[k]) > 0)   /* Z_k >= 2^(B-1) */
        {
          mpz_t t;
          mpz_init (t);
          mpz_setbit (t, B);
          mpz_sub (Z[k], Z[k], t);
          mpz_clear (t);
          carry = 1;
        }
      if (sg < 0) mpz_neg (Z[k], Z[k]);
    }
}

static long ceil_log2_ul (unsigned long v)
{
  long b = 0;
  while (b < 63 && (1UL << b) < v) b++;
  return b;
}

/* Z[0..n) = first n coefficients of X * Y, exact (X of length nx, Y of
 * length ny; Y == X with ny == nx squares). */
static void ks_mul_z (mpz_t *Z, long n, mpz_t *X, long nx, mpz_t *Y, long ny)
{
  size_t bx = 1, by = 1;
  for (long i = 0; i < nx; i++) if (mpz_sizeinbase (X[i], 2) > bx) bx = mpz_sizeinbase (X[i], 2);
  for (long i = 0; i < ny; i++) if (mpz_sizeinbase (Y[i], 2) > by) by = mpz_sizeinbase (Y[i], 2);
  /* |Z_k| <= min(nx,ny) 2^(bx+by) < 2^(64 s - 1) */
  long bits = (long) (bx + by) + ceil_log2_ul ((unsigned long) (nx < ny ? nx : ny)) + 2;
  long s = (bits + 63) / 64;
  mpz_t px, py, pz;
  mpz_init (px); mpz_init (pz);
  ks_pack (px, X, nx, s);
  if (X == Y && nx == ny) mpz_mul (pz, px, px);
  else
    {
      mpz_init (py);
      ks_pack (py, Y, ny, s);
      mpz_mul (pz, px, py);
      mpz_clear (py);
    }
  mpz_clear (px);
  ks_unpack (Z, n, pz, s);
  mpz_clear (pz);
}

/* C[0..n) = first n coefficients of U * V for U_i, V_j <= 2^SMALL_BITS
 * (exact; each C_k < 2^(2 SMALL_BITS + log2 n) < 2^192, held in three
 * limbs C[3k], C[3k+1], C[3k+2], least significant first). */
#define SMALL_BITS 60
static void ks_mul_small (uint64_t *C, long n, const uint64_t *U, long nu, const uint64_t *V, long nv)
{
  long s = 3;
  mpz_t pu, pv, pz;
  mpz_init (pu); mpz_init (pv); mpz_init (pz);
  mp_limb_t *p = mpz_limbs_write (pu, nu * s);
  memset (p, 0, (size_t) (nu * s) * sizeof *p);
  for (long i = 0; i < nu; i++) p[i * s] = U[i];
  mpz_limbs_finish (pu, nu * s);
  p = mpz_limbs_write (pv, nv * s);
  memset (p, 0, (size_t) (nv * s) * sizeof *p);
  for (long i = 0; i < nv; i++) p[i * s] = V[i];
  mpz_limbs_finish (pv, nv * s);
  mpz_mul (pz, pu, pv);
  size_t zn = mpz_size (pz);
  const mp_limb_t *zl = mpz_limbs_read (pz);
  for (long k = 0; k < n; k++)
    for (long i = 0; i < s; i++)
      {
        size_t o = (size_t) (k * s + i);
        C[s * k + i] = o < zn ? zl[o] : 0;
      }
  mpz_clear (pu); mpz_clear (pv); mpz_clear (pz);
}

/* ---- scaled midpoint-radius form ------------------------------------------ */

/* Magnitudes in bands, after a tilt 2^(-tau k): band j holds the v_k
 * whose tilted bit length b_k - tau k (b_k = bit length of v_k) lies in
 * (top - BAND_BITS (j+1), top - BAND_BITS j] (the last band also every
 * smaller non-zero v_k) as u_k = ceil(v_k / 2^(g_j + tau k)) <= 2^SMALL_BITS,
 * g_j = top - BAND_BITS j - SMALL_BITS (an exact multiplication when
 * g_j + tau k < 0); so v_k <= 2^(g_j + tau k) u_k, and a value keeps
 * BAND_BITS bits of relative accuracy unless it lies below the last band.
 * The tilt makes the convolution of two such vectors a convolution of the
 * u's times 2^(g_a + g_b + tau k) for output k.  One scale per series
 * (tau = 0) would round every radius up to 2^-SMALL_BITS of the largest;
 * radii that grow along the series (a precision profile,
 * ic_taylor_eval_prec) need the tilt to be flat. */
#define BAND_BITS 30
#define MAX_BANDS 16
typedef struct { int nb; long tau; long g[MAX_BANDS]; int used[MAX_BANDS]; uint64_t *u; } bands;   /* u: nb rows of n */

static void bands_init (bands *B, mpz_t *v, long n, long tau)
{
  long top = LONG_MIN, bot = LONG_MAX;
  mpz_t t;
  mpz_init (t);
  B->tau = tau;
  for (long k = 0; k < n; k++)
    if (mpz_sgn (v[k]))
      {
        long b = (long) mpz_sizeinbase (v[k], 2) - tau * k;
        if (b > top) top = b;
        if (b < bot) bot = b;
      }
  B->nb = top == LONG_MIN ? 0 : (int) ((top - bot) / BAND_BITS + 1);
  if (B->nb > MAX_BANDS) B->nb = MAX_BANDS;
  B->u = calloc ((size_t) (B->nb > 0 ? B->nb : 1) * (size_t) (n > 0 ? n : 1), sizeof *B->u);
  if (!B->u) abort ();
  for (int j = 0; j < B->nb; j++)
    {
      B->g[j] = top - BAND_BITS * j - SMALL_BITS;
      B->used[j] = 0;
    }
  for (long k = 0; k < n; k++)
    {
      if (!mpz_sgn (v[k])) continue;
      long j = (top - ((long) mpz_sizeinbase (v[k], 2) - tau * k)) / BAND_BITS;
      if (j >= B->nb) j = B->nb - 1;
      long sh = B->g[j] + tau * k;
      if (sh >= 0) mpz_cdiv_q_2exp (t, v[k], (mp_bitcnt_t) sh);   /* 2^sh u >= v */
      else mpz_mul_2exp (t, v[k], (mp_bitcnt_t) -sh);             /* exact */
      B->u[(size_t) j * n + k] = mpz_get_ui (t);                   /* <= 2^SMALL_BITS */
      B->used[j] = 1;
    }
  mpz_clear (t);
}

static void bands_clear (bands *B) { free (B->u); B->u = NULL; }

typedef struct {
  long n;
  mpz_t *X;            /* midpoints */
  long e;              /* x_k 2^(sigma k) in 2^e [X_k - r_k, X_k + r_k] */
  bands A, R, S;       /* |X_k|, r_k and |X_k| + r_k in bands */
  mpz_t *r;            /* r_k, |X_k|, |X_k| + r_k (3n) until the bands are made */
} ks_vec;

/* Magnitude exponent of a finite non-zero interval (max of the endpoint
 * exponents), or LONG_MIN for [0, 0]. */
static long ival_expo (ic_ival_srcptr x)
{
  long e = LONG_MIN;
  if (!mpfr_zero_p (x->lo)) e = mpfr_get_exp (x->lo);
  if (!mpfr_zero_p (x->hi) && mpfr_get_exp (x->hi) > e) e = mpfr_get_exp (x->hi);
  return e;
}

/* spread(sigma) = max_k (h_k + sigma k) - min_k (h_k + sigma k) over the
 * non-zero coefficients (convex in sigma). */
static long spread_of (const long *h, long n, long sigma)
{
  long mx = LONG_MIN, mn = LONG_MAX;
  for (long k = 0; k < n; k++)
    if (h[k] != LONG_MIN)
      {
        long v = h[k] + sigma * k;
        if (v > mx) mx = v;
        if (v < mn) mn = v;
      }
  return mx == LONG_MIN ? 0 : mx - mn;
}

/* Heuristic: the shift sigma minimising the sum of the spreads (the slot
 * size), by ternary search on this convex function of sigma. */
static long pick_sigma (const long *hx, long nx, const long *hy, long ny)
{
  long lo = -(1L << 24), hi = 1L << 24;
  while (hi - lo > 2)
    {
      long m1 = lo + (hi - lo) / 3, m2 = hi - (hi - lo) / 3;
      long f1 = spread_of (hx, nx, m1) + spread_of (hy, ny, m1);
      long f2 = spread_of (hx, nx, m2) + spread_of (hy, ny, m2);
      if (f1 <= f2) hi = m2; else lo = m1;
    }
  long best = lo, bf = LONG_MAX;
  for (long s = lo; s <= hi; s++)
    {
      long f = spread_of (hx, nx, s) + spread_of (hy, ny, s);
      if (f < bf) { bf = f; best = s; }
    }
  return best;
}

/* Converts x[0..n) (finite endpoints) to scaled form with shift sigma and
 * about P bits in the largest midpoint.  Returns 0 on a non-finite
 * endpoint. */
static int ks_vec_init (ks_vec *v, const ic_ival_struct *x, const long *h, long n, long sigma, long P)
{
  v->n = n;
  v->X = NULL; v->A.u = v->R.u = v->S.u = NULL; v->r = NULL;
  long emax = LONG_MIN;
  for (long k = 0; k < n; k++)
    {
      if (!mpfr_number_p (x[k].lo) || !mpfr_number_p (x[k].hi)) return 0;
      if (h[k] != LONG_MIN && h[k] + sigma * k > emax) emax = h[k] + sigma * k;
    }
  if (emax == LONG_MIN) emax = 0;
  v->e = emax - P;
  v->X = malloc ((size_t) n * sizeof *v->X);
  mpz_t *r = malloc ((size_t) n * 3 * sizeof *r), *ax = r + n, *sx = r + 2 * n;
  if (!v->X || !r) abort ();
  mpz_t m, L, H, t;
  mpz_init (m); mpz_init (L); mpz_init (H); mpz_init (t);
  for (long k = 0; k < n; k++)
    {
      mpz_init (v->X[k]);
      mpz_init (r[k]); mpz_init (ax[k]); mpz_init (sx[k]);
      if (h[k] == LONG_MIN) continue;                 /* [0, 0]: X = r = 0 */
      /* lo = m 2^E exactly; L = floor(lo 2^(sigma k - e)) <= lo 2^(...) */
      long E = mpfr_get_z_2exp (m, x[k].lo);
      long sh = E + sigma * k - v->e;
      if (sh >= 0) mpz_mul_2exp (L, m, (mp_bitcnt_t) sh);
      else mpz_fdiv_q_2exp (L, m, (mp_bitcnt_t) -sh);
      /* H = ceil(hi 2^(sigma k - e)) >= hi 2^(...) */
      E = mpfr_get_z_2exp (m, x[k].hi);
      sh = E + sigma * k - v->e;
      if (sh >= 0) mpz_mul_2exp (H, m, (mp_bitcnt_t) sh);
      else mpz_cdiv_q_2exp (H, m, (mp_bitcnt_t) -sh);
      mpz_add (t, L, H);
      mpz_fdiv_q_2exp (v->X[k], t, 1);               /* X = floor((L+H)/2) */
      mpz_sub (r[k], H, v->X[k]);                    /* r = H - X >= X - L >= 0 */
      mpz_abs (ax[k], v->X[k]);
      mpz_add (sx[k], ax[k], r[k]);
    }
  v->r = r;
  mpz_clear (m); mpz_clear (L); mpz_clear (H); mpz_clear (t);
  return 1;
}

/* Bit lengths of the radii r_k (LONG_MIN for r_k = 0), for the tilt. */
static void ks_vec_rad_bits (long *hr, const ks_vec *v)
{
  for (long k = 0; k < v->n; k++)
    hr[k] = mpz_sgn (v->r[k]) ? (long) mpz_sizeinbase (v->r[k], 2) : LONG_MIN;
}

/* The bands of |X_k|, r_k and |X_k| + r_k with the tilt tau (the same for
 * both factors of a product); frees the integer radii. */
static void ks_vec_bands (ks_vec *v, long tau)
{
  long n = v->n;
  mpz_t *r = v->r, *ax = r + n, *sx = r + 2 * n;
  bands_init (&v->A, ax, n, tau);
  bands_init (&v->R, r, n, tau);
  bands_init (&v->S, sx, n, tau);
  for (long k = 0; k < n; k++) { mpz_clear (r[k]); mpz_clear (ax[k]); mpz_clear (sx[k]); }
  free (r);
  v->r = NULL;
}

static void ks_vec_clear (ks_vec *v)
{
  if (v->X) for (long k = 0; k < v->n; k++) mpz_clear (v->X[k]);
  free (v->X);
  bands_clear (&v->A); bands_clear (&v->R); bands_clear (&v->S);
  if (v->r)
    {
      for (long k = 0; k < 3 * v->n; k++) mpz_clear (v->r[k]);
      free (v->r);
    }
  v->X = NULL; v->r = NULL;
}

/* r = C (a 192-bit value in three limbs) * 2^g, exactly (r has 192 bits). */
static void set_u192_2exp (mpfr_ptr r, const uint64_t *C, long g)
{
  mpfr_set_ui (r, C[2], MPFR_RNDN);                  /* exact: 64 bits */
  mpfr_mul_2ui (r, r, 64, MPFR_RNDN);
  mpfr_add_ui (r, r, C[1], MPFR_RNDN);               /* exact: 128 bits */
  mpfr_mul_2ui (r, r, 64, MPFR_RNDN);
  mpfr_add_ui (r, r, C[0], MPFR_RNDN);               /* exact: 192 bits */
  mpfr_mul_2si (r, r, g, MPFR_RNDN);                 /* exact power of 2 */
}

/* Heuristic: about the smallest slope of the bit lengths h (LONG_MIN for
 * zero), over steps of about a sixteenth of the non-zero entries (short
 * steps see the rounding noise); 0 with fewer than two entries. */
static long min_slope (const long *h, long n)
{
  long cnt = 0, d, best = LONG_MAX;
  for (long k = 0; k < n; k++) cnt += h[k] != LONG_MIN;
  if (cnt < 2) return 0;
  long *ix = malloc ((size_t) cnt * sizeof *ix);
  if (!ix) abort ();
  cnt = 0;
  for (long k = 0; k < n; k++) if (h[k] != LONG_MIN) ix[cnt++] = k;
  d = cnt / 16 > 1 ? cnt / 16 : 1;
  for (long q = 0; q + d < cnt; q++)
    {
      long num = h[ix[q + d]] - h[ix[q]], den = ix[q + d] - ix[q];
      long sl = num >= 0 ? num / den : -((-num + den - 1) / den);   /* floor */
      if (sl < best) best = sl;
    }
  free (ix);
  return best == LONG_MAX ? 0 : best;
}

/* Heuristic: the largest fall max_(j<k) h'_j - h'_k of the tilted bit
 * lengths h'_k = h_k - tau k over the non-zero entries. */
#define ENV_DRAWDOWN 40
static long drawdown (const long *h, long n, long tau)
{
  long top = LONG_MIN, dd = 0;
  for (long k = 0; k < n; k++)
    if (h[k] != LONG_MIN)
      {
        long v = h[k] - tau * k;
        if (top != LONG_MIN && top - v > dd) dd = top - v;
        if (v > top) top = v;
      }
  return dd;
}

/* Heuristic: radii for which the envelope bound is about as tight as the
 * convolution: with their smallest slope as tilt they never fall far
 * below an earlier radius, and that tilt is not negative enough to make
 * the partner values (flat after sigma) grow along the series. */
static int env_fits (const long *h, long n)
{
  long ms = min_slope (h, n);
  return ms >= -1 && drawdown (h, n, ms) <= ENV_DRAWDOWN;
}

static long pick_tilt (const long *h1, long n1, const long *h2, long n2, long cap);

/* The envelope bound of a radius convolution after a tilt 2^(-tau j):
 * with r'(k) = max_(j<=k) r_j 2^(-tau j) and A'(k) = sum_(i<=k) a_i
 * 2^(-tau i) (indices capped at each length), for a_i, r_j >= 0
 *   sum_i a_i r_(k-i) = 2^(tau k) sum_i a_i 2^(-tau i) r_(k-i) 2^(-tau (k-i))
 *                    <= 2^(tau k) r'(k) A'(k),
 * since every index in the sum is at most k, for any real tau.  T[k] =
 * min(T[k], that bound), every step rounded up: 2^(-tau k) and 2^(tau k)
 * are bounded above by products of k upward-rounded factors 2^(-tau),
 * 2^(tau) (positive numbers: each partial product stays an upper bound;
 * exact for an integer tau).  O(n); as tight
 * as the convolution when the tilted radii do not decrease and the tilted
 * a_i do not grow, so the caller tries several tilts.  Integer tilts alone
 * leave a mismatch of up to half a bit per coefficient against radii and
 * magnitudes whose slopes are not integers, which the bound pays once per
 * coefficient (about 0.15 k bits lost at k = 2300 in a Newton inverse of
 * 1/(x log(x)^2) at x = 7387): tau is a double (exact), and the caller
 * also tries the real slopes. */
static void env_term (mpfr_t *T, long nz, const mpz_t *av, long na, const mpz_t *rv, long nr,
                      double tau)
{
  mpfr_t rm, sa, t, u, v, P, Q;
  mpfr_inits2 (64, rm, sa, t, u, v, P, Q, (mpfr_ptr) 0);
  mpfr_set_d (u, -tau, MPFR_RNDN);              /* exact: 53 bits */
  mpfr_exp2 (u, u, MPFR_RNDU);                  /* u >= 2^-tau */
  mpfr_set_d (v, tau, MPFR_RNDN);
  mpfr_exp2 (v, v, MPFR_RNDU);                  /* v >= 2^tau */
  mpfr_set_ui (P, 1, MPFR_RNDN);                /* P >= 2^(-tau k) */
  mpfr_set_ui (Q, 1, MPFR_RNDN);                /* Q >= 2^(tau k) */
  mpfr_set_ui (rm, 0, MPFR_RNDN);
  mpfr_set_ui (sa, 0, MPFR_RNDN);
  for (long k = 0; k < nz; k++)
    {
      if (k > 0) { mpfr_mul (P, P, u, MPFR_RNDU); mpfr_mul (Q, Q, v, MPFR_RNDU); }
      if (k < nr && mpz_sgn (rv[k]))
        {
          mpfr_set_z (t, rv[k], MPFR_RNDU);
          mpfr_mul (t, t, P, MPFR_RNDU);
          mpfr_max (rm, rm, t, MPFR_RNDU);          /* rm >= r'(k) */
        }
      if (k < na && mpz_sgn (av[k]))
        {
          mpfr_set_z (t, av[k], MPFR_RNDU);
          mpfr_mul (t, t, P, MPFR_RNDU);
          mpfr_add (sa, sa, t, MPFR_RNDU);          /* sa >= A'(k) */
        }
      mpfr_mul (t, rm, sa, MPFR_RNDU);
      mpfr_mul (t, t, Q, MPFR_RNDU);                /* t >= the sum */
      mpfr_min (T[k], T[k], t, MPFR_RNDU);
    }
  mpfr_clears (rm, sa, t, u, v, P, Q, (mpfr_ptr) 0);
}

/* Slope of the bit lengths of the non-zero entries of z[0..n) between the
 * first and the last (0 if fewer than two); a heuristic tilt. */
static double bits_slope (const mpz_t *z, long n)
{
  long f = -1, l = -1;
  for (long k = 0; k < n; k++) if (mpz_sgn (z[k])) { if (f < 0) f = k; l = k; }
  if (f < 0 || l == f) return 0;
  return ((double) mpz_sizeinbase (z[l], 2) - (double) mpz_sizeinbase (z[f], 2)) / (double) (l - f);
}

/* rad_k >= sum_i |X_i| ry_(k-i) + rx_i (|Y_(k-i)| + ry_(k-i)): each of
 * the two convolutions by env_term, the smallest of its bounds with the
 * tilts 0, the flattest and the smallest slope of its radii (capped at
 * |cap|), and the real slopes of its radii and of its magnitudes. */
static void rad_envelope (mpfr_t *rad, long nz, const ks_vec *vx, const ks_vec *vy,
                          const long *hx, const long *hy, long cap)
{
  const mpz_t *rx = (const mpz_t *) vx->r, *ax = rx + vx->n;
  const mpz_t *ry = (const mpz_t *) vy->r, *sy = ry + 2 * vy->n;
  mpfr_t *T = malloc ((size_t) (nz > 0 ? nz : 1) * sizeof *T);
  if (!T) abort ();
  for (long k = 0; k < nz; k++) { mpfr_init2 (T[k], 64); mpfr_set_inf (T[k], 1); mpfr_set_inf (rad[k], 1); }
  for (int term = 0; term < 2; term++)
    {
      /* term 0: sum |X_i| ry_(k-i); term 1: sum (|Y_j| + ry_j) rx_(k-j) */
      const long *h = term ? hx : hy;
      long nh = term ? vx->n : vy->n;
      const mpz_t *av = term ? sy : ax, *rv = term ? rx : ry;
      long na = term ? vy->n : vx->n, nr = term ? vx->n : vy->n;
      mpfr_t *out = term ? T : rad;
      long c[3] = { 0, pick_tilt (h, nh, NULL, 0, cap), min_slope (h, nh) };
      if (c[2] > cap) c[2] = cap;
      if (c[2] < -cap) c[2] = -cap;
      for (int i = 0; i < 3; i++)
        if (i == 0 || (c[i] != c[0] && (i == 1 || c[2] != c[1])))
          env_term (out, nz, av, na, rv, nr, (double) c[i]);
      /* real tilts: the slopes of the radii and of the magnitudes */
      double f[2] = { bits_slope (rv, nr), bits_slope (av, na) };
      for (int i = 0; i < 2; i++)
        if (fabs (f[i]) <= (double) cap && (i == 0 || f[1] != f[0]))
          env_term (out, nz, av, na, rv, nr, f[i]);
    }
  for (long k = 0; k < nz; k++)
    {
      mpfr_add (rad[k], rad[k], T[k], MPFR_RNDU);   /* both bounds are finite */
      mpfr_clear (T[k]);
    }
  free (T);
}

/* Heuristic: the tilt -sigma that makes the radii with bit lengths h
 * flattest (0 with fewer than two non-zero radii), capped at |cap| so
 * that tilt times index stays far inside the exponent range.  Any tilt
 * is sound; it only decides how tight the radius bounds are. */
static long pick_tilt (const long *h1, long n1, const long *h2, long n2, long cap)
{
  long cnt = 0;
  for (long k = 0; k < n1; k++) cnt += h1[k] != LONG_MIN;
  for (long k = 0; h2 && k < n2; k++) cnt += h2[k] != LONG_MIN;
  if (cnt < 2) return 0;
  long tau = -pick_sigma (h1, n1, h2 ? h2 : h1, h2 ? n2 : 0);
  return tau > cap ? cap : tau < -cap ? -cap : tau;
}

int ic_taylor_ks_suits (const ic_ival_struct *x, long nx, const ic_ival_struct *y, long ny,
                        mpfr_prec_t prec)
{
  if (!KS_OK || nx < 1 || ny < 1) return 0;
  /* large products always (the recurrence would cost O(nx ny) there) */
  if ((double) nx * (double) ny * (double) prec > 64.0 * 1024 * 1024) return 1;
  long *hx = malloc ((size_t) (nx + ny) * sizeof *hx), *hy = hx + nx;
  if (!hx) abort ();
  for (long k = 0; k < nx; k++) hx[k] = ival_expo (&x[k]);
  for (long k = 0; k < ny; k++) hy[k] = ival_expo (&y[k]);
  long sigma = pick_sigma (hx, nx, hy, ny);
  int ok = spread_of (hx, nx, sigma) <= (long) prec && spread_of (hy, ny, sigma) <= (long) prec;
  free (hx);
  return ok;
}

int ic_taylor_mullow_ks (ic_ival_struct *z, const ic_ival_struct *x, long nx,
                         const ic_ival_struct *y, long ny, long n)
{
  if (!KS_OK || nx < 1 || ny < 1 || n < 1) return 0;
  if (nx > n) nx = n;
  if (ny > n) ny = n;
  int same = x == y && nx == ny;
  mpfr_prec_t prec = ic_ival_get_prec (&z[0]);
  long *hx = malloc ((size_t) (nx + ny) * sizeof *hx), *hy = hx + nx;
  if (!hx) abort ();
  for (long k = 0; k < nx; k++) hx[k] = ival_expo (&x[k]);
  for (long k = 0; k < ny; k++) hy[k] = ival_expo (&y[k]);
  long sigma = pick_sigma (hx, nx, hy, ny);
  /* Heuristic precision: prec of the result, the growth of a sum of
   * min(nx, ny) products, guard bits, and the spread of each series
   * (capped at prec: beyond that small coefficients lose relative
   * precision, never enclosure). */
  long base = (long) prec + ceil_log2_ul ((unsigned long) (nx < ny ? nx : ny)) + 8;
  long sx = spread_of (hx, nx, sigma), sy = spread_of (hy, ny, sigma);
  if (sx > (long) prec) sx = (long) prec;
  if (sy > (long) prec) sy = (long) prec;
  ks_vec vx, vy;
  vy.n = 0; vy.X = NULL; vy.A.u = vy.R.u = vy.S.u = NULL; vy.r = NULL;
  int ok = ks_vec_init (&vx, x, hx, nx, sigma, base + sx);
  if (ok && !same) ok = ks_vec_init (&vy, y, hy, ny, sigma, base + sy);
  if (!ok)
    {
      free (hx);
      ks_vec_clear (&vx);               /* ks_vec_init leaves it clearable */
      if (!same) ks_vec_clear (&vy);
      return 0;
    }
  /* Heuristic: the tilt that makes the radii flattest (the bands then
   * keep every radius to BAND_BITS bits relative; any tilt is sound) */
  ks_vec_rad_bits (hx, &vx);
  if (!same) ks_vec_rad_bits (hy, &vy);
  long cap = base + (sx > sy ? sx : sy) + 64;
  long tau = pick_tilt (hx, nx, same ? NULL : hy, ny, cap);
  /* Heuristic: the bands (exact small convolutions) while the tilted
   * radii span at most 8 bands; beyond, the envelope bound (O(n)) when
   * the radii, tilted by their smallest slope, never fall far below an
   * earlier one (then it is about as tight as the convolution: smooth
   * radii, a precision profile), else the bands up to MAX_BANDS, else the
   * envelope anyway */
  long spr = spread_of (hx, nx, -tau), spy = same ? 0 : spread_of (hy, ny, -tau);
  if (spy > spr) spr = spy;
  int env = (spr > 7 * BAND_BITS && env_fits (hx, nx) && (same || env_fits (hy, ny)))
    || spr > (MAX_BANDS - 1) * BAND_BITS;
  if (same) vy = vx;
  long nz = n < nx + ny - 1 ? n : nx + ny - 1;
  mpz_t *Z = malloc ((size_t) nz * sizeof *Z);
  uint64_t *C = malloc ((size_t) nz * 3 * sizeof *C);
  mpfr_t *rad = malloc ((size_t) nz * sizeof *rad);
  if (!Z || !C || !rad) abort ();
  for (long k = 0; k < nz; k++) { mpz_init (Z[k]); mpfr_init2 (rad[k], 64); mpfr_set_ui (rad[k], 0, MPFR_RNDN); }
  ks_mul_z (Z, nz, vx.X, nx, vy.X, ny);                 /* Z = X * Y exactly */
  /* rad_k <= sum_i |X_i| ry_(k-i) + rx_i (|Y_(k-i)| + ry_(k-i)), each
   * magnitude <= 2^g u (bands), each band product an exact integer
   * convolution */
  mpfr_t r1;
  mpfr_init2 (r1, 192);
  /* the envelope always (O(n)); the bands too when chosen, and each
   * radius is the lesser of the two upper bounds */
  rad_envelope (rad, nz, &vx, &vy, hx, same ? hx : hy, cap);
  mpfr_t *bnd = NULL;
  if (!env)
    {
      ks_vec_bands (&vx, tau);
      if (same) vy = vx;
      else ks_vec_bands (&vy, tau);
      bnd = malloc ((size_t) nz * sizeof *bnd);
      if (!bnd) abort ();
      for (long k = 0; k < nz; k++) { mpfr_init2 (bnd[k], 64); mpfr_set_ui (bnd[k], 0, MPFR_RNDN); }
    }
  if (!env) for (int pass = 0; pass < 2; pass++)
    {
      const bands *P = pass ? &vx.R : &vx.A, *Q = pass ? &vy.S : &vy.R;
      for (int a = 0; a < P->nb; a++)
        for (int b = 0; b < Q->nb; b++)
          {
            if (!P->used[a] || !Q->used[b]) continue;   /* a zero band */
            ks_mul_small (C, nz, P->u + (size_t) a * nx, nx, Q->u + (size_t) b * ny, ny);
            for (long k = 0; k < nz; k++)
              {
                set_u192_2exp (r1, C + 3 * k, P->g[a] + Q->g[b] + tau * k);
                mpfr_add (bnd[k], bnd[k], r1, MPFR_RNDU);   /* bnd >= partial sum */
              }
          }
    }
  if (bnd)
    {
      for (long k = 0; k < nz; k++) { mpfr_min (rad[k], rad[k], bnd[k], MPFR_RNDU); mpfr_clear (bnd[k]); }
      free (bnd);
    }
  for (long k = 0; k < n; k++)
    {
      if (k >= nz) { ic_ival_set_si (&z[k], 0); continue; }
      long sh = vx.e + vy.e - sigma * k;
      mpfr_set_z (z[k].lo, Z[k], MPFR_RNDD);
      mpfr_sub (z[k].lo, z[k].lo, rad[k], MPFR_RNDD);   /* lo <= Z_k - rad_k */
      mpfr_mul_2si (z[k].lo, z[k].lo, sh, MPFR_RNDD);
      mpfr_set_z (z[k].hi, Z[k], MPFR_RNDU);
      mpfr_add (z[k].hi, z[k].hi, rad[k], MPFR_RNDU);   /* hi >= Z_k + rad_k */
      mpfr_mul_2si (z[k].hi, z[k].hi, sh, MPFR_RNDU);
    }
  free (hx);
  mpfr_clear (r1);
  for (long k = 0; k < nz; k++) mpfr_clear (rad[k]);
  free (rad);
  for (long k = 0; k < nz; k++) mpz_clear (Z[k]);
  free (Z); free (C);
  ks_vec_clear (&vx);
  if (!same) ks_vec_clear (&vy);
  return 1;
}

/* ---- Newton iterations ----------------------------------------------------- */

/* Length below which the Newton iterations start from the recurrences
 * (heuristic; the recurrences are O(n^2) but cheap for short series). */
#define NEWTON_BASE 16

/* The lengths of the Newton steps: n, ceil(n/2), ceil(n/4), ... down to
 * the first one <= NEWTON_BASE (each step at most doubles the length and
 * no step computes coefficients beyond n).  Returns the count; lens[0] is
 * the base length. */
static int newton_lengths (long *lens, long n)
{
  long tmp[64];
  int c = 0;
  tmp[c++] = n;
  while (tmp[c - 1] > NEWTON_BASE && c < 63) { tmp[c] = (tmp[c - 1] + 1) / 2; c++; }
  for (int i = 0; i < c; i++) lens[i] = tmp[c - 1 - i];
  return c;
}

/* g[0..n) encloses 1/h mod t^n for h of length nh (h_0 certainly
 * non-zero).  Base: the quotient recurrence; then the doubling step of the
 * header (u_k = -sum_(j=m..k) g_(k-j) (h g)_j for m <= k < 2m). */
int ic_taylor_inv_newton (ic_ival_struct *g, const ic_ival_struct *h, long nh, long n)
{
  mpfr_prec_t prec = ic_ival_get_prec (&g[0]);
  if (n < 1) return IC_IVAL_OK;
  if (!(ic_ival_is_pos (&h[0]) || ic_ival_is_neg (&h[0]))) return IC_IVAL_EDOM;
  if (nh > n) nh = n;
  long lens[64];
  int nl = newton_lengths (lens, n), li = 1;
  long m = lens[0];
  ic_ival_struct *one = ic_taylor_alloc (m, prec);
  ic_ival_set_si (&one[0], 1);
  int st = ic_taylor_div_classical (g, one, h, m < nh ? m : nh, m);
  ic_taylor_free (one, m);
  if (st != IC_IVAL_OK || m >= n) return st;
  while (m < n)
    {
      if (ic_cancelled ()) { st = IC_IVAL_EDOM; break; }   /* never a bound */
      long m2 = li < nl ? lens[li++] : n;                 /* m < m2 <= 2m */
      /* Heuristic: the step's products at the precision of g_m, the
       * largest among the coefficients it computes (g may carry a
       * profile, ic_taylor_eval_prec; uniform g: prec). */
      mpfr_prec_t pm = ic_ival_get_prec (&g[m]);
      ic_ival_struct *w = ic_taylor_alloc (m2, pm), *c = ic_taylor_alloc (m2 - m, pm);
      /* w_j encloses (h g)_j for every point; only m <= j < m2 is used:
       * below m, (h g)_j = [j == 0] exactly */
      ic_taylor_mullow (w, h, nh < m2 ? nh : m2, g, m, m2);
      ic_taylor_mullow (c, g, m2 - m, w + m, m2 - m, m2 - m);
      for (long j = 0; j < m2 - m; j++) ic_ival_neg (&g[m + j], &c[j]);
      ic_taylor_free (w, m2);
      ic_taylor_free (c, m2 - m);
      m = m2;
    }
  return st;
}

/* log of x (length nx) to n terms: log x_0 + integral of x'/x; x_0 > 0. */
static int log_newton_n (ic_ival_struct *z, const ic_ival_struct *x, long nx, long n)
{
  mpfr_prec_t prec = ic_ival_get_prec (&z[0]);
  ic_ival_t l;
  ic_ival_init2 (l, prec);
  int st = ic_ival_log (l, &x[0]);                 /* EDOM unless x_0 > 0 */
  if (st != IC_IVAL_OK || n == 1)
    {
      if (st == IC_IVAL_OK) ic_ival_set (&z[0], l);
      ic_ival_clear (l);
      return st;
    }
  if (nx > n) nx = n;
  long n1 = n - 1, nd = nx - 1;
  ic_ival_struct *v = ic_taylor_alloc_like (z + 1, n1);   /* v_k -> z_(k+1) */
  ic_ival_struct *d = ic_taylor_alloc (nd > 0 ? nd : 1, prec);
  st = ic_taylor_inv_newton (v, x, nx, n1);        /* v encloses 1/x mod t^(n-1) */
  for (long k = 0; k < nd; k++) ic_ival_mul_si (&d[k], &x[k + 1], k + 1);   /* x' */
  if (st == IC_IVAL_OK && nd > 0)
    {
      ic_taylor_mullow (v, d, nd, v, n1, n1);      /* v = x'/x mod t^(n-1) */
      for (long k = 1; k < n; k++)
        {
          ic_ival_set_si (&z[k], k);
          ic_ival_div (&z[k], &v[k - 1], &z[k]);   /* exact integral: / k */
        }
    }
  else if (st == IC_IVAL_OK)
    for (long k = 1; k < n; k++) ic_ival_set_si (&z[k], 0);   /* x constant */
  if (st == IC_IVAL_OK) ic_ival_set (&z[0], l);
  ic_taylor_free (v, n1);
  ic_taylor_free (d, nd > 0 ? nd : 1);
  ic_ival_clear (l);
  return st;
}

int ic_taylor_log_newton (ic_ival_struct *z, const ic_ival_struct *x, long len)
{
  return log_newton_n (z, x, ic_taylor_nz_len (x, len), len);
}

/* exp by the doubling step of the header (u_k = sum_(j=m..k) g_(k-j) d_j,
 * d = f - log g); needs exp(f_0) certainly > 0 (else EDOM: the caller uses
 * the recurrence). */
int ic_taylor_exp_newton (ic_ival_struct *z, const ic_ival_struct *f, long len)
{
  mpfr_prec_t prec = ic_ival_get_prec (&z[0]);
  long lens[64];
  int nl = newton_lengths (lens, len), li = 1;
  long m = lens[0];
  ic_taylor_exp_classical (z, f, m);
  if (!ic_ival_is_pos (&z[0])) return IC_IVAL_EDOM;
  if (m >= len) return IC_IVAL_OK;
  ic_ival_struct *L = ic_taylor_alloc (len, prec), *d = ic_taylor_alloc (len, prec);
  int st = IC_IVAL_OK;
  while (m < len && st == IC_IVAL_OK)
    {
      if (ic_cancelled ()) { st = IC_IVAL_EDOM; break; }
      long m2 = li < nl ? lens[li++] : len;               /* m < m2 <= 2m */
      st = log_newton_n (L, z, m, m2);            /* L = log(g) mod t^(2m) */
      if (st != IC_IVAL_OK) break;
      for (long j = 0; j < m2 - m; j++) ic_ival_sub (&d[j], &f[m + j], &L[m + j]);
      ic_taylor_mullow (L, z, m2 - m, d, m2 - m, m2 - m);
      for (long j = 0; j < m2 - m; j++) ic_ival_set (&z[m + j], &L[j]);
      m = m2;
    }
  ic_taylor_free (L, len);
  ic_taylor_free (d, len);
  return st;
}

static int exact_int (ic_ival_srcptr c, long *k)
{
  if (!ic_ival_is_exact (c) || !mpfr_integer_p (c->lo) || !mpfr_fits_slong_p (c->lo, MPFR_RNDN))
    return 0;
  *k = mpfr_get_si (c->lo, MPFR_RNDN);
  return 1;
}

/* x^c: an exact integer c with |c| <= 64 by repeated squaring (and an
 * inverse for c < 0), else exp(c log x) with x_0 > 0. */
int ic_taylor_pow_const_newton (ic_ival_struct *z, const ic_ival_struct *x,
                                ic_ival_srcptr c, long len)
{
  mpfr_prec_t prec = ic_ival_get_prec (&z[0]);
  long nx = ic_taylor_nz_len (x, len), k;
  int st = IC_IVAL_OK;
  if (exact_int (c, &k) && k >= -64 && k <= 64)
    {
      unsigned long e = (unsigned long) (k < 0 ? -k : k);
      ic_ival_struct *p = ic_taylor_alloc_like (z, len), *b = ic_taylor_alloc_like (z, len);
      long nb = nx, np = 1;
      ic_ival_set_si (&p[0], 1);                   /* p = 1 */
      for (long i = 0; i < nx; i++) ic_ival_set (&b[i], &x[i]);
      while (e)
        {
          if (e & 1)
            {
              ic_taylor_mullow (p, p, np, b, nb, len);
              np = np + nb - 1 < len ? np + nb - 1 : len;
            }
          e >>= 1;
          if (e)
            {
              ic_taylor_mullow (b, b, nb, b, nb, len);
              nb = 2 * nb - 1 < len ? 2 * nb - 1 : len;
            }
        }
      if (k < 0) st = ic_taylor_inv_newton (z, p, np, len);
      else
        for (long i = 0; i < len; i++)
          if (i < np) ic_ival_set (&z[i], &p[i]);
          else ic_ival_set_si (&z[i], 0);
      ic_taylor_free (p, len);
      ic_taylor_free (b, len);
      return st;
    }
  ic_ival_struct *L = ic_taylor_alloc (len, prec);
  st = log_newton_n (L, x, nx, len);               /* x_0 > 0 */
  if (st == IC_IVAL_OK)
    {
      for (long i = 0; i < len; i++) ic_ival_mul (&L[i], &L[i], c);
      st = ic_taylor_exp_newton (z, L, len);
    }
  ic_taylor_free (L, len);
  return st;
}
