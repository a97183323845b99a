/*
 * \brief  What a parent keeps per session it opened at its own parent
 *
 * init forwards a child's session to its parent (core for the top init)
 * and that parent keeps a record of it, charged to init on top of the
 * session's ram_quota (core: core/init_parent.c). Genode's rule is that
 * the client pays its parent's bookkeeping: so init charges the child
 * this much with the session's donation and gives it back at the close.
 * Without it, init paid core's record of every session of a whole
 * subtree (Genode's bomb: ~1,500 sessions) from its own small reserve
 * and refused sessions with "quota exceeded" of its own.
 *
 * core's record (core/init_parent.c) is checked to fit at compile time;
 * it is ~270 bytes on x86_64, less on i386.
 */

#ifndef _INCLUDE__PARENT__SESSION_RECORD_H_
#define _INCLUDE__PARENT__SESSION_RECORD_H_

#define PARENT_SESSION_RECORD_COST 320u

#endif /* _INCLUDE__PARENT__SESSION_RECORD_H_ */
