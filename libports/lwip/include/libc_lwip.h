/*
 * \brief  libc_lwip: BSD sockets of a libc component on lwIP (doc/net.md)
 *
 * A libc component that links libc_lwip (LIBS += libc libc_lwip lwip)
 * and calls libc_lwip_init once from main gets AF_INET sockets (TCP and
 * UDP) through the C library: socket, bind, connect, accept, read,
 * write, send, recv, poll, ... are served by lwIP. lwIP's loopback
 * netif (127.0.0.1) is up at once. If the component's config has an
 * <lwip> node, a netif over a NIC session comes up as it says (DHCP or
 * a static address, lwip_env.h: lwip_nic_up):
 *
 *   <config> <lwip dhcp="yes"/> </config>
 */

#ifndef _LIBC_LWIP_H_
#define _LIBC_LWIP_H_

/*
 * Start lwIP, bring up the configured NIC and register the plugin, once:
 * 0, or -1 with errno ENOMEM (no thread for lwIP), EINVAL (a bad <lwip>
 * node, named on the LOG) or ENETDOWN (no NIC session). Later calls
 * give the first call's answer.
 */
int libc_lwip_init(void);

#endif /* _LIBC_LWIP_H_ */
