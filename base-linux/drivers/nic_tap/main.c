/*
 * \brief  nic_drv: "Nic" on the TAP device core grants this component
 *
 * <config device="tap0" mac="02:00:00:00:00:01"/> (both optional). The
 * device comes as the capability of a "Tap" session at core, which core
 * hands out only to the child its --tap option names (base-linux/core/
 * tap_service.c, doc/net.md): on Linux a capability is a descriptor, so
 * the driver reads and writes frames on it and needs nothing the
 * sandbox forbids. The sessions are nic_server's (include/os/
 * nic_server.h); this file is the device: writes for TX and a reader
 * thread that blocks in read and hands each frame to nic_server_rx.
 */

#define _GNU_SOURCE
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>

#include <base/component.h>
#include <base/config_root.h>
#include <base/log.h>
#include <base/thread.h>
#include <nic_session/packet.h>
#include <os/nic_server.h>
#include <parent/client.h>
#include <util/format.h>
#include <util/node_tree.h>

enum { NIC_TAP_DEVICE_MAX = 16 };

static int nic_tap_fd = -1; /* our Tap session's capability */

/* a short or failed write drops the frame, as a busy wire would */
static void
nic_tap_send(void *ctx, const void *frame, size_t size)
{
	ssize_t n;
	(void)ctx;
	do
		n = write(nic_tap_fd, frame, size);
	while (n < 0 && errno == EINTR);
}

static void
nic_tap_reader(void *arg)
{
	static uint8_t frame[NIC_FRAME_MAX + 64];
	(void)arg;

	for (;;) {
		ssize_t n = read(nic_tap_fd, frame, sizeof(frame));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			log_error("nic_drv: reading the TAP device failed (errno %d): RX stopped",
			          errno);
			return;
		}
		(void)nic_server_rx(frame, (size_t)n);
	}
}

/* device and mac from the config; false (logged) if unusable */
static bool
nic_tap_config(struct env *env, char *device, size_t size, uint64_t *mac)
{
	struct config_root cfg;
	char text[24] = "";
	const struct node *root = config_root_parse(env, &cfg);

	if (!root)
		return true; /* no config: the defaults */
	if (node_attribute_string(root, "device", device, size, "tap0", &cfg.err) != STATUS_OK ||
	    node_attribute_string(root, "mac", text, sizeof(text), "", &cfg.err) != STATUS_OK ||
	    (text[0] && !nic_server_mac_parse(text, mac))) {
		log_error("nic_drv: malformed config (device=\"tap0\" mac=\"02:00:00:00:00:01\")");
		return false;
	}
	return true;
}

/* the TAP descriptor: our Tap session's capability at core */
static bool
nic_tap_device_open(struct env *env, const char *device)
{
	char args[64];
	cap_t tap = cap_invalid();
	struct stat st;

	format_string(args, sizeof(args), "ram_quota=4K, device=\"%s\"", device);
	status_t s = parent_session(env_parent(env), "Tap", args, &tap);
	if (s != STATUS_OK) {
		log_error("nic_drv: TAP device \"%s\" not granted: %s", device, status_name(s));
		return false;
	}
	/* on Linux a capability is a descriptor; the TUN/TAP clone device is a character device */
	nic_tap_fd = (int)tap.sel;
	if (fstat(nic_tap_fd, &st) != 0 || !S_ISCHR(st.st_mode)) {
		log_error("nic_drv: the Tap session for \"%s\" is no TAP descriptor", device);
		return false;
	}
	return true;
}

void
component_construct(struct env *env)
{
	static const struct nic_server_backend backend = {.send = nic_tap_send};
	char device[NIC_TAP_DEVICE_MAX] = "tap0";
	uint64_t mac = NIC_SERVER_MAC_DEFAULT;
	struct thread *reader = 0;

	if (!nic_tap_config(env, device, sizeof(device), &mac) || !nic_tap_device_open(env, device))
		env_exit(env, 1);
	if (thread_create("tap_reader", 0, nic_tap_reader, 0, &reader) != STATUS_OK ||
	    thread_start(reader) != STATUS_OK ||
	    nic_server_start(env, mac, &backend) != STATUS_OK) {
		log_error("nic_drv: cannot start serving");
		env_exit(env, 1);
	}
	log_print("nic_drv: device \"%s\", MAC %02x:%02x:%02x:%02x:%02x:%02x", device,
	          (unsigned)(mac >> 40 & 0xff), (unsigned)(mac >> 32 & 0xff),
	          (unsigned)(mac >> 24 & 0xff), (unsigned)(mac >> 16 & 0xff),
	          (unsigned)(mac >> 8 & 0xff), (unsigned)(mac & 0xff));
}
