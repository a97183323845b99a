/*
 * \brief  Unit test: ELF validation and the boot-module table of core
 *
 * The valid ELF image is this test program itself, so the check runs
 * against what the toolchain really produces; every truncation of it must
 * be refused with a reason.
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../../core/boot_modules.h"
#include "../../../core/elf_check.h"
#include "../../harness/harness.h"

static unsigned char *self;
static size_t self_size;

/* this program's own ELF class and header offsets (i386 or x86_64 build) */
static const bool wide = sizeof(void *) == 8;
#define SELF_CLASS  (wide ? ELF_CLASS_64 : ELF_CLASS_32)
#define OTHER_CLASS (wide ? ELF_CLASS_32 : ELF_CLASS_64)
#define PHOFF_AT    (wide ? 32u : 28u)
#define PHOFF_SIZE  (wide ? 8u : 4u)
#define PHNUM_AT    (wide ? 56u : 44u)

/* e_machine as the toolchain wrote it: what the test checks is the layout */
static unsigned
self_machine(void)
{
	return self_size > 20 ? (unsigned)(self[18] | self[19] << 8) : 0;
}

static void
load_self(void)
{
	FILE *f = fopen("/proc/self/exe", "rb");
	if (!f)
		return;
	self = malloc(64 << 20);
	self_size = fread(self, 1, 64 << 20, f);
	fclose(f);
}

static status_t
check(const unsigned char *img, size_t size, const char **why)
{
	return elf_check(img, size, SELF_CLASS, self_machine(), why);
}

static void
valid_binary(void)
{
	const char *why = "unset";
	CHECK(self_size > 64);
	CHECK(self_machine() != 0);
	CHECK_EQ(check(self, self_size, &why), STATUS_OK);
}

static void
truncations_refused(void)
{
	const char *why;
	/* every prefix up to the end of the last segment must fail */
	size_t steps[] = {0, 1, 4, 15, 16, 63, 64, 100, 1000, self_size / 2, self_size - 1};
	for (unsigned i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		why = NULL;
		CHECK(check(self, steps[i], &why) == STATUS_INVALID_ARGS);
		CHECK(why != NULL);
	}
	CHECK(check(self, 100, &why) == STATUS_INVALID_ARGS && strstr(why, "truncated"));
}

static void
foreign_files_refused(void)
{
	const char *why;
	static const unsigned char text[] = "#!/bin/sh\necho hello\n";
	CHECK(check(text, sizeof(text), &why) == STATUS_INVALID_ARGS);
	CHECK_STR(why, "not an ELF file");

	unsigned char copy[128];
	memcpy(copy, self, sizeof(copy));
	CHECK(elf_check(copy, sizeof(copy), OTHER_CLASS, self_machine(), &why) != STATUS_OK);
	CHECK_STR(why, "ELF class (32/64 bit) does not match this machine");
	CHECK(elf_check(copy, sizeof(copy), SELF_CLASS, self_machine() + 1, &why) != STATUS_OK);
	CHECK_STR(why, "ELF machine does not match this machine");
	copy[18] = 40; /* ARM */
	CHECK(check(self, 0, &why) != STATUS_OK);
	memcpy(copy, self, sizeof(copy));
	copy[16] = 1; /* relocatable object */
	CHECK(check(copy, sizeof(copy), &why) != STATUS_OK);
	CHECK_STR(why, "ELF file is not an executable");
}

static void
absurd_program_headers(void)
{
	const char *why;
	unsigned char *copy = malloc(self_size);
	memcpy(copy, self, self_size);
	copy[PHNUM_AT] = 0xff, copy[PHNUM_AT + 1] = 0xff; /* e_phnum */
	CHECK(check(copy, self_size, &why) != STATUS_OK);
	memcpy(copy, self, self_size);
	memset(copy + PHOFF_AT, 0xff, PHOFF_SIZE); /* e_phoff */
	CHECK(check(copy, self_size, &why) != STATUS_OK);
	free(copy);
}

static void
module_table(void)
{
	static struct boot_modules t;
	boot_modules_init(&t);
	CHECK_EQ(boot_modules_add(&t, "init", 10, 3), STATUS_OK);
	CHECK_EQ(boot_modules_add(&t, "config", 20, 4), STATUS_OK);
	CHECK_EQ(boot_modules_add(&t, "init", 1, 5), STATUS_CONFLICT);
	CHECK(boot_modules_find(&t, "config") && boot_modules_find(&t, "config")->handle == 4);
	CHECK(boot_modules_find(&t, "conf") == NULL);

	char longname[BOOT_MODULE_NAME_MAX + 1];
	memset(longname, 'a', sizeof(longname) - 1);
	longname[sizeof(longname) - 1] = 0;
	CHECK_EQ(boot_modules_add(&t, longname, 1, 6), STATUS_OUT_OF_MEMORY);

	char name[16];
	unsigned added = 0;
	for (unsigned i = 0; i < BOOT_MODULES_MAX + 5; i++) {
		snprintf(name, sizeof(name), "m%u", i);
		added += boot_modules_add(&t, name, 1, 7) == STATUS_OK;
	}
	CHECK_EQ(added, BOOT_MODULES_MAX - 2);
}

int
main(void)
{
	load_self();
	static const struct test_case cases[] = {
	        TEST_CASE(valid_binary),          TEST_CASE(truncations_refused),
	        TEST_CASE(foreign_files_refused), TEST_CASE(absurd_program_headers),
	        TEST_CASE(module_table),
	};
	return test_run(cases, sizeof(cases) / sizeof(cases[0]));
}
