/*
 * \brief  core's entry on GNU Mach: the kernel's bootstrap task
 *
 * The boot script's words are core's command line (tool/mach_qemu):
 * "core <host port> <device port> [<option>...]". The port names are
 * taken out before the generic option parser sees the rest, and core's
 * exit value ends the machine, since nothing outlives core.
 */

#include <base/time_mach.h>
#include <mach_rt.h>
#include <util/number.h>
#include <util/string.h>

#include "core_main.h"
#include "core_mach.h"
#include "platform.h"

mach_port_t core_host_priv;
mach_port_t core_device_master;

/* a decimal port name of the boot script, MACH_PORT_NULL if it is none */
static mach_port_t
port_word(const char *word)
{
	uint64_t value = 0;

	if (number_parse_u64(word, str_len(word), &value) != STATUS_OK || value > 0xffffffffu)
		return MACH_PORT_NULL;
	return (mach_port_t)value;
}

/* core_log needs nothing that could be missing here: the console only */
static _Noreturn void
core_boot_error(const char *why)
{
	platform_console_write("Error: ", 7);
	platform_console_write(why, str_len(why));
	platform_console_write("\n", 1);
	core_machine_exit(2);
}

_Noreturn void
mach_rt_main(int argc, char **argv)
{
	enum { CORE_ARGV_MAX = 32 };
	char *words[CORE_ARGV_MAX];
	struct core_options opt;
	int n = 0;

	core_host_priv = argc > 1 ? port_word(argv[1]) : MACH_PORT_NULL;
	core_device_master = argc > 2 ? port_word(argv[2]) : MACH_PORT_NULL;
	if (!core_host_priv || !core_device_master)
		core_boot_error("core needs the host and device ports as its first two words "
		                "(tool/mach_qemu)");
	if (argc - 2 > CORE_ARGV_MAX)
		core_boot_error("core takes at most 30 options on GNU Mach's boot line");
	words[n++] = argc > 0 ? argv[0] : "core";
	for (int i = 3; i < argc; i++)
		words[n++] = argv[i];
	if (core_options_parse(n, words, &opt) != 0)
		core_machine_exit(2);
	/* before any task exists: the kernel must never page without a manager */
	core_mach_default_manager_start();
	if (mach_time_map(core_device_master) != STATUS_OK)
		core_boot_error("the kernel's time page cannot be mapped");
	core_machine_exit(core_main(&opt));
}
