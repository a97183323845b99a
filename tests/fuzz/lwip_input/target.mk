FUZZ  := fuzz-lwip_input
SRC_C := main.c world.c
LIBS  := lwip_frame lwip
