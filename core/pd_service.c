/*
 * \brief  core's PD service: one process per session, created and
 *         supervised by core for the session's client, its parent
 *
 * The client assigns the parent capability, then starts the process from
 * a ROM dataspace that core itself handed out (a boot module, checked as
 * an ELF executable again). core watches the process (the platform does
 * the work, platform.h) and tells the client by signal when it ended and
 * how. Closing the session ends the process and frees everything core
 * kept for it; that is also what happens to the processes of a parent
 * that is gone, when its sessions are closed on its behalf.
 */

#include <base/log.h>
#include <base/signal.h>
#include <pd_session/host_access.h>
#include <pd_session/server.h>
#include <util/string.h>

#include "core_heap.h"
#include "core_main.h"
#include "core_service.h"
#include "elf_check.h"
#include "platform.h"
#include "ram_service.h"

struct pd_session {
	struct root_session base; /* label, capability, donation */
	bool parent_assigned, started, ended;
	bool process_held; /* the platform's record exists */
	struct rpc_object rpc;
	parent_cap_t parent;        /* OWNED once assigned */
	signal_context_cap_t sigh;  /* OWNED, may be invalid */
	unsigned process;           /* the platform's id while started */
	struct exit_fault end;      /* how it ended, once ended */
	struct rate_limit refusals; /* the session's budget of refusal lines */
	/* top-level init's reason for letting it reach the host; "": confined as all */
	char host_access[PD_HOST_ACCESS_REASON_MAX + 1];
};

static struct entrypoint *pd_ep;
static struct root_component pd_root;

static status_t
pd_assign_parent(void *ctx, struct rpc_call *call, parent_cap_t parent)
{
	(void)call;
	struct pd_session *s = ctx;
	if (s->parent_assigned) {
		if (log_limit_admit(&s->refusals, s->base.label))
			log_error("PD \"%s\": parent assigned already", s->base.label);
		cap_close(cap_raw(parent));
		return STATUS_CONFLICT;
	}
	s->parent = parent;
	s->parent_assigned = true;
	return STATUS_OK;
}

/* the process ended (platform callback on pd_ep's thread): tell the client */
static void
pd_ended(void *ctx, const struct platform_pd_end *e)
{
	struct pd_session *s = ctx;
	s->ended = true;
	s->end = e->fault;
	if (cap_valid(cap_raw(s->sigh)))
		(void)signal_submit(s->sigh, 1);
}

/* a boot module core checked at boot is checked again: it is about to run */
static status_t
binary_check(const struct pd_session *s, const struct boot_module *m)
{
	const uint8_t *image;
	const char *why = "cannot map it";
	status_t st = platform_module_map(m, &image);
	if (st == STATUS_OK) {
		st = elf_check(image, (size_t)m->size, platform_elf_class(), platform_elf_machine(),
		               &why);
		platform_module_unmap(m, image);
	}
	if (st != STATUS_OK)
		log_error("PD \"%s\": ROM module \"%s\" is not a valid executable: %s",
		          s->base.label, m->name, why);
	return st == STATUS_OK ? STATUS_OK : STATUS_DENIED;
}

/* why s cannot start now, or NULL */
static const char *
start_refusal(const struct pd_session *s, const char *name)
{
	if (s->started)
		return "started already (one process per session)";
	if (!s->parent_assigned)
		return "start before assign_parent";
	if (!name[0])
		return "empty name";
	return 0;
}

/* the start's priority and memory bound from the CPU and RAM sessions, if given */
static status_t
start_bounds(const struct pd_session *s, cpu_session_cap_t cpu, ram_session_cap_t ram,
             struct platform_pd_start *start)
{
	if (cap_valid(cap_raw(cpu))) {
		start->prioritized = true;
		if (!core_cpu_session_priority(cap_raw(cpu), &start->prio, &start->limit)) {
			log_error("PD \"%s\": cpu is not a CPU session of core", s->base.label);
			return STATUS_DENIED;
		}
	}
	if (cap_valid(cap_raw(ram)))
		return core_ram_bind_check(cap_raw(ram), s->base.label, &start->ram_quota);
	return STATUS_OK;
}

static status_t
pd_start_checked(struct pd_session *s, dataspace_cap_t binary, const char *name,
                 cpu_session_cap_t cpu, ram_session_cap_t ram)
{
	const char *refusal = start_refusal(s, name);
	if (refusal) {
		log_error("PD \"%s\": %s", s->base.label, refusal);
		return s->started ? STATUS_CONFLICT : STATUS_DENIED;
	}
	const struct boot_module *m = core_rom_dataspace_module(cap_raw(binary));
	if (!m) {
		log_error("PD \"%s\": binary is not a ROM dataspace of core", s->base.label);
		return STATUS_DENIED;
	}
	struct platform_pd_start start = {.label = s->base.label,
	                                  .name = name,
	                                  .binary = m,
	                                  .parent = cap_raw(s->parent),
	                                  .host_access = s->host_access[0] ? s->host_access : 0,
	                                  .on_end = pd_ended,
	                                  .ctx = s};
	status_t st = start_bounds(s, cpu, ram, &start);
	if (st == STATUS_OK)
		st = binary_check(s, m);
	if (st == STATUS_OK)
		st = platform_pd_create(pd_ep, &start, &s->process);
	if (st != STATUS_OK)
		return st;
	s->started = true;
	s->process_held = true;
	if (cap_valid(cap_raw(ram)))
		core_ram_bind(cap_raw(ram), s->process);
	if (core_verbose) {
		char how[PLATFORM_PD_DESCRIPTION_MAX];
		platform_pd_describe(s->process, how, sizeof(how));
		log_print("PD \"%s\" started \"%s\" as %s", s->base.label, m->name, how);
	}
	return STATUS_OK;
}

static status_t
pd_start(void *ctx, struct rpc_call *call, dataspace_cap_t binary, const char *name,
         cpu_session_cap_t cpu, ram_session_cap_t ram)
{
	(void)call;
	struct pd_session *pd = ctx;
	/* a refused start may be tried again and again: its lines count against the session */
	log_limit_scope(&pd->refusals, pd->base.label);
	status_t s = pd_start_checked(pd, binary, name, cpu, ram);
	log_limit_scope(0, 0);
	cap_close(cap_raw(binary));
	cap_close(cap_raw(cpu));
	cap_close(cap_raw(ram));
	return s;
}

static status_t
pd_exit_sigh(void *ctx, struct rpc_call *call, signal_context_cap_t sigh)
{
	(void)call;
	struct pd_session *s = ctx;
	cap_close(cap_raw(s->sigh));
	s->sigh = sigh;
	/* registered after the end: the client must still learn of it */
	if (s->ended && cap_valid(cap_raw(sigh)))
		(void)signal_submit(sigh, 1);
	return STATUS_OK;
}

static status_t
pd_exit_state(void *ctx, struct rpc_call *call, bool *ended, uint32_t *reason, bool *addr_known,
              uint64_t *fault_addr)
{
	(void)call;
	const struct pd_session *s = ctx;
	*ended = s->ended;
	if (!s->ended)
		return STATUS_OK; /* the outs stay 0: EXIT_REASON_EXITED, no address */
	*reason = (uint32_t)s->end.reason;
	*addr_known = s->end.addr_known;
	*fault_addr = s->end.addr_known ? s->end.addr : 0;
	return STATUS_OK;
}

static const struct pd_session_ops pd_ops = {
        .assign_parent = pd_assign_parent,
        .start = pd_start,
        .exit_sigh = pd_exit_sigh,
        .exit_state = pd_exit_state,
};

static struct pd_session *
pd_of(struct root_session *base)
{
	return ROOT_SESSION_ENTRY(base, struct pd_session, base);
}

static status_t
pd_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	(void)ctx;
	struct pd_session *s = pd_of(base);
	/* core_session_request let it through for one of top-level init's children only */
	(void)arg_string_get_string(args, PD_HOST_ACCESS_ARG, s->host_access,
	                            sizeof(s->host_access));
	s->parent = CAP_TYPED_INVALID(parent_cap_t);
	s->sigh = CAP_TYPED_INVALID(signal_context_cap_t);
	pd_session_cap_t cap;
	status_t st = pd_session_manage(pd_ep, &s->rpc, &pd_ops, s, &cap);
	if (st == STATUS_OK)
		base->cap = cap_raw(cap);
	return st;
}

/* end s's process if it still runs and free the platform's record of it */
static void
pd_end_process(struct pd_session *s)
{
	if (!s->process_held)
		return;
	core_ram_unbind(s->process);
	platform_pd_destroy(s->process); /* ends it if it still runs */
	s->process_held = false;
	if (!s->ended)
		s->end = (struct exit_fault){.reason = EXIT_REASON_KILLED};
	s->ended = true;
}

/*
 * A component's end takes its whole subtree with it at once, as in Genode:
 * without this, a grandchild runs on between its parent's end and core's
 * closing of that parent's sessions, and meets a parent that is gone. The
 * subtree is found by label: every parent prefixes its children's labels
 * with its own, so "<label> -> " names exactly the descendants. Their
 * sessions stay until their clients close them; only the processes end.
 */
static void
pd_end_subtree(const struct pd_session *s)
{
	char prefix[ROOT_LABEL_MAX + 8];
	size_t n = str_copy(prefix, s->base.label, sizeof(prefix));
	str_copy(prefix + n, " -> ", sizeof(prefix) - n);
	for (struct root_session *r = root_component_first(&pd_root); r; r = root_session_next(r))
		if (r != &s->base && str_has_prefix(r->label, prefix))
			pd_end_process(pd_of(r));
}

static void
pd_destroy(void *ctx, struct root_session *base)
{
	(void)ctx;
	struct pd_session *s = pd_of(base);
	log_limit_flush(&s->refusals, base->label);
	if (s->started)
		pd_end_subtree(s);
	pd_end_process(s);
	entrypoint_dissolve(pd_ep, &s->rpc);
	cap_close(cap_raw(s->parent));
	cap_close(cap_raw(s->sigh));
}

static const struct root_component_ops pd_root_ops = {
        .create = pd_create,
        .destroy = pd_destroy,
};

struct core_service core_pd_service = {
        .name = "PD",
        .sessions = &pd_root,
};

void
core_pd_service_init(struct entrypoint *ep)
{
	pd_ep = ep;
	root_component_init(&pd_root, "PD", sizeof(struct pd_session), &pd_root_ops, 0,
	                    core_heap());
	/* the platform's record of the process is paid by the session too */
	pd_root.session_extra = PLATFORM_PD_META_MAX;
}

void
core_pd_limits_tick(void)
{
	for (struct root_session *b = root_component_first(&pd_root); b; b = root_session_next(b))
		log_limit_tick(&pd_of(b)->refusals, b->label);
}
