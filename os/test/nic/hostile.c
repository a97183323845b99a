/*
 * \brief  test-nic as a hostile client: it corrupts its TX queues
 *
 * Writes into the TX region what a well-behaved source never would,
 * behind the back of its own source state, and pokes the driver, which
 * must cut the session off: a later call on it fails.
 */

#include <base/log.h>
#include <util/string.h>

#include "test_nic.h"

/* write what no well-behaved client would; false for an unknown mode */
static bool
corrupt(struct nic_client *c, const char *mode)
{
	if (str_equal(mode, "tx_head")) {
		/* 2^31 - 1 entries past the tail: more than any queue holds */
		atomic_store(&c->tx.submit.queue->head.value, 0x7fffffffu);
	} else if (str_equal(mode, "tx_descriptor")) {
		/* one frame whose offset + size wraps around 2^64, published properly */
		struct packet_stream_slot *slot = &c->tx.submit.slots[0];
		atomic_store(&slot->word[0], UINT64_MAX - 8);
		atomic_store(&slot->word[1], 64);
		atomic_store(&c->tx.submit.queue->head.value, 1);
	} else if (str_equal(mode, "rx_ack")) {
		/* acks of packets never received: the driver sees them at its next frame */
		atomic_store(&c->rx.ack.queue->head.value, 0x7fffffffu);
	} else {
		log_error("test-nic: unknown hostile mode \"%s\"", mode);
		return false;
	}
	return true;
}

bool
test_nic_corrupt(struct test_nic *t, const char *mode)
{
	struct nic_client *c = &t->nic;

	if (!corrupt(c, mode))
		return false;
	(void)signal_submit(c->tx_sigh, 1);
	for (unsigned i = 0; i < 20; i++) {
		uint64_t mac;
		status_t st = nic_session_mac_address(c->session, &mac);
		if (st != STATUS_OK) {
			log_print("test-nic: hostile session (%s) cut off (%s)", mode,
			          status_name(st));
			return true;
		}
		/* a frame for the RX side to notice: the host's answer to our request */
		if (str_equal(mode, "rx_ack"))
			(void)test_nic_arp_request(t);
		(void)nic_client_wait(c, 100000);
	}
	log_error("test-nic: hostile session (%s) was not cut off", mode);
	return false;
}
