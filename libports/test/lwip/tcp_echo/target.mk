# tcp_echo: a libc component with BSD sockets over a NIC session
# (libc_lwip with <lwip> in its config; doc/net.md, run/lwip_libc.run)
TARGET := tcp_echo
SRC_C  := main.c
LIBS   := libc libc_lwip lwip
CC_OPT := -D_GNU_SOURCE
