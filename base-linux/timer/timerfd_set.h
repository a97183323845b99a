/*
 * \brief  Setting a timerfd to an absolute time of CLOCK_MONOTONIC
 */

#ifndef _BASE_LINUX__TIMER__TIMERFD_SET_H_
#define _BASE_LINUX__TIMER__TIMERFD_SET_H_

#include <stdint.h>

/* fire at deadline_us; TIMER_PLATFORM_NEVER disarms, a past deadline fires at once */
void timerfd_set_abs(int fd, uint64_t deadline_us);

#endif /* _BASE_LINUX__TIMER__TIMERFD_SET_H_ */
