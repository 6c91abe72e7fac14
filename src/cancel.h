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
#include <stddef.h>
#include <time.h>

/* A memory budget shared by the deadlines of one run: the big working
 * arrays (Taylor and Bernoulli tables, zeta-expansion powers, the sieve of
 * the direct sums) are charged to it before they are allocated.  A charge
 * that would pass the budget is refused and marks the budget hit, which
 * cancels the run's methods like a deadline (they fail, never a bound). */
typedef struct {
  size_t budget;          /* bytes; 0: no budget */
  atomic_size_t used;
  atomic_int hit;         /* sticky */
} ic_membudget;

typedef struct {
  struct timespec at;     /* CLOCK_MONOTONIC time of the deadline */
  int armed;              /* 0: no deadline */
  atomic_int hit;         /* sticky: set once the deadline has passed
                             (shared with the method's worker threads) */
  ic_membudget *mem;      /* the run's memory budget (NULL: none) */
} ic_deadline;

/* d expires `seconds` after t0 (seconds <= 0: never); no memory budget
 * (set d->mem after init to attach one). */
void ic_deadline_init (ic_deadline *d, const struct timespec *t0, double seconds);

/* The calling thread's deadline (NULL: none); enter returns the previous
 * one, to be restored with another enter when the run ends. */
ic_deadline *ic_deadline_current (void);
ic_deadline *ic_deadline_enter (ic_deadline *d);

/* 1 once d's time has passed (d armed). */
int ic_deadline_passed (ic_deadline *d);

/* 1 once the calling thread's deadline has passed or its memory budget
 * was hit (and from then on). */
int ic_cancelled (void);

void ic_membudget_init (ic_membudget *m, size_t budget);
/* Charges `bytes` to the calling thread's budget: 1 if they fit (or there
 * is no budget), else 0, the budget is marked hit and nothing is charged. */
int ic_mem_take (size_t bytes);
/* Charges without a check (a fallback allocation that must happen). */
void ic_mem_force (size_t bytes);
/* Gives back bytes charged by ic_mem_take or ic_mem_force. */
void ic_mem_give (size_t bytes);
/* 1 if the calling thread's memory budget was hit. */
int ic_mem_hit (void);

#endif
