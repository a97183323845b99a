/*
 * \brief  libc_lwip: what the plugin's files share (C library's side)
 */

#ifndef _LIBPORTS__LWIP__LIBC__LIBC_LWIP_INTERNAL_H_
#define _LIBPORTS__LWIP__LIBC__LIBC_LWIP_INTERNAL_H_

#include <stdint.h>

#include <libc-plugin/plugin.h>

#include "glue.h"

/* an AF_INET address of the C library into glue terms: 0, -EAFNOSUPPORT or -EINVAL */
long libc_lwip_addr_in(const struct sockaddr *addr, uint32_t len, struct glue_addr *a);

/* into the caller's buffer of *len bytes, truncated as POSIX says; *len = full size */
void libc_lwip_addr_out(const struct glue_addr *a, struct sockaddr *addr, uint32_t *len);

/* MSG_* of the C library into GLUE_MSG_*, or -EOPNOTSUPP */
int libc_lwip_msg_flags(int flags);

long libc_lwip_getsockopt(struct libc_file *f, int level, int name, void *val, uint32_t *len);
long libc_lwip_setsockopt(struct libc_file *f, int level, int name, const void *val, uint32_t len);

const struct libc_plugin *libc_lwip_plugin(void);
int libc_lwip_socket_of(const struct libc_file *f);

#endif /* _LIBPORTS__LWIP__LIBC__LIBC_LWIP_INTERNAL_H_ */
