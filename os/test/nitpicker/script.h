/*
 * \brief  test-nitpicker_server: the script's clients and checks (script.c)
 */

#ifndef _OS__TEST__NITPICKER__SCRIPT_H_
#define _OS__TEST__NITPICKER__SCRIPT_H_

#include <framebuffer_session/client.h>
#include <gfx/surface.h>
#include <input_session/client.h>
#include <nitpicker_session/connection.h>
#include <timer_session/connection.h>

#include "screen.h"

enum { CHECK_MS = 3000 };

#define RED    gfx_rgb(0xff, 0, 0)
#define GREEN  gfx_rgb(0, 0xff, 0)
#define BLUE   gfx_rgb(0, 0, 0xff)
#define BG     gfx_rgb(0x28, 0x30, 0x48) /* nitpicker's plain colour */
#define A_TINT gfx_rgb(0xff, 0xff, 0x00) /* the config's policies */
#define B_TINT gfx_rgb(0xff, 0x00, 0xff)

/* one nitpicker client: session, buffer, input, one view; caps OWNED */
struct client {
	const char *name;
	nitpicker_session_cap_t s;
	framebuffer_session_cap_t fb;
	input_session_cap_t in;
	nitpicker_view_cap_t view;
	uint16_t *px;
	unsigned w, h;
	const struct input_event *ev;
	size_t ev_size;
	struct input_event got[128]; /* every event it got so far */
	unsigned n;
};

extern struct env *script_env;
extern timer_session_cap_t script_timer;
extern unsigned script_failures;

/* an error line naming what ("%s") and the figures a, b ("%ld"/"%lx") */
void script_fail(const char *fmt, const char *what, long a, long b);

/* open a session labelled name with a w x h buffer and one view; false if refused */
bool client_open(struct client *c, const char *name, unsigned w, unsigned h);
void client_fill(struct client *c, uint16_t color);
unsigned client_count(struct client *c, uint32_t type, uint32_t code); /* code ~0u: any */

/* wait up to CHECK_MS for the pixel, or for the count of events; a failure if not */
void wait_pixel(int x, int y, uint16_t want, const char *what);
void wait_events(struct client *c, uint32_t type, uint32_t code, unsigned want, const char *what);

extern struct client client_a, client_b;

/* the steps, in this order (steps.c, modes.c) */
void step_views(void);
void step_focus(void);
void step_hostile(void);
void step_flood(void);
void step_backdrop(void);

void script_click(int x, int y);
void script_key(uint32_t code);

#endif /* _OS__TEST__NITPICKER__SCRIPT_H_ */
