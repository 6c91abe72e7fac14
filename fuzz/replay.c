/* replay.c — runs a fuzz target's LLVMFuzzerTestOneInput on files and
 * directories given on the command line (the committed seed corpus and
 * the crash regressions), without libFuzzer.  Prints "ok NAME" per
 * directory; a crash or an invariant failure aborts with the input's
 * path printed first. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "fuzz.h"

static int run_file (const char *path)
{
  FILE *fp = fopen (path, "rb");
  if (!fp) { fprintf (stderr, "FAIL %s: cannot open\n", path); return 1; }
  size_t cap = 1 << 16, n = 0;
  unsigned char *buf = malloc (cap);
  size_t k;
  while ((k = fread (buf + n, 1, cap - n, fp)) > 0)
    {
      n += k;
      if (n == cap) buf = realloc (buf, cap *= 2);
    }
  fclose (fp);
  fprintf (stderr, "replay: %s\n", path);
  LLVMFuzzerTestOneInput (buf, n);
  free (buf);
  return 0;
}

int main (int argc, char **argv)
{
  int fails = 0;
  /* a target may redirect stdout (fuzz_args silences the CLI): report on
   * a copy of the original */
  FILE *out = fdopen (dup (1), "w");
  if (!out) out = stderr;
  for (int i = 1; i < argc; i++)
    {
      struct stat st;
      if (stat (argv[i], &st) != 0) continue;       /* an absent regress dir */
      if (!S_ISDIR (st.st_mode)) { fails += run_file (argv[i]); continue; }
      DIR *d = opendir (argv[i]);
      if (!d) continue;
      struct dirent *de;
      long count = 0;
      while ((de = readdir (d)))
        {
          if (de->d_name[0] == '.') continue;
          char path[4096];
          snprintf (path, sizeof path, "%s/%s", argv[i], de->d_name);
          fails += run_file (path);
          count++;
        }
      closedir (d);
      fprintf (out, "ok replay %s (%ld inputs)\n", argv[i], count);
      fflush (out);
    }
  return fails != 0;
}
