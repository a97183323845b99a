/*
 * \brief  test-plain: a program that knows nothing of the framework
 *
 * Its own main, no start-up code of ours, so no sandbox of its own: what
 * holds it is only what core applied between clone and exec. What it
 * tries depends on its name (argv[0], the <start> name init gives it):
 *
 *   plain-look    says what its root holds, then exits 0
 *   plain-open    opens /etc/passwd
 *   plain-socket  makes an AF_INET socket
 *   plain-exec    executes /bin/sh by path
 *   plain-setuid  becomes root again
 *   plain-sleep   says it runs, then sleeps (for a look from outside)
 *
 * Each attempt that succeeds says so on stdout, which core logs as
 * "[init -> name] text"; a confined one dies of SIGSYS first.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static int
look(void)
{
	struct stat st;
	if (stat("/etc/passwd", &st) == 0) {
		printf("sees /etc/passwd: the host's root\n");
		return 1;
	}
	printf("no /etc/passwd (%s), no /bin/sh (%s): an empty root\n", strerror(errno),
	       stat("/bin/sh", &st) == 0 ? "present" : strerror(errno));
	return 0;
}

static int
escape(const char *what)
{
	int r = -1;
	if (strcmp(what, "plain-open") == 0)
		r = open("/etc/passwd", O_RDONLY);
	else if (strcmp(what, "plain-socket") == 0)
		r = socket(AF_INET, SOCK_STREAM, 0);
	else if (strcmp(what, "plain-exec") == 0) {
		char *argv[] = {"sh", "-c", "echo shell runs", NULL}, *envp[] = {NULL};
		r = execve("/bin/sh", argv, envp);
	} else if (strcmp(what, "plain-setuid") == 0)
		r = (int)syscall(SYS_setuid, 0);
	else {
		printf("unknown attempt \"%s\"\n", what);
		return 2;
	}
	printf("%s: %s\n", what, r >= 0 ? "succeeded, NOT contained" : strerror(errno));
	return r >= 0 ? 1 : 0;
}

int
main(int argc, char **argv)
{
	const char *name = argc > 0 ? argv[0] : "";
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (strcmp(name, "plain-look") == 0)
		return look();
	if (strcmp(name, "plain-sleep") == 0) {
		printf("plain program running\n");
		for (;;) {
			struct timespec t = {3600, 0};
			nanosleep(&t, NULL);
		}
	}
	return escape(name);
}
