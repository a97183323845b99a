/*
 * \brief  scout's ROM modules: documents, images and fonts, mapped once
 *
 * A read-only mapping lasts for the life of the component, so each module
 * is opened and mapped at most once and kept in a list; a module that
 * could not be had is remembered as missing, so a document naming it many
 * times asks the parent once. The records are paid from scout's heap.
 */

#ifndef _DEMO__SCOUT__ROM_H_
#define _DEMO__SCOUT__ROM_H_

#include <stdbool.h>
#include <stddef.h>

#include <base/env.h>

#include "lib/doc.h"

struct scout_rom {
	struct scout_rom *next;
	char name[SCOUT_NAME_MAX];
	const char *data; /* NULL: missing */
	size_t size;
};

/* the module name, mapped (NULL if it cannot be had, logged once) */
const struct scout_rom *scout_rom_get(struct env *env, const char *name);

#endif /* _DEMO__SCOUT__ROM_H_ */
