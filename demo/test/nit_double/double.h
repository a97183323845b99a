/*
 * \brief  test-nit-double: a stand-in Nitpicker for headless tests of its clients
 *
 * Serves the Nitpicker interface the way nitpicker's clients see it
 * (a buffer paid by the donation, views, input) without any screen: the
 * "screen" is computed on demand from the views' stacking order and the
 * clients' buffers, and a script in the config feeds input, closes
 * sessions (as kill mode does) and logs the colour at screen points. So
 * testnit, nitlog and liquid_fb are tested on every platform, without
 * SDL or X. It is no nitpicker: no drawing, no X-ray, no labels, no
 * clipping rules beyond reading the right buffer pixel, neighbours of
 * stack calls ignored (every stack call with a neighbour counts as top).
 */

#ifndef _DEMO__TEST__NIT_DOUBLE__DOUBLE_H_
#define _DEMO__TEST__NIT_DOUBLE__DOUBLE_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/env.h>
#include <base/rpc_server.h>
#include <dataspace/rpc.h>
#include <nitpicker_view/server.h>
#include <os/nit_stand_in.h>
#include <root/component.h>
#include <util/list.h>

enum { DBL_SCREEN_W = 1024, DBL_SCREEN_H = 768 };

struct dbl_session;

struct dbl_view {
	struct rpc_object rpc;
	struct list_elem stack_elem;   /* in dbl_stack, front first */
	struct list_elem session_elem; /* in its session's views */
	cap_t cap;                     /* OWNED: the client gets copies */
	struct dbl_session *session;
	int x, y, w, h, buf_x, buf_y;
	char title[65];
};

struct dbl_session {
	struct root_session base; /* label, capability, donation */
	struct rpc_object rpc;
	struct list_elem elem; /* in dbl_sessions */
	bool killed;           /* objects dissolved; waits for the parent's close */
	/* buffer and input (of the double's RAM, charged to the session); clients poll */
	struct nsi_screen screen;
	struct list views;
	bool focused;
};

extern struct env *dbl_env;
extern const struct nitpicker_view_ops dbl_view_ops;
extern struct list dbl_sessions, dbl_stack;

bool dbl_service_start(struct env *env);

/* the session labeled label, NULL if none */
struct dbl_session *dbl_session_find(const char *label);

/* queue ev for s */
void dbl_session_submit(struct dbl_session *s, const struct input_event *ev);

/* close s's objects as kill mode does: its next call fails */
void dbl_session_kill(struct dbl_session *s);

/* the colour at screen point (x, y) and whose it is; false: no view there */
bool dbl_screen_pixel(int x, int y, uint16_t *color, struct dbl_session **owner);

/* run the config's script on the tick */
bool dbl_script_start(struct env *env);

#endif /* _DEMO__TEST__NIT_DOUBLE__DOUBLE_H_ */
