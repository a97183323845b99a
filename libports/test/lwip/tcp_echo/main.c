/*
 * \brief  tcp_echo: one TCP echo over the network, in POSIX terms
 *
 * libc_lwip_init brings up the NIC netif that the config's <lwip> node
 * describes; then the program listens on port 7, takes one connection,
 * answers its first line with "echo: <line>" and exits 0.
 */

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <libc_lwip.h>

enum { PORT = 7 };

static int
serve_one(int l)
{
	struct sockaddr_in peer;
	socklen_t len = sizeof(peer);
	int c = accept(l, (struct sockaddr *)&peer, &len);
	if (c < 0) {
		perror("tcp_echo: accept");
		return 1;
	}
	char line[128], ip[INET_ADDRSTRLEN];
	size_t got = 0;
	ssize_t n;
	while (got < sizeof(line) - 1 && (n = read(c, line + got, 1)) == 1 && line[got] != '\n')
		got++;
	line[got] = 0;
	printf("tcp_echo: \"%s\" from %s\n", line,
	       inet_ntop(AF_INET, &peer.sin_addr, ip, sizeof(ip)));
	char answer[160];
	int alen = snprintf(answer, sizeof(answer), "echo: %s\n", line);
	int ok = write(c, answer, (size_t)alen) == alen;
	close(c);
	return ok ? 0 : 1;
}

int
main(void)
{
	if (libc_lwip_init() != 0) {
		perror("tcp_echo: libc_lwip_init");
		return 1;
	}
	int l = socket(AF_INET, SOCK_STREAM, 0);
	struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(PORT)};
	a.sin_addr.s_addr = htonl(INADDR_ANY);
	if (l < 0 || bind(l, (struct sockaddr *)&a, sizeof(a)) != 0 || listen(l, 1) != 0) {
		perror("tcp_echo: listen");
		return 1;
	}
	printf("tcp_echo: listening on port %d\n", PORT);
	int r = serve_one(l);
	close(l);
	return r;
}
