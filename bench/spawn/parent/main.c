/*
 * \brief  bench-spawn-parent: component start to first LOG line, and
 *         session create+close beside a null RPC, measured inside Genode/C
 *
 * (a) Each round starts bench-spawn-child through core's PD service
 * (base/process.h) and serves the child a LOG session of its own; the
 * round's figure is the time from process_create to the child's first
 * LOG write arriving here: ROM and PD sessions, core's clone+execveat,
 * the dynamic loader, the child's start-up and sandbox, two RPCs.
 * (b) A LOG session opened and closed through init at core, beside a null
 * RPC to core (the RAM session's quota), in alternating batches. The figures are printed for
 * bench-spawn, which compares them with Linux baselines of the same run.
 */

#define _GNU_SOURCE
#include <time.h>

#include <base/component.h>
#include <base/log.h>
#include <base/process.h>
#include <log_session/connection.h>
#include <log_session/server.h>
#include <parent/server.h>
#include <ram_session/connection.h>

#include "../../common/measure.h"

/*
 * Sessions and null RPCs are timed in alternating batches and the ratio
 * is the median of the per-round ratios: on a machine shared with other
 * loads a phase of the one and then a phase of the other measured two
 * different loads (ratios from 6 to 28 in three runs); one round's two
 * batches lie within some ms of each other and see the same load.
 */
enum { SPAWN_ROUNDS = 41, PAIR_ROUNDS = 61, PAIR_BATCH = 30 };

static struct env *env;
static struct rpc_object parent_obj, log_obj;
static parent_cap_t child_parent;
static log_session_cap_t child_log;
static double spawn_ns[SPAWN_ROUNDS];
static unsigned round_no;
static uint64_t t_start;
static bool logged;

static status_t
child_log_write(void *ctx, struct rpc_call *call, const char *text, uint32_t *written)
{
	(void)ctx, (void)call, (void)text;
	if (!logged)
		spawn_ns[round_no] = (double)(bench_now_ns() - t_start);
	logged = true;
	*written = 0;
	return STATUS_OK;
}

static const struct log_session_ops log_ops = {.write = child_log_write};

static status_t
child_session(void *ctx, struct rpc_call *call, const char *service, const char *args,
              cap_t *session)
{
	(void)ctx, (void)call, (void)args;
	if (service[0] != 'L')
		return STATUS_DENIED;
	*session = cap_raw(child_log);
	return STATUS_OK;
}

static status_t
child_close(void *ctx, struct rpc_call *call, cap_t session)
{
	(void)ctx, (void)call;
	cap_close(session);
	return STATUS_OK;
}

static status_t
child_exit(void *ctx, struct rpc_call *call, int32_t value)
{
	(void)ctx, (void)call, (void)value;
	return STATUS_OK;
}

static const struct parent_ops parent_ops = {
        .session = child_session, .close = child_close, .exit = child_exit};

static bool
session_create_close(void *ctx)
{
	log_session_cap_t log;
	if (log_connection_open(env_parent(env), &log) != STATUS_OK)
		return false;
	(void)parent_close(env_parent(env), cap_raw(log));
	cap_close(cap_raw(log));
	return true;
}

static bool
null_rpc(void *ctx)
{
	uint64_t quota;
	return ram_session_quota(env_ram(env), &quota) == STATUS_OK;
}

/* mean ns of one call of rt over PAIR_BATCH calls; < 0 if one failed */
static double
batch_mean(round_trip_fn rt)
{
	uint64_t t0 = bench_now_ns();
	for (unsigned i = 0; i < PAIR_BATCH; i++)
		if (!rt(NULL))
			return -1;
	return (double)(bench_now_ns() - t0) / PAIR_BATCH;
}

static void
sessions_measure(void)
{
	static double sess[PAIR_ROUNDS], null[PAIR_ROUNDS], ratio[PAIR_ROUNDS];
	/* warm-up: the channel to core and init's route exist before timing */
	if (batch_mean(null_rpc) < 0 || batch_mean(session_create_close) < 0)
		env_exit(env, 1);
	for (unsigned r = 0; r < PAIR_ROUNDS; r++) {
		sess[r] = batch_mean(session_create_close);
		null[r] = batch_mean(null_rpc);
		if (sess[r] < 0 || null[r] < 0)
			env_exit(env, 1);
		ratio[r] = sess[r] / null[r];
	}
	log_print("bench: session_create_close_ns %llu",
	          (unsigned long long)median(sess, PAIR_ROUNDS));
	log_print("bench: null_rpc_ns %llu", (unsigned long long)median(null, PAIR_ROUNDS));
	log_print("bench: session_ratio_x100 %llu",
	          (unsigned long long)(median(ratio, PAIR_ROUNDS) * 100));
	env_exit(env, 0);
}

static void spawn_round(void);

static void
child_exited(void *ctx, struct process *p, const struct process_exit *e)
{
	(void)ctx, (void)p;
	if (e->fault.reason != EXIT_REASON_EXITED || !logged) {
		log_error("round %u: child ended without a LOG line (%s)", round_no,
		          exit_reason_name(e->fault.reason));
		env_exit(env, 1);
	}
	if (++round_no < SPAWN_ROUNDS) {
		spawn_round();
		return;
	}
	log_print("bench: spawn_to_first_log_ns %llu",
	          (unsigned long long)median(spawn_ns, SPAWN_ROUNDS));
	sessions_measure();
}

static void
spawn_round(void)
{
	struct process *p;
	logged = false;
	t_start = bench_now_ns();
	if (process_create("child", "bench-spawn-child", cap_raw(child_parent), child_exited, 0,
	                   &p) != STATUS_OK)
		env_exit(env, 1);
}

void
component_construct(struct env *e)
{
	env = e;
	if (parent_manage(env_ep(env), &parent_obj, &parent_ops, 0, &child_parent) != STATUS_OK ||
	    log_session_manage(env_ep(env), &log_obj, &log_ops, 0, &child_log) != STATUS_OK)
		env_exit(env, 1);
	spawn_round();
}
