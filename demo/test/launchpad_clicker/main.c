/*
 * \brief  test-launchpad_clicker: serve "Nitpicker" and click (clicker.h)
 *
 * <config launchers="N" font="font_text.gft"/>: how many launchers
 * launchpad has (where its rows are) and the font it uses (their height).
 */

#include <base/component.h>
#include <base/log.h>
#include <dataspace/map.h>
#include <gfx/font.h>
#include <parent/client.h>
#include <rom_session/connection.h>
#include <util/node_tree.h>
#include <util/xml.h>

#include "clicker.h"

static struct env *env;
static struct root_component root;

static struct nsi_client *
session_of(struct root_session *base)
{
	return ROOT_SESSION_ENTRY(base, struct nsi_client, base);
}

static status_t
session_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	uint64_t w, h;
	(void)ctx;
	if (arg_string_get_u64(args, "fb_width", 0, &w) != STATUS_OK ||
	    arg_string_get_u64(args, "fb_height", 0, &h) != STATUS_OK || w == 0 || h == 0 ||
	    w > 4096 || h > 4096)
		return STATUS_INVALID_ARGS;
	struct nsi_client *c = session_of(base);
	return nsi_client_open(c, env, (uint32_t)w, (uint32_t)h, &clicker_script_hooks, c);
}

static void
session_destroy(void *ctx, struct root_session *base)
{
	(void)ctx;
	nsi_client_close(session_of(base));
}

static const struct root_component_ops ops = {.create = session_create, .destroy = session_destroy};

/* the height of launchpad's font: its rows follow it */
static bool
font_height(const char *name, int *height)
{
	const char *data;
	size_t size;
	struct gfx_font f = {0};
	status_t s = rom_connection_map(env_parent(env), name, &data, &size);
	if (s == STATUS_OK)
		s = gfx_font_parse(&f, data, size);
	*height = f.height;
	return s == STATUS_OK;
}

static bool
config_read(unsigned *launchers, char *font, size_t font_size)
{
	static struct node nodes[2];
	static struct node_value attrs[4];
	struct node_tree tree;
	struct node_error err;
	const char *text;
	size_t len;
	uint64_t n;
	node_tree_init(&tree, nodes, 2, attrs, 4);
	if (env_config(env, &text, &len) != STATUS_OK ||
	    xml_parse(&tree, text, len, &err) != STATUS_OK)
		return false;
	const struct node *root_node = node_tree_root(&tree);
	if (node_attribute_u64(root_node, "launchers", 1, &n, &err) != STATUS_OK || n == 0 ||
	    n > 64)
		return false;
	*launchers = (unsigned)n;
	return node_attribute_string(root_node, "font", font, font_size, "font_text.gft", &err) ==
	       STATUS_OK;
}

void
component_construct(struct env *e)
{
	static struct rpc_object root_obj;
	root_cap_t root_cap;
	unsigned launchers;
	char font[64];
	int height;
	env = e;
	if (!config_read(&launchers, font, sizeof(font)) || !font_height(font, &height)) {
		log_error("config or font unusable");
		env_exit(env, 1);
	}
	clicker_script_init(launchpad_layout_for_font(height), launchers);
	root_component_init(&root, "Nitpicker", sizeof(struct nsi_client), &ops, 0, env_heap(env));
	if (root_component_manage(&root, env_ep(env), &root_obj, &root_cap) != STATUS_OK ||
	    parent_announce(env_parent(env), "Nitpicker", root_cap) != STATUS_OK) {
		log_error("cannot serve Nitpicker");
		env_exit(env, 1);
	}
}
