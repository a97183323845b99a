/*
 * \brief  launchpad as its children's parent (launchpad.h)
 *
 * init's child machinery does the work (start, parent object, sessions
 * paid by the child, kill and quota return); what is launchpad's: which
 * child starts when and with what quota, where a request goes, and what
 * it says about a child's end.
 */

#include <base/log.h>
#include <base/process.h>
#include <ram_session/connection.h>
#include <root/session_args.h>

#include "../../../os/init/child.h"
#include "config.h"
#include "launchpad.h"

/* what init's child machinery expects its user to define (os/init/child.h) */
struct init_config config;
struct env *init_env;

/* what launchpad keeps per launcher beyond the model */
struct launcher_state {
	bool killing; /* launchpad killed it: report so, not as a death */
	bool gone;    /* ended: report when its quota is back */
	uint64_t back;
};

static struct launchpad_model model;
static struct launchpad_launcher *launchers;  /* OWNED, model.count */
static struct launcher_state *states;         /* OWNED, model.count */
static const struct launchpad_events *events; /* BORROWED */
static struct launchpad_position position;

/*
 * What a start costs launchpad beyond the child's quantum: the child's RAM
 * session, which launchpad opens at its parent and pays with the parent's
 * records of it (child_ram.c)
 */
static uint64_t
start_cost(void)
{
	char label[8];
	return session_args_donation(RAM_SESSION_ARGS, label, sizeof(label)) +
	       child_session_open_cost(-1);
}

uint64_t
launchpad_avail(void)
{
	uint64_t spare = child_ram_spare(), cost = start_cost();
	return spare > cost ? spare - cost : 0;
}

struct launchpad_position
launchpad_position(void)
{
	return position;
}

struct launchpad_model *
launchpad_model(void)
{
	return &model;
}

/*
 * Children first, then parent: the child that announced the service
 * serves it (10.02 lets one child announce a service), everything else
 * goes to launchpad's parent, which routes it by its own policy.
 */
static struct init_route_decision
route_children_first(const struct child_state *c, const struct init_route_request *req)
{
	for (unsigned i = 0; i < config.child_count; i++)
		if (i != c->index && child_announced_root(i, req->service))
			return (struct init_route_decision){.kind = INIT_ROUTE_CHILD, .child = i};
	return (struct init_route_decision){.kind = INIT_ROUTE_PARENT};
}

/*
 * The ends whose quota is back: once no close of their sessions is in
 * flight (init_child does not wait for servers), so the figures are final
 */
static void
report_gone(void)
{
	if (child_calls_in_flight())
		return;
	bool any = false;
	launchpad_model_avail_set(&model, launchpad_avail());
	for (unsigned i = 0; i < model.count; i++) {
		if (!states[i].gone)
			continue;
		any = true;
		if (states[i].killing)
			log_print("killed \"%s\", %llu KiB back, %llu KiB available",
			          launchers[i].name, (unsigned long long)states[i].back / 1024,
			          (unsigned long long)model.avail / 1024);
		states[i] = (struct launcher_state){0};
		if (events->child_gone)
			events->child_gone(events->ctx, i);
	}
	if (any && events->changed)
		events->changed(events->ctx);
}

static void
child_exited(void *ctx, struct process *p, const struct process_exit *e)
{
	struct child_state *c = ctx;
	(void)p;
	c->running = false;
	child_parent_destroy(c);
	if (!states[c->index].killing)
		child_end_report(c->cfg->name, c, &e->fault);
	c->ended = true;
	session_route_server_gone(c->index);
	states[c->index].back = launchpad_model_ended(&model, c->index);
	states[c->index].gone = true;
	report_gone();
}

static void
announced(struct child_state *c, const char *service)
{
	if (events->announced)
		events->announced(events->ctx, c->index, service);
}

void
launchpad_start(unsigned i)
{
	uint64_t grant;
	launchpad_model_avail_set(&model, launchpad_avail());
	enum launchpad_start_check check = launchpad_model_start_check(&model, i, &grant);
	if (check == LAUNCHPAD_START_INVALID)
		return;
	const char *name = launchers[i].name;
	if (check == LAUNCHPAD_START_RUNNING || states[i].gone) {
		log_warning("\"%s\" is running already", name);
		return;
	}
	if (check == LAUNCHPAD_START_NO_QUOTA) {
		log_warning("\"%s\" not started: quota %llu KiB, %llu KiB available", name,
		            (unsigned long long)launchers[i].quota / 1024,
		            (unsigned long long)model.avail / 1024);
		return;
	}
	/* the model's quantum for this start; init's model is launchpad's own */
	config.children[i].ram_quota = grant;
	struct child_state *c = &children[i];
	c->index = i;
	c->cfg = &config.children[i];
	c->exit_reported = false;
	c->ended = false;
	c->instance++; /* what an earlier instance made is not this one's */
	if (!child_start(c, child_exited))
		return; /* logged, nothing left over */
	launchpad_model_started(&model, i, grant);
	log_print("started \"%s\" with %llu KiB", name, (unsigned long long)grant / 1024);
	if (events->changed)
		events->changed(events->ctx);
}

void
launchpad_kill(unsigned i)
{
	if (i >= model.count || !children[i].running || states[i].killing)
		return;
	states[i].killing = true;
	process_kill(children[i].process); /* child_exited follows */
}

void
launchpad_quota_set(unsigned i, uint64_t quota)
{
	launchpad_model_quota_set(&model, i, quota);
	if (events->changed)
		events->changed(events->ctx);
}

/* a quota larger than launchpad has is clamped: say so once, at the start */
static void
quotas_clamp_report(void)
{
	for (unsigned i = 0; i < model.count; i++)
		if (config.children[i].ram_quota > launchers[i].quota)
			log_warning("launcher \"%s\": ram_quota %llu KiB exceeds the %llu KiB "
			            "available, set to that",
			            launchers[i].name,
			            (unsigned long long)config.children[i].ram_quota / 1024,
			            (unsigned long long)launchers[i].quota / 1024);
}

bool
launchpad_init(struct env *env, const struct launchpad_events *ev)
{
	const char *text = "<config/>";
	size_t len = 9;
	unsigned count = 0;
	init_env = env;
	events = ev;
	(void)env_config(env, &text, &len); /* none: no launchers */
	if (launchpad_config_read(env, text, len, &launchers, &count, &position) != STATUS_OK) {
		log_error("config refused, no launcher");
		return false;
	}
	if (count &&
	    heap_alloc(env_heap(env), count * sizeof(*states), (void **)&states) != STATUS_OK) {
		log_error("no heap for the state of %u launchers", count);
		return false;
	}
	for (unsigned i = 0; i < count; i++)
		states[i] = (struct launcher_state){0};
	child_route_policy = route_children_first;
	child_calls_done = report_gone;
	child_announce_done = announced;
	child_meta_prepare(); /* so that the figures before and after children match */
	launchpad_model_init(&model, launchers, count, launchpad_avail());
	quotas_clamp_report();
	log_print("%u launchers, %llu KiB available", count,
	          (unsigned long long)model.avail / 1024);
	return true;
}
