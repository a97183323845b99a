# lwIP's sys_arch on framework threads, locks, semaphores and the
# framework's clock (doc/net.md, "lwIP"), and lwip_tcpip_init (include/lwip_env.h)
LIB   := lwip_sys
SRC_C := sys_sem.c sys_mbox.c sys_thread.c sys_now.c platform.c tcpip_start.c
LIBS  := thread lock log util
