/*
 * \brief  Where the config model and the parser's scratch live
 *
 * Genode's init allocates its config model from its own heap, so the
 * number of children is bounded by init's RAM quota and nothing else; we
 * do the same. Both blocks are sized from the config itself: the XML
 * scratch by an upper bound read off the text before parsing (every node
 * starts with '<', every attribute has a '='), the model by counting the
 * parsed tree (every child is a <start>, every route entry a sub-node of a
 * <route> or <default-route>, every condition an attribute or a sub-node
 * of an entry, every target a sub-node of an entry, every service name a
 * <service> of a <provides> or <parent-provides>, or one of core's in
 * 10.02). Counting first and allocating once keeps the model one block
 * that a refused parse or a release gives back in one step, and leaves no
 * per-node list a bound of its own.
 */

#include <util/string.h>

#include "parse.h"

enum { STORAGE_ALIGN = 16 };

static size_t
aligned(size_t n)
{
	return (n + STORAGE_ALIGN - 1) / STORAGE_ALIGN * STORAGE_ALIGN;
}

static uint32_t
count_char(const char *text, size_t len, char c)
{
	uint32_t n = 0;
	for (size_t i = 0; i < len && n < UINT32_MAX - 1; i++)
		n += text[i] == c;
	return n + 1; /* never zero: heap_alloc refuses empty blocks */
}

status_t
init_parse_scratch_take(struct init_parse *p, const char *text, size_t len)
{
	struct init_config *cfg = p->cfg;
	uint32_t nodes = count_char(text, len, '<'), attrs = count_char(text, len, '=');
	size_t node_bytes = aligned((size_t)nodes * sizeof(struct node));
	size_t size = node_bytes + (size_t)attrs * sizeof(struct node_value);

	status_t s = heap_alloc(cfg->heap, size, &cfg->scratch);
	if (s != STATUS_OK) {
		cfg->scratch = NULL;
		return init_parse_fail(p, s, 0, 0,
		                       "%llu bytes of text need %llu bytes of heap to parse (up to "
		                       "%u nodes, %u attributes), which it refused: %s",
		                       (unsigned long long)len, (unsigned long long)size,
		                       (unsigned)nodes, (unsigned)attrs, status_name(s));
	}
	node_tree_init(&cfg->tree, cfg->scratch, nodes,
	               (struct node_value *)((char *)cfg->scratch + node_bytes), attrs);
	return STATUS_OK;
}

void
init_parse_scratch_give(struct init_parse *p)
{
	struct init_config *cfg = p->cfg;
	if (cfg->scratch)
		(void)heap_free(cfg->heap, cfg->scratch);
	cfg->scratch = NULL;
	mem_set(&cfg->tree, 0, sizeof(cfg->tree));
}

/* what the model must hold, at most: counted off the parsed tree */
struct model_counts {
	unsigned children, entries, conds, targets, names;
};

/* where each part of the model starts in its block, and the block's size */
struct model_layout {
	size_t entries, conds, targets, names, size;
};

/* the entries of the route r, their conditions and their targets, at most */
static void
count_route(const struct node *r, struct model_counts *n)
{
	for (const struct node *e = r->first_child; e; e = e->next_sibling) {
		n->entries++;
		n->conds += e->attr_count;
		/* a sub-node of an entry is an <if-arg> or a target: room for either */
		for (const struct node *c = e->first_child; c; c = c->next_sibling) {
			n->conds++;
			n->targets++;
		}
	}
}

/* the <service> nodes of every list of type under parent */
static unsigned
count_services(const struct node *parent, const char *type)
{
	unsigned n = 0;
	for (const struct node *l = node_sub_node(parent, type); l; l = node_next(l, type))
		for (const struct node *s = node_sub_node(l, "service"); s;
		     s = node_next(s, "service"))
			n++;
	return n;
}

static void
count_model(const struct node *root, enum init_config_syntax syntax, struct model_counts *n)
{
	/* 10.02 has no <parent-provides> but hard-codes core's services */
	n->names = syntax == INIT_CONFIG_SYNTAX_10_02 ? INIT_PARSE_CORE_SERVICES
	                                              : count_services(root, "parent-provides");
	for (const struct node *r = node_sub_node(root, "default-route"); r;
	     r = node_next(r, "default-route"))
		count_route(r, n);
	for (const struct node *c = node_sub_node(root, "start"); c; c = node_next(c, "start")) {
		n->children++;
		n->names += count_services(c, "provides");
		for (const struct node *r = node_sub_node(c, "route"); r; r = node_next(r, "route"))
			count_route(r, n);
	}
}

static struct model_layout
model_layout(const struct model_counts *n)
{
	struct model_layout l;
	l.entries = aligned((size_t)n->children * sizeof(struct init_child));
	l.conds = l.entries + aligned((size_t)n->entries * sizeof(struct init_route_entry));
	l.targets = l.conds + aligned((size_t)n->conds * sizeof(struct init_route_cond));
	l.names = l.targets + aligned((size_t)n->targets * sizeof(struct init_route_target));
	l.size = l.names + (size_t)n->names * sizeof(init_name_t);
	return l;
}

/* give cfg's pointers their places in the model block, and their capacities */
static void
model_place(struct init_config *cfg, const struct model_counts *n, const struct model_layout *l)
{
	char *base = cfg->model;
	cfg->children = (struct init_child *)base;
	cfg->route_entries = (struct init_route_entry *)(base + l->entries);
	cfg->conds = (struct init_route_cond *)(base + l->conds);
	cfg->targets = (struct init_route_target *)(base + l->targets);
	cfg->names = (init_name_t *)(base + l->names);
	cfg->child_cap = n->children;
	cfg->route_entry_cap = n->entries;
	cfg->cond_cap = n->conds;
	cfg->target_cap = n->targets;
	cfg->name_cap = n->names;
}

status_t
init_parse_model_take(struct init_parse *p)
{
	struct init_config *cfg = p->cfg;
	struct model_counts n = {0};

	count_model(p->root, cfg->syntax, &n);
	struct model_layout l = model_layout(&n);
	if (l.size == 0)
		return STATUS_OK; /* "<config/>": nothing to hold */
	status_t s = heap_alloc(cfg->heap, l.size, &cfg->model);
	if (s != STATUS_OK) {
		cfg->model = NULL;
		return init_parse_fail(p, s, 0, 0,
		                       "the model of %u children, %u route entries, %u route "
		                       "conditions, %u route targets and %u service names needs "
		                       "%llu bytes of heap, which it refused: %s",
		                       n.children, n.entries, n.conds, n.targets, n.names,
		                       (unsigned long long)l.size, status_name(s));
	}
	mem_set(cfg->model, 0, l.size); /* the parse fills in, as into the zeroed model of old */
	model_place(cfg, &n, &l);
	return STATUS_OK;
}

void
init_config_release(struct init_config *cfg)
{
	if (cfg->model)
		(void)heap_free(cfg->heap, cfg->model);
	mem_set(cfg, 0, offsetof(struct init_config, tree));
	cfg->syntax = INIT_CONFIG_SYNTAX_10_05;
	cfg->prio_levels = 1;
	cfg->model = NULL;
}
