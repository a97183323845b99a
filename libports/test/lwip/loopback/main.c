/*
 * \brief  loopback: TCP between two threads of one component over lwIP
 *
 * A program written against POSIX sockets: after libc_lwip_init, its
 * socket calls go through the C runtime's lwIP plugin to lwIP's loopback
 * netif (127.0.0.1); no NIC is involved. The server thread (server.c)
 * listens; the client here sends a message and then a megabyte, and
 * compares the server's answers. Exits 0 when all went as expected.
 */

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <libc_lwip.h>

#include "loopback.h"

static int
client_connect(void)
{
	int s = socket(AF_INET, SOCK_STREAM, 0);
	CHECK(s >= 0, "client: socket: %m");
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(LOOPBACK_PORT)};
	CHECK(inet_pton(AF_INET, "127.0.0.1", &a.sin_addr) == 1, "inet_pton");
	CHECK(connect(s, (struct sockaddr *)&a, sizeof(a)) == 0, "client: connect: %m");
	return s;
}

/* read the whole answer, until the server closes */
static int
answer_read(int s, char *buf, size_t size)
{
	size_t got = 0;
	ssize_t n;
	while (got < size - 1 && (n = read(s, buf + got, size - 1 - got)) > 0)
		got += (size_t)n;
	buf[got] = 0;
	return 0;
}

static int
client_message(void)
{
	static const char message[] = "Hello from the client thread over lwIP's loopback";
	int s = client_connect();
	CHECK(s >= 0, "client: no connection");
	struct sockaddr_in peer;
	socklen_t len = sizeof(peer);
	CHECK(getpeername(s, (struct sockaddr *)&peer, &len) == 0 &&
	              ntohs(peer.sin_port) == LOOPBACK_PORT,
	      "client: getpeername");
	CHECK(write(s, message, strlen(message)) == (ssize_t)strlen(message), "client: write: %m");
	CHECK(shutdown(s, SHUT_WR) == 0, "client: shutdown: %m");
	char answer[64];
	answer_read(s, answer, sizeof(answer));
	close(s);
	printf("client: received \"%s\"\n", answer);
	char expected[64];
	snprintf(expected, sizeof(expected), "%zu bytes received", strlen(message));
	CHECK(strcmp(answer, expected) == 0, "client: expected \"%s\"", expected);
	return 0;
}

static int
client_bulk(void)
{
	unsigned char *data = malloc(BULK_BYTES);
	CHECK(data, "malloc");
	for (size_t i = 0; i < BULK_BYTES; i++)
		data[i] = bulk_byte(i);
	int s = client_connect();
	CHECK(s >= 0, "client: no connection");
	size_t sent = 0;
	while (sent < BULK_BYTES) {
		ssize_t n = send(s, data + sent, BULK_BYTES - sent, 0);
		CHECK(n > 0, "client: send: %m");
		sent += (size_t)n;
	}
	free(data);
	CHECK(shutdown(s, SHUT_WR) == 0, "client: shutdown: %m");
	char answer[32], expected[32];
	answer_read(s, answer, sizeof(answer));
	close(s);
	snprintf(expected, sizeof(expected), "%d 0", BULK_BYTES);
	printf("client: bulk answer \"%s\"\n", answer);
	CHECK(strcmp(answer, expected) == 0, "client: bulk: expected \"%s\"", expected);
	return 0;
}

int
main(void)
{
	CHECK(libc_lwip_init() == 0, "libc_lwip_init: %m");
	if (checks_run() < 0 || server_start() < 0 || client_message() < 0 || client_bulk() < 0 ||
	    server_wait() < 0)
		return 1;
	printf("loopback: all done\n");
	return 0;
}
