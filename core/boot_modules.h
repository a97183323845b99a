/*
 * \brief  The table of boot modules core serves as ROM modules
 *
 * The platform fills the table at boot (on Linux: every file of the boot
 * directory); core's ROM service later hands out their content. A module is
 * known by its name and a platform handle (a file descriptor on Linux, a
 * physical range on a microkernel).
 */

#ifndef _CORE__BOOT_MODULES_H_
#define _CORE__BOOT_MODULES_H_

#include <stdint.h>

#include <base/status.h>

enum { BOOT_MODULE_NAME_MAX = 64, BOOT_MODULES_MAX = 256 };

struct boot_module {
	char name[BOOT_MODULE_NAME_MAX];
	uint64_t size;
	long handle; /* owned by the table; platform-defined meaning */
};

struct boot_modules {
	struct boot_module module[BOOT_MODULES_MAX];
	unsigned count;
};

void boot_modules_init(struct boot_modules *table);

/* STATUS_OUT_OF_MEMORY when full or the name is too long, STATUS_CONFLICT if known */
status_t boot_modules_add(struct boot_modules *table, const char *name, uint64_t size, long handle);

/* NULL when there is no module of that name; the table keeps ownership */
const struct boot_module *boot_modules_find(const struct boot_modules *table, const char *name);

#endif /* _CORE__BOOT_MODULES_H_ */
