# a Linux driver: NIC sessions over a TAP descriptor core hands out (doc/net.md)
TARGET := nic_drv
SRC_C  := main.c
LIBS   := nic_server root_component component packet_stream config_root xml signal ipc rpc \
          arg_string thread lock util
