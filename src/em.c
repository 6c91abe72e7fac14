/* em.c — certified tails by Euler–Maclaurin and zeta expansions (em.h).
 * (First commit: interface only; the methods land next.) */
#include <string.h>
#include "em.h"

int ic_em_tail (ic_ival_ptr out, const ic_node *f, int prod, unsigned long N,
                long digits, mpfr_prec_t prec, ic_em_info *info)
{
  memset (info, 0, sizeof *info);
  strcpy (info->detail, "not implemented yet");
  return 0;
}

unsigned long ic_em_suggest_N (const ic_node *f, int prod, long digits)
{
  return 20;
}
