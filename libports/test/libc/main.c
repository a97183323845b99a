/*
 * \brief  test-libc: a program written against POSIX, run as a component
 *
 * It knows nothing of Genode: printf, malloc, files, clocks and pthreads
 * are served by the plugins of our C runtime (doc/libc.md). The exit
 * value of main reaches init.
 */

#include "test_libc.h"

int
main(void)
{
	int (*const tests[])(void) = {test_stdio, test_strings, test_malloc,     test_time,
	                              test_files, test_threads, test_unsupported};
	const char *names[] = {"stdio", "strings", "malloc",     "time",
	                       "files", "threads", "unsupported"};
	for (unsigned i = 0; i < sizeof(tests) / sizeof(tests[0]); i++) {
		printf("-- %s --\n", names[i]);
		if (tests[i]())
			return 1;
	}
	printf("--- libc test finished ---\n");
	return 0;
}
