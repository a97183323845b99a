/*
 * \brief  Capabilities: the only way to name an object of another component
 *
 * A capability is a kernel-protected reference to an RPC object. The
 * component sees only a selector, a small number that is meaningful in its
 * own protection domain alone (a file descriptor on Linux, a port name on
 * GNU Mach, a cap slot on a microkernel). Selectors cannot be guessed or
 * forged into authority: a component can invoke only what it was given.
 *
 * Every interface gets its own capability type (CAP_TYPE), a one-member
 * struct around the raw cap_t, so that handing a ROM capability to a
 * function that expects a LOG capability is a compile error. Generic code
 * that only moves capabilities around (message marshalling, tables) uses
 * the raw cap_t taken out with cap_raw().
 *
 * Ownership: a capability selector is a resource like memory. Functions
 * document whether they BORROW a capability (the caller still owns it and
 * must close it) or CONSUME it (the callee closes it or passes it on).
 * Received capabilities are always owned by the receiver.
 */

#ifndef _INCLUDE__BASE__CAPABILITY_H_
#define _INCLUDE__BASE__CAPABILITY_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/status.h>

/* raw, untyped capability; sel is the platform's local selector */
typedef struct cap {
	long sel;
} cap_t;

/* the selector of no capability; platforms never hand it out */
#define CAP_SEL_INVALID (-1L)

static inline cap_t
cap_invalid(void)
{
	cap_t c = {CAP_SEL_INVALID};
	return c;
}

/*
 * Whether c may name an object. A valid-looking capability can still refer
 * to nothing (closed, or the object was dissolved); invoking it then fails
 * with STATUS_INVALID_CAP.
 */
static inline bool
cap_valid(cap_t c)
{
	return c.sel >= 0;
}

/*
 * Declare the capability type <name>_cap_t for the interface <name>.
 * A struct per interface, not a typedef of cap_t, so that the types do not
 * convert into each other. Headers that may meet in one translation unit
 * guard the declaration with #ifndef CAP_TYPE_<NAME> / #define CAP_TYPE_<NAME>
 * (tool/rpcgen emits exactly that).
 */
#define CAP_TYPE(name)              \
	typedef struct name##_cap { \
		cap_t raw;          \
	} name##_cap_t

/* the raw capability inside a typed one (no ownership change) */
#define cap_raw(typed_cap) ((typed_cap).raw)

/*
 * Wrap a raw capability into a typed one. This is the one place where the
 * type system is told "trust me"; use it only where the interface is known
 * by construction (generated stubs, entrypoint_manage of that interface).
 */
#define CAP_TYPED(type, raw_cap) ((type){.raw = (raw_cap)})

/* the invalid capability of a typed capability type */
#define CAP_TYPED_INVALID(type) CAP_TYPED(type, cap_invalid())

/*
 * Close the caller's selector. CONSUMES c. Other copies (delegated to other
 * components, or duplicated with cap_dup) stay valid. Closing the invalid
 * capability is a no-op.
 */
void cap_close(cap_t c);

/*
 * Make a second, independently owned selector for the same object.
 * BORROWS c; the caller owns *out. Returns STATUS_INVALID_CAP or
 * STATUS_OUT_OF_MEMORY (no free selector).
 */
status_t cap_dup(cap_t c, cap_t *out);

/*
 * Whether a and b name the same object (e.g. a session capability a
 * client hands back to close it, against the copy the server kept).
 * BORROWS both. Two invalid capabilities are not the same.
 */
bool cap_same(cap_t a, cap_t b);

/*
 * The identity of the object a capability names, equal for every copy
 * (cap_dup, or received again), different for different objects; for
 * keeping capabilities in an ordered map, so that finding one among n
 * costs one cap_key_get and compares of plain numbers (Linux: the
 * socket's device and inode; Mach: the port name).
 */
struct cap_key {
	uint64_t hi, lo;
};

/*
 * The key of c (BORROWED) into *key. STATUS_INVALID_CAP if c is not an
 * open selector (*key is untouched then).
 */
status_t cap_key_get(cap_t c, struct cap_key *key);

/* <0, 0, >0 as a orders before, equal to, after b */
static inline int
cap_key_compare(const struct cap_key *a, const struct cap_key *b)
{
	if (a->hi != b->hi)
		return a->hi < b->hi ? -1 : 1;
	if (a->lo != b->lo)
		return a->lo < b->lo ? -1 : 1;
	return 0;
}

#endif /* _INCLUDE__BASE__CAPABILITY_H_ */
