/*
 * \brief  test-mach_ipc: the IPC library of GNU Mach in one bootstrap task
 *
 * The main thread is the client (and serves an entrypoint of its own for
 * async replies and watches); a second, raw thread serves the test_rpc
 * objects. Both in one task: names are the same on both sides, which the
 * checks take into account.
 */

#ifndef _TEST_MACH_IPC_H_
#define _TEST_MACH_IPC_H_

#include <stdbool.h>

#include <base/entrypoint.h>
#include <mach/port.h>
#include <test_rpc/rpc.h>

enum { OBJECTS = 4, DEFER_MAGIC = 0xdead, DROP_MAGIC = 0xd0d0, DENY_MAGIC = 7 };

/* console (console.c) */
void console_init(mach_port_t device_master);
void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void check(const char *what, bool ok);
unsigned checks_failed(void);
_Noreturn void finish(void);

/* the server thread (server.c) */
void server_start(void);
extern test_rpc_cap_t srv_cap[OBJECTS]; /* the server's own capabilities */
extern volatile bool srv_deferred;      /* a call waits in srv_handle */
extern struct rpc_reply_handle srv_handle;
extern volatile bool srv_kept_same; /* keep() got a cap the server knew */
extern struct entrypoint *srv_ep;

/* a raw port the server thread watches: it answers calls with garbage (raw.c) */
mach_port_t raw_garbage_port(void);
void raw_checks(test_rpc_cap_t obj);

void checks_call(void);
void checks_ep(void);

#endif
