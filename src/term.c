/* term.c — parser and expression-tree utilities (see term.h for grammar). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "term.h"
#include "buf.h"

/* ---- nodes ------------------------------------------------------------ */

static ic_node *alloc_node (ic_op op, int col)
{
  ic_node *e = calloc (1, sizeof *e);
  /* nodes are a few dozen bytes, each with a GMP number that GMP itself
   * would abort on failing to allocate (its documented behaviour): the
   * same here, never exit() (see infcert.h, "Errors") */
  if (!e) abort ();
  e->op = op;
  e->col = col;
  mpq_init (e->q);
  return e;
}

ic_node *ic_node_new (ic_op op, ic_node *a, ic_node *b)
{
  ic_node *e = alloc_node (op, a ? a->col : 0);
  e->a = a;
  e->b = b;
  return e;
}

ic_node *ic_node_num_si (long v)
{
  ic_node *e = alloc_node (IC_NUM, 0);
  mpq_set_si (e->q, v, 1);
  return e;
}

ic_node *ic_node_num_q (const mpq_t q)
{
  ic_node *e = alloc_node (IC_NUM, 0);
  mpq_set (e->q, q);
  return e;
}

ic_node *ic_node_copy (const ic_node *e)
{
  if (!e) return NULL;
  ic_node *c = alloc_node (e->op, e->col);
  mpq_set (c->q, e->q);
  c->a = ic_node_copy (e->a);
  c->b = ic_node_copy (e->b);
  return c;
}

void ic_node_free (ic_node *e)
{
  /* Iterative on the deeper side would be needed only past the depth
   * limit, which the parser enforces. */
  if (!e) return;
  ic_node_free (e->a);
  ic_node_free (e->b);
  mpq_clear (e->q);
  free (e);
}

int ic_node_is_unary (ic_op op) { return op >= IC_NEG; }

const char *ic_op_name (ic_op op)
{
  static const char *const names[] = {
    "num", "n", "pi", "e", "+", "-", "*", "/", "^", "neg",
    "log", "exp", "sqrt", "sin", "cos", "atan", "abs", "factorial" };
  return names[op];
}

int ic_node_has_var (const ic_node *e)
{
  if (!e) return 0;
  if (e->op == IC_VAR) return 1;
  return ic_node_has_var (e->a) || ic_node_has_var (e->b);
}

int ic_node_is_num (const ic_node *e, long v)
{
  return e && e->op == IC_NUM && mpq_cmp_si (e->q, v, 1) == 0;
}

size_t ic_node_count (const ic_node *e)
{
  return e ? 1 + ic_node_count (e->a) + ic_node_count (e->b) : 0;
}

/* (-1)^n, (-1)^(n+k), (-1)^(n-k), (-1)^(k+n) with k an integer literal. */
int ic_node_is_alt_sign (const ic_node *e, int *parity)
{
  if (!e || e->op != IC_POW) return 0;
  const ic_node *b = e->a, *x = e->b;
  int neg_one = ic_node_is_num (b, -1)
    || (b->op == IC_NEG && ic_node_is_num (b->a, 1));
  if (!neg_one) return 0;
  if (x->op == IC_VAR) { *parity = 0; return 1; }
  if ((x->op == IC_ADD || x->op == IC_SUB) && x->a->op == IC_VAR
      && x->b->op == IC_NUM && mpz_cmp_ui (mpq_denref (x->b->q), 1) == 0)
    { *parity = mpz_odd_p (mpq_numref (x->b->q)) ? 1 : 0; return 1; }
  if (x->op == IC_ADD && x->b->op == IC_VAR
      && x->a->op == IC_NUM && mpz_cmp_ui (mpq_denref (x->a->q), 1) == 0)
    { *parity = mpz_odd_p (mpq_numref (x->a->q)) ? 1 : 0; return 1; }
  return 0;
}

int ic_node_is_smooth (const ic_node *e)
{
  if (!e) return 1;
  if (e->op == IC_FACT && ic_node_has_var (e->a)) return 0;
  if (e->op == IC_ABS && ic_node_has_var (e->a)) return 0;
  if (e->op == IC_POW && ic_node_has_var (e->b))
    {
      /* a^g(n) is smooth in n only for a certainly positive constant base */
      if (ic_node_has_var (e->a)) return ic_node_is_smooth (e->a) && ic_node_is_smooth (e->b);
      if (e->a->op == IC_NUM && mpq_sgn (e->a->q) > 0) return ic_node_is_smooth (e->b);
      if (e->a->op == IC_PI || e->a->op == IC_E) return ic_node_is_smooth (e->b);
      return 0;
    }
  return ic_node_is_smooth (e->a) && ic_node_is_smooth (e->b);
}

/* ---- parser ----------------------------------------------------------- */

typedef struct {
  const char *s;
  size_t pos;
  int depth;
  ic_error *err;
} parser;

static ic_node *parse_expr (parser *p);

static void skip_ws (parser *p) { while (p->s[p->pos] == ' ' || p->s[p->pos] == '\t') p->pos++; }

static ic_node *fail (parser *p, size_t pos, const char *fmt, const char *arg)
{
  if (p->err->code == IC_OK)
    {
      p->err->code = IC_EPARSE;
      p->err->column = (int) pos + 1;
      snprintf (p->err->msg, sizeof p->err->msg, fmt, arg);
    }
  return NULL;
}

static const char *tok_desc (parser *p, size_t pos, char *tmp, size_t n)
{
  unsigned char c = (unsigned char) p->s[pos];
  if (!c) return "end of term";
  if (isalpha (c))
    {
      /* a whole name: "unexpected 'log'", not "unexpected 'l'" */
      int len = 0;
      while (len < 20 && (isalnum ((unsigned char) p->s[pos + len]) || p->s[pos + len] == '_')) len++;
      snprintf (tmp, n, "'%.*s'", len, p->s + pos);
    }
  else if (isprint (c)) snprintf (tmp, n, "'%c'", c);
  else snprintf (tmp, n, "byte 0x%02x", c);
  return tmp;
}

/* ---- hints in parse errors -------------------------------------------
 * A message may end with one hint in parentheses, " (HINT)", where HINT
 * opens with one of hint_openings; ic_term_error_hint finds it (the CLI's
 * JSON reports it apart from the message). */

static const char *const hint_openings[] = {
  "did you mean ", "use ^ for powers", "write ", "the variable is n",
};

const char *ic_term_error_hint (const char *msg)
{
  size_t len = strlen (msg);
  if (len < 4 || msg[len - 1] != ')') return NULL;
  for (const char *q = strstr (msg, " ("); q; q = strstr (q + 1, " ("))
    for (size_t i = 0; i < sizeof hint_openings / sizeof hint_openings[0]; i++)
      if (!strncmp (q + 2, hint_openings[i], strlen (hint_openings[i])))
        return q + 2;
  return NULL;
}

/* "write '*' between factors" applies when the unexpected token at pos
 * opens an operand (a name, a number, '(') right after one ended (a name,
 * a number, ')'): 2n, n log n, n(n+1), (n+1)(n+2). */
static int is_juxtaposed (parser *p, size_t pos)
{
  unsigned char c = (unsigned char) p->s[pos];
  if (!(isalnum (c) || c == '(')) return 0;
  size_t i = pos;
  while (i > 0 && (p->s[i - 1] == ' ' || p->s[i - 1] == '\t')) i--;
  if (i == 0) return 0;
  unsigned char b = (unsigned char) p->s[i - 1];
  return isalnum (b) || b == ')' || b == '.' || b == '_';
}

/* "unexpected TOKEN" at pos, with the hint that fits */
static ic_node *fail_unexpected (parser *p, size_t pos, const char *what)
{
  char tmp[32], msg[96];
  if (p->s[pos] == '*' && p->s[pos + 1] == '*')
    return fail (p, pos, "unexpected '**' (use ^ for powers: n^2, not n**2)", NULL);
  if (p->s[pos] == '!')
    return fail (p, pos, "unexpected '!' (write factorial(n) for n!)", NULL);
  snprintf (msg, sizeof msg, "%s %s%s", what, tok_desc (p, pos, tmp, sizeof tmp),
            is_juxtaposed (p, pos) ? " (write '*' between factors)" : "");
  return fail (p, pos, "%s", msg);
}

/* The known name an unknown one was probably meant to be, or NULL:
 * usual other spellings (ln, arctan, fact, sqr), then names that differ by
 * case or by one edit (two for names of 7 letters or more), then a known
 * function followed by more letters (sine, cosine).  Short names get no
 * edit-distance guess: 'tan' is not a misspelt 'atan'. */
static const char *name_suggestion (const char *name)
{
  static const char *const known[] = {
    "log", "exp", "sqrt", "sin", "cos", "atan", "abs", "factorial", "pi", "e", "n" };
  static const struct { const char *alias, *name; } aliases[] = {
    { "ln", "log" }, { "arctan", "atan" }, { "atn", "atan" }, { "fact", "factorial" },
    { "fac", "factorial" }, { "sqr", "sqrt" }, { "fabs", "abs" },
  };
  size_t len = strlen (name);
  for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
    if (!strcmp (name, aliases[i].alias)) return aliases[i].name;
  const char *best = NULL;
  int best_d = len >= 7 ? 3 : len >= 4 ? 2 : 1;
  for (size_t i = 0; i < sizeof known / sizeof known[0]; i++)
    {
      int d = ic_str_distance (name, known[i], 1);
      if (d == 0) return known[i];                  /* differs in case only */
      if (d < best_d && strlen (known[i]) >= 3) { best = known[i]; best_d = d; }
    }
  if (best) return best;
  for (size_t i = 0; i < 8; i++)                    /* functions: sine, cosine */
    if (len > strlen (known[i]) && !strncmp (name, known[i], strlen (known[i])))
      return known[i];
  return NULL;
}

/* number := digits ['.' digits] [('e'|'E') ['+'|'-'] digits] | '.' digits */
static ic_node *parse_number (parser *p)
{
  size_t start = p->pos, i = p->pos;
  const char *s = p->s;
  mpz_t m;
  long frac = 0, ex = 0;
  mpz_init (m);
  while (isdigit ((unsigned char) s[i])) i++;
  size_t int_end = i;
  if (s[i] == '.')
    {
      i++;
      size_t fs = i;
      while (isdigit ((unsigned char) s[i])) i++;
      frac = (long) (i - fs);
      if (i == fs && int_end == start) { mpz_clear (m); return fail (p, start, "malformed number", NULL); }
    }
  size_t mant_end = i;
  if ((s[i] == 'e' || s[i] == 'E')
      && (isdigit ((unsigned char) s[i + 1])
          || ((s[i + 1] == '-' || s[i + 1] == '+') && isdigit ((unsigned char) s[i + 2]))))
    {
      size_t es = i;
      i++;
      int neg = 0;
      if (s[i] == '-' || s[i] == '+') { neg = s[i] == '-'; i++; }
      while (isdigit ((unsigned char) s[i]))
        {
          if (ex > IC_LITERAL_MAX_EXP) { mpz_clear (m); return fail (p, es, "exponent of literal too large (limit |e| <= 10000)", NULL); }
          ex = ex * 10 + (s[i] - '0');
          i++;
        }
      if (ex > IC_LITERAL_MAX_EXP) { mpz_clear (m); return fail (p, es, "exponent of literal too large (limit |e| <= 10000)", NULL); }
      if (neg) ex = -ex;
    }
  /* mantissa digits without the point */
  char *digits = malloc (mant_end - start + 1);
  size_t k = 0;
  for (size_t j = start; j < mant_end; j++) if (s[j] != '.') digits[k++] = s[j];
  digits[k] = 0;
  mpz_set_str (m, k ? digits : "0", 10);
  free (digits);
  ic_node *e = alloc_node (IC_NUM, (int) start + 1);
  long e10 = ex - frac;
  mpz_t pw;
  mpz_init (pw);
  mpz_ui_pow_ui (pw, 10, (unsigned long) (e10 < 0 ? -e10 : e10));
  if (e10 >= 0) { mpz_mul (m, m, pw); mpq_set_z (e->q, m); }
  else { mpq_set_num (e->q, m); mpq_set_den (e->q, pw); mpq_canonicalize (e->q); }
  mpz_clear (pw);
  mpz_clear (m);
  p->pos = i;
  return e;
}

static const struct { const char *name; ic_op op; } funcs[] = {
  { "log", IC_LOG }, { "exp", IC_EXP }, { "sqrt", IC_SQRT }, { "sin", IC_SIN },
  { "cos", IC_COS }, { "atan", IC_ATAN }, { "abs", IC_ABS }, { "factorial", IC_FACT },
};

static ic_node *parse_unary (parser *p);

static ic_node *parse_atom (parser *p)
{
  skip_ws (p);
  size_t start = p->pos;
  char c = p->s[p->pos];
  if (isdigit ((unsigned char) c) || (c == '.' && isdigit ((unsigned char) p->s[p->pos + 1])))
    return parse_number (p);
  if (c == '(')
    {
      p->pos++;
      ic_node *e = parse_expr (p);
      if (!e) return NULL;
      skip_ws (p);
      if (p->s[p->pos] != ')')
        {
          ic_node_free (e);
          return fail_unexpected (p, p->pos, "expected ')' but found");
        }
      p->pos++;
      return e;
    }
  if (isalpha ((unsigned char) c))
    {
      size_t i = p->pos;
      while (isalnum ((unsigned char) p->s[i]) || p->s[i] == '_') i++;
      size_t len = i - p->pos;
      char name[32];
      if (len >= sizeof name) len = sizeof name - 1;
      memcpy (name, p->s + p->pos, len);
      name[len] = 0;
      if (i - p->pos < sizeof name - 1)
        {
          if (!strcmp (name, "n")) { p->pos = i; return alloc_node (IC_VAR, (int) start + 1); }
          if (!strcmp (name, "pi")) { p->pos = i; return alloc_node (IC_PI, (int) start + 1); }
          if (!strcmp (name, "e")) { p->pos = i; return alloc_node (IC_E, (int) start + 1); }
          for (size_t f = 0; f < sizeof funcs / sizeof funcs[0]; f++)
            if (!strcmp (name, funcs[f].name))
              {
                p->pos = i;
                skip_ws (p);
                if (p->s[p->pos] != '(')
                  return fail (p, p->pos, "expected '(' after function name %s", funcs[f].name);
                p->pos++;
                ic_node *a = parse_expr (p);
                if (!a) return NULL;
                skip_ws (p);
                if (p->s[p->pos] != ')')
                  {
                    ic_node_free (a);
                    return fail_unexpected (p, p->pos, "expected ')' but found");
                  }
                p->pos++;
                ic_node *e = alloc_node (funcs[f].op, (int) start + 1);
                e->a = a;
                return e;
              }
        }
      /* functions that are not built in but have a short rewrite */
      static const struct { const char *name, *how; } rewrites[] = {
        { "sinh", "(exp(x)-exp(-x))/2 for sinh(x)" }, { "cosh", "(exp(x)+exp(-x))/2 for cosh(x)" },
        { "tanh", "(exp(2*x)-1)/(exp(2*x)+1) for tanh(x)" }, { "tan", "sin(x)/cos(x) for tan(x)" },
        { "log10", "log(x)/log(10) for log10(x)" }, { "log2", "log(x)/log(2) for log2(x)" },
        { "gamma", "factorial(n-1) for gamma(n) at integers" },
      };
      for (size_t r = 0; r < sizeof rewrites / sizeof rewrites[0]; r++)
        if (!strcmp (name, rewrites[r].name))
          {
            char msg[128];
            snprintf (msg, sizeof msg, "unknown name '%s' (write %s)", name, rewrites[r].how);
            return fail (p, start, "%s", msg);
          }
      const char *guess = i - p->pos < sizeof name - 1 ? name_suggestion (name) : NULL;
      if (guess)
        {
          char msg[96];
          snprintf (msg, sizeof msg, "unknown name '%s' (did you mean '%s'?)", name, guess);
          return fail (p, start, "%s", msg);
        }
      return fail (p, start, "unknown name '%s' (the variable is n; functions: log exp sqrt sin cos atan abs factorial; constants: pi e)", name);
    }
  if (!c) return fail (p, start, "unexpected end of term", NULL);
  return fail_unexpected (p, start, "unexpected");
}

static int enter (parser *p)
{
  if (++p->depth > IC_TERM_MAX_DEPTH)
    {
      fail (p, p->pos, "term nested too deeply (limit %s levels; each operator of a chain a + b + ... counts as one)", "2000");
      return 0;
    }
  return 1;
}

static ic_node *parse_power (parser *p)
{
  if (!enter (p)) return NULL;
  ic_node *base = parse_atom (p);
  if (!base) { p->depth--; return NULL; }
  skip_ws (p);
  if (p->s[p->pos] == '^')
    {
      int col = (int) p->pos + 1;
      p->pos++;
      ic_node *ex = parse_unary (p);
      if (!ex) { ic_node_free (base); p->depth--; return NULL; }
      ic_node *e = alloc_node (IC_POW, col);
      e->a = base; e->b = ex;
      base = e;
    }
  p->depth--;
  return base;
}

static ic_node *parse_unary (parser *p)
{
  skip_ws (p);
  char c = p->s[p->pos];
  if (c == '-' || c == '+')
    {
      if (!enter (p)) return NULL;
      int col = (int) p->pos + 1;
      p->pos++;
      ic_node *a = parse_unary (p);
      p->depth--;
      if (!a) return NULL;
      if (c == '+') return a;
      if (a->op == IC_NUM) { mpq_neg (a->q, a->q); a->col = col; return a; }
      ic_node *e = alloc_node (IC_NEG, col);
      e->a = a;
      return e;
    }
  return parse_power (p);
}

/* A chain a1 op a2 op ... op ak builds a left-deep tree of height k, so
 * every link counts as one nesting level (the tree's height, not only the
 * parser's recursion, stays within IC_TERM_MAX_DEPTH: the recursive tree
 * walks in eval/asym/free rely on it; tests/regress/certify/chain-*).
 * Left-associative binary levels: level 1 is + -, level 2 is * /. */
static ic_node *parse_level (parser *p, int level)
{
  const char *ops = level == 1 ? "+-" : "*/";
  if (level == 1 && !enter (p)) return NULL;
  ic_node *l = level == 1 ? parse_level (p, 2) : parse_unary (p);
  int links = 0;                    /* each link is a level (see above) */
  for (;;)
    {
      if (!l) break;
      skip_ws (p);
      char c = p->s[p->pos];
      if (!c || (c != ops[0] && c != ops[1])) break;
      int col = (int) p->pos + 1;
      if (c == '*' && p->s[p->pos + 1] == '*')
        { ic_node_free (l); l = fail_unexpected (p, p->pos, "unexpected"); break; }
      if (!enter (p)) { ic_node_free (l); l = NULL; break; }
      links++;
      p->pos++;
      ic_node *r = level == 1 ? parse_level (p, 2) : parse_unary (p);
      if (!r) { ic_node_free (l); l = NULL; break; }
      ic_op op = c == '+' ? IC_ADD : c == '-' ? IC_SUB : c == '*' ? IC_MUL : IC_DIV;
      ic_node *e = alloc_node (op, col);
      e->a = l; e->b = r;
      l = e;
    }
  p->depth -= links + (level == 1);
  return l;
}

static ic_node *parse_expr (parser *p) { return parse_level (p, 1); }

ic_node *ic_term_parse (const char *src, ic_error *err)
{
  ic_error dummy;
  if (!err) err = &dummy;
  memset (err, 0, sizeof *err);
  size_t len = strlen (src);
  if (len > IC_TERM_MAX_LEN)
    {
      err->code = IC_ELIMIT;
      snprintf (err->msg, sizeof err->msg, "term too long: %zu characters (limit %d)", len, IC_TERM_MAX_LEN);
      return NULL;
    }
  parser p = { src, 0, 0, err };
  skip_ws (&p);
  if (!src[p.pos]) { fail (&p, p.pos, "empty term", NULL); return NULL; }
  ic_node *e = parse_expr (&p);
  if (!e) return NULL;
  skip_ws (&p);
  if (src[p.pos])
    {
      ic_node_free (e);
      fail_unexpected (&p, p.pos, "unexpected");
      return NULL;
    }
  return e;
}

/* ---- printing --------------------------------------------------------- */

static int prec_of (const ic_node *e)
{
  switch (e->op)
    {
    case IC_ADD: case IC_SUB: return 1;
    case IC_MUL: case IC_DIV: return 2;
    case IC_NEG: return 3;
    case IC_POW: return 4;
    /* a fraction p/q prints as a division (also when negative: x/(-1/2),
     * not x/-1/2, which reads back as (x/-1)/2); a negative integer as a
     * unary minus */
    case IC_NUM: return mpz_cmp_ui (mpq_denref (e->q), 1) ? 2 : (mpq_sgn (e->q) < 0 ? 3 : 5);
    default: return 5;
    }
}

static void print_node (ic_buf *b, const ic_node *e, int min_prec)
{
  int pr = prec_of (e);
  int paren = pr < min_prec;
  if (paren) ic_buf_puts (b, "(");
  switch (e->op)
    {
    case IC_NUM:
      {
        char *s = mpq_get_str (NULL, 10, e->q);
        ic_buf_puts (b, s);
        free (s);
        break;
      }
    case IC_VAR: ic_buf_puts (b, "n"); break;
    case IC_PI: ic_buf_puts (b, "pi"); break;
    case IC_E: ic_buf_puts (b, "e"); break;
    case IC_ADD: case IC_SUB: case IC_MUL: case IC_DIV:
      print_node (b, e->a, pr);
      ic_buf_puts (b, e->op == IC_ADD ? " + " : e->op == IC_SUB ? " - " : e->op == IC_MUL ? "*" : "/");
      print_node (b, e->b, pr + 1);
      break;
    case IC_POW:
      print_node (b, e->a, 5);
      ic_buf_puts (b, "^");
      print_node (b, e->b, 4);
      break;
    case IC_NEG:
      ic_buf_puts (b, "-");
      print_node (b, e->a, 4);
      break;
    default:
      ic_buf_puts (b, ic_op_name (e->op));
      ic_buf_puts (b, "(");
      print_node (b, e->a, 0);
      ic_buf_puts (b, ")");
    }
  if (paren) ic_buf_puts (b, ")");
}

char *ic_term_to_string (const ic_node *e)
{
  ic_buf b;
  ic_buf_init (&b);
  print_node (&b, e, 0);
  return ic_buf_take (&b);
}
