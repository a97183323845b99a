/*
 * \brief  Component start-up: the environment a parent gives a component
 *
 * The platform's entry (base-<p>/component/) finds the parent capability
 * and calls env_start. Before component_construct runs, the environment
 * opens, through the parent, a LOG session for the component's log lines,
 * its CPU session (which sets its priority), its RM session, its SIGNAL
 * session (where its signal contexts come from, signal_env.c) and the
 * "config" ROM, mapped read-only. Then env_serve serves the component's
 * entrypoint and its children until env_exit. The main loop also receives
 * the ends of the component's own children, which core reports by signal
 * (base/process.h).
 *
 * Without a parent (started by hand) log lines go to the platform's
 * fallback (env_platform_log_fallback) and there is no config.
 */

#include <base/component.h>
#include <base/entrypoint.h>
#include <base/internal/env_platform.h>
#include <base/internal/thread_cpu.h>
#include <base/log.h>
#include <base/process.h>
#include <cpu_session/connection.h>
#include <dataspace/map.h>
#include <log_session/connection.h>
#include <ram_session/connection.h>
#include <rm_session/connection.h>
#include <rom_session/connection.h>

#include "env_heap.h"
#include "signal_env.h"

struct env {
	parent_cap_t parent;
	struct entrypoint *ep;
	log_session_cap_t log;
	ram_session_cap_t ram; /* OWNED: the environment RAM session */
	struct env_heap heap;
	cpu_session_cap_t cpu;
	rm_session_cap_t rm;
	const char *config;
	size_t config_len;
};

static struct env the_env = {
        .parent = {{CAP_SEL_INVALID}},
        .log = {{CAP_SEL_INVALID}},
        .ram = {{CAP_SEL_INVALID}},
        .cpu = {{CAP_SEL_INVALID}},
        .rm = {{CAP_SEL_INVALID}},
};

/*
 * One LOG write per line. Lines longer than a LOG write takes are cut, as
 * log.h promises. Before the session exists (or if it broke) the line goes
 * to the platform's fallback, where the parent sees stray output.
 */
void
log_output_line(const char *line, size_t len)
{
	char buf[LOG_SESSION_WRITE_TEXT_MAX + 2];
	size_t n = len < LOG_SESSION_WRITE_TEXT_MAX ? len : LOG_SESSION_WRITE_TEXT_MAX;
	for (size_t i = 0; i < n; i++)
		buf[i] = line[i] ? line[i] : ' ';
	buf[n] = 0;
	uint32_t written = 0;
	if (cap_valid(cap_raw(the_env.log)) &&
	    log_session_write(the_env.log, buf, &written) == STATUS_OK)
		return;
	buf[n] = '\n';
	env_platform_log_fallback(buf, n + 1);
}

status_t
env_config(struct env *env, const char **text, size_t *len)
{
	if (!env->config)
		return STATUS_NOT_FOUND;
	*text = env->config;
	*len = env->config_len;
	return STATUS_OK;
}

parent_cap_t
env_parent(struct env *env)
{
	return env->parent;
}

cpu_session_cap_t
env_cpu(struct env *env)
{
	return env->cpu;
}

rm_session_cap_t
env_rm(struct env *env)
{
	return env->rm;
}

struct entrypoint *
env_ep(struct env *env)
{
	return env->ep;
}

ram_session_cap_t
env_ram(struct env *env)
{
	return env->ram;
}

struct heap *
env_heap(struct env *env)
{
	return &env->heap.heap;
}

_Noreturn void
env_exit(struct env *env, int value)
{
	if (cap_valid(cap_raw(env->parent)))
		parent_exit(env->parent, value);
	env_platform_exit(value);
}

/* an empty config, or none at all, counts as none */
static void
env_config_open(struct env *env)
{
	rom_session_cap_t rom;
	dataspace_cap_t ds = CAP_TYPED_INVALID(dataspace_cap_t);
	if (rom_connection_open(env->parent, "config", &rom) != STATUS_OK)
		return;
	const char *text;
	size_t len;
	if (rom_session_dataspace(rom, &ds) == STATUS_OK &&
	    dataspace_map_readonly(ds, &text, &len) == STATUS_OK && len > 0) {
		env->config = text;
		env->config_len = len;
	}
	cap_close(cap_raw(ds)); /* the mapping stays; the session stays open */
}

/*
 * Our parent made our CPU session before our start (our priority held
 * from the first instruction); a parent that did not gets asked for the
 * top of our band (priority 0): every parent on the way moves the request
 * into the band it grants us. Then every thread, the main thread first,
 * gets its thread object at core (base/thread_cpu/).
 */
static void
env_cpu_open(struct env *env)
{
	cap_t raw = cap_invalid();
	/* the one the parent made for us before our start, else a new one */
	status_t s = parent_session(env->parent, "Env::cpu_session", "", &raw);
	env->cpu = CAP_TYPED(cpu_session_cap_t, raw);
	if (s != STATUS_OK)
		s = cpu_connection_open(env->parent, 0, &env->cpu);
	if (s == STATUS_OK)
		thread_cpu_env_init(env);
	else
		log_error("no CPU session: %s", status_name(s));
}

/* a refused session is logged and left invalid: the component may cope */
static void
env_sessions_open(struct env *env)
{
	status_t s = log_connection_open(env->parent, &env->log);
	if (s != STATUS_OK)
		log_error("no LOG session: %s", status_name(s));
	s = ram_connection_env(env->parent, &env->ram);
	if (s != STATUS_OK)
		log_error("no RAM session: %s", status_name(s));
	env_cpu_open(env);
	s = rm_connection_open(env->parent, 0, RM_DEFAULT_RANGE, RM_SESSION_ENV_RAM_QUOTA,
	                       &env->rm);
	if (s != STATUS_OK)
		log_error("no RM session: %s", status_name(s));
	signal_env_open(env->parent);
	env_config_open(env);
}

struct env *
env_start(parent_cap_t parent)
{
	struct env *env = &the_env;
	env->parent = parent;
	if (entrypoint_create(&env->ep) != STATUS_OK) {
		log_error("cannot create the entrypoint");
		env_platform_exit(1);
	}
	if (cap_valid(cap_raw(env->parent)))
		env_sessions_open(env);
	/* without a RAM session the heap refuses every allocation */
	(void)env_heap_init(&env->heap, env->ram);
	process_runtime_init(env->parent, env->ep, &env->heap.heap);
	return env;
}

void
env_serve(struct env *env)
{
	component_construct(env);
	process_serve(env->ep, NULL, NULL); /* lives on until env_exit or a signal */
}
