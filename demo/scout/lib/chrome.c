/*
 * \brief  scout's window geometry
 */

#include "chrome.h"

struct scout_box
scout_chrome_box(int w, int h, enum scout_area area)
{
	switch (area) {
	case SCOUT_AREA_BACK:
		return (struct scout_box){0, 0, SCOUT_BUTTON_W, SCOUT_TITLE_H};
	case SCOUT_AREA_FORWARD:
		return (struct scout_box){SCOUT_BUTTON_W, 0, SCOUT_BUTTON_W, SCOUT_TITLE_H};
	case SCOUT_AREA_TITLE:
		return (struct scout_box){2 * SCOUT_BUTTON_W, 0, w - 2 * SCOUT_BUTTON_W,
		                          SCOUT_TITLE_H};
	case SCOUT_AREA_SCROLLBAR:
		return (struct scout_box){w - SCOUT_BAR_W, SCOUT_TITLE_H, SCOUT_BAR_W,
		                          h - SCOUT_TITLE_H};
	case SCOUT_AREA_PAGE:
		return (struct scout_box){0, SCOUT_TITLE_H, w - SCOUT_BAR_W, h - SCOUT_TITLE_H};
	case SCOUT_AREA_NONE:
		break;
	}
	return (struct scout_box){0, 0, 0, 0};
}

enum scout_area
scout_chrome_area(int w, int h, int x, int y)
{
	static const enum scout_area areas[] = {SCOUT_AREA_BACK, SCOUT_AREA_FORWARD,
	                                        SCOUT_AREA_TITLE, SCOUT_AREA_SCROLLBAR,
	                                        SCOUT_AREA_PAGE};

	for (unsigned i = 0; i < sizeof(areas) / sizeof(areas[0]); i++) {
		struct scout_box b = scout_chrome_box(w, h, areas[i]);
		if (x >= b.x && y >= b.y && x - b.x < b.w && y - b.y < b.h)
			return areas[i];
	}
	return SCOUT_AREA_NONE;
}

struct scout_box
scout_chrome_thumb(int track_h, int doc_h, int page_h, int scroll)
{
	if (doc_h <= page_h || track_h <= SCOUT_THUMB_MIN)
		return (struct scout_box){0, 0, SCOUT_BAR_W, track_h > 0 ? track_h : 0};
	long long th = (long long)track_h * page_h / doc_h;
	if (th < SCOUT_THUMB_MIN)
		th = SCOUT_THUMB_MIN;
	long long ty = (long long)(track_h - th) * scroll / (doc_h - page_h);
	if (ty < 0)
		ty = 0;
	if (ty > track_h - th)
		ty = track_h - th;
	return (struct scout_box){0, (int)ty, SCOUT_BAR_W, (int)th};
}

int
scout_chrome_scroll_at(int track_h, int doc_h, int page_h, int y)
{
	struct scout_box t = scout_chrome_thumb(track_h, doc_h, page_h, 0);
	if (doc_h <= page_h || track_h <= t.h)
		return 0;
	long long s = (long long)(y - t.h / 2) * (doc_h - page_h) / (track_h - t.h);
	return s < 0 ? 0 : s > doc_h ? doc_h : (int)s;
}
