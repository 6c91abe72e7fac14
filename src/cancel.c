/* cancel.c — cooperative deadline (cancel.h). */
#include "cancel.h"

static _Thread_local ic_deadline *current;

void ic_deadline_init (ic_deadline *d, const struct timespec *t0, double seconds)
{
  atomic_init (&d->hit, 0);
  d->armed = seconds > 0;
  d->at = *t0;
  if (!d->armed) return;
  if (seconds > 1e9) seconds = 1e9;                 /* about 31 years */
  long whole = (long) seconds;
  d->at.tv_sec += whole;
  d->at.tv_nsec += (long) ((seconds - (double) whole) * 1e9);
  if (d->at.tv_nsec >= 1000000000L) { d->at.tv_sec++; d->at.tv_nsec -= 1000000000L; }
}

ic_deadline *ic_deadline_current (void) { return current; }

ic_deadline *ic_deadline_enter (ic_deadline *d)
{
  ic_deadline *old = current;
  current = d;
  return old;
}

int ic_cancelled (void)
{
  ic_deadline *d = current;
  struct timespec now;
  if (!d || !d->armed) return 0;
  if (atomic_load_explicit (&d->hit, memory_order_relaxed)) return 1;
  clock_gettime (CLOCK_MONOTONIC, &now);
  if (now.tv_sec > d->at.tv_sec || (now.tv_sec == d->at.tv_sec && now.tv_nsec >= d->at.tv_nsec))
    {
      atomic_store_explicit (&d->hit, 1, memory_order_relaxed);
      return 1;
    }
  return 0;
}
