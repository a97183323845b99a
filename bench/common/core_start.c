/*
 * \brief  Starting core in a benchmark's boot directory
 */

#define _GNU_SOURCE
#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>

#include "boot_dir.h"

extern char **environ;

pid_t
bench_core_start(const char *dir, const char *tap_grant, int *out_fd)
{
	int fd[2];
	if (pipe2(fd, O_CLOEXEC) != 0)
		return -1;
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addchdir_np(&fa, dir);
	posix_spawn_file_actions_adddup2(&fa, fd[1], STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&fa, fd[1], STDERR_FILENO);
	char *argv[] = {(char *)"./core", (char *)"--tap", (char *)tap_grant, NULL};
	if (!tap_grant)
		argv[1] = NULL;
	pid_t core;
	int err = posix_spawn(&core, "./core", &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fd[1]);
	if (err) {
		close(fd[0]);
		return -1;
	}
	*out_fd = fd[0];
	return core;
}
