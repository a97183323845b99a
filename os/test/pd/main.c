/*
 * \brief  test-pd: core's PD service refuses what it must, and starts a
 *         process that belongs to its client
 *
 * Speaks to core's PD service directly (through init) rather than through
 * base/process.h: each refusal is one status the run script can see,
 * followed by core's own error line. Then it starts "test-stray" as its
 * own child "kid", serving the kid a parent object that refuses every
 * session, so the kid's words reach the console only as stray output,
 * which core labels "[init -> test-pd -> kid] ...".
 */

#include <base/component.h>
#include <base/exit_reason.h>
#include <base/log.h>
#include <base/signal.h>
#include <parent/server.h>
#include <pd_session/connection.h>
#include <ram_session/connection.h>
#include <rom_session/connection.h>

static struct env *env;
static struct rpc_object kid_parent_obj;
static parent_cap_t kid_parent;
static pd_session_cap_t pd;
static struct signal_context *kid_end;
static int failures;
static int kid_exit_value = -1000;

static void
expect(const char *what, status_t got, status_t want)
{
	log_print("%s: %s%s", what, status_name(got), got == want ? "" : " (UNEXPECTED)");
	failures += got != want;
}

/* the kid's parent: no sessions at all, but its exit value is noted */
static status_t
kid_session(void *ctx, struct rpc_call *call, const char *service, const char *args, cap_t *session)
{
	(void)ctx, (void)call, (void)args, (void)session;
	(void)service;
	return STATUS_DENIED;
}

static status_t
kid_exit(void *ctx, struct rpc_call *call, int32_t value)
{
	(void)ctx, (void)call;
	kid_exit_value = value;
	return STATUS_OK;
}

static const struct parent_ops kid_parent_ops = {.session = kid_session, .exit = kid_exit};

static status_t
pd_open_args(const char *args)
{
	cap_t raw = cap_invalid();
	status_t s = parent_session(env_parent(env), "PD", args, &raw);
	if (s == STATUS_OK)
		pd_connection_close(env_parent(env), CAP_TYPED(pd_session_cap_t, raw));
	return s;
}

/* a dataspace core did not hand out as ROM: init's config and a RAM dataspace */
/* start "kid" without a RAM session of its own (core's fixed bound) */
static status_t
start_plain(pd_session_cap_t session, dataspace_cap_t ds, cpu_session_cap_t cpu)
{
	const ram_session_cap_t no_ram = CAP_TYPED_INVALID(ram_session_cap_t);
	return pd_session_start(session, ds, "kid", cpu, no_ram);
}

static void
foreign_binaries(void)
{
	rom_session_cap_t rom;
	dataspace_cap_t ds = CAP_TYPED_INVALID(dataspace_cap_t);
	status_t s = rom_connection_open(env_parent(env), "config", &rom);
	if (s == STATUS_OK)
		s = rom_session_dataspace(rom, &ds);
	if (s == STATUS_OK)
		s = start_plain(pd, ds, CAP_TYPED_INVALID(cpu_session_cap_t));
	expect("start from init's config dataspace", s, STATUS_DENIED);
	cap_close(cap_raw(ds));
	ds = CAP_TYPED_INVALID(dataspace_cap_t);
	s = ram_session_alloc(env_ram(env), 4096, &ds);
	if (s == STATUS_OK)
		s = start_plain(pd, ds, CAP_TYPED_INVALID(cpu_session_cap_t));
	expect("start from a RAM dataspace", s, STATUS_DENIED);
	if (cap_valid(cap_raw(ds)))
		(void)ram_session_free(env_ram(env), ds);
	cap_close(cap_raw(ds));
}

static void
kid_ended(void *arg, unsigned num)
{
	(void)arg, (void)num;
	bool ended = false, addr_known = false;
	uint32_t reason = 0;
	uint64_t addr = 0;
	status_t s = pd_session_exit_state(pd, &ended, &reason, &addr_known, &addr);
	if (s != STATUS_OK || !ended)
		return;
	/* the value is the kid's own report to us, its parent; core knows none */
	log_print("kid ended: %s, told parent exit value %d",
	          exit_reason_name(exit_reason_checked(reason)), kid_exit_value);
	failures += reason != EXIT_REASON_EXITED || addr_known || kid_exit_value != 0;
	pd_connection_close(env_parent(env), pd);
	signal_context_dissolve(kid_end);
	log_print("--- PD test finished: %d unexpected ---", failures);
	env_exit(env, failures ? 1 : 0);
}

static void
kid_start(void)
{
	rom_session_cap_t rom;
	dataspace_cap_t ds = CAP_TYPED_INVALID(dataspace_cap_t);
	status_t s = rom_connection_open(env_parent(env), "test-stray", &rom);
	if (s == STATUS_OK)
		s = rom_session_dataspace(rom, &ds);
	if (s == STATUS_OK)
		s = signal_handler_create(env_ep(env), kid_ended, 0, &kid_end);
	if (s == STATUS_OK)
		s = pd_session_exit_sigh(pd, signal_context_cap(kid_end));
	if (s == STATUS_OK) {
		/* the RAM session must be core's, and bound to no other process */
		ram_session_cap_t not_ram = CAP_TYPED(ram_session_cap_t, cap_raw(env_cpu(env)));
		expect("start with a CPU session as RAM session",
		       pd_session_start(pd, ds, "kid", env_cpu(env), not_ram), STATUS_DENIED);
		expect("start with our own RAM session, which bounds us",
		       pd_session_start(pd, ds, "kid", env_cpu(env), env_ram(env)),
		       STATUS_CONFLICT);
	}
	if (s == STATUS_OK)
		s = start_plain(pd, ds, env_cpu(env));
	expect("start test-stray", s, STATUS_OK);
	s = start_plain(pd, ds, CAP_TYPED_INVALID(cpu_session_cap_t));
	expect("start twice", s, STATUS_CONFLICT);
	cap_close(cap_raw(ds));
}

void
component_construct(struct env *e)
{
	env = e;
	expect("malformed ram_quota", pd_open_args("ram_quota=lots, label=\"bad\""),
	       STATUS_INVALID_ARGS);
	expect("too little quota", pd_open_args("ram_quota=1K, label=\"small\""),
	       STATUS_QUOTA_EXCEEDED);
	status_t s = pd_connection_open(env_parent(env), "kid", &pd);
	expect("open", s, STATUS_OK);
	if (s != STATUS_OK)
		env_exit(env, 1);
	rom_session_cap_t rom;
	dataspace_cap_t ds = CAP_TYPED_INVALID(dataspace_cap_t);
	s = rom_connection_open(env_parent(env), "test-stray", &rom);
	if (s == STATUS_OK)
		s = rom_session_dataspace(rom, &ds);
	if (s == STATUS_OK)
		s = start_plain(pd, ds, CAP_TYPED_INVALID(cpu_session_cap_t));
	expect("start before assign_parent", s, STATUS_DENIED);
	cap_close(cap_raw(ds));
	s = parent_manage(env_ep(env), &kid_parent_obj, &kid_parent_ops, 0, &kid_parent);
	if (s == STATUS_OK)
		s = pd_session_assign_parent(pd, kid_parent);
	expect("assign_parent", s, STATUS_OK);
	expect("assign_parent twice", pd_session_assign_parent(pd, kid_parent), STATUS_CONFLICT);
	foreign_binaries();
	kid_start();
}
