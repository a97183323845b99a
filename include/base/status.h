/*
 * \brief  The one error enum used across Genode/C
 *
 * Every fallible function returns a status_t (or a struct whose first member
 * is one). The values are deliberately few: a caller decides by kind, and the
 * detail (which key, which line, which child) goes into the log message at the
 * place that knows it. Transport failures (the peer is gone, the capability
 * is invalid) are kinds of their own so that they are never confused with
 * the result of a call that was delivered.
 */

#ifndef _INCLUDE__BASE__STATUS_H_
#define _INCLUDE__BASE__STATUS_H_

typedef enum status {
	STATUS_OK = 0,
	STATUS_INVALID_ARGS,   /* malformed or out-of-range input */
	STATUS_NOT_FOUND,      /* no such key, module, service, object */
	STATUS_DENIED,         /* no route, not the owner, policy says no */
	STATUS_QUOTA_EXCEEDED, /* the donated or remaining quota does not cover it */
	STATUS_OUT_OF_MEMORY,  /* a bounded buffer, table or heap is full */
	STATUS_CONFLICT,       /* region overlap, name already taken */
	STATUS_UNAVAILABLE,    /* exists but cannot serve now */
	STATUS_TIMEOUT,
	STATUS_WOULD_BLOCK,
	STATUS_INVALID_CAP, /* transport: the capability refers to nothing */
	STATUS_PEER_GONE,   /* transport: the other side vanished */
	STATUS_PROTOCOL,    /* transport: malformed message */
	STATUS_COUNT
} status_t;

/* stable lower-case name of a status, for log messages */
const char *status_name(status_t s);

#endif /* _INCLUDE__BASE__STATUS_H_ */
