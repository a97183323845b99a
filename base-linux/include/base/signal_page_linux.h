/*
 * \brief  Handing a signal context's page to another process (Linux, outside the component world)
 *
 * A submit on Linux adds to the context's count page and rings its
 * eventfd (doc/signals.md). A component finds the page of a capability it
 * got through core's SIGNAL session, at its first submit. Programs outside
 * the component world (unit tests, benchmarks: signal_backing_direct)
 * have no core to ask: whoever hands a context's capability to another
 * process hands its page beside it, and the receiving process adopts it.
 */

#ifndef _BASE_LINUX__INCLUDE__BASE__SIGNAL_PAGE_LINUX_H_
#define _BASE_LINUX__INCLUDE__BASE__SIGNAL_PAGE_LINUX_H_

#include <base/signal.h>

/* the page of ctx, to send beside its capability; BORROWED, valid until the dissolve */
signal_page_cap_t signal_context_page(const struct signal_context *ctx);

/*
 * Submits through cap (BORROWED) add to page (BORROWED, mapped here) from
 * now on, until cap is closed. STATUS_INVALID_CAP if cap is no eventfd or
 * page no memfd of a page whose size is sealed, STATUS_OUT_OF_MEMORY.
 */
status_t signal_page_adopt(signal_context_cap_t cap, signal_page_cap_t page);

#endif /* _BASE_LINUX__INCLUDE__BASE__SIGNAL_PAGE_LINUX_H_ */
