/*
 * \brief  lwIP's options for Genode/C (doc/net.md, "lwIP")
 *
 * lwIP runs with its own thread (NO_SYS 0): the tcpip thread owns the
 * stack, application threads enter it through the core lock
 * (LWIP_TCPIP_CORE_LOCKING) or its mailbox. IPv4 only, with DHCP, TCP,
 * UDP, ICMP, ARP, the loopback netif and the sockets API under lwIP's
 * own names (lwip_socket, ...): the libc plugin (libports/lwip/libc)
 * maps the C runtime's socket calls onto them, so no name clashes with
 * the C library's.
 *
 * Memory: lwIP's heap (MEM_SIZE) and pools are static arrays of the
 * program. A TCP window of 44 segments (64 KiB without window scaling)
 * and a send buffer of the same size keep a 1-Gbit/s-class TAP link
 * busy; pools are sized for a few dozen connections.
 */

#ifndef _LWIPOPTS_H_
#define _LWIPOPTS_H_

/* the operating-system side: sys_arch on framework threads (libports/lwip/sys) */
#define NO_SYS                    0
#define SYS_LIGHTWEIGHT_PROT      1
#define LWIP_TCPIP_CORE_LOCKING   1
#define LWIP_TCPIP_TIMEOUT        1
#define TCPIP_THREAD_NAME         "lwip_tcpip"
#define TCPIP_THREAD_STACKSIZE    (64 * 1024)
#define TCPIP_MBOX_SIZE           256
#define DEFAULT_THREAD_STACKSIZE  (64 * 1024)
#define DEFAULT_RAW_RECVMBOX_SIZE 64
#define DEFAULT_UDP_RECVMBOX_SIZE 64
#define DEFAULT_TCP_RECVMBOX_SIZE 64
#define DEFAULT_ACCEPTMBOX_SIZE   16

/* protocols */
#define LWIP_IPV4           1
#define LWIP_IPV6           0
#define LWIP_ARP            1
#define LWIP_ETHERNET       1
#define LWIP_ICMP           1
#define LWIP_RAW            1
#define LWIP_UDP            1
#define LWIP_TCP            1
#define LWIP_DHCP           1
#define DHCP_DOES_ARP_CHECK 0
#define LWIP_AUTOIP         0
#define LWIP_IGMP           0
#define LWIP_DNS            0
#define IP_REASSEMBLY       1
#define IP_FRAG             1

/* netifs: the loopback netif (127.0.0.1) and loopback on every netif */
#define LWIP_HAVE_LOOPIF           1
#define LWIP_NETIF_LOOPBACK        1
#define LWIP_LOOPBACK_MAX_PBUFS    0
#define LWIP_NETIF_STATUS_CALLBACK 1
#define LWIP_NETIF_LINK_CALLBACK   1
#define LWIP_NETIF_API             1
#define LWIP_SINGLE_NETIF          0

/* APIs: netconn and sockets, under lwIP's names only */
#define LWIP_NETCONN                1
#define LWIP_SOCKET                 1
#define LWIP_COMPAT_SOCKETS         0
#define LWIP_POSIX_SOCKETS_IO_NAMES 0
#define LWIP_SOCKET_OFFSET          0
#define LWIP_SOCKET_SELECT          1
#define LWIP_SOCKET_POLL            1
#define LWIP_SO_RCVTIMEO            1
#define LWIP_SO_SNDTIMEO            1
#define SO_REUSE                    1
#define LWIP_SO_RCVBUF              1 /* FIONREAD needs its accounting */
#define LWIP_FIONREAD_LINUXMODE     1 /* FIONREAD of UDP: the next datagram */
#define LWIP_TCP_KEEPALIVE          1
#define LWIP_TIMEVAL_PRIVATE        0
#define LWIP_NETCONN_SEM_PER_THREAD 0
#define LWIP_NETCONN_FULLDUPLEX     0

/* memory */
#define MEM_LIBC_MALLOC          0
#define MEMP_MEM_MALLOC          0
#define MEM_ALIGNMENT            8
#define MEM_SIZE                 (512 * 1024)
#define MEMP_NUM_PBUF            128
#define MEMP_NUM_RAW_PCB         8
#define MEMP_NUM_UDP_PCB         16
#define MEMP_NUM_TCP_PCB         32
#define MEMP_NUM_TCP_PCB_LISTEN  16
#define MEMP_NUM_TCP_SEG         512
#define MEMP_NUM_NETBUF          64
#define MEMP_NUM_NETCONN         64
#define MEMP_NUM_TCPIP_MSG_API   64
#define MEMP_NUM_TCPIP_MSG_INPKT 256
#define MEMP_NUM_SYS_TIMEOUT     (LWIP_NUM_SYS_TIMEOUT_INTERNAL + 8)
#define PBUF_POOL_SIZE           512
#define PBUF_POOL_BUFSIZE \
	LWIP_MEM_ALIGN_SIZE(TCP_MSS + 40 + PBUF_LINK_ENCAPSULATION_HLEN + PBUF_LINK_HLEN)

/* TCP: a full window without scaling */
#define TCP_MSS           1460
#define TCP_WND           (44 * TCP_MSS)
#define TCP_SND_BUF       (44 * TCP_MSS)
#define TCP_SND_QUEUELEN  (4 * TCP_SND_BUF / TCP_MSS)
#define TCP_QUEUE_OOSEQ   1
#define LWIP_TCP_SACK_OUT 0

/* checks: lwIP's own assertions stay on (arch/cc.h reports them) */
#define LWIP_STATS            0
#define LWIP_CHECKSUM_ON_COPY 1

#endif /* _LWIPOPTS_H_ */
