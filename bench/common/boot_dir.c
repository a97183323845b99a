/*
 * \brief  A boot directory for benchmarks that boot core themselves
 */

#define _GNU_SOURCE
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "boot_dir.h"

void
bench_bin_path(const char *self, char *out, size_t size, const char *name)
{
	char dir[PATH_MAX];

	snprintf(dir, sizeof(dir), "%s", self);
	char *slash = strrchr(dir, '/');
	if (slash)
		*slash = 0;
	/* a path longer than the buffer fails at the spawn, named there */
	if (snprintf(out, size, "%s/../bin/%s", dir, name) >= (int)size)
		out[0] = 0;
}

bool
bench_boot_dir_make(const char *self, char *dir, const char *const *modules, unsigned n,
                    const char *config_text)
{
	char from[PATH_MAX], to[2 * PATH_MAX];

	if (!mkdtemp(dir))
		return false;
	for (unsigned i = 0; i < n; i++) {
		bench_bin_path(self, from, sizeof(from), modules[i]);
		snprintf(to, sizeof(to), "%s/%s", dir, modules[i]);
		if (symlink(from, to) != 0)
			return false;
	}
	snprintf(to, sizeof(to), "%s/config", dir);
	FILE *f = fopen(to, "w");
	if (!f)
		return false;
	fputs(config_text, f);
	return fclose(f) == 0;
}
