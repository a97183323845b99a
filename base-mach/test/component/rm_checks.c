/*
 * \brief  The local region map's platform calls at fixed addresses
 */

#include <base/internal/local_rm_platform.h>
#include <dataspace/map.h>
#include <util/format.h>

#include "test.h"

#define RM_BASE 0x30000000u
#define PAGE    4096u

static uint8_t rom_page1[2 * PAGE];
static struct test_ds rom, ram;

static bool
reserved_at(uintptr_t addr)
{
	vm_prot_t prot = 1, max = 1;

	return region_at(addr, &prot, &max) && prot == VM_PROT_NONE && max == VM_PROT_NONE;
}

static void
reserve_checks(void)
{
	uint64_t base = 0, other = 0;
	status_t s = local_rm_platform_reserve(16 * PAGE, true, RM_BASE, &base);

	check(s == STATUS_OK && base == RM_BASE && reserved_at(RM_BASE) &&
	              reserved_at(RM_BASE + 15 * PAGE),
	      "reserve: at a fixed address, inaccessible for good", "");
	check(local_rm_platform_reserve(PAGE, true, RM_BASE + 3 * PAGE, &other) == STATUS_CONFLICT,
	      "reserve: a taken address is STATUS_CONFLICT", "");
	s = local_rm_platform_reserve(4 * PAGE, false, 0, &other);
	check(s == STATUS_OK && other && reserved_at((uintptr_t)other), "reserve: anywhere", "");
	if (s == STATUS_OK)
		local_rm_platform_release(other, 4 * PAGE);
	check(local_rm_platform_fault_watch() == STATUS_OK,
	      "fault_watch: STATUS_OK (core hears faults)", "");
}

static void
map_checks(void)
{
	volatile uint32_t *w = (volatile uint32_t *)(RM_BASE + 4 * PAGE);
	const volatile uint8_t *r = (const volatile uint8_t *)(RM_BASE + 8 * PAGE);
	uintptr_t at;
	status_t s = local_rm_platform_map(RM_BASE + 4 * PAGE, 2 * PAGE, ram.backing, 0, true);

	if (s == STATUS_OK)
		w[1024 + 3] = 0xabcdef01; /* second page */
	check(s == STATUS_OK && !reserved_at(RM_BASE + 4 * PAGE) &&
	              reserved_at(RM_BASE + 3 * PAGE) && reserved_at(RM_BASE + 6 * PAGE),
	      "map: RAM writable over part of a reservation, the rest still reserved", "");
	s = local_rm_platform_map(RM_BASE + 8 * PAGE, PAGE, rom.backing, PAGE, false);
	check(s == STATUS_OK && r[5] == rom_page1[PAGE + 5], "map: ROM read-only at an offset", "");
	check(s == STATUS_OK && fault_probe((uintptr_t)r, true, &at) && at == (uintptr_t)r,
	      "map: a write to the read-only region faults", "");
	s = local_rm_platform_map(RM_BASE + 10 * PAGE, PAGE, rom.backing, 0, true);
	vm_prot_t prot = 0, max = 0;
	bool mapped = region_at(RM_BASE + 10 * PAGE, &prot, &max);
	char detail[64];
	format_string(detail, sizeof(detail), "status %d, mapped %d, prot %d, max %d", s, mapped,
	              prot, max);
	check(s == STATUS_INVALID_ARGS && mapped && prot == VM_PROT_NONE && max == VM_PROT_NONE,
	      "map: ROM writable is STATUS_INVALID_ARGS, the range stays reserved", detail);
}

static void
clear_checks(void)
{
	uint64_t other;
	uintptr_t at;
	const volatile uint32_t *w = (const volatile uint32_t *)(RM_BASE + 4 * PAGE);
	status_t s = local_rm_platform_clear(RM_BASE + 4 * PAGE, 2 * PAGE);

	check(s == STATUS_OK && reserved_at(RM_BASE + 5 * PAGE) &&
	              local_rm_platform_reserve(PAGE, true, RM_BASE + 5 * PAGE, &other) ==
	                      STATUS_CONFLICT,
	      "clear: inaccessible again, still reserved", "");
	check(fault_probe((uintptr_t)w, false, &at) && at == (uintptr_t)w,
	      "clear: a read there faults", "");
	s = local_rm_platform_map(RM_BASE + 4 * PAGE, 2 * PAGE, ram.backing, 0, false);
	check(s == STATUS_OK && w[1024 + 3] == 0xabcdef01,
	      "map: again over the cleared range, read-only, the RAM kept its content", "");
	local_rm_platform_release(RM_BASE, 16 * PAGE);
	s = local_rm_platform_reserve(16 * PAGE, true, RM_BASE, &other);
	check(s == STATUS_OK && other == RM_BASE, "release: the range is free again", "");
	if (s == STATUS_OK)
		local_rm_platform_release(RM_BASE, 16 * PAGE);
}

void
rm_checks(void)
{
	for (unsigned i = 0; i < sizeof(rom_page1); i++)
		rom_page1[i] = (uint8_t)(i * 13 + 1);
	/* objects only, no dataspace: the entrypoint runs already */
	status_t s = memobj_rom_create(rom_page1, sizeof(rom_page1), &rom.obj);
	if (s == STATUS_OK)
		s = pager_serve(rom.obj);
	if (s == STATUS_OK)
		s = memobj_backing(rom.obj, false, &rom.backing);
	if (s == STATUS_OK)
		s = memobj_ram_create(2 * PAGE, &ram.obj);
	if (s == STATUS_OK)
		s = pager_serve(ram.obj);
	if (s == STATUS_OK)
		s = memobj_backing(ram.obj, true, &ram.backing);
	check(s == STATUS_OK, "local_rm: a ROM and a RAM object", "");
	if (s != STATUS_OK)
		return;
	reserve_checks();
	map_checks();
	clear_checks();
}
