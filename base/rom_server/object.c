/*
 * \brief  A ROM session served by an entrypoint
 */

#include <rom_session/object.h>
#include <rom_session/server.h>

/* the reply BORROWS the dataspace capability: the session keeps its own */
static status_t
rom_dataspace(void *ctx, struct rpc_call *call, dataspace_cap_t *ds)
{
	(void)call;
	*ds = ((struct rom_session_object *)ctx)->ds.cap;
	return STATUS_OK;
}

static const struct rom_session_ops rom_ops = {.dataspace = rom_dataspace};

status_t
rom_session_object_init(struct rom_session_object *rom, struct entrypoint *ep, uint64_t size,
                        cap_t backing)
{
	rom->rpc = (struct rpc_object){0};
	status_t s = dataspace_object_init(&rom->ds, ep, size, backing);
	if (s != STATUS_OK)
		return s;
	s = rom_session_manage(ep, &rom->rpc, &rom_ops, rom, &rom->cap);
	if (s != STATUS_OK)
		dataspace_object_destroy(&rom->ds, ep);
	return s;
}

void
rom_session_object_destroy(struct rom_session_object *rom, struct entrypoint *ep)
{
	entrypoint_dissolve(ep, &rom->rpc);
	cap_close(cap_raw(rom->cap));
	rom->cap = CAP_TYPED_INVALID(rom_session_cap_t);
	dataspace_object_destroy(&rom->ds, ep);
}
