/*
 * \brief  test-read_only_rom: a ROM dataspace cannot be written
 *
 * Genode's read_only_rom test. Started with <config><write/></config> the
 * component maps the ROM module named in ROM_MODULE and writes to it: the
 * write must fault, so the parent reports a page fault and the
 * line "ROM dataspace modified" never appears. Started with
 * <config><read/></config> it checks that the same module reads as
 * expected and prints the end marker, so the scenario also shows that
 * the module itself stays intact for everybody else.
 */

#include <stdint.h>

#include <base/component.h>
#include <base/log.h>
#include <dataspace/map.h>
#include <rom_session/connection.h>
#include <util/string.h>
#include <test/config_tag.h>

static const char ROM_MODULE[] = "rom_data";
static const char ROM_TEXT[] = "read-only ROM module";

/* the module's dataspace; the session stays open for the component's life */
static status_t
rom_open(struct env *env, dataspace_cap_t *ds)
{
	rom_session_cap_t rom;
	status_t s = rom_connection_open(env_parent(env), ROM_MODULE, &rom);
	if (s == STATUS_OK)
		s = rom_session_dataspace(rom, ds);
	if (s != STATUS_OK)
		log_error("cannot open ROM module \"%s\": %s", ROM_MODULE, status_name(s));
	return s;
}

static _Noreturn void
rom_write(struct env *env, dataspace_cap_t ds)
{
	void *rw;
	size_t rw_size;
	if (dataspace_map_writable(ds, &rw, &rw_size) == STATUS_OK) {
		log_error("ROM dataspace mapped writable");
		env_exit(env, 1);
	}
	const char *text;
	size_t len;
	if (dataspace_map_readonly(ds, &text, &len) != STATUS_OK || len == 0) {
		log_error("cannot map ROM dataspace");
		env_exit(env, 1);
	}
	log_print("writing to the ROM dataspace, this must fault");
	/* cast the const away on purpose: the mapping itself must refuse */
	volatile char *target = (volatile char *)(uintptr_t)text;
	target[0] = (char)(target[0] ^ 0x20);
	if (text[0] != ROM_TEXT[0])
		log_error("ROM dataspace modified");
	else
		log_error("write to the ROM dataspace did not fault");
	env_exit(env, 1);
}

static _Noreturn void
rom_read(struct env *env, dataspace_cap_t ds)
{
	const char *text;
	size_t len, want = str_len(ROM_TEXT);
	if (dataspace_map_readonly(ds, &text, &len) != STATUS_OK || len < want ||
	    mem_compare(text, ROM_TEXT, want) != 0) {
		log_error("ROM module \"%s\" does not read as expected", ROM_MODULE);
		env_exit(env, 1);
	}
	log_print("ROM module \"%s\" reads \"%s\"", ROM_MODULE, ROM_TEXT);
	log_print("--- read-only ROM test finished ---");
	env_exit(env, 0);
}

void
component_construct(struct env *env)
{
	dataspace_cap_t ds;
	if (rom_open(env, &ds) != STATUS_OK)
		env_exit(env, 1);
	if (test_config_has(env, "<write/>"))
		rom_write(env, ds);
	if (test_config_has(env, "<read/>"))
		rom_read(env, ds);
	log_error("config names neither <write/> nor <read/>");
	env_exit(env, 1);
}
