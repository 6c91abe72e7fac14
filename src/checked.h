/* checked.h — checked integer arithmetic and conversions for index and
 * size computations outside the proved kernels.
 *
 * Indices n, cut-offs M, N and term counts are unsigned long (64 bits):
 * `--from` goes up to 2^62, and products such as SQ * M, shifts such as
 * N << round or doublings M *= 2 leave the range.  A wrapped value is a
 * wrong number that still looks valid (issue 16: a wrapped (SQ M)^2 made
 * zeta enclosures wrong from the 55th digit), so every such operation goes
 * through one of these helpers and the caller fails its method (never
 * produces a bound) when a helper reports overflow.
 *
 * Each ic_ck_* returns 1 and stores the exact result, or returns 0 (result
 * unspecified) when the exact result does not fit.  The conversions from
 * double are for heuristics (choices of N, precision, lengths): they clamp
 * instead of invoking undefined behaviour on NaN or out-of-range values,
 * and no bound may depend on them. */
#ifndef IC_CHECKED_H
#define IC_CHECKED_H
#include <limits.h>
#include <math.h>

static inline int ic_ck_add_ul (unsigned long *r, unsigned long a, unsigned long b)
{
  return !__builtin_add_overflow (a, b, r);
}

static inline int ic_ck_mul_ul (unsigned long *r, unsigned long a, unsigned long b)
{
  return !__builtin_mul_overflow (a, b, r);
}

/* r = a * 2^k, exactly */
static inline int ic_ck_shl_ul (unsigned long *r, unsigned long a, unsigned k)
{
  if (k >= sizeof a * CHAR_BIT) { *r = 0; return a == 0; }
  if (a > (ULONG_MAX >> k)) return 0;
  *r = a << k;
  return 1;
}

static inline int ic_ck_add_l (long *r, long a, long b)
{
  return !__builtin_add_overflow (a, b, r);
}

static inline int ic_ck_mul_l (long *r, long a, long b)
{
  return !__builtin_mul_overflow (a, b, r);
}

/* Saturating a + b (heuristic sizes only: a start index plus a margin). */
static inline unsigned long ic_sat_add_ul (unsigned long a, unsigned long b)
{
  unsigned long r;
  return __builtin_add_overflow (a, b, &r) ? ULONG_MAX : r;
}

/* Heuristic conversions: x rounded toward zero and clamped to [lo, hi];
 * NaN gives lo. */
static inline long ic_clamp_d_to_l (double x, long lo, long hi)
{
  if (!(x >= (double) lo)) return lo;          /* also NaN */
  if (x >= (double) hi) return hi;
  return (long) x;
}

static inline unsigned long ic_clamp_d_to_ul (double x, unsigned long hi)
{
  if (!(x >= 0)) return 0;                      /* also NaN */
  if (x >= (double) hi) return hi;              /* (double) hi may round up: compare with >= */
  return (unsigned long) x;
}

/* Marks a small function whose unsigned arithmetic wraps modulo 2^64 on
 * purpose (pseudo-random generators in the tests): clang's
 * -fsanitize=unsigned-integer-overflow (make check-sanitize) skips it.
 * gcc has no such check (and would warn about the attribute). */
#if defined (__clang__)
#define IC_WRAPS_MOD_2_64 __attribute__ ((no_sanitize ("unsigned-integer-overflow")))
#else
#define IC_WRAPS_MOD_2_64
#endif

#endif
