/*
 * \brief  Creating child processes on Linux
 *
 * posix_spawn (vfork-like in glibc) keeps creation cheap however large the
 * parent is. The child gets an empty environment, no arguments besides its
 * name, its parent capability at PARENT_CAP_FD, /dev/null as stdin and one
 * pipe as stdout and stderr; every other descriptor of the parent is
 * close-on-exec.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <spawn.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <base/log.h>
#include <base/parent_linux.h>
#include <util/format.h>
#include <util/string.h>

#include "process_linux.h"

struct process process_table[PROCESS_MAX];

static const char *sandbox_env; /* NULL: the child enters a full sandbox */

void
process_sandbox_disable(void)
{
	sandbox_env = PROCESS_SANDBOX_VAR "=off";
}

void
process_sandbox_nested(void)
{
	if (!sandbox_env)
		sandbox_env = PROCESS_SANDBOX_VAR "=nested";
}

static struct process *
slot_alloc(void)
{
	for (unsigned i = 0; i < PROCESS_MAX; i++)
		if (!process_table[i].used)
			return &process_table[i];
	return NULL;
}

static status_t
spawn(struct process *p, const char *binary, int parent_fd, int out_w)
{
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_addopen(&fa, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
	posix_spawn_file_actions_adddup2(&fa, out_w, STDOUT_FILENO);
	posix_spawn_file_actions_adddup2(&fa, out_w, STDERR_FILENO);
	posix_spawn_file_actions_adddup2(&fa, parent_fd, PARENT_CAP_FD);

	char path[PROCESS_NAME_MAX + 2];
	format_string(path, sizeof(path), "./%s", binary);
	char *const argv[] = {p->name, NULL};
	/* the only thing a child inherits besides its descriptors */
	char *const envp[] = {(char *)sandbox_env, NULL};

	/* a parent's blocked signals (core: SIGUSR1) are none of the child's business */
	posix_spawnattr_t attr;
	sigset_t none;
	sigemptyset(&none);
	posix_spawnattr_init(&attr);
	posix_spawnattr_setsigmask(&attr, &none);
	posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
	int err = posix_spawn(&p->pid, path, &fa, &attr, argv, envp);
	posix_spawnattr_destroy(&attr);
	posix_spawn_file_actions_destroy(&fa);
	if (err) {
		log_error("cannot start \"%s\" from binary \"%s\": %s", p->name, binary,
		          err == ENOENT ? "no such ROM module" : "exec failed");
		return err == ENOENT ? STATUS_NOT_FOUND : STATUS_DENIED;
	}
	p->pidfd = (int)syscall(SYS_pidfd_open, p->pid, 0);
	return STATUS_OK;
}

static void
close_fd(int *fd)
{
	if (*fd >= 0)
		close(*fd);
	*fd = -1;
}

static status_t
start(struct process *p, const char *binary, cap_t parent)
{
	int out[2] = {-1, -1};
	status_t s = STATUS_OUT_OF_MEMORY;
	if (parent.sel < 0 || parent.sel > INT_MAX)
		return STATUS_INVALID_ARGS;
	if (pipe2(out, O_CLOEXEC | O_NONBLOCK) == 0)
		s = spawn(p, binary, (int)parent.sel, out[1]);
	close_fd(&out[1]);
	p->out_fd = out[0];
	if (s == STATUS_OK && p->pidfd < 0) {
		log_error("cannot supervise \"%s\": pidfd_open failed", p->name);
		kill(p->pid, SIGKILL);
		waitpid(p->pid, NULL, 0);
		s = STATUS_DENIED;
	}
	if (s != STATUS_OK)
		close_fd(&p->out_fd);
	return s;
}

status_t
process_create(const char *name, const char *binary, cap_t parent, process_exit_fn on_exit,
               void *ctx, struct process **out)
{
	size_t name_len = str_len_bounded(name, PROCESS_NAME_MAX);
	if (name_len == 0 || name_len == PROCESS_NAME_MAX ||
	    str_len_bounded(binary, PROCESS_NAME_MAX) == PROCESS_NAME_MAX)
		return STATUS_INVALID_ARGS;
	struct process *p = slot_alloc();
	if (!p)
		return STATUS_OUT_OF_MEMORY;

	unsigned generation = p->generation + 1;
	mem_set(p, 0, sizeof(*p));
	p->generation = generation;
	str_copy(p->name, name, sizeof(p->name));
	p->pidfd = p->out_fd = -1;
	p->on_exit = on_exit;
	p->ctx = ctx;
	status_t s = start(p, binary, parent);
	if (s != STATUS_OK)
		return s;
	p->used = true;
	*out = p;
	return STATUS_OK;
}

void
process_kill(struct process *p)
{
	if (p->used)
		kill(p->pid, SIGKILL);
}

const char *
process_name(const struct process *p)
{
	return p->name;
}
