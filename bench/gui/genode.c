/*
 * \brief  bench-gui: core, init, timer, fb_sdl, nitpicker and the client
 *
 * A boot directory as the run tool makes it (symlinks to build/<p>/bin
 * and the config), core started in it with its console on a pipe. At a
 * client's snapshot marker core gets SIGUSR1 and prints its accounting,
 * nitpicker's RAM account among it. Every component is confined as in
 * any scenario; fb_sdl leaves the sandbox by its <host-access> alone, so
 * the figures are those of the system as it runs.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../common/boot_dir.h"
#include "bench_gui.h"

extern char **environ;

/* the whole scenario takes ~12 s natively; ends a hung run */
enum { GENODE_TIMEOUT_S = 60 };

static const char *const modules[] = {"core",   "init",      "timer",
                                      "fb_sdl", "nitpicker", "bench-gui-client"};

static const char config_fmt[] =
        "<config>\n"
        " <parent-provides> <service name=\"LOG\"/> <service name=\"ROM\"/> </parent-provides>\n"
        " <default-route> <any-service> <parent/> </any-service> </default-route>\n"
        " <start name=\"timer\"> <resource name=\"RAM\" quantum=\"1M\"/>\n"
        "  <provides> <service name=\"Timer\"/> </provides> </start>\n"
        " <start name=\"fb_sdl\"> <resource name=\"RAM\" quantum=\"16M\"/>\n"
        "  <host-access reason=\"draws into a window of the host's X server\"/>\n"
        "  <provides> <service name=\"Framebuffer\"/> <service name=\"Input\"/> </provides>\n"
        "  <config width=\"%d\" height=\"%d\" depth=\"16\" display=\"%s\" bench=\"yes\"/>\n"
        "  <route> <service name=\"Timer\"> <child name=\"timer\"/> </service>\n"
        "   <any-service> <parent/> </any-service> </route> </start>\n"
        " <start name=\"nitpicker\"> <resource name=\"RAM\" quantum=\"1M\"/>\n"
        "  <provides> <service name=\"Nitpicker\"/> </provides>\n"
        "  <route> <service name=\"Framebuffer\"> <child name=\"fb_sdl\"/> </service>\n"
        "   <service name=\"Input\"> <child name=\"fb_sdl\"/> </service>\n"
        "   <service name=\"Timer\"> <child name=\"timer\"/> </service>\n"
        "   <any-service> <parent/> </any-service> </route> </start>\n"
        " <start name=\"bench-gui-client\"> <resource name=\"RAM\" quantum=\"8M\"/>\n"
        "  <route> <service name=\"Nitpicker\"> <child name=\"nitpicker\"/> </service>\n"
        "   <service name=\"Timer\"> <child name=\"timer\"/> </service>\n"
        "   <any-service> <parent/> </any-service> </route> </start>\n"
        "</config>\n";

static bool
boot_dir_make(const char *self, char *dir, const char *display)
{
	char config[sizeof(config_fmt) + 64];

	snprintf(config, sizeof(config), config_fmt, GUI_W, GUI_H, display);
	return bench_boot_dir_make(self, dir, modules, sizeof(modules) / sizeof(modules[0]),
	                           config);
}

static void
on_alarm(int sig)
{
	(void)sig; /* only interrupts the read */
}

/* core's console until the client is done, EOF or the timeout */
static void
console_read(pid_t core, int fd, struct genode_figures *f)
{
	struct sigaction sa = {.sa_handler = on_alarm}; /* no SA_RESTART: fgets returns */
	FILE *out = fdopen(fd, "r");
	char line[512];
	int snapshot = -1;

	bool verbose = getenv("BENCH_GUI_VERBOSE");

	sigaction(SIGALRM, &sa, NULL);
	alarm(GENODE_TIMEOUT_S);
	while (!f->done && !f->ended && out && fgets(line, sizeof(line), out)) {
		int before = snapshot;
		if (verbose)
			fputs(line, stderr);
		figures_line(line, f, &snapshot);
		if (snapshot >= 0 && before != snapshot)
			kill(core, SIGUSR1);
	}
	alarm(0);
	if (f->ended)
		fprintf(stderr, "bench-gui: a child ended before the client was done\n");
	else if (!f->done)
		fprintf(stderr, "bench-gui: the client did not finish within %d s%s\n",
		        GENODE_TIMEOUT_S, errno == EINTR ? "" : " (core's console ended)");
	if (out)
		fclose(out);
	else
		close(fd);
}

bool
genode_measure(const char *self, const char *display, struct genode_figures *f)
{
	char dir[] = "/tmp/bench-gui-XXXXXX", rm[64];
	int fd = -1;
	pid_t core = -1;

	f->max_pushes = 10000;
	f->pushes = calloc(f->max_pushes, sizeof(*f->pushes));
	if (f->pushes && boot_dir_make(self, dir, display) &&
	    (core = bench_core_start(dir, NULL, &fd)) > 0) {
		console_read(core, fd, f);
		kill(core, SIGTERM);
		waitpid(core, NULL, 0);
	}
	snprintf(rm, sizeof(rm), "rm -rf '%s'", dir);
	(void)!system(rm);
	if (core <= 0)
		fprintf(stderr, "bench-gui: core did not start from %s\n", dir);
	return core > 0 && f->done;
}
