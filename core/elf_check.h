/*
 * \brief  Validation of ELF executables before core starts them
 *
 * core checks a binary boot module before it creates a process from it, so
 * that a truncated or foreign file is reported by name instead of failing
 * somewhere inside process creation.
 */

#ifndef _CORE__ELF_CHECK_H_
#define _CORE__ELF_CHECK_H_

#include <stddef.h>
#include <stdint.h>

#include <base/status.h>

/*
 * Check that the first 'avail' bytes of an image of 'size' bytes hold a
 * complete ELF executable for this machine: header, program headers, and
 * every loadable segment within the file. On failure, *why names the
 * problem (a static string).
 */
status_t elf_check(const uint8_t *image, size_t size, unsigned expected_class,
                   unsigned expected_machine, const char **why);

enum { ELF_CLASS_32 = 1, ELF_CLASS_64 = 2 };
enum { ELF_MACHINE_I386 = 3, ELF_MACHINE_X86_64 = 62 };

#endif /* _CORE__ELF_CHECK_H_ */
