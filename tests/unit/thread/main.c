/*
 * \brief  Unit test of threads in the thread-context area
 */

#include "../../harness/harness.h"
#include "cases.h"

TEST_MAIN(TEST_CASE(thread_basic), TEST_CASE(thread_bad_args), TEST_CASE(thread_start_twice),
          TEST_CASE(thread_many_rounds), TEST_CASE(thread_slots_exhausted),
          TEST_CASE(thread_foreign_is_not_myself), TEST_CASE(thread_myself_cost),
          TEST_CASE(thread_main_myself), TEST_CASE(thread_main_nested),
          TEST_CASE(thread_stack_aligned), TEST_CASE(thread_stack_usable),
          TEST_CASE(thread_overflow_reported), TEST_CASE(thread_main_overflow_reported),
          TEST_CASE(thread_wild_fault_not_overflow), TEST_CASE(thread_null_fault_not_overflow),
          TEST_CASE(thread_area_taken_fallback), TEST_CASE(thread_area_free_at_exec))
