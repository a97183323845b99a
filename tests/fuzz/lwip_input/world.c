/*
 * \brief  fuzz-lwip_input: lwIP as a component runs it, with a clock of its own
 *
 * lwIP runs as in a component: its tcpip thread processes the frames that
 * tcpip_input queues, as the NIC session's netif does. Everything else
 * the fuzzer does to lwIP (the clock, the reset) is also a message to
 * that thread, and each input ends by waiting for a last message: the
 * thread handles them in order, so one input's outcome does not depend
 * on thread timing. lwIP's clock (sys_now, defined here in place of the
 * Timer session's) moves only when the input says so.
 */

#include <string.h>

#include <base/semaphore.h>
#include <lwip/dhcp.h>
#include <lwip/etharp.h>
#include <lwip/init.h>
#include <lwip/priv/tcp_priv.h>
#include <lwip/tcp.h>
#include <lwip/tcpip.h>
#include <lwip/udp.h>
#include <netif/ethernet.h>

#include "fuzz_lwip.h"

void log_output_line(const char *line, size_t len);

static struct netif netifs[FUZZ_NETIFS];
static u32_t clock_ms;
static volatile uint8_t sink; /* what the link "sent", so that every byte is read */

u32_t
sys_now(void)
{
	return __atomic_load_n(&clock_ms, __ATOMIC_RELAXED);
}

/* lwIP's diagnostics would only slow the fuzzer down */
void
log_output_line(const char *line, size_t len)
{
	(void)line;
	(void)len;
}

static err_t
link_output(struct netif *netif, struct pbuf *p)
{
	uint8_t x = 0;
	for (struct pbuf *q = p; q; q = q->next)
		for (u16_t i = 0; i < q->len; i++)
			x ^= ((const uint8_t *)q->payload)[i];
	sink = x;
	return ERR_OK;
}

static err_t
netif_setup(struct netif *netif)
{
	static const uint8_t mac[ETH_HWADDR_LEN] = {2, 0, 0, 0, 0, 1};
	memcpy(netif->hwaddr, mac, sizeof(mac));
	netif->hwaddr[5] += (uint8_t)(netif == &netifs[1]);
	netif->hwaddr_len = ETH_HWADDR_LEN;
	netif->mtu = 1500;
	netif->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET;
	netif->output = etharp_output;
	netif->linkoutput = link_output;
	return ERR_OK;
}

static err_t
tcp_echo_recv(void *arg, struct tcp_pcb *pcb, struct pbuf *p, err_t err)
{
	if (!p) {
		tcp_close(pcb);
		return ERR_OK;
	}
	tcp_recved(pcb, p->tot_len);
	if (p->len && tcp_sndbuf(pcb) >= p->len)
		(void)tcp_write(pcb, p->payload, p->len, TCP_WRITE_FLAG_COPY);
	pbuf_free(p);
	return ERR_OK;
}

static err_t
tcp_accept_one(void *arg, struct tcp_pcb *pcb, err_t err)
{
	if (err != ERR_OK || !pcb)
		return ERR_VAL;
	tcp_recv(pcb, tcp_echo_recv);
	return ERR_OK;
}

static void
udp_echo(void *arg, struct udp_pcb *pcb, struct pbuf *p, const ip_addr_t *addr, u16_t port)
{
	(void)udp_sendto(pcb, p, addr, port);
	pbuf_free(p);
}

static void
servers_start(void)
{
	struct tcp_pcb *tcp = tcp_new();
	if (tcp && tcp_bind(tcp, IP_ANY_TYPE, 80) == ERR_OK && (tcp = tcp_listen(tcp)))
		tcp_accept(tcp, tcp_accept_one);
	struct udp_pcb *udp = udp_new();
	if (udp && udp_bind(udp, IP_ANY_TYPE, 7) == ERR_OK)
		udp_recv(udp, udp_echo, NULL);
}

static void
world_setup(void *arg)
{
	ip4_addr_t ip, mask, gw;
	IP4_ADDR(&ip, 10, 0, 2, 55);
	IP4_ADDR(&mask, 255, 255, 255, 0);
	IP4_ADDR(&gw, 10, 0, 2, 1);
	netif_add(&netifs[0], &ip, &mask, &gw, NULL, netif_setup, tcpip_input);
	netif_add(&netifs[1], IP4_ADDR_ANY4, IP4_ADDR_ANY4, IP4_ADDR_ANY4, NULL, netif_setup,
	          tcpip_input);
	netif_set_default(&netifs[0]);
	for (unsigned i = 0; i < FUZZ_NETIFS; i++) {
		netif_set_up(&netifs[i]);
		netif_set_link_up(&netifs[i]);
	}
	(void)dhcp_start(&netifs[1]);
	servers_start();
	semaphore_up(arg);
}

/* run fn in the tcpip thread after everything queued before, and wait */
static void
in_order(tcpip_callback_fn fn)
{
	static struct semaphore done = SEMAPHORE_INIT(0);
	while (tcpip_callback(fn, &done) != ERR_OK)
		;
	semaphore_down(&done);
}

static void
started(void *arg)
{
	semaphore_up(arg);
}

void
fuzz_world_init(void)
{
	static bool ready;
	if (ready)
		return;
	struct semaphore up = SEMAPHORE_INIT(0);
	tcpip_init(started, &up);
	semaphore_down(&up);
	in_order(world_setup);
	ready = true;
}

struct netif *
fuzz_world_netif(unsigned i)
{
	return &netifs[i % FUZZ_NETIFS];
}

static u32_t advance_by;

static void
advance(void *arg)
{
	__atomic_store_n(&clock_ms, clock_ms + advance_by, __ATOMIC_RELAXED);
	sys_check_timeouts();
	semaphore_up(arg);
}

void
fuzz_world_advance(uint32_t ms)
{
	advance_by = ms;
	in_order(advance);
}

static void
reset(void *arg)
{
	while (tcp_active_pcbs)
		tcp_abort(tcp_active_pcbs);
	while (tcp_tw_pcbs)
		tcp_abort(tcp_tw_pcbs);
	for (unsigned i = 0; i < FUZZ_NETIFS; i++)
		etharp_cleanup_netif(&netifs[i]);
	semaphore_up(arg);
}

void
fuzz_world_reset(void)
{
	in_order(reset);
}
