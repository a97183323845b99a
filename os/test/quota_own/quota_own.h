/*
 * \brief  test-quota_own: a child exhausts only its own quota
 *
 * "Hogs" each open sessions of one kind at core until they are refused
 * (SIGNAL contexts, RAM sessions, LOG sessions); each refusal must be a
 * quota refusal, never "out of memory". A hog then announces a service
 * ("Hog-<kind>" or as configured) and keeps everything it holds. The
 * sibling asks for all those services first: init answers only after each
 * announcement, so
 * whatever the sibling does afterwards happens while the hogs hold their
 * loot (and with restart="yes" its next instance even starts then).
 */

#ifndef _OS__TEST__QUOTA_OWN__QUOTA_OWN_H_
#define _OS__TEST__QUOTA_OWN__QUOTA_OWN_H_

#include <base/env.h>

/* what one session of a hog donates; the quantum in the run script divides by it */
enum {
	HOG_SIGNAL_SESSION_QUOTA = 64 * 1024,
	HOG_RAM_SESSION_QUOTA = 32 * 1024,
	HOG_LOG_SESSION_QUOTA = 4 * 1024,
};

/* exhaust the kind of session; true if every refusal was a quota refusal */
bool hog_signal(struct env *env);
bool hog_ram(struct env *env);
bool hog_log(struct env *env);

/* announce service with a root that answers every request at once */
bool barrier_announce(struct env *env, const char *service);

/* wait for the hogs' services, names separated by blanks (init defers until each announced) */
bool barrier_wait(struct env *env, const char *services);

/* open, use and close a session of each kind; true if all worked */
bool sibling_run(struct env *env);

#endif /* _OS__TEST__QUOTA_OWN__QUOTA_OWN_H_ */
