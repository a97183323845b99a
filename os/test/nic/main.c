/*
 * \brief  test-nic: ARP and ping through a NIC session (test_nic.h)
 */

#include <base/component.h>
#include <base/config_root.h>
#include <base/log.h>
#include <util/format.h>
#include <util/node_tree.h>
#include <util/string.h>

#include "test_nic.h"

enum { TEST_NIC_BUF = 256 * 1024, TEST_NIC_BURST = 256 };

static struct test_nic test_nic;

/* "a.b.c.d" into ip; false if malformed */
static bool
ip_parse(const char *s, uint8_t ip[4])
{
	for (unsigned i = 0; i < 4; i++) {
		unsigned v = 0, digits = 0;
		for (; *s >= '0' && *s <= '9' && digits < 3; s++, digits++)
			v = v * 10 + (unsigned)(*s - '0');
		if (!digits || v > 255 || *s != (i < 3 ? '.' : 0))
			return false;
		ip[i] = (uint8_t)v;
		s += i < 3;
	}
	return true;
}

struct test_nic_config {
	char hostile[24];
	uint64_t echoes;
};

static bool
config_read(struct env *env, struct test_nic *t, struct test_nic_config *c)
{
	struct config_root cfg;
	char ip[20], host[20];
	const struct node *root = config_root_parse(env, &cfg);

	if (!root ||
	    node_attribute_string(root, "ip", ip, sizeof(ip), "10.0.2.2", &cfg.err) != STATUS_OK ||
	    node_attribute_string(root, "host", host, sizeof(host), "10.0.2.1", &cfg.err) !=
	            STATUS_OK ||
	    node_attribute_string(root, "hostile", c->hostile, sizeof(c->hostile), "", &cfg.err) !=
	            STATUS_OK ||
	    node_attribute_u64(root, "echoes", 3, &c->echoes, &cfg.err) != STATUS_OK ||
	    !ip_parse(ip, t->ip) || !ip_parse(host, t->host)) {
		log_error("test-nic: malformed config");
		return false;
	}
	return true;
}

/* receive and answer for at most timeout_ms or until done says so */
static void
serve(struct test_nic *t, unsigned timeout_ms, bool (*done)(struct test_nic *))
{
	struct packet_descriptor p;
	const uint8_t *data;
	size_t size;

	for (unsigned waited = 0; waited < timeout_ms && !done(t);) {
		while (nic_client_rx_get(&t->nic, &p, &data, &size) == STATUS_OK) {
			test_nic_frame(t, data, size);
			(void)nic_client_rx_done(&t->nic, &p);
		}
		if (!done(t) && nic_client_wait(&t->nic, 50000) == STATUS_TIMEOUT)
			waited += 50;
	}
}

static bool
host_known(struct test_nic *t)
{
	return t->host_known;
}

static uint64_t echoes_wanted;

static bool
echoes_done(struct test_nic *t)
{
	return t->echoes >= echoes_wanted;
}

static void
finish(struct env *env, struct test_nic *t, bool ok)
{
	log_print("test-nic: %llu frames sent, %llu received, %llu wake-ups",
	          (unsigned long long)t->tx_frames, (unsigned long long)t->rx_frames,
	          (unsigned long long)t->nic.signals);
	nic_client_close(&t->nic);
	if (ok)
		log_print("test-nic: all done, finished!");
	env_exit(env, ok ? 0 : 1);
}

enum { TEST_NIC_HOSTILE_MAX = 4 };

/*
 * One session per word of modes, each corrupted and cut off; all stay
 * open until the close_hostile call. false (logged) on any failure.
 */
static struct test_nic hostile[TEST_NIC_HOSTILE_MAX];
static unsigned hostile_count;

static bool
open_hostile(struct env *env, struct test_nic *t, const char *modes)
{
	char mode[24], label[32];

	while (*modes) {
		size_t n = 0;
		while (modes[n] && modes[n] != ' ')
			n++;
		if (n && (n >= sizeof(mode) || hostile_count == TEST_NIC_HOSTILE_MAX))
			return false;
		if (n) {
			struct test_nic *h = &hostile[hostile_count];
			mem_copy(mode, modes, n);
			mode[n] = 0;
			format_string(label, sizeof(label), "hostile-%s", mode);
			mem_copy(h->ip, t->ip, 4);
			mem_copy(h->host, t->host, 4);
			if (nic_client_open(&h->nic, env, label, TEST_NIC_BUF, TEST_NIC_BUF) !=
			    STATUS_OK)
				return false;
			hostile_count++;
			if (!test_nic_corrupt(h, mode))
				return false;
		}
		modes += n + (modes[n] == ' ');
	}
	return true;
}

void
component_construct(struct env *env)
{
	struct test_nic *t = &test_nic;
	struct test_nic_config c = {{0}, 0};

	if (!config_read(env, t, &c))
		env_exit(env, 1);
	echoes_wanted = c.echoes;
	if (!test_nic_refusals(env) || !open_hostile(env, t, c.hostile)) {
		log_error("test-nic: the refused or hostile sessions failed");
		env_exit(env, 1);
	}
	/* with the hostile sessions still open: the driver freed the device at each cut-off */
	status_t st = nic_client_open(&t->nic, env, "echo", TEST_NIC_BUF, TEST_NIC_BUF);
	for (unsigned i = 0; i < hostile_count; i++)
		nic_client_close(&hostile[i].nic);
	if (st != STATUS_OK) {
		log_error("test-nic: cannot open the NIC session: %s", status_name(st));
		env_exit(env, 1);
	}
	if (!test_nic_busy(env))
		finish(env, t, false);
	const uint8_t *m = t->nic.mac;
	log_print("test-nic: MAC %02x:%02x:%02x:%02x:%02x:%02x", m[0], m[1], m[2], m[3], m[4],
	          m[5]);
	for (unsigned i = 0; i < 10 && !t->host_known; i++) {
		if (!test_nic_arp_request(t))
			finish(env, t, false);
		serve(t, 1000, host_known);
	}
	if (!t->host_known || !test_nic_burst(t, TEST_NIC_BURST)) {
		log_error("test-nic: no ARP answer from the host");
		finish(env, t, false);
	}
	log_print("test-nic: ready");
	serve(t, 30000, echoes_done);
	log_print("test-nic: answered %u echo requests", t->echoes);
	finish(env, t, echoes_done(t));
}
