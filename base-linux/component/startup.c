/*
 * \brief  Component start-up on Linux
 *
 * The parent capability arrives at PARENT_CAP_FD (base/parent_linux.h).
 * Before component_construct runs, the environment opens, through the
 * parent, a LOG session for the component's log lines, its CPU session
 * (which sets its priority), its RM session, its SIGNAL session (where
 * its signal contexts come from, signal_env.c) and the "config" ROM,
 * mapped read-only. Then the main loop serves the component's entrypoint
 * and its children until env_exit. The main loop also receives the ends of
 * the component's own children, which core reports by signal
 * (base/process.h).
 *
 * Without a parent (started by hand) log lines go to stdout and there is
 * no config.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <base/component.h>
#include <base/entrypoint.h>
#include <base/log.h>
#include <base/parent_linux.h>
#include <base/process.h>
#include <base/process_linux.h>
#include <base/sandbox_linux.h>
#include <cpu_session/connection.h>
#include <dataspace/map.h>
#include <log_session/connection.h>
#include <ram_session/connection.h>
#include <rm_session/connection.h>
#include <rom_session/connection.h>

#include "env_heap.h"
#include "malloc_arenas.h"
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

static void
write_all(int fd, const char *s, size_t len)
{
	while (len) {
		ssize_t n = write(fd, s, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		s += n;
		len -= (size_t)n;
	}
}

/*
 * One LOG write per line. Lines longer than a LOG write takes are cut, as
 * log.h promises. Before the session exists (or if it broke) the line goes
 * to stdout, which the parent captures as stray output.
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
	write_all(STDOUT_FILENO, buf, n + 1);
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
	_exit(value & 0xff);
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
 * into the band it grants us. Then register the main thread,
 * before any other thread exists, so that threads created later inherit
 * its priority from it (Linux copies nice into new threads).
 */
static void
env_cpu_open(struct env *env)
{
	uint32_t id = 0;
	cap_t raw = cap_invalid();
	/* the one the parent made for us before our start, else a new one */
	status_t s = parent_session(env->parent, "Env::cpu_session", "", &raw);
	env->cpu = CAP_TYPED(cpu_session_cap_t, raw);
	if (s != STATUS_OK)
		s = cpu_connection_open(env->parent, 0, &env->cpu);
	if (s == STATUS_OK)
		s = cpu_session_create_thread(env->cpu, "main", &id);
	if (s != STATUS_OK)
		log_error("no CPU session: %s", status_name(s));
}

static void
env_init(struct env *env)
{
	if (fcntl(PARENT_CAP_FD, F_GETFD) >= 0) {
		/* ours alone: no child may inherit it */
		fcntl(PARENT_CAP_FD, F_SETFD, FD_CLOEXEC);
		env->parent = CAP_TYPED(parent_cap_t, ((cap_t){PARENT_CAP_FD}));
	}
	if (entrypoint_create(&env->ep) != STATUS_OK) {
		log_error("cannot create the entrypoint");
		_exit(1);
	}
	if (cap_valid(cap_raw(env->parent))) {
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
	/* without a RAM session the heap refuses every allocation */
	(void)env_heap_init(&env->heap, env->ram);
}

/*
 * core made us the init of a PID namespace of our own (pd_spawn.c). Such
 * a process ignores every signal it sends itself with the default action,
 * so abort() would not end it. A trap is raised by the kernel and cannot
 * be ignored: abort() ends the process with SIGTRAP, which core reports
 * as "aborted" for such a process.
 */
static void
abort_by_trap(int sig)
{
	(void)sig;
	signal(SIGTRAP, SIG_DFL);
	__asm__ volatile("int3");
}

/*
 * core confined us before our first instruction (doc/sandbox.md); what is
 * left is to tighten: the second filter takes away what only the start
 * needed, the exec above all. Done while still single-threaded, though
 * TSYNC would reach threads too. Nothing here can loosen core's sandbox.
 */
static void
sandbox_tighten_own(void)
{
	if (getpid() == 1)
		signal(SIGABRT, abort_by_trap);
	const char *state = getenv(PROCESS_SANDBOX_VAR);
	if (state && strcmp(state, "off") == 0)
		return;
	char why[SANDBOX_WHY_MAX];
	if (sandbox_tighten(why, sizeof(why)) != STATUS_OK) {
		log_error("cannot tighten the sandbox: %s", why);
		env_exit(&the_env, -1);
	}
}

int
main(void)
{
	signal(SIGPIPE, SIG_IGN); /* a vanished reader must not kill us */
	linux_malloc_arenas_limit();
	env_init(&the_env);
	process_runtime_init(the_env.parent, the_env.ep);
	sandbox_tighten_own();
	component_construct(&the_env);
	process_serve(the_env.ep, NULL, NULL); /* lives on until env_exit or a signal */
	return 0;
}
