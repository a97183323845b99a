BENCH := bench-packet_stream
SRC_C := main.c peer.c ../../tests/unit/packet_stream/stream.c ../../tests/unit/ipc/raw.c
LIBS  := bench_measure packet_stream signal ipc
