/* claims/check.c — the entry points: ic_claims_parse and ic_claims_check.
 *
 * Decides a claim as the conjunction of its checks: proved when every check
 * is proved, refuted when one is refuted, else undecided.  Each check is
 * sent to its kind's file (series.c, decay.c, softmax.c, fpsoftmax.c,
 * nondeg.c, smbound.c, paths.c, markov.c, growth.c) after its model is
 * loaded and passes the distribution gate (model.c).  Out of memory anywhere
 * below returns here as an error; the library never exits. */

#include "claims_int.h"

/* Out of memory while parsing or checking claims: the entry point
 * (ic_claims_parse, ic_claims_check) that armed oom_jmp returns an error
 * "out of memory"; what the call had allocated so far is leaked (never
 * used).  The library never exits on its own. */
static _Thread_local jmp_buf *oom_jmp;

_Noreturn void ic_claims_out_of_memory (void)
{
  ic_oom_note ();
  if (oom_jmp) longjmp (*oom_jmp, 1);
  abort ();           /* unreachable: every caller runs under an entry point */
}

/* Returns 0, or the error of icc_load_model (-1 malformed model, -2 a model
 * file that cannot be read: both bad input, message in err). */
static int run_check (ic_claimfile *cf, ic_check_entry *ce, char *err, size_t errlen)
{
  ic_check *c = ce->c;
  if (c->model >= 0)
    {
      ic_model_def *d = cf->model[c->model];
      int rc = icc_load_model (cf, d, err, errlen);
      if (rc != 0) return rc;
      if (icc_distribution_gate (ce, d)) return 0;
    }
  switch (c->kind)
    {
    case CK_SERIES: icc_check_series (ce); break;
    case CK_DECAY: icc_check_decay (ce, cf); break;
    case CK_SOFTMAX: icc_check_softmax (ce); break;
    case CK_FPSOFTMAX: icc_check_fpsoftmax (ce); break;
    case CK_NONDEG: icc_check_nondeg (ce, cf->model[c->model]); break;
    case CK_SMBOUND: icc_check_smbound (ce, cf->model[c->model]); break;
    case CK_MARG_GE: case CK_MARG_RATIO: case CK_PATH_DECAY: icc_check_paths (ce, cf->model[c->model]); break;
    case CK_MARKOV: icc_check_markov (ce, cf->model[c->model]); break;
    case CK_GROWTH: icc_check_growth (ce, cf->model[c->model]); break;
    }
  return 0;
}

static int claims_check (ic_claimfile *cf, const ic_claims_options *opt,
                     char *err, size_t errlen)
{
  int undecided = 0;
  for (int i = 0; i < cf->nclaim; i++)
    {
      ic_claim *cl = &cf->claim[i];
      if (opt && opt->only && strcmp (opt->only, cl->id)) { cl->status = IC_ST_UNDECIDED; continue; }
      struct timespec t0, t1;
      clock_gettime (CLOCK_MONOTONIC, &t0);
      int all_proved = 1, any_ref = 0;
      for (int j = 0; j < cl->ncheck; j++)
        {
          ic_check_entry *ce = &cl->check[j];
          ic_check_result_clear (&ce->r);
          int rc = run_check (cf, ce, err, errlen);
          if (rc != 0) return rc;
          if (!ce->r.how) ce->r.how = icc_xstrdup ("");
          if (ce->r.status != IC_ST_PROVED) all_proved = 0;
          if (ce->r.status == IC_ST_REFUTED) any_ref = 1;
        }
      /* a claim is the conjunction of its checks */
      cl->status = any_ref ? IC_ST_REFUTED : all_proved ? IC_ST_PROVED : IC_ST_UNDECIDED;
      clock_gettime (CLOCK_MONOTONIC, &t1);
      cl->seconds = (double) (t1.tv_sec - t0.tv_sec) + 1e-9 * (double) (t1.tv_nsec - t0.tv_nsec);
      if (cl->status == IC_ST_UNDECIDED) undecided++;
      if (opt && opt->on_claim) opt->on_claim (cl, opt->arg);
    }
  return undecided;
}

/* ---- entry points: out of memory comes back as an error ---------------- */

int ic_claims_parse (ic_claimfile *cf, const char *text, const char *name,
                     const char *dir, char *err, size_t errlen)
{
  jmp_buf here, *outer = oom_jmp;
  if (setjmp (here))
    {
      oom_jmp = outer;
      memset (cf, 0, sizeof *cf);          /* what was parsed is leaked */
      snprintf (err, errlen, "%s: out of memory", name);
      return -3;
    }
  oom_jmp = &here;
  int rc = icc_parse (cf, text, name, dir, err, errlen);
  oom_jmp = outer;
  return rc;
}

int ic_claims_check (ic_claimfile *cf, const ic_claims_options *opt,
                     char *err, size_t errlen)
{
  jmp_buf here, *outer = oom_jmp;
  ic_oom_take ();
  if (setjmp (here))
    {
      oom_jmp = outer;
      snprintf (err, errlen, "out of memory");
      return -3;
    }
  oom_jmp = &here;
  int rc = claims_check (cf, opt, err, errlen);
  oom_jmp = outer;
  if (rc >= 0 && ic_oom_take ())
    {
      snprintf (err, errlen, "out of memory");
      return -3;
    }
  return rc;
}
