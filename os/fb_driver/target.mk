LIB   := fb_driver
SRC_C := clip.c mode.c session.c driver.c
LIBS  := fb_buffer root_component component signal ipc rpc xml util
