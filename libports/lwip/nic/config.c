/*
 * \brief  lwip_nic: the <lwip> config node (lwip_env.h)
 *
 *   <lwip dhcp="yes"/>                                     (the default)
 *   <lwip ip="10.0.2.55" netmask="255.255.255.0" gateway="10.0.2.1"/>
 *   tx_buf_size, rx_buf_size: the NIC session's stream regions (256K)
 */

#include <base/log.h>
#include <lwip/ip4_addr.h>
#include <lwip_env.h>
#include <util/node.h>
#include <util/string.h>

#include "nic_netif.h"

enum { BUF_DEFAULT = 256 * 1024, BUF_MIN = 64 * 1024, BUF_MAX = 64 << 20 };

/* an address attribute; a missing one is def */
static status_t
address_read(const struct node *n, const char *name, const char *def, ip4_addr_t *out)
{
	char text[32];
	struct node_error err;
	status_t s = STATUS_OK;
	if (n)
		s = node_attribute_string(n, name, text, sizeof(text), def, &err);
	else
		(void)str_copy(text, def, sizeof(text));
	if (s != STATUS_OK || !ip4addr_aton(text, out)) {
		log_error("lwip: config: <lwip %s=\"%s\"> is not an IPv4 address", name, text);
		return STATUS_INVALID_ARGS;
	}
	return STATUS_OK;
}

static status_t
buffer_read(const struct node *n, const char *name, uint64_t *out)
{
	struct node_error err;
	status_t s = n ? node_attribute_size(n, name, BUF_DEFAULT, out, &err) : STATUS_OK;
	if (!n)
		*out = BUF_DEFAULT;
	if (s != STATUS_OK || *out < BUF_MIN || *out > BUF_MAX) {
		log_error("lwip: config: <lwip %s> must be a size from 64K to 64M", name);
		return STATUS_INVALID_ARGS;
	}
	return STATUS_OK;
}

static status_t
config_read(const struct node *n, struct nic_netif_addr *a)
{
	struct node_error err;
	bool has_ip = n && node_has_attribute(n, "ip");
	if (n && node_attribute_bool(n, "dhcp", !has_ip, &a->dhcp, &err) != STATUS_OK) {
		log_error("lwip: config: <lwip dhcp> must be yes or no");
		return STATUS_INVALID_ARGS;
	}
	if (!n)
		a->dhcp = true;
	if (a->dhcp && has_ip) {
		log_error("lwip: config: <lwip> names an ip and dhcp=\"yes\": choose one");
		return STATUS_INVALID_ARGS;
	}
	if (!a->dhcp && !has_ip) {
		log_error("lwip: config: <lwip dhcp=\"no\"> needs an ip");
		return STATUS_INVALID_ARGS;
	}
	status_t s = STATUS_OK;
	if (!a->dhcp) {
		s = address_read(n, "ip", "0.0.0.0", &a->ip);
		if (s == STATUS_OK)
			s = address_read(n, "netmask", "255.255.255.0", &a->netmask);
		if (s == STATUS_OK)
			s = address_read(n, "gateway", "0.0.0.0", &a->gateway);
	}
	if (s == STATUS_OK)
		s = buffer_read(n, "tx_buf_size", &a->tx_buf_size);
	if (s == STATUS_OK)
		s = buffer_read(n, "rx_buf_size", &a->rx_buf_size);
	return s;
}

status_t
lwip_nic_up(struct env *env, const struct node *config)
{
	struct nic_netif_addr a = {0};
	status_t s = config_read(config, &a);
	return s == STATUS_OK ? nic_netif_start(env, &a) : s;
}
