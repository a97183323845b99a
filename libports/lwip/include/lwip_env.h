/*
 * \brief  lwIP in a component: start-up on the framework (doc/net.md)
 *
 * A program on lwIP (its own API, or BSD sockets through the libc plugin
 * libc_lwip) starts the stack once with lwip_tcpip_init: lwIP's tcpip
 * thread runs from then on and the loopback netif (127.0.0.1) is up. A
 * network interface over a NIC session comes from lwip_nic_up (library
 * lwip_nic).
 */

#ifndef _LWIP_ENV_H_
#define _LWIP_ENV_H_

#include <base/env.h>
#include <base/status.h>

struct node;

/* start lwIP: STATUS_OK also for every later call */
status_t lwip_tcpip_init(void);

/*
 * Add a netif over a NIC session labeled "lwip" and bring it up as the
 * config node says (NULL: DHCP):
 *
 *   <lwip dhcp="yes"/>
 *   <lwip ip="10.0.2.55" netmask="255.255.255.0" gateway="10.0.2.1"/>
 *
 * The netif becomes lwIP's default. Returns once the session is open and
 * the netif is up; a DHCP address comes later and is logged ("lwip: got
 * address 10.0.2.x"). Bad attributes are named on the LOG
 * (STATUS_INVALID_ARGS). The netif and the session are kept for the
 * program's life. Call after lwip_tcpip_init.
 */
status_t lwip_nic_up(struct env *env, const struct node *config);

#endif /* _LWIP_ENV_H_ */
