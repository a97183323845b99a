/*
 * \brief  Boot modules on Linux: every file of core's working directory
 *
 * Following Genode's base-linux convention, core is started inside the boot
 * directory and serves each file there as a ROM module. Each module is held
 * open by core for its whole life, so a module replaced on disk afterwards
 * does not change what components see.
 */

#define _GNU_SOURCE
#include <dirent.h>
#include <elf.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
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

	int fd = open(name, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return fail(name, strerror(errno), bad, why);

	status_t s = boot_modules_add(table, name, (uint64_t)st.st_size, fd);
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
