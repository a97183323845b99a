/*
 * \brief  A component's stray output on GNU Mach (include/stray_log_mach.h)
 *
 * Looked up once; a line that does not fit one message is sent in parts.
 * Sent with a zero timeout: stray output must never block the component,
 * and a full queue at core loses the line rather than the component.
 */

#include <base/internal/env_platform.h>
#include <mach/mig_support.h>
#include <mach_gen/mach.h>
#include <mach_rt.h>
#include <stray_log_mach.h>
#include <util/string.h>

static mach_port_t
stray_log_port(void)
{
	static mach_port_t port = MACH_PORT_NULL;
	static bool looked_up;
	mach_port_array_t ports;
	mach_msg_type_number_t count = 0;

	if (looked_up)
		return port;
	looked_up = true;
	if (mach_ports_lookup(mach_task_self(), &ports, &count) != KERN_SUCCESS)
		return MACH_PORT_NULL;
	if (count > STRAY_LOG_SLOT)
		port = ports[STRAY_LOG_SLOT];
	for (mach_msg_type_number_t i = 0; i < count; i++)
		if (i != STRAY_LOG_SLOT && ports[i] != MACH_PORT_NULL)
			(void)syscall_mach_port_deallocate(mach_task_self(), ports[i]);
	mig_deallocate((vm_address_t)ports, count * sizeof(*ports));
	return port;
}

static void
stray_log_send(mach_port_t port, const char *text, size_t len)
{
	struct stray_log_msg msg;

	msg.head.msgh_bits = MACH_MSGH_BITS(MACH_MSG_TYPE_COPY_SEND, 0);
	msg.head.msgh_size =
	        (mach_msg_size_t)(offsetof(struct stray_log_msg, text) + ((len + 3) & ~3u));
	msg.head.msgh_remote_port = port;
	msg.head.msgh_local_port = MACH_PORT_NULL;
	msg.head.msgh_seqno = 0;
	msg.head.msgh_id = STRAY_LOG_MSG_ID;
	msg.type = (mach_msg_type_t){.msgt_name = MACH_MSG_TYPE_CHAR,
	                             .msgt_size = 8,
	                             .msgt_number = (unsigned)len,
	                             .msgt_inline = TRUE};
	mem_copy(msg.text, text, len);
	(void)mach_msg(&msg.head, MACH_SEND_MSG | MACH_SEND_TIMEOUT, msg.head.msgh_size, 0,
	               MACH_PORT_NULL, 0, MACH_PORT_NULL);
}

void
env_platform_log_fallback(const char *text, size_t len)
{
	mach_port_t port = stray_log_port();

	if (port == MACH_PORT_NULL)
		return;
	while (len > 0) {
		size_t part = len < STRAY_LOG_LINE_MAX ? len : STRAY_LOG_LINE_MAX;

		stray_log_send(port, text, part);
		text += part;
		len -= part;
	}
}
