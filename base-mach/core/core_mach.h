/*
 * \brief  What base-mach's core pieces ask of core's glue (main, entrypoint)
 */

#ifndef _BASE_MACH__CORE__CORE_MACH_H_
#define _BASE_MACH__CORE__CORE_MACH_H_

#include <base/status.h>

#include "memobj.h"

/*
 * Make the port of obj (BORROWED; it stays the caller's) heard, so that
 * every message on it reaches memobj_dispatch on a thread that never
 * touches a mapping of obj. core's glue: entrypoint_port_watch at core's
 * entrypoint. STATUS_OUT_OF_MEMORY.
 */
status_t core_mach_memobj_serve(struct memobj *obj);

#endif /* _BASE_MACH__CORE__CORE_MACH_H_ */
