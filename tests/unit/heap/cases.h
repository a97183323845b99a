/*
 * \brief  Test cases of test-heap, one file per allocator
 */

#ifndef _TESTS__UNIT__HEAP__CASES_H_
#define _TESTS__UNIT__HEAP__CASES_H_

void heap_random_against_model(void);
void heap_chunks_grow_exponentially(void);
void heap_large_gets_dedicated_chunk(void);
void heap_quota_exceeded(void);
void heap_wrong_frees_detected(void);
void heap_spare_chunk_policy(void);
void heap_destroy_returns_everything(void);

void slab_random_against_model(void);
void slab_init_rejects_bad_args(void);
void slab_quota_exceeded(void);
void slab_wrong_frees_detected(void);
void slab_destroy_returns_everything(void);

#endif /* _TESTS__UNIT__HEAP__CASES_H_ */
