/*
 * \brief  C runtime: standard input, output and error on the LOG
 *
 * Descriptors 0, 1 and 2 exist from the start. What a program writes to
 * stdout or stderr goes to the component's LOG session line by line
 * (core shows it as "[label] text"); a line without its newline waits
 * until the newline, a full buffer, or exit. stdin is at its end. The
 * LOG is a console: isatty says so (TIOCGWINSZ answers 80x25), so musl
 * flushes stdout at each line, as a terminal would.
 */

#include <errno.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>

#include <base/lock.h>
#include <base/log.h>

#include <libc-plugin/plugin.h>

#include "libc_env.h"

enum { LINE_MAX_LEN = 200 };

struct libc_file {
	struct lock lock;
	char line[LINE_MAX_LEN];
	size_t len;
};

static struct libc_file files[3] = {
        {.lock = LOCK_INIT_UNLOCKED}, {.lock = LOCK_INIT_UNLOCKED}, {.lock = LOCK_INIT_UNLOCKED}};

static void
line_flush(struct libc_file *f)
{
	log_print("%.*s", (int)f->len, f->line);
	f->len = 0;
}

static long
log_write(struct libc_file *f, const void *buf, size_t len)
{
	if (f == &files[0])
		return -EBADF;
	const char *p = buf;
	lock_acquire(&f->lock);
	for (size_t i = 0; i < len; i++) {
		if (p[i] == '\n' || f->len == LINE_MAX_LEN)
			line_flush(f);
		if (p[i] != '\n')
			f->line[f->len++] = p[i];
	}
	lock_release(&f->lock);
	return (long)len;
}

static long
log_read(struct libc_file *f, void *buf, size_t len)
{
	return f == &files[0] ? 0 : -EBADF;
}

static long
log_ioctl(struct libc_file *f, unsigned long request, void *arg)
{
	if (request != TIOCGWINSZ)
		return -ENOTTY;
	*(struct winsize *)arg = (struct winsize){.ws_row = 25, .ws_col = 80};
	return 0;
}

static long
log_fstat(struct libc_file *f, struct stat *st)
{
	st->st_mode = S_IFCHR | 0620;
	st->st_blksize = LINE_MAX_LEN;
	return 0;
}

/* the last descriptor of stdout or stderr is gone: what is pending is shown */
static void
log_close(struct libc_file *f)
{
	lock_acquire(&f->lock);
	if (f->len)
		line_flush(f);
	lock_release(&f->lock);
}

static const struct libc_plugin log_plugin = {
        .name = "log",
        .close = log_close,
        .read = log_read,
        .write = log_write,
        .ioctl = log_ioctl,
        .fstat = log_fstat,
};

void
libc_log_plugin_init(void)
{
	for (int fd = 0; fd < 3; fd++)
		if (libc_plugin_fd_install(&log_plugin, &files[fd], fd) < 0)
			log_error("libc: descriptor %d is taken before the LOG plugin starts", fd);
}

/* at exit: a last line without its newline is not lost */
void libc_log_flush(void);

void
libc_log_flush(void)
{
	log_close(&files[1]);
	log_close(&files[2]);
}
