/*
 * \brief  What a base platform provides to core's generic part
 *
 * This is the porting surface of core: a new kernel implements these
 * functions in base-<kernel>/core/ and the generic part stays untouched.
 */

#ifndef _CORE__PLATFORM_H_
#define _CORE__PLATFORM_H_

#include <stddef.h>
#include <stdint.h>

#include <base/status.h>

#include "boot_modules.h"

/* write text to core's console (stdout on Linux); used by core_log only */
void platform_console_write(const char *text, size_t len);

/*
 * Fill the table with every boot module. On failure, *bad names the module
 * that could not be read and *why the reason (both static or owned by the
 * platform until core exits).
 */
status_t platform_boot_modules_scan(struct boot_modules *table, const char **bad, const char **why);

/* make a module's content readable at *addr until platform_module_unmap */
status_t platform_module_map(const struct boot_module *m, const uint8_t **addr);
void platform_module_unmap(const struct boot_module *m, const uint8_t *addr);

/* the ELF class and machine of binaries this platform runs */
unsigned platform_elf_class(void);
unsigned platform_elf_machine(void);

/*
 * Start init from the binary module and hand it the config module, then
 * serve it until it exits. Returns init's exit value; a fault of init is
 * logged by the platform and yields a negative value.
 */
int platform_run_init(const struct boot_module *binary, const struct boot_module *config);

#endif /* _CORE__PLATFORM_H_ */
