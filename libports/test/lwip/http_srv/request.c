/*
 * \brief  http_srv: one request, one answer
 *
 * GET / (or /index.html) gives the page, any other path 404, anything
 * but a GET 400. HTTP/1.0 style: the connection closes after the answer.
 */

#include <util/string.h>

#include "http_srv.h"

#define PAGE                                                  \
	"<html><head><title>Genode/C http_srv</title></head>" \
	"<body><h1>Hello from http_srv</h1><p>served by lwIP on Genode/C</p></body></html>\n"

static const char ok[] =
        "HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n" PAGE;
static const char not_found[] =
        "HTTP/1.0 404 Not Found\r\nContent-Type: text/html\r\n"
        "Connection: close\r\n\r\n<html><body>404 Not Found</body></html>\n";
static const char bad[] = "HTTP/1.0 400 Bad Request\r\nConnection: close\r\n\r\n";

/* the path of "GET <path> ..." into path (truncated, terminated), or false */
static bool
path_of(const char *req, size_t size, char *path, size_t path_size)
{
	if (size < 5 || !str_equal_counted("GET /", req, 5))
		return false;
	size_t i = 4, n = 0;
	while (i < size && req[i] != ' ' && req[i] != '\r' && req[i] != '\n') {
		if (n + 1 < path_size)
			path[n++] = req[i];
		i++;
	}
	path[n] = 0;
	return true;
}

int
http_answer(const char *request, size_t size, const char **out, size_t *out_len, char *path,
            size_t path_size)
{
	path[0] = 0;
	if (!path_of(request, size, path, path_size)) {
		*out = bad;
		*out_len = sizeof(bad) - 1;
		return 400;
	}
	if (str_equal(path, "/") || str_equal(path, "/index.html")) {
		*out = ok;
		*out_len = sizeof(ok) - 1;
		return 200;
	}
	*out = not_found;
	*out_len = sizeof(not_found) - 1;
	return 404;
}
