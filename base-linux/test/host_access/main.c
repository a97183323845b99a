/*
 * \brief  test-host_access: a component that draws into a host X window
 *
 * What fb_sdl will do, in small: a dynamically linked program on the
 * host's SDL2, started by core like any component but with <host-access>
 * (doc/sandbox.md). It opens a 320x200 window on the X server that
 * DISPLAY names (core passes DISPLAY to host-access processes only),
 * fills it with one colour, shows it and waits for a key, while logging
 * through its LOG session like every component. Without host access it
 * cannot even be executed: the loader and the libraries are not in the
 * empty root.
 */

#define _GNU_SOURCE
#include <stdlib.h>

#include <SDL.h>

#include <base/component.h>
#include <base/log.h>

enum { WIDTH = 320, HEIGHT = 200, HOLD_MS = 20000, POLL_MS = 10 };

/* the colour the run script looks for in a screenshot: srgb(32,128,224) */
enum { FILL_R = 0x20, FILL_G = 0x80, FILL_B = 0xe0 };

static bool
window_fill(SDL_Window *w)
{
	SDL_Surface *s = SDL_GetWindowSurface(w);
	if (!s) {
		log_error("no window surface: %s", SDL_GetError());
		return false;
	}
	if (SDL_FillRect(s, NULL, SDL_MapRGB(s->format, FILL_R, FILL_G, FILL_B)) != 0 ||
	    SDL_UpdateWindowSurface(w) != 0) {
		log_error("cannot fill the window: %s", SDL_GetError());
		return false;
	}
	log_print("window %dx%d filled with srgb(%d,%d,%d)", WIDTH, HEIGHT, FILL_R, FILL_G, FILL_B);
	return true;
}

/* until a key press or HOLD_MS: what ended the wait */
static const char *
events_poll(void)
{
	for (Uint32 t0 = SDL_GetTicks(); SDL_GetTicks() - t0 < HOLD_MS;) {
		SDL_Event e;
		while (SDL_PollEvent(&e)) {
			if (e.type == SDL_KEYDOWN)
				return "a key press";
			if (e.type == SDL_QUIT)
				return "quit";
		}
		SDL_Delay(POLL_MS);
	}
	return "the time limit";
}

static int
probe_run(void)
{
	const char *display = getenv("DISPLAY");
	log_print("SDL video driver x11, DISPLAY=%s", display ? display : "(none)");
	if (SDL_Init(SDL_INIT_VIDEO) != 0) {
		log_error("SDL_Init: %s", SDL_GetError());
		return 1;
	}
	SDL_Window *w = SDL_CreateWindow("test-host_access", 0, 0, WIDTH, HEIGHT, 0);
	if (!w) {
		log_error("SDL_CreateWindow: %s", SDL_GetError());
		SDL_Quit();
		return 1;
	}
	bool filled = window_fill(w);
	if (filled)
		log_print("waiting for a key, at most %d ms", HOLD_MS);
	const char *end = filled ? events_poll() : "a failure";
	log_print("window closed after %s", end);
	SDL_DestroyWindow(w);
	SDL_Quit();
	return filled ? 0 : 1;
}

/*
 * What fb_sdl needs too, so that SDL stays inside the host-access policy
 * (doc/sandbox.md): the X server, never a console or Wayland fallback; the
 * window surface as an X image (MIT-SHM), not an OpenGL texture, which
 * would pull in Mesa with its threads, shader cache files and /dev/dri;
 * no D-Bus, whose autolaunch forks dbus-launch.
 */
static void
sdl_settings(void)
{
	setenv("SDL_VIDEODRIVER", "x11", 1);
	setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:", 1);
	SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
}

void
component_construct(struct env *env)
{
	sdl_settings();
	env_exit(env, probe_run());
}
