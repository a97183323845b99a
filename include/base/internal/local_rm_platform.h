/*
 * \brief  What a base platform provides for the local region map
 *
 * base/local_rm.h is generic; these are the platform's mapping calls
 * (base-linux: mmap). Addresses and sizes are page-aligned.
 */

#ifndef _INCLUDE__BASE__INTERNAL__LOCAL_RM_PLATFORM_H_
#define _INCLUDE__BASE__INTERNAL__LOCAL_RM_PLATFORM_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/capability.h>
#include <base/status.h>

/*
 * Reserve size bytes of address space, inaccessible, at addr if at (else
 * anywhere); *base is where. STATUS_CONFLICT if addr is taken.
 */
status_t local_rm_platform_reserve(uint64_t size, bool at, uint64_t addr, uint64_t *base);

/* show size bytes of backing (BORROWED) from offset at addr, inside a reservation */
status_t local_rm_platform_map(uint64_t addr, uint64_t size, cap_t backing, uint64_t offset,
                               bool writable);

/* make size bytes at addr inaccessible again, still reserved */
status_t local_rm_platform_clear(uint64_t addr, uint64_t size);

/* give a reservation back */
void local_rm_platform_release(uint64_t base, uint64_t size);

/*
 * From now on, a fault of any thread at an inaccessible address calls
 * local_rm_fault(addr, write) on the faulting thread; if it returns
 * STATUS_OK the access repeats, else the fault takes its usual course (the
 * component dies of it). Called at the first attach; later calls do
 * nothing. STATUS_UNAVAILABLE if the platform cannot watch faults.
 */
status_t local_rm_platform_fault_watch(void);

#endif /* _INCLUDE__BASE__INTERNAL__LOCAL_RM_PLATFORM_H_ */
