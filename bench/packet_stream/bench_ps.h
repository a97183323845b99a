/*
 * \brief  bench-packet_stream: a source here, a sink in a forked process
 */

#ifndef _BENCH__PACKET_STREAM__BENCH_PS_H_
#define _BENCH__PACKET_STREAM__BENCH_PS_H_

#include <stdbool.h>
#include <stdint.h>
#include <sys/types.h>

#include <os/packet_stream.h>

#include "../../tests/unit/packet_stream/stream.h"

/*
 * A queue of 1024 entries, as Genode's NIC session has: on one CPU the
 * source fills it before the sink runs, so the two context switches per
 * queue (several microseconds here, with their cache and TLB refills)
 * weigh less per packet. At 128 entries they made half of the 1500-byte
 * packet's cost (ratio 0.13 against 0.29). Our NIC session keeps 128:
 * its 64-byte slots would take half of a 256 KiB session buffer.
 */
enum {
	BENCH_QUEUE = 1024,
	BENCH_PAYLOAD = 4 << 20,
	/* room for the header and two queues of 64-byte slots, in whole pages */
	BENCH_REGION = BENCH_PAYLOAD + 2 * 64 * BENCH_QUEUE + 4 * 4096,
};

struct ps_peer {
	pid_t pid;
	uint8_t *region;
	uint64_t packet_size;
	struct packet_stream_source src;
	struct stream_signals sig;
	signal_context_cap_t sink_caps[2]; /* owned */
	uint64_t seq;                      /* of the next packet */
	uint64_t bad;                      /* acks the sink marked as wrong */
	unsigned deferred;                 /* submits since the last flush */
};

/*
 * Fork a sink pinned to sink_cpu over a fresh shared region and connect
 * the source (this process, already pinned) to it.
 */
bool ps_peer_start(struct ps_peer *p, uint64_t packet_size, int sink_cpu);

/* one packet: take acks as needed, allocate, write, submit (a round_trip_fn) */
bool ps_peer_send(void *p);

void ps_peer_stop(struct ps_peer *p);


#endif /* _BENCH__PACKET_STREAM__BENCH_PS_H_ */
