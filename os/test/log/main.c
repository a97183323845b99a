/*
 * \brief  test-log: what a component prints arrives intact and labeled
 *
 * Without a <config> it prints exactly the lines of Genode's test-log,
 * which Genode's base/run/log.run compares literally. With a <config> it
 * also checks our own formatting: integer widths and signs, padding,
 * strings, the Warning/Error prefixes and the cutting of an overlong line
 * (run/log.run compares both).
 */

#include <stdint.h>

#include <base/component.h>
#include <base/log.h>

#include "test_log.h"

static void
genode_lines(void)
{
	char r[64];
	hex_range_format(r, sizeof(r), 0xe00, 0x880, sizeof(uint16_t));
	log_print("hex range:          %s", r);
	hex_range_format(r, sizeof(r), 0xabc0000, 0, sizeof(uint32_t));
	log_print("empty hex range:    %s", r);
	hex_range_format(r, sizeof(r), 0xf8, 8, sizeof(uint8_t));
	log_print("hex range to limit: %s", r);
	hex_range_format(r, sizeof(r), 0xf8, 0x10, sizeof(uint8_t));
	log_print("invalid hex range:  %s", r);
	/* a char printed as hex shows its byte, not a sign-extended int */
	log_print("negative hex char:  0x%02x", (unsigned)(unsigned char)(char)-2);
	log_print("positive hex char:  0x%02x", (unsigned)(unsigned char)(char)2);
	log_print("multiarg string:    %c%s%d%c", '"', "parent -> child.", 7, '"');
}

static void
own_lines(void)
{
	log_print("--- log test ---");
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
}

void
component_construct(struct env *env)
{
	const char *config;
	size_t len;

	genode_lines();
	if (env_config(env, &config, &len) == STATUS_OK)
		own_lines();
	log_print("Test done.");
	env_exit(env, 0);
}
