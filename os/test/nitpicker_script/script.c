/*
 * \brief  test-nitpicker_script: the script, step by step
 */

#include <base/log.h>
#include <util/number.h>
#include <util/string.h>

#include "nitpicker_script.h"

struct ns_script ns_script;

static void
ns_script_queue(struct ns_script *sc, uint32_t type, uint32_t code, int x, int y, int ry)
{
	struct input_event ev = {.type = type, .code = code, .ax = x, .ay = y, .ry = ry};
	(void)nsi_screen_submit(&sc->session->screen, &ev); /* a step has at most 4 events */
}

/* the next number of the step's text at *p, false if there is none */
static bool
ns_script_number(const char **p, long *out)
{
	while (**p == ' ')
		(*p)++;
	bool neg = **p == '-';
	const char *q = *p + (neg ? 1 : 0);
	if (!char_is_digit(*q))
		return false;
	long v = 0;
	while (char_is_digit(*q) && v < 100000)
		v = v * 10 + (*q++ - '0');
	*out = neg ? -v : v;
	*p = q;
	return true;
}

/* the events of one step; false (logged) if it is malformed */
static bool
ns_script_events(struct ns_script *sc, const char *step)
{
	long n[4] = {0, 0, 0, 0};
	const char *p = step;
	unsigned count = 0;
	enum { BTN = INPUT_BTN_LEFT };

	while (*p && *p != ' ')
		p++;
	while (count < 4 && ns_script_number(&p, &n[count]))
		count++;
	int x = (int)n[0], y = (int)n[1];
	if (str_has_prefix(step, "click ") && count == 2) {
		ns_script_queue(sc, INPUT_EVENT_MOTION, 0, x, y, 0);
		ns_script_queue(sc, INPUT_EVENT_PRESS, BTN, x, y, 0);
		ns_script_queue(sc, INPUT_EVENT_RELEASE, BTN, x, y, 0);
	} else if (str_has_prefix(step, "key ") && count == 1) {
		ns_script_queue(sc, INPUT_EVENT_PRESS, (uint32_t)n[0], 0, 0, 0);
		ns_script_queue(sc, INPUT_EVENT_RELEASE, (uint32_t)n[0], 0, 0, 0);
	} else if (str_has_prefix(step, "wheel ") && count == 1) {
		ns_script_queue(sc, INPUT_EVENT_WHEEL, 0, 0, 0, (int)n[0]);
	} else if (str_has_prefix(step, "drag ") && count == 4) {
		ns_script_queue(sc, INPUT_EVENT_MOTION, 0, x, y, 0);
		ns_script_queue(sc, INPUT_EVENT_PRESS, BTN, x, y, 0);
		ns_script_queue(sc, INPUT_EVENT_MOTION, 0, (int)n[2], (int)n[3], 0);
		ns_script_queue(sc, INPUT_EVENT_RELEASE, BTN, (int)n[2], (int)n[3], 0);
	} else {
		log_error("nitpicker_script: malformed step \"%s\"", step);
		return false;
	}
	return true;
}

static void
ns_script_report(struct ns_script *sc)
{
	struct nsi_client *c = sc->session;
	const struct nsi_screen *s = &c->screen;
	const long *a = sc->area;
	log_print("nitpicker_script: step %u \"%s\": buffer %08x, area %08x, view %d,%d %dx%d",
	          sc->step, sc->current, nsi_screen_hash(s, 0, 0, s->w, s->h),
	          nsi_screen_hash(s, a[0], a[1], a[2], a[3]), c->view_x, c->view_y, c->view_w,
	          c->view_h);
}

/* take the next step of the script and hand its events to the client */
static void
ns_script_next(struct ns_script *sc)
{
	size_t len = 0;
	while (*sc->next == ' ' || *sc->next == ';')
		sc->next++;
	while (sc->next[len] && sc->next[len] != ';')
		len++;
	if (len == 0) {
		log_print("nitpicker_script: script done");
		return;
	}
	str_copy_counted(sc->current, sizeof(sc->current), sc->next, len);
	sc->next += len;
	sc->step++;
	if (!ns_script_events(sc, sc->current))
		return;
	sc->waiting = true;
	nsi_screen_signal(&sc->session->screen);
}

/* the client flushed and found no events: it has reacted, the step is done */
static void
ns_script_idle(void *ctx)
{
	struct ns_script *sc = ctx;
	if (!sc->waiting)
		return;
	sc->waiting = false;
	ns_script_report(sc);
	ns_script_next(sc);
}

bool
ns_script_area(struct ns_script *sc, const char *text)
{
	const char *p = text;
	unsigned n = 0;

	sc->area[0] = sc->area[1] = 0;
	sc->area[2] = sc->area[3] = 65536;
	if (!*text)
		return true;
	while (n < 4 && ns_script_number(&p, &sc->area[n]))
		n++;
	return n == 4 && !*p;
}

/* the client is ready for input (its sigh is set) */
static void
ns_script_start(void *ctx)
{
	struct ns_script *sc = ctx;
	if (sc->started || !sc->session)
		return;
	sc->started = true;
	str_copy(sc->current, "start", sizeof(sc->current));
	ns_script_report(sc);
	ns_script_next(sc);
}

const struct nsi_hooks ns_script_hooks = {.idle = ns_script_idle, .ready = ns_script_start};
