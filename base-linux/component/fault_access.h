/*
 * \brief  What the arch tells about a fault from the signal's context
 */

#ifndef _BASE_LINUX__COMPONENT__FAULT_ACCESS_H_
#define _BASE_LINUX__COMPONENT__FAULT_ACCESS_H_

#include <stdbool.h>

/* whether the faulting access was a write; context is the handler's ucontext_t */
bool linux_fault_was_write(const void *context);

#endif /* _BASE_LINUX__COMPONENT__FAULT_ACCESS_H_ */
