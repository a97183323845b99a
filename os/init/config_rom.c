/*
 * \brief  A child's "config" ROM, served by init itself
 *
 * The nested <config> node of a child's <start> is the child's config.
 * init serves it from a read-only copy; a child without one is refused
 * quietly (every component asks, few need one).
 */

#include <dataspace/map.h>

#include "child.h"

status_t
config_rom_session(struct child_state *c, cap_t *session)
{
	if (c->cfg->config_kind != INIT_CHILD_CONFIG_INLINE)
		return STATUS_DENIED;
	if (!c->config_rom_open) {
		cap_t backing;
		status_t s = dataspace_backing_from_bytes(c->cfg->config_text.start,
		                                          c->cfg->config_text.len, &backing);
		if (s == STATUS_OK)
			s = rom_session_object_init(&c->config_rom, env_ep(init_env),
			                            c->cfg->config_text.len, backing);
		if (s != STATUS_OK)
			return s;
		c->config_rom_open = true;
	}
	*session = cap_raw(c->config_rom.cap);
	return STATUS_OK;
}
