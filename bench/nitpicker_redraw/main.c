/*
 * \brief  nitpicker's redraw of the whole screen, beside a plain copy of it
 *
 * What a client's full-screen refresh costs nitpicker's core (the driver's
 * own blit to the window comes on top, in both cases): 1024x768 RGB565,
 * one full-screen opaque view; three overlapping windows; the same in
 * X-ray mode (tint, frames, bars; no font). The baseline is a memcpy of
 * the screen, the least any compositor must do. The screen in memory,
 * no driver: the figure is nitpicker's, not SDL's.
 *
 *   bench-nitpicker_redraw
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <base/log.h>

#include "../../os/server/nitpicker/core/npc.h"
#include "../common/measure.h"

enum { W = 1024, H = 768, ROUNDS = 200 };

static uint16_t screen_px[W * H], client_px[W * H], copy_px[W * H];
static struct gfx_surface screen;
static struct npc core;
static struct npc_session session;
static struct npc_view views[3];

void
log_output_line(const char *line, size_t len)
{
	fprintf(stderr, "%.*s\n", (int)len, line);
}

static volatile uint16_t sink; /* keeps the copy from being optimized away */

static bool
copy_round(void *ctx)
{
	(void)ctx;
	memcpy(copy_px, client_px, sizeof(copy_px));
	sink = copy_px[W * H / 2];
	return true;
}

static bool
redraw_round(void *ctx)
{
	struct gfx_rect done;
	(void)ctx;
	/* what a full-screen refresh of a client whose view covers the screen marks */
	npc_dirty(&core, (struct gfx_rect){0, 0, W, H});
	npc_flush(&core, &done);
	return done.w == W && done.h == H;
}

static void
report(const char *what, double ns, double base)
{
	printf("%-44s %9.0f us  %7.1f fps  %5.2f x memcpy\n", what, ns / 1000, 1e9 / ns, ns / base);
}

int
main(void)
{
	struct gfx_surface buf;

	for (long i = 0; i < W * H; i++)
		client_px[i] = (uint16_t)i;
	gfx_surface_init(&screen, screen_px, 0, W, H);
	gfx_surface_init(&buf, client_px, 0, W, H);
	npc_init(&core, &screen, 0, 0);
	npc_session_add(&core, &session, "bench", NPC_COLOR_DEFAULT, false, buf);
	npc_view_add(&core, &views[0], &session);
	npc_view_viewport(&core, &views[0], (struct gfx_rect){0, 0, W, H}, 0, 0);

	double base = measure(copy_round, 0, ROUNDS);
	report("memcpy of 1024x768x2 (baseline)", base, base);
	report("redraw, one full-screen view", measure(redraw_round, 0, ROUNDS), base);
	npc_view_viewport(&core, &views[0], (struct gfx_rect){0, 0, 600, 500}, 0, 0);
	for (int i = 1; i < 3; i++) {
		npc_view_add(&core, &views[i], &session);
		npc_view_viewport(&core, &views[i], (struct gfx_rect){200 * i, 130 * i, 600, 500},
		                  0, 0);
	}
	report("redraw, three overlapping windows", measure(redraw_round, 0, ROUNDS), base);
	core.xray = true;
	report("redraw, three windows in X-ray mode", measure(redraw_round, 0, ROUNDS), base);
	return 0;
}
