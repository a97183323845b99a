/*
 * \brief  Component process entry: main, where the platform's start calls main
 *
 * An object of its own, so that the linker takes it from the library only
 * where the program has no main: a libc component has one, and reaches
 * component_platform_main through the C runtime instead (doc/libc.md).
 */

#include <base/internal/env_platform.h>

int main(int argc, char **argv);

int
main(int argc, char **argv)
{
	return component_platform_main(argc, argv);
}
