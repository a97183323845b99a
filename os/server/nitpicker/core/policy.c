/*
 * \brief  nitpicker core: session colours from the config's policies
 *
 * As Genode's policies: a policy's label matches every session label it
 * is a prefix of ("launchpad" matches "launchpad -> testnit"), and the
 * longest match wins, so a policy for one child overrides its parent's.
 */

#include <util/string.h>

#include "npc.h"

uint16_t
npc_policy_color(const struct npc_policy *p, unsigned n, const char *label)
{
	uint16_t color = NPC_COLOR_DEFAULT;
	size_t best = 0;
	bool found = false;

	for (unsigned i = 0; i < n; i++) {
		size_t len = str_len(p[i].label);
		if (str_has_prefix(label, p[i].label) && (!found || len > best)) {
			color = p[i].color;
			best = len;
			found = true;
		}
	}
	return color;
}

static int
npc_hex(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

bool
npc_color_parse(const char *text, uint16_t *color)
{
	unsigned v[3];

	if (text[0] != '#' || str_len(text) != 7)
		return false;
	for (int i = 0; i < 3; i++) {
		int hi = npc_hex(text[1 + 2 * i]), lo = npc_hex(text[2 + 2 * i]);
		if (hi < 0 || lo < 0)
			return false;
		v[i] = (unsigned)(hi * 16 + lo);
	}
	*color = gfx_rgb(v[0], v[1], v[2]);
	return true;
}
