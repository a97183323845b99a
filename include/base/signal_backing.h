/*
 * \brief  Where the signal contexts of a process come from
 *
 * Signal contexts live at core (doc/signals.md). Components get theirs
 * from core's SIGNAL session: the framework's start-up opens the session
 * and installs it as the backing before any component code runs (on
 * base-linux, where a context is an eventfd, the sandbox then forbids
 * creating eventfds at all). Programs outside the component world (unit
 * tests, benchmarks) choose signal_backing_direct explicitly. Until a
 * backing is set, creating a context fails with STATUS_UNAVAILABLE.
 */

#ifndef _INCLUDE__BASE__SIGNAL_BACKING_H_
#define _INCLUDE__BASE__SIGNAL_BACKING_H_

#include <base/capability.h>
#include <base/status.h>

struct signal_backing {
	/*
	 * A new context for imprint; *ctx and *page are OWNED by the caller.
	 * *ctx must be a context capability of the platform's kind (core's
	 * SIGNAL session hands out those; base-linux: a non-blocking
	 * eventfd), *page what the platform shares among the context's
	 * receiver and transmitters (base-linux: a memfd page with the count;
	 * invalid where nothing is shared). STATUS_QUOTA_EXCEEDED,
	 * STATUS_OUT_OF_MEMORY.
	 */
	status_t (*alloc)(void *arg, void *imprint, cap_t *ctx, cap_t *page);
	/* give a context back; CONSUMES ctx */
	void (*release)(void *arg, cap_t ctx);
	/*
	 * The page of a context another process made (ctx BORROWED, *page
	 * OWNED), for a transmitter. STATUS_INVALID_ARGS: no such context
	 * (any more), its submits are dropped; STATUS_INVALID_CAP: the
	 * backing cannot tell; STATUS_UNAVAILABLE: the platform shares none.
	 */
	status_t (*page)(void *arg, cap_t ctx, cap_t *page);
	void *arg;
};

/*
 * eventfds created by the process itself: only where no sandbox forbids
 * it (GNU Mach: none, every context is core's: STATUS_UNAVAILABLE)
 */
extern const struct signal_backing signal_backing_direct;

/*
 * Take contexts from b (BORROWED, must live as long as the process) from
 * now on. Set once, before any context is created; contexts made earlier
 * go back to the backing that made them.
 */
void signal_backing_set(const struct signal_backing *b);

#endif /* _INCLUDE__BASE__SIGNAL_BACKING_H_ */
