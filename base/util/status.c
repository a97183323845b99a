/*
 * \brief  Names of the status values
 */

#include <base/status.h>

static const char *const names[STATUS_COUNT] = {
        [STATUS_OK] = "ok",
        [STATUS_INVALID_ARGS] = "invalid arguments",
        [STATUS_NOT_FOUND] = "not found",
        [STATUS_DENIED] = "denied",
        [STATUS_QUOTA_EXCEEDED] = "quota exceeded",
        [STATUS_OUT_OF_MEMORY] = "out of memory",
        [STATUS_CONFLICT] = "conflict",
        [STATUS_UNAVAILABLE] = "unavailable",
        [STATUS_TIMEOUT] = "timeout",
        [STATUS_WOULD_BLOCK] = "would block",
        [STATUS_INVALID_CAP] = "invalid capability",
        [STATUS_PEER_GONE] = "peer gone",
        [STATUS_PROTOCOL] = "protocol error",
};

const char *
status_name(status_t s)
{
	if ((unsigned)s >= STATUS_COUNT)
		return "unknown status";
	return names[s];
}
