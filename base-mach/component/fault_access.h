/*
 * \brief  Whether a faulting access wrote, from its instruction (i386)
 */

#ifndef _BASE_MACH__COMPONENT__FAULT_ACCESS_H_
#define _BASE_MACH__COMPONENT__FAULT_ACCESS_H_

#include <stdbool.h>
#include <stdint.h>

/*
 * The instruction at ip (of a thread stopped in a fault at addr, so its
 * bytes are mapped) writes its memory operand. A fault of the fetch
 * itself (addr within the instruction's bytes) is no write.
 */
bool fault_access_was_write(uintptr_t ip, uintptr_t addr);

#endif /* _BASE_MACH__COMPONENT__FAULT_ACCESS_H_ */
