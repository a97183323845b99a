/*
 * \brief  Cases of test-lx-syscall
 */

#ifndef _BASE_LINUX__TEST__LX_SYSCALL__CASES_H_
#define _BASE_LINUX__TEST__LX_SYSCALL__CASES_H_

void lx_errno_convention(void);
void lx_fstat_matches_libc(void);
void lx_mmap_offset(void);
void lx_prlimit_matches_libc(void);
void lx_fds_passed(void);
void lx_clock_matches_libc(void);
void lx_futex_times_out(void);
void lx_timerfd_absolute(void);

#endif /* _BASE_LINUX__TEST__LX_SYSCALL__CASES_H_ */
