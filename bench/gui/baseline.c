/*
 * \brief  bench-gui's baseline: a plain SDL2 program blitting full frames
 *
 * The same window as fb_sdl's (no renderer, no acceleration, at 0,0 of
 * the same Xvfb), an RGB565 buffer of the same size. Each frame writes
 * every pixel (as bench-gui-client does), then blits the whole buffer to
 * the window's surface and updates the window; its latency runs from the
 * blit call until SDL_UpdateWindowSurface returned, the counterpart of
 * the client's refresh call until fb_sdl's update returned.
 *
 * Two ways: "blit" (SDL_BlitSurface, SDL_UpdateWindowSurface), the plain
 * program the issue asks for, and "convert" (SDL_ConvertPixels,
 * SDL_UpdateWindowSurfaceRects), the very calls fb_sdl makes (screen.c),
 * so that fb_sdl's own time per frame has a baseline of the same work.
 */

#define _GNU_SOURCE
#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>

#include "../common/measure.h"
#include "bench_gui.h"

enum { BASELINE_MAX_FRAMES = 100000 };

struct baseline {
	SDL_Window *window; /* OWNED */
	SDL_Surface *src;   /* OWNED, over pixels */
	uint16_t *pixels;   /* OWNED */
	double *lat_us;     /* OWNED */
};

static bool
baseline_open(struct baseline *b)
{
	SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
	SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
	if (SDL_Init(SDL_INIT_VIDEO) != 0)
		return false;
	b->window = SDL_CreateWindow("bench-gui baseline", 0, 0, GUI_W, GUI_H, 0);
	b->pixels = malloc((size_t)GUI_W * GUI_H * 2);
	b->lat_us = malloc(BASELINE_MAX_FRAMES * sizeof(double));
	if (!b->window || !b->pixels || !b->lat_us)
		return false;
	b->src = SDL_CreateRGBSurfaceWithFormatFrom(b->pixels, GUI_W, GUI_H, 16, GUI_W * 2,
	                                            SDL_PIXELFORMAT_RGB565);
	return b->src && SDL_GetWindowSurface(b->window);
}

static void
baseline_close(struct baseline *b)
{
	if (b->src)
		SDL_FreeSurface(b->src);
	if (b->window)
		SDL_DestroyWindow(b->window);
	SDL_Quit();
	free(b->pixels);
	free(b->lat_us);
}

/* fb_sdl's way: convert into the window's surface, update the rectangle */
static bool
baseline_convert(struct baseline *b, SDL_Surface *win)
{
	SDL_Rect all = {0, 0, GUI_W, GUI_H};

	if (SDL_MUSTLOCK(win) && SDL_LockSurface(win) != 0)
		return false;
	int st = SDL_ConvertPixels(GUI_W, GUI_H, SDL_PIXELFORMAT_RGB565, b->pixels, GUI_W * 2,
	                           win->format->format, win->pixels, win->pitch);
	if (SDL_MUSTLOCK(win))
		SDL_UnlockSurface(win);
	return st == 0 && SDL_UpdateWindowSurfaceRects(b->window, &all, 1) == 0;
}

/* one frame: all pixels, then the timed blit and update; false on SDL's failure */
static bool
baseline_frame(struct baseline *b, bool convert, unsigned i)
{
	uint16_t color = (uint16_t)(i * 0x0841u + 0x1234u);

	for (unsigned p = 0; p < GUI_W * GUI_H; p++)
		b->pixels[p] = color;
	SDL_PumpEvents(); /* as fb_sdl's poll does, outside the timed part */
	uint64_t t0 = bench_now_ns();
	SDL_Surface *win = SDL_GetWindowSurface(b->window);
	if (!win || (convert && !baseline_convert(b, win)) ||
	    (!convert && (SDL_BlitSurface(b->src, NULL, win, NULL) != 0 ||
	                  SDL_UpdateWindowSurface(b->window) != 0)))
		return false;
	b->lat_us[i] = (double)(bench_now_ns() - t0) / 1000;
	return true;
}

bool
baseline_measure(const char *display, bool convert, unsigned ms, struct frame_stats *st)
{
	struct baseline b = {0, 0, 0, 0};
	unsigned n = 0;
	bool ok = setenv("DISPLAY", display, 1) == 0 && baseline_open(&b);
	uint64_t t0 = bench_now_ns(), end = t0 + (uint64_t)ms * 1000000u;

	while (ok && n < BASELINE_MAX_FRAMES && bench_now_ns() < end)
		ok = baseline_frame(&b, convert, n++);
	if (ok)
		frame_stats_of(b.lat_us, n, bench_now_ns() - t0, st);
	else
		fprintf(stderr, "bench-gui: the SDL baseline failed on %s: %s\n", display,
		        SDL_GetError());
	baseline_close(&b);
	return ok;
}
