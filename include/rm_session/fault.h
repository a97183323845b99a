/*
 * \brief  The fault types of an RM session's state (Genode's
 *         Rm_session::Fault_type)
 */

#ifndef _INCLUDE__RM_SESSION__FAULT_H_
#define _INCLUDE__RM_SESSION__FAULT_H_

enum rm_fault_type {
	RM_FAULT_READY = 0, /* no unresolved fault */
	RM_FAULT_READ = 1,
	RM_FAULT_WRITE = 2,
	RM_FAULT_EXEC = 3,
};

#endif /* _INCLUDE__RM_SESSION__FAULT_H_ */
