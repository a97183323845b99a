/*
 * \brief  Recognising core's own binary among the boot modules
 *
 * core started as a component would be a second core: it reads the boot
 * directory and the config again and starts the whole tree anew, once
 * per level (issue #11: 27 levels in 4 s). Confined it could do nothing
 * of that, but it is refused anyway, by content: the module is compared
 * with /proc/self/exe, so that a copy under another name is refused too.
 * The comparison happens at each start, on the module's descriptor, i.e.
 * on what would be executed; a module of another size costs one fstat.
 */

#define _GNU_SOURCE
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <base/log.h>

#include "pd_linux.h"

/* whether the two mappable files hold the same bytes */
static bool
same_content(int a, int b, size_t size)
{
	void *pa = mmap(NULL, size, PROT_READ, MAP_PRIVATE, a, 0);
	void *pb = mmap(NULL, size, PROT_READ, MAP_PRIVATE, b, 0);
	bool same = pa != MAP_FAILED && pb != MAP_FAILED && memcmp(pa, pb, size) == 0;
	bool unreadable = pa == MAP_FAILED || pb == MAP_FAILED;
	if (unreadable)
		log_error("cannot compare a module with core's own binary: cannot map it");
	if (pa != MAP_FAILED)
		munmap(pa, size);
	if (pb != MAP_FAILED)
		munmap(pb, size);
	return same || unreadable; /* what cannot be compared is not started */
}

bool
linux_core_image_is(int fd)
{
	static int self = -1;
	if (self < 0)
		self = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
	struct stat mine, st;
	if (self < 0 || fstat(self, &mine) != 0 || fstat(fd, &st) != 0) {
		log_error("cannot compare a module with core's own binary: no /proc/self/exe");
		return true;
	}
	if (st.st_dev == mine.st_dev && st.st_ino == mine.st_ino)
		return true;
	if (st.st_size != mine.st_size || st.st_size == 0)
		return false;
	return same_content(self, fd, (size_t)st.st_size);
}
