/*
 * \brief  test-mach_core: core's memory manager and task creation on GNU Mach
 *
 * A bootstrap task (boot script: test-mach_core ${host-port}
 * ${device-port}) that uses base-mach/core's pieces as core will: it
 * becomes the default memory manager, reads its boot-module archive (two
 * child programs), serves RAM and ROM memory objects, starts the children
 * from their ELF images and hears their faults. One line per check, then
 * "N passed, N failed"; QEMU exits with 0x10 only if all passed.
 */

#include <mach_rt.h>
#include <util/format.h>
#include <util/string.h>

#include "../../core/boot_archive.h"
#include "child.h"
#include "platform.h"
#include "test.h"

volatile unsigned test_default_objects;

static struct boot_modules modules;
const uint8_t *test_ok_image, *test_fault_image;
size_t test_ok_size, test_fault_size;

static mach_port_t
number(const char *s)
{
	mach_port_t n = 0;

	for (; s && *s >= '0' && *s <= '9'; s++)
		n = n * 10 + (mach_port_t)(*s - '0');
	return n;
}

static const uint8_t *
module_bytes(const char *name, size_t *size)
{
	const struct boot_module *m = boot_modules_find(&modules, name);
	const uint8_t *bytes = 0;

	if (!m || platform_module_map(m, &bytes) != STATUS_OK)
		return 0;
	*size = (size_t)m->size;
	return bytes;
}

static void
archive_checks(void)
{
	const char *bad = "", *why = "";
	char detail[96];
	status_t s;

	boot_modules_init(&modules);
	s = platform_boot_modules_scan(&modules, &bad, &why);
	test_ok_image = module_bytes("core_child_ok", &test_ok_size);
	test_fault_image = module_bytes("core_child_fault", &test_fault_size);
	format_string(detail, sizeof(detail), "%u modules, %s%s%s", modules.count, bad ? bad : "",
	              s ? ": " : "", s ? why : "");
	check(s == STATUS_OK && modules.count == 2 && test_ok_image && test_fault_image &&
	              mem_compare(test_ok_image, "\177ELF", 4) == 0,
	      "boot archive: both child programs found", detail);
	archive_broken_checks();
}

_Noreturn void
mach_rt_main(int argc, char **argv)
{
	mach_port_t host_priv = argc > 1 ? number(argv[1]) : 0;
	kern_return_t kr;
	char detail[64];

	test_device_master = argc > 2 ? number(argv[2]) : 0;
	console_line("test-mach_core: core's memory objects and tasks\n");
	kr = pager_start(host_priv);
	format_string(detail, sizeof(detail), "kr %d", kr);
	check(kr == KERN_SUCCESS, "core is the default memory manager, pager thread runs", detail);
	if (kr != KERN_SUCCESS || child_ports_init() != KERN_SUCCESS)
		verdict_exit();
	archive_checks();
	if (test_ok_image && test_fault_image)
		main_checks();
	verdict_exit();
}
