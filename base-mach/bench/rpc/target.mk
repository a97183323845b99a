# A Mach-only benchmark booted as GNU Mach's bootstrap task (tool/bench_mach):
# base-mach/ is scanned for PLATFORM=mach only, bench/ for every platform
TARGET := bench-mach_rpc
SRC_C  := main.c rpc_server.c raw.c measure.c
LIBS   := mach_test_verdict ipc rpc thread lock util
