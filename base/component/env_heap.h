/*
 * \brief  The component's heap over its environment RAM session
 */

#ifndef _BASE__COMPONENT__ENV_HEAP_H_
#define _BASE__COMPONENT__ENV_HEAP_H_

#include <base/heap.h>
#include <ram_session/rpc.h>

enum { ENV_HEAP_CHUNKS_MAX = 128 };

struct env_chunk {
	void *addr; /* NULL: slot free */
	size_t size;
	dataspace_cap_t ds; /* OWNED */
};

struct env_heap {
	struct heap heap;
	ram_session_cap_t ram; /* BORROWED from the environment */
	struct env_chunk chunks[ENV_HEAP_CHUNKS_MAX];
};

/* an empty heap whose chunks come from ram (may be invalid: no chunks) */
status_t env_heap_init(struct env_heap *h, ram_session_cap_t ram);

#endif /* _BASE__COMPONENT__ENV_HEAP_H_ */
