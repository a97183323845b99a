/*
 * \brief  launchpad's model (model.h)
 */

#include <util/string.h>

#include "model.h"

static uint64_t
min_u64(uint64_t a, uint64_t b)
{
	return a < b ? a : b;
}

void
launchpad_model_init(struct launchpad_model *m, struct launchpad_launcher *launchers,
                     unsigned count, uint64_t avail)
{
	*m = (struct launchpad_model){
	        .launchers = launchers, .count = count, .avail = avail, .quota_max = avail};
	for (unsigned i = 0; i < count; i++) {
		launchers[i].quota = min_u64(launchers[i].quota, avail);
		launchers[i].running = false;
		launchers[i].granted = 0;
	}
}

uint64_t
launchpad_model_quota_set(struct launchpad_model *m, unsigned i, uint64_t quota)
{
	if (i >= m->count)
		return 0;
	m->launchers[i].quota = min_u64(quota, m->quota_max);
	return m->launchers[i].quota;
}

enum launchpad_start_check
launchpad_model_start_check(const struct launchpad_model *m, unsigned i, uint64_t *grant)
{
	*grant = 0;
	if (i >= m->count)
		return LAUNCHPAD_START_INVALID;
	if (m->launchers[i].running)
		return LAUNCHPAD_START_RUNNING;
	*grant = min_u64(m->launchers[i].quota, m->avail);
	return *grant ? LAUNCHPAD_START_OK : LAUNCHPAD_START_NO_QUOTA;
}

void
launchpad_model_started(struct launchpad_model *m, unsigned i, uint64_t granted)
{
	if (i >= m->count)
		return;
	m->launchers[i].running = true;
	m->launchers[i].granted = granted;
	m->avail -= min_u64(granted, m->avail);
}

uint64_t
launchpad_model_ended(struct launchpad_model *m, unsigned i)
{
	if (i >= m->count || !m->launchers[i].running)
		return 0;
	uint64_t back = m->launchers[i].granted;
	m->launchers[i].running = false;
	m->launchers[i].granted = 0;
	m->avail += back;
	return back;
}

void
launchpad_model_avail_set(struct launchpad_model *m, uint64_t avail)
{
	m->avail = avail;
}

unsigned
launchpad_model_running_count(const struct launchpad_model *m)
{
	unsigned n = 0;
	for (unsigned i = 0; i < m->count; i++)
		n += m->launchers[i].running;
	return n;
}

unsigned
launchpad_model_running_at(const struct launchpad_model *m, unsigned slot)
{
	for (unsigned i = 0; i < m->count; i++)
		if (m->launchers[i].running && slot-- == 0)
			return i;
	return m->count;
}

unsigned
launchpad_model_find(const struct launchpad_model *m, const char *name)
{
	for (unsigned i = 0; i < m->count; i++)
		if (str_equal(m->launchers[i].name, name))
			return i;
	return m->count;
}
