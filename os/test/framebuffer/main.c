/*
 * \brief  test-framebuffer: sessions, and the input reported as log lines
 */

#include <base/component.h>
#include <base/config_root.h>
#include <base/log.h>
#include <base/signal.h>
#include <dataspace/map.h>
#include <framebuffer_session/connection.h>
#include <input_session/connection.h>

#include "test_framebuffer.h"

static struct fb_test_screen screen;
static input_session_cap_t input;              /* OWNED */
static const struct input_event *input_events; /* the session's buffer, mapped */

static const char *const type_names[] = {"invalid", "motion", "press", "release",
                                         "wheel",   "focus",  "leave"};

static void
input_report(const struct input_event *e)
{
	const char *type = e->type < 7 ? type_names[e->type] : "unknown";

	if (e->type == INPUT_EVENT_WHEEL)
		log_print("input: wheel %d,%d", (int)e->rx, (int)e->ry);
	else
		log_print("input: %s %u at %d,%d", type, e->code, (int)e->ax, (int)e->ay);
}

static void
input_handle(void *arg, unsigned num)
{
	uint32_t count = 0;

	(void)arg;
	(void)num;
	if (input_session_flush(input, &count) != STATUS_OK)
		return;
	for (uint32_t i = 0; i < count && i < INPUT_EVENT_MAX; i++)
		input_report(&input_events[i]);
}

static bool
input_open(struct env *env)
{
	struct signal_context *ctx;
	dataspace_cap_t ds;
	const char *addr;
	size_t size;

	status_t st = input_connection_open(env_parent(env), &input);
	if (st == STATUS_OK)
		st = input_session_dataspace(input, &ds);
	if (st == STATUS_OK)
		st = dataspace_map_readonly(ds, &addr, &size);
	if (st == STATUS_OK && size < INPUT_EVENT_MAX * sizeof(struct input_event))
		st = STATUS_PROTOCOL;
	if (st == STATUS_OK)
		st = signal_handler_create(env_ep(env), input_handle, 0, &ctx);
	if (st == STATUS_OK)
		st = input_session_sigh(input, signal_context_cap(ctx));
	if (st != STATUS_OK) {
		log_error("no Input session: %s", status_name(st));
		return false;
	}
	input_events = (const struct input_event *)(const void *)addr;
	return true;
}

static bool
screen_open(struct env *env)
{
	uint32_t format = 0;
	dataspace_cap_t ds;
	void *addr;
	size_t size;

	status_t st = framebuffer_connection_open(env_parent(env), &screen.fb);
	if (st == STATUS_OK)
		st = framebuffer_session_info(screen.fb, &screen.width, &screen.height, &format);
	if (st == STATUS_OK && format != FRAMEBUFFER_FORMAT_RGB565)
		st = STATUS_PROTOCOL;
	if (st == STATUS_OK)
		st = framebuffer_session_dataspace(screen.fb, &ds);
	if (st == STATUS_OK)
		st = dataspace_map_writable(ds, &addr, &size);
	if (st == STATUS_OK &&
	    size < framebuffer_buffer_bytes(screen.width, screen.height, format, 0))
		st = STATUS_PROTOCOL;
	if (st != STATUS_OK) {
		log_error("no usable Framebuffer session: %s", status_name(st));
		return false;
	}
	screen.pixels = addr;
	return true;
}

static bool
config_hostile(struct env *env)
{
	struct config_root cfg;
	const struct node *root = config_root_parse(env, &cfg);
	bool hostile = false;

	if (root)
		(void)node_attribute_bool(root, "hostile", false, &hostile, &cfg.err);
	return hostile;
}

void
component_construct(struct env *env)
{
	if (!screen_open(env) || !fb_test_draw(&screen) || !input_open(env))
		env_exit(env, 1);
	if (config_hostile(env)) {
		if (!fb_test_hostile(&screen))
			env_exit(env, 1);
		log_print("hostile refreshes done");
	}
	log_print("drawn %ux%u", screen.width, screen.height);
}
