/*
 * \brief  test-nitpicker_script: the Nitpicker service of one client
 */

#include <base/component.h>
#include <base/config_root.h>
#include <base/log.h>
#include <parent/client.h>

#include "nitpicker_script.h"

static struct root_component ns_root;

static status_t
ns_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	struct nsi_client *c = ROOT_SESSION_ENTRY(base, struct nsi_client, base);
	uint64_t w = 0, h = 0;
	(void)ctx;

	if (arg_string_get_u64(args, "fb_width", 0, &w) != STATUS_OK ||
	    arg_string_get_u64(args, "fb_height", 0, &h) != STATUS_OK || w == 0 || h == 0 ||
	    w > 4096 || h > 4096) {
		log_error("nitpicker_script: \"%s\" needs fb_width and fb_height 1..4096",
		          base->label);
		return STATUS_INVALID_ARGS;
	}
	status_t st = nsi_client_open(c, ns_script.env, (uint32_t)w, (uint32_t)h, &ns_script_hooks,
	                              &ns_script);
	if (st == STATUS_OK)
		ns_script.session = c;
	return st;
}

static void
ns_destroy(void *ctx, struct root_session *base)
{
	(void)ctx;
	nsi_client_close(ROOT_SESSION_ENTRY(base, struct nsi_client, base));
	ns_script.session = NULL;
}

static const struct root_component_ops ns_root_ops = {.create = ns_create, .destroy = ns_destroy};

void
component_construct(struct env *env)
{
	static struct rpc_object root_obj;
	struct config_root cfg;
	const struct node *root = config_root_parse(env, &cfg);
	root_cap_t root_cap;
	char area[64];

	ns_script.env = env;
	if (!root ||
	    node_attribute_string(root, "script", ns_script.text, sizeof(ns_script.text), "",
	                          &cfg.err) != STATUS_OK ||
	    node_attribute_string(root, "area", area, sizeof(area), "", &cfg.err) != STATUS_OK ||
	    !ns_script_area(&ns_script, area)) {
		log_error("nitpicker_script: config needs script=\"...\" (at most %d bytes), "
		          "area=\"x y w h\" may follow",
		          NS_SCRIPT_MAX - 1);
		env_exit(env, 1);
	}
	ns_script.next = ns_script.text;
	root_component_init(&ns_root, "Nitpicker", sizeof(struct nsi_client), &ns_root_ops, NULL,
	                    env_heap(env));
	ns_root.single_client = true;
	if (root_component_manage(&ns_root, env_ep(env), &root_obj, &root_cap) != STATUS_OK ||
	    parent_announce(env_parent(env), "Nitpicker", root_cap) != STATUS_OK) {
		log_error("nitpicker_script: cannot announce \"Nitpicker\"");
		env_exit(env, 1);
	}
}
