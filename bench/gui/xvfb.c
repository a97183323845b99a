/*
 * \brief  bench-gui: an Xvfb of its own
 *
 * -displayfd lets Xvfb choose a free display and write its number once
 * it accepts connections, so there is no polling and no race with
 * another test's display.
 */

#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_gui.h"

enum { XVFB_START_MS = 15000 };

static bool
on_path(const char *name)
{
	const char *path = getenv("PATH");
	char buf[PATH_MAX];

	for (const char *p = path ? path : "/usr/bin:/bin"; *p;) {
		size_t n = strcspn(p, ":");
		snprintf(buf, sizeof(buf), "%.*s/%s", (int)n, p, name);
		if (access(buf, X_OK) == 0)
			return true;
		p += n + (p[n] == ':');
	}
	return false;
}

static void
xvfb_exec(int fd)
{
	char fdarg[16], size[32];
	int null = open("/dev/null", O_RDWR);

	prctl(PR_SET_PDEATHSIG, SIGKILL); /* ends with bench-gui, however that ends */
	if (null >= 0) {
		dup2(null, STDOUT_FILENO);
		dup2(null, STDERR_FILENO);
	}
	snprintf(fdarg, sizeof(fdarg), "%d", fd);
	snprintf(size, sizeof(size), "%dx%dx24", GUI_W, GUI_H);
	execlp("Xvfb", "Xvfb", "-displayfd", fdarg, "-screen", "0", size, "-nolisten", "tcp",
	       "-noreset", (char *)NULL);
	_exit(127);
}

/* the display number Xvfb writes when ready; false if it did not within XVFB_START_MS */
static bool
xvfb_await(int fd, char *display, size_t size)
{
	char num[16];
	size_t got = 0;
	struct pollfd p = {.fd = fd, .events = POLLIN};

	while (got < sizeof(num) - 1 && poll(&p, 1, XVFB_START_MS) == 1) {
		ssize_t n = read(fd, num + got, sizeof(num) - 1 - got);
		if (n <= 0)
			return false;
		got += (size_t)n;
		if (memchr(num, '\n', got)) {
			num[got] = 0;
			snprintf(display, size, ":%d", atoi(num));
			return true;
		}
	}
	return false;
}

pid_t
xvfb_start(char *display, size_t size)
{
	int fd[2];

	if (!on_path("Xvfb"))
		return 0;
	if (pipe2(fd, O_CLOEXEC) != 0)
		return -1;
	pid_t pid = fork();
	if (pid == 0) {
		close(fd[0]);
		fcntl(fd[1], F_SETFD, 0); /* the one descriptor Xvfb gets from us */
		xvfb_exec(fd[1]);
	}
	close(fd[1]);
	bool up = pid > 0 && xvfb_await(fd[0], display, size);
	close(fd[0]);
	if (!up) {
		fprintf(stderr, "bench-gui: Xvfb did not start within %d ms\n", XVFB_START_MS);
		if (pid > 0)
			xvfb_stop(pid);
		return -1;
	}
	return pid;
}

void
xvfb_stop(pid_t pid)
{
	kill(pid, SIGTERM);
	waitpid(pid, NULL, 0);
}
