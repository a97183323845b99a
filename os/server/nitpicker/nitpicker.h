/*
 * \brief  nitpicker, the GUI server: what its parts share
 *
 * One entrypoint serves every client. The decisions (stacking, clipping,
 * focus, X-ray, kill mode) are the core library's (core/); this server
 * adds the RPC objects, the memory and the screen:
 *
 * - a session (struct np_session) is a root component's session, paid
 *   from the client's donation: the object, its virtual framebuffer
 *   (a RAM dataspace of w x h RGB565 pixels, + 1 alpha byte each with
 *   alpha=yes), the event buffer of its input (a RAM dataspace of
 *   INPUT_EVENT_MAX events), and NITPICKER_VIEW_RAM_QUOTA per view. The
 *   donation moved to nitpicker's RAM session when init created the
 *   session, so the dataspaces come from env_ram and are charged to the
 *   session's budget (root_session_charge) before they are allocated.
 * - a client's framebuffer() is an RPC object of the session (fb.c), its
 *   input() another (input.c); views are RPC objects found back in the
 *   session's own cap_index, so a view of another session is unknown.
 * - the screen is a Framebuffer and an Input session at the parent. A
 *   Timer's periodic signal (NP_PERIOD_US) polls the input and redraws
 *   what became dirty since the last period, once: a flood of refreshes
 *   grows one dirty rectangle and costs one redraw per period, however
 *   many calls it makes (main.c).
 */

#ifndef _OS__SERVER__NITPICKER__NITPICKER_H_
#define _OS__SERVER__NITPICKER__NITPICKER_H_

#include <stdbool.h>
#include <stddef.h>

#include <base/entrypoint.h>
#include <base/env.h>
#include <base/rpc_server.h>
#include <framebuffer_session/server.h>
#include <input_session/server.h>
#include <nitpicker_session/connection.h>
#include <nitpicker_session/server.h>
#include <nitpicker_view/server.h>
#include <os/fb_buffer.h>
#include <root/cap_index.h>
#include <root/component.h>

#include "core/npc.h"

enum {
	NP_PERIOD_US = 10000,       /* input poll and redraw */
	NP_BUFFER_SIDE_MAX = 16384, /* fb_width, fb_height */
};

struct np_session;

struct np_view {
	struct npc_view core;
	struct cap_index_entry entry; /* in session->views, by cap */
	struct rpc_object rpc;
	nitpicker_view_cap_t cap; /* OWNED */
	struct np_session *session;
};

struct np_session {
	struct root_session base; /* label, capability, donation */
	struct npc_session core;
	struct rpc_object rpc;
	struct cap_index views;
	bool killed; /* by kill mode: all but the session object is gone, calls are refused */
	unsigned w, h;
	bool alpha;
	/* the virtual framebuffer (fb.c) */
	struct rpc_object fb_rpc;
	framebuffer_session_cap_t fb_cap; /* OWNED */
	dataspace_cap_t buf_ds;           /* OWNED: allocated at env_ram */
	void *buf;
	size_t buf_size;
	struct fb_buffer fb; /* the framebuffer object's state: buf_ds, w, h */
	/* the input (input.c): events [0, flushed) are the client's, then the pending ones */
	struct rpc_object input_rpc;
	input_session_cap_t input_cap; /* OWNED */
	dataspace_cap_t ev_ds;         /* OWNED */
	struct input_event *ev;
	size_t ev_size;
	uint32_t flushed, pending, dropped;
	signal_context_cap_t input_sigh; /* OWNED, may be invalid */
};

/* the server's state (main.c) */
struct np_server {
	struct env *env;
	struct npc core;
	struct gfx_surface screen;
	framebuffer_session_cap_t screen_fb; /* OWNED */
	struct root_component root;
};

extern struct np_server np_server;

/* session.c: the root component's hooks */
extern const struct root_component_ops np_root_ops;

/* kill mode chose s: release all it holds but the object the parent's close will find */
void np_session_kill(struct np_session *s);

/* view.c */
status_t np_view_create(struct np_session *s, nitpicker_view_cap_t *cap);
struct np_view *np_view_lookup(struct np_session *s, cap_t cap);
void np_view_destroy(struct np_session *s, struct np_view *v);

/* fb.c: the virtual framebuffer, charged to s already */
status_t np_fb_open(struct np_session *s);
void np_fb_close(struct np_session *s);

/* input.c */
status_t np_input_open(struct np_session *s);
void np_input_close(struct np_session *s);
void np_input_deliver(void *ctx, struct npc_session *cs, const struct input_event *ev);

/* font.c: text for the core's labels (ops, core's bar heights); false (logged) without */
bool np_font_open(struct env *env, struct npc_ops *ops, struct npc *core);

/* config.c: the policies of the config; logs what it ignores */
void np_config_read(struct env *env);
uint16_t np_config_color(const char *label);

/* page-rounded size of a RAM dataspace of bytes */
static inline size_t
np_pages(size_t bytes)
{
	return (bytes + 4095) & ~(size_t)4095;
}

/* the session that embeds core session cs */
static inline struct np_session *
np_session_of(struct npc_session *cs)
{
	return (struct np_session *)(void *)((char *)cs - offsetof(struct np_session, core));
}

#endif /* _OS__SERVER__NITPICKER__NITPICKER_H_ */
