/*
 * \brief  The environment's SIGNAL session (component start-up only)
 */

#ifndef _BASE__COMPONENT__SIGNAL_ENV_H_
#define _BASE__COMPONENT__SIGNAL_ENV_H_

#include <parent/rpc.h>
#include <signal_session/rpc.h>

/*
 * Open the SIGNAL session through parent (BORROWED) and take every signal
 * context from it from now on. Without it (logged), creating a context
 * fails with STATUS_UNAVAILABLE.
 */
void signal_env_open(parent_cap_t parent);

/* the session, BORROWED from the environment; invalid if it was refused */
signal_session_cap_t signal_env_session(void);

#endif /* _BASE__COMPONENT__SIGNAL_ENV_H_ */
