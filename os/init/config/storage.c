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
 * of an entry). Counting first and allocating once keeps the model one
 * block that a refused parse or a release gives back in one step.
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

/* the entries of the route r and their conditions, at most */
static void
count_route(const struct node *r, unsigned *entries, unsigned *conds)
{
	for (const struct node *e = r->first_child; e; e = e->next_sibling) {
		(*entries)++;
		*conds += e->attr_count;
		for (const struct node *c = e->first_child; c; c = c->next_sibling)
			(*conds)++;
	}
}

static void
count_model(const struct node *root, unsigned *children, unsigned *entries, unsigned *conds)
{
	for (const struct node *r = node_sub_node(root, "default-route"); r;
	     r = node_next(r, "default-route"))
		count_route(r, entries, conds);
	for (const struct node *c = node_sub_node(root, "start"); c; c = node_next(c, "start")) {
		(*children)++;
		for (const struct node *r = node_sub_node(c, "route"); r; r = node_next(r, "route"))
			count_route(r, entries, conds);
	}
}

/* give cfg's pointers their places in the model block */
static void
model_place(struct init_config *cfg, size_t child_bytes, size_t entry_bytes)
{
	char *base = cfg->model;
	cfg->children = (struct init_child *)base;
	cfg->route_entries = (struct init_route_entry *)(base + child_bytes);
	cfg->conds = (struct init_route_cond *)(base + child_bytes + entry_bytes);
}

status_t
init_parse_model_take(struct init_parse *p)
{
	struct init_config *cfg = p->cfg;
	unsigned children = 0, entries = 0, conds = 0;

	count_model(p->root, &children, &entries, &conds);
	size_t child_bytes = aligned((size_t)children * sizeof(struct init_child));
	size_t entry_bytes = aligned((size_t)entries * sizeof(struct init_route_entry));
	size_t size = child_bytes + entry_bytes + (size_t)conds * sizeof(struct init_route_cond);
	if (size == 0)
		return STATUS_OK; /* "<config/>": nothing to hold */
	status_t s = heap_alloc(cfg->heap, size, &cfg->model);
	if (s != STATUS_OK) {
		cfg->model = NULL;
		return init_parse_fail(p, s, 0, 0,
		                       "the model of %u children, %u route entries and %u route "
		                       "conditions needs %llu bytes of heap, which it refused: %s",
		                       children, entries, conds, (unsigned long long)size,
		                       status_name(s));
	}
	mem_set(cfg->model, 0, size); /* the parse fills in, as into the zeroed model of old */
	model_place(cfg, child_bytes, entry_bytes);
	cfg->child_cap = children;
	cfg->route_entry_cap = entries;
	cfg->cond_cap = conds;
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
