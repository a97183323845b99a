/*
 * \brief  lwip_nic: lwIP's netif over a NIC session
 *
 * Sending: lwIP calls link_output with its core lock held (from the
 * tcpip thread or an application thread inside the stack), so TX is
 * used by one thread at a time. A frame goes into a TX packet of the
 * session and is submitted; while the region or queue is full, the
 * sender waits for the receiver thread to pass on the driver's acks
 * (at most TX_PATIENCE_MS, then the frame is dropped, as a full link
 * drops, and TCP sends it again).
 *
 * Receiving: a thread of its own waits for the session's signals, copies
 * each received frame into lwIP (lwip_frame_input, which queues it for
 * the tcpip thread) and acknowledges it at once. It never takes the core
 * lock, so a sender waiting for TX room cannot block it.
 *
 * A driver that breaks a stream is named once; the netif then stays
 * down (its frames are lost), the component keeps running.
 */

#include <string.h>

#include <base/log.h>
#include <base/semaphore.h>
#include <base/thread.h>
#include <lwip/dhcp.h>
#include <lwip/etharp.h>
#include <lwip/netif.h>
#include <lwip/tcpip.h>
#include <lwip_frame.h>
#include <netif/ethernet.h>
#include <os/nic_client.h>

#include "nic_netif.h"

enum {
	TX_PATIENCE_MS = 1000,
	TX_WAIT_STEP_US = 10 * 1000,
	RX_STACK = 32 * 1024,
};

struct nic_netif {
	struct nic_client client;
	struct netif netif;
	struct lwip_frame_counts rx_counts;
	struct semaphore tx_room; /* upped by the receiver while tx_waiting */
	_Atomic bool tx_waiting;
	_Atomic bool broken;
	uint64_t tx_dropped;
	struct thread *receiver;
};

/* one NIC netif per program, kept for its life */
static struct nic_netif nic;
static bool started;

static void
stream_broken(struct nic_netif *n, const char *where)
{
	if (!n->broken)
		log_error("lwip: the NIC session's %s broke: %s", where,
		          nic_client_error(&n->client));
	n->broken = true;
}

/* a TX packet for len bytes, waiting for the driver's acks if need be */
static status_t
tx_packet(struct nic_netif *n, size_t len, struct packet_descriptor *p, void **data)
{
	for (unsigned waited_ms = 0;; waited_ms += TX_WAIT_STEP_US / 1000) {
		n->tx_waiting = true;
		status_t s = nic_client_tx_alloc(&n->client, len, p, data);
		if (s != STATUS_OUT_OF_MEMORY && s != STATUS_WOULD_BLOCK) {
			n->tx_waiting = false;
			return s;
		}
		if (waited_ms >= TX_PATIENCE_MS) {
			n->tx_waiting = false;
			return s;
		}
		(void)semaphore_down_timeout(&n->tx_room, TX_WAIT_STEP_US);
	}
}

static status_t
tx_submit(struct nic_netif *n, const struct packet_descriptor *p)
{
	for (unsigned waited_ms = 0;; waited_ms += TX_WAIT_STEP_US / 1000) {
		n->tx_waiting = true;
		status_t s = nic_client_tx_submit(&n->client, p);
		if (s != STATUS_WOULD_BLOCK || waited_ms >= TX_PATIENCE_MS) {
			n->tx_waiting = false;
			return s;
		}
		(void)semaphore_down_timeout(&n->tx_room, TX_WAIT_STEP_US);
	}
}

static err_t
link_output(struct netif *netif, struct pbuf *q)
{
	struct nic_netif *n = netif->state;
	struct packet_descriptor p;
	void *data;
	if (n->broken)
		return ERR_IF;
	status_t s = tx_packet(n, q->tot_len, &p, &data);
	if (s == STATUS_OK) {
		(void)pbuf_copy_partial(q, data, q->tot_len, 0);
		s = tx_submit(n, &p);
	}
	if (s == STATUS_PROTOCOL)
		stream_broken(n, "TX stream");
	if (s != STATUS_OK) {
		if (n->tx_dropped++ == 0)
			log_warning("lwip: NIC TX full for %u ms: frames are dropped",
			            TX_PATIENCE_MS);
		return ERR_MEM;
	}
	return ERR_OK;
}

/* every frame waiting in RX into lwIP */
static void
rx_drain(struct nic_netif *n)
{
	struct packet_descriptor p;
	const uint8_t *data;
	size_t size;
	status_t s;
	while ((s = nic_client_rx_get(&n->client, &p, &data, &size)) == STATUS_OK) {
		lwip_frame_input(&n->netif, data, size, &n->rx_counts);
		if ((s = nic_client_rx_done(&n->client, &p)) != STATUS_OK)
			break;
	}
	if (s != STATUS_WOULD_BLOCK)
		stream_broken(n, "RX stream");
}

static void
receiver_main(void *arg)
{
	struct nic_netif *n = arg;
	while (!n->broken) {
		rx_drain(n);
		if (n->tx_waiting)
			semaphore_up(&n->tx_room);
		(void)nic_client_wait(&n->client, UINT64_MAX);
	}
}

static void
status_changed(struct netif *netif)
{
	if (!netif_is_up(netif) || ip4_addr_isany_val(*netif_ip4_addr(netif)))
		return;
	char ip[16], mask[16], gw[16];
	ip4addr_ntoa_r(netif_ip4_addr(netif), ip, sizeof(ip));
	ip4addr_ntoa_r(netif_ip4_netmask(netif), mask, sizeof(mask));
	ip4addr_ntoa_r(netif_ip4_gw(netif), gw, sizeof(gw));
	log_print("lwip: got address %s netmask %s gateway %s", ip, mask, gw);
}

static err_t
netif_setup(struct netif *netif)
{
	struct nic_netif *n = netif->state;
	memcpy(netif->hwaddr, n->client.mac, ETH_HWADDR_LEN);
	netif->hwaddr_len = ETH_HWADDR_LEN;
	netif->mtu = 1500;
	netif->name[0] = 'e';
	netif->name[1] = 'n';
	netif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET;
	netif->output = etharp_output;
	netif->linkoutput = link_output;
	return ERR_OK;
}

/* under the core lock: add the netif, make it the default and bring it up */
static status_t
netif_bring_up(struct nic_netif *n, const struct nic_netif_addr *a)
{
	status_t s = STATUS_OK;
	LOCK_TCPIP_CORE();
	if (!netif_add(&n->netif, &a->ip, &a->netmask, &a->gateway, n, netif_setup, tcpip_input)) {
		s = STATUS_OUT_OF_MEMORY;
	} else {
		netif_set_status_callback(&n->netif, status_changed);
		netif_set_default(&n->netif);
		netif_set_link_up(&n->netif);
		netif_set_up(&n->netif);
		if (a->dhcp && dhcp_start(&n->netif) != ERR_OK)
			s = STATUS_OUT_OF_MEMORY;
	}
	UNLOCK_TCPIP_CORE();
	return s;
}

status_t
nic_netif_start(struct env *env, const struct nic_netif_addr *a)
{
	if (started)
		return STATUS_CONFLICT;
	started = true; /* one attempt per program, whatever its outcome */
	semaphore_init(&nic.tx_room, 0);
	status_t s = nic_client_open(&nic.client, env, "lwip", a->tx_buf_size, a->rx_buf_size);
	if (s != STATUS_OK) {
		log_error("lwip: no NIC session: %s", status_name(s));
		return s;
	}
	/* the netif first: the receiver hands frames to it from its first one */
	s = netif_bring_up(&nic, a);
	if (s != STATUS_OK) {
		log_error("lwip: cannot bring up the NIC netif: %s", status_name(s));
		return s; /* the session stays, as the netif may have been added */
	}
	s = thread_create("lwip_nic_rx", RX_STACK, receiver_main, &nic, &nic.receiver);
	if (s == STATUS_OK && (s = thread_start(nic.receiver)) != STATUS_OK)
		(void)thread_join(nic.receiver);
	if (s != STATUS_OK) {
		log_error("lwip: cannot start the NIC receiver: %s", status_name(s));
		return s;
	}
	return STATUS_OK;
}
