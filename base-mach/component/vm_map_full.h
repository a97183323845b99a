/*
 * \brief  vm_map that grants what was asked or nothing (base-mach/component)
 */

#ifndef _BASE_MACH__COMPONENT__VM_MAP_FULL_H_
#define _BASE_MACH__COMPONENT__VM_MAP_FULL_H_

#include <mach/mach_types.h>

/*
 * vm_map of object (BORROWED) in the own task, copy FALSE, not inherited,
 * with prot as current and maximum protection. GNU Mach maps a proxy
 * with the protection cut to the proxy's maximum instead of refusing, so
 * the mapping is checked: if the kernel granted less than prot, it is
 * undone and the result is KERN_PROTECTION_FAILURE.
 */
kern_return_t vm_map_full(vm_address_t *addr, vm_size_t size, boolean_t anywhere,
                          mach_port_t object, vm_offset_t offset, vm_prot_t prot);

#endif /* _BASE_MACH__COMPONENT__VM_MAP_FULL_H_ */
