/*
 * \brief  Entering the sandbox: results, warnings, the empty root
 */

#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>

#include "../../harness/harness.h"
#include "cases.h"

static int
nothing(void)
{
	return 0;
}

/* warnings are expected without privileges: shown, never a failure */
static void
show_warnings(const char *policy)
{
	if (child_report->why[0])
		printf("  %s policy warns: %s\n", policy, child_report->why);
}

void
sandbox_enter_component(void)
{
	char why[SANDBOX_WHY_MAX];

	/* refused before any step, so it is safe to try in the test process */
	CHECK_EQ(sandbox_enter(NULL, why, sizeof(why)), STATUS_INVALID_ARGS);
	CHECK(child_exited_ok(child_run(SANDBOX_POLICY_COMPONENT, nothing)));
	show_warnings("component");
}

void
sandbox_enter_without_namespaces(void)
{
	static const struct sandbox_policy seccomp_only = {
	        .role = SANDBOX_ROLE_COMPONENT,
	        .namespaces = false,
	};
	CHECK(child_exited_ok(child_run(&seccomp_only, nothing)));
	CHECK_STR(child_report->why, "");
}

/* newfstatat with a path is allowed; the empty root gives it nothing to see */
static int
look_around(void)
{
	struct stat st;

	if (child_report->why[0])
		return 0; /* no empty root here: the parent says so */
	MUST(stat("/", &st) == 0 && S_ISDIR(st.st_mode));
	MUST(stat("/etc/passwd", &st) != 0 && errno == ENOENT);
	MUST(stat("/../../etc", &st) != 0 && errno == ENOENT);
	return 0;
}

void
sandbox_enter_empty_root(void)
{
	CHECK(child_exited_ok(child_run(SANDBOX_POLICY_COMPONENT, look_around)));
	if (child_report->why[0])
		printf("  empty root not checked: %s\n", child_report->why);
}
