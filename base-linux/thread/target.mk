# Linux: mmap for the area, pthreads on the slots' stacks, SIGSEGV on a guard
LIB   := thread_platform
SRC_C := area.c overflow.c thread_linux.c main_thread.c
LIBS  := lock util
