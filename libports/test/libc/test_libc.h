/*
 * \brief  test-libc: one function per part of the runtime, 0 on success
 *
 * Each prints what it checks; a failure prints "Error: <what>" (the run
 * script fails on any such line) and returns non-zero.
 */

#ifndef _TEST_LIBC_H_
#define _TEST_LIBC_H_

#include <stdio.h>

#define CHECK(cond, ...)                                          \
	do {                                                      \
		if (!(cond)) {                                    \
			printf("Error: " __VA_ARGS__);            \
			printf(" (%s:%d)\n", __FILE__, __LINE__); \
			return 1;                                 \
		}                                                 \
	} while (0)

int test_stdio(void);
int test_strings(void);
int test_malloc(void);
int test_time(void);
int test_files(void);
int test_threads(void);
int test_unsupported(void);

#endif /* _TEST_LIBC_H_ */
