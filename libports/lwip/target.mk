# lwIP 2.1.3 (doc/net.md, "lwIP"): the upstream sources of the stack,
# from the tree tool/prepare_port lays out in build/contrib/lwip (never
# committed; tool/mk/ports.mk makes every object of this module and of
# its users wait for it). Our options and sys_arch are in include/ and
# sys/ (library lwip_sys). Compiled in the flavor of the program that
# links it: musl's headers for libc components, the host's for the
# fuzzer and for components on the framework alone.
#
# Upstream code is not written for our warning flags: -w silences them
# for these files only; our own files (sys/, libc/, nic/) keep the
# project's -Wall -Wextra -Werror.
LIB    := lwip
LWIP   := ../../build/contrib/lwip/src
SRC_C  := $(addprefix $(LWIP)/core/,init.c def.c inet_chksum.c ip.c mem.c memp.c netif.c \
                                    pbuf.c raw.c stats.c sys.c tcp.c tcp_in.c tcp_out.c \
                                    timeouts.c udp.c) \
          $(addprefix $(LWIP)/core/ipv4/,dhcp.c etharp.c icmp.c ip4.c ip4_addr.c ip4_frag.c) \
          $(addprefix $(LWIP)/api/,api_lib.c api_msg.c err.c netbuf.c netifapi.c sockets.c \
                                   tcpip.c) \
          $(LWIP)/netif/ethernet.c
LIBS   := lwip_sys
CC_OPT := -w -D_DEFAULT_SOURCE
