/*
 * \brief  libc_lwip: BSD sockets of a libc component on lwIP (doc/net.md)
 *
 * A libc component that links libc_lwip (LIBS += libc libc_lwip) and
 * calls libc_lwip_init once from main gets AF_INET sockets (TCP and
 * UDP) through the C library: socket, bind, connect, accept, read,
 * write, send, recv, poll, ... are served by lwIP. lwIP's loopback
 * netif (127.0.0.1) is up at once; a NIC-backed interface is the
 * program's business (lwip_env.h).
 */

#ifndef _LIBC_LWIP_H_
#define _LIBC_LWIP_H_

/* start lwIP and register the plugin: 0, or -1 with errno ENOMEM (no thread for lwIP) */
int libc_lwip_init(void);

#endif /* _LIBC_LWIP_H_ */
