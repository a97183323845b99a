/*
 * \brief  Capturing stray output of children
 *
 * Log lines travel over LOG sessions. What a child writes to stdout or
 * stderr anyway (a sanitizer report, a libc message) would otherwise be
 * lost or interleave with the console, so it is read line by line and
 * handed to the runtime with the child's name.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <unistd.h>

#include "process_linux.h"

static void
feed(struct process *p, const char *data, size_t len)
{
	struct line_buf *b = &p->out;
	for (size_t i = 0; i < len; i++) {
		if (data[i] == '\n' || b->len == sizeof(b->buf)) {
			process_stray_line(p->name, b->buf, b->len);
			b->len = 0;
			if (data[i] == '\n')
				continue;
		}
		b->buf[b->len++] = data[i];
	}
}

bool
stray_drain(struct process *p)
{
	char chunk[4096];
	for (;;) {
		ssize_t n = read(p->out_fd, chunk, sizeof(chunk));
		if (n > 0) {
			feed(p, chunk, (size_t)n);
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		return n < 0 && errno == EAGAIN; /* EOF or error: the writer is gone */
	}
}

void
stray_flush(struct process *p)
{
	if (p->out.len)
		process_stray_line(p->name, p->out.buf, p->out.len);
	p->out.len = 0;
}
