/* taylor.c — truncated interval Taylor series (see taylor.h).
 *
 * Error analysis: none beyond the interval layer.  Each coefficient is
 * produced by finitely many ic_ival_* operations applied to enclosures of
 * the exact quantities appearing in an exact recurrence; by the inclusion
 * property of interval arithmetic the result encloses the exact value.
 * The recurrences (a = argument series, z = result, all sums over j):
 *   product    z_k = sum_{j=0..k} x_j y_{k-j}
 *   quotient   z_k = (x_k - sum_{j=1..k} y_j z_{k-j}) / y_0
 *   exp        k z_k = sum_{j=1..k} j a_j z_{k-j}                  (z' = a'z)
 *   log        k a_0 z_k = k a_k - sum_{j=1..k-1} (k-j) a_j z_{k-j} (a z' = a')
 *   power a^c  k a_0 z_k = sum_{j=1..k} (c j - (k - j)) a_j z_{k-j} (a z' = c a' z)
 *   sin, cos   k s_k = sum j a_j c_{k-j},  k c_k = -sum j a_j s_{k-j}
 *   atan       z' = a' / (1 + a^2), integrated termwise.
 * Each is the coefficient of t^(k-1) in the differential identity quoted,
 * valid wherever the function is analytic at every point of a_0's interval
 * (checked: a_0 > 0 for log and non-integer powers, y_0 != 0 for
 * quotients).
 */
#include <stdlib.h>
#include <string.h>
#include "taylor.h"
#include "cancel.h"

/* Bytes of len intervals of precision prec (two MPFR significands with
 * their allocation headers, and the structs). */
/* Bytes of one coefficient at prec bits (the struct and two limb arrays). */
static double coef_bytes (mpfr_prec_t prec)
{
  return (double) sizeof (ic_ival_struct) + 2.0 * (double) ((prec + 63) / 64 * 8 + 32);
}

static size_t table_bytes (long len, mpfr_prec_t prec)
{
  double b = (double) len * coef_bytes (prec);
  return b > 1e18 ? (size_t) 1e18 : (size_t) b;
}

double ic_taylor_profile_bytes (long len, const mpfr_prec_t *pk)
{
  double b = 0;
  for (long k = 0; k < len; k++) b += coef_bytes (pk[k]);
  return b;
}

/* The table is charged to the run's memory budget (cancel.h).  When it
 * does not fit, the run is cancelled (its methods fail at their next
 * poll, never giving a bound) and the table is made at 64 bits, so that
 * the caller's work until that poll stays small: intervals at any
 * precision are enclosures, only wider. */
ic_ival_struct *ic_taylor_alloc (long len, mpfr_prec_t prec)
{
  ic_ival_struct *c = malloc ((size_t) (len > 0 ? len : 1) * sizeof *c);
  if (!c) abort ();
  if (!ic_mem_take (table_bytes (len, prec)))
    {
      prec = 64;
      ic_mem_force (table_bytes (len, prec));
    }
  for (long k = 0; k < len; k++) ic_ival_init2 (&c[k], prec);
  return c;
}

/* Coefficient k at min(pk[k], pk[0]) bits: charged like a table at pk[0]
 * (what ic_taylor_free gives back, from c[0]'s precision). */
ic_ival_struct *ic_taylor_alloc_prec (long len, const mpfr_prec_t *pk)
{
  ic_ival_struct *c = malloc ((size_t) (len > 0 ? len : 1) * sizeof *c);
  if (!c) abort ();
  mpfr_prec_t p0 = len > 0 ? pk[0] : 64;
  int lim = 0;
  if (!ic_mem_take (table_bytes (len, p0)))
    {
      lim = 1;
      ic_mem_force (table_bytes (len, 64));
    }
  for (long k = 0; k < len; k++)
    ic_ival_init2 (&c[k], lim ? 64 : pk[k] < p0 ? pk[k] : p0);
  return c;
}

ic_ival_struct *ic_taylor_alloc_like (const ic_ival_struct *x, long len)
{
  mpfr_prec_t *pk = malloc ((size_t) (len > 0 ? len : 1) * sizeof *pk);
  if (!pk) abort ();
  for (long k = 0; k < len; k++) pk[k] = ic_ival_get_prec (&x[k]);
  ic_ival_struct *c = ic_taylor_alloc_prec (len, pk);
  free (pk);
  return c;
}

void ic_taylor_free (ic_ival_struct *c, long len)
{
  if (!c) return;
  if (len > 0) ic_mem_give (table_bytes (len, ic_ival_get_prec (&c[0])));
  for (long k = 0; k < len; k++) ic_ival_clear (&c[k]);
  free (c);
}

int ic_taylor_has_var (const ic_node *e)
{
  if (!e) return 0;
  if (e->op == IC_VAR) return 1;
  return ic_taylor_has_var (e->a) || ic_taylor_has_var (e->b);
}

/* ---- primitives on plain arrays ----------------------------------------- */

/* Internal series: coefficients plus the index of the last possibly
 * non-zero coefficient (0 for constants, 1 for x0 + t); a speed hint only:
 * coefficients beyond deg are exactly [0, 0]. */
typedef struct { ic_ival_struct *c; long deg; } ser;

long ic_taylor_nz_len (const ic_ival_struct *x, long len)
{
  while (len > 0 && mpfr_zero_p (x[len - 1].lo) && mpfr_zero_p (x[len - 1].hi)) len--;
  return len;
}

/* z_k = sum_(i+j=k) x_i y_j, written from the top down: z_k reads x_i, y_j
 * with i, j <= k only, so z may alias x or y. */
void ic_taylor_mullow_classical (ic_ival_struct *z, const ic_ival_struct *x, long nx,
                                 const ic_ival_struct *y, long ny, long n)
{
  mpfr_prec_t prec = ic_ival_get_prec (&z[0]);
  ic_ival_t t, s;
  ic_ival_init2 (t, prec);
  ic_ival_init2 (s, prec);
  for (long k = n - 1; k >= 0; k--)
    {
      if (ic_cancelled ()) break;          /* ev reports the failure */
      long jlo = k - (ny - 1) > 0 ? k - (ny - 1) : 0, jhi = k < nx - 1 ? k : nx - 1;
      ic_ival_set_si (s, 0);
      for (long j = jlo; j <= jhi; j++)
        {
          ic_ival_mul (t, &x[j], &y[k - j]);
          ic_ival_add (s, s, t);
        }
      ic_ival_set (&z[k], s);
    }
  ic_ival_clear (t);
  ic_ival_clear (s);
}

/* Heuristic (measured on this machine, see docs/performance.md): the
 * Kronecker product pays off once both factors have at least this many
 * coefficients. */
static long ks_min_len (mpfr_prec_t prec)
{
  return prec >= 1024 ? 12 : prec >= 256 ? 16 : 24;
}

void ic_taylor_mullow (ic_ival_struct *z, const ic_ival_struct *x, long nx,
                       const ic_ival_struct *y, long ny, long n)
{
  if (nx > n) nx = n;
  if (ny > n) ny = n;
  long lim = ks_min_len (ic_ival_get_prec (&z[0]));
  if (nx >= lim && ny >= lim && ic_taylor_ks_suits (x, nx, y, ny, ic_ival_get_prec (&z[0]))
      && ic_taylor_mullow_ks (z, x, nx, y, ny, n)) return;
  ic_taylor_mullow_classical (z, x, nx, y, ny, n);
}

static void mul_deg (ic_ival_struct *z, const ic_ival_struct *x, long dx,
                     const ic_ival_struct *y, long dy, long len)
{
  ic_taylor_mullow (z, x, dx + 1, y, dy + 1, len);
}

void ic_taylor_mul (ic_ival_struct *z, const ic_ival_struct *x,
                    const ic_ival_struct *y, long len)
{
  ic_taylor_mullow (z, x, ic_taylor_nz_len (x, len), y, ic_taylor_nz_len (y, len), len);
}

/* Quotient recurrence; y has ny coefficients (the rest are 0), x has len. */
int ic_taylor_div_classical (ic_ival_struct *z, const ic_ival_struct *x,
                             const ic_ival_struct *y, long ny, long len)
{
  mpfr_prec_t prec = ic_ival_get_prec (&z[0]);
  ic_ival_t t, s;
  if (!(ic_ival_is_pos (&y[0]) || ic_ival_is_neg (&y[0]))) return IC_IVAL_EDOM;
  ic_ival_init2 (t, prec);
  ic_ival_init2 (s, prec);
  for (long k = 0; k < len; k++)
    {
      if (ic_cancelled ()) break;          /* ev reports the failure */
      ic_ival_set (s, &x[k]);
      for (long j = 1; j <= k && j < ny; j++)
        {
          ic_ival_mul (t, &y[j], &z[k - j]);
          ic_ival_sub (s, s, t);
        }
      ic_ival_div (&z[k], s, &y[0]);   /* y0 certainly non-zero */
    }
  ic_ival_clear (t);
  ic_ival_clear (s);
  return IC_IVAL_OK;
}

/* The Newton paths pay off for long series whose argument is not sparse
 * (heuristic, like ks_min_len). */
static int newton_pays (long nx, long len, mpfr_prec_t prec)
{
  return nx >= 2 * ks_min_len (prec) && len >= 2 * ks_min_len (prec);
}

int ic_taylor_div (ic_ival_struct *z, const ic_ival_struct *x,
                   const ic_ival_struct *y, long len)
{
  mpfr_prec_t prec = ic_ival_get_prec (&z[0]);
  long ny = ic_taylor_nz_len (y, len);
  if (ny < 1) return IC_IVAL_EDOM;
  if (!newton_pays (ny, len, prec)) return ic_taylor_div_classical (z, x, y, ny, len);
  ic_ival_struct *v = ic_taylor_alloc_like (z, len);   /* z's precisions */
  int st = ic_taylor_inv_newton (v, y, ny, len);
  if (st == IC_IVAL_OK) ic_taylor_mullow (z, x, ic_taylor_nz_len (x, len), v, len, len);
  ic_taylor_free (v, len);
  return st;
}

void ic_taylor_exp_classical (ic_ival_struct *z, const ic_ival_struct *x, long len)
{
  long nx = ic_taylor_nz_len (x, len);
  mpfr_prec_t prec = ic_ival_get_prec (&z[0]);
  ic_ival_t t, s;
  ic_ival_init2 (t, prec);
  ic_ival_init2 (s, prec);
  ic_ival_exp (&z[0], &x[0]);
  for (long k = 1; k < len; k++)
    {
      if (ic_cancelled ()) break;          /* ev reports the failure */
      ic_ival_set_si (s, 0);
      for (long j = 1; j <= k && j < nx; j++)
        {
          ic_ival_mul (t, &x[j], &z[k - j]);
          ic_ival_mul_si (t, t, j);
          ic_ival_add (s, s, t);
        }
      ic_ival_set_si (t, k);
      ic_ival_div (&z[k], s, t);
    }
  ic_ival_clear (t);
  ic_ival_clear (s);
}

/* The recurrence: ic_taylor_exp_newton's widths grew far beyond the
 * recurrence's on random dense series (tests/test_fseries.c), so it is
 * not dispatched. */
void ic_taylor_exp (ic_ival_struct *z, const ic_ival_struct *x, long len)
{
  ic_taylor_exp_classical (z, x, len);
}

int ic_taylor_log_classical (ic_ival_struct *z, const ic_ival_struct *x, long len)
{
  long nx = ic_taylor_nz_len (x, len);
  mpfr_prec_t prec = ic_ival_get_prec (&z[0]);
  ic_ival_t t, s;
  if (ic_ival_log (&z[0], &x[0]) != IC_IVAL_OK) return IC_IVAL_EDOM;
  ic_ival_init2 (t, prec);
  ic_ival_init2 (s, prec);
  for (long k = 1; k < len; k++)
    {
      if (ic_cancelled ()) break;          /* ev reports the failure */
      ic_ival_mul_si (s, &x[k], k);
      for (long j = 1; j <= k - 1 && j < nx; j++)
        {
          ic_ival_mul (t, &x[j], &z[k - j]);
          ic_ival_mul_si (t, t, k - j);
          ic_ival_sub (s, s, t);
        }
      ic_ival_mul_si (t, &x[0], k);
      ic_ival_div (&z[k], s, t);        /* x0 > 0 checked by ic_ival_log */
    }
  ic_ival_clear (t);
  ic_ival_clear (s);
  return IC_IVAL_OK;
}

int ic_taylor_log (ic_ival_struct *z, const ic_ival_struct *x, long len)
{
  if (newton_pays (ic_taylor_nz_len (x, len), len, ic_ival_get_prec (&z[0])))
    return ic_taylor_log_newton (z, x, len);
  return ic_taylor_log_classical (z, x, len);
}

static int is_exact_int (ic_ival_srcptr c, long *k)
{
  if (!ic_ival_is_exact (c) || !mpfr_integer_p (c->lo)) return 0;
  if (!mpfr_fits_slong_p (c->lo, MPFR_RNDN)) return 0;
  *k = mpfr_get_si (c->lo, MPFR_RNDN);
  return 1;
}

static int pow_const_deg (ic_ival_struct *z, const ic_ival_struct *x, long dx,
                          ic_ival_srcptr c, long len)
{
  mpfr_prec_t prec = ic_ival_get_prec (&z[0]);
  long ki;
  int isint = is_exact_int (c, &ki);
  ic_ival_t t, s, f;

  if (isint && ki == 0)
    {
      for (long k = 0; k < len; k++) ic_ival_set_si (&z[k], k == 0);
      return IC_IVAL_OK;
    }
  if (isint && ki > 0 && ki <= 64 && !ic_ival_is_pos (&x[0]) && !ic_ival_is_neg (&x[0]))
    {
      /* Base may vanish: repeated multiplication (no division by x0). */
      ic_ival_struct *w = ic_taylor_alloc (len, prec);
      for (long k = 0; k < len; k++) ic_ival_set (&z[k], &x[k]);
      for (long i = 1; i < ki; i++)
        {
          mul_deg (w, z, len - 1, x, dx, len);
          for (long k = 0; k < len; k++) ic_ival_set (&z[k], &w[k]);
        }
      ic_taylor_free (w, len);
      return IC_IVAL_OK;
    }
  if (isint)
    {
      if (!(ic_ival_is_pos (&x[0]) || ic_ival_is_neg (&x[0]))) return IC_IVAL_EDOM;
      ic_ival_pow_si (&z[0], &x[0], ki);
    }
  else if (ic_ival_pow (&z[0], &x[0], c) != IC_IVAL_OK)
    return IC_IVAL_EDOM;                  /* needs x0 > 0 */

  ic_ival_init2 (t, prec);
  ic_ival_init2 (s, prec);
  ic_ival_init2 (f, prec);
  for (long k = 1; k < len; k++)
    {
      if (ic_cancelled ()) break;          /* ev reports the failure */
      long jhi = k < dx ? k : dx;
      ic_ival_set_si (s, 0);
      for (long j = 1; j <= jhi; j++)
        {
          ic_ival_mul_si (f, c, j);                 /* f = c j - (k - j) */
          ic_ival_set_si (t, j - k);
          ic_ival_add (f, f, t);
          ic_ival_mul (t, &x[j], &z[k - j]);
          ic_ival_mul (t, t, f);
          ic_ival_add (s, s, t);
        }
      ic_ival_mul_si (t, &x[0], k);
      ic_ival_div (&z[k], s, t);                    /* x0 != 0 checked */
    }
  ic_ival_clear (t);
  ic_ival_clear (s);
  ic_ival_clear (f);
  return IC_IVAL_OK;
}

/* Positive integer exponents up to 64 of long dense series by repeated
 * squaring (fast products); the recurrence otherwise (exp(c log x) and
 * inverses of powers widened far more than the recurrence on random dense
 * series: tests/test_fseries.c). */
static int pow_const_dispatch (ic_ival_struct *z, const ic_ival_struct *x, long dx,
                               ic_ival_srcptr c, long len)
{
  long ki;
  if (is_exact_int (c, &ki) && ki >= 2 && ki <= 64
      && newton_pays (dx + 1, len, ic_ival_get_prec (&z[0]))
      && ic_taylor_pow_const_newton (z, x, c, len) == IC_IVAL_OK)
    return IC_IVAL_OK;
  return pow_const_deg (z, x, dx, c, len);
}

int ic_taylor_pow_const_classical (ic_ival_struct *z, const ic_ival_struct *x,
                                   ic_ival_srcptr c, long len)
{
  return pow_const_deg (z, x, ic_taylor_nz_len (x, len) - 1, c, len);
}

int ic_taylor_pow_const (ic_ival_struct *z, const ic_ival_struct *x,
                         ic_ival_srcptr c, long len)
{
  long nx = ic_taylor_nz_len (x, len);
  if (nx < 1) nx = 1;
  return pow_const_dispatch (z, x, nx - 1, c, len);
}

static void sincos (ic_ival_struct *s, ic_ival_struct *co,
                    const ic_ival_struct *x, long len)
{
  mpfr_prec_t prec = ic_ival_get_prec (&s[0]);
  ic_ival_t t, a, b, kk;
  ic_ival_init2 (t, prec); ic_ival_init2 (a, prec);
  ic_ival_init2 (b, prec); ic_ival_init2 (kk, prec);
  ic_ival_sin (&s[0], &x[0]);
  ic_ival_cos (&co[0], &x[0]);
  for (long k = 1; k < len; k++)
    {
      if (ic_cancelled ()) break;          /* ev reports the failure */
      ic_ival_set_si (a, 0);
      ic_ival_set_si (b, 0);
      for (long j = 1; j <= k; j++)
        {
          ic_ival_mul_si (t, &x[j], j);
          ic_ival_mul (kk, t, &co[k - j]);
          ic_ival_add (a, a, kk);
          ic_ival_mul (kk, t, &s[k - j]);
          ic_ival_sub (b, b, kk);
        }
      ic_ival_set_si (kk, k);
      ic_ival_div (&s[k], a, kk);
      ic_ival_div (&co[k], b, kk);
    }
  ic_ival_clear (t); ic_ival_clear (a); ic_ival_clear (b); ic_ival_clear (kk);
}

/* ---- evaluation of a tree ----------------------------------------------- */

/* pk: coefficient k of every series at pk[k] bits (pk[0] = prec), or
 * NULL: all at prec. */
typedef struct { ic_ival_srcptr x0; long len; mpfr_prec_t prec; const mpfr_prec_t *pk; } ctx;

static int ev (ser *r, const ic_node *e, const ctx *cx);

static ser ser_new (const ctx *cx)
{
  ser s;
  s.c = cx->pk ? ic_taylor_alloc_prec (cx->len, cx->pk) : ic_taylor_alloc (cx->len, cx->prec);
  s.deg = cx->len - 1;
  return s;
}
static void ser_del (ser *s, const ctx *cx) { ic_taylor_free (s->c, cx->len); s->c = NULL; }

static int ev (ser *r, const ic_node *e, const ctx *cx)
{
  long len = cx->len;
  int st = IC_IVAL_OK;
  ser a, b;

  switch (e->op)
    {
    case IC_NUM:
      ic_ival_set_q (&r->c[0], e->q);
      for (long k = 1; k < len; k++) ic_ival_set_si (&r->c[k], 0);
      r->deg = 0;
      return IC_IVAL_OK;
    case IC_PI:
      ic_ival_const_pi (&r->c[0]);
      for (long k = 1; k < len; k++) ic_ival_set_si (&r->c[k], 0);
      r->deg = 0;
      return IC_IVAL_OK;
    case IC_E:
      ic_ival_const_e (&r->c[0]);
      for (long k = 1; k < len; k++) ic_ival_set_si (&r->c[k], 0);
      r->deg = 0;
      return IC_IVAL_OK;
    case IC_VAR:
      ic_ival_set (&r->c[0], cx->x0);
      for (long k = 1; k < len; k++) ic_ival_set_si (&r->c[k], k == 1);
      r->deg = len > 1 ? 1 : 0;
      return IC_IVAL_OK;
    case IC_FACT:
      return IC_IVAL_EDOM;       /* not an analytic function of x */
    default:
      break;
    }

  a = ser_new (cx);
  st = ev (&a, e->a, cx);
  if (st != IC_IVAL_OK) { ser_del (&a, cx); return st; }

  switch (e->op)
    {
    case IC_NEG:
      for (long k = 0; k < len; k++) ic_ival_neg (&r->c[k], &a.c[k]);
      r->deg = a.deg;
      break;
    case IC_ADD: case IC_SUB: case IC_MUL: case IC_DIV:
      b = ser_new (cx);
      st = ev (&b, e->b, cx);
      if (st == IC_IVAL_OK)
        {
          if (e->op == IC_ADD || e->op == IC_SUB)
            {
              for (long k = 0; k < len; k++)
                if (e->op == IC_ADD) ic_ival_add (&r->c[k], &a.c[k], &b.c[k]);
                else ic_ival_sub (&r->c[k], &a.c[k], &b.c[k]);
              r->deg = a.deg > b.deg ? a.deg : b.deg;
            }
          else if (e->op == IC_MUL)
            {
              mul_deg (r->c, a.c, a.deg, b.c, b.deg, len);
              r->deg = a.deg + b.deg < len - 1 ? a.deg + b.deg : len - 1;
            }
          else if (b.deg == 0)
            {
              for (long k = 0; k < len && st == IC_IVAL_OK; k++)
                st = ic_ival_div (&r->c[k], &a.c[k], &b.c[0]);
              r->deg = a.deg;
            }
          else
            {
              st = ic_taylor_div (r->c, a.c, b.c, len);
              r->deg = len - 1;
            }
        }
      ser_del (&b, cx);
      break;
    case IC_POW:
      if (!ic_taylor_has_var (e->b))
        {
          ser c = ser_new (cx);
          st = ev (&c, e->b, cx);
          if (st == IC_IVAL_OK)
            {
              st = pow_const_dispatch (r->c, a.c, a.deg, &c.c[0], len);
              long ki;
              r->deg = (a.deg == 0) ? 0
                : (is_exact_int (&c.c[0], &ki) && ki >= 0 && ki <= (len - 2) / a.deg) ? ki * a.deg
                : len - 1;
            }
          ser_del (&c, cx);
        }
      else
        {
          /* a^b = exp(b log a), a > 0 required (checked by log). */
          ser l = ser_new (cx), m = ser_new (cx);
          b = ser_new (cx);
          st = ev (&b, e->b, cx);
          if (st == IC_IVAL_OK) st = ic_taylor_log (l.c, a.c, len);
          if (st == IC_IVAL_OK)
            {
              mul_deg (m.c, l.c, a.deg == 0 ? 0 : len - 1, b.c, b.deg, len);
              ic_taylor_exp (r->c, m.c, len);
              r->deg = len - 1;
            }
          ser_del (&b, cx); ser_del (&l, cx); ser_del (&m, cx);
        }
      break;
    case IC_LOG:
      st = ic_taylor_log (r->c, a.c, len);
      r->deg = a.deg == 0 ? 0 : len - 1;
      break;
    case IC_EXP:
      ic_taylor_exp (r->c, a.c, len);
      r->deg = a.deg == 0 ? 0 : len - 1;
      break;
    case IC_SQRT:
      if (len == 1 || a.deg == 0)
        {
          st = ic_ival_sqrt (&r->c[0], &a.c[0]);
          for (long k = 1; k < len; k++) ic_ival_set_si (&r->c[k], 0);
          r->deg = 0;
        }
      else
        {
          ic_ival_t h;
          ic_ival_init2 (h, cx->prec);
          ic_ival_set_si (h, 1);
          mpfr_div_2ui (h->lo, h->lo, 1, MPFR_RNDD);   /* exact: 1/2 */
          mpfr_div_2ui (h->hi, h->hi, 1, MPFR_RNDU);
          st = pow_const_dispatch (r->c, a.c, a.deg, h, len);
          r->deg = len - 1;
          ic_ival_clear (h);
        }
      break;
    case IC_SIN: case IC_COS:
      {
        ser o = ser_new (cx);
        if (e->op == IC_SIN) sincos (r->c, o.c, a.c, len);
        else sincos (o.c, r->c, a.c, len);
        r->deg = a.deg == 0 ? 0 : len - 1;
        ser_del (&o, cx);
      }
      break;
    case IC_ATAN:
      ic_ival_atan (&r->c[0], &a.c[0]);
      r->deg = a.deg == 0 ? 0 : len - 1;
      if (len > 1)
        {
          /* q = a' / (1 + a^2) as a series of length len - 1. */
          long l1 = len - 1;
          ic_ival_struct *d = ic_taylor_alloc (l1, cx->prec);
          ic_ival_struct *s2 = ic_taylor_alloc (l1, cx->prec);
          ic_ival_struct *q = ic_taylor_alloc (l1, cx->prec);
          for (long k = 0; k < l1; k++) ic_ival_mul_si (&d[k], &a.c[k + 1], k + 1);
          ic_taylor_mul (s2, a.c, a.c, l1);
          ic_ival_t one;
          ic_ival_init2 (one, cx->prec);
          ic_ival_set_si (one, 1);
          ic_ival_add (&s2[0], &s2[0], one);
          st = ic_taylor_div (q, d, s2, l1);
          for (long k = 1; k < len && st == IC_IVAL_OK; k++)
            {
              ic_ival_set_si (one, k);
              ic_ival_div (&r->c[k], &q[k - 1], one);
            }
          ic_ival_clear (one);
          ic_taylor_free (d, l1); ic_taylor_free (s2, l1); ic_taylor_free (q, l1);
        }
      break;
    case IC_ABS:
      if (ic_ival_is_pos (&a.c[0]) || (len == 1 && ic_ival_is_nonneg (&a.c[0])))
        for (long k = 0; k < len; k++) ic_ival_set (&r->c[k], &a.c[k]);
      else if (ic_ival_is_neg (&a.c[0]) || (len == 1 && ic_ival_is_nonpos (&a.c[0])))
        for (long k = 0; k < len; k++) ic_ival_neg (&r->c[k], &a.c[k]);
      else if (len == 1)
        ic_ival_abs (&r->c[0], &a.c[0]);
      else
        st = IC_IVAL_EDOM;        /* |.| not differentiable at 0 */
      r->deg = a.deg;
      break;
    default:
      st = IC_IVAL_EDOM;
      break;
    }
  ser_del (&a, cx);
  /* a loop cut short by the deadline left garbage: never report it */
  if (st == IC_IVAL_OK && ic_cancelled ()) st = IC_IVAL_EDOM;
  return st;
}

static int eval_ctx (ic_ival_struct *out, const ic_node *e, const ctx *c)
{
  ctx cx = *c;
  ser r = ser_new (&cx);
  int st = ev (&r, e, &cx);
  if (st == IC_IVAL_OK)
    for (long k = 0; k < cx.len; k++) ic_ival_set (&out[k], &r.c[k]);
  ser_del (&r, &cx);
  return st;
}

int ic_taylor_eval (ic_ival_struct *out, const ic_node *e, ic_ival_srcptr x0,
                    long len, mpfr_prec_t prec)
{
  ctx cx = { x0, len, prec, NULL };
  return eval_ctx (out, e, &cx);
}

int ic_taylor_eval_prec (ic_ival_struct *out, const ic_node *e, ic_ival_srcptr x0,
                         long len, const mpfr_prec_t *pk)
{
  if (len < 1) return IC_IVAL_OK;
  ctx cx = { x0, len, pk[0], pk };
  return eval_ctx (out, e, &cx);
}

int ic_taylor_eval_point (ic_ival_ptr out, const ic_node *e, ic_ival_srcptr x0,
                          mpfr_prec_t prec)
{
  return ic_taylor_eval (out, e, x0, 1, prec);
}
