/*
 * \brief  nitpicker's config: <config><policy label=".." color="#rrggbb"/>...</config>
 *
 * Read once at start. A policy with a malformed label or colour is named
 * in the log (with its line) and ignored; nitpicker runs on with the rest.
 */

#include <base/log.h>
#include <util/node_tree.h>
#include <util/string.h>
#include <util/xml.h>

#include "nitpicker.h"

enum {
	NP_POLICY_MAX = 32,
	NP_CONFIG_NODES = NP_POLICY_MAX + 8,
	NP_CONFIG_ATTRS = 3 * NP_CONFIG_NODES
};

static char np_labels[NP_POLICY_MAX][ROOT_LABEL_MAX];
static struct npc_policy np_policies[NP_POLICY_MAX];
static unsigned np_policy_count;

/* one <policy>; false (logged) if it is ignored */
static bool
np_policy_read(const struct node *n, struct npc_policy *p, char *label)
{
	char color[16];
	struct node_error err = {0};

	if (node_attribute_string(n, "label", label, ROOT_LABEL_MAX, 0, &err) != STATUS_OK ||
	    !label[0]) {
		log_error("nitpicker: config line %u: policy without a usable label, ignored",
		          n->line);
		return false;
	}
	if (node_attribute_string(n, "color", color, sizeof(color), 0, &err) != STATUS_OK ||
	    !npc_color_parse(color, &p->color)) {
		log_error("nitpicker: config line %u: policy \"%s\": color is not #rrggbb, ignored",
		          n->line, label);
		return false;
	}
	p->label = label;
	return true;
}

void
np_config_read(struct env *env)
{
	static struct node nodes[NP_CONFIG_NODES];
	static struct node_value attrs[NP_CONFIG_ATTRS];
	struct node_tree tree;
	struct node_error err = {0};
	const char *text;
	size_t len;

	node_tree_init(&tree, nodes, NP_CONFIG_NODES, attrs, NP_CONFIG_ATTRS);
	if (env_config(env, &text, &len) != STATUS_OK)
		return; /* no config: every session gets the default colour */
	if (xml_parse(&tree, text, len, &err) != STATUS_OK) {
		char what[160];
		node_error_format(&err, what, sizeof(what));
		log_error("nitpicker: config ignored: %s", what);
		return;
	}
	for (const struct node *n = node_sub_node(node_tree_root(&tree), "policy"); n;
	     n = node_next(n, "policy")) {
		if (np_policy_count == NP_POLICY_MAX) {
			log_error("nitpicker: config line %u: more than %u policies, the rest "
			          "ignored",
			          n->line, NP_POLICY_MAX);
			break;
		}
		if (np_policy_read(n, &np_policies[np_policy_count], np_labels[np_policy_count]))
			np_policy_count++;
	}
}

uint16_t
np_config_color(const char *label)
{
	return npc_policy_color(np_policies, np_policy_count, label);
}
