/*
 * \brief  Steps of sandbox_enter (private to the sandbox library)
 */

#ifndef _BASE_LINUX__SANDBOX__SANDBOX_H_
#define _BASE_LINUX__SANDBOX__SANDBOX_H_

#include <stdint.h>
#include <sys/types.h>

#include <base/internal/lx_sysnr.h>
#include <base/sandbox_linux.h>

/* sanitizer builds get a wider filter, see sandbox_relaxed_for_sanitizers */
#if defined(__SANITIZE_ADDRESS__)
#define SANDBOX_SANITIZER 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(undefined_behavior_sanitizer)
#define SANDBOX_SANITIZER 1
#endif
#endif
#ifndef SANDBOX_SANITIZER
#define SANDBOX_SANITIZER 0
#endif

/* the text sandbox_enter hands back: warnings joined by "; " */
struct sandbox_note {
	char *buf;
	size_t size, len;
};

/* append one printf-formatted warning */
void sandbox_note(struct sandbox_note *n, const char *fmt, ...)
        __attribute__((format(printf, 2, 3)));

/* step 2: returns whether the process now has a mount namespace of its own */
bool sandbox_unshare(struct sandbox_note *n);

/* step 3, only in a mount namespace of our own */
void sandbox_mount_view(enum sandbox_role role, struct sandbox_note *n);

/*
 * One line of the allowlist. Rules are tried in order; a rule whose
 * system call matches but whose argument check fails falls through to
 * the next rules, so two rules for one call mean "either". A call that
 * no rule accepts kills the process.
 */
enum sandbox_rule_kind {
	RULE_ALLOW, /* always */
	RULE_ARG,   /* iff (low 32 bits of args[arg] & mask) == value */
	RULE_ARG2,  /* iff that holds and the same for arg2, mask2, value2 */
	RULE_ERRNO, /* refused with errno 'value', the process lives on */
};

struct sandbox_rule {
	int nr;
	enum sandbox_rule_kind kind;
	unsigned arg;
	uint32_t mask, value;
	unsigned arg2; /* RULE_ARG2 only */
	uint32_t mask2, value2;
	bool self; /* RULE_ARG: value is the process's own pid, filled in at install */
};

enum { SANDBOX_RULES_MAX = 160 };

/*
 * What differs between the system-call ABIs of one kernel: how the filter
 * recognises the ABI, the calls named or numbered differently (mmap2,
 * fcntl64, socketcall, the time64 calls of a 32-bit C library), and the
 * calls only the start of a process needs. One definition per
 * architecture, base-linux/arch/<arch>/sandbox_rules.c.
 */
struct sandbox_rule_table {
	const struct sandbox_rule *rules;
	unsigned count;
};

struct sandbox_arch {
	uint32_t audit_arch; /* seccomp_data.arch of this ABI (AUDIT_ARCH_*) */
	uint32_t nr_foreign; /* numbers at or above belong to another ABI (x32); 0: none */
	struct sandbox_rule_table hot;  /* tried right after the hottest common calls */
	struct sandbox_rule_table rest; /* tried after all common rules */
	struct sandbox_rule_table host; /* added for host access; empty: not described */
	const int *start_only;          /* forbidden again by sandbox_tighten */
	unsigned start_only_count;
};

extern const struct sandbox_arch sandbox_arch;

#define SANDBOX_TABLE(t)                        \
	{                                       \
		(t), sizeof(t) / sizeof((t)[0]) \
	}

/* lines of the tables (rules.c, base-linux/arch/<arch>/sandbox_rules.c) */
#define ALLOW(call)                                  \
	{                                            \
		.nr = SYS_##call, .kind = RULE_ALLOW \
	}
#define ARG(call, i, m, v)                                                          \
	{                                                                           \
		.nr = SYS_##call, .kind = RULE_ARG, .arg = i, .mask = m, .value = v \
	}
#define ARG_EQ(call, i, v) ARG(call, i, 0xffffffffu, v)
/* args[i] equals v and (args[j] & m) == w: a command and a flag it must carry */
#define ARG_EQ_AND(call, i, v, j, m, w)                                                         \
	{                                                                                       \
		.nr = SYS_##call, .kind = RULE_ARG2, .arg = i, .mask = 0xffffffffu, .value = v, \
		.arg2 = j, .mask2 = m, .value2 = w                                              \
	}
#define REFUSE(call, err)                                          \
	{                                                          \
		.nr = SYS_##call, .kind = RULE_ERRNO, .value = err \
	}

/* the allowlist of a role */
unsigned sandbox_rules(enum sandbox_role role, struct sandbox_rule *out, unsigned max);

/* step 4: compile the rules to BPF; STATUS_OUT_OF_MEMORY if too long */
status_t sandbox_compile(const struct sandbox_rule *rules, unsigned count,
                         struct sandbox_program *out);

#endif /* _BASE_LINUX__SANDBOX__SANDBOX_H_ */
