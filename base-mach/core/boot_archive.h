/*
 * \brief  Reading a boot-module archive (boot_archive_mach.h)
 */

#ifndef _BASE_MACH__CORE__BOOT_ARCHIVE_H_
#define _BASE_MACH__CORE__BOOT_ARCHIVE_H_

#include <stddef.h>

#include "boot_modules.h"

/*
 * Check every field of the archive of size bytes at base (page-aligned)
 * and add each module to table, its handle the entry's index.
 * STATUS_INVALID_ARGS with *bad naming the entry (or "boot archive") and
 * *why the reason; *bad stays valid until the next call.
 */
status_t boot_archive_scan(const char *base, size_t size, struct boot_modules *table,
                           const char **bad, const char **why);

#endif /* _BASE_MACH__CORE__BOOT_ARCHIVE_H_ */
