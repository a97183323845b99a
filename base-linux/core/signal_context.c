/*
 * \brief  core's signal contexts on Linux: eventfds with a count page, told apart by kcmp
 *
 * A context is two kernel objects (doc/signals.md): an eventfd, which is
 * the capability, core's identity of the context and the receiver's
 * doorbell (epoll, edge-triggered: each write wakes once), and a page of
 * a sealed memfd holding the count, shared by the receiver and every
 * transmitter, who add to it and ring the doorbell without an RPC to
 * core: the fast path. core makes both and keeps a copy of each; the page
 * is sized but untouched here, so that its memory is charged to the
 * receiver, which touches it first.
 *
 * All eventfds share one anonymous inode, so fstat cannot tell whether a
 * descriptor a client hands back is one of core's contexts; kcmp compares
 * (and orders) the open files themselves. core is the only process that creates
 * eventfds (components are not allowed to, doc/sandbox.md).
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/kcmp.h>
#include <stdatomic.h>
#include <sys/eventfd.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>

#include "../ipc/sealed_page.h"
#include "../signal/signal_page.h"
#include "platform.h"

/* core may truncate: the page stays unallocated until the receiver touches it */
static int
count_page_create(void)
{
	int fd = memfd_create("signal", MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (fd < 0)
		return -1;
	if (ftruncate(fd, SIGNAL_PAGE_SIZE) != 0 ||
	    fcntl(fd, F_ADD_SEALS, SEALED_PAGE_SEALS) != 0) {
		close(fd);
		return -1;
	}
	return fd;
}

status_t
platform_signal_context_alloc(cap_t *ctx, cap_t *page)
{
	int fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (fd < 0)
		return STATUS_OUT_OF_MEMORY;
	int pfd = count_page_create();
	if (pfd < 0) {
		close(fd);
		return STATUS_OUT_OF_MEMORY;
	}
	*ctx = (cap_t){fd};
	*page = (cap_t){pfd};
	return STATUS_OK;
}

/* the eventfd and the page stay alive in the clients' copies, where nobody reads them */
void
platform_signal_context_free(cap_t ctx, cap_t page)
{
	cap_close(ctx);
	cap_close(page);
}

/*
 * kcmp orders the open files by their (obfuscated) kernel addresses: a
 * total order that holds while both stay open, so core can keep its
 * contexts in a search tree and find one in log n calls instead of one
 * call per context. A descriptor kcmp cannot compare (closed, or the
 * answer 3, "no order") sorts after every context and so matches none.
 */
int
platform_signal_context_compare(cap_t a, cap_t b)
{
	pid_t self = getpid();
	if (a.sel < 0 || b.sel < 0)
		return a.sel < 0 ? (b.sel < 0 ? 0 : 1) : -1;
	long r = syscall(SYS_kcmp, self, self, KCMP_FILE, (int)a.sel, (int)b.sel);
	return r == 0 ? 0 : r == 1 ? -1 : 1;
}

/*
 * Submits and takes through core are rare (components add to the page
 * themselves), so core maps a page only for the moment it needs it: a
 * mapping per context would spend core's address space and mapping count
 * on every context of the system.
 */
static struct signal_page *
page_map(cap_t page)
{
	void *p =
	        mmap(NULL, SIGNAL_PAGE_SIZE, PROT_READ | PROT_WRITE, MAP_SHARED, (int)page.sel, 0);
	return p == MAP_FAILED ? NULL : p;
}

/*
 * The file's flags are shared with every client holding a copy. The
 * sandbox refuses clearing O_NONBLOCK (doc/signals.md); setting it again
 * right before the ring keeps core from blocking on a full counter even
 * where that rule is missing.
 */
void
platform_signal_wake(cap_t ctx, cap_t page, struct signal_count *count)
{
	struct signal_page *p = page_map(page);
	unsigned n = signal_count_take(count);
	if (!p)
		return;
	signal_page_add(p, n);
	munmap(p, SIGNAL_PAGE_SIZE);
	(void)fcntl((int)ctx.sel, F_SETFL, O_NONBLOCK);
	signal_doorbell_ring((int)ctx.sel);
}

/* as the receiver does (base-linux/signal/receiver.c) */
unsigned
platform_signal_take(cap_t ctx, cap_t page, struct signal_count *count)
{
	(void)ctx;
	struct signal_page *p = page_map(page);
	(void)signal_count_take(count); /* always 0: platform_signal_wake took it */
	if (!p)
		return 0;
	unsigned n = signal_page_take(p);
	munmap(p, SIGNAL_PAGE_SIZE);
	return n;
}
