/*
 * \brief  test-quota_own: a child exhausts only its own quota
 *
 * Three "hogs" each open sessions of one kind at core until they are
 * refused (SIGNAL contexts, RAM sessions, LOG sessions); each refusal must
 * be a quota refusal, never "out of memory". A hog then announces the
 * service "Hog-<kind>" and keeps everything it holds. The sibling asks for
 * all three services first: init answers only after each announcement, so
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

/* announce "Hog-<kind>" with a root that answers every request at once */
bool barrier_announce(struct env *env, const char *kind);

/* wait for the three hogs (init defers until each announced) */
bool barrier_wait(struct env *env);

/* open, use and close a session of each kind; true if all worked */
bool sibling_run(struct env *env);

#endif /* _OS__TEST__QUOTA_OWN__QUOTA_OWN_H_ */
