/*
 * \brief  Windows from a config (library gui_window)
 *
 * Config values are untrusted: each reader checks range and syntax, logs
 * what is wrong and where (component, node, attribute) and falls back to
 * the default, so a bad config degrades a window, never the component.
 */

#ifndef _DEMO__LIB__WINDOW__WINDOW_CONFIG_H_
#define _DEMO__LIB__WINDOW__WINDOW_CONFIG_H_

#include <stddef.h>

#include <base/status.h>
#include <util/node.h>

#include "window.h"

/* "#rrggbb" as RGB565; STATUS_INVALID_ARGS for anything else */
status_t window_color_parse(const char *text, uint16_t *rgb565);

/*
 * Attribute name of n as an integer in min..max into *out; absent: def.
 * Malformed or out of range: logged as "<who>: <node> <name>=...", def.
 * Whether the attribute was usable (absent counts as usable).
 */
bool window_attr_int(const struct node *n, const char *name, int def, int min, int max, int *out,
                     const char *who);

/* attribute name of n as "#rrggbb"; as window_attr_int */
bool window_attr_color(const struct node *n, const char *name, uint16_t def, uint16_t *out,
                       const char *who);

/* attribute name as a title (printable ASCII, cut at WINDOW_TITLE_MAX - 1); as window_attr_int */
bool window_attr_title(const struct node *n, const char *name, const char *def, char *out,
                       const char *who);

/*
 * The <window x y w h color title/> sub-nodes of the config text (len
 * bytes) into windows[0 .. max): each attribute a window lacks comes
 * from defaults[i] (at least max of them). No window node at all, or a
 * config that does not parse (logged): the defaults. Returns the count.
 */
unsigned window_config_parse(const char *text, size_t len, struct window *windows, unsigned max,
                             const struct window *defaults, const char *who);

#endif /* _DEMO__LIB__WINDOW__WINDOW_CONFIG_H_ */
