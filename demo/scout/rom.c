/*
 * \brief  scout's ROM modules, mapped once
 */

#include <base/log.h>
#include <dataspace/map.h>
#include <rom_session/connection.h>
#include <util/string.h>

#include "rom.h"

static struct scout_rom *scout_roms; /* OWNED records, from env_heap */

/* open and map name into r; the session stays open with the mapping */
static void
scout_rom_open(struct env *env, struct scout_rom *r)
{
	status_t st = rom_connection_map(env_parent(env), r->name, &r->data, &r->size);

	if (st != STATUS_OK) {
		log_warning("scout: no ROM module \"%s\": %s", r->name, status_name(st));
		r->data = NULL;
		r->size = 0;
	}
}

const struct scout_rom *
scout_rom_get(struct env *env, const char *name)
{
	struct scout_rom *r;

	for (r = scout_roms; r; r = r->next)
		if (str_equal(r->name, name))
			return r->data ? r : NULL;
	if (heap_alloc(env_heap(env), sizeof(*r), (void **)&r) != STATUS_OK) {
		log_error("scout: out of memory for ROM module \"%s\"", name);
		return NULL;
	}
	mem_set(r, 0, sizeof(*r));
	str_copy(r->name, name, sizeof(r->name));
	scout_rom_open(env, r);
	r->next = scout_roms;
	scout_roms = r;
	return r->data ? r : NULL;
}
