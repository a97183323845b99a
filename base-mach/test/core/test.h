/*
 * \brief  Shared between the files of test-mach_core
 */

#ifndef _BASE_MACH__TEST__CORE__TEST_H_
#define _BASE_MACH__TEST__CORE__TEST_H_

#include <stdbool.h>

#include <mach/mach_types.h>

/* register core as default memory manager and start the pager thread */
kern_return_t pager_start(mach_port_t host_priv);

/* objects the kernel created at the default manager (memory_object_create) */
extern volatile unsigned test_default_objects;

extern mach_port_t test_device_master;

/* the checks of archive.c and tasks.c */
void archive_broken_checks(void);
void main_checks(void);

void console_line(const char *text);
_Noreturn void verdict_exit(void);
void check(bool ok, const char *what, const char *detail);

#endif /* _BASE_MACH__TEST__CORE__TEST_H_ */
