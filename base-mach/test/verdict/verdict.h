/*
 * \brief  Output and verdict of a bootstrap test task on GNU Mach
 *
 * A bootstrap task has the kernel's console (through the device master
 * port of its boot script) and ends QEMU through isa-debug-exit
 * (tool/mach_qemu, tool/test_mach).
 */

#ifndef _BASE_MACH__TEST__VERDICT__VERDICT_H_
#define _BASE_MACH__TEST__VERDICT__VERDICT_H_

#include <stdbool.h>

#include <mach/port.h>
#include <util/format.h>

/* open the console; the platform's own warnings go there too */
void console_open(mach_port_t device_master);

/* one line on the console */
void say(const char *fmt, ...) FORMAT_PRINTF(1, 2);

/* count one check and print it with its details */
void check(bool ok, const char *what, const char *fmt, ...) FORMAT_PRINTF(3, 4);

/* "<name>: N passed, M failed", then end QEMU with the verdict */
_Noreturn void verdict(const char *name);

#endif /* _BASE_MACH__TEST__VERDICT__VERDICT_H_ */
