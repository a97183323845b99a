/*
 * \brief  dataspace_map_readonly, dataspace_map_writable, dataspace_unmap
 */

#include <dataspace/client.h>
#include <dataspace/map.h>
#include <util/format.h>
#include <util/string.h>

#include "test.h"

enum { ROM_SIZE = 2 * 4096 + 1000, RAM_SIZE = 3 * 4096 };

static uint8_t rom_bytes[ROM_SIZE];
static struct test_ds rom, ram, empty;
static struct dataspace_object liar; /* says "writable" of the ROM's read-only backing */
static status_t setup_status;

void
ds_setup(void)
{
	for (unsigned i = 0; i < ROM_SIZE; i++)
		rom_bytes[i] = (uint8_t)(i * 7 + 3);
	setup_status = test_ds_rom(&rom, rom_bytes, ROM_SIZE);
	if (setup_status == STATUS_OK)
		setup_status = test_ds_ram(&ram, RAM_SIZE);
	if (setup_status == STATUS_OK) /* an empty dataspace has no backing to map */
		setup_status = dataspace_object_serve(&empty.ds, test_ep, 0, cap_invalid(), false);
	if (setup_status == STATUS_OK)
		setup_status = dataspace_object_serve(&liar, test_ep, ROM_SIZE, rom.backing, true);
}

static void
readonly_checks(void)
{
	const char *addr = 0;
	size_t size = 0;
	uintptr_t at;
	vm_prot_t prot = 0, max = 0;
	char detail[96];
	status_t s = dataspace_map_readonly(rom.ds.cap, &addr, &size);

	check(s == STATUS_OK && size == ROM_SIZE && mem_compare(addr, rom_bytes, ROM_SIZE) == 0,
	      "map_readonly: a ROM dataspace reads its content", "");
	if (s != STATUS_OK)
		return;
	bool mapped = region_at((uintptr_t)addr, &prot, &max);
	format_string(detail, sizeof(detail), "prot %d, max %d", prot, max);
	check(mapped && prot == VM_PROT_READ && max == VM_PROT_READ,
	      "map_readonly: current and maximum protection are read", detail);
	bool faulted = fault_probe((uintptr_t)addr + 4096, true, &at);
	format_string(detail, sizeof(detail), "fault at 0x%lx", (unsigned long)at);
	check(faulted && at == (uintptr_t)addr + 4096, "map_readonly: a write faults", detail);
	check(mem_compare(addr, rom_bytes, ROM_SIZE) == 0, "map_readonly: content unchanged", "");
	s = dataspace_map_readonly(empty.ds.cap, &addr, &size);
	check(s == STATUS_OK && addr && size == 0,
	      "map_readonly: an empty dataspace gives an address and size 0", "");
}

static void
writable_checks(void)
{
	void *a = 0, *b = 0;
	size_t sa = 0, sb = 0;
	const char *r = 0;
	size_t sr = 0;
	vm_prot_t prot, max;
	status_t s = dataspace_map_writable(ram.ds.cap, &a, &sa);

	if (s == STATUS_OK)
		s = dataspace_map_writable(ram.ds.cap, &b, &sb);
	if (s == STATUS_OK)
		s = dataspace_map_readonly(ram.ds.cap, &r, &sr);
	check(s == STATUS_OK && a != b && sa == RAM_SIZE && ((uint32_t *)b)[5] == 0,
	      "map_writable: a RAM dataspace twice, zero-filled", "");
	if (s != STATUS_OK)
		return;
	((volatile uint32_t *)a)[5] = 0x600dcafe;
	((volatile uint32_t *)b)[2 * 1024 + 1] = 0xfeedf00d;
	check(((volatile uint32_t *)b)[5] == 0x600dcafe &&
	              ((volatile uint32_t *)a)[2 * 1024 + 1] == 0xfeedf00d &&
	              ((const volatile uint32_t *)r)[5] == 0x600dcafe,
	      "map_writable: both mappings and a read-only one share the pages", "");
	dataspace_unmap(a, sa);
	check(!region_at((uintptr_t)a, &prot, &max) && ((volatile uint32_t *)b)[5] == 0x600dcafe,
	      "unmap: the mapping is gone, the other still reads", "");
	check(dataspace_map_writable(rom.ds.cap, &a, &sa) == STATUS_DENIED &&
	              dataspace_map_writable(empty.ds.cap, &a, &sa) == STATUS_DENIED,
	      "map_writable: a ROM or empty dataspace is denied", "");
	check(dataspace_map_writable(liar.cap, &a, &sa) == STATUS_DENIED,
	      "map_writable: a read-only backing called writable is denied, not mapped read-only",
	      "");
}

void
ds_checks(void)
{
	check(setup_status == STATUS_OK, "dataspaces: ROM, RAM and empty served", "");
	if (setup_status != STATUS_OK)
		return;
	readonly_checks();
	writable_checks();
}
