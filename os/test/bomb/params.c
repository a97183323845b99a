/*
 * \brief  bomb: the config attributes, as Genode's bomb names them
 *
 *   <config rounds="1" generations="1" children="2" sleep="2000" demand="1M"/>
 *
 * Each missing attribute takes Genode's default, except 'generations':
 * without it the tree is bounded by memory only, as in Genode's bomb
 * before 2015 (whose configs have no such attribute). A malformed or
 * out-of-range value is refused with the attribute's name.
 */

#include <base/log.h>
#include <base/process.h>
#include <util/node_tree.h>
#include <util/xml.h>

#include "../../init/config/init_config.h"
#include "bomb.h"

enum { NODES = 4, ATTRS = 8 };

static bool
in_range(const char *name, uint64_t v, uint64_t min, uint64_t max)
{
	if (v >= min && v <= max)
		return true;
	log_error("config: %s=\"%llu\" out of range %llu..%llu", name, (unsigned long long)v,
	          (unsigned long long)min, (unsigned long long)max);
	return false;
}

static bool
read_one(const struct node *root, const char *name, bool size, uint64_t def, uint64_t *out)
{
	struct node_error err;
	status_t s = size ? node_attribute_size(root, name, def, out, &err)
	                  : node_attribute_u64(root, name, def, out, &err);
	if (s != STATUS_OK)
		log_error("config: malformed value of attribute \"%s\"", name);
	return s == STATUS_OK;
}

bool
bomb_params_read(struct env *env, struct bomb_params *p)
{
	static struct node nodes[NODES];
	static struct node_value attrs[ATTRS];
	struct node_tree tree;
	struct node_error err;
	const char *text = "<config/>";
	size_t len = 9;

	(void)env_config(env, &text, &len); /* none: all defaults */
	node_tree_init(&tree, nodes, NODES, attrs, ATTRS);
	if (xml_parse(&tree, text, len, &err) != STATUS_OK) {
		char why[96];
		node_error_format(&err, why, sizeof(why));
		log_error("config: %s", why);
		return false;
	}
	const struct node *root = node_tree_root(&tree);
	/* no table bounds it (child records are heap blocks): a sanity bound */
	unsigned max_children = 1024;
	p->has_generations = node_has_attribute(root, "generations");
	return read_one(root, "rounds", false, 1, &p->rounds) &&
	       read_one(root, "generations", false, 0, &p->generations) &&
	       read_one(root, "children", false, 2, &p->children) &&
	       read_one(root, "sleep", false, 2000, &p->sleep_ms) &&
	       read_one(root, "demand", true, 1024 * 1024, &p->demand) &&
	       in_range("rounds", p->rounds, 0, 1000000) &&
	       in_range("generations", p->generations, 0, 64) &&
	       in_range("children", p->children, 1, max_children) &&
	       in_range("sleep", p->sleep_ms, 1, 86400000) &&
	       in_range("demand", p->demand, 1, UINT64_MAX);
}
