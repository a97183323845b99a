/*
 * \brief  Shared parts of the bootstrap test of threads, locks and the clock
 */

#ifndef _BASE_MACH__TEST__THREAD__TEST_THREAD_H_
#define _BASE_MACH__TEST__THREAD__TEST_THREAD_H_

#include <stdbool.h>
#include <stdint.h>

#include <mach/port.h>
#include <util/format.h>

/* output on the kernel's console, the verdict as QEMU's exit status */
#include "../verdict/verdict.h"

/* the checks, run by main.c on the main slot's stack */
void area_checks(void);
void lock_checks(void);
void thread_checks(void);
void wake_checks(void);
void slot_checks(void);
/* tls_checks.c: on the first stack before, on slot 0, on the first stack after */
void tls_checks_first(void);
void tls_checks_main_slot(void);
void tls_checks_after(void);

#endif /* _BASE_MACH__TEST__THREAD__TEST_THREAD_H_ */
