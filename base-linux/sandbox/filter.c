/*
 * \brief  Step 4: the allowlist as a hand-written seccomp-BPF program
 *
 * Layout: check the architecture, load the call number, then a binary
 * search on the number (BPF_JGE) down to the rules of that one call, in
 * their order in the table, then the default action (within a search
 * block: the block's shared returns, see below). Every rule block
 * tests the number first and skips itself on a mismatch; an argument rule
 * whose check fails reloads the number and falls through to the next
 * block of the same call. So the verdict is the one of trying the rules
 * in table order, but a call reaches its rules in some eight jumps
 * instead of walking the whole list. That matters at every install: the
 * kernel emulates the program once per system call number to find the
 * calls it may allow without running the filter (its action cache), and
 * with the rules one after another that emulation walked the whole
 * program for every call no rule names, 130 us of every process start
 * (doc/pd.md, "Figures").
 *
 * The default is SECCOMP_RET_KILL_PROCESS: the whole process ends with
 * SIGSYS (not just the thread, which would leave a half-dead component),
 * and the parent's process library reports "forbidden system call".
 *
 * Compiling and installing are apart: core compiles once and each new
 * process installs the result between clone and exec, where nothing but
 * plain system calls may run (doc/sandbox.md).
 */

#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sandbox.h"

/*
 * Prologue, rule blocks, per call one search node (two instructions) and
 * one default, and per search block (below) its two shared returns, at
 * most one block per call.
 */
_Static_assert(8 + SANDBOX_RULES_MAX * (9 + 3 + 2) <= SANDBOX_PROGRAM_MAX,
               "program too small for the rules");

/*
 * Search blocks: a subtree of at most BLOCK_MAX instructions ends with a
 * shared RET ALLOW and RET KILL, to which its rules jump straight from
 * their last test (a conditional jump reaches 255 instructions): a plain
 * allow rule is then one instruction instead of two, an argument rule has
 * no return of its own, the last rule of a call sends a mismatch to the
 * shared default instead of one per call, and a full mask needs no AND.
 * The component policy shrank from 430 to 257 instructions; the kernel's
 * checks and JIT at every install cost about 0.15 us per instruction.
 * Two-argument rules keep the plain form.
 */
enum { BLOCK_MAX = 250, FIXUPS_MAX = 2 * SANDBOX_RULES_MAX };

enum shared_ret { TO_ALLOW, TO_KILL };

struct fixup {
	uint16_t at; /* the jump */
	uint8_t jf;  /* 1: its false branch, 0: its true branch */
	uint8_t to;  /* enum shared_ret */
};

struct compile {
	struct sandbox_program *p;
	bool in_block; /* inside a search block: rules jump to its returns */
	bool bad;      /* a jump out of reach: the program is refused */
	unsigned nfix;
	struct fixup fix[FIXUPS_MAX];
};

static void
emit(struct sandbox_program *p, uint16_t code, uint32_t k, uint8_t jt, uint8_t jf)
{
	if (p->len < SANDBOX_PROGRAM_MAX)
		p->insn[p->len] = (struct sock_filter){code, jt, jf, k};
	p->len++; /* counted beyond the end, so that an overflow is seen */
}

#define LOAD(p, off)      emit(p, BPF_LD | BPF_W | BPF_ABS, (uint32_t)(off), 0, 0)
#define RET(p, action)    emit(p, BPF_RET | BPF_K, action, 0, 0)
#define JEQ(p, k, jt, jf) emit(p, BPF_JMP | BPF_JEQ | BPF_K, k, jt, jf)
#define NR_OFF            offsetof(struct seccomp_data, nr)
/* the low half of an argument: x86 is little-endian, each argument 64 bits */
#define ARG_LO_OFF(i) (offsetof(struct seccomp_data, args) + 8 * (i))

static void
prologue(struct sandbox_program *p)
{
	/* another ABI numbers its calls differently: decide before reading nr */
	LOAD(p, offsetof(struct seccomp_data, arch));
	JEQ(p, sandbox_arch.audit_arch, 1, 0);
	RET(p, SECCOMP_RET_KILL_PROCESS);
	LOAD(p, NR_OFF);
	/* x32 calls arrive as x86_64 too, marked by a high bit in nr */
	if (sandbox_arch.nr_foreign) {
		emit(p, BPF_JMP | BPF_JGE | BPF_K, sandbox_arch.nr_foreign, 0, 1);
		RET(p, SECCOMP_RET_KILL_PROCESS);
	}
}

/* a branch of the jump just emitted, to be pointed at a shared return */
static void
fixup_add(struct compile *c, bool jf, enum shared_ret to)
{
	if (c->nfix < FIXUPS_MAX)
		c->fix[c->nfix++] = (struct fixup){(uint16_t)(c->p->len - 1), jf, (uint8_t)to};
	else
		c->bad = true;
}

/*
 * A rule in a block, its last step a jump to the block's returns; last:
 * the call's last rule, whose failures go to the shared default. false
 * (nothing emitted) for a kind done the plain way.
 */
static bool
rule_shared(struct compile *c, const struct sandbox_rule *r, bool last)
{
	struct sandbox_program *p = c->p;
	bool masked = r->mask != 0xffffffffu;
	switch (r->kind) {
	case RULE_ALLOW:
		JEQ(p, (uint32_t)r->nr, 0, 0);
		fixup_add(c, false, TO_ALLOW);
		break;
	case RULE_ERRNO:
		JEQ(p, (uint32_t)r->nr, 0, last ? 0 : 1);
		break;
	case RULE_ARG:
		/* past the load, the mask, the test and the reload of the number */
		JEQ(p, (uint32_t)r->nr, 0, (uint8_t)(3 + masked));
		break;
	default:
		return false;
	}
	if (last)
		fixup_add(c, true, TO_KILL); /* a call number not this one */
	if (r->kind == RULE_ERRNO)
		RET(p, SECCOMP_RET_ERRNO | (r->value & SECCOMP_RET_DATA));
	if (r->kind != RULE_ARG)
		return true;
	LOAD(p, ARG_LO_OFF(r->arg));
	if (masked)
		emit(p, BPF_ALU | BPF_AND | BPF_K, r->mask, 0, 0);
	if (r->self)
		p->self_at = p->len;
	JEQ(p, r->value, 0, 0);
	fixup_add(c, false, TO_ALLOW);
	if (last)
		fixup_add(c, true, TO_KILL);
	else
		LOAD(p, NR_OFF);
	return true;
}

static void
rule(struct sandbox_program *p, const struct sandbox_rule *r)
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
		if (r->self)
			p->self_at = p->len;
		JEQ(p, r->value, 0, 1);
		RET(p, SECCOMP_RET_ALLOW);
		LOAD(p, NR_OFF);
		break;
	case RULE_ARG2:
		/* a failed first check jumps to the reload, past the second */
		JEQ(p, (uint32_t)r->nr, 0, 8);
		LOAD(p, ARG_LO_OFF(r->arg));
		emit(p, BPF_ALU | BPF_AND | BPF_K, r->mask, 0, 0);
		JEQ(p, r->value, 0, 4);
		LOAD(p, ARG_LO_OFF(r->arg2));
		emit(p, BPF_ALU | BPF_AND | BPF_K, r->mask2, 0, 0);
		JEQ(p, r->value2, 0, 1);
		RET(p, SECCOMP_RET_ALLOW);
		LOAD(p, NR_OFF);
		break;
	}
}

/* the rules sorted by call number, table order kept among a call's rules */
static void
rules_sort(const struct sandbox_rule *rules, unsigned count, const struct sandbox_rule **out)
{
	for (unsigned i = 0; i < count; i++) {
		unsigned j = i;
		for (; j > 0 && out[j - 1]->nr > rules[i].nr; j--)
			out[j] = out[j - 1];
		out[j] = &rules[i];
	}
}

/* the rules of one call, then the default */
static void
leaf(struct compile *c, const struct sandbox_rule *const *sorted, unsigned count)
{
	bool decided = false; /* the last rule jumps to the default itself */
	for (unsigned i = 0; i < count; i++) {
		decided = c->in_block && rule_shared(c, sorted[i], i + 1 == count);
		if (!decided)
			rule(c->p, sorted[i]);
	}
	if (!decided)
		RET(c->p, SECCOMP_RET_KILL_PROCESS);
}

/* at most the instructions of the subtree of sorted[0, count) */
static unsigned
size_bound(const struct sandbox_rule *const *sorted, unsigned count)
{
	static const unsigned kind_size[] = {
	        [RULE_ALLOW] = 2, [RULE_ERRNO] = 2, [RULE_ARG] = 6, [RULE_ARG2] = 9};
	unsigned n = 0;
	for (unsigned i = 0; i < count; i++)
		n += kind_size[sorted[i]->kind] + 3; /* with a search node and a default */
	return n;
}

/* the block's shared returns, and every jump to them pointed there */
static void
block_end(struct compile *c)
{
	unsigned at[2] = {c->p->len, c->p->len + 1};
	RET(c->p, SECCOMP_RET_ALLOW);
	RET(c->p, SECCOMP_RET_KILL_PROCESS);
	for (unsigned i = 0; i < c->nfix && c->p->len <= SANDBOX_PROGRAM_MAX; i++) {
		struct fixup f = c->fix[i];
		unsigned off = at[f.to] - (f.at + 1u);
		if (off > 255)
			c->bad = true;
		else if (f.jf)
			c->p->insn[f.at].jf = (uint8_t)off;
		else
			c->p->insn[f.at].jt = (uint8_t)off;
	}
	c->nfix = 0;
}

/* the first rule of the call after the one sorted[from] is for */
static unsigned
call_end(const struct sandbox_rule *const *sorted, unsigned from, unsigned count)
{
	unsigned i = from;
	while (i < count && sorted[i]->nr == sorted[from]->nr)
		i++;
	return i;
}

/*
 * The jump over a lower half of 'size' instructions at ja + 1: where the
 * conditional jump before reaches that far (255), the BPF_JA goes and
 * the half moves up by one; its jumps are relative, they stay right.
 */
static void
jump_over(struct compile *c, unsigned ja, unsigned size)
{
	struct sandbox_program *p = c->p;
	if (p->len > SANDBOX_PROGRAM_MAX)
		return; /* overflowed: the result is refused anyway */
	if (size > 255) {
		p->insn[ja].k = size;
		return;
	}
	for (unsigned i = ja; i + 1 < p->len; i++)
		p->insn[i] = p->insn[i + 1];
	p->len--;
	if (p->self_at > ja && p->self_at < SANDBOX_PROGRAM_MAX)
		p->self_at--;
	/* jumps of the open block below ja moved with it */
	for (unsigned i = 0; i < c->nfix; i++)
		if (c->fix[i].at > ja)
			c->fix[i].at--;
	p->insn[ja - 1].jt = (uint8_t)size;
	p->insn[ja - 1].jf = 0;
}

static void split(struct compile *c, const struct sandbox_rule *const *sorted, unsigned count);

/* the subtree of sorted[0, count), a search block of its own where it fits in one */
static void
tree(struct compile *c, const struct sandbox_rule *const *sorted, unsigned count)
{
	bool block = !c->in_block && size_bound(sorted, count) <= BLOCK_MAX;
	c->in_block |= block;
	split(c, sorted, count);
	if (block) {
		block_end(c);
		c->in_block = false;
	}
}

/*
 * Search the calls in sorted[0, count): below the middle call's number
 * the lower half, else the upper. A conditional jump reaches 255
 * instructions only, so the jump over the lower half is a BPF_JA (32-bit
 * offset) where the half is longer than that.
 */
static void
split(struct compile *c, const struct sandbox_rule *const *sorted, unsigned count)
{
	unsigned mid = count / 2;
	while (mid > 0 && sorted[mid - 1]->nr == sorted[mid]->nr)
		mid--; /* the middle call's first rule */
	if (mid == 0)
		mid = call_end(sorted, 0, count);
	if (mid == count) {
		leaf(c, sorted, count);
		return;
	}
	emit(c->p, BPF_JMP | BPF_JGE | BPF_K, (uint32_t)sorted[mid]->nr, 0, 1);
	unsigned ja = c->p->len;
	emit(c->p, BPF_JMP | BPF_JA, 0, 0, 0);
	tree(c, sorted, mid);
	jump_over(c, ja, c->p->len - (ja + 1));
	tree(c, sorted + mid, count - mid);
}

status_t
sandbox_compile(const struct sandbox_rule *rules, unsigned count, struct sandbox_program *out)
{
	const struct sandbox_rule *sorted[SANDBOX_RULES_MAX];
	if (count > SANDBOX_RULES_MAX)
		return STATUS_OUT_OF_MEMORY;
	rules_sort(rules, count, sorted);
	out->len = 0;
	out->self_at = SANDBOX_PROGRAM_MAX;
	prologue(out);
	/* on the stack: compiled in core's entrypoint and in tests, never in a clone child */
	struct compile c = {.p = out};
	if (count)
		tree(&c, sorted, count);
	else
		RET(out, SECCOMP_RET_KILL_PROCESS);
	if (c.bad)
		return STATUS_OUT_OF_MEMORY;
	return out->len > SANDBOX_PROGRAM_MAX || out->len > BPF_MAXINSNS ? STATUS_OUT_OF_MEMORY
	                                                                 : STATUS_OK;
}

status_t
sandbox_program_build(const struct sandbox_policy *p, struct sandbox_program *out)
{
	/* static: the table is too big for a small thread stack */
	static struct sandbox_rule rules[SANDBOX_RULES_MAX];
	if (!p)
		return STATUS_INVALID_ARGS;
	if (p->role == SANDBOX_ROLE_HOST_ACCESS && sandbox_arch.host.count == 0)
		return STATUS_UNAVAILABLE;
	return sandbox_compile(rules, sandbox_rules(p->role, rules, SANDBOX_RULES_MAX), out);
}

int
sandbox_program_install(struct sandbox_program *prog, pid_t self, bool tsync)
{
	if (prog->self_at < prog->len)
		prog->insn[prog->self_at].k = (uint32_t)self;
	if (syscall(SYS_prctl, PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0)
		return errno;
	struct sock_fprog fprog = {.len = (unsigned short)prog->len, .filter = prog->insn};
	/* TSYNC: threads started before (a sanitizer's, a library's) are covered too */
	long r = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER,
	                 tsync ? SECCOMP_FILTER_FLAG_TSYNC : 0, &fprog);
	if (r < 0)
		return errno;
	return r > 0 ? EBUSY : 0; /* a thread that cannot take it */
}
