/*
 * \brief  test-nit-double: the Nitpicker session objects and their root
 */

#include <base/log.h>
#include <nitpicker_session/server.h>
#include <nitpicker_view/server.h>
#include <parent/client.h>
#include <util/string.h>

#include "double.h"

static struct root_component dbl_root;

static struct dbl_session *
dbl_of(struct root_session *base)
{
	return ROOT_SESSION_ENTRY(base, struct dbl_session, base);
}

/* a killed session's objects are dissolved: every call refused */
static status_t
dbl_alive(const struct dbl_session *s)
{
	return s->killed ? STATUS_DENIED : STATUS_OK;
}

/* the caps are BORROWED by the reply, which sends them only with STATUS_OK */
static status_t
dbl_framebuffer(void *ctx, struct rpc_call *call, framebuffer_session_cap_t *fb)
{
	*fb = ((struct dbl_session *)ctx)->screen.fb;
	return dbl_alive(ctx);
}

static status_t
dbl_input(void *ctx, struct rpc_call *call, input_session_cap_t *input)
{
	*input = ((struct dbl_session *)ctx)->screen.input;
	return dbl_alive(ctx);
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

static status_t
dbl_objects(struct dbl_session *s)
{
	nitpicker_session_cap_t cap;
	status_t st = nsi_screen_manage(&s->screen);
	if (st == STATUS_OK)
		st = nitpicker_session_manage(env_ep(dbl_env), &s->rpc, &dbl_ops, s, &cap);
	if (st != STATUS_OK) {
		nsi_screen_close(&s->screen);
		return st;
	}
	s->base.cap = cap_raw(cap);
	return STATUS_OK;
}

static status_t
dbl_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	(void)ctx;
	struct dbl_session *s = dbl_of(base);
	uint64_t w = 0, h = 0;
	(void)arg_string_get_u64(args, "fb_width", 0, &w);
	(void)arg_string_get_u64(args, "fb_height", 0, &h);
	w = w ? w : DBL_SCREEN_W;
	h = h ? h : DBL_SCREEN_H;
	if (w > 4096 || h > 4096) {
		log_error("\"%s\": buffer %lux%lu larger than 4096x4096", base->label,
		          (unsigned long)w, (unsigned long)h);
		return STATUS_INVALID_ARGS;
	}
	list_init(&s->views);
	status_t st = nsi_screen_open(&s->screen, dbl_env, (uint32_t)w, (uint32_t)h, base, 0, 0);
	if (st == STATUS_OK)
		st = dbl_objects(s);
	if (st != STATUS_OK)
		return st;
	list_insert_tail(&dbl_sessions, &s->elem);
	log_print("session \"%s\": buffer %lux%lu", base->label, (unsigned long)w,
	          (unsigned long)h);
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
	nsi_screen_dissolve(&s->screen);
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
	nsi_screen_close(&s->screen);
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
		*color = nsi_screen_pixel(&s->screen, (long)bx, (long)by);
		return true;
	}
	return false;
}
