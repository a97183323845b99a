/*
 * \brief  RAM quota accounts: the bookkeeping behind core's RAM service
 *
 * Each RAM session of core is an account with a quota and the bytes of
 * RAM dataspaces allocated from it (used). Quota only moves, never
 * appears: the one place it enters is the initial quota of a root account
 * (core's own, which holds the machine's RAM), and every other account
 * starts at 0 and receives quota by transfer. Following Genode, quota may
 * move only between an account and its reference account (either way),
 * which each account names once; the links form a tree along which a
 * parent donates to and reclaims from its children.
 *
 * Destroying an account reclaims everything: each dataspace it owns is
 * detached from every region map, its memory is handed back through the
 * platform's callback, the whole quota returns to the reference account,
 * and the accounts that named it as reference now name its reference.
 * The bank's totals thus come back to what they were before the account
 * was created.
 *
 * The dataspace records (struct ram_ds) come from a slab per account,
 * which core backs by the session's donation (Genode's metadata
 * allocator), so running out of it is STATUS_OUT_OF_MEMORY while running
 * out of quota is STATUS_QUOTA_EXCEEDED.
 *
 * Ownership: the caller owns the bank, the accounts and the slabs; an
 * account owns its dataspace records and their backing memory. Not
 * thread-safe; the caller serialises access.
 */

#ifndef _CORE__RAM_ACCOUNT_H_
#define _CORE__RAM_ACCOUNT_H_

#include <stdbool.h>
#include <stdint.h>

#include <base/slab.h>
#include <base/status.h>
#include <util/list.h>

#include "dataspace.h"

/*
 * The platform's physical memory: alloc obtains size bytes (a multiple of
 * DATASPACE_PAGE_SIZE) and stores their handle, or returns why not; free
 * takes back exactly what alloc produced. ctx is borrowed.
 */
struct ram_backing {
	status_t (*alloc)(void *ctx, uint64_t size, uint64_t *handle);
	void (*free)(void *ctx, uint64_t handle, uint64_t size);
	void *ctx;
	/*
	 * What the backing keeps in core for a dataspace of size beyond its
	 * memory (NULL: nothing); the owner's quota pays it with the size
	 */
	uint64_t (*meta)(uint64_t size);
};

struct ram_account;

/*
 * Told of every change of an account's quota (transfer, destroy), after
 * it happened: core bounds the memory of the account's process by it.
 */
typedef void (*ram_quota_watch_fn)(void *ctx, struct ram_account *acc);

/* the figures of all accounts together, for leak checks */
struct ram_bank {
	struct ram_backing backing;
	ram_quota_watch_fn watch; /* may be NULL */
	void *watch_ctx;          /* borrowed */
	uint64_t quota;           /* sum of the quota of all live accounts */
	uint64_t used;            /* sum of their used bytes */
	unsigned long ds_count;   /* dataspaces allocated */
	unsigned long accounts;   /* live accounts */
};

struct ram_account {
	struct ram_bank *bank;   /* borrowed */
	struct slab *meta;       /* borrowed: dataspace records */
	struct ram_account *ref; /* reference account or NULL */
	struct list members;     /* accounts whose ref is this one */
	struct list_elem member_elem;
	struct list dataspaces; /* struct ram_ds owned */
	uint64_t quota;
	uint64_t used;
	unsigned long ds_count;
};

/* a RAM dataspace; region maps attach its member ds */
struct ram_ds {
	struct dataspace ds;
	uint64_t charge; /* what the owner's quota pays: ds.size and the backing's meta */
	struct ram_account *owner;
	struct list_elem elem; /* in owner->dataspaces */
};

/* an empty bank; backing is copied, both callbacks are required */
status_t ram_bank_init(struct ram_bank *bank, const struct ram_backing *backing);

/* call watch (NULL: nobody) on every quota change of an account of bank */
void ram_bank_watch(struct ram_bank *bank, ram_quota_watch_fn watch, void *ctx);

/*
 * Make acc an account of bank with the given quota, no reference account
 * and no dataspaces. A quota other than 0 is meant for a root account only.
 * STATUS_INVALID_ARGS for a slab too small for struct ram_ds or a quota
 * that would overflow the bank's total.
 */
status_t ram_account_init(struct ram_account *acc, struct ram_bank *bank, struct slab *meta,
                          uint64_t quota);

/*
 * Reclaim everything of acc as described above; the platform's free is
 * called once per dataspace. acc may be initialised again afterwards.
 */
void ram_account_destroy(struct ram_account *acc);

/*
 * Name ref as the reference account of acc, once. STATUS_CONFLICT if acc
 * has one already, STATUS_INVALID_ARGS if ref is acc, belongs to another
 * bank or has acc as (transitive) reference (that would be a cycle).
 */
status_t ram_account_ref(struct ram_account *acc, struct ram_account *ref);

/*
 * Move amount of quota from one account to the other. STATUS_DENIED unless
 * one is the reference account of the other; STATUS_QUOTA_EXCEEDED if the
 * amount exceeds from's avail. Both are unchanged on failure.
 */
status_t ram_account_transfer(struct ram_account *from, struct ram_account *to, uint64_t amount);

/*
 * Allocate a dataspace of size bytes, rounded up to pages and charged to
 * acc, and store it at *ds (owned by acc). STATUS_INVALID_ARGS for size 0;
 * STATUS_QUOTA_EXCEEDED if the rounded size exceeds acc's avail;
 * STATUS_OUT_OF_MEMORY if the slab cannot hold the record; otherwise the
 * platform's refusal. On failure nothing is charged and *ds is untouched.
 */
status_t ram_account_alloc(struct ram_account *acc, uint64_t size, struct ram_ds **ds);

/*
 * Free ds through acc: detach it everywhere, give back its memory and its
 * charge. STATUS_INVALID_ARGS for NULL; STATUS_DENIED, with ds intact, if
 * acc is not its owner (Genode's ds_ownership rule).
 */
status_t ram_account_free(struct ram_account *acc, struct ram_ds *ds);

static inline uint64_t
ram_account_quota(const struct ram_account *acc)
{
	return acc->quota;
}

static inline uint64_t
ram_account_used(const struct ram_account *acc)
{
	return acc->used;
}

static inline uint64_t
ram_account_avail(const struct ram_account *acc)
{
	return acc->quota - acc->used;
}

static inline unsigned long
ram_account_ds_count(const struct ram_account *acc)
{
	return acc->ds_count;
}

/*
 * Verify acc's dataspaces against its used and count, and used against
 * quota, in O(n), for tests and debugging.
 */
bool ram_account_check(const struct ram_account *acc);

#endif /* _CORE__RAM_ACCOUNT_H_ */
