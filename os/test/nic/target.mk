TARGET := test-nic
SRC_C  := main.c proto.c hostile.c refusals.c
LIBS   := nic_client component packet_stream config_root xml signal ipc rpc util
