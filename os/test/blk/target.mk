TARGET := test-blk
SRC_C  := main.c stream.c pipeline.c hostile.c
LIBS   := component packet_stream signal ipc rpc config_root xml util
