/*
 * \brief  What each base platform provides for dataspaces
 *
 * The dataspace interface is kernel-neutral: its map_handle method returns
 * a "backing" capability whose meaning only the platform knows (base-linux:
 * a file descriptor to mmap). These functions are the platform's side.
 */

#ifndef _INCLUDE__DATASPACE__MAP_H_
#define _INCLUDE__DATASPACE__MAP_H_

#include <stddef.h>

#include <base/status.h>
#include <dataspace/rpc.h>

/*
 * Map the dataspace ds (BORROWED) read-only into the caller's address
 * space: a write to it faults. *addr and *size stay valid for the life of
 * the component. An empty dataspace maps to a valid *addr of size 0.
 */
status_t dataspace_map_readonly(dataspace_cap_t ds, const char **addr, size_t *size);

/*
 * Map the dataspace ds (BORROWED) read-write, shared with whoever else maps
 * it; STATUS_DENIED if the server says it is not writable. The mapping
 * stays until dataspace_unmap.
 */
status_t dataspace_map_writable(dataspace_cap_t ds, void **addr, size_t *size);

/* undo dataspace_map_writable */
void dataspace_unmap(void *addr, size_t size);

/*
 * Make a backing capability (OWNED by the caller) holding a read-only copy
 * of len bytes, e.g. for dataspace_object_init.
 */
status_t dataspace_backing_from_bytes(const char *bytes, size_t len, cap_t *backing);

#endif /* _INCLUDE__DATASPACE__MAP_H_ */
