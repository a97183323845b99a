/*
 * \brief  init_config_parse(): XML, syntax, children, routes, in that order
 *
 * Each stage may rely on the previous one: routes are parsed only once all
 * children and their services are known. The first error ends the parse,
 * and the model is wiped, so init never runs a half-understood config.
 */

#include <util/string.h>
#include <util/xml.h>

#include "parse.h"

static void
diag_reset(struct init_config_diag *diag)
{
	if (!diag)
		return;
	diag->error[0] = 0;
	diag->warning_count = 0;
	diag->warnings_dropped = 0;
}

/* the XML front end's message, with our "config line L, column C: " prefix */
static status_t
xml_failed(struct init_parse *p, const struct node_error *err)
{
	struct node_error unplaced = *err;
	char what[INIT_CONFIG_DIAG_LEN];

	unplaced.line = 0;
	node_error_format(&unplaced, what, sizeof(what));
	return init_parse_fail(p, err->status, err->line, err->column, "%s", what);
}

/* what the XML parser skipped (a stray end tag) is said at its place */
static void
xml_warnings(struct init_parse *p, const struct node_tree *tree)
{
	for (uint32_t i = 0; i < tree->warning_count; i++) {
		if (i == NODE_TREE_WARNINGS_MAX) {
			init_parse_warn(p, 0, 0, "%u more stray end tags ignored",
			                (unsigned)(tree->warning_count - i));
			return;
		}
		struct node_error w = tree->warnings[i];
		char what[INIT_CONFIG_DIAG_LEN];
		w.line = 0;
		node_error_format(&w, what, sizeof(what));
		init_parse_warn(p, tree->warnings[i].line, tree->warnings[i].column, "%s", what);
	}
}

static status_t
parse_tree(struct init_parse *p)
{
	char type[INIT_QUOTE_LEN];
	const struct node *root = p->root;

	if (!node_has_type(root, "config"))
		return init_parse_fail(p, STATUS_INVALID_ARGS, root->line, root->column,
		                       "root node is <%s>, expected <config>",
		                       init_parse_quote_span(root->type, type));
	status_t s = init_parse_detect_syntax(p);
	if (s == STATUS_OK)
		s = init_parse_model_take(p); /* what it holds depends on the syntax */
	if (s != STATUS_OK)
		return s;
	if (p->cfg->syntax == INIT_CONFIG_SYNTAX_10_02)
		s = init_parse_10_02(p);
	else
		s = init_parse_10_05(p);
	if (s == STATUS_OK)
		s = init_parse_routes(p);
	return s;
}

/* the XML tree of text into the scratch */
static status_t
parse_xml(struct init_parse *p, const char *text, size_t len)
{
	struct init_config *cfg = p->cfg;
	struct node_error err = {0};

	status_t s = init_parse_scratch_take(p, text, len);
	if (s != STATUS_OK)
		return s;
	s = xml_parse(&cfg->tree, text, len, &err);
	if (s != STATUS_OK)
		return xml_failed(p, &err);
	xml_warnings(p, &cfg->tree);
	p->root = node_tree_root(&cfg->tree); /* xml_parse refuses a text without one */
	return STATUS_OK;
}

status_t
init_config_parse(struct init_config *cfg, struct heap *heap, const char *text, size_t len,
                  struct init_config_diag *diag)
{
	struct init_parse p = {.cfg = cfg, .diag = diag};

	init_config_release(cfg);
	diag_reset(diag);
	cfg->heap = heap;
	status_t s = parse_xml(&p, text, len);
	if (s == STATUS_OK)
		s = parse_tree(&p);
	init_parse_scratch_give(&p);
	if (s != STATUS_OK)
		init_config_release(cfg);
	return s;
}
