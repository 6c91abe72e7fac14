/* report.h — certified reports of a checked claim file: report.md,
 * report.json and a self-contained index.html (inline CSS and SVG, no
 * script, no network).  The bytes depend only on the claim file, the
 * models it reads, the versions and the command line: no clock, no host. */
#ifndef IC_REPORT_H
#define IC_REPORT_H
#include "claims.h"

typedef struct {
  const char *source;        /* "built-in (data/essay.claims)" or the path */
  const char *command;       /* the command that reproduces the report     */
  const char *only;          /* list only this claim id (NULL: all)        */
  const char *proofs;        /* proof results file (proofs/results.txt of
                                the source tree), or NULL: none listed     */
} ic_report_meta;

char *ic_report_json (const ic_claimfile *cf, const ic_report_meta *meta);
char *ic_report_md (const ic_claimfile *cf, const ic_report_meta *meta);
char *ic_report_html (const ic_claimfile *cf, const ic_report_meta *meta);

/* Creates dir and its missing parents (mkdir -p; mode 0777 & umask) and
 * checks that the report set can be written into it, so that a report is
 * refused before any claim is checked: dir is writable, holds nothing but
 * report.md, report.json and index.html, and its parent is writable on a
 * file system that can exchange two folders (probed).  Also removes the
 * temporary folders that killed runs left beside dir.  Returns 0, or -1
 * with the message "cannot use the output folder DIR: [PART: ]REASON"
 * (PART: the first path prefix that failed, left out when it is DIR). */
int ic_report_prepare_dir (const char *dir, char *err, size_t errlen);

/* Builds the three documents in memory and replaces the set in dir as a
 * whole: they are written and fsync'ed into a temporary folder beside dir,
 * which then trades places with dir in one renameat2(RENAME_EXCHANGE);
 * the old folder is removed.  At every instant dir is the complete old
 * set or the complete new one (docs/claims.md, "Writing the report").
 * Returns 0, or -1 with a message. */
int ic_report_write (const ic_claimfile *cf, const ic_report_meta *meta,
                     const char *dir, char *err, size_t errlen);

#endif
