/*
 * \brief  bench-rpc: measurement, and the baselines measured beside RPC
 *
 * Every figure is a round trip between two processes pinned to the same
 * CPU. A baseline is the raw Linux mechanism closest to what the RPC
 * does, run in the same process pair setting and the same run, so that
 * the ratio, not the absolute time, is what carries over between runs
 * and machines.
 */

#ifndef _BENCH__RPC__BENCH_H_
#define _BENCH__RPC__BENCH_H_

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include <bench_session/client.h>

#include "../common/measure.h"


/*
 * The baselines: each forks a server process (it inherits the caller's
 * CPU affinity) and returns a context for its round-trip function.
 * Servers are ended with SIGKILL by the caller.
 */
struct pingpong {
	pid_t pid;
	int fd[2];     /* requests, replies (one socket: both the same) */
	int pass_fd;   /* scm_rights: the descriptor sent with each request */
	uint32_t *shm; /* futex: the shared sequence word */
	uint32_t seq;
};

bool seqpacket_start(struct pingpong *p);
bool seqpacket_round_trip(void *ctx);

/* sendmsg with one descriptor, which the server closes; 8-byte reply */
bool scm_start(struct pingpong *p, int pass_fd);
bool scm_round_trip(void *ctx);

/* futex wait/wake on a shared page: the floor of a blocking call */
bool futex_start(struct pingpong *p);
bool futex_round_trip(void *ctx);

bool eventfd_start(struct pingpong *p);
bool eventfd_round_trip(void *ctx);

/* fork a server with one root object; *root is owned by the caller */
pid_t session_server_start(bench_session_cap_t *root);

struct test_server;

/* a test server with one object under core's filter; tighten: and the second */
bool confined_server_start(struct test_server *srv, bool tighten);

/* n round trips of rt by a child under the same filters; ns each, or < 0 */
double confined_measure(round_trip_fn rt, void *ctx, long n, bool tighten);

#endif /* _BENCH__RPC__BENCH_H_ */
