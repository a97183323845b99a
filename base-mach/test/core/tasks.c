/*
 * \brief  Memory objects shared with child tasks, and their faults
 */

#include <mach/memory_object.h>
#include <mach_gen/mach.h>
#include <mach_rt.h>
#include <util/format.h>
#include <util/string.h>

#include "../../core/core_mach.h"
#include "../../core/memobj_record.h"
#include "child.h"
#include "proto.h"
#include "test.h"

enum { RAM_SIZE = 4 * 4096 };

extern const uint8_t *test_ok_image, *test_fault_image;
extern size_t test_ok_size, test_fault_size;

static struct memobj *ram;
static volatile uint32_t *core_view; /* core's own mapping of ram */

/* map obj's own port in core (a send right core holds) */
static vm_address_t
core_map(struct memobj *obj, vm_prot_t prot)
{
	vm_address_t addr = 0;

	if (vm_map(mach_task_self(), &addr, memobj_size(obj), 0, TRUE, memobj_port(obj), 0, FALSE,
	           prot, prot, VM_INHERIT_NONE) != KERN_SUCCESS)
		return 0;
	return addr;
}

static bool
child_half_seen(void)
{
	bool ok = true;

	for (uint32_t i = 0; i < RAM_SIZE / 8; i++)
		ok &= core_view[i] == (PROTO_CHILD_MAGIC ^ i);
	return ok;
}

/* the child wrote its half: check it, flush the pages back to core, check again */
static void
share_done(struct child_run *run)
{
	bool seen = child_half_seen();

	check(run->addr != 0 && seen, "shared RAM: core sees what the child wrote", "");
	for (uint32_t i = RAM_SIZE / 8; i < RAM_SIZE / 4; i++)
		core_view[i] = PROTO_CORE_MAGIC ^ i;
	/* the kernel returns every page to core (data_return) and forgets them */
	kern_return_t kr =
	        memory_object_lock_request(ram->control, 0, RAM_SIZE, MEMORY_OBJECT_RETURN_ALL,
	                                   TRUE, VM_PROT_NONE, MACH_PORT_NULL);
	char detail[48];
	format_string(detail, sizeof(detail), "flush kr %d", kr);
	check(kr == KERN_SUCCESS && child_half_seen(),
	      "RAM pages the kernel returned to core come back intact", detail);
}

static void
share_check(void)
{
	struct child_run run = {.cmd = CMD_SHARE, .size = RAM_SIZE, .on_done = share_done};
	cap_t backing = cap_invalid();
	status_t st = memobj_ram_create(RAM_SIZE, &ram);

	if (st == STATUS_OK)
		st = core_mach_memobj_serve(ram);
	if (st == STATUS_OK)
		st = memobj_backing(ram, true, &backing);
	core_view = st == STATUS_OK
	                    ? (volatile uint32_t *)core_map(ram, VM_PROT_READ | VM_PROT_WRITE)
	                    : 0;
	check(core_view && core_view[0] == 0 && core_view[RAM_SIZE / 4 - 1] == 0,
	      "a new RAM object maps zero-filled in core", "");
	if (!core_view)
		return;
	run.give = (mach_port_t)backing.sel;
	st = child_run(&run, test_ok_image, test_ok_size);
	check(st == STATUS_OK && run.started, "ELF loaded into a new task, main thread runs",
	      run.why);
	check(run.ended && !run.faulted && run.verdict == 1,
	      "shared RAM: the child sees what core wrote", "");
}

/* a fault child run with cmd and port; the fault as init would print it */
static struct child_run
fault_run(uint32_t cmd, mach_port_t give, uint32_t size, char *text)
{
	struct child_run run = {.cmd = cmd, .size = size, .give = give};

	text[0] = 0;
	if (child_run(&run, test_fault_image, test_fault_size) == STATUS_OK && run.faulted)
		exit_fault_describe(&run.fault, text, EXIT_FAULT_TEXT_MAX);
	return run;
}

static void
fault_check(void)
{
	char text[EXIT_FAULT_TEXT_MAX];
	struct child_run run = fault_run(CMD_FAULT_ADDR, MACH_PORT_NULL, 0, text);

	check(run.started && str_equal(text, "page fault at 0xdead0000"),
	      "the fault child is reported as \"page fault at 0xdead0000\"", text);
	/* the convention of mach_rt.h: a component that aborts itself */
	run = fault_run(CMD_ABORT, MACH_PORT_NULL, 0, text);
	check(run.started && str_equal(text, "aborted"),
	      "a child's mach_rt_abort is reported as \"aborted\"", text);
	/* a task can send to its exception port: a message naming another task ends nothing */
	run = fault_run(CMD_EXC_FORGE, MACH_PORT_NULL, 0, text);
	check(run.started && run.ended && !run.faulted,
	      "a forged exception naming another task is refused, the child runs on", text);
}

/* a ROM object (the ok child's image) written through mapping give */
static void
rom_write_check(struct memobj *rom, uint32_t cmd, mach_port_t give, const char *what)
{
	char text[EXIT_FAULT_TEXT_MAX], want[EXIT_FAULT_TEXT_MAX], detail[160];
	struct child_run run = fault_run(cmd, give, (uint32_t)memobj_size(rom), text);

	format_string(want, sizeof(want), "page fault at 0x%x", run.addr);
	format_string(detail, sizeof(detail), "%s; map kr %u, first byte 0x%x", text, run.kr,
	              run.first);
	check(run.kr == 0 && run.first == 0x7f && str_equal(text, want), what, detail);
}

static void
rom_checks(void)
{
	struct memobj *rom;
	cap_t backing = cap_invalid();
	status_t st = memobj_rom_create(test_ok_image, test_ok_size, &rom);

	if (st == STATUS_OK)
		st = core_mach_memobj_serve(rom);
	if (st == STATUS_OK)
		st = memobj_backing(rom, false, &backing);
	check(st == STATUS_OK, "a ROM object and its read-only proxy", "");
	if (st != STATUS_OK)
		return;
	rom_write_check(rom, CMD_ROM_WRITE, (mach_port_t)backing.sel,
	                "ROM: a write through a read-only mapping faults");
	/* a holder of the object's own port could map it writable: the lock still holds */
	rom_write_check(rom, CMD_ROM_WRITE_RAW, memobj_port(rom),
	                "ROM: a write through a writable mapping of the object faults (locked)");
	const uint8_t *view = (const uint8_t *)core_map(rom, VM_PROT_READ);
	check(view && mem_compare(view, test_ok_image, test_ok_size) == 0,
	      "ROM: content unchanged after the writes", "");
}

static void
survive_check(void)
{
	struct memobj *obj;
	volatile uint32_t *view = 0;

	if (memobj_ram_create(4096, &obj) == STATUS_OK && core_mach_memobj_serve(obj) == STATUS_OK)
		view = (volatile uint32_t *)core_map(obj, VM_PROT_READ | VM_PROT_WRITE);
	if (view)
		view[1] = 7;
	check(view && view[0] == 0 && view[1] == 7, "core survives both children and still pages",
	      "");
}

void
main_checks(void)
{
	share_check();
	fault_check();
	rom_checks();
	survive_check();
}
