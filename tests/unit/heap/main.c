/*
 * \brief  Unit test: heap and slab allocators over a counting backing store
 */

#include "../../harness/harness.h"
#include "cases.h"

TEST_MAIN(TEST_CASE(heap_random_against_model), TEST_CASE(heap_chunks_grow_exponentially),
          TEST_CASE(heap_large_gets_dedicated_chunk), TEST_CASE(heap_quota_exceeded),
          TEST_CASE(heap_wrong_frees_detected), TEST_CASE(heap_spare_chunk_policy),
          TEST_CASE(heap_destroy_returns_everything), TEST_CASE(slab_random_against_model),
          TEST_CASE(slab_init_rejects_bad_args), TEST_CASE(slab_quota_exceeded),
          TEST_CASE(slab_wrong_frees_detected), TEST_CASE(slab_destroy_returns_everything))
