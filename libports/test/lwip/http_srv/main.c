/*
 * \brief  http_srv: a web server on lwIP's netconn API
 *
 * Starts lwIP, brings up its netif over a NIC session as the <lwip>
 * config node says (DHCP by default; lwIP logs "got address ..."), and
 * serves HTTP on port 80 (<config port="..">) from a thread of its own:
 * the page at /, 404 for any other path. Each request is logged with
 * its answer. Clients are served one at a time; one that sends no
 * request within 2 s is closed.
 *
 *   <config port="80"> <lwip dhcp="yes"/> </config>
 */

#include <base/component.h>
#include <base/config_root.h>
#include <base/log.h>
#include <base/thread.h>
#include <lwip/api.h>
#include <lwip_env.h>
#include <util/node.h>

#include "http_srv.h"

enum { SERVER_STACK = 64 * 1024, PATH_MAX_LEN = 64, REQUEST_TIMEOUT_MS = 2000 };

static uint16_t port = 80;

static void
serve_one(struct netconn *c)
{
	struct netbuf *buf;
	/* one client at a time: a silent one must not keep the others out */
	netconn_set_recvtimeout(c, REQUEST_TIMEOUT_MS);
	err_t e = netconn_recv(c, &buf);
	if (e == ERR_TIMEOUT)
		log_warning("http_srv: no request within %d ms: connection closed",
		            REQUEST_TIMEOUT_MS);
	if (e != ERR_OK)
		return;
	void *data;
	u16_t len;
	netbuf_data(buf, &data, &len);
	const char *answer;
	size_t answer_len;
	char path[PATH_MAX_LEN];
	int status = http_answer(data, len, &answer, &answer_len, path, sizeof(path));
	netbuf_delete(buf);
	log_print("http_srv: GET %s -> %d", path[0] ? path : "(malformed)", status);
	(void)netconn_write(c, answer, answer_len, NETCONN_COPY);
}

static void
server_main(void *arg)
{
	(void)arg;
	struct netconn *listener = netconn_new(NETCONN_TCP);
	if (!listener || netconn_bind(listener, IP_ADDR_ANY, port) != ERR_OK ||
	    netconn_listen(listener) != ERR_OK) {
		log_error("http_srv: cannot listen on port %u", port);
		return;
	}
	log_print("http_srv: listening on port %u", port);
	for (;;) {
		struct netconn *c;
		if (netconn_accept(listener, &c) != ERR_OK)
			continue;
		serve_one(c);
		netconn_close(c);
		netconn_delete(c);
	}
}

void
component_construct(struct env *env)
{
	static struct config_root config;
	const struct node *root = config_root_parse(env, &config);
	const struct node *lwip = root ? node_sub_node(root, "lwip") : NULL;
	uint64_t p = 80;
	if (root &&
	    (node_attribute_u64(root, "port", 80, &p, NULL) != STATUS_OK || p == 0 || p > 65535)) {
		log_error("http_srv: config: port must be 1..65535");
		env_exit(env, 1);
		return;
	}
	port = (uint16_t)p;
	static struct thread *server;
	if (lwip_tcpip_init() != STATUS_OK || lwip_nic_up(env, lwip) != STATUS_OK ||
	    thread_create("http", SERVER_STACK, server_main, NULL, &server) != STATUS_OK ||
	    thread_start(server) != STATUS_OK) {
		log_error("http_srv: cannot start");
		env_exit(env, 1);
	}
}
