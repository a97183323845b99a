/*
 * \brief  A component's own second filter, on top of core's
 *
 * core's filter must admit what a process needs before and during its
 * exec and the first steps of the C library (execveat from a descriptor,
 * arch_prctl(ARCH_SET_FS) on x86_64, set_tid_address), because core installs it
 * before the exec (doc/sandbox.md); i386 sets the thread pointer by
 * set_thread_area instead. A component that is past its start
 * needs none of these, so the framework's start-up code forbids them
 * with a second, tiny filter. The kernel runs every filter and takes the
 * strictest verdict: this one can only take away.
 *
 * It runs in every component, also one whose C library hands system
 * calls to a dispatcher: so it makes its two calls itself (lx_process.h).
 */

#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <string.h>
#include <sys/prctl.h> /* constants only */

#include <base/internal/lx_process.h>

#include "sandbox.h"

#define NR_OFF offsetof(struct seccomp_data, nr)

/* the start's calls of every architecture, then its own (the thread pointer) */
static const int start_common[] = {SYS_execve, SYS_execveat, SYS_set_tid_address};

enum { START_MAX = 8, INSN_MAX = 2 + 2 * START_MAX };

static void
kill_if(struct sock_filter *insn, unsigned *n, int nr)
{
	insn[(*n)++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, (uint32_t)nr, 0, 1);
	insn[(*n)++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_KILL_PROCESS);
}

/* core's filter kills other ABIs already: nr is this architecture's here */
static unsigned
tighten_program(struct sock_filter *insn)
{
	unsigned n = 0;
	insn[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS, NR_OFF);
	for (unsigned i = 0; i < sizeof(start_common) / sizeof(start_common[0]); i++)
		kill_if(insn, &n, start_common[i]);
	for (unsigned i = 0; i < sandbox_arch.start_only_count && i < START_MAX - 3; i++)
		kill_if(insn, &n, sandbox_arch.start_only[i]);
	insn[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	return n;
}

status_t
sandbox_tighten(char *why, size_t why_size)
{
	struct sandbox_note note = {why, why ? why_size : 0, 0};
	struct sock_filter insn[INSN_MAX];
	struct sock_fprog prog = {.len = (unsigned short)tighten_program(insn), .filter = insn};

	if (note.size)
		note.buf[0] = '\0';
	/* already set by core; needed where the process was started by hand */
	if (lx_prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) {
		sandbox_note(&note, "no_new_privs refused: %s", strerror(errno));
		return STATUS_UNAVAILABLE;
	}
	if (lx_result(lx_syscall3(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC,
	                          LX_ARG(&prog))) != 0) {
		sandbox_note(&note, "second filter refused: %s", strerror(errno));
		return STATUS_UNAVAILABLE;
	}
	return STATUS_OK;
}
