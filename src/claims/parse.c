/* claims/parse.c — the claim-file parser: "model NAME" and "claim ID"
 * blocks, their indented lines, every check form of docs/claims.md, with
 * "FILE:LINE:COL: ..." messages for anything it does not accept.
 *
 * Decides no claim.  It decides what a check says: exact rationals as
 * written (no rounding of the file's numbers), the term parsed with a
 * parameter p replaced by a sentinel literal (eval.c), and the size limits
 * of claim files.  Also frees what it built (ic_claims_clear). */

#include "claims_int.h"

static ic_check *check_new (void)
{
  ic_check *c = icc_xcalloc (1, sizeof *c);
  mpq_inits (c->a, c->b, c->pa, c->pb, c->eps, c->delta, c->D, c->X, c->gap, c->thr, c->C, NULL);
  c->model = -1;
  return c;
}

static void check_free (ic_check *c)
{
  if (!c) return;
  mpq_clears (c->a, c->b, c->pa, c->pb, c->eps, c->delta, c->D, c->X, c->gap, c->thr, c->C, NULL);
  free (c->term); free (c->term_sent); free (c->mname); free (c->Vs);
  free (c->a_text); free (c->b_text);
  free (c);
}

static void model_free (ic_model_def *m)
{
  if (!m) return;
  for (int i = 0; i < m->t.ntok; i++) free (m->t.tok[i]);
  for (int c = 0; c < m->t.nctx; c++)
    {
      for (int w = 0; w < m->t.ntok; w++) mpq_clear (m->t.dist[c][w]);
      free (m->t.dist[c]); free (m->t.ctx[c]);
    }
  free (m->t.tok); free (m->t.dist); free (m->t.ctx); free (m->t.ctxlen); free (m->ctxline);
  free (m->name); free (m->path); free (m->term); free (m->load_err); free (m->raw_sums);
  if (m->node) ic_node_free (m->node);
  if (m->loaded == 1 && m->kind != MD_COUNTER) ic_lm_clear (&m->lm);
  if (m->has_arpa) ic_arpa_clear (&m->arpa);
  free (m);
}

void ic_claims_clear (ic_claimfile *cf)
{
  for (int i = 0; i < cf->nclaim; i++)
    {
      ic_claim *c = &cf->claim[i];
      for (int j = 0; j < c->ncheck; j++)
        {
          free (c->check[j].text);
          check_free (c->check[j].c);
          ic_check_result_clear (&c->check[j].r);
        }
      free (c->check); free (c->id); free (c->statement); free (c->expect); free (c->note);
    }
  for (int i = 0; i < cf->nmodel; i++) model_free (cf->model[i]);
  free (cf->claim); free (cf->model); free (cf->path); free (cf->dir); free (cf->text);
  memset (cf, 0, sizeof *cf);
}

/* ---- the parser ---------------------------------------------------------- */

typedef struct {
  const char *name;
  char *err; size_t errlen;
  int line;
  const char *s;       /* the value being parsed                          */
  int col0;            /* file column of s[0]                              */
  size_t pos;
} ps;

static int perr (ps *P, size_t pos, const char *f, ...) __attribute__ ((format (printf, 3, 4)));
static int perr (ps *P, size_t pos, const char *f, ...)
{
  char msg[300];
  va_list ap; va_start (ap, f);
  vsnprintf (msg, sizeof msg, f, ap);
  va_end (ap);
  snprintf (P->err, P->errlen, "%s:%d:%d: %s", P->name, P->line, P->col0 + (int) pos, msg);
  return -1;
}

static void ws (ps *P) { while (P->s[P->pos] == ' ' || P->s[P->pos] == '\t') P->pos++; }

static int is_idch (char c) { return isalnum ((unsigned char) c) || c == '_' || c == '-'; }

/* Accepts a literal: words must end at a word boundary. */
static int acc (ps *P, const char *lit)
{
  ws (P);
  size_t n = strlen (lit);
  if (strncmp (P->s + P->pos, lit, n) != 0) return 0;
  if (isalpha ((unsigned char) lit[n - 1]) && is_idch (P->s[P->pos + n])) return 0;
  P->pos += n;
  return 1;
}

static int expect (ps *P, const char *lit)
{
  if (acc (P, lit)) return 0;
  ws (P);
  if (!P->s[P->pos]) return perr (P, P->pos, "expected \"%s\" before the end of the line", lit);
  return perr (P, P->pos, "expected \"%s\"", lit);
}

static int num (ps *P, mpq_t q)
{
  ws (P);
  size_t n = icc_scan_q (q, P->s + P->pos);
  if (!n) return perr (P, P->pos, "expected a number (like 3, 0.25, 1e-9 or 1/3)");
  P->pos += n;
  return 0;
}

/* num, keeping the number's text as written in *text. */
static int num_text (ps *P, mpq_t q, char **text)
{
  ws (P);
  size_t b = P->pos;
  if (num (P, q)) return -1;
  free (*text);
  *text = icc_xstrndup (P->s + b, P->pos - b);
  return 0;
}

static int uint_ (ps *P, unsigned long *v, unsigned long maxv)
{
  ws (P);
  const char *s = P->s + P->pos;
  if (!isdigit ((unsigned char) *s)) return perr (P, P->pos, "expected a whole number");
  errno = 0;
  char *end;
  unsigned long x = strtoul (s, &end, 10);
  if (errno || x > maxv) return perr (P, P->pos, "number too large (at most %lu)", maxv);
  P->pos += (size_t) (end - s);
  *v = x;
  return 0;
}

static char *ident (ps *P, size_t *at)
{
  ws (P);
  size_t b = P->pos;
  if (at) *at = b;
  while (is_idch (P->s[P->pos]) || P->s[P->pos] == '.') P->pos++;
  if (P->pos == b) return NULL;
  return icc_xstrndup (P->s + b, P->pos - b);
}

static int at_end (ps *P)
{
  ws (P);
  if (P->s[P->pos]) return perr (P, P->pos, "unexpected text \"%.20s\"", P->s + P->pos);
  return 0;
}

/* The rest of the value with blanks removed equals the formula text f. */
static int rest_is (ps *P, const char *f)
{
  ws (P);
  const char *s = P->s + P->pos;
  size_t i = 0;
  for (; *s; s++)
    {
      if (*s == ' ' || *s == '\t') continue;
      if (f[i] != *s) return 0;
      i++;
    }
  if (f[i]) return 0;
  P->pos += strlen (P->s + P->pos);
  return 1;
}

/* Replaces the identifier p in a term by the sentinel literal; counts it. */
char *icc_subst_p (const char *t, const char *by, int *count)
{
  ic_buf b; ic_buf_init (&b);
  *count = 0;
  for (size_t i = 0; t[i]; i++)
    {
      if (t[i] == 'p' && (i == 0 || !(isalnum ((unsigned char) t[i - 1]) || t[i - 1] == '_'))
          && !(isalnum ((unsigned char) t[i + 1]) || t[i + 1] == '_'))
        { ic_buf_printf (&b, "(%s)", by); (*count)++; }
      else ic_buf_putn (&b, t + i, 1);
    }
  return ic_buf_take (&b);
}

static int count_sentinel (const ic_node *e, const mpq_t s)
{
  if (!e) return 0;
  return (e->op == IC_NUM && (mpq_equal (e->q, s) || icc_is_neg_sent (e->q, s))) + count_sentinel (e->a, s) + count_sentinel (e->b, s);
}

/* Parses a term at P->pos up to the top-level comma before "n >= N)". */
static int term_arg (ps *P, ic_check *c, int allow_p, int closing)
{
  ws (P);
  size_t b = P->pos, i = b, comma = 0;
  int depth = 0;
  for (; P->s[i]; i++)
    {
      if (P->s[i] == '(') depth++;
      else if (P->s[i] == ')') { if (depth == 0) break; depth--; }
      else if (P->s[i] == ',' && depth == 0) comma = i;
    }
  if (!comma) return perr (P, b, "expected \"TERM, n >= N\" inside the parentheses");
  c->term = icc_xstrndup (P->s + b, comma - b);
  while (strlen (c->term) && (c->term[strlen (c->term) - 1] == ' ')) c->term[strlen (c->term) - 1] = 0;
  c->term_col = P->col0 + (int) b;
  if (strstr (c->term, "918273645546372819"))
    return perr (P, b, "this term contains a number reserved by infcert");
  int cnt;
  c->term_sent = icc_subst_p (c->term, SENTINEL_TEXT, &cnt);
  if (cnt && !allow_p)
    return perr (P, b, "the term uses the parameter p but the check has no \"for all p in [a, b]:\"");
  c->nsub = cnt;
  ic_error e; memset (&e, 0, sizeof e);
  ic_node *nd = ic_term_parse (c->term_sent, &e);
  if (!nd)
    {
      /* map the column in the substituted text back to the written term */
      int col = e.column > 0 ? e.column : 1, orig = col;
      int extra = (int) strlen (SENTINEL_TEXT) + 1;   /* "(S)" replaces "p" */
      int seen = 0;
      for (size_t k = 0; c->term[k] && (int) (k + 1 + seen * extra) < col; k++)
        if (c->term[k] == 'p' && (k == 0 || !(isalnum ((unsigned char) c->term[k - 1]) || c->term[k - 1] == '_'))
            && !(isalnum ((unsigned char) c->term[k + 1]) || c->term[k + 1] == '_'))
          seen++;
      orig = col - seen * extra;
      if (orig < 1) orig = 1;
      return perr (P, b + (size_t) orig - 1, "in the term: %s", e.msg[0] ? e.msg : "syntax error");
    }
  mpq_t s; mpq_init (s); icc_scan_q (s, SENTINEL_TEXT);
  int ns = count_sentinel (nd, s);
  mpq_clear (s);
  ic_node_free (nd);
  if (ns != cnt)
    return perr (P, b, "could not track the parameter p through the term");
  P->pos = comma + 1;
  if (expect (P, "n") || expect (P, ">=")) return -1;
  if (uint_ (P, &c->from, 1000000000UL)) return -1;
  return closing ? expect (P, ")") : 0;
}

static int model_ref (ps *P, ic_check *c)
{
  size_t at;
  c->mname = ident (P, &at);
  if (!c->mname) return perr (P, P->pos, "expected a model name");
  c->mcol = P->col0 + (int) at;
  return 0;
}

static int parse_check (ps *P, ic_check *c)
{
  size_t at;
  ws (P); at = P->pos;
  if (acc (P, "for"))
    {
      if (expect (P, "all") || expect (P, "p") || expect (P, "in") || expect (P, "[")
          || num (P, c->pa) || expect (P, ",") || num (P, c->pb) || expect (P, "]") || expect (P, ":"))
        return -1;
      if (mpq_cmp (c->pa, c->pb) > 0) return perr (P, at, "empty parameter range");
      c->forall = 1;
      ws (P); at = P->pos;
    }
  if (acc (P, "sum") || acc (P, "prod") || acc (P, "trajectory"))
    {
      c->kind = CK_SERIES;
      c->ser = P->s[at] == 's' ? SER_SUM : P->s[at] == 'p' ? SER_PROD : SER_TRAJ;
      if (expect (P, "(") || term_arg (P, c, c->forall, 1)) return -1;
      ws (P); size_t vb = P->pos;
      if (acc (P, "converges")) c->verb = VB_CONV;
      else if (acc (P, "diverges")) c->verb = VB_DIV;
      else if (acc (P, "->")) { c->verb = VB_ZERO; if (expect (P, "0")) return -1; }
      else if (acc (P, ">")) { c->verb = VB_POS; if (expect (P, "0")) return -1; }
      else if (acc (P, "in"))
        {
          c->verb = VB_IN;
          if (expect (P, "[") || num_text (P, c->a, &c->a_text) || expect (P, ",")
              || num_text (P, c->b, &c->b_text) || expect (P, "]")) return -1;
          if (mpq_cmp (c->a, c->b) > 0) return perr (P, vb, "empty interval");
        }
      else return perr (P, vb, "expected converges, diverges, \"-> 0\", \"> 0\" or \"in [a, b]\"");
      if (c->ser == SER_SUM && (c->verb == VB_ZERO || c->verb == VB_POS))
        return perr (P, vb, "\"-> 0\" and \"> 0\" are for products and trajectories");
      return at_end (P);
    }
  if (c->forall) return perr (P, at, "\"for all p\" applies to sum, prod and trajectory checks");
  if (acc (P, "decay"))
    {
      c->kind = CK_DECAY;
      if (expect (P, "(") || expect (P, "eps") || expect (P, "=")) return -1;
      ws (P);
      if (isalpha ((unsigned char) P->s[P->pos])) { if (model_ref (P, c)) return -1; }
      else if (num (P, c->eps)) return -1;
      if (expect (P, ",") || expect (P, "delta") || expect (P, "=") || num (P, c->delta) || expect (P, ")") || expect (P, "="))
        return -1;
      if (!c->mname && (mpq_sgn (c->eps) <= 0 || mpq_cmp_ui (c->eps, 1, 1) >= 0))
        return perr (P, at, "eps must lie in (0, 1)");
      if (mpq_sgn (c->delta) <= 0 || mpq_cmp_ui (c->delta, 1, 1) >= 0)
        return perr (P, at, "delta must lie in (0, 1)");
      ws (P);
      if (isdigit ((unsigned char) P->s[P->pos]))
        { unsigned long v; if (uint_ (P, &v, 4000000000UL)) return -1; c->steps = (long) v; }
      else if (rest_is (P, "ceil(log(delta)/log(1-eps))")) c->formula = 1;
      else return perr (P, P->pos, "expected a whole number or ceil(log(delta) / log(1 - eps))");
      return at_end (P);
    }
  if (acc (P, "softmax-bound"))
    {
      c->kind = CK_SMBOUND;
      if (expect (P, "(") || model_ref (P, c) || expect (P, ")")) return -1;
      return at_end (P);
    }
  if (acc (P, "softmax"))
    {
      c->kind = CK_SOFTMAX;
      if (expect (P, "(") || expect (P, "V") || expect (P, "=") || uint_ (P, &c->V, 1000000000UL)
          || expect (P, ",") || expect (P, "D") || expect (P, "=") || num (P, c->D) || expect (P, ")")
          || expect (P, "max") || expect (P, "<="))
        return -1;
      if (c->V < 1) return perr (P, at, "V must be at least 1");
      if (mpq_sgn (c->D) < 0) return perr (P, at, "D must be >= 0");
      ws (P);
      if (rest_is (P, "1/(1+(V-1)exp(-D))")) c->formula = 1;
      else if (num (P, c->X)) return -1;
      return at_end (P);
    }
  if (acc (P, "fpsoftmax"))
    {
      c->kind = CK_FPSOFTMAX;
      if (expect (P, "(")) return -1;
      size_t fa; char *fname = ident (P, &fa);
      if (!fname) return perr (P, P->pos, "expected a format: binary16, bfloat16, binary32 or binary64");
      c->fmt = ic_fp_format_by_name (fname);
      free (fname);
      if (!c->fmt) return perr (P, fa, "unknown format (binary16, bfloat16, binary32, binary64)");
      if (expect (P, ",") || expect (P, "V")) return -1;
      if (acc (P, "in"))
        {
          if (expect (P, "{")) return -1;
          do {
            unsigned long v;
            if (uint_ (P, &v, 100000000UL)) return -1;
            if (v < 2) return perr (P, P->pos - 1, "V must be at least 2");
            c->Vs = icc_xrealloc (c->Vs, sizeof (unsigned long) * (size_t) (c->nV + 1));
            c->Vs[c->nV++] = v;
          } while (acc (P, ","));
          if (expect (P, "}")) return -1;
        }
      else
        {
          unsigned long v;
          if (expect (P, "=") || uint_ (P, &v, 100000000UL)) return -1;
          if (v < 2) return perr (P, P->pos - 1, "V must be at least 2");
          c->Vs = icc_xmalloc (sizeof (unsigned long)); c->Vs[0] = v; c->nV = 1;
        }
      while (acc (P, ","))
        {
          if (acc (P, "gap")) { if (expect (P, "=") || num (P, c->gap)) return -1; c->has_gap = 1;
                                if (mpq_sgn (c->gap) <= 0) return perr (P, P->pos - 1, "the gap must be > 0"); }
          else if (acc (P, "order"))
            {
              if (expect (P, "=")) return -1;
              if (acc (P, "top-last")) c->order = IC_SM_TOP_LAST;
              else if (acc (P, "top-first")) c->order = IC_SM_TOP_FIRST;
              else return perr (P, P->pos, "order is top-last or top-first");
            }
          else return perr (P, P->pos, "expected gap = G or order = top-last|top-first");
        }
      if (expect (P, ")")) return -1;
      if (acc (P, "<")) { if (expect (P, "1")) return -1; }
      else if (acc (P, ">")) { if (expect (P, "0")) return -1; c->fp_form = FP_GT0; }
      else if (acc (P, "if"))
        {
          size_t ea;
          if (expect (P, "<") || expect (P, "1") || expect (P, "then") || expect (P, "<=") || expect (P, "1")
              || expect (P, "-")) return -1;
          ws (P); ea = P->pos;
          if (num (P, c->X)) return -1;
          if (mpq_sgn (c->X) <= 0 || mpq_cmp_ui (c->X, 1, 1) >= 0) return perr (P, ea, "E must lie in (0, 1)");
          c->fp_form = FP_COND;
        }
      else if (acc (P, "threshold"))
        {
          if (c->has_gap) return perr (P, P->pos, "a threshold claim takes no gap");
          if (expect (P, "=") || num (P, c->thr)) return -1;
          c->thr_claim = 1;
        }
      else return perr (P, P->pos, "expected \"< 1\", \"> 0\", \"if < 1 then <= 1 - E\" or \"threshold = G\"");
      return at_end (P);
    }
  if (acc (P, "nondegenerate"))
    {
      c->kind = CK_NONDEG;
      if (expect (P, "(") || model_ref (P, c) || expect (P, ")")) return -1;
      return at_end (P);
    }
  if (acc (P, "markov"))
    {
      c->kind = CK_MARKOV;
      if (expect (P, "(") || model_ref (P, c)) return -1;
      if (acc (P, ","))
        {
          /* "order = k": the state is the last k tokens */
          unsigned long k;
          if (expect (P, "order") || expect (P, "=") || uint_ (P, &k, 16)) return -1;
          if (k < 1) return perr (P, P->pos - 1, "the order must be at least 1");
          c->nmax = (int) k;
        }
      if (expect (P, ")")) return -1;
      return at_end (P);
    }
  if (acc (P, "marginal") || acc (P, "maxpath"))
    {
      int is_marg = P->s[at] == 'm' && P->s[at + 1] == 'a' && P->s[at + 2] == 'r';
      unsigned long nm;
      if (is_marg)
        {
          /* "marginal(M) / maxpath grows >= R" and "... -> inf" */
          size_t save = P->pos;
          if (acc (P, "(") && model_ref (P, c) == 0 && acc (P, ")"))
            {
              c->kind = CK_GROWTH;
              if (expect (P, "/") || expect (P, "maxpath")) return -1;
              if (acc (P, "grows"))
                {
                  size_t ra;
                  if (expect (P, ">=")) return -1;
                  ws (P); ra = P->pos;
                  if (num (P, c->C)) return -1;
                  if (mpq_sgn (c->C) <= 0) return perr (P, ra, "the rate must be > 0");
                }
              else if (acc (P, "->")) { if (expect (P, "inf")) return -1; c->verb = 1; }
              else if (acc (P, "bounded")) c->verb = 2;
              else return perr (P, P->pos, "expected \"grows >= R\", \"-> inf\" or \"bounded\"");
              return at_end (P);
            }
          free (c->mname); c->mname = NULL;
          P->pos = save;
        }
      if (expect (P, "(") || model_ref (P, c) || expect (P, ",") || expect (P, "n") || expect (P, "<=")
          || uint_ (P, &nm, 1000) || expect (P, ")"))
        return -1;
      if (nm < 1) return perr (P, P->pos - 1, "n must be at least 1");
      c->nmax = (int) nm;
      if (is_marg)
        {
          if (acc (P, ">="))
            { c->kind = CK_MARG_GE; if (expect (P, "maxpath")) return -1; }
          else if (acc (P, "<="))
            {
              c->kind = CK_MARG_RATIO;
              if (num (P, c->C) || expect (P, "*") || expect (P, "maxpath")) return -1;
            }
          else return perr (P, P->pos, "expected \">= maxpath\" or \"<= C * maxpath\"");
        }
      else
        {
          c->kind = CK_PATH_DECAY;
          if (expect (P, "<=")) return -1;
          ws (P);
          if (!rest_is (P, "(1-eps)^n")) return perr (P, P->pos, "expected (1 - eps)^n");
        }
      return at_end (P);
    }
  return perr (P, at, "unknown check (sum, prod, trajectory, decay, softmax, fpsoftmax, "
               "nondegenerate, softmax-bound, marginal, maxpath, markov)");
}

static int tok_index (const ic_model_def *m, const char *w)
{
  for (int i = 0; i < m->t.ntok; i++) if (!strcmp (m->t.tok[i], w)) return i;
  return -1;
}

/* "w=q w=q ..." into dist (missing tokens 0); must sum to exactly 1. */
static int parse_dist (ps *P, ic_model_def *m, mpq_t *dist)
{
  mpq_t sum; mpq_init (sum);
  int rc = -1;
  for (int w = 0; w < m->t.ntok; w++) mpq_set_ui (dist[w], 0, 1);
  ws (P);
  size_t start = P->pos;
  while (P->s[P->pos])
    {
      size_t at = P->pos;
      size_t e = at;
      while (P->s[e] && P->s[e] != '=' && P->s[e] != ' ' && P->s[e] != '\t' && P->s[e] != ',') e++;
      char *w = icc_xstrndup (P->s + at, e - at);
      int i = tok_index (m, w);
      free (w);
      if (i < 0) { perr (P, at, "not a token of this model (declare it in \"tokens:\")"); goto out; }
      P->pos = e;
      if (expect (P, "=")) goto out;
      size_t qa = P->pos;
      if (num (P, dist[i])) goto out;
      if (mpq_sgn (dist[i]) < 0 || mpq_cmp_ui (dist[i], 1, 1) > 0) { perr (P, qa + 1, "a probability must lie in [0, 1]"); goto out; }
      mpq_add (sum, sum, dist[i]);
      acc (P, ",");
      ws (P);
    }
  if (mpq_cmp_ui (sum, 1, 1) != 0)
    {
      char *s = icc_q_str (sum);
      perr (P, start, "the probabilities sum to %s, not exactly 1", s);
      free (s);
      goto out;
    }
  rc = 0;
out:
  mpq_clear (sum);
  return rc;
}

static int parse_model_line (ps *P, ic_model_def *m, const char *key, size_t keyat)
{
  if (!strcmp (key, "tokens"))
    {
      if (m->kind != MD_TABLE || m->t.ntok) return perr (P, keyat, "\"tokens:\" given twice or in a non-table model");
      char *w; size_t at;
      while ((ws (P), P->s[P->pos]))
        {
          at = P->pos;
          size_t e = at;
          while (P->s[e] && P->s[e] != ' ' && P->s[e] != '\t') e++;
          w = icc_xstrndup (P->s + at, e - at);
          P->pos = e;
          if (strchr (w, '=') || strchr (w, ':')) { free (w); return perr (P, at, "a token cannot contain '=' or ':'"); }
          if (tok_index (m, w) >= 0) { free (w); return perr (P, at, "duplicate token"); }
          m->t.tok = icc_xrealloc (m->t.tok, sizeof (char *) * (size_t) (m->t.ntok + 1));
          m->t.tok[m->t.ntok++] = w;
        }
      if (!m->t.ntok) return perr (P, P->pos, "expected at least one token");
      return 0;
    }
  if (!strcmp (key, "start") || !strncmp (key, "after ", 6))
    {
      if (!m->t.ntok) return perr (P, keyat, "\"tokens:\" must come first");
      int c = m->t.nctx;
      m->t.ctx = icc_xrealloc (m->t.ctx, sizeof (int *) * (size_t) (c + 1));
      m->t.ctxlen = icc_xrealloc (m->t.ctxlen, sizeof (int) * (size_t) (c + 1));
      m->t.dist = icc_xrealloc (m->t.dist, sizeof (mpq_t *) * (size_t) (c + 1));
      m->ctxline = icc_xrealloc (m->ctxline, sizeof (int) * (size_t) (c + 1));
      m->t.ctx[c] = icc_xmalloc (sizeof (int) * 32); m->t.ctxlen[c] = 0;
      m->t.dist[c] = icc_xmalloc (sizeof (mpq_t) * (size_t) m->t.ntok);
      for (int w = 0; w < m->t.ntok; w++) mpq_init (m->t.dist[c][w]);
      m->ctxline[c] = P->line;
      m->t.nctx++;
      if (key[0] == 'a')
        {
          const char *s = key + 6;
          size_t off = 6;
          while (*s)
            {
              while (*s == ' ') { s++; off++; }
              if (!*s) break;
              size_t e = 0;
              while (s[e] && s[e] != ' ') e++;
              char *w = icc_xstrndup (s, e);
              int i = tok_index (m, w);
              free (w);
              if (i < 0) return perr (P, keyat + off, "not a token of this model");
              if (m->t.ctxlen[c] == 32) return perr (P, keyat + off, "context longer than 32 tokens");
              m->t.ctx[c][m->t.ctxlen[c]++] = i;
              s += e; off += e;
            }
          if (!m->t.ctxlen[c]) return perr (P, keyat, "\"after\" needs at least one token");
        }
      for (int d = 0; d < c; d++)
        if (m->t.ctxlen[d] == m->t.ctxlen[c] && (m->t.ctxlen[c] == 0 || !memcmp (m->t.ctx[d], m->t.ctx[c], sizeof (int) * (size_t) m->t.ctxlen[c])))
          return perr (P, keyat, "this context already has a distribution (line %d)", m->ctxline[d]);
      return parse_dist (P, m, m->t.dist[c]);
    }
  if (!strcmp (key, "arpa"))
    {
      if (m->t.ntok || m->path || m->term) return perr (P, keyat, "a model is either a table, an ARPA file or a counter");
      m->kind = MD_ARPA;
      ws (P);
      m->path_line = P->line; m->path_col = P->col0 + (int) P->pos;
      m->path = icc_xstrdup (P->s + P->pos);
      if (!*m->path) return perr (P, P->pos, "expected a file name");
      return 0;
    }
  if (!strcmp (key, "normalise") || !strcmp (key, "normalize"))
    {
      if (m->normalise) return perr (P, keyat, "\"normalise:\" given twice");
      ws (P);
      if (!acc (P, "rows")) return perr (P, P->pos, "expected \"rows\" (each row divided by its sum)");
      m->normalise = 1; m->norm_line = P->line;
      return at_end (P);
    }
  if (!strcmp (key, "counter"))
    {
      if (m->t.ntok || m->path || m->term) return perr (P, keyat, "a model is either a table, an ARPA file or a counter");
      m->kind = MD_COUNTER;
      ic_check *c = check_new ();
      if (term_arg (P, c, 0, 0)) { check_free (c); return -1; }
      m->term = c->term; c->term = NULL; m->from = c->from;
      ic_error e; memset (&e, 0, sizeof e);
      m->node = ic_term_parse (m->term, &e);
      check_free (c);
      if (!m->node) return perr (P, 0, "in the term: %s", e.msg);
      return at_end (P);
    }
  return perr (P, keyat, "unknown key \"%s\" in a model (tokens, start, after ..., arpa, counter, normalise)", key);
}

/* The value of a "digits:" line: a whole number in 1..IC_CLAIMS_MAX_DIGITS. */
static int digits_value (ps *P, long *d)
{
  unsigned long v;
  if (uint_ (P, &v, IC_CLAIMS_MAX_DIGITS)) return -1;
  if (v < 1) return perr (P, P->pos - 1, "digits must be at least 1");
  if (at_end (P)) return -1;
  *d = (long) v;
  return 0;
}

static int valid_id (const char *s)
{
  if (!*s || !isalnum ((unsigned char) *s)) return 0;
  for (; *s; s++) if (!(isalnum ((unsigned char) *s) || *s == '-' || *s == '_' || *s == '.')) return 0;
  return 1;
}

int icc_parse (ic_claimfile *cf, const char *text, const char *name,
                     const char *dir, char *err, size_t errlen)
{
  memset (cf, 0, sizeof *cf);
  cf->path = icc_xstrdup (name);
  cf->dir = icc_xstrdup (dir ? dir : ".");
  cf->text = icc_xstrdup (text);
  ps P = { name, err, errlen, 0, NULL, 1, 0 };
  ic_claim *cl = NULL;
  ic_model_def *md = NULL;
  const char *p = text;
  int rc = -1;
  /* "digits:" in a claim sets the digits of the check: lines after it;
   * dg_line:dg_col is a digits: line no check has used yet */
  long claim_digits = 0;
  int dg_line = 0, dg_col = 0, file_dg_line = 0;
#define DIGITS_UNUSED() \
  (snprintf (err, errlen, "%s:%d:%d: \"digits:\" sets the digits of the check: lines after it in its claim, and none follows", \
             name, dg_line, dg_col))
  while (*p)
    {
      const char *e = strchr (p, '\n');
      size_t len = e ? (size_t) (e - p) : strlen (p);
      char *line = icc_xstrndup (p, len);
      p += len + (e ? 1 : 0);
      P.line++;
      if (len && line[len - 1] == '\r') line[--len] = 0;
      P.s = line; P.col0 = 1; P.pos = 0;
      for (size_t i = 0; i < len; i++)
        if ((unsigned char) line[i] < 0x20 && line[i] != '\t')
          { perr (&P, i, "control character in the file"); free (line); goto out; }
      ws (&P);
      if (!line[P.pos] || line[P.pos] == '#') { free (line); continue; }
      if (P.pos == 0)
        {
          size_t k = 0;
          while (is_idch (line[k])) k++;
          size_t k2 = k;
          while (line[k2] == ' ' || line[k2] == '\t') k2++;
          if (k == 6 && !strncmp (line, "digits", 6) && line[k2] == ':')
            {
              /* the file-level default of the digits asked */
              if (cf->nclaim || cf->nmodel)
                { perr (&P, 0, "a file-level \"digits:\" must come before the first block (indent it to set the digits of a claim's checks)"); free (line); goto out; }
              if (file_dg_line)
                { perr (&P, 0, "\"digits:\" given twice at file level (first at line %d)", file_dg_line); free (line); goto out; }
              P.pos = k2 + 1;
              if (digits_value (&P, &cf->digits)) { free (line); goto out; }
              file_dg_line = P.line;
              free (line);
              continue;
            }
          if (dg_line) { DIGITS_UNUSED (); free (line); goto out; }
          claim_digits = 0;
          /* a block header */
          size_t at;
          char *kw = ident (&P, &at);
          int is_claim = kw && !strcmp (kw, "claim"), is_model = kw && !strcmp (kw, "model");
          free (kw);
          if (!is_claim && !is_model)
            { perr (&P, 0, "expected \"claim ID\" or \"model NAME\" at the start of a block (indent the lines of a block)"); free (line); goto out; }
          char *id = ident (&P, &at);
          if (!id || !valid_id (id))
            { perr (&P, at, "expected an identifier (letters, digits, '-', '_', '.')"); free (id); free (line); goto out; }
          if (at_end (&P)) { free (id); free (line); goto out; }
          if (is_claim && cf->nclaim >= IC_CLAIMS_MAX_CLAIMS)
            {
              perr (&P, 0, "too many claims in one file (limit %d claims)", IC_CLAIMS_MAX_CLAIMS);
              free (id); free (line); rc = -2; goto out;
            }
          if (is_claim)
            {
              for (int i = 0; i < cf->nclaim; i++)
                if (!strcmp (cf->claim[i].id, id))
                  { perr (&P, at, "duplicate claim id \"%s\" (first at line %d)", id, cf->claim[i].line); free (id); free (line); goto out; }
              cf->claim = icc_xrealloc (cf->claim, sizeof *cf->claim * (size_t) (cf->nclaim + 1));
              cl = &cf->claim[cf->nclaim++];
              memset (cl, 0, sizeof *cl);
              cl->id = id; cl->line = P.line;
              md = NULL;
            }
          else
            {
              for (int i = 0; i < cf->nmodel; i++)
                if (!strcmp (cf->model[i]->name, id))
                  { perr (&P, at, "duplicate model \"%s\" (first at line %d)", id, cf->model[i]->line); free (id); free (line); goto out; }
              cf->model = icc_xrealloc (cf->model, sizeof *cf->model * (size_t) (cf->nmodel + 1));
              md = icc_xcalloc (1, sizeof *md);
              cf->model[cf->nmodel++] = md;
              md->name = id; md->line = P.line; md->kind = MD_TABLE;
              cl = NULL;
            }
          free (line);
          continue;
        }
      /* "key: value" inside a block */
      size_t keyat = P.pos;
      char *colon = strchr (line + P.pos, ':');
      if (!colon) { perr (&P, keyat, "expected \"key: value\""); free (line); goto out; }
      char *key = icc_xstrndup (line + keyat, (size_t) (colon - line) - keyat);
      while (strlen (key) && (key[strlen (key) - 1] == ' ' || key[strlen (key) - 1] == '\t')) key[strlen (key) - 1] = 0;
      P.pos = (size_t) (colon - line) + 1;
      ws (&P);
      const char *val = line + P.pos;
      int bad = 0;
      if (!cl && !md) { perr (&P, keyat, "a \"key: value\" line outside a block"); bad = 1; }
      else if (md) bad = parse_model_line (&P, md, key, keyat) != 0;
      else if (!strcmp (key, "check"))
        {
          ic_check *c = check_new ();
          if (parse_check (&P, c)) { check_free (c); bad = 1; }
          else
            {
              c->digits = claim_digits ? claim_digits : cf->digits;
              dg_line = 0;
              cl->check = icc_xrealloc (cl->check, sizeof *cl->check * (size_t) (cl->ncheck + 1));
              ic_check_entry *ce = &cl->check[cl->ncheck++];
              memset (ce, 0, sizeof *ce);
              ce->text = icc_xstrdup (val); ce->line = P.line; ce->c = c;
            }
        }
      else if (!strcmp (key, "statement") || !strcmp (key, "note"))
        {
          char **dst = key[0] == 's' ? &cl->statement : &cl->note;
          if (*dst) { char *t = icc_fmt ("%s %s", *dst, val); free (*dst); *dst = t; }
          else *dst = icc_xstrdup (val);
        }
      else if (!strcmp (key, "expect"))
        {
          if (strcmp (val, "proved") && strcmp (val, "refuted") && strcmp (val, "undecided"))
            { perr (&P, P.pos, "expect is proved, refuted or undecided"); bad = 1; }
          else { free (cl->expect); cl->expect = icc_xstrdup (val); }
        }
      else if (!strcmp (key, "digits"))
        {
          if (dg_line)
            { perr (&P, keyat, "\"digits:\" given again before a check: line (first at line %d)", dg_line); bad = 1; }
          else if (digits_value (&P, &claim_digits)) bad = 1;
          else { dg_line = P.line; dg_col = (int) keyat + 1; }
        }
      else if (!strcmp (key, "item"))
        {
          unsigned long v;
          if (uint_ (&P, &v, 1000) || at_end (&P)) bad = 1; else cl->item = (int) v;
        }
      else { perr (&P, keyat, "unknown key \"%s\" in a claim (statement, item, expect, note, digits, check)", key); bad = 1; }
      free (key);
      free (line);
      if (bad) goto out;
    }
  if (dg_line) { DIGITS_UNUSED (); goto out; }
#undef DIGITS_UNUSED
  /* resolve model references; every claim needs a check */
  for (int i = 0; i < cf->nclaim; i++)
    {
      ic_claim *c = &cf->claim[i];
      if (!c->ncheck)
        { snprintf (err, errlen, "%s:%d:1: claim \"%s\" has no check: line", name, c->line, c->id); goto out; }
      if (!c->statement) c->statement = icc_xstrdup ("");
      for (int j = 0; j < c->ncheck; j++)
        {
          ic_check *k = c->check[j].c;
          if (!k->mname) continue;
          for (int m = 0; m < cf->nmodel; m++) if (!strcmp (cf->model[m]->name, k->mname)) k->model = m;
          if (k->model < 0)
            { snprintf (err, errlen, "%s:%d:%d: no model named \"%s\" in this file", name, c->check[j].line, k->mcol, k->mname); goto out; }
          int mk = cf->model[k->model]->kind;
          if (mk == MD_COUNTER && k->kind != CK_MARKOV)
            { snprintf (err, errlen, "%s:%d:%d: a counter model supports only markov(...) checks", name, c->check[j].line, k->mcol); goto out; }
        }
    }
  for (int m = 0; m < cf->nmodel; m++)
    {
      ic_model_def *d = cf->model[m];
      if (d->kind == MD_TABLE && (!d->t.ntok || !d->t.nctx))
        { snprintf (err, errlen, "%s:%d:1: model \"%s\" needs tokens: and a start: distribution (or arpa:, or counter:)", name, d->line, d->name); goto out; }
      if (d->kind == MD_TABLE)
        {
          int has_start = 0;
          for (int c = 0; c < d->t.nctx; c++) if (!d->t.ctxlen[c]) has_start = 1;
          if (!has_start)
            { snprintf (err, errlen, "%s:%d:1: model \"%s\" has no start: distribution", name, d->line, d->name); goto out; }
        }
    }
  rc = 0;
out:
  if (rc) ic_claims_clear (cf);
  return rc;
}

int ic_claims_read (ic_claimfile *cf, const char *path, char *err, size_t errlen)
{
  memset (cf, 0, sizeof *cf);
  FILE *fp = fopen (path, "rb");
  if (!fp) { snprintf (err, errlen, "%s: %s", path, strerror (errno)); return -1; }
  /* a folder opens for reading on Linux and reads as nothing: refuse it
   * by name (not "no claims") */
  struct stat st;
  memset (&st, 0, sizeof st);
  if (fstat (fileno (fp), &st) == 0 && S_ISDIR (st.st_mode))
    { snprintf (err, errlen, "%s: is a directory, not a claim file", path); fclose (fp); return -1; }
  ic_buf b; ic_buf_init (&b);
  char chunk[8192]; size_t n;
  /* stop reading past the size limit (an endless device, a huge file) */
  while (b.len <= IC_CLAIMS_MAX_BYTES && (n = fread (chunk, 1, sizeof chunk, fp)) > 0) ic_buf_putn (&b, chunk, n);
  int rerr = ferror (fp) ? errno : 0;
  fclose (fp);
  if (rerr) { snprintf (err, errlen, "%s: %s", path, strerror (rerr)); ic_buf_free (&b); return -1; }
  if (b.len > IC_CLAIMS_MAX_BYTES)
    {
      if (S_ISREG (st.st_mode) && (size_t) st.st_size > b.len) b.len = (size_t) st.st_size;
      snprintf (err, errlen, "%s: file too large: %zu bytes (limit %d bytes)", path, b.len, IC_CLAIMS_MAX_BYTES);
      ic_buf_free (&b); memset (cf, 0, sizeof *cf); return -2;
    }
  if (b.failed) { snprintf (err, errlen, "%s: out of memory", path); ic_buf_free (&b); return -3; }
  if (strlen (b.s) != b.len)
    { snprintf (err, errlen, "%s:1:1: NUL byte in the file", path); ic_buf_free (&b); memset (cf, 0, sizeof *cf); return -1; }
  char *dir = strdup (path);
  if (!dir) { snprintf (err, errlen, "%s: out of memory", path); ic_buf_free (&b); return -3; }
  char *slash = strrchr (dir, '/');
  if (slash == dir) dir[1] = 0;              /* "/x.claims": the root folder */
  else if (slash) *slash = 0;
  else strcpy (dir, ".");
  int rc = ic_claims_parse (cf, b.s, path, dir, err, errlen);
  free (dir);
  ic_buf_free (&b);
  return rc;
}
