/*
 * \brief  A broken boot archive is refused, naming what is broken
 *
 * Each case breaks one field of a writable copy of the real archive.
 */

#include <boot_archive_mach.h>
#include <mach_rt.h>
#include <util/format.h>
#include <util/string.h>

#include "../../core/boot_archive.h"
#include "test.h"

/* a writable copy of the archive, page-aligned like the original */
static char *copy;

static void
broken(const char *what, void (*breaker)(size_t size), const char *want_bad)
{
	static struct boot_modules table;
	/* cppcheck-suppress comparePointers ; the ends of one linked section */
	size_t size = (size_t)(_boot_modules_end - _boot_modules_start);
	const char *bad = "", *why = "";
	char detail[128];

	vm_address_t at = 0;

	if (syscall_vm_allocate(mach_task_self(), &at, size, TRUE) != KERN_SUCCESS) {
		check(false, what, "no memory for a copy of the archive");
		return;
	}
	copy = (char *)at;
	mem_copy(copy, _boot_modules_start, size);
	breaker(size);
	boot_modules_init(&table);
	status_t s = boot_archive_scan(copy, size, &table, &bad, &why);
	format_string(detail, sizeof(detail), "%s: %s", s ? bad : "accepted", s ? why : "");
	check(s == STATUS_INVALID_ARGS && str_equal(bad, want_bad), what, detail);
	(void)syscall_vm_deallocate(mach_task_self(), at, size);
	copy = 0;
}

static struct boot_archive_header *
header(void)
{
	return (struct boot_archive_header *)(void *)copy;
}

static struct boot_archive_entry *
entry(unsigned i)
{
	return (struct boot_archive_entry *)(void *)(copy + sizeof(*header())) + i;
}

static void
magic_break(size_t size)
{
	(void)size;
	header()->magic ^= 1;
}

static void
offset_break(size_t size)
{
	entry(1)->offset = (uint32_t)size; /* its data would lie beyond the end */
	entry(1)->size = 4096;
}

static void
name_break(size_t size)
{
	(void)size;
	mem_set(entry(0)->name, 'x', sizeof(entry(0)->name));
}

static void
count_break(size_t size)
{
	header()->count = (uint32_t)(size / sizeof(struct boot_archive_entry));
}

void
archive_broken_checks(void)
{
	broken("boot archive: a wrong magic is refused", magic_break, "boot archive");
	broken("boot archive: data beyond its end is refused", offset_break, "core_child_fault");
	broken("boot archive: an unterminated name is refused", name_break, "boot archive entry 0");
	broken("boot archive: a count beyond the table is refused", count_break, "boot archive");
}
