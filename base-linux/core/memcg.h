/*
 * \brief  Memory cgroups: each process's memory bounded by its RAM quota
 *         (private to base-linux/core)
 *
 * The kernel charges everything a process uses to its memory cgroup: its
 * anonymous memory and brk, memfds of its own, locked memory, the pages
 * of RAM dataspaces it touches first, page tables and kernel objects. core
 * sets each cgroup's limit to the RAM quota of the process's environment
 * RAM session plus MEMCG_ALLOWANCE, and updates it whenever that quota
 * changes. The allowance is what Linux needs beyond the quota for a
 * process of the framework that Genode would not charge to the quota
 * (page tables, kernel objects of its descriptors and threads, its binary's
 * data and stack); doc/sandbox.md gives the measurement. A process without
 * a RAM session gets the allowance only.
 */

#ifndef _BASE_LINUX__CORE__MEMCG_H_
#define _BASE_LINUX__CORE__MEMCG_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "platform.h"

enum { MEMCG_PATH_MAX = 256 };

#define MEMCG_ALLOWANCE (1024ull * 1024)

struct linux_memcg {
	bool ready; /* the parent cgroup exists: processes are bounded */
	bool v2;
	char dir[MEMCG_PATH_MAX]; /* core's parent cgroup */
};

extern struct linux_memcg linux_memcg;

/* find the controller, make core's parent cgroup; says once if it cannot */
void linux_memcg_init(void);

/* write text to / read file of cgroup dir; false with errno set on failure */
bool linux_memcg_file_write(const char *dir, const char *file, const char *text);
bool linux_memcg_file_read(const char *dir, const char *file, char *buf, size_t size);

/*
 * A cgroup for process id bounded by quota + MEMCG_ALLOWANCE; returns its
 * cgroup.procs opened for writing (OWNED by the caller, close-on-exec), -1
 * if there are no cgroups (*ok true) or it could not be made (*ok false,
 * logged with label).
 */
int linux_memcg_create(unsigned id, uint64_t quota, const char *label, bool *ok);

/* set the bound of process id's cgroup after a change of its quota */
void linux_memcg_quota(unsigned id, uint64_t quota, const char *label);

/* whether the kernel ended a process of id's cgroup for lack of memory */
bool linux_memcg_oom_killed(unsigned id);

/* the kernel's figures of id's cgroup; false if it has none */
bool linux_memcg_figures(unsigned id, struct platform_pd_memory *m);

/* remove id's cgroup once its process is gone */
void linux_memcg_remove(unsigned id);

/* at core's exit: every per-process cgroup left */
void linux_memcg_remove_all(void);

#endif /* _BASE_LINUX__CORE__MEMCG_H_ */
