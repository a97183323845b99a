/*
 * \brief  input_server: the root of the Input service and the driver's submit
 */

#include <base/log.h>
#include <parent/client.h>

#include "input_server_session.h"

static struct input_server_session *
session_of(struct root_session *base)
{
	return ROOT_SESSION_ENTRY(base, struct input_server_session, base);
}

static status_t
input_server_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	struct input_server *server = ctx;

	(void)args;
	status_t st = input_server_session_open(session_of(base), server);
	if (st == STATUS_OK)
		server->session = session_of(base);
	return st;
}

static void
input_server_destroy(void *ctx, struct root_session *base)
{
	struct input_server *server = ctx;

	input_server_session_close(session_of(base));
	if (server->session == session_of(base))
		server->session = 0;
}

static const struct root_component_ops input_server_root_ops = {
        .create = input_server_create,
        .destroy = input_server_destroy,
};

status_t
input_server_init(struct input_server *s, struct env *env)
{
	root_cap_t root_cap;

	s->env = env;
	s->session = 0;
	s->unclaimed = 0;
	root_component_init(&s->root, "Input", sizeof(struct input_server_session),
	                    &input_server_root_ops, s, env_heap(env));
	s->root.single_client = true;
	status_t st = root_component_manage(&s->root, env_ep(env), &s->root_obj, &root_cap);
	if (st == STATUS_OK)
		st = parent_announce(env_parent(env), "Input", root_cap);
	if (st != STATUS_OK)
		log_error("Input: cannot serve the service: %s", status_name(st));
	return st;
}

void
input_server_submit(struct input_server *s, const struct input_event *ev)
{
	if (!s->session) {
		s->unclaimed++;
		return;
	}
	input_server_session_queue(s->session, ev);
}
