/*
 * \brief  C runtime: what the dispatcher's files share (doc/libc.md)
 */

#ifndef _LIBPORTS__LIBC__INTERNAL_H_
#define _LIBPORTS__LIBC__INTERNAL_H_

#include <stdbool.h>
#include <stdint.h>

#include <libc-plugin/plugin.h>

enum {
	LIBC_FD_MAX = 1024, /* as RLIMIT_NOFILE's usual soft limit */
	LIBC_PATH_MAX = 4096,
};

/* one open file description: what dup'ed descriptors share */
struct libc_open {
	const struct libc_plugin *plugin;
	struct libc_file *file;
	unsigned refs;
	int status_flags; /* O_NONBLOCK, O_APPEND, access mode: fcntl(F_GETFL) */
};

/*
 * The descriptor table. libc_fd_get takes a reference on the description
 * (so a concurrent close cannot free it under a call); drop it with
 * libc_fd_put. Results are kernel-style: >= 0 or -errno.
 */
long libc_fd_alloc(const struct libc_plugin *p, struct libc_file *f, int status_flags, int min_fd,
                   bool cloexec);
/* install at exactly fd if it is free, else -EBADF (nothing is closed) */
long libc_fd_install_at(const struct libc_plugin *p, struct libc_file *f, int fd);
long libc_fd_get(int fd, struct libc_open **open);
void libc_fd_put(struct libc_open *open);
long libc_fd_close(int fd);
long libc_fd_dup(int oldfd, int newfd, int min_fd, bool cloexec, bool exact);
long libc_fd_cloexec(int fd, int set); /* set < 0: query */
void libc_fd_reset(void);              /* close everything (tests) */

/* plugin registry: the first plugin claiming a path or a socket kind */
const struct libc_plugin *libc_plugin_for_path(const char *path);
const struct libc_plugin *libc_plugin_for_socket(int domain, int type, int protocol);
void libc_plugin_reset(void); /* forget all plugins (tests) */

/*
 * The dispatcher: one system call as musl makes it. libc_syscall_dispatch
 * (the symbol musl calls) adds the platform's calls (libc-plugin/
 * platform.h) to what libc_dispatch serves.
 */
long libc_dispatch(long nr, long a, long b, long c, long d, long e, long f, bool *served);

/* name of system call nr for the log, or "syscall <nr>" */
const char *libc_syscall_name(long nr, char *buf, unsigned size);

/* an unsupported call: log its name once, answer -ENOSYS */
long libc_unsupported(long nr);

/* what poll needs of the time plugin: a clock and a short pause */
struct libc_clock {
	uint64_t (*now_ms)(void);
	void (*pause)(void);
};
void libc_clock_set(const struct libc_clock *c);

#endif /* _LIBPORTS__LIBC__INTERNAL_H_ */
