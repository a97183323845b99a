/*
 * \brief  Linux only: where a component finds its parent capability
 *
 * A parent (core for init, init for its children) starts a child with the
 * capability of the parent object it serves for that child at descriptor
 * PARENT_CAP_FD, and with the read end of nothing else. The child's
 * stdout and stderr are pipes its parent reads, so stray output (e.g. a
 * sanitizer report) still reaches the log, labeled with the child's name.
 */

#ifndef _BASE_LINUX__INCLUDE__BASE__PARENT_LINUX_H_
#define _BASE_LINUX__INCLUDE__BASE__PARENT_LINUX_H_

enum { PARENT_CAP_FD = 3 };

#endif /* _BASE_LINUX__INCLUDE__BASE__PARENT_LINUX_H_ */
