/*
 * \brief  core's RAM service as seen by core's start-up and init's parent
 *
 * core owns the machine's RAM as the root account of one bank. At boot it
 * keeps a reserve for itself and gives the rest to init's environment RAM
 * session. Session donations of init (ram_quota of every session init
 * opens at core, for itself or a child) move from init's account to core's
 * and back when the session closes, so what core keeps for a client is
 * paid by that client.
 */

#ifndef _CORE__RAM_SERVICE_H_
#define _CORE__RAM_SERVICE_H_

#include <stdint.h>

#include <base/entrypoint.h>
#include <base/status.h>

/* core's reserve: what core keeps of the RAM for its own metadata */
enum { CORE_RAM_RESERVE = 1024 * 1024 };

/*
 * Set up the bank with ram_size bytes, core's account, and init's RAM
 * session holding all but CORE_RAM_RESERVE; logs what init got.
 * STATUS_INVALID_ARGS if ram_size is not above the reserve.
 */
status_t core_ram_service_init(struct entrypoint *ep, uint64_t ram_size);

/* init's environment RAM session, BORROWED from core */
cap_t core_ram_init_session(void);

/*
 * Take a session donation of amount bytes from init's account into
 * core's. STATUS_QUOTA_EXCEEDED (with *avail set to init's avail) if init
 * cannot pay.
 */
status_t core_ram_donation_take(uint64_t amount, uint64_t *avail);

/* give a donation back to init when its session closes */
void core_ram_donation_return(uint64_t amount);

/*
 * Move amount bytes from payer (BORROWED), a RAM session whose reference
 * account is init's, to init's account: the quota of a request init
 * forwards for the child that owns payer (init_parent.c).
 * STATUS_DENIED if payer is no such session, STATUS_QUOTA_EXCEEDED (with
 * *avail set to payer's avail) if it cannot pay.
 */
status_t core_ram_payer_take(cap_t payer, uint64_t amount, uint64_t *avail);

/* move amount bytes of init's account to payer (BORROWED), as just above */
status_t core_ram_payer_give(cap_t payer, uint64_t amount);

/*
 * Hold the memory limits of the processes whose quota changes until
 * core_ram_limits_release, which sets each of them once: a child's
 * donation riding in init's request passes through init's account on its
 * way to core's (or back), and would otherwise set init's limit twice, a
 * system call per file of the limit each time, for one net change.
 */
void core_ram_limits_hold(void);
void core_ram_limits_release(void);

/*
 * The quota of the RAM session ram (BORROWED) is to bound the memory of a
 * process about to start for PD label: *quota is its quota now.
 * STATUS_DENIED if ram is no RAM session of core, STATUS_CONFLICT if it
 * bounds a process already (one process per session, or a parent could
 * give one quota to many); both logged.
 */
status_t core_ram_bind_check(cap_t ram, const char *label, uint64_t *quota);

/* from now on the quota of ram (checked just before) bounds process pd */
void core_ram_bind(cap_t ram, unsigned pd);

/* process pd is gone: no session bounds it any more */
void core_ram_unbind(unsigned pd);

/* init's environment RAM session: its quota, and its process */
uint64_t core_ram_init_quota(void);
void core_ram_init_bind(unsigned pd);

/* log the figures of the bank and of every RAM session */
void core_ram_report(void);

struct core_ram_totals {
	uint64_t used;
	unsigned long ds_count, accounts;
};

/* the bank's figures, for core's accounting summary */
void core_ram_totals(struct core_ram_totals *t);

/* close init's environment session and every session left: core's exit */
void core_ram_reclaim_all(void);

#endif /* _CORE__RAM_SERVICE_H_ */
