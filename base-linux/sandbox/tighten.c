/*
 * \brief  A component's own second filter, on top of core's
 *
 * core's filter must admit what a process needs before and during its
 * exec and the first steps of the C library (execveat from a descriptor,
 * arch_prctl(ARCH_SET_FS), set_tid_address), because core installs it
 * before the exec (doc/sandbox.md). A component that is past its start
 * needs none of these, so the framework's start-up code forbids them
 * with a second, tiny filter. The kernel runs every filter and takes the
 * strictest verdict: this one can only take away.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sandbox.h"

#define NR_OFF offsetof(struct seccomp_data, nr)
#define KILL_IF(nr)                                                \
	BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)(nr), 0, 1), \
	        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS)

status_t
sandbox_tighten(char *why, size_t why_size)
{
	struct sandbox_note note = {why, why ? why_size : 0, 0};
	/* core's filter kills other architectures already; nr is x86_64's here */
	static struct sock_filter insn[] = {
	        BPF_STMT(BPF_LD | BPF_W | BPF_ABS, NR_OFF),
	        KILL_IF(SYS_execve),
	        KILL_IF(SYS_execveat),
	        KILL_IF(SYS_arch_prctl),
	        KILL_IF(SYS_set_tid_address),
	        BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW),
	};
	struct sock_fprog prog = {.len = sizeof(insn) / sizeof(insn[0]), .filter = insn};

	if (note.size)
		note.buf[0] = '\0';
	/* already set by core; needed where the process was started by hand */
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
		sandbox_note(&note, "no_new_privs refused: %s", strerror(errno));
		return STATUS_UNAVAILABLE;
	}
	if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, &prog) != 0) {
		sandbox_note(&note, "second filter refused: %s", strerror(errno));
		return STATUS_UNAVAILABLE;
	}
	return STATUS_OK;
}
