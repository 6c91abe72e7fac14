#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <unistd.h>
#include "buf.h"

/* Out of memory in a buffer: the buffer keeps what it has (a valid,
 * truncated string) and stops growing, and the thread's flag is set; the
 * library's entry points read it (ic_oom_take) and report an internal
 * error "out of memory" instead of a result built from a truncated
 * string.  The library never exits on its own. */
static _Thread_local int oom_seen;

void ic_oom_note (void) { oom_seen = 1; }
int ic_oom_take (void) { int r = oom_seen; oom_seen = 0; return r; }

/* 1 when len + extra + 1 bytes fit (growing the buffer if needed). */
static int grow (ic_buf *b, size_t extra)
{
  if (b->failed) return 0;
  /* need = len + extra + 1 without wrapping; cap doubles at most up to
   * SIZE_MAX / 2 and then takes need itself */
  if (extra > SIZE_MAX - 1 - b->len) { b->failed = 1; oom_seen = 1; return 0; }
  size_t need = b->len + extra + 1;
  if (need <= b->cap) return 1;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < need) cap = cap <= SIZE_MAX / 2 ? cap * 2 : need;
  char *s = realloc (b->s, cap);
  if (!s) { b->failed = 1; oom_seen = 1; return 0; }
  b->s = s; b->cap = cap;
  return 1;
}

/* An empty buffer whose first allocation failed points at a static "" (cap
 * 0: never written, never freed). */
static char empty[1];

void ic_buf_init (ic_buf *b)
{
  b->s = NULL; b->len = b->cap = 0; b->failed = 0;
  if (grow (b, 0)) b->s[0] = 0;
  else { empty[0] = 0; b->s = empty; }
}
void ic_buf_free (ic_buf *b) { if (b->cap) free (b->s); b->s = NULL; b->len = b->cap = 0; b->failed = 0; }

void ic_buf_putn (ic_buf *b, const char *s, size_t n)
{
  if (!grow (b, n)) return;
  memcpy (b->s + b->len, s, n);
  b->len += n;
  b->s[b->len] = 0;
}

void ic_buf_puts (ic_buf *b, const char *s) { ic_buf_putn (b, s, strlen (s)); }

void ic_buf_printf (ic_buf *b, const char *fmt, ...)
{
  va_list ap;
  va_start (ap, fmt);
  int n = vsnprintf (NULL, 0, fmt, ap);
  va_end (ap);
  if (n < 0 || !grow (b, (size_t) n)) return;
  va_start (ap, fmt);
  vsnprintf (b->s + b->len, (size_t) n + 1, fmt, ap);
  va_end (ap);
  b->len += (size_t) n;
}

void ic_buf_json_str (ic_buf *b, const char *s)
{
  ic_buf_putn (b, "\"", 1);
  for (const unsigned char *p = (const unsigned char *) s; *p; p++)
    {
      switch (*p)
        {
        case '"': ic_buf_puts (b, "\\\""); break;
        case '\\': ic_buf_puts (b, "\\\\"); break;
        case '\n': ic_buf_puts (b, "\\n"); break;
        case '\r': ic_buf_puts (b, "\\r"); break;
        case '\t': ic_buf_puts (b, "\\t"); break;
        default:
          if (*p < 0x20) ic_buf_printf (b, "\\u%04x", *p);
          else ic_buf_putn (b, (const char *) p, 1);
        }
    }
  ic_buf_putn (b, "\"", 1);
}

void ic_buf_html (ic_buf *b, const char *s)
{
  for (; *s; s++)
    switch (*s)
      {
      case '<': ic_buf_puts (b, "&lt;"); break;
      case '>': ic_buf_puts (b, "&gt;"); break;
      case '&': ic_buf_puts (b, "&amp;"); break;
      case '"': ic_buf_puts (b, "&quot;"); break;
      default: ic_buf_putn (b, s, 1);
      }
}

char *ic_buf_take (ic_buf *b)
{
  /* a buffer that never got memory has nothing to hand over */
  char *s = b->cap ? b->s : NULL;
  b->s = NULL; b->len = b->cap = 0; b->failed = 0;
  return s;
}

int ic_write_file_atomic (const char *path, const char *data, size_t len)
{
  size_t pl = strlen (path);
  char *tmp = malloc (pl + 16);
  if (!tmp) { errno = ENOMEM; return -1; }
  snprintf (tmp, pl + 16, "%s.tmpXXXXXX", path);
  int fd = mkstemp (tmp);
  if (fd < 0) { free (tmp); return -1; }
  size_t off = 0;
  while (off < len)
    {
      ssize_t w = write (fd, data + off, len - off);
      if (w < 0) { if (errno == EINTR) continue; goto fail; }
      off += (size_t) w;
    }
  if (fsync (fd) != 0) goto fail;
  if (close (fd) != 0) { fd = -1; goto fail; }
  fd = -1;
  if (rename (tmp, path) != 0) goto fail;
  free (tmp);
  return 0;
fail:
  {
    int e = errno;
    if (fd >= 0) close (fd);
    unlink (tmp);
    free (tmp);
    errno = e;
    return -1;
  }
}

int ic_str_distance (const char *a, const char *b, int fold_case)
{
  int la = (int) strlen (a), lb = (int) strlen (b);
  if (la > 31 || lb > 31) return 99;
  int d[32][32];
  for (int i = 0; i <= la; i++) d[i][0] = i;
  for (int j = 0; j <= lb; j++) d[0][j] = j;
  for (int i = 1; i <= la; i++)
    for (int j = 1; j <= lb; j++)
      {
        unsigned char x = (unsigned char) a[i - 1], y = (unsigned char) b[j - 1];
        int v = d[i - 1][j - 1] + (fold_case ? tolower (x) != tolower (y) : x != y);
        if (d[i - 1][j] + 1 < v) v = d[i - 1][j] + 1;
        if (d[i][j - 1] + 1 < v) v = d[i][j - 1] + 1;
        if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
          v = d[i - 2][j - 2] + 1;
        d[i][j] = v;
      }
  return d[la][lb];
}

void ic_say (char *buf, size_t len, const char *fmt, ...)
{
  if (!buf || !len) return;
  va_list ap;
  va_start (ap, fmt);
  vsnprintf (buf, len, fmt, ap);
  va_end (ap);
}
