/*
 * \brief  test-hostile-memory: RAM dataspaces kept, grown, sealed, punched
 *
 * A dataspace's memory must be gone for everyone once it is freed, or its
 * RAM session closed, although a client kept its mapping and descriptor:
 * 8 rounds of half the quota each are 4 x the quota kept otherwise. A
 * dataspace's memfd must neither grow (write past the end), nor take
 * seals of a client, nor lose pages to another client (MADV_REMOVE).
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <base/log.h>
#include <dataspace/client.h>
#include <dataspace/map.h>
#include <parent/client.h>
#include <ram_session/connection.h>
#include <timer_session/connection.h>
#include <util/format.h>

#include "hostile.h"

enum { ROUNDS = 8, PAGE = 4096, PAUSE_MS = 3000 };

/* a touched dataspace of size bytes from ram: its mapping and capability */
static bool
ds_take(ram_session_cap_t ram, size_t size, dataspace_cap_t *ds, char **addr)
{
	size_t mapped = 0;
	void *p = 0;
	if (ram_session_alloc(ram, size, ds) != STATUS_OK)
		return false;
	if (dataspace_map_writable(*ds, &p, &mapped) != STATUS_OK) {
		(void)ram_session_free(ram, *ds);
		cap_close(cap_raw(*ds));
		return false;
	}
	memset(p, 0x5a, mapped);
	*addr = p;
	return true;
}

/* half the quota, in pages, freed each round; every mapping kept */
static void
kept_after_free(struct env *env)
{
	ram_session_cap_t ram = env_ram(env);
	size_t size = (hostile_target(env) / 8) & ~(size_t)(PAGE - 1);
	uint64_t used0 = 0, used1 = 0;
	(void)ram_session_used(ram, &used0);
	unsigned kept = 0, faulted = 0;
	for (unsigned i = 0; i < ROUNDS; i++) {
		dataspace_cap_t ds;
		char *addr;
		if (!ds_take(ram, size, &ds, &addr))
			break;
		(void)ram_session_free(ram, ds);
		cap_close(cap_raw(ds));
		kept++;
		faulted += hostile_write_faults(addr);
	}
	(void)ram_session_used(ram, &used1);
	char detail[96];
	format_string(detail, sizeof(detail),
	              "%u of %u mappings of %zu bytes fault, used %llu -> %llu", faulted, kept,
	              size, (unsigned long long)used0, (unsigned long long)used1);
	hostile_attempt("RAM dataspace kept mapped after free", kept == ROUNDS && faulted == kept,
	                detail);
}

/* a RAM session of our own with quota from ours, closed with a dataspace mapped */
static bool
closed_round(struct env *env, size_t size, char **addr)
{
	ram_session_cap_t ram;
	dataspace_cap_t ds;
	if (ram_connection_open(env_parent(env), &ram) != STATUS_OK)
		return false;
	bool ok = ram_session_ref_account(ram, env_ram(env)) == STATUS_OK &&
	          ram_session_transfer_quota(env_ram(env), ram, size) == STATUS_OK &&
	          ds_take(ram, size, &ds, addr);
	if (ok)
		cap_close(cap_raw(ds));
	(void)parent_close(env_parent(env), cap_raw(ram));
	cap_close(cap_raw(ram));
	return ok;
}

static void
kept_after_close(struct env *env)
{
	size_t size = (hostile_target(env) / 8) & ~(size_t)(PAGE - 1);
	unsigned kept = 0, faulted = 0;
	for (unsigned i = 0; i < ROUNDS; i++) {
		char *addr;
		if (!closed_round(env, size, &addr))
			break;
		kept++;
		faulted += hostile_write_faults(addr);
	}
	char detail[64];
	format_string(detail, sizeof(detail), "%u of %u mappings of %zu bytes fault", faulted, kept,
	              size);
	hostile_attempt("RAM dataspace kept mapped after its session closed",
	                kept == ROUNDS && faulted == kept, detail);
}

/* the memfd of a fresh dataspace, mapped too; -1 if none */
static int
ds_memfd(struct env *env, dataspace_cap_t *ds, char **addr)
{
	cap_t backing = cap_invalid();
	if (!ds_take(env_ram(env), PAGE * 4, ds, addr))
		return -1;
	if (dataspace_map_handle(*ds, &backing) != STATUS_OK)
		return -1;
	return (int)backing.sel;
}

static void
memfd_attacks(struct env *env)
{
	dataspace_cap_t ds;
	char *addr;
	int fd = ds_memfd(env, &ds, &addr);
	if (fd < 0) {
		hostile_attempt("getting a dataspace's memfd", false, "no dataspace");
		return;
	}
	/* from offset 0: the kernel writes the 4 pages it has, then refuses or grows */
	static char big[PAGE * 8];
	memset(big, 0x5a, sizeof(big)); /* what ds_take wrote: MADV_REMOVE's check below */
	ssize_t n = write(fd, big, sizeof(big));
	struct stat st;
	bool grown = fstat(fd, &st) != 0 || st.st_size != PAGE * 4;
	char detail[64];
	format_string(detail, sizeof(detail), "wrote %zd of %zu bytes, size %lld", n, sizeof(big),
	              (long long)st.st_size);
	hostile_attempt("writing past the end of a dataspace's memfd", !grown, detail);
	/* F_SEAL_SHRINK would stop core's truncation at the free */
	int r = fcntl(fd, F_ADD_SEALS, F_SEAL_SHRINK);
	hostile_attempt("sealing a dataspace's memfd (F_SEAL_SHRINK)", r < 0,
	                r < 0 ? strerror(errno) : "sealed");
	r = fcntl(fd, F_SETSIG, 9);
	hostile_attempt("fcntl F_SETSIG (outside the allowlist)", r < 0,
	                r < 0 ? strerror(errno) : "accepted");
	r = madvise(addr, PAGE * 4, MADV_REMOVE);
	bool kept = ((volatile char *)addr)[0] == 0x5a;
	hostile_attempt("madvise(MADV_REMOVE) on a dataspace", r < 0 && kept,
	                r < 0 ? strerror(errno) : "pages punched out");
	r = madvise(addr, PAGE * 4, MADV_MERGEABLE);
	hostile_attempt("madvise(MADV_MERGEABLE)", r < 0, r < 0 ? strerror(errno) : "accepted");
	close(fd);
	(void)ram_session_free(env_ram(env), ds);
	cap_close(cap_raw(ds));
}

void
hostile_dataspaces(struct env *env)
{
	kept_after_free(env);
	kept_after_close(env);
	memfd_attacks(env);
}

/*
 * The run script asks core for its report while we pause (3 s: the script
 * reacts to our line within milliseconds even on a loaded machine, and it
 * checks that the report came between our two lines, so a late one fails
 * the test rather than passing it wrongly).
 */
void
hostile_figures(struct env *env)
{
	timer_session_cap_t timer;
	if (timer_connection_open(env_parent(env), &timer) != STATUS_OK) {
		log_error("no Timer session");
		return;
	}
	size_t size = (hostile_target(env) / 8) & ~(size_t)(PAGE - 1);
	dataspace_cap_t ds;
	char *addr;
	if (!ds_take(env_ram(env), size, &ds, &addr)) {
		log_error("no dataspace of %zu bytes", size);
		return;
	}
	log_print("memory: holding %zu bytes", size);
	(void)timer_session_msleep(timer, PAUSE_MS);
	(void)ram_session_free(env_ram(env), ds);
	cap_close(cap_raw(ds));
	log_print("memory: freed %zu bytes", size);
	(void)timer_session_msleep(timer, PAUSE_MS);
	log_print("memory: figures done");
	timer_connection_close(env_parent(env), timer);
}
