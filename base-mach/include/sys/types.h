/*
 * \brief  What GNU Mach's mach_debug/slab_info.h takes from <sys/types.h>
 *
 * The kernel's headers assume Hurd's C library; on our freestanding build
 * that one include is all they need of it (size_t).
 */

#ifndef _BASE_MACH__INCLUDE__SYS__TYPES_H_
#define _BASE_MACH__INCLUDE__SYS__TYPES_H_

#include <stddef.h>

#endif /* _BASE_MACH__INCLUDE__SYS__TYPES_H_ */
