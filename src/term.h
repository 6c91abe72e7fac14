/* term.h — expression trees for terms a(n), and the parser.
 *
 * Grammar (precedence low to high; ^ is right-associative):
 *   expr  := mul (('+' | '-') mul)*
 *   mul   := unary (('*' | '/') unary)*
 *   unary := ('-' | '+') unary | power
 *   power := atom ('^' unary)?            -- so n^-1.001 and 2^-n parse
 *   atom  := number | 'n' | 'pi' | 'e' | func '(' expr ')' | '(' expr ')'
 *   func  := log exp sqrt sin cos atan abs factorial
 * Numbers are exact rationals: 1.001 = 1001/1000, 1e-3 = 1/1000.
 */
#ifndef IC_TERM_H
#define IC_TERM_H
#include "infcert.h"

#include "termop.h"            /* ic_op: the operations */

struct ic_node {
  ic_op op;
  int col;              /* 1-based column of the operator/atom in source */
  mpq_t q;              /* IC_NUM: the exact value                      */
  struct ic_node *a, *b;/* operands (a only for unary ops and functions) */
};

/* Limits that keep hostile input bounded (see README "Limits"). */
#define IC_TERM_MAX_LEN     100000   /* characters in a term            */
#define IC_TERM_MAX_DEPTH   2000     /* nesting depth                   */
#define IC_LITERAL_MAX_EXP  10000    /* |e| in a literal like 1e-5      */

/* Parse errors may end with one hint, " (HINT)": "did you mean 'sin'?",
 * "use ^ for powers: ...", "write '*' between factors", "the variable is
 * n; ...".  Returns a pointer to HINT inside msg (it runs to the closing
 * ')', the last character), or NULL when msg has no hint. */
const char *ic_term_error_hint (const char *msg);

ic_node *ic_node_num_si (long v);
ic_node *ic_node_num_q (const mpq_t q);
ic_node *ic_node_new (ic_op op, ic_node *a, ic_node *b);
ic_node *ic_node_copy (const ic_node *e);
int ic_node_is_unary (ic_op op);
const char *ic_op_name (ic_op op);      /* "log", "+", ... */

/* Structural facts. */
int ic_node_has_var (const ic_node *e);           /* depends on n            */
int ic_node_is_num (const ic_node *e, long v);    /* exact literal v         */
/* 1 if e is (-1)^(n + k) or (-1)^n (k integer literal); sets *parity = k mod 2 */
int ic_node_is_alt_sign (const ic_node *e, int *parity);
/* 1 if e can be evaluated at real x (no factorial, no (-1)^(...n...)). */
int ic_node_is_smooth (const ic_node *e);
size_t ic_node_count (const ic_node *e);

#endif
