/* cancel.c — cooperative deadline (cancel.h). */
#include "cancel.h"

static _Thread_local ic_deadline *current;

void ic_deadline_init (ic_deadline *d, const struct timespec *t0, double seconds)
{
  atomic_init (&d->hit, 0);
  d->mem = NULL;
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

int ic_deadline_passed (ic_deadline *d)
{
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

int ic_cancelled (void)
{
  ic_deadline *d = current;
  if (!d) return 0;
  if (d->mem && atomic_load_explicit (&d->mem->hit, memory_order_relaxed)) return 1;
  return ic_deadline_passed (d);
}

void ic_membudget_init (ic_membudget *m, size_t budget)
{
  m->budget = budget;
  atomic_init (&m->used, 0);
  atomic_init (&m->hit, 0);
}

static ic_membudget *budget_of_thread (void)
{
  return current ? current->mem : NULL;
}

int ic_mem_take (size_t bytes)
{
  ic_membudget *m = budget_of_thread ();
  if (!m || !m->budget) return 1;
  size_t old = atomic_load (&m->used);
  do
    {
      if (bytes > m->budget || old > m->budget - bytes)
        {
          atomic_store (&m->hit, 1);
          return 0;
        }
    }
  while (!atomic_compare_exchange_weak (&m->used, &old, old + bytes));
  return 1;
}

void ic_mem_force (size_t bytes)
{
  ic_membudget *m = budget_of_thread ();
  if (m) atomic_fetch_add (&m->used, bytes);
}

void ic_mem_give (size_t bytes)
{
  ic_membudget *m = budget_of_thread ();
  if (m) atomic_fetch_sub (&m->used, bytes);
}

int ic_mem_hit (void)
{
  ic_membudget *m = budget_of_thread ();
  return m && atomic_load (&m->hit);
}
