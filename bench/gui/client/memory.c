/*
 * \brief  bench-gui-client: what nitpicker keeps per client, seen by core
 *
 * bench-gui reads nitpicker's RAM account (quota and used) from core's
 * report at each snapshot: "none" after one session was opened and
 * closed (nitpicker is up then, its heap started); "sessions" with
 * MEMORY_SESSIONS sessions of a MEMORY_W x MEMORY_H buffer, no view yet;
 * "views" after MEMORY_VIEWS placed views more in each; "closed" after
 * closing them all. Many sessions and views, so that the heap's chunks,
 * which grow in steps, average out per session and per view.
 */

#include <base/log.h>
#include <nitpicker_session/connection.h>

#include "client.h"

enum { MEMORY_SESSIONS = 16, MEMORY_VIEWS = 16, MEMORY_W = 64, MEMORY_H = 48 };

struct small {
	nitpicker_session_cap_t s;                /* OWNED */
	nitpicker_view_cap_t views[MEMORY_VIEWS]; /* OWNED */
	unsigned n_views;
};

static struct small small[MEMORY_SESSIONS];

static const struct nitpicker_connection_args small_args = {
        .fb_width = MEMORY_W, .fb_height = MEMORY_H, .views = MEMORY_VIEWS};

static bool
small_open(struct env *env, unsigned i)
{
	small[i].n_views = 0;
	return nitpicker_connection_open(env_parent(env), &small_args, &small[i].s) == STATUS_OK;
}

/* the views of session i, each placed on the screen */
static bool
small_views(unsigned i)
{
	struct small *m = &small[i];

	for (; m->n_views < MEMORY_VIEWS; m->n_views++) {
		unsigned v = m->n_views;
		if (nitpicker_session_view_create(m->s, &m->views[v]) != STATUS_OK)
			return false;
		if (nitpicker_view_viewport(m->views[v], (int)(i * 40 + v * 8), (int)(v * 40),
		                            MEMORY_W, MEMORY_H, 0, 0, false) != STATUS_OK) {
			m->n_views++; /* created: closed with the others */
			return false;
		}
	}
	return true;
}

/* nitpicker destroys the views with the session; our capabilities go too */
static void
small_close(struct env *env, unsigned i)
{
	for (unsigned v = 0; v < small[i].n_views; v++)
		cap_close(cap_raw(small[i].views[v]));
	nitpicker_connection_close(env_parent(env), small[i].s);
}

bool
memory_measure(struct env *env)
{
	bool ok = small_open(env, 0);

	if (ok)
		small_close(env, 0);
	client_snapshot("none");
	for (unsigned i = 0; ok && i < MEMORY_SESSIONS; i++)
		ok = small_open(env, i);
	log_print("bench-gui-client: small sessions %u views %u buffer %ux%u donation %lu",
	          MEMORY_SESSIONS, MEMORY_VIEWS, MEMORY_W, MEMORY_H,
	          nitpicker_connection_quota(&small_args));
	client_snapshot("sessions");
	for (unsigned i = 0; ok && i < MEMORY_SESSIONS; i++)
		ok = small_views(i);
	client_snapshot("views");
	for (unsigned i = 0; ok && i < MEMORY_SESSIONS; i++)
		small_close(env, i);
	client_snapshot("closed");
	if (!ok)
		log_error("bench-gui-client: a small session or view failed");
	return ok;
}
