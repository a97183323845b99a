/*
 * \brief  The baseline child of bench-spawn: a static program that writes
 *         one line and exits
 *
 * Linked statically (LD_OPT), so that posix_spawn of it costs no dynamic
 * loading: the cheapest start a Linux program can have, the figure a
 * component's start is compared with.
 */

#include <unistd.h>

int
main(void)
{
	static const char line[] = "hello\n";
	return write(STDOUT_FILENO, line, sizeof(line) - 1) == sizeof(line) - 1 ? 0 : 1;
}
