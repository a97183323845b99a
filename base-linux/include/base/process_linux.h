/*
 * \brief  Linux-only switches of process creation
 */

#ifndef _BASE_LINUX__INCLUDE__BASE__PROCESS_LINUX_H_
#define _BASE_LINUX__INCLUDE__BASE__PROCESS_LINUX_H_

/*
 * What a process must know of the sandbox travels as the one environment
 * variable core gives it: "off" (core's --no-sandbox, for the whole tree)
 * or nothing (the process enters its sandbox).
 */
#define PROCESS_SANDBOX_VAR "GENODE_SANDBOX"

#endif /* _BASE_LINUX__INCLUDE__BASE__PROCESS_LINUX_H_ */
