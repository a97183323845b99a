/*
 * \brief  The boot-module archive linked into core's image on GNU Mach
 *
 * GNU Mach's boot script loads only ELF tasks, so the run tool packs every
 * boot module (config, init, the other binaries) into one archive and
 * links it into core (tool/run, run::mach): the bytes lie between
 * _boot_modules_start and _boot_modules_end, page-aligned, read-only.
 *
 * Layout (all numbers little-endian uint32):
 *   header: magic BOOT_ARCHIVE_MAGIC, version 1, count, 0
 *   count entries of struct boot_archive_entry, right after the header
 *   module data, each at a multiple of 4096 from the archive's start
 * A module's name is NUL-terminated within its 56 bytes. core checks
 * every field against the archive's size before it believes it.
 */

#ifndef _BASE_MACH__INCLUDE__BOOT_ARCHIVE_MACH_H_
#define _BASE_MACH__INCLUDE__BOOT_ARCHIVE_MACH_H_

#include <stdint.h>

#define BOOT_ARCHIVE_MAGIC 0x41424347u /* "GCBA" */

enum {
	BOOT_ARCHIVE_VERSION = 1,
	BOOT_ARCHIVE_NAME_MAX = 56,
	BOOT_ARCHIVE_ALIGN = 4096,
};

struct boot_archive_header {
	uint32_t magic, version, count, reserved;
};

struct boot_archive_entry {
	char name[BOOT_ARCHIVE_NAME_MAX];
	uint32_t offset, size;
};

extern const char _boot_modules_start[], _boot_modules_end[];

#endif /* _BASE_MACH__INCLUDE__BOOT_ARCHIVE_MACH_H_ */
