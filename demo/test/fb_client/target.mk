TARGET := test-fb-client
SRC_C  := main.c
LIBS   := nit_client gfx gui_window component config_root xml log util
