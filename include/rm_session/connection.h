/*
 * \brief  Opening an RM session through the parent
 */

#ifndef _INCLUDE__RM_SESSION__CONNECTION_H_
#define _INCLUDE__RM_SESSION__CONNECTION_H_

#include <parent/client.h>
#include <rm_session/client.h>
#include <util/format.h>

enum {
	RM_SESSION_ARGS_MAX = 96,
	/*
	 * What a client donates by default: core's session record (about 1K)
	 * and chunks of 4K of region records (about 28 records each; a region
	 * takes one, plus up to two for the free space around it).
	 */
	RM_SESSION_RAM_QUOTA = 16 * 1024,
	/* the environment's session: the record and one chunk */
	RM_SESSION_ENV_RAM_QUOTA = 8 * 1024,
};

/* the range of the environment's session: 1 GiB from 0 */
#define RM_DEFAULT_RANGE (1ULL << 30)

/*
 * Open a region map of [start, start + size), both page-aligned, paying
 * ram_quota; *rm is OWNED by the caller.
 */
static inline status_t
rm_connection_open(parent_cap_t parent, uint64_t start, uint64_t size, uint64_t ram_quota,
                   rm_session_cap_t *rm)
{
	char args[RM_SESSION_ARGS_MAX];
	cap_t raw = cap_invalid();
	format_string(args, sizeof(args), "ram_quota=%llu, start=0x%llx, size=0x%llx",
	              (unsigned long long)ram_quota, (unsigned long long)start,
	              (unsigned long long)size);
	status_t s = parent_session(parent, "RM", args, &raw);
	*rm = CAP_TYPED(rm_session_cap_t, raw);
	return s;
}

/* Genode's attach_at: ds (BORROWED) from offset at addr */
static inline status_t
rm_session_attach_at(rm_session_cap_t rm, dataspace_cap_t ds, uint64_t addr, uint64_t size,
                     uint64_t offset)
{
	uint64_t got = 0;
	return rm_session_attach(rm, ds, size, offset, true, addr, &got);
}

#endif /* _INCLUDE__RM_SESSION__CONNECTION_H_ */
