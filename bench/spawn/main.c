/*
 * \brief  Process creation and sessions of Genode/C beside Linux baselines
 *
 * Boots core with init and bench-spawn-parent from a temporary boot
 * directory and reads the figures the component prints (see
 * parent/main.c): (a) component start (process_create, i.e. ROM and PD
 * sessions and core's clone+execveat) to its first LOG line, beside
 * posix_spawn of a small program that writes one line to a pipe and
 * exits, read and reaped: bench-spawn-static-line, statically linked
 * (the cheapest start Linux offers), and this very binary, dynamically
 * linked like the components; (b) a session created and closed through init at core,
 * beside a null RPC to core, in alternating batches, with the goal of issue #13. Everything runs
 * pinned to one CPU, in the same run; medians, in microseconds.
 *
 *   bench-spawn [cpu]
 */

#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../common/boot_dir.h"
#include "../common/measure.h"

extern char **environ;

static char self[PATH_MAX];
static char static_line[PATH_MAX]; /* build/<p>/bin/bench-spawn-static-line */

/* the baseline's child: one line to the pipe, then exit */
static int
child_main(void)
{
	static const char line[] = "hello\n";
	return write(STDOUT_FILENO, line, sizeof(line) - 1) == sizeof(line) - 1 ? 0 : 1;
}

/* posix_spawn of path, read the line, reap */
static bool
spawn_line(const char *path)
{
	int fd[2];
	if (pipe2(fd, O_CLOEXEC) != 0)
		return false;
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fd[1], STDOUT_FILENO);
	char *argv[] = {(char *)path, (char *)"--child", NULL};
	pid_t pid;
	int err = posix_spawn(&pid, path, &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fd[1]);
	char buf[16];
	bool ok = !err && read(fd[0], buf, sizeof(buf)) > 0;
	close(fd[0]);
	int st = 0;
	if (!err)
		waitpid(pid, &st, 0);
	return ok && WIFEXITED(st) && WEXITSTATUS(st) == 0;
}

static const char config[] =
        "<config>\n"
        " <parent-provides> <service name=\"LOG\"/> <service name=\"ROM\"/> </parent-provides>\n"
        " <default-route> <any-service> <parent/> </any-service> </default-route>\n"
        " <start name=\"bench\"> <binary name=\"bench-spawn-parent\"/>\n"
        "  <resource name=\"RAM\" quantum=\"4M\"/> </start>\n"
        "</config>\n";

static void
bin_path(char *out, size_t size, const char *name)
{
	bench_bin_path(self, out, size, name);
}

/* a boot directory as the run tool makes it: symlinks and the config */
static bool
boot_dir_make(char *dir)
{
	static const char *const mods[] = {"core", "init", "bench-spawn-parent",
	                                   "bench-spawn-child"};
	return bench_boot_dir_make(self, dir, mods, sizeof(mods) / sizeof(mods[0]), config);
}

/* issue #13: a session created and closed through init at core costs at
 * most this many null RPCs to core */
enum { SESSION_RATIO_GOAL = 10 };

struct figures {
	double spawn_ns, session_ns, null_ns, session_ratio;
};

/* one figure from a console line, if it carries it */
static void
figure_pick(const char *line, struct figures *fig, unsigned *found)
{
	unsigned long long v;
	const char *b = strstr(line, "bench: ");
	if (!b) {
		if (strstr(line, "Error"))
			fputs(line, stderr);
		return;
	}
	if (sscanf(b, "bench: spawn_to_first_log_ns %llu", &v) == 1)
		fig->spawn_ns = (double)v, *found |= 1;
	if (sscanf(b, "bench: session_create_close_ns %llu", &v) == 1)
		fig->session_ns = (double)v, *found |= 2;
	if (sscanf(b, "bench: null_rpc_ns %llu", &v) == 1)
		fig->null_ns = (double)v, *found |= 4;
	if (sscanf(b, "bench: session_ratio_x100 %llu", &v) == 1)
		fig->session_ratio = (double)v / 100, *found |= 8;
}

/* run core in dir, pick the component's figures from its console, stop core */
static bool
genode_run(const char *dir, struct figures *fig)
{
	int fd[2];
	if (pipe2(fd, O_CLOEXEC) != 0)
		return false;
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addchdir_np(&fa, dir);
	posix_spawn_file_actions_adddup2(&fa, fd[1], STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&fa, fd[1], STDERR_FILENO);
	char *argv[] = {(char *)"./core", NULL};
	pid_t core;
	int err = posix_spawn(&core, "./core", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fd[1]);
	if (err)
		return false;
	FILE *out = fdopen(fd[0], "r");
	char line[512];
	unsigned found = 0;
	/* init lives on after its child: core is stopped once the figures are in */
	while (found != 15 && out && fgets(line, sizeof(line), out))
		figure_pick(line, fig, &found);
	kill(core, SIGTERM);
	waitpid(core, NULL, 0);
	if (out)
		fclose(out);
	return found == 15;
}

/* single spawns, as the component measures its starts: the median of 41; < 0 on failure */
static double
spawn_median(const char *path)
{
	double v[41];
	for (unsigned i = 0; i < 41; i++) {
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		if (!spawn_line(path))
			return -1;
		clock_gettime(CLOCK_MONOTONIC, &t1);
		v[i] = (double)(t1.tv_sec - t0.tv_sec) * 1e9 + (double)(t1.tv_nsec - t0.tv_nsec);
	}
	return median(v, 41);
}

int
main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "--child") == 0)
		return child_main();
	ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		return 1;
	self[n] = 0;
	bench_pin_cpu(argc > 1 ? atoi(argv[1]) : 0);

	char dir[] = "/tmp/bench-spawn-XXXXXX";
	struct figures fig = {0, 0, 0, 0};
	bool ok = boot_dir_make(dir) && genode_run(dir, &fig);
	char rm[64];
	snprintf(rm, sizeof(rm), "rm -rf '%s'", dir);
	(void)!system(rm);
	if (!ok) {
		fprintf(stderr, "bench-spawn: the Genode/C run failed\n");
		return 1;
	}
	bin_path(static_line, sizeof(static_line), "bench-spawn-static-line");
	double spawn_static = spawn_median(static_line), spawn_dynamic = spawn_median(self);
	if (spawn_static < 0 || spawn_dynamic < 0)
		return 1;
	/* issue 17: start-up on top of a static posix_spawn at most 0.3 of it */
	printf("component_start_to_first_log: %.1f us  posix_spawn_static_line: %.1f us  ratio "
	       "%.2f (goal <= 1.30)\n",
	       fig.spawn_ns / 1000, spawn_static / 1000, fig.spawn_ns / spawn_static);
	printf("component_start_to_first_log: %.1f us  posix_spawn_dynamic_line: %.1f us  ratio "
	       "%.2f\n",
	       fig.spawn_ns / 1000, spawn_dynamic / 1000, fig.spawn_ns / spawn_dynamic);
	/* the ratio is the median of per-round ratios (parent/main.c), not the
	 * ratio of the two medians */
	printf("session_create_close: %.1f us  null_rpc: %.1f us  ratio %.2f (goal <= %d: %s)\n",
	       fig.session_ns / 1000, fig.null_ns / 1000, fig.session_ratio, SESSION_RATIO_GOAL,
	       fig.session_ratio <= SESSION_RATIO_GOAL ? "met" : "NOT met");
	return 0;
}
