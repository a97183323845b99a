/*
 * \brief  Messages of the init-config parser
 *
 * Every message is one self-contained line that starts with where it
 * applies, because the reader of init's log has only that line to find the
 * mistake in a config of dozens of children. Text taken from the config is
 * bounded and stripped of control characters so that no config can break
 * the one-line promise.
 */

#include <util/string.h>

#include "parse.h"

/* turn anything that could end or mangle a log line into '?' */
static void
sanitize(char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f || *s == '"')
			*s = '?';
}

static void
compose(const struct init_parse *p, char *buf, size_t size, uint32_t line, uint32_t column,
        const char *fmt, va_list ap)
{
	size_t len;
	if (line)
		len = format_string(buf, size, "config line %u, column %u: ", (unsigned)line,
		                    (unsigned)column);
	else
		len = format_string(buf, size, "config: ");
	if (p->subject[0] && len < size)
		len += format_string(buf + len, size - len, "%s: ", p->subject);
	if (len < size)
		format_vstring(buf + len, size - len, fmt, ap);
	/* quotes are ours here; only line breaks and controls must go */
	for (char *c = buf; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7f)
			*c = '?';
}

status_t
init_parse_fail(struct init_parse *p, status_t s, uint32_t line, uint32_t column, const char *fmt,
                ...)
{
	/* the first error is the cause; anything after it is a consequence */
	if (!p->diag || p->diag->error[0])
		return s;
	va_list ap;
	va_start(ap, fmt);
	compose(p, p->diag->error, sizeof(p->diag->error), line, column, fmt, ap);
	va_end(ap);
	return s;
}

void
init_parse_warn(struct init_parse *p, uint32_t line, uint32_t column, const char *fmt, ...)
{
	struct init_config_diag *d = p->diag;
	if (!d)
		return;
	if (d->warning_count == INIT_CONFIG_MAX_WARNINGS) {
		d->warnings_dropped++;
		return;
	}
	va_list ap;
	va_start(ap, fmt);
	compose(p, d->warnings[d->warning_count++], INIT_CONFIG_DIAG_LEN, line, column, fmt, ap);
	va_end(ap);
}

void
init_parse_subject_child(struct init_parse *p, const char *child)
{
	format_string(p->subject, sizeof(p->subject), "child \"%s\"", child);
}

void
init_parse_subject_clear(struct init_parse *p)
{
	p->subject[0] = 0;
}

/*
 * buf holds min(full_len, INIT_QUOTE_LEN - 1) copied bytes; a NUL among them
 * (decoded text may contain one) would hide the rest, so it is shown like
 * any control character
 */
static const char *
finish_quote(char buf[INIT_QUOTE_LEN], size_t full_len)
{
	size_t n = full_len < INIT_QUOTE_LEN - 1 ? full_len : INIT_QUOTE_LEN - 1;
	for (size_t i = 0; i < n; i++)
		if (!buf[i])
			buf[i] = '?';
	sanitize(buf);
	if (full_len >= INIT_QUOTE_LEN)
		str_copy(buf + INIT_QUOTE_LEN - 4, "...", 4);
	return buf;
}

const char *
init_parse_quote(const struct node_value *v, char buf[INIT_QUOTE_LEN])
{
	return finish_quote(buf, node_value_copy(v, buf, INIT_QUOTE_LEN));
}

const char *
init_parse_quote_span(struct node_span s, char buf[INIT_QUOTE_LEN])
{
	return finish_quote(buf, str_copy_counted(buf, INIT_QUOTE_LEN, s.start, s.len));
}
