TARGET := rom_blk
SRC_C  := main.c session.c
LIBS   := root_component component packet_stream signal ipc rpc config_root xml arg_string util
