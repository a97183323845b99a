/*
 * \brief  A monotonic microsecond clock from the kernel's mapped time
 *
 * The mapped time is GNU Mach's time of day, advanced at each clock tick
 * (10 ms at the kernel's 100 Hz): that is the clock's resolution. Only a
 * holder of the host privileged port (core) could set it back, and core
 * does not; the clock still never returns less than it returned before,
 * so a step back would stall it rather than break the wait loops.
 */

#include <stdbool.h>

#include <base/internal/futex.h>
#include <base/time_mach.h>
#include <mach_gen/device.h>
#include <mach_gen/mach.h>
#include <mach_gen/mach_host.h>
#include <mach_rt.h>

#define TIME_PAGE_SIZE 4096u

static const volatile mapped_time_value_t *time_page; /* NULL: ask host_get_time */
static uint64_t time_last_us;                         /* the largest reading handed out */

/* the reading protocol of mach/time_value.h: seconds, then check_seconds */
static uint64_t
page_read_us(const volatile mapped_time_value_t *page)
{
	integer_t sec, usec;

	do {
		sec = page->seconds;
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
		usec = page->microseconds;
		__atomic_thread_fence(__ATOMIC_SEQ_CST);
	} while (sec != page->check_seconds);
	return (uint64_t)(uint32_t)sec * 1000000u + (uint32_t)usec;
}

static uint64_t
host_read_us(void)
{
	time_value_t tv;

	if (host_get_time(mach_host_self(), &tv) != KERN_SUCCESS)
		return 0; /* the monotonic clamp below keeps the last reading */
	return (uint64_t)(uint32_t)tv.seconds * 1000000u + (uint32_t)tv.microseconds;
}

uint64_t
platform_time_us(void)
{
	const volatile mapped_time_value_t *page = __atomic_load_n(&time_page, __ATOMIC_ACQUIRE);
	uint64_t now = page ? page_read_us(page) : host_read_us();
	uint64_t last = __atomic_load_n(&time_last_us, __ATOMIC_RELAXED);

	do {
		if (now <= last)
			return last;
	} while (!__atomic_compare_exchange_n(&time_last_us, &last, now, true, __ATOMIC_RELAXED,
	                                      __ATOMIC_RELAXED));
	return now;
}

status_t
mach_time_pager(mach_port_t device_master, mach_port_t *pager)
{
	mach_port_t device;

	if (device_open(device_master, D_READ, "time", &device) != KERN_SUCCESS)
		return STATUS_UNAVAILABLE;
	kern_return_t kr = device_map(device, VM_PROT_READ, 0, TIME_PAGE_SIZE, pager, 0);
	/* the pager keeps the device open; our right to it is not needed */
	(void)syscall_mach_port_deallocate(mach_task_self(), device);
	return kr == KERN_SUCCESS ? STATUS_OK : STATUS_UNAVAILABLE;
}

status_t
mach_time_map(mach_port_t device_master)
{
	mach_port_t pager;
	vm_address_t addr = 0;

	if (mach_time_pager(device_master, &pager) != STATUS_OK)
		return STATUS_UNAVAILABLE;
	kern_return_t kr = vm_map(mach_task_self(), &addr, TIME_PAGE_SIZE, 0, TRUE, pager, 0, FALSE,
	                          VM_PROT_READ, VM_PROT_READ, VM_INHERIT_NONE);
	/* the mapping holds the memory object itself */
	(void)syscall_mach_port_deallocate(mach_task_self(), pager);
	if (kr != KERN_SUCCESS)
		return STATUS_UNAVAILABLE;
	mach_time_attach((const volatile mapped_time_value_t *)addr);
	return STATUS_OK;
}

void
mach_time_attach(const volatile mapped_time_value_t *page)
{
	__atomic_store_n(&time_page, page, __ATOMIC_RELEASE);
}
