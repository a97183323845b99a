/*
 * \brief  test-packet_stream: streaming between threads and processes
 *
 * Both use the blocking calls, so these cases also check that no wake-up
 * is lost: a missed signal hangs the stream (the alarm ends the test).
 */

#define _GNU_SOURCE
#include <stdio.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <base/thread.h>

#include "../../harness/harness.h"
#include "cases.h"
#include "fixture.h"
#include "stream.h"

enum { REGION = 256 * 1024, QUEUE = 64, PACKETS = 100000, HANG_SECONDS = 120 };

struct sink_job {
	struct packet_stream_sink sink;
	bool ok;
};

static void
sink_thread(void *arg)
{
	struct sink_job *job = arg;

	job->ok = stream_sink(&job->sink, PACKETS, false);
}

void
ps_two_threads(void)
{
	struct stream_signals ss, ks;
	struct sink_job job = {.ok = false};
	struct thread *th = NULL;
	struct pair t;

	alarm(HANG_SECONDS);
	if (!pair_open(&t, REGION, QUEUE, false) || !CHECK(stream_signals_create(&ss)) ||
	    !CHECK(stream_signals_create(&ks)))
		return;
	/* source: ack_avail, ready_to_submit; sink: packet_avail, ready_to_ack */
	t.src.sig = (struct packet_stream_source_signals){stream_signals_cap(&ks, 0),
	                                                  stream_signals_cap(&ks, 1), ss.r};
	struct packet_stream_sink_signals sig = {stream_signals_cap(&ss, 0),
	                                         stream_signals_cap(&ss, 1), ks.r};
	CHECK_EQ(packet_stream_sink_init(&job.sink, t.region, REGION, QUEUE, &sig), STATUS_OK);
	if (CHECK_EQ(thread_create("ps-sink", 0, sink_thread, &job, &th), STATUS_OK))
		CHECK_EQ(thread_start(th), STATUS_OK);
	CHECK(stream_source(&t.src, PACKETS, QUEUE, false));
	CHECK_EQ(thread_join(th), STATUS_OK);
	CHECK(job.ok);
	CHECK_EQ(packet_stream_source_payload_avail(&t.src), t.src.layout.payload_size);
	stream_signals_destroy(&ss);
	stream_signals_destroy(&ks);
	pair_close(&t);
	alarm(0);
}

/* the forked sink: its own signals, the source's over the socket */
static void
child_sink(struct pair *t, int sock, bool batched)
{
	struct packet_stream_sink sink;
	signal_context_cap_t src_caps[2];
	struct stream_signals ks;

	if (!stream_signals_create(&ks) || !stream_signals_swap(sock, &ks, src_caps))
		_exit(2);
	struct packet_stream_sink_signals sig = {src_caps[0], src_caps[1], ks.r};
	if (packet_stream_sink_init(&sink, t->region, t->size, QUEUE, &sig) != STATUS_OK)
		_exit(3);
	_exit(stream_sink(&sink, PACKETS, batched) ? 0 : 1);
}

static void
two_processes(bool batched)
{
	signal_context_cap_t sink_caps[2];
	struct stream_signals ss;
	int sv[2], status = -1;
	struct pair t;

	alarm(HANG_SECONDS);
	if (!pair_open(&t, REGION, QUEUE, true) ||
	    !CHECK_EQ(socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv), 0))
		return;
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		close(sv[0]);
		child_sink(&t, sv[1], batched);
	}
	close(sv[1]);
	if (CHECK(pid > 0) && CHECK(stream_signals_create(&ss)) &&
	    CHECK(stream_signals_swap(sv[0], &ss, sink_caps))) {
		t.src.sig = (struct packet_stream_source_signals){sink_caps[0], sink_caps[1], ss.r};
		CHECK(stream_source(&t.src, PACKETS, QUEUE, batched));
		CHECK_EQ(waitpid(pid, &status, 0), pid);
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
		cap_close(sink_caps[0].raw);
		cap_close(sink_caps[1].raw);
		stream_signals_destroy(&ss);
	}
	close(sv[0]);
	pair_close(&t);
	alarm(0);
}

void
ps_two_processes(void)
{
	two_processes(false);
}

/* deferred submits and batched ack waits: a lost wake-up would hang here too */
void
ps_two_processes_batched(void)
{
	two_processes(true);
}
