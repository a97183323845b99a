/*
 * \brief  test-signal: Genode's signalling test for Genode/C
 *
 * Checks the promises of base/signal.h that a component relies on: the
 * count of submits is never lost nor doubled, however fast the sender
 * and slow the receiver; several contexts are told apart; signals wait
 * for a receiver that asks late, and receivers are independent;
 * dissolving a context with signals in flight is harmless; and an
 * entrypoint dispatches a context beside its RPC objects. Any failed
 * expectation ends the test with an "Error: " line and exit value -1.
 */

#include <stdarg.h>

#include <base/blockade.h>
#include <base/component.h>
#include <base/log.h>

#include "test_signal.h"

static struct env *the_env;

void
expect(bool ok, const char *fmt, ...)
{
	char text[LOG_LINE_MAX];
	va_list ap;

	if (ok)
		return;
	va_start(ap, fmt);
	format_vstring(text, sizeof(text), fmt, ap);
	va_end(ap);
	log_error("%s", text);
	env_exit(the_env, -1);
}

/* there is no timer service yet: a blockade nobody wakes times out */
void
sleep_ms(unsigned ms)
{
	struct blockade never = BLOCKADE_INIT;

	blockade_block(&never, (uint64_t)ms * 1000u);
}

struct thread *
spawn(const char *name, thread_entry_t entry, void *arg)
{
	struct thread *t = NULL;
	status_t st = thread_create(name, 0, entry, arg, &t);

	if (st == STATUS_OK)
		st = thread_start(t);
	expect(st == STATUS_OK, "cannot start thread %s: %s", name, status_name(st));
	return t;
}

struct signal
wait_signal(struct signal_receiver *r, const char *what)
{
	struct signal s = {0};
	status_t st = signal_receiver_wait_timeout(r, 5000000, &s);

	expect(st == STATUS_OK, "%s: no signal within 5 s (%s)", what, status_name(st));
	return s;
}

bool
quiet_for(struct signal_receiver *r, unsigned ms)
{
	struct signal s;

	return signal_receiver_wait_timeout(r, (uint64_t)ms * 1000u, &s) == STATUS_TIMEOUT;
}

void
component_construct(struct env *env)
{
	the_env = env;
	log_print("--- Signalling test ---");
	test_fast_sender_slow_handler();
	test_several_handlers();
	test_stress();
	test_lazy_out_of_order();
	test_context_management();
	test_entrypoint_handler();
	log_print("--- Signalling test finished ---");
	env_exit(env, 0);
}
