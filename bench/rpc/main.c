/*
 * \brief  Null RPC round trip against a raw SOCK_SEQPACKET ping-pong
 *
 * Both measured in the same run, with client and server pinned to the
 * same CPU (a cross-CPU wake-up on this VM costs ~30x a call and would
 * measure the hypervisor). Method as in shared/bench-baselines: batches
 * of round trips timed with CLOCK_MONOTONIC, the median of the batch
 * means per round; rounds of both kinds alternate and the median round
 * is reported. The acceptance target is a ratio of at most 1.2.
 *
 *   bench-rpc [rounds] [round trips per round] [cpu]
 */

#define _DEFAULT_SOURCE
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../../tests/unit/ipc/test_server.h"

enum { BATCH = 100, ROUNDS_MAX = 64, PING_SIZE = 8 };

static uint64_t
now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static int
cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double
median(double *v, long n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return v[n / 2];
}

/* median of the per-batch means of n round trips of rt(ctx), after a warm-up */
static double
measure(bool (*rt)(void *), void *ctx, long n)
{
	long batches = n / BATCH;
	double *v = calloc((size_t)batches, sizeof(*v));
	double m;

	for (long i = 0; i < n / 10; i++)
		if (!rt(ctx))
			exit(2);
	for (long b = 0; b < batches; b++) {
		uint64_t t0 = now_ns();
		for (long i = 0; i < BATCH; i++)
			if (!rt(ctx))
				exit(2);
		v[b] = (double)(now_ns() - t0) / BATCH;
	}
	m = median(v, batches);
	free(v);
	return m;
}

static bool
ping(void *ctx)
{
	int fd = *(int *)ctx;
	char buf[PING_SIZE] = {1};

	return write(fd, buf, sizeof(buf)) == sizeof(buf) &&
	       read(fd, buf, sizeof(buf)) == sizeof(buf);
}

static pid_t
ping_server(int *client_fd)
{
	int sv[2];
	pid_t pid;

	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		exit(2);
	fflush(NULL);
	pid = fork();
	if (pid == 0) {
		char buf[PING_SIZE];
		close(sv[0]);
		while (read(sv[1], buf, sizeof(buf)) == sizeof(buf))
			if (write(sv[1], buf, sizeof(buf)) != sizeof(buf))
				break;
		_exit(0);
	}
	close(sv[1]);
	*client_fd = sv[0];
	return pid;
}

static bool
null_call(void *ctx)
{
	return rpc_test_null(*(rpc_test_cap_t *)ctx) == STATUS_OK;
}

/* both processes on one CPU: the forked servers inherit the mask */
static void
pin(int cpu)
{
	unsigned long mask = 1ul << cpu;

	if (syscall(SYS_sched_setaffinity, 0, sizeof(mask), &mask) < 0) {
		perror("sched_setaffinity");
		exit(2);
	}
}

int
main(int argc, char **argv)
{
	long rounds = argc > 1 ? atol(argv[1]) : 5;
	long n = argc > 2 ? atol(argv[2]) : 50000;
	int cpu = argc > 3 ? atoi(argv[3]) : 0;
	double pp[ROUNDS_MAX], rpc[ROUNDS_MAX];
	struct test_server srv;
	int ping_fd;
	pid_t ping_pid;

	if (rounds < 1 || rounds > ROUNDS_MAX || n < BATCH)
		return 1;
	pin(cpu);
	ping_pid = ping_server(&ping_fd);
	if (!test_server_start(&srv, 1))
		return 2;
	for (long r = 0; r < rounds; r++) {
		pp[r] = measure(ping, &ping_fd, n);
		rpc[r] = measure(null_call, &srv.objects[0], n);
		fprintf(stderr, "  round %ld: seqpacket %.0f ns, rpc null %.0f ns\n", r, pp[r],
		        rpc[r]);
	}
	/* the RPC server holds a copy of ping_fd (forked later): stop it first */
	test_server_stop(&srv);
	close(ping_fd);
	waitpid(ping_pid, NULL, 0);

	double p = median(pp, rounds), c = median(rpc, rounds);
	printf("seqpacket_pingpong_ns: %.1f\n", p);
	printf("rpc_null_call_ns: %.1f\n", c);
	printf("ratio: %.3f (target <= 1.200, cpu %d, %ld rounds x %ld round trips)\n", c / p, cpu,
	       rounds, n);
	return 0;
}
