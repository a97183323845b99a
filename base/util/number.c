/*
 * \brief  Parsing numbers in Genode's notation
 */

#include <util/number.h>
#include <util/string.h>

static int
digit_value(char c, unsigned base)
{
	int v = -1;
	if (char_is_digit(c))
		v = c - '0';
	else if (c >= 'a' && c <= 'f')
		v = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
		v = c - 'A' + 10;
	return (v >= 0 && (unsigned)v < base) ? v : -1;
}

status_t
number_parse_u64(const char *s, size_t len, uint64_t *out)
{
	unsigned base = 10;
	if (len > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
		len -= 2;
	}
	if (len == 0)
		return STATUS_INVALID_ARGS;

	uint64_t v = 0;
	for (size_t i = 0; i < len; i++) {
		int d = digit_value(s[i], base);
		if (d < 0 || v > (UINT64_MAX - (uint64_t)d) / base)
			return STATUS_INVALID_ARGS;
		v = v * base + (uint64_t)d;
	}
	*out = v;
	return STATUS_OK;
}

status_t
number_parse_s64(const char *s, size_t len, int64_t *out)
{
	bool negative = len > 0 && s[0] == '-';
	uint64_t v;
	status_t st = number_parse_u64(s + negative, len - negative, &v);
	if (st != STATUS_OK)
		return st;
	if (v > (uint64_t)INT64_MAX + negative)
		return STATUS_INVALID_ARGS;
	/* negate in unsigned arithmetic so that INT64_MIN does not overflow */
	*out = negative ? (int64_t)(0 - v) : (int64_t)v;
	return STATUS_OK;
}

status_t
number_parse_size(const char *s, size_t len, uint64_t *out)
{
	unsigned shift = 0;
	if (len > 0) {
		switch (s[len - 1]) {
		case 'K':
			shift = 10;
			break;
		case 'M':
			shift = 20;
			break;
		case 'G':
			shift = 30;
			break;
		default:
			break;
		}
	}
	/* a hex number may end in a digit that looks like no suffix: fine */
	uint64_t v;
	status_t st = number_parse_u64(s, shift ? len - 1 : len, &v);
	if (st != STATUS_OK)
		return st;
	if (shift && v > (UINT64_MAX >> shift))
		return STATUS_INVALID_ARGS;
	*out = v << shift;
	return STATUS_OK;
}
