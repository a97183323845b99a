/*
 * \brief  Freestanding memory and string routines
 *
 * Generic code includes no hosted libc header, so it gets its byte and
 * string primitives from here. All string functions take explicit bounds
 * where the input may come from outside (config, RPC messages).
 */

#ifndef _INCLUDE__UTIL__STRING_H_
#define _INCLUDE__UTIL__STRING_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

void *mem_copy(void *dst, const void *src, size_t n);
void *mem_move(void *dst, const void *src, size_t n);
void *mem_set(void *dst, int byte, size_t n);
int mem_compare(const void *a, const void *b, size_t n);

/* length of s, but at most max (s need not be terminated within max) */
size_t str_len_bounded(const char *s, size_t max);
size_t str_len(const char *s);

int str_compare(const char *a, const char *b);

/* compare a NUL-terminated string with a counted one */
bool str_equal_counted(const char *s, const char *counted, size_t len);
bool str_equal(const char *a, const char *b);
bool str_has_prefix(const char *s, const char *prefix);

/*
 * Copy src into dst of size dst_size, always terminating (dst_size > 0).
 * Returns the length of src; a result >= dst_size means it was truncated.
 */
size_t str_copy(char *dst, const char *src, size_t dst_size);

/* the same for a counted source of len bytes */
size_t str_copy_counted(char *dst, size_t dst_size, const char *src, size_t len);

static inline bool
char_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static inline bool
char_is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static inline bool
char_is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

#endif /* _INCLUDE__UTIL__STRING_H_ */
