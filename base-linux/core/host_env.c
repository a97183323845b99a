/*
 * \brief  The environment core gives a process
 *
 * Nothing as a rule: a component learns everything through its
 * capabilities. Two exceptions, each one variable: GENODE_SANDBOX=off
 * when core runs with --no-sandbox (the start-up code then adds no
 * filter), and for a process with host access the DISPLAY core itself
 * was started with, which names the X server its window goes to
 * (doc/sandbox.md, "The one exception"). No XAUTHORITY: the host view
 * holds no home directory to find a cookie in, so the X server must
 * admit local clients without one (as Xvfb does by default).
 */

#define _GNU_SOURCE
#include <stdlib.h>
#include <string.h>

#include "pd_linux.h"

enum { DISPLAY_VALUE_MAX = 64 };

/* "DISPLAY=<core's DISPLAY>", once; NULL if core has none (or a strange one) */
static const char *
display_var(void)
{
	static char var[sizeof("DISPLAY=") + DISPLAY_VALUE_MAX];
	static bool looked;
	if (!looked) {
		const char *v = getenv("DISPLAY");
		looked = true;
		if (v && v[0] && strlen(v) <= DISPLAY_VALUE_MAX) {
			strcpy(var, "DISPLAY=");
			strcat(var, v);
		}
	}
	return var[0] ? var : 0;
}

void
linux_pd_env(char *envp[PD_ENV_MAX + 1], const char *sandbox_env, bool host)
{
	unsigned n = 0;
	if (sandbox_env)
		envp[n++] = (char *)sandbox_env;
	if (host && display_var())
		envp[n++] = (char *)display_var();
	envp[n] = 0;
}
