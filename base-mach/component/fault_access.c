/*
 * \brief  Did the faulting i386 instruction write? (fault_access.h)
 *
 * Linux's page-fault error code says it; GNU Mach's exception message
 * does not (code is the kernel's verdict, subcode the address, and the
 * thread state holds no error code). But the faulting thread is stopped
 * at the instruction, whose bytes the handler can read: it was fetched, so
 * it is mapped, unless the fetch itself faulted (the address lies within
 * the instruction's bytes), which counts as a read as on Linux.
 *
 * Only the instructions compiled code writes memory with are told apart:
 * mov, the ALU and read-modify-write groups (their r/m destination forms),
 * xchg, xadd, cmpxchg, setcc, bit tests that set, shifts, pop to memory and
 * the string stores. Everything else is a read. Stack pushes are not
 * among them: a fault on the stack is an overflow or a crash, never a
 * managed dataspace's.
 */

#include <stdbool.h>
#include <stdint.h>

#include "fault_access.h"

enum { INSN_MAX = 15 };

static bool
is_prefix(uint8_t b)
{
	return b == 0xf0 || b == 0xf2 || b == 0xf3 || b == 0x2e || b == 0x36 || b == 0x3e ||
	       b == 0x26 || b == 0x64 || b == 0x65 || b == 0x66 || b == 0x67;
}

/* the ModRM byte's reg field (a group's operation), read only for opcodes that have one */
static unsigned
modrm_reg(const volatile uint8_t *p)
{
	return (p[1] >> 3) & 7u;
}

/* one-byte opcodes */
static bool
op1_writes(const volatile uint8_t *p)
{
	uint8_t op = p[0];

	if (op < 0x40 && (op & 7) <= 1)
		return (op & 0x38) != 0x38; /* ALU r/m, reg: all but cmp */
	switch (op) {
	case 0x80:
	case 0x81:
	case 0x83:
		return modrm_reg(p) != 7; /* group 1: all but cmp */
	case 0x86:
	case 0x87:
	case 0x88:
	case 0x89:
	case 0x8f:
	case 0xc6:
	case 0xc7:
	case 0xc0:
	case 0xc1:
	case 0xd0:
	case 0xd1:
	case 0xd2:
	case 0xd3:
	case 0xa4:
	case 0xa5:
	case 0xaa:
	case 0xab:
		return true; /* xchg, mov, pop, shifts, movs/stos */
	case 0xf6:
	case 0xf7:
		return modrm_reg(p) == 2 || modrm_reg(p) == 3; /* not, neg */
	case 0xfe:
	case 0xff:
		return modrm_reg(p) <= 1; /* inc, dec */
	}
	return false;
}

/* two-byte opcodes (0x0f, then p[0]) */
static bool
op2_writes(const volatile uint8_t *p)
{
	uint8_t op = p[0];

	if (op >= 0x90 && op <= 0x9f)
		return true; /* setcc */
	switch (op) {
	case 0xab:
	case 0xb3:
	case 0xbb: /* bts, btr, btc */
	case 0xb0:
	case 0xb1:
	case 0xc0:
	case 0xc1: /* cmpxchg, xadd */
		return true;
	case 0xba:
		return modrm_reg(p) >= 5; /* bts, btr, btc with an immediate */
	case 0xc7:
		return modrm_reg(p) == 1; /* cmpxchg8b */
	}
	return false;
}

bool
fault_access_was_write(uintptr_t ip, uintptr_t addr)
{
	if (addr - ip < INSN_MAX)
		return false; /* the fetch faulted */
	const volatile uint8_t *p = (const volatile uint8_t *)ip;
	unsigned i = 0;

	while (i < INSN_MAX - 3 && is_prefix(p[i]))
		i++;
	return p[i] == 0x0f ? op2_writes(p + i + 1) : op1_writes(p + i);
}
