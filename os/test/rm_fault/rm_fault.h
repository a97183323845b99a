/*
 * \brief  test-rm_fault: the parts that the roles share
 */

#ifndef _OS__TEST__RM_FAULT__RM_FAULT_H_
#define _OS__TEST__RM_FAULT__RM_FAULT_H_

#include <base/env.h>
#include <base/signal.h>
#include <dataspace/rpc.h>
#include <rm_session/rpc.h>

enum {
	/* Genode's address of the managed range in the child */
	MANAGED_ADDR = 0x10000000,
	MANAGED_SIZE = 0x10000,
	PAGE = 4096,
};

/* an RM session at core whose faults are signalled to a receiver of ours */
struct faulting_rm {
	rm_session_cap_t rm; /* OWNED */
	dataspace_cap_t ds;  /* OWNED: its managed dataspace */
	struct signal_receiver *receiver;
	struct signal_context *handler;
};

/* open the session over [start, start + MANAGED_SIZE) and register the handler */
status_t faulting_rm_open(struct env *env, uint64_t start, struct faulting_rm *f);

/* wait for the handler's signal and return the session's state */
status_t faulting_rm_wait(struct faulting_rm *f, uint32_t *type, uint64_t *addr);

const char *fault_type_name(uint32_t type);

/*
 * The child role on a thread of its own: attach ds (BORROWED) at
 * MANAGED_ADDR, read there and modify there for ever (Genode's
 * main_child). Returns once the thread runs.
 */
status_t child_role_start(dataspace_cap_t ds);

/* the roles besides Genode's test (roles.c) */
_Noreturn void role_unresolved(struct env *env);
_Noreturn void role_wild(void);

#endif /* _OS__TEST__RM_FAULT__RM_FAULT_H_ */
