/*
 * \brief  Linux state of a child process (private to the process library)
 */

#ifndef _BASE_LINUX__PROCESS__PROCESS_LINUX_H_
#define _BASE_LINUX__PROCESS__PROCESS_LINUX_H_

#include <sys/types.h>

#include <base/process.h>
#include <base/process_linux.h>

enum { STRAY_LINE_MAX = 400 };

struct line_buf {
	char buf[STRAY_LINE_MAX];
	size_t len;
};

/*
 * A child is connected by one pipe, its stdout/stderr, which carries only
 * stray output (its log lines go to its LOG session). The pidfd becomes
 * readable when the child has ended.
 */
struct process {
	bool used;
	unsigned generation; /* tells a reused slot from its former occupant */
	char name[PROCESS_NAME_MAX];
	pid_t pid;
	int pidfd, out_fd;
	struct line_buf out;
	process_exit_fn on_exit;
	void *ctx;
};

extern struct process process_table[PROCESS_MAX];

/* read what fd holds now; returns false once the writer closed it */
bool stray_drain(struct process *p);

/* deliver what is left in the buffer, e.g. a last line without newline */
void stray_flush(struct process *p);

#endif /* _BASE_LINUX__PROCESS__PROCESS_LINUX_H_ */
