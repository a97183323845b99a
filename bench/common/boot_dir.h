/*
 * \brief  A boot directory for benchmarks that boot core themselves
 *
 * What the run tool makes for a scenario: a fresh directory holding
 * symlinks to the programs of build/<platform>/bin and the config. The
 * benchmarks live in build/<platform>/bench, so the programs are found
 * relative to the benchmark's own path.
 */

#ifndef _BENCH__COMMON__BOOT_DIR_H_
#define _BENCH__COMMON__BOOT_DIR_H_

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* build/<platform>/bin/<name> for the benchmark at self; "" if too long */
void bench_bin_path(const char *self, char *out, size_t size, const char *name);

/*
 * Make the directory from the mkdtemp template dir (filled in), with a
 * symlink to each of the n modules and config_text as "config".
 */
bool bench_boot_dir_make(const char *self, char *dir, const char *const *modules, unsigned n,
                         const char *config_text);

/*
 * Start ./core in dir, its console (stdout and stderr) on a pipe whose
 * reading end is *out_fd (OWNED by the caller); tap_grant ("<dev>:<label>",
 * or NULL) becomes core's --tap. core's pid, or -1 (nothing to close).
 */
pid_t bench_core_start(const char *dir, const char *tap_grant, int *out_fd);

#endif /* _BENCH__COMMON__BOOT_DIR_H_ */
