/*
 * \brief  core's records of signal contexts, findable by capability
 *
 * Every context core made is in one search tree ordered by the platform
 * (platform_signal_context_compare), so a submit through any session
 * finds it in log n platform calls. A session's close walks the tree for
 * its own (memory only, no platform call): a list per session would make
 * each record bigger than SIGNAL_SESSION_CONTEXT_COST pays. A record's memory
 * comes from core's heap; the SIGNAL service charges the owner's donation
 * for it before it asks (SIGNAL_SESSION_CONTEXT_COST), so nothing here is
 * a fixed table and nothing is unpaid.
 */

#ifndef _CORE__SIGNAL_CONTEXT_H_
#define _CORE__SIGNAL_CONTEXT_H_

#include <stdint.h>

#include <base/capability.h>
#include <base/heap.h>
#include <base/internal/signal_count.h>
#include <util/avl.h>

/* the client's imprint stays with the client: core never hands it out */
struct signal_record {
	struct avl_node node;      /* in the tree of all contexts */
	const void *owner;         /* BORROWED: the session that pays for it */
	cap_t context;             /* OWNED; the client got a copy */
	cap_t page;                /* OWNED, may be invalid: what the platform shares */
	struct signal_count count; /* submits through core not yet handed on */
};

/*
 * What a record takes of core's heap at most (heap_block_cost as a
 * constant expression), which the charge per context must cover.
 */
#define SIGNAL_RECORD_HEAP_COST \
	(((sizeof(struct signal_record) + HEAP_ALIGN - 1) / HEAP_ALIGN + 2) * HEAP_ALIGN)

/*
 * A new context for owner, in the tree; *out stays OWNED by the records
 * (signal_record_destroy). The platform's or the heap's status on
 * failure, nothing kept then.
 */
status_t signal_record_create(const void *owner, struct signal_record **out);

/* close the context, unlink and free the record */
void signal_record_destroy(struct signal_record *r);

/* destroy every record of owner; returns how many */
unsigned long signal_record_destroy_all(const void *owner);

/* the record of the context cap (BORROWED) names, whoever owns it; NULL if none */
struct signal_record *signal_record_find(cap_t cap);

/* every context core holds, for the accounting summary */
unsigned long signal_record_count(void);

#endif /* _CORE__SIGNAL_CONTEXT_H_ */
