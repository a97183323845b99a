/*
 * \brief  A Framebuffer and an Input session served from this component's RAM
 *
 * One session of each (nitpicker's), both of one nit_stand_in screen:
 * events the script injects wait in its queue under its lock (the
 * script's thread adds, the entrypoint flushes).
 */

#include <base/log.h>
#include <framebuffer_session/server.h>
#include <input_session/server.h>
#include <os/nit_stand_in.h>
#include <parent/client.h>
#include <root/component.h>

#include "screen.h"

static struct env *screen_env;
static struct nsi_screen screen; /* the one screen, of our own RAM: the driver's */

struct screen_session {
	struct root_session base;
	struct rpc_object rpc;
};

static status_t
fb_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	struct screen_session *s = ROOT_SESSION_ENTRY(base, struct screen_session, base);
	framebuffer_session_cap_t cap;
	status_t st = fb_buffer_manage(&screen.fbuf, env_ep(screen_env), &s->rpc, &cap);
	base->cap = cap_raw(cap);
	return st;
}

static status_t
in_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	struct screen_session *s = ROOT_SESSION_ENTRY(base, struct screen_session, base);
	input_session_cap_t cap;
	status_t st =
	        input_session_manage(env_ep(screen_env), &s->rpc, &nsi_input_ops, &screen, &cap);
	base->cap = cap_raw(cap);
	return st;
}

static void
screen_destroy(void *ctx, struct root_session *base)
{
	entrypoint_dissolve(env_ep(screen_env),
	                    &ROOT_SESSION_ENTRY(base, struct screen_session, base)->rpc);
}

static const struct root_component_ops fb_root_ops = {.create = fb_create,
                                                      .destroy = screen_destroy};
static const struct root_component_ops in_root_ops = {.create = in_create,
                                                      .destroy = screen_destroy};

static bool
screen_serve(const char *service, struct root_component *root, const struct root_component_ops *ops)
{
	static struct rpc_object objs[2];
	static unsigned n;
	root_cap_t cap;

	root_component_init(root, service, sizeof(struct screen_session), ops, 0,
	                    env_heap(screen_env));
	root->single_client = true;
	return root_component_manage(root, env_ep(screen_env), &objs[n++], &cap) == STATUS_OK &&
	       parent_announce(env_parent(screen_env), service, cap) == STATUS_OK;
}

bool
screen_start(struct env *env)
{
	static struct root_component fb_root, in_root;

	screen_env = env;
	if (nsi_screen_open(&screen, env, SCREEN_W, SCREEN_H, 0, 0, 0) != STATUS_OK ||
	    !screen_serve("Framebuffer", &fb_root, &fb_root_ops) ||
	    !screen_serve("Input", &in_root, &in_root_ops)) {
		log_error("test-nitpicker_server: cannot serve the screen");
		return false;
	}
	return true;
}

uint16_t
screen_pixel(int x, int y)
{
	return nsi_screen_pixel(&screen, x, y);
}

void
screen_inject(uint32_t type, uint32_t code, int x, int y)
{
	struct input_event ev = {.type = type, .code = code, .ax = x, .ay = y};
	(void)nsi_screen_submit(&screen, &ev); /* nitpicker polls: no signal */
}

unsigned
screen_refreshes(void)
{
	return __atomic_load_n(&screen.refreshes, __ATOMIC_RELAXED);
}
