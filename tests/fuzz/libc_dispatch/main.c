/*
 * \brief  fuzz-libc_dispatch: arbitrary sequences of system calls into the
 *         C runtime's dispatcher
 *
 * Each call is 8 bytes: the call (an index into the calls a program makes
 * through musl), then its arguments, small descriptor numbers, lengths,
 * flags and which of a few paths or buffers to pass. Pointers point into
 * buffers of this program: a program's bad pointers are its own fault, as
 * with the kernel. Checked: no crash (ASan, UBSan), the plugin only ever
 * sees its live handles (plugin.c), every handle it made is closed exactly
 * once when the table is emptied, results are -errno or a value that fits
 * the call, and a descriptor handed out is the lowest free one.
 */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdint.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>

#include <base/log.h>

#include "../../../libports/libc/internal.h"
#include "fuzz.h"

/* refusals are expected by the thousand: no output */
void
log_output_line(const char *line, size_t len)
{
	(void)line;
	(void)len;
}

/*
 * Each call with its argument kinds: f descriptor, i any integer, p path,
 * b buffer, l length (within b), v iovec array, n vector count, m msghdr,
 * P pollfd array, s struct stat, a sockaddr buffer, L socklen pointer.
 * Pointers are always valid: a bad pointer would be the program's fault.
 */
static const struct {
	long nr;
	const char *args;
} calls[] = {
        {SYS_open, "pii"},        {SYS_openat, "ipii"},      {SYS_close, "f"},
        {SYS_read, "fbl"},        {SYS_write, "fbl"},        {SYS_readv, "fvn"},
        {SYS_writev, "fvn"},      {SYS_lseek, "fii"},        {SYS_fstat, "fs"},
        {SYS_ioctl, "fib"},       {SYS_fcntl, "fii"},        {SYS_dup, "f"},
        {SYS_dup2, "ff"},         {SYS_dup3, "ffi"},         {SYS_socket, "iii"},
        {SYS_accept4, "faLi"},    {SYS_bind, "fai"},         {SYS_listen, "fi"},
        {SYS_sendto, "fbliai"},   {SYS_recvfrom, "fbliaL"},  {SYS_sendmsg, "fmi"},
        {SYS_recvmsg, "fmi"},     {SYS_getsockopt, "fiibL"}, {SYS_stat, "ps"},
        {SYS_access, "pi"},       {SYS_poll, "Pni"},         {SYS_fsync, "f"},
        {SYS_shutdown, "fi"},     {SYS_newfstatat, "ipsi"},  {SYS_connect, "fai"},
        {SYS_getsockname, "faL"}, {SYS_getpid, ""},          {SYS_mkdir, "pi"},
        {SYS_statx, "ipiib"},
};
enum { CALLS = sizeof(calls) / sizeof(calls[0]), FDS = 24 };

static const char *const paths[] = {"/f0", "/f3", "f1", "/f4", "", "/", "/f2/x", "/f0"};

static char buf[256];
static struct iovec iov[6];
static struct msghdr msg;
static struct pollfd pfds[6];
static struct stat st;
static bool shadow_open[FDS + 8];

static char addr[32];
static uint32_t addr_len;

static long
arg_of(char kind, uint8_t val)
{
	switch (kind) {
	case 'f':
		return val % FDS - 1; /* mostly small, sometimes -1 */
	case 'p':
		return (long)paths[val % 8];
	case 'b':
		return (long)buf;
	case 'l':
		return (long)(val % sizeof(buf));
	case 'v':
		return (long)iov;
	case 'n':
		return (long)(val % 6); /* up to one more than there are */
	case 'm':
		return (long)&msg;
	case 'P':
		return (long)pfds;
	case 's':
		return (long)&st;
	case 'a':
		return (long)addr;
	case 'L':
		addr_len = val % (sizeof(addr) + 1);
		return (long)&addr_len;
	default:
		return (long)((unsigned long)(long)(int8_t)val
		              << (val % 5 * 4)); /* any flags, numbers */
	}
}

static void
setup_pointers(uint8_t seed)
{
	for (int i = 0; i < 6; i++) {
		iov[i] = (struct iovec){buf + i * 16,
		                        (size_t)((seed + i * 7) % 64)}; /* inside buf */
		pfds[i] = (struct pollfd){.fd = (seed + i) % FDS - 2, .events = POLLIN | POLLOUT};
	}
	msg = (struct msghdr){.msg_iov = iov, .msg_iovlen = 1 + seed % 2};
}

/* a new descriptor must be the lowest free one */
static void
check_new_fd(long nr, long r, long a)
{
	if (r < 0 ||
	    !(nr == SYS_open || nr == SYS_openat || nr == SYS_socket || nr == SYS_dup ||
	      nr == SYS_accept4 || (nr == SYS_fcntl && (a == F_DUPFD || a == F_DUPFD_CLOEXEC))))
		return;
	if (nr == SYS_fcntl)
		return; /* F_DUPFD's lower bound is its argument */
	for (long fd = 0; fd < r && fd < FDS + 8; fd++)
		fuzz_must(shadow_open[fd], "a new descriptor is the lowest free one");
}

static void
shadow_refresh(void)
{
	for (int fd = 0; fd < FDS + 8; fd++) {
		struct libc_open *o;
		shadow_open[fd] = libc_fd_get(fd, &o) == 0;
		if (shadow_open[fd])
			libc_fd_put(o);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	libc_plugin_register(&fuzz_plugin);
	for (size_t at = 0; at + 8 <= size; at += 8) {
		const uint8_t *c = data + at;
		long nr = calls[c[0] % CALLS].nr;
		const char *kinds = calls[c[0] % CALLS].args;
		long a[6] = {0};
		setup_pointers(c[7]);
		for (int i = 0; i < 6 && kinds[i]; i++)
			a[i] = arg_of(kinds[i], c[1 + i]);
		shadow_refresh();
		bool served;
		long r = libc_dispatch(nr, a[0], a[1], a[2], a[3], a[4], a[5], &served);
		fuzz_must(!served || r >= -4095, "a result is a value or -errno");
		check_new_fd(nr, r, a[1]);
	}
	libc_fd_reset();
	libc_plugin_reset();
	fuzz_must(fuzz_opened == fuzz_closed,
	          "every handle is closed once, when its last descriptor goes");
	return 0;
}
