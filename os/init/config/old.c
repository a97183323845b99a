/*
 * \brief  The 10.02 config syntax: <start><filename>..</filename>..</start>
 *
 * Values are the text of leaf nodes, a child is named after its binary,
 * and routing is not configured at all: 10.02 init sends the core services
 * to its parent and everything else to whichever child announced it.
 */

#include <util/string.h>

#include "parse.h"

/* what 10.02 init hard-codes as its parent's services */
static const char *const core_services[] = {"RAM",    "PD",      "RM",  "ROM",    "CPU", "IRQ",
                                            "IO_MEM", "IO_PORT", "CAP", "SIGNAL", "LOG"};

_Static_assert(sizeof(core_services) / sizeof(core_services[0]) == INIT_PARSE_CORE_SERVICES,
               "storage.c counts INIT_PARSE_CORE_SERVICES names for them");

/* the first names of the model, which storage.c counted for a 10.02 config */
static void
set_core_services(struct init_config *cfg)
{
	cfg->parent_services = cfg->names;
	for (unsigned i = 0; i < INIT_PARSE_CORE_SERVICES; i++)
		str_copy(cfg->names[i], core_services[i], sizeof(init_name_t));
	cfg->parent_service_count = INIT_PARSE_CORE_SERVICES;
	cfg->name_count = INIT_PARSE_CORE_SERVICES;
}

/* a leaf like <ram_quota>512K</ram_quota>: text only */
static status_t
leaf(struct init_parse *p, const struct node *start, const char *type, const struct node **out)
{
	status_t s = init_parse_single(p, start, type, out);
	if (s == STATUS_OK && *out)
		init_parse_check_node(p, *out, NULL, NULL, true);
	return s;
}

static status_t
parse_start(struct init_parse *p, const struct node *start)
{
	static const char *const subs[] = {"filename", "ram_quota",  "priority",
	                                   "config",   "configfile", NULL};
	const struct node *file, *quota, *prio;
	init_name_t name;
	struct init_child *c;

	status_t s = leaf(p, start, "filename", &file);
	if (s == STATUS_OK && !file)
		return init_parse_fail(p, STATUS_INVALID_ARGS, start->line, start->column,
		                       "<start> without a <filename>");
	if (s == STATUS_OK)
		s = init_parse_name(p, node_content(file), "filename", name);
	if (s == STATUS_OK)
		s = init_parse_child_add(p, start, name, &c);
	if (s != STATUS_OK)
		return s;

	init_parse_check_node(p, start, NULL, subs, false);
	s = leaf(p, start, "ram_quota", &quota);
	if (s == STATUS_OK && quota)
		s = init_parse_quantum(p, c, node_content(quota));
	else if (s == STATUS_OK)
		init_parse_quantum_missing(p, c);
	if (s == STATUS_OK)
		s = leaf(p, start, "priority", &prio);
	if (s == STATUS_OK && prio)
		s = init_parse_priority(p, c, node_content(prio));
	if (s == STATUS_OK)
		s = init_parse_child_config(p, c, start);
	return s;
}

status_t
init_parse_10_02(struct init_parse *p)
{
	static const char *const root_subs[] = {"priolevels", "start", NULL};
	const struct node *levels;
	status_t s;

	set_core_services(p->cfg);
	init_parse_check_node(p, p->root, NULL, root_subs, false);
	s = leaf(p, p->root, "priolevels", &levels);
	if (s == STATUS_OK && levels)
		s = init_parse_prio_levels(p, node_content(levels));

	for (const struct node *n = node_sub_node(p->root, "start"); n && s == STATUS_OK;
	     n = node_next(n, "start")) {
		init_parse_subject_clear(p);
		s = parse_start(p, n);
	}
	init_parse_subject_clear(p);
	return s;
}
