/*
 * \brief  test-adversary: more requests at once than init used to keep
 *
 * init keeps what a request needs while it waits (for an announcement, or
 * for a server's answer), paid by the child from its quota (doc/init.md).
 * It used to keep 4 requests waiting for an announcement and 16 waiting
 * for servers per child, and refused the rest. Threads of this instance
 * ask at once: first 5 at the gate (dead-server's "Gate", never
 * announced), then, once the run script killed dead-server and stopped
 * stalled-server, 20 at the stopped server. All must be kept, paid, and
 * answered "unavailable" when their server is killed.
 */

#include <base/component.h>
#include <base/log.h>
#include <base/thread.h>
#include <parent/client.h>
#include <util/format.h>
#include <util/string.h>

#include "adversary.h"

enum { GATE_ASKERS = 5, STALLED_ASKERS = 20 };

struct asker {
	parent_cap_t parent;
	const char *service;
	status_t result;
	struct thread *thread;
};

static void
asker_entry(void *arg)
{
	struct asker *a = arg;
	cap_t cap = cap_invalid();
	a->result = parent_session(a->parent, a->service, "ram_quota=4K", &cap);
	if (a->result == STATUS_OK) {
		parent_close(a->parent, cap);
		cap_close(cap);
	}
}

/* n threads ask for service at once; all must wait until their server is gone */
static bool
ask_at_once(struct env *env, const char *service, unsigned n)
{
	struct asker askers[STALLED_ASKERS];
	unsigned refused = 0, gone = 0, started = 0;
	for (unsigned i = 0; i < n; i++) {
		askers[i] = (struct asker){env_parent(env), service, STATUS_OK, 0};
		if (thread_create("asker", 0, asker_entry, &askers[i], &askers[i].thread) ==
		            STATUS_OK &&
		    thread_start(askers[i].thread) == STATUS_OK)
			started++;
	}
	log_print("%u requests for %s asked", started, service);
	for (unsigned i = 0; i < started; i++) {
		thread_join(askers[i].thread);
		refused += askers[i].result != STATUS_UNAVAILABLE;
		gone += askers[i].result == STATUS_UNAVAILABLE;
	}
	char what[96];
	format_string(what, sizeof(what), "%u requests for %s at once: %u refused, %u kept", n,
	              service, refused, gone);
	bool ok = started == n && gone == n;
	if (ok)
		log_print("kept: %s until their server was gone", what);
	else
		log_error("NOT kept: %s (%u started)", what, started);
	return ok;
}

void
role_many(struct env *env)
{
	bool ok = ask_at_once(env, "Gate", GATE_ASKERS);
	ok &= ask_at_once(env, "Hello", STALLED_ASKERS);
	env_exit(env, ok ? 0 : 1);
}
