/*
 * \brief  loopback: the server thread
 *
 * Listens on 127.0.0.1:8080. The first connection carries a message:
 * the server prints it and answers with its length. The second carries
 * the bulk transfer, read through poll and FIONREAD: the server checks every byte
 * and answers with the count.
 */

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdbool.h>
#include <pthread.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "loopback.h"

static pthread_t thread;
static pthread_mutex_t mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cond = PTHREAD_COND_INITIALIZER;
static int listening = -1; /* -1: not yet, 0: failed, 1: listening */

static void
listening_say(int state)
{
	pthread_mutex_lock(&mutex);
	listening = state;
	pthread_cond_broadcast(&cond);
	pthread_mutex_unlock(&mutex);
}

static int
serve_message(int c)
{
	char buf[256];
	size_t got = 0;
	ssize_t n;
	while (got < sizeof(buf) - 1 && (n = read(c, buf + got, sizeof(buf) - 1 - got)) > 0)
		got += (size_t)n;
	buf[got] = 0;
	printf("server: received \"%s\" (%zu bytes)\n", buf, got);
	char answer[64];
	int len = snprintf(answer, sizeof(answer), "%zu bytes received", got);
	CHECK(write(c, answer, (size_t)len) == len, "server: write answer");
	return 0;
}

static int
serve_bulk(int c)
{
	static unsigned char buf[16384];
	size_t total = 0, wrong = 0;
	bool readable_seen = false;
	for (;;) {
		struct pollfd p = {.fd = c, .events = POLLIN};
		CHECK(poll(&p, 1, 10000) == 1 && (p.revents & POLLIN),
		      "server: poll for bulk data");
		int pending = -1;
		CHECK(ioctl(c, FIONREAD, &pending) == 0 && pending >= 0, "server: FIONREAD: %m");
		readable_seen |= pending > 0;
		ssize_t n = read(c, buf, sizeof(buf));
		CHECK(n >= 0, "server: read bulk: %m");
		if (n == 0)
			break;
		for (ssize_t i = 0; i < n; i++)
			wrong += buf[i] != bulk_byte(total + (size_t)i);
		total += (size_t)n;
	}
	printf("server: bulk: %zu bytes, %zu wrong\n", total, wrong);
	CHECK(readable_seen, "server: FIONREAD never saw bytes waiting");
	char answer[32];
	int len = snprintf(answer, sizeof(answer), "%zu %zu", total, wrong);
	CHECK(write(c, answer, (size_t)len) == len, "server: write bulk answer");
	return 0;
}

static int
serve(void)
{
	int s = socket(AF_INET, SOCK_STREAM, 0);
	CHECK(s >= 0, "server: socket: %m");
	int on = 1;
	CHECK(setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) == 0,
	      "server: SO_REUSEADDR: %m");
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(LOOPBACK_PORT)};
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	CHECK(bind(s, (struct sockaddr *)&a, sizeof(a)) == 0, "server: bind: %m");
	CHECK(listen(s, 4) == 0, "server: listen: %m");
	listening_say(1);

	for (int round = 0; round < 2; round++) {
		struct sockaddr_in peer;
		socklen_t len = sizeof(peer);
		int c = accept(s, (struct sockaddr *)&peer, &len);
		CHECK(c >= 0, "server: accept: %m");
		char ip[INET_ADDRSTRLEN];
		printf("server: connection from %s\n",
		       inet_ntop(AF_INET, &peer.sin_addr, ip, sizeof(ip)));
		int r = round == 0 ? serve_message(c) : serve_bulk(c);
		close(c);
		if (r < 0)
			return r;
	}
	close(s);
	return 0;
}

static void *
server_main(void *arg)
{
	(void)arg;
	int r = serve();
	if (r < 0)
		listening_say(0);
	return (void *)(long)r;
}

int
server_start(void)
{
	CHECK(pthread_create(&thread, NULL, server_main, NULL) == 0, "pthread_create");
	pthread_mutex_lock(&mutex);
	while (listening < 0)
		pthread_cond_wait(&cond, &mutex);
	int ok = listening;
	pthread_mutex_unlock(&mutex);
	CHECK(ok == 1, "the server does not listen");
	return 0;
}

int
server_wait(void)
{
	void *r;
	CHECK(pthread_join(thread, &r) == 0, "pthread_join");
	return (int)(long)r;
}
