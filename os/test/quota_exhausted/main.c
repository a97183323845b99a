/*
 * \brief  test-quota_exhausted: running out of quota is an error value
 *
 * The heap grows until core refuses a chunk; heap_alloc must then return
 * STATUS_QUOTA_EXCEEDED instead of crashing. A session whose ram_quota the
 * component cannot pay must be denied (init logs who, what and how much).
 * So must one whose ram_quota is all the component has left: init's
 * record of the session is paid by the component too (doc/init.md).
 */

#include <base/component.h>
#include <base/log.h>
#include <parent/client.h>
#include <ram_session/connection.h>
#include <util/format.h>

enum { BLOCK = 64 * 1024 };

static status_t
heap_fill(struct heap *heap, unsigned long *blocks)
{
	void *p;
	status_t s;
	while ((s = heap_alloc(heap, BLOCK, &p)) == STATUS_OK) {
		((char *)p)[0] = 1; /* the memory is really ours */
		(*blocks)++;
	}
	return s;
}

void
component_construct(struct env *env)
{
	unsigned long blocks = 0;
	status_t s = heap_fill(env_heap(env), &blocks);
	log_print("heap exhausted: %s (after %s)", status_name(s),
	          blocks > 4 ? "several blocks" : "too few blocks");

	cap_t session = cap_invalid();
	s = parent_session(env_parent(env), "LOG", "ram_quota=64M, label=\"greedy\"", &session);
	log_print("session with ram_quota=64M: %s", status_name(s));

	char args[64];
	format_string(args, sizeof(args), "ram_quota=%llu, label=\"exact\"",
	              (unsigned long long)ram_session_avail(env_ram(env)));
	s = parent_session(env_parent(env), "LOG", args, &session);
	log_print("session with all of its avail: %s", status_name(s));
	env_exit(env, 0);
}
