/*
 * \brief  The compiled filter: same verdicts as the rule table, found fast
 *
 * The program searches the call number (filter.c) instead of trying the
 * rules one after another. Two things are checked by running the program
 * in a small classic-BPF interpreter of our own, for every call number
 * of the architecture and for the argument values the rules name:
 *
 * - the verdict is the one of trying the table's rules in order (first
 *   match wins, an argument rule that fails falls through), and
 * - a call no rule names is decided in a few instructions. The kernel
 *   emulates the program for every call number at each install (its
 *   action cache); walking all rules there cost 130 us of every process
 *   start. With the rules in a row this check fails.
 */

#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "../../../base-linux/sandbox/sandbox.h"
#include "../../harness/harness.h"
#include "cases.h"

enum { NR_SPAN = 1024, STEPS_UNNAMED_MAX = 24 };

/* what the filter sees of a call: number, arch and six arguments */
struct call {
	struct seccomp_data d;
};

static uint32_t
data_word(const struct call *c, uint32_t off)
{
	uint32_t w = 0;
	if (off + 4 <= sizeof(c->d))
		memcpy(&w, (const char *)&c->d + off, 4);
	return w;
}

/* runs prog on c; *steps: instructions executed. ~0u on a malformed program */
static uint32_t
bpf_run(const struct sandbox_program *prog, const struct call *c, unsigned *steps)
{
	uint32_t a = 0;
	*steps = 0;
	for (unsigned pc = 0; pc < prog->len; pc++) {
		const struct sock_filter *i = &prog->insn[pc];
		++*steps;
		switch (i->code) {
		case BPF_LD | BPF_W | BPF_ABS:
			a = data_word(c, i->k);
			break;
		case BPF_ALU | BPF_AND | BPF_K:
			a &= i->k;
			break;
		case BPF_RET | BPF_K:
			return i->k;
		case BPF_JMP | BPF_JA:
			pc += i->k;
			break;
		case BPF_JMP | BPF_JEQ | BPF_K:
			pc += a == i->k ? i->jt : i->jf;
			break;
		case BPF_JMP | BPF_JGE | BPF_K:
			pc += a >= i->k ? i->jt : i->jf;
			break;
		default:
			return ~0u;
		}
	}
	return ~0u;
}

static bool
arg_holds(const struct call *c, unsigned arg, uint32_t mask, uint32_t value)
{
	return ((uint32_t)c->d.args[arg] & mask) == value;
}

/* the table's verdict: the first rule that takes the call, else kill */
static uint32_t
table_verdict(const struct sandbox_rule *r, unsigned count, const struct call *c, pid_t self)
{
	for (unsigned i = 0; i < count; i++, r++) {
		if (r->nr != c->d.nr)
			continue;
		uint32_t value = r->self ? (uint32_t)self : r->value;
		switch (r->kind) {
		case RULE_ALLOW:
			return SECCOMP_RET_ALLOW;
		case RULE_ERRNO:
			return SECCOMP_RET_ERRNO | (r->value & SECCOMP_RET_DATA);
		case RULE_ARG:
			if (arg_holds(c, r->arg, r->mask, value))
				return SECCOMP_RET_ALLOW;
			break;
		case RULE_ARG2:
			if (arg_holds(c, r->arg, r->mask, r->value) &&
			    arg_holds(c, r->arg2, r->mask2, r->value2))
				return SECCOMP_RET_ALLOW;
			break;
		}
	}
	return SECCOMP_RET_KILL_PROCESS;
}

/* the argument values worth trying: every value and mask a rule names, and 0 */
static unsigned
values_of(const struct sandbox_rule *r, unsigned count, uint32_t *out, unsigned max)
{
	unsigned n = 0;
	out[n++] = 0;
	out[n++] = ~0u;
	for (unsigned i = 0; i < count && n + 4 <= max; i++) {
		out[n++] = r[i].value;
		out[n++] = r[i].value2;
		out[n++] = r[i].mask;
		out[n++] = r[i].value | ~r[i].mask;
	}
	return n;
}

struct layout_result {
	unsigned mismatches, steps_unnamed_max;
	unsigned len, rules; /* of the program; the table's rules */
};

/* every call number with every tried value in every argument, one at a time */
static void
layout_check(enum sandbox_role role, struct layout_result *res)
{
	static struct sandbox_rule rules[SANDBOX_RULES_MAX];
	static struct sandbox_program prog;
	static uint32_t values[4 * SANDBOX_RULES_MAX + 2];
	const pid_t self = 1;
	unsigned count = sandbox_rules(role, rules, SANDBOX_RULES_MAX);
	*res = (struct layout_result){0, 0, 0, count};
	CHECK(sandbox_compile(rules, count, &prog) == STATUS_OK);
	res->len = prog.len;
	if (prog.self_at < prog.len)
		prog.insn[prog.self_at].k = (uint32_t)self;
	unsigned nv = values_of(rules, count, values, sizeof(values) / sizeof(values[0]));
	unsigned steps;
	struct call foreign = {.d = {.nr = 0, .arch = ~sandbox_arch.audit_arch}};
	res->mismatches += bpf_run(&prog, &foreign, &steps) != SECCOMP_RET_KILL_PROCESS;
	for (int nr = 0; nr < NR_SPAN; nr++) {
		struct call c = {.d = {.nr = nr, .arch = sandbox_arch.audit_arch}};
		bool named = false;
		for (unsigned i = 0; i < count; i++)
			named |= rules[i].nr == nr;
		for (unsigned arg = 0; arg < 6; arg++)
			for (unsigned v = 0; v < nv; v++) {
				memset(c.d.args, 0, sizeof(c.d.args));
				c.d.args[arg] = values[v];
				uint32_t got = bpf_run(&prog, &c, &steps);
				res->mismatches += got != table_verdict(rules, count, &c, self);
				if (!named && steps > res->steps_unnamed_max)
					res->steps_unnamed_max = steps;
			}
	}
}

void
sandbox_filter_layout(void)
{
	const enum sandbox_role roles[] = {SANDBOX_ROLE_COMPONENT, SANDBOX_ROLE_HOST_ACCESS};
	for (unsigned i = 0; i < sizeof(roles) / sizeof(roles[0]); i++) {
		if (roles[i] == SANDBOX_ROLE_HOST_ACCESS && sandbox_arch.host.count == 0)
			continue;
		struct layout_result r;
		layout_check(roles[i], &r);
		printf("  role %d: %u verdicts unlike the table's, a call no rule names decided in "
		       "at most %u instructions, %u instructions for %u rules\n",
		       (int)roles[i], r.mismatches, r.steps_unnamed_max, r.len, r.rules);
		CHECK_EQ(r.mismatches, 0);
		CHECK(r.steps_unnamed_max <= STEPS_UNNAMED_MAX);
		/*
		 * the rules jump to their blocks' shared returns (filter.c): some
		 * three instructions a rule with the search, where a return of
		 * each rule and a default per call took five
		 */
		CHECK(4 * r.len <= 13 * r.rules);
	}
}
