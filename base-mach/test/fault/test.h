/*
 * \brief  Shared between the files of test-mach_fault
 */

#ifndef _BASE_MACH__TEST__FAULT__TEST_H_
#define _BASE_MACH__TEST__FAULT__TEST_H_

#include <stdbool.h>

#include <mach/port.h>

/* ../core/console.c: lines, counting, the verdict through isa-debug-exit */
extern mach_port_t test_device_master;
void console_line(const char *text);
_Noreturn void verdict_exit(void);
void check(bool ok, const char *what, const char *detail);

/* the task's exception port, which stands in for core's (a receive right of ours) */
extern mach_port_t test_task_exc;

/* checks.c, run as thread "main" with the fault handler running */
void resolver_checks(void);
void passed_on_checks(void);
void overflow_checks(void);

#endif /* _BASE_MACH__TEST__FAULT__TEST_H_ */
