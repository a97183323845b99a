/*
 * \brief  Finding a session by capability: root_component against a scan
 *
 * A server finds the session of every capability a client hands back
 * (close, upgrade, a thread to kill). The scan of the fixed tables it
 * replaced compared with cap_same, two fstat calls per session; the root
 * component asks once for the key (one fstat) and walks an AVL tree.
 * Both are measured here in the same run, over N sessions whose
 * capabilities are sockets (what they are on Linux), looking up copies of
 * each capability in turn: the scan's mean position is N/2.
 *
 *   bench-root_lookup
 */

#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <base/log.h>
#include <root/component.h>

#include "../common/measure.h"

enum { N_MAX = 1024 };

struct lookup_bench {
	struct cap_index index;
	struct cap_index_entry entries[N_MAX];
	cap_t caps[N_MAX];   /* what the server keeps */
	cap_t copies[N_MAX]; /* what clients hand back */
	unsigned n, next;
};

static struct lookup_bench b;

void
log_output_line(const char *line, size_t len)
{
	fprintf(stderr, "%.*s\n", (int)len, line);
}

static bool
lookup_scan(void *ctx)
{
	(void)ctx;
	cap_t want = b.copies[b.next++ % b.n];
	for (unsigned i = 0; i < b.n; i++)
		if (cap_same(b.caps[i], want))
			return true;
	return false;
}

static bool
lookup_index(void *ctx)
{
	(void)ctx;
	return cap_index_lookup(&b.index, b.copies[b.next++ % b.n]) != 0;
}

static void
sessions_make(unsigned n)
{
	b.n = n;
	cap_index_init(&b.index);
	for (unsigned i = 0; i < n; i++) {
		int sv[2];
		if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) != 0) {
			perror("socketpair");
			exit(1);
		}
		close(sv[1]);
		b.caps[i] = (cap_t){sv[0]};
		if (cap_dup(b.caps[i], &b.copies[i]) != STATUS_OK ||
		    cap_index_insert(&b.index, &b.entries[i], b.caps[i]) != STATUS_OK)
			exit(1);
	}
}

static void
sessions_drop(void)
{
	for (unsigned i = 0; i < b.n; i++) {
		cap_index_remove(&b.index, &b.entries[i]);
		cap_close(b.caps[i]);
		cap_close(b.copies[i]);
	}
}

int
main(void)
{
	static const unsigned sizes[] = {8, 128, 1024};
	struct rlimit r;
	if (getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur < 2 * N_MAX + 64) {
		r.rlim_cur = r.rlim_max < 2 * N_MAX + 64 ? r.rlim_max : 2 * N_MAX + 64;
		(void)setrlimit(RLIMIT_NOFILE, &r);
	}
	bench_pin_cpu(0);
	for (unsigned k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		if (2 * sizes[k] + 64 > r.rlim_cur)
			break;
		sessions_make(sizes[k]);
		/* fewer scans of many sessions: each is N fstat pairs */
		double scan = measure(lookup_scan, 0, 20000 / sizes[k] + 10);
		double index = measure(lookup_index, 0, 20000);
		printf("lookup among %4u sessions: scan with cap_same %9.0f ns, root_component "
		       "%5.0f ns (%.0fx)\n",
		       sizes[k], scan, index, scan / index);
		sessions_drop();
	}
	return 0;
}
