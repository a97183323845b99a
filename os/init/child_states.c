/*
 * \brief  children[]: one record per child of the config, from init's heap
 *
 * As the config model (os/init/config/storage.c), the runtime records of
 * the children are as many as the config has, paid from init's own quota
 * as Genode's init pays for its children's metadata beyond what a child
 * donates: the number of children is bounded by init's RAM, not by a table.
 */

#include <base/env.h>
#include <base/log.h>
#include <util/string.h>

#include "child.h"

struct child_state *children;

status_t
child_states_alloc(void)
{
	void *p = NULL;
	size_t size = (size_t)config.child_count * sizeof(struct child_state);

	child_states_free();
	if (size == 0)
		return STATUS_OK;
	status_t s = heap_alloc(env_heap(init_env), size, &p);
	if (s != STATUS_OK) {
		log_error("config: the records of %u children need %llu bytes of heap, which it "
		          "refused: %s",
		          config.child_count, (unsigned long long)size, status_name(s));
		return s;
	}
	mem_set(p, 0, size);
	children = p;
	return STATUS_OK;
}

void
child_states_free(void)
{
	if (children)
		(void)heap_free(env_heap(init_env), children);
	children = NULL;
}
