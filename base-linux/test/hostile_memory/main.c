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
 */

#define _GNU_SOURCE
#include <setjmp.h>
#include <signal.h>

#include <base/component.h>
#include <base/config_root.h>
#include <base/log.h>
#include <ram_session/connection.h>

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

static void
config_read(struct env *env, char *name, size_t size, bool *figures)
{
	struct config_root cfg;
	const struct node *root = config_root_parse(env, &cfg);
	name[0] = 0;
	*figures = false;
	if (!root)
		return;
	(void)node_attribute_string(root, "attempt", name, size, "", &cfg.err);
	(void)node_attribute_bool(root, "figures", false, figures, &cfg.err);
}

void
component_construct(struct env *env)
{
	char name[ATTEMPT_NAME_MAX];
	bool figures;
	config_read(env, name, sizeof(name), &figures);
	if (name[0]) {
		if (!hostile_grab(env, name))
			log_error("unknown attempt \"%s\"", name);
		env_exit(env, attempts && refused == attempts ? 0 : 1);
		return;
	}
	hostile_dataspaces(env);
	if (figures)
		hostile_figures(env);
	log_print("memory: %u attempts, %u refused", attempts, refused);
	env_exit(env, refused == attempts ? 0 : 1);
}
