/*
 * \brief  Boot modules on GNU Mach: the archive linked into core's image
 *
 * The run tool packs every module into one archive (boot_archive_mach.h,
 * tool/mach_boot_archive) that lies in core's read-only data. core checks
 * every field against the archive's size before it believes it: a broken
 * archive is a clear error naming the entry, never a wild read. A module
 * is then its bytes in place (handle: its entry's index); its ROM
 * dataspaces are backed by one read-only memory object core serves.
 */

#include <boot_archive_mach.h>
#include <util/format.h>
#include <util/string.h>

#include "boot_archive.h"
#include "elf_check.h"
#include "core_mach.h"
#include "platform.h"

static char bad_text[BOOT_MODULE_NAME_MAX];

static status_t
fail(const char *bad, const char *reason, const char **badp, const char **why)
{
	str_copy(bad_text, bad, sizeof(bad_text));
	*badp = bad_text;
	*why = reason;
	return STATUS_INVALID_ARGS;
}

static const struct boot_archive_entry *
entries(const char *base)
{
	return (const struct boot_archive_entry
	                *)(const void *)(base + sizeof(struct boot_archive_header));
}

static status_t
header_check(const char *base, size_t size, const char **bad, const char **why)
{
	const struct boot_archive_header *h = (const void *)base;

	if (size < sizeof(*h))
		return fail("boot archive", "shorter than its header", bad, why);
	if (h->magic != BOOT_ARCHIVE_MAGIC || h->version != BOOT_ARCHIVE_VERSION)
		return fail("boot archive", "wrong magic or version", bad, why);
	if (h->count > BOOT_MODULES_MAX ||
	    h->count * sizeof(struct boot_archive_entry) > size - sizeof(*h))
		return fail("boot archive", "more entries than fit", bad, why);
	return STATUS_OK;
}

static status_t
entry_check(const struct boot_archive_entry *e, unsigned i, size_t table_end, size_t size,
            const char **bad, const char **why)
{
	char what[BOOT_MODULE_NAME_MAX];
	size_t len = str_len_bounded(e->name, sizeof(e->name));

	if (len == 0 || len == sizeof(e->name)) {
		format_string(what, sizeof(what), "boot archive entry %u", i);
		return fail(what, len ? "name not terminated" : "empty name", bad, why);
	}
	if (e->offset % BOOT_ARCHIVE_ALIGN || e->offset < table_end || e->offset > size ||
	    e->size > size - e->offset)
		return fail(e->name, "data outside the boot archive", bad, why);
	return STATUS_OK;
}

status_t
boot_archive_scan(const char *base, size_t size, struct boot_modules *table, const char **bad,
                  const char **why)
{
	status_t s = header_check(base, size, bad, why);
	unsigned count = s == STATUS_OK
	                         ? ((const struct boot_archive_header *)(const void *)base)->count
	                         : 0;
	size_t table_end =
	        sizeof(struct boot_archive_header) + count * sizeof(struct boot_archive_entry);

	for (unsigned i = 0; s == STATUS_OK && i < count; i++) {
		const struct boot_archive_entry *e = &entries(base)[i];
		s = entry_check(e, i, table_end, size, bad, why);
		if (s != STATUS_OK)
			break;
		s = boot_modules_add(table, e->name, e->size, (long)i);
		if (s != STATUS_OK)
			return fail(e->name,
			            s == STATUS_CONFLICT ? "name twice" : "too many modules", bad,
			            why);
	}
	return s;
}

status_t
platform_boot_modules_scan(struct boot_modules *table, const char **bad, const char **why)
{
	/* both ends of one section the linker laid out (boot_archive_mach.h) */
	/* cppcheck-suppress comparePointers */
	size_t size = (size_t)(_boot_modules_end - _boot_modules_start);

	return boot_archive_scan(_boot_modules_start, size, table, bad, why);
}

status_t
platform_module_map(const struct boot_module *m, const uint8_t **addr)
{
	/* in place: core's image is read-only and lives as long as core */
	*addr = (const uint8_t *)_boot_modules_start +
	        entries(_boot_modules_start)[m->handle].offset;
	return STATUS_OK;
}

void
platform_module_unmap(const struct boot_module *m, const uint8_t *addr)
{
	(void)m, (void)addr;
}

unsigned
platform_elf_class(void)
{
	return ELF_CLASS_32;
}

unsigned
platform_elf_machine(void)
{
	return ELF_MACHINE_I386;
}

/* one memory object per module, made at its first ROM dataspace, kept for core's life */
static struct memobj *module_object[BOOT_MODULES_MAX];

status_t
platform_module_backing(const struct boot_module *m, cap_t *backing)
{
	struct memobj **obj = &module_object[m->handle];
	const uint8_t *bytes = 0;

	if (!*obj) {
		(void)platform_module_map(m, &bytes);
		if (memobj_rom_create(bytes, (size_t)m->size, obj) != STATUS_OK)
			return STATUS_OUT_OF_MEMORY;
		if (core_mach_memobj_serve(*obj) != STATUS_OK) {
			memobj_destroy(*obj);
			*obj = 0;
			return STATUS_OUT_OF_MEMORY;
		}
	}
	return memobj_backing(*obj, false, backing);
}
