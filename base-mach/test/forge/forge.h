/*
 * \brief  A forged exception message (the tests of core's exception server)
 */

#ifndef _BASE_MACH__TEST__FORGE__FORGE_H_
#define _BASE_MACH__TEST__FORGE__FORGE_H_

#include <mach/kern_return.h>

/*
 * Send exc.defs' exception_raise, as the kernel sends it, to the calling
 * task's exception port, naming a fresh port of its own as the faulting
 * task (EXC_BAD_ACCESS at 0xdead0000). The kernel's status of the send.
 */
kern_return_t mach_test_exception_forge(void);

#endif /* _BASE_MACH__TEST__FORGE__FORGE_H_ */
