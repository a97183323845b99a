/*
 * \brief  Memory objects core serves: the backing of every dataspace on GNU Mach
 *
 * core is the memory manager of each dataspace (doc/platform-mach.md,
 * "Memory and dataspaces"): one port per dataspace whose receive right
 * core keeps. The kernel asks that port for pages; core answers from its
 * own memory:
 * - RAM: a page never written is zero-filled (data_unavailable); a page the
 *   kernel hands back (data_return) is kept in core and supplied again,
 *   precious, so that the kernel never drops it silently.
 * - ROM: pages are supplied from bytes in core (a boot module), locked
 *   against writing; an unlock request is answered with an error, so a
 *   write faults instead of waiting.
 *
 * Components never get the object's port: their backing capability is a
 * kernel proxy of it (memobj_backing), which bounds the protection they
 * can map with and cannot be used to send pager messages in core's name.
 *
 * Threads: memobj_dispatch runs on the one thread that hears the object's
 * port (at core: the entrypoint, through entrypoint_port_watch). That
 * thread must never touch a mapping of an object it serves itself.
 */

#ifndef _BASE_MACH__CORE__MEMOBJ_H_
#define _BASE_MACH__CORE__MEMOBJ_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <base/capability.h>
#include <base/status.h>
#include <mach/message.h>
#include <mach/port.h>

struct memobj;

/* zero-filled RAM of size bytes (rounded up to pages); *obj OWNED by the caller */
status_t memobj_ram_create(uint64_t size, struct memobj **obj);

/* the bytes of core's memory the record of such an object takes */
uint64_t memobj_ram_record_bytes(uint64_t size);

/*
 * A read-only object showing size bytes at bytes (BORROWED: they must stay
 * unchanged for the object's life; the rest of the last page reads 0).
 */
status_t memobj_rom_create(const uint8_t *bytes, size_t size, struct memobj **obj);

/*
 * End the object: the kernel drops its pages (every mapping of it faults
 * from now on), core frees what it kept. The port must not be watched
 * any more (entrypoint_port_unwatch first).
 */
void memobj_destroy(struct memobj *obj);

/* the receive right to hear (BORROWED); core's own send right has the same name */
mach_port_t memobj_port(const struct memobj *obj);

/* the object's size in bytes, a multiple of the page size */
uint64_t memobj_size(const struct memobj *obj);

/*
 * A backing capability for components (OWNED by the caller): a proxy of
 * the object that maps at most read/execute, or also write if writable
 * (never for ROM). STATUS_OUT_OF_MEMORY if the kernel refused.
 */
status_t memobj_backing(struct memobj *obj, bool writable, cap_t *backing);

/*
 * Handle one message received on the object's port; it consumes the
 * message's rights and memory. false: not a memory-object message (the
 * caller destroys it).
 */
bool memobj_dispatch(struct memobj *obj, mach_msg_header_t *msg);

/*
 * Make core the kernel's default memory manager (host_priv BORROWED), so
 * that the kernel pages anonymous memory and proxies of it through core
 * instead of panicking (/work/shared/docs/platform-mach.md). Call it before
 * any other task exists. *port is the receive right to hear (OWNED by
 * this module); each object the kernel creates there is handed to adopt,
 * which must make its port heard (or destroy it).
 */
status_t memobj_default_register(mach_port_t host_priv, void (*adopt)(struct memobj *obj),
                                 mach_port_t *port);

/* handle one message received on the default manager's port; false as above */
bool memobj_default_dispatch(mach_msg_header_t *msg);

#endif /* _BASE_MACH__CORE__MEMOBJ_H_ */
