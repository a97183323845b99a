/*
 * \brief  A task's memory bounded by its RAM quota: core watches it
 *
 * GNU Mach has no per-task limit, and every task holds its own task port,
 * so it can vm_allocate in itself as much as it likes: one component
 * could fill the machine's memory, and then the kernel and core stall
 * (measured: a component touching 16 MiB after 16 MiB stopped the
 * machine at 224 of its 256 MiB). So core samples each task's resident
 * size (task_info) every MEMORY_WATCH_MS on its entrypoint and ends a
 * task that holds more than its quota, its image's size and
 * MACH_MEMORY_ALLOWANCE, which
 * init reports as "out of memory (RAM quota exceeded)", as on Linux where
 * the kernel's memory cgroup ends it.
 *
 * What counts is its ports and threads as kernel memory
 * (pd_kernel_objects.c) and every resident page mapped in the task: its image, its
 * stacks and heap, the RAM dataspaces it maps (paid from its quota), and
 * also the pages of dataspaces of others it maps (ROM modules, a server's
 * buffer): GNU Mach does not say which task a shared page belongs to.
 * Between two samples a task can take what it touches in MEMORY_WATCH_MS
 * beyond its bound (some MiB under TCG); the allowance and the machine's
 * memory beyond the quotas must cover that (doc/platform-mach.md).
 */

#include <mach/task_info.h>
#include <mach_gen/mach.h>
#include <mach_rt.h>

#include "core_mach.h"
#include "pd_mach.h"

enum {
	MEMORY_WATCH_MS = 10,
	/*
	 * Beyond the quota and the image (core loads its text and data into
	 * the task's own pages): the first thread's stack, the thread area's
	 * and the heap's first pages before the quota pays for them, and
	 * what a task touches between two samples. Measured peaks of the
	 * scenarios' components: 108 to 180 KiB, test-thread (500 threads)
	 * 2088 KiB of its 5000 KiB quota.
	 */
	MACH_MEMORY_ALLOWANCE = 2u << 20,
	/*
	 * Kernel memory per port name and per thread, rounded up: 400,000
	 * ports filled some 44 MiB (110 bytes each); a thread has its kernel
	 * stack and records. Counted every 50 ms
	 * (pd_kernel_objects.c says why not every sample).
	 */
	PORT_BYTES = 128,
	THREAD_BYTES = 8192,
	PORTS_EVERY = 5,
	THREADS_EVERY = 5,
};

static bool watching;

/* the task's resident bytes; false if the kernel does not say (it ended) */
static bool
resident_of(const struct mach_pd *p, uint64_t *bytes)
{
	struct task_basic_info info;
	mach_msg_type_number_t count = TASK_BASIC_INFO_COUNT;

	if (task_info(p->task, TASK_BASIC_INFO, (task_info_t)&info, &count) != KERN_SUCCESS)
		return false;
	*bytes = info.resident_size;
	return true;
}

/* its ports and threads as kernel memory (recounted every tick-th sample) */
static uint64_t
kernel_bytes(struct mach_pd *p, unsigned tick)
{
	uint64_t ports, threads;

	if (tick % PORTS_EVERY == 0 && mach_pd_port_names(p, &ports))
		p->ports = ports;
	if (tick % THREADS_EVERY == 0 && mach_pd_threads(p, &threads))
		p->threads = threads;
	return p->ports * PORT_BYTES + p->threads * THREAD_BYTES;
}

static void
memory_sample(void)
{
	static unsigned tick;

	tick++;
	for (struct mach_pd *p = mach_pd_first(); p; p = p->next) {
		uint64_t resident;
		if (p->ended || !resident_of(p, &resident))
			continue;
		p->mem.usage = resident + kernel_bytes(p, tick);
		if (p->mem.usage > p->mem.peak)
			p->mem.peak = p->mem.usage;
		if (p->mem.usage <= p->mem.limit)
			continue;
		(void)task_terminate(p->task);
		p->mem.oom_kills++;
		mach_pd_end_report(p, (struct exit_fault){.reason = EXIT_REASON_OUT_OF_MEMORY});
	}
}

static uint64_t
limit_of(const struct mach_pd *p, uint64_t quota)
{
	uint64_t beyond = p->image_size + MACH_MEMORY_ALLOWANCE;

	return quota > UINT64_MAX - beyond ? UINT64_MAX : quota + beyond;
}

status_t
mach_pd_memory_watch(struct mach_pd *p, uint64_t ram_quota, uint64_t image_size)
{
	p->image_size = image_size;
	p->mem = (struct platform_pd_memory){.limit = limit_of(p, ram_quota)};
	if (watching)
		return STATUS_OK;
	status_t st = mach_tick_watch(p->ep, memory_sample, MEMORY_WATCH_MS);
	watching = st == STATUS_OK;
	return st;
}

void
platform_pd_memory_limit(unsigned id, uint64_t quota)
{
	struct mach_pd *p = mach_pd_find(id);

	if (p)
		p->mem.limit = limit_of(p, quota);
}

bool
platform_pd_memory(unsigned id, struct platform_pd_memory *m)
{
	const struct mach_pd *p = mach_pd_find(id);

	if (!p)
		return false;
	*m = p->mem;
	return true;
}
