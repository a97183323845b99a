/*
 * \brief  core's Linux state of a process it created (private to base-linux/core)
 */

#ifndef _BASE_LINUX__CORE__PD_LINUX_H_
#define _BASE_LINUX__CORE__PD_LINUX_H_

#include <sys/types.h>

#include "core_service.h"
#include "platform.h"

enum { PD_PROCESSES_MAX = 128, STRAY_LINE_MAX = 400 };

struct line_buf {
	char buf[STRAY_LINE_MAX];
	size_t len;
};

/*
 * A process is connected to core by its pidfd, readable once it has
 * ended, and one pipe, its stdout/stderr, which carries only stray
 * output (its log lines go to its LOG session). Both are watched by
 * core's entrypoint, so output and end are handled between RPC calls.
 */
struct linux_pd {
	bool used;
	bool ended;  /* reaped; on_end was called */
	bool pid_ns; /* the process is the init of a PID namespace of its own */
	pid_t pid;
	int pidfd, out_fd;
	uint64_t pid_watch, out_watch;
	struct entrypoint *ep;
	char label[CORE_LABEL_MAX];
	struct line_buf out;
	platform_pd_end_fn on_end;
	void *ctx;
};

_Static_assert(sizeof(struct linux_pd) <= PLATFORM_PD_META_MAX, "PD metadata exceeds its charge");

extern struct linux_pd linux_pds[PD_PROCESSES_MAX];

/*
 * clone and exec p's process from binary (a descriptor); out_w becomes its
 * stdout/stderr; it joins the memory cgroup of memcg_procs (its
 * cgroup.procs, -1: none) before exec. All three BORROWED.
 */
status_t linux_pd_spawn(struct linux_pd *p, const struct platform_pd_start *start, int binary,
                        int out_w, int memcg_procs);

/* watch p's pidfd and pipe at p->ep */
status_t linux_pd_watch(struct linux_pd *p);

/* stop watching, close p's descriptors */
void linux_pd_unwatch(struct linux_pd *p);

/* read what the pipe holds now; returns false once the writer closed it */
bool stray_drain(struct linux_pd *p);

/* log what is left in the buffer, e.g. a last line without newline */
void stray_flush(struct linux_pd *p);

/* the nice value of platform priority prio of 0 .. limit (cpu_priority.c) */
int linux_nice_of(uint32_t prio, uint32_t limit);

/* children start without sandbox (core's --no-sandbox), and so do theirs */
void linux_pd_sandbox_off(void);

#endif /* _BASE_LINUX__CORE__PD_LINUX_H_ */
