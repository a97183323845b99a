# loopback: a TCP server thread and a client in one libc component,
# talking over BSD sockets through libc_lwip on lwIP's loopback netif,
# no NIC (doc/net.md, run/loopback.run)
TARGET := loopback
SRC_C  := main.c server.c checks.c
LIBS   := libc libc_lwip lwip
CC_OPT := -D_GNU_SOURCE
