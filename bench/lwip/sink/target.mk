# bench-lwip's sink as a component: lwIP over a NIC session at nic_drv,
# a static address from its config (bench/lwip/main.c boots it)
TARGET := bench-lwip-sink
SRC_C  := main.c ../sink.c
LIBS   := lwip_nic lwip config_root xml component thread log util
