/*
 * \brief  A component's stray output on GNU Mach: one-way messages to core
 *
 * Linux relays a process's stdout as "[label] text". A Mach task has no
 * stdout, so core registers a port of its own in each task it starts
 * (mach_ports_register, slot STRAY_LOG_SLOT); the component sends each
 * line there (env_platform_log_fallback) and core logs it with the PD's
 * label, exactly as on Linux. The port is core's, one per PD: a line
 * cannot claim another component's label.
 *
 * Message: header with msgh_id STRAY_LOG_MSG_ID, no reply port, then one
 * inline item of MACH_MSG_TYPE_CHAR, 8-bit, count = the line's length
 * (at most STRAY_LOG_LINE_MAX), then the bytes. core drops anything else.
 */

#ifndef _BASE_MACH__INCLUDE__STRAY_LOG_MACH_H_
#define _BASE_MACH__INCLUDE__STRAY_LOG_MACH_H_

#include <mach/message.h>

enum {
	STRAY_LOG_SLOT = 0,
	STRAY_LOG_MSG_ID = 0x47430001,
	STRAY_LOG_LINE_MAX = 256,
};

struct stray_log_msg {
	mach_msg_header_t head;
	mach_msg_type_t type;
	char text[STRAY_LOG_LINE_MAX];
};

#endif /* _BASE_MACH__INCLUDE__STRAY_LOG_MACH_H_ */
