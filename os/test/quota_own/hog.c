/*
 * \brief  test-quota_own: the hogs, each opening sessions of one kind until refused
 *
 * A hog keeps nothing but counts: a session or context stays at core when
 * the hog closes its own copy of the capability (only a close through the
 * parent, or the hog's end, takes it back), so the hog needs no table that
 * would bound it before its quota does.
 */

#include <base/log.h>
#include <parent/client.h>
#include <signal_session/client.h>
#include <util/format.h>

#include "quota_own.h"

static status_t
session_open(struct env *env, const char *service, unsigned quota, unsigned n, cap_t *out)
{
	char args[64];
	format_string(args, sizeof(args), "ram_quota=%u, label=\"hog-%u\"", quota, n);
	*out = cap_invalid();
	return parent_session(env_parent(env), service, args, out);
}

/* contexts of s until core refuses one; *n counts them up */
static status_t
contexts_fill(signal_session_cap_t s, unsigned long *n)
{
	signal_context_cap_t c;
	signal_page_cap_t pg;
	status_t st;
	while ((st = signal_session_alloc_context(s, *n, &c, &pg)) == STATUS_OK) {
		cap_close(cap_raw(c)); /* core keeps the context for the session */
		cap_close(cap_raw(pg));
		(*n)++;
	}
	return st;
}

/* sessions of HOG_SIGNAL_SESSION_QUOTA, each filled with contexts */
bool
hog_signal(struct env *env)
{
	unsigned long contexts = 0;
	unsigned sessions = 0;
	status_t opened, filled = STATUS_QUOTA_EXCEEDED;
	cap_t raw;
	while (filled == STATUS_QUOTA_EXCEEDED &&
	       (opened = session_open(env, "SIGNAL", HOG_SIGNAL_SESSION_QUOTA, sessions, &raw)) ==
	               STATUS_OK) {
		sessions++;
		filled = contexts_fill(CAP_TYPED(signal_session_cap_t, raw), &contexts);
		cap_close(raw); /* the session stays open at core */
	}
	log_print("signal: %lu contexts in %u sessions, then context: %s, session: %s", contexts,
	          sessions, status_name(filled),
	          filled == STATUS_QUOTA_EXCEEDED ? status_name(opened) : "not tried");
	return filled == STATUS_QUOTA_EXCEEDED && opened == STATUS_QUOTA_EXCEEDED;
}

/* sessions of one service and donation until the parent refuses */
static bool
hog_sessions(struct env *env, const char *service, const char *kind, unsigned quota)
{
	unsigned sessions = 0;
	status_t st;
	cap_t raw;
	while ((st = session_open(env, service, quota, sessions, &raw)) == STATUS_OK) {
		sessions++;
		cap_close(raw); /* the session stays open at core */
	}
	log_print("%s: %u sessions of ram_quota %u, then: %s", kind, sessions, quota,
	          status_name(st));
	return st == STATUS_QUOTA_EXCEEDED;
}

bool
hog_ram(struct env *env)
{
	return hog_sessions(env, "RAM", "ram", HOG_RAM_SESSION_QUOTA);
}

bool
hog_log(struct env *env)
{
	return hog_sessions(env, "LOG", "log", HOG_LOG_SESSION_QUOTA);
}
