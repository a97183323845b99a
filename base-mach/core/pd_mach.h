/*
 * \brief  core's state of one task it created on GNU Mach
 *
 * Per process, in a block of core's heap that the PD service pays for
 * (PLATFORM_PD_META_MAX). Three receive rights of core's hear the task:
 * its exception port (a fault), a dead-name notification of its task
 * port (an end by itself), and its stray output (stray_log_mach.h), all at
 * core's entrypoint.
 */

#ifndef _BASE_MACH__CORE__PD_MACH_H_
#define _BASE_MACH__CORE__PD_MACH_H_

#include <base/ep_mach.h>

#include "core_service.h"
#include "platform.h"

struct mach_pd {
	struct mach_pd *next;         /* core's list of its tasks */
	unsigned id;                  /* never reused while the task's record lives */
	bool ended;                   /* on_end was called */
	bool forgery_told;            /* a bad exception message was logged */
	mach_port_t task;             /* OWNED send right to the task's kernel port */
	mach_port_t exc, dead, stray; /* OWNED receive rights */
	struct ep_port_watch *exc_w, *dead_w, *stray_w; /* at ep, NULL: not heard */
	struct entrypoint *ep;
	platform_pd_end_fn on_end;
	void *ctx;
	unsigned mach_prio;            /* 0: the kernel's default */
	struct platform_pd_memory mem; /* its bound and what the watch saw (pd_memory.c) */
	uint64_t image_size;           /* its binary's, part of the bound */
	uint64_t ports, threads;       /* as last counted (pd_memory.c) */
	char label[CORE_LABEL_MAX];
};

_Static_assert(sizeof(struct mach_pd) <= PLATFORM_PD_META_MAX, "PD metadata exceeds its charge");

/* the task with this id, or NULL; the list of all (pd.c) */
struct mach_pd *mach_pd_find(unsigned id);
struct mach_pd *mach_pd_first(void);

/* report p's end once (later reports are dropped) */
void mach_pd_end_report(struct mach_pd *p, struct exit_fault fault);

/*
 * bound p's memory by its RAM quota and its image's size from now on
 * (pd_memory.c); STATUS_OUT_OF_MEMORY
 */
status_t mach_pd_memory_watch(struct mach_pd *p, uint64_t ram_quota, uint64_t image_size);

/* the task's port names and threads (pd_kernel_objects.c); false if unknown */
bool mach_pd_port_names(const struct mach_pd *p, uint64_t *count);
bool mach_pd_threads(const struct mach_pd *p, uint64_t *count);

/* hear p's three ports at p->ep; STATUS_OUT_OF_MEMORY */
status_t mach_pd_watch(struct mach_pd *p);

/* stop hearing them (on ep's thread) */
void mach_pd_unwatch(struct mach_pd *p);

/* the kernel priority for prio of 0 .. limit, larger more urgent (0: none) */
unsigned mach_pd_priority(uint32_t prio, uint32_t limit);

#endif /* _BASE_MACH__CORE__PD_MACH_H_ */
