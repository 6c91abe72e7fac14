/* claims/decay.c — "decay(eps = E, delta = D) = K" or "= ceil(log(delta) /
 * log(1 - eps))": K is the least n with (1 - eps)^n <= delta (eps a number
 * or a model's certified eps).
 *
 * Decides by exact rational powers of 1 - eps: the least n is verified
 * exactly, (1-eps)^n <= delta < (1-eps)^(n-1).  The formula's value comes
 * from an outward enclosure of log(delta) / log(1 - eps), an integer ratio
 * being settled exactly ((1-eps)^k = delta).  When a model's eps is only
 * enclosed (ARPA), the least n is the ceiling of that enclosure (log is
 * increasing), certain only when the enclosure straddles no integer. */

#include "claims_int.h"

/* Exact minimal n >= 0 with (1-eps)^n <= delta for rational eps in (0,1)
 * and delta in (0,1), or -1 if beyond the exact range (n > maxn). */
static long decay_exact (const mpq_t eps, const mpq_t delta, long guess, long maxn)
{
  if (guess < 1) guess = 1;
  if (guess > maxn) return -1;
  mpq_t o, pw; mpq_inits (o, pw, NULL);
  mpq_set_ui (o, 1, 1); mpq_sub (o, o, eps);
  long n = guess;
  /* move n so that (1-eps)^n <= delta < (1-eps)^(n-1), exact powers */
  for (int iter = 0; iter < 64; iter++)
    {
      mpz_pow_ui (mpq_numref (pw), mpq_numref (o), (unsigned long) n);
      mpz_pow_ui (mpq_denref (pw), mpq_denref (o), (unsigned long) n);
      int le = mpq_cmp (pw, delta) <= 0;
      if (!le) { n++; if (n > maxn) { n = -1; break; } continue; }
      mpz_pow_ui (mpq_numref (pw), mpq_numref (o), (unsigned long) (n - 1));
      mpz_pow_ui (mpq_denref (pw), mpq_denref (o), (unsigned long) (n - 1));
      if (mpq_cmp (pw, delta) > 0) break;
      n--;
      if (n == 0) break;
    }
  mpq_clears (o, pw, NULL);
  return n;
}

void icc_check_decay (ic_check_entry *ce, ic_claimfile *cf)
{
  ic_check *c = ce->c;
  ic_check_result *r = &ce->r;
  ic_ival_t eps, one, l1, ld, q;
  ic_ival_init2 (eps, PREC); ic_ival_init2 (one, PREC); ic_ival_init2 (l1, PREC);
  ic_ival_init2 (ld, PREC); ic_ival_init2 (q, PREC);
  int exact = 1;
  if (c->model >= 0)
    {
      ic_model_def *d = cf->model[c->model];
      mpq_t qe; mpq_init (qe);
      int st, tok;
      ic_lm_eps (eps, qe, &st, &tok, &d->lm);
      exact = d->lm.exact;
      if (exact) mpq_set (c->eps, qe);
      mpq_clear (qe);
      KV (r, "eps source", "model %s (eps = 1 - largest next-token probability)", d->name);
    }
  else ic_ival_set_q (eps, c->eps);
  char *es = exact ? icc_q_short (c->eps) : icc_ival_str (eps, 12);
  char *ds = icc_q_str (c->delta);
  KV (r, "eps", "%s", es);
  KV (r, "delta", "%s", ds);
  if (!ic_ival_is_pos (eps) || mpfr_cmp_ui (eps->hi, 1) >= 0)
    {
      icc_set_how (r, "eps is not certified to lie in (0, 1).");
      goto out;
    }
  ic_ival_set_ui (one, 1);
  ic_ival_neg (l1, eps);
  ic_ival_log1p (l1, l1);                     /* l1 encloses log(1 - eps) < 0 */
  ic_ival_set_q (ld, c->delta);
  ic_ival_log (ld, ld);                       /* ld encloses log(delta) < 0 */
  ic_ival_div (q, ld, l1);                    /* q encloses log(delta)/log(1-eps) */
  char *qs = icc_ival_str (q, 15);
  KV (r, "log(delta) / log(1 - eps)", "%s", qs);
  free (qs);
  /* ceil of q when certain: no integer in (q.lo, q.hi) except possibly q.hi */
  mpfr_t cl, ch; mpfr_inits2 (PREC, cl, ch, (mpfr_ptr) 0);
  mpfr_ceil (cl, q->lo); mpfr_ceil (ch, q->hi);
  long formula = mpfr_equal_p (cl, ch) && mpfr_fits_slong_p (ch, MPFR_RNDN) ? mpfr_get_si (ch, MPFR_RNDN) : -1;
  if (formula < 0 && exact && mpfr_fits_slong_p (ch, MPFR_RNDN))
    {
      /* The enclosure contains an integer k = ceil(q.lo).  For rational eps
       * and delta, log(delta)/log(1-eps) = k exactly iff (1-eps)^k = delta
       * (exact rational power); then the ceiling is k. */
      long k = mpfr_get_si (cl, MPFR_RNDN);
      if (k >= 1 && k <= 2000000 && mpfr_cmp_si (ch, k + 1) <= 0)
        {
          mpq_t o, pw; mpq_inits (o, pw, NULL);
          mpq_set_ui (o, 1, 1); mpq_sub (o, o, c->eps);
          mpz_pow_ui (mpq_numref (pw), mpq_numref (o), (unsigned long) k);
          mpz_pow_ui (mpq_denref (pw), mpq_denref (o), (unsigned long) k);
          if (mpq_equal (pw, c->delta)) { formula = k; KV (r, "exact case", "(1 - eps)^%ld = delta exactly", k); }
          mpq_clears (o, pw, NULL);
        }
    }
  long guess = mpfr_fits_slong_p (ch, MPFR_RNDN) ? mpfr_get_si (ch, MPFR_RNDN) : -1;
  long nmin = -1;
  const char *how_n;
  if (exact)
    {
      nmin = decay_exact (c->eps, c->delta, guess, 2000000);
      how_n = "exact rational powers (1-eps)^n and (1-eps)^(n-1) compared with delta";
    }
  else
    {
      nmin = formula;   /* for irrational eps, n_min = ceil(log delta / log(1-eps)) by monotonicity of log */
      how_n = "the enclosure of log(delta)/log(1 - eps), whose ceiling is certain (log is increasing, so (1-eps)^n <= delta iff n >= log(delta)/log(1-eps))";
    }
  if (nmin >= 0) KV (r, "minimal n with (1-eps)^n <= delta", "%ld", nmin);
  if (formula >= 0) KV (r, "ceil(log(delta) / log(1 - eps))", "%ld", formula);
  if (nmin < 0) { icc_set_how (r, "The minimal n could not be certified (enclosure straddles an integer, or n too large)."); }
  else if (c->formula)
    {
      if (formula < 0) icc_set_how (r, "The formula's ceiling is not certain at this precision.");
      else
        {
          r->status = formula == nmin ? IC_ST_PROVED : IC_ST_REFUTED;
          icc_set_how (r, "The minimal n was found by %s; the formula's value comes from an interval enclosure; they %s.", how_n, formula == nmin ? "agree" : "differ");
        }
    }
  else
    {
      r->status = nmin == c->steps ? IC_ST_PROVED : IC_ST_REFUTED;
      icc_set_how (r, "The minimal n was found by %s.", how_n);
      if (nmin != c->steps) r->witness = icc_fmt ("the minimal n is %ld, not %ld", nmin, c->steps);
    }
  if (nmin > 0)
    {
      ic_plot *pl = icc_add_plot (r);
      ic_plot_init (pl, "Decay bound (1 - eps)^n", "n", "log10 of (1 - eps)^n", 0);
      int npts = 60;
      /* plot range [0, 1.2 nmin] (heuristic), computed without overflow:
       * nmin from the formula may be near LONG_MAX */
      long span = nmin <= (LONG_MAX - 64) / 6 * 5 ? nmin + nmin / 5 + 1 : LONG_MAX - 64;
      ic_plot_series *b = ic_plot_add (pl, "(1 - eps)^n (enclosure)", IC_PLOT_BAND, npts + 1);
      ic_plot_series *h = ic_plot_add (pl, "delta", IC_PLOT_HBAND, 1);
      ic_plot_series *v = ic_plot_add (pl, "minimal n", IC_PLOT_VLINE, 1);
      b->certified = h->certified = 1;
      ic_ival_t pw, nn; ic_ival_init2 (pw, PREC); ic_ival_init2 (nn, PREC);
      for (int i = 0; i <= npts; i++)
        {
          long n = span / npts * i + span % npts * i / npts;   /* span i / npts, no overflow */
          /* the enclosure is computed at the double x itself (n rounded
           * to a double when n > 2^53), so that x is exact for it */
          b->x[i] = (double) n;
          mpfr_set_d (nn->lo, b->x[i], MPFR_RNDD);             /* exact: PREC >= 53 */
          mpfr_set_d (nn->hi, b->x[i], MPFR_RNDU);
          ic_ival_mul (pw, nn, l1);
          ic_ival_exp (pw, pw);                  /* encloses (1-eps)^x */
          icc_log10_ends (&b->ylo[i], &b->yhi[i], pw);
        }
      ic_ival_set_q (pw, c->delta);
      icc_log10_ends (&h->ylo[0], &h->yhi[0], pw);
      v->x[0] = (double) nmin;
      if ((long) v->x[0] == nmin && v->x[0] < 9007199254740992.0) v->certified = 1;   /* exact below 2^53 */
      else ic_plot_series_approx (v, "approximate, for plotting: the minimal n rounded to a double (its exact value is in the numbers)");
      ic_ival_clear (pw); ic_ival_clear (nn);
    }
  mpfr_clears (cl, ch, (mpfr_ptr) 0);
out:
  free (es); free (ds);
  ic_ival_clear (eps); ic_ival_clear (one); ic_ival_clear (l1); ic_ival_clear (ld); ic_ival_clear (q);
}
