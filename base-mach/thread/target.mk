# GNU Mach: the area with vm_map, kernel threads started with thread_create
# on the slots' stacks, joined by gsync; the main thread's stack switch in
# i386 assembly
LIB   := thread_platform
SRC_C := area.c thread_mach.c reply_slot.c main_thread.c call_on_stack.c
LIBS  := lock_platform util
