/* symb.h — small symbolic manipulations of terms: derivative, sum
 * normalisation, sign-factor extraction.  These only reshape the tree
 * (exact identities); no bound is produced here. */
#ifndef IC_SYMB_H
#define IC_SYMB_H
#include "term.h"

int ic_node_equal (const ic_node *a, const ic_node *b);
/* d/dn of e as a real function, or NULL if e is not differentiable in
 * closed form (factorial, abs, (-1)^n). */
ic_node *ic_symb_deriv (const ic_node *e);
/* e - 1 with sums flattened, constants merged, equal summands cancelled. */
ic_node *ic_symb_minus_one (const ic_node *e);
/* Collects like summands of a sum e (consumed): c1*x + c2*x -> (c1+c2)*x
 * for rational c1, c2 and structurally equal x, constants merged; a group
 * whose coefficients cancel is left as written (x may be undefined at
 * some n).  Returns e unchanged when nothing merges. */
ic_node *ic_symb_collect (ic_node *e);
/* A new tree equal to e as a function of n wherever e is defined (and
 * defined exactly there): sin(x)^k, cos(x)^k (integer 2 <= k <= 16) as
 * sums of multiple angles (sin(x)^2 -> 1/2 - cos(2x)/2, sin(x)^3 ->
 * 3 sin(x)/4 - sin(3x)/4), then * and / distributed over the sums at the
 * top (so that sin(n)^2/n = 1/(2n) - cos(2n)/(2n) splits).  NULL when e
 * has no such power. */
ic_node *ic_symb_expand_trig (const ic_node *e);
/* The same for a term with an oscillating factor (sin or cos of an
 * argument depending on n, or (-1)^(n+k)), also when it has no power:
 * products distributed over sums ((-1)^n (2 + sin(n))/n -> 2(-1)^n/n +
 * (-1)^n sin(n)/n) and products of two sines or cosines turned into sums
 * (sin a cos b = (sin(a+b) + sin(a-b))/2, ...), a few rounds.  NULL when
 * e has no oscillating factor or nothing changed. */
ic_node *ic_symb_expand_osc (const ic_node *e);
/* When e contains (-1)^(n+k) (anywhere, possibly inside denominators),
 * the tree alpha + (-1)^n beta with alpha = (A(+1) + A(-1))/2 and beta =
 * (A(+1) - A(-1))/2, where A(s) is e with each (-1)^(n+k) replaced by
 * s (-1)^k: equal to e at every n where both A(+1) and A(-1) are defined
 * (s^2 = 1, and (-1)^n = s for the n of its parity).  NULL when e has no
 * (-1)^(n+k). */
ic_node *ic_symb_alt_split (const ic_node *e);
/* Flattens sums in e (consumed), merges constants, cancels equal terms. */
ic_node *ic_symb_simplify (ic_node *e);
/* If e = +-(-1)^(n+k) * h(n) (through *, /, unary -), returns 1 with *h a
 * new tree without the sign factor and *parity the total k mod 2 (the sign
 * factor is (-1)^(n + parity)). */
int ic_symb_strip_alt (const ic_node *e, ic_node **h, int *parity);
/* e (consumed) with the sign factors (-1)^(n+k) of its multiplicative
 * spine (*, /, unary -) merged into one (-1)^n and a sign, or into a sign
 * alone when their number is even: (-1)^n (-1)^n h -> h, (-1)^(n+1)
 * (-1)^n h -> -h.  Equal to e at every n (both are defined where e is:
 * a sign factor is defined everywhere).  e itself when fewer than two. */
ic_node *ic_symb_merge_alt (ic_node *e);
/* 1 if e = s*n + t exactly with rationals s, t (sets them). */
int ic_symb_affine (const ic_node *e, mpq_t s, mpq_t t);

/* 1 if e = (s + spi pi) n + (t + tpi pi) exactly with rationals s, spi, t,
 * tpi (sets them): sums, differences, products with a constant that keep
 * away from pi^2, division by a nonzero rational. */
int ic_symb_affine_pi (const ic_node *e, mpq_t s, mpq_t spi, mpq_t t, mpq_t tpi);

/* If every occurrence of n in e lies in an affine subterm s n + t (s != 0
 * rational) with one and the same exact rational c = t/s != 0 (written
 * n + c, c + n, n - c, (n + 2) - 1, 2 n + 1, ...), returns a new tree g
 * with e(n) = g(n + c) for every n (the subterm becomes s y) and sets c;
 * NULL (c = 0) otherwise. */
ic_node *ic_symb_unshift (const ic_node *e, mpq_t c);
/* A new tree e(s n + t): n replaced by s*n + t. */
ic_node *ic_symb_subst_affine (const ic_node *e, long s, long t);

/* When n appears under roots (sqrt(n + 1), n^(3/2), (n+1)^(-1/3)): k = the
 * lcm of their orders (at most 12) and a new tree g with g(m) = e(m^k) for
 * every real m > 0 (each n replaced by n^k), so that a Taylor model of g in
 * 1/m sees integer powers only.  NULL (k = 1) when there is no such root or
 * the lcm passes 12. */
ic_node *ic_symb_subst_root_power (const ic_node *e, unsigned long *k);

/* If e, with abs pushed through *, / and unary - (|A B| = |A| |B|) and
 * dropped around subterms nonnegative at n >= 1 (|n| = n, |sqrt(x)| =
 * sqrt(x); so the identities below hold for n >= 1), has in its
 * multiplicative spine (*, numerator of /, -) a factor |T|, |T|^p (a
 * constant rational 0 < p <= 16) or sqrt(|T|), T = sin(x) or cos(x) with x
 * depending on n: returns b = that tree with the factor replaced by T^k, k
 * = 2 ceil(p/2) the even integer >= p, and *h = the tree with it replaced
 * by 1, so that e = |T|^p h and, as |T| <= 1, |T|^p >= T^k: e(n) >= b(n)
 * >= 0 wherever h(n) >= 0.  NULL (*h NULL) otherwise. */
ic_node *ic_symb_abs_trig_square (const ic_node *e, ic_node **h);

/* Constructors that fold trivial constants. */
ic_node *ic_mk_add (ic_node *a, ic_node *b);
ic_node *ic_mk_sub (ic_node *a, ic_node *b);
ic_node *ic_mk_mul (ic_node *a, ic_node *b);
ic_node *ic_mk_div (ic_node *a, ic_node *b);
ic_node *ic_mk_neg (ic_node *a);
ic_node *ic_mk_pow (ic_node *a, ic_node *b);
ic_node *ic_mk_fn (ic_op op, ic_node *a);

#endif
