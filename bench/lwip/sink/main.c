/*
 * \brief  bench-lwip-sink: the TCP sink behind a NIC session
 *
 * lwIP with a netif over a NIC session (<lwip ip=".."/>), the sink of
 * bench/lwip/sink.c on a thread of its own; logs "listening" and, after
 * the one transfer, "received N bytes" for bench-lwip to read.
 */

#include <base/component.h>
#include <base/config_root.h>
#include <base/log.h>
#include <base/thread.h>
#include <lwip_env.h>
#include <util/node.h>

#include "../sink.h"

static void
listening(void)
{
	log_print("bench-lwip-sink: listening on port %d", SINK_PORT);
}

static void
sink_main(void *arg)
{
	(void)arg;
	int64_t n = sink_serve_one(listening);
	log_print("bench-lwip-sink: received %lld bytes", (long long)n);
}

void
component_construct(struct env *env)
{
	static struct config_root config;
	const struct node *root = config_root_parse(env, &config);
	static struct thread *sink;
	if (lwip_tcpip_init() != STATUS_OK ||
	    lwip_nic_up(env, root ? node_sub_node(root, "lwip") : NULL) != STATUS_OK ||
	    thread_create("sink", 64 * 1024, sink_main, NULL, &sink) != STATUS_OK ||
	    thread_start(sink) != STATUS_OK) {
		log_error("bench-lwip-sink: cannot start");
		env_exit(env, 1);
	}
}
