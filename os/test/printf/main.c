/*
 * \brief  test-printf: signed values of int and long width print as such
 *
 * Genode's base/run/printf.run waits for "-1 = -1 = -1": a formatter that
 * read the long argument with the wrong width or sign would print
 * 4294967295 or 18446744073709551615 instead.
 */

#include <stdint.h>

#include <base/component.h>
#include <base/log.h>

void
component_construct(struct env *env)
{
	log_print("-1 = %d = %ld", -1, -1L);
	log_print("min = %lld, max = %llu", (long long)INT64_MIN, (unsigned long long)UINT64_MAX);
	env_exit(env, 0);
}
