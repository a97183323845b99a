/*
 * \brief  Stray output of the processes core created
 *
 * Log lines travel over LOG sessions. What a process writes to stdout or
 * stderr anyway (a sanitizer report, a libc message, a line before its
 * LOG session exists) would otherwise be lost or interleave with the
 * console, so core reads it line by line and logs it under the label of
 * the PD session, Genode-style: "[init -> child] text".
 */

#define _GNU_SOURCE
#include <errno.h>
#include <unistd.h>

#include "core_log.h"
#include "pd_linux.h"

static void
feed(struct linux_pd *p, const char *data, size_t len)
{
	struct line_buf *b = &p->out;
	for (size_t i = 0; i < len; i++) {
		if (data[i] == '\n' || b->len == sizeof(b->buf)) {
			core_log_labeled(p->label, b->buf, b->len);
			b->len = 0;
			if (data[i] == '\n')
				continue;
		}
		b->buf[b->len++] = data[i];
	}
}

bool
stray_drain(struct linux_pd *p)
{
	char chunk[4096];
	if (p->out_fd < 0)
		return false;
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
stray_flush(struct linux_pd *p)
{
	if (p->out.len)
		core_log_labeled(p->label, p->out.buf, p->out.len);
	p->out.len = 0;
}
