/*
 * \brief  A nitpicker client's session, buffer, input and clock (library nit_client)
 *
 * testnit, nitlog and liquid_fb share the same start: open a Nitpicker
 * session paid for a buffer of w x h and some views, map the buffer as a
 * gfx surface, map the input buffer, and poll input on a periodic Timer
 * signal. Polling on a tick (instead of waiting for an input signal)
 * also notices when nitpicker closed the session (kill mode): the next
 * call fails, and the component can say so and exit.
 */

#ifndef _DEMO__LIB__NIT_CLIENT__NIT_CLIENT_H_
#define _DEMO__LIB__NIT_CLIENT__NIT_CLIENT_H_

#include <stdbool.h>
#include <stddef.h>

#include <base/env.h>
#include <base/signal.h>
#include <gfx/font.h>
#include <gfx/surface.h>
#include <input_session/event.h>
#include <nitpicker_session/connection.h>

struct nit_client {
	struct env *env;                 /* BORROWED */
	nitpicker_session_cap_t session; /* OWNED */
	framebuffer_session_cap_t fb;    /* OWNED */
	input_session_cap_t input;       /* OWNED */
	struct gfx_surface buffer;       /* over the mapped virtual framebuffer */
	void *fb_addr;                   /* the mapping, size fb_size */
	size_t fb_size;
	const struct input_event *events; /* the input buffer, mapped read-only */
	size_t events_max;
};

/*
 * Open a session whose buffer is w x h with room for views views; who
 * names the component in the log lines of a failure (logged here).
 */
status_t nit_client_open(struct nit_client *c, struct env *env, unsigned w, unsigned h,
                         unsigned views, const char *who);

/* a new view titled title, still invisible; *view OWNED by the caller */
status_t nit_client_view_create(struct nit_client *c, const char *title,
                                nitpicker_view_cap_t *view);

/* put view on top (of the client's views and everything not staying on top) */
status_t nit_client_view_raise(nitpicker_view_cap_t view);

/* show r of the buffer where views show it */
status_t nit_client_refresh(struct nit_client *c, struct gfx_rect r);

typedef void (*nit_client_event_fn)(void *ctx, const struct input_event *ev);

/*
 * Give each pending event to fn. A failing call means the session is
 * gone (nitpicker closed it); that status is returned.
 */
status_t nit_client_poll(struct nit_client *c, nit_client_event_fn fn, void *ctx);

/*
 * Call fn(arg) every period_ms from the entrypoint, through a Timer
 * session (kept for the life of the component). Logged on failure.
 */
status_t nit_client_tick_start(struct env *env, unsigned period_ms, signal_handler_fn fn, void *arg,
                               const char *who);

/*
 * The font of ROM module name into *f (module mapped for the life of
 * the component). false, logged, when it is missing or malformed: the
 * caller then draws without text.
 */
bool nit_client_font_load(struct env *env, const char *name, struct gfx_font *f, const char *who);

/*
 * A window's decoration into area of s: the border, the title bar with
 * title (no text without font), the client area left as it is. active
 * draws the title bar highlighted.
 */
void nit_client_deco_draw(struct gfx_surface *s, struct gfx_rect area, const char *title,
                          const struct gfx_font *font, bool active);

#endif /* _DEMO__LIB__NIT_CLIENT__NIT_CLIENT_H_ */
