/*
 * \brief  bench-lwip: the TCP sink on lwIP's netconn API
 *
 * pbufs straight from the connection, no copy: what is measured is the
 * path of the frames into lwIP and the acknowledgements out.
 */

#include <lwip/api.h>

#include "sink.h"

int64_t
sink_serve_one(void (*listening)(void))
{
	struct netconn *l = netconn_new(NETCONN_TCP), *c = NULL;
	if (!l || netconn_bind(l, IP_ADDR_ANY, SINK_PORT) != ERR_OK || netconn_listen(l) != ERR_OK)
		return -1;
	listening();
	int64_t total = -1;
	if (netconn_accept(l, &c) == ERR_OK) {
		total = 0;
		struct pbuf *p;
		while (netconn_recv_tcp_pbuf(c, &p) == ERR_OK) {
			total += p->tot_len;
			pbuf_free(p);
		}
		netconn_close(c);
		netconn_delete(c);
	}
	netconn_delete(l);
	return total;
}
