TARGET := liquid_fb
SRC_C  := main.c route.c framebuffer.c input.c
LIBS   := nit_client gfx gui_window root_component component config_root xml log util
