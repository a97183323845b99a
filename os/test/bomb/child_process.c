/*
 * \brief  bomb: the only place that creates and ends child processes
 *
 * The start is init's own (child_start, os/init/child_start.c); what a
 * bomb does at a child's end differs from init (no restart, no report
 * lines, its round's bookkeeping), so that part is its own.
 */

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
	bomb_child_gone(c->index, c->exit_reported, c->exit_value, &e->fault);
}

bool
bomb_child_start(unsigned i)
{
	struct child_state *c = &children[i];
	/* the announced records belong to the block of children[], not to the start */
	*c = (struct child_state){.index = i,
	                          .cfg = &config.children[i],
	                          .announced = c->announced,
	                          .announced_cap = c->announced_cap};
	return child_start(c, child_exited);
}

void
bomb_child_kill(unsigned i)
{
	if (children[i].running)
		process_kill(children[i].process);
}
