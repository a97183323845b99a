/*
 * \brief  test-framebuffer: config, the Framebuffer session, the order of things
 */

#include <base/component.h>
#include <base/config_root.h>
#include <base/log.h>
#include <dataspace/map.h>
#include <framebuffer_session/connection.h>

#include "test_framebuffer.h"

static struct fb_test_screen screen;

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

/* <config hostile="yes" hold_ms="2000"/>, both optional */
static void
config_read(struct env *env, bool *hostile, uint64_t *hold_ms)
{
	struct config_root cfg;
	const struct node *root = config_root_parse(env, &cfg);

	*hostile = false;
	*hold_ms = 0;
	if (root) {
		(void)node_attribute_bool(root, "hostile", false, hostile, &cfg.err);
		(void)node_attribute_u64(root, "hold_ms", 0, hold_ms, &cfg.err);
	}
}

void
component_construct(struct env *env)
{
	bool hostile;
	uint64_t hold_ms;

	config_read(env, &hostile, &hold_ms);
	if (!screen_open(env) || !fb_test_draw(&screen) || !fb_test_input_open(env, hold_ms))
		env_exit(env, 1);
	if (hostile) {
		if (!fb_test_hostile(&screen))
			env_exit(env, 1);
		log_print("hostile refreshes done");
	}
	log_print("drawn %ux%u", screen.width, screen.height);
}
