/*
 * \brief  What every server's root checks before it keeps anything for a client
 *
 * A session request's arguments must parse, and the ram_quota the client
 * donated must cover what the server keeps for the session. Every refusal
 * is logged as one line naming service, label, needed and given amounts,
 * so that a quota error is never opaque (a recurring Genode user pain).
 */

#ifndef _INCLUDE__ROOT__SESSION_ARGS_H_
#define _INCLUDE__ROOT__SESSION_ARGS_H_

#include <stddef.h>
#include <stdint.h>

#include <base/status.h>
#include <util/arg_string.h>

/*
 * Check the donation in already parsed args against needed bytes plus
 * what the entrypoint keeps for the session object's callers
 * (RPC_OBJECT_CALLERS_DEFAULT lines, base/rpc_server.h).
 * STATUS_INVALID_ARGS for a malformed ram_quota, STATUS_QUOTA_EXCEEDED
 * for too little; label only names the session in the message.
 */
status_t session_quota_check(const char *service, const struct arg_string *args, const char *label,
                             size_t needed);

/*
 * Parse args_text and check its donation against needed bytes. On
 * success, label (of label_size bytes) holds the session's label, empty
 * if it has none. STATUS_INVALID_ARGS or STATUS_QUOTA_EXCEEDED otherwise.
 */
status_t session_args_check(const char *service, const char *args_text, size_t needed, char *label,
                            size_t label_size);

/*
 * The amount an upgrade's args_text ("ram_quota=<n>") donates, for every
 * party along the way (parents, core, servers). A text that does not parse
 * or has no ram_quota is STATUS_INVALID_ARGS, logged naming service and
 * label (which only name the session in the message).
 */
status_t session_upgrade_amount(const char *service, const char *args_text, const char *label,
                                uint64_t *amount);

/*
 * The ram_quota a session request's args_text donates and its label (in
 * label_size bytes), for a parent that passes the request on: 0 and an
 * empty label if it does not parse or has none, which the server refuses.
 */
uint64_t session_args_donation(const char *args_text, char *label, size_t label_size);

#endif /* _INCLUDE__ROOT__SESSION_ARGS_H_ */
