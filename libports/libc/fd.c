/*
 * \brief  C runtime: the table of file descriptors
 *
 * A descriptor names an open file description (plugin, the plugin's file
 * handle, status flags); dup shares one description between several
 * numbers, and the plugin's close runs when the last of them is closed.
 * The table grows on demand up to LIBC_FD_MAX and always hands out the
 * lowest free number, as POSIX requires of open, socket and dup.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>

#include <base/lock.h>

#include "internal.h"

struct fd_slot {
	struct libc_open *open;
	bool cloexec;
};

static struct lock table_lock = LOCK_INIT_UNLOCKED;
static struct fd_slot *slots;
static int slot_count;

/* make room for descriptor fd; under table_lock */
static long
table_reserve(int fd)
{
	if (fd >= LIBC_FD_MAX)
		return -EMFILE;
	if (fd < slot_count)
		return 0;
	int count = slot_count ? slot_count : 16;
	while (count <= fd)
		count *= 2;
	if (count > LIBC_FD_MAX)
		count = LIBC_FD_MAX;
	struct fd_slot *grown = realloc(slots, (size_t)count * sizeof(*grown));
	if (!grown)
		return -ENOMEM;
	for (int i = slot_count; i < count; i++)
		grown[i] = (struct fd_slot){0};
	slots = grown;
	slot_count = count;
	return 0;
}

/* the lowest free descriptor >= min_fd; under table_lock */
static long
table_lowest_free(int min_fd)
{
	for (int fd = min_fd; fd < LIBC_FD_MAX; fd++) {
		long r = table_reserve(fd);
		if (r < 0)
			return r;
		if (!slots[fd].open)
			return fd;
	}
	return -EMFILE;
}

long
libc_fd_alloc(const struct libc_plugin *p, struct libc_file *f, int status_flags, int min_fd,
              bool cloexec)
{
	struct libc_open *open = calloc(1, sizeof(*open));
	if (!open)
		return -ENOMEM;
	*open = (struct libc_open){.plugin = p, .file = f, .refs = 1, .status_flags = status_flags};
	lock_acquire(&table_lock);
	long fd = table_lowest_free(min_fd < 0 ? 0 : min_fd);
	if (fd >= 0)
		slots[fd] = (struct fd_slot){.open = open, .cloexec = cloexec};
	lock_release(&table_lock);
	if (fd < 0)
		free(open);
	return fd;
}

long
libc_fd_install_at(const struct libc_plugin *p, struct libc_file *f, int fd)
{
	struct libc_open *open = calloc(1, sizeof(*open));
	if (!open)
		return -ENOMEM;
	*open = (struct libc_open){.plugin = p, .file = f, .refs = 1, .status_flags = O_RDWR};
	lock_acquire(&table_lock);
	long r = fd < 0 ? -EBADF : table_reserve(fd);
	if (r == 0 && slots[fd].open)
		r = -EBADF;
	if (r == 0) {
		slots[fd] = (struct fd_slot){.open = open};
		r = fd;
	}
	lock_release(&table_lock);
	if (r < 0)
		free(open);
	return r;
}

long
libc_fd_get(int fd, struct libc_open **open)
{
	long r = -EBADF;
	lock_acquire(&table_lock);
	if (fd >= 0 && fd < slot_count && slots[fd].open) {
		*open = slots[fd].open;
		(*open)->refs++;
		r = 0;
	}
	lock_release(&table_lock);
	return r;
}

void
libc_fd_put(struct libc_open *open)
{
	lock_acquire(&table_lock);
	bool last = --open->refs == 0;
	lock_release(&table_lock);
	if (!last)
		return;
	if (open->plugin->close)
		open->plugin->close(open->file);
	free(open);
}

long
libc_fd_close(int fd)
{
	struct libc_open *open = NULL;
	lock_acquire(&table_lock);
	if (fd >= 0 && fd < slot_count) {
		open = slots[fd].open;
		slots[fd] = (struct fd_slot){0};
	}
	lock_release(&table_lock);
	if (!open)
		return -EBADF;
	libc_fd_put(open);
	return 0;
}

/*
 * dup (exact false: the lowest free >= min_fd) and dup2/dup3 (exact: newfd,
 * closing what it named). dup2 of a descriptor onto itself is a no-op.
 */
long
libc_fd_dup(int oldfd, int newfd, int min_fd, bool cloexec, bool exact)
{
	struct libc_open *open, *replaced = NULL;
	long r = libc_fd_get(oldfd, &open);
	if (r < 0)
		return r;
	if (exact && (newfd < 0 || newfd >= LIBC_FD_MAX)) {
		libc_fd_put(open);
		return -EBADF;
	}
	if (exact && newfd == oldfd) {
		libc_fd_put(open);
		return newfd;
	}
	lock_acquire(&table_lock);
	r = exact ? table_reserve(newfd) : table_lowest_free(min_fd < 0 ? 0 : min_fd);
	if (r >= 0) {
		long fd = exact ? newfd : r;
		replaced = slots[fd].open;
		slots[fd] = (struct fd_slot){.open = open, .cloexec = cloexec};
		r = fd;
	}
	lock_release(&table_lock);
	if (r < 0)
		libc_fd_put(open);
	if (replaced)
		libc_fd_put(replaced);
	return r;
}

long
libc_fd_cloexec(int fd, int set)
{
	long r = -EBADF;
	lock_acquire(&table_lock);
	if (fd >= 0 && fd < slot_count && slots[fd].open) {
		if (set >= 0)
			slots[fd].cloexec = set;
		r = slots[fd].cloexec ? FD_CLOEXEC : 0;
	}
	lock_release(&table_lock);
	return r;
}

void
libc_fd_reset(void)
{
	for (int fd = 0; fd < slot_count; fd++)
		(void)libc_fd_close(fd);
	free(slots);
	slots = NULL;
	slot_count = 0;
}
