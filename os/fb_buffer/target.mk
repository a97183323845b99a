# a Framebuffer session object over one buffer (include/os/fb_buffer.h)
LIB   := fb_buffer
SRC_C := fb_buffer.c
LIBS  := signal ipc rpc util
