/*
 * \brief  Fixture of the nitpicker core's unit test (np_test.h)
 */

#include <stdio.h>
#include <string.h>

#include <base/log.h>

#include "np_test.h"

char np_last_log[256];

/* the log library's output: kept for the checks, shown on stderr */
void
log_output_line(const char *line, size_t len)
{
	fprintf(stderr, "%.*s\n", (int)len, line);
	if (len >= sizeof(np_last_log))
		len = sizeof(np_last_log) - 1;
	memcpy(np_last_log, line, len);
	np_last_log[len] = 0;
}

static uint16_t screen_mem[GUARD + W * H + GUARD];
static uint16_t buffers[NP_SESSIONS * BUF_W * BUF_H + GUARD];
struct gfx_surface np_screen;
struct npc np;
struct np_client np_client[NP_SESSIONS];
struct np_text np_texts[16];
unsigned np_text_count;

static struct np_client *
np_client_of(struct npc_session *s)
{
	return (struct np_client *)(void *)((char *)s - offsetof(struct np_client, s));
}

static void
np_deliver(void *ctx, struct npc_session *s, const struct input_event *ev)
{
	struct np_client *c = np_client_of(s);
	(void)ctx;
	if (c->events < NP_EVENTS)
		c->ev[c->events++] = *ev;
}

static void
np_kill(void *ctx, struct npc_session *s)
{
	np_client_of(s)->killed = true;
	npc_session_remove(ctx, s);
}

/* text is recorded, not drawn: the bars keep their plain colour */
static void
np_text_draw(void *ctx, struct gfx_surface *s, int x, int y, const char *text, uint16_t color)
{
	(void)ctx;
	(void)s;
	(void)color;
	if (np_text_count < 16) {
		struct np_text *t = &np_texts[np_text_count++];
		strncpy(t->text, text, sizeof(t->text) - 1);
		t->x = x;
		t->y = y;
	}
}

static int
np_text_width(void *ctx, const char *text)
{
	(void)ctx;
	return 6 * (int)strlen(text);
}

static const struct npc_ops np_ops = {.deliver = np_deliver,
                                      .kill = np_kill,
                                      .text_draw = np_text_draw,
                                      .text_width = np_text_width};

void
np_setup(void)
{
	for (unsigned i = 0; i < sizeof(screen_mem) / sizeof(screen_mem[0]); i++)
		screen_mem[i] = GUARD_WORD;
	for (unsigned i = 0; i < sizeof(buffers) / sizeof(buffers[0]); i++)
		buffers[i] = GUARD_WORD;
	memset(np_client, 0, sizeof(np_client));
	np_text_count = 0;
	gfx_surface_init(&np_screen, screen_mem + GUARD, 0, W, H);
	npc_init(&np, &np_screen, &np_ops, &np);
}

struct np_client *
np_open(unsigned i, const char *label, uint16_t fill, bool stay_top)
{
	struct np_client *c = &np_client[i];
	struct gfx_surface buf;

	c->pixels = buffers + i * BUF_W * BUF_H;
	c->fill = fill;
	for (unsigned k = 0; k < BUF_W * BUF_H; k++)
		c->pixels[k] = fill;
	gfx_surface_init(&buf, c->pixels, 0, BUF_W, BUF_H);
	npc_session_add(&np, &c->s, label, npc_policy_color(0, 0, label), stay_top, buf);
	return c;
}

struct npc_view *
np_view(struct np_client *c, unsigned j, struct gfx_rect r)
{
	npc_view_add(&np, &c->v[j], &c->s);
	npc_view_viewport(&np, &c->v[j], r, 0, 0);
	return &c->v[j];
}

uint16_t
np_px(int x, int y)
{
	return np_screen.pixels[y * W + x];
}

void
np_flush(void)
{
	struct gfx_rect done;
	npc_flush(&np, &done);
}

bool
np_guards_intact(void)
{
	for (unsigned i = 0; i < GUARD; i++)
		if (screen_mem[i] != GUARD_WORD || screen_mem[GUARD + W * H + i] != GUARD_WORD)
			return false;
	return true;
}

void
np_motion(int x, int y)
{
	struct input_event ev = {.type = INPUT_EVENT_MOTION, .ax = x, .ay = y};
	npc_input(&np, &ev);
}

void
np_key(uint32_t type, uint32_t code)
{
	struct input_event ev = {.type = type, .code = code};
	npc_input(&np, &ev);
}

void
np_click(int x, int y)
{
	np_motion(x, y);
	np_key(INPUT_EVENT_PRESS, INPUT_BTN_LEFT);
	np_key(INPUT_EVENT_RELEASE, INPUT_BTN_LEFT);
}

unsigned
np_events(const struct np_client *c, uint32_t type, struct input_event *last)
{
	unsigned n = 0;
	for (unsigned i = 0; i < c->events; i++) {
		if (c->ev[i].type != type)
			continue;
		n++;
		if (last)
			*last = c->ev[i];
	}
	return n;
}

bool
np_text_drawn(const char *text, struct gfx_rect within)
{
	for (unsigned i = 0; i < np_text_count; i++)
		if (!strcmp(np_texts[i].text, text) &&
		    gfx_rect_contains(within, np_texts[i].x, np_texts[i].y))
			return true;
	return false;
}
