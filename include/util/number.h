/*
 * \brief  Parsing numbers the way Genode configs and session arguments write them
 *
 * Decimal or 0x-prefixed hexadecimal, optionally negative where signed, and
 * for sizes a binary suffix K, M or G (e.g. "8K" = 8192, "0x10M").
 */

#ifndef _INCLUDE__UTIL__NUMBER_H_
#define _INCLUDE__UTIL__NUMBER_H_

#include <stddef.h>
#include <stdint.h>

#include <base/status.h>

/*
 * Parse all len bytes of s as an unsigned number. STATUS_INVALID_ARGS for
 * an empty string, a stray character or an overflow of 64 bits.
 */
status_t number_parse_u64(const char *s, size_t len, uint64_t *out);

/* the same with an optional leading '-' */
status_t number_parse_s64(const char *s, size_t len, int64_t *out);

/* an unsigned number with an optional K, M or G suffix (powers of 1024) */
status_t number_parse_size(const char *s, size_t len, uint64_t *out);

#endif /* _INCLUDE__UTIL__NUMBER_H_ */
