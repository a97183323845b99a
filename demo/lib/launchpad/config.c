/*
 * \brief  launchpad's config: launchers, read and turned into init's model
 *
 * The launchers become a config of init's 10.02 syntax, one <start> per
 * launcher, which init's own parser turns into the model that init's
 * child machinery runs on: a launcher's <config> is then served as its
 * child's "config" ROM exactly as init serves it. 10.02 is the syntax
 * without routes, whose announcement rules (any child may announce a
 * service no other child announced, each announcement paid by the
 * child) are launchpad's; its routes are launchpad's own (parent.c).
 */

#include <base/log.h>
#include <util/format.h>
#include <util/node_tree.h>
#include <util/string.h>
#include <util/xml.h>

#include "../../../os/init/child.h"
#include "config.h"

/* a name goes into init's config text and into labels: plain characters only */
static bool
name_ok(const char *n)
{
	size_t len = str_len(n);
	if (len == 0 || len > INIT_CONFIG_NAME_MAX)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = n[i];
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		          (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
		if (!ok)
			return false;
	}
	return true;
}

static status_t
refuse(const struct node *n, const char *what, const char *detail)
{
	log_error("config line %u, column %u: %s%s", n->line, n->column, what, detail);
	return STATUS_INVALID_ARGS;
}

/* only name, ram_quota and one <config> */
static status_t
launcher_check(const struct node *n)
{
	char attr[32];
	for (uint32_t i = 0; i < n->attr_count; i++) {
		struct node_value v = {.text = n->attrs[i].name, .escape = NODE_ESCAPE_NONE};
		node_value_copy(&v, attr, sizeof(attr));
		if (!str_equal(attr, "name") && !str_equal(attr, "ram_quota"))
			return refuse(n, "unknown attribute of <launcher>: ", attr);
	}
	unsigned configs = 0;
	for (const struct node *s = n->first_child; s; s = s->next_sibling) {
		if (!node_has_type(s, "config"))
			return refuse(s, "a <launcher> holds nothing but a <config>", "");
		if (++configs > 1)
			return refuse(s, "a second <config> in a <launcher>", "");
	}
	return STATUS_OK;
}

/* xpos and ypos of the root, nothing else */
static status_t
position_read(const struct node *root, struct launchpad_position *pos)
{
	struct node_error err;
	int64_t x, y;
	char attr[32];
	for (uint32_t i = 0; i < root->attr_count; i++) {
		struct node_value v = {.text = root->attrs[i].name, .escape = NODE_ESCAPE_NONE};
		node_value_copy(&v, attr, sizeof(attr));
		if (!str_equal(attr, "xpos") && !str_equal(attr, "ypos"))
			return refuse(root, "unknown attribute of <config>: ", attr);
	}
	if (node_attribute_s64(root, "xpos", 16, &x, &err) != STATUS_OK ||
	    node_attribute_s64(root, "ypos", 16, &y, &err) != STATUS_OK || x < 0 || y < 0 ||
	    x > 4096 || y > 4096)
		return refuse(root, "xpos and ypos are 0..4096", "");
	*pos = (struct launchpad_position){(int)x, (int)y};
	return STATUS_OK;
}

/* launcher n into all[i]; its name unique among the i before it */
static status_t
launcher_read(const struct node *n, struct launchpad_launcher *all, unsigned i)
{
	struct launchpad_launcher *l = &all[i];
	struct node_error err;
	if (!node_has_type(n, "launcher"))
		return refuse(n, "launchpad's config holds <launcher> nodes only", "");
	status_t s = launcher_check(n);
	if (s != STATUS_OK)
		return s;
	*l = (struct launchpad_launcher){0};
	if (node_attribute_string(n, "name", l->name, sizeof(l->name), NULL, &err) != STATUS_OK ||
	    !name_ok(l->name))
		return refuse(n, "<launcher> needs a name of 1..63 letters, digits, '_', '-', '.'",
		              "");
	for (unsigned j = 0; j < i; j++)
		if (str_equal(all[j].name, l->name))
			return refuse(n, "a second launcher named ", l->name);
	if (!node_has_attribute(n, "ram_quota") ||
	    node_attribute_size(n, "ram_quota", 0, &l->quota, &err) != STATUS_OK)
		return refuse(n, "<launcher> needs a ram_quota (bytes, K, M or G): ", l->name);
	return STATUS_OK;
}

/* a <start> of init's 10.02 syntax per launcher, its <config> as written */
static size_t
start_text(char *out, size_t size, const struct launchpad_launcher *l, const struct node *n)
{
	const struct node *cfg = node_sub_node(n, "config");
	return format_string(out, size,
	                     "<start><filename>%s</filename><ram_quota>%llu</ram_quota>%.*s"
	                     "</start>\n",
	                     l->name, (unsigned long long)l->quota, cfg ? (int)cfg->raw.len : 0,
	                     cfg ? cfg->raw.start : "");
}

enum { START_TEXT_FIXED = 96 + INIT_CONFIG_NAME_MAX };

/* init's model of the children (config, children[]); text is kept: the model points into it */
static status_t
model_make(struct env *env, const struct node *root, const struct launchpad_launcher *l,
           unsigned count)
{
	static struct init_config_diag diag;
	size_t size = 32, len = 0;
	for (const struct node *n = root->first_child; n; n = n->next_sibling)
		size += START_TEXT_FIXED + n->raw.len;
	char *text = NULL;
	status_t s = heap_alloc(env_heap(env), size, (void **)&text);
	if (s != STATUS_OK) {
		log_error("config: no heap for the children's model: %s", status_name(s));
		return s;
	}
	len = format_string(text, size, "<config>\n");
	unsigned i = 0;
	for (const struct node *n = root->first_child; n && i < count; n = n->next_sibling, i++)
		len += start_text(text + len, size - len, &l[i], n);
	len += format_string(text + len, size - len, "</config>\n");
	s = init_config_parse(&config, env_heap(env), text, len, &diag);
	if (s != STATUS_OK)
		log_error("config: the children's model refused: %s", diag.error);
	if (s == STATUS_OK && (s = child_states_alloc()) != STATUS_OK)
		init_config_release(&config);
	if (s != STATUS_OK)
		(void)heap_free(env_heap(env), text);
	return s;
}

/* the launchers of root, into storage from the heap */
static status_t
launchers_read(struct env *env, const struct node *root, struct launchpad_launcher **out,
               unsigned *count)
{
	unsigned n = 0;
	for (const struct node *c = root->first_child; c; c = c->next_sibling)
		n++;
	*out = NULL;
	*count = n;
	if (n == 0)
		return STATUS_OK;
	status_t s = heap_alloc(env_heap(env), n * sizeof(**out), (void **)out);
	if (s != STATUS_OK) {
		log_error("config: no heap for %u launchers: %s", n, status_name(s));
		return s;
	}
	unsigned i = 0;
	for (const struct node *c = root->first_child; c && s == STATUS_OK; c = c->next_sibling)
		s = launcher_read(c, *out, i++);
	if (s == STATUS_OK)
		s = model_make(env, root, *out, n);
	if (s != STATUS_OK) {
		(void)heap_free(env_heap(env), *out);
		*out = NULL;
	}
	return s;
}

status_t
launchpad_config_read(struct env *env, const char *text, size_t len,
                      struct launchpad_launcher **launchers, unsigned *count,
                      struct launchpad_position *pos)
{
	uint32_t nodes, attrs;
	struct node_tree tree;
	struct node_error err;
	void *mem = NULL;
	xml_storage_needed(text, len, &nodes, &attrs);
	size_t node_bytes = nodes * sizeof(struct node);
	status_t s =
	        heap_alloc(env_heap(env), node_bytes + attrs * sizeof(struct node_value), &mem);
	if (s != STATUS_OK) {
		log_error("config: no heap to read it: %s", status_name(s));
		return s;
	}
	node_tree_init(&tree, mem, nodes, (struct node_value *)((char *)mem + node_bytes), attrs);
	s = xml_parse(&tree, text, len, &err);
	if (s != STATUS_OK) {
		char why[96];
		node_error_format(&err, why, sizeof(why));
		log_error("config: %s", why);
	}
	if (s == STATUS_OK)
		s = position_read(node_tree_root(&tree), pos);
	if (s == STATUS_OK)
		s = launchers_read(env, node_tree_root(&tree), launchers, count);
	(void)heap_free(env_heap(env), mem);
	return s;
}
