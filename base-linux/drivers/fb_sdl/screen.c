/*
 * \brief  fb_sdl: the SDL window and copying the buffer into it
 *
 * A plain window surface, no renderer: SDL then needs neither OpenGL nor
 * mesa (SDL_HINT_FRAMEBUFFER_ACCELERATION "0"), only the X server and
 * MIT-SHM. The window is placed at the screen's 0,0 (where a window
 * manager allows it), so that the GUI tests find its pixels at known
 * places of the X screen (run/lib/gui.tcl still asks for its position).
 */

#define _GNU_SOURCE
#include <stdlib.h>
#include <time.h>

#include <base/log.h>

#include "fb_sdl.h"

/*
 * SDL's own signal handlers would take SIGINT and SIGTERM from core's
 * ending us. SDL looks for a D-Bus session (screen saver, input methods),
 * which fb_sdl wants neither of; without an address libdbus would fork
 * and exec dbus-launch, which a host driver has no business doing (and
 * its sandbox forbids). An address that names nothing makes it give up.
 */
static void
screen_hints_set(void)
{
	setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/fb_sdl", 1);
	SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
	SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
	/* a click that focuses the window is a click for the client too */
	SDL_SetHint(SDL_HINT_MOUSE_FOCUS_CLICKTHROUGH, "1");
}

bool
fb_sdl_screen_open(struct fb_sdl *d, const struct fb_mode *mode, const char *display)
{
	/* SDL's X11 video takes the display from the environment only */
	if (display && setenv("DISPLAY", display, 1) != 0) {
		log_error("fb_sdl: cannot set DISPLAY=\"%s\"", display);
		return false;
	}
	const char *shown = getenv("DISPLAY");
	screen_hints_set();
	if (SDL_Init(SDL_INIT_VIDEO) != 0) {
		log_error("fb_sdl: cannot open a window on display \"%s\": %s", shown ? shown : "",
		          SDL_GetError());
		return false;
	}
	d->window = SDL_CreateWindow("fb_sdl", 0, 0, (int)mode->width, (int)mode->height, 0);
	if (d->window)
		d->surface = SDL_GetWindowSurface(d->window);
	if (!d->window || !d->surface) {
		log_error("fb_sdl: cannot create a window of %ux%u on display \"%s\": %s",
		          mode->width, mode->height, shown ? shown : "", SDL_GetError());
		return false;
	}
	SDL_ShowCursor(SDL_DISABLE); /* the GUI server draws its own pointer */
	log_print("fb_sdl: window %ux%u on display \"%s\", window format %s", mode->width,
	          mode->height, shown ? shown : "",
	          SDL_GetPixelFormatName(d->surface->format->format));
	return true;
}

/*
 * The window's surface may be a new one after the window changed (SDL
 * frees the old): ask each time, it costs a comparison when nothing did.
 */
static SDL_Surface *
screen_surface(struct fb_sdl *d)
{
	d->surface = SDL_GetWindowSurface(d->window);
	return d->surface;
}

static uint64_t
screen_now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

/*
 * bench="yes": one line per refresh, once the window has it. The first
 * four pixels of r's top row carry the bench client's stamp (bench/gui);
 * CLOCK_MONOTONIC is the host's, the same in every component.
 */
static void
screen_bench_log(struct fb_sdl *d, const struct fb_rect *r, uint64_t t0)
{
	uint64_t t1 = screen_now_ns();
	const uint16_t *p = (const uint16_t *)d->fb.pixels + (size_t)r->y * d->fb.mode.width + r->x;
	uint16_t px[4] = {0, 0, 0, 0};

	for (unsigned i = 0; i < 4 && i < r->w; i++)
		px[i] = p[i];
	log_print("fb_sdl: bench: refresh %u,%u %ux%u pushed_ns %llu took_ns %llu pixels %04x %04x "
	          "%04x %04x",
	          r->x, r->y, r->w, r->h, (unsigned long long)t1, (unsigned long long)(t1 - t0),
	          px[0], px[1], px[2], px[3]);
}

void
fb_sdl_screen_present(struct fb_sdl *d)
{
	if (screen_surface(d))
		SDL_UpdateWindowSurface(d->window);
}

void
fb_sdl_screen_refresh(struct fb_sdl *d, const struct fb_rect *r)
{
	uint64_t t0 = d->bench ? screen_now_ns() : 0;
	SDL_Surface *s = screen_surface(d);
	const struct fb_mode *m = &d->fb.mode;
	size_t src_pitch = (size_t)m->width * 2;

	/* r lies in the buffer (fb_rect_clip); the window is at least as large */
	if (!s || (uint64_t)r->x + r->w > (uint64_t)s->w || (uint64_t)r->y + r->h > (uint64_t)s->h)
		return;
	if (SDL_MUSTLOCK(s) && SDL_LockSurface(s) != 0)
		return;
	const uint8_t *src = (const uint8_t *)d->fb.pixels + r->y * src_pitch + r->x * 2;
	uint8_t *dst = (uint8_t *)s->pixels + (size_t)r->y * (size_t)s->pitch +
	               (size_t)r->x * s->format->BytesPerPixel;
	SDL_ConvertPixels((int)r->w, (int)r->h, SDL_PIXELFORMAT_RGB565, src, (int)src_pitch,
	                  s->format->format, dst, s->pitch);
	if (SDL_MUSTLOCK(s))
		SDL_UnlockSurface(s);
	SDL_Rect rect = {(int)r->x, (int)r->y, (int)r->w, (int)r->h};
	SDL_UpdateWindowSurfaceRects(d->window, &rect, 1);
	if (d->bench)
		screen_bench_log(d, r, t0);
}
