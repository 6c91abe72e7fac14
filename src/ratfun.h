/* ratfun.h — exact rational functions of n: P(n)/Q(n) with rational
 * coefficients.  Terms built from n, rationals, + - * / and small integer
 * powers are normalised exactly, so cancellations (p(n) - 1 for a product
 * factor (n^2-1)/n^2, or (1+1/n)^2/(1+2/n) - 1) are exact. */
#ifndef IC_RATFUN_H
#define IC_RATFUN_H
#include "term.h"

#define IC_RATFUN_MAX_DEG 64

typedef struct { int deg; mpq_t c[IC_RATFUN_MAX_DEG + 1]; } ic_poly;   /* deg -1: zero */
typedef struct { ic_poly p, q; } ic_ratfun;

void ic_ratfun_init (ic_ratfun *r);
void ic_ratfun_clear (ic_ratfun *r);
/* 1 if e is a rational function of n within the degree limit (r filled). */
int ic_ratfun_of (ic_ratfun *r, const ic_node *e);
/* r = r - 1 */
void ic_ratfun_sub_one (ic_ratfun *r);

#endif
