/*
 * \brief  bench-mach_rpc: the framework's null call beside raw mach_msg
 *
 * Durations are guest instructions: QEMU runs with -icount shift=0, which
 * makes its virtual clock advance 1 ns per guest instruction, and the TSC
 * that rdtsc reads under TCG is that clock (doc/platform-mach.md,
 * "Measured"). Host load changes how long a run takes, not its figures.
 */

#ifndef _BASE_MACH__BENCH__RPC__BENCH_MACH_H_
#define _BASE_MACH__BENCH__RPC__BENCH_MACH_H_

#include <stdbool.h>
#include <stdint.h>

#include <mach/port.h>
#include <rpc_test/client.h>

/* one round trip of some kind; false if it failed */
typedef bool (*round_trip_fn)(void *ctx);

/* the TSC: guest instructions under -icount shift=0 */
static inline uint64_t
tsc_read(void)
{
	uint32_t lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

/* mean TSC ticks of n round trips, in hundredths; 0 if one failed (measure.c) */
uint64_t measure_round(round_trip_fn rt, void *ctx, unsigned n);

/* sorts v; its middle element */
uint64_t median(uint64_t *v, unsigned n);

/* ticks of n iterations of a two-instruction loop (dec, jnz) */
uint64_t tsc_calibrate(uint32_t n);

/* the servers, each on a thread of its own (rpc_server.c, raw.c) */
bool rpc_server_start(rpc_test_cap_t *obj);
bool rpc_server_stop(rpc_test_cap_t obj);
bool raw_server_start(mach_port_t *port);
bool raw_server_stop(mach_port_t port);

/* the raw round trips: ctx is a struct raw_client */
struct raw_client {
	mach_port_t server, reply;
};
bool raw_round_trip_combined(void *ctx);
bool raw_round_trip_split(void *ctx);

#endif /* _BASE_MACH__BENCH__RPC__BENCH_MACH_H_ */
