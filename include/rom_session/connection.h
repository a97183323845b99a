/*
 * \brief  Opening a ROM session through the parent
 */

#ifndef _INCLUDE__ROM_SESSION__CONNECTION_H_
#define _INCLUDE__ROM_SESSION__CONNECTION_H_

#include <dataspace/map.h>
#include <parent/client.h>
#include <rom_session/client.h>
#include <util/format.h>

enum { ROM_SESSION_ARGS_MAX = 160 };

/*
 * Open a ROM session for module filename (no '"' in it); *rom is OWNED by
 * the caller. STATUS_DENIED if the parent has no route or no such module.
 */
static inline status_t
rom_connection_open(parent_cap_t parent, const char *filename, rom_session_cap_t *rom)
{
	char args[ROM_SESSION_ARGS_MAX];
	cap_t raw = cap_invalid();
	format_string(args, sizeof(args), "ram_quota=4K, filename=\"%s\"", filename);
	status_t s = parent_session(parent, "ROM", args, &raw);
	*rom = CAP_TYPED(rom_session_cap_t, raw);
	return s;
}

/*
 * Open module filename and map it read-only at *data (*size bytes). The
 * session and the mapping stay for the component's life: what is parsed
 * from a module (a font, an image, a document) points into it.
 */
static inline status_t
rom_connection_map(parent_cap_t parent, const char *filename, const char **data, size_t *size)
{
	rom_session_cap_t rom;
	dataspace_cap_t ds = CAP_TYPED_INVALID(dataspace_cap_t);
	status_t s = rom_connection_open(parent, filename, &rom);
	if (s == STATUS_OK)
		s = rom_session_dataspace(rom, &ds);
	if (s == STATUS_OK)
		s = dataspace_map_readonly(ds, data, size);
	return s;
}

#endif /* _INCLUDE__ROM_SESSION__CONNECTION_H_ */
