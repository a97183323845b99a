/*
 * \brief  test-nic: the ARP and ICMP echo answers, checked field by field
 *
 * Every received frame is untrusted: lengths are checked before each
 * field is read, and anything unexpected is ignored.
 */

#include <base/log.h>
#include <util/string.h>

#include "test_nic.h"

enum {
	ETH_HDR = 14,
	ETH_ARP = 0x0806,
	ETH_IP = 0x0800,
	ETH_TEST = 0x88b5, /* IEEE's local experimental ethertype */
	ARP_LEN = 28,
	ICMP_ECHO_REQUEST = 8,
	ICMP_ECHO_REPLY = 0,
};

static uint16_t
be16(const uint8_t *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static void
put16(uint8_t *p, uint16_t v)
{
	p[0] = (uint8_t)(v >> 8);
	p[1] = (uint8_t)v;
}

/* the Internet checksum of size bytes */
static uint16_t
inet_sum(const uint8_t *p, size_t size)
{
	uint32_t sum = 0;
	for (size_t i = 0; i + 1 < size; i += 2)
		sum += be16(p + i);
	if (size & 1)
		sum += (uint32_t)p[size - 1] << 8;
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return (uint16_t)~sum;
}

/* allocate a frame of size bytes, let fill write it, send it */
static bool
send_frame(struct test_nic *t, size_t size,
           void (*fill)(struct test_nic *, uint8_t *, const void *), const void *arg)
{
	struct packet_descriptor p;
	void *data = 0;

	for (unsigned tries = 0; tries < 100; tries++) {
		status_t st = nic_client_tx_alloc(&t->nic, size, &p, &data);
		if (st == STATUS_OK)
			break;
		if (st != STATUS_OUT_OF_MEMORY)
			return false;
		(void)nic_client_wait(&t->nic, 10000);
	}
	if (!data)
		return false;
	fill(t, data, arg);
	for (unsigned tries = 0; tries < 100; tries++) {
		status_t st = nic_client_tx_submit(&t->nic, &p);
		if (st == STATUS_OK) {
			t->tx_frames++;
			return true;
		}
		if (st != STATUS_WOULD_BLOCK)
			return false;
		(void)nic_client_wait(&t->nic, 10000);
	}
	return false;
}

static void
eth_header(struct test_nic *t, uint8_t *f, const uint8_t *dst, uint16_t type)
{
	mem_copy(f, dst, NIC_MAC_SIZE);
	mem_copy(f + 6, t->nic.mac, NIC_MAC_SIZE);
	put16(f + 12, type);
}

/* arg: the request (28 bytes of ARP) or NULL for our own request */
static void
arp_fill(struct test_nic *t, uint8_t *f, const void *arg)
{
	static const uint8_t bcast[NIC_MAC_SIZE] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
	const uint8_t *req = arg;
	uint8_t *a = f + ETH_HDR;

	eth_header(t, f, req ? req + 8 : bcast, ETH_ARP);
	put16(a, 1);
	put16(a + 2, ETH_IP);
	a[4] = 6;
	a[5] = 4;
	put16(a + 6, req ? 2 : 1);
	mem_copy(a + 8, t->nic.mac, NIC_MAC_SIZE);
	mem_copy(a + 14, t->ip, 4);
	if (req) {
		mem_copy(a + 18, req + 8, 10); /* the asker's MAC and IP */
	} else {
		mem_set(a + 18, 0, NIC_MAC_SIZE);
		mem_copy(a + 24, t->host, 4);
	}
}

bool
test_nic_arp_request(struct test_nic *t)
{
	return send_frame(t, ETH_HDR + ARP_LEN, arp_fill, 0);
}

static void
arp_handle(struct test_nic *t, const uint8_t *a, size_t len)
{
	if (len < ARP_LEN || be16(a) != 1 || be16(a + 2) != ETH_IP || a[4] != 6 || a[5] != 4)
		return;
	if (be16(a + 6) == 1 && mem_compare(a + 24, t->ip, 4) == 0)
		(void)send_frame(t, ETH_HDR + ARP_LEN, arp_fill, a);
	if (be16(a + 6) == 2 && mem_compare(a + 14, t->host, 4) == 0 && !t->host_known) {
		mem_copy(t->host_mac, a + 8, NIC_MAC_SIZE);
		t->host_known = true;
		log_print("test-nic: %u.%u.%u.%u is at %02x:%02x:%02x:%02x:%02x:%02x", t->host[0],
		          t->host[1], t->host[2], t->host[3], a[8], a[9], a[10], a[11], a[12],
		          a[13]);
	}
}

struct echo {
	const uint8_t *frame;
	size_t size;
};

/* the request with addresses swapped and type reply, checksums new */
static void
echo_fill(struct test_nic *t, uint8_t *f, const void *arg)
{
	const struct echo *e = arg;
	uint8_t *ip = f + ETH_HDR;

	mem_copy(f, e->frame, e->size);
	eth_header(t, f, e->frame + 6, ETH_IP);
	mem_copy(ip + 12, t->ip, 4);
	mem_copy(ip + 16, e->frame + ETH_HDR + 12, 4);
	size_t ihl = (size_t)(ip[0] & 0xf) * 4, total = be16(ip + 2);
	uint8_t *icmp = ip + ihl;
	icmp[0] = ICMP_ECHO_REPLY;
	put16(icmp + 2, 0);
	put16(icmp + 2, inet_sum(icmp, total - ihl));
	put16(ip + 10, 0);
	put16(ip + 10, inet_sum(ip, ihl));
}

static void
ip_handle(struct test_nic *t, const uint8_t *f, size_t size)
{
	const uint8_t *ip = f + ETH_HDR;
	size_t len = size - ETH_HDR;

	if (len < 20 || ip[0] >> 4 != 4 || mem_compare(ip + 16, t->ip, 4) != 0 || ip[9] != 1)
		return;
	size_t ihl = (size_t)(ip[0] & 0xf) * 4, total = be16(ip + 2);
	if (ihl < 20 || total > len || total < ihl + 8 || ip[ihl] != ICMP_ECHO_REQUEST)
		return;
	struct echo e = {f, ETH_HDR + total};
	if (send_frame(t, e.size, echo_fill, &e))
		t->echoes++;
}

void
test_nic_frame(struct test_nic *t, const uint8_t *f, size_t size)
{
	t->rx_frames++;
	if (size < ETH_HDR)
		return;
	if (be16(f + 12) == ETH_ARP)
		arp_handle(t, f + ETH_HDR, size - ETH_HDR);
	else if (be16(f + 12) == ETH_IP)
		ip_handle(t, f, size);
}

static void
test_fill(struct test_nic *t, uint8_t *f, const void *arg)
{
	eth_header(t, f, t->host_mac, ETH_TEST);
	mem_set(f + ETH_HDR, 0x5a, 64 - ETH_HDR);
}

bool
test_nic_burst(struct test_nic *t, unsigned n)
{
	for (unsigned i = 0; i < n; i++)
		if (!send_frame(t, 64, test_fill, 0))
			return false;
	return true;
}
