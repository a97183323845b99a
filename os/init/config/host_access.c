/*
 * \brief  <host-access reason=".."/> of a <start> (10.05+ syntax)
 *
 * The one way out of part of the sandbox (doc/sandbox.md, "The one
 * exception"): init asks core for the child's host access with the
 * reason, which core logs at each start. The reason is required, so that
 * the log always says why; it travels in a session argument and a log
 * line, so it must be short and printable. Only the top-level init's
 * grant counts: a nested init's request is stripped by its parent
 * (os/init/session_route.c), which logs the refusal.
 */

#include <pd_session/host_access.h>
#include <util/string.h>

#include "parse.h"

static status_t
reason_parse(struct init_parse *p, struct init_child *c, const struct node_value *v)
{
	char quoted[INIT_QUOTE_LEN];
	size_t len = node_value_copy(v, c->host_access, sizeof(c->host_access));

	if (len == 0)
		return init_parse_fail(p, STATUS_INVALID_ARGS, v->line, v->column,
		                       "empty host-access reason");
	if (len > PD_HOST_ACCESS_REASON_MAX)
		return init_parse_fail(p, STATUS_INVALID_ARGS, v->line, v->column,
		                       "host-access reason \"%s\" is longer than %u characters",
		                       init_parse_quote(v, quoted),
		                       (unsigned)PD_HOST_ACCESS_REASON_MAX);
	if (str_len(c->host_access) != len || !pd_host_access_reason_valid(c->host_access))
		return init_parse_fail(p, STATUS_INVALID_ARGS, v->line, v->column,
		                       "host-access reason \"%s\" contains a control character, "
		                       "quote or backslash",
		                       init_parse_quote(v, quoted));
	return STATUS_OK;
}

status_t
init_parse_host_access(struct init_parse *p, struct init_child *c, const struct node *start)
{
	static const char *const attrs[] = {"reason", NULL};
	const struct node *h;
	status_t s = init_parse_single(p, start, "host-access", &h);
	if (s != STATUS_OK || !h)
		return s;
	init_parse_check_node(p, h, attrs, NULL, false);
	const struct node_value *v = node_attribute(h, "reason");
	if (!v)
		return init_parse_fail(p, STATUS_INVALID_ARGS, h->line, h->column,
		                       "<host-access> without a \"reason\" attribute");
	s = reason_parse(p, c, v);
	if (s != STATUS_OK)
		c->host_access[0] = 0;
	return s;
}
