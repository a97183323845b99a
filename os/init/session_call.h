/*
 * \brief  What the calls to child servers share (session_call*.c)
 */

#ifndef _OS__INIT__SESSION_CALL_H_
#define _OS__INIT__SESSION_CALL_H_

#include "child.h"

/* whether the instance of the server that made s still runs */
bool server_same(const struct child_session *s);

const char *server_name(const struct child_session *s);

/* give the server's account back amount of s, unless st says it is gone */
void record_reclaim(const struct child_session *s, status_t st, uint64_t amount);

/* answer the client's deferred call, if any, in the kind s->busy says */
void record_answer(struct child_session *s, status_t st, cap_t session);

/* close init's copy of the session and free the record */
void record_free(struct child_session *s);

/* say that the server of s is gone if st says so */
void gone_log(const struct child_session *s, status_t st);

#endif /* _OS__INIT__SESSION_CALL_H_ */
