/*
 * \brief  loopback: errors as POSIX says them, and UDP datagrams (with poll,
 *         FIONREAD and a non-blocking receive)
 */

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include "loopback.h"

static int
errors(void)
{
	errno = 0;
	CHECK(socket(AF_INET6, SOCK_STREAM, 0) < 0 && errno == EAFNOSUPPORT,
	      "socket(AF_INET6) gave errno %d, not EAFNOSUPPORT", errno);
	int s = socket(AF_INET, SOCK_STREAM, 0);
	CHECK(s >= 0, "socket: %m");
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(9)};
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	errno = 0;
	CHECK(connect(s, (struct sockaddr *)&a, sizeof(a)) < 0 && errno == ECONNREFUSED,
	      "connect to a closed port gave errno %d, not ECONNREFUSED", errno);
	close(s);
	s = socket(AF_INET, SOCK_STREAM, 0);
	errno = 0;
	CHECK(bind(s, (struct sockaddr *)&a, sizeof(a) - 4) < 0 && errno == EINVAL,
	      "bind with a short address gave errno %d, not EINVAL", errno);
	close(s);
	printf("checks: AF_INET6, a closed port and a short address refused as POSIX says\n");
	return 0;
}

static int
datagrams(void)
{
	int rx = socket(AF_INET, SOCK_DGRAM, 0), tx = socket(AF_INET, SOCK_DGRAM, 0);
	CHECK(rx >= 0 && tx >= 0, "udp socket: %m");
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(LOOPBACK_PORT + 1)};
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	CHECK(bind(rx, (struct sockaddr *)&a, sizeof(a)) == 0, "udp bind: %m");
	static const char text[] = "a datagram";
	char buf[64];
	errno = 0;
	CHECK(recv(rx, buf, sizeof(buf), MSG_DONTWAIT) < 0 &&
	              (errno == EAGAIN || errno == EWOULDBLOCK),
	      "recv(MSG_DONTWAIT) of nothing gave errno %d, not EAGAIN", errno);
	CHECK(sendto(tx, text, sizeof(text), 0, (struct sockaddr *)&a, sizeof(a)) == sizeof(text),
	      "sendto: %m");
	struct pollfd p = {.fd = rx, .events = POLLIN};
	int pending = 0;
	CHECK(poll(&p, 1, 5000) == 1 && (p.revents & POLLIN), "poll for the datagram");
	CHECK(ioctl(rx, FIONREAD, &pending) == 0 && pending == sizeof(text),
	      "FIONREAD says %d, not %zu", pending, sizeof(text));
	struct sockaddr_in from;
	socklen_t len = sizeof(from);
	ssize_t n = recvfrom(rx, buf, sizeof(buf), 0, (struct sockaddr *)&from, &len);
	CHECK(n == sizeof(text) && memcmp(buf, text, sizeof(text)) == 0, "recvfrom: %zd bytes", n);
	struct sockaddr_in mine;
	socklen_t mine_len = sizeof(mine);
	CHECK(getsockname(tx, (struct sockaddr *)&mine, &mine_len) == 0 &&
	              mine.sin_port == from.sin_port,
	      "the sender's port differs from recvfrom's");
	printf("checks: udp: \"%s\" from port %u\n", buf, ntohs(from.sin_port));
	close(rx);
	close(tx);
	return 0;
}

int
checks_run(void)
{
	return errors() < 0 || datagrams() < 0 ? -1 : 0;
}
