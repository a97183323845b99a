/*
 * \brief  lwIP's sys_arch: what its files share
 */

#ifndef _LIBPORTS__LWIP__SYS__LWIP_SYS_H_
#define _LIBPORTS__LWIP__SYS__LWIP_SYS_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/semaphore.h>

/* a down with lwIP's timeout (0: forever); 0 or SYS_ARCH_TIMEOUT */
uint32_t lwip_sys_wait(struct semaphore *sem, uint32_t timeout_ms);

/* a thread lwIP asked for could not be created (lwip_tcpip_init checks) */
bool lwip_sys_thread_failed(void);

#endif /* _LIBPORTS__LWIP__SYS__LWIP_SYS_H_ */
