/*
 * \brief  Where launchpad's window shows what, and what a click there means
 *
 * Rows of row_h pixels, top to bottom: the status line ("N KiB
 * available"), one row per launcher (its name, which starts it, and its
 * quota bar, whose click sets the quota), a heading, and one row per
 * running child (its name and quota, and a kill button at the right). A
 * pure function of the layout's metrics and the model, so that drawing
 * and hit tests can never disagree and the unit test checks both.
 */

#ifndef _DEMO__LAUNCHPAD__MODEL__LAYOUT_H_
#define _DEMO__LAUNCHPAD__MODEL__LAYOUT_H_

#include <gfx/surface.h>

#include "model.h"

struct launchpad_layout {
	int width;  /* of the window */
	int row_h;  /* of a row: the font's line and a margin */
	int name_w; /* the column of names */
	int kill_w; /* of a kill button */
	int pad;    /* the margin around and between things */
};

/* the metrics for a font whose line is font_h pixels high */
struct launchpad_layout launchpad_layout_for_font(int font_h);

/* the window's height for m: every row */
int launchpad_layout_height(const struct launchpad_layout *l, const struct launchpad_model *m);

/* the row of the status line, of the heading of the running children */
struct gfx_rect launchpad_layout_status(const struct launchpad_layout *l);
struct gfx_rect launchpad_layout_heading(const struct launchpad_layout *l,
                                         const struct launchpad_model *m);

/* launcher i's name (click: start) and quota bar (click: set the quota) */
struct gfx_rect launchpad_layout_name(const struct launchpad_layout *l, unsigned i);
struct gfx_rect launchpad_layout_bar(const struct launchpad_layout *l, unsigned i);

/* the part of bar that shows quota of max */
struct gfx_rect launchpad_layout_bar_fill(struct gfx_rect bar, uint64_t quota, uint64_t max);

/* the slot-th running child's row (name and quota) and its kill button */
struct gfx_rect launchpad_layout_child(const struct launchpad_layout *l,
                                       const struct launchpad_model *m, unsigned slot);
struct gfx_rect launchpad_layout_kill(const struct launchpad_layout *l,
                                      const struct launchpad_model *m, unsigned slot);

enum launchpad_hit_kind {
	LAUNCHPAD_HIT_NONE,
	LAUNCHPAD_HIT_START, /* launcher: the launcher clicked */
	LAUNCHPAD_HIT_QUOTA, /* launcher, quota: its bar, and the quota at that point */
	LAUNCHPAD_HIT_KILL,  /* launcher: whose child to kill */
};

struct launchpad_hit {
	enum launchpad_hit_kind kind;
	unsigned launcher;
	uint64_t quota;
};

/*
 * What a click at (x, y) of the window means. A quota is rounded down to
 * whole KiB; the bar's last pixel gives quota_max (rounded so).
 */
struct launchpad_hit launchpad_layout_hit(const struct launchpad_layout *l,
                                          const struct launchpad_model *m, int x, int y);

#endif /* _DEMO__LAUNCHPAD__MODEL__LAYOUT_H_ */
