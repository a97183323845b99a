/*
 * \brief  scout's navigation history: back and forward
 *
 * Like a web browser's: following a link records the new place after the
 * current one and drops whatever lay forward of it; back and forward move
 * through the record without changing it. Each place keeps the scroll
 * offset it was left at, so going back returns to where the reader was.
 * The record holds SCOUT_HISTORY_MAX places; beyond that the oldest go.
 */

#ifndef _DEMO__SCOUT__LIB__HISTORY_H_
#define _DEMO__SCOUT__LIB__HISTORY_H_

#include <stdbool.h>

#include "doc.h"

enum { SCOUT_HISTORY_MAX = 64 };

struct scout_place {
	char doc[SCOUT_NAME_MAX];
	char anchor[SCOUT_ANCHOR_MAX];
	int scroll;
};

struct scout_history {
	struct scout_place places[SCOUT_HISTORY_MAX];
	unsigned count;   /* places recorded */
	unsigned current; /* index of the place shown */
};

/* a history holding just first */
void scout_history_init(struct scout_history *h, const struct scout_place *first);

/* the place shown, to read or to update its scroll offset */
struct scout_place *scout_history_current(struct scout_history *h);

/* record to after the current place, dropping the places forward of it */
void scout_history_follow(struct scout_history *h, const struct scout_place *to);

/* move back or forward; false (nothing changed) at either end */
bool scout_history_back(struct scout_history *h);
bool scout_history_forward(struct scout_history *h);

bool scout_history_can_back(const struct scout_history *h);
bool scout_history_can_forward(const struct scout_history *h);

#endif /* _DEMO__SCOUT__LIB__HISTORY_H_ */
