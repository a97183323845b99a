/*
 * \brief  fb_sdl: component start, config and the poll timer
 *
 * <config width="1024" height="768" depth="16" display=":0"/>: the mode
 * as 10.02's VESA driver took it (default 1024x768x16, only the modes of
 * fb_sdl_modes), and the X display (default: DISPLAY of the environment;
 * core gives a component none, so a run script names it here). A mode or
 * display that does not work ends the driver with exit value 1, which
 * init reports. bench="yes" (bench/gui only) logs every refresh: when
 * the window had it, how long the copy took and the first pixels of the
 * rectangle, from which the bench reads the frame its client stamped.
 */

#define _GNU_SOURCE
#include <stdlib.h>

#include <base/component.h>
#include <base/config_root.h>
#include <base/log.h>
#include <timer_session/connection.h>

#include "fb_sdl.h"

enum { FB_SDL_DISPLAY_MAX = 64 };

/* what a 2010 PC screen offered at 16 bits: the VESA driver's common modes */
static const struct fb_mode fb_sdl_modes[] = {
        {640, 480, FRAMEBUFFER_FORMAT_RGB565},
        {800, 600, FRAMEBUFFER_FORMAT_RGB565},
        {1024, 768, FRAMEBUFFER_FORMAT_RGB565},
        {1280, 1024, FRAMEBUFFER_FORMAT_RGB565},
};
static const struct fb_mode fb_sdl_mode_default = {1024, 768, FRAMEBUFFER_FORMAT_RGB565};

static struct fb_sdl fb_sdl;

static void
fb_sdl_refresh(void *ctx, const struct fb_rect *r)
{
	fb_sdl_screen_refresh(ctx, r);
}

static const struct fb_driver_ops fb_sdl_fb_ops = {.refresh = fb_sdl_refresh};

static void
fb_sdl_tick(void *arg, unsigned num)
{
	(void)num;
	fb_sdl_events_pump(arg);
}

/* mode and display from the config; false (logged) if they are unusable */
static bool
fb_sdl_config_read(struct env *env, struct fb_mode *mode, char *display, size_t size)
{
	struct config_root cfg;
	const struct node *root = config_root_parse(env, &cfg);

	if (!root && cfg.err.status != STATUS_NOT_FOUND) {
		log_error("fb_sdl: malformed config");
		return false;
	}
	if (!fb_mode_from_config(root, fb_sdl_modes, sizeof(fb_sdl_modes) / sizeof(fb_sdl_modes[0]),
	                         &fb_sdl_mode_default, "fb_sdl", mode))
		return false;
	if (root &&
	    node_attribute_string(root, "display", display, size, "", &cfg.err) != STATUS_OK) {
		log_error("fb_sdl: config: display=\"...\" is longer than %lu characters",
		          (unsigned long)size - 1);
		return false;
	}
	if (root &&
	    node_attribute_bool(root, "bench", false, &fb_sdl.bench, &cfg.err) != STATUS_OK) {
		log_error("fb_sdl: config: bench is neither \"yes\" nor \"no\"");
		return false;
	}
	return true;
}

/* the poll: a periodic signal of a Timer session, handled on our entrypoint */
static bool
fb_sdl_poll_start(struct fb_sdl *d)
{
	status_t st = timer_connection_open(env_parent(d->env), &d->timer);

	if (st == STATUS_OK)
		st = signal_handler_create(env_ep(d->env), fb_sdl_tick, d, &d->tick);
	if (st == STATUS_OK)
		st = timer_session_sigh(d->timer, signal_context_cap(d->tick));
	if (st == STATUS_OK)
		st = timer_session_trigger_periodic(d->timer, FB_SDL_POLL_US);
	if (st != STATUS_OK)
		log_error("fb_sdl: no Timer to poll the window's events: %s", status_name(st));
	return st == STATUS_OK;
}

void
component_construct(struct env *env)
{
	struct fb_mode mode;
	char display[FB_SDL_DISPLAY_MAX] = "";
	struct fb_sdl *d = &fb_sdl;

	d->env = env;
	if (!fb_sdl_config_read(env, &mode, display, sizeof(display)) ||
	    !fb_sdl_screen_open(d, &mode, display[0] ? display : NULL) ||
	    fb_driver_init(&d->fb, env, &mode, &fb_sdl_fb_ops, d) != STATUS_OK ||
	    input_server_init(&d->input, env) != STATUS_OK || !fb_sdl_poll_start(d) ||
	    fb_driver_announce(&d->fb) != STATUS_OK)
		env_exit(env, 1);
	struct fb_rect all = {0, 0, mode.width, mode.height};
	fb_sdl_screen_refresh(d, &all);
}
