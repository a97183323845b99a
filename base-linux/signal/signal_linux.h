/*
 * \brief  Private state of signals on Linux
 *
 * A signal context is an eventfd and a count page (signal_page.h). The
 * eventfd's descriptor is the capability and the doorbell: a submit adds
 * to the page's count and rings it, and receiving takes the count from
 * the page, which are exactly Genode's counting semantics. The receiving
 * side waits for its contexts' doorbells with epoll, edge-triggered: a
 * receiver has its own epoll instance, a handler is watched by its
 * entrypoint's.
 */

#ifndef _BASE_LINUX__SIGNAL__SIGNAL_LINUX_H_
#define _BASE_LINUX__SIGNAL__SIGNAL_LINUX_H_

#include <stdint.h>

#include <base/internal/signal_count.h>
#include <base/lock.h>
#include <base/signal.h>

struct signal_context {
	int fd;                   /* the eventfd; its number is the capability's selector */
	int page_fd;              /* OWNED: the count page's memfd, to hand on */
	struct signal_page *page; /* OWNED mapping of it */
	struct signal_context *own_prev, *own_next; /* all of this process's (context.c) */
	const struct signal_backing *backing;       /* where it came from, where it goes back */
	void *imprint;
	struct signal_receiver *receiver; /* NULL for a handler */
	uint32_t slot;                    /* receiver: index into its table */
	struct entrypoint *ep;            /* handler: who dispatches it */
	uint64_t watch;                   /* handler: the entrypoint's watch */
	signal_handler_fn fn;
	void *arg;
};

/*
 * epoll reports a context by slot index and generation, never by pointer:
 * an event fetched by one thread while another dissolves the context is
 * recognised as stale instead of touching freed memory.
 */
struct signal_slot {
	struct signal_context *ctx; /* NULL: free */
	uint32_t gen;
	uint32_t next_free;
};

struct signal_receiver {
	int epfd;
	struct lock lock; /* the slot table and every read of a context's count */
	struct signal_slot *slots;
	uint32_t count, capacity, free_head;
};

/* a new non-blocking eventfd, or -1 */
int signal_eventfd_create(void);

/*
 * Empty the eventfd's counter without ever blocking (also when a holder
 * of the capability cleared O_NONBLOCK on the shared file); what it held.
 */
uint64_t signal_eventfd_drain(int fd);

/*
 * Whether fd may be a signal-context capability: an anonymous file of
 * the kind eventfds are. Of those, the write of a submit fails on all
 * but an eventfd.
 */
bool signal_fd_is_eventfd(int fd);

/* the backing of this process (signal_backing_set), or NULL */
const struct signal_backing *signal_backing_current(void);

/*
 * The transmitters' side (submit.c): which page a submit through a
 * selector adds to. A context made here registers its own page
 * (BORROWED: forget it before unmapping); other capabilities' pages are
 * asked of the backing at their first submit, or adopted.
 */
status_t signal_tx_register(long sel, struct signal_page *page);
void signal_tx_forget(long sel);

/* the receiver's part of creating and dissolving a context */
status_t signal_receiver_attach(struct signal_receiver *r, struct signal_context *ctx);
void signal_receiver_detach(struct signal_receiver *r, struct signal_context *ctx);

#endif /* _BASE_LINUX__SIGNAL__SIGNAL_LINUX_H_ */
