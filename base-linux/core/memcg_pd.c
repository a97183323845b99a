/*
 * \brief  One memory cgroup per process, bounded by its RAM quota
 *
 * core makes "pd<id>" below its parent cgroup (memcg_boot.c) before the
 * clone and sets its limit, and the new process joins it itself by
 * writing "0" to the cgroup.procs descriptor core opened (pd_spawn.c), on
 * its way to exec: the kernel charges everything of the process there
 * from its first instruction on. Swap is bounded along (memsw on v1,
 * swap.max 0 on v2) so that the limit bounds the memory, not just the
 * resident part of it.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <base/log.h>
#include <util/format.h>

#include "memcg.h"
#include "pd_linux.h"

static void
pd_dir(const struct linux_memcg_pd *m, char *dir)
{
	format_string(dir, MEMCG_PATH_MAX, "%s/pd%u", linux_memcg.dir, m->id);
}

/* the least limit of a quota; saturated rather than wrapped */
static uint64_t
limit_of(uint64_t quota)
{
	return quota > UINT64_MAX - MEMCG_ALLOWANCE ? UINT64_MAX : quota + MEMCG_ALLOWANCE;
}

/* the limit to write for quota, or the one written if it still fits (memcg.h) */
static uint64_t
limit_wanted(const struct linux_memcg_pd *m, uint64_t quota)
{
	uint64_t least = limit_of(quota);
	uint64_t most =
	        least > UINT64_MAX - MEMCG_HYSTERESIS ? UINT64_MAX : least + MEMCG_HYSTERESIS;
	if (m->limit_written >= least && m->limit_written <= most)
		return m->limit_written;
	return least > UINT64_MAX - MEMCG_HYSTERESIS / 2 ? UINT64_MAX
	                                                 : least + MEMCG_HYSTERESIS / 2;
}

static bool
limit_files_open(struct linux_memcg_pd *m, const char *dir)
{
	char path[MEMCG_PATH_MAX + 32];
	format_string(path, sizeof(path), "%s/%s", dir,
	              linux_memcg.v2 ? "memory.max" : "memory.limit_in_bytes");
	m->limit_fd[MEMCG_LIMIT_MEM] = open(path, O_WRONLY | O_CLOEXEC);
	m->limit_fd[MEMCG_LIMIT_MEMSW] = -1;
	if (linux_memcg.v2)
		return m->limit_fd[MEMCG_LIMIT_MEM] >= 0;
	format_string(path, sizeof(path), "%s/memory.memsw.limit_in_bytes", dir);
	m->limit_fd[MEMCG_LIMIT_MEMSW] = open(path, O_WRONLY | O_CLOEXEC);
	return m->limit_fd[MEMCG_LIMIT_MEM] >= 0 && m->limit_fd[MEMCG_LIMIT_MEMSW] >= 0;
}

static void
limit_files_close(struct linux_memcg_pd *m)
{
	for (unsigned f = 0; f < MEMCG_LIMIT_FILES; f++) {
		if (m->limit_fd[f] >= 0)
			close(m->limit_fd[f]);
		m->limit_fd[f] = -1;
	}
}

static bool
fd_write(int fd, const char *text)
{
	size_t n = strlen(text);
	return pwrite(fd, text, n, 0) == (ssize_t)n;
}

/* v1 needs memsw >= memory at every step: raise memsw first, lower it last */
static bool
limit_write(struct linux_memcg_pd *m, uint64_t limit)
{
	if (limit == m->limit_written)
		return true;
	char text[32];
	format_string(text, sizeof(text), "%llu", (unsigned long long)limit);
	int mem = m->limit_fd[MEMCG_LIMIT_MEM], memsw = m->limit_fd[MEMCG_LIMIT_MEMSW];
	bool ok;
	if (linux_memcg.v2)
		ok = fd_write(mem, text);
	else if (limit > m->limit_written)
		ok = fd_write(memsw, text) && fd_write(mem, text);
	else
		ok = fd_write(mem, text) && fd_write(memsw, text);
	if (ok)
		m->limit_written = limit;
	return ok;
}

/* a fresh cgroup dir; one left by a process core could not reap goes first */
static bool
pd_dir_make(const char *dir)
{
	if (mkdir(dir, 0755) == 0)
		return true;
	return errno == EEXIST && rmdir(dir) == 0 && mkdir(dir, 0755) == 0;
}

int
linux_memcg_create(struct linux_memcg_pd *m, unsigned id, uint64_t quota, const char *label,
                   bool *ok)
{
	*ok = true;
	*m = (struct linux_memcg_pd){.id = id, .limit_fd = {-1, -1}};
	if (!linux_memcg.ready)
		return -1;
	char dir[MEMCG_PATH_MAX], procs[MEMCG_PATH_MAX + 16];
	pd_dir(m, dir);
	int fd = -1;
	/* a new cgroup has no limit ("max"): the first write lowers it, memsw last */
	m->limit_written = UINT64_MAX;
	if (pd_dir_make(dir) && limit_files_open(m, dir) &&
	    limit_write(m, limit_wanted(m, quota)) &&
	    (!linux_memcg.v2 || linux_memcg_file_write(dir, "memory.swap.max", "0") ||
	     errno == ENOENT)) {
		format_string(procs, sizeof(procs), "%s/cgroup.procs", dir);
		fd = open(procs, O_WRONLY | O_CLOEXEC);
	}
	if (fd < 0) {
		log_error("PD \"%s\": cannot bound its memory by cgroup %s: %s", label, dir,
		          strerror(errno));
		limit_files_close(m);
		(void)rmdir(dir);
		*ok = false;
		return -1;
	}
	m->made = true;
	return fd;
}

void
linux_memcg_quota(struct linux_memcg_pd *m, uint64_t quota, const char *label)
{
	if (!m->made)
		return;
	/* v1 refuses a limit below the usage it cannot reclaim: the old one holds */
	uint64_t limit = limit_wanted(m, quota);
	if (!limit_write(m, limit))
		log_warning("PD \"%s\": memory limit %llu not applied: %s", label,
		            (unsigned long long)limit, strerror(errno));
}

/* the number after key in a "key value" file, 0 if absent */
static uint64_t
keyed_value(const char *dir, const char *file, const char *key)
{
	char buf[1024];
	if (!linux_memcg_file_read(dir, file, buf, sizeof(buf)))
		return 0;
	size_t n = strlen(key);
	for (const char *p = buf; p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL)
		if (strncmp(p, key, n) == 0 && p[n] == ' ')
			return strtoull(p + n + 1, NULL, 10);
	return 0;
}

static uint64_t
value_of(const char *dir, const char *file)
{
	char buf[32];
	if (!linux_memcg_file_read(dir, file, buf, sizeof(buf)))
		return 0;
	return strncmp(buf, "max", 3) == 0 ? UINT64_MAX : strtoull(buf, NULL, 10);
}

/* the kernel's count of OOM kills in the cgroup at dir */
static uint64_t
oom_kills_of(const char *dir)
{
	return keyed_value(dir, linux_memcg.v2 ? "memory.events" : "memory.oom_control",
	                   "oom_kill");
}

/* at a reap only the OOM count matters: one file, not the report's four */
bool
linux_memcg_oom_killed(const struct linux_memcg_pd *m)
{
	if (!m->made)
		return false;
	char dir[MEMCG_PATH_MAX];
	pd_dir(m, dir);
	return oom_kills_of(dir) > 0;
}

bool
linux_memcg_figures(const struct linux_memcg_pd *m, struct platform_pd_memory *out)
{
	if (!m->made)
		return false;
	char dir[MEMCG_PATH_MAX];
	pd_dir(m, dir);
	bool v2 = linux_memcg.v2;
	out->limit = value_of(dir, v2 ? "memory.max" : "memory.limit_in_bytes");
	out->usage = value_of(dir, v2 ? "memory.current" : "memory.usage_in_bytes");
	out->peak = value_of(dir, v2 ? "memory.peak" : "memory.max_usage_in_bytes");
	out->oom_kills = oom_kills_of(dir);
	return true;
}

void
linux_memcg_remove(struct linux_memcg_pd *m)
{
	if (!m->made)
		return;
	char dir[MEMCG_PATH_MAX];
	pd_dir(m, dir);
	limit_files_close(m);
	/* the process is reaped; its threads are gone with it (no fork in the sandbox) */
	if (rmdir(dir) != 0)
		log_warning("core: cannot remove memory cgroup %s: %s", dir, strerror(errno));
	m->made = false;
}

void
linux_memcg_remove_all(void)
{
	for (struct linux_pd *p = linux_pd_first(); p; p = p->next)
		linux_memcg_remove(&p->memcg);
}
