/*
 * \brief  One Linux system call, made directly (no C library in between)
 */

#ifndef _BASE_LINUX__LIBC__RAW_SYSCALL_H_
#define _BASE_LINUX__LIBC__RAW_SYSCALL_H_

/* the kernel's result: >= 0, or -errno */
long raw_syscall6(long nr, long a, long b, long c, long d, long e, long f);

#endif /* _BASE_LINUX__LIBC__RAW_SYSCALL_H_ */
