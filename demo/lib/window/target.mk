LIB   := gui_window
SRC_C := window.c window_config.c
LIBS  := log xml util
