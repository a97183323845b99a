/*
 * \brief  Unit test of scout's pure logic: parser, layout, hit testing,
 *         window geometry and history (no GUI, no RPC)
 */

#include "cases.h"
#include "fixture.h"

TEST_MAIN(TEST_CASE(parse_markup), TEST_CASE(parse_hostile_markup), TEST_CASE(parse_overlong),
          TEST_CASE(parse_empty_and_nul), TEST_CASE(parse_out_of_quota), TEST_CASE(parse_random),
          TEST_CASE(layout_wrap), TEST_CASE(layout_long_word), TEST_CASE(layout_blocks_and_images),
          TEST_CASE(layout_hit), TEST_CASE(layout_anchor_scroll), TEST_CASE(layout_out_of_quota),
          TEST_CASE(chrome_areas), TEST_CASE(chrome_scrollbar),
          TEST_CASE(history_follow_back_forward), TEST_CASE(history_truncate),
          TEST_CASE(history_overflow))
