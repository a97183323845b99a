/*
 * \brief  test-session_loop: one cycle of sessions at core and at a child server
 *
 * LOG, ROM, RAM and CPU go through init to core; Timer goes through init
 * to the timer child, so the donation travels client -> init -> server
 * and back. Each session is used (a log line every hundredth cycle, the
 * ROM's dataspace, a RAM dataspace allocated and freed, a registered
 * thread, the elapsed time), so that what a session holds beyond its
 * existence is exercised too.
 */

#include <log_session/connection.h>
#include <parent/client.h>
#include <ram_session/connection.h>
#include <rom_session/connection.h>
#include <cpu_session/connection.h>
#include <test/expect.h>
#include <timer_session/connection.h>

#include "session_loop.h"

enum { KINDS = 5, RAM_GIFT = 16 * 1024, RAM_ALLOC = 4096 };

static void
session_close(struct env *env, cap_t session)
{
	EXPECT_OK(parent_close(env_parent(env), session));
	cap_close(session);
}

/* a line through the new session every hundredth cycle keeps the log short */
static void
use_log(log_session_cap_t log, unsigned n)
{
	uint32_t written = 0;
	if (n % 100 == 0)
		EXPECT_OK(log_session_write(log, "a line through a LOG session of the loop",
		                            &written));
}

static void
use_rom(rom_session_cap_t rom)
{
	dataspace_cap_t ds = CAP_TYPED_INVALID(dataspace_cap_t);
	if (EXPECT_OK(rom_session_dataspace(rom, &ds)))
		cap_close(cap_raw(ds));
}

/* quota from our own account, a dataspace, and all of it back at the close */
static void
use_ram(struct env *env, ram_session_cap_t ram)
{
	dataspace_cap_t ds = CAP_TYPED_INVALID(dataspace_cap_t);
	EXPECT_OK(ram_session_ref_account(ram, env_ram(env)));
	EXPECT_OK(ram_session_transfer_quota(env_ram(env), ram, RAM_GIFT));
	if (EXPECT_OK(ram_session_alloc(ram, RAM_ALLOC, &ds))) {
		EXPECT_OK(ram_session_free(ram, ds));
		cap_close(cap_raw(ds));
	}
}

static void
use_cpu(cpu_session_cap_t cpu)
{
	cpu_thread_cap_t thread;
	if (EXPECT_OK(cpu_session_create_thread(cpu, "loop", &thread)))
		EXPECT_OK(cpu_session_kill_thread(cpu, thread));
	cap_close(cap_raw(thread));
}

static void
use_timer(timer_session_cap_t timer)
{
	uint64_t ms = 0;
	EXPECT_OK(timer_session_elapsed_ms(timer, &ms));
}

/* open and use session kind k; its capability in *cap, invalid on failure */
static void
open_one(struct env *env, unsigned n, unsigned k, cap_t *cap)
{
	parent_cap_t p = env_parent(env);
	log_session_cap_t log;
	rom_session_cap_t rom;
	ram_session_cap_t ram;
	cpu_session_cap_t cpu;
	timer_session_cap_t timer;
	*cap = cap_invalid();
	if (k == 0 && EXPECT_OK(log_connection_open(p, &log)))
		use_log(log, n), *cap = cap_raw(log);
	if (k == 1 && EXPECT_OK(rom_connection_open(p, "timer", &rom)))
		use_rom(rom), *cap = cap_raw(rom);
	if (k == 2 && EXPECT_OK(ram_connection_open(p, &ram)))
		use_ram(env, ram), *cap = cap_raw(ram);
	if (k == 3 && EXPECT_OK(cpu_connection_open(p, 0, &cpu)))
		use_cpu(cpu), *cap = cap_raw(cpu);
	if (k == 4 && EXPECT_OK(timer_connection_open(p, &timer)))
		use_timer(timer), *cap = cap_raw(timer);
}

void
session_loop_cycle(struct env *env, unsigned n, bool leak)
{
	cap_t caps[KINDS];
	/* all five open at once, opened and closed in a rotating order */
	for (unsigned i = 0; i < KINDS; i++)
		open_one(env, n, (n + i) % KINDS, &caps[(n + i) % KINDS]);
	for (unsigned i = 0; i < KINDS; i++) {
		unsigned k = (n + 2 * i) % KINDS;
		if (leak && k == 0)
			continue;
		if (cap_valid(caps[k]))
			session_close(env, caps[k]);
	}
}
