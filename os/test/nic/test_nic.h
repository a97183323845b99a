/*
 * \brief  test-nic: a NIC-session client that answers ARP and ping
 *
 * <config ip="10.0.2.2" host="10.0.2.1" echoes="3" hostile="tx_head rx_ack"/>.
 * It resolves host by ARP (a frame out through nic_drv and the answer
 * back), logs "ready", then answers ARP requests for ip and ICMP echo
 * requests to it until it answered echoes of them. With hostile="...",
 * first one session per mode (label "hostile-<mode>") corrupts its
 * queues and must be cut off; each next session, "echo" last, is opened
 * while the earlier ones are still open: the driver must have freed the
 * device at each cut-off.
 */

#ifndef _OS__TEST__NIC__TEST_NIC_H_
#define _OS__TEST__NIC__TEST_NIC_H_

#include <stdbool.h>
#include <stdint.h>

#include <os/nic_client.h>

struct test_nic {
	struct nic_client nic;
	uint8_t ip[4], host[4];
	uint8_t host_mac[NIC_MAC_SIZE];
	bool host_known;
	unsigned echoes; /* answered so far */
	uint64_t rx_frames, tx_frames;
};

/* handle one received frame (untrusted): answer what is ours to answer */
void test_nic_frame(struct test_nic *t, const uint8_t *f, size_t size);

/* send an ARP request for t->host */
bool test_nic_arp_request(struct test_nic *t);

/* send n frames of an experimental ethertype to host at once */
bool test_nic_burst(struct test_nic *t, unsigned n);

/*
 * Corrupt t's session in mode "tx_head", "tx_descriptor" (TX queue) or
 * "rx_ack" (RX ack queue), poke the driver and wait until a call on the
 * session fails; false (logged) if it does not within 2 s
 */
bool test_nic_corrupt(struct test_nic *t, const char *mode);

/*
 * Requests nic_drv must refuse while the device is free (regions out of
 * range, a donation short of them); false (logged) if one was served
 */
bool test_nic_refusals(struct env *env);

/* a second session while one is connected must be refused; false (logged) if not */
bool test_nic_busy(struct env *env);

#endif /* _OS__TEST__NIC__TEST_NIC_H_ */
