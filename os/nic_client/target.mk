# the client side of a NIC session (include/os/nic_client.h)
LIB   := nic_client
SRC_C := nic_client.c
LIBS  := packet_stream signal ipc rpc util
