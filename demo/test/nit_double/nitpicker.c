/*
 * \brief  test-nit-double: the Nitpicker session objects and their root
 */

#include <base/log.h>
#include <dataspace/map.h>
#include <framebuffer_session/server.h>
#include <input_session/server.h>
#include <nitpicker_session/server.h>
#include <nitpicker_view/server.h>
#include <parent/client.h>
#include <ram_session/client.h>
#include <util/string.h>

#include "double.h"

static struct root_component dbl_root;

static struct dbl_session *
dbl_of(struct root_session *base)
{
	return ROOT_SESSION_ENTRY(base, struct dbl_session, base);
}

static status_t
dbl_framebuffer(void *ctx, struct rpc_call *call, framebuffer_session_cap_t *fb)
{
	(void)call;
	struct dbl_session *s = ctx;
	*fb = CAP_TYPED(framebuffer_session_cap_t, s->fb_cap);
	return s->killed ? STATUS_DENIED : STATUS_OK;
}

static status_t
dbl_input(void *ctx, struct rpc_call *call, input_session_cap_t *input)
{
	(void)call;
	struct dbl_session *s = ctx;
	*input = CAP_TYPED(input_session_cap_t, s->input_cap);
	return s->killed ? STATUS_DENIED : STATUS_OK;
}


static status_t
dbl_view_create(void *ctx, struct rpc_call *call, nitpicker_view_cap_t *view)
{
	(void)call;
	struct dbl_session *s = ctx;
	struct dbl_view *v = 0;
	nitpicker_view_cap_t cap;
	if (s->killed)
		return STATUS_DENIED;
	if (root_session_alloc(&s->base, sizeof(*v), (void **)&v) != STATUS_OK)
		return STATUS_QUOTA_EXCEEDED;
	mem_set(v, 0, sizeof(*v));
	v->session = s;
	status_t st = nitpicker_view_manage(env_ep(dbl_env), &v->rpc, &dbl_view_ops, v, &cap);
	if (st != STATUS_OK) {
		root_session_free(&s->base, v, sizeof(*v));
		return st;
	}
	v->cap = cap_raw(cap);
	list_insert_head(&dbl_stack, &v->stack_elem);
	list_insert_tail(&s->views, &v->session_elem);
	*view = cap; /* BORROWED by the reply */
	return STATUS_OK;
}

static status_t
dbl_view_destroy(void *ctx, struct rpc_call *call, nitpicker_view_cap_t view)
{
	(void)ctx, (void)call;
	cap_close(cap_raw(view)); /* OWNED; the double keeps views until the session ends */
	return STATUS_OK;
}

static status_t
dbl_background(void *ctx, struct rpc_call *call, nitpicker_view_cap_t view)
{
	(void)ctx, (void)call;
	if (cap_valid(cap_raw(view)))
		cap_close(cap_raw(view));
	return STATUS_OK;
}

static const struct nitpicker_session_ops dbl_ops = {.framebuffer = dbl_framebuffer,
                                                     .input = dbl_input,
                                                     .view_create = dbl_view_create,
                                                     .view_destroy = dbl_view_destroy,
                                                     .background = dbl_background};

/* a dataspace of size bytes of the double's RAM, charged to s, mapped */
static status_t
dbl_ram(struct dbl_session *s, size_t size, dataspace_cap_t *ds, void **addr, size_t *mapped)
{
	status_t st = root_session_charge(&s->base, size);
	if (st != STATUS_OK) {
		log_error("\"%s\": its donation does not cover %lu bytes", s->base.label,
		          (unsigned long)size);
		return st;
	}
	st = ram_session_alloc(env_ram(dbl_env), size, ds);
	if (st == STATUS_OK)
		st = dataspace_map_writable(*ds, addr, mapped);
	if (st != STATUS_OK)
		root_session_refund(&s->base, size);
	return st;
}

static void
dbl_ram_free(struct dbl_session *s, dataspace_cap_t ds, void *addr, size_t mapped, size_t size)
{
	dataspace_unmap(addr, mapped);
	(void)ram_session_free(env_ram(dbl_env), ds);
	cap_close(cap_raw(ds));
	root_session_refund(&s->base, size);
}

static size_t
dbl_buf_bytes(const struct dbl_session *s)
{
	return (size_t)s->w * s->h * 2;
}

static status_t
dbl_objects(struct dbl_session *s)
{
	nitpicker_session_cap_t cap;
	framebuffer_session_cap_t fb;
	input_session_cap_t in;
	struct entrypoint *ep = env_ep(dbl_env);
	status_t st = framebuffer_session_manage(ep, &s->fb_rpc, &dbl_fb_ops, s, &fb);
	if (st == STATUS_OK)
		st = input_session_manage(ep, &s->input_rpc, &dbl_input_ops, s, &in);
	if (st == STATUS_OK)
		st = nitpicker_session_manage(ep, &s->rpc, &dbl_ops, s, &cap);
	if (st != STATUS_OK)
		return st; /* a test double: the few bytes of a failed start are not returned */
	s->fb_cap = cap_raw(fb);
	s->input_cap = cap_raw(in);
	s->base.cap = cap_raw(cap);
	return STATUS_OK;
}

static status_t
dbl_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	(void)ctx;
	struct dbl_session *s = dbl_of(base);
	uint64_t w = 0, h = 0;
	void *pixels = 0, *events = 0;
	(void)arg_string_get_u64(args, "fb_width", 0, &w);
	(void)arg_string_get_u64(args, "fb_height", 0, &h);
	s->w = w ? (unsigned)w : DBL_SCREEN_W;
	s->h = h ? (unsigned)h : DBL_SCREEN_H;
	if (s->w > 4096 || s->h > 4096) {
		log_error("\"%s\": buffer %ux%u larger than 4096x4096", base->label, s->w, s->h);
		return STATUS_INVALID_ARGS;
	}
	list_init(&s->views);
	status_t st = dbl_ram(s, dbl_buf_bytes(s), &s->buf_ds, &pixels, &s->buf_size);
	if (st == STATUS_OK)
		st = dbl_ram(s, INPUT_EVENT_MAX * sizeof(struct input_event), &s->ev_ds, &events,
		             &s->ev_size);
	if (st == STATUS_OK)
		st = dbl_objects(s);
	if (st != STATUS_OK)
		return st;
	s->pixels = pixels;
	s->events = events;
	list_insert_tail(&dbl_sessions, &s->elem);
	log_print("session \"%s\": buffer %ux%u", base->label, s->w, s->h);
	return STATUS_OK;
}

void
dbl_session_kill(struct dbl_session *s)
{
	struct list_elem *e;
	if (s->killed)
		return;
	s->killed = true;
	/* the session object stays (the parent's close finds it), refusing every call */
	entrypoint_dissolve(env_ep(dbl_env), &s->fb_rpc);
	entrypoint_dissolve(env_ep(dbl_env), &s->input_rpc);
	for (e = list_first(&s->views); e; e = list_next(&s->views, e)) {
		struct dbl_view *v = list_entry(e, struct dbl_view, session_elem);
		entrypoint_dissolve(env_ep(dbl_env), &v->rpc);
		list_remove(&v->stack_elem);
	}
	log_print("session \"%s\" closed", s->base.label);
}

static void
dbl_destroy(void *ctx, struct root_session *base)
{
	(void)ctx;
	struct dbl_session *s = dbl_of(base);
	struct list_elem *e;
	dbl_session_kill(s);
	entrypoint_dissolve(env_ep(dbl_env), &s->rpc);
	while ((e = list_first(&s->views))) {
		struct dbl_view *v = list_entry(e, struct dbl_view, session_elem);
		list_remove(e);
		cap_close(v->cap);
		root_session_free(&s->base, v, sizeof(*v));
	}
	cap_close(s->fb_cap);
	cap_close(s->input_cap);
	dbl_ram_free(s, s->buf_ds, s->pixels, s->buf_size, dbl_buf_bytes(s));
	dbl_ram_free(s, s->ev_ds, s->events, s->ev_size,
	             INPUT_EVENT_MAX * sizeof(struct input_event));
	list_remove(&s->elem);
}

static const struct root_component_ops dbl_root_ops = {.create = dbl_create,
                                                       .destroy = dbl_destroy};

bool
dbl_service_start(struct env *env)
{
	static struct rpc_object root;
	root_cap_t root_cap;
	dbl_env = env;
	root_component_init(&dbl_root, "Nitpicker", sizeof(struct dbl_session), &dbl_root_ops, 0,
	                    env_heap(env));
	status_t st = root_component_manage(&dbl_root, env_ep(env), &root, &root_cap);
	if (st == STATUS_OK)
		st = parent_announce(env_parent(env), "Nitpicker", root_cap);
	if (st != STATUS_OK)
		log_error("cannot serve \"Nitpicker\": %s", status_name(st));
	return st == STATUS_OK;
}

struct dbl_session *
dbl_session_find(const char *label)
{
	for (struct list_elem *e = list_first(&dbl_sessions); e; e = list_next(&dbl_sessions, e)) {
		struct dbl_session *s = list_entry(e, struct dbl_session, elem);
		if (!s->killed && str_equal(s->base.label, label))
			return s;
	}
	return 0;
}

bool
dbl_screen_pixel(int x, int y, uint16_t *color, struct dbl_session **owner)
{
	for (struct list_elem *e = list_first(&dbl_stack); e; e = list_next(&dbl_stack, e)) {
		struct dbl_view *v = list_entry(e, struct dbl_view, stack_elem);
		struct dbl_session *s = v->session;
		int64_t bx = (int64_t)x - v->x + v->buf_x, by = (int64_t)y - v->y + v->buf_y;
		if ((int64_t)x < v->x || (int64_t)x >= (int64_t)v->x + v->w || (int64_t)y < v->y ||
		    (int64_t)y >= (int64_t)v->y + v->h)
			continue;
		*owner = s;
		/* a view beyond its buffer shows nothing of it: black */
		*color = (bx >= 0 && by >= 0 && bx < s->w && by < s->h) ? s->pixels[by * s->w + bx]
		                                                        : 0;
		return true;
	}
	return false;
}
