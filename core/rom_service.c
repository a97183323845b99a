/*
 * \brief  core's ROM service: boot modules as read-only dataspaces
 */

#include <base/log.h>
#include <rom_session/object.h>
#include <util/string.h>

#include "core_service.h"
#include "platform.h"
#include "region_map.h"
#include "rm_session.h"

enum { ROM_SESSIONS_MAX = 128 };

struct rom_session {
	bool used;
	struct rom_session_object obj;
	struct dataspace ds;              /* what RM sessions attach, page-rounded */
	const struct boot_module *module; /* what obj's dataspace shows */
};

static struct entrypoint *rom_ep;
static const struct boot_modules *rom_modules;
static struct rom_session sessions[ROM_SESSIONS_MAX];

static struct rom_session *
slot_alloc(void)
{
	for (unsigned i = 0; i < ROM_SESSIONS_MAX; i++)
		if (!sessions[i].used)
			return &sessions[i];
	return 0;
}

static status_t
rom_create(const struct arg_string *args, const char *label, cap_t *session)
{
	char name[BOOT_MODULE_NAME_MAX];
	if (arg_string_get_string(args, "filename", name, sizeof(name)) != STATUS_OK) {
		log_warning("ROM session for \"%s\": missing or over-long filename argument",
		            label);
		return STATUS_INVALID_ARGS;
	}
	const struct boot_module *m = boot_modules_find(rom_modules, name);
	if (!m) {
		log_warning("ROM module \"%s\" not present (requested by \"%s\")", name, label);
		return STATUS_DENIED;
	}
	struct rom_session *s = slot_alloc();
	cap_t backing;
	if (!s || platform_module_backing(m, &backing) != STATUS_OK) {
		log_error("ROM session for \"%s\": out of sessions or descriptors", label);
		return STATUS_OUT_OF_MEMORY;
	}
	status_t st = rom_session_object_init(&s->obj, rom_ep, m->size, backing);
	if (st != STATUS_OK)
		return st;
	uint64_t pages = (m->size + DATASPACE_PAGE_SIZE - 1) & ~(uint64_t)(DATASPACE_PAGE_SIZE - 1);
	dataspace_init(&s->ds, pages, 0);
	s->ds.object = &s->obj.ds;
	s->used = true;
	s->module = m;
	*session = cap_raw(s->obj.cap);
	return STATUS_OK;
}

static bool
rom_close(cap_t session)
{
	for (unsigned i = 0; i < ROM_SESSIONS_MAX; i++) {
		struct rom_session *s = &sessions[i];
		if (s->used && cap_same(cap_raw(s->obj.cap), session)) {
			region_map_detach_everywhere(&s->ds);
			rom_session_object_destroy(&s->obj, rom_ep);
			s->used = false;
			return true;
		}
	}
	return false;
}

struct dataspace *
core_rom_dataspace_lookup(cap_t cap)
{
	for (unsigned i = 0; i < ROM_SESSIONS_MAX; i++)
		if (sessions[i].used && cap_same(cap_raw(sessions[i].obj.ds.cap), cap))
			return &sessions[i].ds;
	return 0;
}

const struct boot_module *
core_rom_dataspace_module(cap_t ds)
{
	for (unsigned i = 0; i < ROM_SESSIONS_MAX; i++) {
		struct rom_session *s = &sessions[i];
		if (s->used && cap_same(cap_raw(s->obj.ds.cap), ds))
			return s->module;
	}
	return 0;
}

struct core_service core_rom_service = {
        .name = "ROM",
        .session_size = sizeof(struct rom_session),
        .create = rom_create,
        .close = rom_close,
};

void
core_rom_service_init(struct entrypoint *ep, const struct boot_modules *modules)
{
	rom_ep = ep;
	rom_modules = modules;
}
