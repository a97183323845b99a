/*
 * \brief  The null call with client and server inside the sandbox
 *
 * What a component pays for its confinement on every system call: the
 * filter core installs before the exec (the component policy), and the
 * second one the framework adds at start (sandbox_tighten). The server is
 * a test server that confines itself after its fork; the client is a
 * child that confines itself, measures and hands the figure back
 * through a pipe, since a confined process can neither fork nor leave
 * its filters. Namespaces cost nothing per call and are left out.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <base/sandbox_linux.h>

#include "../../tests/unit/ipc/test_server.h"
#include "bench.h"

static bool
confine(bool tighten)
{
	static const struct sandbox_policy seccomp_only = {
	        .role = SANDBOX_ROLE_COMPONENT,
	        .namespaces = false,
	};
	char why[SANDBOX_WHY_MAX];
	if (sandbox_enter(&seccomp_only, why, sizeof(why)) != STATUS_OK ||
	    (tighten && sandbox_tighten(why, sizeof(why)) != STATUS_OK)) {
		fprintf(stderr, "bench-rpc: cannot confine: %s\n", why);
		return false;
	}
	return true;
}

static void
server_core_filter(void)
{
	if (!confine(false))
		_exit(3);
}

static void
server_both_filters(void)
{
	if (!confine(true))
		_exit(3);
}

bool
confined_server_start(struct test_server *srv, bool tighten)
{
	return test_server_start_setup(srv, 1, tighten ? server_both_filters : server_core_filter);
}

double
confined_measure(round_trip_fn rt, void *ctx, long n, bool tighten)
{
	int fd[2];
	double ns = -1;
	if (pipe(fd) != 0)
		return -1;
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		close(fd[0]);
		ns = confine(tighten) ? measure(rt, ctx, n) : -1;
		_exit(write(fd[1], &ns, sizeof(ns)) == sizeof(ns) ? 0 : 1);
	}
	close(fd[1]);
	if (pid > 0 && read(fd[0], &ns, sizeof(ns)) != sizeof(ns))
		ns = -1;
	close(fd[0]);
	if (pid > 0)
		while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
			;
	return ns;
}
