/*
 * \brief  Harmonic priority-range subdivision (Genode 10.02)
 *
 * Priorities travel through the process tree as logical values in
 * 0 .. INIT_PRIORITY_LIMIT-1, where 0 is the highest. Core grants init the
 * whole range. An init with prio_levels = 2^L reserves the top L bits for
 * its own policy and hands each child the band below, shifted right by L,
 * so every subtree can subdivide its band again without knowing where in
 * the tree it runs. Only at core is a logical value squeezed into the few
 * priorities the kernel has.
 *
 * A child's policy is its config 'priority' in [-(levels-1), 0]; these
 * functions take it in that signed form so that callers pass the config
 * value unchanged.
 */

#ifndef _INCLUDE__CPU_SESSION__PRIORITY_H_
#define _INCLUDE__CPU_SESSION__PRIORITY_H_

#include <stdbool.h>
#include <stdint.h>

enum {
	INIT_PRIORITY_BITS = 16,
	INIT_PRIORITY_LIMIT = 1 << INIT_PRIORITY_BITS, /* logical values stay below */

	/*
	 * 2^16 levels give every level exactly one logical value and leave the
	 * children's subtrees no bits at all; more levels than logical values
	 * could not be told apart, so prio_levels beyond this is rejected.
	 */
	INIT_PRIORITY_LEVELS_MAX = INIT_PRIORITY_LIMIT,

	/* kernel levels of OKL4 and Pistachio, which the 10.02 figures assume */
	INIT_PRIORITY_PLATFORM_LEVELS_10_02 = 128,
};

/* true if levels is a power of two in 1 .. INIT_PRIORITY_LEVELS_MAX */
bool init_priority_levels_valid(uint64_t levels);

/* L = log2(levels) for valid levels; 0 for anything else (no subdivision) */
unsigned init_priority_levels_bits(uint64_t levels);

/*
 * Logical priority of the CPU session init opens for a child of its own:
 * the top of the child's band, (-priority) * (LIMIT >> bits). A priority
 * outside [-(2^bits - 1), 0] is clamped into it, so a caller bug can only
 * lower a child, never lift it above init or into another band.
 */
uint32_t init_priority_child_session(unsigned bits, int32_t priority);

/*
 * Rewrite the 'priority' argument of a CPU-session request that comes from
 * the subtree of a child with the given policy: the request moves down by
 * bits and the child's band goes on top. With bits == 0 the request passes
 * unchanged (an init without prio_levels does not subdivide), except for
 * the clamp below. bits beyond INIT_PRIORITY_BITS count as that many.
 *
 * Deviation from Genode, on purpose: a request at or beyond LIMIT is first
 * clamped to LIMIT-1 (the lowest priority). Genode shifted the raw value,
 * which for such requests spills into the policy bits and leaves core to
 * clamp; clamping here keeps the child inside its band either way.
 *
 * *lost_bits (may be NULL) tells whether low request bits fell off the
 * end, which init reports as "priority band too small".
 */
uint32_t init_priority_filter_request(unsigned bits, int32_t priority, uint64_t request,
                                      bool *lost_bits);

/*
 * Core's mapping of a logical value v to one of 'limit' kernel levels,
 * larger meaning more urgent, as in Genode 10.02: v == 0 gives limit
 * itself, anything else (LIMIT - v) * limit / LIMIT. v is clamped to
 * LIMIT-1 first, as core does. Note the top band maps to 'limit', one
 * beyond a kernel that has exactly 'limit' levels (0 .. limit-1).
 */
uint32_t init_priority_platform_10_02(uint64_t v, uint32_t limit);

/* the off-by-one fix Genode made in June 2025: (LIMIT - 1 - v) * limit / LIMIT */
uint32_t init_priority_platform(uint64_t v, uint32_t limit);

#endif /* _INCLUDE__CPU_SESSION__PRIORITY_H_ */
