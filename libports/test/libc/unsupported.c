/*
 * \brief  test-libc: calls no plugin serves fail with errno, never a kill
 *
 * Each of these would be a system call the sandbox forbids (fork, a new
 * socket kind, mkdir, kill); through the runtime they end with the
 * error POSIX names and one log line per kind of call.
 */

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

#include "test_libc.h"

int
test_unsupported(void)
{
	errno = 0;
	CHECK(fork() < 0 && errno == ENOSYS, "fork: errno %d", errno);
	CHECK(fork() < 0 && errno == ENOSYS, "fork again (logged once): errno %d", errno);
	CHECK(socket(AF_INET, SOCK_STREAM, 0) < 0 && errno == EAFNOSUPPORT,
	      "socket without a network plugin: errno %d", errno);
	CHECK(mkdir("/tmp", 0755) < 0 && errno == ENOSYS, "mkdir: errno %d", errno);
	CHECK(kill(1, SIGTERM) < 0 && errno == ENOSYS, "kill: errno %d", errno);
	CHECK(system("ls") != 0, "system");
	CHECK(chdir("/") < 0 && errno == ENOSYS, "chdir: errno %d", errno);
	printf("unsupported: all refused with errno\n");
	return 0;
}
