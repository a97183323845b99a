/*
 * \brief  Counting a round trip in TSC ticks (guest instructions)
 *
 * As bench/common does with the clock, but with the TSC, which under
 * -icount shift=0 counts guest instructions: a round is n round trips,
 * timed as a whole; the caller takes the median of alternating rounds.
 * Its figure is the mean of a round in hundredths of a tick, so that the
 * ratio keeps two decimals without floating point in a bootstrap task.
 */

#include "bench_mach.h"

uint64_t
measure_round(round_trip_fn rt, void *ctx, unsigned n)
{
	uint64_t t0 = tsc_read();

	for (unsigned i = 0; i < n; i++)
		if (!rt(ctx))
			return 0;
	return (tsc_read() - t0) * 100 / n;
}

uint64_t
median(uint64_t *v, unsigned n)
{
	for (unsigned i = 1; i < n; i++) /* insertion sort: a handful of rounds */
		for (unsigned j = i; j > 0 && v[j - 1] > v[j]; j--) {
			uint64_t t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
	return v[n / 2];
}

/*
 * Two instructions an iteration and nothing else: if the TSC counts
 * instructions, n iterations are 2n ticks (plus a clock interrupt's
 * handler if one falls into the loop, about once in 10^7 instructions);
 * if it counted time, the figure would follow the host's speed.
 */
uint64_t
tsc_calibrate(uint32_t n)
{
	uint64_t t0 = tsc_read();

	__asm__ volatile("1: dec %0\n\tjnz 1b" : "+r"(n) : : "cc");
	return tsc_read() - t0;
}
