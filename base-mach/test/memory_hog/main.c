/*
 * \brief  memory_hog-mach: memory taken behind core's back
 *
 * Every GNU Mach task holds its own task port, so a component can
 * vm_allocate in itself without asking core. This one does, 4 MiB after
 * 4 MiB, touching every page, up to 512 MiB (twice the machine's
 * memory): core must end it for exceeding its RAM quota
 * (base-mach/core/pd_memory.c) long before the machine runs out. Each
 * step is logged, so the scenario sees how far it got.
 */

#include <base/component.h>
#include <base/log.h>
#include <mach_gen/mach.h>
#include <mach_rt.h>

enum { STEP = 4u << 20, STEPS = 128 };

void
component_construct(struct env *env)
{
	for (unsigned i = 0; i < STEPS; i++) {
		vm_address_t at = 0;
		kern_return_t kr = syscall_vm_allocate(mach_task_self(), &at, STEP, TRUE);
		if (kr != KERN_SUCCESS) {
			log_print("vm_allocate refused after %u MiB: %d", i * (STEP >> 20),
			          (int)kr);
			env_exit(env, 1);
		}
		for (vm_address_t page = at; page < at + STEP; page += 4096)
			*(volatile char *)page = 1;
		log_print("holding %u MiB", (i + 1) * (STEP >> 20));
	}
	log_error("took %u MiB and was not stopped", STEPS * (STEP >> 20));
	env_exit(env, 1);
}
