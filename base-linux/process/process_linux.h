/*
 * \brief  Linux state of a child process (private to the process library)
 */

#ifndef _BASE_LINUX__PROCESS__PROCESS_LINUX_H_
#define _BASE_LINUX__PROCESS__PROCESS_LINUX_H_

#include <sys/types.h>

#include <base/process.h>

enum { RELAY_LINE_MAX = 400 };

struct line_buf {
	char buf[RELAY_LINE_MAX];
	size_t len;
};

/*
 * A child is connected by two pipes: its stdout/stderr carries its own log
 * lines, its fd 3 carries lines it relays for its descendants, each as
 * "chain<TAB>text". The pidfd becomes readable when the child has ended.
 */
struct process {
	bool used;
	unsigned generation; /* tells a reused slot from its former occupant */
	char name[PROCESS_NAME_MAX];
	pid_t pid;
	int pidfd, out_fd, relay_fd;
	struct line_buf out, relay;
	process_exit_fn on_exit;
	void *ctx;
};

extern struct process process_table[PROCESS_MAX];

/* the descriptor on which a component relays its descendants' lines */
enum { PROCESS_RELAY_FD = 3 };

/* read what fd holds now; returns false once the writer closed it */
bool relay_drain(struct process *p, int fd, struct line_buf *b, bool relayed);

/* deliver what is left in both buffers, e.g. a last line without newline */
void relay_flush(struct process *p);

#endif /* _BASE_LINUX__PROCESS__PROCESS_LINUX_H_ */
