/*
 * \brief  Component process entry on Linux
 *
 * The parent capability arrives at PARENT_CAP_FD (base/parent_linux.h);
 * the generic environment (base/component/startup.c) does the rest. What
 * stays here knows Linux: the descriptor, SIGPIPE, the sandbox's second
 * filter, abort() in a PID namespace's init, stdout as the fallback log
 * and _exit.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include <base/internal/env_platform.h>
#include <base/internal/lx_fd.h>
#include <base/internal/lx_process.h>
#include <base/log.h>
#include <base/parent_linux.h>
#include <base/process_linux.h>
#include <base/sandbox_linux.h>

#include "malloc_arenas.h"

/* stdout is a pipe core relays as "[label] text"; one write per line if it takes it */
void
env_platform_log_fallback(const char *text, size_t len)
{
	while (len) {
		long n = lx_write(LX_STDOUT, text, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		text += n;
		len -= (size_t)n;
	}
}

_Noreturn void
env_platform_exit(int value)
{
	lx_exit_group(value & 0xff);
}

/* invalid when started by hand, without a parent */
static parent_cap_t
parent_find(void)
{
	if (lx_fcntl(PARENT_CAP_FD, F_GETFD, 0) < 0)
		return CAP_TYPED_INVALID(parent_cap_t);
	/* ours alone: no child may inherit it */
	lx_fcntl(PARENT_CAP_FD, F_SETFD, FD_CLOEXEC);
	return CAP_TYPED(parent_cap_t, ((cap_t){PARENT_CAP_FD}));
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
sandbox_tighten_own(struct env *env)
{
	if (lx_getpid() == 1)
		signal(SIGABRT, abort_by_trap);
	const char *state = getenv(PROCESS_SANDBOX_VAR);
	if (state && strcmp(state, "off") == 0)
		return;
	char why[SANDBOX_WHY_MAX];
	if (sandbox_tighten(why, sizeof(why)) != STATUS_OK) {
		log_error("cannot tighten the sandbox: %s", why);
		env_exit(env, -1);
	}
}

int
component_platform_main(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	signal(SIGPIPE, SIG_IGN); /* a vanished reader must not kill us */
	linux_malloc_arenas_limit();
	struct env *env = env_start(parent_find());
	sandbox_tighten_own(env);
	env_serve(env);
	return 0;
}
