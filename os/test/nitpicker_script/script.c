/*
 * \brief  test-nitpicker_script: the script, step by step
 */

#include <base/log.h>
#include <util/number.h>
#include <util/string.h>

#include "nitpicker_script.h"

struct ns_script ns_script;

/* FNV-1a over the pixels of x, y, w, h (clipped): equal pictures, equal hashes */
static uint32_t
ns_script_hash(const struct ns_session *s, long x, long y, long w, long h)
{
	uint32_t hash = 2166136261u;

	for (long row = y < 0 ? 0 : y; row < y + h && row < (long)s->h; row++)
		for (long col = x < 0 ? 0 : x; col < x + w && col < (long)s->w; col++) {
			uint16_t px = s->fb[(size_t)row * s->w + (size_t)col];
			hash = ((hash ^ (px & 0xffu)) * 16777619u ^ (px >> 8)) * 16777619u;
		}
	return hash;
}

static void
ns_script_queue(struct ns_script *sc, uint32_t type, uint32_t code, int x, int y, int ry)
{
	if (sc->queued < NS_QUEUE_MAX)
		sc->queue[sc->queued++] = (struct input_event){
		        .type = type, .code = code, .ax = x, .ay = y, .ry = ry};
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
	struct ns_session *s = sc->session;
	const long *a = sc->area;
	log_print("nitpicker_script: step %u \"%s\": buffer %08x, area %08x, view %d,%d %dx%d",
	          sc->step, sc->current, ns_script_hash(s, 0, 0, s->w, s->h),
	          ns_script_hash(s, a[0], a[1], a[2], a[3]), s->view_x, s->view_y, s->view_w,
	          s->view_h);
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
	(void)signal_submit(sc->session->input_sigh, 1);
}

void
ns_script_idle(struct ns_script *sc)
{
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

void
ns_script_start(struct ns_script *sc)
{
	if (sc->started || !sc->session)
		return;
	sc->started = true;
	str_copy(sc->current, "start", sizeof(sc->current));
	ns_script_report(sc);
	ns_script_next(sc);
}
