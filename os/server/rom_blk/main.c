/*
 * \brief  rom_blk: serves the ROM module named in its config as "Block"
 *
 * <config file="disk.img" block_size="512"/>: the module is mapped once
 * at start; every session reads from that mapping. Sessions are paid by
 * the client's ram_quota, checked before anything is allocated.
 */

#include <base/config_root.h>
#include <base/component.h>
#include <base/log.h>
#include <dataspace/map.h>
#include <parent/client.h>
#include <rom_session/connection.h>
#include <root/server.h>
#include <util/arg_string.h>
#include <util/node_tree.h>
#include <util/string.h>

#include <root/session_args.h>

#include "rom_blk.h"

enum { ROM_BLK_FILE_MAX = 128, ROM_BLK_BLOCK_SIZE_MAX = 1u << 20 };

static struct env *rom_blk_env;
static struct rom_blk_device rom_blk_dev;
static struct list rom_blk_sessions;

static status_t
rom_blk_root_session(void *ctx, struct rpc_call *call, const char *args, cap_t *session)
{
	char label[ROM_BLK_LABEL_MAX] = "";
	void *mem = 0;
	status_t st = session_args_check("Block", args, sizeof(struct rom_blk_session), label,
	                                 sizeof(label));

	if (st != STATUS_OK)
		return st;
	st = heap_alloc(env_heap(rom_blk_env), sizeof(struct rom_blk_session), &mem);
	if (st != STATUS_OK)
		return st;
	struct rom_blk_session *s = mem;
	st = rom_blk_session_open(s, env_ep(rom_blk_env), &rom_blk_dev, label);
	if (st != STATUS_OK) {
		heap_free(env_heap(rom_blk_env), mem);
		return st;
	}
	list_insert_tail(&rom_blk_sessions, &s->elem);
	*session = cap_raw(s->cap);
	return STATUS_OK;
}

static status_t
rom_blk_root_close(void *ctx, struct rpc_call *call, cap_t session)
{
	list_for_each(e, &rom_blk_sessions)
	{
		struct rom_blk_session *s = list_entry(e, struct rom_blk_session, elem);
		if (!cap_same(cap_raw(s->cap), session))
			continue;
		cap_close(session);
		list_remove(&s->elem);
		rom_blk_session_close(s);
		heap_free(env_heap(rom_blk_env), s);
		return STATUS_OK;
	}
	cap_close(session);
	return STATUS_NOT_FOUND;
}

/* the donation arrived in our RAM session already; the session keeps the record */
static status_t
rom_blk_root_upgrade(void *ctx, struct rpc_call *call, cap_t session, const char *args)
{
	status_t st = STATUS_NOT_FOUND;
	list_for_each(e, &rom_blk_sessions)
	{
		struct rom_blk_session *s = list_entry(e, struct rom_blk_session, elem);
		uint64_t amount = 0;
		if (!cap_same(cap_raw(s->cap), session))
			continue;
		st = session_upgrade_amount("Block", args, s->label, &amount);
		if (st == STATUS_OK)
			s->upgraded += amount;
		break;
	}
	cap_close(session);
	return st;
}

static const struct root_ops rom_blk_root_ops = {.session = rom_blk_root_session,
                                                 .upgrade = rom_blk_root_upgrade,
                                                 .close = rom_blk_root_close};

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
	list_init(&rom_blk_sessions);
	if (!rom_blk_config_read(env, file, sizeof(file), &block_size) ||
	    !rom_blk_device_open(env, file, block_size))
		env_exit(env, 1);
	if (root_manage(env_ep(env), &root, &rom_blk_root_ops, 0, &root_cap) != STATUS_OK) {
		log_error("rom_blk: cannot create the root");
		env_exit(env, 1);
	}
	status_t s = parent_announce(env_parent(env), "Block", root_cap);
	if (s != STATUS_OK) {
		log_error("rom_blk: announcing \"Block\" failed: %s", status_name(s));
		env_exit(env, 1);
	}
}
