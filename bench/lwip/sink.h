/*
 * \brief  bench-lwip: the TCP sink both measurements run
 *
 * The same code receives the transfer whether lwIP's frames come through
 * a NIC session (bench-lwip-sink, a component) or straight from the TAP
 * device (bench-lwip itself): only the netif differs.
 */

#ifndef _BENCH__LWIP__SINK_H_
#define _BENCH__LWIP__SINK_H_

#include <stdint.h>

enum { SINK_PORT = 5001 };

/*
 * Listen on SINK_PORT (lwIP must run), accept one connection, read it
 * to its end, close it. The bytes read, or -1 if the stack refused.
 * Calls listening() once the port is open.
 */
int64_t sink_serve_one(void (*listening)(void));

#endif /* _BENCH__LWIP__SINK_H_ */
