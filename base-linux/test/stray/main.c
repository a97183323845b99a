/*
 * \brief  test-stray: a component that writes to stdout behind its LOG session
 *
 * What a process writes to stdout or stderr (a libc message, a sanitizer
 * report) is captured by core, which created it, and logged under the
 * label of its PD session: "[init -> stray] text". Linux-only by nature
 * (a file descriptor), hence under base-linux/.
 */

#define _GNU_SOURCE
#include <string.h>
#include <unistd.h>

#include <base/component.h>

void
component_construct(struct env *env)
{
	static const char line[] = "stray line on stdout\npartial last line";
	(void)!write(STDOUT_FILENO, line, strlen(line));
	env_exit(env, 0);
}
