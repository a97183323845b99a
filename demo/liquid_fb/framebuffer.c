/*
 * \brief  liquid_fb's Framebuffer service: one client, the buffer from the config's mode
 */

#include <base/log.h>
#include <framebuffer_session/server.h>
#include <parent/client.h>
#include <root/component.h>

#include "liquid_fb.h"
#include "route.h"

struct liquid_fb_fb_session {
	struct root_session base; /* label, capability, donation */
	struct rpc_object rpc;
	signal_context_cap_t mode_sigh; /* OWNED, may be invalid: the mode never changes */
};

static struct root_component liquid_fb_fb_root;

static status_t
liquid_fb_fb_dataspace(void *ctx, struct rpc_call *call, dataspace_cap_t *ds)
{
	(void)ctx;
	(void)call;
	*ds = liquid_fb.client_ds; /* BORROWED by the reply: the client gets a copy */
	return STATUS_OK;
}

static status_t
liquid_fb_fb_info(void *ctx, struct rpc_call *call, uint32_t *w, uint32_t *h, uint32_t *format)
{
	(void)ctx;
	(void)call;
	*w = (uint32_t)liquid_fb.client.w;
	*h = (uint32_t)liquid_fb.client.h;
	*format = FRAMEBUFFER_FORMAT_RGB565;
	return STATUS_OK;
}

static status_t
liquid_fb_fb_refresh(void *ctx, struct rpc_call *call, int32_t x, int32_t y, int32_t w, int32_t h)
{
	(void)ctx;
	(void)call;
	int cx, cy, cw, ch;
	/* clipped, as the interface says: no error for a rectangle partly or wholly outside */
	if (liquid_fb_refresh_clip(x, y, w, h, liquid_fb.client.w, liquid_fb.client.h, &cx, &cy,
	                           &cw, &ch))
		liquid_fb_show(cx, cy, cw, ch);
	return STATUS_OK;
}

static void
liquid_fb_cap_drop(signal_context_cap_t *cap)
{
	if (cap_valid(cap_raw(*cap)))
		cap_close(cap_raw(*cap));
	*cap = CAP_TYPED_INVALID(signal_context_cap_t);
}

static status_t
liquid_fb_fb_mode_sigh(void *ctx, struct rpc_call *call, signal_context_cap_t sigh)
{
	(void)call;
	struct liquid_fb_fb_session *s = ctx;
	liquid_fb_cap_drop(&s->mode_sigh);
	s->mode_sigh = sigh; /* OWNED from the dispatch on */
	return STATUS_OK;
}

static const struct framebuffer_session_ops liquid_fb_fb_ops = {
        .dataspace = liquid_fb_fb_dataspace,
        .info = liquid_fb_fb_info,
        .refresh = liquid_fb_fb_refresh,
        .mode_sigh = liquid_fb_fb_mode_sigh,
};

static struct liquid_fb_fb_session *
liquid_fb_fb_of(struct root_session *base)
{
	return ROOT_SESSION_ENTRY(base, struct liquid_fb_fb_session, base);
}

static status_t
liquid_fb_fb_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	(void)ctx;
	(void)args;
	struct liquid_fb_fb_session *s = liquid_fb_fb_of(base);
	framebuffer_session_cap_t cap;
	s->mode_sigh = CAP_TYPED_INVALID(signal_context_cap_t);
	status_t st = framebuffer_session_manage(env_ep(liquid_fb.env), &s->rpc, &liquid_fb_fb_ops,
	                                         s, &cap);
	if (st == STATUS_OK)
		base->cap = cap_raw(cap);
	return st;
}

static void
liquid_fb_fb_destroy(void *ctx, struct root_session *base)
{
	(void)ctx;
	struct liquid_fb_fb_session *s = liquid_fb_fb_of(base);
	entrypoint_dissolve(env_ep(liquid_fb.env), &s->rpc);
	liquid_fb_cap_drop(&s->mode_sigh);
}

static const struct root_component_ops liquid_fb_fb_root_ops = {
        .create = liquid_fb_fb_create,
        .destroy = liquid_fb_fb_destroy,
};

bool
liquid_fb_framebuffer_start(struct env *env)
{
	static struct rpc_object root;
	root_cap_t root_cap;
	root_component_init(&liquid_fb_fb_root, "Framebuffer", sizeof(struct liquid_fb_fb_session),
	                    &liquid_fb_fb_root_ops, 0, env_heap(env));
	/* one buffer, one client: a second one would draw into the first one's picture */
	liquid_fb_fb_root.single_client = true;
	status_t st = root_component_manage(&liquid_fb_fb_root, env_ep(env), &root, &root_cap);
	if (st == STATUS_OK)
		st = parent_announce(env_parent(env), "Framebuffer", root_cap);
	if (st != STATUS_OK)
		log_error("liquid_fb: cannot serve \"Framebuffer\": %s", status_name(st));
	return st == STATUS_OK;
}
