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

/*
 * A limit is rewritten only when it leaves [quota + allowance, that +
 * MEMCG_HYSTERESIS], and then set to the middle of that window: a session
 * created and closed moves a few KiB of quota there and back, and needs no
 * write at all (four pwrites per process pair and session before, about a
 * tenth of bench-spawn's cycle). A process may use at most the hysteresis
 * more than quota + allowance, for as long as its quota shrank by less.
 */
#define MEMCG_HYSTERESIS (64ull * 1024)

struct linux_memcg {
	bool ready; /* the parent cgroup exists: processes are bounded */
	bool v2;
	char dir[MEMCG_PATH_MAX]; /* core's parent cgroup */
};

extern struct linux_memcg linux_memcg;

/*
 * The cgroup of one process, kept in core's record of it (pd_linux.h).
 * Its limit files stay open from its creation to its removal, and the
 * limit last written is kept: a session's donation changes the quota of
 * two processes, and an open+write+close of a cgroup file per limit was a
 * third of core's system calls per session created and closed
 * (bench-spawn). The descriptors are OWNED: closed by linux_memcg_remove.
 * On v2 only limit_fd[MEMCG_LIMIT_MEM] is used.
 */
enum { MEMCG_LIMIT_MEM, MEMCG_LIMIT_MEMSW, MEMCG_LIMIT_FILES };

struct linux_memcg_pd {
	bool made;
	unsigned id; /* the cgroup is "pd<id>" below core's parent cgroup */
	int limit_fd[MEMCG_LIMIT_FILES];
	uint64_t limit_written;
};

/* find the controller, make core's parent cgroup; says once if it cannot */
void linux_memcg_init(void);

/* write text to / read file of cgroup dir; false with errno set on failure */
bool linux_memcg_file_write(const char *dir, const char *file, const char *text);
bool linux_memcg_file_read(const char *dir, const char *file, char *buf, size_t size);

/*
 * Make m the cgroup of process id (fills *m), bounded by quota + MEMCG_ALLOWANCE; returns its
 * cgroup.procs opened for writing (OWNED by the caller, close-on-exec), -1
 * if there are no cgroups (*ok true) or it could not be made (*ok false,
 * logged with label).
 */
int linux_memcg_create(struct linux_memcg_pd *m, unsigned id, uint64_t quota, const char *label,
                       bool *ok);

/* set the bound of cgroup m (none: nothing) after a change of its quota */
void linux_memcg_quota(struct linux_memcg_pd *m, uint64_t quota, const char *label);

/* whether the kernel ended a process of cgroup m for lack of memory */
bool linux_memcg_oom_killed(const struct linux_memcg_pd *m);

/* the kernel's figures of cgroup m; false if there is none */
bool linux_memcg_figures(const struct linux_memcg_pd *m, struct platform_pd_memory *out);

/* remove cgroup m (if made) once its process is gone */
void linux_memcg_remove(struct linux_memcg_pd *m);

/* at core's exit: every per-process cgroup left */
void linux_memcg_remove_all(void);

#endif /* _BASE_LINUX__CORE__MEMCG_H_ */
