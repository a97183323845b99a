/*
 * \brief  Thread-local storage of i386 programs on GNU Mach
 *
 * Generic code uses C11 _Thread_local. gcc compiles it for a static
 * executable in the local-exec model of i386 "variant II": a variable is
 * %gs:-offset, where %gs's base is the thread pointer, the TLS block (the
 * PT_TLS segment's image) lies right below it, and the word at the thread
 * pointer holds the thread pointer itself (%gs:0, the TCB). The offsets
 * are fixed by the linker: the block starts at the thread pointer minus
 * the segment's size rounded up to its alignment.
 *
 * Nothing in GNU Mach sets this up (no C library): the image is found in
 * the program headers, which the first PT_LOAD segment maps and the
 * linker names __ehdr_start; each thread gets a block and a TCB, and a
 * per-thread GDT descriptor (i386_set_gdt, the kernel copies a thread's
 * descriptors into the CPU at each switch) whose selector goes into %gs.
 */

#include <mach/mig_support.h> /* memcpy, memset (base-mach/rt/mem.c) */
#include <mach_gen/mach_i386.h>
#include <mach_rt.h>

enum { PT_TLS = 7, TCB_SIZE = sizeof(uintptr_t), TLS_ALIGN_MIN = 16, PAGE = 4096 };

/* the ELF header fields read here (offsets as in the i386 ELF ABI) */
struct elf_header {
	unsigned char ident[16];
	uint16_t type, machine;
	uint32_t version, entry, phoff, shoff, flags;
	uint16_t ehsize, phentsize, phnum;
};

struct elf_phdr {
	uint32_t type, offset, vaddr, paddr, filesz, memsz, flags, align;
};

/* defined by GNU ld when the headers are in a loaded segment (a link error otherwise) */
extern const struct elf_header __ehdr_start;

/* the program's PT_TLS segment, NULL if it has none */
static const struct elf_phdr *
tls_segment(void)
{
	const struct elf_header *eh = &__ehdr_start;
	const char *ph = (const char *)eh + eh->phoff;

	for (unsigned i = 0; i < eh->phnum; i++, ph += eh->phentsize) {
		const struct elf_phdr *p = (const struct elf_phdr *)(const void *)ph;
		if (p->type == PT_TLS && p->memsz > 0)
			return p;
	}
	return NULL;
}

static uintptr_t
align_of(const struct elf_phdr *p)
{
	return p->align > TLS_ALIGN_MIN ? p->align : TLS_ALIGN_MIN;
}

/* the distance from the thread pointer down to the block, as the linker computed it */
static uintptr_t
block_offset(const struct elf_phdr *p)
{
	uintptr_t a = p->align ? p->align : 1;

	return (p->memsz + a - 1) & ~(a - 1);
}

size_t
mach_rt_tls_span(void)
{
	const struct elf_phdr *p = tls_segment();

	/* the TCB, the block, and what aligning the thread pointer down may cost */
	return p ? TCB_SIZE + block_offset(p) + align_of(p) - 1 : 0;
}

uintptr_t
mach_rt_tls_place(uintptr_t top)
{
	const struct elf_phdr *p = tls_segment();

	if (!p)
		return 0;
	uintptr_t tp = (top - TCB_SIZE) & ~(align_of(p) - 1);
	char *block = (char *)(tp - block_offset(p));

	/* .tdata's initial values, then zeros for .tbss and the padding up to tp */
	memcpy(block, (const void *)(uintptr_t)p->vaddr, p->filesz);
	memset(block + p->filesz, 0, (size_t)((char *)tp - block) - p->filesz);
	*(uintptr_t *)tp = tp;
	return tp;
}

/* a flat 4 GiB user data segment (read/write, 32-bit) starting at base */
static descriptor_t
descriptor_data(uintptr_t base)
{
	descriptor_t d;

	d.low_word = 0xffffu | (unsigned)(base & 0xffff) << 16;
	d.high_word = (unsigned)((base >> 16) & 0xff) | 0xf2u << 8 /* present, DPL 3, data rw */
	              | 0xfu << 16 /* limit bits 16..19 */ | 0xcu << 20 /* 4 KiB units, 32-bit */
	              | (unsigned)(base & 0xff000000u);
	return d;
}

kern_return_t
mach_rt_tls_bind(mach_port_t thread, uintptr_t tp, unsigned short *gs)
{
	int selector = -1; /* any of the thread's free slots */
	kern_return_t kr = i386_set_gdt(thread, &selector, descriptor_data(tp));

	if (kr == KERN_SUCCESS)
		*gs = (unsigned short)selector;
	return kr;
}
