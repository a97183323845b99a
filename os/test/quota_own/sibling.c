/*
 * \brief  test-quota_own: the sibling, using each kind of session after the hogs
 *
 * Each step names what failed and with which status, so that a refusal
 * caused by a hog (a table of core's that the hog filled) shows in the
 * log as the sibling's error.
 */

#include <base/log.h>
#include <base/signal.h>
#include <log_session/client.h>
#include <parent/client.h>
#include <ram_session/client.h>
#include <signal_session/client.h>

#include "quota_own.h"

enum { SIBLING_CONTEXTS = 10, SIBLING_DS_SIZE = 16 * 1024, SIBLING_RAM_QUOTA = 64 * 1024 };

static bool
step(const char *what, status_t s)
{
	if (s != STATUS_OK)
		log_error("sibling: %s: %s", what, status_name(s));
	return s == STATUS_OK;
}

static bool
close_through_parent(struct env *env, cap_t session)
{
	bool ok = step("close", parent_close(env_parent(env), session));
	cap_close(session);
	return ok;
}

/* a RAM session of its own: quota in, a dataspace, quota back */
static bool
sibling_ram(struct env *env)
{
	cap_t raw = cap_invalid();
	if (!step("RAM session", parent_session(env_parent(env), "RAM", "ram_quota=32K", &raw)))
		return false;
	ram_session_cap_t ram = CAP_TYPED(ram_session_cap_t, raw);
	dataspace_cap_t ds;
	bool ok = step("ref_account", ram_session_ref_account(ram, env_ram(env))) &&
	          step("transfer",
	               ram_session_transfer_quota(env_ram(env), ram, SIBLING_RAM_QUOTA)) &&
	          step("alloc", ram_session_alloc(ram, SIBLING_DS_SIZE, &ds)) &&
	          step("free", ram_session_free(ram, ds));
	if (ok)
		cap_close(cap_raw(ds));
	ok = ok && step("transfer back",
	                ram_session_transfer_quota(ram, env_ram(env), SIBLING_RAM_QUOTA));
	return close_through_parent(env, raw) && ok;
}

/* contexts of the environment's session, and a signal through one */
static bool
sibling_env_signal(void)
{
	static int object;
	struct signal_receiver *r;
	struct signal_context *ctx;
	struct signal sig = {0};
	if (!step("signal receiver", signal_receiver_create(&r)))
		return false;
	bool ok = step("environment context", signal_context_create(r, &object, &ctx));
	if (ok) {
		ok = step("submit", signal_submit(signal_context_cap(ctx), 3)) &&
		     step("receive", signal_receiver_wait_timeout(r, 2000000u, &sig)) &&
		     sig.imprint == &object && sig.num == 3;
		signal_context_dissolve(ctx);
	}
	signal_receiver_destroy(r);
	return ok;
}

/* a SIGNAL session of its own holding SIBLING_CONTEXTS contexts */
static bool
sibling_signal(struct env *env)
{
	cap_t raw = cap_invalid();
	if (!sibling_env_signal() ||
	    !step("SIGNAL session",
	          parent_session(env_parent(env), "SIGNAL", "ram_quota=8K", &raw)))
		return false;
	bool ok = true;
	for (unsigned i = 0; i < SIBLING_CONTEXTS && ok; i++) {
		signal_context_cap_t c;
		signal_page_cap_t pg;
		ok = step("context", signal_session_alloc_context(
		                             CAP_TYPED(signal_session_cap_t, raw), i, &c, &pg));
		if (ok) {
			cap_close(cap_raw(c));
			cap_close(cap_raw(pg));
		}
	}
	return close_through_parent(env, raw) && ok;
}

static bool
sibling_log(struct env *env)
{
	cap_t raw = cap_invalid();
	uint32_t written = 0;
	if (!step("LOG session",
	          parent_session(env_parent(env), "LOG", "ram_quota=4K, label=\"own\"", &raw)))
		return false;
	bool ok = step("write", log_session_write(CAP_TYPED(log_session_cap_t, raw),
	                                          "a line of its own\n", &written));
	return close_through_parent(env, raw) && ok;
}

bool
sibling_run(struct env *env)
{
	bool ok = sibling_ram(env) && sibling_signal(env) && sibling_log(env);
	log_print("sibling: RAM, SIGNAL and LOG sessions %s while the hogs hold theirs",
	          ok ? "work" : "FAILED");
	return ok;
}
