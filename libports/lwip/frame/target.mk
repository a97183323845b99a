# one received Ethernet frame into lwIP (include/lwip_frame.h): the
# receive half of lwip_nic, and what the fuzzer feeds
LIB   := lwip_frame
SRC_C := frame_input.c
LIBS  := lwip
