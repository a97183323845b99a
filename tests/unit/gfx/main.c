/*
 * \brief  Unit test of the gfx library: all its cases in one program
 */

#include <string.h>

#include "gfx_test.h"

const char *gfx_test_dir = ".";

static unsigned
cases_add(struct test_case *to, unsigned n, const struct test_case *from, unsigned count)
{
	memcpy(to + n, from, count * sizeof(*from));
	return n + count;
}

int
main(int argc, char **argv)
{
	static char dir[4096];
	static struct test_case cases[64];
	unsigned n = 0;
	/* data files lie beside the program (tool/mk/gfx.mk) */
	const char *slash = argc > 0 ? strrchr(argv[0], '/') : NULL;
	if (slash && (size_t)(slash - argv[0]) < sizeof(dir)) {
		memcpy(dir, argv[0], (size_t)(slash - argv[0]));
		gfx_test_dir = dir;
	}
	n = cases_add(cases, n, gfx_surface_cases, gfx_surface_case_count);
	n = cases_add(cases, n, gfx_blit_cases, gfx_blit_case_count);
	n = cases_add(cases, n, gfx_font_cases, gfx_font_case_count);
	n = cases_add(cases, n, gfx_font_draw_cases, gfx_font_draw_case_count);
	n = cases_add(cases, n, gfx_image_cases, gfx_image_case_count);
	return test_run(cases, n);
}
