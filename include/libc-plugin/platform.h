/*
 * \brief  What the C runtime takes from the platform (doc/porting.md)
 *
 * musl's own machinery makes calls no plugin is about: futexes for its
 * locks and pthread_join, thread exit, signal masks around thread
 * creation, the thread-ID address. Before the component's environment
 * exists (the framework's own start, which already runs on musl) its
 * memory and clock come from here too. The platform serves these
 * process-internal calls; everything else is the plugins' business.
 */

#ifndef _INCLUDE__LIBC_PLUGIN__PLATFORM_H_
#define _INCLUDE__LIBC_PLUGIN__PLATFORM_H_

#include <stdbool.h>

/*
 * One system call as musl makes it (kernel numbering of the build's
 * architecture, kernel-style result: >= 0 or -errno). *served is false
 * for a call the platform does not take; the runtime then answers it.
 * Linux: the calls its sandbox allows, made directly (base-linux/libc).
 */
long libc_platform_syscall(long nr, long a, long b, long c, long d, long e, long f, bool *served);

#endif /* _INCLUDE__LIBC_PLUGIN__PLATFORM_H_ */
