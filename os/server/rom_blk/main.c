/*
 * \brief  rom_blk: serves the ROM module named in its config as "Block"
 *
 * <config file="disk.img" block_size="512"/>: the module is mapped once
 * at start; every session reads from that mapping. Sessions are a root
 * component's, paid by the client's ram_quota, checked before anything
 * is allocated.
 */

#include <base/config_root.h>
#include <base/component.h>
#include <base/log.h>
#include <dataspace/map.h>
#include <parent/client.h>
#include <rom_session/connection.h>
#include <root/component.h>
#include <util/node_tree.h>
#include <util/string.h>

#include "rom_blk.h"

enum { ROM_BLK_FILE_MAX = 128, ROM_BLK_BLOCK_SIZE_MAX = 1u << 20 };

static struct env *rom_blk_env;
static struct rom_blk_device rom_blk_dev;
static struct root_component rom_blk_root;

static struct rom_blk_session *
rom_blk_of(struct root_session *base)
{
	return ROOT_SESSION_ENTRY(base, struct rom_blk_session, base);
}

static status_t
rom_blk_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	(void)ctx;
	(void)args;
	return rom_blk_session_open(rom_blk_of(base), env_ep(rom_blk_env), &rom_blk_dev);
}

static void
rom_blk_destroy(void *ctx, struct root_session *base)
{
	(void)ctx;
	rom_blk_session_close(rom_blk_of(base));
}

static const struct root_component_ops rom_blk_root_ops = {.create = rom_blk_create,
                                                           .destroy = rom_blk_destroy};

/* file and block_size from the config; false (logged) if unusable */
static bool
rom_blk_config_read(struct env *env, char *file, size_t file_size, uint64_t *block_size)
{
	struct config_root cfg;
	const struct node *root = config_root_parse(env, &cfg);

	if (!root ||
	    node_attribute_string(root, "file", file, file_size, "", &cfg.err) != STATUS_OK ||
	    node_attribute_size(root, "block_size", 512, block_size, &cfg.err) != STATUS_OK) {
		log_error("rom_blk: malformed config");
		return false;
	}
	if (!file[0] || *block_size == 0 || *block_size > ROM_BLK_BLOCK_SIZE_MAX) {
		log_error("rom_blk: config needs file=\"...\" and 1 <= block_size <= %u",
		          ROM_BLK_BLOCK_SIZE_MAX);
		return false;
	}
	return true;
}

/* map the module; the ROM session stays open for the life of the server */
static bool
rom_blk_device_open(struct env *env, const char *file, uint64_t block_size)
{
	rom_session_cap_t rom;
	dataspace_cap_t ds = CAP_TYPED_INVALID(dataspace_cap_t);
	status_t st = rom_connection_open(env_parent(env), file, &rom);

	if (st == STATUS_OK)
		st = rom_session_dataspace(rom, &ds);
	if (st == STATUS_OK)
		st = dataspace_map_readonly(ds, &rom_blk_dev.data, &rom_blk_dev.size);
	if (st != STATUS_OK) {
		log_error("rom_blk: cannot open ROM module \"%s\": %s", file, status_name(st));
		return false;
	}
	rom_blk_dev.block_size = block_size;
	/* the tail of a module of odd size is a whole block, zero-padded */
	rom_blk_dev.block_count = (rom_blk_dev.size + block_size - 1) / block_size;
	log_print("rom_blk: \"%s\", %lu bytes, %llu blocks of %llu bytes", file,
	          (unsigned long)rom_blk_dev.size, (unsigned long long)rom_blk_dev.block_count,
	          (unsigned long long)block_size);
	return true;
}

void
component_construct(struct env *env)
{
	static struct rpc_object root;
	char file[ROM_BLK_FILE_MAX];
	uint64_t block_size = 0;
	root_cap_t root_cap;

	rom_blk_env = env;
	root_component_init(&rom_blk_root, "Block", sizeof(struct rom_blk_session),
	                    &rom_blk_root_ops, 0, env_heap(env));
	if (!rom_blk_config_read(env, file, sizeof(file), &block_size) ||
	    !rom_blk_device_open(env, file, block_size))
		env_exit(env, 1);
	if (root_component_manage(&rom_blk_root, env_ep(env), &root, &root_cap) != STATUS_OK) {
		log_error("rom_blk: cannot create the root");
		env_exit(env, 1);
	}
	status_t s = parent_announce(env_parent(env), "Block", root_cap);
	if (s != STATUS_OK) {
		log_error("rom_blk: announcing \"Block\" failed: %s", status_name(s));
		env_exit(env, 1);
	}
}
