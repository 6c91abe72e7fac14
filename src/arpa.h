/* arpa.h — reader for back-off n-gram models in the ARPA text format.
 *
 * Accepted (see docs/claims.md "ARPA models"):
 *   - any text before the line "\data\" (tools put comments there);
 *   - "ngram K=COUNT" lines for K = 1..N in order, N <= IC_ARPA_MAX_ORDER;
 *   - sections "\K-grams:" for K = 1..N in order, each with exactly COUNT
 *     entries "LOG10PROB W1 .. WK [LOG10BACKOFF]" (fields separated by
 *     spaces or tabs; the back-off only for K < N);
 *   - the closing line "\end\"; blank lines anywhere.
 * Numbers are decimal literals (sign, digits, '.', exponent) and are kept
 * EXACTLY as rationals: the model is the rational data of the file, and
 * every probability 10^x is later enclosed by outward-rounded intervals.
 * Rejected with file:line:col: a missing header or section, a count that
 * does not match, a malformed number, a positive log-probability (p > 1),
 * a word of a K-gram (K > 1) that is not a unigram, a duplicate n-gram, a
 * K-gram whose (K-1)-word context is not itself an n-gram of the model (the
 * back-off state construction relies on it), a back-off on the top order,
 * and input after "\end\".  A model of order 1 (unigrams only) is accepted.
 */
#ifndef IC_ARPA_H
#define IC_ARPA_H
#include <gmp.h>
#include <stddef.h>

#define IC_ARPA_MAX_ORDER 9

typedef struct {
  int k;                 /* order of this n-gram                         */
  int w[IC_ARPA_MAX_ORDER]; /* word indices (unigram index)              */
  mpq_t logp;            /* exact log10 probability                       */
  mpq_t logbo;           /* exact log10 back-off weight (0 if absent)     */
} ic_arpa_gram;

typedef struct {
  char *name;            /* the path used in messages                     */
  long section_line[IC_ARPA_MAX_ORDER + 1]; /* line of "\K-grams:"          */
  int order;             /* N                                             */
  long count[IC_ARPA_MAX_ORDER + 1];
  int nword;             /* = count[1]                                    */
  char **word;           /* unigram words, index = unigram index          */
  long ngram;            /* total entries                                 */
  ic_arpa_gram *g;       /* all entries, order by order                   */
  long hsize;            /* open-addressing hash over (k, w[0..k-1])      */
  long *htab;            /* index into g, or -1                           */
  unsigned long base_num, base_den; /* values are logarithms to the base
                            base_num/base_den; 0/0 means base 10 (ARPA);
                            Sphinx trie files (lmbin.h) store base 1.0001 */
} ic_arpa;

/* Reads an ARPA file.  Returns 0; -1 with a message "PATH:LINE:COL: ..."
 * in err (size errlen) for a malformed file; -2 with "PATH: REASON" when
 * the file cannot be opened or read (missing, no permission, a folder). */
int ic_arpa_read (ic_arpa *m, const char *path, char *err, size_t errlen);
/* Same from a string already in memory (name used in messages). */
int ic_arpa_parse (ic_arpa *m, const char *text, const char *name,
                   char *err, size_t errlen);
void ic_arpa_clear (ic_arpa *m);

/* For readers of other formats (lmbin.c) that filled word[0..nword-1] and
 * g[0..ngram-1] (order by order, values set): builds the n-gram hash and
 * applies the ARPA reader's checks on the entries -- no duplicate word, no
 * duplicate n-gram, every K-gram's (K-1)-word context an n-gram, no
 * log-probability > 0.  Returns 0; -1 with *bad = the offending entry
 * (-1 - i for word i) and a reason in why. */
int ic_arpa_index (ic_arpa *m, long *bad, char *why, size_t whylen);

/* Index of the entry for words w[0..k-1], or -1. */
long ic_arpa_find (const ic_arpa *m, int k, const int *w);
/* Unigram index of a word, or -1. */
int ic_arpa_word (const ic_arpa *m, const char *s);

/* Exact log P(w | h[0..hk-1]) (base 10, or base_num/base_den) by the
 * back-off rule
 *   P(w|h) = 10^logp(h w)                  if (h w) is an n-gram,
 *          = 10^logbo(h) * P(w | h[1..])   otherwise (logbo = 0 if h absent),
 * with P(w | empty) = 10^logp(w).  Sets out (exact rational). */
void ic_arpa_log10prob (mpq_t out, const ic_arpa *m, const int *h, int hk, int w);

#endif
