/*
 * \brief  A dataspace served by an entrypoint
 *
 * Servers that hand out memory (core's ROM and RAM services, init's
 * "config" ROM for its children) keep one of these per dataspace. The
 * backing is a platform capability (base-linux: a file descriptor) that
 * the object hands out copies of in map_handle.
 */

#ifndef _INCLUDE__DATASPACE__OBJECT_H_
#define _INCLUDE__DATASPACE__OBJECT_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/entrypoint.h>
#include <dataspace/rpc.h>

/* the granularity of dataspace offsets (resolve) */
enum { DATASPACE_OBJECT_PAGE = 4096 };

struct dataspace_object {
	struct rpc_object rpc;
	uint64_t size;
	bool writable;
	bool owns_backing;
	cap_t backing;       /* OWNED if owns_backing, else BORROWED */
	dataspace_cap_t cap; /* OWNED; copies go to clients */
};

/*
 * Serve a dataspace of size bytes whose backing stays BORROWED (its owner,
 * e.g. core's RAM account, frees it after dataspace_object_destroy).
 */
status_t dataspace_object_serve(struct dataspace_object *ds, struct entrypoint *ep, uint64_t size,
                                cap_t backing, bool writable);

/*
 * Serve a read-only dataspace of size bytes backed by backing, which is
 * CONSUMED (also on failure).
 */
status_t dataspace_object_init(struct dataspace_object *ds, struct entrypoint *ep, uint64_t size,
                               cap_t backing);

/* stop serving ds and close what it owns; clients' copies go dead */
void dataspace_object_destroy(struct dataspace_object *ds, struct entrypoint *ep);

#endif /* _INCLUDE__DATASPACE__OBJECT_H_ */
