/*
 * \brief  Formatting log lines
 *
 * One call is one line, so a newline or any other control byte in the
 * formatted text can only come from a value it shows (a label, a name
 * from a config or a request): it is escaped (util/escape.h) so that no
 * value can start a line that reads as somebody else's.
 */

#include <base/log.h>
#include <util/escape.h>
#include <util/string.h>

struct line {
	char buf[LOG_LINE_MAX];
	size_t len;
};

static void
line_append(void *ctx, const char *s, size_t len)
{
	struct line *l = ctx;
	size_t room = sizeof(l->buf) - l->len;
	size_t n = len < room ? len : room;
	mem_copy(l->buf + l->len, s, n);
	l->len += n;
}

/* the client whose request this thread serves (log_limit_scope), if any */
static _Thread_local struct rate_limit *scope_limit;
static _Thread_local const char *scope_label;

void
log_limit_scope(struct rate_limit *limit, const char *label)
{
	scope_limit = limit;
	scope_label = label;
}

/* a warning or error inside a client's scope counts against its limit */
static bool
scope_admits(void)
{
	struct rate_limit *r = scope_limit;
	if (!r)
		return true;
	scope_limit = 0; /* the summary line itself is not counted */
	bool admitted = log_limit_admit(r, scope_label);
	scope_limit = r;
	return admitted;
}

static void
emit(const char *prefix, const char *fmt, va_list ap)
{
	if (prefix[0] && !scope_admits())
		return;
	struct line l = {.len = 0};
	line_append(&l, prefix, str_len(prefix));
	format_to(line_append, &l, fmt, ap);
	/* a trailing newline would make an empty line at the server */
	while (l.len && l.buf[l.len - 1] == '\n')
		l.len--;
	char shown[LOG_LINE_MAX];
	log_output_line(shown, escape_text(shown, sizeof(shown), l.buf, l.len, 0));
}

void
log_print(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit("", fmt, ap);
	va_end(ap);
}

void
log_warning(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit("Warning: ", fmt, ap);
	va_end(ap);
}

void
log_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	emit("Error: ", fmt, ap);
	va_end(ap);
}
