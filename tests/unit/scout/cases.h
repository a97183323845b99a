/*
 * \brief  Unit test of scout: the cases of each file
 */

#ifndef _TESTS__UNIT__SCOUT__CASES_H_
#define _TESTS__UNIT__SCOUT__CASES_H_

void parse_markup(void);
void parse_hostile_markup(void);
void parse_overlong(void);
void parse_empty_and_nul(void);
void parse_out_of_quota(void);
void parse_random(void);

void layout_wrap(void);
void layout_long_word(void);
void layout_blocks_and_images(void);
void layout_hit(void);
void layout_anchor_scroll(void);
void layout_out_of_quota(void);
void chrome_areas(void);
void chrome_scrollbar(void);

void history_follow_back_forward(void);
void history_truncate(void);
void history_overflow(void);

#endif /* _TESTS__UNIT__SCOUT__CASES_H_ */
