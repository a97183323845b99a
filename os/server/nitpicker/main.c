/*
 * \brief  nitpicker: the screen, the period, the root
 *
 * The screen is the parent's Framebuffer (RGB565) and Input. Every
 * NP_PERIOD_US a Timer signal takes the screen's events, routes them
 * through the core and redraws what became dirty, once, then tells the
 * driver which rectangle changed.
 */

#include <base/component.h>
#include <base/log.h>
#include <base/signal.h>
#include <dataspace/map.h>
#include <framebuffer_session/connection.h>
#include <input_session/connection.h>
#include <parent/client.h>
#include <timer_session/connection.h>

#include "nitpicker.h"

struct np_server np_server;

static input_session_cap_t np_screen_input; /* OWNED */
static const struct input_event *np_screen_events;
static size_t np_screen_events_size;

static void
np_kill(void *ctx, struct npc_session *cs)
{
	(void)ctx;
	np_session_kill(np_session_of(cs));
}

/* the text hooks come from font.c when the font module is there */
static struct npc_ops np_core_ops = {.deliver = np_input_deliver, .kill = np_kill};

/* the screen's events, each copied first: the driver's buffer may change under us */
static void
np_screen_input_poll(void)
{
	uint32_t n = 0;

	if (input_session_flush(np_screen_input, &n) != STATUS_OK)
		return;
	size_t max = np_screen_events_size / sizeof(struct input_event);
	for (uint32_t i = 0; i < n && i < max && i < INPUT_EVENT_MAX; i++) {
		struct input_event ev = np_screen_events[i];
		npc_input(&np_server.core, &ev);
	}
}

static void
np_tick(void *arg, unsigned num)
{
	struct gfx_rect done;

	(void)arg;
	(void)num;
	np_screen_input_poll();
	npc_flush(&np_server.core, &done);
	if (!gfx_rect_empty(done))
		(void)framebuffer_session_refresh(np_server.screen_fb, done.x, done.y, done.w,
		                                  done.h);
}

/* the parent's Framebuffer as the core's screen; false (logged) if unusable */
static bool
np_screen_open(struct env *env)
{
	uint32_t w = 0, h = 0, format = 0;
	dataspace_cap_t ds = CAP_TYPED_INVALID(dataspace_cap_t);
	void *pixels = 0;
	size_t size = 0;
	status_t st = framebuffer_connection_open(env_parent(env), &np_server.screen_fb);

	if (st == STATUS_OK)
		st = framebuffer_session_info(np_server.screen_fb, &w, &h, &format);
	if (st == STATUS_OK && (format != FRAMEBUFFER_FORMAT_RGB565 || !w || !h ||
	                        w > NP_BUFFER_SIDE_MAX || h > NP_BUFFER_SIDE_MAX))
		st = STATUS_INVALID_ARGS;
	if (st == STATUS_OK)
		st = framebuffer_session_dataspace(np_server.screen_fb, &ds);
	if (st == STATUS_OK)
		st = dataspace_map_writable(ds, &pixels, &size);
	if (st == STATUS_OK && size < (size_t)w * h * 2)
		st = STATUS_INVALID_ARGS;
	if (st != STATUS_OK) {
		log_error("nitpicker: no usable Framebuffer (%ux%u format %u): %s", w, h, format,
		          status_name(st));
		return false;
	}
	gfx_surface_init(&np_server.screen, pixels, 0, (int)w, (int)h);
	log_print("nitpicker: screen %ux%u", w, h);
	return true;
}

static bool
np_input_open_screen(struct env *env)
{
	dataspace_cap_t ds = CAP_TYPED_INVALID(dataspace_cap_t);
	const char *addr = 0;
	status_t st = input_connection_open(env_parent(env), &np_screen_input);

	if (st == STATUS_OK)
		st = input_session_dataspace(np_screen_input, &ds);
	if (st == STATUS_OK)
		st = dataspace_map_readonly(ds, &addr, &np_screen_events_size);
	if (st != STATUS_OK) {
		log_error("nitpicker: no usable Input: %s", status_name(st));
		return false;
	}
	np_screen_events = (const struct input_event *)(const void *)addr;
	return true;
}

/* the period's Timer; the session stays open for the life of nitpicker */
static bool
np_timer_start(struct env *env)
{
	static struct signal_context *tick;
	timer_session_cap_t timer;
	status_t st = timer_connection_open(env_parent(env), &timer);

	if (st == STATUS_OK)
		st = signal_handler_create(env_ep(env), np_tick, 0, &tick);
	if (st == STATUS_OK)
		st = timer_session_sigh(timer, signal_context_cap(tick));
	if (st == STATUS_OK)
		st = timer_session_trigger_periodic(timer, NP_PERIOD_US);
	if (st != STATUS_OK)
		log_error("nitpicker: no usable Timer: %s", status_name(st));
	return st == STATUS_OK;
}

void
component_construct(struct env *env)
{
	static struct rpc_object root;
	root_cap_t root_cap;

	np_server.env = env;
	np_config_read(env);
	if (!np_screen_open(env) || !np_input_open_screen(env))
		env_exit(env, 1);
	npc_init(&np_server.core, &np_server.screen, &np_core_ops, 0);
	(void)np_font_open(env, &np_core_ops, &np_server.core);
	root_component_init(&np_server.root, "Nitpicker", sizeof(struct np_session), &np_root_ops,
	                    0, env_heap(env));
	if (!np_timer_start(env) ||
	    root_component_manage(&np_server.root, env_ep(env), &root, &root_cap) != STATUS_OK)
		env_exit(env, 1);
	status_t s = parent_announce(env_parent(env), "Nitpicker", root_cap);
	if (s != STATUS_OK) {
		log_error("nitpicker: announcing \"Nitpicker\" failed: %s", status_name(s));
		env_exit(env, 1);
	}
}
