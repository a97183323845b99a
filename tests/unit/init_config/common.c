/*
 * \brief  Unit test of init's config model: fixture
 */

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "common.h"

struct init_config cfg;
struct init_config_diag diag;

struct heap *
config_heap(void)
{
	static struct test_heap th;
	static struct heap *heap;
	if (!heap)
		heap = test_heap_init(&th, SIZE_MAX);
	return heap;
}

status_t
parse(const char *text)
{
	return init_config_parse(&cfg, config_heap(), text, strlen(text), &diag);
}

void
check_error(const char *text, status_t s, const char *msg, const char *file, int line)
{
	status_t got = parse(text);
	if (!test_check_long(got, s, "status", file, line))
		printf("  (error: %s)\n", diag.error);
	test_check_str(diag.error, msg, file, line);
	test_check(strchr(diag.error, '\n') == NULL, "error is one line", file, line);
	test_check(cfg.child_count == 0 && cfg.parent_service_count == 0 &&
	                   !cfg.default_route.present,
	           "nothing of a refused config is kept", file, line);
}

void
check_warning(unsigned i, const char *msg, const char *file, int line)
{
	if (!test_check(i < diag.warning_count, "warning exists", file, line))
		return;
	test_check_str(diag.warnings[i], msg, file, line);
}
