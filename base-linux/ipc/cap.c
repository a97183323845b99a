/*
 * \brief  Capabilities on Linux: a capability is a file descriptor
 *
 * The descriptor refers to the client end of an object's socketpair. The
 * kernel keeps descriptors per process, so a number means nothing in
 * another process and cannot be forged; passing one with SCM_RIGHTS is
 * delegation, and the receiver gets it under a number of its own.
 */

#define _GNU_SOURCE
#include <fcntl.h>
#include <limits.h>
#include <stdatomic.h>

#include <base/internal/lx_fd.h>

#include "internal.h"

enum { GEN_BUCKETS = 1024 };

static _Atomic uint32_t generations[GEN_BUCKETS];

bool
cap_sel_fd(long sel, int *fd)
{
	if (sel < 0 || sel > INT_MAX)
		return false;
	*fd = (int)sel;
	return true;
}

uint32_t
cap_gen_get(long sel)
{
	return atomic_load_explicit(&generations[(unsigned long)sel % GEN_BUCKETS],
	                            memory_order_relaxed);
}

void
cap_gen_bump(long sel)
{
	atomic_fetch_add_explicit(&generations[(unsigned long)sel % GEN_BUCKETS], 1,
	                          memory_order_relaxed);
}

void
cap_close(cap_t c)
{
	int fd;

	if (!cap_sel_fd(c.sel, &fd))
		return;
	/* before close: once closed, the number may be reused at any time */
	cap_gen_bump(c.sel);
	chan_cache_drop(c.sel);
	lx_close(fd);
}

status_t
cap_dup(cap_t c, cap_t *out)
{
	int fd, copy;

	if (!cap_sel_fd(c.sel, &fd))
		return STATUS_INVALID_CAP;
	copy = lx_fcntl(fd, F_DUPFD_CLOEXEC, 0);
	if (copy < 0)
		return lx_fcntl(fd, F_GETFD, 0) < 0 ? STATUS_INVALID_CAP : STATUS_OUT_OF_MEMORY;
	cap_gen_bump(copy);
	out->sel = copy;
	return STATUS_OK;
}

/*
 * Copies of a capability (dup'ed, or received by SCM_RIGHTS and sent back)
 * share one open socket, and every socket has its own inode in sockfs.
 */
status_t
cap_key_get(cap_t c, struct cap_key *key)
{
	struct lx_file_id id;
	int fd;

	if (!cap_sel_fd(c.sel, &fd) || lx_fstat_id(fd, &id) != 0)
		return STATUS_INVALID_CAP;
	key->hi = id.dev;
	key->lo = id.ino;
	return STATUS_OK;
}

bool
cap_same(cap_t a, cap_t b)
{
	struct cap_key ka, kb;

	if (cap_key_get(a, &ka) != STATUS_OK || cap_key_get(b, &kb) != STATUS_OK)
		return false;
	return cap_key_compare(&ka, &kb) == 0;
}

void
rpc_msg_close_caps(struct rpc_msg *msg)
{
	for (unsigned i = 0; i < RPC_CAPS_MAX; i++) {
		if (msg->hdr.cap_mask & (1u << i))
			cap_close(msg->caps[i]);
		msg->caps[i] = cap_invalid();
	}
	msg->hdr.cap_mask = 0;
}
