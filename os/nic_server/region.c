/*
 * \brief  nic_server: a stream region, one RAM dataspace of ours mapped here
 *
 * Allocated from our RAM session after the session's budget was charged
 * with its size: the client's donation pays for it.
 */

#include <dataspace/map.h>
#include <ram_session/client.h>

#include "nic_server_internal.h"

status_t
nic_server_region_alloc(struct nic_server_region *r, uint64_t size)
{
	ram_session_cap_t ram = env_ram(nic_server.env);
	status_t st = ram_session_alloc(ram, size, &r->ds);

	if (st != STATUS_OK) {
		r->ds = CAP_TYPED_INVALID(dataspace_cap_t);
		return st;
	}
	st = dataspace_map_writable(r->ds, &r->base, &r->size);
	if (st == STATUS_OK)
		return STATUS_OK;
	(void)ram_session_free(ram, r->ds);
	cap_close(cap_raw(r->ds));
	r->ds = CAP_TYPED_INVALID(dataspace_cap_t);
	r->base = 0;
	return st;
}

void
nic_server_region_free(struct nic_server_region *r)
{
	if (!cap_valid(cap_raw(r->ds)))
		return;
	dataspace_unmap(r->base, r->size);
	(void)ram_session_free(env_ram(nic_server.env), r->ds);
	cap_close(cap_raw(r->ds));
	r->ds = CAP_TYPED_INVALID(dataspace_cap_t);
	r->base = 0;
}
