/*
 * \brief  nitlog's LOG service: sessions paid by the client's donation
 *
 * A session keeps its label (in the root component's part) and its
 * colour, nothing else: the lines go into the window's text, which is
 * nitlog's own, of a fixed size, and scrolls.
 */

#include <base/log.h>
#include <gfx/surface.h>
#include <log_session/server.h>
#include <parent/client.h>
#include <root/component.h>
#include <util/string.h>

#include "nitlog.h"

struct nitlog_session {
	struct root_session base; /* label, capability, donation */
	struct rpc_object rpc;
	uint16_t color;
};

static struct env *nitlog_env;
static struct root_component nitlog_root;

/* each line of text (split at newlines) into the window */
static status_t
nitlog_write(void *ctx, struct rpc_call *call, const char *text, uint32_t *written)
{
	(void)call;
	struct nitlog_session *s = ctx;
	char line[256]; /* the RPC bounds text to 232 bytes */
	const char *p = text;
	for (;;) {
		size_t n = 0;
		while (p[n] && p[n] != '\n')
			n++;
		/* a final newline ends the last line, it does not start an empty one */
		if (n || p == text || p[n] == '\n') {
			(void)str_copy_counted(line, sizeof(line), p, n);
			(void)nitlog_text_add(&nitlog_text, s->base.label, line, s->color);
		}
		if (!p[n])
			break;
		p += n + 1;
	}
	nitlog_dirty = true;
	*written = (uint32_t)str_len(text);
	return STATUS_OK;
}

static const struct log_session_ops nitlog_ops = {.write = nitlog_write};

static status_t
nitlog_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	(void)ctx;
	(void)args;
	struct nitlog_session *s = ROOT_SESSION_ENTRY(base, struct nitlog_session, base);
	log_session_cap_t cap;
	s->color = nitlog_label_color(base->label);
	status_t st = log_session_manage(env_ep(nitlog_env), &s->rpc, &nitlog_ops, s, &cap);
	if (st != STATUS_OK)
		return st;
	base->cap = cap_raw(cap);
	/* the colour in the log too: a test looks for it on the screen */
	log_print("nitlog: \"%s\" writes in #%02x%02x%02x", base->label, gfx_red(s->color),
	          gfx_green(s->color), gfx_blue(s->color));
	return STATUS_OK;
}

static void
nitlog_destroy(void *ctx, struct root_session *base)
{
	(void)ctx;
	entrypoint_dissolve(env_ep(nitlog_env),
	                    &ROOT_SESSION_ENTRY(base, struct nitlog_session, base)->rpc);
}

static const struct root_component_ops nitlog_root_ops = {.create = nitlog_create,
                                                          .destroy = nitlog_destroy};

bool
nitlog_service_start(struct env *env)
{
	static struct rpc_object root;
	root_cap_t root_cap;
	nitlog_env = env;
	root_component_init(&nitlog_root, "LOG", sizeof(struct nitlog_session), &nitlog_root_ops, 0,
	                    env_heap(env));
	status_t st = root_component_manage(&nitlog_root, env_ep(env), &root, &root_cap);
	if (st == STATUS_OK)
		st = parent_announce(env_parent(env), "LOG", root_cap);
	if (st != STATUS_OK)
		log_error("nitlog: cannot serve \"LOG\": %s", status_name(st));
	return st == STATUS_OK;
}
