/*
 * \brief  core's ROM service: boot modules as read-only dataspaces
 *
 * The sessions are a root component's, each paid from its donation; their
 * dataspaces are indexed by capability too, since RM attach and PD
 * creation find a ROM dataspace by the capability a client hands in.
 */

#include <base/log.h>
#include <rom_session/object.h>
#include <util/string.h>

#include "core_heap.h"
#include "core_service.h"
#include "platform.h"
#include "region_map.h"
#include "rm_session.h"

struct rom_session {
	struct root_session base;
	struct rom_session_object obj;
	struct cap_index_entry ds_entry;  /* in rom_dataspaces, by obj.ds.cap */
	struct dataspace ds;              /* what RM sessions attach, page-rounded */
	const struct boot_module *module; /* what obj's dataspace shows */
};

static struct entrypoint *rom_ep;
static const struct boot_modules *rom_modules;
static struct root_component rom_root;
static struct cap_index rom_dataspaces;

/* the boot module args name: STATUS_INVALID_ARGS without a name, STATUS_DENIED if absent */
static status_t
module_requested(const struct arg_string *args, const char *label, const struct boot_module **m)
{
	char name[BOOT_MODULE_NAME_MAX];
	if (arg_string_get_string(args, "filename", name, sizeof(name)) != STATUS_OK) {
		log_warning("ROM session for \"%s\": missing or over-long filename argument",
		            label);
		return STATUS_INVALID_ARGS;
	}
	*m = boot_modules_find(rom_modules, name);
	if (*m)
		return STATUS_OK;
	log_warning("ROM module \"%s\" not present (requested by \"%s\")", name, label);
	return STATUS_DENIED;
}

static status_t
rom_create(void *ctx, struct root_session *base, const struct arg_string *args)
{
	(void)ctx;
	struct rom_session *s = ROOT_SESSION_ENTRY(base, struct rom_session, base);
	const struct boot_module *m = 0;
	status_t st = module_requested(args, base->label, &m);
	if (st != STATUS_OK)
		return st;
	cap_t backing;
	if (platform_module_backing(m, &backing) != STATUS_OK) {
		log_error("ROM session for \"%s\": out of descriptors", base->label);
		return STATUS_OUT_OF_MEMORY;
	}
	st = rom_session_object_init(&s->obj, rom_ep, m->size, backing);
	if (st != STATUS_OK)
		return st;
	st = cap_index_insert(&rom_dataspaces, &s->ds_entry, cap_raw(s->obj.ds.cap));
	if (st != STATUS_OK) {
		rom_session_object_destroy(&s->obj, rom_ep);
		return st;
	}
	uint64_t pages = (m->size + DATASPACE_PAGE_SIZE - 1) & ~(uint64_t)(DATASPACE_PAGE_SIZE - 1);
	dataspace_init(&s->ds, pages, 0);
	s->ds.object = &s->obj.ds;
	s->module = m;
	base->cap = cap_raw(s->obj.cap);
	return STATUS_OK;
}

static void
rom_destroy(void *ctx, struct root_session *base)
{
	(void)ctx;
	struct rom_session *s = ROOT_SESSION_ENTRY(base, struct rom_session, base);
	region_map_detach_everywhere(&s->ds);
	cap_index_remove(&rom_dataspaces, &s->ds_entry);
	/* the session capability is the library's to close */
	s->obj.cap = CAP_TYPED_INVALID(rom_session_cap_t);
	rom_session_object_destroy(&s->obj, rom_ep);
}

static struct rom_session *
rom_by_dataspace(cap_t ds)
{
	struct cap_index_entry *e = cap_index_lookup(&rom_dataspaces, ds);
	return e ? CAP_INDEX_ENTRY(e, struct rom_session, ds_entry) : 0;
}

struct dataspace *
core_rom_dataspace_lookup(cap_t cap)
{
	struct rom_session *s = rom_by_dataspace(cap);
	return s ? &s->ds : 0;
}

const struct boot_module *
core_rom_dataspace_module(cap_t ds)
{
	struct rom_session *s = rom_by_dataspace(ds);
	return s ? s->module : 0;
}

static const struct root_component_ops rom_root_ops = {
        .create = rom_create,
        .destroy = rom_destroy,
};

struct core_service core_rom_service = {
        .name = "ROM",
        .sessions = &rom_root,
};

void
core_rom_service_init(struct entrypoint *ep, const struct boot_modules *modules)
{
	rom_ep = ep;
	rom_modules = modules;
	cap_index_init(&rom_dataspaces);
	root_component_init(&rom_root, "ROM", sizeof(struct rom_session), &rom_root_ops, 0,
	                    core_heap());
}
