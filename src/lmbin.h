/* lmbin.h — reader for Sphinx binary trie language models (".lm.bin", as
 * written by sphinxbase's ngram_model_trie / sphinx_lm_convert).
 *
 * The layout (little-endian; see docs/claims.md "Sphinx binary models"):
 *   "Trie Language Model" (19 bytes, no NUL), order N (1 byte),
 *   N counts (uint32: unigrams, bigrams, ...);
 *   if N > 1: a uint32 (unused), then the quantisation tables, float32
 *     65536 each: for K = 2..N-1 a probability and a back-off table, then
 *     the probability table of order N;
 *   count[1] + 1 unigram records {float32 prob, float32 backoff, uint32
 *     first child} (the last one only closes the range of the one before);
 *   if N > 1: for K = 2..N a bit-packed array of count[K] + 1 entries (the
 *     last a sentinel) padded to a byte and then 8 more bytes; an entry is
 *     word (bits to hold count[1]), for K < N a 16-bit back-off index, a
 *     16-bit probability index and the first child (bits to hold
 *     count[K+1]); for K = N the word and a 16-bit probability index;
 *   int32 L and L bytes: the count[1] words, each ending in NUL.
 * The trie is keyed from the last word backwards: the children of the
 * unigram w are the bigrams "v w", the children of "v w" the trigrams
 * "u v w".  Values are logarithms to the base 1.0001 (the -logbase that
 * sphinx_lm_convert and pocketsphinx use; the file does not record it):
 * P = 1.0001^x.  The model is filled with the stored float32 values
 * EXACTLY (quantised ones as their table entry), base_num/base_den =
 * 10001/10000, and then checked like an ARPA file (ic_arpa_index).
 * Entries that no context's child range reaches are left out and count[K]
 * says how many were linked (en-us.lm.bin: 2051541 of 2051547 bigrams).
 */
#ifndef IC_LMBIN_H
#define IC_LMBIN_H
#include <stddef.h>
#include "arpa.h"

#define IC_LMBIN_MAGIC "Trie Language Model"

/* Reads a Sphinx trie file into m (the structure the ARPA reader fills).
 * Returns 0; -1 with "PATH: byte OFFSET: REASON" for a malformed file;
 * -2 with "PATH: REASON" when the file cannot be opened or read. */
int ic_lmbin_read (ic_arpa *m, const char *path, char *err, size_t errlen);

/* The same from the file's bytes in memory (name used in messages):
 * 0, or -1 with "NAME: byte OFFSET: REASON". */
int ic_lmbin_parse (ic_arpa *m, const unsigned char *buf, size_t len, const char *name,
                    char *err, size_t errlen);

/* 1 when path ends in ".lm.bin" or the file starts with the magic. */
int ic_lmbin_is_lmbin (const char *path);

#endif
