/*
 * \brief  test-rm_fault: raising and handling region-manager faults
 *
 * Genode's test: the parent registers a fault handler at an RM session
 * that the child sees at 0x10000000; the child reads there (a read fault),
 * the parent attaches a page of its own RAM, the child reads and then
 * modifies it, the parent sees the change and detaches the page again,
 * which makes the child's next write fault. Four rounds, the lines as in
 * Genode. Then the child faults once more and the parent ends without
 * resolving it: core must release the blocked thread when the session
 * closes (run/rm_fault.run checks core's line).
 *
 * Other roles, chosen by <config>: <unresolved/> a handler that never
 * resolves, <wild/> a fault outside every managed attachment (roles.c).
 */

#include <base/component.h>
#include <base/log.h>
#include <dataspace/map.h>
#include <parent/client.h>
#include <ram_session/client.h>
#include <rm_session/client.h>
#include <rm_session/connection.h>
#include <rm_session/fault.h>
#include <util/string.h>
#include <test/config_tag.h>

#include "rm_fault.h"

const char *
fault_type_name(uint32_t type)
{
	return type == RM_FAULT_READ    ? "READ_FAULT"
	       : type == RM_FAULT_WRITE ? "WRITE_FAULT"
	       : type == RM_FAULT_EXEC  ? "EXEC_FAULT"
	                                : "READY";
}

status_t
faulting_rm_open(struct env *env, uint64_t start, struct faulting_rm *f)
{
	status_t s = rm_connection_open(env_parent(env), start, MANAGED_SIZE, RM_SESSION_RAM_QUOTA,
	                                &f->rm);
	if (s == STATUS_OK)
		s = rm_session_dataspace(f->rm, &f->ds);
	if (s == STATUS_OK)
		s = signal_receiver_create(&f->receiver);
	if (s == STATUS_OK)
		s = signal_context_create(f->receiver, f, &f->handler);
	if (s == STATUS_OK)
		s = rm_session_fault_handler(f->rm, signal_context_cap(f->handler));
	return s;
}

status_t
faulting_rm_wait(struct faulting_rm *f, uint32_t *type, uint64_t *addr)
{
	struct signal sig;
	status_t s = signal_receiver_wait(f->receiver, &sig);
	return s == STATUS_OK ? rm_session_state(f->rm, type, addr) : s;
}

/* one round: wait, look, attach, see the child's change, revoke */
static status_t
parent_round(struct faulting_rm *f, dataspace_cap_t ds, volatile int *local)
{
	uint32_t type = 0;
	uint64_t addr = 0;
	log_print("wait for region-manager fault");
	status_t s = faulting_rm_wait(f, &type, &addr);
	if (s != STATUS_OK)
		return s;
	log_print("received region-manager fault signal, request fault state");
	log_print("rm session state is %s, pf_addr=0x%llx", fault_type_name(type),
	          (unsigned long long)addr);
	if (type == RM_FAULT_READY) {
		log_print("ignoring spurious fault signal");
		return STATUS_OK;
	}
	uint64_t child_virt_addr = addr & ~(uint64_t)(PAGE - 1);
	log_print("attach dataspace to the child at 0x%llx", (unsigned long long)child_virt_addr);
	*local = 0x1234;
	s = rm_session_attach_at(f->rm, ds, child_virt_addr, 0, 0);
	if (s != STATUS_OK)
		return s;
	while (*local == 0x1234)
		; /* wait until our child modifies the dataspace content */
	log_print("child modified dataspace content, new value is %x", (unsigned)*local);
	log_print("revoke dataspace from child");
	return rm_session_detach(f->rm, child_virt_addr);
}

/* the child faults again; we end with that fault pending at core */
static status_t
parent_leave_faulted(struct faulting_rm *f)
{
	uint32_t type = 0;
	uint64_t addr = 0;
	status_t s = faulting_rm_wait(f, &type, &addr);
	if (s == STATUS_OK)
		log_print("child faulted again (%s at 0x%llx), exiting with the fault unresolved",
		          fault_type_name(type), (unsigned long long)addr);
	return s;
}

static status_t
parent_role(struct env *env)
{
	struct faulting_rm f;
	dataspace_cap_t ds = CAP_TYPED_INVALID(dataspace_cap_t);
	void *local = 0;
	size_t size = 0;
	log_print("parent role started");
	status_t s = faulting_rm_open(env, MANAGED_ADDR, &f);
	if (s == STATUS_OK)
		s = ram_session_alloc(env_ram(env), PAGE, &ds);
	if (s == STATUS_OK)
		s = dataspace_map_writable(ds, &local, &size);
	if (s == STATUS_OK)
		s = child_role_start(f.ds);
	for (int i = 0; i < 4 && s == STATUS_OK; i++)
		s = parent_round(&f, ds, local);
	if (s != STATUS_OK)
		return s;
	log_print("--- parent role of region-manager fault test finished ---");
	return parent_leave_faulted(&f);
}

void
component_construct(struct env *env)
{
	if (test_config_has(env, "<unresolved/>"))
		role_unresolved(env);
	if (test_config_has(env, "<wild/>"))
		role_wild();
	log_print("--- region-manager fault test ---");
	status_t s = parent_role(env);
	if (s != STATUS_OK)
		log_error("region-manager fault test: %s", status_name(s));
	env_exit(env, s == STATUS_OK ? 0 : 1);
}
