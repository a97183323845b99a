/*
 * \brief  Minimal unit-test harness for hosted test programs
 *
 * A test program lists its cases with TEST_CASE and ends main with
 * test_run(). Each case reports "ok <name>" or "FAIL <name>: <why>" and the
 * program's last line is "N passed, N failed", which tool/test_all sums up.
 * A case that crashes takes the program down, and the runner counts that
 * program as a failure, so a crash can never pass unnoticed.
 */

#ifndef _TESTS__HARNESS__HARNESS_H_
#define _TESTS__HARNESS__HARNESS_H_

#include <stdbool.h>
#include <stdint.h>

typedef void (*test_fn)(void);

struct test_case {
	const char *name;
	test_fn fn;
};

/* record a failed check of the running case; returns cond */
bool test_check(bool cond, const char *expr, const char *file, int line);

/* run all cases, print the summary, return the exit code for main */
int test_run(const struct test_case *cases, unsigned count);

#define CHECK(cond) test_check(!!(cond), #cond, __FILE__, __LINE__)

/* compare two C strings, printing both on mismatch */
bool test_check_str(const char *got, const char *want, const char *file, int line);
#define CHECK_STR(got, want) test_check_str((got), (want), __FILE__, __LINE__)

/* compare two integers, printing both on mismatch */
bool test_check_long(long long got, long long want, const char *expr, const char *file, int line);
#define CHECK_EQ(got, want) \
	test_check_long((long long)(got), (long long)(want), #got, __FILE__, __LINE__)

/* compare two pointers, printing both on mismatch (CHECK_EQ takes integers only) */
bool test_check_ptr(const void *got, const void *want, const char *expr, const char *file,
                    int line);
#define CHECK_PTR_EQ(got, want) test_check_ptr((got), (want), #got, __FILE__, __LINE__)

/*
 * A long that no descriptor or index can be: where long is wider than int,
 * one whose low 32 bits are 0, which code that truncates to int would take
 * for descriptor 0; where it is not (i386), the largest long.
 */
long test_long_beyond_int(void);

/*
 * Reproducible pseudo-random numbers for randomized tests (xorshift64): a
 * fixed seed makes a failure repeat exactly. The seed must not be 0.
 */
void test_random_seed(uint64_t seed);
uint32_t test_random(uint32_t bound); /* in [0, bound), bound > 0 */

#define TEST_CASE(fn)   \
	{               \
#fn, fn \
	}
#define TEST_MAIN(...)                                                    \
	int main(void)                                                    \
	{                                                                 \
		static const struct test_case cases[] = {__VA_ARGS__};    \
		return test_run(cases, sizeof(cases) / sizeof(cases[0])); \
	}

#endif /* _TESTS__HARNESS__HARNESS_H_ */
