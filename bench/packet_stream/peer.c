/*
 * \brief  bench-packet_stream: the source and the forked sink
 *
 * The sink sums every payload word (so the data is really read across
 * the process boundary), checks that the first word is the sequence
 * number in op[0], and reports a mismatch in op[1] of the ack. The
 * source writes every byte of each packet. Both use the blocking calls:
 * the stream signals only when a queue was empty or full, so a busy
 * stream batches its wake-ups by itself.
 */

#define _GNU_SOURCE
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../common/measure.h"
#include "bench_ps.h"

static status_t
chunk_alloc(void *ctx, size_t size, void **addr)
{
	*addr = aligned_alloc(16, (size + 15) & ~(size_t)15);
	return *addr ? STATUS_OK : STATUS_OUT_OF_MEMORY;
}

static void
chunk_free(void *ctx, void *addr, size_t size)
{
	free(addr);
}

/* the sum keeps the reads from being optimised away */
static volatile uint64_t sink_sum;

/*
 * Every word, in four independent sums: one chain of dependent adds
 * reads a word a cycle, slower than memcpy reads, and the figure would
 * measure the adder rather than the stream.
 */
static uint64_t
sum_words(const uint64_t *w, uint64_t n)
{
	uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0, i = 0;

	for (; i + 4 <= n; i += 4) {
		s0 += w[i];
		s1 += w[i + 1];
		s2 += w[i + 2];
		s3 += w[i + 3];
	}
	for (; i < n; i++)
		s0 += w[i];
	return s0 + s1 + s2 + s3;
}

static void
sink_serve(struct packet_stream_sink *sink)
{
	struct packet_descriptor p;

	while (packet_stream_sink_get_packet_blocking(sink, &p) == STATUS_OK) {
		const uint64_t *w = packet_stream_sink_packet_content(sink, &p);
		sink_sum += sum_words(w, p.size / 8);
		p.op[1] = w[0] != p.op[0];
		/* never blocks: the source keeps at most a queue in flight */
		if (packet_stream_sink_acknowledge_deferred(sink, &p) != STATUS_OK)
			break;
	}
	fprintf(stderr, "bench sink: %s\n", packet_stream_sink_error(sink));
	_exit(1);
}

static void
sink_child(struct ps_peer *p, int sock, int cpu)
{
	struct packet_stream_sink sink;
	signal_context_cap_t caps[2];
	struct stream_signals sig;

	bench_pin_cpu(cpu);
	if (!stream_signals_create(&sig) || !stream_signals_swap(sock, &sig, caps))
		_exit(2);
	struct packet_stream_sink_signals s = {caps[0], caps[1], sig.r};
	if (packet_stream_sink_init(&sink, p->region, BENCH_REGION, BENCH_QUEUE, &s) != STATUS_OK)
		_exit(3);
	sink_serve(&sink);
}

bool
ps_peer_start(struct ps_peer *p, uint64_t packet_size, int sink_cpu)
{
	struct heap_backing backing = {chunk_alloc, chunk_free, NULL};
	struct packet_stream_source_signals none = {CAP_TYPED_INVALID(signal_context_cap_t),
	                                            CAP_TYPED_INVALID(signal_context_cap_t), NULL};
	int sv[2];

	memset(p, 0, sizeof(*p));
	p->packet_size = packet_size;
	p->region =
	        mmap(NULL, BENCH_REGION, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (p->region == MAP_FAILED ||
	    packet_stream_source_init(&p->src, p->region, BENCH_REGION, BENCH_QUEUE, &backing,
	                              &none) != STATUS_OK ||
	    socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		return false;
	fflush(NULL);
	p->pid = fork();
	if (p->pid == 0) {
		close(sv[0]);
		sink_child(p, sv[1], sink_cpu);
	}
	close(sv[1]);
	bool ok = p->pid > 0 && stream_signals_create(&p->sig) &&
	          stream_signals_swap(sv[0], &p->sig, p->sink_caps);
	close(sv[0]);
	p->src.sig =
	        (struct packet_stream_source_signals){p->sink_caps[0], p->sink_caps[1], p->sig.r};
	return ok;
}

/* take the acks there are; want > 0: wait for so many first (one wake-up for them) */
static bool
take_acks(struct ps_peer *p, uint32_t want)
{
	struct packet_descriptor d;
	uint32_t n;

	if (packet_stream_source_wait_acks(&p->src, want, &n) != STATUS_OK)
		return false;
	for (uint32_t i = 0; i < n; i++) {
		if (packet_stream_source_get_acked(&p->src, &d) != STATUS_OK)
			return false;
		p->bad += d.op[1] != 0;
		if (packet_stream_source_release(&p->src, &d) != STATUS_OK)
			return false;
	}
	return true;
}

bool
ps_peer_send(void *arg)
{
	struct ps_peer *p = arg;
	struct packet_descriptor d;

	/* what came back meanwhile, without asking for a signal (the sink keeps running) */
	if (!take_acks(p, 0))
		return false;
	/*
	 * At most a queue in flight: the sink can then never block in
	 * acknowledge. Out of room: wait for all that is in flight, one
	 * wake-up for a queue's worth (on one CPU the sink then runs a whole
	 * queue per switch; measured against half: 0.12 against 0.09 of
	 * memcpy at 1500 B, the same at 64 KiB).
	 */
	while (packet_stream_source_in_flight(&p->src) >= BENCH_QUEUE ||
	       packet_stream_source_alloc_packet(&p->src, p->packet_size, 6, &d) != STATUS_OK)
		if (packet_stream_source_in_flight(&p->src) == 0 ||
		    !take_acks(p, packet_stream_source_in_flight(&p->src)))
			return false;
	uint64_t *w = packet_stream_source_packet_content(&p->src, &d);
	memset(w, (int)(p->seq & 0xff), d.size);
	w[0] = d.op[0] = p->seq++;
	/* the sink is signalled when we wait or a batch is out, not per packet */
	if (++p->deferred == BENCH_QUEUE / 4) {
		p->deferred = 0;
		packet_stream_source_flush(&p->src);
	}
	return packet_stream_source_submit_deferred(&p->src, &d) == STATUS_OK && p->bad == 0;
}

void
ps_peer_stop(struct ps_peer *p)
{
	kill(p->pid, SIGKILL);
	waitpid(p->pid, NULL, 0);
	cap_close(p->sink_caps[0].raw);
	cap_close(p->sink_caps[1].raw);
	stream_signals_destroy(&p->sig);
	packet_stream_source_destroy(&p->src);
	munmap(p->region, BENCH_REGION);
}
