/*
 * \brief  bench-lwip: the sender, a Linux TCP socket in the namespace
 *
 * Timed from the connection to the peer's close, which the sink answers the
 * end of the data with: every byte has arrived by then.
 */

#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "../common/measure.h"
#include "bench_lwip.h"

enum { CHUNK = 64 * 1024, CONNECT_TRIES = 50 };

static int
connected(const char *ip, uint16_t port)
{
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
	inet_pton(AF_INET, ip, &a.sin_addr);
	for (int i = 0; i < CONNECT_TRIES; i++) {
		int s = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
		if (s < 0)
			return -1;
		if (connect(s, (struct sockaddr *)&a, sizeof(a)) == 0)
			return s;
		close(s);
		usleep(100 * 1000);
	}
	return -1;
}

double
sender_mb_s(const char *ip, uint16_t port, uint64_t bytes)
{
	static char chunk[CHUNK];
	memset(chunk, 0x5a, sizeof(chunk));
	int s = connected(ip, port);
	if (s < 0)
		return -1;
	uint64_t t0 = bench_now_ns();
	uint64_t sent = 0;
	while (sent < bytes) {
		size_t n = bytes - sent < CHUNK ? (size_t)(bytes - sent) : CHUNK;
		ssize_t r = send(s, chunk, n, MSG_NOSIGNAL);
		if (r <= 0)
			break;
		sent += (uint64_t)r;
	}
	char c;
	bool ok = sent == bytes && shutdown(s, SHUT_WR) == 0 && read(s, &c, 1) == 0;
	close(s);
	double secs = (double)(bench_now_ns() - t0) / 1e9;
	return ok ? (double)bytes / 1e6 / secs : -1;
}
