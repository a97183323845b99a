/*
 * \brief  test-forbidden: a component that reaches past its capabilities
 *
 * It tries to open /etc/passwd, the one thing a component on Linux could
 * do behind the framework's back. Inside the sandbox the attempt ends the
 * component (SIGSYS), and its parent reports "forbidden system call";
 * with core's --no-sandbox it succeeds and says so. Linux-only by nature,
 * hence under base-linux/.
 */

#define _GNU_SOURCE
#include <fcntl.h>
#include <unistd.h>

#include <base/component.h>
#include <base/log.h>

void
component_construct(struct env *env)
{
	log_print("trying to open /etc/passwd");
	int fd = open("/etc/passwd", O_RDONLY | O_CLOEXEC);
	if (fd >= 0) {
		close(fd);
		log_print("opened /etc/passwd: the sandbox is off");
		env_exit(env, 0);
	}
	log_print("open refused without a fault");
	env_exit(env, 1);
}
