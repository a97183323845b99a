/*
 * Genode/C: musl's system-call layer, i386 (replaces upstream's header).
 *
 * Every system call musl makes from C goes through these inlines. Instead
 * of entering the kernel they call the plugin dispatcher of our C runtime
 * (libports/libc, doc/libc.md), which serves the call from a plugin, from
 * the platform, or answers it with an error. There are no vDSO defines on
 * purpose: with them clock_gettime would bypass the dispatcher.
 */

#define __SYSCALL_LL_E(x)             \
	((union {                     \
		long long ll;         \
		long l[2];            \
	}){.ll = x})                  \
	        .l[0],                \
	        ((union {             \
		        long long ll; \
		        long l[2];    \
	        }){.ll = x})          \
	                .l[1]
#define __SYSCALL_LL_O(x) __SYSCALL_LL_E((x))

#include "syscall_dispatch.h" /* arch/generic of this overlay */
