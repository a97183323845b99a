/*
 * \brief  C runtime: no new processes
 *
 * A component does not fork or spawn: new programs are its parent's
 * business (init, launchpad). musl starts them with a raw clone outside
 * its system-call layer, which the sandbox would punish; these
 * definitions take the place of musl's (the linker finds ours first), so
 * system, popen, posix_spawn and vfork fail with ENOSYS instead. fork
 * needs nothing here: it is a system call the dispatcher refuses.
 */

#include <errno.h>
#include <spawn.h>
#include <unistd.h>

#include <base/log.h>

static void
report_once(const char *what)
{
	static int reported;
	if (!__atomic_exchange_n(&reported, 1, __ATOMIC_RELAXED))
		log_warning("libc: %s is not supported, answered ENOSYS (logged once)", what);
}

int
posix_spawn(pid_t *restrict pid, const char *restrict path,
            const posix_spawn_file_actions_t *actions, const posix_spawnattr_t *restrict attr,
            char *const argv[restrict], char *const envp[restrict])
{
	report_once("posix_spawn (new processes)");
	return ENOSYS;
}

pid_t
vfork(void)
{
	report_once("vfork (new processes)");
	errno = ENOSYS;
	return -1;
}
