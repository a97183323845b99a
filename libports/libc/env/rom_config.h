/*
 * \brief  C runtime: the <libc> node of the config, its <rom> files
 */

#ifndef _LIBPORTS__LIBC__ENV__ROM_CONFIG_H_
#define _LIBPORTS__LIBC__ENV__ROM_CONFIG_H_

#include <base/env.h>

struct rom_entry {
	char *name; /* ROM module */
	char *path; /* absolute file path */
	struct rom_entry *next;
};

/* the configured files (OWNED by the caller, never freed here), NULL if none */
struct rom_entry *libc_rom_config_read(struct env *env);

#endif /* _LIBPORTS__LIBC__ENV__ROM_CONFIG_H_ */
