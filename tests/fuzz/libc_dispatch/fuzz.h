/*
 * \brief  fuzz-libc_dispatch: a plugin that keeps books on its handles
 */

#ifndef _TESTS__FUZZ__LIBC_DISPATCH__FUZZ_H_
#define _TESTS__FUZZ__LIBC_DISPATCH__FUZZ_H_

#include <libc-plugin/plugin.h>

extern const struct libc_plugin fuzz_plugin;

/* handles the plugin made, and closed; every one is closed once, never twice */
extern unsigned fuzz_opened, fuzz_closed;

void fuzz_must(int cond, const char *what);

#endif /* _TESTS__FUZZ__LIBC_DISPATCH__FUZZ_H_ */
