/*
 * \brief  test-rpc: RPC between threads of one component, under abuse
 *
 * The component is its own server and its own clients: an entrypoint
 * thread serves many objects while client threads call them, pass
 * capabilities both ways and open and close objects like sessions. Then,
 * one thing at a time, it checks what must fail: capabilities that name
 * nothing, wrong opcodes and malformed calls through the IPC layer, and
 * garbage and descriptor floods on raw sockets, each time making sure the
 * server keeps serving.
 */

#include <base/component.h>
#include <base/log.h>

#include "test.h"


void
component_construct(struct env *env)
{
	test_rpc_cap_t root;

	log_print("--- RPC test started ---");
	if (!EXPECT_OK(server_start(&root)))
		env_exit(env, -1);
	log_print("entrypoint serves %u objects", (unsigned)OBJECTS_START);

	phase_clients(root);
	phase_invalid_caps(root);
	phase_malformed(root);
	phase_raw(root);

	EXPECT_OK(server_stop(root));
	cap_close(cap_raw(root));
	if (test_failures()) {
		log_error("RPC test failed: %u checks", test_failures());
		env_exit(env, -1);
	}
	log_print("--- RPC test finished ---");
	env_exit(env, 0);
}
