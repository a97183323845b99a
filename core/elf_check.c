/*
 * \brief  ELF executable validation
 *
 * Only reads fields through byte-wise little-endian loads, so the check is
 * independent of the host's alignment rules and word size.
 */

#include "elf_check.h"

static uint64_t
load_le(const uint8_t *p, unsigned bytes)
{
	uint64_t v = 0;
	for (unsigned i = bytes; i-- > 0;)
		v = (v << 8) | p[i];
	return v;
}

struct elf_layout {
	unsigned word; /* 4 or 8 */
	unsigned ehsize, phoff_at, phentsize_at, phnum_at;
	unsigned shoff_at, shentsize_at, shnum_at;
};

static const struct elf_layout layout32 = {4, 52, 28, 42, 44, 32, 46, 48};
static const struct elf_layout layout64 = {8, 64, 32, 54, 56, 40, 58, 60};

enum { PT_LOAD = 1, ET_EXEC = 2, ET_DYN = 3 };

static status_t
fail(const char **why, const char *text)
{
	*why = text;
	return STATUS_INVALID_ARGS;
}

/* every PT_LOAD segment's file part must lie within the image */
static status_t
check_segments(const uint8_t *img, size_t size, const struct elf_layout *l, uint64_t phoff,
               uint64_t phentsize, uint64_t phnum, const char **why)
{
	unsigned off_at = l->word == 8 ? 8 : 4, filesz_at = l->word == 8 ? 32 : 16;
	unsigned loads = 0;

	for (uint64_t i = 0; i < phnum; i++) {
		const uint8_t *ph = img + phoff + i * phentsize;
		if (load_le(ph, 4) != PT_LOAD)
			continue;
		loads++;
		uint64_t off = load_le(ph + off_at, l->word);
		uint64_t filesz = load_le(ph + filesz_at, l->word);
		if (off > size || filesz > size - off)
			return fail(
			        why,
			        "truncated: a loadable segment lies beyond the end of the file");
	}
	return loads ? STATUS_OK : fail(why, "no loadable segment");
}

status_t
elf_check(const uint8_t *img, size_t size, unsigned expected_class, unsigned expected_machine,
          const char **why)
{
	if (size < 16 || img[0] != 0x7f || img[1] != 'E' || img[2] != 'L' || img[3] != 'F')
		return fail(why, "not an ELF file");
	if (img[4] != expected_class)
		return fail(why, "ELF class (32/64 bit) does not match this machine");
	if (img[5] != 1)
		return fail(why, "not a little-endian ELF file");

	const struct elf_layout *l = expected_class == ELF_CLASS_64 ? &layout64 : &layout32;
	if (size < l->ehsize)
		return fail(why, "truncated: ELF header incomplete");

	uint64_t type = load_le(img + 16, 2);
	if (type != ET_EXEC && type != ET_DYN)
		return fail(why, "ELF file is not an executable");
	if (load_le(img + 18, 2) != expected_machine)
		return fail(why, "ELF machine does not match this machine");

	uint64_t phoff = load_le(img + l->phoff_at, l->word);
	uint64_t phentsize = load_le(img + l->phentsize_at, 2);
	uint64_t phnum = load_le(img + l->phnum_at, 2);
	if (phentsize < (l->word == 8 ? 56u : 32u))
		return fail(why, "invalid program-header entry size");
	if (phoff > size || phnum * phentsize > size - phoff)
		return fail(why, "truncated: program headers lie beyond the end of the file");

	/* the linker puts the section headers last: they reveal a cut-off tail */
	uint64_t shoff = load_le(img + l->shoff_at, l->word);
	uint64_t shsize = load_le(img + l->shentsize_at, 2) * load_le(img + l->shnum_at, 2);
	if (shoff > size || shsize > size - shoff)
		return fail(why, "truncated: section headers lie beyond the end of the file");

	return check_segments(img, size, l, phoff, phentsize, phnum, why);
}
