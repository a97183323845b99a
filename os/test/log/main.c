/*
 * \brief  test-log: what a component prints arrives intact and labeled
 *
 * The run script compares these lines literally, so formatting, the label
 * prefix, line cutting and the Warning/Error prefixes are all checked.
 */

#include <stdint.h>

#include <base/component.h>
#include <base/log.h>

void
component_construct(struct env *env)
{
	log_print("--- log test ---");
	log_print("hex range: [0x%x,0x%x)", 0xe00u, 0x1680u);
	log_print("signed: %d %ld %lld", -1, -2L, (long long)INT64_MIN);
	log_print("unsigned: %u %lu %llu", 4294967295u, 42ul, (unsigned long long)UINT64_MAX);
	log_print("padded: [%5d] [%-5d] [%05d]", 42, 42, 42);
	log_print("string: \"%s\" \"%.3s\" \"%8s\"", "text", "truncated", "right");
	log_print("char: %c%c%c", 'a', 'b', 'c');
	log_print("pointer: %p", (void *)(uintptr_t)0x1000);
	log_warning("this is a warning");
	log_error("this is an error");

	/* a line longer than LOG_LINE_MAX is cut, not split or lost */
	char long_line[LOG_LINE_MAX * 2];
	for (unsigned i = 0; i < sizeof(long_line) - 1; i++)
		long_line[i] = (char)('a' + i % 26);
	long_line[sizeof(long_line) - 1] = 0;
	log_print("%s", long_line);

	log_print("Test done.");
	env_exit(env, 0);
}
