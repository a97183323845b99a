/*
 * \brief  Signal round trip against a raw eventfd ping-pong
 *
 * A round trip is: submit to a context of another process, whose
 * entrypoint runs the handler, which submits back to a context of ours,
 * which we take with signal_receiver_wait. The baseline is the least two
 * processes can do with the same kernel object: write one eventfd, the
 * other process blocks in read and answers on a second one. A second
 * one waits in epoll_wait before each read: what a receiver of several
 * contexts whose count is the eventfd's counter must do, the floor of the
 * design before the count pages (doc/signals.md). All are
 * measured in the same run, with both processes of each pair pinned to
 * the same CPU (a cross-CPU wake-up on a VM measures the hypervisor).
 * Method as bench-rpc: batches of round trips timed with CLOCK_MONOTONIC,
 * the median of the batch means per round, rounds of both kinds
 * alternating, and the median round reported.
 *
 *   bench-signal [rounds] [round trips per round] [cpu]
 */

#define _GNU_SOURCE
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <base/signal_backing.h>

#include "../common/measure.h"
#include "bench_signal.h"

enum { ROUNDS_MAX = 64 };

int
main(int argc, char **argv)
{
	long rounds = argc > 1 ? atol(argv[1]) : 5;
	long n = argc > 2 ? atol(argv[2]) : 50000;
	int cpu = argc > 3 ? atoi(argv[3]) : 0;
	double pp[ROUNDS_MAX], ep[ROUNDS_MAX], sig[ROUNDS_MAX];
	struct pingpong plain, polled;
	struct sigpeer peer;

	/* a host program, not a component: it makes its own eventfds */
	signal_backing_set(&signal_backing_direct);
	if (rounds < 1 || rounds > ROUNDS_MAX || n < 100)
		return 1;
	bench_pin_cpu(cpu);
	if (!pingpong_start(&plain, false) || !pingpong_start(&polled, true) ||
	    !sigpeer_start(&peer))
		return 2;
	for (long r = 0; r < rounds; r++) {
		pp[r] = measure(pingpong_round_trip, &plain, n);
		ep[r] = measure(pingpong_round_trip, &polled, n);
		sig[r] = measure(sigpeer_round_trip, &peer, n);
		fprintf(stderr,
		        "  round %ld: eventfd %.0f ns, eventfd+epoll %.0f ns, signal %.0f ns\n", r,
		        pp[r], ep[r], sig[r]);
	}
	pingpong_stop(&plain);
	pingpong_stop(&polled);
	sigpeer_stop(&peer);

	double p = median(pp, rounds), e = median(ep, rounds), s = median(sig, rounds);
	printf("eventfd_pingpong_ns: %.1f\n", p);
	printf("eventfd_epoll_pingpong_ns: %.1f\n", e);
	printf("signal_round_trip_ns: %.1f\n", s);
	printf("ratio: %.3f to eventfd, %.3f to eventfd+epoll (cpu %d, %ld rounds x %ld round "
	       "trips)\n",
	       s / p, s / e, cpu, rounds, n);
	printf("goal of issue 17: signal <= 1.2 x eventfd: %s (eventfd+epoll, the floor of a "
	       "receiver that reads its count, is %.3f x eventfd)\n",
	       s / p <= 1.2 ? "met" : "NOT met", e / p);
	return 0;
}
