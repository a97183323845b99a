/*
 * \brief  nic_drv: serves "Nic" on the TAP device core grants it
 *
 * <config device="tap0" mac="02:00:00:00:00:01"/> (both optional). The
 * device comes as the capability of a "Tap" session at core, which core
 * hands out only to the child its --tap option names (doc/net.md).
 * Session arguments tx_buf_size and rx_buf_size size the two stream
 * regions; ram_quota must cover them plus the session's state.
 */

#include <base/component.h>
#include <base/config_root.h>
#include <base/log.h>
#include <parent/client.h>
#include <util/format.h>
#include <util/node_tree.h>
#include <util/string.h>

#include "nic_tap.h"

enum { NIC_TAP_DEVICE_MAX = 16 };

struct nic_tap nic_tap = {.fd = -1, .mac = 0x020000000001ull, .lock = LOCK_INIT_UNLOCKED};
static struct root_component nic_tap_root;

static struct nic_tap_session *
nic_tap_of(struct root_session *base)
{
	return ROOT_SESSION_ENTRY(base, struct nic_tap_session, base);
}

/* the region sizes of args; false (logged) if out of range */
static bool
nic_tap_sizes(const char *label, const struct arg_string *args, uint64_t *tx, uint64_t *rx)
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
nic_tap_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	uint64_t tx = 0, rx = 0;
	char shortfall[128];

	if (!nic_tap_sizes(base->label, args, &tx, &rx))
		return STATUS_INVALID_ARGS;
	lock_acquire(&nic_tap.lock);
	struct nic_tap_session *busy = nic_tap.active;
	lock_release(&nic_tap.lock);
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
	status_t st = nic_tap_session_open(nic_tap_of(base), tx, rx);
	if (st != STATUS_OK)
		log_error("nic_drv: session for \"%s\" failed: %s", base->label, status_name(st));
	return st;
}

static void
nic_tap_destroy(void *ctx, struct root_session *base)
{
	nic_tap_session_close(nic_tap_of(base));
}

static const struct root_component_ops nic_tap_root_ops = {.create = nic_tap_create,
                                                           .destroy = nic_tap_destroy};

/* "02:00:00:00:00:01" into 48 bits; false if malformed */
static bool
nic_tap_mac_parse(const char *text, uint64_t *mac)
{
	uint64_t v = 0;
	for (unsigned i = 0; i < NIC_MAC_SIZE; i++, text += 3) {
		unsigned byte = 0;
		for (unsigned k = 0; k < 2; k++) {
			char c = text[k];
			unsigned d = c >= '0' && c <= '9' ? (unsigned)(c - '0')
			           : c >= 'a' && c <= 'f' ? (unsigned)(c - 'a' + 10)
			           : c >= 'A' && c <= 'F' ? (unsigned)(c - 'A' + 10) : 16;
			if (d == 16)
				return false;
			byte = byte * 16 + d;
		}
		if (text[2] != (i + 1 < NIC_MAC_SIZE ? ':' : 0))
			return false;
		v = v << 8 | byte;
	}
	*mac = v;
	return true;
}

/* device and mac from the config; false (logged) if unusable */
static bool
nic_tap_config(struct env *env, char *device, size_t size)
{
	struct config_root cfg;
	char mac[24] = "";
	const struct node *root = config_root_parse(env, &cfg);

	if (!root)
		return true; /* no config: the defaults */
	if (node_attribute_string(root, "device", device, size, "tap0", &cfg.err) != STATUS_OK ||
	    node_attribute_string(root, "mac", mac, sizeof(mac), "", &cfg.err) != STATUS_OK ||
	    (mac[0] && !nic_tap_mac_parse(mac, &nic_tap.mac))) {
		log_error("nic_drv: malformed config (device=\"tap0\" mac=\"02:00:00:00:00:01\")");
		return false;
	}
	return true;
}

/* the TAP descriptor: our Tap session's capability at core */
static bool
nic_tap_device_open(struct env *env, const char *device)
{
	char args[64];
	cap_t tap = cap_invalid();

	format_string(args, sizeof(args), "ram_quota=4K, device=\"%s\"", device);
	status_t st = parent_session(env_parent(env), "Tap", args, &tap);
	if (st != STATUS_OK) {
		log_error("nic_drv: TAP device \"%s\" not granted: %s", device, status_name(st));
		return false;
	}
	nic_tap.fd = (int)tap.sel; /* on Linux a capability is a descriptor */
	return true;
}

void
component_construct(struct env *env)
{
	static struct rpc_object root;
	char device[NIC_TAP_DEVICE_MAX] = "tap0";
	root_cap_t root_cap;

	nic_tap.env = env;
	root_component_init(&nic_tap_root, "Nic", sizeof(struct nic_tap_session),
	                    &nic_tap_root_ops, 0, env_heap(env));
	if (!nic_tap_config(env, device, sizeof(device)) || !nic_tap_device_open(env, device))
		env_exit(env, 1);
	if (nic_tap_reader_start(&nic_tap) != STATUS_OK ||
	    root_component_manage(&nic_tap_root, env_ep(env), &root, &root_cap) != STATUS_OK) {
		log_error("nic_drv: cannot start serving");
		env_exit(env, 1);
	}
	status_t s = parent_announce(env_parent(env), "Nic", root_cap);
	if (s != STATUS_OK) {
		log_error("nic_drv: announcing \"Nic\" failed: %s", status_name(s));
		env_exit(env, 1);
	}
	log_print("nic_drv: device \"%s\", MAC %02x:%02x:%02x:%02x:%02x:%02x", device,
	          (unsigned)(nic_tap.mac >> 40 & 0xff), (unsigned)(nic_tap.mac >> 32 & 0xff),
	          (unsigned)(nic_tap.mac >> 24 & 0xff), (unsigned)(nic_tap.mac >> 16 & 0xff),
	          (unsigned)(nic_tap.mac >> 8 & 0xff), (unsigned)(nic_tap.mac & 0xff));
}
