/*
 * \brief  Unit test: core's generic upgrade dispatch and the upgrade-args parser
 *
 * Two stand-in services, each knowing one session (by selector), replace
 * core's service table: core_session_upgrade must reach the one that owns
 * the session (restricted to the named service if one is given), credit
 * the amount there exactly once and refuse an unknown session with
 * STATUS_NOT_FOUND. session_upgrade_amount must parse sizes with suffixes
 * and refuse whatever is malformed or lacks ram_quota.
 */

#include <stdio.h>
#include <string.h>

#include <root/session_args.h>

#include "../../../core/core_service.h"
#include "../../../core/platform.h"
#include "../../harness/harness.h"

struct fake {
	long sel; /* the one session the service knows */
	uint64_t credited;
	unsigned calls;
};

static struct fake fake_log = {.sel = 11}, fake_rm = {.sel = 22};

static bool
fake_upgrade(struct fake *f, cap_t session, uint64_t amount)
{
	f->calls++;
	if (session.sel != f->sel)
		return false;
	f->credited += amount;
	return true;
}

static bool
log_upgrade(cap_t session, uint64_t amount)
{
	return fake_upgrade(&fake_log, session, amount);
}

static bool
rm_upgrade(cap_t session, uint64_t amount)
{
	return fake_upgrade(&fake_rm, session, amount);
}

static struct core_service svc_log = {.name = "LOG", .upgrade = log_upgrade};
static struct core_service svc_rm = {.name = "RM", .upgrade = rm_upgrade};
/* a service without an upgrade op (as SIGNAL may be first) is skipped, not called */
static struct core_service svc_plain = {.name = "PLAIN"};

/* replaces core's own table (core/main.c), which this test does not link */
struct core_service *core_services[] = {&svc_plain, &svc_log, &svc_rm, 0};

/* core's log lines end here; the last one is kept to check the refusal messages */
static char last_line[512];

void
platform_console_write(const char *text, size_t len)
{
	fwrite(text, 1, len, stderr);
	if (len >= sizeof(last_line))
		len = sizeof(last_line) - 1;
	memcpy(last_line, text, len);
	last_line[len] = 0;
}

static cap_t
sel(long s)
{
	cap_t c = {s};
	return c;
}

static void
reset(void)
{
	fake_log.credited = fake_rm.credited = 0;
	fake_log.calls = fake_rm.calls = 0;
}

static void
dispatch_to_owner(void)
{
	reset();
	CHECK_EQ(core_session_upgrade(0, sel(22), 8192, "t"), STATUS_OK);
	CHECK_EQ(fake_rm.credited, 8192);
	CHECK_EQ(fake_log.credited, 0);
	CHECK_EQ(core_session_upgrade(0, sel(11), 4096, "t"), STATUS_OK);
	CHECK_EQ(core_session_upgrade(0, sel(11), 4096, "t"), STATUS_OK);
	CHECK_EQ(fake_log.credited, 8192);
	CHECK_EQ(fake_rm.credited, 8192);
}

static void
named_service_only(void)
{
	reset();
	CHECK_EQ(core_session_upgrade("RM", sel(22), 100, "t"), STATUS_OK);
	CHECK_EQ(fake_log.calls, 0);
	/* the LOG session named as RM: not found, nothing credited anywhere */
	CHECK_EQ(core_session_upgrade("RM", sel(11), 100, "t"), STATUS_NOT_FOUND);
	CHECK_EQ(fake_log.credited, 0);
	CHECK_EQ(fake_rm.credited, 100);
	CHECK_EQ(core_session_upgrade("NOPE", sel(22), 100, "t"), STATUS_NOT_FOUND);
	CHECK_EQ(fake_rm.credited, 100);
}

static void
unknown_session(void)
{
	reset();
	CHECK_EQ(core_session_upgrade(0, sel(33), 4096, "t"), STATUS_NOT_FOUND);
	CHECK(strstr(last_line, "upgrade of any session for \"t\" denied"));
	CHECK_EQ(core_session_upgrade("RM", sel(33), 4096, "lbl"), STATUS_NOT_FOUND);
	CHECK(strstr(last_line, "upgrade of RM session for \"lbl\" denied"));
	CHECK_EQ(core_session_upgrade(0, cap_invalid(), 4096, "t"), STATUS_NOT_FOUND);
	CHECK_EQ(fake_log.credited + fake_rm.credited, 0);
	CHECK_EQ(fake_log.calls, 2);
	CHECK_EQ(fake_rm.calls, 3);
}

static void
amount_parsed(void)
{
	uint64_t n = 1;
	CHECK_EQ(session_upgrade_amount("LOG", "ram_quota=4K", "t", &n), STATUS_OK);
	CHECK_EQ(n, 4096);
	CHECK_EQ(session_upgrade_amount("LOG", "ram_quota=123", "t", &n), STATUS_OK);
	CHECK_EQ(n, 123);
	CHECK_EQ(session_upgrade_amount("LOG", "label=\"x\", ram_quota=2M", "t", &n), STATUS_OK);
	CHECK_EQ(n, 2 << 20);
	CHECK_EQ(session_upgrade_amount("LOG", "ram_quota=0", "t", &n), STATUS_OK);
	CHECK_EQ(n, 0);
}

static void
amount_malformed(void)
{
	static const char *const bad[] = {
	        "",
	        "label=\"x\"",
	        "ram_quota=lots",
	        "ram_quota=-1",
	        "ram_quota=\"4K",
	        "ram_quota=",
	        "ram_quota=99999999999999999999",
	        "ram_quota=4X",
	};
	for (unsigned i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		uint64_t n = 7;
		CHECK_EQ(session_upgrade_amount("LOG", bad[i], "t", &n), STATUS_INVALID_ARGS);
		CHECK(strstr(last_line, "upgrade of LOG session \"t\""));
		CHECK_EQ(n, 0);
	}
}

TEST_MAIN(TEST_CASE(dispatch_to_owner), TEST_CASE(named_service_only), TEST_CASE(unknown_session),
          TEST_CASE(amount_parsed), TEST_CASE(amount_malformed))
