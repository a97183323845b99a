/*
 * \brief  fb_sdl: Framebuffer and Input of Linux through an SDL2 window
 *
 * A host driver: it links the host's SDL2 dynamically and talks to the
 * host's X server, so it runs only where init's config lets it out of
 * the sandbox (<host-access>, doc/gui.md). Everything SDL is done on the
 * entrypoint's thread, the one that created the window (SDL's event pump
 * must run there): in component_construct, in the Framebuffer session's
 * refresh and in the handler of a periodic Timer signal that pumps the
 * window's events into the Input service (FB_SDL_POLL_US).
 */

#ifndef _BASE_LINUX__DRIVERS__FB_SDL__FB_SDL_H_
#define _BASE_LINUX__DRIVERS__FB_SDL__FB_SDL_H_

#include <SDL.h>

#include <base/signal.h>
#include <os/fb_driver.h>
#include <os/input_server.h>
#include <timer_session/rpc.h>

/* how often the window's events are taken: 100 times a second */
enum { FB_SDL_POLL_US = 10000 };

struct fb_sdl {
	struct env *env;      /* BORROWED */
	SDL_Window *window;   /* OWNED */
	SDL_Surface *surface; /* the window's, SDL's: valid until the window changes */
	struct fb_driver fb;  /* the buffer and the Framebuffer service */
	struct input_server input;
	timer_session_cap_t timer;   /* OWNED */
	struct signal_context *tick; /* the periodic poll */
	int32_t mouse_x, mouse_y;    /* where the pointer was last seen */
	uint32_t unmapped_keys;      /* keys without a Linux code so far (logged, a few) */
	bool bench;                  /* config bench="yes": log each refresh's timing */
};

/*
 * Open the window for mode on display (NULL: the environment's DISPLAY);
 * false (logged with SDL's reason) if SDL or the X server refused.
 */
bool fb_sdl_screen_open(struct fb_sdl *d, const struct fb_mode *mode, const char *display);

/* copy r of the buffer into the window (converting RGB565) and show it */
void fb_sdl_screen_refresh(struct fb_sdl *d, const struct fb_rect *r);

/* show the window's surface again as it is (after an expose) */
void fb_sdl_screen_present(struct fb_sdl *d);

/* take the window's events: input to the Input service, exposure redrawn */
void fb_sdl_events_pump(struct fb_sdl *d);

/* the Linux key code (input_session/event.h) of an SDL scancode; 0: none */
uint32_t fb_sdl_keycode(SDL_Scancode scancode);

#endif /* _BASE_LINUX__DRIVERS__FB_SDL__FB_SDL_H_ */
