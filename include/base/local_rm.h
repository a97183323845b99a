/*
 * \brief  The component's own address space as a region map
 *
 * Genode's local region map on Linux (Region_map_mmap): a dataspace is
 * attached by mapping its backing into the process. A managed dataspace
 * (the dataspace of an RM session at core, doc/region_maps.md) has no
 * single backing: its whole range is reserved inaccessible first, then
 * every region core names through the dataspace's resolve method, down
 * through all levels of nesting (at most REGION_MAP_NESTING_MAX, core's
 * limit), is mapped at its offset in the range, read-only where that
 * dataspace is read-only. What is not attached stays inaccessible: an
 * access there faults, and on Linux the fault ends the component (its
 * parent reports it).
 *
 * Populating: core cannot map into a component on Linux, so a local view
 * changes only when this component brings it up to date. local_rm_sub_attach
 * and local_rm_sub_detach change a region map at core and then re-resolve
 * every managed dataspace attached here (Genode 11.11 populated sub-RMs
 * eagerly too); a change made by another component becomes visible at the
 * next local_rm_sync.
 *
 * Faults: an access to a hole of a managed dataspace attached here is
 * reported to core (local_rm_fault, called from the platform's fault
 * handler), which reflects it to the region map's fault handler as in
 * Genode; the faulting thread waits until the hole is filled.
 *
 * Thread-safe; the attachments table is bounded (LOCAL_RM_ATTACHMENTS_MAX).
 */

#ifndef _INCLUDE__BASE__LOCAL_RM_H_
#define _INCLUDE__BASE__LOCAL_RM_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/status.h>
#include <dataspace/rpc.h>
#include <rm_session/rpc.h>

enum { LOCAL_RM_ATTACHMENTS_MAX = 32 };

/*
 * Attach size bytes of ds (BORROWED; the table keeps a copy) from offset
 * (size 0: to the end of ds; offset page-aligned, size rounded up to
 * pages) at local_addr if use_local_addr, else where the platform finds
 * room; *addr is where it starts. STATUS_INVALID_ARGS: misaligned or
 * beyond ds; STATUS_CONFLICT: local_addr is taken; STATUS_OUT_OF_MEMORY:
 * no address space or the table is full; a failing resolve's status.
 */
status_t local_rm_attach(dataspace_cap_t ds, uint64_t size, uint64_t offset, bool use_local_addr,
                         uintptr_t local_addr, void **addr);

/* detach the attachment that starts at addr; STATUS_NOT_FOUND if none */
status_t local_rm_detach(void *addr);

/*
 * A thread touched addr and found nothing mapped there (called by the
 * platform's fault handler, on the faulting thread). If addr lies in an
 * attachment, its dataspace's server learns of the fault (dataspace
 * fault): for a managed dataspace core signals the region map's fault
 * handler and answers once something backs the page, so this call blocks
 * until then. Then the view is synced and the access may repeat
 * (STATUS_OK). STATUS_NOT_FOUND outside every attachment; any other
 * status means nobody resolves it: the fault stays a crash.
 */
status_t local_rm_fault(uintptr_t addr, bool write);

/* map again what every attached dataspace shows now */
status_t local_rm_sync(void);

/*
 * rm_session_attach on rm (BORROWED), then local_rm_sync: a region
 * attached into a managed dataspace that is attached here becomes
 * visible at once. *addr is the address in rm.
 */
status_t local_rm_sub_attach(rm_session_cap_t rm, dataspace_cap_t ds, uint64_t size,
                             uint64_t offset, bool use_local_addr, uint64_t local_addr,
                             uint64_t *addr);

/* rm_session_detach on rm, then local_rm_sync: the range faults again */
status_t local_rm_sub_detach(rm_session_cap_t rm, uint64_t addr);

#endif /* _INCLUDE__BASE__LOCAL_RM_H_ */
