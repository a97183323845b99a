/*
 * \brief  C runtime: the start of a libc component
 *
 * musl's start code calls main; the link wraps that symbol (-Wl,--wrap=
 * main, tool/mk/rules.mk), so the call arrives here, in __wrap_main, and
 * the framework starts first, as for every component: its platform entry
 * sets up the environment and calls component_construct. Here the
 * runtime then sets up its plugins from the environment and runs the
 * program's own main (__real_main) on a thread of its own, so the
 * entrypoint stays free to serve and dispatch signals. When main returns,
 * exit() flushes stdio and the parent learns the exit value.
 *
 * The program's stack size comes from the config (<libc stack="256K"/>),
 * default LIBC_MAIN_STACK.
 */

#include <stdlib.h>

#include <base/component.h>
#include <base/internal/env_platform.h>
#include <base/log.h>
#include <base/thread.h>
#include <util/node.h>

#include "libc_env.h"

enum { LIBC_MAIN_STACK = 512 * 1024 };

struct env *libc_env;

static int main_argc;
static char **main_argv, **main_envp;

int __real_main(int argc, char **argv, char **envp);
int __wrap_main(int argc, char **argv, char **envp);
void libc_log_flush(void);

static void
main_thread(void *arg)
{
	(void)arg;
	exit(__real_main(main_argc, main_argv, main_envp));
}

static void
flush_at_exit(void)
{
	libc_log_flush();
}

void
component_construct(struct env *env)
{
	libc_env = env; /* from now on memory is RAM of this component */
	libc_log_plugin_init();
	libc_rom_plugin_init(env);
	libc_time_init();
	atexit(flush_at_exit);

	static struct thread *thread;
	status_t s = thread_create("main", LIBC_MAIN_STACK, main_thread, NULL, &thread);
	if (s == STATUS_OK)
		s = thread_start(thread);
	if (s != STATUS_OK) {
		log_error("libc: cannot start the program's main thread: %s", status_name(s));
		env_exit(env, -1);
	}
}

int
__wrap_main(int argc, char **argv, char **envp)
{
	main_argc = argc;
	main_argv = argv;
	main_envp = envp;
	return component_platform_main(argc, argv);
}
