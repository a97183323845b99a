/*
 * \brief  Step 4: the allowlist as a hand-written seccomp-BPF program
 *
 * Layout: check the architecture, load the call number, then one short
 * block per rule, then the default action. Every block tests the number
 * first and skips itself on a mismatch; an argument rule whose check
 * fails reloads the number and falls through to the following blocks.
 * The default is SECCOMP_RET_KILL_PROCESS: the whole process ends with
 * SIGSYS (not just the thread, which would leave a half-dead component),
 * and the parent's process library reports "forbidden system call".
 */

#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sandbox.h"

#if !defined(__x86_64__)
#error "sandbox: only the x86_64 system-call table is described so far"
#endif

enum { INSNS_MAX = 8 + SANDBOX_RULES_MAX * 6 };

struct program {
	struct sock_filter insn[INSNS_MAX];
	unsigned len;
};

static void
emit(struct program *p, uint16_t code, uint32_t k, uint8_t jt, uint8_t jf)
{
	if (p->len < INSNS_MAX)
		p->insn[p->len] = (struct sock_filter){code, jt, jf, k};
	p->len++; /* counted beyond the end, so that an overflow is seen */
}

#define LOAD(p, off)      emit(p, BPF_LD | BPF_W | BPF_ABS, (uint32_t)(off), 0, 0)
#define RET(p, action)    emit(p, BPF_RET | BPF_K, action, 0, 0)
#define JEQ(p, k, jt, jf) emit(p, BPF_JMP | BPF_JEQ | BPF_K, k, jt, jf)
#define NR_OFF            offsetof(struct seccomp_data, nr)
/* the low half of an argument: x86_64 is little-endian */
#define ARG_LO_OFF(i) (offsetof(struct seccomp_data, args) + 8 * (i))

static void
prologue(struct program *p)
{
	/* another ABI numbers its calls differently: decide before reading nr */
	LOAD(p, offsetof(struct seccomp_data, arch));
	JEQ(p, AUDIT_ARCH_X86_64, 1, 0);
	RET(p, SECCOMP_RET_KILL_PROCESS);
	LOAD(p, NR_OFF);
	/* x32 calls arrive as x86_64 too, marked by a high bit in nr */
	emit(p, BPF_JMP | BPF_JGE | BPF_K, __X32_SYSCALL_BIT, 0, 1);
	RET(p, SECCOMP_RET_KILL_PROCESS);
}

static void
rule(struct program *p, const struct sandbox_rule *r)
{
	switch (r->kind) {
	case RULE_ALLOW:
		JEQ(p, (uint32_t)r->nr, 0, 1);
		RET(p, SECCOMP_RET_ALLOW);
		break;
	case RULE_ERRNO:
		JEQ(p, (uint32_t)r->nr, 0, 1);
		RET(p, SECCOMP_RET_ERRNO | (r->value & SECCOMP_RET_DATA));
		break;
	case RULE_ARG:
		JEQ(p, (uint32_t)r->nr, 0, 5);
		LOAD(p, ARG_LO_OFF(r->arg));
		emit(p, BPF_ALU | BPF_AND | BPF_K, r->mask, 0, 0);
		JEQ(p, r->value, 0, 1);
		RET(p, SECCOMP_RET_ALLOW);
		LOAD(p, NR_OFF);
		break;
	}
}

status_t
sandbox_filter_install(const struct sandbox_rule *rules, unsigned count, struct sandbox_note *n)
{
	static struct program prog; /* big for a thread stack; sandbox_enter runs once */

	prog.len = 0;
	prologue(&prog);
	for (unsigned i = 0; i < count; i++)
		rule(&prog, &rules[i]);
	RET(&prog, SECCOMP_RET_KILL_PROCESS);
	if (prog.len > INSNS_MAX || prog.len > BPF_MAXINSNS) {
		sandbox_note(n, "filter too long: %u instructions", prog.len);
		return STATUS_OUT_OF_MEMORY;
	}

	struct sock_fprog fprog = {.len = (unsigned short)prog.len, .filter = prog.insn};
	/* TSYNC: threads started before (a sanitizer's, a library's) are covered too */
	long r = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, SECCOMP_FILTER_FLAG_TSYNC, &fprog);
	if (r < 0) {
		sandbox_note(n, "seccomp filter refused: %s", strerror(errno));
		return STATUS_UNAVAILABLE;
	}
	if (r > 0) {
		sandbox_note(n, "seccomp filter not installed: thread %ld cannot take it", r);
		return STATUS_CONFLICT;
	}
	return STATUS_OK;
}
