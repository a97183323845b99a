/*
 * \brief  Fixture of the nitpicker core's unit test
 *
 * A W x H screen in memory between guard words, and up to NP_SESSIONS
 * sessions whose buffers lie back to back in one array (so that reading
 * past one buffer would show the next one's colour on the screen). The
 * ops record what the core delivers, kills and writes as text.
 */

#ifndef _TESTS__UNIT__NITPICKER__NP_TEST_H_
#define _TESTS__UNIT__NITPICKER__NP_TEST_H_

#include "../../../os/server/nitpicker/core/npc.h"
#include "../../harness/harness.h"

enum { W = 64, H = 48, GUARD = 64, NP_SESSIONS = 4, BUF_W = 16, BUF_H = 16, NP_EVENTS = 32 };

#define GUARD_WORD 0xdead

struct np_client {
	struct npc_session s;
	struct npc_view v[3];
	uint16_t *pixels;
	uint16_t fill;
	struct input_event ev[NP_EVENTS];
	unsigned events;
	bool killed;
};

struct np_text {
	char text[160];
	int x, y;
};

extern struct npc np;
extern struct gfx_surface np_screen;
extern struct np_client np_client[NP_SESSIONS];
extern struct np_text np_texts[16];
extern unsigned np_text_count;
extern char np_last_log[256]; /* the last line logged */

/* a fresh screen and core; nothing on it */
void np_setup(void);

/* client i with label, its buffer filled with colour fill (alpha: 255 but for alpha0) */
struct np_client *np_open(unsigned i, const char *label, uint16_t fill, bool stay_top);

/* view j of client c at r, buffer offset (0, 0) */
struct npc_view *np_view(struct np_client *c, unsigned j, struct gfx_rect r);

uint16_t np_px(int x, int y);
void np_flush(void);
bool np_guards_intact(void);

void np_motion(int x, int y);
void np_key(uint32_t type, uint32_t code);
void np_click(int x, int y);

/* events of type c got; the last of them in *last if not NULL */
unsigned np_events(const struct np_client *c, uint32_t type, struct input_event *last);
bool np_text_drawn(const char *text, struct gfx_rect within);

/* the cases of each file */
void stack_order(void);
void stack_stay_top(void);
void stack_foreign_refused(void);
void draw_background(void);
void draw_buffer_offset(void);
void draw_outside_buffer_is_background(void);
void draw_hostile_viewports(void);
void draw_alpha_and_backdrop(void);
void refresh_marks_views_only(void);
void input_focus_by_click(void);
void input_keys_to_focus_only(void);
void input_drag_grab(void);
void input_key_release_to_press(void);
void xray_labels_and_tint(void);
void xray_motion_to_focus_only(void);
void kill_mode_closes_session(void);
void policy_colors(void);

#endif /* _TESTS__UNIT__NITPICKER__NP_TEST_H_ */
