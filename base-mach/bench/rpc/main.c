/*
 * \brief  bench-mach_rpc: a null RPC round trip beside a raw mach_msg one
 *
 * Boot script: bench-mach_rpc ${host-port} ${device-port}, under QEMU
 * with -icount shift=0 (tool/bench_mach, 'make bench-mach'). In one boot:
 * the framework's null call (ipc_call to an rpc_test object served by an
 * entrypoint on a second thread) and the raw mach_msg ping-pong it builds
 * on (raw.c), in alternating rounds after a warm-up, each figure the
 * median round in guest instructions, printed beside its baseline with
 * the ratio. QEMU exits with 0x10 if every round trip succeeded.
 *
 *   bench-mach_rpc ${host-port} ${device-port} [rounds] [round trips per round]
 */

#include <base/thread.h>
#include <mach_gen/mach_host.h>
#include <mach_rt.h>

#include "../../test/verdict/verdict.h"
#include "bench_mach.h"

enum { ROUNDS_MAX = 15, CALIBRATE = 1000000 };

enum kind_id { K_NULL, K_RAW, K_RAW_SPLIT, K_COUNT };

struct kind {
	const char *name;
	round_trip_fn rt;
	void *ctx;
	uint64_t t[ROUNDS_MAX]; /* hundredths of a tick per round trip */
};

struct bench {
	unsigned rounds, n;
	rpc_test_cap_t obj;
	struct raw_client raw;
	struct kind k[K_COUNT];
};

static unsigned
number(const char *p, unsigned fallback)
{
	unsigned n = 0;

	if (!p || *p < '0' || *p > '9')
		return fallback;
	for (; *p >= '0' && *p <= '9'; p++)
		n = n * 10 + (unsigned)(*p - '0');
	return n;
}

static bool
null_call(void *ctx)
{
	return rpc_test_null(*(rpc_test_cap_t *)ctx) == STATUS_OK;
}

/* "null_call: 8123.45 instructions  mach_msg: 2345.67 instructions  ratio 3.46" */
static void
pair_print(struct bench *b, enum kind_id x, enum kind_id y)
{
	uint64_t a = median(b->k[x].t, b->rounds), c = median(b->k[y].t, b->rounds);
	uint64_t r = c ? a * 100 / c : 0;

	say("%s: %llu.%02llu instructions  %s: %llu.%02llu instructions  ratio %llu.%02llu",
	    b->k[x].name, a / 100, a % 100, b->k[y].name, c / 100, c % 100, r / 100, r % 100);
}

static uint64_t
kernel_clock_us(void)
{
	time_value_t tv = {0, 0};

	(void)host_get_time(mach_host_self(), &tv);
	return (uint64_t)tv.seconds * 1000000u + (uint64_t)tv.microseconds;
}

/*
 * The figures are instructions only if the TSC counts them: a loop of
 * known length must take two ticks an iteration (without -icount it is
 * host time and this check fails). The TSC is also printed beside the
 * kernel's clock over all rounds (QEMU's virtual clock drives both; the
 * kernel's has 10 ms ticks).
 */
static void
calibration_check(void)
{
	uint64_t ticks = tsc_calibrate(CALIBRATE);

	/* a clock interrupt's handler falling into the loop: a few thousand more */
	check(ticks >= 2u * CALIBRATE && ticks < 2u * CALIBRATE + CALIBRATE / 100,
	      "TSC counts instructions (QEMU -icount shift=0)",
	      "%u x (dec, jnz) = %llu TSC ticks, %llu.%02llu per iteration", CALIBRATE, ticks,
	      ticks / CALIBRATE, ticks * 100 / CALIBRATE % 100);
}

static bool
rounds_run(struct bench *b)
{
	bool ok = true;

	for (unsigned i = 0; i < K_COUNT; i++) /* warm-up: ports, reply ports, caches */
		ok = measure_round(b->k[i].rt, b->k[i].ctx, b->n / 10 + 1) && ok;
	for (unsigned r = 0; r < b->rounds; r++) {
		for (unsigned i = 0; i < K_COUNT; i++) {
			b->k[i].t[r] = measure_round(b->k[i].rt, b->k[i].ctx, b->n);
			ok = ok && b->k[i].t[r];
		}
		say("  round %u: %s %llu.%02llu  %s %llu.%02llu  %s %llu.%02llu", r, b->k[0].name,
		    b->k[0].t[r] / 100, b->k[0].t[r] % 100, b->k[1].name, b->k[1].t[r] / 100,
		    b->k[1].t[r] % 100, b->k[2].name, b->k[2].t[r] / 100, b->k[2].t[r] % 100);
	}
	return ok;
}

static void
bench_run(void *arg)
{
	struct bench *b = arg;
	mach_port_t task = mach_task_self();

	calibration_check();
	check(rpc_server_start(&b->obj) && raw_server_start(&b->raw.server) &&
	              syscall_mach_port_allocate(task, MACH_PORT_RIGHT_RECEIVE, &b->raw.reply) ==
	                      KERN_SUCCESS,
	      "servers started", "rpc object and raw port");
	b->k[K_NULL] = (struct kind){.name = "null_call", .rt = null_call, .ctx = &b->obj};
	b->k[K_RAW] =
	        (struct kind){.name = "mach_msg", .rt = raw_round_trip_combined, .ctx = &b->raw};
	b->k[K_RAW_SPLIT] =
	        (struct kind){.name = "mach_msg_split", .rt = raw_round_trip_split, .ctx = &b->raw};

	uint64_t us0 = kernel_clock_us(), t0 = tsc_read();
	bool ok = rounds_run(b);
	uint64_t ticks = tsc_read() - t0, us = kernel_clock_us() - us0;
	check(ok, "every round trip succeeded", "%u rounds x %u round trips per kind", b->rounds,
	      b->n);
	say("TSC %llu ticks over the rounds, kernel clock %llu us (10 ms resolution)", ticks, us);
	check(rpc_server_stop(b->obj) && raw_server_stop(b->raw.reply), "servers stopped", "%s",
	      "both threads joined");
	pair_print(b, K_NULL, K_RAW);
	pair_print(b, K_NULL, K_RAW_SPLIT);
}

_Noreturn void
mach_rt_main(int argc, char **argv)
{
	static struct bench b;

	console_open(number(argc > 2 ? argv[2] : NULL, 0));
	b.rounds = number(argc > 3 ? argv[3] : NULL, 5);
	b.n = number(argc > 4 ? argv[4] : NULL, 1000);
	if (b.rounds < 1 || b.rounds > ROUNDS_MAX || b.n < 10) {
		check(false, "arguments", "rounds 1..%u, at least 10 round trips", ROUNDS_MAX);
		verdict("bench-mach_rpc");
	}
	say("bench-mach_rpc: %u rounds x %u round trips, counted in guest instructions", b.rounds,
	    b.n);
	status_t st = thread_main_enter(bench_run, &b);
	check(st == STATUS_OK, "main thread in the context area", "status %d", (int)st);
	verdict("bench-mach_rpc");
}
