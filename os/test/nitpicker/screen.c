/*
 * \brief  A Framebuffer and an Input session served from this component's RAM
 *
 * One session of each (nitpicker's). Events the script injects wait in a
 * queue under a lock (the script's thread adds, the entrypoint flushes).
 */

#include <base/lock.h>
#include <base/log.h>
#include <dataspace/map.h>
#include <framebuffer_session/mode.h>
#include <framebuffer_session/server.h>
#include <input_session/server.h>
#include <parent/client.h>
#include <ram_session/client.h>
#include <root/component.h>
#include <util/string.h>

#include "screen.h"

enum { QUEUE_MAX = 64 };

static struct env *screen_env;
static dataspace_cap_t fb_ds, ev_ds;
static uint16_t *fb_pixels;
static struct input_event *ev_buf;
static struct input_event queue[QUEUE_MAX];
static unsigned queued, refreshes;
static struct lock queue_lock = LOCK_INIT_UNLOCKED;

struct screen_session {
	struct root_session base;
	struct rpc_object rpc;
};

static status_t
fb_dataspace(void *ctx, struct rpc_call *call, dataspace_cap_t *ds)
{
	*ds = fb_ds;
	return STATUS_OK;
}

static status_t
fb_info(void *ctx, struct rpc_call *call, uint32_t *w, uint32_t *h, uint32_t *format)
{
	*w = SCREEN_W;
	*h = SCREEN_H;
	*format = FRAMEBUFFER_FORMAT_RGB565;
	return STATUS_OK;
}

static status_t
fb_refresh(void *ctx, struct rpc_call *call, int32_t x, int32_t y, int32_t w, int32_t h)
{
	__atomic_add_fetch(&refreshes, 1, __ATOMIC_RELAXED);
	return STATUS_OK;
}

static const struct framebuffer_session_ops fb_ops = {
        .dataspace = fb_dataspace, .info = fb_info, .refresh = fb_refresh};

static status_t
in_dataspace(void *ctx, struct rpc_call *call, dataspace_cap_t *ds)
{
	*ds = ev_ds;
	return STATUS_OK;
}

static status_t
in_pending(void *ctx, struct rpc_call *call, bool *pending)
{
	*pending = __atomic_load_n(&queued, __ATOMIC_RELAXED) > 0;
	return STATUS_OK;
}

static status_t
in_flush(void *ctx, struct rpc_call *call, uint32_t *count)
{
	lock_acquire(&queue_lock);
	mem_copy(ev_buf, queue, queued * sizeof(queue[0]));
	*count = queued;
	queued = 0;
	lock_release(&queue_lock);
	return STATUS_OK;
}

static const struct input_session_ops in_ops = {
        .dataspace = in_dataspace, .pending = in_pending, .flush = in_flush};

static status_t
fb_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	struct screen_session *s = ROOT_SESSION_ENTRY(base, struct screen_session, base);
	framebuffer_session_cap_t cap;
	status_t st = framebuffer_session_manage(env_ep(screen_env), &s->rpc, &fb_ops, s, &cap);
	base->cap = cap_raw(cap);
	return st;
}

static status_t
in_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	struct screen_session *s = ROOT_SESSION_ENTRY(base, struct screen_session, base);
	input_session_cap_t cap;
	status_t st = input_session_manage(env_ep(screen_env), &s->rpc, &in_ops, s, &cap);
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

/* a RAM dataspace of size, mapped */
static bool
screen_ds(size_t size, dataspace_cap_t *ds, void **addr)
{
	size_t mapped = 0;
	return ram_session_alloc(env_ram(screen_env), size, ds) == STATUS_OK &&
	       dataspace_map_writable(*ds, addr, &mapped) == STATUS_OK && mapped >= size;
}

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
	void *fb = 0, *ev = 0;

	screen_env = env;
	if (!screen_ds(SCREEN_W * SCREEN_H * 2, &fb_ds, &fb) ||
	    !screen_ds(INPUT_EVENT_MAX * sizeof(struct input_event), &ev_ds, &ev) ||
	    !screen_serve("Framebuffer", &fb_root, &fb_root_ops) ||
	    !screen_serve("Input", &in_root, &in_root_ops)) {
		log_error("test-nitpicker_server: cannot serve the screen");
		return false;
	}
	fb_pixels = fb;
	ev_buf = ev;
	return true;
}

uint16_t
screen_pixel(int x, int y)
{
	return __atomic_load_n(&fb_pixels[y * SCREEN_W + x], __ATOMIC_RELAXED);
}

void
screen_inject(uint32_t type, uint32_t code, int x, int y)
{
	lock_acquire(&queue_lock);
	if (queued < QUEUE_MAX)
		queue[queued++] =
		        (struct input_event){.type = type, .code = code, .ax = x, .ay = y};
	lock_release(&queue_lock);
}

unsigned
screen_refreshes(void)
{
	return __atomic_load_n(&refreshes, __ATOMIC_RELAXED);
}
