/*
 * \brief  test-framebuffer: the input it receives, as log lines
 *
 * With hold_ms, the client does not flush at the first signal but that
 * long after it (a Timer timeout): a client that is slow to flush, so
 * that the server's queue fills and the overflow is dropped and named.
 */

#include <base/log.h>
#include <base/signal.h>
#include <dataspace/map.h>
#include <input_session/connection.h>
#include <timer_session/connection.h>

#include "test_framebuffer.h"

static input_session_cap_t input;              /* OWNED */
static const struct input_event *input_events; /* the session's buffer, mapped */
static timer_session_cap_t timer;              /* OWNED, with hold_ms only */
static uint64_t hold_ms;
static bool held; /* the hold began */

static const char *const type_names[] = {"invalid", "motion", "press", "release",
                                         "wheel",   "focus",  "leave"};

static void
input_report(const struct input_event *e)
{
	const char *type = e->type < 7 ? type_names[e->type] : "unknown";

	if (e->type == INPUT_EVENT_WHEEL)
		log_print("input: wheel %d,%d", (int)e->rx, (int)e->ry);
	else
		log_print("input: %s %u at %d,%d", type, e->code, (int)e->ax, (int)e->ay);
}

static void
input_flush(bool count_only)
{
	uint32_t count = 0;

	if (input_session_flush(input, &count) != STATUS_OK)
		return;
	if (count_only)
		log_print("input: %u events after the hold", count);
	for (uint32_t i = 0; !count_only && i < count && i < INPUT_EVENT_MAX; i++)
		input_report(&input_events[i]);
}

static void
input_handle(void *arg, unsigned num)
{
	(void)arg;
	(void)num;
	if (hold_ms && !held) {
		held = true;
		log_print("input held for %llu ms", (unsigned long long)hold_ms);
		(void)timer_session_trigger_once(timer, hold_ms * 1000);
		return;
	}
	input_flush(false);
}

static void
hold_end(void *arg, unsigned num)
{
	(void)arg;
	(void)num;
	input_flush(true);
}

/* the Timer for the hold; false (logged) if there is none */
static bool
hold_prepare(struct env *env)
{
	struct signal_context *ctx;
	status_t st = timer_connection_open(env_parent(env), &timer);

	if (st == STATUS_OK)
		st = signal_handler_create(env_ep(env), hold_end, 0, &ctx);
	if (st == STATUS_OK)
		st = timer_session_sigh(timer, signal_context_cap(ctx));
	if (st != STATUS_OK)
		log_error("no Timer for hold_ms: %s", status_name(st));
	return st == STATUS_OK;
}

bool
fb_test_input_open(struct env *env, uint64_t hold)
{
	struct signal_context *ctx;
	dataspace_cap_t ds;
	const char *addr;
	size_t size;

	hold_ms = hold;
	if (hold_ms && !hold_prepare(env))
		return false;
	status_t st = input_connection_open(env_parent(env), &input);
	if (st == STATUS_OK)
		st = input_session_dataspace(input, &ds);
	if (st == STATUS_OK)
		st = dataspace_map_readonly(ds, &addr, &size);
	if (st == STATUS_OK && size < INPUT_EVENT_MAX * sizeof(struct input_event))
		st = STATUS_PROTOCOL;
	if (st == STATUS_OK)
		st = signal_handler_create(env_ep(env), input_handle, 0, &ctx);
	if (st == STATUS_OK)
		st = input_session_sigh(input, signal_context_cap(ctx));
	if (st != STATUS_OK) {
		log_error("no Input session: %s", status_name(st));
		return false;
	}
	input_events = (const struct input_event *)(const void *)addr;
	return true;
}
