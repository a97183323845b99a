/*
 * \brief  test-libc: stdio, strings and malloc
 */

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "test_libc.h"

int
test_stdio(void)
{
	char buf[64];
	snprintf(buf, sizeof(buf), "%d %s %.2f %x", -42, "text", 3.14159, 0xbeef);
	CHECK(strcmp(buf, "-42 text 3.14 beef") == 0, "snprintf gave \"%s\"", buf);
	printf("printf: %s\n", buf);
	fprintf(stderr, "stderr: a line on the LOG too\n");
	/* a line written in pieces arrives as one line */
	printf("pieces: ");
	fflush(stdout);
	printf("one ");
	printf("line\n");
	CHECK(write(1, "write: raw\n", 11) == 11, "write to stdout");
	CHECK(isatty(1), "stdout is the LOG console");
	char c;
	CHECK(read(0, &c, 1) == 0, "stdin is at its end");
	return 0;
}

static int
cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

int
test_strings(void)
{
	CHECK(strtol("-1234", NULL, 10) == -1234, "strtol");
	CHECK(strtoul("ff", NULL, 16) == 255, "strtoul");
	CHECK(strlen("genode") == 6, "strlen");
	char s[16] = "abcdef";
	memmove(s + 2, s, 4);
	CHECK(strcmp(s, "ababcd") == 0, "memmove gave %s", s);
	int v[] = {5, 3, 9, 1, 7};
	qsort(v, 5, sizeof(int), cmp_int);
	CHECK(v[0] == 1 && v[4] == 9, "qsort");
	CHECK(strcmp(strerror(ENOENT), "No such file or directory") == 0, "strerror");
	printf("strings: ok\n");
	return 0;
}

int
test_malloc(void)
{
	/* small to large, each filled and checked: all of it is RAM of our quota */
	size_t sizes[] = {1, 16, 100, 4096, 65536, 1 << 20, 3 << 20};
	for (unsigned i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		unsigned char *p = malloc(sizes[i]);
		CHECK(p, "malloc(%zu)", sizes[i]);
		memset(p, (int)i + 1, sizes[i]);
		CHECK(p[sizes[i] - 1] == i + 1, "malloc(%zu) holds what was written", sizes[i]);
		p = realloc(p, sizes[i] * 2);
		CHECK(p && p[sizes[i] - 1] == i + 1, "realloc keeps the content");
		free(p);
	}
	int *z = calloc(1000, sizeof(int));
	CHECK(z && z[0] == 0 && z[999] == 0, "calloc clears");
	free(z);
	/* more than the quota: NULL and ENOMEM, and the component lives on */
	errno = 0;
	void *huge = malloc(256u << 20);
	CHECK(!huge && errno == ENOMEM, "malloc beyond the quota is NULL/ENOMEM (%p, %d)", huge,
	      errno);
	void *again = malloc(1 << 20);
	CHECK(again, "malloc works after a refused one");
	free(again);
	printf("malloc: ok, beyond the quota: ENOMEM\n");
	return 0;
}
