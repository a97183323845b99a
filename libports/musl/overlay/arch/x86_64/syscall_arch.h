/*
 * Genode/C: musl's system-call layer, x86_64 (replaces upstream's header).
 *
 * Every system call musl makes from C goes through these inlines. Instead
 * of entering the kernel they call the plugin dispatcher of our C runtime
 * (libports/libc, doc/libc.md), which serves the call from a plugin, from
 * the platform, or answers it with an error. There are no vDSO defines on
 * purpose: with them clock_gettime would bypass the dispatcher.
 */

#define __SYSCALL_LL_E(x) (x)
#define __SYSCALL_LL_O(x) (x)

#include "syscall_dispatch.h" /* arch/generic of this overlay */

#define IPC_64 0
