/*
 * \brief  test-fb-client: draws into a Framebuffer session and logs its Input events
 *
 * <config color="#rrggbb"/>: the whole buffer in that colour, a white
 * 20x20 square at 10,10, one refresh of everything. Then every press and
 * release of its Input session is logged with the client's coordinates
 * (polled on a Timer tick), so a test sees what a server like liquid_fb
 * hands on. Exit 1 when a session is missing or fails.
 */

#include <base/component.h>
#include <base/config_root.h>
#include <base/log.h>
#include <dataspace/map.h>
#include <framebuffer_session/connection.h>
#include <input_session/connection.h>

#include "../../lib/nit_client/nit_client.h"
#include "../../lib/window/window_config.h"

static struct env *fc_env;
static input_session_cap_t fc_input;
static const struct input_event *fc_events;
static size_t fc_events_max;

static void
fc_tick(void *arg, unsigned num)
{
	(void)arg, (void)num;
	bool pending = false;
	uint32_t n = 0;
	if (input_session_pending(fc_input, &pending) != STATUS_OK ||
	    (pending && input_session_flush(fc_input, &n) != STATUS_OK)) {
		log_error("test-fb-client: the Input session failed");
		env_exit(fc_env, 1);
	}
	for (uint32_t i = 0; i < n && i < fc_events_max; i++) {
		const struct input_event *ev = &fc_events[i];
		if (ev->type == INPUT_EVENT_PRESS || ev->type == INPUT_EVENT_RELEASE)
			log_print("input: %s %u at %d,%d",
			          ev->type == INPUT_EVENT_PRESS ? "press" : "release", ev->code,
			          ev->ax, ev->ay);
	}
}

/* fill the buffer and refresh it; false (logged) on failure */
static bool
fc_draw(framebuffer_session_cap_t fb, uint16_t color)
{
	uint32_t w = 0, h = 0, format = 0;
	dataspace_cap_t ds;
	void *addr = 0;
	size_t size = 0;
	struct gfx_surface s;
	if (framebuffer_session_info(fb, &w, &h, &format) != STATUS_OK ||
	    framebuffer_session_dataspace(fb, &ds) != STATUS_OK ||
	    dataspace_map_writable(ds, &addr, &size) != STATUS_OK || size < (size_t)w * h * 2) {
		log_error("test-fb-client: no usable framebuffer");
		return false;
	}
	gfx_surface_init(&s, addr, 0, (int)w, (int)h);
	gfx_fill(&s, gfx_surface_area(&s), color);
	gfx_fill(&s, (struct gfx_rect){10, 10, 20, 20}, 0xffff);
	log_print("test-fb-client: framebuffer %ux%u", w, h);
	return framebuffer_session_refresh(fb, 0, 0, (int32_t)w, (int32_t)h) == STATUS_OK;
}

static bool
fc_input_map(void)
{
	dataspace_cap_t ds;
	const char *addr = 0;
	size_t size = 0;
	if (input_connection_open(env_parent(fc_env), &fc_input) != STATUS_OK ||
	    input_session_dataspace(fc_input, &ds) != STATUS_OK ||
	    dataspace_map_readonly(ds, &addr, &size) != STATUS_OK) {
		log_error("test-fb-client: no usable Input session");
		return false;
	}
	fc_events = (const struct input_event *)(const void *)addr;
	fc_events_max = size / sizeof(struct input_event);
	return true;
}

void
component_construct(struct env *env)
{
	struct config_root cfg;
	const struct node *root = config_root_parse(env, &cfg);
	static const struct node empty;
	uint16_t color = 0;
	framebuffer_session_cap_t fb;
	fc_env = env;
	(void)window_attr_color(root ? root : &empty, "color", 0x001f, &color, "test-fb-client");
	if (framebuffer_connection_open(env_parent(env), &fb) != STATUS_OK || !fc_draw(fb, color) ||
	    !fc_input_map() ||
	    nit_client_tick_start(env, 20, fc_tick, 0, "test-fb-client") != STATUS_OK)
		env_exit(env, 1);
}
