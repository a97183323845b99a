# Linux: mmap for the area, pthreads on the slots' stacks, SIGSEGV on a guard;
# the main thread's stack switch is per architecture
LIB   := thread_platform
SRC_C := area.c overflow.c thread_linux.c main_thread.c ../arch/$(ARCH)/call_on_stack.c
LIBS  := lock util lx_syscall
