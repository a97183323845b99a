/*
 * \brief  memory_hog-mach: memory taken behind core's back
 *
 * Every GNU Mach task holds its own task port, so a component can
 * vm_allocate in itself without asking core, create threads, and make
 * ports even without it (mach_reply_port). This one does, by the path its
 * config names: <memory/> 4 MiB after 4 MiB, touching every page, up to
 * 512 MiB; <ports/> receive rights by mach_reply_port; <threads/>
 * suspended threads. core must end it for exceeding its RAM quota
 * (base-mach/core/pd_memory.c) long before the machine runs out. Each
 * step is logged, so the scenario sees how far it got. With <forge/> it
 * sends core an exception message naming a port of its own as the task
 * instead (run/mach_forgery.run): core must ignore it and say so.
 */

#include <base/component.h>
#include <base/log.h>
#include <mach_gen/mach.h>
#include <mach_rt.h>

#include "../forge/forge.h"
#include <test/config_tag.h>

enum { STEP = 4u << 20, STEPS = 128, OBJECTS = 4000000, OBJECTS_LOG = 10000 };

static void
memory_take(void)
{
	for (unsigned i = 0; i < STEPS; i++) {
		vm_address_t at = 0;
		kern_return_t kr = syscall_vm_allocate(mach_task_self(), &at, STEP, TRUE);
		if (kr != KERN_SUCCESS) {
			log_print("vm_allocate refused after %u MiB: %d", i * (STEP >> 20),
			          (int)kr);
			return;
		}
		for (vm_address_t page = at; page < at + STEP; page += 4096)
			*(volatile char *)page = 1;
		log_print("holding %u MiB", (i + 1) * (STEP >> 20));
	}
}

/* one kernel object more: a port, or a thread that never runs */
static bool
object_make(bool ports)
{
	if (ports)
		return mach_reply_port() != MACH_PORT_NULL;
	thread_t thread;
	return mach_thread_create(mach_task_self(), &thread) == KERN_SUCCESS;
}

static void
objects_take(bool ports)
{
	for (unsigned i = 1; i <= OBJECTS; i++) {
		if (!object_make(ports)) {
			log_print("refused after %u %s", i - 1, ports ? "ports" : "threads");
			return;
		}
		if (i % OBJECTS_LOG == 0)
			log_print("holding %u %s", i, ports ? "ports" : "threads");
	}
}

void
component_construct(struct env *env)
{
	if (test_config_has(env, "forge")) {
		kern_return_t kr = mach_test_exception_forge();
		log_print("forged an exception message: %d", (int)kr);
		env_exit(env, kr == KERN_SUCCESS ? 0 : 1);
	}
	if (test_config_has(env, "ports") || test_config_has(env, "threads"))
		objects_take(test_config_has(env, "ports"));
	else
		memory_take();
	log_error("took what it could and was not stopped");
	env_exit(env, 1);
}
