/*
 * \brief  test-nitpicker_server: a screen in RAM for nitpicker, and a script against it
 *
 * The component plays nitpicker's driver (Framebuffer and Input served
 * from its own RAM, screen.c) and, on a thread of its own, two clients of
 * nitpicker (script.c): they draw, the script injects input at the
 * screen and checks the screen's pixels and the events each client got.
 * So nitpicker's whole path (sessions, RPC, refresh, input routing, X-ray,
 * kill mode) runs headless on every platform.
 */

#ifndef _OS__TEST__NITPICKER__SCREEN_H_
#define _OS__TEST__NITPICKER__SCREEN_H_

#include <stdint.h>

#include <base/env.h>
#include <input_session/event.h>

enum { SCREEN_W = 320, SCREEN_H = 240 };

/* serve Framebuffer and Input; false (logged) if that failed */
bool screen_start(struct env *env);

/* the screen's pixels (RGB565), written by nitpicker */
uint16_t screen_pixel(int x, int y);

/* queue an event for nitpicker's next flush (any thread) */
void screen_inject(uint32_t type, uint32_t code, int x, int y);

/* how many refreshes nitpicker sent */
unsigned screen_refreshes(void);

/* the script, run on its own thread; exits the component */
void script_run(struct env *env);

#endif /* _OS__TEST__NITPICKER__SCREEN_H_ */
