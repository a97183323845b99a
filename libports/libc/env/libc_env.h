/*
 * \brief  C runtime: the parts that need the component's environment
 */

#ifndef _LIBPORTS__LIBC__ENV__LIBC_ENV_H_
#define _LIBPORTS__LIBC__ENV__LIBC_ENV_H_

#include <stdbool.h>

#include <base/env.h>

/* the environment, NULL until the framework has started (start.c) */
extern struct env *libc_env;

/* each part serves its calls: *served false if nr is not one of them */
long libc_memory_syscall(long nr, long a, long b, long c, long d, long e, long f, bool *served);
long libc_time_syscall(long nr, long a, long b, long c, long d, bool *served);

/* plugins set up from the environment, in start.c's order */
void libc_log_plugin_init(void);
void libc_rom_plugin_init(struct env *env);
void libc_time_init(void);

#endif /* _LIBPORTS__LIBC__ENV__LIBC_ENV_H_ */
