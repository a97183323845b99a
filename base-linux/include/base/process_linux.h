/*
 * \brief  Linux-only switches of process creation
 */

#ifndef _BASE_LINUX__INCLUDE__BASE__PROCESS_LINUX_H_
#define _BASE_LINUX__INCLUDE__BASE__PROCESS_LINUX_H_

/*
 * What a child must know of its parent's sandbox travels as the one
 * environment variable it gets: "off" (core's --no-sandbox, passed down
 * the whole tree) or "nested" (the parent is confined, so the child runs
 * under its filter and cannot enter namespaces of its own).
 */
#define PROCESS_SANDBOX_VAR "GENODE_SANDBOX"

/* children created from now on start without sandbox, and so do theirs */
void process_sandbox_disable(void);

/* children created from now on are told that they start confined */
void process_sandbox_nested(void);

#endif /* _BASE_LINUX__INCLUDE__BASE__PROCESS_LINUX_H_ */
