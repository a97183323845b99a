/*
 * \brief  Raw socket helpers for tests that play a misbehaving peer
 *
 * These bypass the framework on purpose: they send whatever bytes and
 * descriptors a test wants, to check that the other side copes.
 */

#ifndef _TESTS__UNIT__IPC__RAW_H_
#define _TESTS__UNIT__IPC__RAW_H_

#include <stdbool.h>
#include <stddef.h>

#include <base/rpc_msg.h>

/* send len bytes plus nfds descriptors as one packet; false on error */
bool raw_send(int sock, const void *data, size_t len, const int *fds, unsigned nfds);

/*
 * Receive one packet of up to size bytes and at most *nfds descriptors
 * (more are closed). Returns the byte count or -1; *nfds is updated.
 */
long raw_recv(int sock, void *data, size_t size, int *fds, unsigned *nfds);

/*
 * Open a reply channel to the object behind cap_fd the way the framework
 * does, but keep the client end for raw use. Returns it, or -1.
 */
int raw_channel_open(int cap_fd);

/* receive a reply header on a raw channel; -1 if none or malformed */
int raw_reply_status(int chan);

/* whether the read end of a pipe reports end-of-file within ms */
bool raw_pipe_hangs_up(int read_fd, int ms);

/* count of this process's open descriptors */
unsigned raw_fd_count(void);

#endif /* _TESTS__UNIT__IPC__RAW_H_ */
