/*
 * \brief  Collecting the warnings that sandbox_enter hands back
 *
 * Each step adds what it could not do; the caller logs the whole text as
 * one line. A text that does not fit is cut, never overrun.
 */

#include <stdarg.h>
#include <stdio.h>

#include "sandbox.h"

void
sandbox_note(struct sandbox_note *n, const char *fmt, ...)
{
	if (!n->size || n->len + 1 >= n->size)
		return;
	if (n->len) {
		int k = snprintf(n->buf + n->len, n->size - n->len, "; ");
		n->len += (size_t)k;
		if (n->len >= n->size) {
			n->len = n->size - 1;
			return;
		}
	}
	va_list ap;
	va_start(ap, fmt);
	int k = vsnprintf(n->buf + n->len, n->size - n->len, fmt, ap);
	va_end(ap);
	if (k > 0)
		n->len += (size_t)k;
	if (n->len >= n->size)
		n->len = n->size - 1;
}
