/*
 * \brief  Parsing a component's config ROM into a small node tree
 */

#include <base/config_root.h>
#include <util/string.h>
#include <util/xml.h>

const struct node *
config_root_parse(struct env *env, struct config_root *c)
{
	const char *text;
	size_t len;

	mem_set(&c->err, 0, sizeof(c->err));
	node_tree_init(&c->tree, c->nodes, CONFIG_ROOT_NODES, c->attrs, CONFIG_ROOT_ATTRS);
	if (env_config(env, &text, &len) != STATUS_OK) {
		c->err.status = STATUS_NOT_FOUND;
		c->err.what = "no config";
		return 0;
	}
	if (xml_parse(&c->tree, text, len, &c->err) != STATUS_OK)
		return 0;
	return node_tree_root(&c->tree);
}
