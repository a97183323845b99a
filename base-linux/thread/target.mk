LIB   := thread
SRC_C := area.c overflow.c thread_linux.c main_thread.c ../arch/$(ARCH)/call_on_stack.c \
         ../../base/thread/context_area.c ../../base/thread/thread.c
LIBS  := lock util
