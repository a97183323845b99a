/*
 * \brief  The plugin interface of the C runtime (doc/libc.md)
 *
 * A libc component is built on musl, whose every system call arrives at
 * the plugin dispatcher (libports/libc) instead of the kernel. Calls that
 * name a path or create a socket go to the first registered plugin that
 * claims them; the plugin's answer becomes a libc file descriptor, and
 * every later call on that descriptor goes to the same plugin with the
 * plugin's own file handle. A plugin answers like the kernel: a result
 * >= 0, or a negative errno value. An operation a plugin leaves NULL is
 * answered for it with what POSIX says for such a file (EINVAL, ESPIPE,
 * ENOTSOCK, ENOTTY ...).
 *
 * Ownership: a plugin's file handle belongs to the plugin from the open
 * (or socket, or accept) that returned it until the dispatcher calls its
 * close, once, after the last descriptor referring to it (dup) is gone.
 * A struct libc_plugin is BORROWED by the registry for the component's
 * life.
 *
 * Threads: the dispatcher serialises nothing. A plugin whose state is
 * shared between threads locks it itself (pthreads may call at once).
 */

#ifndef _INCLUDE__LIBC_PLUGIN__PLUGIN_H_
#define _INCLUDE__LIBC_PLUGIN__PLUGIN_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct stat;
struct sockaddr;
struct msghdr;

/* a plugin's file handle, opaque to the dispatcher */
struct libc_file;

struct libc_plugin {
	const char *name;

	/* claims: does this plugin serve the path, or sockets of this kind? */
	bool (*supports_path)(const char *path);
	bool (*supports_socket)(int domain, int type, int protocol);

	/* creating a file handle: *file is OWNED by the plugin */
	long (*open)(const char *path, int flags, struct libc_file **file);
	long (*socket)(int domain, int type, int protocol, struct libc_file **file);
	long (*accept)(struct libc_file *f, struct sockaddr *addr, uint32_t *len,
	               struct libc_file **file);

	/* the last descriptor of f is gone */
	void (*close)(struct libc_file *f);

	long (*read)(struct libc_file *f, void *buf, size_t len);
	long (*write)(struct libc_file *f, const void *buf, size_t len);
	long (*lseek)(struct libc_file *f, int64_t offset, int whence);
	long (*fstat)(struct libc_file *f, struct stat *st);
	long (*ioctl)(struct libc_file *f, unsigned long request, void *arg);
	/* O_NONBLOCK changed by fcntl(F_SETFL) */
	long (*set_nonblock)(struct libc_file *f, bool nonblock);

	long (*bind)(struct libc_file *f, const struct sockaddr *addr, uint32_t len);
	long (*connect)(struct libc_file *f, const struct sockaddr *addr, uint32_t len);
	long (*listen)(struct libc_file *f, int backlog);
	long (*sendto)(struct libc_file *f, const void *buf, size_t len, int flags,
	               const struct sockaddr *addr, uint32_t addr_len);
	long (*recvfrom)(struct libc_file *f, void *buf, size_t len, int flags,
	                 struct sockaddr *addr, uint32_t *addr_len);
	long (*shutdown)(struct libc_file *f, int how);
	long (*getsockopt)(struct libc_file *f, int level, int name, void *val, uint32_t *len);
	long (*setsockopt)(struct libc_file *f, int level, int name, const void *val, uint32_t len);
	long (*getsockname)(struct libc_file *f, struct sockaddr *addr, uint32_t *len);
	long (*getpeername)(struct libc_file *f, struct sockaddr *addr, uint32_t *len);

	/* readiness for poll: the subset of events (POLLIN, POLLOUT) ready now */
	short (*poll_ready)(struct libc_file *f, short events);
};

/*
 * Add a plugin; earlier ones are asked first. Called before the calls it
 * serves are made (a plugin's init function, from component code).
 */
void libc_plugin_register(const struct libc_plugin *plugin);

/*
 * Give a plugin file handle a descriptor number of its own, as if opened
 * (the LOG plugin's 0, 1 and 2). Returns the number or -EMFILE/-ENOMEM.
 */
long libc_plugin_fd_install(const struct libc_plugin *plugin, struct libc_file *file, int fd);

#endif /* _INCLUDE__LIBC_PLUGIN__PLUGIN_H_ */
