/*
 * \brief  bench-gui-client: full-screen frames through nitpicker
 *
 * One session of the screen's size and one view over all of it. Each
 * frame writes every pixel (a new colour), then stamps the first four
 * pixels (FRAME_MAGIC | pace, and CLOCK_MONOTONIC in us, 48 bits, right
 * before the refresh call) and refreshes the whole buffer. fb_sdl with
 * bench="yes" logs the first pixels of every refresh it pushed to X and
 * when; bench-gui pairs them: latency = pushed - stamp, for every frame
 * that reached the screen (nitpicker shows the newest of a period only).
 *
 * Two paces: "flood" pauses 1 ms between frames, so every period of
 * nitpicker has a new frame (the frame rate it can reach, and the
 * latency when the client is always ahead); "single" pauses 20-29 ms,
 * varied so that refreshes fall at every phase of nitpicker's period
 * (the latency of one refresh, waiting for the period included).
 */

#include <base/log.h>
#include <dataspace/map.h>
#include <framebuffer_session/client.h>
#include <nitpicker_session/connection.h>

#include "../../common/measure.h"
#include "client.h"

enum {
	FRAME_MAGIC = 0xb500, /* | pace: what bench-gui looks for in pixel 0 */
	PACE_FLOOD = 1,
	PACE_SINGLE = 2,
	PACE_MS = 3000, /* each pace */
};

struct full {
	nitpicker_session_cap_t s;    /* OWNED */
	framebuffer_session_cap_t fb; /* OWNED */
	nitpicker_view_cap_t view;    /* OWNED */
	uint16_t *px;
};

static bool
full_open(struct env *env, struct full *c)
{
	struct nitpicker_connection_args a = {
	        .fb_width = FRAME_W, .fb_height = FRAME_H, .views = 1};
	dataspace_cap_t ds;
	void *px = 0;
	size_t size = 0;

	if (nitpicker_connection_open(env_parent(env), &a, &c->s) != STATUS_OK ||
	    nitpicker_session_framebuffer(c->s, &c->fb) != STATUS_OK ||
	    framebuffer_session_dataspace(c->fb, &ds) != STATUS_OK ||
	    dataspace_map_writable(ds, &px, &size) != STATUS_OK || size < FRAME_W * FRAME_H * 2 ||
	    nitpicker_session_view_create(c->s, &c->view) != STATUS_OK ||
	    nitpicker_view_viewport(c->view, 0, 0, FRAME_W, FRAME_H, 0, 0, true) != STATUS_OK ||
	    nitpicker_view_stack(c->view, CAP_TYPED_INVALID(nitpicker_view_cap_t), true, true) !=
	            STATUS_OK)
		return false;
	c->px = px;
	log_print("bench-gui-client: full session %ux%u donation %lu", FRAME_W, FRAME_H,
	          nitpicker_connection_quota(&a));
	return true;
}

/* frame i: all pixels, then the stamp, then the refresh */
static bool
frame_show(struct full *c, unsigned pace, unsigned i)
{
	uint16_t color = (uint16_t)(i * 0x0841u + 0x1234u);

	for (unsigned p = 0; p < FRAME_W * FRAME_H; p++)
		c->px[p] = color;
	uint64_t us = bench_now_ns() / 1000;
	c->px[0] = (uint16_t)(FRAME_MAGIC | pace);
	c->px[1] = (uint16_t)(us >> 32);
	c->px[2] = (uint16_t)(us >> 16);
	c->px[3] = (uint16_t)us;
	return framebuffer_session_refresh(c->fb, 0, 0, FRAME_W, FRAME_H) == STATUS_OK;
}

static unsigned
pace_pause_ms(unsigned pace, unsigned i)
{
	/* 7 and 10 are coprime: the pauses visit every ms of nitpicker's 10 ms period */
	return pace == PACE_FLOOD ? 1 : 20 + (i * 7) % 10;
}

/* frames for PACE_MS; false on a failed refresh */
static bool
pace_run(struct full *c, unsigned pace, const char *name)
{
	uint64_t end = bench_now_ns() + (uint64_t)PACE_MS * 1000000u;
	unsigned i = 0;

	for (; bench_now_ns() < end; i++) {
		if (!frame_show(c, pace, i))
			return false;
		(void)timer_session_msleep(client_timer, pace_pause_ms(pace, i));
	}
	log_print("bench-gui-client: pace %s %u frames %u", name, pace, i);
	return true;
}

bool
frames_measure(struct env *env)
{
	static struct full c;

	if (!full_open(env, &c)) {
		log_error("bench-gui-client: full-screen session failed");
		return false;
	}
	client_snapshot("full");
	if (!pace_run(&c, PACE_FLOOD, "flood") || !pace_run(&c, PACE_SINGLE, "single")) {
		log_error("bench-gui-client: refresh failed");
		return false;
	}
	return true;
}
