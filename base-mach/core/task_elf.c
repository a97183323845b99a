/*
 * \brief  Loading a static ELF32 executable into another task
 *
 * Each PT_LOAD segment becomes fresh anonymous memory at its fixed address
 * in the task (vm_allocate), filled from a page-aligned copy in core
 * (vm_write wants whole pages), then given the segment's protection.
 * Fields are read byte-wise: the image is a boot module, not trusted to
 * be aligned; core/elf_check.c has checked its structure already here.
 */

#include <mach_gen/mach.h>
#include <mach_rt.h>
#include <util/string.h>

#include "../../core/elf_check.h"
#include "task.h"

enum { PAGE = 4096, PT_LOAD = 1, PF_X = 1, PF_W = 2, PF_R = 4 };

static uint32_t
le32(const uint8_t *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

struct segment {
	uint32_t type, offset, vaddr, filesz, memsz, flags;
};

static struct segment
segment_read(const uint8_t *ph)
{
	return (struct segment){le32(ph),      le32(ph + 4),  le32(ph + 8),
	                        le32(ph + 16), le32(ph + 20), le32(ph + 24)};
}

static vm_prot_t
segment_prot(uint32_t flags)
{
	return (flags & PF_R ? VM_PROT_READ : 0) | (flags & PF_W ? VM_PROT_WRITE : 0) |
	       (flags & PF_X ? VM_PROT_EXECUTE : 0);
}

/* the segment's pages in core, then written into the task */
static status_t
segment_fill(mach_port_t task, const uint8_t *image, const struct segment *s, vm_address_t start,
             vm_size_t len)
{
	vm_address_t copy = 0;
	kern_return_t kr;

	if (syscall_vm_allocate(mach_task_self(), &copy, len, TRUE) != KERN_SUCCESS)
		return STATUS_OUT_OF_MEMORY;
	/* fresh memory is zero: only the file part is copied */
	mem_copy((uint8_t *)copy + (s->vaddr - start), image + s->offset, s->filesz);
	kr = vm_write(task, start, copy, len);
	(void)syscall_vm_deallocate(mach_task_self(), copy, len);
	return kr == KERN_SUCCESS ? STATUS_OK : STATUS_OUT_OF_MEMORY;
}

static status_t
segment_load(mach_port_t task, const uint8_t *image, const struct segment *s, const char **why)
{
	vm_address_t start = s->vaddr & ~(vm_address_t)(PAGE - 1);
	uint64_t end = ((uint64_t)s->vaddr + s->memsz + PAGE - 1) & ~(uint64_t)(PAGE - 1);
	vm_size_t len = (vm_size_t)(end - start);
	kern_return_t kr;

	if (s->filesz > s->memsz || end > 0xc0000000u || s->memsz == 0) {
		*why = s->memsz ? "segment outside the user address space" : "empty segment";
		return s->memsz ? STATUS_DENIED : STATUS_OK;
	}
	kr = vm_allocate(task, &start, len, FALSE);
	if (kr != KERN_SUCCESS) {
		*why = kr == KERN_NO_SPACE ? "segments overlap" : "no memory for a segment";
		return kr == KERN_NO_SPACE ? STATUS_DENIED : STATUS_OUT_OF_MEMORY;
	}
	status_t st = segment_fill(task, image, s, start, len);
	if (st != STATUS_OK) {
		*why = "cannot write a segment";
		return st;
	}
	(void)vm_protect(task, start, len, TRUE, segment_prot(s->flags));
	(void)vm_protect(task, start, len, FALSE, segment_prot(s->flags));
	return STATUS_OK;
}

status_t
task_elf_load(mach_port_t task, const uint8_t *image, size_t size, vm_address_t *entry,
              const char **why)
{
	status_t st = elf_check(image, size, ELF_CLASS_32, ELF_MACHINE_I386, why);

	if (st != STATUS_OK)
		return STATUS_DENIED;
	uint32_t phoff = le32(image + 28);
	unsigned phentsize = (unsigned)image[42] | (unsigned)image[43] << 8;
	unsigned phnum = (unsigned)image[44] | (unsigned)image[45] << 8;

	for (unsigned i = 0; i < phnum && st == STATUS_OK; i++) {
		struct segment s = segment_read(image + phoff + (size_t)i * phentsize);
		if (s.type == PT_LOAD)
			st = segment_load(task, image, &s, why);
	}
	*entry = le32(image + 24);
	return st;
}
