/*
 * \brief  bench-signal: the two forked peers and their round trips
 */

#ifndef _BENCH__SIGNAL__BENCH_SIGNAL_H_
#define _BENCH__SIGNAL__BENCH_SIGNAL_H_

#include <stdbool.h>
#include <sys/types.h>

#include <base/signal.h>

/*
 * The raw baseline: a child that answers each eventfd write with one.
 * With use_epoll, both sides wait in epoll_wait before they read, which
 * is the floor of a design in which a receiver waits for many contexts.
 */
struct pingpong {
	pid_t pid;
	int ping, pong; /* eventfds, written and read by the parent */
	bool use_epoll;
	int epfd; /* the parent's, watching pong */
};

bool pingpong_start(struct pingpong *p, bool use_epoll);
bool pingpong_round_trip(void *p);
void pingpong_stop(struct pingpong *p);

/*
 * The signal round trip: a child whose entrypoint handles ping by
 * submitting to pong, a context of the parent's receiver. Each side
 * got the other's capability over a socket (SCM_RIGHTS).
 */
struct sigpeer {
	pid_t pid;
	struct signal_receiver *r;
	struct signal_context *pong;
	signal_context_cap_t ping; /* the child's context, owned */
};

bool sigpeer_start(struct sigpeer *p);
bool sigpeer_round_trip(void *p);
void sigpeer_stop(struct sigpeer *p);

#endif /* _BENCH__SIGNAL__BENCH_SIGNAL_H_ */
