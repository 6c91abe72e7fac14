/* claims/series.c — "sum(...)", "prod(...)" and "trajectory(...)" checks:
 * converges / diverges / -> 0 / > 0 / in [a, b], alone or "for all p in
 * [a, b]".
 *
 * Decides from the verdicts of ic_certify (the core engine's convergence
 * tests and certified enclosures of the limit); an interval check compares
 * the outward enclosure with a and b exactly.  A trajectory first certifies
 * 0 <= P(n) <= 1 for all n >= N by interval evaluation over [N, +Inf).
 * "for all p": the two end points are decided by ic_certify (a refuting one
 * is the counterexample); a proof then needs the term's range and its
 * monotonicity in p certified by interval evaluation (eval.c), and a
 * comparison argument carries an end point's verdict to the whole range
 * (non-negative terms: the sum converges when it does with the larger
 * terms; factors in [0, 1]: the product is positive when it is with the
 * smaller factors, tends to 0 when it does with the larger ones, and lies
 * between its values at the ends).  Otherwise midpoint and quarter points
 * are tried as counterexamples, and the check stays undecided if none
 * refutes.  Plot points are heuristic choices; the bands drawn at them are
 * certified. */

#include "claims_int.h"

static const char *verb_text (int v)
{
  switch (v)
    {
    case VB_CONV: return "converges"; case VB_DIV: return "diverges";
    case VB_ZERO: return "has limit 0"; case VB_POS: return "has a positive limit";
    default: return "has its limit in the interval";
    }
}

typedef struct {
  ic_claim_status st;
  int verdict, has_limit;
  ic_ival_t lim;
} inst_t;

/* Certified range of e over n in [from, +Inf) (and p in P if non-NULL). */
static int term_range (ic_ival_ptr out, const ic_node *e, unsigned long from, ic_ival_srcptr p)
{
  tenv env;
  ic_ival_t n; ic_ival_init2 (n, PREC);
  mpfr_set_ui (n->lo, from, MPFR_RNDD); mpfr_set_inf (n->hi, 1);
  env.n = n; env.p = p; mpq_init (env.sent); icc_scan_q (env.sent, SENTINEL_TEXT);
  int rc = icc_tev (out, e, &env);
  mpq_clear (env.sent); ic_ival_clear (n);
  return rc;
}

/* The horizontal bands of a plot of partial values: the certified limit
 * and, for a product whose limit lies below 10^-300, the smallest positive
 * double 2^-1074 (both log10 enclosures rounded outward). */
static void limit_bands (ic_plot *pl, const inst_t *in, int prod)
{
  ic_plot_series *lb = ic_plot_add (pl, "certified limit", IC_PLOT_HBAND, 1);
  lb->certified = 1;               /* outward, like the band */
  if (prod) icc_log10_ends (&lb->ylo[0], &lb->yhi[0], in->lim);
  else { lb->ylo[0] = icc_fr_d (in->lim->lo, MPFR_RNDD); lb->yhi[0] = icc_fr_d (in->lim->hi, MPFR_RNDU); }
  if (!isfinite (lb->ylo[0])) lb->n = 0;
  if (prod && isfinite (lb->ylo[0]) && lb->ylo[0] < -300)
    {
      ic_plot_series *m = ic_plot_add (pl, "smallest positive double (2^-1074)", IC_PLOT_HBAND, 1);
      ic_ival_t tiny; ic_ival_init2 (tiny, PREC);
      ic_ival_set_ui (tiny, 1);
      mpfr_div_2ui (tiny->lo, tiny->lo, 1074, MPFR_RNDD);   /* exact: 2^-1074 */
      mpfr_div_2ui (tiny->hi, tiny->hi, 1074, MPFR_RNDU);
      icc_log10_ends (&m->ylo[0], &m->yhi[0], tiny);            /* encloses -1074 log10 2 */
      m->certified = 1;
      ic_ival_clear (tiny);
    }
}

/* 1 when the term is 1 - n^-s (also written 1 - n^(-s) or 1 - 1/n^s)
 * with a rational s > 1; s is set. */
static int one_minus_pow (mpq_t s, const ic_node *e)
{
  if (e->op != IC_SUB || !ic_node_is_num (e->a, 1)) return 0;
  const ic_node *u = e->b, *x = NULL;
  int recip = 0;                           /* 1 - 1/n^x: s = x; 1 - n^x: s = -x */
  if (u->op == IC_POW) x = u->b;
  else if (u->op == IC_DIV && ic_node_is_num (u->a, 1) && u->b->op == IC_POW) { u = u->b; x = u->b; recip = 1; }
  if (!x || u->a->op != IC_VAR) return 0;
  if (x->op == IC_NEG && x->a->op == IC_NUM) mpq_neg (s, x->a->q);    /* s = x */
  else if (x->op == IC_NUM) mpq_set (s, x->q);
  else return 0;
  if (!recip) mpq_neg (s, s);
  return mpq_cmp_ui (s, 1, 1) > 0;
}

/* Bound of the log-tail of prod (1 - k^-s) used by far_plot.
 * Input: s > 1 (interval), k >= 1 (N = 10^k), ln10 encloses log 10.
 * Output: L = [lo, hi] with lo <= -log prod_{j>N} (1 - j^-s) <= hi.
 * Proof: with u_j = j^-s in (0, 1) for j > N >= 2,
 *   -sum u_j/(1 - u_j) <= log prod_{j>N} (1 - u_j) <= -sum u_j
 * (termwise -u/(1-u) <= log(1-u) <= -u on [0, 1)); f(x) = x^-s is convex
 * and decreasing, so the rectangle and trapezoid rules give
 *   N^(1-s)/(s-1) - N^-s/2 <= sum_{j>N} j^-s <= N^(1-s)/(s-1)
 * (f(j) <= int_{j-1}^j f, and int_{j-1}^j f <= (f(j-1) + f(j))/2); and
 *   sum u_j/(1-u_j) - sum u_j = sum u_j^2/(1-u_j)
 *     <= (1/(1 - N^-s)) int_N^inf x^-2s dx = N^(1-2s) / ((2s-1)(1 - N^-s)).
 * So lo = N^(1-s)/(s-1) - N^-s/2 and hi = N^(1-s)/(s-1) + that last
 * term, every operation an outward-rounded interval operation. */
static void far_log_tail (ic_ival_ptr L, ic_ival_srcptr s, unsigned long k, ic_ival_srcptr ln10)
{
  ic_ival_t x, t, a, b, c, one, S, lo, hi;
  ic_ival_init2 (x, PREC); ic_ival_init2 (t, PREC); ic_ival_init2 (a, PREC); ic_ival_init2 (b, PREC);
  ic_ival_init2 (c, PREC); ic_ival_init2 (one, PREC); ic_ival_init2 (S, PREC); ic_ival_init2 (lo, PREC);
  ic_ival_init2 (hi, PREC);
  ic_ival_set_ui (one, 1);
  ic_ival_set_ui (t, k);
  ic_ival_mul (x, t, ln10);                 /* x = log N */
  ic_ival_sub (t, one, s);
  ic_ival_mul (t, t, x); ic_ival_exp (a, t);            /* a = N^(1-s) */
  ic_ival_neg (t, s);
  ic_ival_mul (t, t, x); ic_ival_exp (b, t);            /* b = N^-s */
  ic_ival_mul_si (t, s, 2); ic_ival_sub (t, one, t);
  ic_ival_mul (t, t, x); ic_ival_exp (c, t);            /* c = N^(1-2s) */
  ic_ival_sub (t, s, one);
  ic_ival_div (S, a, t);                                /* N^(1-s)/(s-1) */
  mpfr_div_2ui (t->lo, b->lo, 1, MPFR_RNDD); mpfr_div_2ui (t->hi, b->hi, 1, MPFR_RNDU);
  ic_ival_sub (lo, S, t);                               /* lower bound of the sum */
  ic_ival_mul_si (t, s, 2); ic_ival_sub (t, t, one);    /* 2s - 1 */
  ic_ival_sub (b, one, b);                              /* 1 - N^-s > 0 (N >= 10) */
  ic_ival_mul (t, t, b);
  ic_ival_div (c, c, t);                                /* the u^2 / (1-u) part */
  ic_ival_add (hi, S, c);
  mpfr_set (L->lo, lo->lo, MPFR_RNDD);
  mpfr_set (L->hi, hi->hi, MPFR_RNDU);
  ic_ival_clear (x); ic_ival_clear (t); ic_ival_clear (a); ic_ival_clear (b); ic_ival_clear (c);
  ic_ival_clear (one); ic_ival_clear (S); ic_ival_clear (lo); ic_ival_clear (hi);
}

/* Far-field plot of the partial products P_N = prod_{k=from}^N (1 - k^-s):
 * log10 P_N against log10 N (log scale) out to where P_N meets its limit,
 * when that is far beyond any loop.  Certified band at N = 10^k (x = k,
 * exact): log P_N = log P - log prod_{j>N} (1 - j^-s), P the certified
 * limit, the tail bounded by far_log_tail.  The binary64 loop is run up to
 * FAR_LOOP_N (approximate series); the last factor it can change is the
 * one with fl(k^-s) > 2^-54 (beyond, fl(1 - k^-s) = 1).  The grid of k
 * and the right end are heuristic choices (presentation). */
#define FAR_LOOP_N 10000000UL
static void far_plot (ic_check_result *r, const ic_node *e, unsigned long from,
                      const inst_t *in, const char *label, const mpq_t sq)
{
  double sd = mpq_get_d (sq);
  ic_ival_t s, ln10, lnP, L, y;
  ic_ival_init2 (s, PREC); ic_ival_init2 (ln10, PREC); ic_ival_init2 (lnP, PREC);
  ic_ival_init2 (L, PREC); ic_ival_init2 (y, PREC);
  ic_ival_set_q (s, sq);
  ic_ival_set_ui (y, 10); ic_ival_log (ln10, y);
  ic_ival_log (lnP, in->lim);                /* the limit is certified > 0 */
  /* right end (heuristic): the first k = 2^j where the band's distance
   * to the limit, hi of L / log 10, is below 0.2% of |log10 P| (at least
   * 0.001), then the next power of 10 at least twice as far */
  double ylim = fabs (icc_fr_d (lnP->lo, MPFR_RNDD)) / log (10), tol = fmax (0.002 * ylim, 0.001);
  unsigned long klo = 0, khi = 1;           /* met at khi, not at klo */
  for (; khi < 131072; klo = khi, khi *= 2)
    {
      far_log_tail (L, s, khi, ln10);
      if (icc_fr_d (L->hi, MPFR_RNDU) / log (10) < tol) break;
    }
  while (khi - klo > 1)                     /* the first k where it is met */
    {
      unsigned long m = klo + (khi - klo) / 2;
      far_log_tail (L, s, m, ln10);
      if (icc_fr_d (L->hi, MPFR_RNDU) / log (10) < tol) khi = m; else klo = m;
    }
  double kmeet = (double) khi;
  unsigned long kend = 10;
  while ((double) kend < 2 * kmeet && kend < 100000) kend *= 10;
  /* grid: every k up to 20, then steps of about 12% */
  int cap = 20 + 1 + (int) ceil (log ((double) kend / 20) / log (1.12)) + 2, npts = 0;
  unsigned long *ks = icc_xmalloc (sizeof *ks * (size_t) cap);
  for (unsigned long k = 1; k <= kend && npts < cap - 1; )
    {
      if (pow (10, (double) k) > (double) from) ks[npts++] = k;   /* N = 10^k > from */
      unsigned long nk = k < 20 ? k + 1 : (unsigned long) ((double) k * 1.12);
      k = nk > k ? nk : k + 1;
    }
  if (npts == 0 || ks[npts - 1] != kend) ks[npts++] = kend;
  ic_plot *pl = icc_add_plot (r);
  char *title = icc_fmt ("Partial products of %s, out to the limit", label);
  ic_plot_init (pl, title, "log10 N (log scale), N = last factor multiplied", "log10 of the partial product", 1);
  free (title);
  ic_plot_series *cb = ic_plot_add (pl, "certified partial product at N = 10^k (limit / tail bound)", IC_PLOT_BAND, npts);
  cb->certified = 1;               /* exact x = k; outward interval operations */
  for (int i = 0; i < npts; i++)
    {
      far_log_tail (L, s, ks[i], ln10);
      ic_ival_add (y, lnP, L);                  /* encloses log P_N */
      ic_ival_div (y, y, ln10);                 /* encloses log10 P_N */
      cb->x[i] = (double) ks[i];                /* k <= 10^5: exact */
      cb->ylo[i] = icc_fr_d (y->lo, MPFR_RNDD);
      cb->yhi[i] = icc_fr_d (y->hi, MPFR_RNDU);
    }
  /* the binary64 loop, sampled at about 10 points a decade */
  int nl = 0, capl = 10 * 8 + 4;
  ic_plot_series *dl = ic_plot_add (pl, "binary64 loop", IC_PLOT_LINE, capl);
  double dacc = 1, next = (double) from;
  for (unsigned long N = from; N <= FAR_LOOP_N; N++)
    {
      dacc *= icc_dev (e, (double) N);
      if ((double) N >= next || N == FAR_LOOP_N)
        {
          if (nl < capl) { dl->x[nl] = log10 ((double) N); dl->ylo[nl] = dl->yhi[nl] = dacc > 0 ? log10 (dacc) : -INFINITY; nl++; }
          next = floor ((double) N * 1.2589254117941673) + 1;      /* 10^(1/10) */
        }
    }
  dl->n = nl;
  /* where the loop stalls: fl(k^-s) <= 2^-54 makes fl(1 - k^-s) = 1 */
  double kstall = pow (2, 54 / sd), lstall = log10 (kstall);
  /* the exact partial product there, from the first-order tail (for the
   * note only; approximate) */
  double pstall = (icc_fr_d (lnP->lo, MPFR_RNDN) + pow (kstall, 1 - sd) / (sd - 1)) / log (10);
  char *dnote = icc_fmt ("approximate, for plotting: log10 of what p = 1; for k = %lu..N: p *= (%s at n = k) computes in IEEE binary64 (round to nearest), run up to N = %lu here; not an enclosure. From k = %.2g on, k^-%.6g <= 2^-54 and every factor rounds to exactly 1, so the loop stalls there, where the exact partial product is about 10^%.1f%s",
                         from, label, FAR_LOOP_N, kstall, sd, pstall,
                         pstall - icc_fr_d (lnP->hi, MPFR_RNDN) / log (10) > 1 ? ", far above the limit" : "");
  ic_plot_series_approx (dl, dnote);
  free (dnote);
  ic_plot_series *vs = ic_plot_add (pl, "binary64 loop stalls (factors round to 1)", IC_PLOT_VLINE, 1);
  vs->x[0] = lstall;
  ic_plot_series_approx (vs, "approximate, for plotting: log10 of 2^(54/s), the k from which fl(1 - k^-s) = 1 in binary64");
  limit_bands (pl, in, 1);
  char *pnote = icc_fmt ("The band at N = 10^k (x = k) is certified without multiplying: log P_N = log P - log prod_{j>N} (1 - j^-s) with P the certified limit and s = %.6g; "
                         "-sum u_j/(1-u_j) <= log prod_{j>N} (1 - u_j) <= -sum u_j for u_j = j^-s, N^(1-s)/(s-1) - N^-s/2 <= sum_{j>N} j^-s <= N^(1-s)/(s-1) "
                         "(j^-s is convex and decreasing: rectangle and trapezoid bounds), and sum_{j>N} u_j^2/(1-u_j) <= N^(1-2s)/((2s-1)(1-N^-s)); "
                         "every operation is an MPFR interval operation rounded outward. The binary64 loop (approximate) stalls from k = %.2g on, at about 10^%.0f.",
                         sd, kstall, pstall);
  /* where the words say the band crosses 2^-1074 and meets the limit
   * (approximate, first-order tail: log10 P_N ~ log10 P + N^(1-s) / ((s-1) log 10)) */
  double l10P = icc_fr_d (lnP->lo, MPFR_RNDN) / log (10), dmin = -1074 * log10 (2.0);
  ic_buf nb; ic_buf_init (&nb);
  ic_buf_puts (&nb, pnote);
  if (l10P < dmin)
    ic_buf_printf (&nb, " The true partial product falls below the smallest positive double near N = 10^%.0f",
                   log10 ((dmin - l10P) * log (10) * (sd - 1)) / (1 - sd));
  else ic_buf_puts (&nb, " The true partial product");
  ic_buf_printf (&nb, "%s comes within 0.2%% of the plot's height of its limit by N = 10^%.0f.", l10P < dmin ? " and" : "", kmeet);
  free (pnote);
  pnote = ic_buf_take (&nb);
  ic_plot_set_note (pl, pnote);
  free (pnote);
  free (ks);
  ic_ival_clear (s); ic_ival_clear (ln10); ic_ival_clear (lnP); ic_ival_clear (L); ic_ival_clear (y);
}

/* Partial products (or sums) plot: certified bands at sample points, the
 * double-precision loop, and the certified limit.  A product 1 - n^-s
 * whose partial products are still more than 1% above the limit at the
 * end of the loop gets the far-field plot instead (far_plot). */
static void series_plot (ic_check_result *r, const ic_node *e, int ser, unsigned long from,
                         const inst_t *in, const char *label)
{
  /* up to n = 20000, or 20000 terms past a larger start (from <= 10^9 in
   * claim files; without the second case a start beyond 20000 left no
   * sample point and pts[npts - 1] read pts[-1]) */
  const unsigned long NMAX = from < 10000 ? 20000 : from + 20000;
  if (ser != SER_SUM && in && in->has_limit && ic_ival_is_pos (in->lim) && from <= 10)
    {
      mpq_t sq; mpq_init (sq);
      int far = one_minus_pow (sq, e);
      /* heuristic: the first-order tail N^(1-s)/(s-1) at NMAX above 1% */
      if (far && pow ((double) NMAX, 1 - mpq_get_d (sq)) / (mpq_get_d (sq) - 1) > 0.01)
        {
          far_plot (r, e, from, in, label, sq);
          mpq_clear (sq);
          return;
        }
      mpq_clear (sq);
    }
  int npts = 0; unsigned long pts[80];
  /* sample points: heuristic log spacing (presentation only); x <= NMAX
   * <= 10^9 + 20000, so the conversion is exact */
  for (double x = (double) from; x <= (double) NMAX && npts < 79; x *= 1.2)
    {
      unsigned long v = (unsigned long) x;
      if (!npts || v > pts[npts - 1]) pts[npts++] = v;
      if (x < (double) from + 1) x = (double) from + 1;
    }
  if (npts == 0 || pts[npts - 1] != NMAX) pts[npts++] = NMAX;
  ic_plot *pl = icc_add_plot (r);
  int prod = ser != SER_SUM;
  char *title = prod ? icc_fmt ("Partial products of %s", label) : icc_fmt ("Partial sums of %s", label);
  ic_plot_init (pl, title, "N (terms multiplied, log scale)", prod ? "log10 of the partial product" : "partial sum", 1);
  free (title);                                     /* ic_plot_init copies it */
  if (!prod) { free (pl->xlabel); pl->xlabel = icc_xstrdup ("N (terms added, log scale)"); }
  /* the title strings above were built with fmt: replace the copies */
  ic_plot_series *cb = ic_plot_add (pl, "certified partial value (band)", IC_PLOT_BAND, npts);
  cb->certified = 1;               /* exact N; icc_log10_ends / fr_d round outward */
  ic_plot_series *dl = ic_plot_add (pl, "double-precision loop", IC_PLOT_LINE, npts);
  ic_plot_series_approx (dl, "approximate, for plotting: what a loop in IEEE binary64 arithmetic (round to nearest) computes, to compare with the certified band; not an enclosure");
  tenv env; ic_ival_t n, t, acc;
  ic_ival_init2 (n, PREC); ic_ival_init2 (t, PREC); ic_ival_init2 (acc, PREC);
  env.n = n; env.p = NULL; mpq_init (env.sent); icc_scan_q (env.sent, SENTINEL_TEXT);
  ic_ival_set_ui (acc, prod ? 1 : 0);
  double dacc = prod ? 1 : 0;
  int k = 0, ok = 1;
  for (unsigned long N = from; N <= NMAX && k < npts; N++)
    {
      ic_ival_set_ui (n, N);
      if (ok && icc_tev (t, e, &env) != 0) ok = 0;
      if (ok) { if (prod) ic_ival_mul (acc, acc, t); else ic_ival_add (acc, acc, t); }
      double dv = icc_dev (e, (double) N);
      if (prod) dacc *= dv; else dacc += dv;
      if (N == pts[k])
        {
          cb->x[k] = dl->x[k] = (double) N;
          if (!ok) { cb->ylo[k] = -INFINITY; cb->yhi[k] = INFINITY; }
          else if (prod) icc_log10_ends (&cb->ylo[k], &cb->yhi[k], acc);
          else { cb->ylo[k] = icc_fr_d (acc->lo, MPFR_RNDD); cb->yhi[k] = icc_fr_d (acc->hi, MPFR_RNDU); }
          dl->ylo[k] = dl->yhi[k] = prod ? (dacc > 0 ? log10 (dacc) : -INFINITY) : dacc;
          k++;
        }
    }
  cb->n = dl->n = k;
  if (in && in->has_limit) limit_bands (pl, in, prod);
  mpq_clear (env.sent);
  ic_ival_clear (n); ic_ival_clear (t); ic_ival_clear (acc);
}

/* x printed outward as "[lo, hi]" (lo rounded down, hi up, by
 * ic_fr_to_decimal) with the fewest significant digits d >= d0 such that
 * the printed ends keep the given separations: lo' >= lb (lo' > lb when
 * lb_strict) if lb is non-NULL, and hi' <= ub (hi' < ub) if ub is non-NULL.
 * Printing rounds outward, so lo' <= lo and hi' >= hi; the separations
 * hold for x itself when they hold for the printed ends, and a proved
 * [a, b] claim is thus shown by an enclosure that visibly lies in [a, b].
 * The condition is monotone in d (the d-digit decimals are among the
 * (d+1)-digit ones, so lo' only grows and hi' only shrinks), which allows
 * a bisection.  *ok is 1 when some d <= dmax works; otherwise the string
 * has d0 digits (still an outward enclosure).  *dused is the d printed. */
static int ends_ok (ic_ival_srcptr x, long d, mpq_srcptr lb, int lb_strict,
                    mpq_srcptr ub, int ub_strict, char **slo, char **shi)
{
  *slo = ic_fr_to_decimal (x->lo, d, MPFR_RNDD);
  *shi = ic_fr_to_decimal (x->hi, d, MPFR_RNDU);
  int ok = 1;
  mpq_t q; mpq_init (q);
  if (lb)
    {
      /* an infinite or NaN end does not parse as a whole: no separation */
      size_t n = icc_scan_q (q, *slo);
      int c = mpq_cmp (q, lb);
      ok = n && n == strlen (*slo) && (lb_strict ? c > 0 : c >= 0);
    }
  if (ok && ub)
    {
      size_t n = icc_scan_q (q, *shi);
      int c = mpq_cmp (q, ub);
      ok = n && n == strlen (*shi) && (ub_strict ? c < 0 : c <= 0);
    }
  mpq_clear (q);
  return ok;
}

static char *ival_str_within (ic_ival_srcptr x, long d0, mpq_srcptr lb, int lb_strict,
                              mpq_srcptr ub, int ub_strict, long *dused, int *ok)
{
  char *lo, *hi;
  /* an exact decimal of a p-bit number with exponent e has at most about
   * p + |e| significant digits, so dmax digits print both ends exactly */
  long dmax = (long) mpfr_get_prec (x->lo) + 64;
  if (mpfr_regular_p (x->lo)) dmax += labs ((long) mpfr_get_exp (x->lo));
  if (mpfr_regular_p (x->hi)) dmax += labs ((long) mpfr_get_exp (x->hi));
  if (dmax > 200000) dmax = 200000;
  if (dmax < d0) dmax = d0;
  *ok = ends_ok (x, d0, lb, lb_strict, ub, ub_strict, &lo, &hi);
  long d = d0;
  if (!*ok)
    {
      free (lo); free (hi);
      if (ends_ok (x, dmax, lb, lb_strict, ub, ub_strict, &lo, &hi))
        {
          /* bisection: ends_ok fails at dl and holds at dh */
          long dl = d0, dh = dmax;
          free (lo); free (hi);
          while (dh - dl > 1)
            {
              long m = dl + (dh - dl) / 2;
              int g = ends_ok (x, m, lb, lb_strict, ub, ub_strict, &lo, &hi);
              free (lo); free (hi);
              if (g) dh = m; else dl = m;
            }
          *ok = ends_ok (x, dh, lb, lb_strict, ub, ub_strict, &lo, &hi);
          d = dh;
        }
      else
        {
          free (lo); free (hi);
          ends_ok (x, d0, NULL, 0, NULL, 0, &lo, &hi);
        }
    }
  char *s = icc_fmt ("[%s, %s]", lo, hi);
  free (lo); free (hi);
  if (dused) *dused = d;
  return s;
}

/* How one result of ic_certify decides a check (the verdict mapping).
 * For an interval check with a finite enclosure [lo, hi] of the limit,
 * *str_a / *str_b say that the enclosure straddles the end a / b: it
 * contains that end and numbers outside [a, b] on that side. */
static ic_claim_status map_result (const ic_check *c, const ic_result *res,
                                   int *str_a, int *str_b)
{
  *str_a = *str_b = 0;
  int v = res->verdict;
  int lim = res->has_limit && !mpfr_nan_p (res->lo) && !mpfr_nan_p (res->hi);
  switch (c->verb)
    {
    case VB_CONV:
      return v == IC_CONVERGES ? IC_ST_PROVED : v == IC_UNKNOWN ? IC_ST_UNDECIDED : IC_ST_REFUTED;
    case VB_DIV:
      if (c->ser == SER_SUM) return v == IC_DIVERGES ? IC_ST_PROVED : v == IC_CONVERGES ? IC_ST_REFUTED : IC_ST_UNDECIDED;
      return (v == IC_DIVERGES || v == IC_DIVERGES_TO_ZERO) ? IC_ST_PROVED
        : (v == IC_CONVERGES || v == IC_ZERO_FACTOR) ? IC_ST_REFUTED : IC_ST_UNDECIDED;
    case VB_ZERO:
      return (v == IC_DIVERGES_TO_ZERO || v == IC_ZERO_FACTOR) ? IC_ST_PROVED
        : (v == IC_CONVERGES || v == IC_DIVERGES) ? IC_ST_REFUTED : IC_ST_UNDECIDED;
    case VB_POS:
      if (v == IC_CONVERGES && lim && mpfr_sgn (res->lo) > 0) return IC_ST_PROVED;
      if (v == IC_CONVERGES && lim && mpfr_sgn (res->hi) <= 0) return IC_ST_REFUTED;
      if (v == IC_DIVERGES_TO_ZERO || v == IC_ZERO_FACTOR || v == IC_DIVERGES) return IC_ST_REFUTED;
      return IC_ST_UNDECIDED;
    default:   /* VB_IN */
      if (v == IC_DIVERGES_TO_ZERO || v == IC_ZERO_FACTOR)      /* the limit is 0 */
        return (mpq_sgn (c->a) <= 0 && mpq_sgn (c->b) >= 0) ? IC_ST_PROVED : IC_ST_REFUTED;
      if (v == IC_DIVERGES) return IC_ST_REFUTED;
      if (v != IC_CONVERGES || !lim) return IC_ST_UNDECIDED;
      /* exact comparisons of the binary ends with the rational ends */
      if (mpfr_cmp_q (res->hi, c->a) < 0 || mpfr_cmp_q (res->lo, c->b) > 0)
        return IC_ST_REFUTED;                    /* limit <= hi < a, or > b */
      if (mpfr_cmp_q (res->lo, c->a) >= 0 && mpfr_cmp_q (res->hi, c->b) <= 0)
        return IC_ST_PROVED;                     /* a <= lo <= limit <= hi <= b */
      *str_a = mpfr_cmp_q (res->lo, c->a) < 0;   /* lo < a <= hi */
      *str_b = mpfr_cmp_q (res->hi, c->b) > 0;   /* lo <= b < hi */
      return IC_ST_UNDECIDED;
    }
}

static double now_s (void)
{
  struct timespec t;
  clock_gettime (CLOCK_MONOTONIC, &t);
  return (double) t.tv_sec + 1e-9 * (double) t.tv_nsec;
}

/* One instance (no parameter) of a series check: ic_certify and the
 * verdict mapping.  text is the term (c->term, or with p replaced). */
static void series_instance (inst_t *in, ic_check_result *r, const ic_check *c,
                             const char *text, int plot)
{
  in->st = IC_ST_UNDECIDED; in->has_limit = 0; in->verdict = IC_UNKNOWN;
  ic_error err; memset (&err, 0, sizeof err);
  ic_node *e = ic_term_parse (text, &err);
  int ser = c->ser, verb = c->verb;
  unsigned long from = c->from;
  const char *what = ser == SER_SUM ? "sum" : ser == SER_PROD ? "product" : "trajectory probability (product)";
  if (!e) { icc_set_how (r, "The term %s does not parse: %s.", text, err.msg); return; }
  char *hyp = NULL;            /* the certified hypothesis of a trajectory */
  if (ser == SER_TRAJ)
    {
      ic_ival_t R; ic_ival_init2 (R, PREC);
      int ok = term_range (R, e, from, NULL) == 0 && ic_ival_is_nonneg (R) && mpfr_cmp_ui (R->hi, 1) <= 0;
      char *rs = icc_ival_str (R, 8);
      KV (r, "range of p(n) over n >= N", "%s", rs);
      free (rs);
      ic_ival_clear (R);
      if (!ok)
        {
          icc_set_how (r, "Could not certify 0 <= p(%s) <= 1 for every n >= %lu, so it is not known to be a transition rule.", "n", from);
          ic_node_free (e);
          return;
        }
      hyp = icc_fmt ("Interval evaluation over n in [%lu, +Inf) shows 0 <= p(n) <= 1, so p is a continuation probability and the partial products are non-increasing.", from);
    }
  /* Digits asked: the file's, then (interval checks whose enclosure
   * straddles an end, with every asked digit delivered) 2 and 4 times as
   * many.  Heuristic: it only chooses what to ask; each result is mapped
   * on its own, and the last one that has a verdict is used. */
  long d = c->digits > 0 ? c->digits : IC_CLAIMS_DEFAULT_DIGITS;
  long asked[1 + IC_CLAIMS_RETRIES]; int nasked = 0;
  double t0 = now_s ();
  ic_result res; ic_result_init (&res);
  int have = 0, str_a = 0, str_b = 0;
  ic_claim_status s = IC_ST_UNDECIDED;
  for (int attempt = 0; attempt <= IC_CLAIMS_RETRIES; attempt++)
    {
      double left = IC_CLAIMS_SERIES_SECONDS - (now_s () - t0);
      if (attempt > 0 && left < 1.0) break;
      ic_options opt; ic_options_default (&opt);
      opt.digits = d; opt.from = from; opt.timeout = left;
      ic_result cur; ic_result_init (&cur);
      ic_error cerr; memset (&cerr, 0, sizeof cerr);
      ic_status st = ic_certify (&cur, ser == SER_SUM ? IC_KIND_SUM : IC_KIND_PROD, e, &opt, &cerr);
      if (st != IC_OK)
        {
          ic_result_clear (&cur);
          if (!have) err = cerr;
          break;
        }
      int sa, sb;
      ic_claim_status cs = map_result (c, &cur, &sa, &sb);
      if (have && cs == IC_ST_UNDECIDED && !(sa || sb))
        {
          /* the retry lost what the first run had (a time limit): keep it */
          ic_result_clear (&cur);
          break;
        }
      ic_result_clear (&res);
      res = cur;
      have = 1; s = cs; str_a = sa; str_b = sb;
      asked[nasked++] = d;
      if (s != IC_ST_UNDECIDED || !(sa || sb) || res.stopped || d > IC_CLAIMS_MAX_DIGITS / 2)
        break;
      d *= 2;
    }
  if (!have)
    {
      icc_set_how (r, "The engine stopped without a verdict: %s.", err.msg[0] ? err.msg : "error");
      ic_result_clear (&res);
      free (hyp); ic_node_free (e);
      return;
    }
  in->verdict = res.verdict;
  const char *vn = ic_verdict_name (res.kind, res.verdict);
  KV (r, "engine verdict", "%s", vn ? vn : "?");
  if (res.cert.test[0]) KV (r, "test", "%s", res.cert.test);
  for (int i = 0; i < res.cert.nitems; i++) KV (r, res.cert.item[i].key, "%s", res.cert.item[i].val);
  ic_buf da; ic_buf_init (&da);
  for (int i = 0; i < nasked; i++) ic_buf_printf (&da, "%s%ld", i ? ", " : "", asked[i]);
  if (verb == VB_IN || c->digits > 0)
    KV (r, "digits asked", "%s%s", da.s, nasked > 1 ? " (retried: the enclosure straddled an end)" : "");
  char *encl = NULL;           /* the enclosure as shown in the reason */
  if (res.has_limit)
    {
      in->has_limit = 1;
      ic_ival_init2 (in->lim, mpfr_get_prec (res.lo) > PREC ? mpfr_get_prec (res.lo) : PREC);
      ic_ival_set_fr2 (in->lim, res.lo, res.hi);
      char *ls;
      long dp = 15;
      int fits;
      if (verb == VB_IN && in->verdict == IC_CONVERGES && s == IC_ST_PROVED)
        ls = ival_str_within (in->lim, dp, c->a, 0, c->b, 0, NULL, &fits);      /* a <= lo', hi' <= b */
      else if (verb == VB_IN && in->verdict == IC_CONVERGES && s == IC_ST_REFUTED)
        {
          if (mpfr_cmp_q (in->lim->hi, c->a) < 0)
            ls = ival_str_within (in->lim, dp, NULL, 0, c->a, 1, NULL, &fits); /* hi' < a */
          else
            ls = ival_str_within (in->lim, dp, c->b, 1, NULL, 0, NULL, &fits); /* lo' > b */
        }
      else if (str_a || str_b)
        {
          /* undecided: enough digits to show how close the end is */
          dp = res.digits + 3 > 15 ? res.digits + 3 : 15;
          ls = ival_str_within (in->lim, dp, NULL, 0, NULL, 0, NULL, &fits);
        }
      else ls = icc_ival_str (in->lim, 15);
      KV (r, "limit", "%s", ls);
      KV (r, "certified digits", "%ld", res.digits);
      encl = ls;
    }
  if (verb == VB_IN)
    KV (r, "claimed interval", "[%s, %s]", c->a_text ? c->a_text : "?", c->b_text ? c->b_text : "?");
  if (s != IC_ST_UNDECIDED)
    {
      if (hyp) icc_set_how (r, "%s", hyp);
      icc_set_how (r, "ic_certify on the %s from n = %lu: %s%s%s", what, from,
               res.cert.summary[0] ? res.cert.summary : "verdict ", res.cert.summary[0] ? "" : (vn ? vn : "?"),
               res.cert.summary[0] && res.cert.summary[strlen (res.cert.summary) - 1] == '.' ? "" : ".");
    }
  else
    {
      /* the reason names what failed; the convergence certificate stays
       * among the numbers */
      const char *kind = ser == SER_SUM ? "sum" : "product";
      const char *why = res.stop_note[0] ? res.stop_note : res.limit_note[0] ? res.limit_note : res.cert.summary;
      if (res.cert.summary[0] && res.verdict != IC_UNKNOWN) KV (r, "convergence certificate", "%s", res.cert.summary);
      if (str_a && str_b)
        icc_set_how (r, "The enclosure %s straddles both ends a = %s and b = %s of the claimed interval (digits asked: %s).",
                 encl, c->a_text, c->b_text, da.s);
      else if (str_a)
        icc_set_how (r, "The enclosure %s straddles the lower end a = %s of the claimed interval [%s, %s] (digits asked: %s).",
                 encl, c->a_text, c->a_text, c->b_text, da.s);
      else if (str_b)
        icc_set_how (r, "The enclosure %s straddles the upper end b = %s of the claimed interval [%s, %s] (digits asked: %s).",
                 encl, c->b_text, c->a_text, c->b_text, da.s);
      else if (res.verdict == IC_UNKNOWN)
        icc_set_how (r, "The verdict of the %s is unknown: %s%s", kind, why[0] ? why : "no test decided it",
                 why[0] && why[strlen (why) - 1] == '.' ? "" : ".");
      else if (res.verdict == IC_CONVERGES && !res.has_limit)
        icc_set_how (r, "The %s converges, but its limit is not enclosed: %s%s", kind,
                 res.limit_note[0] ? res.limit_note : "no enclosure was certified",
                 res.limit_note[0] && res.limit_note[strlen (res.limit_note) - 1] == '.' ? "" : ".");
      else if (verb == VB_POS && res.verdict == IC_CONVERGES)
        icc_set_how (r, "The product converges, but the enclosure %s of its limit contains 0 or is not finite.", encl);
      else
        icc_set_how (r, "The verdict \"%s\" does not decide the check.", vn ? vn : "?");
    }
  ic_buf_free (&da);
  free (encl);
  in->st = s;
  if (plot) series_plot (r, e, ser, from, in, text);
  free (hyp);
  ic_result_clear (&res);
  ic_node_free (e);
}

/* 1 if a <= lo of the lower endpoint's enclosure and the upper endpoint's
 * hi <= b: both enclosures lie in [a, b] (a rounded up, b down). */
static int between (mpq_srcptr a, mpq_srcptr b, ic_ival_srcptr lo_lim, ic_ival_srcptr hi_lim)
{
  mpfr_t x;
  mpfr_init2 (x, PREC);
  mpfr_set_q (x, a, MPFR_RNDU);
  int ok = mpfr_greaterequal_p (lo_lim->lo, x);
  mpfr_set_q (x, b, MPFR_RNDD);
  ok = ok && mpfr_lessequal_p (hi_lim->hi, x);
  mpfr_clear (x);
  return ok;
}

static void inst_clear (inst_t *in) { if (in->has_limit) ic_ival_clear (in->lim); in->has_limit = 0; }

/* A term literal for q: an exact decimal when the denominator is 2^a 5^b
 * (the term syntax reads decimals exactly), else "(a/b)". */
char *icc_q_paren (const mpq_t q)
{
  mpz_t d; mpz_init_set (d, mpq_denref (q));
  unsigned long k = 0;
  while (mpz_divisible_ui_p (d, 2)) { mpz_divexact_ui (d, d, 2); }
  while (mpz_divisible_ui_p (d, 5)) { mpz_divexact_ui (d, d, 5); }
  int dec = mpz_cmp_ui (d, 1) == 0;
  mpz_clear (d);
  if (dec)
    {
      /* smallest k with 10^k q an integer */
      mpq_t t; mpq_init (t); mpq_set (t, q);
      while (mpz_cmp_ui (mpq_denref (t), 1) != 0) { mpq_set_ui (t, 10, 1); mpq_mul (t, t, q); k++;
        mpz_t p; mpz_init (p); mpz_ui_pow_ui (p, 10, k); mpq_set (t, q); mpz_mul (mpq_numref (t), mpq_numref (t), p); mpq_canonicalize (t); mpz_clear (p); }
      char *digits = mpz_get_str (NULL, 10, mpq_numref (t));
      int neg = digits[0] == '-';
      char *ds = digits + neg;
      size_t n = strlen (ds);
      ic_buf b; ic_buf_init (&b);
      if (neg) ic_buf_puts (&b, "(-");
      if (k == 0) ic_buf_puts (&b, ds);
      else if (n > k) { ic_buf_putn (&b, ds, n - k); ic_buf_puts (&b, "."); ic_buf_puts (&b, ds + n - k); }
      else { ic_buf_puts (&b, "0."); for (size_t i = n; i < k; i++) ic_buf_puts (&b, "0"); ic_buf_puts (&b, ds); }
      if (neg) ic_buf_puts (&b, ")");
      void (*freefunc) (void *, size_t);
      mp_get_memory_functions (NULL, NULL, &freefunc);
      freefunc (digits, strlen (digits) + 1);
      mpq_clear (t);
      return ic_buf_take (&b);
    }
  char *s = icc_q_str (q);
  char *t = icc_fmt ("(%s)", s);
  free (s);
  return t;
}

void icc_check_series (ic_check_entry *ce)
{
  ic_check *c = ce->c;
  ic_check_result *r = &ce->r;
  const char *sername = c->ser == SER_SUM ? "sum" : c->ser == SER_PROD ? "prod" : "trajectory";
  if (!c->forall)
    {
      inst_t in;
      series_instance (&in, r, c, c->term, 1);
      r->status = in.st;
      inst_clear (&in);
      return;
    }
  /* for all p in [pa, pb] */
  mpq_t cand[5]; int nc = 0;
  for (int i = 0; i < 5; i++) mpq_init (cand[i]);
  mpq_set (cand[nc++], c->pa);
  if (!mpq_equal (c->pa, c->pb)) mpq_set (cand[nc++], c->pb);
  if (nc == 2)
    {
      /* heuristic extra candidates: midpoint and quarter points */
      mpq_add (cand[2], c->pa, c->pb); mpq_div_2exp (cand[2], cand[2], 1);
      mpq_add (cand[3], c->pa, cand[2]); mpq_div_2exp (cand[3], cand[3], 1);
      mpq_add (cand[4], cand[2], c->pb); mpq_div_2exp (cand[4], cand[4], 1);
      nc = 5;
    }
  inst_t ends[2]; memset (ends, 0, sizeof ends);
  ic_check_result er[2]; memset (er, 0, sizeof er);
  int refuted_at = -1;
  ic_check_result wr; memset (&wr, 0, sizeof wr);
  for (int i = 0; i < nc && refuted_at < 0; i++)
    {
      if (i == 2)
        {
          /* try the proof before spending time on more candidates */
          break;
        }
      char *pv = icc_q_paren (cand[i]);
      int cnt;
      char *t = icc_subst_p (c->term, pv, &cnt);
      series_instance (&ends[i], &er[i], c, t, 0);
      if (ends[i].st == IC_ST_REFUTED) refuted_at = i;
      free (t); free (pv);
    }
  char *pa = icc_q_str (c->pa), *pb = icc_q_str (c->pb);
  KV (r, "parameter range", "p in [%s, %s]", pa, pb);
  if (refuted_at < 0)
    {
      /* Proof by monotonicity in p and comparison (see docs/claims.md). */
      ic_error err; memset (&err, 0, sizeof err);
      ic_node *e = ic_term_parse (c->term_sent, &err);
      ic_ival_t R, P, n; ic_ival_init2 (R, PREC); ic_ival_init2 (P, PREC); ic_ival_init2 (n, PREC);
      ic_ival_t qa, qb; ic_ival_init2 (qa, PREC); ic_ival_init2 (qb, PREC);
      ic_ival_set_q (qa, c->pa); ic_ival_set_q (qb, c->pb);
      ic_ival_hull (P, qa, qb);
      mpfr_set_ui (n->lo, c->from, MPFR_RNDD); mpfr_set_inf (n->hi, 1);
      tenv env; env.n = n; env.p = P; mpq_init (env.sent); icc_scan_q (env.sent, SENTINEL_TEXT);
      int m = e ? icc_mono (R, e, &env) : 2;
      char *rs = icc_ival_str (R, 8);
      KV (r, "range of the term over n >= N and p in the range", "%s", rs);
      KV (r, "monotonicity in p (for each n)", "%s", m == 1 ? "non-decreasing" : m == -1 ? "non-increasing" : m == 0 ? "independent of p" : "not certified");
      free (rs);
      int nonneg = ic_ival_is_nonneg (R), unit = nonneg && mpfr_cmp_ui (R->hi, 1) <= 0;
      int proved = 0;
      const char *why = NULL;
      int lo_end = 0, hi_end = 0;
      if (m != 2)
        {
          lo_end = m == 1 ? 0 : 1;         /* endpoint where the term is smallest */
          if (m == 0) lo_end = 0;
          hi_end = 1 - lo_end;
          if (m == 0) hi_end = 0;
          if (c->ser == SER_SUM && nonneg)
            {
              if (c->verb == VB_CONV && ends[hi_end].st == IC_ST_PROVED)
                { proved = 1; why = "each term is at most the term at the endpoint where the sum converges (comparison test)"; }
              if (c->verb == VB_DIV && ends[lo_end].st == IC_ST_PROVED)
                { proved = 1; why = "each term is at least the term at the endpoint where the sum diverges (comparison test)"; }
              if (c->verb == VB_IN && ends[0].has_limit && ends[1].has_limit && ends[lo_end].verdict == IC_CONVERGES && ends[hi_end].verdict == IC_CONVERGES)
                {
                  if (between (c->a, c->b, ends[lo_end].lim, ends[hi_end].lim)) { proved = 1; why = "the sum lies between its values at the two endpoints (termwise comparison), and both enclosures lie in the interval"; }
                }
            }
          if (c->ser != SER_SUM && unit)
            {
              if ((c->verb == VB_POS || c->verb == VB_CONV) && ends[lo_end].st == IC_ST_PROVED && ends[lo_end].has_limit && ic_ival_is_pos (ends[lo_end].lim))
                { proved = 1; why = "factors lie in [0, 1] and are at least the factors at the endpoint whose product has a certified positive limit, so every product is at least that limit"; }
              if (c->verb == VB_ZERO && ends[hi_end].st == IC_ST_PROVED)
                { proved = 1; why = "factors lie in [0, 1] and are at most the factors at the endpoint whose product tends to 0"; }
              if (c->verb == VB_DIV && ic_ival_is_pos (R) && ends[hi_end].verdict == IC_DIVERGES_TO_ZERO)
                { proved = 1; why = "factors lie in (0, 1] and are at most the factors at the endpoint whose product diverges to 0"; }
              if (c->verb == VB_IN && ends[0].has_limit && ends[1].has_limit)
                {
                  if (between (c->a, c->b, ends[lo_end].lim, ends[hi_end].lim)) { proved = 1; why = "factors lie in [0, 1], so the product lies between its values at the two endpoints, and both enclosures lie in the interval"; }
                }
            }
        }
      if (c->ser == SER_TRAJ && !unit) why = NULL, proved = 0;
      if (proved)
        {
          r->status = IC_ST_PROVED;
          icc_set_how (r, "For every p in [%s, %s]: interval evaluation over n >= %lu certifies the term's range and its monotonicity in p; %s.", pa, pb, c->from, why);
          for (int i = 0; i < 2; i++)
            {
              char *pq = icc_q_str (cand[i]);
              char *key = icc_fmt ("at p = %s", pq);
              KV (r, key, "%s", er[i].how ? er[i].how : "");
              free (key); free (pq);
            }
          if (c->verb == VB_IN)
            {
              /* the two enclosures the proof used, each printed so that
               * its end that bounds the family lies in [a, b] */
              for (int i = 0; i < 2; i++)
                {
                  int k = i ? hi_end : lo_end;
                  if (!ends[k].has_limit || (i && hi_end == lo_end)) continue;
                  int both = hi_end == lo_end, fits;
                  char *ls = ival_str_within (ends[k].lim, 15, i == 0 ? c->a : NULL, 0,
                                              i == 1 || both ? c->b : NULL, 0, NULL, &fits);
                  char *pq = icc_q_str (cand[k]);
                  char *key = icc_fmt ("%s: limit at p = %s", both ? "every p" : i ? "largest value" : "smallest value", pq);
                  KV (r, key, "%s", ls);
                  free (key); free (pq); free (ls);
                }
              KV (r, "claimed interval", "[%s, %s]", c->a_text, c->b_text);
            }
        }
      ic_node_free (e);
      mpq_clear (env.sent);
      ic_ival_clear (R); ic_ival_clear (P); ic_ival_clear (n); ic_ival_clear (qa); ic_ival_clear (qb);
      /* no proof: search more candidates for a counterexample */
      for (int i = 2; !proved && i < nc && refuted_at < 0; i++)
        {
          char *pv = icc_q_paren (cand[i]);
          int cnt;
          char *t = icc_subst_p (c->term, pv, &cnt);
          inst_t in; ic_check_result tr; memset (&tr, 0, sizeof tr);
          series_instance (&in, &tr, c, t, 0);
          if (in.st == IC_ST_REFUTED) { refuted_at = i; wr = tr; } else ic_check_result_clear (&tr);
          inst_clear (&in);
          free (t); free (pv);
        }
      if (!proved && refuted_at < 0)
        {
          icc_set_how (r, "No counterexample among the tried values of p, and no proof for the whole range (monotonicity or sign not certified, or an endpoint undecided).");
          for (int i = 0; i < 2 && i < nc; i++)
            {
              char *pq = icc_q_str (cand[i]);
              char *key = icc_fmt ("at p = %s (%s)", pq, ic_claim_status_name (ends[i].st));
              KV (r, key, "%s", er[i].how ? er[i].how : "");
              free (key); free (pq);
            }
        }
    }
  if (refuted_at >= 0)
    {
      ic_check_result *src = refuted_at < 2 ? &er[refuted_at] : &wr;
      char *pv = icc_q_str (cand[refuted_at]), *pp = icc_q_paren (cand[refuted_at]);
      int cnt;
      char *t = icc_subst_p (c->term, pp, &cnt);
      r->status = IC_ST_REFUTED;
      r->witness = icc_fmt ("p = %s: %s(%s, n >= %lu) does not satisfy \"%s\"", pv, sername, t, c->from, verb_text (c->verb));
      icc_set_how (r, "Counterexample p = %s, certified on its own (below).", pv);
      r->witness_how = src->how; src->how = NULL;
      for (int i = 0; i < src->nkv; i++) WKV (r, src->kv[i].key, "%s", src->kv[i].val);
      /* the witness's plot */
      inst_t in; ic_check_result tmp; memset (&tmp, 0, sizeof tmp);
      series_instance (&in, &tmp, c, t, 1);
      for (int i = 0; i < tmp.nplot; i++) *icc_add_plot (r) = tmp.plot[i];
      free (tmp.plot); tmp.plot = NULL; tmp.nplot = 0;
      ic_check_result_clear (&tmp);
      inst_clear (&in);
      free (t); free (pv); free (pp);
    }
  ic_check_result_clear (&wr);
  for (int i = 0; i < 2; i++) { inst_clear (&ends[i]); ic_check_result_clear (&er[i]); }
  for (int i = 0; i < 5; i++) mpq_clear (cand[i]);
  free (pa); free (pb);
}
