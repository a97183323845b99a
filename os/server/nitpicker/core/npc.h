/*
 * \brief  nitpicker's core: sessions, views, the view stack, redraw, input routing
 *
 * Everything nitpicker decides lies here, free of RPC and drivers, so that
 * unit tests drive it with memory surfaces and synthetic events
 * (tests/unit/nitpicker). The server (os/server/nitpicker) owns every
 * object: it embeds struct npc_session in its session and allocates
 * each struct npc_view from the client's donation. The core never
 * allocates; it links, clips and draws.
 *
 * Screen: views are stacked front to back; the views of stay_top sessions
 * always lie in front of the others. Behind every view lies the focused
 * session's background view, else the backdrop client's, else a plain
 * colour. A view shows its session's buffer only: the part of the view
 * the buffer does not cover shows the plain colour, never other memory.
 *
 * Threads: used on the server's entrypoint only.
 */

#ifndef _OS__SERVER__NITPICKER__CORE__NPC_H_
#define _OS__SERVER__NITPICKER__CORE__NPC_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/status.h>
#include <gfx/surface.h>
#include <input_session/event.h>
#include <util/list.h>

enum {
	NPC_TITLE_MAX = 64,        /* bytes of a view's title, without the NUL */
	NPC_MENUBAR_HEIGHT = 16,   /* X-ray and kill mode: the bar at the top */
	NPC_LABEL_BAR_HEIGHT = 14, /* X-ray: the bar at the top of each view */
	NPC_TINT_ALPHA = 128,      /* X-ray: how much session colour unfocused views get */
};

/* the plain background where no view is, and the default session colour */
#define NPC_COLOR_BACKGROUND gfx_rgb(0x28, 0x30, 0x48)
#define NPC_COLOR_DEFAULT    gfx_rgb(0x80, 0x80, 0x80)
#define NPC_COLOR_KILL       gfx_rgb(0xff, 0x00, 0x00)
#define NPC_COLOR_TEXT       gfx_rgb(0xff, 0xff, 0xff)

struct npc_view;

struct npc_session {
	struct list_elem elem; /* in core->sessions */
	struct list views;     /* its views, by npc_view.session_elem */
	const char *label;     /* BORROWED: the label chain init wrote, unforgeable */
	uint16_t color;        /* X-ray tint, from the config's policy */
	bool stay_top;
	struct gfx_surface buffer;   /* the virtual framebuffer, BORROWED */
	struct npc_view *background; /* shown behind all views while focused */
	bool backdrop;               /* its background is everybody's */
	void *owner;                 /* the server's, for the hooks */
};

struct npc_view {
	struct list_elem stack_elem;   /* in core->stack (front first) unless a background */
	struct list_elem session_elem; /* in session->views */
	struct npc_session *session;
	struct gfx_rect rect; /* on the screen; empty: invisible */
	int buf_x, buf_y;     /* the buffer point shown at rect's top-left */
	char title[NPC_TITLE_MAX + 1];
};

/* what the core asks of the server (and of a test) */
struct npc_ops {
	/* hand ev (screen coordinates) to session s */
	void (*deliver)(void *ctx, struct npc_session *s, const struct input_event *ev);
	/*
	 * Kill mode chose s: close it. The hook must end with
	 * npc_session_remove(core, s); s is gone afterwards.
	 */
	void (*kill)(void *ctx, struct npc_session *s);
	/* text for the labels; NULL: bars without text (no font) */
	void (*text_draw)(void *ctx, struct gfx_surface *screen, int x, int y, const char *text,
	                  uint16_t color);
	int (*text_width)(void *ctx, const char *text);
};

struct npc {
	struct gfx_surface *screen; /* BORROWED */
	struct list stack;          /* views, front first */
	struct list sessions;
	struct npc_session *focus, *hover, *grab; /* may be NULL */
	unsigned buttons;                         /* buttons held: motion and release go to grab */
	unsigned keys; /* keys held: the focus stays, so that their releases reach who got the
	                  presses */
	bool swallow_release; /* the click that chose a kill: its release stays here */
	int px, py;           /* the pointer */
	bool xray, kill;
	struct gfx_rect dirty;            /* what the next npc_flush redraws */
	int label_height, menubar_height; /* X-ray's bars: the defaults, or fit to a font */
	const struct npc_ops *ops;        /* BORROWED */
	void *ctx;
};

void npc_init(struct npc *c, struct gfx_surface *screen, const struct npc_ops *ops, void *ctx);

/* --- sessions (session.c) --- */

/*
 * Link s (zeroed apart from what is set here) into c. label and buffer
 * are BORROWED and must outlive s. A label ending in "backdrop" makes
 * its background view everybody's.
 */
void npc_session_add(struct npc *c, struct npc_session *s, const char *label, uint16_t color,
                     bool stay_top, struct gfx_surface buffer);

/* unlink s and all its views (the caller frees them afterwards); their area is redrawn */
void npc_session_remove(struct npc *c, struct npc_session *s);

/* the client drew into r of its buffer: where its views show r is redrawn at the next flush */
void npc_session_refresh(struct npc *c, struct npc_session *s, struct gfx_rect r);

/* v (a view of s, or NULL: none) becomes s's background; STATUS_DENIED for another's view */
status_t npc_session_background(struct npc *c, struct npc_session *s, struct npc_view *v);

/* --- views (view.c) --- */

/* v (storage of the caller's) becomes a view of s: invisible, in front of its class */
void npc_view_add(struct npc *c, struct npc_view *v, struct npc_session *s);

/* unlink v; the caller frees it afterwards */
void npc_view_remove(struct npc *c, struct npc_view *v);

/* place v; sizes below 0 count as 0, the rest is clipped at drawing */
void npc_view_viewport(struct npc *c, struct npc_view *v, struct gfx_rect r, int buf_x, int buf_y);

/*
 * Stack v directly behind (behind) or in front of neighbor, a view of the
 * same session; neighbor NULL: behind puts v in front of all of its class
 * (stay_top or not), !behind behind all of its class. STATUS_DENIED for a
 * neighbor of another session.
 */
status_t npc_view_stack(struct npc *c, struct npc_view *v, struct npc_view *neighbor, bool behind);

/* title shown in X-ray mode; cut at NPC_TITLE_MAX bytes */
void npc_view_title(struct npc *c, struct npc_view *v, const char *title);

/* the frontmost view at (x, y), the background view included; NULL if none */
struct npc_view *npc_view_at(const struct npc *c, int x, int y);

/* --- drawing (draw.c) --- */

/* the view behind all: the focused session's background, else a backdrop's; NULL if none */
struct npc_view *npc_background_of(const struct npc *c);

/* add r (screen coordinates, clipped to the screen) to what the next flush redraws */
void npc_dirty(struct npc *c, struct gfx_rect r);

/* redraw what is dirty; *done gets the area drawn (empty: nothing), for the driver's refresh */
void npc_flush(struct npc *c, struct gfx_rect *done);

/* redraw r now (clipped to the screen) */
void npc_draw(struct npc *c, struct gfx_rect r);

/* --- input (input.c) --- */

/* route one event of the screen's input: modes, focus, delivery */
void npc_input(struct npc *c, const struct input_event *ev);

/* --- colour policies (policy.c) --- */

struct npc_policy {
	const char *label; /* BORROWED: matches labels it is a prefix of */
	uint16_t color;
};

/* the colour of the longest policy label that prefixes label; NPC_COLOR_DEFAULT if none */
uint16_t npc_policy_color(const struct npc_policy *p, unsigned n, const char *label);

/* "#rrggbb" to RGB565; false for anything else */
bool npc_color_parse(const char *text, uint16_t *color);

#endif /* _OS__SERVER__NITPICKER__CORE__NPC_H_ */
