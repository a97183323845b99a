/*
 * \brief  Processes on GNU Mach: tasks core creates and hears
 *
 * A process is a task with the binary loaded by core (task.h), the parent
 * capability as its bootstrap port, core's stray-output port registered
 * in it (stray_log_mach.h), the kernel's time page at MACH_TIME_PAGE_ADDR
 * and, if init prioritizes it, a lower kernel priority, all before its
 * first instruction. GNU Mach has no bound on a task's memory: a task may
 * vm_allocate in itself, so core watches its resident size (pd_memory.c).
 */

#include <base/log.h>
#include <base/time_mach.h>
#include <mach/notify.h>
#include <mach/task_special_ports.h>
#include <mach_gen/mach.h>
#include <mach_gen/gnumach.h>
#include <mach_gen/mach_host.h>
#include <mach_gen/mach_port.h>
#include <mach_rt.h>
#include <util/format.h>
#include <util/string.h>

#include "core_heap.h"
#include "core_mach.h"
#include "pd_mach.h"
#include "task.h"

static struct mach_pd *pd_list;
static unsigned pd_next_id = 1;

struct mach_pd *
mach_pd_find(unsigned id)
{
	for (struct mach_pd *p = pd_list; p; p = p->next)
		if (p->id == id)
			return p;
	return 0;
}

struct mach_pd *
mach_pd_first(void)
{
	return pd_list;
}

static status_t
pd_ports_make(struct mach_pd *p)
{
	mach_port_t self = mach_task_self();

	if (syscall_mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &p->exc) != KERN_SUCCESS ||
	    syscall_mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &p->dead) != KERN_SUCCESS ||
	    syscall_mach_port_allocate(self, MACH_PORT_RIGHT_RECEIVE, &p->stray) != KERN_SUCCESS ||
	    syscall_mach_port_insert_right(self, p->stray, p->stray, MACH_MSG_TYPE_MAKE_SEND) !=
	            KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	return STATUS_OK;
}

static void
pd_ports_drop(struct mach_pd *p)
{
	mach_port_t *port[] = {&p->exc, &p->dead, &p->stray};

	for (unsigned i = 0; i < 3; i++)
		if (*port[i] != MACH_PORT_NULL) {
			(void)mach_port_destroy(mach_task_self(), *port[i]);
			*port[i] = MACH_PORT_NULL;
		}
}

/* the time page, read-only for good: the task gets no right to the device */
static void
pd_time_page_map(mach_port_t task)
{
	static mach_port_t pager = MACH_PORT_NULL;
	vm_address_t at = MACH_TIME_PAGE_ADDR;

	if (pager == MACH_PORT_NULL && mach_time_pager(core_device_master, &pager) != STATUS_OK)
		return;
	(void)vm_map(task, &at, 4096, 0, FALSE, pager, 0, FALSE, VM_PROT_READ, VM_PROT_READ,
	             VM_INHERIT_NONE);
}

/* what the task has before its first instruction, apart from the image */
static status_t
pd_task_equip(struct mach_pd *p)
{
	mach_port_t previous = MACH_PORT_NULL;
	mach_port_t registered[1] = {p->stray};

	if (mach_ports_register(p->task, registered, 1) != KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	if (mach_port_request_notification(mach_task_self(), p->task, MACH_NOTIFY_DEAD_NAME, 0,
	                                   p->dead, MACH_MSG_TYPE_MAKE_SEND_ONCE,
	                                   &previous) != KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	pd_time_page_map(p->task);
	if (p->mach_prio)
		(void)task_priority(p->task, (int)p->mach_prio, TRUE);
	(void)task_set_name(p->task, p->label);
	return STATUS_OK;
}

static void
pd_free(struct mach_pd *p)
{
	if (p->task != MACH_PORT_NULL) {
		if (!p->ended)
			(void)task_terminate(p->task);
		(void)syscall_mach_port_deallocate(mach_task_self(), p->task);
	}
	mach_pd_unwatch(p);
	pd_ports_drop(p);
	(void)heap_free(core_heap(), p);
}

/* the task from the binary, equipped and heard, its main thread running */
static status_t
pd_task_start(struct mach_pd *p, const struct platform_pd_start *start, const char **why)
{
	const uint8_t *image;
	vm_address_t entry = 0;
	mach_port_t thread = MACH_PORT_NULL;
	status_t st;

	if (platform_module_map(start->binary, &image) != STATUS_OK) {
		*why = "cannot read the binary";
		return STATUS_OUT_OF_MEMORY;
	}
	*why = "the kernel refused a task";
	if (task_create(mach_task_self(), FALSE, &p->task) != KERN_SUCCESS) {
		p->task = MACH_PORT_NULL;
		return STATUS_OUT_OF_MEMORY;
	}
	st = task_elf_load(p->task, image, (size_t)start->binary->size, &entry, why);
	platform_module_unmap(start->binary, image);
	if (st == STATUS_OK && (st = pd_task_equip(p)) != STATUS_OK)
		*why = "cannot give the task its ports";
	if (st == STATUS_OK && (st = mach_pd_watch(p)) != STATUS_OK)
		*why = "cannot hear the task";
	if (st == STATUS_OK &&
	    (st = task_main_start(p->task, entry, (mach_port_t)start->parent.sel, p->exc, &thread)))
		*why = "cannot start the main thread";
	if (st == STATUS_OK)
		(void)syscall_mach_port_deallocate(mach_task_self(), thread);
	return st;
}

status_t
platform_pd_create(struct entrypoint *ep, const struct platform_pd_start *start, unsigned *id)
{
	struct mach_pd *p;
	const char *why = "no memory for its record";
	status_t st = heap_alloc(core_heap(), sizeof(*p), (void **)&p);

	core_mach_ep_set(ep);
	core_mach_default_manager_watch();
	if (st == STATUS_OK) {
		*p = (struct mach_pd){
		        .id = pd_next_id++, .ep = ep, .on_end = start->on_end, .ctx = start->ctx};
		p->mach_prio = start->prioritized ? mach_pd_priority(start->prio, start->limit) : 0;
		str_copy(p->label, start->label, sizeof(p->label));
		why = "no ports left";
		st = pd_ports_make(p);
		if (st == STATUS_OK)
			st = pd_task_start(p, start, &why);
		if (st == STATUS_OK &&
		    mach_pd_memory_watch(p, start->ram_quota, start->binary->size) != STATUS_OK) {
			why = "no memory watch";
			st = STATUS_OUT_OF_MEMORY;
		}
		if (st != STATUS_OK)
			pd_free(p);
	}
	if (st != STATUS_OK) {
		log_error("cannot create process \"%s\": %s", start->label, why);
		return st;
	}
	p->next = pd_list;
	pd_list = p;
	*id = p->id;
	return STATUS_OK;
}

void
platform_pd_destroy(unsigned id)
{
	for (struct mach_pd **at = &pd_list; *at; at = &(*at)->next)
		if ((*at)->id == id) {
			struct mach_pd *p = *at;
			*at = p->next;
			pd_free(p);
			return;
		}
}

void
platform_pd_describe(unsigned id, char *text, size_t size)
{
	const struct mach_pd *p = mach_pd_find(id);

	if (!p)
		format_string(text, size, "no task");
	else if (p->mach_prio)
		format_string(text, size, "task at kernel priority %u", p->mach_prio);
	else
		format_string(text, size, "task at the kernel's default priority");
}

/*
 * GNU Mach runs the smaller number first; a user task starts at the
 * kernel's base priority for users. init's most urgent level stays
 * there, each less urgent one is one step lower, down to the lowest a
 * task may set itself.
 */
unsigned
mach_pd_priority(uint32_t prio, uint32_t limit)
{
	enum { MACH_PRIO_USER = 25, MACH_PRIO_LOWEST = 31 };
	uint32_t below = limit > prio ? limit - prio : 0;

	if (limit == 0)
		return 0;
	below = below * (MACH_PRIO_LOWEST - MACH_PRIO_USER) / limit;
	return MACH_PRIO_USER + below;
}
