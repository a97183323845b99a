/*
 * \brief  Test cases of test-sandbox and the child runner they share
 *
 * Entering the sandbox is irreversible, so every case runs its body in a
 * forked child and judges the child's end from outside: exit 0 for an
 * allowed operation, SIGSYS (or a documented errno) for a forbidden one.
 */

#ifndef _TESTS__UNIT__SANDBOX__CASES_H_
#define _TESTS__UNIT__SANDBOX__CASES_H_

#include <stdbool.h>

#include <base/sandbox_linux.h>

/* what a child tells its parent through a shared page */
struct child_report {
	char why[SANDBOX_WHY_MAX]; /* sandbox_enter's warnings */
	int line, err;             /* first failed MUST in the body, and errno */
	int status;                /* sandbox_enter's result */
	long result;               /* what a forbidden call returned, if it did */
};

extern struct child_report *child_report;

/* body of a child, run after sandbox_enter; returns the exit code */
typedef int (*child_body)(void);

/*
 * Anonymous executable memory, mapped or made by mprotect: forbidden under
 * every policy, the component's and the host driver's (forbidden.c)
 */
long do_mmap_exec(void);
long do_mprotect_exec(void);

/* fork, enter the policy, run the body; returns the wait status */
int child_run(const struct sandbox_policy *p, child_body body);

/* whether the status is a normal exit 0; prints the child's report if not */
bool child_exited_ok(int wait_status);

/* record a failed step in the child's report and make the body fail */
int child_fail_at(int line);
#define MUST(cond)                                      \
	do {                                            \
		if (!(cond))                            \
			return child_fail_at(__LINE__); \
	} while (0)

/*
 * A forbidden call and how it must end: refused_with 0 means SIGSYS,
 * otherwise the errno the child sees, in normal and in sanitizer builds.
 */
struct attempt {
	const char *name;
	long (*call)(void);
	int refused_with;
	int refused_with_san;
};

#define KILLED(name)                   \
	{                              \
#name, do_##name, 0, 0 \
	}

/* the attempts only an architecture has (arch_<arch>.c) */
extern const struct attempt arch_attempts[];
extern const unsigned arch_attempt_count;

/* enter.c */
void sandbox_enter_component(void);
void sandbox_enter_without_namespaces(void);
void sandbox_enter_empty_root(void);

/* allowed.c: framework operations inside the component policy */
void allowed_ipc_with_caps(void);
void allowed_signal_eventfd(void);
void allowed_memory(void);
void allowed_time_and_pipe(void);

/* threads.c */
void allowed_threads(void);
void allowed_raise_own(void);

/* exec.c */
void sandbox_exec_from_descriptor(void);
void sandbox_tighten_forbids_exec(void);

/* forbidden.c */
void forbidden_in_component(void);

/* run every attempt, each in a child under p, and print the summary line */
void attempt_all(const struct sandbox_policy *p, const char *policy, const struct attempt *a,
                 unsigned count);

/* host.c: the host-access policy, where the architecture describes it */
extern const bool arch_host_policy;
void host_policy_allows(void);
void host_policy_forbids(void);
void sandbox_filter_layout(void);

#endif /* _TESTS__UNIT__SANDBOX__CASES_H_ */
