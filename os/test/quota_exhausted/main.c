/*
 * \brief  test-quota_exhausted: running out of quota is an error value
 *
 * The heap grows until core refuses a chunk; heap_alloc must then return
 * STATUS_QUOTA_EXCEEDED instead of crashing. A session whose ram_quota the
 * component cannot pay must be denied (init logs who, what and how much).
 * So must one whose ram_quota is all the component has left: init's
 * record of the session is paid by the component too (doc/init.md).
 * A request that init's parent refuses although the component could pay
 * (a donation too small for core's record of the session), and a session
 * opened and closed, leave its avail as it was, to the byte: the donation
 * rides in init's request to core and comes back in the refusal or the
 * close (doc/init.md), so a lost or doubled refund shows here.
 */

#include <base/component.h>
#include <base/log.h>
#include <parent/client.h>
#include <ram_session/connection.h>
#include <util/format.h>

enum { BLOCK = 64 * 1024 };

/* the change of env's avail across a request of args (closed again if made) */
static void
avail_check(struct env *env, const char *what, const char *args)
{
	cap_t session = cap_invalid();
	uint64_t before = ram_session_avail(env_ram(env));
	status_t s = parent_session(env_parent(env), "LOG", args, &session);
	if (s == STATUS_OK) {
		(void)parent_close(env_parent(env), session);
		cap_close(session);
	}
	uint64_t after = ram_session_avail(env_ram(env));
	if (after == before)
		log_print("%s: %s, avail as before", what, status_name(s));
	else
		log_print("%s: %s, avail changed from %llu to %llu", what, status_name(s),
		          (unsigned long long)before, (unsigned long long)after);
}

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

	avail_check(env, "session core refuses", "ram_quota=16, label=\"small\"");
	avail_check(env, "session opened and closed", "ram_quota=8K, label=\"closed\"");
	env_exit(env, 0);
}
