/*
 * \brief  Timing round trips for the benchmarks
 *
 * Every bench measures its figures and their baselines with the same
 * method (as in shared/bench-baselines), so their ratios compare like with
 * like: batches of round trips timed with CLOCK_MONOTONIC after a warm-up,
 * and the median of the batch means, so a preempted batch is an outlier
 * the median ignores.
 */

#ifndef _BENCH__COMMON__MEASURE_H_
#define _BENCH__COMMON__MEASURE_H_

#include <stdbool.h>
#include <stdint.h>

typedef bool (*round_trip_fn)(void *ctx);

/* median of the per-batch means of n round trips, in ns; exits on a failed round trip */
double measure(round_trip_fn rt, void *ctx, long n);

/* sorts v */
double median(double *v, long n);

/* CLOCK_MONOTONIC in nanoseconds */
uint64_t bench_now_ns(void);

/*
 * Pin the calling process to one CPU; exits on failure. Call it before
 * forking peers (they inherit the mask): on this VM a cross-CPU wake-up
 * measures the hypervisor, not the mechanism.
 */
void bench_pin_cpu(int cpu);

#endif /* _BENCH__COMMON__MEASURE_H_ */
