FUZZ  := fuzz-packet_stream
SRC_C := main.c
LIBS  := packet_stream
