/*
 * \brief  nitpicker core test: focus and the routing of input
 */

#include "np_test.h"

#define RED   0xf800
#define GREEN 0x07e0

enum { KEY_A = 30 };

/* a left of b, apart: a at (0..15, 0..15), b at (32..47, 0..15) */
static void
two_clients(struct np_client **a, struct np_client **b)
{
	np_setup();
	*a = np_open(0, "a", RED, false);
	*b = np_open(1, "b", GREEN, false);
	np_view(*a, 0, (struct gfx_rect){0, 0, 16, 16});
	np_view(*b, 0, (struct gfx_rect){32, 0, 16, 16});
	np_flush();
}

void
input_focus_by_click(void)
{
	struct np_client *a, *b;
	struct input_event last;
	two_clients(&a, &b);

	np_click(40, 5);
	CHECK_PTR_EQ(np.focus, &b->s);
	CHECK_EQ(np_events(b, INPUT_EVENT_FOCUS, &last), 1);
	CHECK_EQ(last.code, 1);
	CHECK_EQ(np_events(b, INPUT_EVENT_PRESS, &last), 1);
	CHECK_EQ(last.ax, 40); /* screen coordinates */
	CHECK_EQ(np_events(a, INPUT_EVENT_PRESS, 0), 0);

	np_click(3, 3);
	CHECK_PTR_EQ(np.focus, &a->s);
	CHECK_EQ(np_events(b, INPUT_EVENT_FOCUS, &last), 2);
	CHECK_EQ(last.code, 0);
	CHECK_EQ(np_events(a, INPUT_EVENT_FOCUS, &last), 1);
	CHECK_EQ(last.code, 1);

	np_click(20, 30); /* nowhere: the focus stays, nobody gets the click */
	CHECK_PTR_EQ(np.focus, &a->s);
	CHECK_EQ(np_events(a, INPUT_EVENT_PRESS, 0) + np_events(b, INPUT_EVENT_PRESS, 0), 2);
}

void
input_keys_to_focus_only(void)
{
	struct np_client *a, *b;
	two_clients(&a, &b);

	np_key(INPUT_EVENT_PRESS, KEY_A); /* no focus yet: nobody */
	np_key(INPUT_EVENT_RELEASE, KEY_A);
	CHECK_EQ(np_events(a, INPUT_EVENT_PRESS, 0) + np_events(b, INPUT_EVENT_PRESS, 0), 0);
	CHECK_EQ(np_events(a, INPUT_EVENT_RELEASE, 0) + np_events(b, INPUT_EVENT_RELEASE, 0), 0);
	np_click(40, 5);
	np_motion(5, 5); /* the pointer over a: keys still go to b */
	np_key(INPUT_EVENT_PRESS, KEY_A);
	np_key(INPUT_EVENT_RELEASE, KEY_A);
	CHECK_EQ(np_events(b, INPUT_EVENT_PRESS, 0), 2); /* the click and the key */
	CHECK_EQ(np_events(b, INPUT_EVENT_RELEASE, 0), 2);
	CHECK_EQ(np_events(a, INPUT_EVENT_PRESS, 0), 0);
	CHECK_EQ(np_events(a, INPUT_EVENT_RELEASE, 0), 0);
	CHECK_EQ(np_events(a, INPUT_EVENT_MOTION, 0), 1); /* motion goes where the pointer is */
	CHECK_EQ(np_events(b, INPUT_EVENT_LEAVE, 0), 1);
}

/* a key held across a click on another session: its release goes where its press went */
void
input_key_release_to_press(void)
{
	struct np_client *a, *b;
	two_clients(&a, &b);

	np_click(3, 3);
	np_key(INPUT_EVENT_PRESS, KEY_A);
	np_click(40, 5); /* b gets the click, the focus stays with a */
	np_key(INPUT_EVENT_RELEASE, KEY_A);
	CHECK_PTR_EQ(np.focus, &a->s);
	CHECK_EQ(np_events(a, INPUT_EVENT_RELEASE, 0), 2); /* the first click's, the key's */
	CHECK_EQ(np_events(b, INPUT_EVENT_PRESS, 0), 1);
	CHECK_EQ(np_events(b, INPUT_EVENT_RELEASE, 0), 1);
	CHECK_EQ(np_events(b, INPUT_EVENT_FOCUS, 0), 0);
	np_click(40, 5); /* no key held: now the focus moves */
	CHECK_PTR_EQ(np.focus, &b->s);
}

/* while the button is held, motion goes to the session that got the press */
void
input_drag_grab(void)
{
	struct np_client *a, *b;
	two_clients(&a, &b);

	np_motion(5, 5);
	np_key(INPUT_EVENT_PRESS, INPUT_BTN_LEFT);
	np_motion(40, 5); /* over b */
	np_key(INPUT_EVENT_RELEASE, INPUT_BTN_LEFT);
	CHECK_EQ(np_events(a, INPUT_EVENT_MOTION, 0), 2);
	CHECK_EQ(np_events(a, INPUT_EVENT_RELEASE, 0), 1);
	CHECK_EQ(np_events(b, INPUT_EVENT_MOTION, 0), 0);
	CHECK_EQ(np_events(b, INPUT_EVENT_RELEASE, 0), 0);
	np_motion(41, 5);
	CHECK_EQ(np_events(b, INPUT_EVENT_MOTION, 0), 1);
}
