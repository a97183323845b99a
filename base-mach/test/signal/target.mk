TARGET := test-mach_signal
SRC_C  := main.c core_side.c checks_deliver.c checks_hostile.c \
          ../../core/signal_slot.c ../../core/signal_context.c ../../core/signal_port.c \
          ../../core/tick.c ../../core/core_ep_set.c ../../core/chunk.c \
          ../../../core/signal_context.c ../../../core/core_heap.c
LIBS   := mach_test_verdict signal thread ipc alloc avl util
CC_OPT := -Icore
