/*
 * \brief  nit_stand_in: a stand-in Nitpicker session with one view
 */

#include <base/log.h>
#include <os/nit_stand_in.h>

static status_t
nsi_view_viewport(void *ctx, struct rpc_call *call, int32_t x, int32_t y, int32_t w, int32_t h,
                  int32_t buf_x, int32_t buf_y, bool redraw)
{
	struct nsi_client *c = ctx;
	(void)call, (void)buf_x, (void)buf_y, (void)redraw;
	c->view_x = x, c->view_y = y, c->view_w = w, c->view_h = h;
	return STATUS_OK;
}

/* one view on an empty screen: every place in the stack is the same */
static status_t
nsi_view_stack(void *ctx, struct rpc_call *call, nitpicker_view_cap_t neighbor, bool behind,
               bool redraw)
{
	(void)ctx, (void)call, (void)behind, (void)redraw;
	if (cap_valid(cap_raw(neighbor)))
		cap_close(cap_raw(neighbor)); /* OWNED by the dispatch */
	return STATUS_OK;
}

static status_t
nsi_view_title(void *ctx, struct rpc_call *call, const char *title)
{
	(void)ctx, (void)call;
	log_print("view title \"%s\"", title);
	return STATUS_OK;
}

static const struct nitpicker_view_ops nsi_view_ops = {
        .viewport = nsi_view_viewport, .stack = nsi_view_stack, .title = nsi_view_title};

static status_t
nsi_framebuffer(void *ctx, struct rpc_call *call, framebuffer_session_cap_t *fb)
{
	(void)call;
	*fb = ((struct nsi_client *)ctx)->screen.fb; /* BORROWED by the reply */
	return STATUS_OK;
}

static status_t
nsi_input(void *ctx, struct rpc_call *call, input_session_cap_t *input)
{
	(void)call;
	*input = ((struct nsi_client *)ctx)->screen.input; /* BORROWED by the reply */
	return STATUS_OK;
}

static status_t
nsi_view_create(void *ctx, struct rpc_call *call, nitpicker_view_cap_t *view)
{
	struct nsi_client *c = ctx;
	(void)call;
	if (c->view_made)
		return STATUS_QUOTA_EXCEEDED; /* one view is all a stand-in offers */
	status_t st = nitpicker_view_manage(env_ep(c->screen.env), &c->view_rpc, &nsi_view_ops, c,
	                                    &c->view);
	c->view_made = st == STATUS_OK;
	*view = c->view;
	return st;
}

/* the view capability (OWNED by the dispatch) is closed; the one view stays */
static status_t
nsi_view_drop(void *ctx, struct rpc_call *call, nitpicker_view_cap_t view)
{
	(void)ctx, (void)call;
	if (cap_valid(cap_raw(view)))
		cap_close(cap_raw(view));
	return STATUS_OK;
}

static const struct nitpicker_session_ops nsi_session_ops = {.framebuffer = nsi_framebuffer,
                                                             .input = nsi_input,
                                                             .view_create = nsi_view_create,
                                                             .view_destroy = nsi_view_drop,
                                                             .background = nsi_view_drop};

status_t
nsi_client_open(struct nsi_client *c, struct env *env, uint32_t w, uint32_t h,
                const struct nsi_hooks *hooks, void *ctx)
{
	nitpicker_session_cap_t cap;
	status_t st = nsi_screen_open(&c->screen, env, w, h, &c->base, hooks, ctx);
	if (st != STATUS_OK)
		return st;
	st = nsi_screen_manage(&c->screen);
	if (st == STATUS_OK)
		st = nitpicker_session_manage(env_ep(env), &c->session_rpc, &nsi_session_ops, c,
		                              &cap);
	if (st != STATUS_OK) {
		log_error("\"%s\": cannot serve a %ux%u session: %s", c->base.label, w, h,
		          status_name(st));
		nsi_screen_close(&c->screen);
		return st;
	}
	c->base.cap = cap_raw(cap);
	return STATUS_OK;
}

void
nsi_client_close(struct nsi_client *c)
{
	if (c->view_made) {
		entrypoint_dissolve(env_ep(c->screen.env), &c->view_rpc);
		cap_close(cap_raw(c->view));
	}
	entrypoint_dissolve(env_ep(c->screen.env), &c->session_rpc);
	nsi_screen_close(&c->screen);
}
