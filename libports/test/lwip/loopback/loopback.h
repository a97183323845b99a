/*
 * \brief  loopback: what its files share
 */

#ifndef _LIBPORTS__TEST__LWIP__LOOPBACK__LOOPBACK_H_
#define _LIBPORTS__TEST__LWIP__LOOPBACK__LOOPBACK_H_

#include <stdio.h>

enum {
	LOOPBACK_PORT = 8080,
	BULK_BYTES = 1024 * 1024, /* more than lwIP's windows: flow control works */
};

#define CHECK(cond, ...)                                                   \
	do {                                                               \
		if (!(cond)) {                                             \
			fprintf(stderr, "loopback: FAILED: " __VA_ARGS__); \
			fprintf(stderr, "\n");                             \
			return -1;                                         \
		}                                                          \
	} while (0)

/* the server thread: accepts two connections (a message, the bulk transfer) */
int server_start(void);
int server_wait(void);

/* the byte at offset i of the bulk transfer */
static inline unsigned char
bulk_byte(size_t i)
{
	return (unsigned char)(i * 7 + i / 251);
}

/* calls with errors as POSIX says, UDP over loopback */
int checks_run(void);

#endif /* _LIBPORTS__TEST__LWIP__LOOPBACK__LOOPBACK_H_ */
