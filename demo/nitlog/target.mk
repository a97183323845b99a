TARGET := nitlog
SRC_C  := main.c service.c text.c
LIBS   := nit_client gfx gui_window root_component component config_root xml log util
