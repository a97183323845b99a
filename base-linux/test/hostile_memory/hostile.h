/*
 * \brief  test-hostile-memory: shared by its attack files
 */

#ifndef _BASE_LINUX__TEST__HOSTILE_MEMORY__HOSTILE_H_
#define _BASE_LINUX__TEST__HOSTILE_MEMORY__HOSTILE_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <base/env.h>

/* count one attempt; refused says whether it failed the way it must */
void hostile_attempt(const char *what, bool refused, const char *detail);

/* what the attacks aim at: 4 x the component's RAM quota */
size_t hostile_target(struct env *env);

/*
 * Attacks that end the process if the bound holds (the kernel's OOM
 * killer), one per instance; false if name is none of them. Returning
 * means the attack was refused with an error (counted) or succeeded.
 */
bool hostile_grab(struct env *env, const char *name);

/* attacks on RAM dataspaces; the process lives through all of them */
void hostile_dataspaces(struct env *env);

/* hold a touched dataspace, then free it, with a pause at each for core's report */
void hostile_figures(struct env *env);

/* whether a write to addr faults (SIGBUS/SIGSEGV) rather than succeeds */
bool hostile_write_faults(volatile char *addr);

#endif /* _BASE_LINUX__TEST__HOSTILE_MEMORY__HOSTILE_H_ */
