/*
 * \brief  test-hostile-memory: memory taken behind core's back
 *
 * Each attack takes 4 x the quota by a path that needs no RAM session:
 * anonymous memory, the heap's brk, a memfd of its own, locked memory.
 * If core's bound holds, the kernel refuses (an error: counted as
 * refused) or ends the process (init reports it; the run script counts
 * it). Reaching the end is the defect: logged as NOT refused.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <base/log.h>
#include <util/format.h>

#include "hostile.h"

enum { PAGE = 4096, CHUNK = 64 * 1024 };

/* write to every page: memory counts once it is touched */
static void
touch(char *p, size_t len)
{
	for (size_t i = 0; i < len; i += PAGE)
		((volatile char *)p)[i] = 1;
}

static void
report_taken(const char *what, size_t len)
{
	char detail[64];
	format_string(detail, sizeof(detail), "%zu bytes taken and touched", len);
	hostile_attempt(what, false, detail);
}

static void
grab_anon(size_t len)
{
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		hostile_attempt("anonymous memory", true, strerror(errno));
		return;
	}
	touch(p, len);
	report_taken("anonymous memory", len);
}

static void
grab_brk(size_t len)
{
	char *start = (char *)syscall(SYS_brk, 0);
	char *end = (char *)syscall(SYS_brk, start + len);
	if (end != start + len) {
		hostile_attempt("brk", true, "break not moved");
		return;
	}
	touch(start, len);
	report_taken("brk", len);
}

static void
grab_memfd(size_t len)
{
	static char chunk[CHUNK];
	memset(chunk, 1, sizeof(chunk));
	int fd = memfd_create("grab", MFD_CLOEXEC);
	if (fd < 0) {
		hostile_attempt("memfd of its own", true, strerror(errno));
		return;
	}
	for (size_t done = 0; done < len; done += CHUNK)
		if (write(fd, chunk, CHUNK) != CHUNK) {
			hostile_attempt("memfd of its own", true, strerror(errno));
			return;
		}
	report_taken("memfd of its own", len);
}

static void
grab_locked(size_t len)
{
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
	               MAP_PRIVATE | MAP_ANONYMOUS | MAP_LOCKED | MAP_POPULATE, -1, 0);
	if (p == MAP_FAILED) {
		hostile_attempt("MAP_LOCKED memory", true, strerror(errno));
		return;
	}
	touch(p, len);
	report_taken("MAP_LOCKED memory", len);
}

static void
grab_mlock(size_t len)
{
	char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED || mlock(p, len) != 0) {
		hostile_attempt("mlock", true, strerror(errno));
		return;
	}
	report_taken("mlock", len);
}

bool
hostile_grab(struct env *env, const char *name)
{
	static const struct {
		const char *name;
		void (*fn)(size_t);
	} grabs[] = {{"anon", grab_anon},
	             {"brk", grab_brk},
	             {"memfd", grab_memfd},
	             {"locked", grab_locked},
	             {"mlock", grab_mlock}};
	for (size_t i = 0; i < sizeof(grabs) / sizeof(grabs[0]); i++) {
		if (strcmp(grabs[i].name, name) != 0)
			continue;
		size_t len = hostile_target(env);
		log_print("grabbing %zu bytes: %s", len, name);
		grabs[i].fn(len);
		return true;
	}
	return false;
}
