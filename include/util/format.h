/*
 * \brief  Bounded, allocation-free printf-like formatting
 *
 * Generic code has no stdio, yet log messages, session arguments and labels
 * need numbers in text. Output goes through a sink function, so a fixed
 * buffer (format_string) and a streaming consumer such as a log session
 * (format_to) share one formatter and neither needs a heap.
 *
 * Supported: %d %i %u %x %X %c %s %p %%, the length modifiers l, ll and z
 * (size_t; %zd takes the signed type of the same width), the flags '-' '0'
 * '+' ' ' '#', a width (digits or '*') and a precision (".N" or ".*") for
 * integers and %s. %p prints 0x and lower-case hex digits, also for NULL
 * ("0x0"); %s with NULL prints "(null)"; '0' pads numbers only, not %s or %c.
 *
 * Deliberately not supported: %o, the modifiers h, hh, j, t, L, floating
 * point and %n. Such a conversion, or any unknown one such as "%q", is copied
 * to the output literally and consumes no argument, so a typo shows up in
 * the text instead of reading a wrong argument. Arguments of a '*' width or
 * precision in front of it are consumed, though.
 */

#ifndef _INCLUDE__UTIL__FORMAT_H_
#define _INCLUDE__UTIL__FORMAT_H_

#include <stdarg.h>
#include <stddef.h>

/* let gcc and clang check the arguments at every call site */
#if defined(__GNUC__)
#define FORMAT_PRINTF(fmt_index, first_arg) __attribute__((format(printf, fmt_index, first_arg)))
#else
#define FORMAT_PRINTF(fmt_index, first_arg)
#endif

/* receives the output piece by piece; s is not NUL-terminated, len > 0 */
typedef void (*format_out_fn)(void *ctx, const char *s, size_t len);

/* format and hand the result to out; the caller's ap stays usable (va_copy) */
void format_to(format_out_fn out, void *ctx, const char *fmt, va_list ap) FORMAT_PRINTF(3, 0);

/*
 * Format into buf of size bytes, always NUL-terminated if size > 0 (buf may
 * be NULL if size is 0). Returns the length the complete output has, like
 * snprintf: a result >= size means the text was truncated.
 */
size_t format_string(char *buf, size_t size, const char *fmt, ...) FORMAT_PRINTF(3, 4);
size_t format_vstring(char *buf, size_t size, const char *fmt, va_list ap) FORMAT_PRINTF(3, 0);

#endif /* _INCLUDE__UTIL__FORMAT_H_ */
