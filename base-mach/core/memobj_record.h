/*
 * \brief  What core keeps per memory object (memobj.c, memobj_pager.c)
 */

#ifndef _BASE_MACH__CORE__MEMOBJ_RECORD_H_
#define _BASE_MACH__CORE__MEMOBJ_RECORD_H_

#include <mach/mach_types.h>

#include "memobj.h"

enum { MEMOBJ_PAGE = 4096 };

struct memobj {
	mach_port_t port;    /* receive right and core's send right, one name */
	mach_port_t control; /* the kernel's control port (one send ref), NULL before init */
	vm_size_t size;      /* page-rounded */
	const uint8_t *rom;  /* ROM: the content (BORROWED); NULL for RAM */
	size_t rom_size;
	vm_size_t record_size; /* what vm_allocate gave for this record */
	/*
	 * RAM: per page, where core keeps the content the kernel returned
	 * (core's memory, OWNED), 0 if it is all zero
	 */
	vm_offset_t page[];
};

/* MIG's demultiplexers (memory_object_server.c, memory_object_default_server.c); their headers lack
 * them */
boolean_t memory_object_server(mach_msg_header_t *in, mach_msg_header_t *out);
boolean_t memory_object_default_server(mach_msg_header_t *in, mach_msg_header_t *out);

/* a RAM object around a port the kernel made (memory_object_create) */
status_t memobj_ram_adopt(mach_port_t port, vm_size_t size, mach_port_t control,
                          struct memobj **obj);

#endif /* _BASE_MACH__CORE__MEMOBJ_RECORD_H_ */
