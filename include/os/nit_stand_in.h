/*
 * \brief  nit_stand_in: the screen side shared by the headless GUI tests
 *
 * Test code. Every headless GUI test plays a screen in RAM: a buffer a
 * client draws into and an event queue the test fills, served as one
 * Framebuffer and one Input session (the object types of
 * include/framebuffer_session and include/input_session). The stand-in
 * Nitpickers (demo/test/nit_double, os/test/nitpicker_script,
 * demo/test/launchpad_clicker) hand one per client out of their Nitpicker
 * sessions; nitpicker's own test (os/test/nitpicker) serves one to the
 * real nitpicker as its driver. Folding them into this one piece keeps
 * the tests' notion of "what a client sees" the same everywhere.
 *
 * The queue may be filled from another thread than the entrypoint's (a
 * lock guards it); everything else is used on the entrypoint's thread.
 */

#ifndef _INCLUDE__OS__NIT_STAND_IN_H_
#define _INCLUDE__OS__NIT_STAND_IN_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <base/env.h>
#include <base/lock.h>
#include <base/rpc_server.h>
#include <base/signal.h>
#include <dataspace/rpc.h>
#include <framebuffer_session/server.h>
#include <input_session/event.h>
#include <input_session/server.h>
#include <nitpicker_session/server.h>
#include <nitpicker_view/server.h>
#include <os/fb_buffer.h>
#include <root/component.h>

enum { NSI_QUEUE_MAX = 64 };

/* what the test wants to hear of its client; every hook may be NULL */
struct nsi_hooks {
	void (*refresh)(void *ctx); /* the client refreshed its buffer */
	void (*idle)(void *ctx);    /* a flush found the queue empty: the client has caught up */
	void (*ready)(void *ctx);   /* the client set its input signal handler */
};

struct nsi_screen {
	struct env *env;                 /* BORROWED */
	struct root_session *payer;      /* BORROWED, charged for the buffers; NULL: our quota */
	const struct nsi_hooks *hooks;   /* BORROWED */
	void *ctx;                       /* BORROWED: passed to hooks */
	uint32_t w, h;                   /* RGB565 pixels */
	dataspace_cap_t fb_ds, input_ds; /* OWNED */
	uint16_t *pixels;
	struct input_event *events;
	size_t fb_mapped, input_mapped;
	struct rpc_object fb_rpc, input_rpc; /* managed by nsi_screen_manage */
	framebuffer_session_cap_t fb;        /* OWNED once managed */
	input_session_cap_t input;           /* OWNED once managed */
	bool managed;
	struct fb_buffer fbuf;     /* the Framebuffer object's state */
	signal_context_cap_t sigh; /* OWNED, may be invalid */
	struct lock lock;          /* guards queue, queued */
	struct input_event queue[NSI_QUEUE_MAX];
	unsigned queued;
	unsigned refreshes;
};

/* the Input operations, ctx a struct nsi_screen (for a service serving them itself) */
extern const struct input_session_ops nsi_input_ops;

/* the refresh of s's fb (ctx s) */
void nsi_screen_refreshed(void *ctx, int32_t x, int32_t y, int32_t w, int32_t h);

/*
 * Allocate and map s's buffer of w x h pixels and its event buffer from
 * env's RAM, charged to payer when not NULL; logged (naming who) on
 * failure, nothing kept then.
 */
status_t nsi_screen_open(struct nsi_screen *s, struct env *env, uint32_t w, uint32_t h,
                         struct root_session *payer, const struct nsi_hooks *hooks, void *ctx);

/* serve s's Framebuffer and Input objects at env's entrypoint (s->fb, s->input) */
status_t nsi_screen_manage(struct nsi_screen *s);

/* dissolve the objects (the client's next call fails); s keeps its buffers */
void nsi_screen_dissolve(struct nsi_screen *s);

/* dissolve, close and free all of s, refunding the payer */
void nsi_screen_close(struct nsi_screen *s);

/* queue ev for the client's next flush (any thread); false if the queue is full */
bool nsi_screen_submit(struct nsi_screen *s, const struct input_event *ev);

/* signal the client's input handler, if it set one */
void nsi_screen_signal(struct nsi_screen *s);

/* events waiting for the client's flush (any thread) */
unsigned nsi_screen_queued(struct nsi_screen *s);

/* the pixel at (x, y), 0 (black) outside the buffer (any thread) */
uint16_t nsi_screen_pixel(const struct nsi_screen *s, long x, long y);

/* FNV-1a over the pixels of x, y, w, h clipped to the buffer: equal pictures, equal hashes */
uint32_t nsi_screen_hash(const struct nsi_screen *s, long x, long y, long w, long h);

/*
 * A stand-in Nitpicker session of one client: a screen as its buffer and
 * input, and one view whose place the test reads. Stack neighbours,
 * backgrounds and view destruction are taken and ignored; a second view
 * is refused. The root session (base) is the caller's: embed the struct
 * as its session object.
 */
struct nsi_client {
	struct root_session base; /* the caller's root component's */
	struct nsi_screen screen;
	struct rpc_object session_rpc, view_rpc;
	nitpicker_view_cap_t view; /* OWNED once view_made */
	bool view_made;
	int view_x, view_y, view_w, view_h;
};

/* open c's screen (charged to c's donation) and serve its session: c->base.cap then */
status_t nsi_client_open(struct nsi_client *c, struct env *env, uint32_t w, uint32_t h,
                         const struct nsi_hooks *hooks, void *ctx);

/* dissolve c's objects and free its screen */
void nsi_client_close(struct nsi_client *c);

#endif /* _INCLUDE__OS__NIT_STAND_IN_H_ */
