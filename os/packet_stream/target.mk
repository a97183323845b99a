LIB   := packet_stream
SRC_C := layout.c ring.c notify.c payload.c source.c source_queue.c sink.c
LIBS  := alloc signal util
