/*
 * \brief  Unit test of nitpicker's core: stacking, clipping, input, X-ray, kill mode
 *
 * The core runs on a screen in memory with synthetic input events; the
 * cases check chosen pixels and the events each session got.
 */

#include "np_test.h"

TEST_MAIN(TEST_CASE(stack_order), TEST_CASE(stack_stay_top), TEST_CASE(stack_foreign_refused),
          TEST_CASE(draw_background), TEST_CASE(draw_buffer_offset),
          TEST_CASE(draw_outside_buffer_is_background), TEST_CASE(draw_hostile_viewports),
          TEST_CASE(draw_alpha_and_backdrop), TEST_CASE(refresh_marks_views_only),
          TEST_CASE(input_focus_by_click), TEST_CASE(input_keys_to_focus_only),
          TEST_CASE(input_drag_grab), TEST_CASE(input_key_release_to_press),
          TEST_CASE(xray_labels_and_tint), TEST_CASE(xray_motion_to_focus_only),
          TEST_CASE(kill_mode_closes_session), TEST_CASE(policy_colors))
