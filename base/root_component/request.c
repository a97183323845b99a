/*
 * \brief  A root component as a server's root object (the root interface)
 *
 * A server announces this object to its parent, which calls it with the
 * argument strings it routed and labeled; the parsing and the replies are
 * the same for every server, so they are here once.
 */

#include <base/log.h>
#include <root/component.h>
#include <root/server.h>
#include <root/session_args.h>
#include <util/string.h>

status_t
root_component_request(struct root_component *root, const char *args_text, cap_t *session)
{
	struct arg_string args;
	struct arg_error err;
	char label[ROOT_LABEL_MAX];

	if (arg_string_init(&args, args_text, str_len(args_text), &err) != STATUS_OK) {
		log_error("%s session: malformed arguments at offset %u: %s", root->service,
		          (unsigned)err.offset, err.reason);
		return STATUS_INVALID_ARGS;
	}
	if (arg_string_get_string(&args, "label", label, sizeof(label)) == STATUS_OUT_OF_MEMORY) {
		log_error("%s session: label too long", root->service);
		return STATUS_INVALID_ARGS;
	}
	return root_component_create(root, &args, label, session);
}

status_t
root_component_upgrade_request(struct root_component *root, cap_t cap, const char *args_text)
{
	struct root_session *s = root_component_lookup(root, cap);
	uint64_t amount = 0;
	if (!s) {
		log_error("upgrade of %s session denied: not a session of this server",
		          root->service);
		return STATUS_NOT_FOUND;
	}
	status_t st = session_upgrade_amount(root->service, args_text, s->label, &amount);
	if (st == STATUS_OK)
		(void)root_component_upgrade(root, cap, amount);
	return st;
}

/* the reply BORROWS the session capability: the root keeps its own */
static status_t
root_rpc_session(void *ctx, struct rpc_call *call, const char *args, cap_t *session)
{
	(void)call;
	return root_component_request(ctx, args, session);
}

static status_t
root_rpc_upgrade(void *ctx, struct rpc_call *call, cap_t session, const char *args)
{
	(void)call;
	status_t st = root_component_upgrade_request(ctx, session, args);
	cap_close(session);
	return st;
}

static status_t
root_rpc_close(void *ctx, struct rpc_call *call, cap_t session)
{
	(void)call;
	bool found = root_component_close(ctx, session);
	cap_close(session);
	return found ? STATUS_OK : STATUS_NOT_FOUND;
}

static const struct root_ops root_rpc_ops = {
        .session = root_rpc_session,
        .upgrade = root_rpc_upgrade,
        .close = root_rpc_close,
};

status_t
root_component_manage(struct root_component *root, struct entrypoint *ep, struct rpc_object *obj,
                      root_cap_t *cap)
{
	return root_manage(ep, obj, &root_rpc_ops, root, cap);
}
