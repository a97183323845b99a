/*
 * \brief  Starting init on Linux and relaying its output
 *
 * init is spawned with an empty environment and no arguments, its config
 * module as standard input and a pipe to core as standard output. core
 * prefixes each line with init's label, as its LOG service does for every
 * component. (Until the RPC-based ROM and LOG sessions exist, these two file
 * descriptors are init's only connection to core.)
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core_log.h"
#include "platform.h"

struct relay {
	char buf[CORE_LOG_LINE_MAX - 64];
	size_t len;
};

/* emit every complete line; a line longer than the buffer is split */
static void
relay_feed(struct relay *r, const char *label, const char *data, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		if (data[i] == '\n' || r->len == sizeof(r->buf)) {
			core_log_labeled(label, r->buf, r->len);
			r->len = 0;
			if (data[i] == '\n')
				continue;
		}
		r->buf[r->len++] = data[i];
	}
}

static void
relay_until_eof(int fd, const char *label)
{
	static struct relay r;
	char chunk[4096];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		relay_feed(&r, label, chunk, (size_t)n);
	}
	if (r.len)
		core_log_labeled(label, r.buf, r.len);
	r.len = 0;
}

static pid_t
spawn_init(const struct boot_module *binary, int config_fd, int out_fd)
{
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, config_fd, STDIN_FILENO);
	posix_spawn_file_actions_adddup2(&fa, out_fd, STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&fa, out_fd, STDERR_FILENO);

	char path[BOOT_MODULE_NAME_MAX + 2];
	format_string(path, sizeof(path), "./%s", binary->name);
	char *const argv[] = {(char *)binary->name, NULL};
	char *const envp[] = {NULL};

	pid_t pid;
	int err = posix_spawn(&pid, path, &fa, NULL, argv, envp);
	posix_spawn_file_actions_destroy(&fa);
	if (err) {
		log_error("cannot start \"%s\": %s", binary->name, strerror(err));
		return -1;
	}
	return pid;
}

static int
exit_value_of(pid_t pid)
{
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	log_error("init terminated by signal %d (%s)", WTERMSIG(status),
	          strsignal(WTERMSIG(status)));
	return -1;
}

int
platform_run_init(const struct boot_module *binary, const struct boot_module *config)
{
	int pipe_fd[2];
	if (pipe2(pipe_fd, O_CLOEXEC) != 0) {
		log_error("cannot create init's output pipe: %s", strerror(errno));
		return -1;
	}
	/* read the config from its start, whoever read the module before */
	lseek((int)config->handle, 0, SEEK_SET);
	pid_t pid = spawn_init(binary, (int)config->handle, pipe_fd[1]);
	close(pipe_fd[1]);
	if (pid < 0) {
		close(pipe_fd[0]);
		return -1;
	}
	relay_until_eof(pipe_fd[0], "init");
	close(pipe_fd[0]);
	return exit_value_of(pid);
}
