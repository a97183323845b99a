/*
 * \brief  fb_driver: the buffer of the screen and the root of the service
 */

#include <base/log.h>
#include <dataspace/map.h>
#include <parent/client.h>
#include <ram_session/client.h>
#include <util/string.h>

#include "fb_driver_session.h"

static struct fb_driver_session *
session_of(struct root_session *base)
{
	return ROOT_SESSION_ENTRY(base, struct fb_driver_session, base);
}

static status_t
fb_driver_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	(void)args;
	return fb_driver_session_open(session_of(base), ctx);
}

static void
fb_driver_destroy(void *ctx, struct root_session *base)
{
	(void)ctx;
	fb_driver_session_close(session_of(base));
}

static const struct root_component_ops fb_driver_root_ops = {
        .create = fb_driver_create,
        .destroy = fb_driver_destroy,
};

status_t
fb_driver_init(struct fb_driver *d, struct env *env, const struct fb_mode *mode,
               const struct fb_driver_ops *ops, void *ctx)
{
	size_t bytes = framebuffer_buffer_bytes(mode->width, mode->height, mode->format, 0);

	*d = (struct fb_driver){.env = env, .mode = *mode, .ops = ops, .ctx = ctx};
	status_t st = ram_session_alloc(env_ram(env), bytes, &d->ds);
	if (st != STATUS_OK) {
		log_error("Framebuffer: no buffer of %lu bytes for the screen: %s (raise the "
		          "driver's RAM quantum)",
		          (unsigned long)bytes, status_name(st));
		return st;
	}
	st = dataspace_map_writable(d->ds, &d->pixels, &d->size);
	if (st != STATUS_OK) {
		log_error("Framebuffer: cannot map the buffer: %s", status_name(st));
		(void)ram_session_free(env_ram(env), d->ds);
		cap_close(cap_raw(d->ds));
		return st;
	}
	mem_set(d->pixels, 0, d->size);
	root_component_init(&d->root, "Framebuffer", sizeof(struct fb_driver_session),
	                    &fb_driver_root_ops, d, env_heap(env));
	d->root.single_client = true;
	return STATUS_OK;
}

status_t
fb_driver_announce(struct fb_driver *d)
{
	root_cap_t root_cap;
	status_t st = root_component_manage(&d->root, env_ep(d->env), &d->root_obj, &root_cap);

	if (st == STATUS_OK)
		st = parent_announce(env_parent(d->env), "Framebuffer", root_cap);
	if (st != STATUS_OK)
		log_error("Framebuffer: cannot serve the service: %s", status_name(st));
	return st;
}
