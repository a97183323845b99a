/*
 * \brief  A child's CPU session: its priority band, then init's parent
 *
 * A CPU session is part of a child's environment, as in Genode, where init
 * creates it for the child: it goes to init's own parent whatever the
 * routes say, so no config has to list "CPU" among its parent's services
 * and no child can obtain CPU time from a sibling. On the way init applies
 * the harmonic subdivision of 10.02 (cpu_session/priority.h): the child's requested
 * logical priority moves down by log2(prio_levels) bits and the child's
 * band, from its configured priority, goes on top. Nested inits do the
 * same, so the value reaching core encodes the whole path.
 *
 * init opens each child's environment CPU session before the child
 * starts (child_cpu_create) and hands it to core with the start, so the
 * child runs at its priority from its first instruction; the child gets
 * that session when it asks for "Env::cpu_session".
 */

#include <base/log.h>
#include <parent/client.h>
#include <parent/session_record.h>
#include <root/session_args.h>

#include <util/format.h>
#include <util/string.h>

#include "child.h"

enum { CPU_ARGS_MAX = 128 };
#include <cpu_session/connection.h>
#include <cpu_session/priority.h>

status_t
cpu_session_route(struct child_state *c, struct arg_string *labeled, cap_t *session)
{
	uint64_t request = 0;
	bool lost = false;
	if (arg_string_get_u64(labeled, "priority", 0, &request) != STATUS_OK) {
		if (child_refusal_admit(c))
			log_error("%s: malformed priority in CPU session request", c->cfg->name);
		return STATUS_INVALID_ARGS;
	}
	uint32_t v =
	        init_priority_filter_request(config.prio_bits, c->cfg->priority, request, &lost);
	if (lost)
		log_warning("%s: priority band too small, losing least-significant priority bits",
		            c->cfg->name);
	if (arg_string_set_u64(labeled, "priority", v) != STATUS_OK) {
		if (child_refusal_admit(c))
			log_error("%s: CPU session arguments too long", c->cfg->name);
		return STATUS_INVALID_ARGS;
	}
	cap_t cap = cap_invalid();
	status_t s = parent_session(env_parent(init_env), "CPU", arg_string_text(labeled), &cap);
	if (s != STATUS_OK) {
		if (child_refusal_admit(c))
			log_error("%s: CPU session refused by the parent: %s", c->cfg->name,
			          status_name(s));
		return s;
	}
	/*
	 * The child pays what init paid its parent: the ram_quota, the
	 * parent's record (parent/session_record.h) and init's own record;
	 * else init's reserve paid every CPU session of a subtree (Genode's
	 * bomb: ~250). It pays after the open, so that a flood of requests
	 * core refuses costs no transfers (run/hostile_log.run).
	 */
	uint64_t meta = child_meta_cost(sizeof(struct child_session)) + PARENT_SESSION_RECORD_COST;
	char label[PARENT_SESSION_ARGS_MAX + 1] = "";
	uint64_t amount = session_args_donation(arg_string_text(labeled), label, sizeof(label));
	if (child_meta_pay(c, "CPU", label, amount, meta) != STATUS_OK) {
		parent_close(env_parent(init_env), cap);
		cap_close(cap);
		return STATUS_QUOTA_EXCEEDED;
	}
	return child_session_keep(c, "CPU", -1, amount, meta, cap, session);
}

void
child_cpu_create(struct child_state *c)
{
	char args[CPU_ARGS_MAX];
	struct arg_string labeled;
	struct arg_error err;
	cap_t cap = cap_invalid();
	c->cpu = CAP_TYPED_INVALID(cpu_session_cap_t);
	format_string(args, sizeof(args),
	              "ram_quota=" CPU_SESSION_RAM_QUOTA ", priority=0x0, label=\"%s\"",
	              c->cfg->name);
	if (arg_string_init(&labeled, args, str_len(args), &err) != STATUS_OK ||
	    cpu_session_route(c, &labeled, &cap) != STATUS_OK)
		return; /* logged by cpu_session_route; the child asks itself then */
	c->cpu = CAP_TYPED(cpu_session_cap_t, cap);
}
