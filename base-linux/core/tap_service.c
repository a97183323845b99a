/*
 * \brief  core's "Tap" service: a TAP device for exactly the child granted it
 *
 * A NIC driver needs a TAP file descriptor, but opening /dev/net/tun and
 * TUNSETIFF are what the component sandbox forbids (no device nodes, no
 * such ioctl). So core, which is not sandboxed, opens each device named
 * on its command line (--tap <device>:<label>) at boot, before any
 * process exists, and hands it out as the session capability of a "Tap"
 * session: on Linux a capability is a descriptor, and the driver reads
 * and writes frames on it without any further privilege. The device goes
 * to a session of top-level init's child <label> only; every other
 * request is refused and named (default deny), as is a device that could
 * not be opened. doc/net.md.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/if.h>
#include <linux/if_tun.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <base/log.h>
#include <util/format.h>
#include <util/string.h>

#include "core_service.h"
#include "pd_linux.h"
#include "platform.h"

enum { TAP_GRANTS_MAX = 8, TAP_NAME_MAX = IFNAMSIZ, TAP_LABEL_MAX = 64 };

struct tap_grant {
	char device[TAP_NAME_MAX];
	char label[CORE_LABEL_MAX]; /* as core composes it: "init -> nic_drv" */
	int fd;                     /* OWNED, -1 if the device could not be opened */
};

static struct tap_grant tap_grants[TAP_GRANTS_MAX];
static unsigned tap_grant_count;

/* open device as a TAP without packet information; -1 (logged) on failure */
static int
tap_open(const char *device)
{
	struct ifreq ifr;
	int fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC);

	if (fd < 0) {
		log_error("core: TAP device \"%s\": cannot open /dev/net/tun: %s", device,
		          strerror(errno));
		return -1;
	}
	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_flags = IFF_TAP | IFF_NO_PI;
	str_copy(ifr.ifr_name, device, sizeof(ifr.ifr_name));
	if (ioctl(fd, TUNSETIFF, &ifr) != 0) {
		log_error("core: TAP device \"%s\": TUNSETIFF failed: %s", device, strerror(errno));
		close(fd);
		return -1;
	}
	return fd;
}

/* "<device>:<label>" of --tap; false (logged) if malformed */
static bool
tap_grant_add(const char *spec)
{
	const char *colon = strchr(spec, ':');
	size_t dev_len = colon ? (size_t)(colon - spec) : 0;

	if (tap_grant_count == TAP_GRANTS_MAX || !colon || dev_len == 0 ||
	    dev_len >= TAP_NAME_MAX || !colon[1] || str_len(colon + 1) >= TAP_LABEL_MAX) {
		log_error("core: --tap \"%s\": expected <device>:<label> (device < %u bytes, at "
		          "most %u grants)",
		          spec, TAP_NAME_MAX, TAP_GRANTS_MAX);
		return false;
	}
	struct tap_grant *g = &tap_grants[tap_grant_count];
	memcpy(g->device, spec, dev_len);
	g->device[dev_len] = 0;
	/* one child per device: a second grant would never be honoured */
	for (unsigned i = 0; i < tap_grant_count; i++)
		if (str_equal(tap_grants[i].device, g->device)) {
			log_error("core: --tap \"%s\": device \"%s\" is granted to \"%s\" already",
			          spec, g->device, tap_grants[i].label);
			return false;
		}
	tap_grant_count++;
	format_string(g->label, sizeof(g->label), "init -> %s", colon + 1);
	g->fd = tap_open(g->device);
	if (g->fd >= 0)
		log_print("core: TAP device \"%s\" granted to \"%s\"", g->device, g->label);
	return true;
}

int
linux_tap_options_take(int argc, char **argv)
{
	int out = 1;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--tap") == 0 && i + 1 < argc) {
			if (!tap_grant_add(argv[++i]))
				return -1;
			continue;
		}
		argv[out++] = argv[i];
	}
	argv[out] = 0;
	return out;
}

static const struct tap_grant *
tap_grant_of_device(const char *device)
{
	for (unsigned i = 0; i < tap_grant_count; i++)
		if (str_equal(tap_grants[i].device, device))
			return &tap_grants[i];
	return 0;
}

static status_t
tap_create(const struct arg_string *args, const char *label, cap_t *session)
{
	char device[TAP_NAME_MAX + 1] = "";

	if (arg_string_get_string(args, "device", device, sizeof(device)) != STATUS_OK ||
	    !device[0]) {
		log_error("Tap \"%s\": refused: the request names no device (device=\"tap0\")",
		          label);
		return STATUS_INVALID_ARGS;
	}
	const struct tap_grant *g = tap_grant_of_device(device);
	if (!g) {
		log_error("Tap \"%s\": device \"%s\" refused: core's config grants it to nobody",
		          label, device);
		return STATUS_DENIED;
	}
	if (!str_equal(g->label, label)) {
		log_error(
		        "Tap \"%s\": device \"%s\" refused: core's config grants it to \"%s\" only",
		        label, device, g->label);
		return STATUS_DENIED;
	}
	if (g->fd < 0) {
		log_error("Tap \"%s\": device \"%s\" refused: core could not open it at boot",
		          label, device);
		return STATUS_UNAVAILABLE;
	}
	*session = (cap_t){g->fd};
	return STATUS_OK;
}

/* a session is named by a copy of the device's descriptor */
static bool
tap_owns(cap_t session)
{
	struct cap_key a, b;
	if (cap_key_get(session, &a) != STATUS_OK)
		return false;
	for (unsigned i = 0; i < tap_grant_count; i++)
		if (tap_grants[i].fd >= 0 &&
		    cap_key_get((cap_t){tap_grants[i].fd}, &b) == STATUS_OK &&
		    cap_key_compare(&a, &b) == 0)
			return true;
	return false;
}

/* the device stays open in core for the driver's next start */
static bool
tap_close(cap_t session)
{
	return tap_owns(session);
}

static bool
tap_upgrade(cap_t session, uint64_t amount)
{
	(void)amount;
	return tap_owns(session);
}

static struct core_service tap_service = {.name = "Tap",
                                          .session_size = 0,
                                          .create = tap_create,
                                          .close = tap_close,
                                          .upgrade = tap_upgrade};

struct core_service *
platform_core_service(struct entrypoint *ep)
{
	(void)ep;
	return &tap_service;
}
