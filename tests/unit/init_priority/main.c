/*
 * \brief  Unit test: harmonic priority-range subdivision
 *
 * The centre piece recomputes the example of the 10.02 release notes by
 * doing what each init in that tree would do: parse its config, open its
 * children's CPU sessions, filter the requests of its children's subtrees
 * on their way up, and finally let core map the value to one of 128
 * kernel levels.
 */

#include <stdio.h>
#include <string.h>

#include "../../../os/init/config/init_config.h"
#include <cpu_session/priority.h>
#include "../../harness/harness.h"
#include "../../harness/test_heap.h"

/*
 * The scenario of Genode 11.11's os/config/priority in the new syntax:
 * the top init uses 2 levels, init.1 four, init.12 none.
 */
static const char tree[] =
        "<config prio_levels=\"2\">\n"
        "  <start name=\"init.1\" priority=\"0\">\n"
        "    <config prio_levels=\"4\">\n"
        "      <start name=\"init.11\" priority=\"-1\"> <config/> </start>\n"
        "      <start name=\"init.12\" priority=\"-2\">\n"
        "        <config> <start name=\"init.121\"> <config/> </start> </config>\n"
        "      </start>\n"
        "    </config>\n"
        "  </start>\n"
        "  <start name=\"init.2\" priority=\"-1\"> <config/> </start>\n"
        "</config>\n";

/* one init instance of the tree and the child of its parent it is */
struct level {
	struct init_config cfg;
	const struct level *parent;
	unsigned index; /* in parent->cfg.children */
};

enum { DEPTH = 4 };
static struct level levels[DEPTH];
static struct test_heap heap;

/*
 * A CPU session with logical priority v, requested at init 'at': every
 * init above passes it on through its filter, then core maps it.
 */
static uint32_t
platform_priority(const struct level *at, uint32_t v)
{
	for (const struct level *l = at; l->parent; l = l->parent) {
		const struct init_config *up = &l->parent->cfg;
		int32_t policy = up->children[l->index].priority;
		v = init_priority_filter_request(up->prio_bits, policy, v, NULL);
	}
	return init_priority_platform_10_02(v, INIT_PRIORITY_PLATFORM_LEVELS_10_02);
}

/* what the CPU session of child 'name' of init 'l' ends up at */
static uint32_t
child_priority(const struct level *l, const char *name)
{
	int i = init_config_child_index(&l->cfg, name);
	if (!CHECK(i >= 0))
		return 0;
	uint32_t own = init_priority_child_session(l->cfg.prio_bits, l->cfg.children[i].priority);
	return platform_priority(l, own);
}

static bool
parse_level(unsigned depth, const struct level *parent, const char *name)
{
	struct level *l = &levels[depth];
	const char *text = tree;
	size_t len = strlen(tree);

	l->parent = parent;
	if (parent) {
		int i = init_config_child_index(&parent->cfg, name);
		if (!CHECK(i >= 0))
			return false;
		l->index = (unsigned)i;
		text = parent->cfg.children[i].config_text.start;
		len = parent->cfg.children[i].config_text.len;
	}
	return CHECK_EQ(
	        init_config_parse(&l->cfg, test_heap_init(&heap, SIZE_MAX), text, len, NULL),
	        STATUS_OK);
}

static void
release_notes_example(void)
{
	if (!parse_level(0, NULL, NULL) || !parse_level(1, &levels[0], "init.1") ||
	    !parse_level(2, &levels[1], "init.12"))
		return;
	const struct level *top = &levels[0], *init1 = &levels[1], *init12 = &levels[2];

	/* core gives init the whole range: logical 0 */
	CHECK_EQ(init_priority_platform_10_02(0, 128), 128);
	CHECK_EQ(child_priority(top, "init.1"), 128);
	CHECK_EQ(child_priority(init1, "init.11"), 112);
	CHECK_EQ(child_priority(init1, "init.12"), 96);
	CHECK_EQ(child_priority(init12, "init.121"), 96);
	CHECK_EQ(child_priority(top, "init.2"), 64);

	/* the logical values of the anchor doc's table, on their way up */
	CHECK_EQ(init_priority_child_session(init1->cfg.prio_bits, -1), 16384);
	CHECK_EQ(init_priority_filter_request(1, 0, 16384, NULL), 8192);
	CHECK_EQ(init_priority_filter_request(2, -2, 0, NULL), 32768);
	CHECK_EQ(init_priority_filter_request(1, 0, 32768, NULL), 16384);
	CHECK_EQ(init_priority_child_session(1, -1), 32768);

	/* the corrected mapping puts every row one lower */
	CHECK_EQ(init_priority_platform(0, 128), 127);
	CHECK_EQ(init_priority_platform(8192, 128), 111);
	CHECK_EQ(init_priority_platform(16384, 128), 95);
	CHECK_EQ(init_priority_platform(32768, 128), 63);
}

static void
levels_validity(void)
{
	CHECK(!init_priority_levels_valid(0));
	CHECK(init_priority_levels_valid(1));
	CHECK(init_priority_levels_valid(2));
	CHECK(!init_priority_levels_valid(3));
	CHECK(!init_priority_levels_valid(6));
	CHECK(init_priority_levels_valid(128));
	CHECK(init_priority_levels_valid(65536));
	CHECK(!init_priority_levels_valid(131072));
	CHECK(!init_priority_levels_valid(1ull << 63));
	CHECK(!init_priority_levels_valid(~0ull));
	CHECK_EQ(init_priority_levels_bits(1), 0);
	CHECK_EQ(init_priority_levels_bits(2), 1);
	CHECK_EQ(init_priority_levels_bits(4), 2);
	CHECK_EQ(init_priority_levels_bits(65536), 16);
	CHECK_EQ(init_priority_levels_bits(3), 0);
}

/* one level: no subdivision, requests pass, own sessions get the top */
static void
single_level(void)
{
	bool lost = true;
	CHECK_EQ(init_priority_child_session(0, 0), 0);
	CHECK_EQ(init_priority_filter_request(0, 0, 0, &lost), 0);
	CHECK(!lost);
	CHECK_EQ(init_priority_filter_request(0, 0, 12345, &lost), 12345);
	CHECK(!lost);
	CHECK_EQ(init_priority_filter_request(0, 0, 65535, NULL), 65535);
	/* a policy beyond the levels is clamped: one level has only band 0 */
	CHECK_EQ(init_priority_child_session(0, -5), 0);
}

static void
request_limits(void)
{
	bool lost = false;
	/* the lowest request stays in the lowest corner of the child's band */
	CHECK_EQ(init_priority_filter_request(1, 0, 65535, &lost), 32767);
	CHECK(lost);
	CHECK_EQ(init_priority_filter_request(1, -1, 65535, NULL), 65535);
	CHECK_EQ(init_priority_filter_request(2, -3, 0, &lost), 49152);
	CHECK(!lost);
	/* beyond the range: clamped to the lowest, never into another band */
	CHECK_EQ(init_priority_filter_request(1, 0, 65536, NULL), 32767);
	CHECK_EQ(init_priority_filter_request(1, 0, ~0ull, NULL), 32767);
	CHECK_EQ(init_priority_filter_request(0, 0, 1ull << 40, NULL), 65535);
	/* bits that fall off are reported */
	CHECK_EQ(init_priority_filter_request(2, 0, 3, &lost), 0);
	CHECK(lost);
	CHECK_EQ(init_priority_filter_request(2, 0, 4, &lost), 1);
	CHECK(!lost);
}

static void
maximum_levels(void)
{
	/* 2^16 levels: every child one logical value, nothing left below */
	CHECK_EQ(init_priority_child_session(16, -65535), 65535);
	CHECK_EQ(init_priority_child_session(16, -1), 1);
	CHECK_EQ(init_priority_filter_request(16, -7, 65535, NULL), 7);
	/* policies beyond the levels are clamped to the lowest band */
	CHECK_EQ(init_priority_child_session(1, -2), 32768);
	CHECK_EQ(init_priority_child_session(2, INT32_MIN), 49152);
	CHECK_EQ(init_priority_child_session(2, 5), 0);
	/* bits beyond 16 are treated as 16 */
	CHECK_EQ(init_priority_child_session(40, -3), 3);
}

static void
platform_mapping(void)
{
	CHECK_EQ(init_priority_platform_10_02(0, 128), 128);
	CHECK_EQ(init_priority_platform_10_02(1, 128), 127);
	CHECK_EQ(init_priority_platform_10_02(512, 128), 127);
	CHECK_EQ(init_priority_platform_10_02(513, 128), 126);
	CHECK_EQ(init_priority_platform_10_02(65535, 128), 0);
	CHECK_EQ(init_priority_platform_10_02(70000, 128), 0);
	CHECK_EQ(init_priority_platform(65535, 128), 0);
	CHECK_EQ(init_priority_platform(1ull << 40, 128), 0);
	CHECK_EQ(init_priority_platform(0, 256), 255);
	CHECK_EQ(init_priority_platform(0, 64), 63);
	CHECK_EQ(init_priority_platform(0, 65536), 65535);
	CHECK_EQ(init_priority_platform_10_02(0, 65536), 65536);
	/* quantization: 16 logical bits into 7, so nearby values collapse */
	CHECK_EQ(init_priority_platform_10_02(8193, 128), init_priority_platform_10_02(8703, 128));
}

TEST_MAIN(TEST_CASE(release_notes_example), TEST_CASE(levels_validity), TEST_CASE(single_level),
          TEST_CASE(request_limits), TEST_CASE(maximum_levels), TEST_CASE(platform_mapping))
