/*
 * \brief  A font from a ROM module
 */

#include <base/log.h>
#include <dataspace/map.h>
#include <rom_session/connection.h>

#include "nit_client.h"

bool
nit_client_font_load(struct env *env, const char *name, struct gfx_font *f, const char *who)
{
	const char *data = 0;
	size_t size = 0;
	/* the session and the mapping stay: the font points into the module */
	status_t st = rom_connection_map(env_parent(env), name, &data, &size);
	if (st == STATUS_OK)
		st = gfx_font_parse(f, data, size);
	if (st != STATUS_OK)
		log_warning("%s: no font from ROM module \"%s\" (%s): titles and text are drawn as "
		            "bars",
		            who, name, status_name(st));
	return st == STATUS_OK;
}
