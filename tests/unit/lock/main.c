/*
 * \brief  Unit test of lock, semaphore and blockade
 */

#include "../../harness/harness.h"
#include "cases.h"

TEST_MAIN(TEST_CASE(lock_uncontended), TEST_CASE(lock_initially_locked),
          TEST_CASE(lock_contended_counter), TEST_CASE(lock_ping_pong),
          TEST_CASE(semaphore_counting), TEST_CASE(semaphore_ping_pong),
          TEST_CASE(semaphore_timeout_expires), TEST_CASE(semaphore_timeout_woken),
          TEST_CASE(semaphore_timeout_race), TEST_CASE(blockade_wakeup_counted),
          TEST_CASE(blockade_cancel_blocked), TEST_CASE(blockade_cancel_many),
          TEST_CASE(blockade_cancel_before))
