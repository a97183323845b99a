/*
 * \brief  Timing round trips for the benchmarks
 *
 * Method as in shared/bench-baselines: batches of round trips timed with
 * CLOCK_MONOTONIC, the median of the batch means; a preempted batch is an
 * outlier the median ignores.
 */

#define _GNU_SOURCE
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "measure.h"

enum { BATCH = 100 };

uint64_t
bench_now_ns(void)
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

double
median(double *v, long n)
{
	qsort(v, (size_t)n, sizeof(*v), cmp_double);
	return v[n / 2];
}

static void
round_trip_or_die(round_trip_fn rt, void *ctx)
{
	if (!rt(ctx)) {
		fprintf(stderr, "bench: a round trip failed\n");
		exit(2);
	}
}

double
measure(round_trip_fn rt, void *ctx, long n)
{
	long batches = n / BATCH < 1 ? 1 : n / BATCH;
	double *v = calloc((size_t)batches, sizeof(*v));
	double m;

	if (!v)
		exit(2);
	for (long i = 0; i < n / 10; i++)
		round_trip_or_die(rt, ctx);
	for (long b = 0; b < batches; b++) {
		uint64_t t0 = bench_now_ns();
		for (long i = 0; i < BATCH; i++)
			round_trip_or_die(rt, ctx);
		v[b] = (double)(bench_now_ns() - t0) / BATCH;
	}
	m = median(v, batches);
	free(v);
	return m;
}

void
bench_pin_cpu(int cpu)
{
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(cpu, &set);
	if (sched_setaffinity(0, sizeof(set), &set) < 0) {
		perror("sched_setaffinity");
		exit(2);
	}
}
