/*
 * \brief  scout's navigation history: back and forward
 */

#include <util/string.h>

#include "history.h"

void
scout_history_init(struct scout_history *h, const struct scout_place *first)
{
	h->places[0] = *first;
	h->count = 1;
	h->current = 0;
}

struct scout_place *
scout_history_current(struct scout_history *h)
{
	return &h->places[h->current];
}

void
scout_history_follow(struct scout_history *h, const struct scout_place *to)
{
	h->count = h->current + 1;
	if (h->count == SCOUT_HISTORY_MAX) {
		mem_move(&h->places[0], &h->places[1],
		         (SCOUT_HISTORY_MAX - 1) * sizeof(h->places[0]));
		h->count--;
	}
	h->places[h->count] = *to;
	h->current = h->count++;
}

bool
scout_history_back(struct scout_history *h)
{
	if (!scout_history_can_back(h))
		return false;
	h->current--;
	return true;
}

bool
scout_history_forward(struct scout_history *h)
{
	if (!scout_history_can_forward(h))
		return false;
	h->current++;
	return true;
}

bool
scout_history_can_back(const struct scout_history *h)
{
	return h->current > 0;
}

bool
scout_history_can_forward(const struct scout_history *h)
{
	return h->current + 1 < h->count;
}
