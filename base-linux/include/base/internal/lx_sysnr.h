/*
 * \brief  The kernel's names of system calls whatever the C library's headers say
 *
 * musl's i386 headers (time64) rename the calls that take 32-bit times
 * (SYS_clock_gettime32 ...), glibc's keep the kernel's names. The
 * platform code means the kernel's calls, so it gets the kernel's names
 * under either library.
 */

#ifndef _INCLUDE__BASE__INTERNAL__LX_SYSNR_H_
#define _INCLUDE__BASE__INTERNAL__LX_SYSNR_H_

#include <sys/syscall.h>

#if defined(SYS_clock_gettime32) && !defined(SYS_clock_gettime)
#define SYS_clock_gettime SYS_clock_gettime32
#endif
#if defined(SYS_clock_getres_time32) && !defined(SYS_clock_getres)
#define SYS_clock_getres SYS_clock_getres_time32
#endif
#if defined(SYS_clock_nanosleep_time32) && !defined(SYS_clock_nanosleep)
#define SYS_clock_nanosleep SYS_clock_nanosleep_time32
#endif
#if defined(SYS_gettimeofday_time32) && !defined(SYS_gettimeofday)
#define SYS_gettimeofday SYS_gettimeofday_time32
#endif
#if defined(SYS_timerfd_gettime32) && !defined(SYS_timerfd_gettime)
#define SYS_timerfd_gettime SYS_timerfd_gettime32
#endif
#if defined(SYS_timerfd_settime32) && !defined(SYS_timerfd_settime)
#define SYS_timerfd_settime SYS_timerfd_settime32
#endif

/* Linux 5.16, the same number on every architecture; musl 1.2.3's headers lack it */
#ifndef SYS_futex_waitv
#define SYS_futex_waitv 449
#endif

#endif /* _INCLUDE__BASE__INTERNAL__LX_SYSNR_H_ */
