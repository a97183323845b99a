/*
 * \brief  test-nic: sessions nic_drv must refuse, each named in its log
 *
 * Regions outside the limits and a donation that does not cover the
 * regions (while the device is free), and a second session while one is
 * connected. Each request must fail; test-nic logs which and why.
 */

#include <base/log.h>
#include <util/format.h>

#include "test_nic.h"

/* a raw session request that must be refused; false (logged) if it is not */
static bool
refused(struct env *env, const char *label, uint64_t quota, uint64_t tx, uint64_t rx)
{
	char args[160];
	cap_t cap = cap_invalid();

	format_string(args, sizeof(args),
	              "ram_quota=%llu, tx_buf_size=%llu, rx_buf_size=%llu, label=\"%s\"",
	              (unsigned long long)quota, (unsigned long long)tx, (unsigned long long)rx,
	              label);
	status_t st = parent_session(env_parent(env), "Nic", args, &cap);
	if (st == STATUS_OK) {
		log_error("test-nic: session \"%s\" (%s) was not refused", label, args);
		nic_connection_close(env_parent(env), CAP_TYPED(nic_session_cap_t, cap));
		return false;
	}
	log_print("test-nic: session \"%s\" refused as expected (%s)", label, status_name(st));
	return true;
}

bool
test_nic_refusals(struct env *env)
{
	enum { K = 1024 };

	return refused(env, "small_buf", 1024 * K, 1 * K, 256 * K) &&
	       refused(env, "huge_buf", 1024 * K, 256 * K, (uint64_t)1 << 40) &&
	       refused(env, "short_quota", NIC_SESSION_STATE_QUOTA + 256 * K, 256 * K, 256 * K);
}

bool
test_nic_busy(struct env *env)
{
	struct nic_client second;
	status_t st = nic_client_open(&second, env, "second", 64 * 1024, 64 * 1024);

	if (st == STATUS_OK) {
		log_error("test-nic: a second session was served while \"echo\" is connected");
		nic_client_close(&second);
		return false;
	}
	log_print("test-nic: session \"second\" refused as expected (%s)", status_name(st));
	return true;
}
