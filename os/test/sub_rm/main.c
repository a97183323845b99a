/*
 * \brief  test-sub_rm: a region map at core, attached into our own address space
 *
 * Modelled on Genode's sub_rm test: a sub-RM of 1 MiB; attach_at inside
 * it; the sub-RM's managed dataspace attached locally at 0x60000000 shows
 * the RAM dataspace's pattern; a region attached after that appears at
 * once (populated on attach); attaches beyond the boundary and over an
 * existing region fail; offset and size select part of a dataspace.
 * Unlike Genode on Linux, attaching anywhere inside the sub-RM works
 * (core keeps the regions) and a second local view is possible (at
 * another address). Malformed requests are in malformed.c.
 */

#include <base/component.h>
#include <base/local_rm.h>
#include <base/log.h>
#include <dataspace/client.h>
#include <dataspace/map.h>
#include <ram_session/client.h>
#include <rm_session/connection.h>
#include <rom_session/connection.h>
#include <test/expect.h>
#include <util/string.h>

#include "test_sub_rm.h"

status_t
test_ram_alloc(struct env *env, unsigned pages, struct test_ram *r)
{
	void *p;
	size_t size;
	status_t s = ram_session_alloc(env_ram(env), (uint64_t)pages * PAGE, &r->ds);
	if (s == STATUS_OK)
		s = dataspace_map_writable(r->ds, &p, &size);
	if (s != STATUS_OK)
		return s;
	r->local = p;
	for (unsigned i = 0; i < pages; i++)
		mem_set(r->local + (size_t)i * PAGE, 'a' + (int)i, PAGE);
	return STATUS_OK;
}

bool
test_is_hole(dataspace_cap_t managed, uint64_t offset)
{
	cap_t backing = cap_invalid();
	uint64_t backing_offset = 0, size = 0;
	bool writable = false;
	status_t s =
	        dataspace_resolve(managed, offset, &backing, &backing_offset, &size, &writable);
	bool hole = s == STATUS_OK && !cap_valid(backing) && size >= PAGE;
	cap_close(backing);
	return hole;
}

/* attach inside the sub-RM: at an address, and anywhere */
static void
attach_inside(rm_session_cap_t sub, const struct test_ram *ram)
{
	uint64_t addr = 1;
	EXPECT_OK(rm_session_attach_at(sub, ram->ds, 0x20000, 0, 0));
	EXPECT_OK(rm_session_attach(sub, ram->ds, 0, 0, false, 0, &addr));
	EXPECT(addr < SUB_RM_SIZE && addr % PAGE == 0 && addr != 0x20000);
	EXPECT_OK(rm_session_detach(sub, addr));
}

/* the local view: the pattern at 0x60020000, and writes go both ways */
static void
view_local(dataspace_cap_t managed, const struct test_ram *ram)
{
	void *at = 0;
	EXPECT_OK(local_rm_attach(managed, 0, 0, true, LOCAL_BASE, &at));
	EXPECT(at == (void *)(uintptr_t)LOCAL_BASE);
	EXPECT(sub_view(0x20000)[0] == 'a' && sub_view(0x20000)[PAGE - 1] == 'a');
	sub_view(0x20000)[100] = 'X';
	EXPECT(ram->local[100] == 'X');
	ram->local[100] = 'a';
	EXPECT(sub_view(0x20000)[100] == 'a');
	log_print("sub-RM attached locally at 0x%lx, pattern seen", (unsigned long)LOCAL_BASE);
}

/* populate after attach, boundary, conflicts */
static void
populate_and_refuse(rm_session_cap_t sub, dataspace_cap_t managed, const struct test_ram *ram,
                    const struct test_ram *two)
{
	uint64_t addr = 0;
	EXPECT(test_is_hole(managed, 0x40000));
	EXPECT_OK(local_rm_sub_attach(sub, ram->ds, 0, 0, true, 0x40000, &addr));
	EXPECT(sub_view(0x40000)[7] == 'a');
	log_print("region attached after the local attach is visible");

	EXPECT_STATUS(rm_session_attach_at(sub, two->ds, SUB_RM_SIZE - PAGE, 0, 0),
	              STATUS_INVALID_ARGS);
	EXPECT_STATUS(rm_session_attach_at(sub, ram->ds, SUB_RM_SIZE, 0, 0), STATUS_INVALID_ARGS);
	EXPECT_STATUS(rm_session_attach_at(sub, ram->ds, 0x40000, 0, 0), STATUS_CONFLICT);
	EXPECT_STATUS(rm_session_attach_at(sub, two->ds, 0x3f000, 0, 0), STATUS_CONFLICT);
	log_print("attach beyond the boundary and over a region refused");

	/* the address is taken by the first view; elsewhere a second one works */
	void *at = 0;
	EXPECT_STATUS(local_rm_attach(managed, 0, 0, true, LOCAL_BASE, &at), STATUS_CONFLICT);
	EXPECT_OK(local_rm_attach(managed, 0, 0, false, 0, &at));
	EXPECT(at != 0 && ((volatile char *)at)[0x40000] == 'a');
	EXPECT_OK(local_rm_detach(at));
}

/* offset and size pick pages 1 and 2 of four; size 0 takes the rest */
static void
offset_and_size(rm_session_cap_t sub, dataspace_cap_t managed, const struct test_ram *four)
{
	uint64_t addr = 0;
	EXPECT_OK(local_rm_sub_attach(sub, four->ds, 2 * PAGE, PAGE, true, 0x80000, &addr));
	EXPECT(sub_view(0x80000)[0] == 'b' && sub_view(0x81000)[PAGE - 1] == 'c');
	EXPECT(test_is_hole(managed, 0x82000));
	EXPECT_OK(local_rm_sub_attach(sub, four->ds, 0, 2 * PAGE, true, 0x90000, &addr));
	EXPECT(sub_view(0x90000)[0] == 'c' && sub_view(0x91000)[0] == 'd');
	EXPECT(test_is_hole(managed, 0x92000));
	log_print("offset and size arguments respected");
}

/* a ROM module shows read-only; a detached region is a hole again */
static void
rom_and_detach(struct env *env, rm_session_cap_t sub, dataspace_cap_t managed)
{
	rom_session_cap_t rom;
	dataspace_cap_t rom_ds = CAP_TYPED_INVALID(dataspace_cap_t);
	uint64_t addr = 0, off = 0, size = 0;
	bool writable = true;
	cap_t backing = cap_invalid();
	EXPECT_OK(rom_connection_open(env_parent(env), "test-sub_rm", &rom));
	EXPECT_OK(rom_session_dataspace(rom, &rom_ds));
	EXPECT_OK(local_rm_sub_attach(sub, rom_ds, 2 * PAGE, 0, true, 0xa0000, &addr));
	EXPECT(mem_compare((const char *)sub_view(0xa0000), "\177ELF", 4) == 0);
	EXPECT_OK(dataspace_resolve(managed, 0xa0000, &backing, &off, &size, &writable));
	EXPECT(cap_valid(backing) && !writable && off == 0);
	cap_close(backing);
	cap_close(cap_raw(rom_ds));

	EXPECT_OK(local_rm_sub_detach(sub, 0x40000));
	EXPECT(test_is_hole(managed, 0x40000));
	log_print("ROM module attached read-only, detached region gone");
}

void
component_construct(struct env *env)
{
	rm_session_cap_t sub;
	dataspace_cap_t managed = CAP_TYPED_INVALID(dataspace_cap_t);
	struct test_ram ram, two, four;
	log_print("--- sub-rm test ---");
	if (!EXPECT_OK(rm_connection_open(env_parent(env), 0, SUB_RM_SIZE, RM_SESSION_RAM_QUOTA,
	                                  &sub)) ||
	    !EXPECT_OK(rm_session_dataspace(sub, &managed)) ||
	    !EXPECT_OK(test_ram_alloc(env, 1, &ram)) || !EXPECT_OK(test_ram_alloc(env, 2, &two)) ||
	    !EXPECT_OK(test_ram_alloc(env, 4, &four)))
		env_exit(env, 1);
	uint64_t size = 0;
	EXPECT(dataspace_size(managed, &size) == STATUS_OK && size == SUB_RM_SIZE);
	attach_inside(sub, &ram);
	view_local(managed, &ram);
	populate_and_refuse(sub, managed, &ram, &two);
	offset_and_size(sub, managed, &four);
	rom_and_detach(env, sub, managed);
	test_malformed(env, sub, ram.ds);
	test_session_args(env);
	test_out_of_metadata(env, ram.ds);
	if (test_failures())
		env_exit(env, 1);
	log_print("--- end of sub-rm test ---");
	env_exit(env, 0);
}
