# hostile_nic: a NIC driver that breaks its client's RX stream, for
# lwip_nic's handling of it (run/lwip_hostile_nic.run, doc/net.md)
TARGET := test-hostile_nic
SRC_C  := main.c
LIBS   := nic_server root_component component packet_stream signal ipc rpc arg_string thread \
          lock util
