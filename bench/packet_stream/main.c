/*
 * \brief  Packet-stream throughput against memcpy of the same amount
 *
 * The source (this process) writes every byte of each packet and
 * submits it; a forked sink sums every word of it and acknowledges; the
 * source releases the acked packets. Baseline: memcpy of the same packet
 * size over buffers as big as the stream's working set (queue size
 * times packet size, at most the payload area), so both move the same
 * bytes through the same cache levels: the stream writes once and reads
 * once, memcpy reads once and writes once. Both are timed with the
 * shared method (bench/common: per-packet time, batches of 100, median),
 * rounds of both kinds alternating, the median round reported.
 *
 * Each packet size runs with both processes on one CPU and on two CPUs.
 * On one CPU the source fills the queue before the sink runs, so a
 * switch moves a whole queue; on two, every wake-up of a sleeping peer
 * is a cross-CPU IPI, which a VM makes expensive.
 *
 *   bench-packet_stream [rounds] [MiB per measurement] [packet size]
 */

#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <base/signal_backing.h>

#include "../common/measure.h"
#include "bench_ps.h"

enum { ROUNDS_MAX = 15 };

struct copier {
	uint8_t *src, *dst;
	uint64_t size, window, at;
};

static bool
copy_one(void *arg)
{
	struct copier *c = arg;

	memcpy(c->dst + c->at, c->src + c->at, c->size);
	c->at = c->at + 2 * c->size > c->window ? 0 : c->at + c->size;
	return true;
}

static double
mib_per_s(uint64_t bytes, double ns)
{
	return (double)bytes / ns * 1e9 / (1024.0 * 1024.0);
}

/* one packet size at one placement: the line it prints */
static void
run(uint64_t size, int src_cpu, int sink_cpu, long rounds, long mib)
{
	uint64_t window = size * BENCH_QUEUE < BENCH_PAYLOAD ? size * BENCH_QUEUE : BENCH_PAYLOAD;
	struct copier c = {malloc(window), malloc(window), size, window, 0};
	long n = mib * 1024 * 1024 / (long)size;
	double st[ROUNDS_MAX], mc[ROUNDS_MAX];
	struct ps_peer peer;

	if (!c.src || !c.dst)
		exit(2);
	memset(c.src, 1, window);
	memset(c.dst, 2, window);
	bench_pin_cpu(src_cpu);
	if (!ps_peer_start(&peer, size, sink_cpu)) {
		fprintf(stderr, "bench: cannot start the sink\n");
		exit(2);
	}
	uint64_t all_ns = 0;
	for (long r = 0; r < rounds; r++) {
		uint64_t t0 = bench_now_ns();
		st[r] = measure(ps_peer_send, &peer, n);
		all_ns += bench_now_ns() - t0;
		mc[r] = measure(copy_one, &c, n);
	}
	ps_peer_stop(&peer);
	double s = mib_per_s(size, median(st, rounds)), m = mib_per_s(size, median(mc, rounds));
	/* a check on the median of batches: all packets sent (warm-up too) over all the time */
	double mean = mib_per_s(size * (uint64_t)(n + n / 10) * (uint64_t)rounds, (double)all_ns);
	const char *target = size == 1500 ? " (target 0.2)" : size == 65536 ? " (target 0.5)" : "";
	printf("packet_stream %6llu B, cpus %d,%d: %8.0f MiB/s, memcpy %8.0f MiB/s, ratio %.3f%s"
	       " [stream mean %.0f MiB/s]\n",
	       (unsigned long long)size, src_cpu, sink_cpu, s, m, s / m, target, mean);
	fflush(stdout);
	free(c.src);
	free(c.dst);
}

int
main(int argc, char **argv)
{
	/* 1500: an Ethernet frame (NIC); 64 KiB: bulk (Block); issue #16's targets 0.2 and 0.5 */
	static const uint64_t sizes[] = {512, 1500, 4096, 65536};
	long rounds = argc > 1 ? atol(argv[1]) : 5;
	long mib = argc > 2 ? atol(argv[2]) : 128;
	uint64_t only = argc > 3 ? strtoull(argv[3], NULL, 0) : 0; /* one size (profiling) */

	/* a host program, not a component: it makes its own eventfds */
	signal_backing_set(&signal_backing_direct);
	if (rounds < 1 || rounds > ROUNDS_MAX || mib < 1)
		return 1;
	for (unsigned i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		if (only && sizes[i] != only)
			continue;
		run(sizes[i], 0, 0, rounds, mib);
		run(sizes[i], 0, 1, rounds, mib);
	}
	return 0;
}
