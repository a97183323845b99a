/*
 * \brief  bench-lwip: the same sink with lwIP on the TAP device directly
 *
 * The baseline: this process opens the TAP device itself and runs lwIP
 * with the same options and the same sink; its netif reads frames from
 * the device in a thread of its own and writes them to it, with the same
 * copy into lwIP (lwip_frame_input) as the NIC session's netif. What the
 * component pays beyond this is the NIC session and nic_drv.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <base/semaphore.h>
#include <lwip/etharp.h>
#include <lwip/netif.h>
#include <lwip/tcpip.h>
#include <lwip_frame.h>
#include <netif/ethernet.h>

#include "bench_lwip.h"
#include "sink.h"

static int tap = -1;
static struct netif netif;
static struct lwip_frame_counts counts;

static int
tap_open(const char *dev)
{
	int fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);
	struct ifreq ifr;
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
	strncpy(ifr.ifr_name, dev, IFNAMSIZ - 1);
	if (fd >= 0 && ioctl(fd, TUNSETIFF, &ifr) != 0) {
		close(fd);
		fd = -1;
	}
	return fd;
}

/* under lwIP's core lock: one writer at a time */
static err_t
link_output(struct netif *n, struct pbuf *p)
{
	static uint8_t frame[1518];
	(void)n;
	if (p->tot_len > sizeof(frame))
		return ERR_BUF;
	u16_t len = pbuf_copy_partial(p, frame, p->tot_len, 0);
	return write(tap, frame, len) == len ? ERR_OK : ERR_IF;
}

static void *
reader(void *arg)
{
	(void)arg;
	static uint8_t frame[2048];
	for (;;) {
		ssize_t n = read(tap, frame, sizeof(frame));
		if (n > 0)
			lwip_frame_input(&netif, frame, (size_t)n, &counts);
	}
	return NULL;
}

static err_t
netif_setup(struct netif *n)
{
	static const uint8_t mac[ETH_HWADDR_LEN] = {2, 0, 0, 0, 0, 1};
	memcpy(n->hwaddr, mac, sizeof(mac));
	n->hwaddr_len = ETH_HWADDR_LEN;
	n->mtu = 1500;
	n->flags = NETIF_FLAG_BROADCAST | NETIF_FLAG_ETHARP | NETIF_FLAG_ETHERNET;
	n->output = etharp_output;
	n->linkoutput = link_output;
	return ERR_OK;
}

static void
ready(void *arg)
{
	semaphore_up(arg);
}

static bool
lwip_on_tap(void)
{
	/* nic_drv may hold the device a moment after core's end: EBUSY */
	for (int i = 0; i < 100 && (tap = tap_open(BENCH_TAP)) < 0; i++)
		usleep(20 * 1000);
	if (tap < 0) {
		fprintf(stderr, "bench-lwip: cannot open %s: %s\n", BENCH_TAP, strerror(errno));
		return false;
	}
	struct semaphore up = SEMAPHORE_INIT(0);
	tcpip_init(ready, &up);
	semaphore_down(&up);
	ip4_addr_t ip, mask;
	ip4addr_aton(BENCH_LWIP_IP, &ip);
	ip4addr_aton("255.255.255.0", &mask);
	LOCK_TCPIP_CORE();
	bool ok = netif_add(&netif, &ip, &mask, IP4_ADDR_ANY4, NULL, netif_setup, tcpip_input);
	if (ok) {
		netif_set_default(&netif);
		netif_set_link_up(&netif);
		netif_set_up(&netif);
	}
	UNLOCK_TCPIP_CORE();
	pthread_t t;
	return ok && pthread_create(&t, NULL, reader, NULL) == 0;
}

static struct semaphore listening_sem = SEMAPHORE_INIT(0);
static int64_t received;

static void
listening(void)
{
	semaphore_up(&listening_sem);
}

static void *
sink_thread(void *arg)
{
	(void)arg;
	received = sink_serve_one(listening);
	if (received < 0)
		semaphore_up(&listening_sem);
	return NULL;
}

double
direct_mb_s(uint64_t bytes)
{
	pthread_t t;
	if (!lwip_on_tap() || pthread_create(&t, NULL, sink_thread, NULL) != 0)
		return -1;
	semaphore_down(&listening_sem);
	double mb_s = received < 0 ? -1 : sender_mb_s(BENCH_LWIP_IP, SINK_PORT, bytes);
	pthread_join(t, NULL);
	return received == (int64_t)bytes ? mb_s : -1;
}
