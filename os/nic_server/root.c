/*
 * \brief  nic_server: the "Nic" root, session sizes and quota, the MAC
 *
 * Session arguments tx_buf_size and rx_buf_size size the two stream
 * regions; ram_quota must cover them plus the session's state.
 */

#include <base/log.h>
#include <parent/client.h>
#include <util/format.h>
#include <util/string.h>

#include "nic_server_internal.h"

struct nic_server nic_server = {.mac = NIC_SERVER_MAC_DEFAULT, .lock = LOCK_INIT_UNLOCKED};
static struct root_component nic_server_root;

static struct nic_session_state *
nic_server_of(struct root_session *base)
{
	return ROOT_SESSION_ENTRY(base, struct nic_session_state, base);
}

/* the region sizes of args; false (logged) if out of range */
static bool
nic_server_sizes(const char *label, const struct arg_string *args, uint64_t *tx, uint64_t *rx)
{
	if (arg_string_get_size(args, "tx_buf_size", 0, tx) == STATUS_OK &&
	    arg_string_get_size(args, "rx_buf_size", 0, rx) == STATUS_OK &&
	    *tx >= NIC_SESSION_BUF_MIN && *tx <= NIC_SESSION_BUF_MAX &&
	    *rx >= NIC_SESSION_BUF_MIN && *rx <= NIC_SESSION_BUF_MAX)
		return true;
	log_error("nic_drv: session for \"%s\" refused: tx_buf_size and rx_buf_size must lie in "
	          "%u .. %u",
	          label, (unsigned)NIC_SESSION_BUF_MIN, (unsigned)NIC_SESSION_BUF_MAX);
	return false;
}

static status_t
nic_server_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	uint64_t tx = 0, rx = 0;
	char shortfall[128];

	if (!nic_server_sizes(base->label, args, &tx, &rx))
		return STATUS_INVALID_ARGS;
	lock_acquire(&nic_server.lock);
	struct nic_session_state *busy = nic_server.active;
	lock_release(&nic_server.lock);
	if (busy) {
		log_warning("nic_drv: session for \"%s\" refused: the device serves \"%s\"",
		            base->label, busy->base.label);
		return STATUS_DENIED;
	}
	if (root_session_charge(base, tx + rx) != STATUS_OK) {
		root_session_shortfall(base, tx + rx, shortfall, sizeof(shortfall));
		log_error("nic_drv: session for \"%s\" refused: stream regions: %s", base->label,
		          shortfall);
		return STATUS_QUOTA_EXCEEDED;
	}
	status_t st = nic_session_state_open(nic_server_of(base), tx, rx);
	if (st != STATUS_OK)
		log_error("nic_drv: session for \"%s\" failed: %s", base->label, status_name(st));
	return st;
}

static void
nic_server_destroy(void *ctx, struct root_session *base)
{
	nic_session_state_close(nic_server_of(base));
}

static const struct root_component_ops nic_server_root_ops = {.create = nic_server_create,
                                                              .destroy = nic_server_destroy};

status_t
nic_server_start(struct env *env, uint64_t mac, const struct nic_server_backend *backend)
{
	static struct rpc_object root;
	root_cap_t root_cap;

	nic_server.env = env;
	nic_server.mac = mac;
	nic_server.backend = *backend;
	root_component_init(&nic_server_root, "Nic", sizeof(struct nic_session_state),
	                    &nic_server_root_ops, 0, env_heap(env));
	status_t s = root_component_manage(&nic_server_root, env_ep(env), &root, &root_cap);
	if (s == STATUS_OK)
		s = parent_announce(env_parent(env), "Nic", root_cap);
	if (s != STATUS_OK)
		log_error("nic_drv: serving \"Nic\" failed: %s", status_name(s));
	return s;
}
