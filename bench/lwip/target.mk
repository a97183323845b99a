# bench-lwip: TCP into lwIP through nic_drv beside lwIP on the TAP device
# itself (doc/net.md). Linux only (TAP, network namespaces): boots core
# with nic_drv and bench-lwip-sink (sink/) from build/<p>/bin.
BENCH := bench-lwip
SRC_C := main.c netns.c sender.c genode.c direct.c sink.c
LIBS  := bench_measure lwip_frame lwip
