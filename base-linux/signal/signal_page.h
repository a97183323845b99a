/*
 * \brief  A signal context's count page and doorbell (Linux)
 *
 * The count of a context lives in a page of a sealed memfd that its
 * receiver and all its transmitters map (doc/signals.md, "Linux"). A
 * submit adds to it and rings the context's eventfd; the receiver, woken
 * by its epoll (edge-triggered: one wake-up per ring), takes the count
 * from the page without a system call. Every holder can write the page:
 * the receiver reads the count once, atomically, and takes any value as
 * a count, which a hostile holder can only inflate or erase for the one
 * context it holds.
 */

#ifndef _BASE_LINUX__SIGNAL__SIGNAL_PAGE_H_
#define _BASE_LINUX__SIGNAL__SIGNAL_PAGE_H_

#include <stdbool.h>
#include <stdint.h>

enum { SIGNAL_PAGE_SIZE = 4096 };

struct signal_page {
	uint32_t count; /* atomic; saturates at SIGNAL_COUNT_MAX */
};

/* add n, saturating at SIGNAL_COUNT_MAX */
void signal_page_add(struct signal_page *p, unsigned n);

/* the whole count, leaving 0 */
unsigned signal_page_take(struct signal_page *p);

/* whether a count is pending (a look, nothing taken) */
unsigned signal_page_peek(const struct signal_page *p);

/* a new count page (direct backing): a sealed memfd, OWNED, or -1 */
int signal_page_create(void);

/* map the page behind fd (BORROWED) once it proved a sealed memfd of a page; NULL if not */
struct signal_page *signal_page_map(int fd);

void signal_page_unmap(struct signal_page *p);

/* one write of v to the eventfd fd; false with errno set if it failed */
bool signal_eventfd_add(int fd, uint64_t v);

/*
 * Ring the doorbell eventfd (BORROWED) after an add: one write of 1. Its
 * counter is never read by the receiver, so it grows by one per ring; a
 * holder that filled it to its limit (2^64 - 2) would silence the bell,
 * so a full counter is emptied and rung again. Never blocks. false if fd
 * is no eventfd (any more).
 */
bool signal_doorbell_ring(int fd);

#endif /* _BASE_LINUX__SIGNAL__SIGNAL_PAGE_H_ */
