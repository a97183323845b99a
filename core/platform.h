/*
 * \brief  What a base platform provides to core's generic part
 *
 * This is the porting surface of core: a new kernel implements these
 * functions in base-<kernel>/core/ and the generic part stays untouched.
 */

#ifndef _CORE__PLATFORM_H_
#define _CORE__PLATFORM_H_

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <base/entrypoint.h>
#include <base/exit_reason.h>
#include <base/internal/signal_count.h>
#include <base/rpc_server.h>
#include <base/status.h>
#include <parent/rpc.h>

#include "boot_modules.h"

struct core_service;

/*
 * A service only this platform offers, managed at ep (Linux: "Tap",
 * doc/net.md), or NULL. Called once, before the roots are managed.
 */
struct core_service *platform_core_service(struct entrypoint *ep);

/* write text to core's console (stdout on Linux); used by core_log only */
void platform_console_write(const char *text, size_t len);

/*
 * Fill the table with every boot module. On failure, *bad names the module
 * that could not be read and *why the reason (both static or owned by the
 * platform until core exits).
 */
status_t platform_boot_modules_scan(struct boot_modules *table, const char **bad, const char **why);

/* make a module's content readable at *addr until platform_module_unmap */
status_t platform_module_map(const struct boot_module *m, const uint8_t **addr);
void platform_module_unmap(const struct boot_module *m, const uint8_t *addr);

/* the ELF class and machine of binaries this platform runs */
unsigned platform_elf_class(void);
unsigned platform_elf_machine(void);

/*
 * A backing capability for a ROM dataspace of module m, OWNED by the
 * caller (base-linux: a read-only descriptor of the module's file).
 */
status_t platform_module_backing(const struct boot_module *m, cap_t *backing);

enum { CPU_APPLIED_MAX = 48 };

/*
 * Bind a kernel thread of the process that made call (a cpu_thread's
 * bind, BORROWED) to that thread object, and run it at platform priority
 * prio of 0 .. limit, larger meaning more urgent. kernel_id is the
 * client's name for the kernel thread (Linux: its thread id in the
 * process's own PID namespace); the platform must check it against what
 * the kernel says of the caller, so that no client can name a thread of
 * another process. On success how (size bytes) says what the platform
 * did, for core's verbose log. STATUS_NOT_FOUND: no such thread in the
 * caller's process; STATUS_DENIED: the platform refused the priority;
 * STATUS_UNAVAILABLE: core creates the kernel threads on this platform,
 * so nothing is bound by a client.
 */
status_t platform_cpu_thread_bind(const struct rpc_call *call, uint64_t kernel_id, uint32_t prio,
                                  uint32_t limit, char *how, size_t size);

/*
 * RAM for core's bank (core/ram_account.h's ram_backing): size bytes of
 * zeroed memory named by *handle (base-linux: a memfd). ctx is unused.
 */
status_t platform_ram_alloc(void *ctx, uint64_t size, uint64_t *handle);
void platform_ram_free(void *ctx, uint64_t handle, uint64_t size);

/*
 * The bytes of core's own memory platform_ram_alloc keeps for a dataspace
 * of size (records, bookkeeping per page), which the owner's quota pays
 * beside size. base-linux: 0 (a memfd; its pages are the dataspace).
 */
uint64_t platform_ram_meta(uint64_t size);

/*
 * Memory for core's own heap (core_heap.h), which holds what core keeps
 * per session: size bytes (a multiple of the page size is not required)
 * at *addr, aligned to at least 16 bytes, readable and writable by core
 * only. STATUS_OUT_OF_MEMORY if the platform has none left.
 * platform_chunk_free takes back exactly what platform_chunk_alloc gave.
 * On core's entrypoint only. base-linux: anonymous mmap.
 */
status_t platform_chunk_alloc(size_t size, void **addr);
void platform_chunk_free(void *addr, size_t size);

/* the backing capability of RAM handle, BORROWED: valid until the free */
cap_t platform_ram_backing(uint64_t handle);

/*
 * How a process core created ended: the reason in platform-neutral terms
 * (include/base/exit_reason.h), never an exit value (the process reports
 * that to its parent itself). A platform that cannot tell a fault from an
 * end on its own reports EXIT_REASON_UNKNOWN rather than guess.
 */
struct platform_pd_end {
	struct exit_fault fault;
};

typedef void (*platform_pd_end_fn)(void *ctx, const struct platform_pd_end *end);

/* what a new process is made of */
struct platform_pd_start {
	const char *label; /* its stray output appears as "[label] text" */
	const char *name;  /* the process's own name */
	const struct boot_module *binary;
	cap_t parent; /* BORROWED: the process gets a copy as its parent capability */
	/*
	 * NULL, or why top-level init's config lets this process reach the
	 * host (doc/sandbox.md, "The one exception"). A platform that grants
	 * it logs "Warning: PD "<label>" runs with host access: <reason>"
	 * before the process runs; one without a host to reach (GNU Mach)
	 * starts the process like any other, with nothing loosened.
	 */
	const char *host_access;
	bool prioritized; /* run it at prio of 0 .. limit from the first instruction */
	uint32_t prio, limit;
	uint64_t ram_quota; /* bounds all its memory from the first instruction (see below) */
	platform_pd_end_fn on_end; /* called once on ep's thread, unless destroyed before */
	void *ctx;
};

/*
 * What core's PD service pays per process besides its own record; the
 * platform's state of one process fits in it (checked at compile time).
 */
enum { PLATFORM_PD_META_MAX = 1024 };

/*
 * Create a process and supervise it at ep: its stray output is logged,
 * its end reported through on_end. *id names it for platform_pd_destroy.
 * STATUS_OUT_OF_MEMORY (no slot, descriptor or process), STATUS_DENIED
 * (the platform refused to run the binary); both logged with the label.
 */
status_t platform_pd_create(struct entrypoint *ep, const struct platform_pd_start *start,
                            unsigned *id);

/* end the process if it still runs and free what the platform kept; no on_end follows */
void platform_pd_destroy(unsigned id);

/*
 * The RAM quota of process id is now quota bytes: the platform bounds all
 * the memory the process uses by it, whatever the path (Linux: the limit
 * of its memory cgroup, the quota plus a documented allowance for the
 * kernel). core calls it whenever the quota of the process's environment
 * RAM session changes; a process without one is bounded as by quota 0.
 */
void platform_pd_memory_limit(unsigned id, uint64_t quota);

/* what the platform's bound of a process's memory says now, in bytes */
struct platform_pd_memory {
	uint64_t limit, usage, peak;
	uint64_t oom_kills; /* processes the platform ended for lack of memory */
};

/* false if the platform does not bound process id's memory */
bool platform_pd_memory(unsigned id, struct platform_pd_memory *m);

enum { PLATFORM_PD_DESCRIPTION_MAX = 64 };

/*
 * What the platform observes of the process now, for core's verbose log
 * (Linux: "process <pid> at nice <n>", the pid as seen by core).
 */
void platform_pd_describe(unsigned id, char *text, size_t size);

/*
 * Start init from the binary module with parent (BORROWED) as its parent
 * capability and its memory bounded by ram_quota, call started with its
 * process id (for platform_pd_memory_limit), then serve ep and init until
 * init ended, and say how in *end. init's exit value comes through its
 * parent (core's init_parent), not from here. STATUS_OK once init ended;
 * an error if it could not be started or watched (logged).
 */
status_t platform_run_init(const struct boot_module *binary, parent_cap_t parent,
                           uint64_t ram_quota, void (*started)(unsigned id), struct entrypoint *ep,
                           struct platform_pd_end *end);

/* core's open descriptors (base-linux: the entries of /proc/self/fd) */
unsigned platform_descriptors_open(void);

/*
 * Call report on ep's thread, between the calls it serves, whenever
 * somebody outside asks for core's accounting (base-linux: SIGUSR1).
 * Never from a signal handler. STATUS_OUT_OF_MEMORY if it cannot watch.
 */
status_t platform_report_request_watch(struct entrypoint *ep, void (*report)(void));

/*
 * Call tick on ep's thread, between the calls it serves, every interval_ms
 * (base-linux: a timerfd). STATUS_OUT_OF_MEMORY if it cannot watch.
 */
status_t platform_tick_watch(struct entrypoint *ep, void (*tick)(void), unsigned interval_ms);

/*
 * Signals (doc/signals.md, "core's contract"). core's generic part keeps
 * the contexts, charges them to their session and counts the submits that
 * reach it in a struct signal_count per context; the platform provides the
 * kernel object a context's capability names and the two ends of the
 * count's way to the receiver: the wake-up and the fetch.
 *
 * A new signal context for a SIGNAL session (base-linux: a non-blocking
 * eventfd; a port platform: a port whose receive right core keeps), and
 * what the platform shares among its receiver and transmitters
 * (base-linux: a memfd page with the count; invalid where nothing is
 * shared). *ctx and *page are OWNED by the caller; a copy given to a
 * client refers to the same context. STATUS_OUT_OF_MEMORY if the platform
 * has none left.
 */
status_t platform_signal_context_alloc(cap_t *ctx, cap_t *page);

/*
 * core is done with a context (the record's copies, CONSUMED): release
 * the kernel object and whatever the platform keeps for it, so that
 * copies clients still hold reach nothing (base-linux: cap_close; the
 * eventfd and its page live on in their copies, unread). Never fails.
 */
void platform_signal_context_free(cap_t ctx, cap_t page);

/*
 * Order a and b (both BORROWED): 0 if they name the same signal context,
 * else <0 or >0, a total order over the contexts core holds that stays
 * the same while they exist (core keeps them in a search tree). A
 * capability that names no context may compare unequal to all.
 */
int platform_signal_context_compare(cap_t a, cap_t b);

/*
 * core's count of ctx (BORROWED, one core made) just turned non-zero:
 * let the context's receiver learn of it. Never blocks, whatever a client
 * holding a copy of ctx did, and never fails: there is nobody to tell.
 * A platform that counts in what it shares takes *count over into it
 * (base-linux: adds it to the page's count, saturating at
 * SIGNAL_COUNT_MAX, and rings the eventfd, the receiver's doorbell); one
 * without leaves it in *count and sends the receiver a wake-up (a port
 * platform: a message to the port the receiver registered, sent without
 * waiting; one in its queue is enough). page is the context's (BORROWED).
 */
void platform_signal_wake(cap_t ctx, cap_t page, struct signal_count *count);

/*
 * Take the pending count of ctx (BORROWED, page its page) for its
 * receiver, 0 if there is none, and leave 0: *count (core's) and whatever
 * the platform shares, saturated to SIGNAL_COUNT_MAX. Never blocks.
 */
unsigned platform_signal_take(cap_t ctx, cap_t page, struct signal_count *count);

#endif /* _CORE__PLATFORM_H_ */
