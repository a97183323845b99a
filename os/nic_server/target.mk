# the generic part of a NIC driver (include/os/nic_server.h)
LIB   := nic_server
SRC_C := root.c session.c rx.c region.c mac.c
LIBS  := root_component packet_stream signal ipc rpc arg_string lock util
