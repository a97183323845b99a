/*
 * \brief  Boot modules on Linux: every file of core's working directory
 *
 * Following Genode's base-linux convention, core is started inside the boot
 * directory and serves each file there as a ROM module. Each file's content
 * is copied at boot into a sealed memfd (no write, grow, shrink or further
 * seals) that core keeps for its whole life, like the image a boot loader
 * hands a microkernel: a file truncated or rewritten on disk afterwards
 * neither faults core (a truncated file mapping would raise SIGBUS in core)
 * nor changes what components see. core keeps only a read-only descriptor
 * of each copy, which is what components get.
 */

#define _GNU_SOURCE
#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <stdio.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <util/string.h>

#include "platform.h"

/* the name of a module that failed, valid after the directory is closed */
static char bad_name[BOOT_MODULE_NAME_MAX];

static status_t
fail(const char *name, const char *reason, const char **bad, const char **why)
{
	str_copy(bad_name, name, sizeof(bad_name));
	*bad = bad_name;
	*why = reason;
	return STATUS_INVALID_ARGS;
}

enum { COPY_CHUNK = 64 * 1024 };

/*
 * Copy at most limit bytes (the size stat saw): a file that grows while
 * core copies it, e.g. a log written into the boot directory, must not
 * keep core's boot going forever. *size is what was copied.
 */
static bool
copy_all(int from, int to, uint64_t limit, uint64_t *size)
{
	static char buf[COPY_CHUNK]; /* core's boot is single-threaded */
	*size = 0;
	while (*size < limit) {
		size_t want = limit - *size < sizeof(buf) ? (size_t)(limit - *size) : sizeof(buf);
		ssize_t n = read(from, buf, want);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return n == 0;
		for (ssize_t done = 0; done < n;) {
			ssize_t w = write(to, buf + done, (size_t)(n - done));
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0)
				return false;
			done += w;
		}
		*size += (uint64_t)n;
	}
	return true;
}

/* the only access anybody keeps: a read-only description of the sealed copy */
static int
reopen_readonly(int memfd)
{
	char path[64];
	snprintf(path, sizeof(path), "/proc/self/fd/%d", memfd);
	return open(path, O_RDONLY | O_CLOEXEC);
}

/* the content of file fd (up to limit bytes) as a sealed memfd, read-only; -1 with errno */
static int
module_snapshot(const char *name, int fd, uint64_t limit, uint64_t *size)
{
	int copy = memfd_create(name, MFD_CLOEXEC | MFD_ALLOW_SEALING);
	if (copy < 0)
		return -1;
	int ro = -1;
	if (copy_all(fd, copy, limit, size) &&
	    fcntl(copy, F_ADD_SEALS, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL) == 0)
		ro = reopen_readonly(copy);
	int err = errno;
	close(copy);
	errno = err;
	return ro;
}

static status_t
add_module(struct boot_modules *table, const char *name, const char **bad, const char **why)
{
	struct stat st;
	if (stat(name, &st) != 0)
		return fail(name, strerror(errno), bad, why);
	if (S_ISDIR(st.st_mode))
		return STATUS_OK; /* sub-directories are no modules */
	if (!S_ISREG(st.st_mode))
		return fail(name, "not a regular file", bad, why);

	int file = open(name, O_RDONLY | O_CLOEXEC);
	if (file < 0)
		return fail(name, strerror(errno), bad, why);
	uint64_t size = 0;
	int fd = module_snapshot(name, file, (uint64_t)st.st_size, &size);
	int err = errno;
	close(file);
	if (fd < 0)
		return fail(name, strerror(err), bad, why);

	status_t s = boot_modules_add(table, name, size, fd);
	if (s != STATUS_OK) {
		close(fd);
		return fail(name,
		            s == STATUS_OUT_OF_MEMORY ? "too many modules or name too long"
		                                      : status_name(s),
		            bad, why);
	}
	return STATUS_OK;
}

status_t
platform_boot_modules_scan(struct boot_modules *table, const char **bad, const char **why)
{
	DIR *dir = opendir(".");
	if (!dir)
		return fail(".", strerror(errno), bad, why);

	status_t s = STATUS_OK;
	for (struct dirent *e; s == STATUS_OK && (e = readdir(dir));) {
		if (e->d_name[0] == '.')
			continue;
		s = add_module(table, e->d_name, bad, why);
	}
	closedir(dir);
	return s;
}

status_t
platform_module_map(const struct boot_module *m, const uint8_t **addr)
{
	if (m->size == 0) {
		static const uint8_t empty[1];
		*addr = empty;
		return STATUS_OK;
	}
	void *p = mmap(NULL, (size_t)m->size, PROT_READ, MAP_PRIVATE, (int)m->handle, 0);
	if (p == MAP_FAILED)
		return STATUS_OUT_OF_MEMORY;
	*addr = p;
	return STATUS_OK;
}

void
platform_module_unmap(const struct boot_module *m, const uint8_t *addr)
{
	if (m->size)
		munmap((void *)addr, (size_t)m->size);
}

status_t
platform_module_backing(const struct boot_module *m, cap_t *backing)
{
	int fd = fcntl((int)m->handle, F_DUPFD_CLOEXEC, 0);
	if (fd < 0)
		return STATUS_OUT_OF_MEMORY;
	backing->sel = fd;
	return STATUS_OK;
}

unsigned
platform_elf_class(void)
{
	return sizeof(void *) == 8 ? ELFCLASS64 : ELFCLASS32;
}

unsigned
platform_elf_machine(void)
{
	return sizeof(void *) == 8 ? EM_X86_64 : EM_386;
}
