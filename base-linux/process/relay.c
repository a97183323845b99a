/*
 * \brief  Relaying log lines of children up the tree
 *
 * A child's own lines get its name as label; lines it relays already carry
 * a chain below it, which gets its name put in front. A child can thus only
 * speak for its own subtree: it cannot forge a label outside it, because
 * the parent always adds the child's name.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <util/format.h>

#include "process_linux.h"

static void
deliver(struct process *p, const char *line, size_t len, bool relayed)
{
	const char *tab = relayed ? memchr(line, '\t', len) : NULL;
	if (!tab) {
		process_relay_line(p->name, line, len);
		return;
	}
	if (tab == line) { /* the child's own line: empty chain */
		process_relay_line(p->name, line + 1, len - 1);
		return;
	}
	char chain[RELAY_LINE_MAX];
	format_string(chain, sizeof(chain), "%s -> %.*s", p->name, (int)(tab - line), line);
	size_t skip = (size_t)(tab - line) + 1;
	process_relay_line(chain, line + skip, len - skip);
}

static void
feed(struct process *p, struct line_buf *b, const char *data, size_t len, bool relayed)
{
	for (size_t i = 0; i < len; i++) {
		if (data[i] == '\n' || b->len == sizeof(b->buf)) {
			deliver(p, b->buf, b->len, relayed);
			b->len = 0;
			if (data[i] == '\n')
				continue;
		}
		b->buf[b->len++] = data[i];
	}
}

bool
relay_drain(struct process *p, int fd, struct line_buf *b, bool relayed)
{
	char chunk[4096];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof(chunk));
		if (n > 0) {
			feed(p, b, chunk, (size_t)n, relayed);
			continue;
		}
		if (n < 0 && errno == EINTR)
			continue;
		return n < 0 && errno == EAGAIN; /* EOF or error: the writer is gone */
	}
}

void
relay_flush(struct process *p)
{
	if (p->out.len)
		deliver(p, p->out.buf, p->out.len, false);
	if (p->relay.len)
		deliver(p, p->relay.buf, p->relay.len, true);
	p->out.len = p->relay.len = 0;
}
