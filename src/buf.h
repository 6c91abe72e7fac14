/* buf.h — growable strings and JSON string escaping (used by every writer). */
#ifndef IC_BUF_H
#define IC_BUF_H
#include <stddef.h>
#include <stdarg.h>

/* s is always a valid string.  When memory runs out the buffer stops
 * growing (failed = 1, the text so far kept) and ic_oom_note's flag is set;
 * ic_buf_take then hands over the truncated text (NULL only when no memory
 * was ever obtained). */
typedef struct { char *s; size_t len, cap; int failed; } ic_buf;

/* The calling thread's out-of-memory flag: set by a buffer (or any
 * allocation of the library that cannot fail loudly) that could not grow;
 * ic_oom_take returns it and clears it.  Entry points clear it on entry and
 * turn a set flag into an "out of memory" error. */
void ic_oom_note (void);
int ic_oom_take (void);

void ic_buf_init (ic_buf *b);
void ic_buf_free (ic_buf *b);
void ic_buf_puts (ic_buf *b, const char *s);
void ic_buf_putn (ic_buf *b, const char *s, size_t n);
void ic_buf_printf (ic_buf *b, const char *fmt, ...) __attribute__ ((format (printf, 2, 3)));
/* Appends s as a JSON string literal (quotes included). */
void ic_buf_json_str (ic_buf *b, const char *s);
/* Appends the inner error object {"kind", "message", "hint"?, "column"?,
 * "n"?} of the --json error documents (src/api.c); a parse error's hint,
 * written at the end of msg in parentheses, is split off when hint is
 * NULL or "". */
void ic_json_error_object (ic_buf *b, const char *kind, const char *msg, const char *hint, int column,
                           const char *n);
/* Appends s escaped for HTML text/attributes. */
void ic_buf_html (ic_buf *b, const char *s);
/* Takes the string out (caller frees); b is reset to empty. */
char *ic_buf_take (ic_buf *b);
/* snprintf into a fixed buffer that may be absent (buf NULL or len 0:
 * nothing written): the methods' optional "detail" texts. */
void ic_say (char *buf, size_t len, const char *fmt, ...) __attribute__ ((format (printf, 3, 4)));

/* Optimal string alignment distance (substitutions, insertions, deletions,
 * adjacent swaps) of two short strings, for "did you mean" hints: 99 when
 * either is longer than 31 characters.  fold_case: a substitution of a
 * letter by the same letter in the other case costs nothing. */
int ic_str_distance (const char *a, const char *b, int fold_case);

/* Writes data to path atomically (temp file in the same folder + rename).
 * Returns 0 on success, -1 with errno set otherwise (no partial file). */
int ic_write_file_atomic (const char *path, const char *data, size_t len);

#endif
