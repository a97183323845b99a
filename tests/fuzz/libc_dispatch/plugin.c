/*
 * \brief  fuzz-libc_dispatch: files "/f0".."/f3" of 64 bytes each and
 *         sockets of any kind, every handle checked on each use
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>

#include "fuzz.h"

enum { MAGIC = 0x46555a5a, DEAD = 0xdeadbeef, SIZE = 64 };

struct libc_file {
	unsigned magic;
	bool socket;
	size_t pos;
	char data[SIZE];
};

unsigned fuzz_opened, fuzz_closed;

void
fuzz_must(int cond, const char *what)
{
	if (!cond) {
		fprintf(stderr, "fuzz-libc_dispatch: violated: %s\n", what);
		abort();
	}
}

static struct libc_file *
handle_new(bool socket, struct libc_file **out)
{
	struct libc_file *f = calloc(1, sizeof(*f));
	fuzz_must(f != NULL, "memory");
	f->magic = MAGIC;
	f->socket = socket;
	fuzz_opened++;
	*out = f;
	return f;
}

static void
check(struct libc_file *f)
{
	fuzz_must(f && f->magic == MAGIC, "the dispatcher hands the plugin only its live handles");
}

static bool
supports_path(const char *path)
{
	return strlen(path) == 3 && path[0] == '/' && path[1] == 'f' && path[2] >= '0' &&
	       path[2] <= '3';
}

static bool
supports_socket(int domain, int type, int protocol)
{
	return domain == AF_INET;
}

static long
p_open(const char *path, int flags, struct libc_file **f)
{
	fuzz_must(supports_path(path), "open only for a path the plugin claimed");
	handle_new(false, f);
	return 0;
}

static long
p_socket(int domain, int type, int protocol, struct libc_file **f)
{
	handle_new(true, f);
	return 0;
}

static long
p_accept(struct libc_file *f, struct sockaddr *addr, uint32_t *len, struct libc_file **out)
{
	check(f);
	if (!f->socket)
		return -ENOTSOCK;
	handle_new(true, out);
	return 0;
}

static void
p_close(struct libc_file *f)
{
	check(f);
	f->magic = DEAD;
	fuzz_closed++;
	free(f);
}

static long
p_read(struct libc_file *f, void *buf, size_t len)
{
	check(f);
	size_t n = f->pos < SIZE ? SIZE - f->pos : 0;
	n = n < len ? n : len;
	memcpy(buf, f->data + f->pos, n);
	f->pos += n;
	return (long)n;
}

static long
p_write(struct libc_file *f, const void *buf, size_t len)
{
	check(f);
	size_t n = f->pos < SIZE ? SIZE - f->pos : 0;
	n = n < len ? n : len;
	memcpy(f->data + f->pos, buf, n);
	f->pos += n;
	return n ? (long)n : -ENOSPC;
}

static long
p_lseek(struct libc_file *f, int64_t off, int whence)
{
	check(f);
	if (whence != SEEK_SET || off < 0 || off > SIZE)
		return -EINVAL;
	f->pos = (size_t)off;
	return (long)off;
}

static long
p_fstat(struct libc_file *f, struct stat *st)
{
	check(f);
	st->st_size = SIZE;
	return 0;
}

static long
p_sock(struct libc_file *f)
{
	check(f);
	return f->socket ? 0 : -ENOTSOCK;
}

static long
p_bind(struct libc_file *f, const struct sockaddr *a, uint32_t l)
{
	return p_sock(f);
}

static long
p_listen(struct libc_file *f, int backlog)
{
	return p_sock(f);
}

static long
p_sendto(struct libc_file *f, const void *b, size_t l, int fl, const struct sockaddr *a,
         uint32_t al)
{
	long r = p_sock(f);
	return r < 0 ? r : p_write(f, b, l);
}

static long
p_recvfrom(struct libc_file *f, void *b, size_t l, int fl, struct sockaddr *a, uint32_t *al)
{
	long r = p_sock(f);
	return r < 0 ? r : p_read(f, b, l);
}

static short
p_poll(struct libc_file *f, short events)
{
	check(f);
	return events;
}

const struct libc_plugin fuzz_plugin = {
        .name = "fuzz",
        .supports_path = supports_path,
        .supports_socket = supports_socket,
        .open = p_open,
        .socket = p_socket,
        .accept = p_accept,
        .close = p_close,
        .read = p_read,
        .write = p_write,
        .lseek = p_lseek,
        .fstat = p_fstat,
        .bind = p_bind,
        .listen = p_listen,
        .sendto = p_sendto,
        .recvfrom = p_recvfrom,
        .poll_ready = p_poll,
};
