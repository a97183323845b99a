/*
 * \brief  scout's window: where title bar, buttons, scrollbar and page lie
 *
 * Pure geometry, in window coordinates (0, 0 the window's top-left): the
 * title bar across the top with the back and forward buttons at its left,
 * the scrollbar down the right edge below it, the page in the rest.
 */

#ifndef _DEMO__SCOUT__LIB__CHROME_H_
#define _DEMO__SCOUT__LIB__CHROME_H_

enum {
	SCOUT_TITLE_H = 24,
	SCOUT_BUTTON_W = 28,
	SCOUT_BAR_W = 14,
	SCOUT_THUMB_MIN = 16,
	SCOUT_WINDOW_MIN_W = 2 * SCOUT_BUTTON_W + SCOUT_BAR_W + 40,
	SCOUT_WINDOW_MIN_H = SCOUT_TITLE_H + 2 * SCOUT_THUMB_MIN,
};

enum scout_area {
	SCOUT_AREA_NONE,
	SCOUT_AREA_BACK,
	SCOUT_AREA_FORWARD,
	SCOUT_AREA_TITLE,
	SCOUT_AREA_SCROLLBAR,
	SCOUT_AREA_PAGE,
};

struct scout_box {
	int x, y, w, h;
};

/* the part of a w x h window at (x, y) */
enum scout_area scout_chrome_area(int w, int h, int x, int y);

struct scout_box scout_chrome_box(int w, int h, enum scout_area area);

/* the scrollbar's thumb within a track of track_h for a page of page_h of doc_h at scroll */
struct scout_box scout_chrome_thumb(int track_h, int doc_h, int page_h, int scroll);

/* the scroll offset that centres the thumb at y of the track (unclamped) */
int scout_chrome_scroll_at(int track_h, int doc_h, int page_h, int y);

#endif /* _DEMO__SCOUT__LIB__CHROME_H_ */
