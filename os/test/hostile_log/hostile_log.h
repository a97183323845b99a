/*
 * \brief  test-hostile-log: the attempts of each mode
 */

#ifndef _OS__TEST__HOSTILE_LOG__HOSTILE_LOG_H_
#define _OS__TEST__HOSTILE_LOG__HOSTILE_LOG_H_

#include <base/env.h>

/* the line every forgery tries to pass off as init's */
#define HOSTILE_LOG_VICTIM "[init] child \"victim\" exited with exit value 0"

#define HOSTILE_LOG_SERVICE "Svc\nchild \"victim\" exited with exit value 0\n"

enum {
	HOSTILE_LOG_FLOOD = 40000,
	/*
	 * a refused operation of a RAM, RM or PD session: as many as make the
	 * limit's effect plain (hundreds of times its lines), few enough that
	 * the three floods beside the others leave a looping sibling its share
	 */
	HOSTILE_LOG_OPS_FLOOD = 4000,
};

/* forged lines through LOG, a label, a service name, stdout; returns attempts */
unsigned hostile_log_forge(struct env *env);

/* register threads at core until refused, upgrade, refuse 40,000 more */
void hostile_log_threads(struct env *env);

/* make init refuse 40,000 session requests */
void hostile_log_flood(struct env *env);

/* make core refuse 4,000 operations of a RAM, RM or PD session (ops.c) */
void hostile_log_ram(struct env *env);
void hostile_log_rm(struct env *env);
void hostile_log_pd(struct env *env);

#endif /* _OS__TEST__HOSTILE_LOG__HOSTILE_LOG_H_ */
