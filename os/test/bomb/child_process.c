/*
 * \brief  bomb: the only place that creates and ends child processes
 *
 * Mirrors init's start_child and child_exited (os/init/main.c) on the
 * public process API (base/process.h), so that a change of that API, or
 * of how init starts children, has one counterpart here.
 */

#include <base/log.h>
#include <base/process.h>

#include "../../init/child.h"
#include "bomb.h"

static void
child_exited(void *ctx, struct process *p, const struct process_exit *e)
{
	(void)p;
	struct child_state *c = ctx;
	c->running = false;
	/* closes its sessions (its children's too) and its RAM session */
	child_parent_destroy(c);
	bomb_child_gone(c->index, e->faulted && !c->exit_reported,
	                c->exit_reported ? c->exit_value : e->value, e->reason);
}

bool
bomb_child_start(unsigned i)
{
	struct child_state *c = &children[i];
	*c = (struct child_state){.index = i, .cfg = &config.children[i]};
	if (!child_parent_create(c))
		return false;
	if (!child_ram_create(c)) {
		child_parent_destroy(c);
		return false;
	}
	status_t s = process_create(c->cfg->name, c->cfg->binary, cap_raw(c->parent_cap),
	                            child_exited, c, &c->process);
	if (s != STATUS_OK) {
		log_error("child \"%s\": start failed: %s", c->cfg->name, status_name(s));
		child_parent_destroy(c);
		return false;
	}
	c->running = true;
	return true;
}

void
bomb_child_kill(unsigned i)
{
	if (children[i].running)
		process_kill(children[i].process);
}
