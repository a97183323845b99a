/*
 * \brief  Input events as they lie in an Input session's buffer
 *
 * Key and button codes are Linux's (linux/input-event-codes.h), as in
 * Genode: a driver passes the host's codes through, clients compare with
 * the INPUT_KEY_* / INPUT_BTN_* values here. Coordinates are absolute
 * (ax, ay: pixels of the screen, or of the client's buffer for a
 * nitpicker client); rx, ry are relative motion or wheel steps.
 */

#ifndef _INCLUDE__INPUT_SESSION__EVENT_H_
#define _INCLUDE__INPUT_SESSION__EVENT_H_

#include <stdint.h>

enum input_event_type {
	INPUT_EVENT_INVALID = 0,
	INPUT_EVENT_MOTION = 1,  /* ax, ay the pointer's new position */
	INPUT_EVENT_PRESS = 2,   /* code pressed, at ax, ay */
	INPUT_EVENT_RELEASE = 3, /* code released, at ax, ay */
	INPUT_EVENT_WHEEL = 4,   /* rx, ry steps */
	INPUT_EVENT_FOCUS = 5,   /* code 1: the client got the focus, 0: lost it */
	INPUT_EVENT_LEAVE = 6,   /* the pointer left the client's views */
};

struct input_event {
	uint32_t type; /* enum input_event_type */
	uint32_t code; /* key or button (PRESS, RELEASE), FOCUS's state */
	int32_t ax, ay;
	int32_t rx, ry;
};

/* events an Input session's buffer holds */
enum { INPUT_EVENT_MAX = 512 };

/* the codes the framework itself interprets (Linux's values) */
enum input_code {
	INPUT_KEY_ESC = 1,
	INPUT_KEY_ENTER = 28,
	INPUT_KEY_LEFTCTRL = 29,
	INPUT_KEY_LEFTSHIFT = 42,
	INPUT_KEY_SPACE = 57,
	INPUT_KEY_SCROLLLOCK = 70, /* nitpicker: X-ray mode */
	INPUT_KEY_SYSRQ = 99,      /* nitpicker: kill mode */
	INPUT_KEY_UP = 103,
	INPUT_KEY_PAGEUP = 104,
	INPUT_KEY_LEFT = 105,
	INPUT_KEY_RIGHT = 106,
	INPUT_KEY_DOWN = 108,
	INPUT_KEY_PAGEDOWN = 109,
	INPUT_KEY_PRINT = 210, /* nitpicker: kill mode, too */
	INPUT_KEY_MAX = 0x2ff,
	INPUT_BTN_LEFT = 0x110,
	INPUT_BTN_RIGHT = 0x111,
	INPUT_BTN_MIDDLE = 0x112,
};

#endif /* _INCLUDE__INPUT_SESSION__EVENT_H_ */
