/*
 * \brief  Harmonic priority-range subdivision: the arithmetic
 *
 * Kept free of config parsing so that init's session filter and core's
 * platform mapping can share it and tests can compose it through a tree.
 */

#include <cpu_session/priority.h>

bool
init_priority_levels_valid(uint64_t levels)
{
	return levels >= 1 && levels <= INIT_PRIORITY_LEVELS_MAX && (levels & (levels - 1)) == 0;
}

unsigned
init_priority_levels_bits(uint64_t levels)
{
	unsigned bits = 0;
	if (!init_priority_levels_valid(levels))
		return 0;
	while ((1ull << bits) < levels)
		bits++;
	return bits;
}

/* -priority, clamped to the levels that 'bits' can express */
static uint32_t
policy_band(unsigned bits, int32_t priority)
{
	uint32_t max_band = (1u << bits) - 1;
	if (priority >= 0)
		return 0;
	/* widen before negating: -INT32_MIN does not fit an int32_t */
	int64_t band = -(int64_t)priority;
	return band > max_band ? max_band : (uint32_t)band;
}

uint32_t
init_priority_child_session(unsigned bits, int32_t priority)
{
	if (bits > INIT_PRIORITY_BITS)
		bits = INIT_PRIORITY_BITS;
	return policy_band(bits, priority) * ((uint32_t)INIT_PRIORITY_LIMIT >> bits);
}

uint32_t
init_priority_filter_request(unsigned bits, int32_t priority, uint64_t request, bool *lost_bits)
{
	uint32_t v = request >= INIT_PRIORITY_LIMIT ? INIT_PRIORITY_LIMIT - 1 : (uint32_t)request;

	if (bits > INIT_PRIORITY_BITS)
		bits = INIT_PRIORITY_BITS;
	if (lost_bits)
		*lost_bits = (v & ((1u << bits) - 1)) != 0;
	if (bits == 0)
		return v;
	return (v >> bits) | init_priority_child_session(bits, priority);
}

static uint32_t
clamp_logical(uint64_t v)
{
	return v >= INIT_PRIORITY_LIMIT ? INIT_PRIORITY_LIMIT - 1 : (uint32_t)v;
}

uint32_t
init_priority_platform_10_02(uint64_t v, uint32_t limit)
{
	uint32_t l = clamp_logical(v);
	if (l == 0)
		return limit;
	return (uint32_t)(((uint64_t)(INIT_PRIORITY_LIMIT - l) * limit) / INIT_PRIORITY_LIMIT);
}

uint32_t
init_priority_platform(uint64_t v, uint32_t limit)
{
	uint32_t l = clamp_logical(v);
	return (uint32_t)(((uint64_t)(INIT_PRIORITY_LIMIT - 1 - l) * limit) / INIT_PRIORITY_LIMIT);
}
