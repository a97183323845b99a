/*
 * \brief  A dataspace served by an entrypoint
 */

#include <dataspace/object.h>
#include <dataspace/server.h>

static status_t
ds_size(void *ctx, struct rpc_call *call, uint64_t *size)
{
	(void)call;
	*size = ((struct dataspace_object *)ctx)->size;
	return STATUS_OK;
}

static status_t
ds_writable(void *ctx, struct rpc_call *call, bool *writable)
{
	(void)call;
	*writable = ((struct dataspace_object *)ctx)->writable;
	return STATUS_OK;
}

/* the reply BORROWS the backing: the client gets a copy, we keep ours */
static status_t
ds_map_handle(void *ctx, struct rpc_call *call, cap_t *backing)
{
	(void)call;
	*backing = ((struct dataspace_object *)ctx)->backing;
	return STATUS_OK;
}

/* a plain dataspace is its own backing, from offset to its end */
static status_t
ds_resolve(void *ctx, struct rpc_call *call, uint64_t offset, cap_t *backing,
           uint64_t *backing_offset, uint64_t *size, bool *writable)
{
	(void)call;
	const struct dataspace_object *ds = ctx;
	if ((offset & (DATASPACE_OBJECT_PAGE - 1)) || offset >= ds->size)
		return STATUS_INVALID_ARGS;
	*backing = ds->backing; /* BORROWED by the reply, as in map_handle */
	*backing_offset = offset;
	*size = ds->size - offset;
	*writable = ds->writable;
	return STATUS_OK;
}

static const struct dataspace_ops ds_ops = {
        .size = ds_size,
        .writable = ds_writable,
        .map_handle = ds_map_handle,
        .resolve = ds_resolve,
};

status_t
dataspace_object_serve(struct dataspace_object *ds, struct entrypoint *ep, uint64_t size,
                       cap_t backing, bool writable)
{
	ds->rpc = (struct rpc_object){0};
	ds->size = size;
	ds->writable = writable;
	ds->owns_backing = false;
	ds->backing = backing;
	return dataspace_manage(ep, &ds->rpc, &ds_ops, ds, &ds->cap);
}

status_t
dataspace_object_init(struct dataspace_object *ds, struct entrypoint *ep, uint64_t size,
                      cap_t backing)
{
	status_t s = dataspace_object_serve(ds, ep, size, backing, false);
	if (s != STATUS_OK)
		cap_close(backing);
	ds->owns_backing = s == STATUS_OK;
	return s;
}

void
dataspace_object_destroy(struct dataspace_object *ds, struct entrypoint *ep)
{
	entrypoint_dissolve(ep, &ds->rpc);
	cap_close(cap_raw(ds->cap));
	if (ds->owns_backing)
		cap_close(ds->backing);
	ds->cap = CAP_TYPED_INVALID(dataspace_cap_t);
	ds->backing = cap_invalid();
}
