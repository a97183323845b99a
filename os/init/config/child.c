/*
 * \brief  Fields of a child, and globals, that both config syntaxes share
 *
 * The two syntaxes differ in where a value is written (an attribute or a
 * leaf's text) but not in what it means, so each value is checked here
 * once, from a struct node_value that either form yields.
 */

#include <util/string.h>

#include <cpu_session/priority.h>
#include "parse.h"

status_t
init_parse_child_add(struct init_parse *p, const struct node *start, const char *name,
                     struct init_child **out)
{
	struct init_config *cfg = p->cfg;
	int other = init_config_child_index(cfg, name);

	init_parse_subject_child(p, name);
	if (other >= 0)
		return init_parse_fail(p, STATUS_CONFLICT, start->line, start->column,
		                       "name already used by the child at line %u, column %u",
		                       (unsigned)cfg->children[other].line,
		                       (unsigned)cfg->children[other].column);
	/* storage.c made room for every <start>: more means it miscounted */
	if (cfg->child_count == cfg->child_cap)
		return init_parse_fail(p, STATUS_OUT_OF_MEMORY, start->line, start->column,
		                       "more than the %u children counted", cfg->child_cap);

	struct init_child *c = &cfg->children[cfg->child_count++];
	mem_set(c, 0, sizeof(*c));
	str_copy(c->name, name, sizeof(c->name));
	str_copy(c->binary, name, sizeof(c->binary));
	c->line = start->line;
	c->column = start->column;
	*out = c;
	return STATUS_OK;
}

status_t
init_parse_priority(struct init_parse *p, struct init_child *c, const struct node_value *v)
{
	char quoted[INIT_QUOTE_LEN];
	int64_t prio;
	int64_t lowest = -(int64_t)(p->cfg->prio_levels - 1);

	if (!v)
		return STATUS_OK; /* init's own priority */
	if (node_value_s64(v, &prio, NULL) != STATUS_OK)
		return init_parse_fail(p, STATUS_INVALID_ARGS, v->line, v->column,
		                       "priority \"%s\" is not a number",
		                       init_parse_quote(v, quoted));
	if (prio > 0 || prio < lowest)
		return init_parse_fail(p, STATUS_INVALID_ARGS, v->line, v->column,
		                       "priority %lld is out of range %lld..0 (prio_levels %u)",
		                       (long long)prio, (long long)lowest,
		                       (unsigned)p->cfg->prio_levels);
	c->priority = (int32_t)prio;
	return STATUS_OK;
}

status_t
init_parse_quantum(struct init_parse *p, struct init_child *c, const struct node_value *v)
{
	char quoted[INIT_QUOTE_LEN];

	if (node_value_size(v, &c->ram_quota, NULL) != STATUS_OK)
		return init_parse_fail(p, STATUS_INVALID_ARGS, v->line, v->column,
		                       "RAM quantum \"%s\" is not a size",
		                       init_parse_quote(v, quoted));
	c->ram_quota_given = true;
	return STATUS_OK;
}

void
init_parse_quantum_missing(struct init_parse *p, struct init_child *c)
{
	init_parse_warn(p, c->line, c->column, "no RAM quantum given, the child gets 0 bytes");
}

/* <configfile>NAME</configfile> (10.02) or <configfile name="NAME"/> (later) */
static status_t
parse_configfile(struct init_parse *p, struct init_child *c, const struct node *file)
{
	static const char *const attrs[] = {"name", NULL};
	const struct node_value *v = node_attribute(file, "name");

	init_parse_check_node(p, file, attrs, NULL, v == NULL);
	c->config_kind = INIT_CHILD_CONFIG_FILE;
	return init_parse_name(p, v ? v : node_content(file), "config file name", c->config_file);
}

status_t
init_parse_child_config(struct init_parse *p, struct init_child *c, const struct node *start)
{
	const struct node *inline_cfg, *file;
	status_t s = init_parse_single(p, start, "config", &inline_cfg);
	if (s == STATUS_OK)
		s = init_parse_single(p, start, "configfile", &file);
	if (s != STATUS_OK)
		return s;

	if (inline_cfg && file)
		return init_parse_fail(p, STATUS_INVALID_ARGS, file->line, file->column,
		                       "both <config> and <configfile> given");
	if (file)
		return parse_configfile(p, c, file);
	if (inline_cfg) {
		/* the child parses it; init only hands the text on */
		c->config_kind = INIT_CHILD_CONFIG_INLINE;
		c->config_text = inline_cfg->raw;
	}
	return STATUS_OK;
}

status_t
init_parse_prio_levels(struct init_parse *p, const struct node_value *v)
{
	char quoted[INIT_QUOTE_LEN], name[INIT_QUOTE_LEN];
	uint64_t levels;

	if (!v)
		return STATUS_OK; /* one level: no subdivision */
	init_parse_quote_span(v->name, name);
	if (node_value_u64(v, &levels, NULL) != STATUS_OK)
		return init_parse_fail(p, STATUS_INVALID_ARGS, v->line, v->column,
		                       "%s \"%s\" is not a number", name,
		                       init_parse_quote(v, quoted));
	if (!init_priority_levels_valid(levels))
		return init_parse_fail(p, STATUS_INVALID_ARGS, v->line, v->column,
		                       "%s %llu is not a power of two in 1..%u", name,
		                       (unsigned long long)levels,
		                       (unsigned)INIT_PRIORITY_LEVELS_MAX);
	p->cfg->prio_levels = (uint32_t)levels;
	p->cfg->prio_bits = init_priority_levels_bits(levels);
	return STATUS_OK;
}

static bool
listed_name(const init_name_t *names, unsigned count, const char *name)
{
	for (unsigned i = 0; i < count; i++)
		if (str_equal(names[i], name))
			return true;
	return false;
}

/* <service name=".."/> nodes of <provides> or <parent-provides> */
status_t
init_parse_service_list(struct init_parse *p, const struct node *list, init_name_t **names,
                        unsigned *count)
{
	static const char *const subs[] = {"service", NULL};
	static const char *const attrs[] = {"name", NULL};
	struct init_config *cfg = p->cfg;
	char where[INIT_QUOTE_LEN];
	init_name_t name;

	init_parse_check_node(p, list, NULL, subs, false);
	init_parse_quote_span(list->type, where);
	/* lists are parsed one after the other: this one's names stay in a row */
	*names = cfg->names ? &cfg->names[cfg->name_count] : NULL;
	for (const struct node *s = node_sub_node(list, "service"); s;
	     s = node_next(s, "service")) {
		init_parse_check_node(p, s, attrs, NULL, false);
		status_t st = init_parse_name_attr(p, s, "service name", name);
		if (st != STATUS_OK)
			return st;
		if (listed_name(*names, *count, name)) {
			init_parse_warn(p, s->line, s->column,
			                "service \"%s\" listed twice in <%s>", name, where);
			continue;
		}
		/* storage.c made room for every <service> of such a list */
		if (cfg->name_count == cfg->name_cap)
			return init_parse_fail(p, STATUS_OUT_OF_MEMORY, s->line, s->column,
			                       "more than the %u service names counted",
			                       cfg->name_cap);
		str_copy((*names)[(*count)++], name, sizeof(init_name_t));
		cfg->name_count++;
	}
	return STATUS_OK;
}
