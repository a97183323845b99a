TARGET := nitpicker
SRC_C  := main.c session.c view.c fb.c input.c config.c font.c
LIBS   := nitpicker_core fb_buffer gfx dataspace root_component component signal ipc rpc xml arg_string log util
