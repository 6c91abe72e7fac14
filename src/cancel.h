/* cancel.h — cooperative deadline for long computations (--timeout).
 *
 * ic_certify arms a deadline for the thread that runs it (--timeout; and,
 * without --timeout, the effort limit of the refinement rounds after the
 * first, 10 s after the start: certify.c, enclose_limit); the long loops of
 * the tail methods (Bernoulli tables, sieved direct sums, Euler–Maclaurin
 * and zeta-expansion terms, Taylor and CM certificates) poll ic_cancelled()
 * and return failure once it is true.  A cancelled computation never yields
 * a bound: every poll site fails the whole method, and the caller then
 * reports the best enclosure already proved, or the timeout.
 *
 * Threads started by a method inherit the deadline explicitly
 * (ic_deadline_current / ic_deadline_enter). */
#ifndef IC_CANCEL_H
#define IC_CANCEL_H

#include <stdatomic.h>
#include <time.h>

typedef struct {
  struct timespec at;     /* CLOCK_MONOTONIC time of the deadline */
  int armed;              /* 0: no deadline */
  atomic_int hit;         /* sticky: set once the deadline has passed
                             (shared with the method's worker threads) */
} ic_deadline;

/* d expires `seconds` after t0 (seconds <= 0: never). */
void ic_deadline_init (ic_deadline *d, const struct timespec *t0, double seconds);

/* The calling thread's deadline (NULL: none); enter returns the previous
 * one, to be restored with another enter when the run ends. */
ic_deadline *ic_deadline_current (void);
ic_deadline *ic_deadline_enter (ic_deadline *d);

/* 1 once the calling thread's deadline has passed (and from then on). */
int ic_cancelled (void);

#endif
