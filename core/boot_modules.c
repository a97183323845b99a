/*
 * \brief  The table of boot modules
 */

#include <util/string.h>

#include "boot_modules.h"

void
boot_modules_init(struct boot_modules *table)
{
	table->count = 0;
}

status_t
boot_modules_add(struct boot_modules *table, const char *name, uint64_t size, long handle)
{
	if (table->count == BOOT_MODULES_MAX || str_len(name) >= BOOT_MODULE_NAME_MAX)
		return STATUS_OUT_OF_MEMORY;
	if (boot_modules_find(table, name))
		return STATUS_CONFLICT;

	struct boot_module *m = &table->module[table->count++];
	str_copy(m->name, name, sizeof(m->name));
	m->size = size;
	m->handle = handle;
	return STATUS_OK;
}

const struct boot_module *
boot_modules_find(const struct boot_modules *table, const char *name)
{
	for (unsigned i = 0; i < table->count; i++)
		if (str_equal(table->module[i].name, name))
			return &table->module[i];
	return 0;
}
