/*
 * \brief  Starting a child: its parent object, RAM, CPU, then the process
 *
 * The order matters: the parent object must exist before the process can
 * call it, the RAM quantum and the CPU session (its priority) before the
 * first instruction. Shared by init and by every component that runs
 * init's child code (the bomb test).
 */

#include <base/log.h>

#include "child.h"

bool
child_start(struct child_state *c, process_exit_fn on_exit)
{
	/* once: a restarted child's list still holds its earlier instance's orphans */
	if (!list_elem_linked(&c->sessions.head))
		list_init(&c->sessions);
	if (!list_elem_linked(&c->announced_paid.head))
		list_init(&c->announced_paid); /* empty again once the instance is gone */
	if (!child_parent_create(c))
		return false;
	if (!child_ram_create(c)) {
		child_parent_destroy(c);
		return false;
	}
	child_cpu_create(c);
	/* a nested init asks too, but its parent strips it (session_route.c) */
	const char *host_access = c->cfg->host_access[0] ? c->cfg->host_access : 0;
	status_t s = process_create_host(c->cfg->name, c->cfg->binary, cap_raw(c->parent_cap),
	                                 c->cpu, c->ram, host_access, on_exit, c, &c->process);
	if (s != STATUS_OK) {
		log_error("child \"%s\": start failed: %s", c->cfg->name, status_name(s));
		child_parent_destroy(c);
		return false;
	}
	c->running = true;
	return true;
}
