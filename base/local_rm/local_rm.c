/*
 * \brief  The component's own address space as a region map: the
 *         attachments table and the walk over a dataspace's regions
 *
 * An attachment is populated by asking its dataspace, page-aligned offset
 * by offset, what backs it (dataspace resolve): each answer covers a run
 * of bytes shown by one backing, or a hole. Each run is mapped, each hole
 * made inaccessible, so one walk both populates and removes what core
 * detached meanwhile. Answers are clipped to the attachment, and a run
 * of 0 bytes ends the walk, so a hostile server cannot make us map
 * outside the reservation or loop forever.
 */

#include <base/internal/local_rm_platform.h>
#include <base/local_rm.h>
#include <base/lock.h>
#include <dataspace/client.h>
#include <rm_session/client.h>

enum { PAGE = 4096, PAGE_MASK = PAGE - 1 };

struct attachment {
	bool used;
	dataspace_cap_t ds; /* OWNED copy */
	uint64_t base;
	uint64_t size;
	uint64_t offset; /* of base within ds */
};

static struct attachment table[LOCAL_RM_ATTACHMENTS_MAX];
static struct lock table_lock = LOCK_INIT_UNLOCKED;

static uint64_t
page_round(uint64_t v)
{
	return (v + PAGE_MASK) & ~(uint64_t)PAGE_MASK;
}

static status_t
attachment_run(const struct attachment *a, uint64_t done, uint64_t *len)
{
	cap_t backing = cap_invalid();
	uint64_t backing_offset = 0;
	bool writable = false;
	status_t s = dataspace_resolve(a->ds, a->offset + done, &backing, &backing_offset, len,
	                               &writable);
	if (s != STATUS_OK)
		return s;
	/* the rest of the attachment is page-aligned: rounding cannot wrap */
	if (*len > a->size - done)
		*len = a->size - done;
	*len = page_round(*len);
	if (*len == 0)
		s = STATUS_PROTOCOL;
	else if (cap_valid(backing))
		s = local_rm_platform_map(a->base + done, *len, backing, backing_offset, writable);
	else
		s = local_rm_platform_clear(a->base + done, *len);
	cap_close(backing);
	return s;
}

/*
 * A dataspace that is gone (its server dissolved it, e.g. a closed RM
 * session) shows nothing any more: its whole view becomes inaccessible
 * rather than keeping stale memory. Gone is INVALID_CAP, or PEER_GONE when
 * the server dropped our channel while it was still finishing a call on
 * it (a dissolve racing the entrypoint: seen under load in the i386 VM);
 * both are reported as INVALID_CAP, the dataspace refers to nothing now.
 */
static status_t
attachment_sync(const struct attachment *a)
{
	for (uint64_t done = 0, len = 0; done < a->size; done += len) {
		status_t s = attachment_run(a, done, &len);
		if (s == STATUS_PEER_GONE)
			s = STATUS_INVALID_CAP;
		if (s == STATUS_INVALID_CAP)
			(void)local_rm_platform_clear(a->base, a->size);
		if (s != STATUS_OK)
			return s;
	}
	return STATUS_OK;
}

/* the page-rounded size of the attachment, as for an RM session's attach */
static status_t
attachment_size(dataspace_cap_t ds, uint64_t size, uint64_t offset, uint64_t *out)
{
	uint64_t ds_size = 0;
	status_t s = dataspace_size(ds, &ds_size);
	if (s != STATUS_OK)
		return s;
	ds_size = page_round(ds_size);
	if ((offset & PAGE_MASK) || offset >= ds_size)
		return STATUS_INVALID_ARGS;
	size = size ? page_round(size) : ds_size - offset;
	if (size == 0 || size > ds_size - offset)
		return STATUS_INVALID_ARGS;
	*out = size;
	return STATUS_OK;
}

static struct attachment *
slot_take(void)
{
	for (unsigned i = 0; i < LOCAL_RM_ATTACHMENTS_MAX; i++)
		if (!table[i].used) {
			table[i].used = true;
			return &table[i];
		}
	return 0;
}

static void
slot_release(struct attachment *a)
{
	local_rm_platform_release(a->base, a->size);
	cap_close(cap_raw(a->ds));
	a->used = false;
}

status_t
local_rm_attach(dataspace_cap_t ds, uint64_t size, uint64_t offset, bool use_local_addr,
                uintptr_t local_addr, void **addr)
{
	if (use_local_addr && (local_addr & PAGE_MASK))
		return STATUS_INVALID_ARGS;
	status_t s = attachment_size(ds, size, offset, &size);
	if (s != STATUS_OK)
		return s;
	uint64_t base = 0;
	s = local_rm_platform_reserve(size, use_local_addr, local_addr, &base);
	if (s != STATUS_OK)
		return s;
	lock_acquire(&table_lock);
	struct attachment *a = (s = local_rm_platform_fault_watch()) == STATUS_OK ? slot_take() : 0;
	if (!a) {
		lock_release(&table_lock);
		local_rm_platform_release(base, size);
		return s == STATUS_OK ? STATUS_OUT_OF_MEMORY : s;
	}
	cap_t copy = cap_invalid();
	s = cap_dup(cap_raw(ds), &copy);
	a->ds = CAP_TYPED(dataspace_cap_t, copy);
	a->base = base;
	a->size = size;
	a->offset = offset;
	if (s == STATUS_OK)
		s = attachment_sync(a);
	if (s != STATUS_OK)
		slot_release(a);
	lock_release(&table_lock);
	if (s == STATUS_OK)
		*addr = (void *)(uintptr_t)base;
	return s;
}

status_t
local_rm_detach(void *addr)
{
	status_t s = STATUS_NOT_FOUND;
	lock_acquire(&table_lock);
	for (unsigned i = 0; i < LOCAL_RM_ATTACHMENTS_MAX && s != STATUS_OK; i++) {
		if (table[i].used && table[i].base == (uintptr_t)addr) {
			slot_release(&table[i]);
			s = STATUS_OK;
		}
	}
	lock_release(&table_lock);
	return s;
}

status_t
local_rm_sync(void)
{
	status_t result = STATUS_OK;
	lock_acquire(&table_lock);
	for (unsigned i = 0; i < LOCAL_RM_ATTACHMENTS_MAX; i++) {
		status_t s = table[i].used ? attachment_sync(&table[i]) : STATUS_OK;
		if (result == STATUS_OK)
			result = s;
	}
	lock_release(&table_lock);
	return result;
}

/* the dataspace (a copy, OWNED by the caller) and offset that addr shows */
static status_t
attachment_find(uintptr_t addr, cap_t *ds, uint64_t *offset)
{
	status_t s = STATUS_NOT_FOUND;
	lock_acquire(&table_lock);
	for (unsigned i = 0; i < LOCAL_RM_ATTACHMENTS_MAX && s == STATUS_NOT_FOUND; i++) {
		const struct attachment *a = &table[i];
		if (a->used && (uint64_t)addr - a->base < a->size) {
			*offset = a->offset + (((uint64_t)addr - a->base) & ~(uint64_t)PAGE_MASK);
			s = cap_dup(cap_raw(a->ds), ds);
		}
	}
	lock_release(&table_lock);
	return s;
}

status_t
local_rm_fault(uintptr_t addr, bool write)
{
	cap_t ds = cap_invalid();
	uint64_t offset = 0;
	status_t s = attachment_find(addr, &ds, &offset);
	if (s != STATUS_OK)
		return s;
	/* waits without the lock: the resolver may attach or sync here meanwhile */
	s = dataspace_fault(CAP_TYPED(dataspace_cap_t, ds), offset, write);
	cap_close(ds);
	return s == STATUS_OK ? local_rm_sync() : s;
}

status_t
local_rm_sub_attach(rm_session_cap_t rm, dataspace_cap_t ds, uint64_t size, uint64_t offset,
                    bool use_local_addr, uint64_t local_addr, uint64_t *addr)
{
	status_t s = rm_session_attach(rm, ds, size, offset, use_local_addr, local_addr, addr);
	return s == STATUS_OK ? local_rm_sync() : s;
}

status_t
local_rm_sub_detach(rm_session_cap_t rm, uint64_t addr)
{
	status_t s = rm_session_detach(rm, addr);
	return s == STATUS_OK ? local_rm_sync() : s;
}
