/*
 * \brief  C runtime: read-only files from ROM sessions
 *
 * The component's config names the files, each one a ROM module:
 *
 *   <config> <libc> <rom name="greeting.txt"/>
 *                   <rom name="table" path="/etc/table"/> </libc> </config>
 *
 * The path defaults to "/" followed by the name. Opening such a path
 * opens a ROM session (paid from this component's quota, as every
 * session is) and maps its dataspace; read, lseek and fstat work on the
 * mapping; the session is closed with the last descriptor. Writing is
 * EBADF, creating or opening for writing EROFS; a path not named is ENOENT.
 */

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <base/lock.h>
#include <base/log.h>
#include <parent/client.h>
#include <rom_session/connection.h>
#include <util/node.h>

#include <libc-plugin/plugin.h>

#include "libc_env.h"
#include "rom_config.h"

struct libc_file {
	rom_session_cap_t rom;
	const char *data;
	size_t size;
	size_t pos;
	struct lock lock;
};

static struct env *rom_env;
static struct rom_entry *entries;

static const struct rom_entry *
entry_find(const char *path)
{
	for (const struct rom_entry *e = entries; e; e = e->next)
		if (strcmp(e->path, path) == 0)
			return e;
	return NULL;
}

static bool
rom_supports(const char *path)
{
	return entry_find(path) != NULL;
}

static long
rom_open(const char *path, int flags, struct libc_file **out)
{
	const struct rom_entry *e = entry_find(path);
	if (!e)
		return -ENOENT;
	if ((flags & O_ACCMODE) != O_RDONLY || (flags & (O_CREAT | O_TRUNC)))
		return -EROFS;
	struct libc_file *f = calloc(1, sizeof(*f));
	if (!f)
		return -ENOMEM;
	dataspace_cap_t ds = CAP_TYPED_INVALID(dataspace_cap_t);
	status_t s = rom_connection_open(env_parent(rom_env), e->name, &f->rom);
	if (s == STATUS_OK)
		s = rom_session_dataspace(f->rom, &ds);
	if (s == STATUS_OK)
		s = dataspace_map_readonly(ds, &f->data, &f->size);
	if (s != STATUS_OK) {
		log_warning("libc: ROM module \"%s\" for %s is not available", e->name, path);
		if (cap_valid(cap_raw(f->rom))) {
			(void)parent_close(env_parent(rom_env), cap_raw(f->rom));
			cap_close(cap_raw(f->rom));
		}
		free(f);
		return -ENOENT;
	}
	lock_init(&f->lock, false);
	*out = f;
	return 0;
}

static void
rom_close(struct libc_file *f)
{
	dataspace_unmap((void *)f->data, f->size);
	(void)parent_close(env_parent(rom_env), cap_raw(f->rom));
	cap_close(cap_raw(f->rom));
	free(f);
}

static long
rom_read(struct libc_file *f, void *buf, size_t len)
{
	lock_acquire(&f->lock);
	size_t left = f->pos < f->size ? f->size - f->pos : 0;
	size_t n = len < left ? len : left;
	memcpy(buf, f->data + f->pos, n);
	f->pos += n;
	lock_release(&f->lock);
	return (long)n;
}

static long
rom_lseek(struct libc_file *f, int64_t offset, int whence)
{
	lock_acquire(&f->lock);
	int64_t base = whence == SEEK_SET   ? 0
	               : whence == SEEK_CUR ? (int64_t)f->pos
	                                    : (int64_t)f->size;
	long r = -EINVAL;
	if ((whence == SEEK_SET || whence == SEEK_CUR || whence == SEEK_END) &&
	    base + offset >= 0) {
		f->pos = (size_t)(base + offset);
		r = (long)f->pos;
	}
	lock_release(&f->lock);
	return r;
}

static long
rom_fstat(struct libc_file *f, struct stat *st)
{
	st->st_mode = S_IFREG | 0444;
	st->st_size = (off_t)f->size;
	st->st_blksize = 4096;
	st->st_blocks = (blkcnt_t)((f->size + 511) / 512);
	st->st_nlink = 1;
	return 0;
}

static const struct libc_plugin rom_plugin = {
        .name = "rom",
        .supports_path = rom_supports,
        .open = rom_open,
        .close = rom_close,
        .read = rom_read,
        .lseek = rom_lseek,
        .fstat = rom_fstat,
};

void
libc_rom_plugin_init(struct env *env)
{
	rom_env = env;
	entries = libc_rom_config_read(env);
	if (entries)
		libc_plugin_register(&rom_plugin);
}
