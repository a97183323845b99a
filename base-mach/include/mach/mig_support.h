/*
 * \brief  What MIG's generated stubs expect from the runtime
 *
 * Hurd's C library has a header of this name; gnumach-dev does not. The
 * stubs call these to get a reply port for each kernel RPC and to give it
 * back (base-mach/rt/mig_support.c).
 */

#ifndef _BASE_MACH__INCLUDE__MACH__MIG_SUPPORT_H_
#define _BASE_MACH__INCLUDE__MACH__MIG_SUPPORT_H_

#include <mach/mach_types.h>
#include <mach/message.h>
#include <mach/port.h>
#include <stddef.h>

/* a receive right for the reply of one kernel RPC of the calling thread */
mach_port_t mig_get_reply_port(void);
/* the call went wrong: the port may hold a stale reply, drop it */
void mig_dealloc_reply_port(mach_port_t port);
/* the call succeeded: the port is clean and serves the thread's next call */
void mig_put_reply_port(mach_port_t port);

vm_size_t mig_strncpy(char *dst, const char *src, vm_size_t len);
void mig_allocate(vm_address_t *addr, vm_size_t size);
void mig_deallocate(vm_address_t addr, vm_size_t size);

/* the compiler's calls for block moves, which generic code may cause */
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *dst, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);

#endif /* _BASE_MACH__INCLUDE__MACH__MIG_SUPPORT_H_ */
