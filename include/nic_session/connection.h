/*
 * \brief  Opening a NIC session through the parent
 *
 * The donation covers the driver's session state and both stream
 * regions, which the driver allocates for the client: tx_buf_size +
 * rx_buf_size + NIC_SESSION_STATE_QUOTA. os/nic_client (include/os/
 * nic_client.h) builds the streams on top of this.
 */

#ifndef _INCLUDE__NIC_SESSION__CONNECTION_H_
#define _INCLUDE__NIC_SESSION__CONNECTION_H_

#include <nic_session/client.h>
#include <nic_session/packet.h>
#include <parent/client.h>
#include <util/format.h>

/* the driver's own state per session: RPC object, sink, source, label */
#define NIC_SESSION_STATE_QUOTA (64u * 1024)

/* open a NIC session; *nic is OWNED by the caller */
static inline status_t
nic_connection_open(parent_cap_t parent, const char *label, uint64_t tx_buf_size,
                    uint64_t rx_buf_size, nic_session_cap_t *nic)
{
	char args[160];
	cap_t raw = cap_invalid();

	format_string(args, sizeof(args),
	              "ram_quota=%llu, tx_buf_size=%llu, rx_buf_size=%llu%s%s%s",
	              (unsigned long long)(NIC_SESSION_STATE_QUOTA + tx_buf_size + rx_buf_size),
	              (unsigned long long)tx_buf_size, (unsigned long long)rx_buf_size,
	              label[0] ? ", label=\"" : "", label, label[0] ? "\"" : "");
	status_t s = parent_session(parent, "Nic", args, &raw);
	*nic = CAP_TYPED(nic_session_cap_t, raw);
	return s;
}

/* close a session opened with nic_connection_open; CONSUMES nic */
static inline void
nic_connection_close(parent_cap_t parent, nic_session_cap_t nic)
{
	(void)parent_close(parent, cap_raw(nic));
	cap_close(cap_raw(nic));
}

#endif /* _INCLUDE__NIC_SESSION__CONNECTION_H_ */
