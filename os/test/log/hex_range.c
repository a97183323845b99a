/*
 * \brief  Genode's notation of an address range, for test-log
 *
 * Genode's base/run/log.run compares test-log's output with Genode's
 * Hex_range: both bounds in hex without prefix, zero-padded to the width
 * of the range's integer type, "]" when the range ends exactly at the
 * type's limit, and a remark for an empty or wrapping range. The range is
 * computed in the type's width here, so a wrong wrap shows in the output.
 */

#include <util/format.h>

#include "test_log.h"

size_t
hex_range_format(char *buf, size_t size, uint64_t base, uint64_t len, unsigned bytes)
{
	uint64_t mask = bytes >= 8 ? UINT64_MAX : (UINT64_C(1) << (bytes * 8)) - 1;
	int digits = (int)bytes * 2;
	uint64_t end = (base + len) & mask;

	if (base && end == 0) /* ends at the limit: the last byte is inside */
		return format_string(buf, size, "[%0*llx,%0*llx]", digits, (unsigned long long)base,
		                     digits, (unsigned long long)mask);

	return format_string(buf, size, "[%0*llx,%0*llx)%s%s", digits, (unsigned long long)base,
	                     digits, (unsigned long long)end,
	                     base && end < base ? " (overflow!)" : "", len == 0 ? " (empty!)" : "");
}
