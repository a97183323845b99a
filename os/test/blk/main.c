/*
 * \brief  test-blk: reads a Block device through the session and compares
 *
 * <config file="disk.img" block_size="512"/> names the ROM module the
 * server serves and its block size; the test maps the same module itself
 * and checks every block read over the session against it, the last block
 * of a module of odd size zero-padded beyond its end (rom_blk's rule).
 * A write and reads beyond the end must be refused. <config hostile="head">
 * or hostile="descriptor" instead corrupts the shared submit queue
 * (hostile.c) and checks that the server cut the session off.
 */

#include <base/config_root.h>
#include <base/log.h>
#include <dataspace/map.h>
#include <rom_session/connection.h>
#include <util/node_tree.h>
#include <util/string.h>

#include "test_blk.h"

enum { TEST_BLK_FILE_MAX = 128, TEST_BLK_CHUNK_MAX = 8 };

struct test_blk_config {
	char file[TEST_BLK_FILE_MAX];
	uint64_t block_size;
	char hostile[16]; /* "", "head" or "descriptor" */
};

static struct test_blk test;
static uint8_t test_buf[TEST_BLK_CHUNK_MAX * 4096];
static unsigned test_failures;

static void
test_check(bool ok, const char *what)
{
	if (!ok) {
		log_error("test-blk: %s", what);
		test_failures++;
	}
}

static bool
test_config_read(struct env *env, struct test_blk_config *cfg)
{
	struct config_root c;
	const struct node *root = config_root_parse(env, &c);

	return root &&
	       node_attribute_string(root, "file", cfg->file, sizeof(cfg->file), "", &c.err) ==
	               STATUS_OK &&
	       node_attribute_size(root, "block_size", 512, &cfg->block_size, &c.err) ==
	               STATUS_OK &&
	       node_attribute_string(root, "hostile", cfg->hostile, sizeof(cfg->hostile), "",
	                             &c.err) == STATUS_OK;
}

/* does buf hold blocks [block, block + count) of the module, zero-padded? */
static bool
test_blocks_equal(const char *rom, size_t rom_size, uint64_t block, uint64_t count)
{
	uint64_t from = block * test.block_size, len = count * test.block_size;

	for (uint64_t i = 0; i < len; i++) {
		uint8_t want = from + i < rom_size ? (uint8_t)rom[from + i] : 0;
		if (test_buf[i] != want)
			return false;
	}
	return true;
}

/* every block, in requests of 1 to TEST_BLK_CHUNK_MAX blocks */
static void
test_read_all(const char *rom, size_t rom_size)
{
	uint64_t block = 0, count = 1;
	bool ok = false;

	while (block < test.block_count) {
		uint64_t n = test.block_count - block < count ? test.block_count - block : count;
		status_t st =
		        test_blk_request(&test, BLOCK_OPERATION_READ, block, n, test_buf, &ok);
		test_check(st == STATUS_OK && ok, "read refused");
		test_check(ok && test_blocks_equal(rom, rom_size, block, n),
		           "read data differs from the ROM module");
		if (st != STATUS_OK || !ok)
			return;
		block += n;
		count = count % TEST_BLK_CHUNK_MAX + 1;
	}
	log_print("test-blk: read %llu blocks, equal to the ROM module",
	          (unsigned long long)test.block_count);
}

/* bursts of one-block reads, a queue's worth in flight */
static void
test_pipelined(const char *rom, size_t rom_size)
{
	enum { ROUNDS = 40 };
	unsigned bad = 0;
	status_t st = test_blk_read_pipelined(&test, rom, rom_size, ROUNDS, &bad);

	test_check(st == STATUS_OK, "pipelined reads failed in the transport");
	test_check(bad == 0, "pipelined reads refused or differing");
	if (st == STATUS_OK && bad == 0)
		log_print("test-blk: %u rounds of pipelined reads, %u in flight, all equal", ROUNDS,
		          (unsigned)TEST_BLK_QUEUE_SIZE);
}

/* a request the server must refuse */
static void
test_refused(uint64_t op, uint64_t block, uint64_t count, const char *what)
{
	bool ok = true;
	status_t st = test_blk_request(&test, op, block, count, 0, &ok);

	test_check(st == STATUS_OK, "request failed in the transport");
	test_check(!ok, what);
}

static void
test_refusals(void)
{
	uint64_t n = test.block_count;

	test_refused(BLOCK_OPERATION_WRITE, 0, 1, "write not refused");
	test_refused(BLOCK_OPERATION_READ, n, 1, "read past the end not refused");
	test_refused(BLOCK_OPERATION_READ, n - 1, 2, "read across the end not refused");
	test_refused(BLOCK_OPERATION_READ, 0, 0, "read of 0 blocks not refused");
	test_refused(BLOCK_OPERATION_READ, UINT64_MAX, 1, "read at block 2^64-1 not refused");
	test_refused(99, 0, 1, "unknown operation not refused");
	log_print("test-blk: write, out-of-range and malformed requests refused");
}

void
component_construct(struct env *env)
{
	struct test_blk_config cfg = {.block_size = 512};
	rom_session_cap_t rom;
	dataspace_cap_t ds = CAP_TYPED_INVALID(dataspace_cap_t);
	const char *data = 0;
	size_t size = 0;

	if (!test_config_read(env, &cfg) || rom_connection_open(env_parent(env), cfg.file, &rom) ||
	    rom_session_dataspace(rom, &ds) || dataspace_map_readonly(ds, &data, &size)) {
		log_error("test-blk: cannot map the ROM module \"%s\"", cfg.file);
		env_exit(env, 1);
	}
	status_t st = test_blk_open(env, &test);
	if (st != STATUS_OK) {
		log_error("test-blk: cannot set up the Block session: %s", status_name(st));
		env_exit(env, 1);
	}
	if (cfg.hostile[0])
		env_exit(env, test_blk_hostile(&test, cfg.hostile) ? 0 : 1);
	log_print("test-blk: %llu blocks of %u bytes, module of %lu bytes",
	          (unsigned long long)test.block_count, test.block_size, (unsigned long)size);
	test_check(test.block_size == cfg.block_size && test.block_size <= 4096, "block size");
	test_check(test.block_count == (size + cfg.block_size - 1) / cfg.block_size, "block count");
	test_check(test.operations == BLOCK_OPERATION_READ_BIT, "operations: read only expected");
	if (!test_failures)
		test_read_all(data, size);
	test_pipelined(data, size);
	test_refusals();
	if (test_failures) {
		log_error("test-blk: %u checks failed", test_failures);
		env_exit(env, 1);
	}
	log_print("all done, finished!");
	env_exit(env, 0);
}
