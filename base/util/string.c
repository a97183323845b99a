/*
 * \brief  Freestanding memory and string routines
 */

#include <util/string.h>

void *
mem_copy(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	while (n--)
		*d++ = *s++;
	return dst;
}

void *
mem_move(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;
	if (d == s || n == 0)
		return dst;
	/* compare as integers: the two may belong to different objects */
	if ((uintptr_t)d < (uintptr_t)s)
		return mem_copy(dst, src, n);
	while (n--)
		d[n] = s[n];
	return dst;
}

void *
mem_set(void *dst, int byte, size_t n)
{
	unsigned char *d = dst;
	while (n--)
		*d++ = (unsigned char)byte;
	return dst;
}

int
mem_compare(const void *a, const void *b, size_t n)
{
	const unsigned char *x = a, *y = b;
	for (size_t i = 0; i < n; i++)
		if (x[i] != y[i])
			return x[i] < y[i] ? -1 : 1;
	return 0;
}

size_t
str_len_bounded(const char *s, size_t max)
{
	size_t n = 0;
	while (n < max && s[n])
		n++;
	return n;
}

size_t
str_len(const char *s)
{
	return str_len_bounded(s, SIZE_MAX);
}

int
str_compare(const char *a, const char *b)
{
	for (; *a && *a == *b; a++, b++)
		;
	return (unsigned char)*a - (unsigned char)*b;
}

bool
str_equal(const char *a, const char *b)
{
	return str_compare(a, b) == 0;
}

bool
str_equal_counted(const char *s, const char *counted, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != counted[i] || s[i] == 0)
			return false;
	return s[len] == 0;
}

bool
str_has_prefix(const char *s, const char *prefix)
{
	for (; *prefix; s++, prefix++)
		if (*s != *prefix)
			return false;
	return true;
}

size_t
str_copy_counted(char *dst, size_t dst_size, const char *src, size_t len)
{
	if (dst_size == 0)
		return len;
	size_t n = len < dst_size - 1 ? len : dst_size - 1;
	mem_copy(dst, src, n);
	dst[n] = 0;
	return len;
}

size_t
str_copy(char *dst, const char *src, size_t dst_size)
{
	return str_copy_counted(dst, dst_size, src, str_len(src));
}
