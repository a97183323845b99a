/*
 * \brief  nitpicker sessions: the root component's hooks and the session's methods
 */

#include <base/log.h>
#include <util/arg_string.h>

#include "nitpicker.h"

struct np_args {
	uint64_t w, h;
	bool alpha, stay_top;
};

/* fb_width, fb_height (0 or absent: the screen's), alpha, stay_top; false (logged) if malformed */
static bool
np_args_read(const struct arg_string *args, const char *label, struct np_args *a)
{
	if (arg_string_get_u64(args, "fb_width", 0, &a->w) != STATUS_OK ||
	    arg_string_get_u64(args, "fb_height", 0, &a->h) != STATUS_OK ||
	    arg_string_get_bool(args, "alpha", false, &a->alpha) != STATUS_OK ||
	    arg_string_get_bool(args, "stay_top", false, &a->stay_top) != STATUS_OK) {
		log_error("nitpicker: session \"%s\" refused: malformed fb_width, fb_height, "
		          "alpha or stay_top",
		          label);
		return false;
	}
	a->w = a->w ? a->w : (uint64_t)np_server.screen.w;
	a->h = a->h ? a->h : (uint64_t)np_server.screen.h;
	if (a->w > NP_BUFFER_SIDE_MAX || a->h > NP_BUFFER_SIDE_MAX) {
		log_error("nitpicker: session \"%s\" refused: buffer %llux%llu exceeds %ux%u",
		          label, (unsigned long long)a->w, (unsigned long long)a->h,
		          NP_BUFFER_SIDE_MAX, NP_BUFFER_SIDE_MAX);
		return false;
	}
	return true;
}

/* charge the two dataspaces before anything is allocated; false (logged) if short */
static bool
np_session_charge(struct np_session *s, size_t bytes)
{
	char shortfall[128];

	if (root_session_charge(&s->base, bytes) == STATUS_OK)
		return true;
	root_session_shortfall(&s->base, bytes, shortfall, sizeof(shortfall));
	log_error("nitpicker: session \"%s\" refused: buffer %ux%u%s and input: %s", s->base.label,
	          s->w, s->h, s->alpha ? " with alpha" : "", shortfall);
	return false;
}

/* a killed session's objects are dissolved: every call is refused */
static status_t
np_session_alive(const struct np_session *s)
{
	return s->killed ? STATUS_DENIED : STATUS_OK;
}

/* a reply's capabilities are BORROWED, and sent only with STATUS_OK */
static status_t
np_session_framebuffer(void *ctx, struct rpc_call *call, framebuffer_session_cap_t *fb)
{
	*fb = ((struct np_session *)ctx)->fb_cap;
	return np_session_alive(ctx);
}

static status_t
np_session_input(void *ctx, struct rpc_call *call, input_session_cap_t *input)
{
	*input = ((struct np_session *)ctx)->input_cap;
	return np_session_alive(ctx);
}

static status_t
np_session_view_create(void *ctx, struct rpc_call *call, nitpicker_view_cap_t *view)
{
	struct np_session *s = ctx;
	(void)call;
	return s->killed ? STATUS_DENIED : np_view_create(s, view);
}

/* a view of s named by cap (CONSUMED); NULL, logged, if it is none of s's */
static struct np_view *
np_session_view_arg(struct np_session *s, nitpicker_view_cap_t cap, const char *method)
{
	struct np_view *v = s->killed ? 0 : np_view_lookup(s, cap_raw(cap));

	if (!v)
		log_warning("nitpicker: client \"%s\": %s with a view that is not its own",
		            s->base.label, method);
	cap_close(cap_raw(cap));
	return v;
}

static status_t
np_session_view_destroy(void *ctx, struct rpc_call *call, nitpicker_view_cap_t view)
{
	struct np_session *s = ctx;
	struct np_view *v = np_session_view_arg(s, view, "view_destroy");

	(void)call;
	if (!v)
		return STATUS_INVALID_CAP;
	np_view_destroy(s, v);
	return STATUS_OK;
}

static status_t
np_session_background(void *ctx, struct rpc_call *call, nitpicker_view_cap_t view)
{
	struct np_session *s = ctx;
	struct np_view *v = 0;

	(void)call;
	if (s->killed) {
		cap_close(cap_raw(view));
		return STATUS_DENIED;
	}
	if (cap_valid(cap_raw(view)) && !(v = np_session_view_arg(s, view, "background")))
		return STATUS_INVALID_CAP;
	return npc_session_background(&np_server.core, &s->core, v ? &v->core : 0);
}

static const struct nitpicker_session_ops np_session_ops = {
        .framebuffer = np_session_framebuffer,
        .input = np_session_input,
        .view_create = np_session_view_create,
        .view_destroy = np_session_view_destroy,
        .background = np_session_background,
};

/* the RPC objects and the core's session; on failure nothing is kept but the charge */
static status_t
np_session_start(struct np_session *s, bool stay_top)
{
	struct gfx_surface buf;
	nitpicker_session_cap_t cap;
	status_t st = np_fb_open(s);

	if (st == STATUS_OK && (st = np_input_open(s)) != STATUS_OK)
		np_fb_close(s);
	if (st != STATUS_OK)
		return st;
	gfx_surface_init(&buf, s->buf, s->alpha ? (uint8_t *)s->buf + (size_t)s->w * s->h * 2 : 0,
	                 (int)s->w, (int)s->h);
	cap_index_init(&s->views);
	npc_session_add(&np_server.core, &s->core, s->base.label, np_config_color(s->base.label),
	                stay_top, buf);
	st = nitpicker_session_manage(env_ep(np_server.env), &s->rpc, &np_session_ops, s, &cap);
	if (st != STATUS_OK) {
		npc_session_remove(&np_server.core, &s->core);
		np_input_close(s);
		np_fb_close(s);
		return st;
	}
	s->base.cap = cap_raw(cap);
	return STATUS_OK;
}

static status_t
np_root_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	struct np_session *s = ROOT_SESSION_ENTRY(base, struct np_session, base);
	struct np_args a;

	(void)ctx;
	if (!np_args_read(args, base->label, &a))
		return STATUS_INVALID_ARGS;
	s->w = (unsigned)a.w;
	s->h = (unsigned)a.h;
	s->alpha = a.alpha;
	/* w, h <= 2^14: the product fits any size_t */
	s->buf_size = np_pages((size_t)s->w * s->h * (s->alpha ? 3 : 2));
	s->ev_size = np_pages(INPUT_EVENT_MAX * sizeof(struct input_event));
	if (!np_session_charge(s, s->buf_size + s->ev_size))
		return STATUS_QUOTA_EXCEEDED;
	status_t st = np_session_start(s, a.stay_top);
	if (st != STATUS_OK) {
		log_error("nitpicker: session \"%s\" refused: %s", base->label, status_name(st));
		return st;
	}
	log_print("nitpicker: session \"%s\": buffer %ux%u%s %zu bytes, input %zu bytes, "
	          "session state %llu bytes, %llu of ram_quota %llu left for views",
	          base->label, s->w, s->h, s->alpha ? " alpha" : "", s->buf_size, s->ev_size,
	          (unsigned long long)(base->used - s->buf_size - s->ev_size),
	          (unsigned long long)root_session_available(base),
	          (unsigned long long)base->quota);
	return STATUS_OK;
}

/* everything of s but its object and RPC object */
static void
np_session_release(struct np_session *s)
{
	struct cap_index_entry *e;

	while ((e = cap_index_first(&s->views)))
		np_view_destroy(s, CAP_INDEX_ENTRY(e, struct np_view, entry));
	npc_session_remove(&np_server.core, &s->core);
	np_input_close(s);
	np_fb_close(s);
	root_session_refund(&s->base, s->buf_size + s->ev_size);
}

/*
 * The session object stays until the parent closes the session: the
 * close must find it by its capability (on a kernel whose capabilities
 * die with their object, a dissolved one names nothing any more), and
 * the client's further calls get STATUS_DENIED.
 */
void
np_session_kill(struct np_session *s)
{
	np_session_release(s);
	s->killed = true;
}

static void
np_root_destroy(void *ctx, struct root_session *base)
{
	struct np_session *s = ROOT_SESSION_ENTRY(base, struct np_session, base);

	(void)ctx;
	entrypoint_dissolve(env_ep(np_server.env), &s->rpc);
	if (!s->killed)
		np_session_release(s);
}

const struct root_component_ops np_root_ops = {.create = np_root_create,
                                               .destroy = np_root_destroy};
