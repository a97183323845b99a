/*
 * \brief  Unit test of nic_server_mac_parse: a driver config's MAC address
 *
 * Six pairs of hex digits separated by colons, nothing else: a config
 * that says anything else must be refused, not half taken.
 */

#include <os/nic_server.h>

#include "../../harness/harness.h"

static void
mac_valid(void)
{
	uint64_t mac = 0;

	CHECK(nic_server_mac_parse("02:00:00:00:00:01", &mac));
	CHECK_EQ(mac, (uint64_t)NIC_SERVER_MAC_DEFAULT);
	CHECK(nic_server_mac_parse("AA:bb:Cc:0f:F0:99", &mac));
	CHECK_EQ(mac, 0xaabbcc0ff099ull);
	CHECK(nic_server_mac_parse("ff:ff:ff:ff:ff:ff", &mac));
	CHECK_EQ(mac, 0xffffffffffffull);
}

static void
mac_malformed(void)
{
	static const char *const bad[] = {
	        "",
	        "02:00:00:00:00",       /* five bytes */
	        "02:00:00:00:00:01:",   /* trailing separator */
	        "02:00:00:00:00:01:02", /* seven bytes */
	        "02-00-00-00-00-01",    /* other separator */
	        "2:00:00:00:00:01",     /* one digit */
	        "02:00:00:00:00:0g",    /* not hex */
	        "02:00:00:00:00:1",     /* short last byte */
	        "020:00:00:00:00:01",   /* three digits */
	        " 02:00:00:00:00:01",   /* leading space */
	};
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		uint64_t mac = 42;
		CHECK_STR(nic_server_mac_parse(bad[i], &mac) ? bad[i] : "refused", "refused");
		CHECK_EQ(mac, 42u); /* untouched */
	}
}

TEST_MAIN(TEST_CASE(mac_valid), TEST_CASE(mac_malformed))
