/*
 * \brief  lwIP's mailboxes: a ring of message pointers
 *
 * The ring comes from lwIP's own heap (mem_malloc), so a mailbox costs
 * what lwIP's MEM_SIZE budget allows and nothing outside it. "slots"
 * counts free places, "messages" waiting messages: a poster waits on the
 * first, a fetcher on the second, and the lock only guards the indices.
 */

#include <lwip/mem.h>
#include <lwip/sys.h>

#include "lwip_sys.h"

err_t
sys_mbox_new(sys_mbox_t *mbox, int size)
{
	if (size <= 0)
		size = 16; /* lwIP passes 0 where its options give no size */
	mbox->ring = mem_malloc((mem_size_t)((size_t)size * sizeof(void *)));
	if (!mbox->ring)
		return ERR_MEM;
	lock_init(&mbox->lock, false);
	semaphore_init(&mbox->messages, 0);
	semaphore_init(&mbox->slots, (unsigned)size);
	mbox->size = (unsigned)size;
	mbox->head = mbox->count = 0;
	return ERR_OK;
}

/* lwIP frees a mailbox only when nobody waits on it and it is empty */
void
sys_mbox_free(sys_mbox_t *mbox)
{
	mem_free(mbox->ring);
	mbox->ring = NULL;
}

/* a slot is ours: put msg into it */
static void
mbox_put(sys_mbox_t *mbox, void *msg)
{
	lock_acquire(&mbox->lock);
	mbox->ring[(mbox->head + mbox->count) % mbox->size] = msg;
	mbox->count++;
	lock_release(&mbox->lock);
	semaphore_up(&mbox->messages);
}

/* a message is ours: take it out */
static void *
mbox_take(sys_mbox_t *mbox)
{
	lock_acquire(&mbox->lock);
	void *msg = mbox->ring[mbox->head];
	mbox->head = (mbox->head + 1) % mbox->size;
	mbox->count--;
	lock_release(&mbox->lock);
	semaphore_up(&mbox->slots);
	return msg;
}

void
sys_mbox_post(sys_mbox_t *mbox, void *msg)
{
	semaphore_down(&mbox->slots);
	mbox_put(mbox, msg);
}

err_t
sys_mbox_trypost(sys_mbox_t *mbox, void *msg)
{
	if (!semaphore_try_down(&mbox->slots))
		return ERR_MEM;
	mbox_put(mbox, msg);
	return ERR_OK;
}

err_t
sys_mbox_trypost_fromisr(sys_mbox_t *mbox, void *msg)
{
	return sys_mbox_trypost(mbox, msg);
}

u32_t
sys_arch_mbox_fetch(sys_mbox_t *mbox, void **msg, u32_t timeout_ms)
{
	if (lwip_sys_wait(&mbox->messages, timeout_ms) == SYS_ARCH_TIMEOUT)
		return SYS_ARCH_TIMEOUT;
	void *m = mbox_take(mbox);
	if (msg)
		*msg = m;
	return 0;
}

u32_t
sys_arch_mbox_tryfetch(sys_mbox_t *mbox, void **msg)
{
	if (!semaphore_try_down(&mbox->messages))
		return SYS_MBOX_EMPTY;
	void *m = mbox_take(mbox);
	if (msg)
		*msg = m;
	return 0;
}
