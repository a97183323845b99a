LIB   := nit_client
SRC_C := client.c tick.c font.c deco.c
LIBS  := gfx gui_window component config_root xml log util
