/*
 * \brief  Showing untrusted text on a console line
 *
 * Whatever a component chooses (LOG text, a label, a service name in a
 * session request, a child name in a config) may reach the console. To
 * make sure no such text can end a line, move the cursor or otherwise
 * pose as another component's or init's and core's output, every byte
 * that is not plainly printable is shown as an escape:
 *
 *   "\n", "\r", "\t"           for newline, carriage return and tab
 *   "\xHH" (lower-case hex)    for every other C0 control and DEL
 *   "\xHH" per byte            for a UTF-8 sequence that is malformed
 *                              (stray continuation, truncated, overlong,
 *                              a surrogate, beyond U+10FFFF) and for the
 *                              well-formed code points that control a
 *                              terminal or the layout of a line: the C1
 *                              controls U+0080..U+009F, the line and
 *                              paragraph separators U+2028/U+2029 and the
 *                              bidirectional marks and overrides (U+200E,
 *                              U+200F, U+202A..U+202E, U+2066..U+2069)
 *
 * Printable ASCII and any other well-formed UTF-8 pass unchanged, so
 * names in other scripts stay readable. A backslash passes unchanged too:
 * the escapes exist to keep the console safe, not to make the text
 * reversible, and escaping it would double every backslash of text that a
 * component escaped before (init's lines pass core's LOG service).
 */

#ifndef _INCLUDE__UTIL__ESCAPE_H_
#define _INCLUDE__UTIL__ESCAPE_H_

#include <stddef.h>

/* the most bytes that one source byte can become ("\xHH") */
enum { ESCAPE_EXPANSION_MAX = 4 };

/*
 * Write src[0 .. len) escaped to dst (dst_size bytes, no terminator) as
 * far as whole escapes fit; an escape or UTF-8 sequence is never cut.
 * Returns the bytes written; *consumed (if not NULL) the bytes of src
 * they stand for.
 */
size_t escape_text(char *dst, size_t dst_size, const char *src, size_t len, size_t *consumed);

/* escape the NUL-terminated src into dst, NUL-terminated, cut if dst is too small */
void escape_string(char *dst, size_t dst_size, const char *src);

#endif /* _INCLUDE__UTIL__ESCAPE_H_ */
