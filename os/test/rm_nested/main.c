/*
 * \brief  test-rm_nested: managed dataspaces nested through four levels
 *
 * Four RM sessions at core, each shown by the one above it: level 0 (the
 * top, 1 MiB) shows level 1 at 0x40000, level 1 shows level 2 at 0x20000,
 * level 2 shows level 3 at 0x10000 and a RAM dataspace at 0, level 3 a
 * RAM dataspace at 0x1000. The top is attached into our own address
 * space and both RAM dataspaces are checked through all levels, both
 * ways. A fifth level (core's limit is four) and cycles are refused; a
 * detach and a closed session in the middle turn the range into a hole.
 *
 * With <config><fault/></config> the component instead touches an
 * unpopulated address of the attached top level: on Linux core never
 * sees that fault, the kernel ends the component and its parent reports
 * it (doc/region_maps.md).
 */

#include <base/component.h>
#include <base/local_rm.h>
#include <base/log.h>
#include <dataspace/client.h>
#include <dataspace/map.h>
#include <parent/client.h>
#include <ram_session/client.h>
#include <rm_session/connection.h>
#include <test/expect.h>
#include <util/string.h>
#include <test/config_tag.h>

enum {
	PAGE = 4096,
	LEVELS = 4,
	MAP_SIZE = 1024 * 1024,
	SUB_SIZE = 0x40000, /* the part of each level the one above shows */
	/* where each level shows the next one, in its own coordinates */
	AT_1 = 0x40000,
	AT_2 = 0x20000,
	AT_3 = 0x10000,
	DEEP_AT = 0x1000, /* the RAM dataspace in level 3 */
	/* both RAM dataspaces as seen in level 0 */
	DEEPEST = AT_1 + AT_2 + AT_3 + DEEP_AT,
	SECOND = AT_1 + AT_2,
};

struct levels {
	rm_session_cap_t rm[LEVELS];
	dataspace_cap_t ds[LEVELS];
	dataspace_cap_t ram_deep, ram_second;
	char *deep, *second; /* our own mappings of the RAM dataspaces */
};

static status_t
ram_mapped(struct env *env, dataspace_cap_t *ds, char **local, char fill)
{
	void *p;
	size_t size;
	status_t s = ram_session_alloc(env_ram(env), PAGE, ds);
	if (s == STATUS_OK)
		s = dataspace_map_writable(*ds, &p, &size);
	if (s == STATUS_OK) {
		*local = p;
		mem_set(p, fill, PAGE);
	}
	return s;
}

static status_t
levels_open(struct env *env, struct levels *l)
{
	status_t s = STATUS_OK;
	for (unsigned i = 0; i < LEVELS && s == STATUS_OK; i++) {
		s = rm_connection_open(env_parent(env), 0, MAP_SIZE, RM_SESSION_RAM_QUOTA,
		                       &l->rm[i]);
		if (s == STATUS_OK)
			s = rm_session_dataspace(l->rm[i], &l->ds[i]);
	}
	if (s == STATUS_OK)
		s = ram_mapped(env, &l->ram_deep, &l->deep, 'D');
	if (s == STATUS_OK)
		s = ram_mapped(env, &l->ram_second, &l->second, 'S');
	return s;
}

/* deepest first, so every attach into a level that is shown already works too */
static void
levels_build(struct levels *l)
{
	EXPECT_OK(rm_session_attach_at(l->rm[3], l->ram_deep, DEEP_AT, 0, 0));
	EXPECT_OK(rm_session_attach_at(l->rm[2], l->ds[3], AT_3, SUB_SIZE, 0));
	EXPECT_OK(rm_session_attach_at(l->rm[2], l->ram_second, 0, 0, 0));
	EXPECT_OK(rm_session_attach_at(l->rm[1], l->ds[2], AT_2, SUB_SIZE, 0));
	EXPECT_OK(rm_session_attach_at(l->rm[0], l->ds[1], AT_1, SUB_SIZE, 0));
}

/* the RAM shows through all levels, and a write through them reaches it */
static void
levels_check_memory(struct levels *l, volatile char *top)
{
	cap_t backing = cap_invalid();
	uint64_t off = 1, size = 0;
	bool writable = false;
	EXPECT(top[DEEPEST] == 'D' && top[DEEPEST + PAGE - 1] == 'D');
	EXPECT(top[SECOND] == 'S' && top[SECOND + PAGE - 1] == 'S');
	top[DEEPEST + 17] = 'x';
	EXPECT(l->deep[17] == 'x');
	l->second[5] = 'y';
	EXPECT(top[SECOND + 5] == 'y');
	EXPECT_OK(dataspace_resolve(l->ds[0], DEEPEST, &backing, &off, &size, &writable));
	EXPECT(cap_valid(backing) && off == 0 && size == PAGE && writable);
	cap_close(backing);
	log_print("RAM seen through %u levels of managed dataspaces", LEVELS);
}

static void
levels_refuse(struct env *env, struct levels *l)
{
	rm_session_cap_t fifth;
	dataspace_cap_t fifth_ds = CAP_TYPED_INVALID(dataspace_cap_t);
	EXPECT_OK(rm_connection_open(env_parent(env), 0, MAP_SIZE, RM_SESSION_RAM_QUOTA, &fifth));
	EXPECT_OK(rm_session_dataspace(fifth, &fifth_ds));
	/* a fifth level below the deepest, or above the top */
	EXPECT_STATUS(rm_session_attach_at(l->rm[3], fifth_ds, 0x80000, SUB_SIZE, 0),
	              STATUS_DENIED);
	EXPECT_STATUS(rm_session_attach_at(fifth, l->ds[0], 0, SUB_SIZE, 0), STATUS_DENIED);
	log_print("nesting limit refused");
	/* cycles: the top into a level it shows, a level into itself */
	EXPECT_STATUS(rm_session_attach_at(l->rm[2], l->ds[0], 0x80000, SUB_SIZE, 0),
	              STATUS_DENIED);
	EXPECT_STATUS(rm_session_attach_at(l->rm[1], l->ds[1], 0x80000, SUB_SIZE, 0),
	              STATUS_DENIED);
	EXPECT_STATUS(rm_session_attach_at(l->rm[3], l->ds[1], 0x80000, SUB_SIZE, 0),
	              STATUS_DENIED);
	log_print("cycle refused");
	cap_close(cap_raw(fifth_ds));
	EXPECT_OK(parent_close(env_parent(env), cap_raw(fifth)));
}

static bool
is_hole(dataspace_cap_t ds, uint64_t offset)
{
	cap_t backing = cap_invalid();
	uint64_t off = 0, size = 0;
	bool writable = false;
	status_t s = dataspace_resolve(ds, offset, &backing, &off, &size, &writable);
	bool hole = s == STATUS_OK && !cap_valid(backing);
	cap_close(backing);
	return hole;
}

/* taking the middle away: a detach, then a closed session */
static void
levels_take_apart(struct env *env, struct levels *l)
{
	EXPECT_OK(local_rm_sub_detach(l->rm[2], AT_3));
	EXPECT(is_hole(l->ds[0], DEEPEST));
	EXPECT(!is_hole(l->ds[0], SECOND));
	EXPECT_OK(local_rm_sub_attach(l->rm[2], l->ds[3], SUB_SIZE, 0, true, AT_3, &(uint64_t){0}));
	EXPECT(!is_hole(l->ds[0], DEEPEST));
	/* closing level 2 detaches it from level 1 too */
	EXPECT_OK(parent_close(env_parent(env), cap_raw(l->rm[2])));
	EXPECT_OK(local_rm_sync());
	EXPECT(is_hole(l->ds[0], DEEPEST) && is_hole(l->ds[0], SECOND));
	log_print("detached and closed levels leave holes");
}

void
component_construct(struct env *env)
{
	struct levels l;
	void *top = 0;
	if (!EXPECT_OK(levels_open(env, &l)))
		env_exit(env, 1);
	levels_build(&l);
	if (!EXPECT_OK(local_rm_attach(l.ds[0], 0, 0, false, 0, &top)))
		env_exit(env, 1);
	if (test_config_has(env, "<fault/>")) {
		volatile char *hole = (volatile char *)top + DEEPEST + PAGE;
		log_print("reading unpopulated address %p of the top level", (void *)hole);
		log_print("read %d: the fault was not reported", *hole);
		env_exit(env, 1);
	}
	log_print("--- nested region map test ---");
	levels_check_memory(&l, top);
	levels_refuse(env, &l);
	levels_take_apart(env, &l);
	if (test_failures())
		env_exit(env, 1);
	log_print("--- finished nested region map test ---");
	env_exit(env, 0);
}
