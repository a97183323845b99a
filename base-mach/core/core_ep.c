/*
 * \brief  core's one entrypoint, as far as base-mach's core pieces need it
 *
 * Every message for core (calls, memory-object requests, exceptions, ends
 * of tasks, stray output, ticks) is heard by the entrypoint core_main
 * creates, so one thread touches core's state and nothing needs a lock.
 * The platform learns of that entrypoint at its first platform call that
 * names it (core_ep_set.c). The kernel's default-manager port, made before
 * the entrypoint exists, is heard from the first task's creation on:
 * until then nothing can page, and its queue keeps what comes.
 */

#include <base/ep_mach.h>
#include <base/log.h>

#include "core_mach.h"
#include "memobj.h"

static mach_port_t default_manager = MACH_PORT_NULL;

static void
memobj_heard(void *arg, mach_msg_header_t *msg)
{
	if (!memobj_dispatch(arg, msg))
		mach_msg_destroy(msg);
}

static void
default_manager_heard(void *arg, mach_msg_header_t *msg)
{
	(void)arg;
	if (!memobj_default_dispatch(msg))
		mach_msg_destroy(msg);
}

status_t
core_mach_memobj_watch(struct memobj *obj, struct ep_port_watch **watch)
{
	if (!core_mach_ep)
		return STATUS_UNAVAILABLE;
	return entrypoint_port_watch(core_mach_ep, memobj_port(obj), memobj_heard, obj, watch);
}

status_t
core_mach_memobj_serve(struct memobj *obj)
{
	struct ep_port_watch *watch;

	return core_mach_memobj_watch(obj, &watch);
}

/* an object the kernel made at core as default manager: served like any */
static void
default_object_adopt(struct memobj *obj)
{
	if (core_mach_memobj_serve(obj) != STATUS_OK) {
		log_error("cannot serve a memory object the kernel handed to core");
		memobj_destroy(obj);
	}
}

void
core_mach_default_manager_start(void)
{
	if (memobj_default_register(core_host_priv, default_object_adopt, &default_manager) !=
	    STATUS_OK)
		log_warning("core is not the default memory manager: anonymous memory cannot be "
		            "paged, proxies of it are refused");
}

void
core_mach_default_manager_watch(void)
{
	static bool watched;
	struct ep_port_watch *watch;

	if (watched || default_manager == MACH_PORT_NULL || !core_mach_ep)
		return;
	watched = true;
	if (entrypoint_port_watch(core_mach_ep, default_manager, default_manager_heard, 0,
	                          &watch) != STATUS_OK)
		log_error("cannot hear the kernel's default-manager requests");
}
