/*
 * \brief  lwIP's compiler and platform glue for Genode/C
 *
 * lwIP is compiled against the C library of the program that links it:
 * musl's headers for a libc component, the host's for the plain flavor
 * (the fuzzer, components on the framework alone). Both provide the
 * POSIX types lwIP asks for; errno values are the C library's
 * (LWIP_ERRNO_STDINCLUDE), so a socket call's errno means what POSIX says.
 * Diagnostics and failed assertions go to the LOG (sys_arch.c).
 */

#ifndef _ARCH_CC_H_
#define _ARCH_CC_H_

#include <stddef.h>
#include <stdint.h>
#include <sys/time.h> /* struct timeval and fd_set: LWIP_TIMEVAL_PRIVATE 0 */

#define LWIP_ERRNO_STDINCLUDE 1

/* lwIP's diagnostics: LWIP_PLATFORM_DIAG(("fmt", args)) */
void lwip_platform_diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
#define LWIP_PLATFORM_DIAG(x)         \
	do {                          \
		lwip_platform_diag x; \
	} while (0)

/* a broken invariant of lwIP: named on the LOG, then the program aborts */
void lwip_platform_assert(const char *msg, const char *file, int line) __attribute__((noreturn));
#define LWIP_PLATFORM_ASSERT(x) lwip_platform_assert((x), __FILE__, __LINE__)

/* DHCP transaction IDs and local port choice: not security relevant */
uint32_t lwip_platform_rand(void);
#define LWIP_RAND() lwip_platform_rand()

#endif /* _ARCH_CC_H_ */
