/*
 * \brief  libc_lwip: lwIP's socket calls in neutral terms
 *
 * lwIP's <lwip/sockets.h> and the C library's <sys/socket.h> define the
 * same names differently (struct sockaddr_in has a length byte in lwIP,
 * SOL_SOCKET is 0xfff, MSG_PEEK is 1), so no file may include both.
 * glue.c calls lwIP with its own definitions; plugin.c speaks the C
 * library's; between them only these plain types and constants pass.
 * Results are kernel-style: >= 0, or a negative errno value.
 */

#ifndef _LIBPORTS__LWIP__LIBC__GLUE_H_
#define _LIBPORTS__LWIP__LIBC__GLUE_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* an IPv4 endpoint, both in network byte order */
struct glue_addr {
	uint32_t ip;
	uint16_t port;
};

enum glue_type { GLUE_STREAM, GLUE_DGRAM };

enum glue_msg_flags {
	GLUE_MSG_PEEK = 1,
	GLUE_MSG_DONTWAIT = 2,
	GLUE_MSG_MORE = 4,
};

/* options with an int value (timeouts in milliseconds) */
enum glue_option {
	GLUE_SO_REUSEADDR,
	GLUE_SO_KEEPALIVE,
	GLUE_SO_ERROR,
	GLUE_SO_TYPE,
	GLUE_SO_RCVTIMEO_MS,
	GLUE_SO_SNDTIMEO_MS,
	GLUE_TCP_NODELAY,
};

enum glue_events { GLUE_IN = 1, GLUE_OUT = 2, GLUE_ERR = 4, GLUE_HUP = 8 };

long glue_socket(enum glue_type type);
void glue_close(int s);
long glue_bind(int s, const struct glue_addr *a);
/* a NULL address dissolves a datagram socket's association (AF_UNSPEC) */
long glue_connect(int s, const struct glue_addr *a);
long glue_listen(int s, int backlog);
long glue_accept(int s, struct glue_addr *peer);
long glue_send(int s, const void *buf, size_t len, int flags, const struct glue_addr *to);
long glue_recv(int s, void *buf, size_t len, int flags, struct glue_addr *from, bool *from_set);
long glue_shutdown(int s, int how);
long glue_name(int s, bool peer, struct glue_addr *a);
long glue_set_nonblock(int s, bool nonblock);
long glue_bytes_readable(int s, int *bytes);
long glue_option(int s, enum glue_option option, bool set, int *value);
/* which of the events are ready now (never blocks) */
int glue_ready(int s, int events);

#endif /* _LIBPORTS__LWIP__LIBC__GLUE_H_ */
