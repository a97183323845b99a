/*
 * \brief  The RPC functions of a core RAM session
 *
 * Every refusal is logged with the session's label and the amounts
 * involved: a component that runs out of quota learns how much it asked
 * for and how much was left, not just "quota exceeded".
 */

#include <base/log.h>
#include <ram_session/server.h>

#include "ram_session.h"

/* name the refusal, within the session's budget of lines (util/rate_limit.h) */
static void
alloc_refused(struct ram_session *s, status_t st, uint64_t size)
{
	if (!log_limit_admit(&s->refusals, s->label))
		return;
	if (st == STATUS_QUOTA_EXCEEDED)
		log_warning("RAM \"%s\": quota exceeded: requested %llu bytes, available %llu",
		            s->label, (unsigned long long)size,
		            (unsigned long long)ram_account_avail(&s->acc));
	else if (st == STATUS_OUT_OF_MEMORY && s->in_root)
		/* the records' budget, not the machine: an upgrade of the session cures it */
		log_warning(
		        "RAM \"%s\": allocation of %llu bytes refused: out of metadata, ram_quota "
		        "%llu (%llu used) pays for the records of %lu dataspaces",
		        s->label, (unsigned long long)size, (unsigned long long)s->base.quota,
		        (unsigned long long)s->base.used, ram_account_ds_count(&s->acc));
	else
		log_warning("RAM \"%s\": allocation of %llu bytes failed: %s (%lu dataspaces)",
		            s->label, (unsigned long long)size, status_name(st),
		            ram_account_ds_count(&s->acc));
}

static status_t
ram_alloc(void *ctx, struct rpc_call *call, uint64_t size, dataspace_cap_t *ds)
{
	(void)call;
	struct ram_session *s = ctx;
	struct ram_ds *r = 0;
	status_t st = ram_account_alloc(&s->acc, size, &r);
	if (st != STATUS_OK) {
		alloc_refused(s, st, size);
		return st;
	}
	struct core_ram_ds *d = (struct core_ram_ds *)r;
	st = ram_session_ds_serve(d);
	if (st != STATUS_OK) {
		(void)ram_account_free(&s->acc, r);
		return st;
	}
	*ds = d->ds.cap; /* BORROWED by the reply */
	return STATUS_OK;
}

/* ds is OWNED by the handler (received capability) */
static status_t
ram_free(void *ctx, struct rpc_call *call, dataspace_cap_t ds)
{
	(void)call;
	struct ram_session *s = ctx;
	struct core_ram_ds *d = ram_session_ds_lookup(cap_raw(ds));
	cap_close(cap_raw(ds));
	if (!d) {
		if (log_limit_admit(&s->refusals, s->label))
			log_warning("RAM \"%s\": free of an unknown dataspace", s->label);
		return STATUS_INVALID_ARGS;
	}
	if (d->ram.owner != &s->acc) {
		if (log_limit_admit(&s->refusals, s->label))
			log_warning("RAM \"%s\": free of a dataspace it does not own refused",
			            s->label);
		return STATUS_DENIED;
	}
	ram_session_ds_dissolve(d);
	return ram_account_free(&s->acc, &d->ram);
}

static status_t
ram_ref_account(void *ctx, struct rpc_call *call, ram_session_cap_t ref)
{
	(void)call;
	struct ram_session *s = ctx;
	struct ram_session *r = ram_session_lookup(cap_raw(ref));
	cap_close(cap_raw(ref));
	status_t st = r ? ram_account_ref(&s->acc, &r->acc) : STATUS_INVALID_ARGS;
	if (st != STATUS_OK && log_limit_admit(&s->refusals, s->label))
		log_warning("RAM \"%s\": ref_account to \"%s\" refused: %s", s->label,
		            r ? r->label : "<not a RAM session>", status_name(st));
	return st;
}

static status_t
ram_transfer_quota(void *ctx, struct rpc_call *call, ram_session_cap_t to, uint64_t amount)
{
	(void)call;
	struct ram_session *s = ctx;
	struct ram_session *t = ram_session_lookup(cap_raw(to));
	cap_close(cap_raw(to));
	status_t st = t ? ram_account_transfer(&s->acc, &t->acc, amount) : STATUS_INVALID_ARGS;
	if (st != STATUS_OK && log_limit_admit(&s->refusals, s->label))
		log_warning("RAM \"%s\": transfer of %llu bytes to \"%s\" refused: %s, "
		            "available %llu",
		            s->label, (unsigned long long)amount,
		            t ? t->label : "<not a RAM session>", status_name(st),
		            (unsigned long long)ram_account_avail(&s->acc));
	return st;
}

static status_t
ram_quota(void *ctx, struct rpc_call *call, uint64_t *quota)
{
	(void)call;
	*quota = ram_account_quota(&((struct ram_session *)ctx)->acc);
	return STATUS_OK;
}

static status_t
ram_used(void *ctx, struct rpc_call *call, uint64_t *used)
{
	(void)call;
	*used = ram_account_used(&((struct ram_session *)ctx)->acc);
	return STATUS_OK;
}

const struct ram_session_ops ram_session_ops = {
        .alloc = ram_alloc,
        .free = ram_free,
        .ref_account = ram_ref_account,
        .transfer_quota = ram_transfer_quota,
        .quota = ram_quota,
        .used = ram_used,
};
