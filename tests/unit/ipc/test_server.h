/*
 * \brief  A forked server process serving rpc_test objects
 */

#ifndef _TESTS__UNIT__IPC__TEST_SERVER_H_
#define _TESTS__UNIT__IPC__TEST_SERVER_H_

#include <stdbool.h>
#include <sys/types.h>

#include <rpc_test/client.h>

enum { TEST_OBJECTS_MAX = 128 };

struct test_server {
	pid_t pid;
	unsigned count;
	rpc_test_cap_t objects[TEST_OBJECTS_MAX]; /* owned by the test */
};

/*
 * Fork a server with count objects (ids 0..count-1) on one entrypoint
 * and receive a capability to each.
 */
bool test_server_start(struct test_server *srv, unsigned count);

/* the same; the forked server first calls setup (e.g. to confine itself) */
bool test_server_start_setup(struct test_server *srv, unsigned count, void (*setup)(void));

/* ask it to stop, close the capabilities, reap it; true if it exited 0 */
bool test_server_stop(struct test_server *srv);

#endif /* _TESTS__UNIT__IPC__TEST_SERVER_H_ */
