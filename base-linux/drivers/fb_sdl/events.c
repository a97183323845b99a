/*
 * \brief  fb_sdl: the window's events as Input events
 *
 * Pointer positions are the window's pixels, which are the buffer's.
 * Keys are SDL scancodes (the key's place, not its symbol), mapped to
 * Linux key codes (keymap.c). A key held down makes SDL repeat its press;
 * those repeats are dropped, so that each press has one release, as from
 * Linux's evdev with repeat off.
 */

#include <base/log.h>

#include "fb_sdl.h"

/* the first few keys without a Linux code are named; then they are only counted */
enum { FB_SDL_UNMAPPED_LOGGED = 8 };

static uint32_t
button_code(uint8_t button)
{
	switch (button) {
	case SDL_BUTTON_LEFT:
		return INPUT_BTN_LEFT;
	case SDL_BUTTON_RIGHT:
		return INPUT_BTN_RIGHT;
	case SDL_BUTTON_MIDDLE:
		return INPUT_BTN_MIDDLE;
	case SDL_BUTTON_X1:
		return INPUT_BTN_MIDDLE + 1; /* Linux's BTN_SIDE */
	case SDL_BUTTON_X2:
		return INPUT_BTN_MIDDLE + 2; /* Linux's BTN_EXTRA */
	default:
		return 0;
	}
}

static void
submit(struct fb_sdl *d, uint32_t type, uint32_t code, int32_t rx, int32_t ry)
{
	struct input_event ev = {
	        .type = type, .code = code, .ax = d->mouse_x, .ay = d->mouse_y, .rx = rx, .ry = ry};
	input_server_submit(&d->input, &ev);
}

static void
key_event(struct fb_sdl *d, const SDL_KeyboardEvent *k)
{
	if (k->repeat)
		return;
	uint32_t code = fb_sdl_keycode(k->keysym.scancode);
	if (!code) {
		if (d->unmapped_keys++ < FB_SDL_UNMAPPED_LOGGED)
			log_warning("fb_sdl: key \"%s\" (SDL scancode %d) has no Linux key code: "
			            "ignored",
			            SDL_GetScancodeName(k->keysym.scancode),
			            (int)k->keysym.scancode);
		return;
	}
	submit(d, k->type == SDL_KEYDOWN ? INPUT_EVENT_PRESS : INPUT_EVENT_RELEASE, code, 0, 0);
}

static void
button_event(struct fb_sdl *d, const SDL_MouseButtonEvent *b)
{
	uint32_t code = button_code(b->button);

	d->mouse_x = b->x;
	d->mouse_y = b->y;
	if (code)
		submit(d, b->type == SDL_MOUSEBUTTONDOWN ? INPUT_EVENT_PRESS : INPUT_EVENT_RELEASE,
		       code, 0, 0);
}

static void
wheel_event(struct fb_sdl *d, const SDL_MouseWheelEvent *w)
{
	int32_t sign = w->direction == SDL_MOUSEWHEEL_FLIPPED ? -1 : 1;

	submit(d, INPUT_EVENT_WHEEL, 0, sign * w->x, sign * w->y);
}

/*
 * The X server lost what the window showed: show the window's surface
 * again, which holds what the client refreshed, never what it drew and
 * did not refresh (yet). A new size may come with a new surface: then
 * the buffer is converted again, as at a refresh of all of it.
 */
static void
window_event(struct fb_sdl *d, const SDL_WindowEvent *w)
{
	struct fb_rect all = {0, 0, d->fb.mode.width, d->fb.mode.height};

	if (w->event == SDL_WINDOWEVENT_EXPOSED)
		fb_sdl_screen_present(d);
	if (w->event == SDL_WINDOWEVENT_SIZE_CHANGED)
		fb_sdl_screen_refresh(d, &all);
}

static void
event_handle(struct fb_sdl *d, const SDL_Event *e)
{
	switch (e->type) {
	case SDL_MOUSEMOTION:
		d->mouse_x = e->motion.x;
		d->mouse_y = e->motion.y;
		submit(d, INPUT_EVENT_MOTION, 0, e->motion.xrel, e->motion.yrel);
		break;
	case SDL_MOUSEBUTTONDOWN:
	case SDL_MOUSEBUTTONUP:
		button_event(d, &e->button);
		break;
	case SDL_MOUSEWHEEL:
		wheel_event(d, &e->wheel);
		break;
	case SDL_KEYDOWN:
	case SDL_KEYUP:
		key_event(d, &e->key);
		break;
	case SDL_WINDOWEVENT:
		window_event(d, &e->window);
		break;
	case SDL_QUIT:
		/* the user closed the window: the screen is gone, and so is the driver */
		log_print("fb_sdl: the window was closed");
		env_exit(d->env, 0);
	default:
		break;
	}
}

void
fb_sdl_events_pump(struct fb_sdl *d)
{
	SDL_Event e;

	while (SDL_PollEvent(&e))
		event_handle(d, &e);
}
