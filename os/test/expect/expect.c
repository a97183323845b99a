/*
 * \brief  Checks inside test components
 */

#include <base/log.h>
#include <test/expect.h>

static unsigned failures;

bool
test_expect(bool ok, const char *what, int line)
{
	if (!ok) {
		__atomic_fetch_add(&failures, 1, __ATOMIC_RELAXED);
		log_error("line %d: %s", line, what);
	}
	return ok;
}

bool
test_expect_status(status_t got, status_t want, const char *what, int line)
{
	if (got == want)
		return true;
	__atomic_fetch_add(&failures, 1, __ATOMIC_RELAXED);
	log_error("line %d: %s: got %s, want %s", line, what, status_name(got), status_name(want));
	return false;
}

unsigned
test_failures(void)
{
	return __atomic_load_n(&failures, __ATOMIC_RELAXED);
}
