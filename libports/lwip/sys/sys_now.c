/*
 * \brief  lwIP's clock: milliseconds from a Timer session
 *
 * lwIP reads the clock for its timeouts (TCP retransmission, DHCP, ARP)
 * with sys_now. The session is opened by lwip_tcpip_init; before, the
 * clock stands at 0. A program that drives lwIP's clock itself (the
 * fuzzer) defines its own sys_now, and then this file is not linked.
 */

#include <base/env.h>
#include <base/log.h>
#include <lwip/sys.h>
#include <timer_session/connection.h>

#include "lwip_sys.h"

static timer_session_cap_t clock_session; /* OWNED, for the program's life */
static bool clock_open;

status_t
lwip_sys_clock_open(struct env *env)
{
	if (clock_open)
		return STATUS_OK;
	status_t s = timer_connection_open(env_parent(env), &clock_session);
	if (s != STATUS_OK) {
		log_error("lwip: no Timer session for lwIP's clock: %s", status_name(s));
		return s;
	}
	clock_open = true;
	return STATUS_OK;
}

u32_t
sys_now(void)
{
	/* a failed read keeps the last value: lwIP's clock never runs backwards */
	static _Atomic uint32_t last_ms;
	uint64_t us;
	if (clock_open && timer_session_elapsed_us(clock_session, &us) == STATUS_OK)
		last_ms = (uint32_t)(us / 1000);
	return last_ms;
}
