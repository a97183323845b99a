/*
 * \brief  test-hostile-memory: a component that wants 4 x its RAM quota
 *
 * Every path to memory that a Linux process has is tried for 4 x the
 * quota. The paths whose refusal is the kernel's OOM killer run one per
 * instance, selected by <config attempt="anon|brk|memfd|locked|mlock"/>
 * (grab.c); init names the end of such an instance. The main instance
 * (no attempt) tries the RAM dataspace paths (dataspace.c), holds and
 * frees a dataspace for core's report in between (figures="yes"), ends
 * with "memory: N attempts, M refused" and exits 0 only if every attempt
 * was refused. Linux-only by nature, hence under base-linux/.
 *
 * gate="yes" makes an attack instance wait for a session of service
 * "Gate" first, which the script's gate server never announces: the
 * attack starts when the script kills that server (init refuses the
 * request then), so that the script can measure a sibling before and
 * while it runs (run/hostile_memory.run). pause_ms="N" waits N ms on a
 * Timer before the attack: an instance that init restarts after each
 * attack repeats it at a pace that leaves init's restart work to the
 * sibling it is measured against.
 */

#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>

#include <base/component.h>
#include <base/config_root.h>
#include <base/log.h>
#include <parent/client.h>
#include <ram_session/connection.h>
#include <timer_session/connection.h>

#include "hostile.h"

enum { ATTEMPT_NAME_MAX = 32 };

static unsigned attempts, refused;

void
hostile_attempt(const char *what, bool ok, const char *detail)
{
	attempts++;
	refused += ok;
	if (ok)
		log_print("refused: %s (%s)", what, detail);
	else
		log_error("NOT refused: %s (%s)", what, detail);
}

size_t
hostile_target(struct env *env)
{
	uint64_t quota = 0;
	(void)ram_session_quota(env_ram(env), &quota);
	return (size_t)quota * 4;
}

static sigjmp_buf probe_env;

static void
probe_fault(int sig)
{
	siglongjmp(probe_env, sig);
}

bool
hostile_write_faults(volatile char *addr)
{
	struct sigaction sa = {.sa_handler = probe_fault}, old_bus, old_segv;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGBUS, &sa, &old_bus);
	sigaction(SIGSEGV, &sa, &old_segv);
	bool faulted = sigsetjmp(probe_env, 1) != 0;
	if (!faulted)
		*addr = 1;
	sigaction(SIGBUS, &old_bus, NULL);
	sigaction(SIGSEGV, &old_segv, NULL);
	return faulted;
}

struct hostile_config {
	char attempt[ATTEMPT_NAME_MAX];
	bool figures;
	bool gate;
	uint64_t pause_ms;
};

static void
config_read(struct env *env, struct hostile_config *c)
{
	struct config_root cfg;
	const struct node *root = config_root_parse(env, &cfg);
	*c = (struct hostile_config){0};
	if (!root)
		return;
	(void)node_attribute_string(root, "attempt", c->attempt, sizeof(c->attempt), "", &cfg.err);
	(void)node_attribute_bool(root, "figures", false, &c->figures, &cfg.err);
	(void)node_attribute_bool(root, "gate", false, &c->gate, &cfg.err);
	(void)node_attribute_u64(root, "pause_ms", 0, &c->pause_ms, &cfg.err);
}

/* wait until init answers a request for "Gate"; any answer opens it */
static void
gate_pass(struct env *env)
{
	cap_t cap = cap_invalid();
	log_print("waiting at the gate");
	if (parent_session(env_parent(env), "Gate", "ram_quota=4K", &cap) == STATUS_OK) {
		parent_close(env_parent(env), cap);
		cap_close(cap);
	}
}

/* pace an attack that init repeats (restart="yes"), see the header */
static void
pause_for(struct env *env, uint64_t ms)
{
	timer_session_cap_t timer;
	if (timer_connection_open(env_parent(env), &timer) != STATUS_OK) {
		log_error("no Timer session for a pause");
		return;
	}
	(void)timer_session_msleep(timer, (unsigned)ms);
	timer_connection_close(env_parent(env), timer);
}

void
component_construct(struct env *env)
{
	struct hostile_config c;
	config_read(env, &c);
	if (c.gate)
		gate_pass(env);
	if (c.pause_ms)
		pause_for(env, c.pause_ms);
	if (c.attempt[0]) {
		if (!hostile_grab(env, c.attempt))
			log_error("unknown attempt \"%s\"", c.attempt);
		env_exit(env, attempts && refused == attempts ? 0 : 1);
		return;
	}
	hostile_dataspaces(env);
	if (c.figures)
		hostile_figures(env);
	log_print("memory: %u attempts, %u refused", attempts, refused);
	env_exit(env, refused == attempts ? 0 : 1);
}
