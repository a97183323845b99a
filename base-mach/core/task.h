/*
 * \brief  Tasks core creates: an ELF image loaded into a new task, its main thread
 *
 * doc/platform-mach.md, "Processes": core loads the binary itself (the
 * kernel has no loader), gives the task a copy of the parent capability
 * as its bootstrap port and one of core's ports as its exception port,
 * and starts the main thread at the entry with an empty argv (what _start
 * of base-mach/rt expects: argc 0, argv NULL, envp NULL).
 */

#ifndef _BASE_MACH__CORE__TASK_H_
#define _BASE_MACH__CORE__TASK_H_

#include <stddef.h>
#include <stdint.h>

#include <base/status.h>
#include <mach/mach_types.h>

enum { TASK_STACK_SIZE = 64 * 1024 };

/*
 * Load the static ELF32 executable image (size bytes, BORROWED) into the
 * empty task: each PT_LOAD at its address, file bytes then zeros, with the
 * segment's protection. *entry is its entry point. STATUS_DENIED with *why
 * if the image is no executable for i386 or its segments overlap or lie
 * where the task cannot have them; STATUS_OUT_OF_MEMORY if the kernel
 * refused memory.
 */
status_t task_elf_load(mach_port_t task, const uint8_t *image, size_t size, vm_address_t *entry,
                       const char **why);

/*
 * Give the task its ports and start its main thread at entry on a fresh
 * stack. bootstrap (BORROWED; a send right core holds) is copied to the
 * task as TASK_BOOTSTRAP_PORT; exc (BORROWED; a receive right of core's)
 * becomes its exception port. *thread is the main thread's port (OWNED).
 * STATUS_OUT_OF_MEMORY if the kernel refused.
 */
status_t task_main_start(mach_port_t task, vm_address_t entry, mach_port_t bootstrap,
                         mach_port_t exc, mach_port_t *thread);

/*
 * Both, on a task made here (*task OWNED: task_terminate and deallocate
 * it); errors as above, the task already gone.
 */
status_t task_spawn(const uint8_t *image, size_t size, mach_port_t bootstrap, mach_port_t exc,
                    mach_port_t *task, const char **why);

#endif /* _BASE_MACH__CORE__TASK_H_ */
