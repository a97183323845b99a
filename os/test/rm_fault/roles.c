/*
 * \brief  test-rm_fault: the roles that probe core with bad behaviour
 *
 * <unresolved/>: a fault handler that looks at the fault and never
 * resolves it. The faulting thread stays blocked; core must go on serving
 * (this component's own calls while the fault is pending, and every other
 * component of the scenario).
 *
 * <wild/>: an access outside every managed attachment is no region-map
 * fault: it stays a crash of the component, reported by its parent.
 */

#include <base/local_rm.h>
#include <base/log.h>
#include <base/thread.h>
#include <ram_session/client.h>
#include <rm_session/client.h>
#include <rm_session/fault.h>

#include "rm_fault.h"

/* anywhere: which address the view gets does not matter here */
static void
reader_main(void *arg)
{
	dataspace_cap_t *ds = arg;
	void *base = 0;
	status_t s = local_rm_attach(*ds, 0, 0, false, 0, &base);
	if (s != STATUS_OK) {
		log_error("unresolved: attaching the managed dataspace: %s", status_name(s));
		return;
	}
	log_print("unresolved: reading 0x%lx of the view", (unsigned long)(uintptr_t)base);
	log_print("unresolved: read %d: the fault was resolved by nobody", *(volatile int *)base);
}

_Noreturn void
role_unresolved(struct env *env)
{
	static struct faulting_rm f;
	static dataspace_cap_t ds;
	struct thread *t = 0;
	uint32_t type = 0;
	uint64_t addr = 0;
	status_t s = faulting_rm_open(env, 0, &f);
	ds = f.ds;
	if (s == STATUS_OK)
		s = thread_create("reader", 0, reader_main, &ds, &t);
	if (s == STATUS_OK)
		s = thread_start(t);
	if (s == STATUS_OK)
		s = faulting_rm_wait(&f, &type, &addr);
	if (s == STATUS_OK)
		log_print("unresolved: %s at 0x%llx, leaving it unresolved", fault_type_name(type),
		          (unsigned long long)addr);
	/* core answers while the fault is pending: state and a RAM allocation */
	dataspace_cap_t ram = CAP_TYPED_INVALID(dataspace_cap_t);
	if (s == STATUS_OK)
		s = rm_session_state(f.rm, &type, &addr);
	if (s == STATUS_OK && type == RM_FAULT_READY)
		s = STATUS_PROTOCOL;
	if (s == STATUS_OK)
		s = ram_session_alloc(env_ram(env), PAGE, &ram);
	if (s != STATUS_OK)
		log_error("unresolved: %s", status_name(s));
	else
		log_print("unresolved: core still serves with the fault pending");
	for (struct signal sig;;)
		(void)signal_receiver_wait(f.receiver, &sig);
}

_Noreturn void
role_wild(void)
{
	volatile int *wild = (volatile int *)(uintptr_t)0x1000;
	log_print("wild: reading 0x1000, outside every attachment");
	log_print("wild: read %d: the fault was not reported", *wild);
	for (;;)
		;
}
