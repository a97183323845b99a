/*
 * \brief  test-host_access_ask: a child that asks for host access itself
 *
 * Only top-level init's config may grant host access (doc/sandbox.md, "The
 * one exception"), by the host_access argument of the PD session init
 * opens for the child. This component puts the argument into session
 * requests of its own, the way a hostile or confused child could:
 *
 *  - a LOG session with host_access: core would refuse it, had it seen
 *    the argument; opened, it shows init removed it;
 *  - a PD session labeled "", which init labels with the child's name
 *    alone, "ask", so that core sees "init -> ask", the single-element
 *    label of one of top-level init's own children, the one core would
 *    honour. The process it starts from test-host_access (dynamically
 *    linked) can run only with host access; without, core cannot execute
 *    it, and says so.
 *
 * The run script (run/host_access.run) checks init's refusals and that
 * core never logs a host-access line for this child.
 */

#include <base/component.h>
#include <base/log.h>
#include <pd_session/connection.h>
#include <rom_session/connection.h>

#define ASKED ", host_access=\"asked by the child itself\""

static void
log_ask(struct env *env)
{
	cap_t log = cap_invalid();
	status_t s =
	        parent_session(env_parent(env), "LOG", "ram_quota=4K, label=\"asked\"" ASKED, &log);
	log_print("LOG session with host_access: %s", status_name(s));
	if (s == STATUS_OK) {
		(void)parent_close(env_parent(env), log);
		cap_close(log);
	}
}

/* start the dynamically linked probe in a PD session asked for with host_access */
static status_t
pd_start_asked(struct env *env, pd_session_cap_t pd)
{
	rom_session_cap_t rom;
	dataspace_cap_t ds = CAP_TYPED_INVALID(dataspace_cap_t);
	status_t s = rom_connection_open(env_parent(env), "test-host_access", &rom);
	if (s != STATUS_OK)
		return s;
	s = rom_session_dataspace(rom, &ds);
	if (s == STATUS_OK)
		s = pd_session_assign_parent(pd, env_parent(env));
	const cpu_session_cap_t no_cpu = CAP_TYPED_INVALID(cpu_session_cap_t);
	const ram_session_cap_t no_ram = CAP_TYPED_INVALID(ram_session_cap_t);
	if (s == STATUS_OK)
		s = pd_session_start(pd, ds, "asked", no_cpu, no_ram);
	cap_close(cap_raw(ds));
	(void)parent_close(env_parent(env), cap_raw(rom));
	cap_close(cap_raw(rom));
	return s;
}

static void
pd_ask(struct env *env)
{
	cap_t raw = cap_invalid();
	status_t s = parent_session(env_parent(env), "PD",
	                            "ram_quota=" PD_SESSION_RAM_QUOTA ", label=\"\"" ASKED, &raw);
	log_print("PD session with host_access: %s", status_name(s));
	if (s != STATUS_OK)
		return;
	pd_session_cap_t pd = CAP_TYPED(pd_session_cap_t, raw);
	log_print("start of test-host_access in it: %s", status_name(pd_start_asked(env, pd)));
	pd_connection_close(env_parent(env), pd);
}

void
component_construct(struct env *env)
{
	log_ask(env);
	pd_ask(env);
	log_print("done");
	env_exit(env, 0);
}
