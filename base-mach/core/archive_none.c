/*
 * \brief  An empty boot-module archive, for core linked without one
 *
 * The run tool links core's image with a scenario's archive
 * (run::mach::build_boot_image), whose symbols then take the place of
 * these weak ones. core linked alone (bin/core) finds an archive of size
 * 0 and says so at boot instead of failing to link.
 */

__asm__(".section .rodata.boot_modules_none,\"a\"\n"
        ".weak _boot_modules_start\n.weak _boot_modules_end\n"
        "_boot_modules_start:\n_boot_modules_end:\n"
        ".previous\n");
