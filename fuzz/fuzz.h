/* fuzz.h — shared by the libFuzzer targets in fuzz/ (see fuzz/README.md).
 *
 * Each target defines LLVMFuzzerTestOneInput.  Built with clang
 * -fsanitize=fuzzer (make fuzz) it is a libFuzzer binary; built with any C
 * compiler and fuzz/replay.c (make fuzz-replay, part of make check) it
 * replays the committed seed corpus and the crash regressions. */
#ifndef IC_FUZZ_H
#define IC_FUZZ_H
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

/* NUL-terminated copy of the input (inputs may contain NUL bytes: the
 * text ends at the first one, like a C string from a file or argv). */
static inline char *fuzz_cstr (const uint8_t *data, size_t size)
{
  char *s = malloc (size + 1);
  if (!s) abort ();
  memcpy (s, data, size);
  s[size] = 0;
  return s;
}

/* An invariant of the code under test failed: report and crash so the
 * fuzzer keeps the input. */
#define FUZZ_ASSERT(cond, ...) do { if (!(cond)) { fprintf (stderr, "fuzz invariant failed: " __VA_ARGS__); fputc ('\n', stderr); abort (); } } while (0)

#endif
