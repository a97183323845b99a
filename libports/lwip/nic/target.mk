# lwIP's netif over a NIC session, configured by the <lwip> node
# (include/lwip_env.h: lwip_nic_up; doc/net.md)
LIB   := lwip_nic
SRC_C := config.c netif.c
LIBS  := lwip_frame lwip nic_client component thread lock node log util
