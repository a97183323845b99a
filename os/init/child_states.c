/*
 * \brief  children[]: one record per child of the config, from init's heap
 *
 * As the config model (os/init/config/storage.c), the runtime records of
 * the children are as many as the config has, paid from init's own quota
 * as Genode's init pays for its children's metadata beyond what a child
 * donates: the number of children is bounded by init's RAM, not by a table.
 * So are the records of what they announce: one per service a child's
 * <provides> lists, in the same block, so that they come and go with it.
 */

#include <base/env.h>
#include <base/log.h>
#include <util/string.h>

#include "child.h"

struct child_state *children;

/* the records follow children[]: a size is a multiple of its type's alignment */
_Static_assert(_Alignof(struct child_state) % _Alignof(struct child_announced) == 0,
               "announced records after children[] would be misaligned");

/* the announced records of all children, after children[] in the same block */
static size_t
announced_count(void)
{
	size_t n = 0;
	for (unsigned i = 0; i < config.child_count; i++)
		n += config.children[i].provides_count;
	return n;
}

/* give each child its row of announced records, as many as it provides services */
static void
announced_place(struct child_state *states, size_t states_bytes)
{
	struct child_announced *a = (struct child_announced *)((char *)states + states_bytes);
	for (unsigned i = 0; i < config.child_count; i++) {
		states[i].announced = a;
		states[i].announced_cap = config.children[i].provides_count;
		a += states[i].announced_cap;
	}
}

status_t
child_states_alloc(void)
{
	void *p = NULL;
	size_t states = (size_t)config.child_count * sizeof(struct child_state);
	size_t announced = announced_count();
	size_t size = states + announced * sizeof(struct child_announced);

	child_states_free();
	if (size == 0)
		return STATUS_OK;
	status_t s = heap_alloc(env_heap(init_env), size, &p);
	if (s != STATUS_OK) {
		log_error("config: the records of %u children and %llu services they provide need "
		          "%llu bytes of heap, which it refused: %s",
		          config.child_count, (unsigned long long)announced,
		          (unsigned long long)size, status_name(s));
		return s;
	}
	mem_set(p, 0, size);
	children = p;
	announced_place(children, states);
	return STATUS_OK;
}

void
child_states_free(void)
{
	if (children)
		(void)heap_free(env_heap(init_env), children);
	children = NULL;
}
