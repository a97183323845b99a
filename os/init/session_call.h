/*
 * \brief  Calls to servers that init does not wait for (session_call*.c)
 *
 * Each call is kept in the session record it is about. At most
 * CALLS_PER_SERVER_MAX calls to one server (a child's root, or init's
 * parent) are in flight: every call takes one of the at most 32 caller
 * lines of the object it goes to (doc/rpc.md), so the rest wait in their
 * records (queued) and go out as earlier ones are answered.
 */

#ifndef _OS__INIT__SESSION_CALL_H_
#define _OS__INIT__SESSION_CALL_H_

#include "child.h"

enum { CALLS_PER_SERVER_MAX = 16 };

/* whether the instance of the server that made s still runs */
bool server_same(const struct child_session *s);

const char *server_name(const struct child_session *s);

/* whether st says that the server is gone */
bool status_gone(status_t st);

/* give back to the child server of s amount of its account, unless st says it is gone */
void server_reclaim(const struct child_session *s, status_t st, uint64_t amount);

/* answer the client's deferred call, if any, in the kind s->busy says */
void record_answer(struct child_session *s, status_t st, cap_t session);

/* close init's copy of the session and free the record */
void record_free(struct child_session *s);

/* say that the server of s is gone */
void gone_log(const struct child_session *s);

/*
 * Send the call s->busy names, or queue it; if it cannot be sent, its
 * completion runs at once with the reason.
 */
void record_start(struct child_session *s);

/* completions by kind; reply NULL if the call was never sent */
void session_opened(struct child_session *s, status_t st, struct rpc_msg *reply);
void session_closed(struct child_session *s, status_t st, struct rpc_msg *reply);
void session_upgraded(struct child_session *s, status_t st, struct rpc_msg *reply);

#endif /* _OS__INIT__SESSION_CALL_H_ */
