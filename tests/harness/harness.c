/*
 * \brief  Minimal unit-test harness (see harness.h)
 */

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"

static unsigned case_failures;

bool
test_check(bool cond, const char *expr, const char *file, int line)
{
	if (!cond) {
		case_failures++;
		printf("  check failed: %s (%s:%d)\n", expr, file, line);
	}
	return cond;
}

bool
test_check_str(const char *got, const char *want, const char *file, int line)
{
	bool same = got && want && strcmp(got, want) == 0;
	if (!same) {
		case_failures++;
		printf("  string mismatch (%s:%d)\n    got:  \"%s\"\n    want: \"%s\"\n", file,
		       line, got ? got : "(null)", want ? want : "(null)");
	}
	return same;
}

bool
test_check_long(long long got, long long want, const char *expr, const char *file, int line)
{
	if (got != want) {
		case_failures++;
		printf("  %s is %lld, expected %lld (%s:%d)\n", expr, got, want, file, line);
	}
	return got == want;
}

bool
test_check_ptr(const void *got, const void *want, const char *expr, const char *file, int line)
{
	if (got != want) {
		case_failures++;
		printf("  %s is %p, expected %p (%s:%d)\n", expr, got, want, file, line);
	}
	return got == want;
}

long
test_long_beyond_int(void)
{
	if (sizeof(long) > sizeof(int))
		return (long)((ULONG_MAX >> 1) & ~(unsigned long)UINT_MAX);
	return LONG_MAX;
}

int
test_run(const struct test_case *cases, unsigned count)
{
	unsigned passed = 0, failed = 0;

	/* TEST_ONLY=<case>: run that case alone (to look at one under strace or gdb) */
	const char *only = getenv("TEST_ONLY");

	setvbuf(stdout, NULL, _IOLBF, 0);
	for (unsigned i = 0; i < count; i++) {
		if (only && strcmp(only, cases[i].name) != 0)
			continue;
		case_failures = 0;
		cases[i].fn();
		if (case_failures) {
			failed++;
			printf("FAIL %s\n", cases[i].name);
		} else {
			passed++;
			printf("ok %s\n", cases[i].name);
		}
	}
	printf("%u passed, %u failed\n", passed, failed);
	return failed ? 1 : 0;
}

static uint64_t random_state = 0x853c49e6748fea9bull;

void
test_random_seed(uint64_t seed)
{
	random_state = seed ? seed : 1;
}

uint32_t
test_random(uint32_t bound)
{
	random_state ^= random_state << 13;
	random_state ^= random_state >> 7;
	random_state ^= random_state << 17;
	return (uint32_t)(random_state % bound);
}
