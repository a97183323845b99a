/*
 * \brief  Unit test of the gfx library: all its cases in one program
 */

#include <string.h>

#include "gfx_test.h"

int
main(void)
{
	static struct test_case cases[64];
	unsigned n = 0;
	memcpy(cases + n, gfx_surface_cases, gfx_surface_case_count * sizeof(cases[0]));
	n += gfx_surface_case_count;
	memcpy(cases + n, gfx_blit_cases, gfx_blit_case_count * sizeof(cases[0]));
	n += gfx_blit_case_count;
	return test_run(cases, n);
}
