/*
 * \brief  core's heap for what it keeps per session
 *
 * core has no RAM session of its own to grow a heap from; its chunks come
 * from the platform (platform_chunk_alloc). What a block costs is charged
 * to the client's donation by the root component that allocates it, so
 * the heap itself keeps no account.
 */

#ifndef _CORE__CORE_HEAP_H_
#define _CORE__CORE_HEAP_H_

#include <base/heap.h>

/* core's heap, made on first use; used on core's entrypoint only */
struct heap *core_heap(void);

#endif /* _CORE__CORE_HEAP_H_ */
