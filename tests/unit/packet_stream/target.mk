UNIT_TEST := test-packet_stream
SRC_C     := main.c fixture.c basic.c flow.c payload.c signals.c hostile.c garbage.c stream.c concurrent.c \
             ../heap/test_backing.c ../ipc/raw.c
LIBS      := packet_stream thread signal harness
