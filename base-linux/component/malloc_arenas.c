/*
 * \brief  A fixed limit of glibc's malloc arenas
 *
 * When a process has more malloc arenas than glibc's first threshold (2
 * on i386, 8 on x86_64) and a thread wants one more, glibc asks how many
 * CPUs there are: it opens /sys/devices/system/cpu/online, then
 * /proc/stat, then calls sched_getaffinity. The sandbox forbids all of
 * these (doc/sandbox.md), so the component died of a forbidden system
 * call at its third thread that mallocs on i386 (run/timer). With a
 * limit set, glibc never asks; threads beyond it share arenas.
 */

#define _GNU_SOURCE
#include <stdlib.h> /* any C library header says which library it is */

/*
 * glibc only: mallopt and its arenas are glibc's. A component linked
 * with another C library (musl has one heap and asks for no CPU count)
 * has nothing to limit, and its headers have no malloc.h to include.
 */
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "malloc_arenas.h"

/* glibc's own limit on 64-bit hosts with one CPU: 8 arenas per CPU */
enum { ARENAS_MAX = 8 };

void
linux_malloc_arenas_limit(void)
{
#ifdef __GLIBC__
	mallopt(M_ARENA_MAX, ARENAS_MAX);
#endif
}
