/*
 * \brief  Creating children through core's PD service
 *
 * The parent does no system-level work itself: it opens a ROM session for
 * the binary and a PD session, both through its own parent, assigns the
 * child's parent capability, registers a signal context for the child's
 * end and asks core to start the ROM dataspace. core creates, confines and
 * supervises the process; the parent learns of the end by signal, asks
 * the PD session how it ended and closes it, which frees what core kept.
 *
 * The binary's ROM session stays open while the child lives (as a
 * Genode child keeps its binary's ROM connection) and is closed with the
 * PD session: closed right after the start, its round trip through the
 * parent's parent came between the start and the parent's answer to the
 * child's first session request, some 100 us of every start
 * (doc/pd.md, "Figures").
 *
 * The parent's record of a child is a block of the parent's own heap, as
 * Genode's Child object lives in its parent's heap: how many children a
 * component runs is bounded by its RAM quota, not by a table.
 */

#include <base/entrypoint.h>
#include <base/heap.h>
#include <base/log.h>
#include <base/process.h>
#include <base/signal.h>
#include <pd_session/connection.h>
#include <rom_session/connection.h>
#include <util/string.h>

struct process {
	bool used;   /* started and its end not yet reported */
	bool killed; /* process_kill closed the session: report "killed" */
	char name[PROCESS_NAME_MAX];
	pd_session_cap_t pd;   /* OWNED while used and not killed */
	rom_session_cap_t rom; /* OWNED while used and not killed: the binary's */
	struct signal_context *exit_ctx;
	process_exit_fn on_exit;
	void *ctx;
};

static parent_cap_t own_parent = {{CAP_SEL_INVALID}};
static struct entrypoint *own_ep;
static struct heap *own_heap;

void
process_runtime_init(parent_cap_t parent, struct entrypoint *ep, struct heap *heap)
{
	own_parent = parent;
	own_ep = ep;
	own_heap = heap;
}

/* the binary's ROM session, once the process is gone or was never started */
static void
binary_close(rom_session_cap_t rom)
{
	if (!cap_valid(cap_raw(rom)))
		return;
	(void)parent_close(own_parent, cap_raw(rom));
	cap_close(cap_raw(rom));
}

/* close p's sessions, report e, then give p's record back to the heap */
static void
process_end(struct process *p, const struct process_exit *e)
{
	signal_context_dissolve(p->exit_ctx);
	if (!p->killed) {
		pd_connection_close(own_parent, p->pd);
		binary_close(p->rom);
	}
	p->used = false; /* process_kill from within the callback does nothing */
	if (p->on_exit)
		p->on_exit(p->ctx, p, e);
	(void)heap_free(own_heap, p);
}

static void
exit_signalled(void *arg, unsigned num)
{
	(void)num;
	struct process *p = arg;
	struct process_exit e = {{.reason = EXIT_REASON_KILLED}};
	bool ended = p->killed;
	uint32_t reason = 0;
	if (!p->killed && pd_session_exit_state(p->pd, &ended, &reason, &e.fault.addr_known,
	                                        &e.fault.addr) != STATUS_OK) {
		/* core cannot tell: count it as a fault rather than wait forever */
		ended = true;
		e.fault = (struct exit_fault){.reason = EXIT_REASON_UNKNOWN};
	} else if (!p->killed) {
		e.fault.reason = exit_reason_checked(reason);
	}
	if (ended)
		process_end(p, &e);
}

/* the ROM dataspace of binary, via a ROM session closed right after the start */
static status_t
binary_open(const char *name, const char *binary, rom_session_cap_t *rom, dataspace_cap_t *ds)
{
	status_t s = rom_connection_open(own_parent, binary, rom);
	if (s == STATUS_OK)
		s = rom_session_dataspace(*rom, ds);
	if (s != STATUS_OK)
		log_error("cannot start \"%s\": no ROM module \"%s\" (%s)", name, binary,
		          status_name(s));
	return s == STATUS_DENIED ? STATUS_NOT_FOUND : s;
}

static status_t
start(struct process *p, const char *binary, cap_t parent, cpu_session_cap_t cpu,
      ram_session_cap_t ram, const char *host_access)
{
	dataspace_cap_t ds = CAP_TYPED_INVALID(dataspace_cap_t);
	p->rom = CAP_TYPED_INVALID(rom_session_cap_t);
	status_t s = binary_open(p->name, binary, &p->rom, &ds);
	if (s == STATUS_OK)
		s = pd_connection_open_host(own_parent, p->name, host_access, &p->pd);
	bool pd_open = s == STATUS_OK;
	if (s == STATUS_OK)
		s = pd_session_assign_parent(p->pd, CAP_TYPED(parent_cap_t, parent));
	if (s == STATUS_OK)
		s = signal_handler_create(own_ep, exit_signalled, p, &p->exit_ctx);
	bool ctx_made = s == STATUS_OK;
	if (s == STATUS_OK)
		s = pd_session_exit_sigh(p->pd, signal_context_cap(p->exit_ctx));
	if (s == STATUS_OK)
		s = pd_session_start(p->pd, ds, p->name, cpu, ram);
	cap_close(cap_raw(ds));
	if (s != STATUS_OK && ctx_made)
		signal_context_dissolve(p->exit_ctx);
	if (s != STATUS_OK && pd_open)
		pd_connection_close(own_parent, p->pd);
	if (s != STATUS_OK)
		binary_close(p->rom);
	return s;
}

status_t
process_create_env(const char *name, const char *binary, cap_t parent, cpu_session_cap_t cpu,
                   ram_session_cap_t ram, process_exit_fn on_exit, void *ctx, struct process **out)
{
	return process_create_host(name, binary, parent, cpu, ram, 0, on_exit, ctx, out);
}

status_t
process_create_host(const char *name, const char *binary, cap_t parent, cpu_session_cap_t cpu,
                    ram_session_cap_t ram, const char *host_access, process_exit_fn on_exit,
                    void *ctx, struct process **out)
{
	size_t name_len = str_len_bounded(name, PROCESS_NAME_MAX);
	if (name_len == 0 || name_len == PROCESS_NAME_MAX || !cap_valid(parent) ||
	    str_len_bounded(binary, PROCESS_NAME_MAX) == PROCESS_NAME_MAX)
		return STATUS_INVALID_ARGS;
	if (!own_ep || !own_heap || !cap_valid(cap_raw(own_parent)))
		return STATUS_UNAVAILABLE;
	void *mem;
	status_t s = heap_alloc(own_heap, sizeof(struct process), &mem);
	if (s != STATUS_OK) {
		log_error("cannot start \"%s\": its record needs %u bytes of heap: %s", name,
		          (unsigned)sizeof(struct process), status_name(s));
		return s;
	}
	struct process *p = mem;
	*p = (struct process){.on_exit = on_exit, .ctx = ctx};
	str_copy(p->name, name, sizeof(p->name));
	s = start(p, binary, parent, cpu, ram, host_access);
	if (s != STATUS_OK) {
		log_error("cannot start \"%s\" from binary \"%s\": %s", name, binary,
		          status_name(s));
		(void)heap_free(own_heap, p);
		return s;
	}
	p->used = true;
	*out = p;
	return STATUS_OK;
}

status_t
process_create(const char *name, const char *binary, cap_t parent, process_exit_fn on_exit,
               void *ctx, struct process **out)
{
	const cpu_session_cap_t no_cpu = CAP_TYPED_INVALID(cpu_session_cap_t);
	const ram_session_cap_t no_ram = CAP_TYPED_INVALID(ram_session_cap_t);
	return process_create_env(name, binary, parent, no_cpu, no_ram, on_exit, ctx, out);
}

/*
 * Closing the session makes core kill and reap the process at once; the
 * exit callback still follows from the main loop, as for any other end.
 */
void
process_kill(struct process *p)
{
	if (!p->used || p->killed)
		return;
	pd_connection_close(own_parent, p->pd);
	binary_close(p->rom);
	p->killed = true;
	(void)signal_submit(signal_context_cap(p->exit_ctx), 1);
}

const char *
process_name(const struct process *p)
{
	return p->name;
}
