/*
 * \brief  One child task of test-mach_core, from start to end
 */

#ifndef _BASE_MACH__TEST__CORE__CHILD_H_
#define _BASE_MACH__TEST__CORE__CHILD_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <base/exit_reason.h>
#include <base/status.h>
#include <mach/mach_types.h>

struct child_run {
	uint32_t cmd, size;                     /* what the TASK answer says */
	mach_port_t give;                       /* the port it carries (BORROWED) */
	void (*on_done)(struct child_run *run); /* at a DONE that is not the last word */
	/* what was heard */
	bool started, ended, faulted;
	struct exit_fault fault;
	uint32_t addr, first, kr, verdict;
	const char *why;
};

kern_return_t child_ports_init(void);

/* start the image as a task and serve it until it faulted or said its last word */
status_t child_run(struct child_run *run, const uint8_t *image, size_t size);

#endif /* _BASE_MACH__TEST__CORE__CHILD_H_ */
